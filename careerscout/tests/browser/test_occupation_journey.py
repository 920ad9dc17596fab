"""Understanding the work: a career's occupation from O*NET, in Chromium on the live server.

The person adds "UX research", confirms the occupation Career Scout suggests, reads what the
work is on the overview (on a phone too), and turns a related occupation into a new career.
"""

import pytest
from playwright.sync_api import expect

from careerscout.careers.models import Career
from careerscout.tests.factories import make_user

from .test_journeys import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_career_learns_what_the_work_is(open_tab, live_server):
    alice = make_user("alice")
    career = Career.objects.create(user=alice, title="UX research")
    tab = open_tab("occupation")
    page = tab.page
    log_in(tab, alice, live_server.url)

    page.goto(career.get_absolute_url())
    work = page.get_by_role("region", name="What the work is")
    expect(work).to_contain_text("Which occupation is “UX research”?")
    suggestion = work.get_by_label("Web and Digital Interface Designers (15-1255.00)", exact=False)
    expect(work).to_contain_text("An alternate title: UX Researcher")
    tab.check("suggestions")
    suggestion.check()
    work.get_by_role("button", name="Save these").click()

    work = page.get_by_role("region", name="What the work is")
    expect(work.get_by_role("heading", level=3)).to_contain_text(
        "Web and Digital Interface Designers"
    )
    expect(work).to_contain_text("Considerable preparation needed.")
    expect(work.locator("ol > li")).to_have_count(10)
    expect(work).to_contain_text("Hot technologies")
    tab.check("overview")
    page.set_viewport_size({"width": 390, "height": 844})
    assert not tab.overflows_horizontally()
    tab.check("overview-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    work.get_by_text("Its tasks, titles, technologies and related occupations").click()
    work.get_by_role("button", name="Explore Web Developers as a career").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Web Developers")
    expect(page.locator("main .messages")).to_contain_text("is on your list to explore")
    expect(page.get_by_role("region", name="What the work is")).to_contain_text(
        "Develop and implement websites"
    )
    tab.check("related-career")

    page.get_by_role("link", name="About Career Scout and its data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About Career Scout")
    expect(page.locator("main")).to_contain_text("Used under the CC BY 4.0 license.")
    tab.check("about")
    tab.assert_clean()
