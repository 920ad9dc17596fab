from careerscout.lib.titles import title_terms


def test_abbreviations_and_seniority_words_do_not_hide_the_role():
    expected = title_terms("UX research")
    assert title_terms("Sr. UX Researcher") == expected
    assert set(expected.split()) <= set(title_terms("User Experience Research Lead").split())
    assert title_terms("UXR") == expected


def test_inflections_meet():
    assert title_terms("Product Manager") == title_terms("product management")
    assert title_terms("Policy Analysts") == title_terms("policy analyst")


def test_a_title_of_only_seniority_words_is_kept():
    assert title_terms("Director") == "director"


def test_accents_are_folded():
    assert title_terms("Diseñadora UX") == title_terms("disenadora ux")
