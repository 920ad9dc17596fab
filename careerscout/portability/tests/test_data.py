"""Data ownership: the export holds everything, a restore gives it all back, deletion leaves
nothing, and a backup is a consistent copy of the whole database."""

import copy
import io
import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import models
from django.test import Client, TestCase

from careerscout.accounts.models import ApiToken, Cohort, Invitation, Role, User
from careerscout.advising.models import AuditEntry, SharingGrant
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.demo.exploration import add_sample_exploration
from careerscout.demo.people import add_demo_people
from careerscout.directory.models import DirectoryRequest, VolunteerProfile
from careerscout.imports.models import ImportBatch
from careerscout.insights.models import (
    Contradiction,
    Criterion,
    Item,
    Rating,
    Reflection,
    SkillRating,
)
from careerscout.outreach.models import DraftTemplate
from careerscout.people.duplicates import dismiss_pair, merge_contacts, undo_merge
from careerscout.people.models import Contact, MergeRecord, Organization, TimelineEntry
from careerscout.portability.data import (
    ACCOUNT_FIELDS,
    NOT_EXPORTED,
    SCHEMA,
    SECTION_BY_KEY,
    SECTION_BY_MODEL,
    SECTIONS,
    VERSION,
    RestoreError,
    account_is_empty,
    check_sections,
    delete_account,
    export_user_data,
    link_key,
    parse_export,
    restore_user_data,
)
from careerscout.portability.management.commands.backup import copy_sqlite_database
from careerscout.questions.models import PlannedQuestion, Question
from careerscout.tests.factories import make_contact, make_user
from careerscout.today.models import DigestLog

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def copy_whole_bank(user) -> None:
    """As installations before 0.2 did: every built-in question copied into the account."""
    Question.objects.bulk_create([q for q in Question.bank(user) if q.pk is None])


def fill_career_centre_rows(user: User) -> None:
    """The career centre's rows of an account: not exported, but deleted with it."""
    adviser = make_user(f"{user.username}-adviser", is_adviser=True)
    volunteer = make_user(f"{user.username}-volunteer", is_volunteer=True)
    user.is_adviser = user.is_volunteer = True
    user.save(update_fields=["is_adviser", "is_volunteer"])
    cohort = Cohort.objects.create(user=user, name="Class of 2027")
    cohort.members.add(user)
    Invitation.issue(user, "student@example.edu", Role.EXPLORER, cohort=cohort)
    SharingGrant.objects.create(user=user, adviser=adviser, level="summary")
    AuditEntry.objects.create(user=user, adviser=adviser, adviser_name="Ada", what="summary")
    VolunteerProfile.objects.create(user=user, display_name="Alice E.", title="UX Researcher")
    theirs = VolunteerProfile.objects.create(user=volunteer, display_name="Vic", title="Designer")
    DirectoryRequest.objects.create(user=user, profile=theirs, message="Could we talk?")


