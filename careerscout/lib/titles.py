"""Job titles reduced to comparable terms.

"Sr. UX Researcher", "User Experience Research Lead" and "UXR" all become
"user experi research", so a career's title and keywords can be matched against them.
"""

import re
import threading
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer
from snowballstemmer.basestemmer import BaseStemmer

from careerscout.lib.career_names import FIELD_FOR_ROLE, ROLE_FOR_FIELD, looks_like_a_role
from careerscout.lib.text import fold

ABBREVIATIONS = {
    "ux": "user experience",
    "uxr": "user experience research",
    "ui": "user interface",
    "pm": "product manager",
    "po": "product owner",
    "tpm": "technical program manager",
    "swe": "software engineer",
    "sde": "software development engineer",
    "sre": "site reliability engineer",
    "dev": "developer",
    "devs": "developers",
    "eng": "engineer",
    "mgr": "manager",
    "mgmt": "management",
    "ds": "data scientist",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "qa": "quality assurance",
    "hr": "human resources",
    "pr": "public relations",
    "cx": "customer experience",
    "rn": "registered nurse",
    "md": "medical doctor",
    "vp": "vice president",
    "ceo": "chief executive officer",
    "cto": "chief technology officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "bd": "business development",
    "biz": "business",
    "esg": "environmental social governance",
    "r&d": "research and development",
}
_threads = threading.local()


def stemmer() -> BaseStemmer:
    """One per thread: a Snowball stemmer keeps its word in itself while it works, so threads
    sharing one (gunicorn serves with threads) garble each other's words or crash."""
    if not hasattr(_threads, "stemmer"):
        _threads.stemmer = snowballstemmer.stemmer("english")
    return _threads.stemmer


_WORD = re.compile(r"r&d|\w+")
_PARENTHESES = re.compile(r"\([^)]*\)?")


def _expanded(text: str) -> list[str]:
    """The words of a folded title, abbreviations spelled out ("sr" → "senior")."""
    words: list[str] = []
    for word in _WORD.findall(text):
        words.extend(ABBREVIATIONS.get(word, word).split())
    return words


def _plain(title: str) -> str:
    """A title folded, without asides in parentheses, "&" read as "and"."""
    return _PARENTHESES.sub(" ", fold(title)).replace("&", " and ")


@lru_cache(maxsize=50_000)
def title_terms(title: str) -> str:
    words = _expanded(fold(title))
    meaningful = [word for word in words if word not in SENIORITY]
    return " ".join(stemmer().stemWords(meaningful or words))


# Words that say how senior someone is, in any position ("Senior", "II", "Head of", "Lead").
RANKS = frozenset(
    {"senior", "sr", "junior", "jr", "lead", "principal", "staff", "head", "chief", "associate",
     "intern", "trainee", "graduate", "entry", "level", "mid", "i", "ii", "iii", "iv", "v", "1",
     "2", "3", "4", "deputy", "acting", "interim", "global", "regional", "executive", "vice",
     "president", "director", "manager", "leader", "supervisor", "distinguished", "fellow"}
)  # fmt: skip
# Ranks that are a role of their own unless a field word precedes them ("Product Manager",
# but "Research Manager" manages research and "Research Lead" leads it).
RANK_ROLES = frozenset({"manager", "director", "lead", "leader", "head", "supervisor"})
FILLERS = frozenset({"of", "the", "and", "for", "at", "in", "to", "a", "an", "with", "on", "team"})
# The words `title_terms` leaves out, so a search or a ranking compares what people do: the
# ranks and fillers, and two words that end a title's role elsewhere ("Teaching Assistant",
# "Police Officer"), but not the ranks that say what someone does ("Product Manager") or the
# few it has always kept. People's and volunteers' stored title keys are made with it, so a
# change here needs everyone's keys worked out again.
SENIORITY = (RANKS | FILLERS | {"assistant", "officer"}) - {
    "manager", "leader", "supervisor", "distinguished", "fellow", "v"
}  # fmt: skip
_RANK_NAMES = {"sr": "senior", "jr": "junior"}
# Ranks that are also what someone does: a "Director" directs, an "Executive" runs things.
_ROLE_RANKS = frozenset({"manager", "director", "executive", "supervisor", "president", "chief"})
# Words the stemmer would merge with another of a different meaning ("product").
STEM_EXCEPTIONS = {"production": "production", "productions": "production"}
# Names of one field, so "User Researcher", "Usability Researcher" and "UX Researcher" agree.
FIELD_SYNONYMS = {
    "user experience": "ux",
    "user": "ux",
    "usability": "ux",
    "user interface": "ui",
    "customer experience": "cx",
    "people": "human resources",
    "talent acquisition": "recruiting",
}
_FIELD_SYNONYM = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, FIELD_SYNONYMS), key=len, reverse=True)) + r")\b"
)


class TitleParts(NamedTuple):
    """A job title taken apart: "Sr. User Research Lead" is seniority "senior lead", role
    "researcher", field "ux" (the field's words, without the role's own field word)."""

    seniority: str
    role: str
    field: str

    @property
    def key(self) -> str:
        return f"{self.role}|{self.field}" if self.role else ""


@lru_cache(maxsize=50_000)
def understand_title(title: str) -> TitleParts:
    """Seniority, role noun and field of a job title, after expanding abbreviations."""
    text = _plain(title)
    head, comma, tail = text.partition(",")
    if comma and _WORD.findall(tail):
        # "Researcher, User Experience" and "Director, Research": the part after the comma
        # names the field, so it goes first.
        text = f"{tail} {head}"
    words = _expanded(text)
    ranks = [word for word in words if word in RANKS]
    words = [word for word in words if word not in RANKS and word not in FILLERS]
    role = ""
    if words:
        last = words[-1]
        singular = last[:-1] if last.endswith("s") and last[:-1] in FIELD_FOR_ROLE else last
        if last in ROLE_FOR_FIELD:
            role, words = ROLE_FOR_FIELD[last], words[:-1]
        elif singular in FIELD_FOR_ROLE or looks_like_a_role(singular):
            role, words = singular, words[:-1]
    if not role:
        rank_roles = [rank for rank in ranks if rank in RANK_ROLES]
        if rank_roles:  # "Product Manager", "Director": the rank is the role
            role = rank_roles[-1]
            ranks.remove(role)
    seniority = " ".join(dict.fromkeys(_RANK_NAMES.get(rank, rank) for rank in ranks))
    field = _FIELD_SYNONYM.sub(lambda found: FIELD_SYNONYMS[found.group(1)], " ".join(words))
    return TitleParts(seniority, role, " ".join(dict.fromkeys(field.split())))


@lru_cache(maxsize=200_000)
def match_terms(title: str) -> tuple[str, ...]:
    """A title's stemmed words for matching against occupations: abbreviations expanded,
    fillers and plain seniority dropped, but roles such as "director" or "assistant" kept."""
    words = _expanded(_plain(title))
    kept = [w for w in words if w not in FILLERS and (w not in RANKS or w in _ROLE_RANKS)]
    return tuple(dict.fromkeys(map(_stem, kept or words)))


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return STEM_EXCEPTIONS.get(word) or stemmer().stemWord(word)
