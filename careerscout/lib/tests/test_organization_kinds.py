import pytest

from careerscout.lib.organization_kinds import (
    CHOSEN_ONLY,
    KINDS,
    LABELS,
    organization_kind,
    organization_kind_key,
)

SAID = [
    # Banks, in several languages, and the words that name them.
    ("Barclays Bank", "a bank"),
    ("Barclays Bank PLC", "a bank"),
    ("BANK OF ENGLAND", "a bank"),
    ("Deutsche Bank AG", "a bank"),
    ("Sparkasse Köln", "a bank"),
    ("Kreissparkasse Köln", "a bank"),
    ("Banque Populaire", "a bank"),
    ("Crédit Agricole", "a bank"),
    ("Banco Santander", "a bank"),
    ("Banca Intesa", "a bank"),
    ("Navy Federal Credit Union", "a bank"),
    ("Nationwide Building Society", "a bank"),
    ("Charity Bank", "a bank"),
    ("Northern Trust", "a bank"),
    # Universities.
    ("University of Leeds", "a university"),
    ("King's College London", "a university"),
    ("Kings College London", "a university"),
    ("Imperial College London", "a university"),
    ("Universität Wien", "a university"),
    ("Universitat Wien", "a university"),
    ("Université Paris Cité", "a university"),
    ("Universidad de Salamanca", "a university"),
    ("Trinity College Dublin", "a university"),
    ("Royal College of Art", "a university"),
    ("London School of Economics", "a university"),
    ("London Business School", "a university"),
    ("Harvard Law School", "a university"),
    ("Massachusetts Institute of Technology", "a university"),
    ("Hochschule München", "a university"),
    ("London South Bank University", "a university"),
    # Hospitals and health services.
    ("St Thomas' Hospital", "a hospital"),
    ("St Thomas’ Hospital", "a hospital"),
    ("NHS Lothian", "a hospital"),
    ("Mayo Clinic", "a hospital"),
    ("Leeds Teaching Hospitals NHS Trust", "a hospital"),
    ("University Hospital Southampton NHS Foundation Trust", "a hospital"),
    ("King's College Hospital", "a hospital"),
    ("Great Ormond Street Hospital Charity", "a hospital"),
    ("Klinikum der Universität München", "a hospital"),
    ("Aneurin Bevan University Health Board", "a hospital"),
    # Public bodies.
    ("Leeds City Council", "a public body"),
    ("Kent County Council", "a public body"),
    ("Ministry of Justice", "a public body"),
    ("Department for Education", "a public body"),
    ("Department of Health and Social Care", "a public body"),
    ("Environment Agency", "a public body"),
    ("UK Health Security Agency", "a public body"),
    ("Office for National Statistics", "a public body"),
    ("HM Revenue & Customs", "a public body"),
    ("Home Office", "a public body"),
    ("Foreign, Commonwealth & Development Office", "a public body"),
    ("Transport for London", "a public body"),
    ("Scottish Government", "a public body"),
    ("NHS England", "a public body"),
    ("Public Health Scotland", "a public body"),
    ("Metropolitan Police Service", "a public body"),
    ("Financial Conduct Authority", "a public body"),
    ("Bundesagentur für Arbeit", "a public body"),
    ("Federal Reserve Bank of New York", "a public body"),
    # Schools.
    ("Leeds Grammar School", "a school"),
    ("Harris Academy Peckham", "a school"),
    ("Park View Primary School", "a school"),
    ("Holmfirth High School", "a school"),
    # Charities.
    ("Wellcome Trust", "a charity"),
    ("The National Trust", "a charity"),
    ("Joseph Rowntree Foundation", "a charity"),
    ("British Red Cross", "a charity"),
    ("Leeds Food Bank", "a charity"),
    ("Mind, the mental health charity", "a charity"),
    ("Robert Bosch Stiftung", "a charity"),
    # Consultancies and firms.
    ("Accenture Consulting", "a consultancy"),
    ("Deloitte Consulting LLP", "a consultancy"),
    ("Baker Consultants Ltd", "a consultancy"),
    ("Bain Capital Partners", "a firm"),
    ("Deloitte LLP", "a firm"),
]

NOT_SAID = [
    # A kind's letters inside another word are not the kind.
    "Bankside Studio",
    "Bankside Coffee",
    "Bankinter Labs",
    "Schoolhouse Design",
    "Trustpilot",
    "Councilbrook Homes",
    "Policeman's Ball Ltd",
    "Charityware Inc",
    "Hospitality Group",
    "Universal Music",
    "Partnerize",
    # Museums, the press, law firms, agencies and start-ups are not guessable.
    "Natural History Museum",
    "Bank of England Museum",
    "Science Museum Group",
    "The Guardian",
    "Financial Times",
    "Yorkshire Evening Post",
    "The Washington Post",
    "Oxford University Press",
    "Irwin Mitchell Solicitors",
    "Smith & Partners Solicitors",
    "Legal & General",
    "Allen & Overy Law LLP",
    "Pinsent Masons Legal Partners",
    "Ogilvy Creative Agency",
    "Bankside Labs",
    "Acme Ventures",
    "Tech Start-up",
    # Neither a kind nor anything we may say.
    "Acme",
    "Globex",
    "Google",
    "BBC",
    "Eton College",
    "Boston College",
    "Royal Academy of Arts",
    "Academy of Medical Sciences",
    "Khan Academy",
    "Ministry of Sound",
    "South Bank Centre",
    "Old School Brewery",
    "Federal Express",
    "JPMorgan Chase & Co.",
    "John Lewis Partnership",
    "Blood Bank of Delaware",
    "Academy Sports + Outdoors",
    "Foundation Medicine",
    "Department of Computer Science Museum",
    "",
    "   ",
    "&",
]


@pytest.mark.parametrize(("name", "said"), SAID)
def test_a_name_that_settles_its_kind_says_it(name, said):
    assert organization_kind(name) == said


@pytest.mark.parametrize("name", NOT_SAID)
def test_a_name_that_does_not_settle_its_kind_says_nothing(name):
    assert organization_kind(name) == ""
    assert organization_kind_key(name) == ""


def test_case_and_accents_do_not_matter():
    assert organization_kind("UNIVERSITÄT WIEN") == organization_kind("universitat wien")
    assert organization_kind("hôpital saint-louis") == "a hospital"
    assert organization_kind("HOPITAL SAINT-LOUIS") == "a hospital"


def test_every_kind_has_a_label_and_its_own_key():
    keys = [kind.key for kind in (*KINDS, *CHOSEN_ONLY) if kind.key]
    assert len(keys) == len(set(keys))
    assert all(LABELS[key].startswith(("a ", "an ")) for key in keys if key != "none")
    assert LABELS["none"] == ""
