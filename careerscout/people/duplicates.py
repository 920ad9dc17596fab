"""Finding people who appear twice, and merging them without losing anything (or undoing it)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Q

from careerscout.lib.orgnames import organization_key
from careerscout.lib.text import fold

from .models import Contact, MergeRecord, NotDuplicate, Organization, Tag, TimelineEntry

# Fields the kept contact takes from the merged one when its own are empty.
FILLABLE = [
    "phone",
    "linkedin_url",
    "organization",
    "title",
    "location",
    "time_zone",
    "how_we_know",
    "connected_on",
]
SNAPSHOT_FIELDS = [
    "id",
    "name",
    "emails",
    "phone",
    "linkedin_url",
    "organization",
    "org_id",
    "title",
    "location",
    "time_zone",
    "source",
    "how_we_know",
    "notes",
    "connected_on",
    "extra",
    "created_at",
]


def normalize_linkedin_url(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url.strip().lower())
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


@dataclass(frozen=True)
class DuplicatePair:
    first: Contact
    second: Contact
    reasons: tuple[str, ...]


def find_duplicates(user) -> list[DuplicatePair]:
    """Pairs sharing an e-mail, a LinkedIn profile, or a name at the same organisation."""
    contacts = list(Contact.objects.for_user(user).order_by("id"))
    groups: dict[tuple[str, str], list[Contact]] = defaultdict(list)
    for contact in contacts:
        for key in _duplicate_keys(
            contact.name, contact.emails, contact.linkedin_url, contact.organization
        ):
            groups[key].append(contact)
    dismissed = set(NotDuplicate.objects.filter(user=user).values_list("first_id", "second_id"))
    reasons: dict[tuple[int, int], list[str]] = defaultdict(list)
    by_id = {contact.pk: contact for contact in contacts}
    for (reason, _value), members in groups.items():
        ids = sorted({member.pk for member in members})
        for index, first in enumerate(ids):
            for second in ids[index + 1 :]:
                if (first, second) not in dismissed and reason not in reasons[(first, second)]:
                    reasons[(first, second)].append(reason)
    return [
        DuplicatePair(by_id[first], by_id[second], tuple(found))
        for (first, second), found in sorted(reasons.items())
    ]


SAME_NAME = "the same name"
SAME_NAME_AND_ORGANIZATION = "the same name at the same organisation"
LIKE_CANDIDATES = 200  # rows read to check a name typed so far, however many people there are


def _folded_name(name: str) -> str:
    return fold(" ".join(name.split()))


def _duplicate_keys(
    name: str, emails: list[str], linkedin_url: str, organization: str
) -> list[tuple[str, str]]:
    """(reason, value) pairs: two people sharing one are probably the same person."""
    keys = [("the same e-mail", email.strip().lower()) for email in emails if email.strip()]
    if url := normalize_linkedin_url(linkedin_url):
        keys.append(("the same LinkedIn profile", url))
    if organization and name.strip():
        key = f"{_folded_name(name)}@{organization_key(organization)}"
        keys.append((SAME_NAME_AND_ORGANIZATION, key))
    return keys


def people_like(
    user,
    *,
    name: str = "",
    emails: list[str] = (),
    linkedin_url: str = "",
    organization: str = "",
) -> list[tuple[Contact, list[str]]]:
    """People already here whom a new person with these details may be, with the reasons.

    The same rules as `find_duplicates`, plus the same name alone: enough to warn before
    adding someone, not to suggest a merge. One query, narrowed in the database on the
    folded search text and checked here.
    """
    wanted = _duplicate_keys(name, list(emails), linkedin_url, organization)
    folded_name = _folded_name(name)
    if folded_name:
        wanted.append((SAME_NAME, folded_name))
    if not wanted:
        return []
    narrow = Q()
    for email in emails:
        if email.strip():
            narrow |= Q(search_text__contains=fold(email.strip()))
    if url := normalize_linkedin_url(linkedin_url):
        narrow |= Q(linkedin_url__icontains=url.rsplit("/", 1)[-1])
    if folded_name:
        narrow |= Q(search_text__contains=folded_name)
    candidates = Contact.objects.for_user(user).filter(narrow).order_by("id")[:LIKE_CANDIDATES]
    found = []
    for contact in candidates:
        theirs = set(
            _duplicate_keys(
                contact.name, contact.emails, contact.linkedin_url, contact.organization
            )
        )
        theirs.add((SAME_NAME, _folded_name(contact.name)))
        reasons = list(
            dict.fromkeys(reason for reason, value in wanted if (reason, value) in theirs)
        )
        # The same name at the same organisation says all that the same name alone does.
        if SAME_NAME_AND_ORGANIZATION in reasons:
            reasons.remove(SAME_NAME)
        if reasons:
            found.append((contact, reasons))
    return found


def dismiss_pair(first: Contact, second: Contact) -> None:
    low, high = sorted([first, second], key=lambda contact: contact.pk)
    NotDuplicate.objects.get_or_create(user=low.user, first=low, second=high)


def _snapshot(contact: Contact) -> dict:
    data = {name: getattr(contact, name) for name in SNAPSHOT_FIELDS}
    data["connected_on"] = contact.connected_on.isoformat() if contact.connected_on else None
    data["created_at"] = contact.created_at.isoformat()
    data["tags"] = sorted(tag.name for tag in contact.tags.all())
    data["career_ids"] = sorted(contact.careers.values_list("id", flat=True))
    return data


def _merged_notes(kept: str, absorbed: str, name: str) -> str:
    if not absorbed.strip() or absorbed.strip() in kept:
        return kept
    if not kept.strip():
        return absorbed
    return f"{kept.rstrip()}\n\nFrom the merged record of {name}:\n\n{absorbed.strip()}"


@transaction.atomic
def merge_contacts(kept: Contact, absorbed: Contact) -> MergeRecord:
    """Fold ``absorbed`` into ``kept``: every e-mail, note, tag, career, conversation and
    timeline entry of both ends up on ``kept``; ``absorbed`` is deleted."""
    if kept.pk == absorbed.pk or kept.user_id != absorbed.user_id:
        raise ValueError("Merging needs two different people of the same account.")
    snapshot = _snapshot(absorbed)
    before = {name: getattr(kept, name) for name in ["emails", "notes", "org_id", *FILLABLE]}
    kept.emails = list(dict.fromkeys([*kept.emails, *absorbed.emails]))
    kept.notes = _merged_notes(kept.notes, absorbed.notes, absorbed.name)
    for name in FILLABLE:
        if not getattr(kept, name) and getattr(absorbed, name):
            setattr(kept, name, getattr(absorbed, name))
    if not kept.org_id and absorbed.org_id:
        kept.org_id = absorbed.org_id
    kept.extra = {**absorbed.extra, **kept.extra}
    changed = {
        name: [_plain(value), _plain(getattr(kept, name))]
        for name, value in before.items()
        if getattr(kept, name) != value
    }
    kept.save()

    new_tags = set(absorbed.tags.values_list("id", flat=True)) - set(
        kept.tags.values_list("id", flat=True)
    )
    kept.tags.add(*new_tags)
    new_careers = set(absorbed.careers.values_list("id", flat=True)) - set(
        kept.careers.values_list("id", flat=True)
    )
    kept.careers.add(*new_careers)
    moved = {
        "timeline": list(absorbed.timeline.values_list("id", flat=True)),
        "conversations": list(absorbed.conversations.values_list("id", flat=True)),
        "tags": sorted(new_tags),
        "careers": sorted(new_careers),
    }
    absorbed.timeline.update(contact=kept)
    absorbed.conversations.update(contact=kept)
    entry = kept.log(TimelineEntry.Kind.MERGED, f"Merged with another record of {absorbed.name}")
    moved["merge_entry"] = entry.pk
    record = MergeRecord.objects.create(
        user=kept.user, kept=kept, absorbed=snapshot, changed_fields=changed, moved=moved
    )
    absorbed.delete()
    return record


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def undo_merge(record: MergeRecord) -> Contact:
    """Bring the merged-away person back, with what moved, and restore the kept one's fields
    unless they were edited since."""
    kept = record.kept
    data = dict(record.absorbed)
    tags, career_ids = data.pop("tags"), data.pop("career_ids")
    data["connected_on"] = (
        date.fromisoformat(data["connected_on"]) if data["connected_on"] else None
    )
    created_at = datetime.fromisoformat(data.pop("created_at"))
    if not Organization.objects.filter(pk=data["org_id"]).exists():
        data["org_id"] = None
    restored = Contact(user=kept.user, **data)
    restored.save(force_insert=True)
    Contact.objects.filter(pk=restored.pk).update(created_at=created_at)
    restored.tags.set(Tag.objects.filter(user=kept.user, name__in=tags))
    restored.careers.set(career_ids)

    for name, (before, after) in record.changed_fields.items():
        if _plain(getattr(kept, name)) == after:
            value = before
            if name == "connected_on" and before:
                value = date.fromisoformat(before)
            setattr(kept, name, value)
    kept.save()
    kept.tags.remove(*record.moved.get("tags", []))
    kept.careers.remove(*record.moved.get("careers", []))
    TimelineEntry.objects.filter(pk__in=record.moved.get("timeline", [])).update(contact=restored)
    kept.conversations.filter(pk__in=record.moved.get("conversations", [])).update(contact=restored)
    kept.timeline.filter(pk=record.moved.get("merge_entry")).delete()
    record.delete()
    return restored
