"""A career named two ways, so a sentence can use the one that reads right.

"UX Researcher" and "UX research" both give the role "UX researcher" (how you became a UX
researcher) and the field "UX research" (your work in UX research). Titles are lower-cased
as in running text, keeping acronyms ("UX", "DevOps") and proper adjectives ("English").
"""

import re
from typing import NamedTuple

# Field word → role word, for the last word of a title; the first role listed for a field
# is the one a field gives, the first field listed for a role the one a role gives.
FIELD_ROLES: tuple[tuple[str, str], ...] = (
    ("research", "researcher"),
    ("analysis", "analyst"),
    ("analytics", "analyst"),
    ("management", "manager"),
    ("design", "designer"),
    ("engineering", "engineer"),
    ("development", "developer"),
    ("science", "scientist"),
    ("consulting", "consultant"),
    ("consultancy", "consultant"),
    ("teaching", "teacher"),
    ("education", "educator"),
    ("nursing", "nurse"),
    ("writing", "writer"),
    ("editing", "editor"),
    ("accounting", "accountant"),
    ("accountancy", "accountant"),
    ("marketing", "marketer"),
    ("sales", "salesperson"),
    ("law", "lawyer"),
    ("medicine", "doctor"),
    ("architecture", "architect"),
    ("journalism", "journalist"),
    ("psychology", "psychologist"),
    ("therapy", "therapist"),
    ("economics", "economist"),
    ("statistics", "statistician"),
    ("biology", "biologist"),
    ("chemistry", "chemist"),
    ("physics", "physicist"),
    ("pharmacy", "pharmacist"),
    ("dentistry", "dentist"),
    ("photography", "photographer"),
    ("illustration", "illustrator"),
    ("translation", "translator"),
    ("coaching", "coach"),
    ("counselling", "counsellor"),
    ("counseling", "counselor"),
    ("planning", "planner"),
    ("recruitment", "recruiter"),
    ("recruiting", "recruiter"),
    ("programming", "programmer"),
    ("administration", "administrator"),
    ("production", "producer"),
    ("strategy", "strategist"),
    ("banking", "banker"),
    ("entrepreneurship", "entrepreneur"),
    ("academia", "academic"),
    ("librarianship", "librarian"),
    ("work", "worker"),
)
ROLE_FOR_FIELD = dict(reversed(FIELD_ROLES))
FIELD_FOR_ROLE = {role: field for field, role in reversed(FIELD_ROLES)}

# Capitalised in running text even though they are not acronyms.
PROPER_WORDS = frozenset(
    {"english", "french", "spanish", "german", "italian", "portuguese", "dutch", "mandarin",
     "chinese", "japanese", "korean", "arabic", "russian", "hindi", "latin", "greek", "welsh",
     "irish", "scottish", "british", "american", "european", "african", "asian", "python",
     "java", "linux", "salesforce", "excel", "nhs", "un"}
)  # fmt: skip
_SENIORITY = re.compile(r"^(?:(?:senior|junior|sr\.?|jr\.?)\s+)+", re.I)


class CareerNames(NamedTuple):
    role: str
    field: str


def career_names(title: str) -> CareerNames:
    """("UX researcher", "UX research") from "UX Researcher" or "UX research".

    A field with no role word known gets "… professional" ("public policy professional");
    a role with no field word known becomes "work as a park ranger", which still reads
    right after "exploring" or "about".
    """
    words = running_text(title).split()
    if not words:
        return CareerNames("", "")
    if "of" in words[1:-1]:  # "Chief of staff", "Head of Product": a role, named whole
        role = " ".join(words)
        return CareerNames(role, f"work as {with_article(role)}")
    *head, last = words
    singular = last[:-1] if last.endswith("s") and last[:-1] in FIELD_FOR_ROLE else last
    if last in ROLE_FOR_FIELD:
        role = " ".join([*head, ROLE_FOR_FIELD[last]])
        field = " ".join(words)
    elif singular in FIELD_FOR_ROLE:
        role = " ".join([*head, singular])
        field = " ".join([*head, FIELD_FOR_ROLE[singular]])
    elif looks_like_a_role(singular):
        role = " ".join([*head, singular])
        return CareerNames(role, f"work as {with_article(role)}")
    else:
        field = " ".join(words)
        return CareerNames(f"{field} professional", field)
    return CareerNames(role, _SENIORITY.sub("", field))


def names_of(career) -> CareerNames:
    """A career's own names where it has them, else the ones its title suggests."""
    suggested = career_names(career.title)
    return CareerNames(
        getattr(career, "role_name", "") or suggested.role,
        getattr(career, "field_name", "") or suggested.field,
    )


def running_text(title: str) -> str:
    """ "UX Researcher" → "UX researcher": lower case except acronyms and proper words."""
    return " ".join(_running_word(word) for word in title.split())


def _running_word(word: str) -> str:
    return "-".join(_running_part(part) for part in word.split("-"))


def _running_part(part: str) -> str:
    bare = part.strip(".,()").lower()
    if sum(char.isupper() for char in part) >= 2:
        return part
    if bare in PROPER_WORDS:
        return part[:1].upper() + part[1:].lower() if len(bare) > 3 else part.upper()
    return part.lower()


_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "eer", "ess", "ee")
_ROLE_WORDS = frozenset(
    {"nurse", "coach", "chef", "clerk", "pilot", "paralegal", "midwife", "surgeon", "mechanic",
     "paramedic", "agent", "advocate", "attorney", "architect", "analyst", "specialist",
     "associate", "lead", "head", "partner", "owner", "diplomat", "curator", "barista"}
)  # fmt: skip
_NOT_ROLES = frozenset({"computer", "water", "power", "paper", "theater", "other", "customer"})


def looks_like_a_role(word: str) -> bool:
    if word in _NOT_ROLES:
        return False
    return word in _ROLE_WORDS or word.endswith(_ROLE_ENDINGS)


# Words and letters that start with a vowel sound despite their spelling, and the reverse.
_AN_LETTERS = frozenset("aefhilmnorsx")
_A_BEFORE = re.compile(r"(?:uni|use|usu|ur[aeio]|eu|one\b|once\b|ewe)", re.I)
_AN_BEFORE = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)


def with_article(phrase: str) -> str:
    """ "a UX researcher", "an analyst", "an HR adviser", "a user researcher"."""
    first = phrase.split()[0] if phrase.split() else ""
    letters = first.strip("\"'“(")
    if not letters:
        return phrase
    if len(letters) > 1 and letters.isupper():
        vowel_sound = letters[0].lower() in _AN_LETTERS
    elif _A_BEFORE.match(letters):
        vowel_sound = False
    elif _AN_BEFORE.match(letters):
        vowel_sound = True
    else:
        vowel_sound = letters[0].lower() in "aeiou"
    return f"{'an' if vowel_sound else 'a'} {phrase}"