def fill_account(user: User, people: int = 60) -> None:
    """An account with rows in every section and a value in every exported field."""
    User.objects.filter(pk=user.pk).update(
        email=f"{user.username}@example.org",
        first_name=user.username.title(),
        last_name="Example",
        time_zone="Europe/Paris",
        working_days="1234",
        country="FR",
        digest_enabled=True,
        digest_time=time(7, 15),
    )
    user.refresh_from_db()
    add_demo_people(user, people)
    careers = add_sample_exploration(user, now=NOW)
    career = careers[0]
    contacts = list(Contact.objects.for_user(user).order_by("id"))
    first, second = contacts[:2]
    Contact.objects.filter(pk=first.pk).update(
        connected_on=date(2024, 5, 2),
        extra={"websites": ["https://example.org/first"]},
        keep_in_touch_months=6,
        last_contact_at=NOW - timedelta(days=3),
        responsiveness="quick",
    )
    organization = Organization.objects.create(
        user=user,
        name="Umbrella Labs",
        key="umbrella labs",
        merged_keys=["umbrella"],
        kind="startup",
    )
    dismiss_pair(first, second)

    # A merge whose record keeps ids of organisations, careers, conversations, tags, entries.
    kept = make_contact(user, "Dana Reyes", emails=["dana@umbrella.example"])
    absorbed = make_contact(
        user, "Dana Reyes", tags=["met-at-meetup"], title="Staff Researcher", org=organization
    )
    absorbed.log(TimelineEntry.Kind.NOTE, "Met at the research meetup")
    career.contacts.add(absorbed)
    Conversation.plan(absorbed, [career])
    merge_contacts(kept, absorbed)

    Career.objects.filter(pk=career.pk).update(notes="Ask about *research ops* too.")
    career.confirm_occupations(["15-1255.00"])
    career.targets.filter(pk=career.targets.order_by("pk").first().pk).update(note="Top 5")
    conversation = Conversation.objects.for_user(user).filter(status="thanked").first()
    conversation.changes.filter(to_status="held").update(note="Over video")
    Conversation.objects.filter(pk=conversation.pk).update(
        notes="! Most research is evaluative #day_to_day",
        notes_version=3,
        time_zone="America/New_York",
        location="Café Lumière",
        video_url="https://meet.example/abc",
        introduction="I am exploring research careers.",
        followed_up_at=NOW - timedelta(days=30),
        reported_back_at=NOW - timedelta(days=2),
        invitation_sequence=2,
    )
    copy_whole_bank(user)
    bank = list(Question.objects.for_user(user).order_by("position"))
    Question.objects.filter(pk=bank[0].pk).update(starred=True)
    Question.objects.filter(pk=bank[1].pk).update(hidden=True)
    own = Question.objects.create(
        user=user, key="custom-1", topic="culture", text="What surprised you?", custom=True
    )
    PlannedQuestion.objects.create(
        user=user,
        conversation=conversation,
        question=own,
        key=own.key,
        topic=own.topic,
        text=own.text,
        reason="Still unknown for this career",
        position=1,
        closing=True,
        notes="They loved the team.",
        notes_version=2,
    )
    DraftTemplate.objects.create(
        user=user, kind="request", name="Short", subject="Hello", body="Hi {first_name}"
    )
    DigestLog.objects.create(user=user, day=date(2026, 11, 19), sent_at=NOW, item_count=4)
    fill_career_centre_rows(user)

    insight = Item.objects.create(
        user=user,
        conversation=conversation,
        contact=conversation.contact,
        kind="insight",
        text="Most research is evaluative",
        topic="day_to_day",
        skills=["survey design"],
        from_notes=True,
        created_at=NOW - timedelta(days=10),
    )
    concern = Item.objects.create(
        user=user, conversation=conversation, contact=conversation.contact, kind="concern",
        text="Much of the research is generative", topic="day_to_day",
    )  # fmt: skip
    Item.objects.create(
        user=user,
        conversation=conversation,
        contact=conversation.contact,
        referred=second,
        kind="referral",
        text="@Maya Chen says ok to use her name",
    )
    Item.objects.create(
        user=user,
        career=career,
        kind="action",
        text="Read Just Enough Research",
        due=date(2026, 12, 15),
        done_at=NOW,
    )
    criterion = Criterion.objects.create(
        user=user, name="Meaning", weight=5, description="Work that matters", position=1
    )
    reflection = Reflection.objects.create(
        user=user,
        conversation=Conversation.objects.for_user(user).filter(status="held").first(),
        surprised="How little coding there is",
        attracted="Talking to users",
        worried="Budgets",
        fit="Good",
    )
    old = Rating.objects.create(
        user=user, career=career, criterion=criterion, value=3, rated_at=NOW - timedelta(days=9)
    )
    rating = Rating.objects.create(
        user=user,
        career=career,
        criterion=criterion,
        value=4,
        note="Clearer now",
        reflection=reflection,
    )
    rating.evidence.set([insight, concern])
    old.evidence.set([insight])
    Contradiction.objects.create(user=user, first=insight, second=concern, note="Who is right?")
    SkillRating.objects.create(user=user, name="SQL", level=2)
    ImportBatch.objects.create(
        user=user,
        kind="csv",
        filename="people.csv",
        data=b"",
        encoding="latin-1",
        source="alumni",
        mapping=["name", "email"],
        status="done",
        rows=2,
        progress_done=2,
        progress_total=2,
        preview={"updated": [{"id": first.pk, "name": first.name}]},
        result={"added": 2, "updated": 0, "unchanged": 0, "skipped": [], "errors": []},
        started_at=NOW - timedelta(minutes=5),
        finished_at=NOW - timedelta(minutes=4),
    )
    ImportBatch.objects.create(
        user=user, kind="vcard", filename="broken.vcf", status="failed", error="Not a vCard"
    )
    ImportBatch.objects.create(
        user=user, kind="csv", filename="waiting.csv", data=b"Name\nZed Unimported\n"
    )

    # Rows that are the account's but not in the export.
    ApiToken.issue(user, "notes script")
    user.renew_calendar_token()
    AccessAttempt.objects.create(
        username=user.username, ip_address="192.0.2.1", user_agent="test", failures_since_start=1
    )
    group, _ = Group.objects.get_or_create(name="career centre")
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.order_by("pk").first())
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        object_repr=user.username,
        action_flag=ADDITION,
    )


