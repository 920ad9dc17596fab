"""One path for every change: the same scenario through the pages and through the API ends in
identical rows. Two people with the same start each drive it one way; then their data is
compared field by field (status, its history, the timeline, invitation sequence, notes)."""

import json
from datetime import UTC, datetime

import time_machine
from django.test import TestCase

from careerscout.accounts.models import ApiToken
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.tests.factories import make_contact, make_user

NOW = datetime(2026, 11, 20, 9, tzinfo=UTC)


def snapshot(user) -> dict:
    """Everything a state change may touch, without ids that differ between accounts."""
    conversations = []
    for conversation in Conversation.objects.for_user(user).order_by("id"):
        conversations.append(
            {
                "contact": conversation.contact.name,
                "careers": [career.title for career in conversation.careers.all()],
                "status": conversation.status,
                "status_changed_at": conversation.status_changed_at,
                "requested_at": conversation.requested_at,
                "held_at": conversation.held_at,
                "scheduled_at": conversation.scheduled_at,
                "duration_minutes": conversation.duration_minutes,
                "time_zone": conversation.time_zone,
                "invitation_sequence": conversation.invitation_sequence,
                "notes": conversation.notes,
                "notes_version": conversation.notes_version,
                "history": list(conversation.changes.values_list("from_status", "to_status")),
            }
        )
    contact = user.contact_set.get()
    return {
        "conversations": conversations,
        "timeline": list(contact.timeline.order_by("id").values_list("kind", "summary")),
        "career_people": [c.name for c in Career.objects.for_user(user).get().contacts.all()],
        "last_contact_at": contact.last_contact_at,
    }


class PageAndApiTests(TestCase):
    def setUp(self):
        self.traveller = time_machine.travel(NOW, tick=False)
        self.traveller.start()
        self.page_user = make_user("page", time_zone="Europe/Paris")
        self.api_user = make_user("api", time_zone="Europe/Paris")
        for user in (self.page_user, self.api_user):
            make_contact(user, "Maya Chen", time_zone="America/New_York")
            Career.objects.create(user=user, title="UX research")
        _token, plain = ApiToken.issue(self.api_user, "script")
        self.auth = {"authorization": f"Bearer {plain}"}
        self.client.force_login(self.page_user)

    def tearDown(self):
        self.traveller.stop()

    def api(self, method: str, url: str, body: dict | None = None):
        return getattr(self.client, method)(
            url, json.dumps(body or {}), content_type="application/json", headers=self.auth
        )

    def ids(self, user) -> tuple[int, int]:
        return user.contact_set.get().pk, Career.objects.for_user(user).get().pk

    def conversation_id(self, user) -> int:
        return Conversation.objects.for_user(user).get().pk

    def plan_both(self) -> None:
        contact, career = self.ids(self.page_user)
        self.client.post(f"/conversations/plan/{contact}/", {"careers": [career]})
        contact, career = self.ids(self.api_user)
        response = self.api(
            "post", "/api/conversations", {"contact_id": contact, "career_ids": [career]}
        )
        assert response.status_code == 201

    def schedule_both(self, day: str, at: str) -> None:
        page_id = self.conversation_id(self.page_user)
        self.client.post(
            f"/conversations/{page_id}/schedule/",
            {
                "day": day,
                "at": at,
                "whose_time": "theirs",
                "time_zone": "America/New_York",
                "duration_minutes": "30",
            },
        )
        api_id = self.conversation_id(self.api_user)
        start = f"{day}T{at}:00-05:00"
        response = self.api(
            "patch",
            f"/api/conversations/{api_id}",
            {"scheduled_at": start, "time_zone": "America/New_York", "duration_minutes": 30},
        )
        assert response.status_code == 200, response.content

    def move_both(self, status: str) -> None:
        page_id = self.conversation_id(self.page_user)
        self.client.post(f"/conversations/{page_id}/move/", {"to": status})
        api_id = self.conversation_id(self.api_user)
        response = self.api("patch", f"/api/conversations/{api_id}", {"status": status})
        assert response.status_code == 200, response.content

    def assert_same(self) -> dict:
        page, api = snapshot(self.page_user), snapshot(self.api_user)
        assert page == api
        return page

    def test_planning(self):
        self.plan_both()
        state = self.assert_same()
        assert state["conversations"][0]["status"] == "planned"
        assert state["career_people"] == ["Maya Chen"]

    def test_scheduling_then_rescheduling(self):
        self.plan_both()
        self.schedule_both("2026-12-01", "10:00")
        state = self.assert_same()
        assert state["conversations"][0]["status"] == "scheduled"
        assert state["conversations"][0]["invitation_sequence"] == 0
        self.schedule_both("2026-12-02", "11:30")
        state = self.assert_same()
        assert state["conversations"][0]["invitation_sequence"] == 1
        assert state["timeline"][-1] == (
            "conversation",
            "Moved to Wednesday 2 December, 17:30–18:00 (Paris time)",
        )

    def test_moving_along_the_pipeline_and_cancelling(self):
        self.plan_both()
        self.move_both("requested")
        self.schedule_both("2026-12-01", "10:00")
        self.move_both("cancelled")
        state = self.assert_same()
        conversation = state["conversations"][0]
        assert conversation["history"][-1] == ("scheduled", "cancelled")
        assert conversation["invitation_sequence"] == 1

    def test_holding_the_conversation(self):
        self.plan_both()
        self.schedule_both("2026-12-01", "10:00")
        self.move_both("held")
        state = self.assert_same()
        assert state["conversations"][0]["held_at"] == NOW

    def test_saving_notes_with_the_version_check(self):
        self.plan_both()
        page_id = self.conversation_id(self.page_user)
        self.client.post(
            f"/conversations/{page_id}/notes/",
            json.dumps({"field": "free", "text": "! Mostly interviews", "version": 0}),
            content_type="application/json",
        )
        api_id = self.conversation_id(self.api_user)
        response = self.api(
            "patch",
            f"/api/conversations/{api_id}",
            {"notes": "! Mostly interviews", "notes_version": 0},
        )
        assert response.json()["notes_version"] == 1
        state = self.assert_same()
        assert state["conversations"][0]["notes_version"] == 1


