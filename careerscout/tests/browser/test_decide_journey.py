"""Reflect and decide, in Chromium against the live server (issue 6).

A held conversation → its reflection → the career's page with the new evidence and coverage →
comparing careers → downloading the report. Like test_journeys.py, every page a person looks
at is screenshotted and audited with axe-core (`Tab.check`), and `Tab.assert_clean()` fails on
CSP violations, JavaScript errors, missing static files, server errors and serious
accessibility problems.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.criteria import SUGGESTED, add_criteria
from careerscout.insights.models import Criterion, Item, Rating, Reflection
from careerscout.tests.factories import make_contact, make_user

from .test_journeys import PHONE, field, log_in, main_nav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The downloaded report, kept next to the screenshots for a person to read.
DOWNLOADS = Path(__file__).resolve().parents[3] / "test-artifacts" / "downloads"

# Typed during the call with the quick-capture markers; the last line is typed in the browser.
NOTES = (
    "! Most research is evaluative, not generative #day\n"
    "- On-call during launches is stressful #pay\n"
    '> Learn survey design #skill:"survey design"\n'
    '[ ] Read "Just Enough Research" by {due}'
)
TYPED_LINE = "+ Lots of time talking to users #day"
# Product management, rated after an earlier conversation: three of the five criteria.
PM_RATINGS = {"Meaningful work": 3, "Pay & security": 5, "Growth": 4}
# What the reflection rates UX research on; "Pay & security" and "Growth" stay gaps.
UX_RATINGS = {"Meaningful work": "4", "Balance": "3", "Fits my strengths": "5"}


@pytest.fixture
def alice_mid_conversation():
    """Alice, her criteria, two careers, and a call with Maya about UX research under way."""
    now = timezone.now()
    alice = make_user("alice", name="Alice")
    add_criteria(alice, SUGGESTED)
    ux = Career.objects.create(
        user=alice,
        title="UX research",
        status=Career.Status.PROMISING,
        why="I like understanding why people do what they do.",
    )
    pm = Career.objects.create(user=alice, title="Product management")
    criteria = {criterion.name: criterion for criterion in Criterion.objects.filter(user=alice)}
    for name, value in PM_RATINGS.items():
        Rating.objects.create(
            user=alice,
            career=pm,
            criterion=criteria[name],
            value=value,
            rated_at=now - timedelta(days=20),
        )
    maya = make_contact(
        alice, name="Maya Chen", title="Senior UX Researcher", organization="Globex"
    )
    ux.contacts.add(maya)
    conversation = Conversation.plan(maya, [ux])
    conversation.schedule(now - timedelta(minutes=15))
    conversation.notes = NOTES.format(due=(now + timedelta(days=10)).date().isoformat())
    conversation.save(update_fields=["notes"])
    assert conversation.status == Conversation.Status.SCHEDULED
    return alice, ux, conversation


def evidence_under(page, topic: str):
    """The list of what people said under one topic heading of a career's evidence board."""
    heading = page.locator("#evidence h3").filter(has_text=re.compile(rf"^\s*{re.escape(topic)}"))
    return heading.locator("xpath=following-sibling::ul[1]")


