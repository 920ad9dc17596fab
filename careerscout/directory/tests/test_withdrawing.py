"""A student withdraws a request still waiting for an answer: their slot and the volunteer's
place come back, the e-mailed links say so kindly, and only a waiting request of their own can
be withdrawn, on the page and over the API alike."""

import pytest
from django.forms.models import model_to_dict

from careerscout.accounts.models import ApiToken
from careerscout.directory.models import DirectoryRequest
from careerscout.directory.requests import (
    AlreadyAnswered,
    LimitReached,
    answer,
    answer_token,
    chase_requests,
    send_request,
    withdraw,
)
from careerscout.directory.search import capacity_left
from careerscout.directory.stats import answer_stats

from .helpers import GOOD_MESSAGE, make_student, make_volunteer

pytestmark = pytest.mark.django_db
SITE = "http://testserver/"


def send(student, profile):
    return send_request(student, profile, GOOD_MESSAGE, site_url=SITE).request


def bearer(user) -> dict:
    _token, plain = ApiToken.issue(user, "script")
    return {"authorization": f"Bearer {plain}"}


def test_withdrawing_frees_the_students_slot_and_the_volunteers_place():
    sam = make_student("sam")
    maya, lee, ana = (make_volunteer(name, capacity_per_month=1) for name in ("maya", "lee", "ana"))
    first = send(sam, maya)
    send(sam, lee)
    assert capacity_left(maya) == 0
    with pytest.raises(LimitReached):
        send(sam, ana)
    withdraw(first)
    assert first.status == "withdrawn" and first.withdrawn_at is not None
    assert capacity_left(maya) == 1
    send(sam, ana)  # the slot is free again
    kim = make_student("kim")
    send(kim, maya)  # and so is Maya's place this month


def test_the_student_may_ask_the_same_volunteer_again_after_withdrawing():
    sam, maya = make_student("sam"), make_volunteer("maya")
    withdraw(send(sam, maya))
    again = send(sam, maya)
    assert again.status == "pending"


def test_only_a_request_still_waiting_can_be_withdrawn():
    sam = make_student("sam")
    accepted = send(sam, make_volunteer("maya"))
    answer(accepted, "accept")
    withdrawn = send(sam, make_volunteer("lee"))
    withdraw(withdrawn)
    for request in (accepted, withdrawn):
        with pytest.raises(AlreadyAnswered):
            withdraw(request)
    accepted.refresh_from_db()
    assert accepted.status == "accepted" and accepted.withdrawn_at is None


def test_a_withdrawn_request_cannot_be_answered_reminded_or_expired():
    request = send(make_student("sam"), make_volunteer("maya"))
    withdraw(request)
    with pytest.raises(AlreadyAnswered):
        answer(request, "accept", by_link=True)
    assert chase_requests(now=request.created_at.replace(year=request.created_at.year + 1)) == {
        "reminded": 0,
        "expired": 0,
    }
    request.refresh_from_db()
    assert request.status == "withdrawn"


def test_a_withdrawn_request_does_not_count_against_the_volunteers_answer_rate():
    sam = make_student("sam")
    declined = send(sam, make_volunteer("maya"))
    answer(declined, "decline")
    withdraw(send(sam, make_volunteer("lee")))
    stats = answer_stats([sam])
    assert (stats.sent, stats.answered, stats.answer_rate) == (2, 1, 1.0)


