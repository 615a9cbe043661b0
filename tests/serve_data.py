"""The database the serve and dashboard tests share: the bundled examples, the Derna article
when the shared seed is present, and one article whose text carries HTML/JS markup."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

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


def build_store(path: Path) -> tuple[Store, bool]:
    """A SQLite store at ``path`` with the examples (and Derna when present); returns (store, has_derna)."""
    store = Store(str(path))
    outcomes = list(ingest_documents([EXAMPLES], store, IngestOptions()))
    assert all(o.status == "ok" for o in outcomes), outcomes
    has_derna = SEED.exists()
    if has_derna:
        (derna,) = ingest_documents([str(SEED)], store, IngestOptions(published="2015-06-15"))
        assert derna.status == "ok" and derna.events > 0
    return store, has_derna
