from datetime import timedelta

import pytest

from careerscout.lib.dates import how_long


@pytest.mark.parametrize(
    ("days", "words"),
    [(1, "a day"), (3, "three days"), (7, "a week"), (10, "10 days"), (14, "two weeks"),
     (70, "10 weeks")],
)  # fmt: skip
def test_a_length_of_time_is_said_in_whole_weeks_when_it_can_be(days, words):
    assert how_long(timedelta(days=days)) == words
