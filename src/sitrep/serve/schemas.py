"""The HTTP API's request and response shapes (they document the OpenAPI schema)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from ..records import Article, Event


class ErrorBody(BaseModel):
    code: str = Field(description="Machine-friendly error code: not-found, unauthorized, invalid, too-large, ...")
    message: str = Field(description="What went wrong, for a person.")


class ErrorOut(BaseModel):
    """The one shape of every error response."""

    error: ErrorBody


class EvidenceOut(BaseModel):
    text: str = Field(description="The evidence sentence(s) of the article body.")
    start: int = Field(description="Offset of the evidence in the article body.")
    end: int


class EventOut(BaseModel):
    """One coded event (the output contract of docs/design.md, plus its id)."""

    id: str
    doc_id: str | None = Field(None, description="Id of the article the event was coded from.")
    event_type: str | None = Field(None, description="ACLED event type; null for PLOVER-only events.")
    sub_event_type: str | None = Field(None, description="ACLED sub-event type; null for PLOVER-only events.")
    plover_event: str | None = None
    plover_mode: str | None = None
    actor1: str | None = None
    assoc_actor_1: list[str] = []
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: list[str] = []
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
    certainty: str
    attributed_to: str | None = None
    confidence: float
    evidence: EvidenceOut
    spans: dict[str, list[int] | None] = Field(
        description="[start, end] offsets into the article body of trigger, actor1, actor2, location, date, fatalities.")

    @classmethod
    def of(cls, ev: Event) -> EventOut:
        return cls(id=ev.id, **ev.to_contract())


class EventPage(BaseModel):
    total: int = Field(description="Number of events matching the filters.")
    limit: int
    offset: int
    events: list[EventOut]


class AuditEntryOut(BaseModel):
    """One change made by an analyst (a correction of several fields gives one entry per field)."""

    id: int
    event_id: str
    action: str = Field(description="confirm, correct, reject, merge or split.")
    field: str | None = Field(None, description="The field a correction changed.")
    old_value: Any = None
    new_value: Any = None
    reviewer: str
    note: str | None = None
    at: str = Field(description="When (UTC, ISO 8601).")


class EventDetailOut(BaseModel):
    event: EventOut
    review_status: str | None = Field(None, description="unreviewed, confirmed, corrected, rejected or merged.")
    sources: list[EventOut] = Field(description="The reports (one per article) merged into this event.")
    audit: list[AuditEntryOut] = Field(description="Reviews of this event, oldest first.")


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    status: str | None = Field(None, description="coded, skipped or near-duplicate.")
    n_events: int | None = None


class ArticlePage(BaseModel):
    limit: int
    offset: int
    articles: list[ArticleSummary]


class CommentOut(BaseModel):
    text: str
    author: str | None = None


class ArticleOut(BaseModel):
    """One article: the coded body, with reader comments and boilerplate kept apart."""

    id: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    body: str = Field(description="The article text; event spans are offsets into it.")
    comments: list[CommentOut] = Field(description="Reader comments: never event-coded.")
    boilerplate: list[str] = []

    @classmethod
    def of(cls, a: Article) -> ArticleOut:
        d = a.to_contract()
        return cls(id=a.id, title=a.title, author=a.author, published=a.published, url=a.url, site=a.site,
                   language=a.language, body=a.body, comments=d["comments"], boilerplate=d["boilerplate"])


class ActorOut(BaseModel):
    """An actor seen in the stored events, with what the actor knowledge base knows of it."""

    name: str
    n_events: int
    known: bool = Field(False, description="Whether the actor knowledge base holds it.")
    aliases: list[str] = []
    inter: int | None = Field(None, description="ACLED actor type code (1 state forces ... 8 external forces).")
    country: str | None = None
    kind: str | None = None
    relations: dict[str, list[str]] = Field({}, description="member_of, allied_with, rival_of, ... -> actor names.")


class ActorDetailOut(BaseModel):
    actor: ActorOut
    events: list[EventOut] = Field(description="The actor's most recent events (at most 200).")


class TimelineBucket(BaseModel):
    period: str = Field(description="The day (YYYY-MM-DD) or the week's Monday.")
    count: int


class TimelineOut(BaseModel):
    period: Literal["day", "week"]
    counts: list[TimelineBucket]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
    articles: int
    events: int
    writes: bool = Field(description="Whether the write routes are enabled (a token is configured).")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class Input(BaseModel):
    """A request body. No text in it may hold a NUL character (PostgreSQL cannot store one)."""

    @model_validator(mode="after")
    def _no_nul(self) -> Input:
        for name in type(self).model_fields:
            if _has_nul(getattr(self, name)):
                raise ValueError(f"{name}: NUL characters are not allowed")
        return self


class ArticleIn(Input):
    """An article to ingest: ``text`` or ``html`` (one of them), with what is known about it."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="The article's HTML page (boilerplate and comments are removed).")
    published: date | None = Field(None, description="Publication date, the reference for relative dates.")
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)


class IngestOut(BaseModel):
    article_id: str
    status: str = Field(description="ok, duplicate, skipped or failed (as `sitrep ingest` counts them).")
    reason: str | None = None
    detail: str = ""
    events: int = Field(description="Events coded and stored.")


class ReviewIn(Input):
    action: Literal["confirm", "correct", "reject"]
    reviewer: str = Field(min_length=1, max_length=200)
    note: str | None = Field(None, max_length=10_000)
    changes: dict[str, Any] | None = Field(None, description="For 'correct': the fields to change and their new values.")


class MergeIn(Input):
    ids: list[str] = Field(min_length=2, max_length=100, description="The events to merge into one.")
    reviewer: str = Field(min_length=1, max_length=200)
    note: str | None = Field(None, max_length=10_000)


class SplitIn(Input):
    reviewer: str = Field(min_length=1, max_length=200)
    note: str | None = Field(None, max_length=10_000)
