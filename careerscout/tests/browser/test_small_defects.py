"""Small things found on the walk, checked in Chromium: a missing page that still looks like
Career Scout and leads back, and an import preview where one person can be left out."""

import re

import pytest
from playwright.sync_api import expect

from careerscout.people.models import Contact
from careerscout.tests.factories import make_contact, make_user

from .test_journeys import PHONE, field, log_in, main_nav
from .test_more_journeys import flash, write_connections_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("not-found-desktop", {}),
        ("not-found-phone", PHONE),
        ("not-found-dark", {"color_scheme": "dark"}),
    ],
)
def test_a_missing_page_wears_the_layout_and_leads_back(open_tab, live_server, name, options):
    alice = make_user("alice")
    make_contact(alice, "Maya Chen")
    tab = open_tab(name, **options)
    log_in(tab, alice, live_server.url)
    page = tab.page

    response = page.goto("/people/999999/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page")
    assert not tab.overflows_horizontally()
    tab.check("not-found")
    expect(main_nav(page).get_by_role("link", name="People")).to_be_visible()
    if page.locator("details.menu[open]").count():  # the phone's menu, opened just now
        page.locator("summary.menu__toggle").click()

    page.get_by_role("link", name="Back to Today").click()
    expect(page).to_have_url(f"{live_server.url}/")
    tab.assert_clean()


def test_leaving_one_person_out_of_an_import(open_tab, live_server, tmp_path):
    connections = write_connections_csv(tmp_path / "Connections.csv")
    alice = make_user("alice")
    tab = open_tab("import-leave-out")
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto("/people/import/")
    page.get_by_label("LinkedIn connections").check()
    field(page, "File").set_input_files(connections)
    page.get_by_role("button", name="Upload and preview").click()
    summary = page.get_by_role("list", name="Summary")
    expect(summary).to_contain_text("19 new people")

    new_people = page.get_by_role("region", name="New people")
    new_people.get_by_role("button", name="Leave out Anna Petrova").click()
    expect(flash(page)).to_contain_text(re.compile(r"Anna Petrova \(line \d+\) is left out"))
    expect(summary).to_contain_text("18 new people")
    expect(summary).to_contain_text("1 row left out by you")
    expect(new_people).not_to_contain_text("Anna Petrova")
    left_out = page.get_by_role("region", name="Left out by you")
    expect(left_out).to_contain_text("Anna Petrova")
    tab.check("one-left-out")

    page.get_by_role("region", name="New people").get_by_role(
        "button", name="Leave out Sam Taylor"
    ).click()
    page.get_by_role("region", name="Left out by you").get_by_role(
        "button", name="Put back Sam Taylor"
    ).click()
    expect(summary).to_contain_text("18 new people")
    assert Contact.objects.count() == 0, "nothing is saved before Import"

    page.get_by_role("button", name="Import 18 people").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import finished")
    expect(page.locator(".lead")).to_contain_text(
        "18 added, 0 updated, 0 unchanged, 1 row skipped, 1 row left out by you."
    )
    tab.check("imported-without-her")
    names = set(Contact.objects.filter(user=alice).values_list("name", flat=True))
    assert "Anna Petrova" not in names and "Sam Taylor" in names and len(names) == 18
    tab.assert_clean()


def test_adding_someone_already_here_warns_while_typing(open_tab, live_server):
    alice = make_user("alice")
    maya = make_contact(alice, "Maya Chen", emails=["maya@globex.example"])
    tab = open_tab("already-here")
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto("/people/new/")
    warning = page.locator("#already-here")
    field(page, "Name").press_sequentially("maya chen")
    expect(warning).to_contain_text("Maya Chen is already among your people: the same name.")
    expect(warning.get_by_role("link", name="Maya Chen")).to_have_attribute(
        "href", maya.get_absolute_url()
    )
    field(page, "Name").fill("Sam Lee")
    expect(warning).to_be_empty()
    field(page, "E-mail addresses").fill("MAYA@globex.example")
    expect(warning).to_contain_text("the same e-mail")
    tab.check("warned-while-typing")

    page.get_by_role("button", name="Save person").click()
    expect(page.locator("#already-here")).to_contain_text("Nothing is saved yet")
    tab.check("warned-on-saving")
    assert Contact.objects.filter(user=alice).count() == 1

    page.get_by_role("button", name="Save as a new person anyway").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sam Lee")
    assert Contact.objects.filter(user=alice).count() == 2
    tab.assert_clean()
