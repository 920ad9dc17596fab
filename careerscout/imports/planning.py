"""Matching incoming people to the ones already there, and deciding what an import changes.

``plan_import()`` reads the database and never writes: it backs the preview and the
``--dry-run``. ``compute_changes()`` is pure, so the commit can run it again on fresh rows.

A person in the file is the same as a contact of the user when, in this order:
1. their LinkedIn URLs are the same once normalised (case, query, trailing slash, scheme,
   ``www.`` and country subdomains folded);
2. they share any e-mail address (case-insensitive);
3. their folded names are the same at the same organisation key, unless both have LinkedIn
   URLs and the URLs differ (two Wei Zhangs at Microsoft are two people).
Rows of one file that are the same person collapse into one.
"""

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from careerscout.lib.orgnames import organization_key
from careerscout.lib.text import fold
from careerscout.people.models import Contact

from .parsers import ParsedContact, ParsedFile, SkippedRow
from .parsers.common import add_unique, phone_key

SOURCE_LABELS = {"linkedin": "LinkedIn", "vcard": "vCard", "csv": "CSV"}
# The contact fields an import reads and may change.
FIELDS = [
    "name",
    "emails",
    "phone",
    "linkedin_url",
    "organization",
    "title",
    "location",
    "notes",
    "connected_on",
    "extra",
]
FIELD_LABELS = {
    "title": "job title",
    "organization": "organisation",
    "linkedin_url": "LinkedIn profile",
    "location": "location",
    "phone": "phone",
    "connected_on": "connected on",
}
# extra["linkedin"] keeps what LinkedIn said last time, so that a later file changes a
# title or organisation only when LinkedIn's value changed, never merely because the
# person edited it by hand since.
LINKEDIN_MEMORY = "linkedin"


def normalise_linkedin_url(url: str) -> str:
    text = url.strip().lower()
    if "%" in text:
        text = unquote(text)
    scheme = text.find("://")
    if 0 < scheme < 12:
        text = text[scheme + 3 :]
    for mark in "?#":
        if mark in text:
            text = text[: text.index(mark)]
    host, _, path = text.rstrip("/").partition("/")
    host = host.removeprefix("www.")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    return f"{host}/{path}" if path else ""


@lru_cache(maxsize=2**16)
def org_key(name: str) -> str:
    """organization_key(), remembered: a large file names the same employers many times."""
    return organization_key(name) if name else ""


def folded(text: str) -> str:
    """fold() with a shortcut for plain ASCII, which has no accents to strip."""
    return " ".join((text.casefold() if text.isascii() else fold(text)).split())


def name_key(name: str, organization: str) -> tuple[str, str]:
    return folded(name), org_key(organization)


@dataclass(slots=True)
class Changes:
    fields: dict[str, Any]
    descriptions: list[str]  # what a person would notice; empty for bookkeeping alone


def same_text(a: str, b: str) -> bool:
    return a == b or folded(a) == folded(b)


def merged_notes(current: str, incoming: str, source_label: str) -> str | None:
    """The notes after adding the file's note, or None when it adds nothing.

    The person's own notes are never replaced: a different note is appended under a line
    saying where it came from, and a note already there (word for word) is not repeated.
    """
    incoming = incoming.strip()
    if not incoming:
        return None
    if not current.strip():
        return incoming
    if " ".join(incoming.split()) in " ".join(current.split()):
        return None
    return f"{current.rstrip()}\n\nFrom {source_label} import:\n{incoming}"


