"""Students send requests checked by the method checker; volunteers answer once, in one
click; capacity and the two-open-requests limit hold, on every path."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail, signing

from careerscout.accounts.models import ApiToken
from careerscout.directory.models import DirectoryRequest
from careerscout.directory.requests import (
    LINK_SALT,
    AlreadyAnswered,
    LimitReached,
    RequestRefused,
    answer,
    answer_token,
    read_answer_token,
    send_request,
)

from .helpers import GOOD_MESSAGE, JOB_ASK, make_student, make_volunteer

pytestmark = pytest.mark.django_db
SITE = "http://testserver/"


def send(student, profile, message=GOOD_MESSAGE):
    return send_request(student, profile, message, site_url=SITE).request


def test_the_volunteer_gets_an_email_with_one_click_answers():
    maya = make_volunteer("maya")
    request = send(make_student("sam"), maya, GOOD_MESSAGE)
    [email] = mail.outbox
    assert email.to == ["maya@alumni.example.edu"]
    assert "Sam would like a short conversation" in email.subject
    assert "I found your profile in our alumni directory." in email.body
    links = re.findall(r"http://testserver/directory/answer/([^/\s]+)/", email.body)
    assert [read_answer_token(token) for token in links] == [
        (request, "accept"),
        (request, "decline"),
    ]


def test_a_job_ask_is_refused_with_the_checkers_findings():
    maya = make_volunteer("maya")
    with pytest.raises(RequestRefused) as refused:
        send(make_student("sam"), maya, JOB_ASK)
    assert {finding.code for finding in refused.value.findings} >= {"mentions_job", "attachment"}
    assert not DirectoryRequest.objects.exists()
    assert mail.outbox == []


def test_a_student_has_at_most_two_open_requests():
    sam = make_student("sam")
    first, second, third = (make_volunteer(name) for name in ["maya", "lee", "ana"])
    send(sam, first)
    send(sam, second)
    with pytest.raises(LimitReached, match="2 requests waiting"):
        send(sam, third)
    answer(DirectoryRequest.objects.get(profile=first), "decline")
    send(sam, third)


def test_a_student_asks_a_volunteer_once_at_a_time(client):
    sam, maya = make_student("sam"), make_volunteer("maya")
    send(sam, maya)
    with pytest.raises(LimitReached, match="You have asked Maya already"):
        send(sam, maya)
    client.force_login(sam)
    html = client.get("/directory/?career=UX+research").content.decode()
    assert "You asked: waiting for an answer" in html
    assert f"/directory/{maya.pk}/ask/" not in html


@time_machine.travel(datetime(2026, 12, 10, 12, tzinfo=UTC), tick=False)
def test_a_full_volunteer_refuses_more_requests_this_month():
    maya = make_volunteer("maya", capacity_per_month=1)
    send(make_student("sam"), maya)
    with pytest.raises(LimitReached, match="no room left this month"):
        send(make_student("kim"), maya)


def test_a_link_works_once_and_the_other_link_then_does_nothing():
    request = send(make_student("sam"), make_volunteer("maya"))
    answer(request, "decline", by_link=True)
    with pytest.raises(AlreadyAnswered):
        answer(request, "accept", by_link=True)
    request.refresh_from_db()
    assert (request.status, request.link_used) == ("declined", True)


class TestThePages:
    def test_a_warning_asks_for_a_second_look_then_sends(self, client):
        maya = make_volunteer("maya")
        client.force_login(make_student("sam"))
        short = "Hi Maya, I found you in our alumni directory. Could we talk about UX research?"
        first = client.post(f"/directory/{maya.pk}/ask/", {"message": short})
        assert first.status_code == 200
        assert "Send as it is" in first.content.decode()
        assert not DirectoryRequest.objects.exists()
        sent = client.post(f"/directory/{maya.pk}/ask/", {"message": short, "send_anyway": "True"})
        assert sent.status_code == 302
        assert DirectoryRequest.objects.get().message == short

    def test_a_name_ending_in_a_full_stop_does_not_double_it(self, client):
        maya = make_volunteer("maya", display_name="Maya C.")
        client.force_login(make_student("sam"))
        sent = client.post(f"/directory/{maya.pk}/ask/", {"message": GOOD_MESSAGE}, follow=True)
        page = sent.content.decode()
        assert "Your request to Maya C. is on its way. You will hear within two weeks." in page
        assert "C.." not in page

    def test_a_job_ask_is_refused_on_the_page(self, client):
        maya = make_volunteer("maya")
        client.force_login(make_student("sam"))
        response = client.post(
            f"/directory/{maya.pk}/ask/", {"message": JOB_ASK, "send_anyway": "True"}
        )
        assert response.status_code == 422
        assert "finding--error" in response.content.decode()
        assert not DirectoryRequest.objects.exists()

    def test_the_emailed_link_opens_a_page_whose_button_accepts(self, client):
        request = send(make_student("sam"), make_volunteer("maya"))
        url = f"/directory/answer/{answer_token(request, 'accept')}/"
        page = client.get(url)
        assert page.status_code == 200
        assert "Accept Sam’s request?" in page.content.decode()
        client.force_login(request.user)
        pending = client.get(f"/directory/requests/{request.pk}/").content.decode()
        assert "maya@alumni.example.edu" not in pending, "hidden until they accept"
        client.logout()
        request.refresh_from_db()
        assert request.status == "pending", "opening the link changes nothing"
        done = client.post(url)
        assert "Accepted. Thank you." in done.content.decode()
        again = client.post(url)
        assert "Already answered" in again.content.decode()
        request.refresh_from_db()
        assert request.status == "accepted" and request.link_used

    def test_a_forged_or_altered_link_is_refused(self, client):
        request = send(make_student("sam"), make_volunteer("maya"))
        forged = signing.dumps([request.pk, "accept"], salt="another purpose")
        token = answer_token(request, "accept")
        for bad in [
            forged,
            token[:-2] + "xx",
            signing.dumps([request.pk, "delete"], salt=LINK_SALT),
        ]:
            response = client.post(f"/directory/answer/{bad}/")
            assert response.status_code == 404
            assert "This link does not work" in response.content.decode()
        request.refresh_from_db()
        assert request.status == "pending"

    def test_the_volunteer_declines_from_their_inbox(self, client):
        maya = make_volunteer("maya")
        request = send(make_student("sam"), maya)
        client.force_login(maya.user)
        assert client.post(f"/directory/inbox/{request.pk}/decline/").status_code == 302
        request.refresh_from_db()
        assert request.status == "declined"
        assert mail.outbox[-1].to == ["sam@example.edu"]


class TestTheApi:
    def post(self, client, student, profile, message=GOOD_MESSAGE):
        _token, plain = ApiToken.issue(student, "script")
        return client.post(
            f"/api/directory/{profile.pk}/requests",
            {"message": message},
            content_type="application/json",
            headers={"authorization": f"Bearer {plain}"},
        )

    def test_a_request_is_201_then_409_at_the_limits(self, client):
        sam = make_student("sam")
        maya = make_volunteer("maya", capacity_per_month=1)
        created = self.post(client, sam, maya)
        assert created.status_code == 201
        assert created.json()["status"] == "pending"
        full = self.post(client, make_student("kim"), maya)
        assert full.status_code == 409
        assert "no room left this month" in full.json()["detail"]
        self.post(client, sam, make_volunteer("lee"))
        too_many = self.post(client, sam, make_volunteer("ana"))
        assert too_many.status_code == 409
        assert "2 requests waiting" in too_many.json()["detail"]

    def test_a_job_ask_is_422_naming_the_message(self, client):
        response = self.post(client, make_student("sam"), make_volunteer("maya"), JOB_ASK)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "message"

    def test_a_missing_message_is_422_and_a_hidden_volunteer_404(self, client):
        sam = make_student("sam")
        _token, plain = ApiToken.issue(sam, "script")
        auth = {"authorization": f"Bearer {plain}"}
        maya = make_volunteer("maya")
        missing = client.post(
            f"/api/directory/{maya.pk}/requests", {}, content_type="application/json", headers=auth
        )
        assert missing.status_code == 422
        assert missing.json()["errors"][0]["field"] == "message"
        hidden = make_volunteer("lee", published=False)
        assert self.post(client, sam, hidden).status_code == 404
