"""Cross-article merging: reports of one real-world event in several articles become one event.

Reads: a newly coded ``Event`` and the stored canonical events near it in time (the store
looks them up by date range). Writes: which canonical event the report joins, and the
canonical event's fields chosen from all its sources.

Two reports are of the same event when: the ACLED event type is the same and the sub-types
agree (equal, or one is a generic sub-type of ``events/merge.py``); their actors overlap
(canonical names, either role) or one report names no actor; the places are within
``MAX_KM`` (both have coordinates) or share a location name (when either lacks coordinates);
and the dates fall in the precision window of the vaguer date (time_precision 1: within a
day; 2: the same ISO week; 3: the same month).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..events.merge import GENERIC
from ..geo.gazetteer import km
from ..records import CERTAINTIES, Event

#: How far apart (km) two reports' coordinates may be and still be one event.
MAX_KM = 25.0

#: Canonical fields come from the best source, group by group, so that values that belong
#: together (an actor and its inter code, a place and its coordinates) come from one report.
FIELD_GROUPS: tuple[tuple[str, ...], ...] = (
    ("event_type", "sub_event_type", "plover_event", "plover_mode"),
    ("actor1", "inter1", "assoc_actor_1"),
    ("actor2", "inter2", "assoc_actor_2"),
    ("event_date", "time_precision"),
    ("location", "latitude", "longitude", "geo_precision", "geonameid", "admin1", "country"),
    ("fatalities",),
    ("certainty", "attributed_to", "confidence"),
)


def date_windows(day: date, precision: int | None) -> list[tuple[str, str, int | None]]:
    """The date ranges (ISO, inclusive) where a match of an event on ``day`` may lie, each with the
    time_precision a stored event must have there (None: any): a day either side for exact dates,
    the ISO week for week-precise ones, the month for month-precise ones (ACLED's three levels).
    Narrow ranges keep the lookup to a few index entries even in a large store."""
    monday = day - timedelta(days=day.weekday())
    week = (monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    first = day.replace(day=1)
    month = (first.isoformat(), ((first + timedelta(days=32)).replace(day=1) - timedelta(days=1)).isoformat())
    if (precision or 1) >= 3:
        return [(*month, None)]
    if precision == 2:
        return [(*week, None), (*month, 3)]
    return [((day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat(), None),
            (*week, 2), (*month, 3)]


def distance(a: Event, b: Event) -> float | None:
    """Kilometres between two events' coordinates, or None when either has none."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return km(a.latitude, a.longitude, b.latitude, b.longitude)


def dates_match(a: Event, b: Event) -> bool:
    if not a.event_date or not b.event_date:
        return False
    da, db = date.fromisoformat(a.event_date), date.fromisoformat(b.event_date)
    precision = max(a.time_precision or 1, b.time_precision or 1)
    if precision <= 1:
        return abs((da - db).days) <= 1
    if precision == 2:
        return da.isocalendar()[:2] == db.isocalendar()[:2]
    return (da.year, da.month) == (db.year, db.month)


def places_match(a: Event, b: Event) -> bool:
    if a.country and b.country and a.country.lower() != b.country.lower():
        return False
    dist = distance(a, b)
    if dist is not None:
        return dist <= MAX_KM
    return bool(a.location and b.location and a.location.lower() == b.location.lower())


def actors_match(a: Event, b: Event) -> bool:
    sides_a = {s.lower() for s in (a.actor1, a.actor2) if s}
    sides_b = {s.lower() for s in (b.actor1, b.actor2) if s}
    return not sides_a or not sides_b or bool(sides_a & sides_b)


def types_match(a: Event, b: Event) -> bool:
    if a.event_type is None or b.event_type is None:  # PLOVER-only events: the same PLOVER type
        return a.event_type == b.event_type and a.plover_event == b.plover_event
    if a.event_type != b.event_type:
        return False
    return a.sub_event_type == b.sub_event_type or a.sub_event_type in GENERIC or b.sub_event_type in GENERIC


def same_event(a: Event, b: Event) -> bool:
    """Do two reports (from different articles) tell the same real-world event?"""
    return types_match(a, b) and dates_match(a, b) and places_match(a, b) and actors_match(a, b)


def closeness(a: Event, b: Event) -> tuple[int, float]:
    """Sort key among several matching canonical events: nearest in time, then in space."""
    days = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)  # type: ignore[arg-type]
    dist = distance(a, b)
    return days, MAX_KM if dist is None else dist


def source_rank(ev: Event) -> tuple[int, int, int, float]:
    """Best first: most certain, then most precise place, then most precise date, then most confident."""
    return (CERTAINTIES.index(ev.certainty), ev.geo_precision or 9, ev.time_precision or 9, -ev.confidence)


def canonical_fields(sources: list[Event]) -> dict[str, Any]:
    """The canonical event's fields: each group from the best source that has its leading field."""
    ranked = sorted(sources, key=source_rank)
    out: dict[str, Any] = {}
    for group in FIELD_GROUPS:
        best = next((s for s in ranked if getattr(s, group[0]) is not None), ranked[0])
        out.update({f: getattr(best, f) for f in group})
    return out
