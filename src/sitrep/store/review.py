"""Analyst review: the fields a correction may change, and checks of the values given.

Reads: a ``changes`` dict from an analyst (CLI, HTTP). Writes: the same values, cleaned
(types coerced, strings stripped), or an ``InputError`` that says which value is wrong and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import InputError
from ..records import CERTAINTIES

#: ACLED's event types and their sub-event types (ACLED codebook).
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}

ACTIONS = ("confirm", "correct", "reject")
REVIEW_STATUSES = ("unreviewed", "confirmed", "corrected", "rejected")
STATUS_OF = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}

#: Fields an analyst may correct (contract names; each is a column of ``events``).
CORRECTABLE = ("event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2", "event_date", "location",
               "latitude", "longitude", "fatalities", "certainty", "admin1", "country", "geo_precision")
_TEXT = {"actor1", "actor2", "location", "admin1", "country"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_TEXT = 300


@dataclass
class AuditEntry:
    id: int
    event_id: str
    action: str  # confirm | correct | reject | merge | split
    field: str | None
    old_value: Any  # decoded from JSON
    new_value: Any
    reviewer: str
    note: str | None
    at: str  # ISO timestamp (UTC)


def check_action(action: str, changes: dict[str, Any] | None, reviewer: str) -> None:
    if action not in ACTIONS:
        raise InputError(f"unknown review action {action!r}; choose one of: {', '.join(ACTIONS)}")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise InputError("a review needs the reviewer's name")
    if action == "correct" and not changes:
        raise InputError("a correction needs at least one field to change")
    if action != "correct" and changes:
        raise InputError(f"'{action}' takes no field changes; use 'correct' to change fields")


def clean_changes(changes: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise corrected values; ``current`` is the event's row (for the type pair)."""
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise InputError(f"cannot correct {', '.join(unknown)}; correctable fields: {', '.join(CORRECTABLE)}")
    out = {key: _clean(key, value) for key, value in changes.items()}
    etype = out.get("event_type", current.get("event_type"))
    sub = out.get("sub_event_type", current.get("sub_event_type"))
    if etype not in ACLED_TYPES:
        raise InputError(f"event_type {etype!r} is not an ACLED event type; choose one of: {', '.join(ACLED_TYPES)}")
    if sub not in ACLED_TYPES[etype]:
        raise InputError(f"sub_event_type {sub!r} does not belong to {etype!r}; "
                         f"its sub-event types are: {', '.join(ACLED_TYPES[etype])}")
    lat = out.get("latitude", current.get("latitude"))
    lon = out.get("longitude", current.get("longitude"))
    if (lat is None) != (lon is None):
        raise InputError("latitude and longitude go together: give both, or clear both")
    return out


def _clean(key: str, value: Any) -> Any:
    if key in ("event_type", "sub_event_type"):
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{key} must be a non-empty string")
        return value.strip()
    if key in _TEXT:
        if value is None:
            if key == "actor1":
                raise InputError("actor1 cannot be empty: every event has a first actor")
            return None
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise InputError(f"{key} must be a non-empty string of at most {MAX_TEXT} characters, or null")
        return " ".join(value.split())
    if key == "event_date":
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise InputError(f"event_date must be an ISO date YYYY-MM-DD, not {value!r}")
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise InputError(f"event_date {value!r} is not a real date") from exc
        return value
    if key == "certainty":
        if value not in CERTAINTIES:
            raise InputError(f"certainty must be one of {', '.join(CERTAINTIES)}, not {value!r}")
        return value
    if key in ("latitude", "longitude"):
        limit = 90.0 if key == "latitude" else 180.0
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
            raise InputError(f"{key} must be a number between {-limit:g} and {limit:g}, or null")
        return float(value)
    bounds = {"inter1": (0, 8), "inter2": (0, 8), "fatalities": (0, 1_000_000), "geo_precision": (1, 3)}[key]
    if value is None and key != "inter1":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not bounds[0] <= value <= bounds[1]:
        raise InputError(f"{key} must be a whole number from {bounds[0]} to {bounds[1]}"
                         + ("" if key == "inter1" else ", or null"))
    return value
