"""The local engine: shards coded on a process pool, one ``Stage`` per worker process.

The driver (this process) streams the inputs into shards and hands each to a worker, with at
most ``jobs + 1`` shards in flight, so memory stays bounded whatever the input size. Each
worker loads the Pipeline once (``Stage.setup``), codes a whole shard and writes its files and
marker itself; only the shard's counts come back; after ``RECYCLE_AFTER`` shards a worker is
replaced by a fresh one. ``jobs=1`` runs in this process.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .files import OutDir, ShardReport
from .shards import ShardTask
from .stages import Stage

#: Workers are replaced after about this many shards each: the model's string store grows with every
#: new word, so fresh processes (a few seconds to load) keep memory flat over an input of any size.
RECYCLE_AFTER = 40

_WORKER: dict[str, Any] = {}


def _init_worker(stage: Stage, out_uri: str) -> None:
    stage.setup()
    _WORKER["stage"], _WORKER["out"] = stage, OutDir(out_uri)


def _run(task: ShardTask) -> ShardReport:
    return _WORKER["stage"].run_shard(task, _WORKER["out"])  # type: ignore[no-any-return]


def run_local(tasks: Iterable[ShardTask], out: OutDir, stage: Stage, jobs: int = 1) -> Iterator[ShardReport]:
    """Code every shard of ``tasks`` into ``out``; yields each shard's counts, in input order."""
    if jobs <= 1:
        stage.setup()
        try:
            for task in tasks:
                yield stage.run_shard(task, out)
        finally:
            stage.teardown()
        return
    tasks = iter(tasks)
    while True:  # one pool per generation of workers, each doing at most RECYCLE_AFTER shards
        generation = list(itertools.islice(tasks, 1))
        if not generation:
            return
        yield from _pool_run(itertools.chain(generation, itertools.islice(tasks, RECYCLE_AFTER * jobs - 1)),
                             out, stage, jobs)


def _pool_run(tasks: Iterable[ShardTask], out: OutDir, stage: Stage, jobs: int) -> Iterator[ShardReport]:
    pending: deque[Future[ShardReport]] = deque()
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(stage, out.uri)) as pool:
        try:
            for task in tasks:
                pending.append(pool.submit(_run, task))
                while len(pending) > jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()
