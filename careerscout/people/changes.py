"""Adding a person and editing one: the single path the pages, the API and the notes share.

Bulk writers (imports, restore, the demo) write many rows at once on purpose and keep the
same rules themselves: derived fields, organisations, an "added" line on the timeline.
"""

from typing import Any

from django.db import transaction

from .models import Contact, TimelineEntry
from .organizations import link_organization

ADDED = "Added to Career Scout"


@transaction.atomic
def add_person(user, *, tags: list[str] = (), how_added: str = ADDED, **fields: Any) -> Contact:
    """A new person, linked to their organisation, with a first line on their timeline."""
    contact = Contact.objects.create(user=user, **fields)
    if tags:
        contact.set_tags(list(tags))
    link_organization(contact)
    contact.log(TimelineEntry.Kind.ADDED, how_added[:300])
    return contact


@transaction.atomic
def edit_person(contact: Contact, changes: dict[str, Any]) -> list[str]:
    """Change the fields that differ; the timeline says which ("Edited title, tags").

    Returns the names of the fields that changed.
    """
    changes = dict(changes)
    tags = changes.pop("tags", None)
    changed = [name for name, value in changes.items() if getattr(contact, name) != value]
    for name in changed:
        setattr(contact, name, changes[name])
    if changed:
        contact.save(update_fields=[*changed, "updated_at"])
    if tags is not None and set(tags) != {tag.name for tag in contact.tags.all()}:
        contact.set_tags(tags)
        changed.append("tags")
    if "name" in changed and contact.extra.pop("review", None) is not None:
        contact.save(update_fields=["extra"])  # an import's stand-in name, now given
    if "organization" in changed:
        link_organization(contact)
    if changed:
        labels = [_label(name) for name in changed]
        contact.log(TimelineEntry.Kind.EDITED, ("Edited " + ", ".join(labels))[:300])
    return changed


def _label(name: str) -> str:
    return str(Contact._meta.get_field(name).verbose_name).lower()
