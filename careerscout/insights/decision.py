"""The weighted comparison of careers, and how robust its ranking is.

Rules:

- A career's score is the weighted average of its ratings (1–5) over the criteria it has
  ratings for: sum(weight × rating) / sum(weight), so it stays on the 1–5 scale.
- A missing rating is a gap, never a zero: the average covers only what is rated, and the
  career lists the criteria still missing. A career rated on nothing (or only on criteria that
  weigh 0) has no score and is listed last, with a note. This keeps one unrated criterion from
  sinking a career the user simply has not finished rating; the `missing` list and the
  "over 2 of 4 criteria" note keep a thinly rated lead honest.
- Ranking: best score first; equal scores by title; careers without a score last, by title.
- Robustness: each weight is drawn independently and uniformly within ±1 of the user's weight,
  floored at 0 (uniform on [max(0, w − 1), w + 1]), `DEFAULT_DRAWS` times from a fixed seed, so
  the same inputs always give the same figures. For each adjacent pair in the current ranking,
  the share of draws in which the higher career stays strictly ahead; a tie (within 1e-9)
  counts as not ahead. Only careers with a score take part.
- Smallest flip: for each criterion alone, the weight in 0–10 nearest to the user's at which
  the second career draws level with the first (the sentence says they would tie there); any
  further move puts it ahead. Because the
  scores are averages, the weight is in numerator and denominator, and "B ahead of A" is a
  quadratic inequality in that weight; it is solved exactly (its roots), not by a search.

Everything is plain values in and out, so views, the API, the report and tests share it.
"""

import math
import random
import statistics
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

RATING_MIN, RATING_MAX = 1, 5
WEIGHT_SPREAD = 1.0
DEFAULT_DRAWS = 2000
DEFAULT_SEED = 2026
FLIP_WEIGHT_MAX = 10.0
TIE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class CriterionInput:
    key: str
    name: str
    weight: float


@dataclass(frozen=True)
class CareerInput:
    key: str
    title: str
    ratings: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Contribution:
    """One criterion's part in a career's score: weight × rating, or None when unrated."""

    key: str
    criterion: str
    weight: float
    rating: int | None
    points: float | None


@dataclass(frozen=True)
class CareerScore:
    key: str
    title: str
    total: float | None  # weighted average on the 1–5 scale; None when nothing weighs
    contributions: list[Contribution]
    rated: list[str]  # criterion names
    missing: list[str]
    note: str

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class PairStability:
    ahead: str
    behind: str
    share: float  # 0–1
    sentence: str


@dataclass(frozen=True)
class WeightFlip:
    criterion: str
    from_weight: float
    to_weight: float  # where the two draw level; past it the second moves ahead
    change: float  # to_weight − from_weight
    sentence: str


@dataclass(frozen=True)
class Robustness:
    pairs: list[PairStability]
    smallest_flip: WeightFlip | None
    flip_sentence: str
    left_out: list[str]  # titles of careers without a score
    draws: int
    seed: int


def weighted_scores(
    criteria: list[CriterionInput], careers: list[CareerInput]
) -> list[CareerScore]:
    """Every career's weighted average and its parts, best first."""
    _check(criteria, careers)
    scores = [_score(criteria, career) for career in careers]
    return sorted(scores, key=_rank_key)


def weight_range(weight: float) -> tuple[float, float]:
    """The interval a weight is drawn from: ±1, never below 0 (a negative weight is meaningless)."""
    return max(0.0, weight - WEIGHT_SPREAD), weight + WEIGHT_SPREAD