def test_held_conversation_to_reflection_comparison_and_report(
    open_tab, live_server, alice_mid_conversation
):
    alice, ux, conversation = alice_mid_conversation
    tab = open_tab("decide")
    log_in(tab, alice, live_server.url)
    page = tab.page
    coverage = page.get_by_label("Coverage by topic")

    # Before the call: nothing is known about UX research yet.
    page.goto(ux.get_absolute_url())
    page.get_by_role("navigation", name="Sections of UX research").get_by_role(
        "link", name="What you have learned"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("UX research")
    expect(coverage).to_contain_text("Day-to-day work: nothing yet")
    expect(coverage).to_contain_text("Pay, hours & lifestyle: nothing yet")
    expect(page.locator("#evidence .pill--concern")).to_have_count(0)
    tab.check("career-before")

    # The conversation, then its live notes.
    page.goto(conversation.get_absolute_url())
    expect(page.locator(".status")).to_have_text("Scheduled")
    tab.check("conversation-scheduled")
    page.get_by_role("button", name="Start the conversation").click()
    expect(page).to_have_url(re.compile(rf"/conversations/{conversation.pk}/live/$"))
    expect(field(page, "Other notes")).to_have_value(re.compile("Most research is evaluative"))
    captured = page.locator("#captured")
    expect(captured).to_contain_text("Most research is evaluative, not generative")
    expect(captured).to_contain_text("On-call during launches is stressful")

    # One last line before saying goodbye: it autosaves and shows up in "Captured so far".
    notes = field(page, "Other notes")
    notes.press("Control+End")
    notes.press_sequentially(f"\n{TYPED_LINE}", delay=10)
    expect(captured).to_contain_text("Lots of time talking to users")
    notes.blur()
    expect(page.locator("[data-save-state]")).to_have_text("All saved")
    page.evaluate("window.scrollTo(0, 0)")  # else the sticky bar lands mid-screenshot
    tab.check("live-notes")

    page.get_by_role("button", name="End the conversation and save the items").click()
    expect(page).to_have_url(re.compile(rf"/insights/reflect/{conversation.pk}/$"))
    expect(page.get_by_text("Well done! 5 items from your notes are saved.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "What did you take from talking with Maya Chen?"
    )
    tab.check("reflect")

    # The reflection: a few honest lines, three ratings, and what they rest on.
    field(page, "What surprised you").fill("How little of the research is exploratory.")
    field(page, "What worried you").fill("Being on call during launches.")
    for criterion, value in UX_RATINGS.items():
        page.get_by_label(f"UX research: {criterion}", exact=True).select_option(value)
    expect(page.get_by_label("UX research: Growth", exact=True)).to_have_value("")
    page.get_by_label("Most research is evaluative, not generative").check()
    expect(page.get_by_label("Lots of time talking to users")).to_be_visible()
    expect(page.get_by_label(re.compile("Just Enough Research"))).to_have_count(0)  # an action
    tab.check("reflect-filled")
    page.get_by_role("button", name="Save my reflection").click()

    # Back on the career's page: the evidence, by topic, and the coverage that grew.
    expect(page).to_have_url(f"{live_server.url}/insights/careers/{ux.pk}/")
    expect(page.get_by_text("Your reflection is saved.")).to_be_visible()
    expect(evidence_under(page, "Day-to-day work")).to_contain_text(
        "Most research is evaluative, not generative"
    )
    expect(evidence_under(page, "Day-to-day work")).to_contain_text("Lots of time talking to users")
    expect(evidence_under(page, "Day-to-day work")).to_contain_text("Maya Chen")
    expect(evidence_under(page, "Pay, hours & lifestyle")).to_contain_text(
        "On-call during launches is stressful"
    )
    expect(evidence_under(page, "Other things you heard")).to_contain_text(
        re.compile(r"Learn survey design\s+skills: survey design")
    )
    expect(coverage).to_contain_text("Day-to-day work: 1 person")
    expect(coverage).to_contain_text("Pay, hours & lifestyle: 1 person")
    expect(coverage).to_contain_text("Trends & challenges: nothing yet")
    expect(page.locator("#evidence .pill--concern")).to_have_text("1 concern")
    expect(page.locator("#evidence .pill--appeal")).to_have_text("1 appeal")
    # "It shows on each career's page": the reflection itself, folded until opened.
    reflections = page.locator("#reflections")
    reflections.get_by_text("After talking with Maya Chen").click()
    expect(reflections.get_by_text("How little of the research is exploratory.")).to_be_visible()
    expect(reflections.get_by_text("Being on call during launches.")).to_be_visible()
    tab.check("career-learned-after")

    # Decide: the ratings and the skills to build.
    page.get_by_role("link", name="Decide").click()
    ratings = page.locator("#ratings tbody tr")
    expect(ratings.filter(has_text="Meaningful work")).to_contain_text("4 of 5")
    expect(ratings.filter(has_text="Fits my strengths")).to_contain_text("5 of 5")
    expect(ratings.filter(has_text="Growth")).to_contain_text("not rated yet")
    expect(page.locator("#skills")).to_contain_text("Mentioned by: Survey design (1)")
    expect(page.get_by_role("button", name="A course in Survey design")).to_be_visible()
    tab.check("career-decide-after")

    reflection = Reflection.objects.get(conversation=conversation)
    assert reflection.surprised == "How little of the research is exploratory."
    rating = Rating.objects.get(career=ux, criterion__name="Meaningful work")
    assert [item.text for item in rating.evidence.all()] == [
        "Most research is evaluative, not generative"
    ]
    assert Item.objects.filter(conversation=conversation).count() == 5
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.HELD

    # Insights: the overview's charts, then the comparison.
    main_nav(page).get_by_role("link", name="Insights").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    per_week = page.get_by_role("figure", name="Conversations held per week")
    expect(per_week.locator("rect.chart__fill")).to_have_count(1)  # one column: this week's
    expect(per_week.locator("tbody tr")).to_have_count(12)
    expect(per_week.locator("tbody tr").last.locator("td")).to_have_text("1")
    funnel = page.get_by_role("figure", name="How far your outreach got")
    expect(funnel.locator("polygon.chart__neck").first).to_be_attached()
    expect(funnel.locator("tbody tr").filter(has_text="Held").locator("td")).to_have_text("1")
    tab.check("insights-overview")

    page.get_by_role("link", name=re.compile(r"^\s*Compare careers")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare your careers")
    matrix = page.locator("table.matrix")
    expect(matrix.locator("thead th")).to_have_text(
        [
            "Career",
            "Weighted average",
            re.compile(r"Meaningful work\s*weight 4"),
            re.compile(r"Pay & security\s*weight 3"),
            re.compile(r"Balance\s*weight 3"),
            re.compile(r"Fits my strengths\s*weight 4"),
            re.compile(r"Growth\s*weight 3"),
        ]
    )
    # (4×4 + 3×3 + 5×4) / 11 = 4.09 and (3×4 + 5×3 + 4×3) / 10 = 3.90; gaps are left out.
    ux_row = matrix.locator("tbody tr").filter(
        has=page.get_by_role("rowheader", name="UX research")
    )
    pm_row = matrix.locator("tbody tr").filter(
        has=page.get_by_role("rowheader", name="Product management")
    )
    expect(ux_row.locator("td")).to_have_text([re.compile("^4.09"), "4", "gap", "3", "5", "gap"])
    expect(pm_row.locator("td")).to_have_text([re.compile("^3.90"), "3", "5", "gap", "gap", "4"])
    expect(matrix.locator(".gap").first).to_have_attribute("title", "Not rated yet")
    chart = page.locator("figure.chart")
    expect(chart.locator(".chart__row")).to_have_count(2)
    expect(chart.locator(".chart__row").first.locator(".chart__label")).to_have_text("UX research")
    expect(chart.locator(".chart__value")).to_have_text(["4.09 of 5", "3.90 of 5"])
    expect(chart.locator(".chart__row").first.locator("rect[class^=series-]")).to_have_count(3)
    expect(chart.locator(".legend li")).to_have_count(5)
    expect(
        page.get_by_text(
            re.compile(r"^UX research stays ahead of Product management in \d+% of weightings\.$")
        )
    ).to_be_visible()
    tab.check("compare")

    # The report, on the page and downloaded.
    main_nav(page).get_by_role("link", name="Insights").click()
    page.get_by_role("link", name=re.compile(r"^\s*Your report")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My career exploration")
    report = page.locator("article.report")
    expect(report).to_contain_text("Most research is evaluative, not generative (Maya Chen)")
    expect(report.locator("#stand-heading + ol li").first).to_contain_text("UX research: 4.09 of 5")
    tab.check("report")

    with page.expect_download() as markdown_download:
        page.get_by_role("link", name="Download Markdown").click()
    markdown_file = markdown_download.value
    assert markdown_file.suggested_filename == "my-career-exploration.md"
    markdown_file.save_as(DOWNLOADS / markdown_file.suggested_filename)
    markdown = (DOWNLOADS / markdown_file.suggested_filename).read_text(encoding="utf-8")
    assert markdown.startswith("# My career exploration\n")
    assert "- **UX research**: 4.09 of 5" in markdown
    assert "- Insight: Most research is evaluative, not generative (Maya Chen)" in markdown
    assert "- Concern: On-call during launches is stressful (Maya Chen)" in markdown
    assert "**Day-to-day work** (1 source)" in markdown
    assert re.search(
        r"UX research stays ahead of Product management in \d+% of weightings", markdown
    )

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download PDF").click()
    pdf_file = pdf_download.value
    assert pdf_file.suggested_filename == "my-career-exploration.pdf"
    pdf_file.save_as(DOWNLOADS / pdf_file.suggested_filename)
    assert (DOWNLOADS / pdf_file.suggested_filename).read_bytes().startswith(b"%PDF-")
    expect(page.get_by_role("heading", level=1)).to_have_text("My career exploration")

    tab.assert_clean()

    # The same pages on a phone in dark mode: readable, and none scrolls sideways.
    dark = open_tab("decide-dark", color_scheme="dark", **PHONE)
    log_in(dark, alice, live_server.url)
    too_wide = []
    for step, url in [
        ("reflect-again", f"/insights/reflect/{conversation.pk}/"),
        ("career", ux.get_absolute_url()),
        ("insights-overview", "/insights/"),
        ("compare", "/insights/compare/"),
        ("report", "/insights/report/"),
    ]:
        dark.page.goto(url)
        expect(dark.page.get_by_role("heading", level=1)).to_be_visible()
        dark.check(step)
        if dark.overflows_horizontally():
            too_wide.append(url)
    expect(dark.page.get_by_role("heading", level=1)).to_have_text("My career exploration")
    assert not too_wide, f"These pages scroll sideways at 390 px: {too_wide}"
    dark.assert_clean()
