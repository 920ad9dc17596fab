"""The `careerscout` commands: what they print, what they refuse, what they leave behind."""

import gc
import io
import json
import os
import re
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.tasks import TaskResultStatus, task
from django.test import TestCase, TransactionTestCase, override_settings

from careerscout import bench
from careerscout.accounts.models import ApiToken, Role
from careerscout.demo.people import ADDED_SUMMARY, demo_people
from careerscout.lib.text import fold
from careerscout.management.database import pending_migrations
from careerscout.people.models import Contact, TimelineEntry
from careerscout.tests.factories import make_contact, make_user

User = get_user_model()
GOOD_PASSWORD = "correct horse battery staple"


def run(*args, stdin: str | None = None, **options) -> tuple[str, str]:
    """Call a command as the CLI would; return (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        options["stdin"] = io.StringIO(stdin)
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def run_cli(
    *args: str, data_dir: Path, stdin: str = "", timeout: float = 30
) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CAREERSCOUT_DATA": str(data_dir)}
    environment.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "careerscout", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )


class CreateUserTests(TestCase):
    def test_createuser_reads_the_password_from_stdin(self):
        out, _ = run("createuser", "alice", "--email", "alice@example.org", "--password-stdin",
                     stdin=GOOD_PASSWORD + "\n")  # fmt: skip
        alice = User.objects.get(username="alice")
        assert alice.check_password(GOOD_PASSWORD)
        assert alice.email == "alice@example.org"
        assert "Created the account “alice”" in out

    def test_the_first_account_administers_the_installation_and_later_ones_do_not(self):
        run("createuser", "alice", "--password-stdin", stdin=GOOD_PASSWORD)
        run("createuser", "bob", "--password-stdin", stdin=GOOD_PASSWORD)
        assert User.objects.get(username="alice").is_superuser
        assert not User.objects.get(username="bob").is_superuser

    def test_createuser_gives_the_roles_asked_for_and_explorer_by_default(self):
        run("createuser", "root", "--password-stdin", stdin=GOOD_PASSWORD)
        out, _ = run("createuser", "ada", "--role", "adviser", "--password-stdin",
                     stdin=GOOD_PASSWORD)  # fmt: skip
        run("createuser", "vic", "--role", "explorer", "--role", "volunteer", "--password-stdin",
            stdin=GOOD_PASSWORD)  # fmt: skip
        run("createuser", "eve", "--password-stdin", stdin=GOOD_PASSWORD)
        roles = {user.username: user.roles for user in User.objects.all()}
        assert roles["root"] == {Role.EXPLORER, Role.ADMIN}
        assert roles["ada"] == {Role.ADVISER}
        assert roles["vic"] == {Role.EXPLORER, Role.VOLUNTEER}
        assert roles["eve"] == {Role.EXPLORER}
        assert "Created the account “ada” (adviser)." in out

    def test_createuser_admin_role_makes_a_later_account_an_administrator(self):
        run("createuser", "root", "--password-stdin", stdin=GOOD_PASSWORD)
        run("createuser", "deputy", "--role", "admin", "--password-stdin", stdin=GOOD_PASSWORD)
        deputy = User.objects.get(username="deputy")
        assert deputy.is_superuser and deputy.is_staff and not deputy.is_explorer

    def test_createuser_refuses_an_unknown_role(self):
        with pytest.raises(CommandError, match="invalid choice"):
            run("createuser", "ada", "--role", "dean", "--password-stdin", stdin=GOOD_PASSWORD)
        assert not User.objects.filter(username="ada").exists()

    def test_createuser_refuses_a_taken_username(self):
        make_user("alice")
        with pytest.raises(CommandError, match="already exists") as error:
            run("createuser", "alice", "--password-stdin", stdin=GOOD_PASSWORD)
        assert error.value.returncode == 1

    def test_createuser_refuses_a_weak_password_and_creates_nothing(self):
        with pytest.raises(CommandError, match="At least 10 characters"):
            run("createuser", "alice", "--password-stdin", stdin="short")
        assert not User.objects.filter(username="alice").exists()

    def test_createuser_refuses_an_empty_password_on_stdin(self):
        with pytest.raises(CommandError, match="No password"):
            run("createuser", "alice", "--password-stdin", stdin="\n")

    def test_createuser_without_a_terminal_says_to_use_password_stdin(self):
        with pytest.raises(CommandError, match="--password-stdin"):
            run("createuser", "alice", stdin="")

    def test_createuser_asks_twice_at_a_terminal(self):
        terminal = mock.Mock(isatty=lambda: True)
        with mock.patch("getpass.getpass", side_effect=[GOOD_PASSWORD, GOOD_PASSWORD]):
            call_command("createuser", "alice", stdin=terminal, stdout=io.StringIO())
        assert User.objects.get(username="alice").check_password(GOOD_PASSWORD)

    def test_createuser_refuses_two_different_passwords_at_a_terminal(self):
        terminal = mock.Mock(isatty=lambda: True)
        with (
            mock.patch("getpass.getpass", side_effect=[GOOD_PASSWORD, "something else"]),
            pytest.raises(CommandError, match="differ"),
        ):
            call_command("createuser", "alice", stdin=terminal, stdout=io.StringIO())


class TokenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def test_token_create_prints_only_a_token_that_authenticates_its_owner(self):
        out, err = run("token", "create", "--user", "alice", "--name", "notes script")
        plain = out.strip()
        assert re.fullmatch(r"cs_\S+", plain)
        assert ApiToken.user_for(plain) == self.alice
        assert ApiToken.objects.get(user=self.alice).name == "notes script"
        assert "not shown again" in err

    def test_token_create_for_an_unknown_account_fails(self):
        with pytest.raises(CommandError, match="no account named “nobody”"):
            run("token", "create", "--user", "nobody")

    def test_token_list_shows_the_hint_but_never_the_secret(self):
        out, _ = run("token", "create", "--user", "alice")
        listing, _ = run("token", "list", "--user", "alice")
        assert out.strip()[:8] in listing
        assert out.strip() not in listing

    def test_a_revoked_token_stops_working(self):
        out, _ = run("token", "create", "--user", "alice")
        token = ApiToken.objects.get(user=self.alice)
        run("token", "revoke", str(token.pk), "--user", "alice")
        assert ApiToken.user_for(out.strip()) is None

    def test_nobody_revokes_another_accounts_token(self):
        make_user("charlie")
        run("token", "create", "--user", "alice")
        token = ApiToken.objects.get(user=self.alice)
        with pytest.raises(CommandError, match="no token"):
            run("token", "revoke", str(token.pk), "--user", "charlie")
        assert ApiToken.objects.filter(pk=token.pk).exists()


SCRIPTS = {
    "Chinese or Japanese": r"[\u4e00-\u9fff]",
    "Korean": r"[\uac00-\ud7af]",
    "Arabic": r"[\u0600-\u06ff]",
    "Cyrillic": r"[\u0400-\u04ff]",
    "Greek": r"[\u0370-\u03ff]",
    "Devanagari": r"[\u0900-\u097f]",
    "accented Latin": r"[À-ž]",
}


class DemoDataTests(TestCase):
    def test_the_same_seed_gives_the_same_people(self):
        assert list(demo_people(50, seed=7)) == list(demo_people(50, seed=7))
        assert list(demo_people(50, seed=7)) != list(demo_people(50, seed=8))

    def test_demo_people_are_written_in_many_scripts(self):
        names = " ".join(person.name for person in demo_people(400))
        missing = [script for script, letters in SCRIPTS.items() if not re.search(letters, names)]
        assert missing == []

    def test_demo_people_can_never_be_reached_for_real(self):
        people = list(demo_people(400))
        emails = [email for person in people for email in person.emails]
        assert emails and all(email.endswith(".example") for email in emails)
        phones = [person.phone for person in people if person.phone]
        assert phones and all(re.search(r"7946 0\d{3}$|555-01\d\d$", phone) for phone in phones)

    def test_demo_people_use_only_known_sources_and_time_zones(self):
        import zoneinfo

        people = list(demo_people(400))
        assert {person.source for person in people} <= set(Contact.Source.values)
        zones = {person.time_zone for person in people if person.time_zone}
        assert zones <= zoneinfo.available_timezones()


def generated_people(user):
    """The demo's generated people; the sample exploration may add people referred in notes."""
    return Contact.objects.for_user(user).filter(timeline__summary=ADDED_SUMMARY)


