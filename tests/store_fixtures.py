"""The ``db_url`` fixture: each store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``SITREP_TEST_PG_URL`` (``.ci/run`` starts a throwaway server and sets
it). Without it the PostgreSQL variants skip; with ``SITREP_REQUIRE_PG=1`` they fail instead,
so CI cannot pass by skipping. Each test gets an empty ``public`` schema.
"""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from sitrep.records import Event, Evidence

PG_URL = os.environ.get("SITREP_TEST_PG_URL")
REQUIRE_PG = os.environ.get("SITREP_REQUIRE_PG") == "1"


def fresh_postgres() -> str:
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("SITREP_REQUIRE_PG=1 but SITREP_TEST_PG_URL is not set")
        pytest.skip("PostgreSQL tests need SITREP_TEST_PG_URL (postgresql://user@host:port/db); .ci/run sets it")
    url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    except sa.exc.OperationalError as exc:
        message = f"PostgreSQL at {PG_URL} is unreachable: {exc.orig}"
        if REQUIRE_PG:
            pytest.fail(message)
        pytest.skip(message)
    finally:
        engine.dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return fresh_postgres()


def make_event(doc_id: str, date: str, actor1: str | None = "JNIM", sub: str = "Armed clash",
               etype: str = "Battles", start: int = 0, location: str | None = "Gao",
               lat: float | None = 16.27, lon: float | None = -0.04, certainty: str = "reported",
               text: str = "Militants attacked an army post.", **fields) -> Event:
    """A hand-built coded event; ``fields`` sets any other Event attribute."""
    e = Event(etype, sub, Evidence(text, start, start + len(text)), doc_id=doc_id, actor1=actor1, inter1=2,
              event_date=date, time_precision=1, country="Mali", admin1="Gao", location=location, latitude=lat,
              longitude=lon, geo_precision=1 if lat is not None else None, certainty=certainty, confidence=0.6)
    for key, value in fields.items():
        setattr(e, key, value)
    e.spans["trigger"] = (start, start + 4)
    e.assign_id()
    return e
