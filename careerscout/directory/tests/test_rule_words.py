"""What the pages and e-mails say about the directory's rules comes from the rules: a
reminder after REMIND_AFTER, expiry after EXPIRE_AFTER, MAX_OPEN_REQUESTS at a time."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from careerscout.directory.models import DirectoryRequest
from careerscout.directory.requests import (
    LimitReached,
    answer_token,
    chase_requests,
    send_request,
)

from .helpers import GOOD_MESSAGE, make_student, make_volunteer

pytestmark = pytest.mark.django_db
SITE = "http://testserver/"


@pytest.fixture
def other_rules():
    """A directory that reminds after three days, lapses after ten and allows three asks."""
    with (
        mock.patch("careerscout.directory.requests.REMIND_AFTER", timedelta(days=3)),
        mock.patch("careerscout.directory.requests.EXPIRE_AFTER", timedelta(days=10)),
        mock.patch("careerscout.directory.requests.MAX_OPEN_REQUESTS", 3),
    ):
        yield


def test_the_request_email_states_the_reminder_and_the_expiry(other_rules):
    send_request(make_student("sam"), make_volunteer("maya"), GOOD_MESSAGE, site_url=SITE)
    body = mail.outbox[-1].body
    assert "one reminder after three days, and the request lapses after 10 days." in body
    assert "two weeks" not in body


def test_the_reminder_and_the_expiry_emails_state_the_rules(other_rules):
    sam = make_student("sam")
    request = send_request(sam, make_volunteer("maya"), GOOD_MESSAGE, site_url=SITE).request
    chase_requests(now=request.created_at + timedelta(days=3, hours=1))
    assert mail.outbox[-1].body.count("Three days ago Sam asked you") == 1
    chase_requests(now=request.created_at + timedelta(days=10, hours=1))
    assert "did not answer your request within 10 days," in mail.outbox[-1].body


def test_asking_twice_says_when_the_answer_comes(other_rules):
    maya, sam = make_volunteer("maya"), make_student("sam")
    send_request(sam, maya, GOOD_MESSAGE)
    with pytest.raises(LimitReached, match="their answer comes within 10 days"):
        send_request(sam, maya, GOOD_MESSAGE)


def test_the_pages_state_the_rules(other_rules, client):
    maya, sam = make_volunteer("maya"), make_student("sam")
    client.force_login(sam)
    sent = client.post(f"/directory/{maya.pk}/ask/", {"message": GOOD_MESSAGE}, follow=True)
    page = sent.content.decode()
    assert "You will hear within 10 days." in page
    assert "once after three days; after 10 days the request lapses" in page
    search = client.get("/directory/").content.decode()
    assert "Up to three requests wait for an answer at a time" in search
    assert "lapses within 10 days." in search
    request = DirectoryRequest.objects.get()
    DirectoryRequest.objects.update(status="expired", expired_at=timezone.now())
    assert "No answer within 10 days," in client.get(f"/directory/requests/{request.pk}/").text
    link = client.get(f"/directory/answer/{answer_token(request, 'accept')}/").text
    assert "request waited 10 days without an answer" in link
