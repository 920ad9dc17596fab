import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase

from careerscout.people.models import Contact
from careerscout.tests.factories import make_contact, make_user

FILES = Path(__file__).parent / "files"


class ImportCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def run_import(self, *args: str) -> tuple[str, str]:
        stdout, stderr = StringIO(), StringIO()
        call_command("import", *args, stdout=stdout, stderr=stderr)
        return stdout.getvalue(), stderr.getvalue()

    def failing(self, *args: str) -> tuple[CommandError, str]:
        stdout = StringIO()
        with pytest.raises(CommandError) as caught:
            call_command("import", *args, stdout=stdout, stderr=StringIO())
        return caught.value, stdout.getvalue()

    def test_json_summary_lists_counts_and_skipped_rows_with_lines(self):
        out, _ = self.run_import(
            "linkedin", str(FILES / "linkedin_connections.csv"), "--user", "alice", "--json"
        )
        summary = json.loads(out)
        assert summary["added"] == 8
        assert summary["updated"] == 0
        assert summary["unchanged"] == 0
        assert summary["skipped"][0] == {"line": 12, "reason": "No name in this row."}
        assert summary["errors"] == []
        assert Contact.objects.filter(user=self.alice).count() == 8

    def test_importing_again_reports_everyone_unchanged(self):
        path = str(FILES / "linkedin_connections.csv")
        self.run_import("linkedin", path, "--user", "alice")
        out, _ = self.run_import("linkedin", path, "--user", "alice", "--json")
        assert json.loads(out)["unchanged"] == 8
        assert Contact.objects.filter(user=self.alice).count() == 8

    def test_dry_run_writes_nothing(self):
        make_contact(self.alice, "Maya Chen", emails=["maya.chen@globex.example"])
        out, _ = self.run_import(
            "csv", str(FILES / "google_contacts.csv"), "--user", "alice", "--dry-run", "--json"
        )
        assert json.loads(out)["added"] == 1
        assert json.loads(out)["updated"] == 1
        assert Contact.objects.filter(user=self.alice).count() == 1

    def test_plain_output_says_what_happened(self):
        out, _ = self.run_import("vcard", str(FILES / "android_2_1.vcf"), "--user", "alice")
        assert out.splitlines() == [
            "Added 2, updated 0, 0 unchanged, 1 skipped.",
            "  line 17: This card has no name (no FN, N, ORG or EMAIL).",
        ]

    def test_bad_input_exits_1_writes_nothing_and_prints_only_json_on_stdout(self):
        error, out = self.failing("csv", str(FILES / "report.pdf.csv"), "--user", "alice", "--json")
        assert error.returncode == 1
        assert "This is a PDF document" in str(error)
        assert "Nothing was imported" in str(error)
        summary = json.loads(out)
        assert summary["added"] == 0
        assert summary["errors"] == [
            {
                "line": None,
                "message": "This is a PDF document, not a CSV file. Choose a CSV file instead.",
            }
        ]
        assert not Contact.objects.exists()

    def test_undecodable_bytes_name_the_line(self):
        error, _ = self.failing("linkedin", str(FILES / "linkedin_cp1252.csv"), "--user", "alice")
        assert error.returncode == 1
        assert "(line 3)" in str(error)
        out, _ = self.run_import(
            "linkedin",
            str(FILES / "linkedin_cp1252.csv"),
            "--user",
            "alice",
            "--encoding",
            "cp1252",
            "--json",
        )
        assert json.loads(out)["added"] == 2

    def test_map_corrects_a_guessed_column(self):
        out, _ = self.run_import(
            "csv",
            str(FILES / "alumni_directory.csv"),
            "--user",
            "alice",
            "--map",
            "notes=Class",
            "--map",
            "organization=Role",
            "--json",
        )
        assert json.loads(out)["added"] == 2
        grace = Contact.objects.get(name="Grace Hopper")
        assert grace.notes == "1934"
        assert grace.organization == "Rear Admiral"
        assert grace.title == ""  # a column holds one field: Role is the organisation now

    def test_map_to_a_missing_column_is_bad_input(self):
        error, out = self.failing(
            "csv",
            str(FILES / "alumni_directory.csv"),
            "--user",
            "alice",
            "--map",
            "name=Nope",
            "--json",
        )
        assert error.returncode == 1
        assert "no column “Nope”" in json.loads(out)["errors"][0]["message"]

    def test_a_csv_without_name_columns_is_bad_input(self):
        error, _ = self.failing("csv", str(FILES / "no_name_columns.csv"), "--user", "alice")
        assert error.returncode == 1
        assert "No column holds the names" in str(error)

    def test_usage_errors_exit_2(self):
        path = str(FILES / "alumni_directory.csv")
        for args in [
            ("csv", path, "--user", "nobody"),
            ("csv", str(FILES / "missing.csv"), "--user", "alice"),
            ("csv", path, "--user", "alice", "--map", "shoe_size=Class"),
            ("vcard", str(FILES / "apple_3_0.vcf"), "--user", "alice", "--map", "name=FN"),
        ]:
            error, _ = self.failing(*args)
            assert error.returncode == 2, args
        assert not Contact.objects.exists()


def test_an_unknown_kind_is_a_usage_error_from_the_command_line(tmp_path):
    env = {**os.environ, "CAREERSCOUT_DATA": str(tmp_path), "SECRET_KEY": "x" * 50}
    result = subprocess.run(
        [sys.executable, "manage.py", "import", "excel", "contacts.xlsx", "--user", "alice"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "invalid choice: 'excel'" in result.stderr
