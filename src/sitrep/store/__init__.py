"""Store: articles, events, rejects and actors in SQLite (default) or PostgreSQL.

Reads/writes through SQLAlchemy Core so one code path serves both. Each article is written
with its events in one transaction: a crash loses nothing already committed, and writing
the same article again changes nothing (ids are content-derived; inserts skip existing rows).
SQLite runs in WAL mode so ``sitrep ingest`` can write while ``sitrep serve`` reads.

Around that: the schema comes from Alembic migrations run on open (``migrate.py``); reports of
one event in several articles are merged as they are written (``merging.py``: the first report
stays the canonical event, the others point to it with ``merged_into``); analysts confirm,
correct or reject events and merge or split them by hand, each change in ``audit_log`` within
the same transaction, the extracted report kept in ``original`` (``review.py``). The read API
(``events``, ``count_events``, ``timeline``, ``event_detail``, ``articles``, ``actors``) serves
the CLI and ``sitrep serve``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import EventNotFound, InputError, StoreError
from ..records import Article, Comment, Event, Rejected
from . import migrate
from .merging import (
    FIELD_GROUPS,
    MAX_KM,
    canonical_fields,
    closeness,
    date_windows,
    same_event,
    source_rank,
)
from .review import (
    ACLED_TYPES,
    CORRECTABLE,
    REVIEW_STATUSES,
    STATUS_OF,
    AuditEntry,
    check_action,
    clean_changes,
)
from .schema import (
    articles,
    audit_log,
    events,
    fingerprint_bands,
    fingerprints,
    metadata,
    rejects,
)

__all__ = [
    "ACLED_TYPES",
    "CORRECTABLE",
    "REVIEW_STATUSES",
    "ActorSummary",
    "ArticleSummary",
    "AuditEntry",
    "Duplicate",
    "EventDetail",
    "Store",
    "WriteResult",
    "metadata",
]

#: Filters of ``Store.events``, ``count_events`` and ``timeline`` (the CLI uses the first six).
#: Execution option of connections that write (see ``_sqlite_begin``); other backends ignore it.
WRITE = migrate.WRITE

EVENT_FILTERS = ("since", "until", "country", "actor", "event_type", "certainty", "admin1", "bbox", "text",
                 "include_rejected", "include_merged")
ORDERS = ("date", "-date")
BBox = tuple[float, float, float, float]  # (min_lon, min_lat, max_lon, max_lat)


@dataclass
class WriteResult:
    status: str  # added | duplicate | near-duplicate | skipped
    events: int = 0
    detail: str | None = None


@dataclass
class Duplicate:
    """What an article duplicates: ``kind`` is 'duplicate' (same id or text) or 'near-duplicate'."""

    kind: str
    of: str  # the stored (or pending) article's id
    similarity: float = 1.0

    def reason(self) -> str:
        if self.kind == "near-duplicate":
            return f"near-duplicate of article {self.of} (similarity {self.similarity:.2f})"
        return f"same text as article {self.of}"


@dataclass
class EventDetail:
    """One event with every report merged into it (itself included, as extracted) and its audit trail."""

    event: Event
    review_status: str
    sources: list[Event]
    audit: list[AuditEntry]
    merged_into: str | None = None  # set when this event is itself a report merged into another


@dataclass
class ArticleSummary:
    id: str
    title: str | None
    site: str | None
    url: str | None
    published: str | None
    status: str  # coded | skipped | near-duplicate
    n_events: int  # events coded from this article (merged into others or not)


@dataclass
class ActorSummary:
    """An actor seen in stored events, with what the knowledge base knows of it (when it does)."""

    name: str
    n_events: int
    known: bool = False  # in the actor knowledge base
    aliases: list[str] = field(default_factory=list)
    inter: int | None = None
    country: str | None = None
    kind: str | None = None
    relations: dict[str, list[str]] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A database of articles and events. ``url``: SQLAlchemy URL or a plain file path.

    ``postgresql://user@host/db`` is read as ``postgresql+psycopg://`` (psycopg 3). Opening a
    database brings its schema to the current revision (see ``migrate.py``).
    """

    def __init__(self, url: str) -> None:
        if "://" not in url:
            url = f"sqlite:///{Path(url).expanduser()}"
        for plain in ("postgresql://", "postgres://"):  # psycopg 3 is the driver sitrep installs
            if url.startswith(plain):
                url = "postgresql+psycopg://" + url[len(plain):]
        self.url = url
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            path = Path(url[len("sqlite:///"):])
            if path.is_dir():
                raise InputError(f"--db {path} is a directory; give a file path such as {path / 'sitrep.sqlite'}")
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine = sa.create_engine(url, future=True)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot use database {url!r}: {exc}") from exc
        #: the URL for messages: a password in it is shown as ***
        self.shown_url = self.engine.url.render_as_string(hide_password=True)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            sa.event.listen(self.engine, "begin", _sqlite_begin)
        # fingerprints of articles accepted in this session but not written yet (in-batch wire copies)
        self._pending: dict[str, tuple[Any, list[str], str]] = {}
        try:
            migrate.upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {self.shown_url!r}: {exc.__class__.__name__}: "
                             f"{exc.orig if hasattr(exc, 'orig') else exc}") from exc

    # -- duplicates ----------------------------------------------------------------------
    def find_duplicate(self, article: Article) -> Duplicate | None:
        """Is this article already stored, or pending in this session, as the same or nearly the same text?

        Call before coding: a duplicate need not be coded. A non-duplicate is remembered as
        pending, so a wire copy later in the same batch is caught before either is written.
        """
        from . import fingerprint as fp

        with self.engine.connect() as conn:
            if conn.execute(sa.select(articles.c.id).where(articles.c.id == article.id)).first():
                return Duplicate("duplicate", article.id)
            twin = conn.execute(sa.select(articles.c.id).where(articles.c.content_hash == article.content_hash)).first()
            if twin:
                return Duplicate("duplicate", twin[0])
            for other, (_, _, chash) in self._pending.items():
                if other == article.id or chash == article.content_hash:
                    return Duplicate("duplicate", other)
            sig = fp.signature(article.body)
            if sig is None:
                return None
            keys = fp.bands(sig)
            best: Duplicate | None = None
            rows = conn.execute(sa.select(fingerprints.c.article_id, fingerprints.c.signature).where(
                fingerprints.c.article_id.in_(sa.select(fingerprint_bands.c.article_id).where(
                    fingerprint_bands.c.band.in_(keys))))).all()
            candidates = [(r[0], fp.from_text(r[1])) for r in rows]
            candidates += [(other, osig) for other, (osig, okeys, _) in self._pending.items() if set(okeys) & set(keys)]
            for other, osig in candidates:
                sim = fp.similarity(sig, osig)
                if sim >= fp.NEAR_DUPLICATE and (best is None or sim > best.similarity):
                    best = Duplicate("near-duplicate", other, sim)
            if best is None:
                self._pending[article.id] = (sig, keys, article.content_hash)
            return best

    # -- writing -------------------------------------------------------------------------
    def write(self, article: Article, evs: list[Event], skipped: str | None = None,
              duplicate: Duplicate | None = None) -> WriteResult:
        """Store one article and its events atomically. Idempotent.

        An exact duplicate is recorded as a reject; a near-duplicate is stored (its text is
        another source for the story) with status ``near-duplicate`` and no events.
        """
        from . import fingerprint as fp

        try:
            with self._writing() as conn:
                if conn.execute(sa.select(articles.c.id).where(articles.c.id == article.id)).first():
                    return WriteResult("duplicate")
                if duplicate is None or duplicate.kind == "duplicate":
                    twin = conn.execute(sa.select(articles.c.id).where(
                        articles.c.content_hash == article.content_hash)).first()
                    if twin or duplicate is not None:
                        why = duplicate.reason() if duplicate else f"same text as article {twin[0]}"  # type: ignore[index]
                        self._reject(conn, Rejected(article.source or article.id, "duplicate", why))
                        return WriteResult("duplicate", detail=why)
                status = "near-duplicate" if duplicate else ("skipped" if skipped else "coded")
                reason = duplicate.reason() if duplicate else skipped
                conn.execute(articles.insert().values(**_article_row(article, status, reason)))
                rows = [] if duplicate else [_event_row(ev, article.id) for ev in evs]
                if rows:
                    conn.execute(events.insert(), rows)
                    for ev in evs:
                        self._merge_new(conn, ev, article.id)
                pending = self._pending.pop(article.id, None)
                sig = pending[0] if pending else (None if duplicate else fp.signature(article.body))
                if sig is not None:
                    conn.execute(fingerprints.insert().values(article_id=article.id, signature=fp.to_text(sig)))
                    conn.execute(fingerprint_bands.insert(), [{"band": b, "article_id": article.id} for b in fp.bands(sig)])
            result = "near-duplicate" if duplicate else ("skipped" if skipped else "added")
            return WriteResult(result, len(rows), reason)
        except OperationalError as exc:
            raise StoreError(f"cannot write to {self.shown_url}: {exc.orig}") from exc

    def record_reject(self, rej: Rejected) -> None:
        with self._writing() as conn:
            self._reject(conn, rej)

    def _reject(self, conn: sa.Connection, rej: Rejected) -> None:
        if conn.execute(sa.select(rejects.c.source).where(rejects.c.source == rej.source)).first():
            conn.execute(rejects.update().where(rejects.c.source == rej.source).values(
                reason=rej.reason, detail=rej.detail, seen_at=_now()))
        else:
            conn.execute(rejects.insert().values(source=rej.source, reason=rej.reason, detail=rej.detail, seen_at=_now()))

    # -- reading -------------------------------------------------------------------------
    def events(self, since: str | None = None, until: str | None = None, country: str | None = None,
               actor: str | None = None, event_type: str | None = None, certainty: str | None = None,
               admin1: str | None = None, bbox: BBox | None = None, text: str | None = None,
               include_rejected: bool = False, include_merged: bool = False,
               limit: int | None = None, offset: int = 0, order: str = "date") -> Iterator[Event]:
        """Events matching every filter given, canonical and not rejected unless asked.

        ``bbox`` is (min_lon, min_lat, max_lon, max_lat); ``text`` a case-insensitive substring of
        the evidence; ``order`` 'date' or '-date' (newest first). Values are bound parameters.
        """
        if order not in ORDERS:
            raise InputError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
        if (limit is not None and limit < 0) or offset < 0:
            raise InputError("limit and offset must not be negative")
        where = _where(since=since, until=until, country=country, actor=actor, event_type=event_type,
                       certainty=certainty, admin1=admin1, bbox=bbox, text=text,
                       include_rejected=include_rejected, include_merged=include_merged)
        key = [sa.nulls_last(events.c.event_date.asc()), events.c.id.asc()] if order == "date" \
            else [sa.nulls_last(events.c.event_date.desc()), events.c.id.desc()]
        q = sa.select(events).where(*where).order_by(*key)
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        return self._iter_events(q)

    def _iter_events(self, q: sa.Select[Any]) -> Iterator[Event]:
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                yield _row_event(row)

    def count_events(self, **filters: Any) -> int:
        """How many events ``events(**filters)`` would give without limit/offset."""
        q = sa.select(sa.func.count()).select_from(events).where(*_where(**filters))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def timeline(self, period: str = "day", **filters: Any) -> list[tuple[str, int]]:
        """Event counts per day or per ISO week (Monday's date), oldest first; undated events left out."""
        if period not in ("day", "week"):
            raise InputError(f"period must be 'day' or 'week', not {period!r}")
        q = (sa.select(events.c.event_date, sa.func.count()).where(*_where(**filters), events.c.event_date.is_not(None))
             .group_by(events.c.event_date))
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        counts: Counter[str] = Counter()
        for day, n in rows:
            if period == "week":
                d = date.fromisoformat(day)
                day = (d - timedelta(days=d.weekday())).isoformat()
            counts[day] += n
        return sorted(counts.items())

    def event_detail(self, event_id: str) -> EventDetail | None:
        """An event, the reports merged into it (best first, each as extracted) and its audit trail."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
            if row is None:
                return None
            if row["merged_into"] is None:
                members = conn.execute(sa.select(events).where(sa.or_(
                    events.c.id == event_id, events.c.merged_into == event_id))).mappings().all()
            else:
                members = [row]
            ids = [m["id"] for m in members]
            audit = conn.execute(sa.select(audit_log).where(audit_log.c.event_id.in_(ids))
                                 .order_by(audit_log.c.id)).mappings().all()
        sources = sorted((_source(m) for m in members), key=source_rank)
        return EventDetail(_row_event(row), row["review_status"], sources, [_audit_entry(a) for a in audit],
                           row["merged_into"])

    def articles(self, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
        """Stored articles, newest publication first, with how many events each gave."""
        if limit < 0 or offset < 0:
            raise InputError("limit and offset must not be negative")
        n_events = sa.select(sa.func.count()).where(events.c.article_id == articles.c.id).scalar_subquery()
        q = (sa.select(articles.c.id, articles.c.title, articles.c.site, articles.c.url, articles.c.published,
                       articles.c.status, n_events.label("n_events"))
             .order_by(sa.nulls_last(articles.c.published.desc()), articles.c.id).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [ArticleSummary(*row) for row in conn.execute(q).all()]

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())

    def actors(self, limit: int | None = None) -> list[ActorSummary]:
        """Every actor named in shown events (either side or associated), most events first."""
        # each event counts once per name: actor1, then actor2 unless the same, then associated actors
        # not already named (grouped in SQL; only the few rows with associated actors are read)
        counts: Counter[str] = Counter()
        shown = _where()
        a1, a2, assoc1, assoc2 = events.c.actor1, events.c.actor2, events.c.assoc_actor_1, events.c.assoc_actor_2
        with self.engine.connect() as conn:
            counts.update(dict(conn.execute(sa.select(a1, sa.func.count()).where(*shown, a1.is_not(None))
                                            .group_by(a1)).all()))
            counts.update(dict(conn.execute(sa.select(a2, sa.func.count()).where(
                *shown, a2.is_not(None), sa.or_(a1.is_(None), a1 != a2)).group_by(a2)).all()))
            with_assoc = sa.or_(sa.func.coalesce(assoc1, "[]") != "[]", sa.func.coalesce(assoc2, "[]") != "[]")
            for n1, n2, l1, l2 in conn.execute(sa.select(a1, a2, assoc1, assoc2).where(*shown, with_assoc)):
                counts.update({*json.loads(l1 or "[]"), *json.loads(l2 or "[]")} - {n1, n2})
        counts.pop("", None)
        kb = self._kb()
        merged: dict[str, ActorSummary] = {}
        for name, n in counts.items():
            known = kb.get(name)
            key = known.name if known else name
            summary = merged.get(key) or _actor_summary(key, known)
            summary.n_events += n
            merged[key] = summary
        out = sorted(merged.values(), key=lambda a: (-a.n_events, a.name))
        return out if limit is None else out[:limit]

    def actor(self, name: str) -> ActorSummary | None:
        """One actor by name or alias: the knowledge base's entry and its event count, or None if unknown."""
        known = self._kb().get(name)
        key = known.name if known else name
        found = next((a for a in self.actors() if a.name == key), None)
        if found is not None:
            return found
        return _actor_summary(key, known) if known else None

    def _kb(self) -> Any:
        from ..nlp import default_kb

        return default_kb()

    def audit_log(self, event_id: str | None = None, limit: int = 100) -> list[AuditEntry]:
        """Review and merge actions, newest first (of one event, or of all)."""
        q = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(max(0, limit))
        if event_id is not None:
            q = q.where(audit_log.c.event_id == event_id)
        with self.engine.connect() as conn:
            return [_audit_entry(r) for r in conn.execute(q).mappings()]

    def training_corrections(self) -> Iterator[dict[str, Any]]:
        """Reviewed events as training rows for ``sitrep train`` (JSONL): confirmed and corrected events
        with their (corrected) types, rejected ones as non-events (empty types, the trainer's NONE)."""
        q = (sa.select(events.c.id, events.c.article_id, events.c.evidence_text, events.c.event_type,
                       events.c.sub_event_type, events.c.actor1, events.c.actor2, events.c.review_status)
             .where(events.c.review_status.in_(("confirmed", "corrected", "rejected"))).order_by(events.c.id))
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                rejected = r.review_status == "rejected"
                yield {"text": r.evidence_text, "event_type": "" if rejected else r.event_type,
                       "sub_event_type": "" if rejected else r.sub_event_type,
                       "actor1": None if rejected else r.actor1, "actor2": None if rejected else r.actor2,
                       "review_status": r.review_status, "event_id": r.id, "doc_id": r.article_id}

    # -- analyst review ------------------------------------------------------------------
    def review(self, event_id: str, action: str, changes: dict[str, Any] | None, reviewer: str,
               note: str | None = None) -> EventDetail:
        """Confirm, correct (the fields of ``CORRECTABLE``) or reject an event; audited in the same transaction."""
        check_action(action, changes, reviewer)
        with self._writing() as conn:
            row = _get(conn, event_id)
            if action == "correct":
                clean = clean_changes(changes or {}, dict(row))
                diff = {k: v for k, v in clean.items() if row[k] != v}
                if diff:
                    conn.execute(events.update().where(events.c.id == event_id).values(**diff))
                for key, value in diff.items():
                    _audit(conn, event_id, "correct", key, row[key], value, reviewer, note)
            status = STATUS_OF[action]
            conn.execute(events.update().where(events.c.id == event_id).values(review_status=status))
            _audit(conn, event_id, action, "review_status", row["review_status"], status, reviewer, note)
        return self.event_detail(event_id)  # type: ignore[return-value]

    def merge_events(self, ids: list[str], reviewer: str, note: str | None = None) -> EventDetail:
        """Make the events of ``ids`` one: every one (and its sources) joins the first one's canonical event."""
        _check_reviewer(reviewer)
        with self._writing() as conn:
            canons: list[str] = []
            for event_id in ids:
                row = _get(conn, event_id)
                canon = row["merged_into"] or row["id"]
                if canon not in canons:
                    canons.append(canon)
            if len(canons) < 2:
                raise InputError("merging needs events that are not already one event")
            target = canons[0]
            for canon in canons[1:]:
                members = conn.execute(sa.select(events.c.id, events.c.merged_into).where(
                    sa.or_(events.c.id == canon, events.c.merged_into == canon))).all()
                for member_id, old in members:
                    _audit(conn, member_id, "merge", "merged_into", old, target, reviewer, note)
                conn.execute(events.update().where(sa.or_(events.c.id == canon, events.c.merged_into == canon))
                             .values(merged_into=target))
                _audit(conn, target, "merge", "source", None, canon, reviewer, note)
            _recompute(conn, target)
        return self.event_detail(target)  # type: ignore[return-value]

    def split_event(self, source_id: str, reviewer: str, note: str | None = None) -> EventDetail:
        """Take one report out of its merged event: it becomes an event of its own, as extracted."""
        _check_reviewer(reviewer)
        with self._writing() as conn:
            row = _get(conn, source_id)
            if row["merged_into"] is not None:
                canon = row["merged_into"]
            else:
                members = conn.execute(sa.select(events).where(events.c.merged_into == source_id)).mappings().all()
                if not members:
                    raise InputError(f"event {source_id!r} has no other report to split it from")
                # the canonical report leaves: the best remaining one becomes the canonical event
                canon = min(members, key=lambda m: source_rank(_source(m)))["id"]
                for m in members:
                    new = None if m["id"] == canon else canon
                    _audit(conn, m["id"], "split", "merged_into", source_id, new, reviewer, note)
                conn.execute(events.update().where(events.c.merged_into == source_id).values(merged_into=canon))
                conn.execute(events.update().where(events.c.id == canon).values(merged_into=None))
            fields = _fact_values(_source(row))
            conn.execute(events.update().where(events.c.id == source_id).values(merged_into=None, **fields))
            _audit(conn, source_id, "split", "merged_into", row["merged_into"], None, reviewer, note)
            _audit(conn, canon, "split", "source", source_id, None, reviewer, note)
            _recompute(conn, canon)
        return self.event_detail(source_id)  # type: ignore[return-value]

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """A write transaction (BEGIN IMMEDIATE on SQLite); a locked or lost database is a StoreError."""
        try:
            with self.engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
                yield conn
        except OperationalError as exc:
            raise StoreError(f"cannot write to {self.shown_url}: {exc.orig}") from exc

    # -- cross-article merging -----------------------------------------------------------
    def _merge_new(self, conn: sa.Connection, ev: Event, article_id: str) -> None:
        """Join a newly written report to the stored canonical event it tells, if there is one."""
        q = candidates_query(ev, article_id)
        if q is None:
            return
        matches = [c for c in (_row_event(r) for r in conn.execute(q).mappings()) if same_event(ev, c)]
        if not matches:
            return
        best = min(matches, key=lambda c: (closeness(ev, c), c.id))
        conn.execute(events.update().where(events.c.id == ev.id).values(merged_into=best.id))
        _recompute(conn, best.id)

    def article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            return None
        return Article(
            body=row["body"], id=row["id"], url=row["url"], site=row["site"], title=row["title"],
            author=row["author"], published=row["published"], language=row["language"],
            comments=[Comment(**c) for c in json.loads(row["comments"] or "[]")],
            boilerplate=json.loads(row["boilerplate"] or "[]"), source=row["source"], source_format=row["format"],
        )

    def rejects(self) -> list[Rejected]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(rejects).order_by(rejects.c.seen_at, rejects.c.source)).all()
        return [Rejected(r.source, r.reason, r.detail or "") for r in rows]

    def not_coded(self) -> list[Rejected]:
        """Stored articles that were not event-coded (another language, near-duplicates), and why."""
        q = sa.select(articles.c.id, articles.c.source, articles.c.status, articles.c.skip_reason).where(
            articles.c.status != "coded").order_by(articles.c.ingested_at, articles.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [Rejected(r.source or r.id, r.status, f"article {r.id}: {r.skip_reason or ''}".rstrip(": ")) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "articles": conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one(),
                "events": conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one(),
                "rejects": conn.execute(sa.select(sa.func.count()).select_from(rejects)).scalar_one(),
            }

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # sitrep emits BEGIN itself (_sqlite_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    """Writers take SQLite's write lock when they begin (BEGIN IMMEDIATE), so that a transaction
    that reads before it writes waits for another writer (busy_timeout) instead of failing with
    'database is locked' when that writer commits first (ingest and serve's reviews at once)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def _where(since: str | None = None, until: str | None = None, country: str | None = None, actor: str | None = None,
           event_type: str | None = None, certainty: str | None = None, admin1: str | None = None,
           bbox: BBox | None = None, text: str | None = None, include_rejected: bool = False,
           include_merged: bool = False) -> list[Any]:
    """The WHERE clauses of the event filters (every value a bound parameter)."""
    where: list[Any] = []
    if not include_merged:
        where.append(events.c.merged_into.is_(None))
    if not include_rejected:
        where.append(events.c.review_status != "rejected")
    if since:
        where.append(events.c.event_date >= since)
    if until:
        where.append(events.c.event_date <= until)
    if country:
        where.append(sa.func.lower(events.c.country) == country.lower())
    if admin1:
        where.append(sa.func.lower(events.c.admin1) == admin1.lower())
    if actor:
        pattern = actor.lower()
        where.append(sa.or_(*(sa.func.lower(c).contains(pattern, autoescape=True) for c in (
            events.c.actor1, events.c.actor2, events.c.assoc_actor_1, events.c.assoc_actor_2))))
    if event_type:
        where.append(sa.or_(sa.func.lower(events.c.event_type) == event_type.lower(),
                            sa.func.lower(events.c.sub_event_type) == event_type.lower(),
                            sa.func.lower(events.c.plover_event) == event_type.lower()))
    if certainty:
        where.append(events.c.certainty == certainty)
    if text:
        where.append(sa.func.lower(events.c.evidence_text).contains(text.lower(), autoescape=True))
    if bbox is not None:
        where.extend(_bbox_clauses(bbox))
    return where


def _bbox_clauses(bbox: Any) -> list[Any]:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)
    except (TypeError, ValueError) as exc:
        raise InputError("bbox must be four numbers: min_lon, min_lat, max_lon, max_lat") from exc
    if not (-90 <= min_lat <= max_lat <= 90 and -180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise InputError("bbox must be min_lon, min_lat, max_lon, max_lat with latitudes in -90..90 "
                         "(min_lat <= max_lat) and longitudes in -180..180")
    lat = events.c.latitude.between(min_lat, max_lat)
    if min_lon <= max_lon:
        return [lat, events.c.longitude.between(min_lon, max_lon)]
    # a box across the antimeridian
    return [lat, sa.or_(events.c.longitude >= min_lon, events.c.longitude <= max_lon)]


def candidates_query(ev: Event, article_id: str) -> sa.Select[Any] | None:
    """Stored canonical events that may tell the same event as ``ev``: indexed date-range lookups (one per
    precision window) narrowed by type, country and place; ``merging.same_event`` decides.
    None: ``ev`` has no date or no place."""
    if not ev.event_date or not (ev.location or (ev.latitude is not None and ev.longitude is not None)):
        return None
    type_match = (events.c.event_type == ev.event_type if ev.event_type is not None else
                  sa.and_(events.c.event_type.is_(None), events.c.plover_event == ev.plover_event))
    when = []
    for lo, hi, precision in date_windows(date.fromisoformat(ev.event_date), ev.time_precision):
        in_range = events.c.event_date.between(lo, hi)
        when.append(in_range if precision is None else sa.and_(events.c.time_precision == precision, in_range))
    q = sa.select(events).where(
        events.c.merged_into.is_(None), sa.or_(*when), type_match,
        events.c.review_status != "rejected", events.c.article_id != article_id)
    if ev.country:
        q = q.where(sa.or_(events.c.country.is_(None), sa.func.lower(events.c.country) == ev.country.lower()))
    place = [sa.func.lower(events.c.location) == ev.location.lower()] if ev.location else []
    if ev.latitude is not None and ev.longitude is not None:
        dlat = MAX_KM / 110.0 + 0.01  # a box a little larger than MAX_KM around the point
        dlon = dlat / max(0.05, math.cos(math.radians(ev.latitude)))
        place.append(sa.and_(events.c.latitude.between(ev.latitude - dlat, ev.latitude + dlat),
                             events.c.longitude.between(ev.longitude - dlon, ev.longitude + dlon)))
    return q.where(sa.or_(*place))


def _get(conn: sa.Connection, event_id: str) -> Any:
    row = conn.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
    if row is None:
        raise EventNotFound(event_id)
    return row


def _check_reviewer(reviewer: str) -> None:
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise InputError("a review needs the reviewer's name")


def _audit(conn: sa.Connection, event_id: str, action: str, field_name: str | None, old: Any, new: Any,
           reviewer: str, note: str | None) -> None:
    conn.execute(audit_log.insert().values(
        event_id=event_id, action=action, field=field_name, old_value=json.dumps(old, ensure_ascii=False),
        new_value=json.dumps(new, ensure_ascii=False), reviewer=reviewer.strip(), note=note, at=_now()))


def _audit_entry(row: Any) -> AuditEntry:
    return AuditEntry(row["id"], row["event_id"], row["action"], row["field"],
                      json.loads(row["old_value"]) if row["old_value"] is not None else None,
                      json.loads(row["new_value"]) if row["new_value"] is not None else None,
                      row["reviewer"], row["note"], row["at"])


def _source(row: Any) -> Event:
    """A stored report as it was extracted (before merging or corrections changed its row)."""
    if not row["original"]:
        return _row_event(row)  # stored before revision 0002 kept originals
    ev = Event.from_contract(json.loads(row["original"]), event_id=row["id"])
    ev.doc_id = row["article_id"]
    return ev


def _fact_values(ev: Event) -> dict[str, Any]:
    """Column values of the merged fields (FIELD_GROUPS) of an event."""
    values = {f: getattr(ev, f) for group in FIELD_GROUPS for f in group}
    values["assoc_actor_1"] = json.dumps(values["assoc_actor_1"], ensure_ascii=False)
    values["assoc_actor_2"] = json.dumps(values["assoc_actor_2"], ensure_ascii=False)
    return values


def _recompute(conn: sa.Connection, canon_id: str) -> None:
    """Set a canonical event's fields from its best sources, unless an analyst has confirmed or corrected it."""
    canon = _get(conn, canon_id)
    if canon["review_status"] in ("confirmed", "corrected"):
        return
    members = conn.execute(sa.select(events).where(sa.or_(
        events.c.id == canon_id, events.c.merged_into == canon_id))).mappings().all()
    best = Event.from_contract({**_source(canon).to_contract(), **canonical_fields([_source(m) for m in members])})
    conn.execute(events.update().where(events.c.id == canon_id).values(**_fact_values(best)))


def _actor_summary(name: str, known: Any) -> ActorSummary:
    if known is None:
        return ActorSummary(name, 0)
    return ActorSummary(name, 0, True, sorted(set(known.aliases) - {name}), known.inter, known.country, known.kind,
                        {k: list(v) for k, v in known.relations.items()})


def _article_row(a: Article, status: str, reason: str | None) -> dict[str, Any]:
    return {
        "id": a.id, "content_hash": a.content_hash, "url": a.url, "site": a.site, "title": a.title,
        "author": a.author, "published": a.published, "language": a.language, "body": a.body,
        "comments": json.dumps([{"author": c.author, "text": c.text} for c in a.comments], ensure_ascii=False),
        "boilerplate": json.dumps(a.boilerplate, ensure_ascii=False), "source": a.source, "format": a.source_format,
        "status": status, "skip_reason": reason, "ingested_at": _now(),
    }


def _event_row(ev: Event, article_id: str) -> dict[str, Any]:
    d = ev.to_contract()
    row = {k: d[k] for k in (
        "event_type", "sub_event_type", "plover_event", "plover_mode", "actor1", "inter1", "actor2", "inter2",
        "event_date", "time_precision", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
        "geonameid", "fatalities", "certainty", "attributed_to", "confidence")}
    row.update(
        id=ev.id or ev.assign_id(), article_id=article_id,
        assoc_actor_1=json.dumps(ev.assoc_actor_1, ensure_ascii=False),
        assoc_actor_2=json.dumps(ev.assoc_actor_2, ensure_ascii=False),
        evidence_text=ev.evidence.text, evidence_start=ev.evidence.start, evidence_end=ev.evidence.end,
        spans=json.dumps(d["spans"]), merged_into=None, review_status="unreviewed",
        original=json.dumps(d, ensure_ascii=False),
    )
    return row


def _row_event(row: Any) -> Event:
    data = dict(row)
    data["doc_id"] = data.pop("article_id")
    for key in ("merged_into", "review_status", "original"):
        data.pop(key, None)
    data["evidence"] = {"text": data.pop("evidence_text"), "start": data.pop("evidence_start"),
                        "end": data.pop("evidence_end")}
    data["spans"] = json.loads(data["spans"])
    data["assoc_actor_1"] = json.loads(data["assoc_actor_1"] or "[]")
    data["assoc_actor_2"] = json.loads(data["assoc_actor_2"] or "[]")
    event_id = data.pop("id")
    return Event.from_contract(data, event_id=event_id)
