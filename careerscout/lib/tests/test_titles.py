import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from careerscout.lib.titles import (
    TitleParts,
    match_terms,
    stemmer,
    title_terms,
    understand_title,
)


def test_abbreviations_and_seniority_words_do_not_hide_the_role():
    expected = title_terms("UX research")
    assert title_terms("Sr. UX Researcher") == expected
    assert set(expected.split()) <= set(title_terms("User Experience Research Lead").split())
    assert title_terms("UXR") == expected


def test_inflections_meet():
    assert title_terms("Product Manager") == title_terms("product management")
    assert title_terms("Policy Analysts") == title_terms("policy analyst")


def test_ranks_and_fillers_are_left_out_but_ranks_that_say_what_someone_does_stay():
    assert title_terms("Head of the Research Team") == title_terms("research")
    assert title_terms("Interim Deputy Director of Policy") == title_terms("policy")
    assert title_terms("Senior Product Manager") == title_terms("product manager") != "product"


def test_a_title_of_only_seniority_words_is_kept():
    assert title_terms("Director") == "director"


def test_accents_are_folded():
    assert title_terms("Diseñadora UX") == title_terms("disenadora ux")


@pytest.mark.parametrize(
    ("title", "seniority", "role", "field"),
    [
        ("UX Researcher", "", "researcher", "ux"),
        ("UX research", "", "researcher", "ux"),
        ("User Researcher", "", "researcher", "ux"),
        ("Usability Researcher", "", "researcher", "ux"),
        ("Sr. UXR", "senior", "researcher", "ux"),
        ("Principal User Researcher", "principal", "researcher", "ux"),
        ("Head of User Research", "head", "researcher", "ux"),
        ("User Research Manager", "manager", "researcher", "ux"),
        ("Researcher, User Experience", "", "researcher", "ux"),
        ("Senior UX Designer", "senior", "designer", "ux"),
        ("Market Research Analyst", "", "analyst", "market research"),
        ("Research Scientist", "", "scientist", "research"),
        ("Staff SWE II", "staff ii", "engineer", "software"),
        ("VP of Engineering", "vice president", "engineer", ""),
        ("Product Manager", "", "manager", "product"),
        ("Senior PM", "senior", "manager", "product"),
        ("Data Scientists", "", "scientist", "data"),
    ],
)
def test_a_title_is_taken_apart_into_seniority_role_and_field(title, seniority, role, field):
    assert understand_title(title) == TitleParts(seniority, role, field)


def test_a_title_with_no_role_word_keeps_its_field():
    assert understand_title("Strategy & Ops") == TitleParts("", "", "strategy ops")
    assert understand_title("") == TitleParts("", "", "")


def test_words_for_matching_keep_what_someone_does_and_drop_only_seniority():
    assert match_terms("Senior Director of Nursing") == ("director", "nurs")
    assert match_terms("Sr. UXR") == match_terms("User Experience Researcher")
    assert match_terms("Production Manager") != match_terms("Product Manager")


def test_threads_stemming_at_once_get_the_same_words_as_one_thread_alone():
    words = [
        f"{stem}{ending}"
        for stem in ("research", "manag", "analys", "engineer", "nurs")
        for ending in ("er", "ers", "ing", "ment", "ed", "ation", "ist", "ists")
    ] * 40
    expected = [stemmer().stemWord(word) for word in words]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, as a busy server does
    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda _: [stemmer().stemWord(w) for w in words], range(16)))
    finally:
        sys.setswitchinterval(interval)
    assert all(result == expected for result in results)
