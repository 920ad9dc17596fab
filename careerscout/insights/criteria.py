"""The person's own criteria for a good career, and the ratings of careers on them."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Criterion, Item, Rating, Reflection

SUGGESTED = [
    ("Meaningful work", 4, "Work that matters to you and to others."),
    ("Pay & security", 3, "Enough money, and a stable path."),
    ("Balance", 3, "Hours, stress and time for the rest of life."),
    ("Fits my strengths", 4, "Uses what you are good at and enjoy."),
    ("Growth", 3, "Room to learn and to move up or across."),
]
# Designing Your Life's gauges, offered as an option.
GAUGES = [
    ("Resources", 3, "Do you have what it takes to get there (time, money, people)?"),
    ("Likability", 3, "Do you actually like it?"),
    ("Confidence", 3, "Do you believe you can do it?"),
    ("Coherence", 3, "Does it make sense with who you are and want to be?"),
]


SETS = {"suggested": SUGGESTED, "gauges": GAUGES}


def not_yet_added(user) -> dict[str, list[tuple[str, int, str]]]:
    """Each suggested set without the criteria the person already has, named in any case."""
    names = Criterion.objects.for_user(user).values_list("name", flat=True)
    return {key: _without(entries, names) for key, entries in SETS.items()}


@transaction.atomic
def add_criteria(user, suggestions: list[tuple[str, int, str]]) -> int:
    """Add the suggestions the person does not have yet, after their own criteria."""
    criteria = Criterion.objects.for_user(user)
    start = criteria.count()
    new = [
        Criterion(user=user, name=name, weight=weight, description=description, position=start + n)
        for n, (name, weight, description) in enumerate(
            _without(suggestions, criteria.values_list("name", flat=True))
        )
    ]
    Criterion.objects.bulk_create(new)
    return len(new)


def _without(suggestions: list[tuple[str, int, str]], names: Iterable[str]) -> list:
    existing = {name.casefold() for name in names}
    return [entry for entry in suggestions if entry[0].casefold() not in existing]


def current_ratings(user, careers=None) -> dict[tuple[int, int], Rating]:
    """The newest rating per (career id, criterion id)."""
    ratings = Rating.objects.for_user(user).order_by("rated_at", "id")
    if careers is not None:
        ratings = ratings.filter(career__in=careers)
    return {(rating.career_id, rating.criterion_id): rating for rating in ratings}


@transaction.atomic
def save_reflection(
    reflection: Reflection,
    ratings: Iterable[tuple[object, Criterion, int]],
    evidence: Iterable[Item] = (),
    at: datetime | None = None,
) -> Reflection:
    """Keep what the person took from a conversation, and how they now rate each career.

    A rating equal to the current one is not repeated, so the history shows real changes;
    each new rating cites the evidence it rests on.
    """
    at = at or timezone.now()
    ratings, evidence = list(ratings), list(evidence)
    reflection.save()
    user = reflection.user
    careers = {career.pk: career for career, _criterion, _value in ratings}
    current = current_ratings(user, list(careers.values()))
    for career, criterion, value in ratings:
        previous = current.get((career.pk, criterion.pk))
        if previous and previous.value == value:
            continue
        rating = Rating.objects.create(
            user=user,
            career=career,
            criterion=criterion,
            value=value,
            reflection=reflection,
            rated_at=at,
        )
        rating.evidence.set(evidence)
    return reflection
