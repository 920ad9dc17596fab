"""One path: a profile saved on the page or over the API, a request sent either way, and a
request answered on the inbox page, through the e-mailed link or over the API, end in the
same rows."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.forms.models import model_to_dict

from careerscout.accounts.models import ApiToken
from careerscout.conversations.models import Conversation
from careerscout.directory.models import DirectoryRequest, VolunteerProfile
from careerscout.directory.requests import answer_token, send_request
from careerscout.tests.factories import make_user

from .helpers import GOOD_MESSAGE, PROFILE, make_student, make_volunteer

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _token, plain = ApiToken.issue(user, "script")
    return {"authorization": f"Bearer {plain}"}


def row(model, user, *ignore: str) -> dict:
    return model_to_dict(model.objects.get(user=user), exclude=["id", "user", *ignore])


def test_a_profile_from_the_page_and_from_the_api_is_the_same(client):
    on_page = make_user("page", name="Maya C.", is_volunteer=True, email="maya@example.org")
    by_api = make_user("api", name="Maya C.", is_volunteer=True, email="maya@example.org")
    client.force_login(on_page)
    form = {
        **PROFILE,
        **{name: ", ".join(PROFILE[name]) for name in ["careers", "topics", "languages"]},
    }
    client.post(
        "/directory/profile/",
        {**form, "display_name": "Maya C.", "contact_email": "maya@example.org", "published": "on"},
    )
    response = client.put(
        "/api/directory/profile", PROFILE, content_type="application/json", headers=bearer(by_api)
    )
    assert response.status_code == 200
    assert row(VolunteerProfile, on_page) == row(VolunteerProfile, by_api)


def test_a_request_from_the_page_and_from_the_api_is_the_same(client):
    maya = make_volunteer("maya", capacity_per_month=5)
    on_page, by_api = make_student("page"), make_student("api")
    client.force_login(on_page)
    assert client.post(f"/directory/{maya.pk}/ask/", {"message": GOOD_MESSAGE}).status_code == 302
    response = client.post(
        f"/api/directory/{maya.pk}/requests",
        {"message": GOOD_MESSAGE},
        content_type="application/json",
        headers=bearer(by_api),
    )
    assert response.status_code == 201
    assert row(DirectoryRequest, on_page, "created_at") == row(
        DirectoryRequest, by_api, "created_at"
    )


def test_the_search_leaves_out_your_own_profile_on_the_page_and_over_the_api(client):
    maya = make_volunteer("maya")
    lee = make_volunteer("lee")
    client.force_login(maya.user)
    page = client.get("/directory/").content.decode()
    assert f"/directory/{lee.pk}/ask/" in page and f"/directory/{maya.pk}/ask/" not in page
    listed = client.get("/api/directory", headers=bearer(maya.user)).json()
    assert [listing["id"] for listing in listed] == [lee.pk]


def test_a_departed_volunteers_profile_cannot_be_asked(client):
    maya = make_volunteer("maya")
    maya.user.is_active = False
    maya.user.save()
    client.force_login(make_student("sam"))
    assert client.get(f"/directory/{maya.pk}/ask/").status_code == 404


def answered(request: DirectoryRequest) -> dict:
    """The request and the conversation it made on each side, without the ids and owners
    that differ between accounts (and `link_used`, which says which path it took)."""
    request.refresh_from_db()
    sides = {}
    for side in ("student_conversation", "volunteer_conversation"):
        conversation: Conversation = getattr(request, side)
        contact = conversation.contact
        sides[side] = {
            **model_to_dict(
                conversation, exclude=["id", "user", "contact", "careers", "invitation_uid"]
            ),
            "contact": model_to_dict(contact, exclude=["id", "user", "org", "tags"]),
            "careers": list(conversation.careers.values_list("title", flat=True)),
            "history": list(conversation.changes.values_list("from_status", "to_status", "at")),
            "messages": list(
                conversation.messages.values("kind", "channel", "subject", "body", "sent_at")
            ),
        }
    row = model_to_dict(
        request,
        exclude=["id", "user", "profile", "link_used", *sides],
    )
    return {"request": row, **sides}


@time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=UTC), tick=False)
def test_accepting_on_the_page_by_the_link_and_over_the_api_is_the_same(client):
    """Three volunteers alike, each asked by a student alike, each accepting one way."""
    requests = {}
    for way in ("page", "link", "api"):
        volunteer = make_volunteer(
            f"{way}-maya", display_name="Maya C.", contact_email="maya@alumni.example.edu"
        )
        student = make_user(way, name="Sam", email="sam@example.edu", time_zone="Europe/London")
        requests[way] = send_request(
            student, volunteer, GOOD_MESSAGE, career_text="UX research", site_url="http://cs/"
        ).request
    client.force_login(requests["page"].profile.user)
    assert client.post(f"/directory/inbox/{requests['page'].pk}/accept/").status_code == 302
    client.logout()
    token = answer_token(requests["link"], "accept")
    assert client.post(f"/directory/answer/{token}/").status_code == 200
    api = requests["api"]
    response = client.post(
        f"/api/directory/requests/{api.pk}/accept", headers=bearer(api.profile.user)
    )
    assert response.status_code == 200
    page, link, by_api = (answered(requests[way]) for way in ("page", "link", "api"))
    assert page["request"]["status"] == "accepted"
    assert page == link == by_api
