"""Everything an account owns: out as one JSON document, back into an empty account, or gone.

`export_user_data()` writes the document (`careerscout export`, `GET /api/export`, Settings),
`restore_user_data()` loads one into an empty account, `delete_account()` removes it all.
docs/export-format.md describes the document for people who read it.

The document is data-driven: each section names a model, and every field of that model is
written and read back unless `excluded` names it with the reason. A field added to a model
travels without a change here. A new model that belongs to the user, a field of a type not
handled below, or a JSON field whose ids nobody has declared fails `check_sections()` and the
tests in accounts/tests/test_data.py, instead of being left out of exports without a word.
"""

import copy
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, Literal

from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connections, models, router, transaction
from django.utils import timezone

from careerscout.accounts.models import ApiToken, User
from careerscout.careers.models import Career, TargetOrganization
from careerscout.conversations.models import Conversation, StatusChange
from careerscout.imports.models import ImportBatch
from careerscout.insights.models import (
    Contradiction,
    Criterion,
    Item,
    Rating,
    Reflection,
    SkillRating,
)
from careerscout.lib.dates import validate_sensible_date
from careerscout.outreach.models import DraftTemplate, Message
from careerscout.people.models import (
    Contact,
    MergeRecord,
    NotDuplicate,
    Organization,
    Tag,
    TimelineEntry,
)
from careerscout.questions.bank import BY_KEY as BANK_QUESTIONS
from careerscout.questions.models import PlannedQuestion, Question
from careerscout.today.models import DigestLog

SCHEMA = "careerscout-export"
# Raised when a field or list is renamed, removed or changes meaning; adding one keeps it.
VERSION = 1
BATCH_SIZE = 1000
MAX_PROBLEMS = 20
# An export nests 5 deep (document, list, row, merge record, its ids); this leaves room.
MAX_DEPTH = 32


def iso(moment: datetime | None) -> str | None:
    # Always with an explicit offset, as the interface promises (json would write none).
    return moment.astimezone(UTC).isoformat() if moment else None


@dataclass(frozen=True)
class Ref:
    """An id kept inside a JSON field, such as the timeline entries a merge moved.

    `section` is where the id points, or None for an object that no longer exists (written
    as null). Ids of objects deleted since are left out of a "list" and become null in a
    "one" or a "pair" ([before, after]), in the export and on restore alike.
    """

    path: tuple[str, ...]
    section: str | None
    shape: Literal["one", "list", "pair"] = "one"


@dataclass(frozen=True)
class Section:
    """One list of the document: the rows of one model that belong to the account."""

    key: str
    model: type[models.Model]
    # The lookup from a row to its account; a direct foreign key is implied, not written.
    owner: str = "user"
    label: str = ""
    # Fields not written, each with the reason (docs/export-format.md repeats them).
    excluded: Mapping[str, str] = field(default_factory=dict)
    # Every JSON field, with the ids kept inside it (none for most).
    json: Mapping[str, tuple[Ref, ...]] = field(default_factory=dict)
    # Rows written, when not all of them.
    exported: models.Q | None = None
    # Written as a sorted list of names, which other rows use to refer to them.
    by_name: bool = False
    # Bookkeeping of this installation: an account that has only these rows counts as empty,
    # and restoring keeps the ones it has.
    operational: bool = False

    @property
    def plural(self) -> str:
        return self.label or str(self.model._meta.verbose_name_plural)

    @property
    def owner_field(self) -> str | None:
        return None if "__" in self.owner else self.owner

    def rows(self, user: User) -> models.QuerySet:
        """All of the account's rows, exported or not."""
        return self.model._default_manager.filter(**{self.owner: user})

    def exported_rows(self, user: User) -> models.QuerySet:
        rows = self.rows(user)
        if self.exported is not None:
            rows = rows.filter(self.exported)
        return rows.order_by("pk")

    def fields(self) -> list[models.Field]:
        """The concrete fields written, in the model's order (the id comes first)."""
        return [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key and f.name != self.owner_field and f.name not in self.excluded
        ]

    def links(self) -> list[models.ManyToManyField]:
        return [f for f in self.model._meta.many_to_many if f.name not in self.excluded]


