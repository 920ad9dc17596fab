"""The first page says what each role does here before the explorer's introduction."""

import pytest

from careerscout.tests.factories import make_user

pytestmark = pytest.mark.django_db


def welcome(client, user) -> str:
    client.force_login(user)
    return client.get("/").content.decode()


def test_an_adviser_is_pointed_at_the_caseload(client):
    page = welcome(client, make_user("ada", is_adviser=True, is_explorer=False))
    assert "What you do here" in page
    assert 'href="/advising/">Open my caseload</a>' in page
    assert "directory profile" not in page


def test_a_volunteer_is_pointed_at_the_directory_profile(client):
    page = welcome(client, make_user("val", is_volunteer=True))
    assert 'href="/directory/profile/">Write my directory profile</a>' in page
    assert "You can explore careers yourself too" in page


def test_the_administrator_is_pointed_at_the_invitations(client):
    page = welcome(client, make_user("root", is_superuser=True, is_staff=True))
    assert 'href="/settings/invitations/">Invite people</a>' in page


def test_a_student_sees_only_the_introduction(client):
    page = welcome(client, make_user("sam"))
    assert "Let’s explore careers by talking to people." in page
    assert "What you do here" not in page
