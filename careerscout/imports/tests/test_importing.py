"""Matching, planning and the all-or-nothing commit, against the database."""

import io
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from careerscout.imports import committing
from careerscout.imports.committing import commit_import
from careerscout.imports.models import ImportBatch
from careerscout.imports.parsers import ParsedContact, ParsedFile, parse_file
from careerscout.imports.planning import compute_changes, normalise_linkedin_url, plan_import
from careerscout.people.models import Contact, Organization, TimelineEntry
from careerscout.tests.factories import make_contact, make_user

FILES = Path(__file__).parent / "files"


def parsed_from(name: str, kind: str) -> ParsedFile:
    return parse_file((FILES / name).read_bytes(), kind)


def import_file(user, name: str, kind: str, **options):
    return commit_import(user, plan_import(user, parsed_from(name, kind)), **options)


def one(name: str, **fields) -> ParsedFile:
    return ParsedFile(
        kind=fields.pop("kind", "csv"),
        contacts=[ParsedContact(line=2, name=name, **fields)],
        skipped=[],
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/mayachen",
        "http://linkedin.com/in/MayaChen/",
        "https://uk.linkedin.com/in/mayachen?trk=people-guest",
        "linkedin.com/in/mayachen#about",
    ],
)
def test_linkedin_urls_are_compared_without_case_scheme_www_query_or_slash(url):
    assert normalise_linkedin_url(url) == "linkedin.com/in/mayachen"


class LinkedInImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.charlie = make_user("charlie")

    def test_adds_everyone_with_source_dates_organisations_and_a_timeline_entry(self):
        result = import_file(self.alice, "linkedin_connections.csv", "linkedin")
        assert (result.added, result.updated, result.unchanged) == (8, 0, 0)
        maya = Contact.objects.get(user=self.alice, name="Maya Chen")
        assert maya.source == "linkedin"
        assert maya.connected_on == date(2023, 2, 8)
        assert maya.org.name == "Globex Corporation"
        assert maya.emails == ["maya.chen@globex.example"]  # from the duplicate row
        assert (
            maya.search_text
            == "maya chen globex corporation staff ux researcher maya.chen@globex.example"
        )
        assert maya.title_key
        assert [entry.summary for entry in maya.timeline.all()] == ["Imported from LinkedIn"]
        assert maya.timeline.get().kind == TimelineEntry.Kind.IMPORTED
        assert Contact.objects.filter(user=self.charlie).count() == 0

    def test_duplicate_rows_in_one_file_collapse_and_are_reported(self):
        result = import_file(self.alice, "linkedin_connections.csv", "linkedin")
        assert Contact.objects.filter(user=self.alice, name="Maya Chen").count() == 1
        assert [row.line for row in result.skipped] == [12, 14]
        assert result.skipped[1].reason.startswith("The same person as line 5")

    def test_importing_the_same_file_twice_changes_nothing_the_second_time(self):
        import_file(self.alice, "linkedin_connections.csv", "linkedin")
        before = list(Contact.objects.filter(user=self.alice).values_list("id", "updated_at"))
        entries = TimelineEntry.objects.count()
        result = import_file(self.alice, "linkedin_connections.csv", "linkedin")
        assert (result.added, result.updated, result.unchanged) == (0, 0, 8)
        after = list(Contact.objects.filter(user=self.alice).values_list("id", "updated_at"))
        assert after == before
        assert TimelineEntry.objects.count() == entries

    def test_a_newer_file_updates_a_changed_position_and_adds_only_new_people(self):
        import_file(self.alice, "linkedin_connections.csv", "linkedin")
        result = import_file(self.alice, "linkedin_connections_newer.csv", "linkedin")
        assert (result.added, result.updated, result.unchanged) == (1, 2, 6)
        assert Contact.objects.filter(user=self.alice).count() == 9
        maya = Contact.objects.get(user=self.alice, name="Maya Chen")
        assert maya.title == "Principal UX Researcher"
        assert maya.timeline.first().summary == (
            "Updated from LinkedIn: job title “Staff UX Researcher” → “Principal UX Researcher”"
        )
        sam = Contact.objects.get(user=self.alice, name="Sam Taylor")
        assert sam.organization == "Umbrella Health"
        assert sam.org.name == "Umbrella Health"

    def test_a_title_edited_by_hand_survives_a_file_where_linkedin_did_not_change(self):
        import_file(self.alice, "linkedin_connections.csv", "linkedin")
        maya = Contact.objects.get(user=self.alice, name="Maya Chen")
        maya.title = "Staff UX Researcher (runs research ops)"
        maya.save()
        result = import_file(self.alice, "linkedin_connections.csv", "linkedin")
        assert result.updated == 0
        maya.refresh_from_db()
        assert maya.title == "Staff UX Researcher (runs research ops)"

    def test_matches_an_existing_contact_by_normalised_linkedin_url(self):
        existing = make_contact(
            self.alice, "Maya C.", linkedin_url="http://linkedin.com/in/MayaChen/"
        )
        result = import_file(self.alice, "linkedin_connections.csv", "linkedin")
        assert result.updated == 1
        existing.refresh_from_db()
        assert existing.name == "Maya C."  # the name the person chose stays
        assert existing.emails == ["maya.chen@globex.example"]

    def test_matches_by_email_case_insensitively(self):
        existing = make_contact(self.alice, "Jose N", emails=["Jose.Nunez@Contoso.example"])
        import_file(self.alice, "linkedin_connections.csv", "linkedin")
        existing.refresh_from_db()
        assert existing.linkedin_url == "https://www.linkedin.com/in/jose-nunez-4a1b2c"
        assert existing.emails == ["Jose.Nunez@Contoso.example"]
        assert Contact.objects.filter(user=self.alice, name__startswith="Jos").count() == 1

    def test_matches_by_folded_name_at_the_same_organisation(self):
        existing = make_contact(self.alice, "jose nunez", organization="Contoso Ltd")
        import_file(self.alice, "linkedin_connections.csv", "linkedin")
        existing.refresh_from_db()
        assert existing.linkedin_url.endswith("jose-nunez-4a1b2c")
        assert existing.organization == "Contoso Ltd"  # same organisation key: left as typed

    def test_same_name_elsewhere_or_with_another_profile_is_another_person(self):
        make_contact(self.alice, "José Núñez", organization="Fabrikam")
        make_contact(
            self.alice,
            "Maya Chen",
            organization="Globex Corporation",
            linkedin_url="https://www.linkedin.com/in/another-maya-chen",
        )
        result = import_file(self.alice, "linkedin_connections.csv", "linkedin")
        assert result.added == 8
        assert Contact.objects.filter(user=self.alice, name="José Núñez").count() == 2
        assert Contact.objects.filter(user=self.alice, name="Maya Chen").count() == 2

    def test_another_users_contacts_are_never_matched_or_changed(self):
        theirs = make_contact(
            self.charlie, "Maya Chen", linkedin_url="https://www.linkedin.com/in/mayachen"
        )
        import_file(self.alice, "linkedin_connections.csv", "linkedin")
        theirs.refresh_from_db()
        assert theirs.emails == []
        assert Contact.objects.filter(user=self.alice, name="Maya Chen").count() == 1


class OtherFormatsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def test_vcard_fills_blanks_adds_emails_and_details_without_replacing_fields(self):
        maya = make_contact(
            self.alice,
            "Maya Chen",
            title="Researcher",
            organization="Globex",
            emails=["maya.chen@globex.example"],
            notes="Prefers mornings.",
        )
        result = import_file(self.alice, "apple_3_0.vcf", "vcard")
        assert (result.added, result.updated) == (1, 1)
        maya.refresh_from_db()
        assert maya.title == "Researcher"
        assert maya.organization == "Globex"
        assert maya.emails == ["maya.chen@globex.example", "maya@mayachen.example"]
        assert maya.phone == "+1 (555) 010-0199"
        assert maya.linkedin_url == "https://www.linkedin.com/in/mayachen/"
        assert maya.location == "San Francisco, CA, United States"
        assert maya.extra["phones"] == ["+1 (555) 010-0142"]
        assert maya.extra["department"] == "User Research"
        assert maya.source == "other"
        assert maya.timeline.first().summary.startswith(
            "Updated from a vCard file: new e-mail maya@mayachen.example; "
        )

    def test_notes_are_never_lost_and_an_imported_note_is_appended_once(self):
        maya = make_contact(
            self.alice,
            "Maya Chen",
            organization="Globex Corporation",
            emails=["maya.chen@globex.example"],
            notes="My own notes.",
        )
        import_file(self.alice, "apple_3_0.vcf", "vcard")
        maya.refresh_from_db()
        assert maya.notes == (
            "My own notes.\n\nFrom vCard import:\n"
            "Met at the UXR Collective meetup, Berlin 2023.\n"
            "Asked about moving from academia into industry research."
        )
        result = import_file(self.alice, "apple_3_0.vcf", "vcard")
        assert result.updated == 0
        maya.refresh_from_db()
        assert maya.notes.count("From vCard import:") == 1

    def test_a_note_already_in_the_persons_notes_is_not_repeated(self):
        make_contact(
            self.alice,
            "Rebecca Stone",
            emails=["rebecca.stone@northwind.example"],
            notes="Intro: Former manager at Northwind; offered to introduce me to the "
            "legal ops team. Follow up in May.",
        )
        plan = plan_import(self.alice, parsed_from("outlook_contacts.csv", "csv"))
        assert all("note" not in d for u in plan.to_update for d in u.descriptions)

    def test_csv_source_can_be_chosen(self):
        plan = plan_import(self.alice, parsed_from("alumni_directory.csv", "csv"), source="alumni")
        commit_import(self.alice, plan)
        assert set(Contact.objects.filter(user=self.alice).values_list("source", flat=True)) == {
            "alumni"
        }

    def test_the_preview_plan_writes_nothing(self):
        plan = plan_import(self.alice, parsed_from("google_contacts.csv", "csv"))
        assert len(plan.to_add) == 2
        assert Contact.objects.count() == 0
        assert Organization.objects.count() == 0


class AtomicityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.existing = make_contact(cls.alice, "Maya Chen", emails=["maya.chen@globex.example"])

    def test_a_failure_in_the_middle_of_the_commit_leaves_the_database_unchanged(self):
        plan = plan_import(self.alice, parsed_from("linkedin_connections_newer.csv", "linkedin"))
        calls = []

        def fail_on_third_batch(done, total):
            calls.append(done)
            if len(calls) == 3:
                raise RuntimeError("disk full")

        with pytest.raises(RuntimeError):
            commit_import(self.alice, plan, progress=fail_on_third_batch, batch_size=2)
        assert list(Contact.objects.values_list("name", flat=True)) == ["Maya Chen"]
        assert TimelineEntry.objects.count() == 0
        assert Organization.objects.count() == 0
        self.existing.refresh_from_db()
        assert self.existing.linkedin_url == ""

    def test_a_database_error_on_a_later_insert_rolls_back_the_earlier_ones(self):
        plan = plan_import(self.alice, parsed_from("linkedin_connections.csv", "linkedin"))
        real_insert = committing.insert_rows
        calls = []

        def insert_then_fail(model, columns, rows):
            calls.append(model)
            if len(calls) == 4:
                raise RuntimeError("constraint failed")
            return real_insert(model, columns, rows)

        with (
            pytest.MonkeyPatch.context() as patch,
            pytest.raises(RuntimeError),
        ):
            patch.setattr(committing, "insert_rows", insert_then_fail)
            commit_import(self.alice, plan, batch_size=3)
        assert Contact.objects.count() == 1
        assert TimelineEntry.objects.count() == 0

    def test_progress_is_reported_per_batch(self):
        plan = plan_import(self.alice, parsed_from("linkedin_connections.csv", "linkedin"))
        seen = []
        commit_import(
            self.alice, plan, progress=lambda done, total: seen.append((done, total)), batch_size=3
        )
        assert seen == [(0, 8), (3, 8), (6, 8), (7, 8), (8, 8)]


class ContactsDeletedAfterThePreviewTests(TestCase):
    def test_a_person_deleted_between_preview_and_commit_is_added_again(self):
        alice = make_user("alice")
        maya = make_contact(alice, "Maya Chen", emails=["maya.chen@globex.example"])
        plan = plan_import(
            alice, one("Maya Chen", emails=["maya.chen@globex.example"], title="Researcher")
        )
        maya.delete()
        result = commit_import(alice, plan)
        assert result.added == 1
        assert Contact.objects.get(user=alice).title == "Researcher"


def current(**fields):
    values = {
        "name": "Maya Chen",
        "emails": [],
        "phone": "",
        "linkedin_url": "",
        "organization": "",
        "title": "",
        "location": "",
        "notes": "",
        "connected_on": None,
        "extra": {},
    }
    return {**values, **fields}


