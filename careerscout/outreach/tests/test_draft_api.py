from datetime import UTC, datetime

import pytest
import time_machine
from django.test import TestCase

from careerscout.accounts.models import ApiToken
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Item
from careerscout.outreach.api import DRAFT_KINDS
from careerscout.outreach.models import DraftTemplate
from careerscout.tests.factories import make_contact, make_user

API_KINDS = ["request", "follow_up", "thank_you", "keep_in_touch", "report_back", "confirmation"]


class DraftApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", name="Alice Martin", email="alice@example.org")
        _token, cls.token = ApiToken.issue(cls.alice, "tests")
        career = Career.objects.create(user=cls.alice, title="UX Researcher")
        maya = make_contact(
            cls.alice,
            "Maya Chen",
            organization="Globex",
            how_we_know="Met at the UX Berlin meetup last spring",
        )
        cls.conversation = Conversation.plan(maya, [career])
        cls.conversation.schedule(
            datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
            time_zone="Europe/Berlin",
            video_url="https://meet.example/abc",
        )
        Item.objects.create(
            user=cls.alice,
            conversation=cls.conversation,
            kind="advice",
            text="Build a portfolio of three case studies",
        )

    def get(self, kind: str, conversation_id: int | None = None, token: str | None = None):
        conversation_id = conversation_id or self.conversation.pk
        return self.client.get(
            f"/api/conversations/{conversation_id}/drafts/{kind}",
            headers={"Authorization": f"Bearer {token or self.token}"},
        )

    def test_every_kind_answers_the_draft_its_page_shows(self):
        self.client.force_login(self.alice)
        for kind in API_KINDS:
            page = self.client.get(f"/outreach/draft/{self.conversation.pk}/{DRAFT_KINDS[kind]}/")
            form, result = page.context["form"], page.context["result"]
            response = self.get(kind)
            assert response.status_code == 200, kind
            assert response.json() == {
                "subject": form.initial["subject"],
                "body": form.initial["body"],
                "findings": [finding.as_dict() for finding in result.findings],
            }, kind

    @time_machine.travel(datetime(2026, 11, 20, tzinfo=UTC))
    def test_our_drafts_come_filled_in_with_nothing_to_fix(self):
        for kind in API_KINDS:
            document = self.get(kind).json()
            assert document["findings"] == [], (kind, document)
            assert "{" not in document["subject"] + document["body"], kind
            assert document["body"].startswith("Hi Maya,\n\n"), kind
        assert "how you became a UX researcher" in self.get("request").json()["body"]
        assert self.get("request").json()["subject"] == "A question about UX research"
        assert (
            "Tuesday 1 December, 10:00–10:20 (Berlin time)"
            in (self.get("confirmation").json()["body"])
        )

    def test_the_persons_own_template_is_used_as_on_the_page(self):
        DraftTemplate.objects.create(
            user=self.alice,
            kind="thank_you",
            name="Mine",
            subject="Thanks, {first_name}",
            body="Dear {first_name},\n\nThank you! It stuck with me when {specific}.",
        )
        document = self.get("thank_you").json()
        assert document["subject"] == "Thanks, Maya"
        assert document["body"] == (
            "Dear Maya,\n\nThank you! It stuck with me when you suggested I build a portfolio "
            "of three case studies."
        )

    def test_the_draft_takes_a_constant_number_of_queries(self):
        with self.assertNumQueries(6):
            assert self.get("thank_you").status_code == 200

    def test_an_unknown_kind_is_a_404_that_lists_the_kinds(self):
        response = self.get("confirm")
        assert response.status_code == 404
        assert response.json() == {
            "detail": "No kind of draft “confirm”; use one of request, follow_up, thank_you, "
            "keep_in_touch, report_back, confirmation."
        }

    def test_another_persons_conversation_is_a_404(self):
        charlie = make_user("charlie")
        _token, charlies = ApiToken.issue(charlie, "tests")
        response = self.get("request", token=charlies)
        assert response.status_code == 404
        assert set(response.json()) == {"detail"}
        assert "Maya" not in response.content.decode()

    def test_without_credentials_it_is_a_401(self):
        response = self.client.get(f"/api/conversations/{self.conversation.pk}/drafts/request")
        assert response.status_code == 401


@pytest.mark.parametrize("kind", API_KINDS)
def test_every_documented_kind_is_served(kind):
    assert kind in DRAFT_KINDS
