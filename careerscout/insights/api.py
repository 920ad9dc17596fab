"""Quick-capture notes in the JSON API: `POST /api/notes/parse` reads notes into items."""

from datetime import date
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import ConfigDict, StringConstraints

from careerscout.lib.api_schemas import ValidationErrorOut
from careerscout.lib.vocabulary import ItemKind, Topic

from .quick_capture import parse_notes

router = Router(tags=["notes"])

# Pages of notes from a long conversation fit many times over; keeps one request short.
MAX_TEXT_CHARS = 100_000


class NotesIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS)] = Field(
        description="Notes in the quick-capture shorthand, one item per line."
    )
    topic: Topic | None = Field(
        None, description="Topic of the planned question the notes were taken under."
    )


class PersonOut(Schema):
    name: str
    title: str = Field(description="Empty when not given.")
    organization: str = Field(description="Empty when not given.")
    note: str = Field(description="What follows the name, e.g. “says ok to use her name”.")


class ItemOut(Schema):
    kind: ItemKind
    text: str = Field(description="The line without its marker, tags or due date.")
    topic: Topic | None = Field(description="From a tag on the line, else the one sent.")
    skills: list[str] = Field(description="Names from `#skill:` tags, in order.")
    due: date | None = Field(description="An action's `by YYYY-MM-DD`.")
    person: PersonOut | None = Field(description="Whom a referral names.")


class ParsedNotesOut(Schema):
    items: list[ItemOut] = Field(description="One per non-blank line, in order.")


@router.post("/parse", response={200: ParsedNotesOut, 422: ValidationErrorOut})
def parse(request: HttpRequest, payload: NotesIn):
    """Read quick-capture notes into items; nothing is saved."""
    return {"items": [item.as_dict() for item in parse_notes(payload.text, payload.topic)]}
