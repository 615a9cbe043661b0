from __future__ import annotations

import pytest

from sitrep.events.fatalities import find_fatalities, single_victim, to_number


@pytest.mark.parametrize("text, n", [
    ("The attack killed 12 people.", 12),
    ("killing at least 9 civilians", 9),
    ("Dozens of people were killed in the raid.", 12),
    ("tens of soldiers were killed", 10),
    ("between 10 and 15 people were killed", 10),
    ("10 to 15 people were killed", 10),
    ("The death toll rose to 31.", 31),
    ("six soldiers were killed and 11 wounded", 6),
    ("killing 3 and wounding 5", 3),
    ("twenty-one fighters were killed", 21),
    ("1,200 people died", 1200),
    ("4 pro-government militia members and 3 Taliban militants were killed", 7),
    ("1 soldier was killed. Fatalities coded as 0 (VoJ reported 1 fatality).", 0),
    ("Both victims died in hospital.", 2),
])
def test_counts_follow_acled_rules(text, n):
    found = find_fatalities(text)
    assert found is not None, text
    assert found[0] == n


@pytest.mark.parametrize("text", [
    "Five people were wounded in the blast.",
    "Twelve protesters were arrested.",
    "The army deployed 300 troops.",
])
def test_wounded_and_others_are_not_fatalities(text):
    assert find_fatalities(text) is None


def test_span_covers_the_number():
    text = "The attack killed 12 people."
    n, (s, e) = find_fatalities(text, offset=10)
    assert text[s - 10:e - 10] == "12"


def test_single_victim_and_words():
    assert single_victim("Gunmen shot dead a teacher in Gao.")
    assert not single_victim("Gunmen shot at a convoy.")
    assert to_number("dozens") == 12 and to_number("several") == 3 and to_number("forty-two") == 42
