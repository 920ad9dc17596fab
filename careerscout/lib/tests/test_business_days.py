from datetime import date

import pytest

from careerscout.lib.business_days import Calendar, country_choices

US = Calendar(country="US")


def test_a_request_sent_the_wednesday_before_thanksgiving_is_due_the_next_tuesday():
    wednesday = date(2026, 11, 25)
    assert US.add_business_days(wednesday, 3) == date(2026, 12, 1)
    assert US.add_business_days(wednesday, 7) == date(2026, 12, 7)


def test_weekends_are_skipped_without_a_country():
    friday = date(2026, 11, 20)
    assert Calendar().add_business_days(friday, 1) == date(2026, 11, 23)
    assert Calendar().add_business_days(friday, 3) == date(2026, 11, 25)


def test_the_persons_own_working_days_count():
    four_day_week = Calendar(working_weekdays=frozenset({1, 2, 3, 4}))
    thursday = date(2026, 11, 19)
    assert four_day_week.add_business_days(thursday, 1) == date(2026, 11, 23)
    sunday_to_thursday = Calendar(working_weekdays=frozenset({7, 1, 2, 3, 4}))
    assert sunday_to_thursday.add_business_days(thursday, 1) == date(2026, 11, 22)


def test_holidays_of_the_chosen_country_only():
    christmas_eve = date(2026, 12, 24)
    assert Calendar(country="GB").add_business_days(christmas_eve, 1) == date(2026, 12, 29)
    assert Calendar(country="US").add_business_days(christmas_eve, 1) == date(2026, 12, 28)


def test_counting_business_days_between_two_dates():
    assert US.business_days_between(date(2026, 11, 25), date(2026, 12, 1)) == 3
    assert US.business_days_between(date(2026, 11, 25), date(2026, 11, 25)) == 0
    assert US.business_days_between(date(2026, 12, 1), date(2026, 11, 25)) == 0


def test_across_a_new_year():
    assert US.add_business_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_an_unknown_country_means_no_holidays():
    assert Calendar(country="XX").add_business_days(date(2026, 12, 24), 1) == date(2026, 12, 25)


def test_no_working_days_is_refused_rather_than_looping_forever():
    with pytest.raises(ValueError):
        Calendar(working_weekdays=frozenset()).add_business_days(date(2026, 1, 1), 1)


def test_countries_are_offered_by_readable_name():
    choices = dict(country_choices())
    assert choices["US"] == "United States"
    assert choices["DE"] == "Germany"
