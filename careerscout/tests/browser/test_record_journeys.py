"""After the first conversation, in Chromium: the record of each conversation, referrals,
follow-up dates, keep-in-touch and Today's "Coming up".

Each journey is walked on a desktop, and its pages are seen again on a phone (390 px) and in
dark mode; every page is screenshotted and audited (`Tab.check`), and must not scroll
sideways on the phone.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.capture import end_conversation
from careerscout.outreach.drafting import record_sent
from careerscout.tests.factories import PASSWORD, make_contact, make_user

from .test_journeys import PHONE, field, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTES = (
    "Dana runs research for the **mobile app**.\n\n"
    "! Most studies are evaluative, not discovery #day\n"
    "+ She talks with customers every week #day\n"
    "- Launch weeks run late #pay\n"
    "> Build a portfolio of three case studies #skill:storytelling\n"
    "[ ] Read Just Enough Research by 2026-12-09\n"
    "@Sam Lee (Staff Researcher, Initech) hires juniors every spring"
)
# Thursday 3 December 2026, 10:00 in London: the day the request goes out.
THURSDAY = datetime(2026, 12, 3, 10, tzinfo=UTC)


@pytest.fixture
def alice():
    return make_user("alice", email="alice@example.org", time_zone="Europe/London")


@pytest.fixture
def held(alice):
    """A conversation with Dana held on Monday, its notes turned into items; Sam, whom she
    suggested, was among Alice's people already."""
    career = Career.objects.create(user=alice, title="UX research")
    make_contact(alice, "Sam Lee", title="Staff Researcher", organization="Initech")
    dana = make_contact(alice, "Dana Whitfield", title="Research Lead", organization="Kestrel Bank")
    with time_machine.travel(datetime(2026, 11, 30, 9, tzinfo=UTC), tick=False):
        conversation = Conversation.plan(dana, [career])
        conversation.move_to(Conversation.Status.SCHEDULED)
        conversation.notes = NOTES
        conversation.save()
        end_conversation(conversation)
    return conversation


def seen_everywhere(open_tab, live_server, user, name: str, paths: list[str]) -> None:
    """The pages again on a phone and in dark mode, screenshotted and audited."""
    for suffix, options in [("phone", PHONE), ("dark", {"color_scheme": "dark", **PHONE})]:
        tab = open_tab(f"{name}-{suffix}", **options)
        log_in(tab, user, live_server.url)
        for number, path in enumerate(paths, start=1):
            tab.page.goto(path)
            tab.check(f"page{number}")
            assert not tab.overflows_horizontally(), f"{path} scrolls sideways at 390 px"
        tab.assert_clean()


def test_the_record_and_a_referral(open_tab, live_server, alice, held):
    tab = open_tab("record")
    page = tab.page
    log_in(tab, alice, live_server.url)
    dana = held.contact
    page.goto(dana.get_absolute_url())
    conversations = page.locator("section[aria-labelledby=conversations-heading]")
    expect(conversations).to_contain_text("Dana runs research for the mobile app.")
    tab.check("person-lists-the-conversation")
    conversations.get_by_role("link", name="Conversation of 30 Nov 2026").click()

    expect(page.get_by_role("heading", name="Conversation with Dana Whitfield")).to_be_visible()
    expect(page.locator(".prose strong")).to_have_text("mobile app")
    topics = page.locator("section[aria-labelledby=items-heading]")
    expect(topics.get_by_role("heading", name="Day-to-day work")).to_be_visible()
    expect(topics).to_contain_text("Most studies are evaluative, not discovery")
    expect(page.locator("section[aria-labelledby=actions-heading]")).to_contain_text(
        "Read Just Enough Research due Wed 9 Dec"
    )
    history = page.locator("section[aria-labelledby=history-heading]")
    expect(history).to_contain_text("Held the conversation")
    tab.check("the-record")

    page.locator("section[aria-labelledby=referrals-heading]").get_by_role(
        "link", name="Sam Lee"
    ).click()
    expect(page.get_by_role("heading", name="Sam Lee", level=1)).to_be_visible()
    about = page.locator("section[aria-labelledby=about-heading]")
    expect(about).to_contain_text("Dana Whitfield suggested them")
    timeline = page.locator("section[aria-labelledby=timeline-heading]")
    expect(timeline.get_by_role("link", name="Dana Whitfield suggested them")).to_be_visible()
    tab.check("the-person-suggested")

    page.get_by_text("Plan a conversation with Sam Lee").click()
    page.get_by_label("UX research").check()
    page.get_by_role("button", name="Plan it").click()
    expect(page.get_by_role("heading", name="Conversation with Sam Lee")).to_be_visible()
    page.get_by_role("link", name="Write the request").click()
    expect(page.get_by_label("Body")).to_contain_text("Dana Whitfield suggested I get in touch")
    tab.check("request-opens-with-the-referral")

    page.goto("/careers/")
    page.get_by_role("link", name="UX research").first.click()
    who = page.locator("main")
    expect(who).to_contain_text("Dana Whitfield suggested them")
    tab.assert_clean()
    sam = held.items.get(kind="referral").referred
    seen_everywhere(
        open_tab, live_server, alice, "record", [held.get_absolute_url(), sam.get_absolute_url()]
    )


