from django.test import TestCase

from careerscout.accounts.models import ApiToken
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.tests.factories import make_contact, make_user

FIELDS = {
    "id",
    "notes_version",
    "contact_id",
    "career_ids",
    "status",
    "scheduled_at",
    "duration_minutes",
    "time_zone",
    "location",
    "video_url",
    "notes",
    "created_at",
    "updated_at",
}


class ConversationsApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.charlie = make_user("charlie")
        _token, cls.token = ApiToken.issue(cls.alice, "script")
        cls.maya = make_contact(cls.alice, "Maya")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")
        cls.stranger = make_contact(cls.charlie, "Stranger")
        cls.their_career = Career.objects.create(user=cls.charlie, title="Law")

    def call(self, method, url, body=None):
        return getattr(self.client, method)(
            url,
            data=body,
            content_type="application/json",
            headers={"authorization": f"Bearer {self.token}"},
        )

    def test_creating_needs_only_a_contact_and_starts_planned(self):
        response = self.call("post", "/api/conversations", {"contact_id": self.maya.pk})
        assert response.status_code == 201
        body = response.json()
        assert set(body) == FIELDS
        assert (body["status"], body["duration_minutes"], body["career_ids"]) == ("planned", 20, [])

    def test_creating_with_careers_and_a_time_with_an_offset(self):
        response = self.call(
            "post",
            "/api/conversations",
            {
                "contact_id": self.maya.pk,
                "career_ids": [self.career.pk],
                "scheduled_at": "2026-12-01T15:00:00+01:00",
                "time_zone": "Europe/Berlin",
            },
        )
        body = response.json()
        assert body["career_ids"] == [self.career.pk]
        assert body["scheduled_at"] == "2026-12-01T14:00:00+00:00"
        assert self.maya in self.career.contacts.all()

    def test_a_time_without_an_offset_is_refused(self):
        response = self.call(
            "post",
            "/api/conversations",
            {"contact_id": self.maya.pk, "scheduled_at": "2026-12-01T15:00:00"},
        )
        assert response.status_code == 422
        assert response.json()["detail"].startswith("scheduled_at")

    def test_another_users_person_or_career_is_refused_by_name(self):
        response = self.call("post", "/api/conversations", {"contact_id": self.stranger.pk})
        assert response.status_code == 422
        assert "contact_id" in response.json()["detail"]
        response = self.call(
            "post",
            "/api/conversations",
            {"contact_id": self.maya.pk, "career_ids": [self.their_career.pk]},
        )
        assert response.status_code == 422
        assert not Conversation.objects.exists()

    def test_patch_moves_status_along_the_pipeline_only(self):
        conversation = Conversation.plan(self.maya, [self.career])
        url = f"/api/conversations/{conversation.pk}"
        assert self.call("patch", url, {"status": "requested"}).json()["status"] == "requested"
        response = self.call("patch", url, {"status": "thanked"})
        assert response.status_code == 409
        assert "cannot become thanked" in response.json()["detail"]

    def test_patch_edits_details(self):
        conversation = Conversation.plan(self.maya, [])
        response = self.call(
            "patch",
            f"/api/conversations/{conversation.pk}",
            {"duration_minutes": 30, "location": "Café Kranzler", "career_ids": [self.career.pk]},
        )
        body = response.json()
        assert (body["duration_minutes"], body["location"]) == (30, "Café Kranzler")
        assert body["career_ids"] == [self.career.pk]

    def test_list_filters_and_isolation(self):
        mine = Conversation.plan(self.maya, [self.career])
        theirs = Conversation.plan(self.stranger, [])
        listed = self.call("get", "/api/conversations").json()
        assert [c["id"] for c in listed] == [mine.pk]
        assert (
            self.call("get", f"/api/conversations?career={self.career.pk}").json()[0]["id"]
            == mine.pk
        )
        assert self.call("get", "/api/conversations?status=held").json() == []
        for method in ["get", "patch", "delete"]:
            assert self.call(method, f"/api/conversations/{theirs.pk}", {}).status_code == 404

    def test_delete(self):
        conversation = Conversation.plan(self.maya, [])
        assert self.call("delete", f"/api/conversations/{conversation.pk}").status_code == 204
        assert not Conversation.objects.exists()

    def test_a_time_outside_the_sensible_range_is_refused_and_nothing_is_saved(self):
        for moment in ("0001-01-01T00:00:00+00:00", "9999-12-31T23:59:00+00:00"):
            response = self.call(
                "post", "/api/conversations", {"contact_id": self.maya.pk, "scheduled_at": moment}
            )
            assert response.status_code == 422, moment
            assert "scheduled_at" in response.json()["detail"]
            assert "between 1900 and 2200" in response.json()["detail"]
        assert not Conversation.objects.exists()
        conversation = Conversation.plan(self.maya, [])
        response = self.call(
            "patch",
            f"/api/conversations/{conversation.pk}",
            {"scheduled_at": "9999-12-31T23:59:00+00:00"},
        )
        assert response.status_code == 422
        conversation.refresh_from_db()
        assert conversation.scheduled_at is None
