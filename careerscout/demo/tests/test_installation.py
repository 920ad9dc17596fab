import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase

from careerscout.accounts.models import Role, User
from careerscout.advising.models import SharingGrant
from careerscout.demo.installation import populate
from careerscout.demo.people import ADDED_SUMMARY
from careerscout.directory.models import VolunteerProfile
from careerscout.people.models import Contact

ROOT = Path(__file__).resolve().parents[3]


class PopulateTests(TestCase):
    def test_students_get_people_and_an_exploration_and_share_with_an_adviser(self):
        accounts = populate(
            3, 40, advisers=2, volunteers=2, password="a long password 1", processes=1
        )
        students = accounts["student"]
        added = Contact.objects.filter(timeline__summary=ADDED_SUMMARY)
        assert [added.filter(user=s).count() for s in students] == [40, 40, 40]
        assert all(s.conversation_set.exists() for s in students)
        assert {user.roles == {Role.ADVISER} for user in accounts["adviser"]} == {True}
        assert SharingGrant.objects.filter(user__in=students, adviser__is_adviser=True).count() == 3
        assert VolunteerProfile.objects.filter(published=True).count() == 2

    def test_refuses_a_database_that_has_its_accounts_already(self):
        populate(1, 5, password="a long password 1", processes=1)
        with self.assertRaisesMessage(ValueError, "“student-001” exists already"):
            populate(1, 5, password="a long password 1", processes=1)
        assert User.objects.count() == 1

    def test_the_command_writes_a_private_credentials_file_the_load_test_can_sign_in_with(self):
        path = Path(self.enterContext(tempfile.TemporaryDirectory())) / "credentials.json"
        call_command(
            "populate",
            "--students=2",
            "--people=5",
            "--advisers=1",
            "--volunteers=1",
            "--processes=1",
            f"--credentials={path}",
            stdout=io.StringIO(),
        )
        written = json.loads(path.read_text())
        student = written["student"][0]
        response = self.client.get(
            f"/api/contacts/{student['contacts'][0]}",
            headers={"authorization": f"Bearer {student['token']}"},
        )
        assert response.status_code == 200
        self.client.cookies["sessionid"] = student["session"]
        assert self.client.get("/people/").status_code == 200
        assert written["adviser"][0]["students"] == ["student-001", "student-002"]
        assert path.stat().st_mode & 0o077 == 0


def test_the_locustfile_loads_and_names_its_users(tmp_path):
    """Locust itself is not run here (that is `make loadtest`): only that the file imports."""
    credentials = tmp_path / "credentials.json"
    credentials.write_text(json.dumps({"student": [], "adviser": []}))
    listed = subprocess.run(
        [Path(sys.executable).parent / "locust", "-f", ROOT / "loadtest/locustfile.py", "--list"],
        env={**os.environ, "CAREERSCOUT_CREDENTIALS": str(credentials)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert {"Student", "Adviser"} <= set(listed.stdout.split())
