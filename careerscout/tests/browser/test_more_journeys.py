"""The explorer's journey past the first visit, in Chromium against the live server.

Finding the right people (import, careers, who to ask), reaching out and following up (the
draft's method check, business-day follow-ups), and preparing and holding the conversation
(scheduling, the invitation, the prep brief, live notes that never lose a word, reflecting).

Like test_journeys.py: every page a person looks at is screenshotted and audited with
axe-core (`Tab.check`), and `Tab.assert_clean()` fails on CSP violations, JavaScript errors,
missing static files, server errors and serious accessibility problems.
"""

import csv
import re
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import expect

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Item
from careerscout.people.models import Contact
from careerscout.tests.factories import PASSWORD, make_contact, make_user

from .test_journeys import field, log_in, main_nav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A LinkedIn export as LinkedIn writes it: a notes preamble, a blank line, then the rows.
LINKEDIN_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more about this setting "
    'here https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
CONNECTIONS = [
    ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"),
    ("Maya", "Chen", "mayachen", "", "Globex Corporation", "Senior UX Researcher", "08 Feb 2023"),
    ("Tomás", "Ortega", "tomas-ortega", "tomas@initech.example", "Initech", "UX Researcher",
     "17 Nov 2021"),
    ("Priya", "Kumar", "priyakumar", "", "Umbrella Health", "Lead UX Researcher, Patient Apps",
     "01 Mar 2020"),
    ("Jonas", "Berg", "jonasberg", "", "Globex Corporation", "UX Designer", "23 Jun 2022"),
    ("Anna", "Petrova", "anna-petrova", "", "Yandex", "Data Scientist", "05 Jan 2024"),
    ("Mohammed", "Al-Ali", "mohammed-alali", "", "Aramco", "Petroleum Engineer", "30 Sep 2019"),
    ("Zoë", "O'Brien", "zoe-obrien", "zoe@greenleaf.example", "Greenleaf Co-op",
     "Sustainability Lead, EMEA", "12 Dec 2023"),
    ("Sam", "Taylor", "samtaylor", "", "", "", "02 Aug 2018"),
    ("", "", "hidden-member", "", "", "", "14 Apr 2022"),  # a member who hides their name
    ("Lucía", "Fernández", "lucia-fernandez", "", "Contoso", "Product Designer", "19 May 2021"),
    ("Kwame", "Mensah", "kwame-mensah", "", "Stark Industries", "Software Engineer",
     "11 Oct 2020"),
    ("Hannah", "Schmidt", "hannah-schmidt", "", "Initech", "Product Manager", "03 Mar 2022"),
    ("Ravi", "Patel", "ravi-patel", "", "Wayne Enterprises", "Marketing Manager", "27 Jul 2019"),
    ("Emma", "Dubois", "emma-dubois", "", "Hooli", "Content Strategist", "14 Feb 2023"),
    ("Yuki", "Tanaka", "yuki-tanaka", "", "Globex Corporation", "Customer Success Manager",
     "09 Sep 2021"),
    ("Olivia", "Brown", "olivia-brown", "", "City Hospital", "Registered Nurse", "30 Jan 2018"),
    ("Liam", "Murphy", "liam-murphy", "", "Murphy & Sons", "Accountant", "21 Aug 2020"),
    ("Sofia", "Rossi", "sofia-rossi", "", "Pied Piper", "Data Analyst", "06 Jun 2024"),
    ("Daniel", "Kim", "daniel-kim", "", "Massive Dynamic", "Research Scientist", "15 Apr 2022"),
    ("Grace", "Okafor", "grace-okafor", "", "State University", "Lecturer in Sociology",
     "28 Nov 2019"),
]  # fmt: skip


