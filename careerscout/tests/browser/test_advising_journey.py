"""A career centre's journey: an adviser invites a student, the student signs up by the link
and shares a summary, the adviser reads it (people described, never named), the student sees
that they looked, withdraws, and the adviser's next request is refused.

The adviser works at desktop width, the student on a phone; both views are screenshotted at
both widths where it matters. `Tab.assert_clean()` fails on CSP violations, JavaScript errors,
server errors and serious accessibility problems.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from careerscout.accounts.models import Cohort
from careerscout.advising.tests.test_sharing import CONTACT_NAME, give_student_an_exploration
from careerscout.tests.factories import PASSWORD, make_user

from .test_journeys import PHONE, field, log_in, main_nav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def test_invite_share_a_summary_look_and_withdraw(open_tab, live_server):
    ada = make_user("ada", name="Ada Lovelace", is_adviser=True, email="ada@example.edu")
    Cohort.objects.create(user=ada, name="MSc Design 2026")
    adviser = open_tab("adviser", **DESKTOP)
    log_in(adviser, ada, live_server.url)
    page = adviser.page

    page.goto("/")
    main_nav(page).get_by_role("link", name="Caseload").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Caseload")
    expect(page.get_by_text("No student shares anything with you yet")).to_be_visible()
    adviser.check("caseload-empty")
    page.get_by_role("link", name="Invite students").click()
    field(page, "Their e-mail address").fill("kim@example.edu")
    field(page, "Cohort").select_option(label="MSc Design 2026")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation sent to kim@example.edu")).to_be_visible()
    adviser.check("invitation-sent")
    link = re.search(r"https?://\S+(/invitations/\S+/)", mail.outbox[-1].body).group(1)

    student = open_tab("student", **PHONE)
    phone = student.page
    phone.goto(link)
    expect(phone.get_by_text("Ada Lovelace invited you")).to_be_visible()
    student.check("invitation")
    field(phone, "Username").fill("kim")
    field(phone, "Your name").fill("Kim Student")
    field(phone, "Password").fill(PASSWORD)
    field(phone, "Password confirmation").fill(PASSWORD)
    phone.get_by_role("button", name="Create my account").click()
    expect(phone.get_by_text("Your account is ready")).to_be_visible()
    give_student_an_exploration(ada.__class__.objects.get(username="kim"))

    main_nav(phone).get_by_role("link", name="Settings").click()
    phone.get_by_role("link", name="Sharing").click()
    expect(phone.get_by_text("No adviser has looked at anything of yours.")).to_be_visible()
    phone.get_by_label(re.compile(r"^Ada Lovelace")).select_option("summary")
    phone.get_by_role("form", name="Sharing with Ada Lovelace").get_by_role(
        "button", name="Save"
    ).click()
    expect(phone.get_by_text("Sharing now: Summary")).to_be_visible()
    student.check("sharing-summary")

    page.goto("/advising/")
    row = page.get_by_role("row", name=re.compile("Kim Student"))
    expect(row).to_contain_text("summary")
    expect(row).to_contain_text("deciding")
    adviser.check("caseload")
    row.get_by_role("link", name="Kim Student").click()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(page.get_by_text("from a UX Researcher at a bank")).to_be_visible()
    assert CONTACT_NAME not in page.content()
    adviser.check("student-summary")
    page.set_viewport_size(PHONE["viewport"])
    adviser.check("student-summary-phone")
    assert not adviser.overflows_horizontally()
    student_url = page.url

    phone.reload()
    expect(phone.get_by_text(re.compile(r"Ada Lovelace looked at your summary on"))).to_be_visible()
    student.check("audit-line")
    phone.get_by_label(re.compile(r"^Ada Lovelace")).select_option("nothing")
    phone.get_by_role("form", name="Sharing with Ada Lovelace").get_by_role(
        "button", name="Save"
    ).click()
    expect(phone.get_by_text("Sharing now: Nothing")).to_be_visible()
    student.check("withdrawn")
    phone.set_viewport_size(DESKTOP["viewport"])
    student.check("withdrawn-desktop")

    response = page.goto(student_url)
    assert response.status == 404
    adviser.check("student-gone", audit=False)
    page.goto("/advising/")
    expect(page.get_by_text("No student shares anything with you yet")).to_be_visible()

    adviser.assert_clean()
    student.assert_clean()
