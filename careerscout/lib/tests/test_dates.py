from datetime import timedelta

import pytest

from careerscout.lib.dates import how_long, how_many


@pytest.mark.parametrize(
    ("days", "words"),
    [(1, "a day"), (3, "three days"), (7, "a week"), (10, "10 days"), (14, "two weeks"),
     (70, "10 weeks")],
)  # fmt: skip
def test_a_length_of_time_is_said_in_whole_weeks_when_it_can_be(days, words):
    assert how_long(timedelta(days=days)) == words


@pytest.mark.parametrize(
    ("delta", "words"),
    [(timedelta(hours=24), "a day"), (timedelta(hours=12), "12 hours"),
     (timedelta(hours=1), "an hour"), (timedelta(hours=3), "three hours")],
)  # fmt: skip
def test_under_a_day_is_said_in_whole_hours(delta, words):
    assert how_long(delta) == words


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "one business day"), (3, "three business days"), (12, "12 business days")],
)  # fmt: skip
def test_a_count_is_said_in_words_under_ten(count, words):
    assert how_many(count, "business day") == words
