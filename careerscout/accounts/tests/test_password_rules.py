"""A refused password names the rule it breaks, next to the password field itself."""

import re

import pytest
from django.test import override_settings

from careerscout.tests.factories import PASSWORD, make_user


def errors_of(html: str, field: str) -> list[str]:
    block = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", block[1]) if block else []


def sign_up(client, password: str, username: str = "bob"):
    make_user("alice")
    form = {
        "username": username,
        "name": "Bob",
        "email": "bob@example.org",
        "time_zone": "Europe/Paris",
        "password1": password,
        "password2": password,
    }
    with override_settings(SIGNUP_OPEN=True):
        return client.post("/signup/", form)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("kestrel7", "At least 10 characters: this one has 8."),
        ("8302917465", "Not only digits: add a letter or another character."),
        ("password123", "Not a common password: this one is on a list of often-used ones."),
        ("bobthebuilder", "Not like your username: this one resembles it too closely."),
    ],
)
def test_sign_up_says_which_rule_the_password_breaks(client, password, rule):
    response = sign_up(client, password, username="bobthebuilder")
    html = response.content.decode()
    assert response.status_code == 422
    assert rule in errors_of(html, "password1")
    assert errors_of(html, "password2") == []


@pytest.mark.django_db
def test_every_broken_rule_is_listed(client):
    html = sign_up(client, "12345").content.decode()
    assert errors_of(html, "password1") == [
        "At least 10 characters: this one has 5.",
        "Not a common password: this one is on a list of often-used ones.",
        "Not only digits: add a letter or another character.",
    ]


@pytest.mark.django_db
def test_a_mismatch_is_reported_on_the_confirmation(client):
    make_user("alice")
    form = {"username": "bob", "time_zone": "UTC", "password1": "a-long-password-1"}
    with override_settings(SIGNUP_OPEN=True):
        html = client.post("/signup/", {**form, "password2": "a-long-password-2"}).content.decode()
    assert errors_of(html, "password1") == []
    assert errors_of(html, "password2") == ["The two passwords are not the same."]


@pytest.mark.django_db
def test_changing_the_password_says_which_rule_the_new_one_breaks(client):
    alice = make_user("alice")
    client.force_login(alice)
    response = client.post(
        "/settings/password/",
        {"old_password": PASSWORD, "new_password1": "kestrel7", "new_password2": "kestrel7"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert errors_of(html, "new_password1") == ["At least 10 characters: this one has 8."]
    assert errors_of(html, "new_password2") == []
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
