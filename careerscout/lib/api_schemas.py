"""Schemas and validators every part of the JSON API shares."""

import functools
import zoneinfo
from datetime import UTC, date, datetime
from typing import Annotated

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from ninja import Field, Schema
from pydantic import AfterValidator, PlainSerializer, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from careerscout.lib.dates import RANGE_MESSAGE, is_sensible_year


@functools.cache
def known_time_zones() -> frozenset[str]:
    # available_timezones() walks the tz database on every call.
    return frozenset(zoneinfo.available_timezones())


# In the schema too, so that clients (and Schemathesis) know a blank name is refused.
NOT_BLANK = r"\S"


def not_blank(value: str) -> str:
    if not value:
        raise PydanticCustomError("blank", "This field cannot be blank.")
    return value


def distinct(values: list[str]) -> list[str]:
    """Drops blanks and repeats but keeps the order (the first e-mail is the one used most)."""
    return list(dict.fromkeys(value for value in values if value))


def time_zone(value: str) -> str:
    if value and value not in known_time_zones():
        raise PydanticCustomError(
            "time_zone",
            "“{value}” is not a time zone we know. Use an IANA name like Europe/Paris.",
            {"value": value},
        )
    return value


def sensible_date(value: date | None) -> date | None:
    if value is not None and not is_sensible_year(value.year):
        raise PydanticCustomError("date_range", RANGE_MESSAGE)
    return value


def web_url(value: str) -> str:
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise PydanticCustomError(
                "url", "“{value}” does not look like a web address.", {"value": value}
            ) from None
    return value


TimeZone = Annotated[str, StringConstraints(max_length=64), AfterValidator(time_zone)]
# A moment a person gives: within the years every page, feed and invitation can show.
SensibleDateTime = Annotated[datetime, AfterValidator(sensible_date)]


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
