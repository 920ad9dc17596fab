"""Drafts filled from what Career Scout knows, and what happens when one is sent."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from careerscout.careers.models import Career
from careerscout.conversations.invitations import invitation_bytes
from careerscout.conversations.models import Conversation
from careerscout.conversations.scheduling import describe
from careerscout.insights.models import Item
from careerscout.lib.career_names import names_of, with_article
from careerscout.people.models import Contact, TimelineEntry

from .checker import CheckResult, check_draft
from .defaults import DEFAULT_MINUTES, DEFAULT_TEMPLATES, render_template
from .models import DraftTemplate, Kind, Message
from .wording import fit_action, fit_connection, fit_said, natural_join

CONNECTION_BY_SOURCE = {
    "alumni": "we are both alumni of the same school",
    "colleague": "we worked together",
    "friend_family": "we know each other through friends and family",
    "referral": "a friend suggested I get in touch with you",
    "event": "we met at an event",
    "association": "we are members of the same professional association",
    "linkedin": "we are connected on LinkedIn",
}
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir"})


# A message recorded twice within this time is one message sent once (see record_sent).
SAME_MESSAGE_WITHIN = timedelta(hours=1)


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str


def first_name(name: str) -> str:
    parts = [part for part in name.split() if part.lower().rstrip(".") not in _HONORIFICS]
    return parts[0] if len(parts) > 1 else " ".join(name.split())


def placeholder_values(user, contact: Contact, conversation: Conversation | None) -> dict:
    careers = list(conversation.careers.all()) if conversation else list(contact.careers.all())
    items = list(conversation.items.order_by("created_at", "id")) if conversation else []
    return draft_values(user, contact, careers, items, conversation)


def draft_values(
    user,
    contact: Contact,
    careers: list[Career],
    items: list[Item],
    conversation: Conversation | None = None,
) -> dict[str, str]:
    """What the templates' placeholders say for this person; a value not known is left out,
    so its sentence is rephrased or dropped rather than sent with a gap."""
    names = [names_of(career) for career in careers]
    fields = natural_join([name.field for name in names])
    values = {
        "first_name": first_name(contact.name),
        "name": contact.name,
        "my_name": user.name or user.username,
        "connection": fit_connection(contact.how_we_know, contact.name)
        or CONNECTION_BY_SOURCE.get(contact.source)
        or (
            f"I came across your work at {contact.organization}"
            if contact.organization
            else "I came across your work"
        ),
        "career": fields,
        "last_topic": fields,
        "a_role": with_article(names[0].role) if len(names) == 1 else "",
        "organization": contact.organization,
        "title": contact.title,
        "minutes": str(conversation.duration_minutes if conversation else DEFAULT_MINUTES),
    }
    values.update(from_the_notes(items))
    if conversation is not None:
        values.update(meeting_values(user, contact, conversation))
    return values


def meeting_values(user, contact: Contact, conversation: Conversation) -> dict[str, str]:
    """{when} in their time zone, and {where} as a sentence of its own."""
    values = {}
    if conversation.scheduled_at:
        zone = conversation.time_zone or contact.time_zone or user.time_zone
        values["when"] = describe(conversation.scheduled_at, conversation.duration_minutes, zone)
    if conversation.video_url:
        values["where"] = f"Here is the link: {conversation.video_url}"
    elif conversation.location:
        values["where"] = f"See you at {conversation.location.strip().rstrip('.')}."
    return values


def from_the_notes(items: list[Item]) -> dict[str, str]:
    """{specific} and {action} from what the notes captured: one thing they said, and what
    the person means to do about it, each fitted into a sentence or left out."""
    said = next((i for i in items if i.kind == "advice"), None) or next(
        (i for i in items if i.kind in {"insight", "appeal"}), None
    )
    actions = (fit_action(i.text) for i in items if i.kind == "action")
    return {
        "specific": fit_said(said.kind, said.text) if said else "",
        "action": next((action for action in actions if action), ""),
    }


def templates_for(user, kind: str) -> list[DraftTemplate]:
    return list(DraftTemplate.objects.for_user(user).filter(kind=kind))


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


@dataclass(frozen=True)
class CheckedDraft:
    subject: str
    body: str
    result: CheckResult


def checked_draft(
    user,
    kind: str,
    contact: Contact,
    conversation: Conversation | None = None,
    template: DraftTemplate | None = None,
) -> CheckedDraft:
    """A new draft with the method check under it, as the draft page opens and the API
    answers: one path, so both show the same words and the same findings."""
    draft = build_draft(user, kind, contact, conversation, template)
    return CheckedDraft(draft.subject, draft.body, check_draft(kind, draft.subject, draft.body))


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
    """Log a message the person sent, and move the conversation along with it.

    Exactly once: the same message recorded again (a second click, a resent form) within
    `SAME_MESSAGE_WITHIN` is the first one, returned without a second record.
    """
    # Locking the row the message belongs to makes a concurrent second click wait here.
    holder = conversation or contact
    type(holder).objects.select_for_update().filter(pk=holder.pk).first()
    same = {
        "user": user,
        "contact": contact,
        "conversation": conversation,
        "kind": kind,
        "subject": subject,
        "body": body,
    }
    earlier = Message.objects.filter(**same, sent_at__gte=at - SAME_MESSAGE_WITHIN).first()
    if earlier is not None:
        return earlier
    message = Message.objects.create(**same, channel=channel, sent_at=at)
    summary = f"Sent: {Kind(kind).label.lower()} — {subject}"
    if conversation is not None:
        conversation.log(summary, kind=TimelineEntry.Kind.MESSAGE)
    else:
        contact.log(TimelineEntry.Kind.MESSAGE, summary[:300])
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
