import re

import pytest

from careerscout.outreach.checker import KINDS, check_draft
from careerscout.outreach.defaults import (
    DEFAULT_TEMPLATES,
    EXAMPLE_VALUES,
    PLACEHOLDERS,
    render_template,
)

VALUES = EXAMPLE_VALUES


def filled(kind: str, values: dict[str, str] | None = None) -> tuple[str, str]:
    template = DEFAULT_TEMPLATES[kind]
    values = values or VALUES
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


def test_the_first_choice_with_every_value_is_used():
    text = "[A question about {career}|A question about your work]"
    assert render_template(text, VALUES) == "A question about UX research"
    assert render_template(text, VALUES | {"career": ""}) == "A question about your work"


def test_a_choice_with_no_alternative_is_left_out_without_its_value():
    text = "Thank you for talking with me[ about {career}]."
    assert render_template(text, {}) == "Thank you for talking with me."


def test_a_sentence_whose_value_is_missing_is_left_out_and_the_spacing_mended():
    text = "Hi {first_name},\n\nJust confirming. {where}\n\nMy first step was to {action}. Bye."
    assert render_template(text, {"first_name": "Maya"}) == ("Hi Maya,\n\nJust confirming.\n\nBye.")


def test_a_paragraph_left_empty_leaves_no_gap():
    text = "Hi {first_name},\n\n{where}\n\nBest,\nAlex"
    assert render_template(text, {"first_name": "Maya"}) == "Hi Maya,\n\nBest,\nAlex"


def test_indentation_in_a_persons_template_is_kept():
    text = "Hi {first_name},\n\n  • one\n  • two"
    assert render_template(text, VALUES) == "Hi Maya,\n\n  • one\n  • two"


def test_square_brackets_without_placeholders_are_plain_text():
    assert render_template("See [1] or [a|b].", VALUES) == "See [1] or [a|b]."


def test_the_example_fills_every_placeholder():
    assert set(EXAMPLE_VALUES) == set(PLACEHOLDERS)
