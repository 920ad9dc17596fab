"""Conversations (informational interviews) in the JSON API."""

from datetime import datetime
from typing import Annotated, Any

from django.db import transaction
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import AfterValidator, ConfigDict, StringConstraints

from careerscout.careers.models import Career
from careerscout.lib.api_schemas import ErrorOut, Timestamp, TimeZone, ValidationErrorOut, web_url
from careerscout.people.models import Contact

from .models import Conversation, StatusChangeError
from .views import invitation_response

router = Router(tags=["conversations"])

VideoUrl = Annotated[str, StringConstraints(max_length=500), AfterValidator(web_url)]


class ConversationOut(Schema):
    id: int
    contact_id: int
    career_ids: list[int]
    status: str = Field(json_schema_extra={"enum": Conversation.Status.values})
    scheduled_at: Timestamp | None
    duration_minutes: int
    time_zone: str = Field(description="IANA name of where the other person is.")
    location: str
    video_url: str
    notes: str = Field(description="Markdown.")
    created_at: Timestamp
    updated_at: Timestamp

    @staticmethod
    def resolve_career_ids(conversation: Conversation) -> list[int]:
        return sorted(career.pk for career in conversation.careers.all())


class ConversationIn(Schema):
    """Only `contact_id` is required; a new conversation starts as `planned`."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    contact_id: int
    career_ids: list[int] = []
    scheduled_at: datetime | None = None
    duration_minutes: int = Field(20, ge=5, le=240)
    time_zone: TimeZone = ""
    location: Annotated[str, StringConstraints(max_length=300)] = ""
    video_url: VideoUrl = ""
    notes: str = ""


class ConversationPatch(Schema):
    """Only the fields sent change. A new `status` must be a step the pipeline allows."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    status: Conversation.Status | None = None
    career_ids: list[int] | None = None
    scheduled_at: datetime | None = None
    duration_minutes: int | None = Field(None, ge=5, le=240)
    time_zone: TimeZone | None = None
    location: Annotated[str, StringConstraints(max_length=300)] | None = None
    video_url: VideoUrl | None = None
    notes: str | None = None


class ConversationFilters(Schema):
    status: Conversation.Status | None = None
    career: int | None = None
    contact: int | None = None


def get_conversation(request: HttpRequest, conversation_id: int) -> Conversation:
    conversation = Conversation.objects.for_user(request.auth).filter(pk=conversation_id).first()
    if conversation is None:
        raise Http404("No conversation with that id.")
    return conversation


def owned_careers(request: HttpRequest, career_ids: list[int]) -> list[Career]:
    careers = list(Career.objects.for_user(request.auth).filter(pk__in=career_ids))
    missing = set(career_ids) - {career.pk for career in careers}
    if missing:
        raise HttpError(422, f"career_ids: no career with id {min(missing)}.")
    return careers


def _check_aware(value: datetime | None) -> None:
    if value is not None and value.tzinfo is None:
        raise HttpError(
            422, "scheduled_at: give a time with an offset, e.g. 2026-12-01T15:00:00+01:00."
        )


@router.get("", response=list[ConversationOut])
def list_conversations(request: HttpRequest, filters: Query[ConversationFilters]):
    conversations = Conversation.objects.for_user(request.auth).prefetch_related("careers")
    if filters.status:
        conversations = conversations.filter(status=filters.status)
    if filters.career is not None:
        conversations = conversations.filter(careers__id=filters.career)
    if filters.contact is not None:
        conversations = conversations.filter(contact_id=filters.contact)
    return conversations


@router.post("", response={201: ConversationOut, 422: ValidationErrorOut})
def create_conversation(request: HttpRequest, payload: ConversationIn):
    contact = Contact.objects.for_user(request.auth).filter(pk=payload.contact_id).first()
    if contact is None:
        raise HttpError(422, f"contact_id: no person with id {payload.contact_id}.")
    _check_aware(payload.scheduled_at)
    careers = owned_careers(request, payload.career_ids)
    data = payload.model_dump(exclude={"contact_id", "career_ids"})
    with transaction.atomic():
        conversation = Conversation.plan(contact, careers)
        for name, value in data.items():
            setattr(conversation, name, value)
        conversation.save()
        for career in careers:
            career.contacts.add(contact)
    return Status(201, conversation)


@router.get("/{conversation_id}", response={200: ConversationOut, 404: ErrorOut})
def get_conversation_detail(request: HttpRequest, conversation_id: int):
    return get_conversation(request, conversation_id)


@router.patch(
    "/{conversation_id}",
    response={200: ConversationOut, 404: ErrorOut, 409: ErrorOut, 422: ValidationErrorOut},
)
def update_conversation(
    request: HttpRequest, conversation_id: int, payload: ConversationPatch | None = None
):
    conversation = get_conversation(request, conversation_id)
    changes: dict[str, Any] = payload.model_dump(exclude_unset=True) if payload else {}
    status = changes.pop("status", None)
    career_ids = changes.pop("career_ids", None)
    _check_aware(changes.get("scheduled_at"))
    with transaction.atomic():
        if career_ids is not None:
            conversation.careers.set(owned_careers(request, career_ids))
        for name, value in changes.items():
            setattr(conversation, name, "" if value is None and name != "scheduled_at" else value)
        if changes:
            conversation.save()
        if status and status != conversation.status:
            try:
                conversation.move_to(status)
            except StatusChangeError as error:
                raise HttpError(409, str(error)) from None
    return conversation


@router.delete("/{conversation_id}", response={204: None, 404: ErrorOut})
def delete_conversation(request: HttpRequest, conversation_id: int):
    get_conversation(request, conversation_id).delete()
    return Status(204, None)


@router.get(
    "/{conversation_id}/invitation.ics",
    response={200: None, 404: ErrorOut},
    openapi_extra={"responses": {200: {"content": {"text/calendar": {}}}}},
)
def conversation_invitation(request: HttpRequest, conversation_id: int):
    """The iCalendar invitation (METHOD:REQUEST, or CANCEL once cancelled)."""
    conversation = get_conversation(request, conversation_id)
    if conversation.scheduled_at is None:
        raise Http404("This conversation has no time yet.")
    return invitation_response(conversation)
