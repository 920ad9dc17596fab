"""One path: a profile saved on the page or over the API, and a request sent either way, end
in the same rows."""

import pytest
from django.forms.models import model_to_dict

from careerscout.accounts.models import ApiToken
from careerscout.directory.models import DirectoryRequest, VolunteerProfile
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
