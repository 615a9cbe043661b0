"""Store: articles, events, rejects and actors in SQLite (default) or PostgreSQL.

Reads/writes through SQLAlchemy Core so one code path serves both. Each article is written
with its events in one transaction: a crash loses nothing already committed, and writing
the same article again changes nothing (ids are content-derived; inserts skip existing rows).
SQLite runs in WAL mode so ``sitrep ingest`` can write while ``sitrep serve`` reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import InputError, StoreError
from ..records import Article, Comment, Event, Rejected

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("content_hash", sa.String(40), nullable=False, index=True),
    sa.Column("url", sa.Text), sa.Column("site", sa.Text), sa.Column("title", sa.Text),
    sa.Column("author", sa.Text), sa.Column("published", sa.String(10), index=True),
    sa.Column("language", sa.String(8)), sa.Column("body", sa.Text, nullable=False),
    sa.Column("comments", sa.Text), sa.Column("boilerplate", sa.Text),
    sa.Column("source", sa.Text), sa.Column("format", sa.String(16)),
    sa.Column("status", sa.String(16), nullable=False),  # coded | skipped
    sa.Column("skip_reason", sa.Text),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("event_type", sa.String(64), nullable=False, index=True),
    sa.Column("sub_event_type", sa.String(64), nullable=False),
    sa.Column("plover_event", sa.String(16)), sa.Column("plover_mode", sa.String(32)),
    sa.Column("actor1", sa.Text, index=True), sa.Column("assoc_actor_1", sa.Text), sa.Column("inter1", sa.Integer),
    sa.Column("actor2", sa.Text, index=True), sa.Column("assoc_actor_2", sa.Text), sa.Column("inter2", sa.Integer),
    sa.Column("event_date", sa.String(10), index=True), sa.Column("time_precision", sa.Integer),
    sa.Column("country", sa.Text, index=True), sa.Column("admin1", sa.Text), sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float), sa.Column("geo_precision", sa.Integer),
    sa.Column("geonameid", sa.Integer), sa.Column("fatalities", sa.Integer),
    sa.Column("certainty", sa.String(16), nullable=False), sa.Column("attributed_to", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("evidence_text", sa.Text, nullable=False), sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False), sa.Column("spans", sa.Text, nullable=False),
)

rejects = sa.Table(
    "rejects", metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("reason", sa.String(64), nullable=False, index=True),
    sa.Column("detail", sa.Text),
    sa.Column("seen_at", sa.String(32), nullable=False),
)

# near-duplicate lookup (see fingerprint.py): one signature per article, one row per band key
fingerprints = sa.Table(
    "fingerprints", metadata,
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("signature", sa.Text, nullable=False),
)
fingerprint_bands = sa.Table(
    "fingerprint_bands", metadata,
    sa.Column("band", sa.String(24), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
)

EVENT_FILTERS = ("since", "until", "country", "actor", "event_type", "certainty")


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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A database of articles and events. ``url``: SQLAlchemy URL or a plain file path."""

    def __init__(self, url: str) -> None:
        if "://" not in url:
            url = f"sqlite:///{Path(url).expanduser()}"
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
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        # fingerprints of articles accepted in this session but not written yet (in-batch wire copies)
        self._pending: dict[str, tuple[Any, list[str], str]] = {}
        try:
            metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {url!r}: {exc.__class__.__name__}: {exc.orig if hasattr(exc, 'orig') else exc}") from exc

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
            with self.engine.begin() as conn:
                if conn.execute(sa.select(articles.c.id).where(articles.c.id == article.id)).first():
                    return WriteResult("duplicate")
                if duplicate is None or duplicate.kind == "duplicate":
                    twin = conn.execute(sa.select(articles.c.id).where(
                        articles.c.content_hash == article.content_hash)).first()
                    if twin or duplicate is not None:
                        reason = duplicate.reason() if duplicate else f"same text as article {twin[0]}"  # type: ignore[index]
                        self._reject(conn, Rejected(article.source or article.id, "duplicate", reason))
                        return WriteResult("duplicate", detail=reason)
                status = "near-duplicate" if duplicate else ("skipped" if skipped else "coded")
                reason = duplicate.reason() if duplicate else skipped
                conn.execute(articles.insert().values(**_article_row(article, status, reason)))
                rows = [] if duplicate else [_event_row(ev, article.id) for ev in evs]
                if rows:
                    conn.execute(events.insert(), rows)
                pending = self._pending.pop(article.id, None)
                sig = pending[0] if pending else (None if duplicate else fp.signature(article.body))
                if sig is not None:
                    conn.execute(fingerprints.insert().values(article_id=article.id, signature=fp.to_text(sig)))
                    conn.execute(fingerprint_bands.insert(), [{"band": b, "article_id": article.id} for b in fp.bands(sig)])
            result = "near-duplicate" if duplicate else ("skipped" if skipped else "added")
            return WriteResult(result, len(rows), reason)
        except OperationalError as exc:
            raise StoreError(f"cannot write to {self.url}: {exc.orig}") from exc

    def record_reject(self, rej: Rejected) -> None:
        with self.engine.begin() as conn:
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
               limit: int | None = None, offset: int = 0) -> Iterator[Event]:
        q = sa.select(events).order_by(events.c.event_date, events.c.id)
        if since:
            q = q.where(events.c.event_date >= since)
        if until:
            q = q.where(events.c.event_date <= until)
        if country:
            q = q.where(sa.func.lower(events.c.country) == country.lower())
        if actor:
            pattern = f"%{actor.lower()}%"
            q = q.where(sa.or_(sa.func.lower(events.c.actor1).like(pattern), sa.func.lower(events.c.actor2).like(pattern),
                               sa.func.lower(events.c.assoc_actor_1).like(pattern),
                               sa.func.lower(events.c.assoc_actor_2).like(pattern)))
        if event_type:
            q = q.where(sa.or_(sa.func.lower(events.c.event_type) == event_type.lower(),
                               sa.func.lower(events.c.sub_event_type) == event_type.lower()))
        if certainty:
            q = q.where(events.c.certainty == certainty)
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                yield _row_event(row)

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
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


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
        spans=json.dumps(d["spans"]),
    )
    return row


def _row_event(row: Any) -> Event:
    data = dict(row)
    data["doc_id"] = data.pop("article_id")
    data["evidence"] = {"text": data.pop("evidence_text"), "start": data.pop("evidence_start"),
                        "end": data.pop("evidence_end")}
    data["spans"] = json.loads(data["spans"])
    data["assoc_actor_1"] = json.loads(data["assoc_actor_1"] or "[]")
    data["assoc_actor_2"] = json.loads(data["assoc_actor_2"] or "[]")
    event_id = data.pop("id")
    return Event.from_contract(data, event_id=event_id)