DERIVED = "derived from the other fields and worked out again on restore"
MERGE_REFS = {
    "absorbed": (
        # The merged-away person was deleted; undoing the merge gives them a new id.
        Ref(("id",), None),
        Ref(("org_id",), "organizations"),
        Ref(("career_ids",), "careers", "list"),
    ),
    "changed_fields": (Ref(("org_id",), "organizations", "pair"),),
    "moved": (
        Ref(("timeline",), "timeline_entries", "list"),
        Ref(("conversations",), "conversations", "list"),
        Ref(("tags",), "tags", "list"),
        Ref(("careers",), "careers", "list"),
        Ref(("merge_entry",), "timeline_entries"),
    ),
}

# In the order they are restored: every section refers only to sections before it.
SECTIONS: tuple[Section, ...] = (
    Section("organizations", Organization, json={"merged_keys": ()}),
    Section("tags", Tag, by_name=True),
    Section(
        "contacts",
        Contact,
        label="people",
        excluded=dict.fromkeys(
            getattr(Contact, "DERIVED_FIELDS", ("search_text", "title_key")), DERIVED
        ),
        json={"emails": (), "extra": ()},
    ),
    Section("not_duplicates", NotDuplicate, label="pairs marked as different people"),
    Section("careers", Career, json={"keywords": (), "occupation_codes": ()}),
    Section("target_organizations", TargetOrganization),
    Section(
        "conversations", Conversation, excluded=dict.fromkeys(Conversation.DERIVED_FIELDS, DERIVED)
    ),
    Section("status_changes", StatusChange, owner="conversation__user"),
    Section("timeline_entries", TimelineEntry),
    Section("merge_records", MergeRecord, label="merges", json=MERGE_REFS),
    Section("questions", Question),
    Section(
        "planned_questions",
        PlannedQuestion,
        excluded=dict.fromkeys(PlannedQuestion.DERIVED_FIELDS, DERIVED),
    ),
    Section("draft_templates", DraftTemplate, label="message templates"),
    Section("messages", Message),
    Section("digest_logs", DigestLog, label="daily e-mails sent", operational=True),
    Section("items", Item, json={"skills": ()}),
    Section("criteria", Criterion),
    Section("reflections", Reflection),
    Section("ratings", Rating),
    Section("contradictions", Contradiction),
    Section("skill_ratings", SkillRating),
    Section(
        "import_batches",
        ImportBatch,
        label="imports",
        # Uploads not yet imported hold nothing but the uploaded file, which is not exported.
        exported=models.Q(status__in=[ImportBatch.Status.DONE, ImportBatch.Status.FAILED]),
        excluded={
            "data": "the uploaded file: emptied once an import is done or has failed, and "
            "someone else's address book until then",
            "preview": "what an upload would change, shown only before importing; its ids "
            "are of that moment",
            "left_out": "lines of the uploaded file left out on the preview: they mean "
            "nothing without the file",
        },
        json={"mapping": (), "result": ()},
    ),
)
SECTION_BY_KEY = {section.key: section for section in SECTIONS}
SECTION_BY_MODEL = {section.model: section for section in SECTIONS}

# Rows that belong to an account but are not in the document (User.groups and the like are
# Django's own tables for administering the installation).
NOT_EXPORTED: dict[str, str] = {
    "accounts.ApiToken": "API tokens are secrets: only their hashes are stored, and a restored "
    "hash would let an old token into the new account. Create new tokens in Settings.",
    "accounts.User_groups": "permissions for administering the installation",
    "accounts.User_user_permissions": "permissions for administering the installation",
    "admin.LogEntry": "the administration site's history",
    "accounts.Cohort": "an adviser's groups of students at this installation",
    "accounts.Cohort_members": "belonging to a career centre's cohort is that centre's record",
    "accounts.Invitation": "a single-use link of this installation",
    "advising.SharingGrant": "what each adviser of this installation may see; after a restore, "
    "choose again in Settings → Sharing",
    "advising.AuditEntry": "which adviser of this installation looked at what; read it in "
    "Settings → Sharing before you leave",
    "directory.VolunteerProfile": "a listing in this installation's alumni directory",
    "directory.DirectoryRequest": "a request between people of this installation; the "
    "conversation it became is exported with the others",
}

