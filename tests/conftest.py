"""Shared fixtures. Third-party data is read from ../shared and tests skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import db_url  # noqa: F401  (the store tests' SQLite/PostgreSQL fixture)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "derna-2015-06-lwj.txt"


def shared_file(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared development data beside the checkout")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code a text (an article body) and return its events."""
    from sitrep.records import Article

    def _code(text: str, published: str | None = "2024-05-10", title: str | None = None):
        art = Article(body=text, published=published, title=title, language="en")
        return pipeline.code(art).events

    return _code