class TestThePages:
    def test_the_student_withdraws_with_one_button_and_is_told_how_to_ask_again(self, client):
        sam, maya = make_student("sam"), make_volunteer("maya")
        request = send(sam, maya)
        client.force_login(sam)
        url = f"/directory/requests/{request.pk}/"
        assert "Withdraw the request" in client.get(url).content.decode()
        response = client.post(f"{url}withdraw/", follow=True)
        assert response.redirect_chain == [(url, 302)]
        page = response.content.decode()
        assert "Request withdrawn. Your slot is free again" in page
        assert "you can ask Maya" in page
        assert "You withdrew this request on" in page
        assert "Withdraw the request" not in page
        request.refresh_from_db()
        assert request.status == "withdrawn"

    def test_withdrawing_twice_or_after_an_answer_changes_nothing(self, client):
        sam = make_student("sam")
        request = send(sam, make_volunteer("maya"))
        answer(request, "decline")
        client.force_login(sam)
        response = client.post(f"/directory/requests/{request.pk}/withdraw/", follow=True)
        assert "Nothing changed: the request was already declined." in response.content.decode()
        request.refresh_from_db()
        assert request.status == "declined"

    def test_withdrawing_is_a_post_and_only_the_students_own(self, client):
        request = send(make_student("sam"), make_volunteer("maya"))
        url = f"/directory/requests/{request.pk}/withdraw/"
        client.force_login(make_student("kim"))
        assert client.post(url).status_code == 404
        client.force_login(request.profile.user)
        # The volunteer declines; only the student withdraws.
        assert client.post(url).status_code == 404
        client.force_login(request.user)
        assert client.get(url).status_code == 405
        request.refresh_from_db()
        assert request.status == "pending"

    def test_the_volunteers_link_then_says_kindly_that_the_student_withdrew(self, client):
        request = send(make_student("sam"), make_volunteer("maya"))
        withdraw(request)
        for action in ("accept", "decline"):
            url = f"/directory/answer/{answer_token(request, action)}/"
            for response in (client.get(url), client.post(url)):
                page = response.content.decode()
                assert response.status_code == 200
                assert "Sam withdrew this request" in page
                assert "nothing to do" in page
                assert "Accept the request" not in page and "Decline the request" not in page
        request.refresh_from_db()
        assert (request.status, request.link_used) == ("withdrawn", False)

    def test_the_volunteers_inbox_shows_it_withdrawn_without_buttons(self, client):
        request = send(make_student("sam"), make_volunteer("maya"))
        withdraw(request)
        client.force_login(request.profile.user)
        page = client.get("/directory/inbox/").content.decode()
        assert "Withdrawn" in page
        assert f"/directory/inbox/{request.pk}/accept/" not in page


class TestTheApi:
    def url(self, request) -> str:
        return f"/api/directory/requests/{request.pk}/withdraw"

    def test_withdrawing_answers_200_with_the_request(self, client):
        request = send(make_student("sam"), make_volunteer("maya"))
        response = client.post(self.url(request), headers=bearer(request.user))
        assert response.status_code == 200
        body = response.json()
        assert body["id"] == request.pk and body["status"] == "withdrawn"
        assert body["volunteer"] == request.profile_id and body["message"] == GOOD_MESSAGE

    def test_once_answered_expired_or_withdrawn_it_is_409(self, client):
        sam = make_student("sam")
        auth = bearer(sam)
        accepted = send(sam, make_volunteer("maya"))
        answer(accepted, "accept")
        response = client.post(self.url(accepted), headers=auth)
        assert response.status_code == 409
        assert response.json()["detail"] == "Nothing changed: the request was already accepted."
        expired = send(sam, make_volunteer("lee"))
        chase_requests(now=expired.created_at.replace(year=expired.created_at.year + 1))
        assert client.post(self.url(expired), headers=auth).status_code == 409
        waiting = send(sam, make_volunteer("ana"))
        assert client.post(self.url(waiting), headers=auth).status_code == 200
        assert client.post(self.url(waiting), headers=auth).status_code == 409

    def test_another_persons_request_is_404_like_a_missing_one(self, client):
        request = send(make_student("sam"), make_volunteer("maya"))
        kim = bearer(make_student("kim"))
        assert client.post(self.url(request), headers=kim).status_code == 404
        missing = client.post("/api/directory/requests/999999/withdraw", headers=kim)
        assert missing.status_code == 404
        volunteer = bearer(request.profile.user)
        assert client.post(self.url(request), headers=volunteer).status_code == 404
        request.refresh_from_db()
        assert request.status == "pending"


def test_withdrawing_on_the_page_and_over_the_api_leaves_the_same_row(client):
    maya = make_volunteer("maya", capacity_per_month=5)
    on_page, by_api = send(make_student("page"), maya), send(make_student("api"), maya)
    client.force_login(on_page.user)
    client.post(f"/directory/requests/{on_page.pk}/withdraw/")
    client.post(f"/api/directory/requests/{by_api.pk}/withdraw", headers=bearer(by_api.user))
    ignore = ["id", "user", "created_at", "withdrawn_at"]
    rows = [
        model_to_dict(DirectoryRequest.objects.get(pk=row.pk), exclude=ignore)
        for row in (on_page, by_api)
    ]
    assert rows[0] == rows[1]
    assert rows[0]["status"] == "withdrawn"
