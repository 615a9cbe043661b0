"""Alembic migrations of the sitrep store (run by ``sitrep.store.migrate.upgrade``; no alembic.ini)."""
