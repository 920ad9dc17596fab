"""Who to ask about a career: every person scored, with the reasons in plain words.

The scoring is pure Python over plain values (`Candidate`), so it is quick to test and fast
enough for 30,000 people (see docs/performance.md).
"""

import heapq
from dataclasses import dataclass

from rapidfuzz import fuzz

from careerscout.lib.titles import title_terms

ROLE_WEIGHT = 60
WARMTH_POINTS = {
    "friend_family": 25,
    "colleague": 22,
    "alumni": 20,
    "referral": 20,
    "event": 10,
    "association": 10,
    "linkedin": 5,
    "other": 0,
}
WARMTH_REASONS = {
    "friend_family": "friend or family: a warm introduction",
    "colleague": "a colleague: you have worked together",
    "alumni": "a fellow alum: alumni usually say yes",
    "referral": "referred to you: someone vouched for you",
    "event": "you met at an event",
    "association": "you share a professional association",
    "linkedin": "a LinkedIn connection",
}
KNOWN_POINTS = 5
TARGET_POINTS = 10
ALREADY_ASKED_FACTOR = 0.3
FUZZY_THRESHOLD = 85


@dataclass(slots=True)
class Candidate:
    """One person as the ranking sees them (not frozen: a frozen dataclass is slow to build,
    and 30,000 are built per ranking)."""

    contact_id: int
    title_key: str
    organization_id: int | None
    source: str
    knows_how: bool
    already_asked: bool = False
    planned_for_career: bool = False
    # Only the reasons use these; rankers of many people may leave them empty at first.
    title: str = ""
    organization: str = ""
    referred_by: str = ""  # who suggested them, e.g. in a conversation


def career_terms(title: str, keywords: list[str]) -> list[tuple[str, str]]:
    """(what the user wrote, its comparable terms) for the title and each keyword."""
    seen: dict[str, str] = {}
    for phrase in [title, *keywords]:
        terms = title_terms(phrase)
        if terms and terms not in seen:
            seen[terms] = phrase
    return [(phrase, terms) for terms, phrase in seen.items()]


@dataclass(frozen=True)
class RoleMatch:
    score: float  # 0–1
    phrase: str = ""
    how: str = ""  # "matches", "partly matches" or "is close to" (a spelling away)


NO_MATCH = RoleMatch(0.0)


def role_relevance(terms: list[tuple[str, str]], title_keys: list[str]) -> list[RoleMatch]:
    """For each title: how well it matches the best of the career's phrases."""
    term_words = [(phrase, term, set(term.split())) for phrase, term in terms]
    by_key: dict[str, RoleMatch] = {"": NO_MATCH}
    for key in title_keys:
        if key in by_key:
            continue
        words = set(key.split())
        best = NO_MATCH
        for phrase, term, wanted in term_words:
            coverage = len(wanted & words) / len(wanted)
            # A near-miss spelling still counts, a little less than an exact match.
            fuzzy = 0.9 * fuzz.ratio(term, key, score_cutoff=FUZZY_THRESHOLD) / 100
            if coverage >= 0.99:
                match = RoleMatch(coverage, phrase, "matches")
            elif fuzzy > coverage:
                match = RoleMatch(fuzzy, phrase, "is close to")
            else:
                match = RoleMatch(coverage, phrase, "partly matches")
            if match.score > best.score:
                best = match
        by_key[key] = best
    return [by_key[key] for key in title_keys]


@dataclass(slots=True)
class Suggestion:
    """One person's place in the ranking; the reasons are written only when read, since a
    page shows a few of thousands."""

    candidate: Candidate
    match: RoleMatch
    motivation: int | None
    score: float

    @property
    def contact_id(self) -> int:
        return self.candidate.contact_id

    @property
    def reasons(self) -> list[str]:
        return explain(self.candidate, self.match, self.motivation)


def score_of(candidate: Candidate, match: RoleMatch, motivation: int | None) -> float:
    score = ROLE_WEIGHT * match.score if match.score >= 0.5 else 0.0
    score += WARMTH_POINTS.get(candidate.source, 0)
    if candidate.knows_how:
        score += KNOWN_POINTS
    if motivation is not None:
        score += TARGET_POINTS + 2 * motivation
    if candidate.planned_for_career or candidate.already_asked:
        score *= ALREADY_ASKED_FACTOR
    return score


def explain(candidate: Candidate, match: RoleMatch, motivation: int | None) -> list[str]:
    """The score's parts in plain words, in the order they weigh."""
    reasons: list[str] = []
    if match.score >= 0.5:
        reasons.append(f"Title “{candidate.title}” {match.how} “{match.phrase}”")
    if candidate.source in WARMTH_REASONS:
        reason = WARMTH_REASONS[candidate.source]
        reasons.append(reason[:1].upper() + reason[1:])
    if candidate.referred_by:
        reasons.append(f"{candidate.referred_by} suggested them")
    if candidate.knows_how:
        reasons.append("You noted how you know them")
    if motivation is not None:
        reasons.append(
            f"Works at {candidate.organization}, on your target list (motivation {motivation}/5)"
        )
    if candidate.planned_for_career:
        reasons.append("Already on your list for this career")
    elif candidate.already_asked:
        reasons.append("Already contacted: ask someone new first")
    else:
        reasons.append("Not contacted yet")
    return reasons


def rank(
    candidates: list[Candidate],
    terms: list[tuple[str, str]],
    target_motivation: dict[int, int],
    limit: int | None = None,
) -> list[Suggestion]:
    """Score everyone, best first; ties keep the order the candidates came in."""
    relevance = role_relevance(terms, [candidate.title_key for candidate in candidates])
    scored = []
    motivation_of = target_motivation.get
    for position, (candidate, match) in enumerate(zip(candidates, relevance, strict=True)):
        motivation = motivation_of(candidate.organization_id or 0)
        scored.append((-score_of(candidate, match, motivation), position, match, motivation))
    best = heapq.nsmallest(limit, scored) if limit is not None else sorted(scored)
    return [
        Suggestion(candidates[position], match, motivation, round(-negative, 1))
        for negative, position, match, motivation in best
    ]