def test_follow_up_dates_after_the_request_is_sent(open_tab, live_server, alice):
    dana = make_contact(
        alice, "Dana Whitfield", organization="Kestrel Bank", emails=["dana@kestrel.example"]
    )
    tab = open_tab("follow-up")
    page = tab.page
    log_in(tab, alice, live_server.url)
    with time_machine.travel(THURSDAY, tick=True):
        conversation = Conversation.plan(dana, [])
        page.goto(conversation.get_absolute_url())
        page.get_by_role("link", name="Write the request").click()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download .eml").click()
        assert download.value.suggested_filename == "request.eml"
        page.goto(conversation.get_absolute_url())
        expect(page.locator(".status")).to_have_text("Planned")
        page.get_by_role("link", name="Write the request").click()
        page.get_by_role("button", name="I sent it: record it").click()
        dates = page.locator("[data-follow-up-dates]")
        expect(dates).to_have_text(
            "Ask someone else at Kestrel Bank from Tue 8 Dec; "
            "one follow-up on Mon 14 Dec if no reply."
        )
        expect(page.get_by_role("link", name="Write the follow-up")).to_have_count(0)
        tab.check("dates-after-the-request")
    with time_machine.travel(datetime(2026, 12, 14, 9, tzinfo=UTC), tick=True):
        page.reload()
        page.get_by_role("link", name="Write the follow-up").click()
        expect(page.get_by_role("heading", name="Follow-up for Dana Whitfield")).to_be_visible()
        tab.check("follow-up-when-due")
        tab.assert_clean()
        seen_everywhere(
            open_tab, live_server, alice, "follow-up", [conversation.get_absolute_url()]
        )
    assert conversation.messages.count() == 1


def test_keep_in_touch_on_the_persons_page(open_tab, live_server, alice, held):
    dana = held.contact
    record_sent(alice, "thank_you", dana, held, "marked", "Thank you", "Thanks!", held.held_at)
    tab = open_tab("keep-in-touch")
    page = tab.page
    log_in(tab, alice, live_server.url)
    page.goto(dana.get_absolute_url())
    keep = page.locator("section[aria-labelledby=keep-heading]")
    expect(keep).to_contain_text("Every 3 months")
    expect(keep).to_contain_text("Mon 30 Nov 2026")
    expect(keep).to_contain_text("Sun 28 Feb 2027")
    tab.check("keep-in-touch")
    keep.get_by_role("link", name="Write a keep-in-touch note").click()
    body = page.get_by_label("Body")
    expect(body).to_contain_text("Dana")
    assert "{" not in body.input_value()
    tab.check("keep-in-touch-draft")
    tab.assert_clean()
    seen_everywhere(open_tab, live_server, alice, "keep-in-touch", [dana.get_absolute_url()])


