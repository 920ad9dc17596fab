import pytest

from careerscout.outreach.wording import (
    fit_action,
    fit_connection,
    fit_said,
    natural_join,
    quoted,
)


@pytest.mark.parametrize(
    ("how_we_know", "clause"),
    [
        (
            "We met at the UX Berlin meetup last spring",
            "we met at the UX Berlin meetup last spring",
        ),
        ("Met at a conference.", "we met at a conference"),
        ("Dana Whitfield suggested I get in touch", "Dana Whitfield suggested I get in touch"),
        ("I read your article on diary studies", "I read your article on diary studies"),
        ("We both studied at Leeds", "we both studied at Leeds"),
    ],
)
def test_a_note_that_is_a_clause_fits_after_the_dash(how_we_know, clause):
    assert fit_connection(how_we_know, "Maya Chen") == clause


@pytest.mark.parametrize(
    ("how_we_know", "clause"),
    [
        ("She was my manager at her old company", "you were my manager at your old company"),
        ("He spoke at my bootcamp", "you spoke at my bootcamp"),
        ("Maya Chen taught my UX course", "you taught my UX course"),
        ("I met her at the Leeds careers fair", "I met you at the Leeds careers fair"),
    ],
)
def test_a_note_about_them_is_turned_to_speak_to_them(how_we_know, clause):
    assert fit_connection(how_we_know, "Maya Chen") == clause


@pytest.mark.parametrize(
    "how_we_know",
    ["Former colleague at Globex", "LinkedIn", "Friend of a friend", "alumni", "", "word " * 25],
)
def test_a_note_that_does_not_fit_a_sentence_is_left_out(how_we_know):
    assert fit_connection(how_we_know, "Maya Chen") == ""


@pytest.mark.parametrize(
    ("kind", "text", "clause"),
    [
        ("advice", "Build a portfolio of 3 cases", "you suggested I build a portfolio of 3 cases"),
        ("advice", "Don't do a master's first", "you advised me not to do a master's first"),
        ("advice", 'Read "Just Enough Research"', "you suggested I read “Just Enough Research”"),
        ("advice", "Portfolio > degree", "you mentioned “portfolio > degree”"),
        ("insight", "Most research is evaluative.", "you mentioned “most research is evaluative”"),
        ("appeal", "UX teams are small", "you mentioned “UX teams are small”"),
    ],
)  # fmt: skip
def test_what_they_said_is_fitted_when_it_is_advice_to_act_on_and_quoted_otherwise(
    kind, text, clause
):
    assert fit_said(kind, text) == clause


def test_an_action_that_starts_with_a_verb_fits_after_going_to():
    assert fit_action('Read "Just Enough Research"') == "read “Just Enough Research”"
    assert fit_action("Update my portfolio") == "update my portfolio"


def test_an_action_that_is_not_a_verb_phrase_is_left_out():
    assert fit_action("Coffee with Dana in January") == ""


def test_a_quote_keeps_its_own_quotes_inside_single_ones():
    assert quoted('Read "Just Enough Research" first') == "“read ‘Just Enough Research’ first”"


def test_phrases_are_joined_as_in_a_sentence():
    assert natural_join(["UX research"]) == "UX research"
    assert natural_join(["a", "b"]) == "a and b"
    assert natural_join(["a", "b", "c"]) == "a, b and c"
