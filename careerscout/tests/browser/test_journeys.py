"""Whole journeys in Chromium against the live server: `make test-browser` (pytest -m browser).

Screenshots land in test-artifacts/screenshots/, every axe-core finding in
test-artifacts/axe-report.txt.
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from careerscout.tests.factories import PASSWORD, make_contact, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def log_in(tab, user, base_url: str) -> None:
    """Skip the login form: give the browser a session made by Django's test client."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    tab.page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def field(page, label: str):
    """The form control labelled exactly `label` (Django adds a colon to its labels)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def main_nav(page):
    """The main navigation, opening the phone's menu first when the page shows one."""
    toggle = page.locator("summary.menu__toggle")
    if toggle.is_visible() and not page.locator("details.menu[open]").count():
        toggle.click()
    return page.get_by_role("navigation", name="Main")


def test_first_visit_create_account_add_find_and_open_a_person(open_tab, live_server):
    tab = open_tab("journey")
    page = tab.page

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/welcome/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your account")
    tab.check("welcome")

    field(page, "Username").fill("alice")
    field(page, "Your name").fill("Alice")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_text("Your account is ready")).to_be_visible()
    tab.check("today-first-time")

    main_nav(page).get_by_role("link", name="People").click()
    expect(page).to_have_url(re.compile(r"/people/$"))
    tab.check("people-empty")

    page.get_by_role("link", name="Add a person", exact=True).click()
    expect(page).to_have_url(re.compile(r"/people/new/$"))
    tab.check("add-person")

    page.get_by_role("button", name="Save person").click()
    expect(field(page, "Name")).to_have_attribute("aria-invalid", "true")
    tab.check("add-person-needs-a-name")

    field(page, "Name").fill("Ada Lovelace")
    field(page, "Job title").fill("Analyst")
    field(page, "E-mail addresses").fill("ada@example.org")
    field(page, "Tags").fill("computing, alumni")
    page.get_by_role("button", name="Save person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Lovelace")
    expect(page.get_by_text("Ada Lovelace is saved.")).to_be_visible()
    tab.check("person-saved")

    # Someone the search has to leave out.
    alice = get_user_model().objects.get(username="alice")
    make_contact(alice, name="Grace Hopper", title="Rear admiral")

    main_nav(page).get_by_role("link", name="People").click()
    results = page.locator("#results")
    expect(results).to_contain_text("2 people")
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#id_q").press_sequentially("lovel", delay=40)
    expect(page.get_by_text("1 person match")).to_be_visible()
    expect(
        page.locator("[id=results]"), "htmx must replace #results, not nest a second one in it"
    ).to_have_count(1)
    expect(results).to_contain_text("1 person match")
    expect(results.get_by_role("link", name="Ada Lovelace")).to_be_visible()
    expect(results).not_to_contain_text("Grace Hopper")
    assert page.evaluate("window.stillTheSamePage === true"), "htmx should update #results in place"
    expect(page).to_have_url(re.compile(r"[?&]q=lovel"))
    tab.check("people-live-search")

    # Enter submits the search at once, without waiting for the live search's pause.
    main_nav(page).get_by_role("link", name="People").click()
    page.locator("#id_q").fill("Analyst")
    page.locator("#id_q").press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Analyst"))
    expect(results).to_contain_text("1 person match")
    tab.check("people-search-submitted")

    results.get_by_role("link", name="Ada Lovelace").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada Lovelace")
    expect(page.get_by_text("ada@example.org")).to_be_visible()
    tab.check("person")

    tab.assert_clean()


def test_search_works_without_javascript(open_tab, live_server):
    alice = make_user("alice", name="Alice")
    make_contact(alice, name="Ada Lovelace", title="Analyst")
    make_contact(alice, name="Grace Hopper", title="Rear admiral")
    tab = open_tab("no-javascript", java_script_enabled=False)
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto("/people/")
    field(page, "Search").fill("hopper")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"[?&]q=hopper"))
    expect(page.locator("#results")).to_contain_text("1 person match")
    expect(page.get_by_role("link", name="Grace Hopper")).to_be_visible()
    expect(page.get_by_role("link", name="Ada Lovelace")).to_have_count(0)
    tab.check("people-search", audit=False)  # axe-core needs JavaScript

    tab.assert_clean()


@pytest.fixture
def alice_with_people():
    alice = make_user("alice", name="Alice")
    ada = make_contact(
        alice,
        name="Ada Lovelace",
        title="Analyst",
        emails=["ada@example.org"],
        phone="+44 20 7946 0000",
        location="London",
        how_we_know="Met at the alumni evening; she offered to talk about analytics careers.",
        notes="Ask how she **chose** her first role.\n\n- what a normal week looks like\n- skills",
        tags=["computing", "alumni", "London"],
    )
    for name, title in [
        ("Grace Hopper", "Rear admiral"),
        ("Katherine Johnson", "Research mathematician"),
        ("Radia Perlman", "Network engineer with a very long title that has to wrap somewhere"),
    ]:
        make_contact(alice, name=name, title=title, tags=["engineering"])
    return alice, ada


def pages_to_visit(page, ada) -> list[tuple[str, str]]:
    """Every section in the main navigation, so that new sections are covered as they come,
    then a person's page and the longest form."""
    page.goto("/")
    links = main_nav(page).get_by_role("link")
    sections = [
        (
            re.sub(r"\W+", "-", links.nth(i).inner_text().strip().lower()),
            links.nth(i).get_attribute("href"),
        )
        for i in range(links.count())
    ]
    assert len(sections) >= 3, f"The main navigation looks broken: {sections}"
    return [*sections, ("person", ada.get_absolute_url()), ("add-person", "/people/new/")]


def test_every_main_page_fits_a_phone_screen(open_tab, live_server, alice_with_people):
    alice, ada = alice_with_people
    tab = open_tab("phone", **PHONE)
    log_in(tab, alice, live_server.url)

    too_wide = []
    for step, url in pages_to_visit(tab.page, ada):
        tab.page.goto(url)
        tab.check(step)
        if tab.overflows_horizontally():
            too_wide.append(url)

    assert not too_wide, f"These pages scroll sideways at 390 px: {too_wide}"
    tab.assert_clean()


def test_every_main_page_is_readable_in_dark_mode(open_tab, live_server, alice_with_people):
    alice, ada = alice_with_people
    tab = open_tab("dark", color_scheme="dark")
    log_in(tab, alice, live_server.url)

    for step, url in pages_to_visit(tab.page, ada):
        tab.page.goto(url)
        tab.check(step)
    tab.page.set_viewport_size({"width": 390, "height": 844})
    tab.page.goto("/people/")
    tab.check("people-phone")

    assert tab.page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    tab.assert_clean()


def test_the_keyboard_reaches_the_content_first(open_tab, live_server, alice_with_people):
    alice, _ = alice_with_people
    tab = open_tab("keyboard")
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto("/people/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    tab.check("skip-link-focused")
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    tab.assert_clean()


def test_the_checks_catch_csp_violations_and_accessibility_problems(open_tab):
    """The other tests pass only because the page is clean, not because the checks are blind."""
    tab = open_tab("self-test")
    tab.page.goto("/welcome/")
    tab.page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineScriptRan = true";
            document.body.append(script);
            const image = document.createElement("img");
            image.src = "/static/favicon.svg";
            document.querySelector("main").append(image);
        }"""
    )
    tab.audit("self-test")

    with pytest.raises(AssertionError) as failure:
        tab.assert_clean()
    assert "image-alt" in str(failure.value)
    assert "Content Security Policy" in str(failure.value)
    assert not tab.page.evaluate("window.inlineScriptRan === true")
