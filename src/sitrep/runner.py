"""The local batch runner: inputs -> parsed -> deduplicated -> coded -> stored, on N processes.

Reads: paths (files, directories, WARC, feeds, JSONL, '-'). Writes: the store, and one
``Outcome`` per document (ok | duplicate | skipped | failed, with the reason) for the caller
to count and show. Parsing HTML and coding are the costly steps; with ``jobs > 1`` both run
in a process pool whose workers load the ``Pipeline`` once (``_init_worker``). Reading
containers, the duplicate check and the database writes stay in this process, in input
order, so a wire copy is caught before it is coded and the store has a single writer.

A bug that raises inside a worker costs one document, recorded with the error, not the batch.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from .ingest import IngestOptions, RawDoc, iter_raw
from .pipeline import Coded, Pipeline
from .records import Article, Rejected
from .runners.stages import code_guarded, parse_guarded

__all__ = ["Outcome", "ingest_documents"]


@dataclass
class Outcome:
    source: str
    status: str  # ok | duplicate | skipped | failed
    reason: str | None = None  # short machine-friendly reason (language:de, near-duplicate, bad-gzip, ...)
    events: int = 0
    detail: str = ""


# -- worker side ---------------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(options: IngestOptions, pipeline_args: dict[str, Any]) -> None:
    """Once per worker process: the ingest options and a Pipeline (models load on first use)."""
    _WORKER["options"] = options
    _WORKER["pipeline"] = Pipeline(**pipeline_args)


def _parse(raw: RawDoc) -> Article | Rejected:
    return parse_guarded(raw, _WORKER["options"])


def _code(article: Article) -> Coded:
    return code_guarded(_WORKER["pipeline"], article)


class _Inline(Executor):
    """jobs=1: run each task at once in this process, behind the same Future interface."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        fut.set_result(fn(*args, **kwargs))
        return fut


# -- main side -----------------------------------------------------------------------------------
def ingest_documents(paths: Iterable[str], store: Any, options: IngestOptions, jobs: int = 1,
                     pipeline_args: dict[str, Any] | None = None) -> Iterator[Outcome]:
    """Ingest every document of ``paths`` into ``store``; yields one Outcome per document."""
    pipeline_args = pipeline_args or {}
    if jobs > 1:
        executor: Executor = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options, pipeline_args))
    else:
        _init_worker(options, pipeline_args)
        executor = _Inline()
    window = max(4, 4 * jobs)  # tasks in flight: enough to keep workers busy, bounded memory
    parsing: deque[Future[Article | Rejected]] = deque()
    coding: deque[Future[Coded]] = deque()

    def parsed(item: Article | Rejected) -> Iterator[Outcome]:
        if isinstance(item, Rejected):
            yield write_rejected(store, item)
            return
        dup = store.find_duplicate(item)
        if dup is not None:
            yield write_duplicate(store, item, dup)
            return
        coding.append(executor.submit(_code, item))

    def coded(c: Coded) -> Outcome:
        return write_coded(store, c)

    try:
        for raw in iter_raw(paths, options):
            if isinstance(raw, Rejected):
                yield write_rejected(store, raw)
                continue
            parsing.append(executor.submit(_parse, raw))
            while len(parsing) > window:
                yield from parsed(parsing.popleft().result())
            while len(coding) > window:
                yield coded(coding.popleft().result())
        while parsing:
            yield from parsed(parsing.popleft().result())
        while coding:
            yield coded(coding.popleft().result())
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# -- store writes, shared with ``sitrep load`` (runners.load) --------------------------------------
def write_rejected(store: Any, rej: Rejected) -> Outcome:
    store.record_reject(rej)
    return Outcome(rej.source, "failed", rej.reason, 0, rej.detail)


def write_duplicate(store: Any, article: Article, dup: Any) -> Outcome:
    """Record an article that ``store.find_duplicate`` matched (not coded, no events)."""
    res = store.write(article, [], duplicate=dup)
    return Outcome(article.source or article.id, "duplicate", dup.kind, 0, res.detail or "")


def write_coded(store: Any, c: Coded) -> Outcome:
    res = store.write(c.article, c.events, c.skipped)
    status = {"added": "ok", "skipped": "skipped"}.get(res.status, "duplicate")
    reason = c.skipped if res.status == "skipped" else (res.status if status == "duplicate" else None)
    return Outcome(c.article.source or c.article.id, status, reason, res.events, res.detail or "")
