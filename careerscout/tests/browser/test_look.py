"""The look: the design system page, the phone's menu, charts, the board and the comparison,
photographed on a desktop (1280 px), a phone (390 px) and in dark mode, and audited by axe-core.
"""

import pytest
from playwright.sync_api import expect

from careerscout.demo.exploration import add_sample_exploration
from careerscout.demo.people import add_demo_people
from careerscout.lib.vocabulary import ConversationStatus
from careerscout.tests.factories import make_user

from .test_journeys import PHONE, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
DARK = {**DESKTOP, "color_scheme": "dark"}
MODES = {"desktop": DESKTOP, "phone": PHONE, "dark": DARK}


def signed_in(open_tab, live_server, user, name: str, mode: str):
    """A tab on `mode`'s screen (desktop, phone or dark), signed in as `user`."""
    tab = open_tab(name, **MODES[mode])
    log_in(tab, user, live_server.url)
    return tab


@pytest.fixture
def explorer():
    """The demo's exploration: people, three careers, conversations at every stage, ratings."""
    user = make_user("sam", name="Sam Rivera")
    add_demo_people(user, 30)
    add_sample_exploration(user)
    return user


@pytest.mark.parametrize("mode", MODES)
def test_the_design_system_page(open_tab, live_server, mode):
    tab = signed_in(open_tab, live_server, make_user("alice"), f"design-{mode}", mode)
    page = tab.page

    page.goto("/design/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Design system")
    for part in ["Colours", "Type scale", "Icons", "Buttons", "Chips", "Cards", "Charts"]:
        expect(page.get_by_role("heading", name=part, exact=True)).to_be_visible()
    expect(page.locator(".message")).to_have_count(4)
    expect(page.locator(".chip")).to_have_count(len(ConversationStatus) + 4)
    tab.check("design")
    assert not tab.overflows_horizontally()
    tab.assert_clean()


def test_a_phone_gets_a_compact_menu(open_tab, live_server, explorer):
    tab = signed_in(open_tab, live_server, explorer, "phone-menu", "phone")
    page = tab.page

    page.goto("/")
    header = page.locator(".site-header").bounding_box()
    assert header and header["height"] < 80, "one row, not two wrapped rows of links"
    people = page.get_by_role("link", name="People", exact=True)
    expect(people).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(people).to_be_visible()
    tab.check("menu-open")
    people.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    expect(page.get_by_role("link", name="Careers", exact=True)).to_be_hidden()
    tab.assert_clean()


def test_a_desktop_shows_the_whole_menu(open_tab, live_server, explorer):
    tab = signed_in(open_tab, live_server, explorer, "desktop-menu", "desktop")
    page = tab.page

    page.goto("/")
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    for name in ["Today", "People", "Careers", "Conversations", "Insights", "Settings"]:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_in_viewport()
    expect(nav.get_by_role("button", name="Log out")).to_be_in_viewport()
    assert not tab.overflows_horizontally()
    tab.assert_clean()


def test_the_board_never_scrolls_sideways_and_shows_every_column(open_tab, live_server, explorer):
    for mode in ["phone", "desktop", "dark"]:
        tab = signed_in(open_tab, live_server, explorer, f"board-{mode}", mode)
        page = tab.page
        page.goto("/conversations/?view=board")
        columns = page.locator(".board-column")
        expect(columns).to_have_count(len(ConversationStatus))
        tab.check("board")
        assert not tab.overflows_horizontally(), f"the board scrolls sideways on {mode}"
        width = page.viewport_size["width"]
        for index in range(columns.count()):
            box = columns.nth(index).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (mode, index)
        if mode == "desktop":  # a card moves with its menu and the arrow beside it
            card = page.locator('[data-status="planned"] .board-card').first
            name = card.locator("h3").inner_text()
            card.get_by_role("combobox").select_option("requested")
            card.get_by_role("button", name=f"Move {name}").click()
            expect(page.locator('[data-status="requested"]')).to_contain_text(name)
        tab.assert_clean()


def test_the_comparison_fits_a_phone_with_the_weighted_average_in_view(
    open_tab, live_server, explorer
):
    tab = signed_in(open_tab, live_server, explorer, "compare-phone", "phone")
    page = tab.page

    page.goto("/insights/compare/")
    average = page.get_by_role("columnheader", name="Weighted average")
    expect(average).to_be_in_viewport()
    box = average.bounding_box()
    assert box and box["x"] + box["width"] <= 390
    tab.check("compare")
    assert not tab.overflows_horizontally()
    tab.assert_clean()


def test_charts_read_as_charts_in_both_themes(open_tab, live_server, explorer):
    for mode in ["desktop", "phone", "dark"]:
        tab = signed_in(open_tab, live_server, explorer, f"charts-{mode}", mode)
        page = tab.page

        page.goto("/insights/")
        per_week = page.get_by_role("figure", name="Conversations held per week")
        expect(per_week.locator("rect.chart__fill").first).to_be_visible()
        funnel = page.get_by_role("figure", name="How far your outreach got")
        expect(funnel.locator("polygon.chart__neck").first).to_be_visible()
        funnel.get_by_text("Show the numbers as a table").click()
        expect(funnel.get_by_role("table")).to_be_visible()
        tab.check("insights")
        fill = per_week.locator("rect.chart__fill").first.evaluate(
            "el => getComputedStyle(el).fill"
        )
        accent = "rgb(124, 196, 178)" if mode == "dark" else "rgb(47, 111, 98)"
        assert fill == accent, f"the columns follow the {mode} theme"

        page.goto("/conversations/")
        expect(page.get_by_role("figure", name="Replies by career")).to_contain_text("replied")
        tab.check("conversations")
        page.goto("/insights/report/")
        expect(page.get_by_role("figure", name="How far my outreach got")).to_be_visible()
        tab.check("report")
        assert not tab.overflows_horizontally()
        tab.assert_clean()


def test_each_section_of_a_career_is_about_two_screens_on_a_desktop(
    open_tab, live_server, explorer
):
    career = explorer.career_set.order_by("pk").first()
    tab = signed_in(open_tab, live_server, explorer, "career-hub", "desktop")
    page = tab.page
    for step, url in [
        ("overview", career.get_absolute_url()),
        ("who-to-ask", f"/careers/{career.pk}/who-to-ask/"),
        ("learned", f"/insights/careers/{career.pk}/"),
        ("decide", f"/insights/careers/{career.pk}/decide/"),
    ]:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(career.title)
        tab.check(step)
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 2 * 800 * 1.1, f"{step} is {height} px tall: more than two screens"
        assert not tab.overflows_horizontally()
    tab.assert_clean()
