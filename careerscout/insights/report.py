"""“My career exploration”: one report, as a web page, Markdown and PDF."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.template.loader import render_to_string

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.lib.markdown import markdown_to_plain

from .comparison import compare
from .evidence import appeals_and_concerns, board, career_evidence, people_heard, skill_mentions
from .models import Item, SkillRating
from .skills import skill_gaps

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
]


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


def build_report(user) -> Report:
    comparison = compare(user)
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
    )


def report_markdown(report: Report, anonymous: bool = False) -> str:
    """With `anonymous`, people appear as "a UX researcher" (for an adviser), never by name."""
    return render_to_string("insights/report.md", {"report": report, "anonymous": anonymous})


def _font_path() -> str | None:
    return next((path for path in FONT_CANDIDATES if Path(path).exists()), None)


@dataclass(frozen=True)
class PdfLine:
    text: str
    size: int
    gap: float


def report_pdf_lines(report: Report) -> list[PdfLine]:
    """The Markdown report's lines as plain text, as typed: escapes undone, markers gone."""
    lines = []
    for line in report_markdown(report).splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("# "):
            lines.append(PdfLine(markdown_to_plain(stripped[2:]), 20, 4))
        elif stripped.startswith("## "):
            lines.append(PdfLine(markdown_to_plain(stripped[3:]), 15, 3))
        elif stripped.startswith("### "):
            lines.append(PdfLine(markdown_to_plain(stripped[4:]), 12, 2))
        elif stripped.startswith("- "):
            lines.append(PdfLine("• " + markdown_to_plain(stripped[2:]), 11, 1))
        else:
            lines.append(PdfLine(markdown_to_plain(stripped), 11, 2))
    return lines


def report_pdf(report: Report) -> bytes:
    """A plain, readable PDF of the Markdown report's content.

    Uses a Unicode system font (DejaVu Sans and the like) when one is installed; without one,
    letters outside Latin-1 are replaced, and the web page remains the faithful version.
    Text is written as plain text (fpdf2's own markup is off), so nothing in a name is read
    as formatting.
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    font = _font_path()
    if font:
        pdf.add_font("body", "", font)
        family = "body"
    else:
        family = "helvetica"
    pdf.add_page()
    for line in report_pdf_lines(report):
        text = line.text if font else line.text.encode("latin-1", "replace").decode("latin-1")
        bold = line.size > 11 and not font
        pdf.set_font(family, "B" if bold else "", line.size)
        pdf.multi_cell(0, line.size * 0.5, text, markdown=False)
        pdf.ln(line.gap)
    return bytes(pdf.output())
