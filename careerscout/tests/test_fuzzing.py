"""Property-based fuzzing of every parser and importer: whatever the input, each answers with
its own error type or a result, writes nothing while parsing, and stays within its limits.

The normal suite runs a few dozen examples per property; `make fuzz` runs thousands
(HYPOTHESIS_PROFILE=fuzz, see careerscout/conftest.py).
"""

import contextlib
import copy
import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from icalendar import Calendar

from careerscout.imports.parsers import ImportFileError, parse_file
from careerscout.imports.planning import plan_import
from careerscout.insights.quick_capture import parse_notes
from careerscout.lib.calendar_invites import FeedEvent, Invitation, feed_ics, invitation_ics
from careerscout.people.models import Contact
from careerscout.portability.data import (
    SECTIONS,
    RestoreError,
    export_user_data,
    parse_export,
    read_document,
    restore_user_data,
)
from careerscout.tests.factories import make_contact, make_user

KINDS = st.sampled_from(["linkedin", "vcard", "csv"])
# Text as files hold it: any character, with the separators and markers parsers look for.
CELL = st.text(
    st.one_of(
        st.characters(blacklist_categories=["Cs"]),
        st.sampled_from(list(',;\t"\r\n:=@<>#')),
        st.just("\x00"),
    ),
    max_size=40,
)
HEADERS = st.sampled_from(
    [
        "Name",
        "First Name",
        "Last Name",
        "E-mail",
        "Company",
        "Position",
        "Connected On",
        "Notes",
        "URL",
        "Phone",
        "",
        "Title",
        "Organization 1 - Name",
    ]
)
VCARD_PROPERTY = st.sampled_from(
    [
        "FN",
        "N",
        "EMAIL",
        "ORG",
        "TEL",
        "URL",
        "NOTE",
        "ADR",
        "TITLE",
        "PHOTO",
        "BEGIN",
        "END",
        "item1.URL",
        "X-ABLABEL",
        "AGENT",
    ]
)
VCARD_PARAMS = st.sampled_from(
    [
        "",
        ";ENCODING=QUOTED-PRINTABLE",
        ";CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE",
        ";TYPE=WORK",
        ";ENCODING=BASE64",
        ";PREF=1",
    ]
)


def parse_or_refuse(data: bytes, kind: str, encoding: str = "utf-8") -> None:
    try:
        parsed = parse_file(data, kind, encoding=encoding)
    except ImportFileError as error:
        assert error.message and len(error.message) < 500
        return
    for contact in parsed.contacts:
        assert contact.name and len(contact.name) <= 200
        assert contact.connected_on is None or 1900 <= contact.connected_on.year <= 2200


