"""Drafts filled from what Career Scout knows, and what happens when one is sent."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from careerscout.conversations.invitations import invitation_bytes
from careerscout.conversations.models import Conversation
from careerscout.conversations.scheduling import describe
from careerscout.people.models import Contact, TimelineEntry

from .defaults import DEFAULT_TEMPLATES, render_template
from .models import DraftTemplate, Kind, Message

CONNECTION_BY_SOURCE = {
    "alumni": "we are both alumni of the same school",
    "colleague": "we worked together",
    "friend_family": "we know each other through friends and family",
    "referral": "a friend suggested I get in touch with you",
    "event": "we met at an event",
    "association": "we are members of the same professional association",
    "linkedin": "we are connected on LinkedIn",
}


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if len(parts) > 1 else name


def placeholder_values(user, contact: Contact, conversation: Conversation | None) -> dict:
    careers = list(conversation.careers.all()) if conversation else list(contact.careers.all())
    how = contact.how_we_know.strip().rstrip(".")
    values = {
        "first_name": first_name(contact.name),
        "name": contact.name,
        "my_name": user.name or user.username,
        "connection": how[:1].lower() + how[1:]
        if how
        else CONNECTION_BY_SOURCE.get(contact.source, "I came across your work"),
        "career": " and ".join(career.title for career in careers) or "your field",
        "organization": contact.organization or "your organisation",
        "title": contact.title or "your role",
        "minutes": str(conversation.duration_minutes if conversation else 20),
    }
    if conversation is not None:
        values.update(from_the_notes(conversation))
        if conversation.scheduled_at:
            zone = conversation.time_zone or contact.time_zone or user.time_zone
            values["when"] = describe(
                conversation.scheduled_at, conversation.duration_minutes, zone
            ).replace(f" ({zone})", f" ({zone.split('/')[-1].replace('_', ' ')} time)")
            if conversation.video_url:
                values["where"] = f"Here is the link: {conversation.video_url}"
            elif conversation.location:
                values["where"] = f"See you at {conversation.location}."
            else:
                values["where"] = "I will call you then."
    return values


def _sentence_part(text: str) -> str:
    text = text.strip().rstrip(".!")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def from_the_notes(conversation: Conversation) -> dict:
    """{specific} and {action} from what the notes captured: one thing they said, and what
    the person means to do about it. Left out (so still visible in the draft) when unknown."""
    items = list(conversation.items.order_by("created_at", "id"))
    said = next((i for i in items if i.kind == "advice"), None) or next(
        (i for i in items if i.kind in {"insight", "appeal"}), None
    )
    todo = next((i for i in items if i.kind == "action"), None)
    values = {}
    if said:
        values["specific"] = _sentence_part(said.text)
        values["last_topic"] = _sentence_part(said.text)
    if todo:
        values["action"] = _sentence_part(todo.text)
    return values


def templates_for(user, kind: str) -> list[DraftTemplate]:
    return list(DraftTemplate.objects.filter(user=user, kind=kind))


def build_draft(
    user,
    kind: str,
    contact: Contact,
    conversation: Conversation | None = None,
    template: DraftTemplate | None = None,
) -> Draft:
    if template is None:
        template = next(iter(templates_for(user, kind)), None)
    if template is not None:
        subject, body = template.subject, template.body
    else:
        default = DEFAULT_TEMPLATES[kind]
        subject, body = default.subject, default.body
    values = placeholder_values(user, contact, conversation)
    return Draft(render_template(subject, values), render_template(body, values))


def mailto_link(contact: Contact, subject: str, body: str) -> str:
    return (
        f"mailto:{quote(contact.primary_email, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def email_message(
    user, contact: Contact, subject: str, body: str, conversation: Conversation | None = None
) -> EmailMessage:
    """The message as sent by e-mail or saved as .eml; a scheduled conversation's invitation
    goes along, so the time lands in their calendar."""
    # One line: a line break in a name would end the From header and start another.
    name = " ".join((user.name or user.username).split())
    sender = f"{name} <{user.email}>" if user.email else None
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=sender or settings.DEFAULT_FROM_EMAIL,
        to=[contact.primary_email] if contact.primary_email else [],
        reply_to=[user.email] if user.email else None,
    )
    if conversation is not None and conversation.scheduled_at is not None:
        method = "CANCEL" if conversation.status == Conversation.Status.CANCELLED else "REQUEST"
        message.attach(
            "invitation.ics",
            invitation_bytes(conversation).decode(),
            f"text/calendar; method={method}",
        )
    return message


def can_send_email(user, contact: Contact) -> bool:
    return settings.EMAIL_CONFIGURED and bool(contact.primary_email) and bool(user.email)


@transaction.atomic
def record_sent(
    user,
    kind: str,
    contact: Contact,
    conversation: Conversation | None,
    channel: str,
    subject: str,
    body: str,
    at: datetime,
) -> Message:
    """Log a message the person sent, and move the conversation along with it."""
    message = Message.objects.create(
        user=user,
        contact=contact,
        conversation=conversation,
        kind=kind,
        channel=channel,
        subject=subject,
        body=body,
        sent_at=at,
    )
    contact.log(TimelineEntry.Kind.MESSAGE, f"Sent: {Kind(kind).label.lower()} — {subject}"[:300])
    contact.touch(at)
    if conversation is None:
        return message
    status = conversation.status
    if kind == Kind.REQUEST and status == Conversation.Status.PLANNED:
        conversation.move_to(Conversation.Status.REQUESTED, at)
    elif kind == Kind.FOLLOW_UP and conversation.followed_up_at is None:
        conversation.followed_up_at = at
        conversation.save(update_fields=["followed_up_at", "updated_at"])
    elif kind == Kind.THANK_YOU and status == Conversation.Status.HELD:
        conversation.move_to(Conversation.Status.THANKED, at)
    elif kind == Kind.REPORT_BACK and conversation.reported_back_at is None:
        conversation.reported_back_at = at
        conversation.save(update_fields=["reported_back_at", "updated_at"])
    return message
