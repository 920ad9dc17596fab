from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event, Timezone

from careerscout.lib.calendar_invites import (
    PRODID,
    FeedEvent,
    Invitation,
    feed_ics,
    invitation_ics,
)

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
KOLKATA = ZoneInfo("Asia/Kolkata")

TRICKY_TEXT = [
    "Coffee, then a walk; bring notes",
    "Line one\nLine two\n\nAfter a blank line",
    'Back\\slash and "quotes"',
    "Кофе с Марией — 東京オフィス",
    "مقابلة إعلامية",
    "Great chat 🎉☕️👩🏽‍💻",
]


def make_invitation(**changes) -> Invitation:
    invitation = Invitation(
        uid="conversation-7-1@careerscout",
        sequence=0,
        summary="Alice & Bob: informational interview",
        description="An informational interview.\n\n20 minutes, as agreed.",
        start=datetime(2026, 6, 15, 10, 0, tzinfo=NEW_YORK),
        duration_minutes=20,
        organizer_name="Alice Smith",
        organizer_email="alice@example.com",
        attendee_name="Bob Jones",
        attendee_email="bob@example.org",
        location="Blue Bottle, 1 Main St",
        url="https://meet.example.com/abc-defg-hij",
        time_zone="America/New_York",
        stamp=datetime(2026, 6, 1, 9, 30, tzinfo=UTC),
    )
    return replace(invitation, **changes)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def only_event(calendar: Calendar) -> Event:
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def event_line(data: bytes, name: str) -> str:
    """The unfolded VEVENT content line for one property, to look at exactly what was written."""
    unfolded = data.decode().replace("\r\n ", "").split("\r\n")
    in_event = unfolded[unfolded.index("BEGIN:VEVENT") : unfolded.index("END:VEVENT")]
    matches = [line for line in in_event if line.split(";")[0].split(":")[0] == name]
    assert len(matches) == 1, matches
    return matches[0]


def calendar_line(data: bytes, name: str) -> str:
    unfolded = data.decode().replace("\r\n ", "").split("\r\n")
    matches = [line for line in unfolded if line.split(";")[0].split(":")[0] == name]
    assert len(matches) == 1, matches
    return matches[0]


def vtimezone(calendar: Calendar, tzid: str) -> Timezone:
    matches = [tz for tz in calendar.timezones if tz.tz_name == tzid]
    assert len(matches) == 1
    return matches[0]


def placed_by_vtimezone(calendar: Calendar, value) -> datetime:
    """Where the VTIMEZONE in the file (not the zone database by name) puts a wall time."""
    wall = value.dt.replace(tzinfo=None)
    own_zone = vtimezone(calendar, value.params["TZID"]).to_tz(lookup_tzid=False)
    return wall.replace(tzinfo=own_zone).astimezone(UTC)


def observances(tz: Timezone) -> list[tuple[str, date, timedelta, timedelta]]:
    """(STANDARD/DAYLIGHT, onset date, offset from, offset to) for each change of offset."""
    found = []
    for observance in tz.standard + tz.daylight:
        if observance.TZOFFSETFROM == observance.TZOFFSETTO:
            continue  # the observance in force when the VTIMEZONE's range begins
        onsets = [observance.DTSTART] + [onset for onset, _end in observance.rdates]
        found += [
            (observance.name, onset.date(), observance.TZOFFSETFROM, observance.TZOFFSETTO)
            for onset in onsets
        ]
    return sorted(found, key=lambda item: item[1])


# The envelope ------------------------------------------------------------------------------


def test_request_has_the_itip_envelope_and_one_event():
    calendar = parse(invitation_ics(make_invitation()))

    assert calendar["METHOD"] == "REQUEST"
    assert calendar["PRODID"] == PRODID
    assert calendar["VERSION"] == "2.0"
    assert calendar["CALSCALE"] == "GREGORIAN"
    event = only_event(calendar)
    assert event["UID"] == "conversation-7-1@careerscout"
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"
    assert event["TRANSP"] == "OPAQUE"
    assert event["SUMMARY"] == "Alice & Bob: informational interview"


