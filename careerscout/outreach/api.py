"""Outreach in the JSON API: `POST /api/outreach/check` runs the checker on a draft."""

from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import ConfigDict, StringConstraints

from careerscout.lib.api_schemas import ValidationErrorOut

from .checker import Kind, check_draft

router = Router(tags=["outreach"])

# Far beyond any e-mail; keeps one request from tying up a worker.
MAX_BODY_CHARS = 20_000


class DraftIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: Kind = Field(description="What the draft is for.")
    subject: Annotated[str, StringConstraints(max_length=500)] = Field(
        "", description="An empty subject is a finding, not an error."
    )
    body: Annotated[str, StringConstraints(max_length=MAX_BODY_CHARS)]


class FindingOut(Schema):
    code: str = Field(description="See the outreach checker codes in the vocabulary.")
    severity: Literal["error", "warning"]
    message: str
    start: int | None = Field(description="Offset into the body; null for the whole draft.")
    end: int | None


class CheckOut(Schema):
    word_count: int = Field(description="Words in the body, without a signature after “--”.")
    findings: list[FindingOut] = Field(description="Errors first, then in reading order.")


@router.post("/check", response={200: CheckOut, 422: ValidationErrorOut})
def check_outreach(request: HttpRequest, payload: DraftIn):
    """Check an outreach draft against the method; nothing is saved."""
    return check_draft(payload.kind, payload.subject, payload.body).as_dict()
