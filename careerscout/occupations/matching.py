"""A job title → the O*NET occupations it most likely is, each with a score and a reason.

Every title the release knows (occupation titles, alternate titles, reported titles) is
reduced to its stemmed words (`lib.titles.match_terms`). A title whose words are exactly
those of a known title scores 1; otherwise the known titles sharing its words are scored by
their rarity-weighted overlap, and a different last word (the role noun: "designer", not
"researcher") costs a quarter. The index is built once per process from the tables.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from careerscout.lib.titles import match_terms

from .models import Occupation

KIND_WORDS = {
    "title": "the O*NET title",
    "alternate": "an alternate title",
    "reported": "a title people report",
}
KIND_ORDER = {"title": 0, "alternate": 1, "reported": 2}
OTHER_ROLE_FACTOR = 0.75
MINIMUM_SCORE = 0.35
MAX_LIMIT = 20
_SPELLED_OUT = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")


@dataclass(frozen=True, slots=True)
class Match:
    code: str
    title: str
    score: float
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "score": self.score, "reason": self.reason}


@dataclass(slots=True)
class TitleIndex:
    titles: dict[str, str]  # code → occupation title
    entries: list[tuple[str, str, str, tuple[str, ...]]]  # (code, kind, text, terms)
    exact: dict[tuple[str, ...], list[int]]
    postings: dict[str, list[int]]
    weights: dict[str, float]
    entry_weights: list[float]
    title_terms: dict[str, tuple[str, ...]]
    keys: list[tuple[str, ...]]

    def match(self, title: str, limit: int = 5) -> list[Match]:
        terms = match_terms(title)
        if not terms or not self.entries:
            return []
        best: dict[str, tuple[float, int, int]] = {}  # code → (score, kind order, entry)
        key = tuple(sorted(terms))
        for position in self.exact.get(key, ()):
            self._keep(best, position, 1.0)
        if len(best) < limit:
            for position, score in self._overlaps(terms, key):
                self._keep(best, position, score)
        wanted = set(terms)
        ranked = sorted(
            best.items(),
            # Equal scores: the occupation whose own title shares more words comes first.
            key=lambda item: (
                -item[1][0],
                item[1][1],
                -len(wanted.intersection(self.title_terms[item[0]])),
                item[0],
            ),
        )
        return [self._match(code, score, position) for code, (score, _, position) in ranked[:limit]]

    def _overlaps(self, terms: tuple[str, ...], key: tuple[str, ...]):
        """(entry, score) for the known titles that share enough rare words with the title.

        Rarest words first: once the words left could not lift a title that has none of the
        rarer ones over the minimum, only titles already found are looked at.
        """
        weight_of = [(self.weights.get(term, self._unknown), term) for term in terms]
        wanted = sum(weight for weight, _ in weight_of)
        remaining = wanted
        shared: dict[int, float] = defaultdict(float)
        for weight, term in sorted(weight_of, reverse=True):
            if 2 * remaining / (wanted + remaining) >= MINIMUM_SCORE:
                for position in self.postings.get(term, ()):
                    shared[position] += weight
            else:
                for position in shared:
                    if term in self.entries[position][3]:
                        shared[position] += weight
            remaining -= weight
        for position, overlap in shared.items():
            entry_terms = self.entries[position][3]
            if self.keys[position] == key:
                continue
            score = 2 * overlap / (wanted + self.entry_weights[position])
            if entry_terms[-1] != terms[-1]:
                score *= OTHER_ROLE_FACTOR
            if score >= MINIMUM_SCORE:
                yield position, min(score, 0.99)

    @property
    def _unknown(self) -> float:
        return math.log(len(self.entries) + 1)

    def _keep(self, best: dict[str, tuple[float, int, int]], position: int, score: float):
        code, kind, _text, _terms = self.entries[position]
        candidate = (score, KIND_ORDER[kind], position)
        current = best.get(code)
        if current is None or (-candidate[0], candidate[1]) < (-current[0], current[1]):
            best[code] = candidate

    def _match(self, code: str, score: float, position: int) -> Match:
        _code, kind, text, _terms = self.entries[position]
        if score >= 1.0:
            reason = f"{KIND_WORDS[kind]}: {text}"
        else:
            reason = f"close to {KIND_WORDS[kind]}: {text}"
        return Match(code, self.titles[code], round(score, 2), reason[:1].upper() + reason[1:])


def titles_of(occupation: dict) -> list[tuple[str, str]]:
    """(kind, title) for every name of an occupation; "UX Designer (User Experience
    Designer)" counts as both of its names."""
    names = [("title", occupation["title"])]
    for kind, field in (("alternate", "alternate_titles"), ("reported", "reported_titles")):
        for text in occupation[field]:
            spelled = _SPELLED_OUT.match(text)
            if spelled:
                names.append((kind, spelled.group(1)))
                names.append((kind, spelled.group(2)))
            else:
                names.append((kind, text))
    return names


def build_index(occupations: list[dict]) -> TitleIndex:
    entries = []
    exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
    postings: dict[str, list[int]] = defaultdict(list)
    seen = set()
    for occupation in occupations:
        for kind, text in titles_of(occupation):
            terms = match_terms(text)
            if not terms or (occupation["code"], terms) in seen:
                continue
            seen.add((occupation["code"], terms))
            position = len(entries)
            entries.append((occupation["code"], kind, text, terms))
            exact[tuple(sorted(terms))].append(position)
            for term in terms:
                postings[term].append(position)
    count = len(entries) + 1
    weights = {term: math.log(count / len(found)) for term, found in postings.items()}
    titles = {occupation["code"]: occupation["title"] for occupation in occupations}
    entry_weights = [sum(weights[term] for term in entry[3]) for entry in entries]
    keys = [tuple(sorted(entry[3])) for entry in entries]
    title_terms = {code: match_terms(title) for code, title in titles.items()}
    return TitleIndex(
        titles, entries, dict(exact), dict(postings), weights, entry_weights, title_terms, keys
    )


@lru_cache(maxsize=1)
def title_index() -> TitleIndex:
    """The index of the loaded release, built on first use (loading a release forgets it)."""
    rows = Occupation.objects.values("code", "title", "alternate_titles", "reported_titles")
    return build_index(list(rows))


def loaded_index() -> TitleIndex | None:
    """The index, or None while the tables are not loaded yet; then nothing is kept, so the
    next call looks again."""
    index = title_index()
    if not index.entries:
        title_index.cache_clear()
        return None
    return index


def forget_index() -> None:
    """This process matches against the tables as they are now (others once restarted)."""
    title_index.cache_clear()
    _likeliest_in_index.cache_clear()


def match_title(title: str, limit: int = 5) -> list[Match]:
    """The best occupations for a title, best first; empty when nothing fits."""
    index = loaded_index()
    return index.match(title, max(1, min(limit, MAX_LIMIT))) if index else []


LIKELY_ENOUGH = 0.6


def likeliest_occupation(title: str) -> tuple[str, float]:
    """(code, score) of a title's likeliest occupation, or ("", 0.0) when none scores
    `LIKELY_ENOUGH` or the tables are not loaded yet (an answer not kept)."""
    if loaded_index() is None:
        return "", 0.0
    return _likeliest_in_index(title)


@lru_cache(maxsize=20_000)
def _likeliest_in_index(title: str) -> tuple[str, float]:
    found = match_title(title, 1)
    if found and found[0].score >= LIKELY_ENOUGH:
        return found[0].code, found[0].score
    return "", 0.0


def best_occupation(title: str) -> str:
    """The code of a title's likeliest occupation, or "" when none is likely enough."""
    return likeliest_occupation(title)[0]
