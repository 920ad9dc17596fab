"""Today: what is due now leads to its conversation, and "Coming up" lists the next 7 days."""

from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Item
from careerscout.outreach.drafting import record_sent
from careerscout.tests.factories import make_contact, make_user
from careerscout.today.items import coming_up, today_items

# Thursday 3 December 2026, 09:00 in London.
NOW = datetime(2026, 12, 3, 9, tzinfo=UTC)


@pytest.fixture
def alice(db):
    return make_user("alice", time_zone="Europe/London")


@pytest.fixture
def week(alice):
    """A call on Monday, a request sent on Tuesday, an action due Friday, one due far later."""
    career = Career.objects.create(user=alice, title="UX research")
    maya = make_contact(alice, "Maya Chen")
    call = Conversation.plan(maya, [career])
    call.schedule(datetime(2026, 12, 7, 14, tzinfo=UTC))
    dana = make_contact(alice, "Dana Whitfield", organization="Kestrel Bank")
    request = Conversation.plan(dana, [career])
    sent = datetime(2026, 12, 1, 10, tzinfo=UTC)
    record_sent(alice, "request", dana, request, "marked", "A question", "Hi", sent)
    Item.objects.create(
        user=alice, conversation=call, kind="action", text="Read the book", due=date(2026, 12, 4)
    )
    Item.objects.create(user=alice, kind="action", text="Later", due=date(2026, 12, 30))
    Item.objects.create(
        user=alice, kind="action", text="Done already", due=date(2026, 12, 5), done_at=NOW
    )
    return call, request


def test_coming_up_lists_the_next_seven_days_in_order(alice, week):
    call, request = week
    entries = [(entry.day, entry.title, entry.url) for entry in coming_up(alice, NOW)]
    assert entries == [
        (date(2026, 12, 4), "Read the book", call.get_absolute_url()),
        (date(2026, 12, 4), "You may ask someone else at Kestrel Bank", request.get_absolute_url()),
        (date(2026, 12, 7), "Conversation with Maya Chen", call.get_absolute_url()),
        (
            date(2026, 12, 10),
            "Follow up with Dana Whitfield if there is still no reply",
            request.get_absolute_url(),
        ),
    ]


@pytest.mark.usefixtures("week")
def test_what_is_due_today_is_not_coming_up(alice):
    later = NOW + timedelta(days=4)  # Monday: the call is today
    titles = [entry.title for entry in coming_up(alice, later)]
    assert "Conversation with Maya Chen" not in titles
    assert any(item.title == "Conversation with Maya Chen" for item in today_items(alice, later))


@pytest.mark.usefixtures("week")
def test_today_shows_coming_up_under_what_is_due_now(client, alice, django_assert_max_num_queries):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(16):
        html = client.get("/").content.decode()
    coming = html.split('id="coming-up-heading"')[1]
    assert "Fri 4 Dec" in coming and "Mon 7 Dec" in coming and "Thu 10 Dec" in coming
    assert "14:00" in coming and "Later" not in coming and "Done already" not in coming


def test_items_due_now_link_to_their_conversation(client, alice, week):
    call, _request = week
    client.force_login(alice)
    with time_machine.travel(datetime(2026, 12, 6, 10, tzinfo=UTC), tick=False):
        html = client.get("/").content.decode()
    assert (
        f'<a href="{call.get_absolute_url()}">Confirm tomorrow’s conversation with Maya Chen</a>'
        in html
    )


def test_a_late_thank_you_is_still_welcome_not_due_within_a_day(alice):
    conversation = Conversation.plan(make_contact(alice, "Maya Chen"), [])
    conversation.move_to(Conversation.Status.SCHEDULED, NOW)
    conversation.move_to(Conversation.Status.HELD, NOW)
    [fresh] = [i for i in today_items(alice, NOW + timedelta(hours=2)) if i.section == "thank_you"]
    assert "within a day" in fresh.detail and not fresh.overdue
    [late] = [i for i in today_items(alice, NOW + timedelta(days=2)) if i.section == "thank_you"]
    assert "within a day" not in late.detail and "still welcome" in late.detail


@pytest.mark.usefixtures("week")
def test_today_needs_the_same_queries_for_more_calls_and_requests(client, alice):
    client.force_login(alice)
    career = Career.objects.get(user=alice)

    def queries() -> int:
        with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as seen:
            client.get("/")
        return len(seen)

    few = queries()
    for number in range(3):
        person = make_contact(alice, f"Person {number}", organization=f"Firm {number}")
        Conversation.plan(person, [career]).schedule(datetime(2026, 12, 8, 14, tzinfo=UTC))
        asked = make_contact(alice, f"Asked {number}", organization=f"Firm {number}")
        request = Conversation.plan(asked, [career])
        sent = datetime(2026, 12, 1, 10, tzinfo=UTC)
        record_sent(alice, "request", asked, request, "marked", "A question", "Hi", sent)
    assert queries() == few


def test_the_thank_you_item_says_and_keeps_the_rules_window(alice):
    conversation = Conversation.plan(make_contact(alice, "Maya Chen"), [])
    conversation.move_to(Conversation.Status.SCHEDULED, NOW)
    conversation.move_to(Conversation.Status.HELD, NOW)
    with mock.patch("careerscout.conversations.followups.THANK_YOU_WITHIN", timedelta(hours=48)):
        [fresh] = [
            i for i in today_items(alice, NOW + timedelta(hours=30)) if i.section == "thank_you"
        ]
        [late] = [
            i for i in today_items(alice, NOW + timedelta(hours=50)) if i.section == "thank_you"
        ]
    assert "A short note within two days," in fresh.detail and not fresh.overdue
    assert fresh.when == NOW + timedelta(hours=48)
    assert late.overdue and "More than two days since you talked" in late.detail


def test_the_welcome_says_the_thank_you_window_of_the_rule(client, alice):
    client.force_login(alice)
    with mock.patch("careerscout.conversations.followups.THANK_YOU_WITHIN", timedelta(hours=48)):
        html = client.get("/").content.decode()
    assert "Say thank you within two days," in html


def test_coming_up_says_how_many_days_it_looks_ahead(client, alice, week):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        assert "The next seven days." in client.get("/").content.decode()
        with mock.patch("careerscout.today.items.COMING_UP_DAYS", 5):
            assert "The next five days." in client.get("/").content.decode()
