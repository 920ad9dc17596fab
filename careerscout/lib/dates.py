import calendar
from datetime import date

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
