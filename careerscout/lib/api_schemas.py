"""Schemas every part of the JSON API shares: errors and timestamps."""

from datetime import UTC, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import PlainSerializer, WithJsonSchema


def _iso_with_offset(value: datetime) -> str:
    # The default JSON encoder writes "Z"; the interface promises an explicit offset.
    return value.astimezone(UTC).isoformat()


Timestamp = Annotated[
    datetime,
    PlainSerializer(_iso_with_offset, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


class ErrorOut(Schema):
    detail: str


class FieldError(Schema):
    field: str = Field(description='Dotted path to the input, e.g. "emails.1".')
    message: str


class ValidationErrorOut(Schema):
    detail: str = Field(description="Every problem in one sentence, each naming its field.")
    errors: list[FieldError]
