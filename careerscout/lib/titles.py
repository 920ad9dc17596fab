"""Job titles reduced to comparable terms.

"Sr. UX Researcher", "User Experience Research Lead" and "UXR" all become
"user experi research", so a career's title and keywords can be matched against them.
"""

import re
from functools import lru_cache

import snowballstemmer

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
# Words that say how senior someone is, not what they do.
SENIORITY = {
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "principal",
    "staff",
    "head",
    "chief",
    "associate",
    "assistant",
    "intern",
    "trainee",
    "graduate",
    "entry",
    "level",
    "mid",
    "i",
    "ii",
    "iii",
    "iv",
    "1",
    "2",
    "3",
    "4",
    "deputy",
    "acting",
    "interim",
    "global",
    "regional",
    "executive",
    "vice",
    "president",
    "director",
    "officer",
    "of",
    "the",
    "and",
    "for",
    "at",
    "in",
    "to",
    "a",
    "an",
    "with",
    "on",
    "team",
}
_stemmer = snowballstemmer.stemmer("english")
_WORD = re.compile(r"r&d|\w+")


@lru_cache(maxsize=50_000)
def title_terms(title: str) -> str:
    words: list[str] = []
    for word in _WORD.findall(fold(title)):
        words.extend(ABBREVIATIONS.get(word, word).split())
    meaningful = [word for word in words if word not in SENIORITY]
    return " ".join(_stemmer.stemWords(meaningful or words))
