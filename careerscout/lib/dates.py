import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# The dates Career Scout accepts anywhere (forms, API, restore, imports, notes). Far wider
# than any real conversation or deadline, and far inside what date arithmetic, time zones
# and calendar files can handle (year 9999 plus a day overflows).
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
RANGE_MESSAGE = f"Please give a date between {EARLIEST_YEAR} and {LATEST_YEAR}."


def is_sensible_year(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def validate_sensible_date(value: date | None) -> None:
    """For dates and datetimes alike (a datetime is a date)."""
    if value is not None and not is_sensible_year(value.year):
        raise ValidationError(RANGE_MESSAGE, code="date_range")


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def how_many(count: int, unit: str) -> str:
    """A count as people say it, so words follow a rule's number: "one request", "three
    business days", "10 days" (numbers under ten in words)."""
    number = _NUMBER_WORDS[count] if 0 <= count < 10 else str(count)
    return f"{number} {unit}" if count == 1 else f"{number} {unit}s"


def how_long(delta: timedelta) -> str:
    """Whole days as people say them, so words follow a rule's length: "a week", "two weeks",
    "10 days"; under a day, whole hours ("12 hours")."""
    days = delta.days
    if days == 0 and delta >= timedelta(hours=1):
        count, unit = delta.seconds // 3600, "hour"
    else:
        count, unit = (days // 7, "week") if days and days % 7 == 0 else (days, "day")
    if count == 1:
        return f"an {unit}" if unit == "hour" else f"a {unit}"
    return how_many(count, unit)
