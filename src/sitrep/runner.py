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

from .ingest import IngestOptions, RawDoc, iter_raw, parse_raw
from .pipeline import Coded, Pipeline
from .records import Article, Rejected

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
    try:
        return parse_raw(raw, _WORKER["options"])
    except Exception as exc:  # a reader bug on one odd page must not end the batch
        return Rejected(raw.source, "parse-error", f"{exc.__class__.__name__}: {exc}")


def _code(article: Article) -> Coded:
    try:
        return _WORKER["pipeline"].code(article)  # type: ignore[no-any-return]
    except Exception as exc:  # likewise for the coding stages: the article is kept, uncoded
        return Coded(article, [], f"coding-error: {exc.__class__.__name__}: {exc}")


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
            yield _rejected(store, item)
            return
        dup = store.find_duplicate(item)
        if dup is not None:
            res = store.write(item, [], duplicate=dup)
            yield Outcome(item.source or item.id, "duplicate", dup.kind, 0, res.detail or "")
            return
        coding.append(executor.submit(_code, item))

    def coded(c: Coded) -> Outcome:
        res = store.write(c.article, c.events, c.skipped)
        status = {"added": "ok", "skipped": "skipped"}.get(res.status, "duplicate")
        reason = c.skipped if res.status == "skipped" else (res.status if status == "duplicate" else None)
        return Outcome(c.article.source or c.article.id, status, reason, res.events, res.detail or "")

    try:
        for raw in iter_raw(paths, options):
            if isinstance(raw, Rejected):
                yield _rejected(store, raw)
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


def _rejected(store: Any, rej: Rejected) -> Outcome:
    store.record_reject(rej)
    return Outcome(rej.source, "failed", rej.reason, 0, rej.detail)
