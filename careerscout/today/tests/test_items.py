import re
from datetime import UTC, datetime, time, timedelta
from unittest import mock

import time_machine
from django.core import mail
from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations import followups
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Reflection
from careerscout.outreach.followups import close_unanswered_requests
from careerscout.outreach.models import Message
from careerscout.people.organizations import link_organization
from careerscout.tests.factories import make_contact, make_user
from careerscout.today.digest import send_due_digests
from careerscout.today.items import today_items
from careerscout.today.models import DigestLog
from careerscout.today.tasks import run_reminders

S = Conversation.Status
# Wednesday before US Thanksgiving, 10:00 in New York.
REQUESTED = datetime(2026, 11, 25, 15, tzinfo=UTC)


def titles(user, now):
    return [item.title for item in today_items(user, now)]


class TodayTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", country="US", time_zone="America/New_York")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.maya = make_contact(self.alice, "Maya Chen", organization="Globex")
        link_organization(self.maya)
        self.conversation = Conversation.plan(self.maya, [self.career])

    def requested(self):
        self.conversation.move_to(S.REQUESTED, REQUESTED)
        return self.conversation

    def test_nothing_is_due_right_after_a_request(self):
        self.requested()
        assert titles(self.alice, datetime(2026, 11, 30, 15, tzinfo=UTC)) == []

    def test_after_three_business_days_the_next_person_at_the_organisation_may_be_asked(self):
        self.requested()
        [item] = today_items(self.alice, datetime(2026, 12, 1, 15, tzinfo=UTC))
        assert item.title == "No reply from Maya Chen yet"
        assert "someone else at Globex" in item.detail
        assert item.action_url == self.maya.org.get_absolute_url()

    def test_the_words_follow_the_rule_for_asking_the_next_person(self):
        self.requested()
        with mock.patch.object(followups, "NEXT_PERSON_AFTER", 2):
            [item] = today_items(self.alice, datetime(2026, 11, 30, 15, tzinfo=UTC))
        assert item.detail.startswith("After 2 business days you may ask someone else at Globex.")

    def test_after_seven_business_days_one_follow_up_is_due(self):
        self.requested()
        [item] = today_items(self.alice, datetime(2026, 12, 7, 15, tzinfo=UTC))
        assert item.title == "Follow up with Maya Chen"
        assert item.action_url == f"/outreach/draft/{self.conversation.pk}/follow_up/"
        assert not item.overdue
        [later] = today_items(self.alice, datetime(2026, 12, 9, 15, tzinfo=UTC))
        assert later.overdue

    def test_no_second_follow_up_and_then_no_reply(self):
        conversation = self.requested()
        conversation.followed_up_at = datetime(2026, 12, 7, 15, tzinfo=UTC)
        conversation.save()
        assert titles(self.alice, datetime(2026, 12, 15, 15, tzinfo=UTC)) == []
        [item] = today_items(self.alice, datetime(2026, 12, 16, 15, tzinfo=UTC))
        assert item.title == "No reply from Maya Chen"
        assert item.post

    def test_a_held_conversation_owes_a_thank_you_overdue_after_a_day(self):
        self.conversation.move_to(S.SCHEDULED, datetime(2026, 12, 1, 15, tzinfo=UTC))
        self.conversation.move_to(S.HELD, datetime(2026, 12, 2, 15, tzinfo=UTC))
        [reflect, thank] = today_items(self.alice, datetime(2026, 12, 2, 20, tzinfo=UTC))
        assert reflect.section == "reflect"
        assert (thank.title, thank.overdue) == ("Thank Maya Chen", False)
        [_reflect, late] = today_items(self.alice, datetime(2026, 12, 3, 16, tzinfo=UTC))
        assert late.overdue

    def test_a_conversation_tomorrow_appears_to_confirm(self):
        self.conversation.move_to(S.SCHEDULED, datetime(2026, 12, 1, 15, tzinfo=UTC))
        self.conversation.scheduled_at = datetime(2026, 12, 3, 14, tzinfo=UTC)
        self.conversation.save()
        assert titles(self.alice, datetime(2026, 12, 1, 15, tzinfo=UTC)) == []
        [confirm] = today_items(self.alice, datetime(2026, 12, 2, 15, tzinfo=UTC))
        assert confirm.title == "Confirm tomorrow’s conversation with Maya Chen"
        assert confirm.action_url == f"/outreach/draft/{self.conversation.pk}/confirm/"
        assert titles(self.alice, datetime(2026, 12, 3, 8, tzinfo=UTC)) == [
            "Conversation with Maya Chen"
        ]

    def test_report_back_a_month_after_a_thanked_conversation(self):
        self.conversation.move_to(S.SCHEDULED, datetime(2026, 12, 1, 15, tzinfo=UTC))
        self.conversation.move_to(S.HELD, datetime(2026, 12, 2, 15, tzinfo=UTC))
        self.conversation.move_to(S.THANKED, datetime(2026, 12, 2, 18, tzinfo=UTC))
        assert "keep" not in " ".join(titles(self.alice, datetime(2027, 1, 2, 15, tzinfo=UTC)))
        assert "Tell Maya Chen how their advice helped" in titles(
            self.alice, datetime(2027, 1, 2, 15, tzinfo=UTC)
        )

    def test_keep_in_touch_is_due_three_months_after_the_last_contact_and_resets(self):
        self.conversation.move_to(S.SCHEDULED, datetime(2026, 12, 1, 15, tzinfo=UTC))
        self.conversation.move_to(S.HELD, datetime(2026, 12, 2, 15, tzinfo=UTC))
        self.conversation.move_to(S.THANKED, datetime(2026, 12, 2, 18, tzinfo=UTC))
        self.conversation.reported_back_at = datetime(2026, 12, 20, tzinfo=UTC)
        self.conversation.save()
        Reflection.objects.create(user=self.alice, conversation=self.conversation)
        march = datetime(2027, 3, 3, 15, tzinfo=UTC)
        assert titles(self.alice, march) == ["Get back in touch with Maya Chen"]
        self.maya.refresh_from_db()
        self.maya.touch(datetime(2027, 3, 1, tzinfo=UTC))
        assert titles(self.alice, march) == []

    def test_keep_in_touch_names_the_last_day_in_touch_in_the_users_time_zone(self):
        sam = make_contact(self.alice, "Sam Lee")
        sam.keep_in_touch_months = 3
        sam.save()
        sam.touch(datetime(2026, 12, 2, 2, tzinfo=UTC))  # 1 December, 21:00 in New York
        march = datetime(2027, 3, 3, 15, tzinfo=UTC)
        [item] = [item for item in today_items(self.alice, march) if "Sam Lee" in item.title]
        assert item.detail == "Last in touch on 1 December 2026."

    def test_the_today_page_lists_items_with_their_one_click_next_step(self):
        self.requested()
        self.client.force_login(self.alice)
        with time_machine.travel(datetime(2026, 12, 7, 15, tzinfo=UTC), tick=False):
            html = self.client.get("/").content.decode()
        assert "Follow up with Maya Chen" in html
        assert f"/outreach/draft/{self.conversation.pk}/follow_up/" in html

    def press_the_one_button_on_today(self, now):
        """Submit Today's one-click form exactly as the page renders it."""
        with time_machine.travel(now, tick=False):
            html = self.client.get("/").content.decode()
            form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', html, re.S)
            fields = dict(
                re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form[2])
            )
            return self.client.post(form[1], fields, follow=True)

    def test_mark_as_held_on_today_moves_the_conversation(self):
        self.conversation.schedule(datetime(2026, 12, 1, 15, tzinfo=UTC))
        self.client.force_login(self.alice)
        response = self.press_the_one_button_on_today(datetime(2026, 12, 1, 16, tzinfo=UTC))
        self.conversation.refresh_from_db()
        assert self.conversation.status == S.HELD
        assert "Choose where the conversation should move" not in response.content.decode()

    def test_mark_as_no_reply_on_today_moves_the_conversation(self):
        conversation = self.requested()
        conversation.followed_up_at = datetime(2026, 12, 7, 15, tzinfo=UTC)
        conversation.save()
        self.client.force_login(self.alice)
        self.press_the_one_button_on_today(datetime(2026, 12, 16, 15, tzinfo=UTC))
        conversation.refresh_from_db()
        assert conversation.status == S.NO_REPLY

    def test_the_today_page_needs_the_same_queries_for_more_items(self):
        self.client.force_login(self.alice)
        self.requested()
        now = datetime(2026, 12, 7, 15, tzinfo=UTC)
        with time_machine.travel(now, tick=False):
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as first:
                self.client.get("/")
            for number in range(5):
                other = Conversation.plan(make_contact(self.alice, f"P{number}"), [self.career])
                other.move_to(S.REQUESTED, REQUESTED)
            with self.assertNumQueries(len(first)):
                self.client.get("/")


class ReminderTaskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user(
            "alice",
            country="US",
            time_zone="America/New_York",
            email="alice@example.org",
            digest_enabled=True,
            digest_time=time(8, 0),
        )

    def setUp(self):
        maya = make_contact(self.alice, "Maya Chen")
        self.conversation = Conversation.plan(maya, [])
        self.conversation.move_to(S.REQUESTED, REQUESTED)

    def test_the_digest_goes_once_a_day_at_the_chosen_local_time(self):
        seven_ny = datetime(2026, 12, 7, 12, tzinfo=UTC)
        assert send_due_digests(seven_ny) == 0
        assert mail.outbox == []
        eight_ny = seven_ny + timedelta(hours=1)
        assert send_due_digests(eight_ny) == 1
        assert send_due_digests(eight_ny + timedelta(hours=3)) == 0
        [message] = mail.outbox
        assert message.to == ["alice@example.org"]
        assert "Follow up with Maya Chen" in message.body

    def test_two_workers_at_once_send_one_digest(self):
        now = datetime(2026, 12, 7, 14, tzinfo=UTC)
        DigestLog.objects.create(user=self.alice, day=self.alice.local_date(now))
        assert send_due_digests(now) == 0
        assert mail.outbox == []

    def test_a_missed_run_catches_up_once_the_next_time_the_worker_runs(self):
        asleep_until = datetime(2026, 12, 8, 22, tzinfo=UTC)
        assert send_due_digests(asleep_until) == 1
        assert send_due_digests(asleep_until + timedelta(minutes=5)) == 0
        assert len(mail.outbox) == 1
        assert DigestLog.objects.get().day.isoformat() == "2026-12-08"

    def test_the_reminder_task_is_idempotent(self):
        self.conversation.followed_up_at = datetime(2026, 12, 7, 15, tzinfo=UTC)
        self.conversation.save()
        held = Conversation.plan(make_contact(self.alice, "Sam Lee"), [])
        held.move_to(S.SCHEDULED, datetime(2026, 12, 14, 15, tzinfo=UTC))
        held.move_to(S.HELD, datetime(2026, 12, 15, 15, tzinfo=UTC))
        with time_machine.travel(datetime(2026, 12, 16, 15, tzinfo=UTC), tick=False):
            first = run_reminders.call()
            second = run_reminders.call()
        nothing_in_the_directory = {"reminded": 0, "expired": 0}
        assert first == {"closed": 1, "digests": 1, "directory": nothing_in_the_directory}
        assert second == {"closed": 0, "digests": 0, "directory": nothing_in_the_directory}
        self.conversation.refresh_from_db()
        assert self.conversation.status == S.NO_REPLY
        [digest] = mail.outbox
        assert "Thank Sam Lee" in digest.body
        assert "Maya" not in digest.body

    def test_requests_without_a_follow_up_are_never_closed(self):
        assert close_unanswered_requests(datetime(2027, 6, 1, tzinfo=UTC)) == 0
        assert not Message.objects.exists()


