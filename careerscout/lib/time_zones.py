"""IANA time zones: the names people may choose, and the check that a stored name is one.

People choose among the canonical zones of the tz database's zone.tab (one per place, no
`Factory`, `CET` or `US/Eastern`), grouped by region, each labelled with its offset and the
time there now. A stored name that is valid but not canonical is still accepted and kept.
"""

import zoneinfo
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

UTC = "UTC"


def _zone_table() -> str:
    for directory in zoneinfo.TZPATH:
        table = Path(directory) / "zone.tab"
        if table.is_file():
            return table.read_text(encoding="utf-8")
    return resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def canonical_zones() -> tuple[str, ...]:
    """UTC, then every zone.tab zone this machine can load, sorted by name."""
    known = zoneinfo.available_timezones()
    names = {
        line.split("\t")[2].strip()
        for line in _zone_table().splitlines()
        if line and not line.startswith("#")
    }
    return (UTC, *sorted(names & known))


def offset_text(zone: zoneinfo.ZoneInfo, now: datetime) -> str:
    """'UTC+05:30', 'UTC−03:00', 'UTC+00:00'."""
    minutes = int(now.astimezone(zone).utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def _places(name: str) -> list[str]:
    """'America/Argentina/Buenos_Aires' → ['Argentina', 'Buenos Aires'], the place last."""
    return name.replace("_", " ").split("/")[1:] or [name]


def zone_label(name: str, now: datetime) -> str:
    """'Buenos Aires (Argentina) — UTC−03:00, now 11:05': the place first, to read and type."""
    zone = zoneinfo.ZoneInfo(name)
    parts = _places(name)
    place = parts[-1] + (f" ({', '.join(parts[:-1])})" if len(parts) > 1 else "")
    return f"{place} — {offset_text(zone, now)}, now {now.astimezone(zone):%H:%M}"


# Zones whose time people name after the country rather than the city.
_COUNTRY_TIMES = {"Europe/London": "UK time", "Asia/Kolkata": "India time"}


def spoken_zone(name: str) -> str:
    """A zone as people say it in a message: 'New York time', 'UK time', 'UTC'."""
    if not name or name == UTC:
        return UTC
    return _COUNTRY_TIMES.get(name) or f"{_places(name)[-1]} time"


def time_zone_choices(current: str = "", now: datetime | None = None) -> list:
    """Canonical zones grouped by region (Africa, America, …); `current`, a valid name
    outside them, is kept as a choice of its own so that saving a form does not change it."""
    now = now or timezone.now()
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in canonical_zones():
        region = name.split("/")[0] if "/" in name else UTC
        groups.setdefault(region, []).append((name, zone_label(name, now)))
    choices: list = list(groups.items())
    if current and current not in canonical_zones() and is_time_zone(current):
        choices.insert(0, ("Your current choice", [(current, zone_label(current, now))]))
    return choices


def is_time_zone(value: str) -> bool:
    return value in zoneinfo.available_timezones()


def zone_or_utc(name: str) -> zoneinfo.ZoneInfo:
    """The named zone, or UTC for a blank or unknown name (stored before validation, say)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def validate_time_zone(value: str) -> None:
    if value and not is_time_zone(value):
        raise ValidationError(
            "“%(value)s” is not a time zone we know. Use a name like Europe/Paris.",
            params={"value": value},
        )


class TimeZoneField(forms.ChoiceField):
    """A searchable zone picker (static/js/zones.js adds the filter box); `blank_label`
    offers an empty choice, e.g. "Not known"."""

    def __init__(self, *, blank_label: str = "", **kwargs):
        self.blank_label = blank_label
        kwargs.setdefault("required", not blank_label)
        super().__init__(
            choices=self._choices_for, widget=forms.Select(attrs={"data-zone-picker": ""}), **kwargs
        )
        self.current = ""

    def _choices_for(self) -> list:
        blank = [("", self.blank_label)] if self.blank_label else []
        return [*blank, *time_zone_choices(self.current)]

    def keep(self, current: str) -> None:
        """Offer `current` too (a valid zone stored before pickers listed canonical ones)."""
        self.current = current or ""
        self.choices = self._choices_for

    def valid_value(self, value) -> bool:
        return value == self.current or super().valid_value(value)