class ApiNotesConflictTests(TestCase):
    def setUp(self):
        self.alice = make_user("alice")
        self.conversation = Conversation.plan(make_contact(self.alice, "Maya Chen"), [])
        _token, plain = ApiToken.issue(self.alice, "script")
        self.auth = {"authorization": f"Bearer {plain}"}
        self.url = f"/api/conversations/{self.conversation.pk}"

    def patch(self, body: dict):
        return self.client.patch(
            self.url, json.dumps(body), content_type="application/json", headers=self.auth
        )

    def test_a_stale_version_answers_409_with_both_texts_and_saves_nothing(self):
        self.conversation.save_notes("Written in the live tab", 0)
        response = self.patch({"notes": "Written by a script", "notes_version": 0})
        assert response.status_code == 409
        assert response.json() == {
            "detail": "The notes changed since you read them; nothing was saved.",
            "notes": "Written in the live tab",
            "notes_version": 1,
            "sent_notes": "Written by a script",
        }
        self.conversation.refresh_from_db()
        assert (self.conversation.notes, self.conversation.notes_version) == (
            "Written in the live tab",
            1,
        )

    def test_other_changes_in_a_refused_request_are_not_saved_either(self):
        self.conversation.save_notes("Live", 0)
        self.patch({"notes": "Script", "notes_version": 0, "location": "Café"})
        self.conversation.refresh_from_db()
        assert self.conversation.location == ""

    def test_notes_without_a_version_are_refused_with_a_reason(self):
        response = self.patch({"notes": "Script"})
        assert response.status_code == 422
        assert "notes_version" in response.json()["detail"]

    def test_the_live_page_then_sees_the_api_text_and_cannot_overwrite_it(self):
        assert self.patch({"notes": "From the API", "notes_version": 0}).status_code == 200
        self.client.force_login(self.alice)
        response = self.client.post(
            f"/conversations/{self.conversation.pk}/notes/",
            json.dumps({"field": "free", "text": "An old tab", "version": 0}),
            content_type="application/json",
        )
        assert response.status_code == 409
        assert response.json()["text"] == "From the API"
