"""The volunteer answers over the API as on the page and through the e-mailed link: their
inbox lists the requests sent to them, and accepting or declining goes through the same
`requests.answer`, once. Nobody else can answer, the student who asked included."""

import pytest
from django.core import mail

from careerscout.accounts.models import ApiToken
from careerscout.conversations.models import Conversation
from careerscout.directory.models import DirectoryRequest
from careerscout.directory.requests import answer, chase_requests, send_request, withdraw

from .helpers import GOOD_MESSAGE, make_student, make_volunteer

pytestmark = pytest.mark.django_db


def send(student, profile, career_text=""):
    return send_request(student, profile, GOOD_MESSAGE, career_text=career_text).request


def bearer(user) -> dict:
    _token, plain = ApiToken.issue(user, "script")
    return {"authorization": f"Bearer {plain}"}


def url(request, action: str) -> str:
    return f"/api/directory/requests/{request.pk}/{action}"


def test_the_inbox_lists_the_requests_sent_to_you_newest_first(client):
    maya = make_volunteer("maya", capacity_per_month=5)
    first = send(make_student("sam"), maya, career_text="UX research")
    second = send(make_student("kim"), maya)
    send(make_student("ana"), make_volunteer("lee"))
    inbox = client.get("/api/directory/inbox", headers=bearer(maya.user))
    assert inbox.status_code == 200
    assert [row["id"] for row in inbox.json()] == [second.pk, first.pk]
    sam = inbox.json()[1]
    assert (sam["student"], sam["career"], sam["message"]) == ("Sam", "UX research", GOOD_MESSAGE)
    assert (sam["status"], sam["answered_at"], sam["conversation"]) == ("pending", None, None)
    assert sam["student_email"] == "", "the student's address only once you accept"


def test_the_inbox_can_show_only_one_state_and_refuses_an_unknown_one(client):
    maya = make_volunteer("maya", capacity_per_month=5)
    waiting = send(make_student("sam"), maya)
    answer(send(make_student("kim"), maya), "decline")
    auth = bearer(maya.user)
    pending = client.get("/api/directory/inbox?status=pending", headers=auth).json()
    assert [row["id"] for row in pending] == [waiting.pk]
    assert client.get("/api/directory/inbox?status=lost", headers=auth).status_code == 422


def test_a_student_has_an_empty_inbox_not_their_own_requests(client):
    sam = make_student("sam")
    send(sam, make_volunteer("maya"))
    assert client.get("/api/directory/inbox", headers=bearer(sam)).json() == []


def test_the_inbox_costs_the_same_queries_however_many_requests(
    client, django_assert_max_num_queries
):
    maya = make_volunteer("maya", capacity_per_month=20)
    auth = bearer(maya.user)
    for number in range(6):
        send(make_student(f"student{number}"), maya)
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/directory/inbox", headers=auth).json()) == 6


def test_accepting_answers_200_and_makes_the_conversation_on_both_sides(client):
    maya = make_volunteer("maya", display_name="Maya C.")
    request = send(make_student("sam"), maya)
    response = client.post(url(request, "accept"), headers=bearer(maya.user))
    assert response.status_code == 200
    request.refresh_from_db()
    body = response.json()
    assert (body["id"], body["status"]) == (request.pk, "accepted")
    assert body["student_email"] == "sam@example.edu"
    assert body["conversation"] == request.volunteer_conversation_id
    assert request.answered_at is not None and not request.link_used
    assert request.student_conversation.user == request.user
    assert request.student_conversation.contact.emails == ["maya@alumni.example.edu"]
    assert request.volunteer_conversation.user == maya.user
    assert request.volunteer_conversation.status == Conversation.Status.SCHEDULED
    assert mail.outbox[-1].subject == "Maya C. said yes to a conversation"


def test_declining_answers_200_and_tells_the_student(client):
    maya = make_volunteer("maya", display_name="Maya C.")
    request = send(make_student("sam"), maya)
    response = client.post(url(request, "decline"), headers=bearer(maya.user))
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["conversation"] is None
    assert not Conversation.objects.exists()
    assert mail.outbox[-1].subject == "Maya C. cannot take your request"


def test_a_request_not_sent_to_you_is_404_the_students_own_included(client):
    request = send(make_student("sam"), make_volunteer("maya"))
    someone_else = make_volunteer("lee").user
    for user in (request.user, someone_else, make_student("kim")):
        for action in ("accept", "decline"):
            response = client.post(url(request, action), headers=bearer(user))
            assert response.status_code == 404, (user, action)
    missing = client.post("/api/directory/requests/999999/accept", headers=bearer(someone_else))
    assert missing.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending" and not Conversation.objects.exists()


def test_once_answered_withdrawn_or_expired_it_is_409_and_nothing_changes(client):
    maya = make_volunteer("maya", capacity_per_month=5)
    auth = bearer(maya.user)
    by_link = send(make_student("sam"), maya)
    answer(by_link, "decline", by_link=True)
    refused = client.post(url(by_link, "accept"), headers=auth)
    assert refused.status_code == 409
    assert refused.json()["detail"] == "Nothing changed: the request was already declined."
    withdrawn = send(make_student("kim"), maya)
    withdraw(withdrawn)
    assert client.post(url(withdrawn, "accept"), headers=auth).status_code == 409
    expired = send(make_student("ana"), maya)
    chase_requests(now=expired.created_at.replace(year=expired.created_at.year + 1))
    assert client.post(url(expired, "decline"), headers=auth).status_code == 409
    waiting = send(make_student("lou"), maya)
    assert client.post(url(waiting, "accept"), headers=auth).status_code == 200
    assert client.post(url(waiting, "decline"), headers=auth).status_code == 409
    statuses = dict(DirectoryRequest.objects.values_list("pk", "status"))
    assert [statuses[row.pk] for row in (by_link, withdrawn, expired, waiting)] == [
        "declined", "withdrawn", "expired", "accepted",
    ]  # fmt: skip
    assert Conversation.objects.count() == 2, "one accepted request, one conversation each"


def test_answering_is_a_post(client):
    maya = make_volunteer("maya")
    request = send(make_student("sam"), maya)
    assert client.get(url(request, "accept"), headers=bearer(maya.user)).status_code == 405
    request.refresh_from_db()
    assert request.status == "pending"
