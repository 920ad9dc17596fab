"""A career centre's worth of demo accounts, for the load test (`careerscout populate`).

Every student gets the same demo people (`demo_people()`, one seed) and the sample
exploration; advisers and volunteers are accounts of their own. On PostgreSQL the people go
in with COPY and several processes share the students, so 200 students × 1,500 people take
about a minute instead of several; other databases use bulk_create.

The load test signs in without the login page: `credentials()` hands back, for each account,
an API token and a session cookie, as a browser that signed in yesterday would hold.
"""

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_context

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, connections, models, transaction
from django.utils import timezone
from psycopg import sql

from careerscout.accounts.models import ApiToken, Role, User
from careerscout.advising.models import Level, SharingGrant
from careerscout.advising.sharing import share
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.directory.models import save_profile
from careerscout.people.models import Contact, TimelineEntry
from careerscout.people.organizations import link_organizations

from .exploration import SAMPLE_CAREERS, add_sample_exploration
from .people import ADDED_SUMMARY, DEMO_TAGS, add_demo_people, demo_people, tags_named


@dataclass(frozen=True)
class Group:
    """A kind of account in the installation; explorers get people and an exploration."""

    prefix: str
    count: int
    role: Role

    @property
    def explorer(self) -> bool:
        return self.role == Role.EXPLORER


def groups(students: int, advisers: int, volunteers: int) -> list[Group]:
    return [
        Group("student", students, Role.EXPLORER),
        Group("adviser", advisers, Role.ADVISER),
        Group("volunteer", volunteers, Role.VOLUNTEER),
    ]


def usernames(group: Group) -> list[str]:
    return [f"{group.prefix}-{number:03d}" for number in range(1, group.count + 1)]


def create_accounts(all_groups: Sequence[Group], password: str) -> dict[str, list[User]]:
    """One bulk insert for every account; the password is hashed once and shared."""
    taken = User.objects.filter(username__in=[n for g in all_groups for n in usernames(g)])
    if taken.exists():
        raise ValueError(f"“{taken.first().username}” exists already: populate an empty database.")
    hashed = make_password(password)
    accounts = {}
    for group in all_groups:
        users = [User(username=name, name=name, password=hashed) for name in usernames(group)]
        for user in users:
            user.set_roles({group.role})
        User.objects.bulk_create(users)
        accounts[group.prefix] = list(
            User.objects.filter(username__in=[user.username for user in users]).order_by("pk")
        )
    return accounts


def connect_centre(accounts: dict[str, list[User]]) -> None:
    """Students share with an adviser each, at every level in turn; volunteers publish a
    profile for one of the sample careers each."""
    advisers = accounts.get("adviser", [])
    levels = [Level.PROGRESS, Level.SUMMARY, Level.REPORT]
    for number, student in enumerate(accounts.get("student", []) if advisers else []):
        share(student, advisers[number % len(advisers)].username, levels[number % len(levels)])
    for number, volunteer in enumerate(accounts.get("volunteer", [])):
        career = SAMPLE_CAREERS[number % len(SAMPLE_CAREERS)]
        save_profile(
            volunteer,
            title=career.keywords[0].title(),
            organization=f"Alumni Organisation {number % 17 + 1}",
            careers=[career.title],
            topics=["a day in the job", "getting started"],
            languages=["English"],
            capacity_per_month=number % 4 + 1,
            published=True,
        )


def populate(
    students: int,
    people: int,
    *,
    advisers: int = 0,
    volunteers: int = 0,
    password: str,
    processes: int = 2,
) -> dict[str, list[User]]:
    """Create the accounts, then fill each explorer's people and exploration."""
    all_groups = groups(students, advisers, volunteers)
    with transaction.atomic():
        accounts = create_accounts(all_groups, password)
        connect_centre(accounts)
    explorers = [
        user.pk for group in all_groups if group.explorer for user in accounts[group.prefix]
    ]
    if connection.vendor != "postgresql" or processes <= 1:
        for user_id in explorers:
            add_explorer_data(user_id, people)
        return accounts
    template_contacts(people)  # once, before the processes fork
    # Forked processes must not share the parent's connection.
    connections.close_all()
    with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:
        list(pool.map(add_explorer_data, explorers, [people] * len(explorers), chunksize=4))
    return accounts


