from django.test import TestCase

from careerscout.accounts.models import ApiToken
from careerscout.insights.quick_capture import parse_notes
from careerscout.tests.factories import make_user

URL = "/api/notes/parse"
NOTES = (
    "! Most research is evaluative, not generative #day_to_day\n"
    "\n"
    '[ ] Read "Just Enough Research" by 2026-12-15\n'
    "@Maya Chen (Staff Researcher, Globex) says ok to use her name\n"
    '#skill:SQL #skill:"survey design"\n'
)


class ParseNotesApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        _token, cls.token = ApiToken.issue(cls.alice, "tests")

    def post(self, data, token: str | None = "alice"):
        headers = {"Authorization": f"Bearer {self.token}"} if token else {}
        return self.client.post(URL, data, content_type="application/json", headers=headers)

    def test_notes_are_parsed_with_a_bearer_token(self):
        response = self.post({"text": NOTES})
        assert response.status_code == 200
        assert response.json() == {"items": [item.as_dict() for item in parse_notes(NOTES)]}

    def test_each_item_has_exactly_the_documented_fields(self):
        items = self.post({"text": NOTES}).json()["items"]
        assert [item["kind"] for item in items] == ["insight", "action", "referral", "skill"]
        for item in items:
            assert set(item) == {"kind", "text", "topic", "skills", "due", "person"}
        assert items[1]["due"] == "2026-12-15"
        assert items[2]["person"] == {
            "name": "Maya Chen",
            "title": "Staff Researcher",
            "organization": "Globex",
            "note": "says ok to use her name",
        }
        assert items[3]["skills"] == ["SQL", "survey design"]

    def test_the_topic_sent_is_inherited_by_untagged_items(self):
        response = self.post({"text": NOTES, "topic": "path"})
        assert [item["topic"] for item in response.json()["items"]] == [
            "day_to_day",
            "path",
            "path",
            "path",
        ]

    def test_empty_notes_answer_no_items(self):
        response = self.post({"text": ""})
        assert response.status_code == 200
        assert response.json() == {"items": []}

    def test_an_unknown_topic_answers_422_naming_topic(self):
        response = self.post({"text": NOTES, "topic": "pay"})
        assert response.status_code == 422
        document = response.json()
        assert document["detail"].startswith("topic: ")
        assert [error["field"] for error in document["errors"]] == ["topic"]

    def test_missing_text_answers_422_naming_text(self):
        response = self.post({"topic": "path"})
        assert response.status_code == 422
        assert [error["field"] for error in response.json()["errors"]] == ["text"]

    def test_a_misspelt_field_is_rejected_rather_than_ignored(self):
        response = self.post({"text": NOTES, "topc": "path"})
        assert response.status_code == 422
        assert [error["field"] for error in response.json()["errors"]] == ["topc"]

    def test_text_up_to_100000_characters_is_accepted_and_longer_answers_422(self):
        line = "! " + "x" * 97 + "\n"
        assert self.post({"text": line * 1000}).status_code == 200
        response = self.post({"text": line * 1000 + "x"})
        assert response.status_code == 422
        assert [error["field"] for error in response.json()["errors"]] == ["text"]

    def test_without_a_token_it_answers_401(self):
        response = self.post({"text": NOTES}, token=None)
        assert response.status_code == 401
        assert set(response.json()) == {"detail"}

    def test_a_wrong_token_answers_401(self):
        response = self.client.post(
            URL,
            {"text": NOTES},
            content_type="application/json",
            headers={"Authorization": "Bearer cs_not-a-token"},
        )
        assert response.status_code == 401

    def test_a_signed_in_session_works_without_a_token(self):
        self.client.force_login(self.alice)
        assert self.post({"text": NOTES}, token=None).status_code == 200

    def test_get_is_not_allowed(self):
        response = self.client.get(URL, headers={"Authorization": f"Bearer {self.token}"})
        assert response.status_code == 405

    def test_the_endpoint_is_in_the_openapi_schema_under_notes(self):
        schema = self.client.get("/api/openapi.json").json()
        assert schema["paths"]["/api/notes/parse"]["post"]["tags"] == ["notes"]
