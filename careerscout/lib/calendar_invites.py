"""Calendar files: an invitation for one conversation, and a feed to subscribe to.

Plain values in, iCalendar bytes out, so a view, the API, an e-mail task and the tests all build
the same file. Times are written as wall-clock time where the other person is (with a VTIMEZONE,
so calendars that do not know the zone by name still place the event right), because that is
the time both people agreed on.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import PARTSTAT, ROLE, STATUS, TRANSP, Calendar, Event, vCalAddress, vDuration

from careerscout.lib.dates import EARLIEST_YEAR, LATEST_YEAR, is_sensible_year

logger = logging.getLogger(__name__)
PRODID = "-//Career Scout//Career Scout//EN"
FEED_REFRESH = timedelta(hours=1)


@dataclass(frozen=True, kw_only=True)
class Invitation:
    """One conversation as an iTIP request (RFC 5546).

    Keep ``uid`` and raise ``sequence`` on every change: calendars then update or cancel the event
    they already hold instead of adding a second one.
    """

    uid: str
    sequence: int
    summary: str
    description: str
    start: datetime
    duration_minutes: int
    organizer_name: str
    organizer_email: str
    attendee_name: str = ""
    attendee_email: str = ""
    location: str = ""
    url: str = ""
    time_zone: str = ""
    stamp: datetime
    cancelled: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.start, "start")
        _require_aware(self.stamp, "stamp")
        if self.duration_minutes < 1:
            raise ValueError("An invitation needs a duration of at least one minute.")
        if self.sequence < 0:
            raise ValueError("The sequence starts at 0 and only goes up.")
        if not self.organizer_email.strip():
            raise ValueError("An invitation needs an organizer e-mail address (RFC 5546).")


@dataclass(frozen=True, kw_only=True)
class FeedEvent:
    """One entry in a subscription feed: a timed conversation or an all-day due date."""

    uid: str
    summary: str
    description: str = ""
    start: datetime | None = None
    all_day: date | None = None
    duration_minutes: int = 0
    time_zone: str = ""
    url: str = ""

    def __post_init__(self) -> None:
        if (self.start is None) == (self.all_day is None):
            raise ValueError("A feed event has either a start or an all-day date, not both.")
        if self.start is not None:
            _require_aware(self.start, "start")
            if self.duration_minutes < 1:
                raise ValueError("A timed feed event needs a duration of at least one minute.")


def invitation_ics(invitation: Invitation) -> bytes:
    """The invitation (or its cancellation) as an iTIP ``.ics`` file to attach or download."""
    calendar = _calendar()
    calendar.method = "CANCEL" if invitation.cancelled else "REQUEST"

    zone = _zone(invitation.time_zone)
    end = _after(invitation.start, invitation.duration_minutes)
    start_time, end_time = _event_time(invitation.start, zone), _event_time(end, zone)
    event = Event.new(
        uid=invitation.uid,
        sequence=invitation.sequence,
        stamp=invitation.stamp.astimezone(UTC),
        start=start_time,
        end=end_time,
        summary=invitation.summary,
        description=invitation.description or None,
        # Many calendars show only LOCATION, so a video call puts its link there too.
        location=invitation.location or invitation.url or None,
        url=invitation.url or None,
        organizer=vCalAddress.new(
            invitation.organizer_email.strip(), cn=invitation.organizer_name or None
        ),
        attendees=_attendees(invitation),
        status=STATUS.CANCELLED if invitation.cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.OPAQUE,
    )
    calendar.add_component(event)
    _add_time_zones(calendar, [start_time, end_time])
    return calendar.to_ical()


def feed_ics(name: str, events: list[FeedEvent], stamp: datetime) -> bytes:
    """A read-only calendar to subscribe to: conversations and the days things are due."""
    _require_aware(stamp, "stamp")
    calendar = _calendar()
    calendar.calendar_name = name  # NAME (RFC 7986) and X-WR-CALNAME for older clients
    # RFC 7986 requires VALUE=DURATION here, which the library leaves out on its own.
    calendar.add("REFRESH-INTERVAL", FEED_REFRESH, parameters={"VALUE": "DURATION"})
    # A plain timedelta would be written as "1:00:00" for an unknown X- property.
    calendar.add("X-PUBLISHED-TTL", vDuration(FEED_REFRESH))

    stamp_utc = stamp.astimezone(UTC)
    wall_times: list[datetime] = []
    for item in events:
        start: date | datetime
        end: date | datetime
        try:
            day = item.all_day if item.start is None else item.start
            if not is_sensible_year(day.year):
                # Also keeps the VTIMEZONEs short: they cover every year between the events.
                raise ValueError(f"the year {day.year} is outside {EARLIEST_YEAR}–{LATEST_YEAR}")
            if item.start is not None:
                zone = _zone(item.time_zone)
                start = _event_time(item.start, zone)
                end = _event_time(_after(item.start, item.duration_minutes), zone)
                transparency = TRANSP.OPAQUE
            else:
                assert item.all_day is not None  # __post_init__ guarantees one of the two
                start, end = item.all_day, item.all_day + timedelta(days=1)
                # A due date is a reminder, not time the person is busy.
                transparency = TRANSP.TRANSPARENT
        except (OverflowError, ValueError) as error:
            # One event from a date no calendar can hold must not take the others with it.
            logger.warning("Left %s out of the calendar feed: %s", item.uid, error)
            continue
        if item.start is not None:
            wall_times += [start, end]
        calendar.add_component(
            Event.new(
                uid=item.uid,
                stamp=stamp_utc,
                start=start,
                end=end,
                summary=item.summary,
                description=item.description or None,
                url=item.url or None,
                transparency=transparency,
            )
        )
    _add_time_zones(calendar, wall_times)
    return calendar.to_ical()


def _attendees(invitation: Invitation) -> list[vCalAddress]:
    email = invitation.attendee_email.strip()
    if not email:
        return []
    return [
        vCalAddress.new(
            email,
            cn=invitation.attendee_name or None,
            role=ROLE.REQ_PARTICIPANT,
            partstat=PARTSTAT.NEEDS_ACTION,
            rsvp=True,
        )
    ]


def _calendar() -> Calendar:
    # Not Calendar.new(): it adds a random UID, and the same input should give the same bytes.
    calendar = Calendar()
    calendar.prodid = PRODID
    calendar.version = "2.0"
    calendar.calscale = "GREGORIAN"
    return calendar


def _require_aware(value: object, name: str) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}.")


def _zone(name: str) -> tzinfo:
    """The event's zone; UTC when none is set or the name is unknown, as the instant stays exact."""
    if not name.strip():
        return UTC
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _after(start: datetime, minutes: int) -> datetime:
    """The end of a meeting, counted in elapsed time.

    Adding to a zoned datetime moves the wall clock, so a 60-minute call at 01:30 on the night
    clocks spring forward would "end" at a 02:30 that does not exist.
    """
    return start.astimezone(UTC) + timedelta(minutes=minutes)


def _event_time(instant: datetime, zone: tzinfo) -> datetime:
    """Wall-clock time in ``zone``, or UTC where that wall time names two instants.

    When clocks fall back, 01:30 happens twice and RFC 5545 reads it as the first one, so the
    second 01:30 can only be written exactly in UTC.
    """
    # Through UTC: astimezone() to the datetime's own zone would return it unchanged.
    local = instant.astimezone(UTC).astimezone(zone)
    if local.replace(fold=0).astimezone(UTC) != instant.astimezone(UTC):
        return instant.astimezone(UTC)
    return local


def _add_time_zones(calendar: Calendar, wall_times: Iterable[datetime]) -> None:
    """A VTIMEZONE for every TZID used, covering the whole years the events fall in.

    Whole years keep each VTIMEZONE short (the library's default spans 1970-2038) while still
    holding every DST change around the events.
    """
    years = [moment.year for moment in wall_times]
    if years:
        calendar.add_missing_timezones(
            first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1)
        )