ACCOUNT_FIELDS = (
    "username",
    "name",
    "email",
    "first_name",
    "last_name",
    "time_zone",
    "working_days",
    "country",
    "digest_enabled",
    "digest_time",
    "date_joined",
)
ACCOUNT_EXCLUDED: dict[str, str] = {
    "id": "the account is the one restored into",
    "password": "a password hash stays with its installation; restore into an account with "
    "its own password",
    "last_login": "a fact about this installation, not your data",
    "is_active": "a fact about this installation, not your data",
    "is_staff": "permissions for administering the installation",
    "is_superuser": "permissions for administering the installation",
    "is_explorer": "roles are given by each installation's administrators",
    "is_adviser": "roles are given by each installation's administrators",
    "is_volunteer": "roles are given by each installation's administrators",
    "groups": "permissions for administering the installation",
    "cohorts": "belonging to a career centre's cohort is that centre's record",
    "user_permissions": "permissions for administering the installation",
    "calendar_token": "the secret in your calendar feed's address: a restored copy would "
    "publish the same feed twice. Create a new address in Settings.",
}

TEXT_TYPES = {"CharField", "TextField", "SlugField", "GenericIPAddressField"}
INTEGER_TYPES = {
    "IntegerField",
    "SmallIntegerField",
    "BigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
}
PLAIN_TYPES = TEXT_TYPES | INTEGER_TYPES | {"BooleanField", "FloatField", "JSONField"}
RELATION_TYPES = {"ForeignKey", "OneToOneField"}


def link_key(link: models.ManyToManyField) -> str:
    """`tags` for links to rows known by name, else `career_ids` for `careers`."""
    if SECTION_BY_MODEL[link.related_model].by_name:
        return link.name
    return link.name.removesuffix("s") + "_ids"


def check_sections() -> list[str]:
    """What the section list gets wrong: the tests fail on any of these."""
    errors = []
    seen: set[str] = set()
    for section in SECTIONS:
        model = section.model._meta.label
        names = {f.name for f in section.model._meta.get_fields()}
        errors += [
            f"{model}.{name} is excluded but is no field"
            for name in section.excluded
            if name not in names
        ]
        errors += [
            f"{model}.{name} has ids declared but is no field"
            for name in section.json
            if name not in names
        ]
        derived = set(getattr(section.model, "DERIVED_FIELDS", ()))
        if derived - set(section.excluded) or (
            derived and not hasattr(section.model, "refresh_derived_fields")
        ):
            errors.append(f"{model}: exclude its DERIVED_FIELDS and work them out on restore")
        for f in section.fields():
            kind = f.get_internal_type()
            if kind in RELATION_TYPES:
                target = SECTION_BY_MODEL.get(f.related_model)
                if target is None or target.by_name:
                    errors.append(f"{model}.{f.name} refers to {f.related_model}: not supported")
                elif target.key not in seen:
                    errors.append(f"{model}.{f.name} refers to a later section, {target.key}")
            elif kind == "JSONField" and f.name not in section.json:
                errors.append(
                    f"{model}.{f.name} is a JSON field: declare the ids it holds in `json`"
                )
            elif kind not in PLAIN_TYPES | {"DateTimeField", "DateField", "TimeField"}:
                errors.append(f"{model}.{f.name} is a {kind}, which the export cannot write")
        for link in section.links():
            target = SECTION_BY_MODEL.get(link.related_model)
            if target is None or target.key not in seen:
                errors.append(f"{model}.{link.name} links to a model not exported before it")
        for refs in section.json.values():
            errors += [
                f"{model} keeps ids of {ref.section}, a later section"
                for ref in refs
                if ref.section is not None and ref.section not in seen
            ]
        seen.add(section.key)
    user_fields = {f.name for f in User._meta.get_fields() if f.concrete or f.many_to_many}
    for name in sorted(user_fields - set(ACCOUNT_FIELDS) - set(ACCOUNT_EXCLUDED)):
        errors.append(f"User.{name} is neither in the account nor excluded with a reason")
    return errors


# Export ------------------------------------------------------------------------------------


def _encode(f: models.Field, value: Any) -> Any:
    if value is None:
        return None
    kind = f.get_internal_type()
    if kind == "DateTimeField":
        return iso(value)
    if kind in {"DateField", "TimeField"}:
        return value.isoformat()
    if kind in PLAIN_TYPES | RELATION_TYPES:
        return value
    raise TypeError(f"The export cannot write {f.model._meta.label}.{f.name}, a {kind}.")