class DemoCommandTests(TestCase):
    def test_demo_creates_the_account_and_shows_its_password_once(self):
        out, _ = run("demo", "--contacts", "40")
        demo = User.objects.get(username="demo")
        password = re.search(r"password: (\S+)", out).group(1)
        assert demo.check_password(password)
        assert not demo.is_superuser
        assert generated_people(demo).count() == 40

    def test_demo_people_are_complete_for_search_tags_and_timeline(self):
        run("demo", "--contacts", "120")
        contacts = Contact.objects.filter(user__username="demo")
        assert not contacts.filter(search_text="").exists()
        assert (
            TimelineEntry.objects.filter(contact__in=contacts, summary=ADDED_SUMMARY).count() == 120
        )
        assert contacts.tagged("alumni").exists()
        with_organization = contacts.exclude(organization="")
        assert not with_organization.filter(org__isnull=True).exists()

    def test_search_finds_a_demo_person_by_their_name_without_accents(self):
        run("demo", "--contacts", "120")
        contacts = Contact.objects.filter(user__username="demo")
        accented = next(c for c in contacts if re.search(SCRIPTS["accented Latin"], c.name))
        plain = fold(accented.name)
        assert plain != accented.name.lower()
        assert accented in contacts.search(plain)

    def test_demo_runs_give_the_same_people(self):
        run("demo", "--user", "one", "--contacts", "30")
        run("demo", "--user", "two", "--contacts", "30")
        names = [
            list(Contact.objects.filter(user__username=user).order_by("id").values_list("name"))
            for user in ("one", "two")
        ]
        assert names[0] == names[1]

    def test_demo_takes_the_new_accounts_password_from_stdin(self):
        out, _ = run("demo", "--contacts", "1", "--password-stdin", stdin=GOOD_PASSWORD)
        assert User.objects.get(username="demo").check_password(GOOD_PASSWORD)
        assert GOOD_PASSWORD not in out

    def test_demo_fills_an_existing_empty_account(self):
        alice = make_user("alice")
        out, _ = run("demo", "--user", "alice", "--contacts", "5")
        assert generated_people(alice).count() == 5
        assert "password" not in out

    def test_demo_never_mixes_into_an_account_that_has_people(self):
        alice = make_user("alice")
        make_contact(alice, "Maya Chen")
        with pytest.raises(CommandError, match="already has people"):
            run("demo", "--user", "alice", "--contacts", "5")
        assert Contact.objects.for_user(alice).count() == 1


