from io import BytesIO

import markdown
import pypdf
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Criterion, Item, Rating
from careerscout.insights.report import (
    PDF_BASE_URL,
    build_report,
    report_html,
    report_markdown,
    report_pdf,
    style_sheet,
)
from careerscout.tests.factories import make_contact, make_user


class ReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", name="Alice Martin")
        cls.ux = Career.objects.create(user=cls.alice, title="UX research", why="I like people")
        cls.pm = Career.objects.create(user=cls.alice, title="Product management")
        meaning = Criterion.objects.create(user=cls.alice, name="Meaning", weight=4)
        Rating.objects.create(user=cls.alice, career=cls.ux, criterion=meaning, value=5)
        Rating.objects.create(user=cls.alice, career=cls.pm, criterion=meaning, value=3)
        conversation = Conversation.plan(make_contact(cls.alice, "李小龙"), [cls.ux])
        conversation.move_to("scheduled")
        conversation.move_to("held")
        for kind, text, topic, skills in [
            ("insight", "Most research is evaluative", "day_to_day", []),
            ("concern", "On-call during launches", "lifestyle", []),
            ("advice", "Learn survey design", "skills", ["Survey design"]),
        ]:
            Item.objects.create(
                user=cls.alice,
                conversation=conversation,
                contact=conversation.contact,
                kind=kind,
                text=text,
                topic=topic,
                skills=skills,
            )
        Item.objects.create(user=cls.alice, career=cls.ux, kind="action", text="Take a course")

    def test_the_report_has_summary_evidence_gaps_ratings_and_next_steps_per_career(self):
        text = report_markdown(build_report(self.alice))
        assert text.startswith("# My career exploration")
        assert "**UX research**: 5.00 of 5" in text
        assert "UX research stays ahead of Product management" in text
        assert "## UX research" in text and "## Product management" in text
        assert "- Insight: Most research is evaluative (李小龙)" in text
        assert "1 conversation held" in text
        assert "Survey design" in text
        assert "- Take a course" in text
        assert "Still unknown:" in text and "Trends & challenges" in text

    def test_the_page_the_markdown_and_the_pdf(self):
        self.client.force_login(self.alice)
        page = self.client.get("/insights/report/").content.decode()
        assert "Most research is evaluative" in page
        markdown = self.client.get("/insights/report.md")
        assert markdown["Content-Type"].startswith("text/markdown")
        assert "attachment" in markdown["Content-Disposition"]
        pdf = self.client.get("/insights/report.pdf")
        assert pdf["Content-Type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
        assert len(pdf.content) > 1000

    def test_the_pdf_is_the_report_page_printed_with_its_charts_and_styles(self):
        report = build_report(self.alice)
        html = report_html(report)
        assert 'class="chart__neck"' in html and 'class="chart__axis"' in html
        pdf = report_pdf(report)
        text = pdf_text(pdf)
        for words in [
            "My career exploration",
            "Where I stand",
            "How far my outreach got",  # the funnel's title, then its stages drawn in SVG
            "Planned",
            "Most research is evaluative",
            "Still unknown:",
        ]:
            assert squeeze(words) in text, words
        assert "Log out" not in text and squeeze("Download PDF") not in text
        page = pypdf.PdfReader(BytesIO(pdf)).pages[0]
        assert round(float(page.mediabox.width)) == 595, "A4, as the style sheet's @page says"

    def test_the_pdf_fetches_our_style_sheets_and_nothing_else(self):
        assert style_sheet(PDF_BASE_URL + "static/css/app.css").name == "app.css"
        for url in [
            PDF_BASE_URL + "static/js/app.js",
            PDF_BASE_URL + "static/css/missing.css",
            "https://example.org/static/css/app.css",
            "file:///etc/passwd",
        ]:
            assert style_sheet(url) is None, url

    def test_another_users_report_holds_none_of_this(self):
        self.client.force_login(make_user("charlie"))
        assert "UX research" not in self.client.get("/insights/report.md").content.decode()


class OverviewTests(TestCase):
    def test_the_overview_shows_funnel_and_weekly_charts_with_tables(self):
        alice = make_user("alice")
        conversation = Conversation.plan(make_contact(alice, "Maya"), [])
        conversation.move_to("requested")
        self.client.force_login(alice)
        html = self.client.get("/insights/").content.decode()
        assert "How far your outreach got" in html
        assert '<th scope="row">Requested</th><td>1</td>' in html
        assert "Conversations held per week" in html
        assert 'class="chart__axis"' in html, "the weeks are drawn as columns on an axis"
        assert 'class="chart__neck"' in html, "the funnel is drawn as a funnel"

    def test_the_charts_cost_the_same_queries_however_many_conversations(self):
        alice = make_user("alice")
        self.client.force_login(alice)

        def queries() -> int:
            with CaptureQueriesContext(connection) as context:
                self.client.get("/insights/")
                self.client.get("/insights/report/")
            return len(context)

        Conversation.plan(make_contact(alice, "Maya"), []).move_to("requested")
        few = queries()
        for name in ["Ada", "Grace", "Katherine", "Radia"]:
            Conversation.plan(make_contact(alice, name), []).move_to("requested")
        assert queries() == few


def squeeze(text: str) -> str:
    """Text without its spaces: a PDF keeps words in order, not the gaps between them."""
    return "".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return squeeze(" ".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages))


PAYLOAD = "<div hx-post=/x hx-trigger=load>p</div><script>x</script> *bold* [link](javascript:x)"


class ReportEscapingTests(TestCase):
    """Names are typed by people and imported from files: the report shows them as text."""

    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", name=PAYLOAD)
        career = Career.objects.create(user=cls.alice, title=PAYLOAD, why=PAYLOAD + "\n# heading")
        contact = make_contact(cls.alice, PAYLOAD)
        conversation = Conversation.plan(contact, [career])
        conversation.move_to("scheduled")
        conversation.move_to("held")
        Item.objects.create(
            user=cls.alice, conversation=conversation, contact=contact, kind="insight", text=PAYLOAD
        )
        Item.objects.create(user=cls.alice, career=career, kind="action", text=PAYLOAD)

    def test_the_markdown_escapes_html_and_markdown_in_names_and_texts(self):
        text = report_markdown(build_report(self.alice))
        assert "<div" not in text and "<script" not in text
        assert "](javascript:" not in text
        assert "\n# heading" not in text
        html = markdown.markdown(text)
        assert "<div" not in html and "<script" not in html and "<a " not in html
        assert html.count("&lt;div hx-post=/x hx-trigger=load&gt;p&lt;/div&gt;") >= 5

    def test_the_pdf_shows_the_same_text_exactly_as_typed(self):
        text = pdf_text(report_pdf(build_report(self.alice)))
        assert text.count(squeeze(PAYLOAD)) >= 5, text
        assert "\\" not in text and "&lt;" not in text