def _translate(value: Any, refs: Iterable[Ref], lookup: Callable[[str, Any], Any]) -> Any:
    """A copy of a JSON value with the ids it keeps passed through `lookup`."""
    if not refs:
        return value
    value = copy.deepcopy(value)
    for ref in refs:
        *parents, last = ref.path
        holder = value
        for step in parents:
            holder = holder.get(step) if isinstance(holder, dict) else None
        if not isinstance(holder, dict) or last not in holder:
            continue
        current = holder[last]
        if ref.section is None:
            holder[last] = None
        elif ref.shape == "one":
            holder[last] = None if current is None else lookup(ref.section, current)
        elif isinstance(current, list) and ref.shape == "list":
            found = (lookup(ref.section, item) for item in current)
            holder[last] = [item for item in found if item is not None]
        elif isinstance(current, list):
            holder[last] = [None if item is None else lookup(ref.section, item) for item in current]
    return value


def account_as_dict(user: User) -> dict[str, Any]:
    fields = {f.name: f for f in User._meta.concrete_fields}
    account = {name: _encode(fields[name], getattr(user, name)) for name in ACCOUNT_FIELDS}
    account["working_days"] = sorted(user.working_weekdays)
    return account


def export_user_data(user: User) -> dict[str, Any]:
    """Everything the account owns, as a JSON-ready document (see docs/export-format.md)."""
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "version": VERSION,
        "exported_at": iso(timezone.now()),
        "account": account_as_dict(user),
    }
    # For each section, the export key of each exported row by database id.
    keys: dict[str, dict[int, Any]] = {}
    for section in SECTIONS:
        rows = section.exported_rows(user)
        if section.by_name:
            pairs = list(rows.values_list("pk", "name"))
            keys[section.key] = dict(pairs)
            document[section.key] = sorted(name for _pk, name in pairs)
            continue
        fields = section.fields()
        links = {link: _links_of(link, rows, keys) for link in section.links()}
        lookup = _export_lookup(keys)
        objects = []
        # values() rather than instances: a fifth of the time for 30,000 people.
        for row in rows.values("pk", *(f.attname for f in fields)).iterator(chunk_size=2000):
            item: dict[str, Any] = {"id": row["pk"]}
            for f in fields:
                value = row[f.attname]
                if f.name in section.json:
                    value = _translate(value, section.json[f.name], lookup)
                elif f.is_relation and value is not None:
                    value = keys[SECTION_BY_MODEL[f.related_model].key].get(value, value)
                item[f.attname] = _encode(f, value)
            for link, linked in links.items():
                item[link_key(link)] = linked.get(row["pk"], [])
            objects.append(item)
        keys[section.key] = {item["id"]: item["id"] for item in objects}
        document[section.key] = objects
    return document


def _export_lookup(keys: dict[str, dict[int, Any]]) -> Callable[[str, Any], Any]:
    return lambda section, pk: keys[section].get(pk)


def _links_of(
    link: models.ManyToManyField, rows: models.QuerySet, keys: dict[str, dict[int, Any]]
) -> dict[int, list]:
    # Grouped by hand rather than prefetched: prefetch_related builds a related manager per
    # row, which made exporting 30,000 people four times slower.
    through = link.remote_field.through
    source = through._meta.get_field(link.m2m_field_name()).attname
    target = through._meta.get_field(link.m2m_reverse_field_name()).attname
    target_keys = keys[SECTION_BY_MODEL[link.related_model].key]
    linked: defaultdict[int, list] = defaultdict(list)
    pairs = through.objects.filter(**{f"{source}__in": rows.values("pk")})
    for row_id, target_id in pairs.values_list(source, target).iterator(chunk_size=5000):
        linked[row_id].append(target_keys.get(target_id, target_id))
    return {row_id: sorted(values) for row_id, values in linked.items()}


# Restore -----------------------------------------------------------------------------------


class RestoreError(ValueError):
    """A document that cannot be restored, or an account that cannot take it; nothing is
    written. `problems` lists what is wrong, each naming the list, row and field."""

    def __init__(self, message: str, problems: list[str] | None = None):
        self.problems = problems or []
        text = message + "".join(f"\n- {problem}" for problem in self.problems)
        super().__init__(text)
        self.message = message


@dataclass
class RestoreSummary:
    counts: dict[str, int]

    def describe(self) -> str:
        """ "60 people, 3 careers, 18 conversations and 187 other records"."""
        main = [SECTION_BY_KEY[key] for key in ("contacts", "careers", "conversations")]
        parts = [_count(self.counts.get(s.key, 0), s) for s in main]
        others = sum(self.counts.values()) - sum(self.counts.get(s.key, 0) for s in main)
        if others:
            parts.append(f"{others:,} other record{'s' if others != 1 else ''}")
        return ", ".join(parts[:-1]) + " and " + parts[-1]


