"""The explorer's journey past the first visit, in Chromium against the live server.

Finding the right people (import, careers, who to ask), reaching out and following up (the
draft's method check, business-day follow-ups), and preparing and holding the conversation
(scheduling, the invitation, the prep brief, live notes that never lose a word, reflecting).

Like test_journeys.py: every page a person looks at is screenshotted and audited with
axe-core (`Tab.check`), and `Tab.assert_clean()` fails on CSP violations, JavaScript errors,
missing static files, server errors and serious accessibility problems.
"""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Item
from careerscout.people.models import Contact
from careerscout.tests.factories import PASSWORD, make_contact, make_user

from .test_journeys import field, log_in, main_nav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A LinkedIn export as LinkedIn writes it: a notes preamble, then the header and the rows.
CONNECTIONS_CSV = """\
Notes:
"When exporting your connection data, you may notice that some of the email addresses are \
missing. You will only see email addresses for connections who have allowed their connections \
to see or download their email address using this setting \
https://www.linkedin.com/psettings/privacy/email. You can learn more about this setting here \
https://www.linkedin.com/help/linkedin/answer/261"

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Maya,Chen,https://www.linkedin.com/in/mayachen,,Globex Corporation,Senior UX Researcher,08 Feb 2023
Tomás,Ortega,https://www.linkedin.com/in/tomas-ortega,tomas@initech.example,Initech,UX Researcher,17 Nov 2021
Priya,Kumar,https://www.linkedin.com/in/priyakumar,,Umbrella Health,"Lead UX Researcher, Patient Apps",01 Mar 2020
Jonas,Berg,https://www.linkedin.com/in/jonasberg,,Globex Corporation,UX Designer,23 Jun 2022
Anna,Petrova,https://www.linkedin.com/in/anna-petrova,,Yandex,Data Scientist,05 Jan 2024
Mohammed,Al-Ali,https://www.linkedin.com/in/mohammed-alali,,Aramco,Petroleum Engineer,30 Sep 2019
Zoë,O'Brien,https://www.linkedin.com/in/zoe-obrien,zoe@greenleaf.example,Greenleaf Co-op,"Sustainability Lead, EMEA",12 Dec 2023
Sam,Taylor,https://www.linkedin.com/in/samtaylor,,,,02 Aug 2018
,,https://www.linkedin.com/in/hidden-member,,,,14 Apr 2022
Lucía,Fernández,https://www.linkedin.com/in/lucia-fernandez,,Contoso,Product Designer,19 May 2021
Kwame,Mensah,https://www.linkedin.com/in/kwame-mensah,,Stark Industries,Software Engineer,11 Oct 2020
Hannah,Schmidt,https://www.linkedin.com/in/hannah-schmidt,,Initech,Product Manager,03 Mar 2022
Ravi,Patel,https://www.linkedin.com/in/ravi-patel,,Wayne Enterprises,Marketing Manager,27 Jul 2019
Emma,Dubois,https://www.linkedin.com/in/emma-dubois,,Hooli,Content Strategist,14 Feb 2023
Yuki,Tanaka,https://www.linkedin.com/in/yuki-tanaka,,Globex Corporation,Customer Success Manager,09 Sep 2021
Olivia,Brown,https://www.linkedin.com/in/olivia-brown,,City Hospital,Registered Nurse,30 Jan 2018
Liam,Murphy,https://www.linkedin.com/in/liam-murphy,,Murphy & Sons,Accountant,21 Aug 2020
Sofia,Rossi,https://www.linkedin.com/in/sofia-rossi,,Pied Piper,Data Analyst,06 Jun 2024
Daniel,Kim,https://www.linkedin.com/in/daniel-kim,,Massive Dynamic,Research Scientist,15 Apr 2022
Grace,Okafor,https://www.linkedin.com/in/grace-okafor,,State University,Lecturer in Sociology,28 Nov 2019
"""
UX_RESEARCHERS = {"Maya Chen", "Tomás Ortega", "Priya Kumar"}


def first_account(tab, live_server) -> None:
    """The very first visit: create the owner's account on the welcome page."""
    page = tab.page
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your account")
    field(page, "Username").fill("alice")
    field(page, "Your name").fill("Alice")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_text("Your account is ready")).to_be_visible()


def flash(page):
    """The flash messages at the top of the page."""
    return page.locator("main .messages")


