"""Conversations (informational interviews) in the JSON API."""

from datetime import date, datetime
from typing import Annotated, Any

from django.db import transaction
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import AfterValidator, ConfigDict, StringConstraints

from careerscout.careers.models import Career
from careerscout.lib.api_schemas import (
    ErrorOut,
    SensibleDateTime,
    Timestamp,
    TimeZone,
    ValidationErrorOut,
    web_url,
)
from careerscout.lib.models import get_owned
from careerscout.lib.vocabulary import ItemKind
from careerscout.people.models import Contact

from .models import Conversation, StatusChangeError
from .signals import notes_edited_after_call
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
    notes_version: int = Field(
        description="Raised on each save of the notes; send it back with changed notes."
    )
    created_at: Timestamp
    updated_at: Timestamp

    @staticmethod
    def resolve_career_ids(conversation: Conversation) -> list[int]:
        return sorted(career.pk for career in conversation.careers.all())


class ItemOut(Schema):
    kind: str = Field(json_schema_extra={"enum": ItemKind.values})
    topic: str = Field(description="A topic slug, or empty.")
    text: str
    skills: list[str]
    due: date | None = Field(description="For an action: the day it is due.")
    done: bool

    @staticmethod
    def resolve_done(item) -> bool:
        return item.done_at is not None


class ReferralOut(Schema):
    text: str = Field(description="The line of notes, as written.")
    contact_id: int | None = Field(description="The person referred to, among your people.")
    name: str


class ConversationRecordOut(ConversationOut):
    """The conversation with what its notes captured, as the conversation page shows it."""

    items: list[ItemOut] = Field(description="Everything captured except the referrals.")
    referrals: list[ReferralOut]

    @staticmethod
    def resolve_items(conversation: Conversation) -> list:
        return [i for i in conversation.items.all() if i.kind != ItemKind.REFERRAL]

    @staticmethod
    def resolve_referrals(conversation: Conversation) -> list[dict]:
        return [
            {
                "text": item.text,
                "contact_id": item.referred_id,
                "name": item.referred.name if item.referred else item.text,
            }
            for item in conversation.items.all()
            if item.kind == ItemKind.REFERRAL
        ]


class ConversationIn(Schema):
    """Only `contact_id` is required; a new conversation starts as `planned`."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    contact_id: int
    career_ids: list[int] = []
    scheduled_at: SensibleDateTime | None = None
    duration_minutes: int = Field(20, ge=5, le=240)
    time_zone: TimeZone = ""
    location: Annotated[str, StringConstraints(max_length=300)] = ""
    video_url: VideoUrl = ""
    notes: str = ""


class ConversationPatch(Schema):
    """Only the fields sent change. A new `status` must be a step the pipeline allows.

    Changed `notes` must come with the `notes_version` they were read at: if the notes were
    saved since (in another tab or by another client), the answer is 409 with both texts and
    nothing is saved. A new `scheduled_at` schedules the conversation as the page does: the
    status follows, and a changed time makes calendars update the invitation. Once the
    conversation is held or thanked its time stays: a new one is refused with 409.
    """

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    status: Conversation.Status | None = None
    career_ids: list[int] | None = None
    scheduled_at: SensibleDateTime | None = None
    duration_minutes: int | None = Field(None, ge=5, le=240)
    time_zone: TimeZone | None = None
    location: Annotated[str, StringConstraints(max_length=300)] | None = None
    video_url: VideoUrl | None = None
    notes: str | None = None
    notes_version: int | None = Field(None, ge=0)


class NotesConflictOut(Schema):
    detail: str
    notes: str = Field(description="The notes as they are saved now.")
    notes_version: int = Field(description="Their version now.")
    sent_notes: str = Field(description="The notes this request sent, which were not saved.")


class ConversationFilters(Schema):
    status: Conversation.Status | None = None
    career: int | None = None
    contact: int | None = None


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
    details = payload.model_dump(exclude={"contact_id", "career_ids", "scheduled_at"})
    with transaction.atomic():
        conversation = Conversation.plan(contact, careers, **details)
        if payload.scheduled_at is not None:
            conversation.schedule(payload.scheduled_at)
    return Status(201, conversation)


@router.get("/{conversation_id}", response={200: ConversationRecordOut, 404: ErrorOut})
def get_conversation_detail(request: HttpRequest, conversation_id: int):
    """The conversation with its notes, the items they hold and the people referred."""
    conversations = Conversation.objects.prefetch_related("careers", "items__referred")
    return get_owned(conversations, request.auth, conversation_id)


@router.patch(
    "/{conversation_id}",
    response={
        200: ConversationOut,
        404: ErrorOut,
        409: ErrorOut | NotesConflictOut,
        422: ValidationErrorOut,
    },
)
def update_conversation(
    request: HttpRequest, conversation_id: int, payload: ConversationPatch | None = None
):
    """The same changes the pages make, through the same model methods."""
    conversation = get_owned(Conversation, request.auth, conversation_id)
    changes: dict[str, Any] = payload.model_dump(exclude_unset=True) if payload else {}
    status = changes.pop("status", None)
    career_ids = changes.pop("career_ids", None)
    notes = changes.pop("notes", None)
    notes_version = changes.pop("notes_version", None)
    reschedule = "scheduled_at" in changes and changes["scheduled_at"] is not None
    scheduled_at = changes.pop("scheduled_at") if reschedule else None
    _check_aware(scheduled_at)
    if notes is not None and notes_version is None:
        raise HttpError(
            422, "notes_version: send the notes_version you read, so no one's notes are lost."
        )
    with transaction.atomic():
        if notes is not None and notes != conversation.notes:
            saved = conversation.save_notes(notes, notes_version)
            if not saved.saved:
                transaction.set_rollback(True)
                return Status(
                    409,
                    {
                        "detail": "The notes changed since you read them; nothing was saved.",
                        "notes": saved.text,
                        "notes_version": saved.version,
                        "sent_notes": notes,
                    },
                )
            if conversation.status in Conversation.AFTER_THE_CALL:
                notes_edited_after_call.send(Conversation, conversation=conversation)
        if career_ids is not None:
            conversation.careers.set(owned_careers(request, career_ids))
        for name, value in changes.items():
            # null clears a text field, or the time (`scheduled_at`), as the pages can.
            setattr(conversation, name, "" if value is None and name != "scheduled_at" else value)
        if changes:
            conversation.save(update_fields=[*changes, "updated_at"])
        try:
            if reschedule and scheduled_at != conversation.scheduled_at:
                conversation.schedule(scheduled_at)
            if status and status != conversation.status:
                conversation.move_to(status)
        except StatusChangeError as error:
            raise HttpError(409, str(error)) from None
    return conversation


@router.delete("/{conversation_id}", response={204: None, 404: ErrorOut})
def delete_conversation(request: HttpRequest, conversation_id: int):
    get_owned(Conversation, request.auth, conversation_id).delete()
    return Status(204, None)


@router.get(
    "/{conversation_id}/invitation.ics",
    response={200: None, 404: ErrorOut},
    openapi_extra={"responses": {200: {"content": {"text/calendar": {}}}}},
)
def conversation_invitation(request: HttpRequest, conversation_id: int):
    """The iCalendar invitation (METHOD:REQUEST, or CANCEL once cancelled)."""
    conversation = get_owned(Conversation, request.auth, conversation_id)
    if conversation.scheduled_at is None:
        raise Http404("This conversation has no time yet.")
    return invitation_response(conversation)