def compute_changes(current: Mapping[str, Any], incoming: ParsedContact, kind: str) -> Changes:
    """What the file would change on a contact whose fields are ``current``.

    E-mails, phones, websites and addresses are added; blank fields are filled; the
    person's notes are kept and a different imported note appended. LinkedIn is the person's
    own current word on their job, so a LinkedIn file also replaces the title, organisation
    and connection date when LinkedIn's values changed since the last import.
    """
    fields: dict[str, Any] = {}
    said: list[str] = []
    emails = add_unique(current["emails"], incoming.emails) if incoming.emails else []
    if len(emails) > len(current["emails"]):
        new = emails[len(current["emails"]) :]
        fields["emails"] = emails
        said.append(f"new e-mail{'s' if len(new) > 1 else ''} {', '.join(new)}")
    extra = dict(current["extra"])  # lists in it are replaced, never changed in place
    for name in ("linkedin_url", "location"):
        if getattr(incoming, name) and not current[name]:
            fields[name] = getattr(incoming, name)
            said.append(f"{FIELD_LABELS[name]} added")
    phones = [incoming.phone] if incoming.phone else []
    phones += incoming.extra.get("phones", [])
    if phones and not current["phone"]:
        fields["phone"] = phones.pop(0)
        said.append("phone added")
    main_phone = phone_key(fields.get("phone", current["phone"]))
    more = [phone for phone in phones if phone_key(phone) != main_phone]
    if more:
        extra["phones"] = add_unique(extra.get("phones", []), more, key=phone_key)
    if kind == "linkedin":
        memory = dict(extra.get(LINKEDIN_MEMORY, {}))
        for name in ("title", "organization"):
            new = getattr(incoming, name)
            if not new:
                continue
            last = memory.get(name, current[name])
            if name == "organization":
                changed = org_key(new) not in {org_key(last), org_key(current[name])}
            else:
                changed = not same_text(new, last) and not same_text(new, current[name])
            if changed:
                fields[name] = new
                said.append(describe(name, current[name], new))
            memory[name] = new
        if memory != extra.get(LINKEDIN_MEMORY, {}):
            extra[LINKEDIN_MEMORY] = memory
        if incoming.connected_on and incoming.connected_on != current["connected_on"]:
            fields["connected_on"] = incoming.connected_on
            if current["connected_on"] is None:
                said.append("connected on added")
            else:
                old, new = current["connected_on"], incoming.connected_on
                said.append(f"connected on {old.day} {old:%b %Y} → {new.day} {new:%b %Y}")
    else:
        for name in ("title", "organization"):
            if getattr(incoming, name) and not current[name]:
                fields[name] = getattr(incoming, name)
                said.append(f"{FIELD_LABELS[name]} added")
        if incoming.connected_on and current["connected_on"] is None:
            fields["connected_on"] = incoming.connected_on
            said.append("connected on added")
    notes = merged_notes(current["notes"], incoming.notes, SOURCE_LABELS[kind])
    if notes is not None:
        fields["notes"] = notes
        said.append("note added" if current["notes"].strip() else "notes added")
    for key, label in (("urls", "website"), ("addresses", "address")):
        if not incoming.extra.get(key):
            continue
        merged = add_unique(extra.get(key, []), incoming.extra[key])
        if len(merged) > len(extra.get(key, [])):
            said.append(f"{label} added")
            extra[key] = merged
    if more and len(extra["phones"]) > len(current["extra"].get("phones", [])):
        said.append("another phone added")
    if incoming.extra.get("department") and not extra.get("department"):
        extra["department"] = incoming.extra["department"]
        said.append("department added")
    if extra != current["extra"]:
        fields["extra"] = extra
    return Changes(fields, said)


def describe(name: str, old: str, new: str) -> str:
    label = FIELD_LABELS[name]
    if not old:
        return f"{label} added"
    return f"{label} “{old}” → “{new}”"


def merge_rows(first: ParsedContact, later: ParsedContact) -> None:
    """Fold a later row for the same person into the first one."""
    first.emails = add_unique(first.emails, later.emails)
    for name in ("linkedin_url", "organization", "title", "location"):
        if not getattr(first, name):
            setattr(first, name, getattr(later, name))
    if later.phone and not first.phone:
        first.phone = later.phone
    elif later.phone and phone_key(later.phone) != phone_key(first.phone):
        first.extra["phones"] = add_unique(first.extra.get("phones", []), later.phone)
    first.connected_on = first.connected_on or later.connected_on
    if later.notes and later.notes not in first.notes:
        first.notes = f"{first.notes}\n\n{later.notes}".strip()
    for key in ("phones", "urls", "addresses"):
        if later.extra.get(key):
            first.extra[key] = add_unique(first.extra.get(key, []), later.extra[key])
    if later.extra.get("department") and not first.extra.get("department"):
        first.extra["department"] = later.extra["department"]


@dataclass(slots=True)
class PlannedUpdate:
    contact_id: int
    name: str
    incoming: ParsedContact
    descriptions: list[str]


@dataclass
class ImportPlan:
    kind: str
    source: str
    to_add: list[ParsedContact] = field(default_factory=list)
    to_update: list[PlannedUpdate] = field(default_factory=list)
    # Only Career Scout's own memory changes: written, but reported as unchanged.
    quiet: list[PlannedUpdate] = field(default_factory=list)
    unchanged: list[tuple[int, str]] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Rows the person chose to leave out on the preview: never imported.
    left_out: list[ParsedContact] = field(default_factory=list)
    # A person's first line → every line of the file combined into them, in order.
    lines: dict[int, list[int]] = field(default_factory=dict)

    def lines_of(self, person: ParsedContact) -> list[int]:
        return self.lines.get(person.line, [person.line])

    @property
    def unchanged_count(self) -> int:
        return len(self.unchanged) + len(self.quiet)

    @property
    def rows(self) -> int:
        """How many contacts the commit writes: what decides whether it runs in the background."""
        return len(self.to_add) + len(self.to_update) + len(self.quiet)

    def summary(self) -> dict[str, Any]:
        return {
            "added": len(self.to_add),
            "updated": len(self.to_update),
            "unchanged": self.unchanged_count,
            "skipped": [asdict(row) for row in self.skipped],
            "errors": [],
        }