def test_find_the_right_people(open_tab, live_server, tmp_path):
    connections = tmp_path / "Connections.csv"
    connections.write_text(CONNECTIONS_CSV, encoding="utf-8")
    tab = open_tab("find-people")
    page = tab.page

    first_account(tab, live_server)
    tab.check("welcome")

    main_nav(page).get_by_role("link", name="People").click()
    page.get_by_role("link", name="Import contacts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import contacts")
    tab.check("import-upload")

    page.get_by_label("LinkedIn connections").check()
    page.get_by_label("File", exact=True).set_input_files(connections)
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    summary = page.get_by_role("list", name="Summary")
    expect(summary).to_contain_text("19 new people")
    expect(summary).to_contain_text("1 row skipped")
    new_people = page.get_by_role("region", name="New people")
    expect(new_people.get_by_role("row")).to_have_count(1 + 19)
    expect(new_people.get_by_role("row", name=re.compile("Maya Chen"))).to_contain_text(
        "Senior UX Researcher"
    )
    assert Contact.objects.count() == 0, "nothing is saved before Import"
    tab.check("import-preview")

    page.get_by_role("button", name="Import 19 people").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import finished")
    expect(page.locator(".lead")).to_contain_text("19 added, 0 updated, 0 unchanged, 1 row skipped")
    tab.check("import-finished")

    page.get_by_role("link", name="See your people").click()
    results = page.locator("#results")
    expect(results).to_contain_text("19 people")
    for name in UX_RESEARCHERS:
        expect(results.get_by_role("link", name=name)).to_be_visible()
    expect(results.locator(".person", has_text="Maya Chen")).to_contain_text("LinkedIn")
    tab.check("people-imported")

    main_nav(page).get_by_role("link", name="Careers").click()
    tab.check("careers-empty")
    page.get_by_role("link", name="Add your first career").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a career to explore")
    field(page, "Title").fill("UX research")
    field(page, "Why I’m curious").fill("I like talking to people and finding out why they do what they do.")
    field(page, "Other titles and keywords").fill("user researcher, design research, UXR")
    tab.check("career-form")
    page.get_by_role("button", name="Add career").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("UX research")
    expect(flash(page)).to_contain_text("“UX research” is on your list. Next: see who to ask.")
    expect(page.get_by_text("also: user researcher, design research, UXR")).to_be_visible()
    who = page.get_by_role("region", name="Who to ask")
    suggestions = who.locator("li.suggestion")
    expect(suggestions).to_have_count(5)
    top = [suggestions.nth(i).locator(".person__name").inner_text() for i in range(3)]
    assert set(top) == UX_RESEARCHERS, f"UX researchers should come first, not {top}"
    maya = suggestions.filter(has_text="Maya Chen")
    expect(maya.locator(".reasons")).to_contain_text(
        "Title “Senior UX Researcher” matches “UX research”"
    )
    expect(maya.locator(".reasons")).to_contain_text("A LinkedIn connection")
    expect(maya.locator(".reasons")).to_contain_text("Not contacted yet")
    # A near miss ranks below the researchers, and says why.
    expect(suggestions.nth(3)).to_contain_text("Jonas Berg")
    expect(suggestions.nth(3).locator(".reasons")).to_contain_text(
        "Title “UX Designer” partly matches “UX research”"
    )
    tab.check("career-who-to-ask")

    first = suggestions.first
    first_name = first.locator(".person__name").inner_text()
    first.get_by_role("button", name=f"Plan a conversation with {first_name}").click()
    expect(flash(page)).to_contain_text(f"Planned a conversation with {first_name} about UX research.")
    expect(page.get_by_role("region", name="People for this career")).to_contain_text(first_name)
    planned = page.get_by_role("region", name="Who to ask").locator(
        "li.suggestion", has_text=first_name
    )
    if planned.count():  # still among the five, further down, and saying why
        expect(planned.locator(".reasons")).to_contain_text("Already on your list for this career")
    expect(suggestions.first.locator(".person__name")).not_to_have_text(first_name)
    tab.check("career-planned")

    conversation = Conversation.objects.get()
    assert conversation.contact.name == first_name
    assert conversation.status == Conversation.Status.PLANNED
    assert [c.title for c in conversation.careers.all()] == ["UX research"]
    tab.assert_clean()