def normalised(document: dict) -> dict:
    """The document with each id replaced by its row's position in its list, and without
    what a restore rightly changes (the moment of export and the account's username)."""
    document = copy.deepcopy(document)
    del document["exported_at"]
    del document["account"]["username"]
    position = {
        section.key: {row["id"]: index for index, row in enumerate(document[section.key])}
        for section in SECTIONS
        if not section.by_name
    }

    def at(section_key: str, value):
        if value is None or SECTION_BY_KEY[section_key].by_name:
            return value
        return ("at", position[section_key][value])  # KeyError: a reference gone astray

    for section in SECTIONS:
        if section.by_name:
            continue
        for row in document[section.key]:
            row["id"] = at(section.key, row["id"])
            for field in section.model._meta.concrete_fields:
                if field.is_relation and field.attname in row:
                    target = SECTION_BY_MODEL[field.related_model].key
                    row[field.attname] = at(target, row[field.attname])
            for link in section.model._meta.many_to_many:
                target = SECTION_BY_MODEL[link.related_model].key
                row[link_key(link)] = sorted(at(target, v) for v in row[link_key(link)])
    # Ids inside merge records, listed here independently of the module's own declarations.
    for record in document["merge_records"]:
        absorbed, moved = record["absorbed"], record["moved"]
        absorbed["org_id"] = at("organizations", absorbed["org_id"])
        absorbed["career_ids"] = [at("careers", pk) for pk in absorbed["career_ids"]]
        if "org_id" in record["changed_fields"]:
            pair = record["changed_fields"]["org_id"]
            record["changed_fields"]["org_id"] = [at("organizations", pk) for pk in pair]
        for key, target in [
            ("timeline", "timeline_entries"),
            ("conversations", "conversations"),
            ("careers", "careers"),
        ]:
            moved[key] = [at(target, pk) for pk in moved[key]]
        moved["merge_entry"] = at("timeline_entries", moved["merge_entry"])
    return document


def path_to_user(model: type[models.Model]) -> str | None:
    """The shortest lookup from a model's rows to their account, if there is one."""
    if model is User:
        return "pk"
    queue, seen = [(model, "")], {model}
    while queue:
        current, path = queue.pop(0)
        for field in current._meta.concrete_fields:
            if not field.is_relation:
                continue
            lookup = f"{path}__{field.name}" if path else field.name
            if field.related_model is User:
                return lookup
            if field.related_model not in seen and lookup.count("__") < 3:
                seen.add(field.related_model)
                queue.append((field.related_model, lookup))
    return None


def owned_models() -> dict[type[models.Model], str]:
    found = {}
    for model in apps.get_models(include_auto_created=True):
        path = path_to_user(model)
        if path is not None:
            found[model] = path
    return found


def row_counts(pk: int, username: str) -> dict[str, int]:
    """Rows of every table that belong to the account (taken by id: a deleted account's
    object has none left)."""
    counts = {
        model._meta.label: model._default_manager.filter(**{path: pk}).count()
        for model, path in owned_models().items()
    }
    counts["axes.AccessAttempt"] = AccessAttempt.objects.filter(username=username).count()
    return counts


