from __future__ import annotations

from datetime import date

import pytest

from sitrep.events.dates import event_date, find_dates, leading_date, parse_date_string

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


def test_the_opening_date_dates_the_sentence_not_an_earlier_event_it_mentions():
    text = "On 6 May 2015, relatives protested over the abduction of a man on 29 January 2015."
    found = find_dates(text, REF)
    anchor = text.index("abduction")
    assert leading_date(found, text, 0).date == date(2015, 5, 6)
    assert event_date(found, text, 0, anchor).date == date(2015, 5, 6)
    ranged = "Around 6 May 2015 (from 6-7 May), residents burned tires."
    assert event_date(find_dates(ranged, REF), ranged, 0, ranged.index("burned")).date == date(2015, 5, 6)
    # an opening date that dates a statement leaves the event its own date
    said = "On Monday, police said gunmen killed two guards on Saturday."
    assert event_date(find_dates(said, REF), said, 0, said.index("killed")).date == date(2015, 6, 13)
    # no opening date: the nearest one to the event
    late = "Fighting that began in March 2015 resumed, and gunmen attacked the village on 2 June."
    assert event_date(find_dates(late, REF), late, 0, late.index("attacked")).date == date(2015, 6, 2)


def test_background_dates_and_places_named_after_dates_do_not_date_an_event():
    since = find_dates("protesters demanded the release of a leader detained since 30 October 2014", REF)
    assert since and since[0].background
    assert event_date(since, "", 0, 0) is None
    dated_noun = find_dates("hundreds marched, following their October 2014 dismissals", REF)
    assert dated_noun and dated_noun[0].background
    assert not find_dates("protests were held after Friday prayers", REF)[0].background
    assert not [d for d in find_dates("fighters shelled the July 7 neighbourhood of the city", REF) if d.date]
    assert find_dates("fighters shelled the city on July 7", REF)[0].date == date(2014, 7, 7)
    assert not [d for d in find_dates("forces fired at 7 July and Engineering College areas", REF) if d.date]


def test_overnight_is_the_night_that_ended_on_the_day_of_the_report():
    assert find_dates("a post was attacked overnight", REF)[0].date == REF
    assert find_dates("a post was attacked last night", REF)[0].date == date(2015, 6, 14)
