from datetime import date
from unittest import mock

from careerscout.conversations.followups import request_state
from careerscout.conversations.models import Conversation
from careerscout.lib.business_days import Calendar
from careerscout.outreach.feed import feed_events
from careerscout.tests.factories import make_contact, make_user

US = Calendar(country="US")
WEDNESDAY_BEFORE_THANKSGIVING = date(2026, 11, 25)


def test_the_next_person_may_be_asked_after_three_business_days():
    state = request_state(WEDNESDAY_BEFORE_THANKSGIVING, None, date(2026, 11, 30), US)
    assert state.waited == 2
    assert not state.may_ask_next_person
    assert state.next_person_from == date(2026, 12, 1)
    state = request_state(WEDNESDAY_BEFORE_THANKSGIVING, None, date(2026, 12, 1), US)
    assert state.may_ask_next_person


def test_one_follow_up_is_due_after_seven_business_days():
    state = request_state(WEDNESDAY_BEFORE_THANKSGIVING, None, date(2026, 12, 4), US)
    assert state.follow_up_due == date(2026, 12, 7)
    assert not state.follow_up_is_due(date(2026, 12, 4))
    assert state.follow_up_is_due(date(2026, 12, 7))


def test_after_the_follow_up_no_second_one_is_due_and_silence_means_no_reply():
    followed_up = date(2026, 12, 7)
    state = request_state(WEDNESDAY_BEFORE_THANKSGIVING, followed_up, date(2026, 12, 20), US)
    assert not state.follow_up_is_due(date(2026, 12, 20))
    assert state.no_reply_from == date(2026, 12, 16)
    assert state.is_no_reply(date(2026, 12, 16))
    assert not state.is_no_reply(date(2026, 12, 15))


def test_without_a_follow_up_there_is_never_a_no_reply():
    state = request_state(WEDNESDAY_BEFORE_THANKSGIVING, None, date(2027, 3, 1), US)
    assert not state.is_no_reply(date(2027, 3, 1))


def test_the_calendar_feed_says_the_follow_up_rule_it_follows(db):
    alice = make_user("alice")
    Conversation.plan(make_contact(alice, "Maya Chen"), []).move_to(Conversation.Status.REQUESTED)
    with mock.patch("careerscout.conversations.followups.FOLLOW_UP_AFTER", 4):
        [event] = [event for event in feed_events(alice) if event.uid.startswith("follow-up-")]
    assert event.description == "One polite follow-up: no reply after four business days."
