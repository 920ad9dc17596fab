import random

from careerscout.insights.skills import (
    ALIASES,
    SKILL_NAMES,
    SkillGap,
    SkillMatch,
    canonical_skill,
    listing_occupation,
    skill_gaps,
    skill_matches,
    skills_in,
)


def test_the_vocabulary_covers_many_fields_with_unique_display_names():
    assert 120 <= len(SKILL_NAMES) <= 200
    assert len(set(SKILL_NAMES)) == len(SKILL_NAMES)
    for name in [
        "SQL",
        "UX research",
        "Policy analysis",
        "Epidemiology",
        "Litigation",
        "Curriculum design",
        "Financial modeling",
        "Public speaking",
        "Leadership",
    ]:
        assert name in SKILL_NAMES


def test_every_display_name_is_found_in_text_by_itself_or_in_context():
    # The strict short words need a telling word before them; everything else stands alone.
    for name in SKILL_NAMES:
        text = f"They said it takes {name} every week."
        if name in {"R", "Go", "C"}:
            text = f"They work in {name} every week."
        assert skills_in(text) == [name], name


def test_skills_come_back_once_in_order_of_first_appearance():
    text = "Mostly SQL, then Python, then more SQL and some sql again, and Tableau."
    assert skills_in(text) == ["SQL", "Python", "Tableau"]


def test_matching_ignores_case_for_ordinary_skills():
    assert skills_in("STAKEHOLDER MANAGEMENT and policy ANALYSIS") == [
        "Stakeholder management",
        "Policy analysis",
    ]


def test_r_is_not_found_inside_words_or_alone():
    assert skills_in("The Researcher at R&D rated it R. Really.") == []
    assert skills_in("Grade R") == []


def test_r_is_found_after_a_telling_word_or_in_a_clear_alias():
    assert skills_in("Most analysis is done in R.") == ["R"]
    assert skills_in("She is learning R and SQL") == ["R", "SQL"]
    assert skills_in("R programming helps") == ["R"]
    assert skills_in("They all use RStudio") == ["R"]


def test_go_is_not_found_in_good_or_as_a_verb():
    assert skills_in("It was a good chat; go to the meetup; Go ahead and apply.") == []
    assert skills_in("We shipped it in Go-to-market week") == ["Go-to-market strategy"]


def test_go_is_found_as_golang_or_after_a_telling_word():
    assert skills_in("The backend is written in Go.") == ["Go"]
    assert skills_in("Golang and Kubernetes") == ["Go", "Kubernetes"]


def test_excel_is_not_found_in_excellent_or_the_verb_excel():
    assert skills_in("An excellent mentor; you will excel here. Excellence matters.") == []


def test_excel_is_found_as_the_product():
    assert skills_in("Everything lives in Excel") == ["Excel"]
    assert skills_in("strong excel spreadsheets and microsoft excel") == ["Excel"]


def test_c_plus_plus_c_sharp_and_dotnet_are_told_apart_from_c():
    assert skills_in("C++, C#, .NET and ASP.NET") == ["C++", "C#", ".NET"]
    assert skills_in("written in C and C++") == ["C", "C++"]
    assert skills_in("Vitamin C. Research in C. elegans; the C-suite.") == []
    assert skills_in("They code in C sharp") == ["C#"]


def test_java_and_javascript_are_both_found_without_confusion():
    assert skills_in("Java and JavaScript") == ["Java", "JavaScript"]
    assert skills_in("JavaScript only") == ["JavaScript"]
    assert skills_in("java, mostly") == ["Java"]


def test_a_skill_inside_a_longer_word_is_not_found():
    assert skills_in("They use SQLite and PostgreSQLish tools; Pythonic code") == []


def test_aliases_map_to_the_display_name():
    assert skills_in("lots of user research") == ["UX research"]
    assert skills_in("split testing and AB testing") == ["A/B testing"]
    assert skills_in("you need stakeholder engagement") == ["Stakeholder management"]
    assert skills_in("financial modelling in Excel") == ["Financial modeling", "Excel"]


def test_hyphens_and_spaces_are_interchangeable():
    assert skills_in("problem-solving and problem solving") == ["Problem solving"]
    assert skills_in("front end development") == ["Front-end development"]
    assert skills_in("user-research") == ["UX research"]


def test_plurals_count_but_other_inflections_only_when_listed():
    assert skills_in("many presentations and APIs") == ["Public speaking", "API design"]
    assert skills_in("negotiating salaries") == ["Negotiation"]
    assert skills_in("she negotiated well") == []


def test_abbreviations_in_capitals_are_matched_as_written():
    assert skills_in("QA, ML and EQ matter") == [
        "Quality assurance",
        "Machine learning",
        "Emotional intelligence",
    ]
    assert skills_in("add 5 ml of saline; qa") == []


def test_text_that_changes_length_when_lower_cased_still_matches():
    assert skills_in("İstanbul team: SQL and Python") == ["SQL", "Python"]


def test_skills_are_found_in_many_notes_mixed_with_other_words():
    rng = random.Random(7)
    filler = ["the", "team", "talks", "to", "customers", "and", "writes", "reports", "about"]
    notes = []
    for _ in range(10_000):
        words = [rng.choice(filler) for _ in range(40)]
        for _ in range(2):
            words.insert(rng.randrange(len(words)), rng.choice(SKILL_NAMES))
        notes.append(" ".join(words))
    # Speed belongs to the benchmark, not to a timed test.
    found = sum(len(skills_in(note)) for note in notes)
    assert found > 10_000


