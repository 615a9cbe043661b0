from __future__ import annotations

from datetime import date

import pytest

from sitrep.events.dates import find_dates, parse_date_string

REF = date(2015, 6, 15)  # a Monday


@pytest.mark.parametrize("text, expected, precision", [
    ("clashes on 9 May 2020 near the town", date(2020, 5, 9), 1),
    ("On May 9, 2020, troops", date(2020, 5, 9), 1),
    ("on June 12 protesters", date(2015, 6, 12), 1),
    ("on December 30 gunmen", date(2014, 12, 30), 1),  # no year: the latest such date before the reference
    ("set off fighting last week", date(2015, 6, 8), 2),
    ("after Friday prayers this past week", date(2015, 6, 12), 1),
    ("images posted in the past 24 hours", date(2015, 6, 14), 1),
    ("yesterday, a bomb", date(2015, 6, 14), 1),
    ("three days ago", date(2015, 6, 12), 1),
    ("two weeks ago", date(2015, 6, 1), 2),
    ("in March 2015 the group", date(2015, 3, 15), 3),
    ("2015-06-01 attack", date(2015, 6, 1), 1),
])
def test_dates_resolve_against_reference(text, expected, precision):
    found = [d for d in find_dates(text, REF) if d.date]
    assert found, text
    assert found[0].date == expected
    assert found[0].precision == precision


def test_on_the_publication_weekday_means_that_day_and_last_means_a_week_before():
    assert find_dates("on Monday", REF)[0].date == REF
    assert find_dates("last Monday", REF)[0].date == date(2015, 6, 8)


def test_relative_dates_need_a_reference():
    assert [d.date for d in find_dates("last week", None)] == [None]
    assert find_dates("on 9 May 2020", None)[0].date == date(2020, 5, 9)


def test_offsets_point_at_the_words():
    text = "Fighting erupted on Friday in Derna."
    d = find_dates(text, REF, offset=100)[0]
    assert text[d.start - 100:d.end - 100].strip() == "on Friday"


def test_parse_date_string():
    assert parse_date_string("June 15, 2015") == date(2015, 6, 15)
    assert parse_date_string("2015-06-15T10:00:00Z") == date(2015, 6, 15)
    assert parse_date_string("no date here") is None
    assert parse_date_string("31 February 2015") is None
