"""A conversation's plan of questions in the JSON API."""

from django.http import HttpRequest
from ninja import Field, Router, Schema

from careerscout.conversations.models import Conversation
from careerscout.lib.api_schemas import ErrorOut
from careerscout.lib.models import get_owned

from . import saved_plans

router = Router(tags=["conversations"])


class PlannedQuestionOut(Schema):
    id: int | None = Field(description="Null while the plan is only a suggestion.")
    key: str
    topic: str
    text: str
    reason: str
    position: int
    closing: bool
    notes: str


class PlanOut(Schema):
    conversation_id: int
    duration_minutes: int
    questions: list[PlannedQuestionOut]


@router.get("/{conversation_id}/plan", response={200: PlanOut, 404: ErrorOut})
def conversation_plan(request: HttpRequest, conversation_id: int):
    """The questions for this conversation, in order, each with why it is there.

    Until the person changes the plan or takes notes under it, this is the suggestion.
    """
    conversation = get_owned(Conversation, request.auth, conversation_id)
    return {
        "conversation_id": conversation.pk,
        "duration_minutes": conversation.duration_minutes,
        "questions": saved_plans.current_plan(conversation),
    }
