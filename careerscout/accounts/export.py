"""Everything an account holds, as one JSON-ready document (`careerscout export`, the API).

The document is versioned so that `careerscout restore` can read older exports.
"""

from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

from django.utils import timezone

from careerscout.accounts.models import User
from careerscout.people.models import Contact, Tag, TimelineEntry

SCHEMA = "careerscout-export"
VERSION = 1


def iso(moment: datetime | None) -> str | None:
    # Always with an explicit offset, as the interface promises (json would write none).
    return moment.astimezone(UTC).isoformat() if moment else None


def iso_date(day: date | None) -> str | None:
    return day.isoformat() if day else None


def timeline_entry_as_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {"kind": entry.kind, "summary": entry.summary, "at": iso(entry.at)}


def contact_as_dict(
    contact: Contact,
    tags: list[str] | None = None,
    timeline: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The API's contact fields, plus what only an export needs to restore a person.

    Pass `tags` and `timeline` when exporting many people: fetched for all at once, they
    cost two queries instead of two per person.
    """
    if tags is None:
        tags = [tag.name for tag in contact.tags.order_by("name")]
    if timeline is None:
        entries = contact.timeline.order_by("at", "id")
        timeline = [timeline_entry_as_dict(entry) for entry in entries]
    return {
        "id": contact.pk,
        "name": contact.name,
        "emails": list(contact.emails),
        "phone": contact.phone,
        "linkedin_url": contact.linkedin_url,
        "organization": contact.organization,
        "title": contact.title,
        "location": contact.location,
        "time_zone": contact.time_zone,
        "source": contact.source,
        "how_we_know": contact.how_we_know,
        "tags": tags,
        "notes": contact.notes,
        "connected_on": iso_date(contact.connected_on),
        "extra": contact.extra,
        "created_at": iso(contact.created_at),
        "updated_at": iso(contact.updated_at),
        "timeline": timeline,
    }


def export_user_data(user: User) -> dict[str, Any]:
    # Grouped by hand rather than prefetched: prefetch_related builds a related manager per
    # person, which made exporting 30,000 people take 12 s instead of 3 s.
    tags_of: defaultdict[int, list[str]] = defaultdict(list)
    taggings = Contact.tags.through.objects.filter(contact__user=user)
    for contact_id, name in taggings.order_by("tag__name").values_list("contact_id", "tag__name"):
        tags_of[contact_id].append(name)
    timeline_of: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    entries = TimelineEntry.objects.filter(user=user).order_by("at", "id")
    for contact_id, kind, summary, at in entries.values_list("contact_id", "kind", "summary", "at"):
        timeline_of[contact_id].append({"kind": kind, "summary": summary, "at": iso(at)})
    contacts = Contact.objects.for_user(user).order_by("id")
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "exported_at": iso(timezone.now()),
        "account": {
            "username": user.username,
            "name": user.name,
            "email": user.email,
            "time_zone": user.time_zone,
            "working_days": sorted(user.working_weekdays),
        },
        # Listed on their own too, so tags no one carries yet survive a restore.
        "tags": list(Tag.objects.filter(user=user).order_by("name").values_list("name", flat=True)),
        "contacts": [
            contact_as_dict(contact, tags_of[contact.pk], timeline_of[contact.pk])
            for contact in contacts.iterator(chunk_size=2000)
        ],
    }
