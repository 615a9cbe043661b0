"""The record types that flow through every sitrep stage.

ingest -> ``Article``; events -> ``Event`` (with ``Evidence`` and span offsets);
geo fills an event's ``Location`` fields; store and export read them back.
Field names of ``Event.to_contract()`` are the output contract of
``docs/design.md`` and must not change without updating it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: Certainty values, from most to least direct.
CERTAINTIES = ("stated", "reported", "claimed", "unconfirmed")

#: Keys of ``Event.spans``; each value is ``[start, end]`` into the article body or None.
SPAN_KEYS = ("trigger", "actor1", "actor2", "location", "date", "fatalities")

Span = tuple[int, int]


@dataclass
class Comment:
    """A reader comment, kept apart from the article body. Never event-coded."""

    text: str
    author: str | None = None


@dataclass
class Article:
    """One ingested document. ``body`` is the only text that is event-coded."""

    body: str
    id: str = ""
    url: str | None = None
    site: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = None
    comments: list[Comment] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    source: str | None = None  # where it was read from (path, path#record)
    source_format: str | None = None  # text | html | jsonl | ...
    # named-entity mentions that may be places, (start, end, text, label); filled by the events stage
    toponyms: list[tuple[int, int, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.body, self.url)

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(_normalise(self.body).encode("utf-8")).hexdigest()

    def to_contract(self) -> dict[str, Any]:
        """The JSON shape printed by ``sitrep parse``."""
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "url": self.url,
            "site": self.site,
            "language": self.language,
            "text": self.body,
            "comments": [asdict(c) for c in self.comments],
            "boilerplate": list(self.boilerplate),
            "source": self.source,
            "format": self.source_format,
        }


@dataclass
class Rejected:
    """A document that was read but not turned into an Article, and why."""

    source: str
    reason: str
    detail: str = ""

    def message(self) -> str:
        return f"{self.source}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class Evidence:
    text: str
    start: int
    end: int


@dataclass
class Actor:
    """An entry of the actor knowledge base (see ``nlp/actors.py``)."""

    name: str
    inter: int
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    kind: str = "group"  # group | state | generic
    relations: dict[str, list[str]] = field(default_factory=dict)  # member_of, allied_with, rival_of, ...


@dataclass
class Location:
    """A resolved place."""

    name: str
    latitude: float
    longitude: float
    country: str | None
    admin1: str | None
    geonameid: int | None
    feature_code: str | None = None
    parent: str | None = None  # for neighbourhoods: the town they belong to


@dataclass
class Event:
    """One coded event. Offsets are character offsets into ``Article.body``.

    ``event_type``/``sub_event_type`` are None for PLOVER-only events (a consultation, an
    accusation, a request...), which ACLED does not code; those always have a ``plover_event``.
    """

    event_type: str | None
    sub_event_type: str | None
    evidence: Evidence
    doc_id: str | None = None
    plover_event: str | None = None
    plover_mode: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    event_date: str | None = None
    time_precision: int | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int | None = None
    certainty: str = "stated"
    attributed_to: str | None = None
    confidence: float = 0.5
    spans: dict[str, Span | None] = field(default_factory=lambda: {k: None for k in SPAN_KEYS})
    trigger: str = ""  # the trigger words, for notes and debugging
    id: str = ""
    # candidate places in the evidence sentence: (start, end, text, "in" | "near"); read by the geo stage
    place_mentions: list[tuple[int, int, str, str]] = field(default_factory=list)
    sentence: int = -1  # ordinal of the evidence sentence in the article (for merging neighbours)

    def __post_init__(self) -> None:
        if self.certainty not in CERTAINTIES:
            raise ValueError(f"certainty must be one of {CERTAINTIES}, not {self.certainty!r}")

    def assign_id(self) -> str:
        """A stable id: same article, trigger and type give the same id on every run."""
        trig = self.spans.get("trigger") or (self.evidence.start, self.evidence.end)
        key = f"{self.doc_id}|{trig[0]}|{trig[1]}|{self.sub_event_type or self.plover_event}"
        self.id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return self.id

    def to_contract(self) -> dict[str, Any]:
        """The JSON shape printed by ``sitrep extract`` (one line per event)."""
        return {
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover_event": self.plover_event,
            "plover_mode": self.plover_mode,
            "actor1": self.actor1,
            "assoc_actor_1": list(self.assoc_actor_1),
            "inter1": self.inter1,
            "actor2": self.actor2,
            "assoc_actor_2": list(self.assoc_actor_2),
            "inter2": self.inter2,
            "event_date": self.event_date,
            "time_precision": self.time_precision,
            "country": self.country,
            "admin1": self.admin1,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "geonameid": self.geonameid,
            "fatalities": self.fatalities,
            "certainty": self.certainty,
            "attributed_to": self.attributed_to,
            "confidence": round(self.confidence, 3),
            "evidence": asdict(self.evidence),
            "spans": {k: (list(v) if v else None) for k, v in self.spans.items()},
        }

    @classmethod
    def from_contract(cls, data: dict[str, Any], event_id: str = "") -> Event:
        """Inverse of ``to_contract`` (used by the store and exporters' round trips)."""
        spans = data.get("spans") or {}
        ev = cls(
            event_type=data.get("event_type") or None,
            sub_event_type=data.get("sub_event_type") or None,
            evidence=Evidence(**data["evidence"]),
            spans={k: (tuple(spans[k]) if spans.get(k) else None) for k in SPAN_KEYS},  # type: ignore[misc]
            id=event_id,
        )
        for key in (
            "doc_id", "plover_event", "plover_mode", "actor1", "actor2", "inter1", "inter2",
            "event_date", "time_precision", "country", "admin1", "location", "latitude",
            "longitude", "geo_precision", "geonameid", "fatalities", "certainty",
            "attributed_to", "confidence",
        ):
            if key in data:
                setattr(ev, key, data[key])
        ev.assoc_actor_1 = list(data.get("assoc_actor_1") or [])
        ev.assoc_actor_2 = list(data.get("assoc_actor_2") or [])
        return ev


def _normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def content_id(body: str, url: str | None = None) -> str:
    """Article id: from the URL when known, else from the normalised body."""
    key = url if url else _normalise(body)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
