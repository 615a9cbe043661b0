"""Bring a database to the current schema with the Alembic migrations shipped in the package.

A new database is created by the migrations; one made by sitrep 0.1 before migrations
existed (tables but no ``alembic_version``) is stamped at the initial revision, then upgraded.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

INITIAL = "0001"
#: Execution option of connections that write: on SQLite the store begins them with BEGIN IMMEDIATE
WRITE = "sitrep_write"
_SCRIPTS = Path(__file__).resolve().parent / "migrations"


def _config(conn: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()  # type: ignore[return-value]


def current(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: sa.Engine, attempts: int = 3) -> None:
    """Upgrade to head. Two processes opening a new database at once: the loser retries and finds it done."""
    target = head()
    with engine.connect() as conn:  # the usual case, checked without taking SQLite's write lock
        if current(conn) == target:
            return
    for attempt in range(attempts):
        try:
            with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
                if current(conn) == target:
                    return
                if current(conn) is None and sa.inspect(conn).has_table("articles"):
                    command.stamp(_config(conn), INITIAL)
                command.upgrade(_config(conn), "head")
            return
        except sa.exc.SQLAlchemyError:
            if attempt == attempts - 1:
                raise