def robustness(
    criteria: list[CriterionInput],
    careers: list[CareerInput],
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> Robustness:
    """How often the current order of neighbours holds when the weights wobble."""
    scores = weighted_scores(criteria, careers)
    ranked = [score for score in scores if score.total is not None]
    left_out = [score.title for score in scores if score.total is None]
    by_key = {career.key: career for career in careers}
    ranked_careers = [by_key[score.key] for score in ranked]

    pairs = _pair_shares(criteria, ranked_careers, draws, seed)
    flip = None
    if len(ranked) < 2:
        flip_sentence = "Rate at least two careers to see how steady the ranking is."
    else:
        flip = smallest_flip(criteria, ranked_careers[0], ranked_careers[1])
        flip_sentence = (
            flip.sentence
            if flip
            else f"No single weight change within 0–{_number(FLIP_WEIGHT_MAX)} flips the top two."
        )
    return Robustness(pairs, flip, flip_sentence, left_out, draws, seed)


def smallest_flip(
    criteria: list[CriterionInput], first: CareerInput, second: CareerInput
) -> WeightFlip | None:
    """The least one weight must move (others kept) for `second` to overtake `first`."""
    weights = [criterion.weight for criterion in criteria]
    first_ratings = _rating_vector(criteria, first)
    second_ratings = _rating_vector(criteria, second)
    best: tuple[float, int, float] | None = None  # (distance, criterion index, weight)
    for index, weight in enumerate(weights):
        level_at = _nearest_overtaking_weight(
            weights, index, first_ratings, second_ratings, max(FLIP_WEIGHT_MAX, weight)
        )
        if level_at is None:
            continue
        distance = abs(level_at - weight)
        if best is None or distance < best[0] - TIE_TOLERANCE:
            best = (distance, index, level_at)
    if best is None:
        return None
    _, index, to_weight = best
    criterion = criteria[index]
    change = to_weight - criterion.weight
    return WeightFlip(
        criterion=criterion.name,
        from_weight=criterion.weight,
        to_weight=to_weight,
        change=change,
        sentence=_flip_sentence(criterion, to_weight, change, first.title, second.title),
    )


def bench_robustness(runs: int = 7, careers: int = 10, criteria: int = 10) -> dict:
    """Median wall time of `robustness` on a synthetic comparison, for the benchmark report."""
    rng = random.Random(1)
    criterion_inputs = [
        CriterionInput(f"c{i}", f"Criterion {i}", rng.randint(1, 5)) for i in range(criteria)
    ]
    career_inputs = []
    for number in range(careers):
        # A few gaps, as real comparisons have, so the bench is not the all-rated best case.
        ratings: dict[str, int | None] = {
            c.key: (None if rng.random() < 0.15 else rng.randint(1, 5)) for c in criterion_inputs
        }
        career_inputs.append(CareerInput(f"k{number}", f"Career {number}", ratings))
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        robustness(criterion_inputs, career_inputs)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "careers": careers,
        "criteria": criteria,
        "draws": DEFAULT_DRAWS,
        "runs": runs,
        "median_ms": round(statistics.median(timings), 2),
        "min_ms": round(min(timings), 2),
    }


def _check(criteria: list[CriterionInput], careers: list[CareerInput]) -> None:
    keys = [criterion.key for criterion in criteria]
    if len(set(keys)) != len(keys):
        raise ValueError("Criterion keys must be unique.")
    for criterion in criteria:
        if not math.isfinite(criterion.weight) or criterion.weight < 0:
            raise ValueError(f"Weight of {criterion.name!r} must be a number ≥ 0.")
    for career in careers:
        for key, rating in career.ratings.items():
            if rating is not None and not RATING_MIN <= rating <= RATING_MAX:
                raise ValueError(f"Rating of {career.title!r} on {key!r} must be 1–5.")


def _score(criteria: list[CriterionInput], career: CareerInput) -> CareerScore:
    contributions = []
    rated, missing = [], []
    weighted_sum = weight_sum = 0.0
    for criterion in criteria:
        rating = career.ratings.get(criterion.key)
        if rating is None:
            missing.append(criterion.name)
            contributions.append(
                Contribution(criterion.key, criterion.name, criterion.weight, None, None)
            )
            continue
        points = criterion.weight * rating
        rated.append(criterion.name)
        weighted_sum += points
        weight_sum += criterion.weight
        contributions.append(
            Contribution(criterion.key, criterion.name, criterion.weight, rating, points)
        )
    total = weighted_sum / weight_sum if weight_sum > 0 else None
    note = _score_note(total, rated, missing, len(criteria))
    return CareerScore(career.key, career.title, total, contributions, rated, missing, note)


