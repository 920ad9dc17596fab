from django.test import TestCase

from careerscout.accounts.models import ApiToken
from careerscout.tests.factories import make_user


class OccupationsApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        _token, cls.token = ApiToken.issue(cls.alice, "script")

    def get(self, url):
        return self.client.get(url, headers={"authorization": f"Bearer {self.token}"})

    def test_matching_a_title_lists_occupations_best_first(self):
        response = self.get("/api/occupations?match=UX%20Researcher&limit=3")
        assert response.status_code == 200
        found = response.json()
        assert len(found) == 3
        assert found[0] == {
            "code": "15-1255.00",
            "title": "Web and Digital Interface Designers",
            "score": 1.0,
            "reason": "An alternate title: UX Researcher",
        }
        assert all(0 <= match["score"] <= 1 for match in found)

    def test_nothing_fitting_is_an_empty_list(self):
        assert self.get("/api/occupations?match=xqzzy").json() == []
        assert self.get("/api/occupations").json() == []

    def test_more_than_twenty_is_refused_naming_the_limit(self):
        response = self.get("/api/occupations?match=Designer&limit=21")
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"

    def test_one_occupation_in_full(self):
        response = self.get("/api/occupations/15-1255.00")
        assert response.status_code == 200
        body = response.json()
        assert set(body) == {
            "code", "title", "description", "job_zone", "tasks", "alternate_titles",
            "related", "technology_skills",
        }  # fmt: skip
        assert body["job_zone"] == 4
        assert len(body["tasks"]) > 10
        assert "UX Researcher (User Experience Researcher)" in body["alternate_titles"]
        assert body["related"][0] == {"code": "15-1254.00", "title": "Web Developers"}
        assert "Figma" in body["technology_skills"]

    def test_an_unknown_code_answers_404(self):
        response = self.get("/api/occupations/99-9999.99")
        assert response.status_code == 404
        assert response.json() == {"detail": "No occupation with the code “99-9999.99”."}

    def test_it_needs_a_signed_in_user(self):
        assert self.client.get("/api/occupations?match=Nurse").status_code == 401
        self.client.force_login(self.alice)
        assert self.client.get("/api/occupations?match=Nurse").status_code == 200
