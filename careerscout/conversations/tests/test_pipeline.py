import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation, StatusChangeError
from careerscout.people.models import Contact
from careerscout.tests.factories import make_contact, make_user

S = Conversation.Status


def at(*args):
    return datetime(*args, tzinfo=UTC)


class StatusMachineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", country="US", time_zone="America/New_York")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.maya = make_contact(self.alice, "Maya Chen")
        self.conversation = Conversation.plan(self.maya, [self.career])

    def test_the_happy_path_is_timestamped_at_every_step(self):
        steps = [
            (S.REQUESTED, at(2026, 11, 2, 15)),
            (S.SCHEDULED, at(2026, 11, 3, 15)),
            (S.HELD, at(2026, 11, 10, 15)),
            (S.THANKED, at(2026, 11, 10, 20)),
        ]
        for status, moment in steps:
            self.conversation.move_to(status, moment)
        self.conversation.refresh_from_db()
        assert self.conversation.requested_at == at(2026, 11, 2, 15)
        assert self.conversation.replied_at == at(2026, 11, 3, 15)
        assert self.conversation.held_at == at(2026, 11, 10, 15)
        assert self.conversation.thanked_at == at(2026, 11, 10, 20)
        history = list(self.conversation.changes.order_by("id").values_list("to_status", "at"))
        assert [status for status, _ in history] == ["planned", *[s for s, _ in steps]]
        assert history[1][1] == at(2026, 11, 2, 15)

    def test_every_change_appears_on_the_persons_timeline(self):
        self.conversation.move_to(S.REQUESTED)
        summaries = list(self.maya.timeline.values_list("summary", flat=True))
        assert "Sent a request for a conversation" in summaries
        assert "Planned a conversation about UX research" in summaries

    def test_impossible_moves_are_refused_with_a_reason(self):
        with pytest.raises(StatusChangeError, match="planned cannot become thanked"):
            self.conversation.move_to(S.THANKED)
        self.conversation.refresh_from_db()
        assert self.conversation.status == S.PLANNED

    def test_side_exits_can_be_reopened_as_a_plan(self):
        self.conversation.move_to(S.REQUESTED)
        self.conversation.move_to(S.DECLINED)
        self.conversation.move_to(S.PLANNED)
        assert self.conversation.requested_at is None

    def test_allowed_moves_follow_the_pipeline(self):
        assert self.conversation.allowed_moves() == [S.REQUESTED, S.SCHEDULED, S.CANCELLED]

    def test_a_reply_within_three_business_days_makes_them_quick(self):
        # Wednesday before Thanksgiving; Thursday is a holiday; Tuesday is 3 business days.
        self.conversation.move_to(S.REQUESTED, at(2026, 11, 25, 15))
        self.conversation.record_reply(at(2026, 12, 1, 15))
        self.maya.refresh_from_db()
        assert self.maya.responsiveness == "quick"

    def test_a_later_reply_makes_them_slow(self):
        self.conversation.move_to(S.REQUESTED, at(2026, 11, 25, 15))
        self.conversation.record_reply(at(2026, 12, 2, 15))
        self.maya.refresh_from_db()
        assert self.maya.responsiveness == "slow"

    def test_no_reply_after_the_follow_up_makes_them_none(self):
        self.conversation.move_to(S.REQUESTED, at(2026, 11, 2, 15))
        self.conversation.move_to(S.NO_REPLY, at(2026, 11, 30, 15))
        self.maya.refresh_from_db()
        assert self.maya.responsiveness == "none"

    def test_a_declined_reply_still_counts_as_a_reply(self):
        self.conversation.move_to(S.REQUESTED, at(2026, 11, 2, 15))
        self.conversation.record_reply(at(2026, 11, 3, 15), accepted=False)
        self.conversation.refresh_from_db()
        self.maya.refresh_from_db()
        assert self.conversation.status == S.DECLINED
        assert self.maya.responsiveness == "quick"


class KeepInTouchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", time_zone="Europe/Berlin")

    def test_holding_a_conversation_starts_a_three_month_cadence(self):
        maya = make_contact(self.alice, "Maya")
        conversation = Conversation.plan(maya, [])
        conversation.move_to(S.SCHEDULED, at(2026, 1, 10, 9))
        conversation.move_to(S.HELD, at(2026, 1, 31, 9))
        maya.refresh_from_db()
        assert maya.keep_in_touch_months == 3
        assert str(maya.keep_in_touch_due()) == "2026-04-30"

    def test_any_logged_contact_resets_the_clock(self):
        maya = make_contact(self.alice, "Maya", keep_in_touch_months=3)
        maya.touch(at(2026, 1, 31, 9))
        maya.touch(at(2026, 3, 1, 9))
        maya.touch(at(2026, 2, 1, 9))  # an older event never moves the clock back
        assert str(Contact.objects.get(pk=maya.pk).keep_in_touch_due()) == "2026-06-01"


class ConversationPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")
        cls.other = Career.objects.create(user=cls.alice, title="Law")

    def setUp(self):
        self.client.force_login(self.alice)
        self.maya = make_contact(self.alice, "Maya Chen")
        self.sam = make_contact(self.alice, "Sam Lee")
        self.first = Conversation.plan(self.maya, [self.career])
        self.second = Conversation.plan(self.sam, [self.other])

    def test_list_and_board_filter_by_career(self):
        response = self.client.get(f"/conversations/?career={self.career.pk}")
        assert [c.contact.name for c in response.context["conversations"]] == ["Maya Chen"]
        board = self.client.get(f"/conversations/?career={self.other.pk}&view=board")
        html = board.content.decode()
        assert "Sam Lee" in html and "Maya Chen" not in html
        assert 'data-status="planned"' in html

    def test_an_empty_column_says_so_in_words(self):
        html = self.client.get("/conversations/?view=board").content.decode()
        requested = html.split('data-status="requested"')[1].split("</section>")[0]
        assert "No conversations here." in requested
        assert "None" not in requested

    def test_the_board_needs_the_same_queries_for_more_conversations(self):
        # session, user, conversations with people, their careers, response rates, the career
        # filter's choices
        with self.assertNumQueries(6):
            self.client.get("/conversations/?view=board")
        for number in range(10):
            Conversation.plan(make_contact(self.alice, f"P{number}"), [self.career])
        with self.assertNumQueries(6):
            self.client.get("/conversations/?view=board")

    def test_moving_a_card_changes_its_status(self):
        response = self.client.post(f"/conversations/{self.first.pk}/move/", {"to": "requested"})
        assert response.status_code == 302
        self.first.refresh_from_db()
        assert self.first.status == "requested"

    def test_an_impossible_move_is_explained(self):
        response = self.client.post(
            f"/conversations/{self.first.pk}/move/", {"to": "thanked"}, follow=True
        )
        assert "cannot become thanked" in response.content.decode()

    def test_moving_needs_a_post(self):
        assert self.client.get(f"/conversations/{self.first.pk}/move/").status_code == 405

    def test_recording_a_reply(self):
        self.first.move_to(S.REQUESTED)
        self.client.post(f"/conversations/{self.first.pk}/reply/", {"accepted": "yes"})
        self.first.refresh_from_db()
        assert self.first.replied_at is not None

    def test_an_empty_list_explains_where_conversations_come_from(self):
        self.client.force_login(make_user("newcomer"))
        html = self.client.get("/conversations/").content.decode()
        assert "No conversations yet" in html

    def test_planning_from_a_persons_page(self):
        response = self.client.post(
            f"/conversations/plan/{self.sam.pk}/", {"careers": [self.career.pk]}
        )
        conversation = Conversation.objects.filter(contact=self.sam).first()
        assert response["Location"] == conversation.get_absolute_url()
        assert self.sam in self.career.contacts.all()


@time_machine.travel(datetime(2026, 12, 8, 14, tzinfo=UTC), tick=False)
class RequestLifecycleClockTests(TestCase):
    def test_requested_at_uses_the_clock(self):
        alice = make_user("alice")
        conversation = Conversation.plan(make_contact(alice, "Maya"), [])
        conversation.move_to(S.REQUESTED)
        assert conversation.requested_at == datetime(2026, 12, 8, 14, tzinfo=UTC)
        assert conversation.requested_at - conversation.created_at == timedelta(0)


class PlanningFromWhoToAskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")
        cls.maya = make_contact(cls.alice, "Maya Chen")

    def setUp(self):
        self.client.force_login(self.alice)

    def plan(self):
        return self.client.post(
            f"/conversations/plan/{self.maya.pk}/", {"careers": [self.career.pk]}
        )

    def test_one_click_links_the_person_and_opens_the_new_conversation(self):
        response = self.plan()
        conversation = Conversation.objects.get(contact=self.maya)
        assert response["Location"] == conversation.get_absolute_url()
        assert conversation.status == "planned"
        assert list(conversation.careers.all()) == [self.career]
        assert list(self.career.contacts.all()) == [self.maya]
        assert "Planned a conversation about UX research" in self.maya.timeline.values_list(
            "summary", flat=True
        )

    def test_the_person_lands_on_the_new_conversation_with_write_the_request_ready(self):
        response = self.client.post(
            f"/conversations/plan/{self.maya.pk}/", {"careers": [self.career.pk]}, follow=True
        )
        conversation = Conversation.objects.get(contact=self.maya)
        html = response.content.decode()
        assert response.redirect_chain == [(conversation.get_absolute_url(), 302)]
        assert "Planned a conversation with Maya Chen about UX research." in html
        draft_url = f"/outreach/draft/{conversation.pk}/request/"
        link = re.search(rf'<a [^>]*href="{draft_url}"[^>]*>(.*?)</a>', html, re.S)
        assert link and "Write the request" in link[1]
        draft = self.client.get(draft_url)
        assert draft.status_code == 200 and "UX research" in draft.content.decode()

    def test_asking_twice_opens_the_first_plan_instead_of_a_second(self):
        first = self.plan()
        second = self.client.post(
            f"/conversations/plan/{self.maya.pk}/", {"careers": [self.career.pk]}, follow=True
        )
        assert Conversation.objects.filter(contact=self.maya).count() == 1
        assert second.redirect_chain[-1][0] == first["Location"]
        assert "already on your list for UX research" in second.content.decode()

    def test_after_a_held_conversation_another_can_be_planned(self):
        self.plan()
        Conversation.objects.update(status="held")
        self.plan()
        assert Conversation.objects.filter(contact=self.maya).count() == 2

    def test_planning_needs_a_post(self):
        assert self.client.get(f"/conversations/plan/{self.maya.pk}/").status_code == 405
