"""Volunteers publish a profile; students find them by career, while they have room."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from careerscout.accounts.models import ApiToken
from careerscout.careers.models import Career
from careerscout.directory.models import DirectoryRequest, NotAVolunteer, save_profile
from careerscout.directory.search import capacity_left, find_volunteers
from careerscout.tests.factories import make_user

from .helpers import PROFILE, make_student, make_volunteer

pytestmark = pytest.mark.django_db


def names(listings):
    return [listing.profile.display_name for listing in listings]


def test_the_title_is_normalised_and_careers_match_by_their_terms():
    maya = make_volunteer("maya", title="Sr. UXR", careers=["User experience research"])
    assert maya.title_key == "user experi research"
    assert names(find_volunteers("UX Researcher")) == ["Maya"]
    assert names(find_volunteers("user research")) == ["Maya"]
    assert find_volunteers("Nursing") == []


def test_several_names_of_a_career_find_a_volunteer_by_any_of_them():
    make_volunteer("ana", title="Data scientist", careers=["Data science"])
    assert names(find_volunteers(["Analytics", "data science"])) == ["Ana"]


def test_hidden_profiles_and_former_volunteers_are_not_found():
    make_volunteer("hidden", published=False)
    former = make_volunteer("former").user
    former.is_volunteer = False
    former.save()
    assert find_volunteers("UX research") == []


def test_only_volunteers_publish_a_profile():
    with pytest.raises(NotAVolunteer):
        save_profile(make_user("sam"), title="Student")


def test_a_bad_time_zone_and_capacity_are_refused_with_the_field_named():
    volunteer = make_user("maya", is_volunteer=True)
    with pytest.raises(ValidationError) as error:
        save_profile(volunteer, title="Researcher", time_zone="Mars/Olympus", capacity_per_month=0)
    assert set(error.value.message_dict) == {"time_zone", "capacity_per_month"}


def test_best_match_first_then_most_room():
    make_volunteer("close", title="Researcher", careers=["Market research"], capacity_per_month=5)
    make_volunteer("exact", title="UX researcher", careers=["UX research"], capacity_per_month=1)
    make_volunteer("roomy", title="UX researcher", careers=["UX research"], capacity_per_month=4)
    assert names(find_volunteers("UX research")) == ["Roomy", "Exact"]


@time_machine.travel(datetime(2026, 12, 15, 12, tzinfo=UTC), tick=False)
def test_a_full_month_hides_the_volunteer_until_their_next_month_begins():
    maya = make_volunteer("maya", capacity_per_month=1, time_zone="Pacific/Auckland")
    DirectoryRequest.objects.create(
        user=make_student("sam"), profile=maya, message="Hi", status="accepted"
    )
    assert find_volunteers("UX research") == []
    # 1 January begins in Auckland at 11:00 UTC on 31 December.
    assert find_volunteers("UX research", now=datetime(2026, 12, 31, 10, 59, tzinfo=UTC)) == []
    back = find_volunteers("UX research", now=datetime(2026, 12, 31, 11, 0, tzinfo=UTC))
    assert [(listing.profile, listing.capacity_left) for listing in back] == [(maya, 1)]


@time_machine.travel(datetime(2027, 1, 1, 3, tzinfo=UTC), tick=False)
def test_each_volunteer_counts_from_their_own_month_in_one_search():
    # At 03:00 UTC on 1 January it is already January in Auckland, still December in New York.
    auckland = make_volunteer("aroha", capacity_per_month=1, time_zone="Pacific/Auckland")
    new_york = make_volunteer("nia", capacity_per_month=1, time_zone="America/New_York")
    sam = make_student("sam")
    for profile in [auckland, new_york]:
        asked = DirectoryRequest.objects.create(
            user=sam, profile=profile, message="Hi", status="accepted"
        )
        asked.created_at = datetime(2026, 12, 31, 10, tzinfo=UTC)  # December in both
        asked.save(update_fields=["created_at"])
    assert names(find_volunteers("UX research")) == ["Aroha"]
    assert (capacity_left(auckland), capacity_left(new_york)) == (1, 0)


def test_declined_and_expired_requests_leave_the_place_free():
    maya = make_volunteer("maya", capacity_per_month=2)
    sam = make_student("sam")
    for status in ["declined", "expired", "pending"]:
        DirectoryRequest.objects.create(user=sam, profile=maya, message="Hi", status=status)
    [listing] = find_volunteers("UX research")
    assert listing.capacity_left == 1


class TestThePages:
    def test_a_volunteer_publishes_edits_and_unpublishes_their_profile(self, client):
        volunteer = make_user("maya", is_volunteer=True, email="maya@example.org")
        client.force_login(volunteer)
        form = client.get("/directory/profile/")
        assert form.status_code == 200
        assert 'value="maya@example.org"' in form.content.decode()
        assert 'name="time_zone" data-zone-picker' in form.content.decode(), "filterable"
        data = {
            "display_name": "Maya C.",
            "title": "Senior UX Researcher",
            "organization": "Globex",
            "careers": "UX research, service design",
            "topics": "a typical day",
            "languages": "English, German",
            "time_zone": "Europe/Berlin",
            "capacity_per_month": "3",
            "contact_email": "maya@example.org",
            "published": "on",
        }
        assert client.post("/directory/profile/", data).status_code == 302
        profile = volunteer.volunteer_profile
        assert profile.careers == ["UX research", "service design"]
        assert profile.published
        assert client.post("/directory/profile/", {**data, "published": ""}).status_code == 302
        profile.refresh_from_db()
        assert not profile.published

    def test_a_profile_without_careers_is_refused_with_a_message(self, client):
        client.force_login(make_user("maya", is_volunteer=True))
        response = client.post("/directory/profile/", {"title": "Researcher", "careers": ""})
        assert response.status_code == 422
        assert "Name at least one career" in response.content.decode()

    def test_a_student_gets_a_clear_403_on_the_profile_page(self, client):
        client.force_login(make_user("sam"))
        response = client.get("/directory/profile/")
        assert response.status_code == 403
        assert "ask your career centre to add the volunteer role" in response.content.decode()

    def test_the_search_shows_volunteers_without_their_contact_details(
        self, client, django_assert_max_num_queries
    ):
        for name in ["maya", "lee", "ana"]:
            make_volunteer(name)
        client.force_login(make_student("sam"))
        with django_assert_max_num_queries(8):
            html = client.get("/directory/?career=UX+research").content.decode()
        assert "Maya" in html and "volunteers through your career centre" in html
        assert "3 of 3 left this month" in html
        assert "alumni.example.edu" not in html

    def test_who_to_ask_loads_the_career_centre_volunteers(
        self, client, django_assert_max_num_queries
    ):
        make_volunteer("maya")
        sam = make_student("sam")
        career = Career.objects.create(user=sam, title="UX research")
        client.force_login(sam)
        page = client.get(f"/careers/{career.pk}/who-to-ask/").content.decode()
        assert f'hx-get="/directory/careers/{career.pk}/volunteers/"' in page
        with django_assert_max_num_queries(6):
            block = client.get(
                f"/directory/careers/{career.pk}/volunteers/", headers={"HX-Request": "true"}
            )
        html = block.content.decode()
        assert "<html" not in html
        assert "Maya" in html and "volunteers through your career centre" in html
        assert f"?for={career.pk}" in html


class TestTheApi:
    BODY = PROFILE

    def auth(self, user):
        _token, plain = ApiToken.issue(user, "script")
        return {"authorization": f"Bearer {plain}"}

    def test_a_volunteer_puts_their_profile_and_students_find_it_with_room_left(self, client):
        volunteer = make_user("maya", is_volunteer=True)
        response = client.put(
            "/api/directory/profile", self.BODY, content_type="application/json",
            headers=self.auth(volunteer),
        )  # fmt: skip
        assert response.status_code == 200, response.json()
        assert response.json()["capacity_left"] == 3
        again = client.put(
            "/api/directory/profile", {**self.BODY, "capacity_per_month": 2},
            content_type="application/json", headers=self.auth(volunteer),
        )  # fmt: skip
        assert again.json()["id"] == response.json()["id"]
        found = client.get("/api/directory?career=UX+researcher", headers=self.auth(make_user()))
        assert found.status_code == 200
        [listing] = found.json()
        assert listing["id"] == response.json()["id"]
        assert listing["capacity_left"] == 2
        assert "email" not in str(listing)

    def test_the_search_costs_the_same_queries_however_many_volunteers(
        self, client, django_assert_max_num_queries
    ):
        for name in ["maya", "lee", "ana", "bo", "kim"]:
            make_volunteer(name)
        auth = self.auth(make_user())
        with django_assert_max_num_queries(4):
            listings = client.get("/api/directory?career=UX+research", headers=auth).json()
        assert len(listings) == 5

    def test_a_non_volunteer_gets_403_with_a_clear_detail(self, client):
        response = client.put(
            "/api/directory/profile", self.BODY, content_type="application/json",
            headers=self.auth(make_user("sam")),
        )  # fmt: skip
        assert response.status_code == 403
        assert "Only volunteers" in response.json()["detail"]

    def test_a_bad_time_zone_is_a_422_naming_the_field(self, client):
        response = client.put(
            "/api/directory/profile", {**self.BODY, "time_zone": "Mars/Olympus"},
            content_type="application/json", headers=self.auth(make_user(is_volunteer=True)),
        )  # fmt: skip
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "time_zone"
