"""Merge reports of one event inside one article.

An article often tells the same event several times ("clashes erupted ...", "6 soldiers were
killed in the fighting", "the army said it had regained the town"). Events of the same ACLED
event type, on the same date, at the same place, told in neighbouring sentences, whose actors
agree (or one side is unknown) become one: the more specific sub-type wins, missing fields are filled from the others, and
the largest stated fatality count is kept.
"""

from __future__ import annotations

from datetime import date

from ..records import Event

#: Sub-types that describe the same act more specifically win over the generic ones.
SPECIFICITY = {
    "Armed clash": 1, "Non-state actor overtakes territory": 2, "Government regains territory": 2,
    "Peaceful protest": 1, "Protest with intervention": 2, "Excessive force against protesters": 3,
    "Attack": 1, "Remote explosive/landmine/IED": 1, "Suicide bomb": 3, "Grenade": 2,
    "Shelling/artillery/missile attack": 2, "Air/drone strike": 2,
}
FILL = ("actor2", "inter2", "fatalities", "attributed_to", "plover_mode")
#: Sub-types that a more specific report of the same act may replace.
GENERIC = {"Armed clash", "Peaceful protest", "Remote explosive/landmine/IED", "Attack"}


def merge_within_article(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if same_event(o, ev)), None)
        if twin is None:
            out.append(ev)
            continue
        keep, other = (ev, twin) if _rank(ev) > _rank(twin) else (twin, ev)
        if keep.spans.get("date") is None and other.spans.get("date") is not None:
            keep.event_date, keep.time_precision = other.event_date, other.time_precision
            keep.spans["date"] = other.spans["date"]
        for attr in ("actor1", "inter1", *FILL):
            if getattr(keep, attr) is None and getattr(other, attr) is not None:
                setattr(keep, attr, getattr(other, attr))
        if other.fatalities is not None and (keep.fatalities or 0) < other.fatalities:
            keep.fatalities = other.fatalities
            keep.spans["fatalities"] = other.spans.get("fatalities")
        keep.confidence = min(0.99, max(keep.confidence, other.confidence) + 0.05)
        out[out.index(twin)] = keep
    return out


def _rank(ev: Event) -> tuple[int, float]:
    return SPECIFICITY.get(ev.sub_event_type, 1), ev.confidence


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _dates_agree(a: Event, b: Event) -> bool:
    """Equal dates, or one event's date was only inferred (no date words) and lies within a week."""
    if a.event_date == b.event_date:
        return True
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    soft = a.spans.get("date") is None or b.spans.get("date") is None
    return soft and abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days) <= 7


#: How many sentences apart two reports may be and still be merged (0: same, 1: neighbours).
MAX_SENTENCE_GAP = 1


def same_event(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or a.location != b.location or not _dates_agree(a, b):
        return False
    if a.event_type is None and a.plover_event != b.plover_event:
        return False  # PLOVER-only events (no ACLED type) are the same only with the same PLOVER event
    if a.sentence >= 0 and b.sentence >= 0 and abs(a.sentence - b.sentence) > MAX_SENTENCE_GAP:
        if not (a.sub_event_type == b.sub_event_type and a.event_date == b.event_date
                and a.actor1 == b.actor1 and a.actor2 == b.actor2):
            return False  # far apart and not identical: an article telling two events of one kind
    if (a.certainty == "unconfirmed") != (b.certainty == "unconfirmed"):
        return False  # an unconfirmed account must not absorb (or be absorbed by) a firmer report
    if a.sub_event_type == b.sub_event_type and a.actor1 == b.actor1 and a.actor2 == b.actor2:
        return True
    if a.sub_event_type != b.sub_event_type and not (a.sub_event_type in GENERIC or b.sub_event_type in GENERIC):
        return False
    # the same sides in the same roles, one side possibly untold in one report
    same_order = _compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)
    overlap = {a.actor1, a.actor2} & {b.actor1, b.actor2} - {None}
    return bool(overlap) and same_order
