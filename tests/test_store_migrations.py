"""Alembic migrations: a new database is created at head and matches the tables the code
queries; a database made by sitrep 0.1 (no alembic_version) is recognised, stamped and
upgraded with its rows kept. SQLite and PostgreSQL."""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sitrep.store import Store, metadata, migrate


def _engine(db_url: str) -> sa.Engine:
    """A bare engine on the test database (no Store, so no migrations run)."""
    if "://" not in db_url:
        return sa.create_engine(f"sqlite:///{db_url}")
    return sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://", 1))


def test_migrations_at_head_match_the_schema_the_code_queries(db_url):
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    store.close()
    Store(db_url).close()  # opening again is a no-op


def test_a_database_of_the_previous_version_is_upgraded_and_keeps_its_rows(db_url):
    engine = _engine(db_url)
    with engine.begin() as conn:  # the 0.1 schema, as metadata.create_all made it: no alembic_version
        cfg = migrate._config(conn)
        command.upgrade(cfg, migrate.INITIAL)
        conn.execute(sa.text("DROP TABLE alembic_version"))
        conn.execute(sa.text(
            "INSERT INTO articles (id, content_hash, body, status, ingested_at, published, title) "
            "VALUES ('old1', 'h', 'Clashes in Gao.', 'coded', '2024-01-01T00:00:00+00:00', '2024-01-01', 'Old')"))
        conn.execute(sa.text(
            "INSERT INTO events (id, article_id, event_type, sub_event_type, actor1, assoc_actor_1, assoc_actor_2, "
            "event_date, country, location, certainty, confidence, evidence_text, evidence_start, evidence_end, spans) "
            "VALUES ('e1', 'old1', 'Battles', 'Armed clash', 'JNIM', '[]', '[]', '2024-01-01', 'Mali', 'Gao', "
            "'reported', 0.5, 'Clashes in Gao.', 0, 15, :spans)"), {"spans": json.dumps({"trigger": [0, 7]})})
    engine.dispose()
    store = Store(db_url)
    columns = {c["name"] for c in sa.inspect(store.engine).get_columns("events")}
    assert {"merged_into", "review_status", "original"} <= columns
    assert sa.inspect(store.engine).has_table("audit_log")
    (ev,) = store.events()
    assert (ev.id, ev.actor1, ev.location) == ("e1", "JNIM", "Gao")
    detail = store.event_detail("e1")
    assert detail.review_status == "unreviewed" and [s.id for s in detail.sources] == ["e1"]
    assert store.review("e1", "confirm", None, reviewer="ana").review_status == "confirmed"
    assert store.article("old1").title == "Old" and store.counts()["articles"] == 1