def test_same_input_gives_the_same_bytes():
    # Calendar.new() would add a random UID to the calendar; an ETag needs stable output.
    assert invitation_ics(make_invitation()) == invitation_ics(make_invitation())


def test_dtstamp_is_written_in_utc():
    stamp = datetime(2026, 6, 1, 11, 30, tzinfo=BERLIN)
    data = invitation_ics(make_invitation(stamp=stamp))

    assert event_line(data, "DTSTAMP") == "DTSTAMP:20260601T093000Z"
    parsed = only_event(parse(data)).DTSTAMP
    assert parsed == stamp
    assert parsed.utcoffset() == timedelta(0)


def test_start_and_end_are_wall_time_where_the_other_person_is():
    # Stored in UTC (as the database gives it back), shown in Berlin where Bob is.
    start = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
    data = invitation_ics(make_invitation(start=start, time_zone="Europe/Berlin"))

    assert event_line(data, "DTSTART") == "DTSTART;TZID=Europe/Berlin:20260615T160000"
    assert event_line(data, "DTEND") == "DTEND;TZID=Europe/Berlin:20260615T162000"
    event = only_event(parse(data))
    assert event.start == start
    assert event.end == start + timedelta(minutes=20)


def test_every_tzid_used_has_a_vtimezone():
    calendar = parse(invitation_ics(make_invitation()))

    assert calendar.get_used_tzids() == {"America/New_York"}
    assert calendar.get_missing_tzids() == set()
    assert len(calendar.timezones) == 1


# People ------------------------------------------------------------------------------------


def test_organizer_and_attendee_carry_addresses_and_params():
    event = only_event(parse(invitation_ics(make_invitation())))

    organizer = event["ORGANIZER"]
    assert organizer == "mailto:alice@example.com"
    assert organizer.params["CN"] == "Alice Smith"
    (attendee,) = event.attendees
    assert attendee == "mailto:bob@example.org"
    assert attendee.params["CN"] == "Bob Jones"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert attendee.params["RSVP"] == "TRUE"


def test_attendee_is_left_out_without_an_email():
    data = invitation_ics(make_invitation(attendee_email="", attendee_name="Bob Jones"))

    assert "ATTENDEE" not in only_event(parse(data))
    assert b"ATTENDEE" not in data


def test_names_with_commas_quotes_and_non_latin_letters_round_trip():
    name = 'O\'Brien, Siobhán "Shiv" 李'
    event = only_event(parse(invitation_ics(make_invitation(organizer_name=name))))

    assert event["ORGANIZER"].params["CN"] == name


def test_an_invitation_needs_an_organizer_address():
    with pytest.raises(ValueError, match="organizer"):
        make_invitation(organizer_email=" ")


# Text --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_text_round_trips(text):
    invitation = make_invitation(summary=text, description=text, location=text)
    event = only_event(parse(invitation_ics(invitation)))

    assert event["SUMMARY"] == text
    assert event["DESCRIPTION"] == text
    assert event["LOCATION"] == text


def test_commas_semicolons_and_newlines_are_escaped():
    data = invitation_ics(make_invitation(description="a, b; c\nd"))

    assert event_line(data, "DESCRIPTION") == "DESCRIPTION:a\\, b\\; c\\nd"


def test_location_and_url_round_trip():
    url = "https://meet.example.com/j/123?pwd=a,b;c"
    event = only_event(parse(invitation_ics(make_invitation(url=url))))

    assert event["LOCATION"] == "Blue Bottle, 1 Main St"
    assert event["URL"] == url


def test_video_link_is_the_location_when_there_is_no_place():
    event = only_event(parse(invitation_ics(make_invitation(location=""))))

    assert event["LOCATION"] == "https://meet.example.com/abc-defg-hij"
    assert event["URL"] == "https://meet.example.com/abc-defg-hij"


def test_location_url_and_description_are_left_out_when_empty():
    data = invitation_ics(make_invitation(location="", url="", description=""))
    event = only_event(parse(data))

    assert "LOCATION" not in event
    assert "URL" not in event
    assert "DESCRIPTION" not in event


