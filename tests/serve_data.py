"""The databases of the serve and dashboard tests: the bundled examples, the Derna article when
the shared seed is present (the markup article is added by the tests), on SQLite and, when
``SITREP_TEST_PG_URL`` is set (``.ci/run``), on PostgreSQL: a database of its own per fixture."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_fixtures import PG_URL, REQUIRE_PG

from sitrep.ingest import IngestOptions
from sitrep.runner import ingest_documents
from sitrep.store import Store

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "derna-2015-06-lwj.txt"
TOKEN = "test-token-4f9a-81c2"
EXAMPLES = str(resources.files("sitrep").joinpath("examples"))

#: An article body with markup: it must be stored, served and shown as text, never run.
HOSTILE_TEXT = ('Gunmen killed four civilians in Kidal, Mali, on Tuesday <script>alert("xss")</script>, '
                'local officials said. A witness wrote <img src=x onerror=alert(1)> under the headline.')
HOSTILE_TITLE = "<b onmouseover=alert(3)>Kidal attack</b>"


def database(kind: str, tmp_path: Path, name: str) -> str:
    """An empty database: a SQLite file in ``tmp_path``, or a fresh PostgreSQL database ``name``."""
    if kind == "sqlite":
        return str(tmp_path / f"{name}.sqlite")
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("SITREP_REQUIRE_PG=1 but SITREP_TEST_PG_URL is not set")
        pytest.skip("PostgreSQL variants need SITREP_TEST_PG_URL (postgresql://user@host:port/db); .ci/run sets it")
    server = sa.engine.make_url(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL at {PG_URL} is unreachable: {exc.orig}")
        pytest.skip(f"PostgreSQL at {PG_URL} is unreachable: {exc.orig}")
    finally:
        engine.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def build_store(url: str) -> tuple[Store, bool]:
    """A store at ``url`` with the examples (and Derna when present); returns (store, has_derna)."""
    store = Store(url)
    outcomes = list(ingest_documents([EXAMPLES], store, IngestOptions()))
    assert all(o.status == "ok" for o in outcomes), outcomes
    has_derna = SEED.exists()
    if has_derna:
        (derna,) = ingest_documents([str(SEED)], store, IngestOptions(published="2015-06-15"))
        assert derna.status == "ok" and derna.events > 0
    return store, has_derna
