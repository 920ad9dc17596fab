"""Volunteers see the students waiting for their answer at the top of Today."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
import time_machine

from careerscout.directory import requests as directory_requests
from careerscout.directory.requests import answer, chase_requests, send_request
from careerscout.directory.tests.helpers import GOOD_MESSAGE, make_student, make_volunteer
from careerscout.today.items import today_items

pytestmark = pytest.mark.django_db
SENT = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_a_waiting_request_is_on_the_volunteers_today_and_overdue_once_reminded(client):
    maya = make_volunteer("maya", capacity_per_month=5)
    with time_machine.travel(SENT, tick=False):
        waiting = send_request(
            make_student("sam"), maya, GOOD_MESSAGE, career_text="UX research"
        ).request
        answered = send_request(make_student("kim"), maya, GOOD_MESSAGE).request
        answer(answered, "decline")
    [item] = today_items(maya.user, SENT + timedelta(days=1))
    assert (item.section, item.title, item.overdue) == ("directory", "Answer Sam", False)
    assert "about UX research" in item.detail
    with time_machine.travel(SENT + timedelta(days=7), tick=False):
        chase_requests()
        [item] = today_items(maya.user)
        assert item.overdue
        client.force_login(maya.user)
        assert "Answer Sam" in client.get("/").content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "pending"


def test_the_volunteer_is_told_when_a_request_lapses_by_the_rule_itself():
    maya = make_volunteer("maya")
    send_request(make_student("sam"), maya, GOOD_MESSAGE)
    [item] = today_items(maya.user)
    assert "the request lapses two weeks after it was sent" in item.detail
    with mock.patch.object(directory_requests, "EXPIRE_AFTER", timedelta(days=10)):
        [item] = today_items(maya.user)
    assert "the request lapses 10 days after it was sent" in item.detail


def test_students_and_other_volunteers_see_nothing_of_it():
    maya = make_volunteer("maya")
    sam = make_student("sam")
    send_request(sam, maya, GOOD_MESSAGE)
    assert today_items(sam) == []
    assert today_items(make_volunteer("lee").user) == []
