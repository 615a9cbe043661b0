"""``sitrep load``: complete shards of a ``sitrep batch`` output folder -> the store.

Reads each shard that has its completion marker (partial shards are left for a rerun of the
batch); writes its rejects, then its articles with their events, through the store's own
duplicate checks, so loading twice adds nothing and a wire copy coded in another shard is
recorded as a duplicate, as ``sitrep ingest`` would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..pipeline import Coded
from ..records import Event
from .files import OutDir

if TYPE_CHECKING:
    from ..runner import Outcome


def load_results(out_uri: str, store: Any) -> Iterator[Outcome]:
    """Every document of every complete shard in ``out_uri`` into ``store``; one Outcome per document."""
    from ..runner import (  # runner imports runners.stages
        write_coded,
        write_duplicate,
        write_rejected,
    )
    if "://" not in out_uri:
        from pathlib import Path

        if not Path(out_uri).is_dir():
            raise InputError(f"{out_uri}: no such directory (give the --out folder of sitrep batch)")
    out = OutDir(out_uri)
    shards = out.done_shards()
    if not shards:
        raise InputError(f"{out_uri}: no complete shard (no *.done marker); run sitrep batch --out {out_uri} first")
    for shard in shards:
        articles, events, rejects = out.read_shard(shard)
        by_doc: dict[str | None, list[Event]] = defaultdict(list)
        for ev in events:
            by_doc[ev.doc_id].append(ev)
        for rej in rejects:
            yield write_rejected(store, rej)
        for article, skipped in articles:
            dup = store.find_duplicate(article)
            if dup is not None:
                yield write_duplicate(store, article, dup)
            else:
                yield write_coded(store, Coded(article, by_doc.get(article.id, []), skipped))
