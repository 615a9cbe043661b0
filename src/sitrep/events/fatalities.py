"""Fatality counts with ACLED's conservative rules.

"dozens" = 12, "tens" = 10, "scores" = 20, "hundreds" = 100, "several"/"a few" = 3,
ranges take the lower bound ("10 to 15" = 10), "at least N" = N, "more than N" = N.
Wounded and injured are never fatalities. Returns (count, (start, end)) or None.
"""

from __future__ import annotations

import re

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "dozens": 12, "tens": 10, "scores": 20, "hundreds": 100, "several": 3, "few": 3,
    "a few": 3, "a dozen": 12, "some": 3, "many": 10, "numerous": 10, "multiple": 2, "couple": 2, "a couple": 2,
    "a number": 3,
}
_NUMWORD = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+|a dozen|a few|a couple|a number|" + "|".join(
    sorted((w for w in _UNITS if " " not in w), key=len, reverse=True)
) + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
_QUAL = r"(?:(?:at least|more than|over|about|around|some|nearly|almost|up to|an estimated|approximately|roughly|as many as)\s+)?"
_RANGE = rf"(?P<num>{_NUMWORD})(?:\s*(?:-|to|or|and)\s*{_NUMWORD})?"
_WHO = r"(?:\s+(?:of\s+(?:the|them|their)\s+)?(?:[\w-]+\s+){0,3}?(?:people|persons?|civilians?|soldiers?|troops|militants?|fighters?|insurgents?|policemen|police officers?|officers?|members?|men|women|children|villagers|residents|protesters?|demonstrators?|students|farmers|jihadists?|rebels?|attackers?|assailants|gunmen|worshippers|passengers|others|bodies|combatants|terrorists|personnel|guards|miners|herders))?"
_KILLED = r"(?:were|was|have been|had been|are|being|got)?\s*(?:killed|dead|died|slain|massacred|executed|beheaded|shot dead|murdered|lost their lives|perished|killed and|left dead)"

PATTERNS = [
    re.compile(rf"\b(?:killing|killed|kills|kill|left|leaving|claimed the lives of|death toll (?:rose to|of|at|stood at|reached)|toll (?:rose to|of|at))\s+{_QUAL}{_RANGE}{_WHO}", re.I),
    re.compile(rf"\b{_QUAL}{_RANGE}{_WHO}(?:,?\s+including\s+[^,.;]{{0,40}}?,?)?\s+{_KILLED}", re.I),
    re.compile(rf"\b{_QUAL}{_RANGE}\s+(?:fatalities|fatality|deaths|dead)\b", re.I),
    re.compile(r"\b(?P<num>both|all (?:two|three|four|five))\s+(?:victims|men|women|of them|people)\s+(?:died|were killed)", re.I),
]
_NOT_KILLED = re.compile(r"^\s*(?:wounded|injured|hurt|arrested|abducted|kidnapped)", re.I)


def to_number(text: str) -> int | None:
    t = text.lower().replace(",", "").strip()
    if t == "both":
        return 2
    if t.startswith("all "):
        t = t[4:]
    if t.isdigit():
        return int(t)
    parts = re.split(r"[\s-]+", t)
    if " ".join(parts) in _UNITS:
        return _UNITS[" ".join(parts)]
    total = 0
    for p in parts:
        if p not in _UNITS:
            return None
        total += _UNITS[p]
    return total


_CODED_AS = re.compile(r"\bfatalities (?:were |was )?coded as (?P<num>\d+)", re.I)
_TWO_SIDES = re.compile(
    r"\b(?P<a>\d+)\s+(?:[\w'-]+\s+){1,4}?and\s+(?:at least\s+)?(?P<b>\d+)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:were|have been|had been)\s+killed", re.I)


def find_fatalities(text: str, offset: int = 0) -> tuple[int, tuple[int, int]] | None:
    """The fatality count stated in ``text`` (a sentence), with its span.

    "4 militia members and 3 militants were killed" sums both sides (7), as ACLED does; a coder's
    "fatalities coded as 0" overrides a count the source gave.
    """
    coded = _CODED_AS.search(text)
    if coded:
        return int(coded.group("num")), (coded.start("num") + offset, coded.end("num") + offset)
    both = _TWO_SIDES.search(text)
    if both:
        return int(both.group("a")) + int(both.group("b")), (both.start("a") + offset, both.end("b") + offset)
    best: tuple[int, tuple[int, int]] | None = None
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            n = to_number(m.group("num"))
            if n is None or n > 100000:
                continue
            # "killing 3 and wounding 5": the count belongs to killing; skip "5 wounded"
            if _NOT_KILLED.match(text[m.end():]) and pattern is not PATTERNS[0]:
                continue
            span = (m.start("num") + offset, m.end("num") + offset)
            if best is None or span[0] < best[1][0]:
                best = (n, span)
    return best


_SINGLE_VICTIM = re.compile(
    r"\b(?:killed|shot dead|murdered|executed|beheaded|assassinated|slain)\s+(?:a|an|the|one)\b|"
    r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:was|has been)\s+(?:killed|shot dead|murdered|executed|beheaded|assassinated|slain|found dead|shot to death|stabbed to death|beaten to death)|"
    r"\bthe body of (?:a|an|one)\b",
    re.I,
)


def single_victim(text: str) -> bool:
    """'killed a soldier', 'a man was shot dead': one death even with no number."""
    return bool(_SINGLE_VICTIM.search(text))