def add_explorer_data(user_id: int, people: int) -> None:
    user = User.objects.get(pk=user_id)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            copy_demo_people(user, people)
        else:
            add_demo_people(user, people)
        add_sample_exploration(user)


CONTACT_FIELDS = [field for field in Contact._meta.concrete_fields if not field.primary_key]
USER_COLUMN = CONTACT_FIELDS.index(Contact._meta.get_field("user"))
ORG_COLUMN = CONTACT_FIELDS.index(Contact._meta.get_field("org"))


@dataclass(frozen=True)
class TemplateContact:
    row: list  # the values COPY writes, prepared as Django's INSERT would
    organization: str
    tags: tuple[str, ...]


@cache
def template_contacts(count: int) -> tuple[TemplateContact, ...]:
    """The demo people as prepared rows, computed once per process and reused per student."""
    result = []
    for person in demo_people(count):
        contact = Contact(
            name=person.name,
            emails=list(person.emails),
            phone=person.phone,
            linkedin_url=person.linkedin_url,
            organization=person.organization,
            title=person.title,
            location=person.location,
            time_zone=person.time_zone,
            source=person.source,
            how_we_know=person.how_we_know,
            notes=person.notes,
        )
        contact.refresh_derived_fields()
        row = [
            field.get_db_prep_save(field.pre_save(contact, True), connection)
            for field in CONTACT_FIELDS
        ]
        result.append(TemplateContact(row, person.organization, person.tags))
    return tuple(result)


def copy_demo_people(user: User, count: int) -> None:
    """What `add_demo_people()` writes, through COPY: the same rows in a fraction of the time."""
    templates = template_contacts(count)
    # One stand-in contact per organisation name finds or creates its Organisation row.
    named = {t.organization: Contact(organization=t.organization) for t in templates}
    link_organizations(user, list(named.values()))
    rows = []
    for template in templates:
        row = template.row.copy()
        row[USER_COLUMN] = user.pk
        row[ORG_COLUMN] = named[template.organization].org_id
        rows.append(row)
    copy_rows(Contact, CONTACT_FIELDS, rows)
    ids = list(Contact.objects.for_user(user).order_by("pk").values_list("pk", flat=True))
    tags = {name: tag.pk for name, tag in tags_named(user, set(DEMO_TAGS)).items()}
    Tagging = Contact.tags.through
    copy_rows(
        Tagging,
        [Tagging._meta.get_field("contact"), Tagging._meta.get_field("tag")],
        (
            (contact_id, tags[name])
            for contact_id, template in zip(ids, templates, strict=True)
            for name in template.tags
        ),
    )
    now = timezone.now()
    copy_rows(
        TimelineEntry,
        [
            TimelineEntry._meta.get_field(name)
            for name in ("user", "contact", "kind", "summary", "at")
        ],
        ((user.pk, contact_id, TimelineEntry.Kind.ADDED, ADDED_SUMMARY, now) for contact_id in ids),
    )


def copy_rows(
    model: type[models.Model], fields: list[models.Field], rows: Iterable[Sequence]
) -> None:
    """Insert with PostgreSQL's COPY: far cheaper than INSERT for thousands of rows."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(field.column) for field in fields),
    )
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def credentials(users: Iterable[User]) -> list[dict]:
    """Each account's API token, signed-in session cookie and the ids the load test visits."""
    result = []
    for user in users:
        _token, plain = ApiToken.issue(user, "load test")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        result.append(
            {
                "username": user.username,
                "token": plain,
                "session": session.session_key,
                "contacts": list(owned_ids(Contact, user)[:200]),
                "careers": list(owned_ids(Career, user)),
                "conversations": list(owned_ids(Conversation, user)),
                "students": list(
                    SharingGrant.objects.filter(adviser=user).values_list(
                        "user__username", flat=True
                    )
                ),
            }
        )
    return result


def owned_ids(model: type[models.Model], user: User):
    return model.objects.for_user(user).order_by("pk").values_list("pk", flat=True)


def default_processes() -> int:
    """Two per core: each process waits on the database about half of its time."""
    return min(4, 2 * len(os.sched_getaffinity(0)))
