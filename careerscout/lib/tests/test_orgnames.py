from careerscout.lib.orgnames import organization_key


def test_legal_forms_case_and_punctuation_do_not_make_a_new_organisation():
    assert organization_key("Contoso") == "contoso"
    assert organization_key("Contoso, Ltd.") == "contoso"
    assert organization_key("contoso ltd") == "contoso"
    assert organization_key("CONTOSO Inc") == "contoso"
    assert organization_key("The Contoso Company, LLC") == "contoso"


def test_accents_are_folded_and_ampersands_read_as_and():
    assert organization_key("Société Générale SA") == "societe generale"
    assert organization_key("Procter & Gamble") == organization_key("Procter and Gamble")


def test_a_name_that_is_only_a_legal_word_keeps_it():
    assert organization_key("The Company") == "company"
    assert organization_key("") == ""