def test_a_linkedin_change_is_applied_once_and_remembered():
    incoming = ParsedContact(
        line=5,
        name="Maya Chen",
        title="Principal Researcher",
        organization="Initech",
        connected_on=date(2023, 2, 8),
    )
    changes = compute_changes(
        current(
            title="Researcher",
            organization="Globex",
            connected_on=date(2022, 1, 3),
            extra={"linkedin": {"title": "Researcher", "organization": "Globex"}},
        ),
        incoming,
        "linkedin",
    )
    assert changes.fields["title"] == "Principal Researcher"
    assert changes.fields["organization"] == "Initech"
    assert changes.fields["extra"]["linkedin"] == {
        "title": "Principal Researcher",
        "organization": "Initech",
    }
    assert changes.descriptions == [
        "job title “Researcher” → “Principal Researcher”",
        "organisation “Globex” → “Initech”",
        "connected on 3 Jan 2022 → 8 Feb 2023",
    ]


def test_an_organisation_spelt_differently_is_not_a_change():
    incoming = ParsedContact(line=5, name="José", organization="Contoso, Ltd.")
    changes = compute_changes(current(organization="contoso"), incoming, "linkedin")
    assert "organization" not in changes.fields
    assert changes.descriptions == []  # only the memory of what LinkedIn said is kept


def test_other_files_fill_blanks_and_keep_further_phones():
    incoming = ParsedContact(
        line=2,
        name="Maya Chen",
        phone="+1 555 0100",
        title="Boss",
        extra={"phones": ["+1 (555) 0199", "+15550100"]},
    )
    changes = compute_changes(current(phone="+1 555 0199", title="Researcher"), incoming, "vcard")
    assert "title" not in changes.fields
    assert changes.fields["extra"] == {"phones": ["+1 555 0100"]}
    assert changes.descriptions == ["another phone added"]


class StaleImportTests(TestCase):
    """A worker killed mid-commit leaves its batch "committing": it must not stay so."""

    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def batch(self, *, rows: int, started_minutes_ago: int | None) -> ImportBatch:
        started = None
        if started_minutes_ago is not None:
            started = timezone.now() - timedelta(minutes=started_minutes_ago)
        return ImportBatch.objects.create(
            user=self.alice,
            kind="csv",
            filename="people.csv",
            data=b"Name\nAna\n",
            status=ImportBatch.Status.COMMITTING,
            rows=rows,
            started_at=started,
        )

    def assert_failed(self, batch: ImportBatch) -> None:
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.FAILED
        assert "nothing was saved" in batch.error and "try again" in batch.error
        assert bytes(batch.data) == b""

    def test_a_commit_running_past_the_timeout_fails_and_its_file_is_deleted(self):
        stuck = self.batch(rows=5000, started_minutes_ago=31)
        running = self.batch(rows=5000, started_minutes_ago=2)
        assert ImportBatch.fail_stale() == 1
        self.assert_failed(stuck)
        running.refresh_from_db()
        assert running.status == ImportBatch.Status.COMMITTING

    def test_on_worker_start_the_imports_a_dead_worker_was_running_fail(self):
        dead = self.batch(rows=5000, started_minutes_ago=1)
        waiting = self.batch(rows=5000, started_minutes_ago=None)
        in_request = self.batch(rows=10, started_minutes_ago=0)
        assert ImportBatch.fail_stale(worker_starting=True) == 1
        self.assert_failed(dead)
        for batch in (waiting, in_request):
            batch.refresh_from_db()
            assert batch.status == ImportBatch.Status.COMMITTING

    def test_the_worker_command_fails_stale_imports_when_it_starts(self):
        dead = self.batch(rows=5000, started_minutes_ago=1)
        with mock.patch("careerscout.management.commands.worker.call_command"):
            call_command("worker", batch=True, stdout=io.StringIO())
        self.assert_failed(dead)

    def test_a_failed_batch_page_says_so_and_a_late_commit_saves_nothing(self):
        dead = self.batch(rows=1, started_minutes_ago=45)
        ImportBatch.fail_stale()
        self.client.force_login(self.alice)
        html = self.client.get(dead.get_absolute_url()).content.decode()
        assert "nothing was saved" in html
        dead.commit()  # the stuck run waking up: it finds the batch failed
        assert not Contact.objects.filter(user=self.alice).exists()


class TitlesUnderstoodOnImportTests(TestCase):
    def test_every_imported_title_is_taken_apart_and_given_its_occupation(self):
        alice = make_user("alice")
        import_file(alice, "linkedin_connections.csv", "linkedin")
        maya = Contact.objects.get(user=alice, name="Maya Chen")
        assert maya.title == "Staff UX Researcher"
        assert (maya.title_seniority, maya.title_role, maya.title_field) == (
            "staff",
            "researcher",
            "ux",
        )
        assert maya.occupation_code == "15-1255.00"
