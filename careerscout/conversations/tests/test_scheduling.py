from datetime import UTC, date, datetime, time

import time_machine

from careerscout.conversations.scheduling import (
    aware,
    describe,
    outside_their_day,
    proposal_text,
)


def test_a_wall_clock_time_becomes_the_right_instant_in_a_half_hour_zone():
    start = aware(date(2026, 12, 1), time(15, 0), "Asia/Kolkata")
    assert start.astimezone(UTC) == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_a_time_skipped_by_daylight_saving_moves_forward():
    start = aware(date(2026, 3, 8), time(2, 30), "America/New_York")
    assert start.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert start.hour == 3


def test_a_repeated_hour_means_the_first_one():
    start = aware(date(2026, 11, 1), time(1, 30), "America/New_York")
    assert start.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


NOVEMBER = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def test_describing_a_slot_in_another_zone():
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert describe(start, 20, "Europe/Berlin", NOVEMBER) == (
        "Tuesday 1 December, 10:00–10:20 (Berlin time)"
    )


def test_the_year_is_said_only_when_it_is_not_this_year_where_they_are():
    new_years_eve = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert describe(new_years_eve, 20, "Europe/London", NOVEMBER) == (
        "Thursday 31 December, 23:30–23:50 (UK time)"
    )
    assert describe(new_years_eve, 20, "Pacific/Auckland", NOVEMBER) == (
        "Friday 1 January 2027, 12:30–12:50 (Auckland time)"
    )
    assert describe(new_years_eve, 20, "UTC", datetime(2027, 3, 1, tzinfo=UTC)) == (
        "Thursday 31 December 2026, 23:30–23:50 (UTC)"
    )


@time_machine.travel(NOVEMBER, tick=False)
def test_proposals_are_in_their_time_with_mine_alongside():
    slots = [datetime(2026, 12, 1, 9, 0, tzinfo=UTC), datetime(2026, 12, 2, 16, 0, tzinfo=UTC)]
    text = proposal_text(slots, 20, "America/New_York", "Europe/Berlin")
    assert text.splitlines() == [
        "Would any of these times suit you?",
        "• Tuesday 1 December, 04:00–04:20 (New York time) — for me 10:00 (Berlin time)",
        "• Wednesday 2 December, 11:00–11:20 (New York time) — for me 17:00 (Berlin time)",
    ]


@time_machine.travel(datetime(2026, 12, 20, 12, 0, tzinfo=UTC), tick=False)
def test_a_suggested_time_next_year_names_the_year_and_each_zone_in_words():
    text = proposal_text(
        [datetime(2027, 1, 5, 14, 0, tzinfo=UTC)], 20, "America/New_York", "Europe/London"
    )
    assert text == (
        "Would any of these times suit you?\n"
        "• Tuesday 5 January 2027, 09:00–09:20 (New York time) — for me 14:00 (UK time)"
    )


def test_a_time_before_eight_or_ending_after_eight_pm_their_time_is_picked_out():
    new_york = "America/New_York"
    dawn = datetime(2026, 12, 10, 10, 0, tzinfo=UTC)  # 05:00 in New York
    morning = datetime(2026, 12, 10, 14, 0, tzinfo=UTC)  # 09:00
    evening = datetime(2026, 12, 11, 0, 50, tzinfo=UTC)  # 19:50, ends 20:10
    assert outside_their_day([dawn, morning, evening], 20, new_york) == [dawn, evening]
    assert outside_their_day([evening], 10, new_york) == []
