"""IANA time zones: the names people may choose, and the check that a stored name is one."""

import zoneinfo

from django.core.exceptions import ValidationError


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(
            "“%(value)s” is not a time zone we know. Use a name like Europe/Paris.",
            params={"value": value},
        )
