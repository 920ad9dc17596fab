"""The zone pickers list canonical zones by region, with their offset and time now."""

from datetime import UTC, datetime

from careerscout.lib.time_zones import (
    TimeZoneField,
    canonical_zones,
    spoken_zone,
    time_zone_choices,
    zone_label,
)

# Wednesday 1 July 2026, 12:00 UTC: summer time in Berlin and New York.
SUMMER = datetime(2026, 7, 1, 12, tzinfo=UTC)


def test_only_canonical_zones_are_offered():
    zones = set(canonical_zones())
    assert {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"} <= zones
    assert zones.isdisjoint({"Factory", "CET", "EST5EDT", "US/Eastern", "Etc/GMT+5", "GB"})
    assert "Asia/Calcutta" not in zones  # the old name of Asia/Kolkata


def test_zones_are_grouped_by_region_with_offset_and_local_time():
    groups = dict(time_zone_choices(now=SUMMER))
    assert list(groups)[:3] == ["UTC", "Africa", "America"]
    assert set(groups) <= {
        "UTC", "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
        "Europe", "Indian", "Pacific",
    }  # fmt: skip
    europe = dict(groups["Europe"])
    assert europe["Europe/Berlin"] == "Berlin — UTC+02:00, now 14:00"
    america = dict(groups["America"])
    assert america["America/New_York"] == "New York — UTC−04:00, now 08:00"
    assert america["America/Argentina/Buenos_Aires"].startswith(
        "Buenos Aires (Argentina) — UTC−03:00"
    )
    assert dict(groups["Asia"])["Asia/Kolkata"] == "Kolkata — UTC+05:30, now 17:30"


def test_the_label_follows_the_season():
    winter = datetime(2026, 1, 15, 12, tzinfo=UTC)
    assert zone_label("Europe/Berlin", winter) == "Berlin — UTC+01:00, now 13:00"


def test_a_zone_stored_before_is_kept_as_a_choice_of_its_own():
    field = TimeZoneField(label="Your time zone")
    assert not field.valid_value("US/Eastern")
    field.keep("US/Eastern")
    assert field.valid_value("US/Eastern")
    assert field.clean("US/Eastern") == "US/Eastern"
    groups = dict(field.choices)
    assert list(dict(groups["Your current choice"])) == ["US/Eastern"]


def test_the_picker_is_marked_for_its_filter_box_and_may_offer_not_known():
    field = TimeZoneField(label="Their time zone", blank_label="Not known")
    assert "data-zone-picker" in field.widget.attrs
    assert not field.required
    assert next(iter(field.choices)) == ("", "Not known")
    assert field.clean("") == ""


def test_a_zone_is_said_the_way_people_say_it_in_a_message():
    assert spoken_zone("America/New_York") == "New York time"
    assert spoken_zone("America/Argentina/Buenos_Aires") == "Buenos Aires time"
    assert spoken_zone("Europe/London") == "UK time"
    assert (spoken_zone("UTC"), spoken_zone("")) == ("UTC", "UTC")