def write_connections_csv(path: Path) -> Path:
    """Connections.csv with LinkedIn's preamble, its quoting and its profile URLs."""
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(LINKEDIN_PREAMBLE)
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(CONNECTIONS[0])
        for first, last, slug, *rest in CONNECTIONS[1:]:
            writer.writerow([first, last, f"https://www.linkedin.com/in/{slug}", *rest])
    return path


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
    connections = write_connections_csv(tmp_path / "Connections.csv")
    tab = open_tab("find-people")
    page = tab.page

    first_account(tab, live_server)
    tab.check("welcome")

    main_nav(page).get_by_role("link", name="People").click()
    page.get_by_role("link", name="Import contacts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import contacts")
    tab.check("import-upload")

    page.get_by_label("LinkedIn connections").check()
    field(page, "File").set_input_files(connections)
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
    field(page, "Why I’m curious").fill(
        "I like talking to people and finding out why they do what they do."
    )
    field(page, "Other titles and keywords").fill("user researcher, design research, UXR")
    tab.check("career-form")
    page.get_by_role("button", name="Add career").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("UX research")
    expect(flash(page)).to_contain_text("“UX research” is on your list. Next: see who to ask.")
    expect(page.get_by_text("also: user researcher, design research, UXR")).to_be_visible()
    who = page.get_by_role("region", name="Who to ask")
    suggestions = who.locator("li.suggestion")
    expect(suggestions).to_have_count(3)
    top = [suggestions.nth(i).locator(".person__name").inner_text() for i in range(3)]
    assert set(top) == UX_RESEARCHERS, f"UX researchers should come first, not {top}"
    maya = suggestions.filter(has_text="Maya Chen")
    expect(maya.locator(".reasons")).to_contain_text(
        "Does this work: Senior UX Researcher ≈ UX researcher"
    )
    expect(maya.locator(".reasons")).to_contain_text("A LinkedIn connection")
    expect(maya.locator(".reasons")).to_contain_text("Not contacted yet")
    tab.check("career-overview")
    # A near miss ranks below the researchers, and says why: "See everyone" has the rest.
    who.get_by_role("link", name="See everyone, ranked").click()
    ranked = page.locator("li.suggestion")
    expect(ranked.nth(3)).to_contain_text("Jonas Berg")
    expect(ranked.nth(3).locator(".reasons")).to_contain_text(
        "Another role in the same occupation (Web and Digital Interface Designers): UX Designer"
    )
    tab.check("career-who-to-ask")
    page.go_back()

    first = suggestions.first
    first_name = first.locator(".person__name").inner_text()
    first.get_by_role("button", name=f"Plan a conversation with {first_name}").click()
    expect(flash(page)).to_contain_text(
        f"Planned a conversation with {first_name} about UX research."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Conversation with {first_name}")
    page.get_by_role("link", name="UX research").first.click()
    expect(page.get_by_role("region", name="People for this career")).to_contain_text(first_name)
    planned = page.get_by_role("region", name="Who to ask").locator(
        "li.suggestion", has_text=first_name
    )
    if planned.count():  # still among the first three, further down, and saying why
        expect(planned.locator(".reasons")).to_contain_text("Already on your list for this career")
    expect(suggestions.first.locator(".person__name")).not_to_have_text(first_name)
    tab.check("career-planned")

    conversation = Conversation.objects.get()
    assert conversation.contact.name == first_name
    assert conversation.status == Conversation.Status.PLANNED
    assert [c.title for c in conversation.careers.all()] == ["UX research"]
    tab.assert_clean()


@pytest.fixture
def alice_exploring_ux():
    """Alice, exploring UX research, who met Maya at a meetup, and a few others."""
    alice = make_user("alice", name="Alice", time_zone="Europe/London")
    career = Career.objects.create(
        user=alice,
        title="UX research",
        keywords=["user researcher", "design research"],
    )
    maya = make_contact(
        alice,
        name="Maya Chen",
        title="Senior UX Researcher",
        organization="Globex Corporation",
        emails=["maya.chen@globex.example"],
        source=Contact.Source.EVENT,
        how_we_know="We met at the UX Berlin meetup last spring",
        time_zone="America/New_York",
    )
    make_contact(alice, name="Jonas Berg", title="UX Designer", source=Contact.Source.LINKEDIN)
    make_contact(
        alice, name="Olivia Brown", title="Registered Nurse", source=Contact.Source.LINKEDIN
    )
    return alice, career, maya


def business_days_ago(user, count: int) -> datetime:
    """Mid-morning, `count` business days before today, in the user's own calendar."""
    calendar = user.calendar()
    day = user.local_date()
    while count:
        day -= timedelta(days=1)
        count -= calendar.is_business_day(day)
    return datetime.combine(day, time(10, 0), tzinfo=ZoneInfo(user.time_zone))


def test_reach_out_and_follow_up(open_tab, live_server, alice_exploring_ux):
    alice, career, maya = alice_exploring_ux
    tab = open_tab("reach-out")
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto(career.get_absolute_url() + "who-to-ask/")
    expect(page.get_by_role("heading", level=1)).to_have_text("UX research")
    expect(page.get_by_role("heading", name="Who to ask about UX research")).to_be_attached()
    first = page.locator("li.suggestion").first
    expect(first.locator(".person__name")).to_have_text("Maya Chen")
    expect(first.locator(".reasons")).to_contain_text("You met at an event")
    tab.check("who-to-ask")
    first.get_by_role("button", name="Plan a conversation with Maya Chen").click()
    expect(flash(page)).to_contain_text(
        "Planned a conversation with Maya Chen about UX research. Next: write the request."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation with Maya Chen")

    main_nav(page).get_by_role("link", name="Conversations").click()
    row = page.get_by_role("row", name=re.compile("Maya Chen"))
    expect(row).to_contain_text("Planned")
    tab.check("conversations")
    row.get_by_role("link", name="Maya Chen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation with Maya Chen")
    tab.check("conversation-planned")

    page.get_by_role("link", name="Write the request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Request for Maya Chen")
    check = page.locator("#check")
    expect(check.get_by_role("heading", name="Method check")).to_be_visible()
    body = field(page, "Body")
    expect(body).to_contain_text("we met at the UX Berlin meetup last spring")
    expect(check).to_contain_text("Looks good: it follows the method.")
    tab.check("draft")

    # The person slips: an informational interview is not a job hunt.
    bad = "\n\nP.S. Do you have any job openings?"
    body.click()
    body.press("Control+End")
    with page.expect_response("**/outreach/check/"):
        body.press_sequentially(bad, delay=15)
    finding = check.locator(".finding--error")
    expect(finding).to_have_count(1)
    expect(finding).to_contain_text("Fix")
    expect(finding).to_contain_text(re.compile(r"“[^”]*job openings[^”]*” reads as asking"))
    expect(check).not_to_contain_text("Looks good")
    tab.check("draft-mentions-a-job")

    for _ in bad:
        body.press("Backspace")
    expect(check).to_contain_text("Looks good: it follows the method.")
    expect(body).not_to_contain_text("job")
    tab.check("draft-fixed")

    page.get_by_role("button", name="I sent it: record it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation with Maya Chen")
    expect(flash(page)).to_contain_text("Noted: your request to Maya Chen is sent.")
    expect(page.locator(".page-head .status")).to_have_text("Requested")
    expect(page.get_by_role("region", name="Messages")).to_contain_text("Request")
    tab.check("requested")

    conversation = Conversation.objects.get(contact=maya)
    assert conversation.status == Conversation.Status.REQUESTED
    assert "job" not in conversation.messages.get().body

    # Eight business days pass without a reply. The server's clock cannot move, so the
    # request moves back in time instead.
    sent = business_days_ago(alice, 8)
    Conversation.objects.filter(pk=conversation.pk).update(
        requested_at=sent, status_changed_at=sent
    )
    conversation.changes.filter(to_status=Conversation.Status.REQUESTED).update(at=sent)
    conversation.changes.filter(to_status=Conversation.Status.PLANNED).update(
        at=sent - timedelta(hours=1)
    )
    conversation.messages.update(sent_at=sent)
    main_nav(page).get_by_role("link", name="Today").click()
    follow_ups = page.get_by_role("region", name="Follow-ups")
    item = follow_ups.locator(".today-item", has_text="Follow up with Maya Chen")
    # On a weekend, today is not a business day itself and does not count.
    waited = alice.calendar().business_days_between(sent.date(), alice.local_date())
    expect(item).to_contain_text(
        f"No reply after {waited} business days. One polite follow-up is fine."
    )
    expect(item.locator(".badge")).to_have_text("Overdue")
    expect(item.get_by_role("link", name="Write the follow-up")).to_be_visible()
    tab.check("today-follow-up-due")

    # Maya answers before the follow-up goes out.
    main_nav(page).get_by_role("link", name="Conversations").click()
    page.get_by_role("row", name=re.compile("Maya Chen")).get_by_role("link").click()
    expect(page.get_by_text(f"since {sent:%A} {sent.day} {sent:%B}")).to_be_visible()
    page.get_by_label("Yes, happy to talk").check()
    tab.check("reply-yes")
    page.get_by_role("button", name="Record their reply").click()
    expect(flash(page)).to_contain_text("Wonderful! Now agree on a time with Maya Chen.")
    tab.check("reply-recorded")

    conversation.refresh_from_db()
    assert conversation.replied_at is not None
    maya.refresh_from_db()
    assert maya.responsiveness == "slow", "a reply after 8 business days is a slow one"

    page.get_by_role("heading", level=1).get_by_role("link", name="Maya Chen").click()
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline).to_contain_text("Replied to your request")
    expect(timeline).to_contain_text("Sent a request for a conversation")
    tab.check("person-timeline")

    main_nav(page).get_by_role("link", name="Today").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    expect(page.get_by_text("Follow up with Maya Chen")).to_have_count(0)
    tab.check("today-after-reply")

    tab.assert_clean()


@pytest.fixture
def maya_said_yes(alice_exploring_ux):
    """Maya answered Alice's request with a yes; they have still to agree on a time."""
    alice, career, maya = alice_exploring_ux
    conversation = Conversation.plan(maya, [career])
    career.contacts.add(maya)  # as planning from "Who to ask" does
    conversation.move_to(Conversation.Status.REQUESTED)
    conversation.record_reply(accepted=True)
    return alice, career, maya, conversation


def save_state(page):
    return page.locator("[data-save-state]")


def wait_until_saved(page) -> None:
    """Live notes save a few seconds after typing (every 3 s), so allow for a couple of rounds."""
    expect(save_state(page)).to_have_text("All saved", timeout=10_000)


def stored_notes(conversation: Conversation) -> tuple[str, str]:
    """(free notes, notes under the first question) as the database holds them now."""
    conversation.refresh_from_db()
    first = conversation.plan_items.order_by("position").first()
    return conversation.notes, first.notes


def accept_leaving(dialog) -> None:
    """Leaving live notes with words not yet on the server asks first; a person says yes."""
    if dialog.type == "beforeunload":
        dialog.accept()
    else:
        dialog.dismiss()


UNDER_QUESTION = "! Most research is evaluative #day\n- On-call during launches #pay"
FREE_NOTES = (
    "[ ] Read Just Enough Research by 2026-12-15\n"
    "@Sam Lee (Staff Researcher, Initech) says ok to use her name"
)


def test_prepare_and_hold_the_conversation(open_tab, live_server, maya_said_yes):
    alice, career, _maya, conversation = maya_said_yes
    tab = open_tab("hold")
    log_in(tab, alice, live_server.url)
    page = tab.page

    # What Alice knows about UX research so far: nothing.
    page.goto(f"{live_server.url}/insights/careers/{career.pk}/")
    coverage = page.get_by_label("Coverage by topic")
    expect(coverage).to_contain_text("Day-to-day work: nothing yet")
    expect(coverage).to_contain_text("Pay, hours & lifestyle: nothing yet")
    tab.check("career-before")

    # Schedule: 10:30 for Maya in New York is 15:30 for Alice in London.
    page.goto(conversation.get_absolute_url())
    expect(page.get_by_text("Maya Chen said yes on")).to_be_visible()
    page.get_by_role("link", name="Set the time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("When will you talk with Maya Chen?")
    expect(field(page, "Their time zone")).to_have_value("America/New_York")
    tab.check("schedule")
    day = alice.local_date() + timedelta(days=7)
    field(page, "Date").fill(day.isoformat())
    field(page, "Time").fill("10:30")
    page.get_by_role("radio", name="their time").check()
    field(page, "Length").select_option("30")
    field(page, "Video link").fill("https://meet.example.org/maya-alice")
    page.get_by_role("button", name="Save the time").click()

    expect(flash(page)).to_contain_text(
        "The time is set. Download the invitation to send it along."
    )
    expect(page.locator(".page-head .status")).to_have_text("Scheduled")
    on = f"{day:%A} {day.day} {day:%B}"
    expect(page.get_by_role("region", name="Next step")).to_contain_text(
        f"On {on}, 15:30 (your time)"
    )
    tab.check("scheduled")

    page.get_by_role("link", name="Change the time").click()
    both = page.get_by_role("note")
    # Times written out say the year only when it is not this one.
    dated = on + (f" {day.year}" if day.year != alice.local_date().year else "")
    expect(both).to_contain_text(f"For you: {dated}, 15:30–16:00 (UK time)")
    expect(both).to_contain_text(f"For Maya Chen: {dated}, 10:30–11:00 (New York time)")
    tab.check("schedule-both-times")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the invitation (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "invitation.ics"
    calendar = icalendar.Calendar.from_ical(download.path().read_bytes())
    assert calendar["METHOD"] == "REQUEST"
    event = next(iter(calendar.walk("VEVENT")))
    start = datetime.combine(day, time(10, 30), tzinfo=ZoneInfo("America/New_York"))
    assert event.decoded("DTSTART") == start
    end = event.decoded("DTEND") if "DTEND" in event else start + event.decoded("DURATION")
    assert end - start == timedelta(minutes=30)
    assert "maya.chen@globex.example" in str(event["ATTENDEE"]).lower()
    assert "Maya Chen" in str(event["SUMMARY"])

    # Prepare: the brief and its plan.
    page.get_by_role("link", name=re.compile("Conversation with Maya Chen")).click()
    page.get_by_role("link", name="Prepare: plan and brief").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prep brief: Maya Chen")
    # Their zone differs from hers, so the brief gives both times.
    expect(page.locator(".lead")).to_contain_text(f"For you: {dated}, 15:30–16:00 (UK time)")
    expect(page.locator(".lead")).to_contain_text(f"For Maya Chen: {dated}, 10:30–11:00")
    plan = page.locator("[data-plan] .plan__question")
    expect(page.get_by_role("heading", name=re.compile(r"The plan: \d+ questions"))).to_be_visible()
    assert plan.count() >= 3
    expect(plan.last).to_have_text(re.compile(r"^Who else should I talk to"))
    expect(page.get_by_role("region", name="Who they are")).to_contain_text(
        "We met at the UX Berlin meetup last spring"
    )
    introduction = page.get_by_role("textbox", name="What you will say")
    expect(introduction).to_have_value(re.compile("I'm not looking for a job"))
    tab.check("prep-brief")
    first_question = plan.first.inner_text()

    # Live: notes under the first question and in the free box.
    page.get_by_role("button", name="Start the conversation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maya Chen")
    expect(page.locator("[data-timer]")).to_contain_text("of 30 min")
    expect(save_state(page)).to_have_text("All saved")
    tab.check("live-empty")
    question_box = page.get_by_label(first_question)
    free_box = page.get_by_label("Other notes")
    question_box.fill(UNDER_QUESTION)
    free_box.click()
    free_box.press_sequentially(FREE_NOTES, delay=5)
    captured = page.locator("#captured")
    expect(captured).to_contain_text("Most research is evaluative")
    expect(captured.locator(".captured__item--insight")).to_contain_text("#day_to_day")
    expect(captured.locator(".captured__item--concern")).to_contain_text("#lifestyle")
    expect(captured.locator(".captured__item--action")).to_contain_text(
        re.compile(r"Read Just Enough Research by \D*15\D*2026")
    )
    expect(captured.locator(".captured__item--referral")).to_contain_text("Sam Lee")
    wait_until_saved(page)
    assert stored_notes(conversation) == (FREE_NOTES, UNDER_QUESTION)
    tab.check("live-all-saved")

    # The network drops while Alice types: saves fail, the words stay on this device...
    page.route("**/notes/", lambda route: route.abort("internetdisconnected"))
    more = "\n! She moved from teaching into research after a bootcamp #entry"
    with page.expect_event("requestfailed", lambda request: request.url.endswith("/notes/")):
        free_box.press_sequentially(more, delay=10)
    expect(save_state(page)).to_have_text("Not saved yet")
    assert stored_notes(conversation)[0] == FREE_NOTES, "the server has not had the new words"
    tab.check("live-save-failing")

    # ...and survive a reload of the page,...
    page.on("dialog", accept_leaving)
    page.reload()
    expect(free_box).to_have_value(FREE_NOTES + more)
    expect(question_box).to_have_value(UNDER_QUESTION)
    expect(save_state(page)).to_have_text("Not saved yet")
    tab.check("live-restored-after-reload")

    # ...to be saved once the network is back.
    page.unroute("**/notes/")
    wait_until_saved(page)
    assert stored_notes(conversation) == (FREE_NOTES + more, UNDER_QUESTION)

    # Fully offline: the label says so, and the words go as soon as the browser is back online.
    offline = "\nAsk Sam about research ops"
    page.context.set_offline(True)
    free_box.press_sequentially(offline, delay=10)
    expect(save_state(page)).to_have_text("Offline: not saved yet, kept on this device")
    tab.check("live-offline")
    page.context.set_offline(False)
    wait_until_saved(page)
    every_word = FREE_NOTES + more + offline
    assert stored_notes(conversation) == (every_word, UNDER_QUESTION)
    tab.check("live-back-online")

    # End the call: the notes become items, and Alice reflects while it is fresh.
    page.get_by_role("button", name="End the conversation and save the items").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "What did you take from talking with Maya Chen?"
    )
    expect(flash(page)).to_contain_text("Well done! 6 items from your notes are saved.")
    tab.check("reflect")
    field(page, "What surprised you").fill("How much of the job is evaluative research.")
    field(page, "What worried you").fill("On-call during launches.")
    page.get_by_role("button", name="Save my reflection").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("UX research")
    expect(flash(page)).to_contain_text("Your reflection is saved.")
    coverage = page.get_by_label("Coverage by topic")
    expect(coverage).to_contain_text("Day-to-day work: 1 person")
    expect(coverage).to_contain_text("Pay, hours & lifestyle: 1 person")
    expect(coverage).to_contain_text("Getting in: 1 person")
    learned = page.get_by_role("region", name="What you have learned")
    day_to_day = learned.get_by_role("heading", name=re.compile("^Day-to-day work"))
    expect(day_to_day.locator("xpath=following-sibling::ul[1]")).to_contain_text(
        "Most research is evaluative"
    )
    pay = learned.get_by_role("heading", name=re.compile("^Pay, hours & lifestyle"))
    expect(pay.locator("xpath=following-sibling::ul[1]")).to_contain_text("On-call during launches")
    expect(learned.locator(".pill--concern")).to_have_text("1 concern")
    tab.check("career-after")

    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.HELD
    assert conversation.reflection.surprised == "How much of the job is evaluative research."
    sam = Contact.objects.get(user=alice, name="Sam Lee")
    assert (sam.title, sam.organization, sam.source) == ("Staff Researcher", "Initech", "referral")

    # The action from the notes: on the action plan now, and on Today once it is due.
    main_nav(page).get_by_role("link", name="Insights").click()
    page.get_by_role("link", name=re.compile("Action plan")).click()
    action = page.locator(".today-item", has_text="Read Just Enough Research")
    expect(action).to_contain_text("By 15 Dec 2026")
    expect(action).to_contain_text("From your conversation with Maya Chen")
    tab.check("action-plan")

    main_nav(page).get_by_role("link", name="Today").click()
    expect(page.get_by_role("region", name="Thank-you notes")).to_contain_text("Thank Maya Chen")
    expect(page.get_by_text("Read Just Enough Research")).to_have_count(0)
    Item.objects.filter(user=alice, kind=Item.Kind.ACTION).update(due=alice.local_date())
    page.reload()
    actions = page.get_by_role("region", name="Your actions")
    expect(actions).to_contain_text("Read Just Enough Research")
    today = alice.local_date()
    expect(actions).to_contain_text(f"Due {today.day} {today:%B}.")
    tab.check("today-action-due")

    tab.assert_clean()


def test_two_tabs_never_overwrite_each_other(open_tab, live_server, maya_said_yes):
    alice, _career, _maya, conversation = maya_said_yes
    conversation.schedule(datetime.now(ZoneInfo("UTC")) + timedelta(days=2))
    tab = open_tab("two-tabs")
    log_in(tab, alice, live_server.url)
    first = tab.page
    # A second tab in the same browser: same session, same local storage.
    second = first.context.new_page()
    second_tab = type(tab)(name="two-tabs-second", page=second, axe_source=tab.axe_source)
    second_tab.watch()
    url = conversation.get_absolute_url() + "live/"
    first.goto(url)
    second.goto(url)
    box_in_first = first.get_by_label("Other notes")
    box_in_second = second.get_by_label("Other notes")

    box_in_first.fill("Written in the first tab")
    wait_until_saved(first)
    tab.check("first-tab-saved")
    box_in_second.fill("Written in the second tab")
    conflict = second.locator("[data-conflict]")
    expect(conflict).to_be_visible(timeout=10_000)
    expect(conflict.get_by_role("heading", level=2)).to_have_text(
        "These notes changed in another tab"
    )
    expect(conflict.locator("[data-conflict-mine]")).to_have_text("Written in the second tab")
    expect(conflict.locator("[data-conflict-theirs]")).to_have_text("Written in the first tab")
    expect(save_state(second)).to_have_text("Not saved yet: choose a version below")
    second_tab.check("conflict")

    conflict.get_by_role("button", name="Keep mine").click()
    expect(conflict).to_be_hidden()
    wait_until_saved(second)
    conversation.refresh_from_db()
    assert conversation.notes == "Written in the second tab"
    second_tab.check("kept-mine")

    tab.assert_clean()
    second_tab.assert_clean()


def test_captured_so_far_lists_notes_under_questions_after_a_reload(
    open_tab, live_server, maya_said_yes
):
    alice, _career, _maya, conversation = maya_said_yes
    conversation.schedule(datetime.now(ZoneInfo("UTC")) + timedelta(days=2))
    tab = open_tab("captured-after-reload")
    log_in(tab, alice, live_server.url)
    page = tab.page
    page.goto(conversation.get_absolute_url() + "live/")
    # Arriving by address, the plan is still a suggestion: keep it to take notes under it.
    expect(page.locator("textarea[data-notes-field^='q-']")).to_have_count(0)
    page.get_by_role("button", name="Take notes under these questions").click()
    page.locator("textarea[data-notes-field^='q-']").first.fill(UNDER_QUESTION)
    expect(page.locator("#captured")).to_contain_text("Most research is evaluative")
    wait_until_saved(page)

    page.reload()
    tab.check("reloaded")
    expect(page.locator("#captured")).to_contain_text("Most research is evaluative", timeout=2_000)
    tab.assert_clean()


def test_todays_one_click_buttons_move_the_conversation(open_tab, live_server, maya_said_yes):
    """Mark as held after a call's time has passed; mark as no reply after the one follow-up."""
    alice, career, _maya, held_soon = maya_said_yes
    held_soon.schedule(datetime.now(ZoneInfo("UTC")) - timedelta(hours=2))
    jonas = Contact.objects.get(user=alice, name="Jonas Berg")
    silent = Conversation.plan(jonas, [career])
    sent = business_days_ago(alice, 20)
    silent.move_to(Conversation.Status.REQUESTED, sent)
    Conversation.objects.filter(pk=silent.pk).update(followed_up_at=business_days_ago(alice, 10))
    tab = open_tab("today-buttons")
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("Did you talk with Maya Chen?")).to_be_visible()
    expect(page.get_by_text("No reply from Jonas Berg")).to_be_visible()
    tab.check("today-buttons")

    page.get_by_role("button", name="Mark as held").click()
    expect(flash(page)).to_contain_text("Maya Chen: held.")
    held_soon.refresh_from_db()
    assert held_soon.status == Conversation.Status.HELD
    # Held now, so Today asks for the thank-you instead.
    expect(page.get_by_text("Thank Maya Chen")).to_be_visible()

    page.get_by_role("button", name="Mark as no reply").click()
    expect(flash(page)).to_contain_text("Jonas Berg: no reply.")
    silent.refresh_from_db()
    assert silent.status == Conversation.Status.NO_REPLY
    expect(page.get_by_text("No reply from Jonas Berg")).to_have_count(0)
    tab.check("today-buttons-pressed")

    tab.assert_clean()
