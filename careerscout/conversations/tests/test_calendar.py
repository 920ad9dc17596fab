import re
from datetime import UTC, datetime

import time_machine
from django.test import TestCase
from icalendar import Calendar

from careerscout.accounts.models import ApiToken
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Item
from careerscout.tests.factories import make_contact, make_user


def parse(response):
    return Calendar.from_ical(response.content)


def event_of(calendar):
    [event] = calendar.walk("VEVENT")
    return event


class ScheduleAndInvitationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", time_zone="Europe/Berlin", email="alice@example.org")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.client.force_login(self.alice)
        self.maya = make_contact(
            self.alice, "Maya Chen", emails=["maya@globex.example"], time_zone="Asia/Kolkata"
        )
        self.conversation = Conversation.plan(self.maya, [self.career])
        self.url = f"/conversations/{self.conversation.pk}/schedule/"

    def schedule(self, **fields):
        data = {
            "day": "2026-12-01",
            "at": "15:00",
            "whose_time": "theirs",
            "time_zone": "Asia/Kolkata",
            "duration_minutes": "20",
            "location": "",
            "video_url": "https://meet.example/abc",
        }
        return self.client.post(self.url, {**data, **fields})

    @time_machine.travel(datetime(2026, 11, 20, tzinfo=UTC))
    def test_scheduling_in_their_time_zone_shows_both_times(self):
        response = self.schedule()
        assert response.status_code == 302
        self.conversation.refresh_from_db()
        assert self.conversation.status == "scheduled"
        assert self.conversation.scheduled_at == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
        html = self.client.get(self.url).content.decode()
        assert "For you: Tuesday 1 December, 10:30–10:50 (Berlin time)" in html
        assert "For Maya Chen: Tuesday 1 December, 15:00–15:20 (India time)" in html

    def test_scheduling_in_my_time_zone(self):
        self.schedule(whose_time="mine", at="10:30")
        self.conversation.refresh_from_db()
        assert self.conversation.scheduled_at == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

    def test_bad_input_names_the_field(self):
        response = self.schedule(day="", duration_minutes="17")
        assert response.status_code == 422
        html = response.content.decode()
        assert "Choose the day you will talk." in html
        assert "Select a valid choice" in html

    def test_a_date_outside_the_sensible_range_is_a_form_error(self):
        for day in ("0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"):
            response = self.schedule(day=day)
            assert response.status_code == 422, day
            assert "between 1900 and 2200" in response.content.decode()
        self.conversation.refresh_from_db()
        assert self.conversation.scheduled_at is None
        response = self.client.get(self.url, {"first": "9999-12-31T10:00"})
        assert response.status_code == 200
        assert "between 1900 and 2200" in response.content.decode()

    @time_machine.travel(datetime(2026, 11, 20, tzinfo=UTC))
    def test_proposing_slots_writes_them_in_their_time(self):
        response = self.client.get(
            self.url, {"first": "2026-12-01T10:00", "second": "2026-12-02T16:00", "third": ""}
        )
        html = response.content.decode()
        assert "Would any of these times suit you?" in html
        assert "Tuesday 1 December, 14:30–14:50 (India time) — for me 10:00 (Berlin time)" in html

    def test_the_invitation_is_a_real_request_with_a_stable_uid(self):
        self.schedule()
        first = parse(self.client.get(f"/conversations/{self.conversation.pk}/invitation.ics"))
        assert first["METHOD"] == "REQUEST"
        event = event_of(first)
        assert event["DTSTART"].dt == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
        assert str(event["DTSTART"].params["TZID"]) == "Asia/Kolkata"
        assert [str(tz["TZID"]) for tz in first.walk("VTIMEZONE")] == ["Asia/Kolkata"]
        assert str(event["ATTENDEE"]) == "mailto:maya@globex.example"
        assert str(event["ORGANIZER"]) == "mailto:alice@example.org"
        assert event["URL"] == "https://meet.example/abc"
        self.schedule(at="16:00")
        second = event_of(
            parse(self.client.get(f"/conversations/{self.conversation.pk}/invitation.ics"))
        )
        assert second["UID"] == event["UID"]
        assert int(second["SEQUENCE"]) == int(event["SEQUENCE"]) + 1

    def test_each_conversation_has_its_own_random_invitation_uid(self):
        """Two installations both have a conversation 1 of user 1: its id cannot be the UID."""
        other = Conversation.plan(make_contact(self.alice, "Sam"), [])
        uids = {self.conversation.invitation_uid, other.invitation_uid}
        assert len(uids) == 2
        for uid in uids:
            assert re.fullmatch(r"[0-9a-f]{32}@careerscout", uid), uid
        self.schedule()
        event = event_of(
            parse(self.client.get(f"/conversations/{self.conversation.pk}/invitation.ics"))
        )
        assert event["UID"] == self.conversation.invitation_uid

    def test_cancelling_sends_a_cancel_with_a_higher_sequence(self):
        self.schedule()
        before = event_of(
            parse(self.client.get(f"/conversations/{self.conversation.pk}/invitation.ics"))
        )
        self.conversation.refresh_from_db()
        self.conversation.move_to("cancelled")
        calendar = parse(self.client.get(f"/conversations/{self.conversation.pk}/invitation.ics"))
        assert calendar["METHOD"] == "CANCEL"
        event = event_of(calendar)
        assert event["STATUS"] == "CANCELLED"
        assert int(event["SEQUENCE"]) > int(before["SEQUENCE"])

    def test_no_invitation_before_a_time_is_set(self):
        assert (
            self.client.get(f"/conversations/{self.conversation.pk}/invitation.ics").status_code
            == 404
        )

    def test_the_api_serves_the_same_invitation(self):
        self.schedule()
        _token, plain = ApiToken.issue(self.alice, "script")
        response = self.client.get(
            f"/api/conversations/{self.conversation.pk}/invitation.ics",
            headers={"authorization": f"Bearer {plain}"},
        )
        assert response["Content-Type"].startswith("text/calendar")
        assert event_of(parse(response))["DTSTART"].dt == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

    def test_after_the_call_the_time_stays_on_the_page_and_over_the_api(self):
        self.schedule()
        self.conversation.refresh_from_db()
        self.conversation.move_to("held")
        self.conversation.move_to("thanked")
        refused = self.schedule(day="2026-12-03", location="Café")
        assert refused["Location"] == self.conversation.get_absolute_url()
        page = self.client.get(refused["Location"]).content.decode()
        assert "You have already talked with Maya Chen, so the time stays as it was." in page
        _token, plain = ApiToken.issue(self.alice, "script")
        response = self.client.patch(
            f"/api/conversations/{self.conversation.pk}",
            {"scheduled_at": "2026-12-03T10:00:00+01:00", "location": "Café"},
            content_type="application/json",
            headers={"authorization": f"Bearer {plain}"},
        )
        assert response.status_code == 409
        assert response.json()["detail"] == (
            "You have already talked with Maya Chen, so the time stays as it was."
        )
        self.conversation.refresh_from_db()
        assert self.conversation.scheduled_at == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
        assert (self.conversation.location, self.conversation.invitation_sequence) == ("", 0)


class CalendarFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", time_zone="Europe/Berlin")

    def test_the_feed_lists_conversations_and_actions_due_and_can_be_revoked(self):
        self.client.force_login(self.alice)
        self.client.post("/settings/calendar/renew/")
        self.alice.refresh_from_db()
        token = self.alice.calendar_token
        maya = make_contact(self.alice, "Maya Chen")
        conversation = Conversation.plan(maya, [])
        conversation.schedule(datetime(2030, 1, 10, 9, tzinfo=UTC), time_zone="Europe/Berlin")
        Item.objects.create(user=self.alice, kind="action", text="Read the book", due="2030-01-15")
        self.client.logout()
        calendar = parse(self.client.get(f"/calendar/{token}.ics"))
        summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
        assert summaries == ["Informational interview: Maya Chen", "To do: Read the book"]
        self.client.force_login(self.alice)
        self.client.post("/settings/calendar/revoke/")
        self.client.logout()
        assert self.client.get(f"/calendar/{token}.ics").status_code == 404

    def test_one_event_that_cannot_be_written_is_left_out_and_the_rest_still_served(self):
        token = self.alice.renew_calendar_token()
        good = Conversation.plan(make_contact(self.alice, "Maya Chen"), [])
        good.schedule(datetime(2030, 1, 10, 9, tzinfo=UTC), time_zone="Europe/Berlin")
        broken = Conversation.plan(make_contact(self.alice, "Far Future"), [])
        # Written past every check, as a row from an older version could be.
        Conversation.objects.filter(pk=broken.pk).update(
            scheduled_at=datetime(9999, 12, 31, 23, 50, tzinfo=UTC), status="scheduled"
        )
        Item.objects.create(user=self.alice, kind="action", text="Someday", due="9999-12-31")
        with self.assertLogs("careerscout.lib.calendar_invites", "WARNING") as logs:
            response = self.client.get(f"/calendar/{token}.ics")
        assert response.status_code == 200
        summaries = [str(event["SUMMARY"]) for event in parse(response).walk("VEVENT")]
        assert summaries == ["Informational interview: Maya Chen"]
        assert len(logs.records) == 2

    def test_a_new_address_stops_the_old_one(self):
        old = self.alice.renew_calendar_token()
        self.alice.renew_calendar_token()
        assert self.client.get(f"/calendar/{old}.ics").status_code == 404

    def test_an_unknown_or_empty_token_is_a_404(self):
        assert self.client.get("/calendar/nothing.ics").status_code == 404
