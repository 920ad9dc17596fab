"""Keeping people's organisation names and Organisation rows in step."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from careerscout.lib.orgnames import organization_key

from .models import Contact, Organization


def organizations_by_key(user, keys: Iterable[str]) -> dict[str, Organization]:
    """Existing organisations for these keys, including keys merged into another one."""
    wanted = set(keys)
    found: dict[str, Organization] = {}
    # Only organisations named by these keys, or holding merged keys (few), are read: saving
    # one person must not load every organisation of an account of 30,000 people.
    candidates = Organization.objects.for_user(user).filter(Q(key__in=wanted) | ~Q(merged_keys=[]))
    for organization in candidates:
        for key in [organization.key, *organization.merged_keys]:
            if key in wanted:
                found[key] = organization
    return found


def link_organizations(user, contacts: list[Contact]) -> None:
    """Point each contact's ``org`` at the organisation its name folds to, creating missing ones.

    Contacts are changed in memory; the caller saves them (this suits bulk imports).
    """
    names = {organization_key(c.organization): c.organization for c in contacts if c.organization}
    names.pop("", None)
    known = organizations_by_key(user, names)
    missing = [
        Organization(user=user, name=names[key].strip(), key=key)
        for key in names.keys() - known.keys()
    ]
    if missing:
        Organization.objects.bulk_create(missing, ignore_conflicts=True)
        known.update(organizations_by_key(user, [o.key for o in missing]))
    for contact in contacts:
        key = organization_key(contact.organization) if contact.organization else ""
        contact.org = known.get(key)


def link_organization(contact: Contact) -> None:
    """Single-contact version for forms and the API; saves the contact's ``org``."""
    link_organizations(contact.user, [contact])
    contact.save(update_fields=["org"])


@transaction.atomic
def merge_organizations(source: Organization, target: Organization) -> None:
    """Fold ``source`` into ``target``: its people and its name follow."""
    if source.pk == target.pk:
        return
    source.contacts.update(org=target)
    already_targeted = set(target.targets.values_list("career_id", flat=True))
    source.targets.filter(career_id__in=already_targeted).delete()
    source.targets.update(organization=target)
    target.merged_keys = sorted({*target.merged_keys, source.key, *source.merged_keys})
    target.save(update_fields=["merged_keys"])
    source.delete()


@transaction.atomic
def split_organization(organization: Organization, contacts: list[Contact], name: str):
    """Move some people to a separate organisation that later imports will not merge back."""
    key = organization_key(name)
    if key == organization.key or key in organization.merged_keys:
        key = f"{key} ({len(organization.merged_keys) + 1})"
    new = Organization.objects.create(user=organization.user, name=name.strip(), key=key)
    Contact.objects.filter(pk__in=[c.pk for c in contacts], org=organization).update(org=new)
    return new
