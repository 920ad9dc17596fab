"""What a new user's walk through the merged app turned up, checked in Chromium."""

import pytest
from playwright.sync_api import expect

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Criterion, Rating
from careerscout.tests.factories import make_contact, make_user

from .test_journeys import PHONE, field, log_in
from .test_more_journeys import write_connections_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_import_preview_on_a_phone_scrolls_its_table_not_the_page(
    open_tab, live_server, tmp_path
):
    """The table's hidden "Leave out <name>" labels once pushed the whole page sideways."""
    connections = write_connections_csv(tmp_path / "Connections.csv")
    alice = make_user("alice")
    tab = open_tab("import-preview-phone", **PHONE)
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto("/people/import/")
    page.get_by_label("LinkedIn connections").check()
    field(page, "File").set_input_files(connections)
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    tab.check("preview")
    assert not tab.overflows_horizontally()
    tab.assert_clean()


def test_the_rating_history_on_a_phone_scrolls_its_table_not_the_page(open_tab, live_server):
    alice = make_user("alice")
    career = Career.objects.create(user=alice, title="UX research")
    for name in ["Meaningful work", "Pay & security", "Fits my strengths"]:
        criterion = Criterion.objects.create(user=alice, name=name, weight=3)
        Rating.objects.create(user=alice, career=career, criterion=criterion, value=4)
    tab = open_tab("rating-history-phone", **PHONE)
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto(f"/insights/careers/{career.pk}/ratings/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How your view of UX research changed"
    )
    tab.check("ratings")
    assert not tab.overflows_horizontally()
    tab.assert_clean()


def test_your_data_on_a_phone_fits_the_restore_form(open_tab, live_server):
    """An empty account is offered a restore; its file picker once stuck out sideways."""
    alice = make_user("alice")
    tab = open_tab("your-data-phone", **PHONE)
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto("/settings/data/")
    expect(page.get_by_label("Export file (.json)")).to_be_visible()
    tab.check("restore")
    assert not tab.overflows_horizontally()
    tab.assert_clean()


def test_the_conversation_list_on_a_phone_scrolls_its_table_not_the_page(open_tab, live_server):
    alice = make_user("alice")
    careers = [
        Career.objects.create(user=alice, title=title)
        for title in ["Climate policy analysis", "Product management", "UX research"]
    ]
    for name in ["Maximilian Oberländer-Schwarzenberg", "Nguyễn Ngọc Anh"]:
        Conversation.plan(make_contact(alice, name), careers)
    tab = open_tab("conversation-list-phone", **PHONE)
    log_in(tab, alice, live_server.url)
    page = tab.page

    page.goto("/conversations/")
    expect(page.get_by_role("link", name="Nguyễn Ngọc Anh")).to_be_visible()
    tab.check("list")
    assert not tab.overflows_horizontally()
    tab.assert_clean()
