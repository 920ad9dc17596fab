"""The person's careers, criteria and latest ratings, as the plain inputs of decision.py."""

from dataclasses import dataclass

from careerscout.careers.models import Career

from .criteria import current_ratings
from .decision import (
    CareerInput,
    CareerScore,
    CriterionInput,
    Robustness,
    robustness,
    weighted_scores,
)
from .models import Criterion

CHART_SERIES = 10  # colours in the stylesheet; more criteria reuse them


@dataclass(frozen=True)
class Segment:
    criterion: str
    series: int
    start: float  # percent of the 1–5 scale's width
    width: float
    points: float


@dataclass(frozen=True)
class Comparison:
    criteria: list[Criterion]
    scores: list[CareerScore]
    robustness: Robustness
    segments: dict[str, list[Segment]]  # by career key


def compare(user) -> Comparison:
    criteria = list(Criterion.objects.filter(user=user))
    careers = list(Career.objects.for_user(user).active())
    ratings = current_ratings(user, careers)
    criterion_inputs = [CriterionInput(str(c.pk), c.name, float(c.weight)) for c in criteria]
    career_inputs = [
        CareerInput(
            str(career.pk),
            career.title,
            {
                str(criterion.pk): rating.value
                for criterion in criteria
                if (rating := ratings.get((career.pk, criterion.pk)))
            },
        )
        for career in careers
    ]
    scores = weighted_scores(criterion_inputs, career_inputs)
    return Comparison(
        criteria=criteria,
        scores=scores,
        robustness=robustness(criterion_inputs, career_inputs),
        segments={score.key: _segments(score, criteria) for score in scores},
    )


def _segments(score: CareerScore, criteria: list[Criterion]) -> list[Segment]:
    """Each criterion's share of the total, laid end to end on a 0–5 bar."""
    rated = [part for part in score.contributions if part.points is not None]
    weight = sum(part.weight for part in rated)
    series = {str(criterion.pk): index % CHART_SERIES for index, criterion in enumerate(criteria)}
    segments, start = [], 0.0
    for part in rated:
        if not weight:
            break
        share = part.points / weight  # its part of the weighted average
        width = share / 5 * 100
        segments.append(Segment(part.criterion, series.get(part.key, 0), start, width, share))
        start += width
    return segments
