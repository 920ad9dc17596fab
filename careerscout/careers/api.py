"""Career options in the JSON API, and who to ask about each."""

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

from .models import Career, checked_occupation_codes

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
        [], description="O*NET-SOC codes, as GET /api/occupations gives them."
    )


class CareerPatch(CareerIn):
    title: Title = None  # type: ignore[assignment]  # unsent fields are excluded


class Suggestion(Schema):
    contact: ContactOut
    score: float
    reasons: list[str]


class WhoToAskFilters(Schema):
    limit: int = Field(20, ge=1, le=500)


def _save(career: Career, fields: list[str] | None = None) -> None:
    if fields is None or "occupation_codes" in fields:
        try:
            career.occupation_codes = checked_occupation_codes(career.occupation_codes)
        except ValueError as error:
            raise HttpError(422, f"occupation_codes: {error}") from None
        if career.occupation_codes or fields is not None:
            career.occupations_reviewed = True
        if fields is not None:
            fields.append("occupations_reviewed")
    try:
        with transaction.atomic():
            career.save(update_fields=fields)
    except IntegrityError:
        raise HttpError(409, f"You already have a career called “{career.title}”.") from None


@router.get("", response=list[CareerOut])
def list_careers(request: HttpRequest):
    return Career.objects.for_user(request.auth)


@router.post("", response={201: CareerOut, 409: ErrorOut, 422: ValidationErrorOut})
def create_career(request: HttpRequest, payload: CareerIn):
    career = Career(user=request.auth, **payload.model_dump())
    _save(career)
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
    for name, value in changes.items():
        setattr(career, name, value)
    if changes:
        _save(career, [*changes, "updated_at"])
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