def test_lines_are_folded_at_75_octets_with_crlf():
    description = "Ünïcödé, 東京, and 🎉 in a long description; " * 20
    data = invitation_ics(make_invitation(description=description))

    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    physical_lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical_lines) <= 75
    assert any(line.startswith(b" ") for line in physical_lines)
    for line in physical_lines:
        line.decode()  # folding never splits a multi-byte character
    assert only_event(parse(data))["DESCRIPTION"] == description


# Changes -----------------------------------------------------------------------------------


def test_reschedule_keeps_the_uid_and_raises_the_sequence():
    first = make_invitation()
    moved = replace(first, sequence=1, start=first.start + timedelta(days=2))
    before = only_event(parse(invitation_ics(first)))
    after = only_event(parse(invitation_ics(moved)))

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.start - before.start == timedelta(days=2)


def test_cancellation_cancels_the_same_event():
    request = make_invitation(sequence=1)
    cancel = replace(request, sequence=2, cancelled=True)
    requested = parse(invitation_ics(request))
    cancelled = parse(invitation_ics(cancel))

    assert cancelled["METHOD"] == "CANCEL"
    event = only_event(cancelled)
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == only_event(requested)["UID"]
    assert event["SEQUENCE"] == 2 > only_event(requested)["SEQUENCE"]
    assert event["ORGANIZER"] == "mailto:alice@example.com"


# Time zones --------------------------------------------------------------------------------

# (zone, the meeting as agreed, the same instant in UTC worked out by hand, DST changes that year)
DST_CASES = [
    pytest.param(
        "America/New_York",
        datetime(2026, 3, 8, 10, 0, tzinfo=NEW_YORK),
        datetime(2026, 3, 8, 14, 0, tzinfo=UTC),
        [
            ("DAYLIGHT", date(2026, 3, 8), timedelta(hours=-5), timedelta(hours=-4)),
            ("STANDARD", date(2026, 11, 1), timedelta(hours=-4), timedelta(hours=-5)),
        ],
        id="new-york-spring-forward",
    ),
    pytest.param(
        "America/New_York",
        datetime(2026, 11, 1, 10, 0, tzinfo=NEW_YORK),
        datetime(2026, 11, 1, 15, 0, tzinfo=UTC),
        [
            ("DAYLIGHT", date(2026, 3, 8), timedelta(hours=-5), timedelta(hours=-4)),
            ("STANDARD", date(2026, 11, 1), timedelta(hours=-4), timedelta(hours=-5)),
        ],
        id="new-york-fall-back",
    ),
    pytest.param(
        "Europe/Berlin",
        datetime(2026, 10, 25, 10, 0, tzinfo=BERLIN),
        datetime(2026, 10, 25, 9, 0, tzinfo=UTC),
        [
            ("DAYLIGHT", date(2026, 3, 29), timedelta(hours=1), timedelta(hours=2)),
            ("STANDARD", date(2026, 10, 25), timedelta(hours=2), timedelta(hours=1)),
        ],
        id="berlin-fall-back",
    ),
]


@pytest.mark.parametrize(("zone", "agreed", "in_utc", "changes"), DST_CASES)
def test_meetings_on_dst_change_days_land_at_the_agreed_time(zone, agreed, in_utc, changes):
    data = invitation_ics(make_invitation(start=agreed, time_zone=zone))
    calendar = parse(data)
    event = only_event(calendar)

    wall = agreed.strftime("%Y%m%dT%H%M%S")
    assert event_line(data, "DTSTART") == f"DTSTART;TZID={zone}:{wall}"
    assert event.start == agreed == in_utc
    assert event.start.utcoffset() == agreed.utcoffset()
    assert event.end == in_utc + timedelta(minutes=20)
    assert placed_by_vtimezone(calendar, only_event(calendar)["DTSTART"]) == in_utc
    assert placed_by_vtimezone(calendar, only_event(calendar)["DTEND"]) == in_utc + timedelta(
        minutes=20
    )

    tz = vtimezone(calendar, zone)
    assert tz.standard
    assert tz.daylight
    assert observances(tz) == changes