API_CONTACT_FIELDS = {
    "id",
    "name",
    "emails",
    "phone",
    "linkedin_url",
    "organization",
    "title",
    "location",
    "time_zone",
    "source",
    "how_we_know",
    "tags",
    "notes",
    "created_at",
    "updated_at",
}


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", email="alice@example.org", time_zone="Europe/Paris")
        cls.maya = make_contact(
            cls.alice, "Maya Chen", tags=["alumni", "design"], emails=["maya@globex.example"]
        )
        cls.maya.log(TimelineEntry.Kind.ADDED, "Added to Career Scout")
        cls.charlie = make_user("charlie")
        make_contact(cls.charlie, "Charlie's Secret Friend", tags=["private"])

    def export(self, *args: str) -> dict:
        out, err = run("export", "--user", "alice", *args)
        assert err == ""
        return json.loads(out)

    def test_export_holds_the_account_and_its_people_with_their_timeline(self):
        document = self.export()
        assert document["schema"] == "careerscout-export"
        assert document["version"] == 1
        assert document["exported_at"].endswith("+00:00")
        account = document["account"]
        assert {key: account[key] for key in ["username", "name", "email", "time_zone"]} == {
            "username": "alice",
            "name": "Alice",
            "email": "alice@example.org",
            "time_zone": "Europe/Paris",
        }
        assert account["working_days"] == [1, 2, 3, 4, 5]
        assert "password" not in account
        [maya] = document["contacts"]
        assert maya["name"] == "Maya Chen"
        assert maya["emails"] == ["maya@globex.example"]
        assert maya["tags"] == ["alumni", "design"]
        [entry] = document["timeline_entries"]
        assert (entry["contact_id"], entry["summary"]) == (maya["id"], "Added to Career Scout")
        assert maya.keys() >= API_CONTACT_FIELDS

    def test_export_leaves_out_everything_of_other_accounts(self):
        text = json.dumps(self.export())
        assert "Charlie" not in text
        assert "private" not in text

    def test_export_to_dash_prints_only_json_on_stdout(self):
        out, err = run("export", "--user", "alice", "--output", "-")
        assert json.loads(out)["account"]["username"] == "alice"
        assert err == ""

    def test_export_to_a_file_is_readable_by_its_owner_alone(self):
        path = Path(self.enterContext(tempfile.TemporaryDirectory())) / "alice.json"
        out, _ = run("export", "--user", "alice", "--output", str(path))
        assert json.loads(path.read_text())["contacts"][0]["name"] == "Maya Chen"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "1 person" in out

    def test_export_of_an_unknown_account_fails(self):
        with pytest.raises(CommandError, match="no account"):
            run("export", "--user", "nobody")


class RestoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", time_zone="Europe/Paris")
        make_contact(cls.alice, "Maya Chen", tags=["alumni"], emails=["maya@globex.example"])
        out, _ = run("export", "--user", "alice")
        cls.text = out

    def restore_file(self, text: str) -> Path:
        path = Path(self.enterContext(tempfile.TemporaryDirectory())) / "alice.json"
        path.write_text(text, encoding="utf-8")
        return path

    def test_restore_creates_a_missing_account_without_a_password(self):
        out, _ = run("restore", str(self.restore_file(self.text)), "--user", "alice2")
        alice2 = User.objects.get(username="alice2")
        assert not alice2.has_usable_password()
        assert alice2.time_zone == "Europe/Paris"
        assert Contact.objects.for_user(alice2).get().tags.get().name == "alumni"
        assert "Restored 1 person" in out
        assert "careerscout changepassword alice2" in out

    def test_restore_reads_stdin_and_fills_an_existing_empty_account(self):
        bob = make_user("bob")
        out, _ = run("restore", "-", "--user", "bob", "--json", stdin=self.text)
        result = json.loads(out)
        assert result["created"] is False
        assert result["restored"]["contacts"] == 1
        assert bob.check_password("a-long-test-password")  # untouched
        assert Contact.objects.for_user(bob).get().name == "Maya Chen"

    def test_restore_refuses_an_account_with_data(self):
        with pytest.raises(CommandError, match="already holds data") as error:
            run("restore", str(self.restore_file(self.text)), "--user", "alice")
        assert error.value.returncode == 1
        assert Contact.objects.for_user(self.alice).count() == 1

    def test_restore_refuses_a_file_that_is_not_an_export_and_creates_no_account(self):
        cases = [
            ("Name,Email\n", "is not JSON"),
            ('{"schema": "careerscout-export", "version": 7}', "version 7"),
            ('{"schema": "careerscout-export", "version": 1, "contacts": [{"id": 1}]}',
             "contacts[0] (id 1): “name” is missing"),
        ]  # fmt: skip
        for text, message in cases:
            with pytest.raises(CommandError, match=re.escape(message)) as error:
                run("restore", str(self.restore_file(text)), "--user", "newcomer")
            assert error.value.returncode == 1
        assert not User.objects.filter(username="newcomer").exists()

    def test_restore_of_a_missing_file_says_so(self):
        with pytest.raises(CommandError, match="There is no file"):
            run("restore", "/no/such/export.json", "--user", "newcomer")

    def test_restore_refuses_an_impossible_username(self):
        with pytest.raises(CommandError, match="cannot be a username"):
            run("restore", str(self.restore_file(self.text)), "--user", "no spaces please")


class BenchTests(TestCase):
    def test_bench_times_every_page_against_the_trivial_baseline(self):
        user = bench.bench_account(60, announce=lambda message: None)
        results = bench.run_benchmarks(user, requests=2)
        assert results[0].within_target is None  # the baseline
        assert len(results) == 7
        assert all(result.median_ms > 0 for result in results)
        assert all(result.queries > 0 for result in results[1:])

    def test_bench_json_prints_one_document(self):
        out, _ = run("bench", "--contacts", "20", "--requests", "1", "--json", "--skip-import")
        document = json.loads(out)
        assert document["contacts"] == 20
        assert {result["path"] for result in document["results"]} >= {"/login/", "/people/"}
        labels = [item["label"] for item in document["computations"]]
        assert labels[0] == "who to ask, 20 people"
        assert labels[1].startswith("robustness, 10 careers × 10 criteria")
        assert labels[2:] == [
            "adviser's caseload page, 300 sharing students",
            "match one title to occupations",
            "understand 30,000 imported titles (3,000 different)",
            "load the occupation tables",
        ]

    def test_bench_reuses_its_account_and_never_takes_over_a_real_one(self):
        first = bench.bench_account(10, announce=lambda message: None)
        assert bench.bench_account(10, announce=lambda message: None) == first
        make_user(bench.bench_username(11))
        with pytest.raises(ValueError, match="real account"):
            bench.bench_account(11, announce=lambda message: None)


@task
def add_numbers(a: int, b: int) -> int:
    return a + b


