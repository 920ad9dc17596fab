"""Business days: the person's own working days, minus public holidays where they live.

Follow-up rules count in business days ("no reply after 3 business days"), so a request sent the
Wednesday before US Thanksgiving is due for a nudge the following Tuesday, not on Saturday.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays
from holidays import registry


@lru_cache(maxsize=1)
def country_choices() -> list[tuple[str, str]]:
    """(ISO code, readable name) for every country the holidays library knows."""
    names = {}
    for module, (class_name, alpha2, *_rest) in registry.COUNTRIES.items():
        readable = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)
        names[alpha2] = readable if module else alpha2
    return sorted(names.items(), key=lambda item: item[1])


@lru_cache(maxsize=64)
def _holidays_for(country: str, year: int) -> frozenset[date]:
    if not country:
        return frozenset()
    try:
        return frozenset(holidays.country_holidays(country, years=[year]).keys())
    except NotImplementedError:
        return frozenset()


@dataclass(frozen=True)
class Calendar:
    """Which days count: ISO weekdays (1 = Monday) and a country's public holidays."""

    working_weekdays: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    country: str = ""
    extra_days_off: frozenset[date] = field(default_factory=frozenset)

    def is_business_day(self, day: date) -> bool:
        return (
            day.isoweekday() in self.working_weekdays
            and day not in _holidays_for(self.country, day.year)
            and day not in self.extra_days_off
        )

    def add_business_days(self, start: date, count: int) -> date:
        """The day on which ``count`` business days have passed after ``start``."""
        if not self.working_weekdays:
            raise ValueError("At least one working day is needed to count business days.")
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """Business days after ``start`` up to and including ``end`` (0 if end ≤ start)."""
        days = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_business_day(day):
                days += 1
        return days
