"""Time zones on the pages: sign-up takes the browser's, a person's unknown zone is asked for
when scheduling, and a time in the past is flagged."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from careerscout.conversations.models import Conversation
from careerscout.tests.factories import make_contact, make_user


@pytest.fixture
def alice(db):
    return make_user("alice", time_zone="Europe/London")


def test_sign_up_offers_a_searchable_zone_picker_filled_from_the_browser(client, alice):
    with override_settings(SIGNUP_OPEN=True):
        html = client.get("/signup/").content.decode()
    select = html.split('name="time_zone"')[1].split(">", 1)[0]
    assert "data-zone-picker" in select and "data-browser-zone" in select
    assert '<optgroup label="Europe">' in html
    assert 'value="Factory"' not in html and 'value="CET"' not in html
    assert "js/zones" in html


def test_scheduling_with_someone_whose_zone_is_unknown_asks_for_it(client, alice):
    maya = make_contact(alice, "Maya Chen")
    conversation = Conversation.plan(maya, [])
    client.force_login(alice)
    url = f"/conversations/{conversation.pk}/schedule/"
    html = client.get(url).content.decode()
    assert "their time zone: not known — times shown in yours (Europe/London)" in html
    assert '<option value="" selected>Choose their time zone</option>' in html
    day = (timezone.now() + timedelta(days=5)).date()
    form = {"day": day, "at": "15:00", "whose_time": "theirs", "duration_minutes": 20}
    response = client.post(url, form)
    assert response.status_code == 422
    assert "Choose their time zone, so the time is right for both." in response.content.decode()
    client.post(url, {**form, "time_zone": "America/New_York"})
    maya.refresh_from_db()
    conversation.refresh_from_db()
    assert maya.time_zone == "America/New_York"
    local = conversation.scheduled_at.astimezone(ZoneInfo("America/New_York"))
    assert (local.date(), local.hour) == (day, 15)


def test_a_time_in_the_past_gets_a_warning(client, alice):
    maya = make_contact(alice, "Maya Chen", time_zone="Europe/London")
    conversation = Conversation.plan(maya, [])
    client.force_login(alice)
    form = {
        "day": date(2026, 1, 5),
        "at": "10:00",
        "whose_time": "theirs",
        "time_zone": "Europe/London",
        "duration_minutes": 20,
    }
    response = client.post(f"/conversations/{conversation.pk}/schedule/", form, follow=True)
    html = response.content.decode()
    assert "That time has already passed." in html
    assert "This time has passed" in html


def test_an_empty_schedule_or_suggestion_says_what_is_missing(client, alice):
    conversation = Conversation.plan(make_contact(alice, "Maya Chen"), [])
    client.force_login(alice)
    url = f"/conversations/{conversation.pk}/schedule/"
    html = client.post(url, {"whose_time": "theirs", "duration_minutes": 20}).content.decode()
    assert "Choose the day you will talk." in html
    assert "Choose the time you will talk." in html
    suggested = client.get(url, {"first": "", "second": "", "third": ""}).content.decode()
    assert "Pick at least one time to suggest." in suggested
    assert "This field is required." not in html + suggested


@time_machine.travel(datetime(2026, 11, 20, tzinfo=UTC))
def test_suggesting_a_time_at_dawn_for_them_warns_before_the_email_is_copied(client, alice):
    maya = make_contact(alice, "Maya Chen", time_zone="America/New_York")
    conversation = Conversation.plan(maya, [])
    client.force_login(alice)
    url = f"/conversations/{conversation.pk}/schedule/"
    html = client.get(url, {"first": "2026-12-10T10:00", "second": "2026-12-10T15:00"}).content
    page = html.decode()
    assert "Early or late for Maya Chen, where they are:" in page
    assert "<li>Thursday 10 December, 05:00–05:20 (New York time)</li>" in page
    assert "10:00–10:20 (New York time)</li>" not in page
    fine = client.get(url, {"first": "2026-12-10T15:00"}).content.decode()
    assert "Early or late" not in fine
