from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from careerscout.accounts.models import ApiToken
from careerscout.careers.models import Career
from careerscout.tests.factories import make_contact, make_user


class CareersApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.charlie = make_user("charlie")
        _token, cls.alice_token = ApiToken.issue(cls.alice, "script")
        cls.career = Career.objects.create(
            user=cls.alice, title="UX research", keywords=["user researcher"]
        )
        cls.theirs = Career.objects.create(user=cls.charlie, title="Law")
        cls.maya = make_contact(cls.alice, "Maya", title="Sr. UX Researcher", source="alumni")
        make_contact(cls.alice, "Sam", title="Accountant")
        make_contact(cls.charlie, "Charlie's researcher", title="UX Researcher")

    def call(self, method, url, body=None):
        return getattr(self.client, method)(
            url,
            data=body,
            content_type="application/json",
            headers={"authorization": f"Bearer {self.alice_token}"},
        )

    def test_creating_a_career_needs_only_a_title(self):
        response = self.call("post", "/api/careers", {"title": "Climate policy"})
        assert response.status_code == 201
        body = response.json()
        assert body["title"] == "Climate policy"
        assert body["status"] == "exploring"
        assert body["keywords"] == []
        assert set(body) >= {"id", "title", "status", "why", "notes", "keywords"}

    def test_a_duplicate_title_answers_409(self):
        response = self.call("post", "/api/careers", {"title": "UX research"})
        assert response.status_code == 409
        assert "already have a career" in response.json()["detail"]

    def test_an_unknown_status_answers_422_naming_the_field(self):
        response = self.call("post", "/api/careers", {"title": "X", "status": "maybe"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "status"

    def test_lists_only_the_owners_careers(self):
        assert [c["title"] for c in self.call("get", "/api/careers").json()] == ["UX research"]

    def test_patch_changes_only_what_is_sent(self):
        response = self.call("patch", f"/api/careers/{self.career.pk}", {"status": "promising"})
        assert response.status_code == 200
        self.career.refresh_from_db()
        assert (self.career.status, self.career.keywords) == ("promising", ["user researcher"])

    def test_another_users_career_answers_404_everywhere(self):
        for method in ["get", "patch", "delete"]:
            response = self.call(method, f"/api/careers/{self.theirs.pk}", {})
            assert response.status_code == 404, method
        assert self.call("get", f"/api/careers/{self.theirs.pk}/who-to-ask").status_code == 404
        assert Career.objects.filter(pk=self.theirs.pk).exists()

    def test_delete(self):
        assert self.call("delete", f"/api/careers/{self.career.pk}").status_code == 204
        assert not Career.objects.filter(pk=self.career.pk).exists()

    def test_who_to_ask_ranks_the_owners_people_best_first_with_reasons(self):
        response = self.call("get", f"/api/careers/{self.career.pk}/who-to-ask?limit=5")
        assert response.status_code == 200
        ranked = response.json()
        assert [item["contact"]["name"] for item in ranked] == ["Maya", "Sam"]
        assert ranked[0]["score"] > ranked[1]["score"]
        assert "Does this work: Sr. UX Researcher ≈ UX researcher" in ranked[0]["reasons"]
        assert ranked[0]["contact"]["id"] == self.maya.pk

    def test_who_to_ask_takes_as_many_queries_for_twenty_people_as_for_two(self):
        for number in range(20):
            make_contact(self.alice, f"Researcher {number}", tags=["alumni"], title="UX Researcher")
        url = f"/api/careers/{self.career.pk}/who-to-ask?limit=2"
        self.call("get", url)  # the token's first use is recorded once
        with CaptureQueriesContext(connection) as two:
            assert self.call("get", url).status_code == 200
        with self.assertNumQueries(len(two.captured_queries)):
            response = self.call("get", url.replace("limit=2", "limit=20"))
        assert response.json()[-1]["contact"]["tags"] == ["alumni"]

    def test_who_to_ask_respects_the_limit(self):
        response = self.call("get", f"/api/careers/{self.career.pk}/who-to-ask?limit=1")
        assert len(response.json()) == 1
        assert (
            self.call("get", f"/api/careers/{self.career.pk}/who-to-ask?limit=0").status_code == 422
        )


class CareerOccupationsApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        _token, cls.token = ApiToken.issue(cls.alice, "script")

    def call(self, method, url, body=None):
        return getattr(self.client, method)(
            url,
            data=body,
            content_type="application/json",
            headers={"authorization": f"Bearer {self.token}"},
        )

    def test_a_career_carries_the_occupations_confirmed(self):
        response = self.call(
            "post", "/api/careers", {"title": "UX research", "occupation_codes": ["15-1255.00"]}
        )
        assert response.status_code == 201
        assert response.json()["occupation_codes"] == ["15-1255.00"]
        career = Career.objects.get(pk=response.json()["id"])
        assert career.occupations_reviewed

    def test_without_occupations_the_list_is_empty_and_still_open_to_suggestions(self):
        body = self.call("post", "/api/careers", {"title": "Park ranger"}).json()
        assert body["occupation_codes"] == []
        assert not Career.objects.get(pk=body["id"]).occupations_reviewed

    def test_a_patch_changes_them_and_an_empty_list_means_none(self):
        career = Career.objects.create(user=self.alice, title="UX research")
        url = f"/api/careers/{career.pk}"
        patched = self.call("patch", url, {"occupation_codes": ["15-1255.00", "19-3022.00"]})
        assert patched.json()["occupation_codes"] == ["15-1255.00", "19-3022.00"]
        assert self.call("patch", url, {"occupation_codes": []}).json()["occupation_codes"] == []
        career.refresh_from_db()
        assert career.occupations_reviewed

    def test_a_refused_patch_saves_neither_its_fields_nor_its_occupations(self):
        Career.objects.create(user=self.alice, title="Park ranger")
        career = Career.objects.create(user=self.alice, title="UX research")
        url = f"/api/careers/{career.pk}"
        taken = self.call("patch", url, {"title": "Park ranger", "occupation_codes": []})
        unknown = self.call("patch", url, {"why": "Curious", "occupation_codes": ["99-0000.00"]})
        assert (taken.status_code, unknown.status_code) == (409, 422)
        career.refresh_from_db()
        assert (career.title, career.why, career.occupations_reviewed) == ("UX research", "", False)

    def test_an_unknown_code_is_refused_naming_the_field_and_nothing_is_saved(self):
        response = self.call(
            "post", "/api/careers", {"title": "UX research", "occupation_codes": ["99-0000.00"]}
        )
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {"field": "occupation_codes", "message": "no occupation with the code “99-0000.00”."}
        ]
        assert not Career.objects.filter(user=self.alice).exists()