@st.composite
def csv_files(draw) -> bytes:
    headers = draw(st.lists(st.one_of(HEADERS, CELL), min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(CELL, max_size=len(headers) + 2), max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    preamble = draw(st.sampled_from(["", 'Notes:\n"LinkedIn says"\n\n']))
    lines = [delimiter.join(headers), *(delimiter.join(row) for row in rows)]
    return (preamble + "\n".join(lines)).encode(draw(st.sampled_from(["utf-8", "utf-16"])))


@st.composite
def vcard_files(draw) -> bytes:
    lines = []
    for _card in range(draw(st.integers(1, 4))):
        lines += [
            "BEGIN:VCARD",
            draw(st.sampled_from(["VERSION:2.1", "VERSION:3.0", "VERSION:4.0"])),
        ]
        for _property in range(draw(st.integers(0, 8))):
            name, params, value = draw(VCARD_PROPERTY), draw(VCARD_PARAMS), draw(CELL)
            lines.append(f"{name}{params}:{value}")
        if draw(st.booleans()):
            lines.append("END:VCARD")
    return "\r\n".join(lines).encode()


def zipped(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


class ParserFuzzTests(TestCase):
    @given(data=st.binary(max_size=4096), kind=KINDS, encoding=st.sampled_from(["utf-8", "cp1252"]))
    def test_arbitrary_bytes_give_a_result_or_an_import_error(self, data, kind, encoding):
        parse_or_refuse(data, kind, encoding)

    @given(data=csv_files(), kind=KINDS)
    def test_near_valid_csv_and_linkedin_files_give_a_result_or_an_import_error(self, data, kind):
        parse_or_refuse(data, kind)

    @given(data=vcard_files())
    def test_near_valid_vcards_give_a_result_or_an_import_error(self, data):
        parse_or_refuse(data, "vcard")

    @given(data=st.one_of(csv_files(), vcard_files()), kind=KINDS, cut=st.integers(0, 400))
    def test_zips_whole_or_cut_short_give_a_result_or_an_import_error(self, data, kind, cut):
        archive = zipped("Connections.csv" if kind == "linkedin" else f"people.{kind}", data)
        parse_or_refuse(archive, kind)
        parse_or_refuse(archive[: len(archive) - cut], kind)

    @given(data=csv_files())
    def test_planning_an_import_writes_nothing(self, data):
        user = make_user()
        try:
            parsed = parse_file(data, "csv")
        except ImportFileError:
            return
        plan_import(user, parsed, source="other")
        assert not Contact.objects.filter(user=user).exists()


@given(
    text=st.text(
        st.one_of(st.characters(), st.sampled_from(list("!+->?[]@#()\n\r "))), max_size=300
    )
)
def test_quick_capture_reads_any_text_into_items(text):
    for item in parse_notes(text):
        assert item.line >= 1
        assert item.due is None or 1900 <= item.due.year <= 2200
        json.dumps(item.as_dict())


@given(data=st.binary(max_size=2048))
def test_any_bytes_given_to_restore_are_read_or_refused(data):
    try:
        document = parse_export(data)
    except RestoreError as error:
        assert len(str(error)) < 2000
        return
    with contextlib.suppress(RestoreError):
        read_document(document)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


class RestoreFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        alice = make_user("alice")
        maya = make_contact(alice, "Maya Chen", emails=["maya@example.org"], time_zone="UTC")
        from careerscout.conversations.models import Conversation

        Conversation.plan(maya, []).schedule(datetime(2030, 1, 1, 9, tzinfo=UTC))
        cls.document = export_user_data(alice)

    @given(data=st.data())
    def test_a_changed_value_anywhere_is_restored_or_refused_and_a_refusal_writes_nothing(
        self, data
    ):
        document = copy.deepcopy(self.document)
        lists = [s.key for s in SECTIONS if document[s.key] and not s.by_name]
        where = data.draw(st.sampled_from(["account", *lists]))
        row = (
            document["account"]
            if where == "account"
            else data.draw(st.sampled_from(document[where]))
        )
        row[data.draw(st.sampled_from(sorted(row)))] = data.draw(JSON)
        bob = make_user()
        try:
            restore_user_data(bob, document)
        except RestoreError:
            assert not Contact.objects.filter(user=bob).exists()


SAFE_TEXT = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=80)
MOMENTS = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30), timezones=st.just(UTC)
)
ZONES = st.sampled_from(["", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Nowhere/Else"])


@given(
    summary=SAFE_TEXT, description=SAFE_TEXT, start=MOMENTS, zone=ZONES, minutes=st.integers(1, 600)
)
def test_an_invitation_survives_a_round_trip_through_icalendar(
    summary, description, start, zone, minutes
):
    invitation = Invitation(
        uid="fuzz@careerscout",
        sequence=0,
        summary=summary or "x",
        description=description,
        start=start,
        duration_minutes=minutes,
        organizer_name=summary,
        organizer_email="alice@example.org",
        time_zone=zone,
        stamp=start,
    )
    [event] = Calendar.from_ical(invitation_ics(invitation)).walk("VEVENT")
    assert str(event["SUMMARY"]) == (summary or "x")
    assert event["DTSTART"].dt.astimezone(UTC) == start.replace(microsecond=0)
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=minutes)


@given(
    events=st.lists(
        st.tuples(SAFE_TEXT, MOMENTS | st.datetimes(timezones=st.just(UTC)), ZONES), max_size=5
    )
)
def test_a_feed_holds_every_event_it_can_write_and_skips_the_rest(events):
    feed = [
        FeedEvent(
            uid=f"e{n}@careerscout",
            summary=summary or "x",
            start=start,
            duration_minutes=30,
            time_zone=zone,
        )
        for n, (summary, start, zone) in enumerate(events)
    ]
    calendar = Calendar.from_ical(feed_ics("Feed", feed, datetime(2026, 1, 1, tzinfo=UTC)))
    written = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert written == {e.uid for e in feed if 1900 <= e.start.year <= 2200}
