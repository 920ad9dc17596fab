import json
from datetime import UTC, datetime, timedelta
from unittest import mock

import time_machine
from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.capture import end_conversation, sync_items
from careerscout.insights.models import Item
from careerscout.people.models import Contact
from careerscout.questions.models import PlannedQuestion, Question
from careerscout.questions.saved_plans import current_plan, ensure_plan, make_plan
from careerscout.tests.factories import make_contact, make_user


class PlanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.maya = make_contact(self.alice, "Maya Chen")
        self.conversation = Conversation.plan(self.maya, [self.career])

    def test_a_twenty_minute_plan_has_four_questions_ending_with_whom_else(self):
        plan = ensure_plan(self.conversation)
        assert len(plan) == 4
        assert plan[-1].key == "who-else"
        assert all(item.reason for item in plan)

    def test_the_plan_targets_topics_nobody_has_covered_yet(self):
        for person in ["A", "B"]:
            earlier = Conversation.plan(make_contact(self.alice, person), [self.career])
            Item.objects.create(
                user=self.alice,
                conversation=earlier,
                contact=earlier.contact,
                kind="insight",
                text="Mostly interviews",
                topic="day_to_day",
            )
        plan = make_plan(self.conversation)
        assert "day_to_day" not in [item.topic for item in plan[:3]]

    def test_questions_asked_of_this_person_before_are_not_repeated(self):
        earlier = Conversation.plan(self.maya, [self.career])
        first_plan = ensure_plan(earlier)
        earlier.move_to("scheduled")
        earlier.move_to("held")
        asked = {item.key for item in first_plan if not item.closing}
        plan = ensure_plan(self.conversation)
        assert not asked & {item.key for item in plan}

    def test_regenerating_keeps_questions_with_notes(self):
        plan = ensure_plan(self.conversation)
        kept = plan[0]
        kept.notes = "! Important"
        kept.save()
        Question.objects.filter(user=self.alice, key=kept.key).update(hidden=True)
        new_plan = make_plan(self.conversation)
        assert kept.pk in [item.pk for item in new_plan]

    def test_reordering_adding_and_removing_through_the_page(self):
        self.client.force_login(self.alice)
        plan = ensure_plan(self.conversation)
        url = f"/conversations/{self.conversation.pk}/plan/"
        self.client.post(url, {"action": "down", "item": plan[0].key})
        order = list(self.conversation.plan_items.values_list("pk", flat=True))
        assert order[:2] == [plan[1].pk, plan[0].pk]
        extra = next(q for q in Question.bank(self.alice) if q.key not in {i.key for i in plan})
        self.client.post(url, {"action": "add", "question": extra.key})
        keys = list(self.conversation.plan_items.values_list("key", flat=True))
        assert keys[-2:] == [extra.key, "who-else"]
        self.client.post(url, {"action": "remove", "item": plan[1].key})
        assert not PlannedQuestion.objects.filter(pk=plan[1].pk).exists()
        reversed_keys = list(reversed(self.conversation.plan_items.values_list("key", flat=True)))
        self.client.post(url, {"action": "reorder", "order": ",".join(reversed_keys)})
        assert list(self.conversation.plan_items.values_list("key", flat=True)) == reversed_keys

    def test_the_first_change_to_a_suggested_plan_saves_it(self):
        self.client.force_login(self.alice)
        suggested = [item.key for item in current_plan(self.conversation)]
        url = f"/conversations/{self.conversation.pk}/plan/"
        self.client.post(url, {"action": "down", "item": suggested[0]})
        saved = list(self.conversation.plan_items.values_list("key", flat=True))
        assert saved == [suggested[1], suggested[0], *suggested[2:]]

    def test_a_question_with_notes_under_it_stays_in_the_plan(self):
        self.client.force_login(self.alice)
        item = ensure_plan(self.conversation)[0]
        item.save_notes("! Said something", 0)
        response = self.client.post(
            f"/conversations/{self.conversation.pk}/plan/",
            {"action": "remove", "item": item.key},
            follow=True,
        )
        assert "has notes under it" in response.content.decode()
        assert PlannedQuestion.objects.filter(pk=item.pk).exists()

    def test_a_question_from_another_account_cannot_be_added(self):
        self.client.force_login(self.alice)
        theirs = Question.objects.create(
            user=make_user("charlie"), key="custom-9", topic="culture", text="Theirs", custom=True
        )
        url = f"/conversations/{self.conversation.pk}/plan/"
        response = self.client.post(url, {"action": "add", "question": theirs.key})
        assert response.status_code == 404

    def test_looking_at_the_plan_saves_nothing(self):
        self.client.force_login(self.alice)
        pages = [f"/conversations/{self.conversation.pk}/{page}/" for page in ["prep", "live"]]
        for url in pages:
            assert self.client.get(url).status_code == 200
        assert self.client.get(f"/api/conversations/{self.conversation.pk}/plan").json()
        assert not PlannedQuestion.objects.exists()
        assert not Question.objects.exists()

    def test_starting_the_conversation_keeps_the_suggested_plan(self):
        self.client.force_login(self.alice)
        suggested = [item.key for item in current_plan(self.conversation)]
        response = self.client.post(f"/conversations/{self.conversation.pk}/live/")
        assert response.url == f"/conversations/{self.conversation.pk}/live/"
        assert list(self.conversation.plan_items.values_list("key", flat=True)) == suggested
        html = self.client.get(response.url).content.decode()
        assert html.count("data-notes-field") == len(suggested) + 1

    def test_the_prep_brief_shows_the_plan_introduction_and_checklist(self):
        self.client.force_login(self.alice)
        html = self.client.get(f"/conversations/{self.conversation.pk}/prep/").content.decode()
        assert "Who else should I talk to" in html
        assert "I&#x27;m not looking for a job right now" in html
        assert "Test the video link" in html
        assert "Send a thank-you within a day, mentioning one specific thing." in html

    def test_the_checklist_and_the_end_say_the_thank_you_rule(self):
        self.client.force_login(self.alice)
        with mock.patch(
            "careerscout.conversations.followups.THANK_YOU_WITHIN", timedelta(hours=12)
        ):
            prep = self.client.get(f"/conversations/{self.conversation.pk}/prep/")
            ended = self.client.post(f"/conversations/{self.conversation.pk}/end/", follow=True)
        assert "Send a thank-you within 12 hours, mentioning" in prep.content.decode()
        assert "then a thank-you within 12 hours." in ended.content.decode()

    def test_the_plan_api(self):
        from careerscout.accounts.models import ApiToken

        _token, plain = ApiToken.issue(self.alice, "script")
        ensure_plan(self.conversation)
        response = self.client.get(
            f"/api/conversations/{self.conversation.pk}/plan",
            headers={"authorization": f"Bearer {plain}"},
        )
        body = response.json()
        assert body["duration_minutes"] == 20
        assert [q["key"] for q in body["questions"]][-1] == "who-else"
        assert all(q["reason"] for q in body["questions"])


class NotesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.maya = make_contact(self.alice, "Maya Chen", organization="Globex")
        self.conversation = Conversation.plan(self.maya, [self.career])
        self.conversation.schedule(datetime(2026, 12, 1, 9, tzinfo=UTC))

    def save(self, field, text, version):
        return self.client.post(
            f"/conversations/{self.conversation.pk}/notes/",
            json.dumps({"field": field, "text": text, "version": version}),
            content_type="application/json",
        )

    def test_autosave_bumps_the_version(self):
        self.client.force_login(self.alice)
        response = self.save("free", "! First insight", 0)
        assert response.json() == {"saved": True, "version": 1, "text": "! First insight"}
        self.conversation.refresh_from_db()
        assert self.conversation.notes == "! First insight"

    def test_a_second_tab_with_an_old_version_gets_both_texts_not_an_overwrite(self):
        self.client.force_login(self.alice)
        self.save("free", "Tab one's words", 0)
        response = self.save("free", "Tab two's words", 0)
        assert response.status_code == 409
        assert response.json() == {"saved": False, "version": 1, "text": "Tab one's words"}
        self.conversation.refresh_from_db()
        assert self.conversation.notes == "Tab one's words"

    def test_notes_under_a_planned_question(self):
        self.client.force_login(self.alice)
        item = ensure_plan(self.conversation)[0]
        assert self.save(f"q-{item.pk}", "- Long hours", 0).json()["version"] == 1
        item.refresh_from_db()
        assert item.notes == "- Long hours"

    def test_another_conversations_question_is_not_a_field_here(self):
        self.client.force_login(self.alice)
        other = Conversation.plan(make_contact(self.alice, "Sam"), [])
        item = ensure_plan(other)[0]
        assert self.save(f"q-{item.pk}", "sneaky", 0).status_code == 404
        item.refresh_from_db()
        assert item.notes == ""

    def test_bad_requests_are_explained(self):
        self.client.force_login(self.alice)
        response = self.client.post(
            f"/conversations/{self.conversation.pk}/notes/", "{}", content_type="application/json"
        )
        assert response.status_code == 400
        assert "field, text and version" in response.json()["detail"]

    def test_without_javascript_a_conflict_keeps_both_texts(self):
        self.client.force_login(self.alice)
        self.conversation.save_notes("Saved elsewhere", 0)
        self.client.post(
            f"/conversations/{self.conversation.pk}/notes/", {"free": "Mine", "version:free": "0"}
        )
        self.conversation.refresh_from_db()
        assert "Saved elsewhere" in self.conversation.notes
        assert "Mine" in self.conversation.notes

    def test_ending_the_call_marks_it_held_and_turns_notes_into_items(self):
        plan = ensure_plan(self.conversation)
        pay_question = plan[0]
        pay_question.notes = "- Long hours in launch weeks"
        pay_question.save()
        self.conversation.notes = (
            "! Most research is evaluative #day\n"
            "+ Lots of time with users\n"
            "> Build a portfolio of 3 case studies #skill:storytelling\n"
            "[ ] Read Just Enough Research by 2026-12-15\n"
            "@Sam Lee (Staff Researcher, Initech) says ok to use her name\n"
            "Plain words stay a note"
        )
        self.conversation.save()
        count = end_conversation(self.conversation)
        self.conversation.refresh_from_db()
        assert self.conversation.status == "held"
        kinds = sorted(self.conversation.items.values_list("kind", flat=True))
        assert kinds == ["action", "advice", "appeal", "concern", "insight", "note", "referral"]
        assert count == 7
        concern = self.conversation.items.get(kind="concern")
        assert concern.topic == pay_question.topic
        assert concern.contact == self.maya
        action = self.conversation.items.get(kind="action")
        assert str(action.due) == "2026-12-15"
        sam = Contact.objects.get(user=self.alice, name="Sam Lee")
        assert (sam.source, sam.organization) == ("referral", "Initech")
        assert sam.how_we_know == "Maya Chen suggested I get in touch"
        assert sam.notes == "says ok to use her name"
        assert self.conversation.items.get(kind="referral").referred == sam

    def test_syncing_twice_changes_nothing_and_keeps_done_actions(self):
        self.conversation.notes = "[ ] Email Sam\n! Insight\n@Sam Lee says hi"
        self.conversation.save()
        sync_items(self.conversation)
        Item.objects.filter(kind="action").update(done_at=datetime(2026, 12, 2, tzinfo=UTC))
        sync_items(self.conversation)
        assert self.conversation.items.count() == 3
        assert Item.objects.get(kind="action").done_at is not None
        assert Contact.objects.filter(user=self.alice, name="Sam Lee").count() == 1

    def test_a_referral_links_to_someone_already_known(self):
        known = make_contact(self.alice, "Sam Lee", organization="Initech Inc.")
        self.conversation.notes = "@Sam Lee (Director, Initech) is great"
        self.conversation.save()
        sync_items(self.conversation)
        assert self.conversation.items.get(kind="referral").referred == known

    def test_removing_a_line_removes_its_item(self):
        self.conversation.notes = "! One\n! Two"
        self.conversation.save()
        sync_items(self.conversation)
        self.conversation.notes = "! One"
        self.conversation.save()
        sync_items(self.conversation)
        assert list(self.conversation.items.values_list("text", flat=True)) == ["One"]

    def test_the_live_page_and_its_side_panel(self):
        self.client.force_login(self.alice)
        html = self.client.get(f"/conversations/{self.conversation.pk}/live/").content.decode()
        assert "data-notes-field" in html and "Start timer" in html
        response = self.client.post(
            f"/conversations/{self.conversation.pk}/notes/preview/",
            {"free": "! Surprising\n- Hours"},
            headers={"HX-Request": "true"},
        )
        partial = response.content.decode()
        assert partial.strip().startswith('<aside id="captured"')
        assert "Surprising" in partial and "concern" in partial

    def test_ending_through_the_page(self):
        self.client.force_login(self.alice)
        response = self.client.post(f"/conversations/{self.conversation.pk}/end/", follow=True)
        assert "then a thank-you within a day" in response.content.decode()
        assert response.redirect_chain[-1][0] == f"/insights/reflect/{self.conversation.pk}/"


class PrepTimesTests(TestCase):
    @time_machine.travel(datetime(2026, 11, 20, tzinfo=UTC))
    def test_the_prep_brief_gives_the_time_for_both_when_their_zone_differs(self):
        alice = make_user("alice", time_zone="America/Toronto")
        maya = make_contact(alice, "Maya Chen", time_zone="Europe/London")
        conversation = Conversation.plan(maya, [])
        conversation.schedule(datetime(2026, 12, 9, 15, tzinfo=UTC))
        self.client.force_login(alice)
        html = self.client.get(f"/conversations/{conversation.pk}/prep/").content.decode()
        assert "For you: Wednesday 9 December, 10:00–10:20 (Toronto time)" in html
        assert "For Maya Chen: Wednesday 9 December, 15:00–15:20 (UK time)" in html
        assert "their time zone: Europe/London" in html
