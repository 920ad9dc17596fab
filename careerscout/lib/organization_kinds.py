"""What kind of organisation a name says it is: "Barclays Bank" is a bank, "NHS Lothian" a
hospital, "Natural History Museum" nothing we may say.

Shared summaries describe people as "a UX researcher at a bank" rather than by name, so a
wrong guess is worse than none: only words that settle the question count, whole words only
("Bankside Studio" is not a bank), case and accents aside. The longest phrase found wins
("Food Bank" over "bank", "NHS England" over "NHS"); between phrases of one length, the kind
listed first. Words that leave the kind open (a museum, a newspaper, a law firm, an agency)
come first of all, so "Bank of England Museum" says nothing.
"""

import re
from dataclasses import dataclass
from functools import cache

from careerscout.lib.text import fold


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    label: str  # how a shared summary says it: "a bank"
    words: tuple[str, ...] = ()  # words and phrases that say it; none for kinds only chosen


# Names with these say nothing we may share: the kind is not one of ours, or is unclear.
UNCLEAR = Kind(
    "",
    "",
    (
        # Museums, galleries, the press and publishers.
        "museum", "museums", "gallery", "galleries", "newspaper", "news", "times", "journal",
        "gazette", "herald", "post", "tribune", "chronicle", "telegraph", "observer",
        "magazine", "press", "review", "broadcasting", "media",
        # Law firms: "a firm" would be true, but the brief is to guess nothing about them.
        "law", "legal", "solicitors", "solicitor", "barristers", "chambers", "attorneys",
        "lawyers", "advocates", "notaries", "rechtsanwalte", "avocats", "abogados",
        # Agencies, studios and start-ups.
        "agency", "agentur", "studio", "studios", "labs", "ventures", "startup", "start up",
        # Places and things that share a kind's word.
        "south bank", "west bank", "left bank", "river bank", "bank holiday", "data bank",
        "old school", "royal academy", "academy of", "academy awards", "khan academy",
        "film school", "school of rock", "ministry of sound", "blood bank", "academy sports",
        "foundation medicine",
    ),
)  # fmt: skip

