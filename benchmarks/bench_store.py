"""Benchmark: the store's events query (date range + bounding box) on 200,000 synthetic events,
on SQLite and PostgreSQL, and the write path with cross-article merging on top of them.

    python benchmarks/bench_store.py --db /tmp/bench.sqlite [--events 200000] [--queries 500]
    python benchmarks/bench_store.py --db postgresql://postgres@localhost:5432/bench

Fills an empty database with synthetic events (project-generated, fixed seed: 10 events per
article, dates over two years, places between 5°N-37°N and 17°W-50°E) by bulk inserts, then
times ``Store.events`` (a 30-day window and a 2°x2° box, first page of 100) and
``Store.count_events`` with the same filters: median and p99 latency in milliseconds. Finally it
writes ``--writes`` more articles through ``Store.write`` (each event looked up for a merge) and
reports articles/s. ``fill`` is importable to load a database for other benchmarks (HTTP).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.records import Article, Event, Evidence
from sitrep.store import Store, _article_row, _event_row
from sitrep.store.review import ACLED_TYPES
from sitrep.store.schema import articles, events

START = date(2023, 1, 1)
DAYS = 730
GROUPS = ["JNIM", "Islamic State Sahel Province", "al Shabaab", "Houthis", "Rapid Support Forces",
          "Military Forces of Sudan", "Military Forces of Mali", "Unidentified Armed Group", "Protesters", "Police"]
TYPES = [(t, s) for t, subs in ACLED_TYPES.items() for s in subs]


def synthetic_event(rng: random.Random, doc_id: str, n: int) -> Event:
    etype, sub = rng.choice(TYPES)
    lat, lon = rng.uniform(5, 37), rng.uniform(-17, 50)
    text = f"Synthetic report {doc_id}-{n}: {sub.lower()} near {lat:.2f}, {lon:.2f}."
    ev = Event(etype, sub, Evidence(text, 0, len(text)), doc_id=doc_id, actor1=rng.choice(GROUPS),
               actor2=rng.choice([None, *GROUPS]), inter1=rng.randint(1, 8),
               event_date=(START + timedelta(days=rng.randrange(DAYS))).isoformat(), time_precision=1,
               country="Synthetia", admin1=f"Province {rng.randrange(40)}", location=f"Town {rng.randrange(5000)}",
               latitude=round(lat, 4), longitude=round(lon, 4), geo_precision=rng.choice([1, 2]),
               fatalities=rng.choice([None, 0, 1, 2, 5, 12]), certainty=rng.choice(["stated", "reported", "claimed"]),
               confidence=round(rng.uniform(0.3, 0.95), 3))
    ev.spans["trigger"] = (n, n + 9)  # the id comes from the trigger: distinct for each event of an article
    ev.assign_id()
    return ev


def fill(url: str, n_events: int, seed: int = 7, per_article: int = 10) -> Store:
    """Bulk-load ``n_events`` synthetic events (canonical, unmerged) into an empty database."""
    store = Store(url)
    if store.counts()["events"]:
        raise SystemExit(f"{url} is not empty: give an empty database")
    rng = random.Random(seed)
    batch_a: list[dict[str, object]] = []
    batch_e: list[dict[str, object]] = []
    for i in range(n_events // per_article):
        art = Article(body=f"Synthetic article {i}.", id=f"syn{i:07d}", title=f"Synthetic {i}",
                      published=(START + timedelta(days=rng.randrange(DAYS))).isoformat())
        batch_a.append(_article_row(art, "coded", None))
        batch_e += [_event_row(synthetic_event(rng, art.id, n), art.id) for n in range(per_article)]
        if len(batch_e) >= 20_000:
            _flush(store, batch_a, batch_e)
    _flush(store, batch_a, batch_e)
    with store.engine.begin() as conn:
        conn.execute(sa.text("ANALYZE"))
    return store


def _flush(store: Store, batch_a: list[dict[str, object]], batch_e: list[dict[str, object]]) -> None:
    if batch_a:
        with store.engine.begin() as conn:
            conn.execute(articles.insert(), batch_a)
            conn.execute(events.insert(), batch_e)
    batch_a.clear()
    batch_e.clear()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="an empty database: SQLite file or postgresql:// URL")
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--writes", type=int, default=500, help="articles written through Store.write afterwards")
    args = ap.parse_args()
    t0 = time.perf_counter()
    store = fill(args.db, args.events)
    print(f"loaded {args.events} events in {time.perf_counter() - t0:.1f} s ({store.engine.dialect.name})")
    rng = random.Random(11)
    page, count, hits = [], [], []
    for _ in range(args.queries):
        since = START + timedelta(days=rng.randrange(DAYS - 30))
        lon, lat = rng.uniform(-17, 48), rng.uniform(5, 35)
        filters = {"since": since.isoformat(), "until": (since + timedelta(days=30)).isoformat(),
                   "bbox": (lon, lat, lon + 2, lat + 2)}
        t = time.perf_counter()
        got = list(store.events(limit=100, **filters))
        page.append(time.perf_counter() - t)
        t = time.perf_counter()
        hits.append(store.count_events(**filters))
        count.append(time.perf_counter() - t)
        assert len(got) == min(100, hits[-1])
    for name, samples in (("events (first page of 100)", page), ("count_events", count)):
        med, p99 = _percentiles(samples)
        print(f"{name}: median {med:.2f} ms, p99 {p99:.2f} ms over {args.queries} queries "
              f"(mean {statistics.mean(hits):.1f} matching events)")
    rng = random.Random(13)
    t = time.perf_counter()
    for i in range(args.writes):
        art = Article(body=f"New synthetic article {i}.", id=f"new{i:06d}")
        store.write(art, [synthetic_event(rng, art.id, n) for n in range(10)])
    rate = args.writes / (time.perf_counter() - t)
    total = store.count_events(include_merged=True)
    print(f"Store.write with cross-article merging: {rate:.0f} articles/s ({rate * 10:.0f} events/s); "
          f"{total - store.count_events()} of {total} events merged into another")


if __name__ == "__main__":
    main()
