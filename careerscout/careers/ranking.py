"""Who to ask about a career: every person scored, with the reasons in plain words.

Tiers, strongest first: the same role in the same field, the same occupation with another
role, a related occupation, then words in common. Warmth, target organisations and having
asked already add to or scale the score within and across tiers.

The scoring is pure Python over plain values (`Candidate`), so it is quick to test and fast
enough for 30,000 people (see docs/performance.md).
"""

import heapq
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz

from careerscout.lib.career_names import career_names
from careerscout.lib.titles import title_terms, understand_title

ROLE_WEIGHT = 60
# Shares of ROLE_WEIGHT: below a warm connection's lift over a cold one, so a friend who is a
# UX designer still comes after a stranger who does the work itself.
OCCUPATION_SHARE = 0.45
RELATED_SHARE = 0.35
PARTLY_SHARE = 0.3
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
# Someone whose work has nothing to do with the career can still introduce you to someone
# whose work does, but a warm friend who is a nurse should not outrank a researcher for UX.
UNRELATED_FACTOR = 0.2
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
    # The title understood when the person was saved (see lib.titles.understand_title).
    title_role: str = ""
    title_field: str = ""
    occupation: str = ""
    # Only the reasons use these; rankers of many people may leave them empty at first.
    title: str = ""
    organization: str = ""
    referred_by: str = ""  # who suggested them, e.g. in a conversation


@dataclass(frozen=True)
class CareerProfile:
    """What a career is, as the ranking compares people with it."""

    terms: list[tuple[str, str]]  # (what the user wrote, its comparable terms)
    roles: list[tuple[str, str, str]]  # (the role in words, role noun, field)
    occupations: dict[str, str] = field(default_factory=dict)  # code → occupation title
    related: dict[str, str] = field(default_factory=dict)  # related codes → titles


def career_terms(
    title: str,
    keywords: list[str],
    occupations: dict[str, str] | None = None,
    related: dict[str, str] | None = None,
) -> CareerProfile:
    """The career's title and keywords, each as words and as a role in a field, with the
    occupations it is (and those related to them)."""
    seen: dict[str, str] = {}
    roles: dict[tuple[str, str], str] = {}
    for phrase in [title, *keywords]:
        terms = title_terms(phrase)
        if terms and terms not in seen:
            seen[terms] = phrase
        parts = understand_title(phrase)
        if parts.role:
            roles.setdefault((parts.role, parts.field), career_names(phrase).role)
    occupations = occupations or {}
    related = {code: name for code, name in (related or {}).items() if code not in occupations}
    return CareerProfile(
        [(phrase, terms) for terms, phrase in seen.items()],
        [(name, role, field_) for (role, field_), name in roles.items()],
        occupations,
        related,
    )


class How(StrEnum):
    """How a person's work relates to the career, strongest first."""

    SAME_ROLE = "does this work"
    MATCHES = "matches"
    CLOSE = "is close to"
    SAME_OCCUPATION = "same occupation"
    RELATED = "related occupation"
    PARTLY = "partly matches"


@dataclass(frozen=True)
class RoleMatch:
    score: float  # 0–1 of ROLE_WEIGHT
    phrase: str = ""  # the career's words, role or occupation the person's title meets
    how: How | None = None


NO_MATCH = RoleMatch(0.0)


def role_relevance(profile: CareerProfile, candidates: list[Candidate]) -> list[RoleMatch]:
    """For each person: the strongest way their work meets the career.

    The same role in the same field first (a user researcher for "UX research"), then words
    that all match, then the same occupation with another role (a UX designer), then a
    related occupation, then some words in common.
    """
    term_words = [(phrase, term, set(term.split())) for phrase, term in profile.terms]
    roles = {(role, field_): name for name, role, field_ in profile.roles}
    by_key: dict[tuple[str, str, str, str], RoleMatch] = {}
    result = []
    for candidate in candidates:
        key = (
            candidate.title_key,
            candidate.title_role,
            candidate.title_field,
            candidate.occupation,
        )
        match = by_key.get(key)
        if match is None:
            match = by_key[key] = _relevance(profile, term_words, roles, key)
        result.append(match)
    return result


def _relevance(profile, term_words, roles, key) -> RoleMatch:
    title_key, role, field_, occupation = key
    if not title_key:
        return NO_MATCH
    if (role, field_) in roles:
        return RoleMatch(1.0, roles[role, field_], How.SAME_ROLE)
    words = set(title_key.split())
    best = NO_MATCH
    for phrase, term, wanted in term_words:
        coverage = len(wanted & words) / len(wanted)
        # A near-miss spelling still counts, a little less than an exact match.
        fuzzy = 0.9 * fuzz.ratio(term, title_key, score_cutoff=FUZZY_THRESHOLD) / 100
        if coverage >= 0.99:
            match = RoleMatch(coverage, phrase, How.MATCHES)
        elif fuzzy > coverage:
            match = RoleMatch(fuzzy, phrase, How.CLOSE)
        elif coverage >= 0.5:
            match = RoleMatch(PARTLY_SHARE * coverage, phrase, How.PARTLY)
        else:
            continue
        if match.score > best.score:
            best = match
    if occupation in profile.occupations and best.score < OCCUPATION_SHARE:
        best = RoleMatch(OCCUPATION_SHARE, profile.occupations[occupation], How.SAME_OCCUPATION)
    elif occupation in profile.related and best.score < RELATED_SHARE:
        best = RoleMatch(RELATED_SHARE, profile.related[occupation], How.RELATED)
    return best


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
    score = ROLE_WEIGHT * match.score
    score += WARMTH_POINTS.get(candidate.source, 0)
    if candidate.knows_how:
        score += KNOWN_POINTS
    if motivation is not None:
        score += TARGET_POINTS + 2 * motivation
    if candidate.planned_for_career or candidate.already_asked:
        score *= ALREADY_ASKED_FACTOR
    if match.score == 0 and motivation is None:
        score *= UNRELATED_FACTOR
    return score


def explain(candidate: Candidate, match: RoleMatch, motivation: int | None) -> list[str]:
    """The score's parts in plain words, in the order they weigh."""
    reasons: list[str] = []
    if match.how is How.SAME_ROLE:
        reasons.append(f"Does this work: {candidate.title} ≈ {match.phrase}")
    elif match.how is How.SAME_OCCUPATION:
        reasons.append(f"Another role in the same occupation ({match.phrase}): {candidate.title}")
    elif match.how is How.RELATED:
        reasons.append(f"A related occupation ({match.phrase}): {candidate.title}")
    elif match.how is not None:
        reasons.append(f"Title “{candidate.title}” {match.how} “{match.phrase}”")
    if candidate.source in WARMTH_REASONS:
        reason = WARMTH_REASONS[candidate.source]
        reasons.append(reason[:1].upper() + reason[1:])
        if match.score == 0 and motivation is None:
            reasons.append("Could introduce you to someone who does this work")
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
    profile: CareerProfile,
    target_motivation: dict[int, int],
    limit: int | None = None,
) -> list[Suggestion]:
    """Score everyone, best first; ties keep the order the candidates came in."""
    relevance = role_relevance(profile, candidates)
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
