from careerscout.lib.text import fold


def test_accents_and_case_fold_away():
    assert fold("José NÚÑEZ") == "jose nunez"


def test_letters_without_a_decomposition_fold_too():
    assert fold("Łukasz Søren Æsir Straße") == "lukasz soren aesir strasse"


def test_other_scripts_are_kept():
    assert fold("李小龙 Ольга") == "李小龙 ольга"
