"""Requests never hang: one reminder after 7 days, expiry after 14 that frees the student's
slot and suggests the next best volunteer; run by the worker's reminders task."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from careerscout.directory.models import DirectoryRequest
from careerscout.directory.requests import answer_token, chase_requests, send_request
from careerscout.directory.search import capacity_left
from careerscout.today.tasks import run_reminders

from .helpers import GOOD_MESSAGE, make_student, make_volunteer

pytestmark = pytest.mark.django_db
SENT = datetime(2026, 12, 1, 9, tzinfo=UTC)


@pytest.fixture
def waiting():
    """Sam's request to Maya, sent on 1 December; Lee also speaks to UX research."""
    maya = make_volunteer("maya", capacity_per_month=2)
    make_volunteer("lee", title="User researcher", careers=["UX research"])
    with time_machine.travel(SENT, tick=False):
        request = send_request(
            make_student("sam"),
            maya,
            GOOD_MESSAGE,
            career_text="UX research",
            site_url="http://cs/",
        ).request
    mail.outbox.clear()
    return request


def at(days: float):
    return time_machine.travel(SENT + timedelta(days=days), tick=False)


def test_nothing_happens_in_the_first_week(waiting):
    with at(6.9):
        assert run_reminders.call()["directory"] == {"reminded": 0, "expired": 0}
    assert mail.outbox == []


def test_one_reminder_after_seven_days_however_often_the_task_runs(waiting):
    with at(7):
        assert run_reminders.call()["directory"] == {"reminded": 1, "expired": 0}
        assert run_reminders.call()["directory"] == {"reminded": 0, "expired": 0}
    with at(10):
        assert chase_requests() == {"reminded": 0, "expired": 0}
    [reminder] = mail.outbox
    assert reminder.to == ["maya@alumni.example.edu"]
    assert reminder.subject.startswith("A reminder:")
    assert "http://cs/directory/answer/" in reminder.body
    assert "This is the only reminder" in reminder.body


def test_after_fourteen_days_it_expires_frees_the_slot_and_suggests_the_next_best(waiting, client):
    with at(7):
        chase_requests()
    with at(14):
        assert chase_requests() == {"reminded": 0, "expired": 1}
        assert chase_requests() == {"reminded": 0, "expired": 0}
    waiting.refresh_from_db()
    assert waiting.status == DirectoryRequest.Status.EXPIRED
    assert DirectoryRequest.objects.for_user(waiting.user).open().count() == 0
    expired = mail.outbox[-1]
    assert expired.to == ["sam@example.edu"]
    assert "Lee (User researcher at Globex) also volunteers for UX research" in expired.body
    client.force_login(waiting.user)
    page = client.get(f"/directory/requests/{waiting.pk}/").content.decode()
    assert "Next best: Lee" in page


def test_an_expired_request_gives_the_volunteer_their_place_back(waiting):
    with at(13.9):
        chase_requests()
        assert capacity_left(waiting.profile) == 1
    with at(14):
        chase_requests()
        assert capacity_left(waiting.profile) == 2


def test_an_answer_after_expiry_changes_nothing(waiting, client):
    with at(14):
        chase_requests()
    response = client.post(f"/directory/answer/{answer_token(waiting, 'accept')}/")
    assert "This request has lapsed" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == DirectoryRequest.Status.EXPIRED


def test_answering_a_lapsed_request_from_the_inbox_says_it_lapsed(waiting, client):
    with at(14):
        chase_requests()
    client.force_login(waiting.profile.user)
    response = client.post(f"/directory/inbox/{waiting.pk}/accept/", follow=True)
    page = response.content.decode()
    assert "Nothing changed: the request was already expired without an answer." in page
