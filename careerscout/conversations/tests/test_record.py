"""The conversation page as the record of what happened, and the next step it shows."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.utils import timezone

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.capture import end_conversation, sync_items
from careerscout.insights.models import Reflection
from careerscout.outreach.drafting import record_sent
from careerscout.outreach.models import Message
from careerscout.tests.factories import make_contact, make_user

S = Conversation.Status
NOTES = (
    "Met at her office. **Busy** week.\n\n"
    "! Most research is evaluative #day\n"
    "+ Lots of time with users #day\n"
    "- Long hours in launch weeks #pay\n"
    "> Build a portfolio of 3 case studies #skill:storytelling\n"
    "[ ] Read Just Enough Research by 2026-12-15\n"
    "@Dana Whitfield (Research Lead, Kestrel Bank) knows everyone\n"
    "<script>alert(1)</script>"
)


@pytest.fixture
def alice(db):
    return make_user("alice", time_zone="Europe/London")


@pytest.fixture
def held(alice):
    maya = make_contact(alice, "Maya Chen", organization="Initech")
    career = Career.objects.create(user=alice, title="UX research")
    conversation = Conversation.plan(maya, [career])
    conversation.move_to(S.SCHEDULED, datetime(2026, 11, 30, 9, tzinfo=UTC))
    conversation.notes = NOTES
    conversation.save()
    with time_machine.travel(datetime(2026, 12, 1, 10, tzinfo=UTC), tick=False):
        end_conversation(conversation)
    return conversation


def page(client, conversation) -> str:
    response = client.get(conversation.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_notes_as_safe_markdown(client, alice, held):
    client.force_login(alice)
    html = page(client, held)
    assert "<strong>Busy</strong>" in html
    assert "<script>alert(1)</script>" not in html
    notes = html.split('id="notes-heading"')[1]
    assert '<div class="prose" hx-disable>' in notes


def test_items_are_grouped_by_topic_and_kind(client, alice, held):
    client.force_login(alice)
    html = page(client, held).split('id="items-heading"')[1]
    day = html.index("Day-to-day work")
    pay = html.index("Pay, hours &amp; lifestyle")
    assert day < html.index("Most research is evaluative") < pay
    assert day < html.index("<dt>Insight</dt>") < html.index("<dt>Appeal</dt>") < pay
    assert pay < html.index("Long hours in launch weeks")
    assert "storytelling" in html


def test_actions_show_their_due_date_and_referrals_link_to_the_person(client, alice, held):
    client.force_login(alice)
    html = page(client, held)
    actions = html.split('id="actions-heading"')[1]
    assert "Read Just Enough Research" in actions and "due Tue 15 Dec" in actions
    dana = held.items.get(kind="referral").referred
    referrals = html.split('id="referrals-heading"')[1]
    assert f'href="/people/{dana.pk}/">Dana Whitfield</a>' in referrals


def test_the_reflection_and_the_reply_are_part_of_the_record(client, alice):
    maya = make_contact(alice, "Maya Chen")
    with time_machine.travel(datetime(2026, 11, 1, 9, tzinfo=UTC), tick=False):
        conversation = Conversation.plan(maya, [])
    conversation.move_to(S.REQUESTED, datetime(2026, 11, 2, 9, tzinfo=UTC))
    conversation.record_reply(datetime(2026, 11, 3, 9, tzinfo=UTC))
    conversation.move_to(S.SCHEDULED, datetime(2026, 11, 3, 10, tzinfo=UTC))
    conversation.move_to(S.HELD, datetime(2026, 11, 10, 9, tzinfo=UTC))
    Reflection.objects.create(user=alice, conversation=conversation, surprised="How calm it was")
    client.force_login(alice)
    html = page(client, conversation)
    assert "How calm it was" in html
    history = html.split('id="history-heading"')[1].split("</ol>")[0]
    steps = [
        "Planned a conversation",
        "Sent a request",
        "Maya Chen said yes",
        "Scheduled the conversation",
        "Held the conversation",
        "Wrote down what you took from it",
    ]
    positions = [history.index(step) for step in steps]
    assert positions == sorted(positions)


def test_a_step_taken_by_sending_a_message_is_told_once(client, alice, held):
    sent = datetime(2026, 12, 2, 9, tzinfo=UTC)
    record_sent(alice, "thank_you", held.contact, held, "marked", "Thank you", "Hi", sent)
    dana = make_contact(alice, "Dana Whitfield")
    asked = Conversation.plan(dana, [])
    record_sent(alice, "request", dana, asked, "marked", "A question", "Hi", sent)
    moved_by_hand = Conversation.plan(make_contact(alice, "Sam Lee"), [])
    moved_by_hand.move_to(S.REQUESTED, sent)
    client.force_login(alice)

    def steps(conversation) -> str:
        return page(client, conversation).split('id="history-heading"')[1].split("</ol>")[0]

    thanked = steps(held)
    assert thanked.count("Sent: thank-you note — “Thank you”") == 1
    assert "Sent a thank-you note" not in thanked
    requested = steps(asked)
    assert requested.count("Sent: request — “A question”") == 1
    assert "Sent a request for a conversation" not in requested
    assert "Sent a request for a conversation" in steps(moved_by_hand), "no message, so said"


def test_the_page_reads_in_a_constant_number_of_queries(
    client, alice, held, django_assert_max_num_queries
):
    client.force_login(alice)
    page(client, held)
    held.notes += "\n" + "\n".join(
        f"! Point {n} #trends\n@Person {n} (Analyst, Acme)" for n in range(8)
    )
    held.save()
    sync_items(held)
    record_sent(
        alice, "thank_you", held.contact, held, "marked", "Thanks", "Thank you", timezone.now()
    )
    with django_assert_max_num_queries(20):
        html = page(client, held)
    assert "Point 7" in html and "Person 7" in html


def test_after_the_thank_you_the_page_no_longer_asks_for_one(client, alice, held):
    client.force_login(alice)
    with time_machine.travel(datetime(2026, 12, 1, 12, tzinfo=UTC), tick=False):
        assert "within a day" in page(client, held)
    with time_machine.travel(datetime(2026, 12, 3, 12, tzinfo=UTC), tick=False):
        html = page(client, held)
        assert "within a day" not in html and "still welcome" in html
        record_sent(
            alice, "thank_you", held.contact, held, "marked", "Thanks", "Thank you", timezone.now()
        )
        html = page(client, held)
    assert "within a day" not in html and "Write the thank-you" not in html
    assert "You thanked Maya Chen on Thursday 3 December" in html


def test_a_time_in_the_past_is_flagged(client, alice):
    conversation = Conversation.plan(make_contact(alice, "Maya Chen"), [])
    conversation.schedule(timezone.now() - timedelta(days=2))
    client.force_login(alice)
    assert "This time has passed" in page(client, conversation)
    conversation.schedule(timezone.now() + timedelta(days=2))
    assert "This time has passed" not in page(client, conversation)


def test_a_person_without_a_time_zone_is_shown_in_yours(client, alice):
    maya = make_contact(alice, "Maya Chen")
    conversation = Conversation.plan(maya, [])
    client.force_login(alice)
    html = page(client, conversation)
    assert "their time zone: not known — times shown in yours (Europe/London)" in html
    maya.time_zone = "America/New_York"
    maya.save()
    assert "their time zone: America/New_York" in page(client, conversation)


class TestFollowUpDates:
    """A request sent on Thursday 3 December 2026, in a Monday-to-Friday week."""

    SENT = datetime(2026, 12, 3, 10, tzinfo=UTC)

    @pytest.fixture
    def requested(self, alice):
        dana = make_contact(alice, "Dana Whitfield", organization="Kestrel Bank")
        conversation = Conversation.plan(dana, [])
        record_sent(alice, "request", dana, conversation, "marked", "A question", "Hi", self.SENT)
        return conversation

    def test_the_dates_show_as_soon_as_the_request_is_sent(self, client, alice, requested):
        client.force_login(alice)
        with time_machine.travel(self.SENT + timedelta(minutes=5), tick=False):
            html = page(client, requested)
        assert (
            "Ask someone else at Kestrel Bank from Tue 8 Dec; "
            "one follow-up on Mon 14 Dec if no reply." in html
        )
        assert "Write the follow-up" not in html

    def test_write_the_follow_up_appears_when_it_is_due(self, client, alice, requested):
        client.force_login(alice)
        with time_machine.travel(datetime(2026, 12, 11, 12, tzinfo=UTC), tick=False):
            html = page(client, requested)
        assert "Write the follow-up" not in html
        assert (
            "You may ask someone else at Kestrel Bank now; "
            "one follow-up on Mon 14 Dec if no reply." in html
        )
        with time_machine.travel(datetime(2026, 12, 14, 9, tzinfo=UTC), tick=False):
            html = page(client, requested)
        assert "Write the follow-up" in html
        assert "No reply after 7 business days: one follow-up is due today." in html

    def test_after_the_follow_up_the_page_says_when_to_move_on(self, client, alice, requested):
        at = datetime(2026, 12, 14, 9, tzinfo=UTC)
        record_sent(alice, "follow_up", requested.contact, requested, "marked", "Re", "Hi", at)
        client.force_login(alice)
        with time_machine.travel(at + timedelta(hours=1), tick=False):
            html = page(client, requested)
        assert "still no reply by Wed 23 Dec" in html
        assert "Write the follow-up" not in html


def test_editing_the_notes_after_the_call_updates_items_without_duplicates(client, alice, held):
    client.force_login(alice)
    live = client.get(f"/conversations/{held.pk}/live/").content.decode()
    assert "data-timer-toggle" not in live and "The call is over" in live
    before = held.items.count()
    held.save_notes(held.notes + "\n! Teams are small", held.notes_version)
    response = client.post(f"/conversations/{held.pk}/end/", follow=True)
    assert response.redirect_chain[-1][0] == held.get_absolute_url()
    assert held.items.count() == before + 1
    client.post(f"/conversations/{held.pk}/end/")
    assert held.items.count() == before + 1
    assert Message.objects.count() == 0
    held.refresh_from_db()
    assert held.status == S.HELD


def test_the_api_reads_the_record_in_a_constant_number_of_queries(
    client, alice, held, django_assert_max_num_queries
):
    from careerscout.accounts.models import ApiToken

    _token, secret = ApiToken.issue(alice, "script")
    headers = {"Authorization": f"Bearer {secret}"}
    held.save_notes(
        held.notes + "\n! Teams are small\n@Lee Park (Designer, Acme)", held.notes_version
    )
    sync_items(held)
    with django_assert_max_num_queries(8):
        body = client.get(f"/api/conversations/{held.pk}", headers=headers).json()
    assert body["notes"].startswith("Met at her office.")
    action = next(item for item in body["items"] if item["kind"] == "action")
    assert action == {
        "kind": "action",
        "topic": "",
        "text": "Read Just Enough Research",
        "skills": [],
        "due": "2026-12-15",
        "done": False,
    }
    advice = next(item for item in body["items"] if item["kind"] == "advice")
    assert advice["skills"] == ["storytelling"]
    assert {item["topic"] for item in body["items"]} >= {"day_to_day", "lifestyle"}
    dana = held.items.get(kind="referral", referred__name="Dana Whitfield").referred
    names = {referral["name"]: referral["contact_id"] for referral in body["referrals"]}
    assert names["Dana Whitfield"] == dana.pk and "Lee Park" in names
    assert all(item["kind"] != "referral" for item in body["items"])


def test_notes_edited_through_the_api_after_the_call_update_the_items(client, alice, held):
    from careerscout.accounts.models import ApiToken

    _token, secret = ApiToken.issue(alice, "script")
    before = held.items.count()
    response = client.patch(
        f"/api/conversations/{held.pk}",
        {"notes": held.notes + "\n! Teams are small", "notes_version": held.notes_version},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 200
    assert held.items.count() == before + 1
    assert held.items.filter(kind="insight", text="Teams are small").exists()


def test_the_thank_you_window_on_the_page_follows_the_rule(client, alice, held):
    """Held at 10:00 on 1 December; a rule of three days moves both the words and the
    moment a thank-you counts as late."""
    client.force_login(alice)
    with mock.patch("careerscout.conversations.followups.THANK_YOU_WITHIN", timedelta(days=3)):
        with time_machine.travel(datetime(2026, 12, 3, 12, tzinfo=UTC), tick=False):
            html = page(client, held)
        assert "Thank Maya Chen within three days," in html and "still welcome" not in html
        with time_machine.travel(datetime(2026, 12, 5, 12, tzinfo=UTC), tick=False):
            html = page(client, held)
        assert "More than three days since you talked, and a thank-you is still welcome" in html
