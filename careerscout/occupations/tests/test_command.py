import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from careerscout.accounts.models import ApiToken
from careerscout.occupations.matching import forget_index, match_title
from careerscout.occupations.models import Occupation, Release
from careerscout.people.models import Contact
from careerscout.tests.factories import make_user

from .small_release import write_release


def run(*args) -> str:
    out = StringIO()
    call_command("occupations", *args, stdout=out)
    return out.getvalue()


class MatchCommandTests(TestCase):
    def test_json_prints_what_the_api_answers(self):
        _token, token = ApiToken.issue(make_user("alice"), "script")
        api = self.client.get(
            "/api/occupations?match=Sr.%20UX%20Researcher&limit=5",
            headers={"authorization": f"Bearer {token}"},
        ).json()
        assert json.loads(run("match", "Sr. UX Researcher", "--json")) == api

    def test_plain_output_is_one_line_per_occupation(self):
        lines = run("match", "Registered Nurse", "--limit", "2").splitlines()
        assert len(lines) == 2
        assert lines[0].startswith("29-1141.00\t1.00\tRegistered Nurses\t")

    def test_nothing_fitting_says_so(self):
        assert run("match", "xqzzy") == "No occupation fits “xqzzy”.\n"
        assert run("match", "xqzzy", "--json") == "[]\n"


class LoadCommandTests(TestCase):
    def test_a_newer_release_replaces_the_shipped_one(self):
        folder = write_release(self.tmp / "db_99_1_text")
        assert run("load", str(folder)) == "Loaded O*NET 99.1: 2 occupations.\n"
        assert Release.objects.get().version == "99.1"
        assert set(Occupation.objects.values_list("code", flat=True)) == {
            "15-1255.00",
            "19-3022.00",
        }
        assert match_title("Survey Methodologist")[0].code == "19-3022.00"
        assert match_title("Registered Nurse") == []

    def test_peoples_occupations_follow_the_new_release(self):
        user = make_user()
        nurse = Contact.objects.create(user=user, name="Olivia", title="Registered Nurse")
        surveyor = Contact.objects.create(user=user, name="Sam", title="Survey Methodologist")
        assert nurse.occupation_code == "29-1141.00"
        run("load", str(write_release(self.tmp / "db_99_1_text")))
        nurse.refresh_from_db()
        surveyor.refresh_from_db()
        assert nurse.occupation_code == ""
        assert surveyor.occupation_code == "19-3022.00"

    def test_a_bad_path_loads_nothing_and_says_why(self):
        before = Occupation.objects.count()
        with pytest.raises(CommandError, match=r"Nothing was loaded: .*Occupation Data\.txt"):
            run("load", str(self.tmp))
        assert Occupation.objects.count() == before
        assert Release.objects.get().version == "30.1"

    @pytest.fixture(autouse=True)
    def _tmp(self, tmp_path):
        self.tmp = tmp_path
        # The test's transaction is rolled back: match against the shipped release again.
        self.addCleanup(forget_index)
