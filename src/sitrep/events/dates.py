"""Date expressions -> ISO date + ACLED time precision (1 day, 2 week, 3 month).

Absolute dates ("9 May 2020", "May 9", "2015-06-15") and relative ones ("last week",
"on Friday", "in the past 24 hours", "earlier this year") resolved against a reference
date, usually the article's publication date. Pure functions, no model needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "few": 3, "several": 3, "couple of": 2,
}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple of)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.IGNORECASE)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.IGNORECASE)),
    ("my", re.compile(rf"\b(?:(?:early|mid|late|in|during|since|until)[\s-]+)?{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)),
    ("today", re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today)\b", re.IGNORECASE)),
    # "attacked overnight" in a report: the night that ended on the day of the report
    ("today", re.compile(r"\b(?:overnight)\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.IGNORECASE)),
    ("past_hours", re.compile(r"\b(?:in |over |during )?the (?:past|last) (?:24|twenty-four|48|forty-eight) hours\b", re.IGNORECASE)),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>days?|weeks?|months?)\s+ago\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:on |last |this past |early |late )?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b", re.IGNORECASE)),
    ("week", re.compile(r"\b(?:last week|this past week|the past week|earlier this week|this week|the past few days|the last few days|in recent days|the past several days|past weekend|last weekend|over the weekend)\b", re.IGNORECASE)),
    ("month", re.compile(r"\b(?:last month|earlier this month|this month|the past month)\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:earlier this year|this year|last year)\b", re.IGNORECASE)),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: date | None
    precision: int
    kind: str
    background: bool = False  # "arrested since 30 October", "following their October 2015 dismissal"


#: "On 6 May 2020, ...", "Around 2 May (as reported), ...": a date that opens the sentence dates its events;
#: later dates in it tell of other, earlier events ("in protest of the abduction on 29 January").
_LEAD = re.compile(r"^\W*(?:(?:on|around|about|at|by|in|during|from|between|early|late|sometime|the night of|"
                   r"the week of|the weekend of|or|(?:early |late )?(?:on )?the (?:morning|afternoon|evening) of)\s+)*"
                   r"(?:the\s+)?$", re.IGNORECASE)
#: Verbs of saying: an opening date before one dates the statement, not the event it tells.
_SPEECH = re.compile(r"\b(?:said|says|told|reported|announced|stated|confirmed|claimed|added|revealed)\b", re.IGNORECASE)
#: A date that starts or causes something, not the day of the act told: "since", "following their".
#: ("after Friday prayers" still dates the act: only a dated noun after "after"/"following" is background).
_BACKGROUND = re.compile(r"\b(?:since\s+(?:(?:the|their|his|her|its)\s+)?|"
                         r"(?:following|after)\s+(?:the|their|his|her|its)\s+)$", re.IGNORECASE)
#: "July 7 neighbourhood", "at 7 July": a place named after a date.
_PLACE_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|areas?|streets?|squares?|district|roads?|avenue|bridge|stadium|"
                          r"camp|brigade|movement|hospital|school|university|city)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)


def _year_for(month: int, day: int, ref: date | None) -> int | None:
    """A date with no year is the latest such date not after the reference."""
    if ref is None:
        return None
    year = ref.year
    try:
        if date(year, month, day) > ref + timedelta(days=1):
            year -= 1
    except ValueError:
        return None
    return year


def _safe(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], ref: date | None) -> tuple[date | None, int]:
    g = m.groupdict()
    if kind == "iso":
        return _safe(int(g["year"]), int(g["mon"]), int(g["day"])), 1
    if kind in ("dmy", "mdy"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        year = int(g["year"]) if g.get("year") else _year_for(month, day, ref)
        return _safe(year, month, day), 1
    if kind == "my":
        return _safe(int(g["year"]), MONTHS[g["month"].lower().rstrip(".")], 15), 3
    if ref is None:
        return None, 0
    if kind == "today":
        return ref, 1
    if kind in ("yesterday", "past_hours"):
        return ref - timedelta(days=1), 1
    if kind == "ago":
        num = g["num"].lower()
        n = int(num) if num.isdigit() else NUMBER_WORDS[num]
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return ref - timedelta(days=n), 1 if n <= 3 else 2
        if unit == "week":
            return ref - timedelta(weeks=n), 2
        return ref - timedelta(days=30 * n), 3
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        back = (ref.weekday() - wd) % 7
        if m.group(0).lower().startswith("last ") and back == 0:
            back = 7
        return ref - timedelta(days=back), 1
    if kind == "week":
        return ref - timedelta(days=7 if "last week" in m.group(0).lower() else 3), 2
    if kind == "month":
        if "last month" in m.group(0).lower():
            prev = ref.replace(day=1) - timedelta(days=1)
            return prev.replace(day=15), 3
        return ref.replace(day=max(1, min(ref.day, 15))), 3
    if kind == "year":
        if m.group(0).lower() == "last year":
            return date(ref.year - 1, 7, 1), 3
        return ref.replace(day=1), 3
    return None, 0


def find_dates(text: str, ref: date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text``; overlapping matches keep the more specific one."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if kind in ("dmy", "mdy") and (_PLACE_AFTER.match(text, m.end())
                                          or _PLACE_BEFORE.search(text, max(0, m.start() - 4), m.start())):
                continue
            resolved, precision = _resolve(kind, m, ref)
            background = bool(_BACKGROUND.search(text, max(0, m.start() - 20), m.start())
                              or m.group(0).lower().startswith(("since", "until")))
            found.append(DateMention(m.start() + offset, m.end() + offset, resolved, precision, kind, background))
    # "Friday ... this past week": a weekday already pins the day; drop the vaguer week mention
    if any(d.kind == "weekday" for d in found):
        found = [d for d in found if d.kind != "week"]
    found.sort(key=lambda d: d.start)
    return found


def event_date(mentions: list[DateMention], text: str, offset: int, anchor: int) -> DateMention | None:
    """The date of the event whose trigger is at ``anchor`` in the sentence ``text`` (mentions and
    anchor are offsets of the sentence start ``offset`` plus their place in it): the sentence's
    opening date (unless it dates a statement that tells the event: "On Monday, police said ..."), else the
    nearest resolved date that is not background."""
    dated = [d for d in mentions if d.date and not d.background]
    if not dated:
        return None
    lead = leading_date(dated, text, offset)
    if lead is not None and not (lead.end < anchor and _SPEECH.search(text, lead.end - offset, anchor - offset)):
        return lead
    return min(dated, key=lambda d: abs(d.start - anchor))


def leading_date(mentions: list[DateMention], text: str, offset: int) -> DateMention | None:
    """The resolved date that opens the sentence, if one does ("On 6 May 2020, ...")."""
    first = next((d for d in mentions if d.date and not d.background), None)
    if first is not None and first.start - offset < 60 and _LEAD.match(text[:first.start - offset]):
        return first
    return None


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_date_string(value: str) -> date | None:
    """A free-text date string such as 'June 15, 2015' or '2015-06-15T10:00:00Z'."""
    value = value.strip()
    iso = parse_iso(value)
    if iso:
        return iso
    for d in find_dates(value, None):
        if d.date and d.kind in ("iso", "dmy", "mdy") and d.precision == 1:
            return d.date
    return None
