"""Writing an import plan: all of it in one transaction, or nothing."""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import batched
from operator import attrgetter
from typing import Any

from django.db import connections, router, transaction
from django.utils import timezone

from careerscout.people.models import Contact, TimelineEntry
from careerscout.people.organizations import link_organizations

from .parsers import ParsedContact, SkippedRow
from .planning import FIELDS, LINKEDIN_MEMORY, Changes, ImportPlan, compute_changes

BATCH_SIZE = 1000
SUMMARY_LENGTH = 300
IMPORTED_FROM = {
    "linkedin": "LinkedIn",
    "vcard": "a vCard file",
    "csv": "a CSV file",
}

Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": [asdict(row) for row in self.skipped],
            "errors": [],
        }


class ContactBuilder:
    """New Contact instances for the file's people, four times faster than Contact(**fields).

    Django's keyword path through Model.__init__ is slow for a model of twenty-odd fields;
    30,000 contacts took a quarter of the import's time budget. The positional path takes
    every concrete field in order, so the values start from the fields' defaults.
    """

    def __init__(self, user, plan: ImportPlan, now):
        fields = Contact._meta.concrete_fields
        self.position = {field.attname: index for index, field in enumerate(fields)}
        self.template = [None if field.primary_key else field.get_default() for field in fields]
        given = {
            "user_id",
            "name",
            "emails",
            "phone",
            "linkedin_url",
            "organization",
            "title",
            "location",
            "notes",
            "connected_on",
            "source",
            "extra",
            "created_at",
            "updated_at",
        }
        # Mutable defaults (a list, a dict) must not be shared between contacts.
        self.fresh = [
            (index, field)
            for index, field in enumerate(fields)
            if callable(field.default) and field.attname not in given
        ]
        for name, value in [
            ("user_id", user.pk),
            ("source", plan.source),
            ("created_at", now),
            ("updated_at", now),
        ]:
            self.template[self.position[name]] = value
        self.linkedin = plan.kind == "linkedin"

    def __call__(self, parsed: ParsedContact) -> Contact:
        values = self.template.copy()
        for index, model_field in self.fresh:
            values[index] = model_field.get_default()
        extra = dict(parsed.extra)
        if self.linkedin:
            memory = {"title": parsed.title, "organization": parsed.organization}
            extra[LINKEDIN_MEMORY] = {key: value for key, value in memory.items() if value}
        position = self.position
        values[position["name"]] = parsed.name
        values[position["emails"]] = list(parsed.emails)
        values[position["phone"]] = parsed.phone
        values[position["linkedin_url"]] = parsed.linkedin_url
        values[position["organization"]] = parsed.organization
        values[position["title"]] = parsed.title
        values[position["location"]] = parsed.location
        values[position["notes"]] = parsed.notes
        values[position["connected_on"]] = parsed.connected_on
        values[position["extra"]] = extra
        return Contact(*values)


def commit_import(
    user, plan: ImportPlan, *, progress: Progress | None = None, batch_size: int = BATCH_SIZE
) -> ImportResult:
    """Write ``plan`` for ``user`` in one transaction; any error leaves the database as it was.

    Updates are worked out again on rows read inside the transaction, so an edit made
    between the preview and the commit is built upon rather than overwritten. ``progress``
    is called with (done, total) after each batch.
    """
    report = progress or (lambda done, total: None)
    source = IMPORTED_FROM[plan.kind]
    result = ImportResult(unchanged=len(plan.unchanged), skipped=list(plan.skipped))
    now = timezone.now()
    with transaction.atomic():
        new_contact = ContactBuilder(user, plan, now)
        adding = [new_contact(parsed) for parsed in plan.to_add]
        updating: list[tuple[Contact, Changes]] = []
        for chunk in batched([*plan.to_update, *plan.quiet], batch_size):
            contacts = Contact.objects.for_user(user).in_bulk([u.contact_id for u in chunk])
            for update in chunk:
                contact = contacts.get(update.contact_id)
                if contact is None:  # deleted since the preview: the file still has them
                    adding.append(new_contact(update.incoming))
                    continue
                current = {name: getattr(contact, name) for name in FIELDS}
                changes = compute_changes(current, update.incoming, plan.kind)
                if not changes.fields:
                    result.unchanged += 1
                    continue
                for name, value in changes.fields.items():
                    setattr(contact, name, value)
                if changes.descriptions:
                    contact.updated_at = now
                    result.updated += 1
                else:
                    result.unchanged += 1
                updating.append((contact, changes))
        # Only a changed organisation is linked again: a person moved by hand to a split-off
        # organisation stays there.
        moved = [contact for contact, changes in updating if "organization" in changes.fields]
        link_all(user, adding + moved)
        total, done = len(adding) + len(updating), 0
        report(done, total)
        contact_columns = [
            field.attname for field in Contact._meta.concrete_fields if not field.primary_key
        ]
        row_of = attrgetter(*contact_columns)
        for chunk in batched(adding, batch_size):
            for contact in chunk:
                contact.refresh_derived_fields()
            ids = insert_rows(Contact, contact_columns, [row_of(contact) for contact in chunk])
            for contact, pk in zip(chunk, ids, strict=True):
                contact.pk = pk
                contact._state.adding = False
            insert_rows(
                TimelineEntry,
                ["user_id", "contact_id", "kind", "summary", "at"],
                [
                    (user.pk, pk, TimelineEntry.Kind.IMPORTED, f"Imported from {source}", now)
                    for pk in ids
                ],
            )
            done += len(chunk)
            report(done, total)
        result.added = len(adding)
        for chunk in batched(updating, batch_size):
            written = set(Contact.DERIVED_FIELDS)
            for contact, changes in chunk:
                contact.refresh_derived_fields()
                written.update(changes.fields)
                if "organization" in changes.fields:
                    written.add("org")
                if changes.descriptions:
                    written.add("updated_at")
            Contact.objects.bulk_update([contact for contact, _ in chunk], sorted(written))
            TimelineEntry.objects.bulk_create(
                TimelineEntry(
                    user=user,
                    contact=contact,
                    kind=TimelineEntry.Kind.IMPORTED,
                    summary=clip_summary(
                        f"Updated from {source}: {'; '.join(changes.descriptions)}"
                    ),
                )
                for contact, changes in chunk
                if changes.descriptions
            )
            done += len(chunk)
            report(done, total)
    return result


