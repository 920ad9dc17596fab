"""“My career exploration”: one report, as a web page, Markdown and PDF."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation

from . import dashboard
from .comparison import Comparison, compare
from .evidence import appeals_and_concerns, board, career_evidence, people_heard, skill_mentions
from .models import Item, SkillRating
from .skills import skill_gaps


@dataclass
class CareerSection:
    """One career in the report; `unknown` names the topics nobody has talked about yet."""

    career: Career
    conversations: int
    appeals: int
    concerns: int
    topics: list  # TopicEvidence with items
    gaps: list
    score: object | None
    next_steps: list[Item] = field(default_factory=list)

    @property
    def has_evidence(self) -> bool:
        return any(topic.items for topic in self.topics)

    @property
    def unknown(self) -> str:
        return "; ".join(
            topic.coverage.label
            for topic in self.topics
            if topic.coverage.level == "none" and topic.coverage.topic != "general"
        )


@dataclass
class Report:
    name: str
    day: date
    sections: list[CareerSection]
    ranking: list
    steadiness: list[str]
    per_week: list[dashboard.Bar]
    funnel: list[dashboard.Bar]


def build_report(user, comparison: Comparison | None = None) -> Report:
    comparison = comparison or compare(user)
    scores = {score.key: score for score in comparison.scores}
    self_ratings = dict(SkillRating.objects.filter(user=user).values_list("name", "level"))
    sections = []
    for career in Career.objects.for_user(user):
        evidence = career_evidence(career)
        appeals, concerns = appeals_and_concerns(evidence)
        mentions = skill_mentions(career)
        sections.append(
            CareerSection(
                career=career,
                conversations=Conversation.objects.for_user(user)
                .about(career)
                .filter(held_at__isnull=False)
                .count(),
                appeals=appeals,
                concerns=concerns,
                topics=board(evidence),
                gaps=skill_gaps(mentions, self_ratings, people_heard(evidence)),
                score=scores.get(str(career.pk)),
                next_steps=list(Item.objects.for_user(user).actions().open().filter(career=career))
                + list(
                    Item.objects.for_user(user)
                    .actions()
                    .open()
                    .filter(conversation__careers=career)
                    .distinct()
                ),
            )
        )
    pairs = [pair.sentence for pair in comparison.robustness.pairs]
    return Report(
        name=user.name or user.username,
        day=user.local_date(),
        sections=sections,
        ranking=comparison.scores,
        steadiness=[*pairs, comparison.robustness.flip_sentence] if pairs else [],
        per_week=dashboard.conversations_per_week(user, user.local_date()),
        funnel=dashboard.funnel(user),
    )


def report_markdown(report: Report, anonymous: bool = False) -> str:
    """With `anonymous`, people appear as "a UX researcher" (for an adviser), never by name."""
    return render_to_string("insights/report.md", {"report": report, "anonymous": anonymous})


# WeasyPrint resolves the page's links against this made-up address. Only our style sheets are
# answered, so rendering a report never reaches the network or another file.
PDF_BASE_URL = "https://report.invalid/"


def report_html(report: Report) -> str:
    """The report page as a document of its own (no menu, no buttons): the same template."""
    return render_to_string("insights/report.html", {"report": report})


def report_pdf(report: Report) -> bytes:
    """The report page printed by WeasyPrint, with the page's styles and charts.

    Imported here, not at the top: the rest of the app runs even where Pango is missing.
    """
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StyleSheetsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            found = style_sheet(url)
            if found is None:
                raise ValueError(f"a report fetches nothing but its style sheets, not {url}")
            return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": "text/css"})

    return HTML(
        string=report_html(report), base_url=PDF_BASE_URL, url_fetcher=StyleSheetsOnly()
    ).write_pdf()


def style_sheet(url: str) -> Path | None:
    """The file behind one of our style sheets' URLs, or None for anything else."""
    prefix = PDF_BASE_URL + settings.STATIC_URL.lstrip("/")
    if not url.startswith(prefix) or not url.endswith(".css"):
        return None
    found = finders.find(url.removeprefix(prefix))
    return Path(found) if isinstance(found, str) else None
