import re

import pytest

from careerscout.outreach.checker import KINDS, check_draft
from careerscout.outreach.defaults import (
    DEFAULT_MINUTES,
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    render_template,
)

VALUES = {
    "first_name": "Maya",
    "my_name": "Alex Kim",
    "connection": "we met at the UX Berlin meetup last spring",
    "career": "UX research",
    "organization": "Globex",
    "minutes": str(DEFAULT_MINUTES),
    "specific": "starting with diary studies before big surveys",
    "action": "try one on my next project",
    "last_topic": "moving from teaching into research",
    "when": "Tuesday 1 December, 10:00–10:20 (Berlin time)",
    "where": "Here is the link: https://meet.example/abc",
}
# The report back tells what was done, so its action is in the past tense.
VALUES_BY_KIND = {kind: VALUES for kind in KINDS} | {
    "report_back": VALUES | {"action": "ran two diary studies this month"},
}


def filled(kind: str, values: dict[str, str] | None = None) -> tuple[str, str]:
    template = DEFAULT_TEMPLATES[kind]
    values = values or VALUES_BY_KIND[kind]
    return render_template(template.subject, values), render_template(template.body, values)


def test_every_kind_has_a_default_template():
    assert set(DEFAULT_TEMPLATES) == set(KINDS)


def test_a_default_unpacks_as_subject_and_body():
    subject, body = DEFAULT_TEMPLATES["request"]
    assert (subject, body) == (
        DEFAULT_TEMPLATES["request"].subject,
        DEFAULT_TEMPLATES["request"].body,
    )


@pytest.mark.parametrize("kind", KINDS)
def test_each_filled_default_passes_the_checker_with_no_findings(kind):
    subject, body = filled(kind)
    assert "{" not in subject + body
    assert check_draft(kind, subject, body).findings == []


def test_the_default_request_stays_within_75_words():
    _subject, body = filled("request")
    assert check_draft("request", "Hello", body).word_count <= 75


@pytest.mark.parametrize(
    "connection",
    ["Sam Lee suggested I get in touch", "I found your profile through the Leeds alumni network",
     "I'm a fellow Leeds alum", "I read your article on diary studies",
     "we are connected on LinkedIn", "we know each other through friends and family",
     "we are members of the same professional association", "I came across your work"],
)  # fmt: skip
def test_the_default_request_reads_well_with_other_connections(connection):
    subject, body = filled("request", VALUES | {"connection": connection})
    assert check_draft("request", subject, body).findings == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_placeholder_in_the_defaults_is_documented(kind):
    template = DEFAULT_TEMPLATES[kind]
    used = set(re.findall(r"\{(\w+)\}", template.subject + template.body))
    assert used <= set(PLACEHOLDERS)


def test_render_fills_known_placeholders():
    text = "Hi {first_name}, {minutes} minutes?"
    assert render_template(text, VALUES) == "Hi Maya, 20 minutes?"


def test_render_leaves_unknown_placeholders_visible():
    assert render_template("Hi {nickname}!", VALUES) == "Hi {nickname}!"


@pytest.mark.parametrize(
    "text", ["Use {braces} or { spaced } or {", "}{", "{{first_name}", "a {0} b {first-name}"]
)
def test_render_never_raises_on_stray_braces(text):
    assert isinstance(render_template(text, VALUES), str)


def test_render_does_not_expand_placeholders_inside_values():
    assert render_template("{a}", {"a": "{b}", "b": "no"}) == "{b}"


def test_render_accepts_numbers_as_values():
    assert render_template("{minutes}", {"minutes": 20}) == "20"  # type: ignore[dict-item]
