"""A volunteer publishes a profile, a student finds them in "who to ask" and sends a
request, the volunteer accepts from the e-mailed link without signing in, and both see the
conversation. The volunteer works at a desktop, the student on a phone."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from careerscout.careers.models import Career
from careerscout.tests.factories import make_user

from .test_journeys import PHONE, field, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = (
    "Hi Maya,\n\nI found your profile in our alumni directory. I am a psychology student "
    "exploring UX research, and I would love to hear how you moved into it. Would you have "
    "20 minutes for a call in the next few weeks?\n\nThank you,\nSam"
)


def test_a_volunteer_accepts_a_directory_request_from_the_emailed_link(open_tab, live_server):
    maya = make_user("maya", name="Maya Chen", is_volunteer=True, email="maya@alumni.example")
    sam = make_user("sam", name="Sam Rivera", email="sam@example.edu")
    career = Career.objects.create(user=sam, title="UX research")

    volunteer = open_tab("directory-volunteer")
    log_in(volunteer, maya, live_server.url)
    page = volunteer.page
    page.goto("/directory/profile/")
    field(page, "Your name as students see it").fill("Maya C.")
    field(page, "Job title").fill("Senior UX Researcher")
    field(page, "Organisation").fill("Globex")
    field(page, "Careers you can speak to").fill("UX research, service design")
    field(page, "Topics").fill("a typical day, moving from academia")
    field(page, "Languages").fill("English, Spanish")
    field(page, "Your time zone").select_option("Europe/Berlin")
    field(page, "Conversations a month").fill("3")
    volunteer.check("profile-form")
    # The full-page screenshot leaves Chromium's scroll position stale: a click would land
    # after a jump. Scrolling back first clicks where a person would.
    page.evaluate("window.scrollTo(0, 0)")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your profile is in the directory.")).to_be_visible()
    volunteer.check("profile-published")

    student = open_tab("directory-student", **PHONE)
    log_in(student, sam, live_server.url)
    phone = student.page
    phone.goto(f"/careers/{career.pk}/who-to-ask/")
    volunteers = phone.locator("#volunteers")
    expect(volunteers.get_by_text("Maya C.", exact=True)).to_be_visible()
    expect(
        volunteers.get_by_text("volunteers through your career centre", exact=True)
    ).to_be_visible()
    expect(volunteers.get_by_text("3 of 3 left this month")).to_be_visible()
    assert "maya@alumni.example" not in phone.content()
    student.check("who-to-ask-volunteers")
    volunteers.get_by_role("link", name="Ask for a conversation with Maya C.").click()
    field(phone, "Your message").fill(MESSAGE)
    student.check("request-form")
    phone.get_by_role("button", name="Send the request").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your request to Maya C.")
    expect(phone.get_by_text("Waiting for an answer").first).to_be_visible()
    student.check("request-sent")
    phone.goto("/directory/?career=UX+research")
    expect(phone.get_by_role("heading", name="Your requests")).to_be_visible()
    expect(phone.get_by_text("2 of 3 left this month")).to_be_visible()
    student.check("directory-search")
    assert not student.overflows_horizontally()

    [email] = mail.outbox
    accept = re.search(r"http://\S+/directory/answer/\S+/", email.body).group(0)
    assert "decline" not in accept
    inbox_click = open_tab("directory-link")  # a fresh browser: no session, no password
    link = inbox_click.page
    link.goto(accept)
    expect(link.get_by_role("heading", level=1)).to_have_text("Accept Sam Rivera’s request?")
    inbox_click.check("accept-link")
    link.get_by_role("button", name="Accept the request").click()
    expect(link.get_by_role("heading", level=1)).to_have_text("Accepted. Thank you.")
    inbox_click.check("accepted")

    phone.reload()
    expect(phone.get_by_text("Accepted", exact=True)).to_be_visible()
    phone.get_by_role("link", name="Maya C.", exact=True).click()
    expect(phone.get_by_role("link", name="maya@alumni.example")).to_be_visible()
    student.check("request-accepted")
    phone.get_by_role("link", name="Go to the conversation").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Maya C.")
    student.check("student-conversation")
    assert not student.overflows_horizontally()

    page.goto("/directory/inbox/")
    expect(page.get_by_role("heading", name="Sam Rivera")).to_be_visible()
    expect(page.get_by_text("I found your profile in our alumni directory.")).to_be_visible()
    volunteer.check("inbox")
    page.get_by_role("link", name="Your conversation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam Rivera")
    expect(page.get_by_text("Agree on a time, then set it here.")).to_be_visible()
    volunteer.check("volunteer-conversation")

    for tab in (volunteer, student, inbox_click):
        tab.assert_clean()
