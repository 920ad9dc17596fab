"""Outreach in the JSON API: `POST /api/outreach/check` runs the checker on a draft, and
`GET /api/conversations/{id}/drafts/{kind}` gives a conversation's draft as its page does."""

from typing import Annotated, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from pydantic import ConfigDict, StringConstraints

from careerscout.conversations.models import Conversation
from careerscout.lib.api_schemas import ErrorOut, ValidationErrorOut
from careerscout.lib.models import get_owned

from .checker import Kind, check_draft
from .drafting import checked_draft

router = Router(tags=["outreach"])
# Mounted under /conversations: a conversation's drafts belong with it in the URL.
drafts_router = Router(tags=["outreach"])

# Far beyond any e-mail; keeps one request from tying up a worker.
MAX_BODY_CHARS = 20_000

# The API's names for the kinds of draft; the app says "confirm" for the confirmation.
DRAFT_KINDS = {
    "request": "request",
    "follow_up": "follow_up",
    "thank_you": "thank_you",
    "keep_in_touch": "keep_in_touch",
    "report_back": "report_back",
    "confirmation": "confirm",
}


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


class DraftOut(Schema):
    subject: str
    body: str
    findings: list[FindingOut] = Field(description="The method check of this draft.")


@router.post("/check", response={200: CheckOut, 422: ValidationErrorOut})
def check_outreach(request: HttpRequest, payload: DraftIn):
    """Check an outreach draft against the method; nothing is saved."""
    return check_draft(payload.kind, payload.subject, payload.body).as_dict()


@drafts_router.get("/{conversation_id}/drafts/{kind}", response={200: DraftOut, 404: ErrorOut})
def conversation_draft(request: HttpRequest, conversation_id: int, kind: str):
    """The draft of this kind for the conversation, filled in and checked exactly as its page
    shows it (with the person's own template, if they made one). Nothing is saved or sent."""
    conversation = get_owned(
        Conversation.objects.select_related("contact"), request.auth, conversation_id
    )
    if kind not in DRAFT_KINDS:
        raise Http404(f"No kind of draft “{kind}”; use one of {', '.join(DRAFT_KINDS)}.")
    draft = checked_draft(request.auth, DRAFT_KINDS[kind], conversation.contact, conversation)
    return {
        "subject": draft.subject,
        "body": draft.body,
        "findings": [finding.as_dict() for finding in draft.result.findings],
    }