@dataclass(slots=True)
class Keys:
    """What a person is matched on, worked out once per person."""

    url: str
    emails: list[str]
    name: tuple[str, str]


def keys_of(name: str, organization: str, url: str, emails: list[str]) -> Keys:
    return Keys(
        normalise_linkedin_url(url) if url else "",
        [email.casefold() for email in emails],
        name_key(name, organization),
    )


def contact_keys(contact: ParsedContact) -> Keys:
    return keys_of(contact.name, contact.organization, contact.linkedin_url, contact.emails)


class Index:
    """Where to find a person by LinkedIn URL, e-mail and name at organisation."""

    def __init__(self) -> None:
        self.by_url: dict[str, Any] = {}
        self.by_email: dict[str, Any] = {}
        self.by_name: dict[tuple[str, str], list[tuple[Any, str]]] = {}

    def add(self, target: Any, keys: Keys) -> None:
        if keys.url:
            self.by_url.setdefault(keys.url, target)
        for email in keys.emails:
            self.by_email.setdefault(email, target)
        candidates = self.by_name.setdefault(keys.name, [])
        if all(existing != target for existing, _ in candidates):
            candidates.append((target, keys.url))

    def find(self, keys: Keys) -> Any:
        if keys.url and keys.url in self.by_url:
            return self.by_url[keys.url]
        for email in keys.emails:
            if email in self.by_email:
                return self.by_email[email]
        for target, other_url in self.by_name.get(keys.name, []):
            if not (keys.url and other_url and keys.url != other_url):
                return target
        return None


def existing_contacts(user) -> dict[int, dict[str, Any]]:
    rows = Contact.objects.for_user(user).order_by("id").values("id", *FIELDS)
    return {row["id"]: row for row in rows}


def plan_import(
    user, parsed: ParsedFile, *, source: str = "", left_out: Collection[int] = ()
) -> ImportPlan:
    """What importing ``parsed`` into ``user``'s contacts would add, update and leave alone.

    Rows on the lines in ``left_out`` are set aside before anything else, so they are
    neither imported nor combined with another row.
    """
    kind = parsed.kind
    source = "linkedin" if kind == "linkedin" else source or Contact.Source.OTHER
    plan = ImportPlan(kind=kind, source=source, skipped=list(parsed.skipped), notes=parsed.notes)
    current = existing_contacts(user)
    known = Index()
    for contact_id, row in current.items():
        known.add(
            contact_id,
            keys_of(row["name"], row["organization"], row["linkedin_url"], row["emails"]),
        )
    # First the file's rows are collapsed into people, so that a row with only a LinkedIn
    # URL and a later one with the URL and an e-mail are one person before matching.
    people: list[ParsedContact] = []
    people_keys: list[Keys] = []
    in_file = Index()
    left_out = set(left_out)
    for contact in parsed.contacts:
        if contact.line in left_out:
            plan.left_out.append(contact)
            continue
        keys = contact_keys(contact)
        position = in_file.find(keys)
        if position is None:
            position = len(people)
            people.append(contact)
            people_keys.append(keys)
        else:
            merge_rows(people[position], contact)
            plan.skipped.append(duplicate_row(contact, people[position]))
            combine_lines(plan, people[position], contact)
            keys = people_keys[position] = contact_keys(people[position])
        in_file.add(position, keys)
    incoming: dict[int, ParsedContact] = {}  # existing contact id → the file's person
    for person, keys in zip(people, people_keys, strict=True):
        target = known.find(keys)
        if target is None:
            plan.to_add.append(person)
        elif target in incoming:
            merge_rows(incoming[target], person)
            plan.skipped.append(duplicate_row(person, incoming[target]))
            combine_lines(plan, incoming[target], person)
        else:
            incoming[target] = person
    for contact_id, contact in incoming.items():
        row = current[contact_id]
        changes = compute_changes(row, contact, kind)
        update = PlannedUpdate(contact_id, row["name"], contact, changes.descriptions)
        if changes.descriptions:
            plan.to_update.append(update)
        elif changes.fields:
            plan.quiet.append(update)
        else:
            plan.unchanged.append((contact_id, row["name"]))
    plan.skipped.sort(key=lambda row: row.line)
    return plan


def combine_lines(plan: ImportPlan, first: ParsedContact, later: ParsedContact) -> None:
    plan.lines[first.line] = plan.lines_of(first) + plan.lines_of(later)


def duplicate_row(contact: ParsedContact, first: ParsedContact) -> SkippedRow:
    return SkippedRow(
        contact.line,
        f"The same person as line {first.line} ({first.name}); their details were combined.",
    )