class SectionListTests(TestCase):
    def test_the_section_list_is_complete_and_in_a_restorable_order(self):
        assert check_sections() == []

    def test_every_model_that_belongs_to_an_account_is_exported_or_explained(self):
        covered = {section.model for section in SECTIONS}
        covered |= {
            link.remote_field.through
            for section in SECTIONS
            for link in section.model._meta.many_to_many
        }
        explained = {apps.get_model(label) for label in NOT_EXPORTED}
        missing = set(owned_models()) - covered - explained - {User}
        assert {model._meta.label for model in missing} == set()

    def test_the_format_page_names_every_list_and_field(self):
        page = (Path(__file__).parents[3] / "docs" / "export-format.md").read_text()
        blocks = dict(re.findall(r"^### (\w+)\n(.*?)(?=^##)", page, re.S | re.M))
        assert list(blocks) == [section.key for section in SECTIONS]
        for section in SECTIONS:
            if section.by_name:
                continue
            fields = [f.attname for f in section.fields()]
            keys = ["id", *fields, *(link_key(link) for link in section.links())]
            missing = [key for key in keys if f"`{key}`" not in blocks[section.key]]
            assert missing == [], section.key
        account = re.search(r"^`account`: (.*?)\n\n", page, re.S | re.M).group(1)
        assert [key for key in ACCOUNT_FIELDS if f"`{key}`" not in account] == []


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        fill_account(cls.alice)
        cls.charlie = make_user("charlie")
        fill_account(cls.charlie, people=20)
        make_contact(cls.charlie, "Charlie's Secret Friend", notes="zebra-7731")

    def setUp(self):
        self.alice.refresh_from_db()
        self.document = export_user_data(self.alice)

    def test_the_export_names_its_schema_and_version_and_has_every_list(self):
        assert self.document["schema"] == SCHEMA == "careerscout-export"
        assert self.document["version"] == VERSION == 1
        assert datetime.fromisoformat(self.document["exported_at"]).utcoffset() == timedelta(0)
        assert list(self.document) == [
            "schema",
            "version",
            "exported_at",
            "account",
            *(section.key for section in SECTIONS),
        ]

    def test_the_account_holds_settings_but_no_secrets(self):
        account = self.document["account"]
        assert account == {
            "username": "alice",
            "name": "Alice",
            "email": "alice@example.org",
            "first_name": "Alice",
            "last_name": "Example",
            "time_zone": "Europe/Paris",
            "working_days": [1, 2, 3, 4],
            "country": "FR",
            "digest_enabled": True,
            "digest_time": "07:15:00",
            "date_joined": self.alice.date_joined.astimezone(UTC).isoformat(),
        }
        text = json.dumps(self.document)
        assert self.alice.password not in text
        assert self.alice.calendar_token not in text
        token = ApiToken.objects.get(user=self.alice)
        assert token.key_hash not in text and token.hint not in text

    def test_the_sample_account_fills_every_list_and_every_field(self):
        """So the round trip below exercises each of them: a new field fails here until the
        sample gives it a value, and then the round trip proves it travels."""
        empty = [None, "", [], {}, False, 0]
        for section in SECTIONS:
            rows = self.document[section.key]
            assert rows, f"{section.key} is empty"
            if section.by_name:
                continue
            for key in rows[0]:
                values = [row[key] for row in rows]
                assert any(value not in empty for value in values), f"{section.key}.{key}"

    def test_every_time_has_an_offset_and_every_date_is_iso(self):
        def walk(value, key=""):
            if isinstance(value, dict):
                for inner, item in value.items():
                    yield from walk(item, inner)
            elif isinstance(value, list):
                for item in value:
                    yield from walk(item, key)
            elif isinstance(value, str) and key.endswith("_at"):
                yield key, value

        times = list(walk(self.document))
        assert len(times) > 100
        for key, value in times:
            assert datetime.fromisoformat(value).utcoffset() == timedelta(0), (key, value)
        assert any(row["due"] == "2026-12-15" for row in self.document["items"])

    def test_the_export_holds_only_the_owners_rows(self):
        for section in SECTIONS:
            if section.by_name:
                continue
            exported = {row["id"] for row in self.document[section.key]}
            own = set(section.rows(self.alice).values_list("pk", flat=True))
            assert exported <= own, section.key
        assert "zebra-7731" not in json.dumps(self.document)
        assert "Charlie" not in json.dumps(self.document)

    def test_the_export_is_the_same_twice(self):
        again = export_user_data(self.alice)
        del again["exported_at"]
        del self.document["exported_at"]
        assert again == self.document

    def test_contacts_carry_the_api_fields_with_tag_names(self):
        dana = next(c for c in self.document["contacts"] if c["name"] == "Dana Reyes")
        assert dana["tags"] == ["met-at-meetup"]
        assert dana["emails"] == ["dana@umbrella.example"]
        assert {"search_text", "title_key", "user_id"}.isdisjoint(dana)
        assert "met-at-meetup" in self.document["tags"]

    def test_imports_are_history_without_the_uploaded_files(self):
        batches = self.document["import_batches"]
        assert [batch["status"] for batch in batches] == ["done", "failed"]
        assert all("data" not in batch and "preview" not in batch for batch in batches)
        assert "Zed Unimported" not in json.dumps(self.document)

    def test_a_merge_record_keeps_its_references_and_tag_names(self):
        [record] = self.document["merge_records"]
        assert record["absorbed"]["id"] is None  # that person no longer exists
        assert record["moved"]["tags"] == ["met-at-meetup"]
        timeline_ids = {entry["id"] for entry in self.document["timeline_entries"]}
        assert set(record["moved"]["timeline"]) <= timeline_ids
        assert record["moved"]["merge_entry"] in timeline_ids
        assert record["moved"]["conversations"]
        organization_ids = {org["id"] for org in self.document["organizations"]}
        assert record["changed_fields"]["org_id"][1] in organization_ids


class RestoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        fill_account(cls.alice)
        cls.document = export_user_data(cls.alice)

    def setUp(self):
        self.bob = make_user("bob")

    def restore(self, document=None):
        return restore_user_data(self.bob, copy.deepcopy(document or self.document))

    def test_a_round_trip_gives_back_the_same_document(self):
        summary = self.restore()
        again = export_user_data(self.bob)
        assert again["account"]["username"] == "bob"
        assert normalised(again) == normalised(self.document)
        people = len(self.document["contacts"])
        assert summary.counts["contacts"] == Contact.objects.for_user(self.bob).count() == people
        assert summary.describe().startswith(f"{people} people, 3 careers, ")

    def test_a_restore_changes_nothing_of_the_original_account(self):
        before = export_user_data(self.alice)
        self.restore()
        after = export_user_data(self.alice)
        del before["exported_at"], after["exported_at"]
        assert after == before

    def test_restored_people_are_searchable_and_keep_their_times(self):
        self.restore()
        original = Contact.objects.for_user(self.alice).get(name="Dana Reyes")
        copy_ = Contact.objects.for_user(self.bob).get(name="Dana Reyes")
        assert copy_.search_text == original.search_text != ""
        assert (copy_.created_at, copy_.updated_at) == (original.created_at, original.updated_at)
        assert list(Contact.objects.for_user(self.bob).search("dana")) == [copy_]

    def test_a_restored_merge_can_still_be_undone(self):
        self.restore()
        record = MergeRecord.objects.get(user=self.bob)
        restored = undo_merge(record)
        assert restored.user == self.bob
        assert restored.title == "Staff Researcher"
        assert [tag.name for tag in restored.tags.all()] == ["met-at-meetup"]
        assert restored.careers.get().user == self.bob
        assert restored.conversations.get().user == self.bob
        assert restored.timeline.filter(summary="Met at the research meetup").exists()
        assert restored.org.user == self.bob

    def test_restore_refuses_an_account_that_has_data_and_writes_nothing(self):
        make_contact(self.bob, "Someone Bob Knows")
        with pytest.raises(RestoreError, match="already holds data \\(people\\)"):
            self.restore()
        assert Contact.objects.for_user(self.bob).count() == 1
        assert not Career.objects.for_user(self.bob).exists()
        self.bob.refresh_from_db()
        assert self.bob.time_zone == "UTC"

    def test_restore_takes_the_place_of_an_unedited_question_bank(self):
        copy_whole_bank(self.bob)
        ApiToken.issue(self.bob, "bob's script")
        assert account_is_empty(self.bob)
        self.restore()
        assert Question.objects.for_user(self.bob).filter(starred=True).count() == 1
        assert Question.objects.for_user(self.bob).filter(custom=True).count() == 1

    def test_an_edited_question_bank_counts_as_data(self):
        copy_whole_bank(self.bob)
        Question.objects.for_user(self.bob).filter(key="typical-day").update(starred=True)
        assert not account_is_empty(self.bob)
        with pytest.raises(RestoreError, match="questions"):
            self.restore()

    def test_restore_keeps_the_daily_emails_this_installation_already_sent(self):
        DigestLog.objects.create(user=self.bob, day=date(2026, 11, 19), item_count=9)
        assert account_is_empty(self.bob)
        self.restore()
        assert DigestLog.objects.get(user=self.bob).item_count == 9

    def test_an_older_export_without_a_newer_field_restores_with_its_default(self):
        document = copy.deepcopy(self.document)
        for conversation in document["conversations"]:
            del conversation["notes_version"]
        del document["skill_ratings"]
        self.restore(document)
        assert not Conversation.objects.for_user(self.bob).exclude(notes_version=0).exists()
        assert Contact.objects.for_user(self.bob).count() == len(document["contacts"])

    def assert_refused(self, change, *messages: str) -> None:
        document = copy.deepcopy(self.document)
        document = change(document) or document
        with pytest.raises(RestoreError) as error:
            restore_user_data(self.bob, document)
        for message in messages:
            assert message in str(error.value)
        counts = row_counts(self.bob.pk, "bob")
        assert counts.pop("accounts.User") == 1
        assert set(counts.values()) == {0}, counts
        self.bob.refresh_from_db()
        assert (self.bob.name, self.bob.time_zone) == ("Bob", "UTC")

    def test_restore_refuses_what_is_not_an_export(self):
        self.assert_refused(lambda d: [d], "not a Career Scout export")
        self.assert_refused(lambda d: d.update(schema="other"), '“schema” is "other"')
        self.assert_refused(lambda d: d.pop("schema"), "not a Career Scout export")

    def test_restore_refuses_a_version_it_does_not_know(self):
        self.assert_refused(lambda d: d.update(version=2), "version 2", "Upgrade Career Scout")
        self.assert_refused(lambda d: d.update(version="1"), '“version” is "1"')

    def test_restore_names_each_problem_in_a_bad_document(self):
        def damage(document):
            contacts, conversations = document["contacts"], document["conversations"]
            del contacts[0]["name"]
            contacts[1]["title"] = "x" * 201
            contacts[2]["created_at"] = "2026-03-14T09:30:00"
            contacts[3]["tags"] = ["no-such-tag"]
            conversations[0]["contact_id"] = 999_999_999
            conversations[1]["colour"] = "blue"
            document["skill_ratings"].append(dict(document["skill_ratings"][0]))
            document["notes"] = []
            document["items"][0]["skills"] = None

        first = self.document["contacts"][0]["id"]
        self.assert_refused(
            damage,
            f"contacts[0] (id {first}): “name” is missing",
            "“title” is longer than 200 characters",
            "“created_at” has no offset from UTC",
            '“tags” names "no-such-tag", which is not in “tags”',
            "“contact_id” 999999999 is not in “contacts”",
            "“colour” is not a field Career Scout knows",
            "is used twice in “skill_ratings”",
            "“notes” is not a list Career Scout knows",
            "“skills” must not be null",
        )

    def test_a_restored_conversation_keeps_its_invitation_uid(self):
        self.restore()
        original = sorted(c["invitation_uid"] for c in self.document["conversations"])
        restored = Conversation.objects.for_user(self.bob).values_list("invitation_uid", flat=True)
        assert sorted(restored) == original
        assert len(set(original)) == len(original)

    def test_restore_refuses_a_time_zone_that_does_not_exist_naming_it(self):
        def damage(document):
            document["account"]["time_zone"] = "Mars/Olympus_Mons"
            document["conversations"][0]["time_zone"] = "Atlantis/Capital"
            document["contacts"][0]["time_zone"] = "Nowhere/Else"

        self.assert_refused(
            damage,
            "account: “time_zone”: “Mars/Olympus_Mons” is not a time zone we know",
            "“time_zone”: “Atlantis/Capital” is not a time zone we know",
            "“time_zone”: “Nowhere/Else” is not a time zone we know",
        )

    def test_restore_refuses_what_the_forms_and_the_api_would(self):
        def damage(document):
            conversations = document["conversations"]
            conversations[0]["scheduled_at"] = "9999-12-31T23:59:00+00:00"
            conversations[1]["status"] = "exploded"
            conversations[2]["video_url"] = "javascript:alert(1)"
            document["items"][0]["due"] = "0001-01-01"
            document["contacts"][0]["emails"] = "maya@example.org"
            document["contacts"][1]["emails"] = [True]  # found by the fuzzer: a TypeError
            document["careers"][0]["keywords"] = {"not": "a list"}
            document["target_organizations"][0]["motivation"] = 9

        self.assert_refused(
            damage,
            "“scheduled_at”: Please give a date between 1900 and 2200.",
            "“status”: Value 'exploded' is not a valid choice.",
            "“video_url”: Enter a valid URL.",
            "“due”: Please give a date between 1900 and 2200.",
            "“emails” should be a list",
            "“emails” should be a list of texts",
            "“keywords” should be a list",
            "“motivation”: Ensure this value is less than or equal to 5.",
        )

    def test_restore_refuses_lists_and_objects_where_ids_belong(self):
        """Found by the fuzzer: `career_ids: [[1]]` was a TypeError (a 500 on the page)."""

        def damage(document):
            document["conversations"][0]["career_ids"] = [[1]]
            document["merge_records"][0]["moved"]["timeline"] = [{"id": 1}]

        self.assert_refused(
            damage,
            "“career_ids” should be a list of ids",
            '“moved” mentions {"id": 1}, which is not in “timeline_entries”',
        )

    def test_restore_refuses_a_document_nested_too_deeply_with_a_clear_message(self):
        for text in ("[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000):
            with pytest.raises(RestoreError) as error:
                parse_export(text.encode())
            assert "nested too deeply" in str(error.value)
            assert len(str(error.value)) < 500

    def test_restore_refuses_what_the_database_refuses_and_writes_nothing(self):
        def same_organisation_twice(document):
            first, second = document["organizations"][:2]
            second["key"] = first["key"]

        self.assert_refused(same_organisation_twice, "The database refused the file")

    def test_restore_refuses_a_merge_record_pointing_nowhere(self):
        def damage(document):
            document["merge_records"][0]["moved"]["timeline"].append(999_999_999)

        self.assert_refused(damage, "“moved” mentions 999999999, which is not in “timeline")


class DeletionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        fill_account(cls.alice)
        cls.charlie = make_user("charlie")
        fill_account(cls.charlie, people=20)

    def test_deleting_the_account_leaves_no_row_of_it_in_any_table(self):
        alice, charlie = (self.alice.pk, "alice"), (self.charlie.pk, "charlie")
        before = row_counts(*alice)
        empty = sorted(label for label, count in before.items() if count == 0)
        assert empty == [], "the sample account should fill every table that can be deleted"
        charlie_before = row_counts(*charlie)
        delete_account(self.alice)
        after = row_counts(*alice)
        assert set(after.values()) == {0}, {k: v for k, v in after.items() if v}
        assert row_counts(*charlie) == charlie_before


class ApiExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        fill_account(cls.alice, people=10)
        make_contact(make_user("charlie"), "Charlie's Secret Friend")
        _token, cls.plain = ApiToken.issue(cls.alice, "backup script")

    def test_the_api_export_is_the_cli_export(self):
        response = self.client.get("/api/export", headers={"authorization": f"Bearer {self.plain}"})
        assert response.status_code == 200
        out = io.StringIO()
        call_command("export", "--user", "alice", stdout=out)
        from_api, from_cli = response.json(), json.loads(out.getvalue())
        del from_api["exported_at"], from_cli["exported_at"]
        assert from_api == from_cli
        assert "Charlie" not in response.content.decode()

    def test_the_api_export_needs_a_token_or_a_session(self):
        assert self.client.get("/api/export").status_code == 401
        self.client.force_login(self.alice)
        assert self.client.get("/api/export").json()["account"]["username"] == "alice"

    def test_the_api_export_only_answers_get(self):
        headers = {"authorization": f"Bearer {self.plain}"}
        assert self.client.post("/api/export", headers=headers).status_code == 405


class SettingsDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        fill_account(cls.alice, people=10)
        cls.document = export_user_data(cls.alice)
        cls.bob = make_user("bob")

    def upload(self, content: bytes, name: str = "export.json"):
        return self.client.post(
            "/settings/restore/", {"export": SimpleUploadedFile(name, content)}, follow=False
        )

    def test_the_settings_page_leads_to_your_data(self):
        self.client.force_login(self.alice)
        assert 'href="/settings/data/"' in self.client.get("/settings/").content.decode()

    def test_your_data_offers_the_download_and_deletion(self):
        self.client.force_login(self.alice)
        page = self.client.get("/settings/data/").content.decode()
        assert 'href="/settings/export/"' in page
        assert 'href="/settings/delete/"' in page
        assert 'action="/settings/restore/"' not in page  # alice has data

    def test_your_data_offers_a_restore_to_an_empty_account(self):
        self.client.force_login(self.bob)
        page = self.client.get("/settings/data/").content.decode()
        assert 'action="/settings/restore/"' in page
        assert 'enctype="multipart/form-data"' in page

    def test_the_download_is_an_attachment_with_the_whole_export(self):
        self.client.force_login(self.alice)
        response = self.client.get("/settings/export/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response["Content-Disposition"].startswith("attachment; filename=")
        assert "careerscout-alice-" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
        document = json.loads(response.content)
        del document["exported_at"]
        expected = dict(self.document)
        del expected["exported_at"]
        assert document == expected

    def test_the_download_only_answers_get(self):
        self.client.force_login(self.alice)
        assert self.client.post("/settings/export/").status_code == 405

    def test_an_upload_restores_into_an_empty_account(self):
        self.client.force_login(self.bob)
        response = self.upload(json.dumps(self.document).encode())
        assert response.status_code == 302
        assert response["Location"] == "/settings/data/"
        people = len(self.document["contacts"])
        assert Contact.objects.for_user(self.bob).count() == people
        page = self.client.get("/settings/data/").content.decode()
        assert f"Restored {people} people" in page

    def test_an_upload_into_an_account_with_data_is_refused(self):
        self.client.force_login(self.alice)
        response = self.upload(json.dumps(self.document).encode())
        assert response.status_code == 422
        assert "already holds data" in response.content.decode()
        assert Contact.objects.for_user(self.alice).count() == len(self.document["contacts"])

    def test_an_upload_that_is_not_json_is_refused_with_a_reason(self):
        self.client.force_login(self.bob)
        response = self.upload(b"Name,Email\nAna,ana@example.org\n", "people.csv")
        assert response.status_code == 422
        assert "is not JSON" in response.content.decode()
        response = self.upload(json.dumps({"schema": "other"}).encode())
        assert response.status_code == 422
        assert "not a Career Scout export" in response.content.decode()
        assert account_is_empty(self.bob)

    def test_an_upload_without_a_file_asks_for_one(self):
        self.client.force_login(self.bob)
        response = self.client.post("/settings/restore/")
        assert response.status_code == 422
        assert "Choose the export file" in response.content.decode()

    def test_the_restore_only_answers_post(self):
        self.client.force_login(self.bob)
        assert self.client.get("/settings/restore/").status_code == 405


class DeleteAccountViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        fill_account(cls.alice, people=5)
        cls.charlie = make_user("charlie")
        make_contact(cls.charlie, "Sam")

    def test_the_page_asks_to_type_the_username(self):
        self.client.force_login(self.alice)
        response = self.client.get("/settings/delete/")
        assert response.status_code == 200
        page = response.content.decode()
        assert "Type your username" in page
        assert "<strong>alice</strong>" in page

    def test_a_wrong_username_deletes_nothing(self):
        self.client.force_login(self.alice)
        people = Contact.objects.for_user(self.alice).count()
        for typed in ["", "Alice", "charlie"]:
            response = self.client.post("/settings/delete/", {"username": typed})
            assert response.status_code == 422
            assert "did not match" in response.content.decode()
        assert Contact.objects.for_user(self.alice).count() == people > 0

    def test_the_right_username_deletes_everything_and_logs_out(self):
        self.client.force_login(self.alice)
        response = self.client.post("/settings/delete/", {"username": " alice "})
        assert response.status_code == 302
        assert response["Location"] == "/login/"
        assert not User.objects.filter(username="alice").exists()
        assert set(row_counts(self.alice.pk, "alice").values()) == {0}
        assert Contact.objects.for_user(self.charlie).count() == 1
        assert self.client.get("/settings/").status_code == 302  # logged out
        assert "deleted" in self.client.get("/login/").content.decode()

    def test_the_deletion_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        assert client.post("/settings/delete/", {"username": "alice"}).status_code == 403
        assert User.objects.filter(username="alice").exists()
        page = client.get("/settings/delete/").content.decode()
        token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        response = client.post(
            "/settings/delete/", {"username": "alice", "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302
        assert not User.objects.filter(username="alice").exists()

    def test_the_page_rejects_other_methods(self):
        self.client.force_login(self.alice)
        assert self.client.put("/settings/delete/").status_code == 405


class BackupTests(TestCase):
    def test_a_backup_taken_while_another_connection_writes_is_consistent(self):
        folder = Path(self.enterContext(tempfile.TemporaryDirectory()))
        live = folder / "live.sqlite3"
        setup = sqlite3.connect(live)
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)")
        setup.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, person INTEGER)")
        setup.commit()
        setup.close()
        stop = threading.Event()
        written = []

        def write():
            writer = sqlite3.connect(live, timeout=10)
            while not stop.is_set():
                with writer:  # one transaction: a person and their entry, or neither
                    cursor = writer.execute("INSERT INTO people (name) VALUES ('x')")
                    writer.execute("INSERT INTO entries (person) VALUES (?)", [cursor.lastrowid])
                written.append(cursor.lastrowid)
            writer.close()

        thread = threading.Thread(target=write)
        thread.start()
        try:
            while len(written) < 200:
                stop.wait(0.01)
            source = sqlite3.connect(live)
            copy_sqlite_database(source, folder / "backup.sqlite3")
            source.close()
        finally:
            stop.set()
            thread.join()
        backup = sqlite3.connect(folder / "backup.sqlite3")
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        people = backup.execute("SELECT count(*), max(id) FROM people").fetchone()
        entries = backup.execute("SELECT count(*) FROM entries").fetchone()[0]
        assert people[0] == people[1] == entries >= 200
        assert backup.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        backup.close()
        assert stat.S_IMODE((folder / "backup.sqlite3").stat().st_mode) == 0o600
        assert [path.name for path in folder.iterdir() if path.name.startswith(".")] == []


def run_cli(*args: str, data_dir: Path, stdin: str = ""):
    environment = {**os.environ, "CAREERSCOUT_DATA": str(data_dir)}
    environment.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "careerscout", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_backup_copies_the_live_database_and_never_overwrites_by_accident(tmp_path):
    data = tmp_path / "data"
    created = run_cli("createuser", "alice", "--password-stdin", data_dir=data,
                      stdin="correct horse battery staple")  # fmt: skip
    assert created.returncode == 0, created.stderr
    target = tmp_path / "copy.sqlite3"
    made = run_cli("backup", str(target), data_dir=data)
    assert made.returncode == 0, made.stderr
    assert str(target) in made.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with sqlite3.connect(target) as copy_:
        assert copy_.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        names = copy_.execute("SELECT username FROM accounts_user").fetchall()
    assert names == [("alice",)]
    again = run_cli("backup", str(target), data_dir=data)
    assert again.returncode == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    forced = run_cli("backup", str(target), "--force", data_dir=data)
    assert forced.returncode == 0, forced.stderr
    over_live = run_cli("backup", str(data / "careerscout.sqlite3"), "--force", data_dir=data)
    assert over_live.returncode == 1
    assert "live database" in over_live.stderr
    assert run_cli("backup", data_dir=data).returncode == 2


class BackupCommandTests(TestCase):
    def test_backup_on_postgresql_points_to_pg_dump(self):
        from django.db import connections

        connection = connections["default"]
        with (
            mock.patch.object(connection, "vendor", "postgresql"),
            mock.patch.dict(connection.settings_dict, {"NAME": "careers"}),
            pytest.raises(CommandError, match="pg_dump") as error,
        ):
            call_command("backup", "/tmp/never-written.dump", stdout=io.StringIO())
        assert error.value.returncode == 1
        assert "careers" in str(error.value)
        assert not Path("/tmp/never-written.dump").exists()

    def test_backup_refuses_a_folder_that_does_not_exist(self):
        from django.db import connection

        if connection.vendor != "sqlite":
            pytest.skip("careerscout backup copies SQLite databases only")
        with pytest.raises(CommandError, match="does not exist"):
            call_command("backup", "/no/such/folder/copy.sqlite3", stdout=io.StringIO())