def test_half_hour_zone():
    agreed = datetime(2026, 6, 15, 10, 0, tzinfo=KOLKATA)
    data = invitation_ics(make_invitation(start=agreed, time_zone="Asia/Kolkata"))
    calendar = parse(data)

    assert event_line(data, "DTSTART") == "DTSTART;TZID=Asia/Kolkata:20260615T100000"
    assert only_event(calendar).start == datetime(2026, 6, 15, 4, 30, tzinfo=UTC)
    assert placed_by_vtimezone(calendar, only_event(calendar)["DTSTART"]) == datetime(
        2026, 6, 15, 4, 30, tzinfo=UTC
    )
    (standard,) = vtimezone(calendar, "Asia/Kolkata").standard
    assert timedelta(hours=5, minutes=30) == standard.TZOFFSETTO
    assert b"TZOFFSETTO:+0530" in data


@pytest.mark.parametrize("time_zone", ["", "UTC", "Not/A_Zone"])
def test_without_a_known_zone_times_are_utc(time_zone):
    start = datetime(2026, 6, 15, 10, 0, tzinfo=NEW_YORK)
    data = invitation_ics(make_invitation(start=start, time_zone=time_zone))
    calendar = parse(data)

    assert event_line(data, "DTSTART") == "DTSTART:20260615T140000Z"
    assert event_line(data, "DTEND") == "DTEND:20260615T142000Z"
    assert b"TZID" not in data
    assert calendar.timezones == []
    assert only_event(calendar).start == start


def test_the_second_half_past_one_after_clocks_fall_back_is_written_in_utc():
    # 05:30Z is the first 01:30 in New York, 06:30Z the second; local time alone cannot tell.
    start = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    data = invitation_ics(make_invitation(start=start, duration_minutes=60))
    event = only_event(parse(data))

    assert event_line(data, "DTSTART") == "DTSTART;TZID=America/New_York:20261101T013000"
    assert event_line(data, "DTEND") == "DTEND:20261101T063000Z"
    # Compared in UTC: Python never calls an ambiguous wall time equal to another zone's time.
    assert event.start.astimezone(UTC) == start
    assert event.end.astimezone(UTC) == start + timedelta(hours=1)


def test_a_meeting_across_spring_forward_keeps_its_length():
    start = datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK)
    data = invitation_ics(make_invitation(start=start, duration_minutes=60))
    event = only_event(parse(data))

    assert event_line(data, "DTEND") == "DTEND;TZID=America/New_York:20260308T033000"
    # Subtracting two times in one zone counts wall-clock hours, so compare in UTC.
    assert event.end.astimezone(UTC) - event.start.astimezone(UTC) == timedelta(hours=1)


