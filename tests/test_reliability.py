"""Reliability of the store under a real ``sitrep ingest`` process (SQLite):

- SIGKILL in the middle of a batch leaves a consistent database: every stored article has all
  its events, nothing half-written, ``PRAGMA integrity_check`` ok;
- running the same ingest again completes the batch: no duplicates, nothing lost — the same
  articles, events and merges as an uninterrupted run into a fresh database;
- a reader querying the store (and confirming events, as an analyst in ``sitrep serve`` does)
  while ``sitrep ingest`` writes to it sees no errors.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.store import Store

TOWNS = ["Gao", "Timbuktu", "Mopti", "Kidal", "Menaka", "Bamako", "Segou", "Sikasso", "Kayes", "Douentza"]
GROUPS = ["JNIM", "Islamic State Sahel Province", "Dozo militiamen", "Unidentified gunmen"]
N_DOCS = 30


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    """30 short articles; some tell the same attack (same town and day), so merging is exercised too."""
    folder = tmp_path_factory.mktemp("docs")
    for i in range(N_DOCS):
        town, group, day = TOWNS[i % 10], GROUPS[i % 4], ["Monday", "Tuesday", "Wednesday"][i % 3]
        (folder / f"{i:02d}.txt").write_text(
            f"{group} attacked an army post in {town} on {day}, killing {2 + i} soldiers, the army said.\n\n"
            f"Residents of {town} said the fighting lasted {i % 5 + 1} hours.\n", encoding="utf-8")
    return folder


def _ingest(docs: Path, db: Path) -> subprocess.Popen[bytes]:
    code = "from sitrep.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", str(docs), "--db", str(db),
                             "--published", "2024-05-10"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _snapshot(db: Path) -> dict[str, set[tuple]]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            "articles": set(conn.execute("SELECT id, status FROM articles")),
            "events": set(conn.execute("SELECT id, article_id, merged_into FROM events")),
            "rejects": set(conn.execute("SELECT source, reason FROM rejects")),
        }


@pytest.fixture(scope="module")
def reference(docs, tmp_path_factory) -> dict[str, set[tuple]]:
    db = tmp_path_factory.mktemp("ref") / "ref.sqlite"
    proc = _ingest(docs, db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()  # type: ignore[union-attr]
    snap = _snapshot(db)
    assert len(snap["articles"]) == N_DOCS and len(snap["events"]) >= N_DOCS
    return snap


def test_sigkill_mid_batch_leaves_a_consistent_database_and_a_rerun_completes_it(docs, reference, tmp_path):
    db = tmp_path / "killed.sqlite"
    proc = _ingest(docs, db)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # the writer is still creating the schema
                stored = 0
            if stored >= 2:
                break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "ingest ended before it could be killed mid-batch"
    snap = _snapshot(db)
    assert 0 < len(snap["articles"]) < N_DOCS  # killed in the middle
    # every stored article has exactly the events an uninterrupted run gives it
    ref_events = {(eid, aid) for eid, aid, _ in reference["events"]}
    stored_ids = {aid for aid, _ in snap["articles"]}
    assert {(eid, aid) for eid, aid, _ in snap["events"]} == {(e, a) for e, a in ref_events if a in stored_ids}
    # the same ingest again completes the batch: no duplicates, nothing lost, the same merges
    proc = _ingest(docs, db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()  # type: ignore[union-attr]
    assert _snapshot(db) == reference


def test_reading_while_ingest_writes(docs, reference, tmp_path):
    db = tmp_path / "live.sqlite"
    proc = _ingest(docs, db)
    store = Store(str(db))  # may create the schema while the writer does too: one of them retries
    reads, reviews, seen = 0, 0, []
    while proc.poll() is None:
        n = store.count_events()
        shown = list(store.events(limit=50, order="-date"))
        if shown:
            assert store.event_detail(shown[0].id) is not None
            store.review(shown[0].id, "confirm", None, reviewer="analyst")  # a second writer, as serve is
            reviews += 1
        store.timeline("week")
        seen.append(n)
        reads += 1
        time.sleep(0.02)
    assert proc.returncode == 0, proc.stderr.read().decode()  # type: ignore[union-attr]
    assert reads > 5 and seen == sorted(seen)  # events only ever appear
    assert _snapshot(db) == reference
    assert store.count_events(include_merged=True) == len(reference["events"])
    assert reviews and len(store.audit_log(limit=1000)) == reviews
