"""Times across two time zones, written the way people read them."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from careerscout.lib.time_zones import spoken_zone

DURATIONS = (15, 20, 30, 45)
# A suggested time outside these hours of the other person's day is worth a second look.
SOCIABLE_HOURS = (time(8, 0), time(20, 0))


def aware(day: date, at: time, zone_name: str) -> datetime:
    """The instant a person means by a date and a wall-clock time in their zone.

    On the day clocks go back an hour repeats: the first one is meant. On the day they go
    forward, a time that does not exist moves forward by the gap, as calendars do.
    """
    zone = ZoneInfo(zone_name or "UTC")
    local = datetime.combine(day, at).replace(tzinfo=zone, fold=0)
    # Round-tripping through UTC normalises a non-existent wall time (spring forward).
    return local.astimezone(ZoneInfo("UTC")).astimezone(zone)


def describe(start: datetime, minutes: int, zone_name: str, now: datetime | None = None) -> str:
    """'Tuesday 1 December, 10:00–10:20 (Berlin time)', with the year only when it is not
    this year there ('Friday 1 January 2027, …')."""
    zone = ZoneInfo(zone_name or "UTC")
    local_start = start.astimezone(zone)
    local_end = (start + timedelta(minutes=minutes)).astimezone(zone)
    day = f"{local_start:%A} {local_start.day} {local_start:%B}"
    if local_start.year != (now or timezone.now()).astimezone(zone).year:
        day += f" {local_start.year}"
    return f"{day}, {local_start:%H:%M}–{local_end:%H:%M} ({spoken_zone(zone_name)})"


def both_times(
    start: datetime, minutes: int, my_zone: str, their_zone: str, their_name: str
) -> list[str]:
    """The agreed time for me and, when their zone differs, for them."""
    mine = describe(start, minutes, my_zone)
    if not their_zone or their_zone == my_zone:
        return [f"{mine}, for both of you"]
    return [f"For you: {mine}", f"For {their_name}: {describe(start, minutes, their_zone)}"]


def proposal_text(slots: list[datetime], minutes: int, their_zone: str, my_zone: str) -> str:
    """Slots for an e-mail, in their time first (it is their diary), then mine if different."""
    lines = []
    for slot in slots:
        line = f"• {describe(slot, minutes, their_zone or my_zone)}"
        if their_zone and their_zone != my_zone:
            mine = slot.astimezone(ZoneInfo(my_zone))
            line += f" — for me {mine:%H:%M} ({spoken_zone(my_zone)})"
        lines.append(line)
    return "Would any of these times suit you?\n" + "\n".join(lines)


def outside_their_day(slots: list[datetime], minutes: int, their_zone: str) -> list[datetime]:
    """The slots that start before 08:00 or end after 20:00 where they are."""
    zone = ZoneInfo(their_zone or "UTC")
    early, late = SOCIABLE_HOURS
    return [
        slot
        for slot in slots
        if slot.astimezone(zone).time() < early
        or (slot + timedelta(minutes=minutes)).astimezone(zone).time() > late
        or (slot + timedelta(minutes=minutes)).astimezone(zone).date()
        != slot.astimezone(zone).date()
    ]