class ReminderQueueTests(TestCase):
    def test_reminders_are_queued_once_while_a_run_is_waiting(self):
        from django.test import override_settings

        from careerscout.today.tasks import enqueue_reminders_if_none_waiting

        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            from django_tasks_db.models import DBTaskResult

            assert enqueue_reminders_if_none_waiting()
            assert not enqueue_reminders_if_none_waiting()
            assert DBTaskResult.objects.count() == 1


class ReflectionAndActionTodayTests(TestCase):
    def test_a_held_conversation_asks_for_a_reflection_until_written(self):
        from careerscout.insights.models import Reflection

        alice = make_user("alice")
        conversation = Conversation.plan(make_contact(alice, "Maya"), [])
        conversation.move_to(S.SCHEDULED)
        conversation.move_to(S.HELD)
        assert "Reflect on your conversation with Maya" in titles(alice, datetime.now(UTC))
        Reflection.objects.create(user=alice, conversation=conversation, surprised="x")
        assert "Reflect on your conversation with Maya" not in titles(alice, datetime.now(UTC))

    def test_actions_due_today_or_earlier_appear_until_done(self):
        from careerscout.insights.models import Item

        alice = make_user("alice")
        Item.objects.create(user=alice, kind="action", text="Read the book", due="2026-12-01")
        Item.objects.create(user=alice, kind="action", text="Later", due="2026-12-20")
        now = datetime(2026, 12, 2, 12, tzinfo=UTC)
        [item] = today_items(alice, now)
        assert (item.title, item.overdue, item.post) == ("Read the book", True, True)
        Item.objects.filter(text="Read the book").update(done_at=now)
        assert today_items(alice, now) == []
