"""Items captured from a conversation's notes, kept in step with the notes."""

from django.db import transaction

from careerscout.conversations.models import Conversation
from careerscout.lib.orgnames import organization_key
from careerscout.lib.text import fold
from careerscout.people.changes import add_person, edit_person
from careerscout.people.models import Contact, TimelineEntry

from .models import Item
from .quick_capture import CapturedItem, parse_notes


def captured_items(
    conversation: Conversation,
    free_notes: str | None = None,
    question_notes: dict[int, str] | None = None,
) -> list[CapturedItem]:
    """Everything in the notes: the free notes, then each planned question's.

    Texts given here (e.g. what the live page has typed but not yet saved) stand in for what
    is stored, so the live side panel can show items before they are saved.
    """
    question_notes = question_notes or {}
    free = conversation.notes if free_notes is None else free_notes
    found = parse_notes(free)
    for planned in conversation.plan_items.all():
        found += parse_notes(question_notes.get(planned.pk, planned.notes), planned.topic)
    return found


def introduced_by(referrer: Contact) -> str:
    """How you know someone a person suggested: the words a request opens with."""
    return f"{referrer.name} suggested I get in touch"


def _referred_person(conversation: Conversation, captured: CapturedItem) -> Contact | None:
    """The person a referral names: someone already among your people (who then learns who
    suggested them), or someone new."""
    person = captured.person
    if person is None or not person.name:
        return None
    user = conversation.user
    referrer = conversation.contact
    candidates = Contact.objects.for_user(user).filter(search_text__contains=fold(person.name))
    for contact in candidates:
        same_name = fold(contact.name) == fold(person.name)
        same_org = not person.organization or (
            organization_key(contact.organization) == organization_key(person.organization)
        )
        if same_name and same_org:
            if not contact.how_we_know.strip():
                edit_person(contact, {"how_we_know": introduced_by(referrer)})
            contact.log(
                TimelineEntry.Kind.NOTE,
                f"{referrer.name} suggested them",
                conversation=conversation,
            )
            return contact
    return add_person(
        user,
        how_added=f"{referrer.name} suggested them",
        name=person.name,
        title=person.title or "",
        organization=person.organization or "",
        source=Contact.Source.REFERRAL,
        how_we_know=introduced_by(referrer),
        notes=person.note or "",
    )


@transaction.atomic
def sync_items(conversation: Conversation) -> int:
    """Make the conversation's items match its notes; returns how many items it has now.

    Items still in the notes keep their state (an action marked done stays done); items no
    longer in the notes go; new ones are added. Running it twice changes nothing.
    """
    existing = {(item.kind, item.text): item for item in conversation.items.filter(from_notes=True)}
    kept = set()
    for captured in captured_items(conversation):
        key = (captured.kind, captured.text)
        if key in kept or not captured.text.strip():
            continue
        kept.add(key)
        item = existing.pop(key, None) or Item(
            user=conversation.user,
            conversation=conversation,
            contact=conversation.contact,
            kind=captured.kind,
            text=captured.text,
            from_notes=True,
        )
        item.topic = captured.topic or ""
        item.skills = list(captured.skills)
        item.due = captured.due
        if captured.kind == Item.Kind.REFERRAL and item.referred_id is None:
            item.referred = _referred_person(conversation, captured)
        item.save()
    for stale in existing.values():
        stale.delete()
    return len(kept)


@transaction.atomic
def end_conversation(conversation: Conversation) -> int:
    """The call is over: mark it held and turn the notes into items."""
    if conversation.status in {
        Conversation.Status.SCHEDULED,
        Conversation.Status.REQUESTED,
        Conversation.Status.PLANNED,
    }:
        if conversation.status == Conversation.Status.PLANNED:
            conversation.move_to(Conversation.Status.SCHEDULED)
        conversation.move_to(Conversation.Status.HELD)
    return sync_items(conversation)


def resync_after_call(sender, conversation: Conversation, **kwargs) -> None:
    """Notes edited through the API after the call: the items follow, as on the live page."""
    sync_items(conversation)