def _count(number: int, section: Section) -> str:
    if number == 1:
        singular = "person" if section.key == "contacts" else section.model._meta.verbose_name
        return f"1 {singular}"
    return f"{number:,} {section.plural}"


class Problems:
    def __init__(self) -> None:
        self.found: list[str] = []
        self.more = 0

    def add(self, message: str) -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(message)
        else:
            self.more += 1

    def raise_if_any(self) -> None:
        if self.found:
            extra = [f"… and {self.more:,} more problems"] if self.more else []
            raise RestoreError(
                "The file cannot be restored, so nothing was changed:", self.found + extra
            )


@dataclass
class Row:
    key: Any  # the export id (the name, for rows known by name)
    values: dict[str, Any]  # by attname; references are still export keys
    links: dict[str, list]  # by link name; export keys


def _decode(f: models.Field, value: Any) -> Any:
    """The Python value for one field; ValueError says what is wrong with it."""
    if value is None:
        if f.null:
            return None
        raise ValueError("must not be null")
    kind = f.get_internal_type()
    if kind in TEXT_TYPES:
        if not isinstance(value, str):
            raise ValueError("must be text")
        if f.max_length and len(value) > f.max_length:
            raise ValueError(f"is longer than {f.max_length} characters")
    elif kind in INTEGER_TYPES or kind in RELATION_TYPES:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("must be a whole number")
        if kind.startswith("Positive") and value < 0:
            raise ValueError("must not be negative")
    elif kind == "BooleanField":
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
    elif kind == "FloatField":
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ValueError("must be a number")
    elif kind == "DateTimeField":
        moment = _parse(datetime, value, "a date and time such as 2026-03-14T09:30:00+00:00")
        if moment.tzinfo is None:
            raise ValueError("has no offset from UTC, such as +00:00")
        return moment
    elif kind == "DateField":
        return _parse(date, value, "a date such as 2026-03-14")
    elif kind == "TimeField":
        return _parse(time, value, "a time such as 08:00:00")
    elif kind == "JSONField":
        default = f.get_default()
        for shape, name in ((list, "a list"), (dict, "an object")):
            if isinstance(default, shape) and not isinstance(value, shape):
                raise ValueError(f"should be {name}, not {_describe(value)}")
        # Every list kept in a JSON field (e-mails, keywords, skills, names) holds texts.
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            raise ValueError("should be a list of texts")
    else:
        raise TypeError(f"Restore cannot read {f.model._meta.label}.{f.name}, a {kind}.")
    return value


def _validate(f: models.Field, value: Any) -> None:
    """What the forms and the API check too: choices, the field's validators (time zones,
    web addresses, e-mail, number ranges) and dates within the years lib/dates.py allows.
    Raises ValidationError."""
    if value is None or value == "" or f.is_relation:
        return
    if f.choices:
        f.validate(value, None)
    f.run_validators(value)
    if isinstance(value, date):
        validate_sensible_date(value)


def _parse(kind: type, value: Any, example: str) -> Any:
    try:
        if not isinstance(value, str):
            raise ValueError
        return kind.fromisoformat(value)
    except ValueError:
        raise ValueError(f"is not {example}") from None


def _missing(f: models.Field) -> Any:
    """The value of a field an older export lacks; KeyError when it cannot be left out."""
    if f.has_default():
        return f.get_default()
    if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
        return timezone.now()
    if f.null:
        return None
    if f.blank and f.empty_strings_allowed:
        return ""
    raise KeyError(f.attname)