def _score_note(total: float | None, rated: list[str], missing: list[str], count: int) -> str:
    if not rated:
        return "Not rated on any criterion yet, so it is listed last."
    if total is None:
        return "Rated only on criteria that weigh 0, so it is listed last."
    if not missing:
        return f"{_number(total)} of 5: weighted average over all {count} criteria."
    return (
        f"{_number(total)} of 5: weighted average over {len(rated)} of {count} criteria; "
        f"not rated yet: {', '.join(missing)}."
    )


def _rank_key(score: CareerScore) -> tuple:
    unscored = score.total is None
    return (unscored, 0.0 if unscored else -score.total, score.title.casefold(), score.key)


def _rating_vector(criteria: list[CriterionInput], career: CareerInput) -> list[int]:
    """Ratings in criterion order, 0 where unrated (0 is never a rating, so it marks the gaps)."""
    return [career.ratings.get(criterion.key) or 0 for criterion in criteria]


def _pair_shares(
    criteria: list[CriterionInput], ranked: list[CareerInput], draws: int, seed: int
) -> list[PairStability]:
    if len(ranked) < 2:
        return []
    rng = random.Random(seed)
    rand = rng.random
    lows, spans = [], []
    for criterion in criteria:
        low, high = weight_range(criterion.weight)
        lows.append(low)
        spans.append(high - low)
    vectors = [_rating_vector(criteria, career) for career in ranked]
    # Careers rated on the same criteria share a denominator: compute each distinct one once.
    masks: list[tuple[int, ...]] = []
    mask_of = []
    for vector in vectors:
        mask = tuple(1 if rating else 0 for rating in vector)
        if mask not in masks:
            masks.append(mask)
        mask_of.append(masks.index(mask))
    weights = [0.0] * len(criteria)
    denominators = [0.0] * len(masks)
    totals = [0.0] * len(ranked)
    ahead_counts = [0] * (len(ranked) - 1)
    criterion_indexes = range(len(criteria))
    mask_indexes = range(len(masks))
    career_indexes = range(len(ranked))
    pair_indexes = range(len(ranked) - 1)
    sumprod = math.sumprod
    no_score = -math.inf
    for _ in range(draws):
        for i in criterion_indexes:
            weights[i] = lows[i] + spans[i] * rand()
        for m in mask_indexes:
            denominators[m] = sumprod(weights, masks[m])
        for c in career_indexes:
            denominator = denominators[mask_of[c]]
            # A draw of exactly 0 on every rated criterion leaves no score: not ahead of anyone.
            totals[c] = sumprod(weights, vectors[c]) / denominator if denominator else no_score
        for p in pair_indexes:
            if totals[p] - totals[p + 1] > TIE_TOLERANCE:
                ahead_counts[p] += 1
    pairs = []
    for p in pair_indexes:
        share = ahead_counts[p] / draws if draws else 0.0
        ahead, behind = ranked[p].title, ranked[p + 1].title
        sentence = (
            f"{ahead} stays ahead of {behind} in {_percent(ahead_counts[p], draws)} of weightings."
        )
        pairs.append(PairStability(ahead, behind, share, sentence))
    return pairs


def _percent(count: int, total: int) -> str:
    """Whole percent, rounded half up; never 0 % or 100 % unless it really is none or all."""
    if total == 0:
        return "0%"
    percent = math.floor(100 * count / total + 0.5)
    if 0 < count < total:
        percent = min(max(percent, 1), 99)
    return f"{percent}%"


