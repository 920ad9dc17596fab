"""Figures for the Insights page: activity, the outreach funnel and coverage per career."""

from dataclasses import dataclass
from datetime import date, timedelta

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation

from .evidence import coverage

WEEKS = 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    of: int  # the largest value in the chart, for the bar's length

    @property
    def fraction(self) -> float:
        return self.value / self.of if self.of else 0.0


def _bars(pairs: list[tuple[str, int]]) -> list[Bar]:
    largest = max((value for _label, value in pairs), default=0)
    return [Bar(label, value, largest) for label, value in pairs]


def conversations_per_week(user, today: date) -> list[Bar]:
    """Conversations held in each of the last 12 weeks (Monday to Sunday)."""
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in reversed(range(WEEKS))]
    held = [
        user.local_date(moment)
        for moment in Conversation.objects.for_user(user)
        .filter(held_at__isnull=False)
        .values_list("held_at", flat=True)
    ]
    return _bars(
        [
            (f"{start:%-d %b}", sum(start <= day < start + timedelta(days=7) for day in held))
            for start in starts
        ]
    )


def funnel(user) -> list[Bar]:
    """Planned → requested → replied → held → thanked: how far conversations got."""
    rows = list(
        Conversation.objects.for_user(user).values_list(
            "requested_at", "replied_at", "scheduled_at", "held_at", "thanked_at"
        )
    )
    # Each stage counts conversations that reached it or went further: a conversation
    # scheduled straight away was still, in effect, asked and answered.
    thanked = [bool(r[4]) for r in rows]
    held = [bool(r[3]) or t for r, t in zip(rows, thanked, strict=True)]
    replied = [bool(r[1] or r[2]) or h for r, h in zip(rows, held, strict=True)]
    requested = [bool(r[0]) or rep for r, rep in zip(rows, replied, strict=True)]
    return _bars(
        [
            ("Planned", len(rows)),
            ("Requested", sum(requested)),
            ("Replied", sum(replied)),
            ("Held", sum(held)),
            ("Thanked", sum(thanked)),
        ]
    )


def coverage_per_career(user) -> list[Bar]:
    """How many of the eight topics each career has solid evidence on (2+ people)."""
    careers = Career.objects.for_user(user).active()
    return [
        Bar(career.title, sum(entry.level == "solid" for entry in coverage([career])), 8)
        for career in careers
    ]
