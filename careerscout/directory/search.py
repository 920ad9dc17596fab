"""Finding volunteers for a career: who can speak to it, and who has room this month.

Matching compares comparable title terms (lib/titles.py), so "UX Researcher", "user
experience research" and "UXR" find the same volunteers. A volunteer matches when most of
the searched words are among the words of one of their careers or of their title. There are
at most a few hundred volunteers in an installation, so the scoring runs in Python over the
published profiles, with their month's requests counted in one query.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from careerscout.lib.titles import title_terms

from .models import DirectoryRequest, VolunteerProfile

MATCH_THRESHOLD = 0.6
REASON = "volunteers through your career centre"


@dataclass(frozen=True)
class Listing:
    """A volunteer as a search shows them: the profile, how well they match, and room left."""

    profile: VolunteerProfile
    score: float
    capacity_left: int
    matched: str  # the career or title that matched, as they wrote it

    @property
    def reason(self) -> str:
        return REASON


def match_score(query_terms: str, phrases: Iterable[tuple[str, str]]) -> tuple[float, str]:
    """(share of the searched words found in the best phrase, that phrase)."""
    wanted = set(query_terms.split())
    if not wanted:
        return 0.0, ""
    best = (0.0, "")
    for phrase, terms in phrases:
        words = set(terms.split())
        if not words:
            continue
        found = sum(any(_same_word(word, other) for other in words) for word in wanted)
        score = found / max(len(wanted), len(words) / 2)
        best = max(best, (min(score, 1.0), phrase), key=lambda pair: pair[0])
    return best


def _same_word(one: str, other: str) -> bool:
    """Equal stems, or sharing their first five letters ("scienc" and "scientist")."""
    return one == other or (len(one) >= 5 and len(other) >= 5 and one[:5] == other[:5])


def capacity_left(profile: VolunteerProfile, now: datetime | None = None) -> int:
    """Requests the volunteer can still take this month."""
    return rooms_left([profile], now or timezone.now())[profile.pk]


def rooms_left(profiles: Sequence[VolunteerProfile], now: datetime) -> dict[int, int]:
    """Each volunteer's room this month (profile id → requests left), in one query."""
    starts = {profile.pk: profile.month_start(now) for profile in profiles}
    taken = dict(
        DirectoryRequest.objects.taking_capacity(starts)
        .order_by()
        .values_list("profile_id")
        .annotate(count=Count("id"))
    )
    return {
        profile.pk: max(0, profile.capacity_per_month - taken.get(profile.pk, 0))
        for profile in profiles
    }


def find_volunteers(
    career: str | Sequence[str],
    exclude_users: Iterable[int] = (),
    now: datetime | None = None,
    include_full: bool = False,
) -> list[Listing]:
    """Published volunteers who can speak to `career`, best match first, then most room.

    `career` may be several phrases (a career's title and keywords): the best one counts.
    Volunteers whose month is full are left out (unless `include_full`): they come back on
    the first of the next month, in their own time zone. An empty `career` lists everyone.
    """
    now = now or timezone.now()
    phrases = [career] if isinstance(career, str) else list(career)
    searched = [terms for terms in map(title_terms, phrases) if terms]
    profiles = (
        VolunteerProfile.objects.filter(
            published=True, user__is_active=True, user__is_volunteer=True
        )
        .exclude(user__in=list(exclude_users))
        .select_related("user")
    )
    listings = []
    for profile in profiles:
        if searched:
            theirs = [
                *zip(profile.careers, profile.career_keys, strict=False),
                (profile.title, profile.title_key),
            ]
            score, matched = max(
                (match_score(terms, theirs) for terms in searched), key=lambda pair: pair[0]
            )
            if score < MATCH_THRESHOLD:
                continue
        else:
            score, matched = 1.0, ""
        listings.append(Listing(profile, score, 0, matched))
    left = rooms_left([listing.profile for listing in listings], now)
    result = [
        Listing(listing.profile, listing.score, left[listing.profile.pk], listing.matched)
        for listing in listings
        if left[listing.profile.pk] or include_full
    ]
    result.sort(key=lambda item: (-item.score, -item.capacity_left, item.profile.display_name))
    return result