def test_vtimezone_covers_a_meeting_that_ends_in_the_next_year():
    start = datetime(2026, 12, 31, 23, 30, tzinfo=BERLIN)
    calendar = parse(
        invitation_ics(make_invitation(start=start, duration_minutes=60, time_zone="Europe/Berlin"))
    )

    onsets = [
        onset for _kind, onset, _from, _to in observances(vtimezone(calendar, "Europe/Berlin"))
    ]
    assert date(2027, 3, 28) in onsets
    assert placed_by_vtimezone(calendar, only_event(calendar)["DTEND"]) == datetime(
        2026, 12, 31, 23, 30, tzinfo=UTC
    )


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        make_invitation(start=datetime(2026, 6, 15, 10, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        make_invitation(stamp=datetime(2026, 6, 1, 9, 30))


# The feed ----------------------------------------------------------------------------------

FEED_STAMP = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


def make_feed() -> bytes:
    return feed_ics(
        "Career Scout — Alice",
        [
            FeedEvent(
                uid="conversation-7-1@careerscout",
                summary="Talk with Bob",
                description="About product design, research; and more",
                start=datetime(2026, 10, 25, 10, 0, tzinfo=BERLIN),
                duration_minutes=30,
                time_zone="Europe/Berlin",
                url="https://careerscout.example/conversations/7/",
            ),
            FeedEvent(
                uid="follow-up-3@careerscout",
                summary="Follow up with Carol",
                all_day=date(2026, 12, 31),
            ),
        ],
        FEED_STAMP,
    )


def test_feed_names_itself_and_asks_to_be_refreshed_hourly():
    data = make_feed()
    calendar = parse(data)

    assert calendar.get("METHOD", "PUBLISH") == "PUBLISH"
    assert calendar["PRODID"] == PRODID
    assert calendar["VERSION"] == "2.0"
    assert calendar["X-WR-CALNAME"] == "Career Scout — Alice"
    assert calendar.refresh_interval == timedelta(hours=1)
    assert calendar_line(data, "REFRESH-INTERVAL") == "REFRESH-INTERVAL;VALUE=DURATION:PT1H"
    assert calendar_line(data, "X-PUBLISHED-TTL") == "X-PUBLISHED-TTL:PT1H"


def test_feed_has_timed_and_all_day_events():
    data = make_feed()
    calendar = parse(data)
    timed, all_day = calendar.events

    assert timed["UID"] == "conversation-7-1@careerscout"
    assert timed.start == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert timed.end == datetime(2026, 10, 25, 9, 30, tzinfo=UTC)
    assert timed["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert timed["DESCRIPTION"] == "About product design, research; and more"
    assert timed["URL"] == "https://careerscout.example/conversations/7/"
    assert timed.DTSTAMP == FEED_STAMP
    assert calendar.get_missing_tzids() == set()
    assert placed_by_vtimezone(calendar, timed["DTSTART"]) == timed.start

    assert all_day["UID"] == "follow-up-3@careerscout"
    assert all_day.start == date(2026, 12, 31)
    assert not isinstance(all_day.start, datetime)
    assert all_day.end == date(2027, 1, 1)
    assert all_day["TRANSP"] == "TRANSPARENT"
    assert b"DTSTART;VALUE=DATE:20261231\r\n" in data
    assert b"DTEND;VALUE=DATE:20270101\r\n" in data


def test_feed_with_only_all_day_events_has_no_vtimezone():
    data = feed_ics(
        "Due dates",
        [FeedEvent(uid="a@careerscout", summary="Due", all_day=date(2026, 5, 4))],
        FEED_STAMP,
    )

    assert parse(data).timezones == []
    assert b"TZID" not in data


def test_feed_event_is_timed_or_all_day_not_both():
    with pytest.raises(ValueError, match="either"):
        FeedEvent(uid="a", summary="x")
    with pytest.raises(ValueError, match="either"):
        FeedEvent(
            uid="a",
            summary="x",
            start=datetime(2026, 5, 4, 9, tzinfo=UTC),
            all_day=date(2026, 5, 4),
            duration_minutes=30,
        )
    with pytest.raises(ValueError, match="duration"):
        FeedEvent(uid="a", summary="x", start=datetime(2026, 5, 4, 9, tzinfo=UTC))


# A second parser ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "agreed"),
    [(case.values[0], case.values[1]) for case in DST_CASES]
    + [("Asia/Kolkata", datetime(2026, 6, 15, 10, 0, tzinfo=KOLKATA))],
)
def test_vobject_reads_the_same_instants(zone, agreed):
    vobject = pytest.importorskip("vobject")
    invitation = make_invitation(start=agreed, time_zone=zone, description="a, b; c\nd 🎉")
    parsed = vobject.readOne(invitation_ics(invitation).decode())

    assert parsed.method.value == "REQUEST"
    assert parsed.vevent.dtstart.value == agreed
    assert parsed.vevent.dtend.value == agreed + timedelta(minutes=20)
    assert parsed.vevent.description.value == "a, b; c\nd 🎉"


def test_vobject_reads_the_feed():
    vobject = pytest.importorskip("vobject")
    parsed = vobject.readOne(make_feed().decode())

    timed, all_day = parsed.vevent_list
    assert timed.dtstart.value == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert all_day.dtstart.value == date(2026, 12, 31)
