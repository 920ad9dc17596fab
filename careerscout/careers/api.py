"""Career options in the JSON API, and who to ask about each."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import AfterValidator, ConfigDict, StringConstraints

from careerscout.lib.api_schemas import (
    NOT_BLANK,
    ErrorOut,
    Timestamp,
    ValidationErrorOut,
    distinct,
    not_blank,
)
from careerscout.lib.models import get_owned
from careerscout.people.api import ContactOut

from .models import Career

router = Router(tags=["careers"])


Title = Annotated[
    str,
    StringConstraints(max_length=150),
    AfterValidator(not_blank),
    Field(json_schema_extra={"pattern": NOT_BLANK}),  # documented; not_blank says why
]
Keyword = Annotated[str, StringConstraints(max_length=100, strip_whitespace=True)]
OccupationCode = Annotated[str, StringConstraints(max_length=10, strip_whitespace=True)]


class CareerOut(Schema):
    id: int
    title: str
    status: str = Field(json_schema_extra={"enum": Career.Status.values})
    why: str
    notes: str = Field(description="Markdown.")
    keywords: list[str] = Field(description="Other titles people in this career use.")
    occupation_codes: list[str] = Field(
        description="O*NET-SOC codes the person confirmed, e.g. 15-1255.00."
    )
    created_at: Timestamp
    updated_at: Timestamp


class CareerIn(Schema):
    """Only `title` is required."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    title: Title
    status: Career.Status = Career.Status.EXPLORING
    why: str = ""
    notes: str = ""
    keywords: Annotated[list[Keyword], AfterValidator(distinct)] = []
    occupation_codes: Annotated[list[OccupationCode], AfterValidator(distinct)] = Field(
        [],
        description=(
            "O*NET-SOC codes, as GET /api/occupations gives them. Creating without any leaves"
            " the career open to suggestions; an empty list in a PATCH means none of them."
        ),
    )


class CareerPatch(CareerIn):
    title: Title = None  # type: ignore[assignment]  # unsent fields are excluded


class Suggestion(Schema):
    contact: ContactOut
    score: float
    reasons: list[str]


class WhoToAskFilters(Schema):
    limit: int = Field(20, ge=1, le=500)


@contextmanager
def _refusals(career: Career) -> Iterator[None]:
    """One transaction for a career's fields and its occupations, refused as a whole."""
    try:
        with transaction.atomic():
            yield
    except ValueError as error:  # from Career.confirm_occupations
        raise HttpError(422, f"occupation_codes: {error}") from None
    except IntegrityError:
        raise HttpError(409, f"You already have a career called “{career.title}”.") from None


@router.get("", response=list[CareerOut])
def list_careers(request: HttpRequest):
    return Career.objects.for_user(request.auth)


@router.post("", response={201: CareerOut, 409: ErrorOut, 422: ValidationErrorOut})
def create_career(request: HttpRequest, payload: CareerIn):
    fields = payload.model_dump()
    codes = fields.pop("occupation_codes")
    career = Career(user=request.auth, **fields)
    with _refusals(career):
        career.save()
        # No codes at creation leaves "which occupation is this?" open for the career page.
        if codes:
            career.confirm_occupations(codes)
    return Status(201, career)


@router.get("/{career_id}", response={200: CareerOut, 404: ErrorOut})
def get_career_detail(request: HttpRequest, career_id: int):
    return get_owned(Career, request.auth, career_id)


@router.patch(
    "/{career_id}", response={200: CareerOut, 404: ErrorOut, 409: ErrorOut, 422: ValidationErrorOut}
)
def update_career(request: HttpRequest, career_id: int, payload: CareerPatch | None = None):
    career = get_owned(Career, request.auth, career_id)
    changes: dict[str, Any] = payload.model_dump(exclude_unset=True) if payload else {}
    codes = changes.pop("occupation_codes", None)
    for name, value in changes.items():
        setattr(career, name, value)
    with _refusals(career):
        if changes:
            career.save(update_fields=[*changes, "updated_at"])
        # A list sent, even an empty one, answers the question ("none of these").
        if codes is not None:
            career.confirm_occupations(codes)
    return career


@router.delete("/{career_id}", response={204: None, 404: ErrorOut})
def delete_career(request: HttpRequest, career_id: int):
    get_owned(Career, request.auth, career_id).delete()
    return Status(204, None)


@router.get("/{career_id}/who-to-ask", response={200: list[Suggestion], 404: ErrorOut})
def who_to_ask(request: HttpRequest, career_id: int, filters: Query[WhoToAskFilters]):
    """Everyone, best to ask first, each with the reasons for their place."""
    career = get_owned(Career, request.auth, career_id)
    ranked = career.who_to_ask(limit=filters.limit)
    return [
        {"contact": contact, "score": suggestion.score, "reasons": suggestion.reasons}
        for contact, suggestion in ranked
    ]