def test_canonical_skill_maps_a_typed_alias_to_the_display_name():
    assert canonical_skill("sql") == "SQL"
    assert canonical_skill("  user_research ") == "UX research"
    assert canonical_skill("golang") == "Go"
    assert canonical_skill("r") == "R"
    assert canonical_skill("presentations") == "Public speaking"


def test_canonical_skill_tidies_an_unknown_skill_into_sentence_case():
    assert canonical_skill("  kotlin   dev ") == "Kotlin dev"
    assert canonical_skill("grant_Writing_for_NGOs") == "Grant Writing for NGOs"
    assert canonical_skill("cs") == "cs"  # a short plural-looking word is not "C"
    assert canonical_skill("") == ""


def test_every_alias_is_found_by_canonical_skill():
    for key, name in ALIASES.items():
        assert canonical_skill(key) == name


def test_gaps_are_mentioned_skills_rated_low_or_not_rated_most_mentioned_first():
    mentions = {"SQL": 3, "Storytelling": 1, "Python": 2, "Figma": 2, "Leadership": 4}
    ratings = {"SQL": 2, "Python": 4, "Leadership": 5, "Storytelling": 1}
    gaps = skill_gaps(mentions, ratings, people_total=4)
    assert gaps == [
        SkillGap("SQL", 3, 2, "3 of 4 people mentioned it; you rate yourself 2 of 5."),
        SkillGap("Figma", 2, None, "2 of 4 people mentioned it; you have not rated it yet."),
        SkillGap("Storytelling", 1, 1, "1 of 4 people mentioned it; you rate yourself 1 of 5."),
    ]


def test_gaps_with_equal_mentions_are_ordered_by_name():
    gaps = skill_gaps({"Tableau": 2, "accounting": 2, "Budgeting": 2}, {}, people_total=5)
    assert [gap.skill for gap in gaps] == ["Accounting", "Budgeting", "Tableau"]


def test_skills_rated_three_or_more_are_matches_not_gaps():
    mentions = {"SQL": 3, "Python": 2, "Leadership": 4}
    ratings = {"SQL": 3, "Python": 2, "Leadership": 5}
    assert [gap.skill for gap in skill_gaps(mentions, ratings, 4)] == ["Python"]
    assert skill_matches(mentions, ratings, 4) == [
        SkillMatch("Leadership", 4, 5, "All 4 people mentioned it; you rate yourself 5 of 5."),
        SkillMatch("SQL", 3, 3, "3 of 4 people mentioned it; you rate yourself 3 of 5."),
    ]


def test_a_skill_nobody_mentioned_is_neither_gap_nor_match():
    assert skill_gaps({"SQL": 0}, {"Python": 1}, 3) == []
    assert skill_matches({"SQL": 0}, {"Python": 5}, 3) == []


def test_ratings_and_mentions_meet_across_spellings():
    gaps = skill_gaps({"sql": 2, "SQL": 1, "user research": 1}, {"Sql": 1, "UX Research": 4}, 3)
    assert gaps == [
        SkillGap("SQL", 2, 1, "2 of 3 people mentioned it; you rate yourself 1 of 5."),
    ]


def test_reasons_without_a_known_total_or_with_one_person():
    [gap] = skill_gaps({"SQL": 2}, {}, people_total=0)
    assert gap.reason == "2 people mentioned it; you have not rated it yet."
    [gap] = skill_gaps({"SQL": 1}, {}, people_total=0)
    assert gap.reason == "1 person mentioned it; you have not rated it yet."
    [gap] = skill_gaps({"SQL": 1}, {"SQL": 2}, people_total=1)
    assert gap.reason == "The one person you spoke with mentioned it; you rate yourself 2 of 5."


LISTED = {
    "Figma": "Web and Digital Interface Designers",
    "Structured query language SQL": "Survey Researchers",
    "Adobe Photoshop": "Web and Digital Interface Designers",
}


def test_the_occupation_listing_a_skill_is_found_by_its_name_or_its_last_words():
    assert listing_occupation("Figma", LISTED) == "Web and Digital Interface Designers"
    assert listing_occupation("SQL", LISTED) == "Survey Researchers"
    assert listing_occupation("Photoshop", LISTED) == "Web and Digital Interface Designers"
    assert listing_occupation("Adobe", LISTED) == ""
    assert listing_occupation("Negotiation", LISTED) == ""


def test_a_rated_skill_the_occupation_lists_is_a_skill_of_the_career_before_anyone_says_so():
    gaps = skill_gaps({}, {"figma": 2, "Negotiation": 1}, 0, LISTED)
    assert [(gap.skill, gap.reason) for gap in gaps] == [
        (
            "Figma",
            "O*NET lists it for Web and Digital Interface Designers; you rate yourself 2 of 5.",
        )
    ]
    [strength] = skill_matches({}, {"SQL": 4}, 0, LISTED)
    assert strength.reason == "O*NET lists it for Survey Researchers; you rate yourself 4 of 5."


def test_a_mentioned_skill_the_occupation_lists_says_both():
    [gap] = skill_gaps({"Figma": 2}, {}, 3, LISTED)
    assert gap.reason == (
        "2 of 3 people mentioned it; O*NET lists it for Web and Digital Interface Designers; "
        "you have not rated it yet."
    )