KINDS: tuple[Kind, ...] = (
    UNCLEAR,
    Kind(
        "hospital",
        "a hospital",
        (
            "hospital", "hospitals", "infirmary", "clinic", "clinics", "klinik", "klinikum",
            "hôpital", "hôpitaux", "ospedale", "hospice", "medical centre", "medical center",
            "health centre", "nhs", "nhs trust", "nhs foundation trust", "health board",
            "university hospital", "university hospitals", "teaching hospitals",
            "health and social care trust", "health system", "college hospital",
        ),
    ),
    Kind(
        "university",
        "a university",
        (
            "university", "universität", "université", "universidad", "università",
            "universiteit", "universitet", "universidade", "uniwersytet", "univerzita",
            "yliopisto", "hochschule", "fachhochschule", "polytechnic", "politecnico",
            "polytechnique", "college london", "university college", "imperial college",
            "king's college", "trinity college", "college dublin", "college of art",
            "college of music", "institute of technology", "business school", "law school",
            "medical school", "graduate school", "school of economics", "school of medicine",
            "school of art", "school of law", "school of business", "south bank university",
            "conservatoire",
        ),
    ),
    Kind(
        "school",
        "a school",
        (
            "school", "schools", "primary school", "high school", "grammar school",
            "sixth form", "academy", "academies", "academy trust", "schule", "grundschule",
            "lycée",
        ),
    ),
    Kind(
        "public_body",
        "a public body",
        (
            "council", "city council", "county council", "borough council", "district council",
            "ministry", "ministry of", "ministère", "ministerio", "ministerium", "ministero",
            "department for", "department of health", "department of state",
            "department of justice", "department of defense", "department of education",
            "department of energy", "department of labor", "department of the treasury",
            "department of agriculture", "department of transportation",
            "department of homeland security", "department of veterans affairs",
            "government", "regierung", "gouvernement", "civil service", "parliament",
            "house of commons", "house of lords", "home office", "cabinet office",
            "foreign office", "foreign commonwealth", "office for", "office of the",
            "transport for london", "hm treasury", "hm revenue",
            "hmrc", "dwp", "dvla", "fcdo", "ofsted", "ofcom", "ofgem", "ofwat",
            "environment agency", "food standards agency", "health security agency",
            "national crime agency", "space agency", "protection agency", "standards agency",
            "employment agency", "bundesagentur", "bundesamt", "bundesministerium",
            "federal government", "federal ministry", "federal office", "federal reserve",
            "federal bureau", "federal agency", "police", "constabulary", "fire and rescue",
            "public health", "nhs england", "nhs digital", "nhs improvement",
            "nhs blood and transplant", "nhs business services authority", "authority",
            "commission", "local authority", "municipality", "stadtverwaltung",
            "city of london corporation",
        ),
    ),
    Kind(
        "bank",
        "a bank",
        (
            "bank", "banks", "banking group", "bancorp", "banque", "banca", "banco",
            "bankhaus", "sparkasse", "sparkassen", "volksbank", "raiffeisenbank",
            "landesbank", "credit union", "credit unions", "building society",
            "savings and loan", "caisse d'épargne", "crédit agricole", "crédit mutuel",
            "northern trust", "trust company", "kreissparkasse", "stadtsparkasse",
        ),
    ),
    Kind(
        "charity",
        "a charity",
        (
            "charity", "charities", "charitable", "foundation", "trust", "stiftung",
            "fondation", "fundación", "fondazione", "food bank", "red cross",
            "red crescent", "ngo",
        ),
    ),
    Kind(
        "consultancy",
        "a consultancy",
        ("consulting", "consultancy", "consultants", "consultores", "beratung"),
    ),
    # Not "& Co." or "Partnership": JPMorgan Chase & Co. is a bank, the John Lewis
    # Partnership a shop.
    Kind("firm", "a firm", ("partners", "llp")),
)  # fmt: skip

# Kinds only a person chooses: no name says them reliably.
CHOSEN_ONLY: tuple[Kind, ...] = (
    Kind("company", "a company"),
    Kind("startup", "a start-up"),
    Kind("agency", "an agency"),
    Kind("law_firm", "a law firm"),
    Kind("museum", "a museum"),
    Kind("newspaper", "a newspaper"),
    Kind("none", ""),
)

LABELS: dict[str, str] = {kind.key: kind.label for kind in (*KINDS, *CHOSEN_ONLY) if kind.key}

# For a person to choose from, in the order of their nouns: "A bank", "A charity", …,
# "A university", then "None of these: say nothing".
CHOICES: list[tuple[str, str]] = [
    *sorted(
        ((key, label[:1].upper() + label[1:]) for key, label in LABELS.items() if label),
        key=lambda choice: choice[1].split(" ", 1)[1],
    ),
    ("none", "None of these: say nothing"),
]


def _words(text: str) -> str:
    """Folded words between single spaces, with a space at each end for whole-word finds."""
    text = fold(text).replace("&", " & ")
    text = re.sub(r"['’‘`]", "", text)
    return " " + " ".join(re.findall(r"\w+|&", text)) + " "


@cache
def _phrases() -> tuple[tuple[str, int, int], ...]:
    """Each phrase as folded words, with its length and its kind's place in KINDS."""
    return tuple(
        (_words(phrase), len(_words(phrase).split()), -place)
        for place, kind in enumerate(KINDS)
        for phrase in kind.words
    )


def organization_kind_key(name: str) -> str:
    """The key of the kind a name says ("bank"), or "" when it does not settle it."""
    words = _words(name)
    best = max(
        ((length, priority) for phrase, length, priority in _phrases() if phrase in words),
        default=None,
    )
    return KINDS[-best[1]].key if best else ""


def organization_kind(name: str) -> str:
    """ "a bank", "a university", … or "" when the name does not say (never a guess)."""
    return LABELS.get(organization_kind_key(name), "")
