"""Every default draft, for every kind of person and conversation we can think of, reads as a
careful person writes and passes our own checker with nothing to fix.

The objects are built in memory (nothing is saved) and each distinct text is checked once, so
the whole matrix stays quick; `draft_values` is what the page and the API fill the templates
with.
"""

import itertools
import re
from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Item
from careerscout.lib.career_names import career_names
from careerscout.outreach.checker import KINDS, check_draft
from careerscout.outreach.defaults import DEFAULT_TEMPLATES, render_template
from careerscout.outreach.drafting import draft_values
from careerscout.people.models import Contact

CAREERS = {
    "a role": ["UX Researcher"],
    "a field": ["UX research"],
    "another field": ["Data analysis"],
    "a role it cannot split": ["Park ranger"],
    "a field it cannot split": ["Public policy"],
    "no career": [],
    "two careers": ["UX research", "Product management"],
}
CONNECTIONS = {
    "how we met": ("Met at the UX Berlin meetup last spring", "event"),
    "who suggested them": ("Dana Whitfield suggested I get in touch", "referral"),
    "a note that is not a clause": ("Former colleague, Globex days", "linkedin"),
    "nothing": ("", "other"),
}
NOTES = {
    "no notes": [],
    "advice and an action": [
        ("advice", "Build a portfolio of 3 case studies #skill:portfolio"),
        ("action", 'Read "Just Enough Research"'),
    ],
    "an insight and an action that is not a verb": [
        ("insight", "Most research is evaluative, not generative"),
        ("action", "Coffee with Dana in January"),
    ],
    "only what appealed": [("appeal", "Lots of time talking to users")],
    "advice not to": [("advice", "Don't do a master's first")],
}
AT = datetime(2026, 12, 1, 9, tzinfo=UTC)
MEETINGS = {
    "no conversation": None,
    "not scheduled": {},
    "a video call": {"scheduled_at": AT, "video_url": "https://meet.example/abc"},
    "in person": {"scheduled_at": AT, "location": "Café Lumen, 4 Quay Street"},
    "a phone call": {"scheduled_at": AT},
}
ORGANISATIONS = ["Globex", ""]


def test_every_default_draft_reads_right_and_passes_the_checker():
    user = get_user_model()(username="alex", name="Alex Kim", time_zone="Europe/London")
    problems = []
    rendered, checked = 0, set()
    for (career_case, titles), (connection_case, (how, source)), (notes_case, notes), (
        meeting_case,
        meeting,
    ), organisation in itertools.product(
        CAREERS.items(), CONNECTIONS.items(), NOTES.items(), MEETINGS.items(), ORGANISATIONS
    ):
        contact = Contact(
            name="Maya Chen", organization=organisation, how_we_know=how, source=source
        )
        conversation = None
        if meeting is not None:
            conversation = Conversation(
                contact=contact, duration_minutes=20, time_zone="Europe/Berlin", **meeting
            )
        careers = [Career(title=title) for title in titles]
        items = [Item(kind=kind, text=text.split(" #")[0]) for kind, text in notes]
        values = draft_values(user, contact, careers, items, conversation)
        fields = [career_names(title).field for title in titles]
        case = (career_case, connection_case, notes_case, meeting_case, organisation or "no org")
        for kind in KINDS:
            template = DEFAULT_TEMPLATES[kind]
            subject = render_template(template.subject, values)
            body = render_template(template.body, values)
            rendered += 1
            if (kind, subject, body) in checked:
                continue  # many cases give the same words; each text is checked once
            checked.add((kind, subject, body))
            found = [f"{f.code}: {f.message}" for f in check_draft(kind, subject, body).findings]
            found += text_problems(subject, fields) + text_problems(body, fields)
            if not body.startswith("Hi Maya,\n\n") or not body.endswith("\nAlex Kim"):
                found.append("greeting or signature")
            if found:
                problems.append(f"{kind} {case}:\n{subject}\n{body}\n→ {found}")
    assert rendered == 7 * 4 * 5 * 5 * 2 * len(KINDS)
    assert not problems, f"{len(problems)} drafts need work; the first:\n" + "\n\n".join(
        problems[:3]
    )


def text_problems(text: str, fields: list[str]) -> list[str]:
    """What a careful reader would notice, checked as text, independently of the checker."""
    problems = []
    if not text.strip():
        problems.append("empty")
    for leftover in ("{", "}", "[", "]", "|", "None"):
        if leftover in text:
            problems.append(f"a stray {leftover}")
    if re.search(r"\S  +\S|[ \t]+$|^ ", text, re.M):
        problems.append("doubled or stray spaces")
    if match := re.search(r"\s[,.;:!?]|[,.;:!?]\s*[,.;!?]|[,.;:!?]{2,}", text):
        problems.append(f"doubled punctuation or an empty sentence: {match.group()!r}")
    for match in re.finditer(r"\b([Aa]n?) ([\w'-]+)", text):
        if match.group(1).lower() != expected_article(match.group(2)):
            problems.append(f"article: {match.group()!r}")
    for field in fields:
        if re.search(rf"\b(?:a|an|the) {re.escape(field)}\b(?! (?:professional|work))", text):
            problems.append(f"an article before the field {field!r}")
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        letters = sentence.lstrip("“\"'(")
        if letters and letters[0].isalpha() and not letters[0].isupper():
            problems.append(f"a sentence starts in lower case: {sentence[:30]!r}")
    return problems


def expected_article(word: str) -> str:
    """ "an" before a vowel sound: "an analyst", "an HR", but "a UX", "a user", "a one-off"."""
    if len(word) > 1 and word.isupper():
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "one", "eu")):
        return "a"
    if lower.startswith(("hour", "honest")):
        return "an"
    return "an" if lower[0] in "aeiou" else "a"
