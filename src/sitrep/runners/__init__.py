"""Batch runners: inputs -> shards -> coded on a process pool or on Ray -> Parquet files per shard.

``run_batch`` is ``sitrep batch``; ``load_results`` is ``sitrep load``. The work per document is
``stages.Stage`` whatever the engine; ``shards`` reads the inputs, ``files`` writes and reads a
shard's output. ``sitrep.runner`` is the in-order runner of ``sitrep ingest`` (straight into the
store). Nothing here imports Ray unless the Ray engine is asked for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..ingest import IngestOptions
from .files import OutDir, ShardReport
from .load import load_results
from .shards import expand_inputs, iter_shards
from .stages import BatchOutput, Stage, usable_cpus

__all__ = [
    "DEFAULT_SHARD_SIZE",
    "ENGINES",
    "BatchOutput",
    "BatchTotals",
    "OutDir",
    "ShardReport",
    "Stage",
    "load_results",
    "run_batch",
]

ENGINES = ("local", "ray")
#: Documents per shard: big enough that per-shard costs vanish, small enough to redo cheaply.
DEFAULT_SHARD_SIZE = 500


def run_batch(inputs: Iterable[str], out: str, engine: str = "local", jobs: int | None = None,
              shard_size: int = DEFAULT_SHARD_SIZE, options: IngestOptions | None = None,
              pipeline_args: dict[str, Any] | None = None) -> Iterator[ShardReport]:
    """Code every shard of ``inputs`` not yet complete in ``out``; yields each shard's counts."""
    if engine not in ENGINES:
        raise InputError(f"--engine {engine}: choose one of {', '.join(ENGINES)}")
    if jobs is not None and jobs < 1:
        raise InputError(f"--jobs {jobs}: give 1 or more workers")
    if shard_size < 1:
        raise InputError(f"--shard-size {shard_size}: give 1 or more documents")
    sources = expand_inputs(inputs)
    stage = Stage(options or IngestOptions(), pipeline_args or {})
    if engine == "ray":
        from .rayengine import _import_ray, run_ray

        _import_ray()  # fail before creating the output folder
    outdir = OutDir(out)
    outdir.remove_temporary()
    if engine == "ray":
        yield from run_ray(sources, outdir, stage, shard_size, jobs)
        return
    from .local import run_local

    tasks = iter_shards(sources, shard_size, stage.options, skip=outdir.is_done)
    yield from run_local(tasks, outdir, stage, jobs or usable_cpus())


@dataclass
class BatchTotals:
    """The sum of shard reports: what ``sitrep batch`` prints at the end."""

    shards: int = 0
    documents: int = 0
    coded: int = 0
    events: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # worker -> its peak RSS

    def add(self, r: ShardReport) -> None:
        self.shards += 1
        self.documents += r.documents
        self.coded += r.coded
        self.events += r.events
        self.skipped.update(r.skipped)
        self.failed.update(r.failed)
        self.peak_rss_mb[r.worker] = max(self.peak_rss_mb.get(r.worker, 0.0), r.peak_rss_mb)

    def lines(self, seconds: float) -> list[str]:
        articles = self.documents - sum(self.failed.values())
        out = [f"{self.shards} shards coded: {self.documents} documents read, {self.coded} coded, "
               f"{sum(self.skipped.values())} skipped, {sum(self.failed.values())} failed, {self.events} events written",
               f"{articles / max(seconds, 1e-9):.1f} articles/s ({seconds:.1f} s)"]
        out += [f"  skipped {n}: {reason}" for reason, n in self.skipped.most_common()]
        out += [f"  failed {n}: {reason}" for reason, n in self.failed.most_common()]
        if self.peak_rss_mb:
            out.append("peak RSS per worker: " + ", ".join(f"{mb:.0f} MiB" for _, mb in sorted(self.peak_rss_mb.items())))
        return out