def _is_key(value: Any) -> bool:
    """An id (or a name, for rows known by name): never a list or an object."""
    return isinstance(value, int | str) and not isinstance(value, bool)


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def read_document(document: Any) -> tuple[dict[str, Any], dict[str, list[Row]]]:
    """Check a whole document before anything is written: (account fields, rows by section).

    Raises RestoreError naming each problem.
    """
    if not isinstance(document, dict):
        raise RestoreError(
            "This is not a Career Scout export: the file should hold one JSON object with "
            "“schema”: “careerscout-export”."
        )
    if document.get("schema") != SCHEMA:
        raise RestoreError(
            f"This is not a Career Scout export: its “schema” is "
            f"{_describe(document.get('schema'))} rather than “{SCHEMA}”."
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise RestoreError(f"The export's “version” is {_describe(version)}: it should be 1.")
    if version > VERSION:
        raise RestoreError(
            f"This export is version {version}, written by a newer Career Scout; this one "
            f"reads version {VERSION} and older. Upgrade Career Scout, then restore the file."
        )
    problems = Problems()
    known = {"schema", "version", "exported_at", "account", *SECTION_BY_KEY}
    for key in sorted(set(document) - known, key=str):
        problems.add(f"“{key}” is not a list Career Scout knows, so it would be lost")
    account = _read_account(document.get("account"), problems)
    rows: dict[str, list[Row]] = {}
    for section in SECTIONS:
        value = document.get(section.key, [])
        if not isinstance(value, list):
            problems.add(f"“{section.key}” should be a list, not {_describe(value)}")
            rows[section.key] = []
        elif section.by_name:
            rows[section.key] = _read_names(section, value, problems)
        else:
            rows[section.key] = _read_rows(section, value, problems)
    _check_references(rows, problems)
    problems.raise_if_any()
    return account, rows


def _read_account(value: Any, problems: Problems) -> dict[str, Any]:
    if not isinstance(value, dict):
        problems.add("“account” should be an object with the account's settings")
        return {}
    fields = {f.name: f for f in User._meta.concrete_fields}
    account: dict[str, Any] = {}
    for name in sorted(set(value) - set(ACCOUNT_FIELDS), key=str):
        problems.add(f"account: “{name}” is not a setting Career Scout knows")
    for name in ACCOUNT_FIELDS:
        if name == "username" or name not in value:
            continue  # the account keeps its own name; older exports may lack a setting
        if name == "working_days":
            days = value[name]
            valid = isinstance(days, list) and all(
                isinstance(day, int) and not isinstance(day, bool) and 1 <= day <= 7 for day in days
            )
            if not valid:
                problems.add("account: “working_days” should list weekdays from 1 to 7")
                continue
            account[name] = "".join(str(day) for day in sorted(set(days)))
            continue
        try:
            account[name] = _decode(fields[name], value[name])
            _validate(fields[name], account[name])
        except ValueError as error:
            problems.add(f"account: “{name}” {error}")
        except ValidationError as error:
            problems.add(f"account: “{name}”: {' '.join(error.messages)}")
    return account


def _read_names(section: Section, value: list, problems: Problems) -> list[Row]:
    max_length = section.model._meta.get_field("name").max_length
    names: list[Row] = []
    seen: set[str] = set()
    for index, name in enumerate(value):
        where = f"{section.key}[{index}]"
        if not isinstance(name, str) or not name or len(name) > max_length:
            problems.add(f"{where} should be a name of 1 to {max_length} characters")
        elif name in seen:
            problems.add(f"{where}: “{name}” is listed twice")
        else:
            seen.add(name)
            names.append(Row(name, {"name": name}, {}))
    return names


def _read_rows(section: Section, value: list, problems: Problems) -> list[Row]:
    fields = section.fields()
    links = section.links()
    expected = {"id", *(f.attname for f in fields), *(link_key(link) for link in links)}
    rows: list[Row] = []
    seen: set[int] = set()
    for index, item in enumerate(value):
        where = f"{section.key}[{index}]"
        if not isinstance(item, dict):
            problems.add(f"{where} should be an object, not {_describe(item)}")
            continue
        key = item.get("id")
        if not isinstance(key, int) or isinstance(key, bool):
            problems.add(f"{where}: “id” should be a whole number, not {_describe(key)}")
            continue
        if key in seen:
            problems.add(f"{where}: the id {key} is used twice in “{section.key}”")
            continue
        seen.add(key)
        where = f"{where} (id {key})"
        for name in sorted(set(item) - expected, key=str):
            problems.add(f"{where}: “{name}” is not a field Career Scout knows")
        values: dict[str, Any] = {}
        for f in fields:
            try:
                if f.attname in item:
                    values[f.attname] = _decode(f, item[f.attname])
                    _validate(f, values[f.attname])
                else:
                    values[f.attname] = _missing(f)
            except KeyError:
                problems.add(f"{where}: “{f.attname}” is missing")
            except ValueError as error:
                problems.add(f"{where}: “{f.attname}” {error}")
            except ValidationError as error:
                problems.add(f"{where}: “{f.attname}”: {' '.join(error.messages)}")
        row_links: dict[str, list] = {}
        for link in links:
            linked = item.get(link_key(link), [])
            if not isinstance(linked, list) or not all(map(_is_key, linked)):
                problems.add(f"{where}: “{link_key(link)}” should be a list of ids")
                linked = []
            row_links[link.name] = linked
        rows.append(Row(key, values, row_links))
    return rows


def _check_references(rows: dict[str, list[Row]], problems: Problems) -> None:
    """Every id a row mentions must be a row of the document."""
    keys = {name: {row.key for row in section_rows} for name, section_rows in rows.items()}
    for section in SECTIONS:
        relations = [f for f in section.fields() if f.is_relation]
        for index, row in enumerate(rows[section.key]):
            where = f"{section.key}[{index}] (id {row.key})"
            for f in relations:
                value = row.values.get(f.attname)
                target = SECTION_BY_MODEL[f.related_model].key
                if value is not None and value not in keys[target]:
                    problems.add(f"{where}: “{f.attname}” {value} is not in “{target}”")
            for link in section.links():
                target = SECTION_BY_MODEL[link.related_model].key
                for value in row.links.get(link.name, []):
                    if value not in keys[target]:
                        problems.add(
                            f"{where}: “{link_key(link)}” names {_describe(value)}, "
                            f"which is not in “{target}”"
                        )
            for name, refs in section.json.items():

                def check(target: str, value: Any, where: str = where, name: str = name) -> Any:
                    if not _is_key(value) or value not in keys[target]:
                        problems.add(
                            f"{where}: “{name}” mentions {_describe(value)}, "
                            f"which is not in “{target}”"
                        )
                    return value

                _translate(row.values.get(name), refs, check)


def parse_export(data: bytes) -> Any:
    """The JSON of an export file; RestoreError when it is not JSON at all."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RestoreError(
            "The file is not UTF-8 text, so it is not a Career Scout export."
        ) from None
    too_deep = False
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise RestoreError(
            f"The file is not JSON ({error.msg} at line {error.lineno}, column {error.colno}), "
            "so it is not a Career Scout export."
        ) from None
    except RecursionError:  # deeper than Python's parser goes
        document, too_deep = None, True
    if too_deep or _depth(document) > MAX_DEPTH:
        raise RestoreError(
            f"The file is nested too deeply (more than {MAX_DEPTH} lists or objects inside "
            "one another), so it is not a Career Scout export."
        )
    return document


def _depth(value: Any) -> int:
    """How many lists and objects sit inside one another, counted without recursion."""
    deepest, waiting = 0, [(value, 1)]
    while waiting:
        current, level = waiting.pop()
        if isinstance(current, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            items = current.values() if isinstance(current, dict) else current
            waiting.extend((item, level + 1) for item in items)
    return deepest


def untouched_bank_questions(user: User) -> models.QuerySet:
    """The built-in questions as copied in and never starred, hidden or reworded."""
    untouched = []
    bank = Question.objects.for_user(user).filter(custom=False, starred=False, hidden=False)
    for pk, key, topic, text, closing in bank.values_list("pk", "key", "topic", "text", "closing"):
        original = BANK_QUESTIONS.get(key)
        if original and (original.topic, original.text, original.closing) == (
            topic,
            text,
            closing,
        ):
            untouched.append(pk)
    return Question.objects.filter(pk__in=untouched)


def sections_with_data(user: User) -> list[Section]:
    """What the account holds apart from bookkeeping, API tokens and the unedited bank."""
    found = []
    for section in SECTIONS:
        if section.operational:
            continue
        rows = section.rows(user)
        if section.model is Question:
            rows = rows.exclude(pk__in=untouched_bank_questions(user).values("pk"))
        if rows.exists():
            found.append(section)
    return found


def account_is_empty(user: User) -> bool:
    return not sections_with_data(user)


def restore_user_data(user: User, document: Any) -> RestoreSummary:
    """Load an export into an empty account, keeping every field and timestamp.

    The document is checked whole first; then everything is written in one transaction, so
    a problem found by the database too leaves the account as it was. Raises RestoreError.
    """
    account, rows = read_document(document)
    try:
        with transaction.atomic():
            filled = sections_with_data(user)
            if filled:
                names = ", ".join(section.plural for section in filled)
                raise RestoreError(
                    f"The account “{user.username}” already holds data ({names}). Restore "
                    "only into an empty account, so that nothing is mixed or overwritten."
                )
            untouched_bank_questions(user).delete()  # the document brings its own bank
            for name, value in account.items():
                setattr(user, name, value)
            user.save(update_fields=list(account))
            maps: dict[str, dict[Any, int]] = {}
            for section in SECTIONS:
                maps[section.key] = _write(section, rows[section.key], user, maps)
    except DatabaseError as error:
        raise RestoreError(
            f"The database refused the file ({error}), so nothing was restored."
        ) from error
    return RestoreSummary({section.key: len(rows[section.key]) for section in SECTIONS})


def _write(
    section: Section, rows: list[Row], user: User, maps: dict[str, dict[Any, int]]
) -> dict[Any, int]:
    """Insert one section's rows; return the new database id of each export key."""
    model = section.model
    if not rows:
        return {}
    if section.operational:
        # What this installation already did (a digest sent today) stays; the rest is added.
        # Nothing refers to these rows, so their new ids are not needed.
        model._default_manager.bulk_create(
            _build(section, rows, user, maps), batch_size=BATCH_SIZE, ignore_conflicts=True
        )
        return {}
    objects = _build(section, rows, user, maps)
    model._default_manager.bulk_create(objects, batch_size=BATCH_SIZE)
    if objects[0].pk is None:
        raise DatabaseError("this database does not return the ids of new rows")
    # auto_now and auto_now_add wrote the current time; put the exported times back.
    stamped = [
        f.attname
        for f in section.fields()
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    if stamped:
        _set_times(
            model, stamped, [(obj.pk, row.values) for obj, row in zip(objects, rows, strict=True)]
        )
    new_ids = {row.key: obj.pk for row, obj in zip(rows, objects, strict=True)}
    for link in section.links():
        through = link.remote_field.through
        source = through._meta.get_field(link.m2m_field_name()).attname
        target = through._meta.get_field(link.m2m_reverse_field_name()).attname
        target_ids = maps[SECTION_BY_MODEL[link.related_model].key]
        through.objects.bulk_create(
            (
                through(**{source: new_ids[row.key], target: target_ids[linked]})
                for row in rows
                for linked in dict.fromkeys(row.links[link.name])
            ),
            batch_size=BATCH_SIZE,
        )
    return new_ids


def _set_times(model: type[models.Model], names: list[str], rows: list[tuple[int, dict]]):
    """One plain UPDATE per row, sent together: bulk_update's CASE expressions took 40 s
    for 30,000 people, this takes well under one."""
    connection = connections[router.db_for_write(model)]
    fields = [model._meta.get_field(name) for name in names]
    columns = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    primary_key = connection.ops.quote_name(model._meta.pk.column)
    sql = f"UPDATE {table} SET {columns} WHERE {primary_key} = %s"
    params = [
        [*(f.get_db_prep_value(values[f.attname], connection) for f in fields), pk]
        for pk, values in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _build(
    section: Section, rows: list[Row], user: User, maps: dict[str, dict[Any, int]]
) -> list[models.Model]:
    relations = {
        f.attname: maps[SECTION_BY_MODEL[f.related_model].key]
        for f in section.fields()
        if f.is_relation
    }

    def lookup(target: str, key: Any) -> int:
        return maps[target][key]

    objects = []
    owner = {f"{section.owner_field}_id": user.pk} if section.owner_field else {}
    for row in rows:
        values = dict(row.values)
        for name, new_ids in relations.items():
            if values[name] is not None:
                values[name] = new_ids[values[name]]
        for name, refs in section.json.items():
            values[name] = _translate(values[name], refs, lookup)
        obj = section.model(**values, **owner)
        if hasattr(obj, "refresh_derived_fields"):
            obj.refresh_derived_fields()
        objects.append(obj)
    return objects


# Deletion ----------------------------------------------------------------------------------


@transaction.atomic
def delete_account(user: User) -> None:
    """Delete the account and every row it owns (the tests count each table)."""
    # Failed sign-ins name the account and where they came from.
    AccessAttempt.objects.filter(username=user.username).delete()
    ApiToken.objects.filter(user=user).delete()
    # Sections in reverse, so each delete finds little left to cascade to.
    for section in reversed(SECTIONS):
        section.rows(user).delete()
    user.delete()