class WorkerTests(TransactionTestCase):
    """Transactional: the worker closes its database connection between tasks, which would
    end a TestCase's wrapping transaction on PostgreSQL."""

    @override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    def test_worker_batch_runs_the_tasks_that_are_due_then_exits(self):
        result = add_numbers.enqueue(2, 3)
        run("worker", "--batch", verbosity=0)
        result.refresh()
        assert result.status == TaskResultStatus.SUCCESSFUL
        assert result.return_value == 5

    def test_the_test_database_has_no_pending_migrations(self):
        assert pending_migrations() == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_usage_errors_exit_with_2(tmp_path):
    assert run_cli("createuser", data_dir=tmp_path).returncode == 2
    assert run_cli("serve", "--port", "99999", data_dir=tmp_path).returncode == 2


def test_createuser_sets_up_a_new_data_folder_where_reading_commands_refuse_to(tmp_path):
    not_set_up = run_cli("token", "create", "--user", "alice", data_dir=tmp_path)
    assert not_set_up.returncode == 1
    assert "careerscout migrate" in not_set_up.stderr
    created = run_cli("createuser", "alice", "--password-stdin", data_dir=tmp_path,
                      stdin=GOOD_PASSWORD)  # fmt: skip
    assert created.returncode == 0, created.stderr
    token = run_cli("token", "create", "--user", "alice", data_dir=tmp_path)
    assert token.returncode == 0
    assert token.stdout.startswith("cs_")


def test_serve_migrates_a_new_data_folder_and_answers_with_gunicorn(tmp_path):
    port = free_port()
    environment = {**os.environ, "CAREERSCOUT_DATA": str(tmp_path)}
    environment.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "careerscout", "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as page:
                    assert page.status == 200
                    assert page.headers["Server"].startswith("gunicorn")
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "the server did not answer within 20 s"
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)  # four workers stopping on a machine busy with the suite
    assert (tmp_path / "careerscout.sqlite3").exists()


def test_malformed_files_end_with_a_short_message_and_exit_1_without_a_traceback(tmp_path):
    """The lying zip, a vCard nested 50,000 deep and a deeply nested restore, in the CLI."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", b"First Name,Last Name,Connected On\n" * 4000)
    data = buffer.getvalue()
    entry = data.rindex(b"PK\x01\x02")
    lying = data[: entry + 24] + struct.pack("<I", 100) + data[entry + 28 :]
    files = {
        "lying.zip": lying,
        "deep.vcf": b"BEGIN:VCARD\r\n" * 50_000 + b"END:VCARD\r\n" * 50_000,
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "wide.csv": ",".join(f"C{n}" for n in range(1_000_000)).encode() + b"\nAna\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    assert (
        run_cli(
            "createuser", "ana", "--password-stdin", data_dir=tmp_path, stdin=GOOD_PASSWORD
        ).returncode
        == 0
    )
    commands = [
        ("import", "linkedin", str(tmp_path / "lying.zip"), "--user", "ana"),
        ("import", "vcard", str(tmp_path / "deep.vcf"), "--user", "ana"),
        ("import", "csv", str(tmp_path / "wide.csv"), "--user", "ana"),
        ("restore", str(tmp_path / "deep.json"), "--user", "ana"),
    ]
    for command in commands:
        result = run_cli(*command, data_dir=tmp_path)
        assert result.returncode == 1, (command, result.stderr[-2000:])
        assert "Traceback" not in result.stderr, command
        assert 0 < len(result.stderr) < 600, (command, result.stderr[:2000])


@pytest.mark.django_db(transaction=True)
def test_serve_loads_the_app_once_with_the_title_index_built_and_frozen_before_forking():
    """Workers share what the main process built, and their collector never walks it."""
    from careerscout.management.commands.serve import CareerScoutServer
    from careerscout.occupations.loading import load_shipped
    from careerscout.occupations.matching import title_index
    from careerscout.occupations.models import Occupation
    from careerscout.wsgi import application

    if not Occupation.objects.exists():  # an earlier transactional test emptied the tables
        load_shipped()
    title_index.cache_clear()
    server = CareerScoutServer({"bind": ["127.0.0.1:0"]})
    try:
        assert server.load() is application
        assert title_index.cache_info().currsize == 1
        assert gc.get_freeze_count() > 0
        # Closed, so that no two workers share it (an in-memory test database stays open).
        assert connection.connection is None or connection.is_in_memory_db()
    finally:
        gc.unfreeze()
