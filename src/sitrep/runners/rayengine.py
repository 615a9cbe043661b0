"""The Ray engine: the same ``Stage`` on Ray Data, for a laptop or a cluster.

Each input becomes a Ray Data read task that streams it into shards (one row per shard,
holding the shard's pickled documents; complete shards are dropped there, by their marker);
``map_batches`` hands each shard to an actor of a fixed pool, which loads the Pipeline once in
its constructor and writes the shard's files and marker to the output folder (a local path
on one machine; a URL such as ``s3://bucket/run1`` on a cluster). Only the counts come back.

The actor pool is kept below the CPU count: read tasks need a CPU too, and a pool that takes
every CPU can hang (ray-project/ray#44687). Ray is optional: it is imported here only.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..ingest import IngestOptions
from .files import OutDir, ShardReport
from .shards import shards_of
from .stages import Stage, usable_cpus

RAY_MISSING = 'the Ray engine needs Ray, which is not installed here: pip install "sitrep[ray]"'


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise InputError(RAY_MISSING) from exc
    return ray


def actor_count(jobs: int | None, cpus: int) -> int:
    """Actors in the pool: as asked, but at most one fewer than the cluster's CPUs (and at least 1)."""
    limit = max(1, cpus - 1)
    return limit if jobs is None else max(1, min(jobs, limit))


def _read_fn(source: str, out_uri: str, shard_size: int, options: IngestOptions) -> Any:
    def read() -> Iterator[Any]:
        import pyarrow as pa

        out = OutDir(out_uri)
        for task in shards_of(source, shard_size, options, skip=out.is_done):
            yield pa.table({"shard": [task.name], "payload": pa.array([pickle.dumps(task)], pa.large_binary())})

    return read


def _datasource(inputs: list[str], out_uri: str, shard_size: int, options: IngestOptions) -> Any:
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class ShardSource(Datasource):  # type: ignore[misc]
        """One read task per input; each streams that input's shards."""

        def estimate_inmemory_data_size(self) -> int | None:
            return None

        def get_read_tasks(self, parallelism: int, **_: Any) -> list[Any]:
            return [ReadTask(_read_fn(src, out_uri, shard_size, options),
                             BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=(src,)))
                    for src in inputs]

    return ShardSource()


class ShardWorker:
    """A Ray Data actor: ``Stage.setup`` once, then one shard per batch."""

    def __init__(self, stage: Stage, out_uri: str) -> None:
        self.stage = stage
        self.stage.setup()
        self.out = OutDir(out_uri)

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        reports = [self.stage.run_shard(pickle.loads(p), self.out).to_json() for p in batch.column("payload").to_pylist()]
        return pa.table({"report": reports})

    def __del__(self) -> None:
        self.stage.teardown()


def run_ray(inputs: list[str], out: OutDir, stage: Stage, shard_size: int, jobs: int | None = None) -> Iterator[ShardReport]:
    """Code every shard of ``inputs`` on Ray; yields each shard's counts as it completes.

    Connects to the cluster named by ``RAY_ADDRESS`` when set (or to one already initialised);
    otherwise starts a local Ray on this machine's CPUs and stops it at the end.
    """
    ray = _import_ray()
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
        if not os.environ.get("RAY_ADDRESS"):
            kwargs.update(num_cpus=usable_cpus(), include_dashboard=False)
        ray.init(**kwargs)
        started = True
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # Ray Data's plan and timing lines
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # sitrep's own progress line instead
        actors = actor_count(jobs, int(ray.cluster_resources().get("CPU", 1)))
        ds = ray.data.read_datasource(_datasource(inputs, out.uri, shard_size, stage.options),
                                      override_num_blocks=len(inputs))
        ds = ds.map_batches(ShardWorker, fn_constructor_args=(stage, out.uri), batch_size=1, batch_format="pyarrow",
                            compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1)
        for row in ds.iter_rows():
            yield ShardReport.from_json(row["report"])
    finally:
        if started:
            ray.shutdown()