def test_coming_up_on_today(open_tab, live_server, alice, held):
    maya = make_contact(alice, "Maya Chen", time_zone="Europe/Berlin")
    call = Conversation.plan(maya, [])
    call.schedule(datetime(2026, 12, 7, 14, tzinfo=UTC))
    with time_machine.travel(THURSDAY, tick=True):
        tab = open_tab("coming-up")
        page = tab.page
        log_in(tab, alice, live_server.url)
        page.goto("/")
        coming = page.locator("section[aria-labelledby=coming-up-heading]")
        expect(coming).to_contain_text("Mon 7 Dec")
        expect(coming).to_contain_text("14:00 Conversation with Maya Chen")
        expect(coming).to_contain_text("Wed 9 Dec")
        expect(coming).to_contain_text("Read Just Enough Research")
        due_now = page.locator("main h2").first
        expect(due_now).not_to_have_text("Coming up")
        tab.check("today-coming-up")
        coming.get_by_role("link", name="Conversation with Maya Chen").click()
        expect(page.get_by_role("heading", name="Conversation with Maya Chen")).to_be_visible()
        tab.assert_clean()
        seen_everywhere(open_tab, live_server, alice, "coming-up", ["/"])
    assert call.scheduled_at - THURSDAY < timedelta(days=7)


def test_the_account_takes_the_browsers_time_zone_and_the_picker_filters(open_tab, live_server):
    tab = open_tab("time-zone", timezone_id="Asia/Tokyo", **PHONE)
    page = tab.page
    page.goto("/")
    zone = field(page, "Your time zone")
    expect(zone).to_have_value("Asia/Tokyo")
    expect(zone.locator("optgroup[label=Europe]")).to_have_count(1)
    tab.check("pre-selected")
    page.get_by_label("Filter the time zones").fill("lisb")
    expect(zone).to_have_value("Europe/Lisbon")
    tab.check("filtered")
    assert not tab.overflows_horizontally()
    field(page, "Username").fill("alice")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_text("Your account is ready")).to_be_visible()
    tab.assert_clean()
    assert get_user_model().objects.get(username="alice").time_zone == "Europe/Lisbon"


def test_the_timer_stops_when_the_call_ends_and_later_edits_update_the_record(
    open_tab, live_server, alice
):
    maya = make_contact(alice, "Maya Chen")
    conversation = Conversation.plan(maya, [])
    conversation.schedule(datetime.now(UTC) + timedelta(minutes=5))
    tab = open_tab("timer")
    page = tab.page
    log_in(tab, alice, live_server.url)
    live = conversation.get_absolute_url() + "live/"
    page.goto(live)
    page.get_by_role("button", name="Start timer").click()
    expect(page.get_by_role("button", name="Reset timer")).to_be_visible()
    page.get_by_label("Other notes").fill("! Teams are small")
    expect(page.locator("[data-save-state]")).to_have_text("All saved", timeout=10_000)
    page.get_by_role("button", name="End the conversation and save the items").click()
    expect(page).to_have_url(f"{live_server.url}/insights/reflect/{conversation.pk}/")
    timers = page.evaluate("Object.keys(localStorage).filter((key) => key.endsWith('timer'))")
    assert timers == []

    page.goto(live)
    expect(page.locator("[data-timer-ended]")).to_contain_text("The call is over")
    expect(page.get_by_role("button", name="Start timer")).to_have_count(0)
    tab.check("editing-after-the-call")
    page.get_by_label("Other notes").fill("! Teams are small\n- Launch weeks run late")
    expect(page.locator("[data-save-state]")).to_have_text("All saved", timeout=10_000)
    page.get_by_role("button", name="Save and update the items").click()
    expect(page).to_have_url(f"{live_server.url}{conversation.get_absolute_url()}")
    expect(page.locator("section[aria-labelledby=items-heading]")).to_contain_text(
        "Launch weeks run late"
    )
    tab.check("record-after-editing")
    tab.assert_clean()
    assert conversation.items.count() == 2
