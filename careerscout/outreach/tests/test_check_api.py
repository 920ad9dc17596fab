from django.test import TestCase

from careerscout.accounts.models import ApiToken
from careerscout.outreach.checker import check_draft
from careerscout.tests.factories import make_user

URL = "/api/outreach/check"
GOOD_BODY = (
    "Hi Maya,\n\nWe met at the UX Berlin meetup last spring. I'm exploring UX research and "
    "would love to hear how you got into it.\n\nWould you be open to a 20-minute call?\n\n"
    "Thanks,\nAlex"
)


class CheckApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        _token, cls.token = ApiToken.issue(cls.alice, "tests")

    def post(self, data, token: str | None = "alice"):
        headers = {"Authorization": f"Bearer {self.token}"} if token else {}
        return self.client.post(URL, data, content_type="application/json", headers=headers)

    def test_a_draft_is_checked_with_a_bearer_token(self):
        body = "Hello,\n\nI'd love a job at your company."
        response = self.post({"kind": "request", "subject": "", "body": body})
        assert response.status_code == 200
        assert response.json() == check_draft("request", "", body).as_dict()

    def test_each_finding_has_exactly_the_documented_fields(self):
        response = self.post({"kind": "request", "subject": "", "body": "Hello,\n\nA job?"})
        document = response.json()
        assert set(document) == {"word_count", "findings"}
        assert document["findings"]
        for finding in document["findings"]:
            assert set(finding) == {"code", "severity", "message", "start", "end"}

    def test_spans_are_offsets_into_the_body_sent(self):
        body = "Hi Maya,\n\nWe met at the meetup. Are you hiring? Could we talk for 20 minutes?"
        response = self.post({"kind": "request", "subject": "Hello", "body": body})
        [finding] = response.json()["findings"]
        assert finding["code"] == "mentions_job"
        assert body[finding["start"] : finding["end"]] == "Are you hiring"

    def test_a_good_request_answers_no_findings(self):
        response = self.post({"kind": "request", "subject": "Your work in UX", "body": GOOD_BODY})
        assert response.json() == {"word_count": 35, "findings": []}

    def test_a_missing_subject_is_a_finding_not_an_error(self):
        response = self.post({"kind": "thank_you", "body": "Hi Maya,\n\nYou mentioned Figma."})
        assert response.status_code == 200
        assert [f["code"] for f in response.json()["findings"]] == ["missing_subject"]

    def test_an_unknown_kind_answers_422_naming_kind(self):
        response = self.post({"kind": "cover_letter", "subject": "Hi", "body": GOOD_BODY})
        assert response.status_code == 422
        document = response.json()
        assert document["detail"].startswith("kind: ")
        assert [error["field"] for error in document["errors"]] == ["kind"]

    def test_a_missing_body_answers_422_naming_body(self):
        response = self.post({"kind": "request", "subject": "Hi"})
        assert response.status_code == 422
        assert [error["field"] for error in response.json()["errors"]] == ["body"]

    def test_a_misspelt_field_is_rejected_rather_than_ignored(self):
        response = self.post({"kind": "request", "subjct": "Hi", "body": GOOD_BODY})
        assert response.status_code == 422
        assert [error["field"] for error in response.json()["errors"]] == ["subjct"]

    def test_an_oversized_body_answers_422(self):
        response = self.post({"kind": "request", "body": "word " * 5000})
        assert response.status_code == 422

    def test_without_a_token_it_answers_401(self):
        response = self.post({"kind": "request", "body": GOOD_BODY}, token=None)
        assert response.status_code == 401
        assert set(response.json()) == {"detail"}

    def test_a_signed_in_session_works_without_a_token(self):
        self.client.force_login(self.alice)
        response = self.post({"kind": "request", "body": GOOD_BODY}, token=None)
        assert response.status_code == 200

    def test_get_is_not_allowed(self):
        response = self.client.get(URL, headers={"Authorization": f"Bearer {self.token}"})
        assert response.status_code == 405
