from careerscout.careers.ranking import Candidate, career_terms, rank
from careerscout.lib.titles import title_terms, understand_title

WEB_DESIGNERS = "15-1255.00"


def candidate(contact_id, title, source="other", **fields):
    parts = understand_title(title)
    defaults = {
        "organization": "",
        "organization_id": None,
        "knows_how": False,
        "title_role": parts.role,
        "title_field": parts.field,
    }
    return Candidate(
        contact_id=contact_id,
        title=title,
        title_key=title_terms(title),
        source=source,
        **{**defaults, **fields},
    )


UX = career_terms("UX research", ["user researcher", "design research"])


def test_titles_matching_the_career_in_other_words_rank_above_unrelated_ones():
    people = [
        candidate(1, "Accountant"),
        candidate(2, "Sr. UX Researcher"),
        candidate(3, "User Experience Research Lead"),
        candidate(4, "UXR"),
        candidate(5, "Design Researcher"),
    ]
    ranked = rank(people, UX, {})
    assert [s.contact_id for s in ranked[:4]] == [2, 3, 4, 5]
    assert ranked[-1].contact_id == 1
    assert ranked[0].reasons[0] == "Does this work: Sr. UX Researcher ≈ UX researcher"


def test_a_misspelt_title_still_counts_a_little_less():
    [exact, close] = rank([candidate(1, "UX Reseacher"), candidate(2, "UX Researcher")], UX, {})
    assert exact.contact_id == 2
    assert close.score < exact.score
    assert any("is close to" in reason for reason in close.reasons)


def test_a_warm_connection_lifts_a_person_and_says_why():
    cold, warm = candidate(1, "UX Researcher", "linkedin"), candidate(2, "UX Researcher", "alumni")
    ranked = rank([cold, warm], UX, {})
    assert ranked[0].contact_id == 2
    assert "A fellow alum: alumni usually say yes" in ranked[0].reasons


def test_a_warm_friend_in_unrelated_work_comes_after_anyone_whose_work_relates():
    nurse = candidate(1, "Charge Nurse", "friend_family", knows_how=True)
    researcher = candidate(2, "Research Coordinator", "linkedin")
    ranked = rank([nurse, researcher], UX, {})
    assert [s.contact_id for s in ranked] == [2, 1]
    assert "Could introduce you to someone who does this work" in ranked[1].reasons


def test_knowing_how_you_know_them_adds_a_little():
    ranked = rank([candidate(1, "Nurse"), candidate(2, "Nurse", knows_how=True)], UX, {})
    assert ranked[0].contact_id == 2
    assert "You noted how you know them" in ranked[0].reasons


def test_people_at_a_target_organisation_rise_by_motivation():
    people = [
        candidate(1, "Engineer", organization="Acme", organization_id=10),
        candidate(2, "Engineer", organization="Globex", organization_id=20),
        candidate(3, "Engineer"),
    ]
    ranked = rank(people, UX, {10: 2, 20: 5})
    assert [s.contact_id for s in ranked] == [2, 1, 3]
    assert "Works at Globex, on your target list (motivation 5/5)" in ranked[0].reasons


def test_people_already_asked_sink_below_similar_people_not_yet_asked():
    asked = candidate(1, "UX Researcher", "alumni", already_asked=True)
    fresh = candidate(2, "UX Researcher", "alumni")
    ranked = rank([asked, fresh], UX, {})
    assert [s.contact_id for s in ranked] == [2, 1]
    assert "Already contacted: ask someone new first" in ranked[1].reasons
    assert "Not contacted yet" in ranked[0].reasons


def test_people_already_planned_for_this_career_say_so():
    [ranked] = rank([candidate(1, "UX Researcher", planned_for_career=True)], UX, {})
    assert "Already on your list for this career" in ranked.reasons


def test_ties_keep_the_given_order():
    people = [candidate(3, "Nurse"), candidate(1, "Nurse"), candidate(2, "Nurse")]
    assert [s.contact_id for s in rank(people, UX, {})] == [3, 1, 2]


def test_a_career_without_keywords_still_matches_its_title():
    terms = career_terms("Product management", [])
    [best, _other] = rank([candidate(1, "Teacher"), candidate(2, "Senior PM")], terms, {})
    assert best.contact_id == 2


def test_a_title_sharing_some_words_partly_matches_and_ranks_below_a_full_match():
    ranked = rank(
        [candidate(1, "Research Operations Manager"), candidate(2, "UX Researcher")], UX, {}
    )
    assert [s.contact_id for s in ranked] == [2, 1]
    assert (
        "Title “Research Operations Manager” partly matches “user researcher”" in ranked[1].reasons
    )


def test_warmth_reasons_keep_proper_nouns():
    [ranked] = rank([candidate(1, "Nurse", "linkedin")], UX, {})
    assert "A LinkedIn connection" in ranked.reasons


def test_a_limit_keeps_only_the_best_in_the_same_order():
    people = [
        candidate(n, title) for n, title in enumerate(["Nurse", "UX Researcher", "UXR", "Chef"])
    ]
    full = rank(people, UX, {})
    top = rank(people, UX, {}, limit=2)
    assert [s.contact_id for s in top] == [s.contact_id for s in full[:2]]


UX_WITH_OCCUPATION = career_terms(
    "UX research",
    [],
    {WEB_DESIGNERS: "Web and Digital Interface Designers"},
    {"15-1254.00": "Web Developers"},
)


def test_the_same_role_in_the_same_field_comes_before_the_same_occupation():
    people = [
        candidate(1, "Senior UX Designer", occupation=WEB_DESIGNERS),
        candidate(2, "User Researcher", occupation=""),
    ]
    ranked = rank(people, UX_WITH_OCCUPATION, {})
    assert [s.contact_id for s in ranked] == [2, 1]
    assert ranked[0].reasons[0] == "Does this work: User Researcher ≈ UX researcher"
    assert ranked[1].reasons[0] == (
        "Another role in the same occupation (Web and Digital Interface Designers): "
        "Senior UX Designer"
    )


def test_a_related_occupation_comes_after_the_same_one_and_before_shared_words():
    people = [
        candidate(1, "Research Operations Manager"),
        candidate(2, "Front End Developer", occupation="15-1254.00"),
        candidate(3, "Interaction Designer", occupation=WEB_DESIGNERS),
    ]
    ranked = rank(people, UX_WITH_OCCUPATION, {})
    assert [s.contact_id for s in ranked] == [3, 2, 1]
    assert ranked[1].reasons[0] == "A related occupation (Web Developers): Front End Developer"


def test_a_warm_designer_still_comes_after_a_cold_researcher():
    people = [
        candidate(1, "UX Designer", "friend_family", knows_how=True, occupation=WEB_DESIGNERS),
        candidate(2, "Usability Researcher", "linkedin"),
    ]
    assert [s.contact_id for s in rank(people, UX_WITH_OCCUPATION, {})] == [2, 1]


def test_a_target_organisation_can_still_lift_someone_in_the_same_occupation():
    people = [
        candidate(1, "UX Researcher", "linkedin"),
        candidate(2, "UX Designer", "colleague", organization="Acme", organization_id=10,
                  occupation=WEB_DESIGNERS),
    ]  # fmt: skip
    ranked = rank(people, UX_WITH_OCCUPATION, {10: 5})
    assert ranked[0].contact_id == 2
    assert "Works at Acme, on your target list (motivation 5/5)" in ranked[0].reasons
