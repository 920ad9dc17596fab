from types import SimpleNamespace

import pytest

from careerscout.lib.career_names import CareerNames, career_names, names_of, with_article


@pytest.mark.parametrize(
    ("title", "role", "field"),
    [
        ("UX Researcher", "UX researcher", "UX research"),
        ("UX research", "UX researcher", "UX research"),
        ("Data analysis", "data analyst", "data analysis"),
        ("Data Analytics", "data analyst", "data analytics"),
        ("Product management", "product manager", "product management"),
        ("Product Manager", "product manager", "product management"),
        ("Teaching", "teacher", "teaching"),
        ("Software Developers", "software developer", "software development"),
        ("Senior UX Researcher", "senior UX researcher", "UX research"),
        ("English teacher", "English teacher", "English teaching"),
        ("DevOps Engineer", "DevOps engineer", "DevOps engineering"),
        ("Social work", "social worker", "social work"),
        ("Law", "lawyer", "law"),
        ("  occupational   therapy ", "occupational therapist", "occupational therapy"),
    ],
)
def test_a_title_gives_its_role_and_its_field(title, role, field):
    assert career_names(title) == CareerNames(role, field)


@pytest.mark.parametrize(
    ("title", "role", "field"),
    [
        ("Public policy", "public policy professional", "public policy"),
        ("HR", "HR professional", "HR"),
        ("Park ranger", "park ranger", "work as a park ranger"),
        ("Firefighter", "firefighter", "work as a firefighter"),
        ("Chief of Staff", "chief of staff", "work as a chief of staff"),
        ("Head of Product", "head of product", "work as a head of product"),
    ],
)
def test_a_title_it_cannot_split_still_reads_right_both_ways(title, role, field):
    assert career_names(title) == CareerNames(role, field)


def test_an_empty_title_gives_empty_names():
    assert career_names("  ") == CareerNames("", "")


def test_stored_names_win_over_the_suggestion():
    career = SimpleNamespace(title="UXR", role_name="user researcher", field_name="")
    assert names_of(career) == CareerNames("user researcher", "UXR")
    assert names_of(SimpleNamespace(title="UX Researcher")) == career_names("UX Researcher")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("UX researcher", "a UX researcher"),
        ("HR professional", "an HR professional"),
        ("analyst", "an analyst"),
        ("user researcher", "a user researcher"),
        ("honest broker", "an honest broker"),
        ("data analyst", "a data analyst"),
        ("MBA", "an MBA"),
        ("European", "a European"),
        ("one-off", "a one-off"),
    ],
)
def test_the_article_follows_the_sound_not_the_spelling(phrase, expected):
    assert with_article(phrase) == expected
