"""Live notes: saved without ever overwriting another tab's words, then turned into items."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from careerscout.insights.models import Item
from careerscout.lib.orgnames import organization_key
from careerscout.lib.text import fold
from careerscout.people.models import Contact, TimelineEntry
from careerscout.people.organizations import link_organization

from .models import Conversation
from .quick_capture import CapturedItem, parse_notes

FREE_NOTES = "free"


@dataclass(frozen=True)
class SaveResult:
    saved: bool
    version: int
    text: str  # what is stored now: the caller's text, or the other tab's on a conflict


def _target(conversation: Conversation, field: str):
    """The queryset holding one notes field: the free notes, or one planned question's."""
    if field == FREE_NOTES:
        return Conversation.objects.filter(pk=conversation.pk), "notes"
    if field.startswith("q-") and field[2:].isdigit():
        return conversation.plan_items.filter(pk=int(field[2:])), "notes"
    raise ValueError(f"Unknown notes field “{field}”.")


def save_notes(conversation: Conversation, field: str, text: str, base_version: int) -> SaveResult:
    """Compare-and-swap on a version number: the save applies only to the version the writer
    last saw, so a second tab's older copy is refused and shown both texts instead."""
    rows, column = _target(conversation, field)
    with transaction.atomic():
        updated = rows.filter(notes_version=base_version).update(
            **{column: text, "notes_version": F("notes_version") + 1}
        )
        current = rows.values("notes", "notes_version").first()
    if current is None:
        raise ValueError(f"Unknown notes field “{field}”.")
    return SaveResult(bool(updated), current["notes_version"], current["notes"])


def captured_items(conversation: Conversation, texts=None) -> list[tuple[CapturedItem, str]]:
    """Everything in the notes, each with where it was written.

    `texts` (field name → text, e.g. a form's POST) stands in for what is stored, so the live
    side panel can show what is typed before it is saved.
    """
    texts = texts if texts is not None else {}
    found = [(item, FREE_NOTES) for item in parse_notes(texts.get(FREE_NOTES, conversation.notes))]
    for planned in conversation.plan_items.all():
        field = f"q-{planned.pk}"
        text = texts.get(field, planned.notes)
        found += [(item, field) for item in parse_notes(text, planned.topic)]
    return found


def _referred_person(conversation: Conversation, captured: CapturedItem) -> Contact | None:
    person = captured.person
    if person is None or not person.name:
        return None
    user = conversation.user
    candidates = Contact.objects.for_user(user).filter(search_text__contains=fold(person.name))
    for contact in candidates:
        same_name = fold(contact.name) == fold(person.name)
        same_org = not person.organization or (
            organization_key(contact.organization) == organization_key(person.organization)
        )
        if same_name and same_org:
            return contact
    referrer = conversation.contact
    contact = Contact.objects.create(
        user=user,
        name=person.name,
        title=person.title or "",
        organization=person.organization or "",
        source=Contact.Source.REFERRAL,
        how_we_know=f"Referred by {referrer.name}" + (f": {person.note}" if person.note else ""),
    )
    link_organization(contact)
    contact.log(TimelineEntry.Kind.ADDED, f"Referred by {referrer.name}")
    return contact


@transaction.atomic
def sync_items(conversation: Conversation) -> int:
    """Make the conversation's items match its notes; returns how many items it has now.

    Items still in the notes keep their state (an action marked done stays done); items no
    longer in the notes go; new ones are added. Running it twice changes nothing.
    """
    existing = {(item.kind, item.text): item for item in conversation.items.filter(from_notes=True)}
    kept = set()
    for captured, _field in captured_items(conversation):
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