def link_all(user, contacts: list[Contact]) -> None:
    """link_organizations() for one contact per organisation name, then the same for the rest.

    A large file names the same employers many times; this keeps the work per employer.
    """
    by_name: dict[str, list[Contact]] = {}
    for contact in contacts:
        by_name.setdefault(contact.organization, []).append(contact)
    firsts = [group[0] for name, group in by_name.items() if name]
    link_organizations(user, firsts)
    for first in firsts:
        for contact in by_name[first.organization][1:]:
            contact.org = first.org


def insert_rows(model, columns: list[str], rows: list[tuple]) -> list[int]:
    """Insert ``rows`` (values for ``columns``, as attribute names) and return their new ids.

    This is ``bulk_create()`` without its cost per value: Django prepares each value through
    several method calls, and for 30,000 contacts of 20 columns that alone takes longer
    than the import's whole time budget (5 s). Here each column is converted once by its
    kind (JSON, date, date and time), and the rows go in as multi-row INSERT … RETURNING,
    which SQLite (3.35 and later) and PostgreSQL both support; like bulk_create, it relies
    on the ids coming back in the order of the rows. No signals are sent (bulk_create sends
    none either) and every value, defaults included, must be given.
    """
    connection = connections[router.db_for_write(model)]
    by_attname = {field.attname: field for field in model._meta.concrete_fields}
    fields = [by_attname[name] for name in columns]
    conversions = [
        (index, convert)
        for index, convert in enumerate(converter(field, connection) for field in fields)
        if convert
    ]
    width = len(columns)
    per_statement = max(1, min(len(rows), (connection.features.max_query_params or 65535) // width))
    quote = connection.ops.quote_name
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) VALUES "
    )
    placeholder = "(" + ", ".join(["%s"] * width) + ")"
    returning = f" RETURNING {quote(model._meta.pk.column)}"
    ids: list[int] = []
    with connection.cursor() as cursor:
        for chunk in batched(rows, per_statement):
            params: list[Any] = []
            for row in chunk:
                if conversions:
                    row = list(row)
                    for index, convert in conversions:
                        if row[index] is not None:
                            row[index] = convert(row[index])
                params.extend(row)
            cursor.execute(head + ", ".join([placeholder] * len(chunk)) + returning, params)
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


# Column kinds whose Python values the database drivers take as they are.
PLAIN_KINDS = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "EmailField",
    "ForeignKey",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "URLField",
}


def converter(field, connection) -> Callable[[Any], Any] | None:
    operations = connection.ops
    kind = field.get_internal_type()
    if kind in PLAIN_KINDS:
        return None
    if kind == "JSONField":
        return lambda value: operations.adapt_json_value(value, field.encoder)
    if kind == "DateField":
        return operations.adapt_datefield_value
    if kind == "DateTimeField":
        # An import stamps every row with the same moment: convert it once.
        return lru_cache(maxsize=16)(operations.adapt_datetimefield_value)
    # Any other kind a later migration adds goes through Django's own, slower preparation.
    return lambda value: field.get_db_prep_save(value, connection)


def clip_summary(text: str) -> str:
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"