def _nearest_overtaking_weight(
    weights: list[float],
    index: int,
    first: list[int],
    second: list[int],
    highest: float,
) -> float | None:
    """The weight in [0, highest] nearest to weights[index] where `second` overtakes `first`.

    With x the weight of criterion k, a career's score is (a + p·x) / (d + q·x): a and d are the
    sums over the other criteria, p its rating on k and q 1 if it has one (else p = q = 0).
    `second` is ahead when f(x) = (a₂ + p₂x)(d₁ + q₁x) − (a₁ + p₁x)(d₂ + q₂x) > 0 (both
    denominators positive): a quadratic whose roots split [0, highest] into intervals of one
    sign. The answer is the edge of a winning interval nearest the current weight: the weight
    at which the two draw level.
    """
    current = weights[index]
    parts = []
    for ratings in (first, second):
        a = sum(w * r for i, (w, r) in enumerate(zip(weights, ratings, strict=True)) if i != index)
        d = sum(
            w for i, (w, r) in enumerate(zip(weights, ratings, strict=True)) if i != index and r
        )
        p = ratings[index]
        parts.append((a, d, p, 1 if p else 0))
    (a1, d1, p1, q1), (a2, d2, p2, q2) = parts
    if not q1 and not q2:
        return None  # the criterion weighs on neither career

    def total(a: float, d: float, p: int, q: int, x: float) -> float | None:
        denominator = d + q * x
        return (a + p * x) / denominator if denominator > 0 else None

    def second_ahead(x: float) -> bool:
        first_total, second_total = total(a1, d1, p1, q1, x), total(a2, d2, p2, q2, x)
        # A weight of 0 that leaves a career with no score removes it from the comparison;
        # that is not a change of preference, so it does not count as a flip.
        if first_total is None or second_total is None:
            return False
        return second_total - first_total > TIE_TOLERANCE

    c2 = p2 * q1 - p1 * q2
    c1 = a2 * q1 + p2 * d1 - a1 * q2 - p1 * d2
    c0 = a2 * d1 - a1 * d2
    points = sorted({0.0, highest, current, *(r for r in _roots(c2, c1, c0) if 0 < r < highest)})
    candidates = [x for x in points if second_ahead(x)]
    for low, high in pairwise(points):
        if second_ahead((low + high) / 2):
            candidates.append(high if high <= current else low)
    if not candidates:
        return None
    return min(candidates, key=lambda x: (abs(x - current), x))


def _roots(a: float, b: float, c: float) -> list[float]:
    """Real roots of a·x² + b·x + c, computed without cancellation."""
    scale = max(abs(a), abs(b), abs(c), 1.0)
    if abs(a) <= 1e-12 * scale:
        return [] if abs(b) <= 1e-12 * scale else [-c / b]
    discriminant = b * b - 4 * a * c
    if discriminant < 0:
        return []
    q = -0.5 * (b + math.copysign(math.sqrt(discriminant), b))
    roots = [q / a]
    if q != 0:
        roots.append(c / q)
    return roots


def _flip_sentence(
    criterion: CriterionInput, to_weight: float, change: float, first: str, second: str
) -> str:
    if abs(change) <= TIE_TOLERANCE:
        return (
            f"{first} and {second} are level now: the smallest change in “{criterion.name}” "
            f"could put {second} ahead."
        )
    amount = _number(abs(change))
    points = "point" if amount == "1" else "points"
    direction, past = ("more", "above") if change > 0 else ("less", "below")
    level = _number(to_weight)
    return (
        f"If “{criterion.name}” mattered {amount} {points} {direction} "
        f"({_number(criterion.weight)} → {level}), {first} and {second} would tie; "
        f"{past} {level}, {second} would move ahead."
    )


def _number(value: float) -> str:
    """One decimal, without a trailing .0; small non-zero values keep two significant digits."""
    if value != 0 and abs(value) < 0.05:
        return f"{value:.2g}"
    # Half up, as people round (5.25 → 5.3), not to even as round() does.
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded:f}".removesuffix(".0")
