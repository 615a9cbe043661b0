"""The engine-neutral stage: raw documents -> parsed ``Article``s -> coded ``Event``s, per batch.

A ``Stage`` is built on the driver (plain, picklable settings), then on each worker
``setup()`` loads the Pipeline once (spaCy model, actor knowledge base, gazetteer),
``process_batch(docs)`` parses and codes a batch, and ``teardown()`` frees it. The process
pool (``runners.local``), Ray Data (``runners.rayengine``) and ``sitrep ingest``'s runner
(``sitrep.runner``) call the same functions, so they code a document the same way.

A bug that raises on one document costs that document (a reject, or an uncoded article with
the error as its reason), never the batch.
"""

from __future__ import annotations

import os
import resource
import socket
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..ingest import IngestOptions, RawDoc, parse_raw
from ..pipeline import Coded, Pipeline
from ..records import Article, Event, Rejected
from .files import OutDir, ShardReport
from .shards import ShardTask


def parse_guarded(raw: RawDoc, options: IngestOptions) -> Article | Rejected:
    try:
        return parse_raw(raw, options)
    except Exception as exc:  # a reader bug on one odd page must not end the batch
        return Rejected(raw.source, "parse-error", f"{exc.__class__.__name__}: {exc}")


def code_guarded(pipeline: Pipeline, article: Article) -> Coded:
    try:
        return pipeline.code(article)
    except Exception as exc:  # likewise for the coding stages: the article is kept, uncoded
        return Coded(article, [], f"coding-error: {exc.__class__.__name__}: {exc}")


@dataclass
class BatchOutput:
    coded: list[Coded] = field(default_factory=list)  # every parsed article, with its events or skip reason
    rejects: list[Rejected] = field(default_factory=list)  # documents that could not be parsed

    @property
    def articles(self) -> list[Article]:
        return [c.article for c in self.coded]

    @property
    def events(self) -> list[Event]:
        return [ev for c in self.coded for ev in c.events]


@dataclass
class Stage:
    """Parse and code batches of documents; ``setup()`` once per worker before ``process_batch``."""

    options: IngestOptions = field(default_factory=IngestOptions)
    pipeline_args: dict[str, Any] = field(default_factory=dict)  # Pipeline(actors_file=..., places_file=...)
    pipeline: Pipeline | None = field(default=None, repr=False)

    def setup(self) -> None:
        self.pipeline = Pipeline(**self.pipeline_args)
        self.pipeline.extractor, self.pipeline.geocoder  # load the model and gazetteer now

    def process_batch(self, docs: Iterable[RawDoc | Rejected]) -> BatchOutput:
        if self.pipeline is None:
            self.setup()
        assert self.pipeline is not None
        out = BatchOutput()
        articles: list[Article] = []
        for doc in docs:
            item = doc if isinstance(doc, Rejected) else parse_guarded(doc, self.options)
            (out.rejects if isinstance(item, Rejected) else articles).append(item)  # type: ignore[arg-type]
        try:  # the whole batch through nlp.pipe: the fast path
            out.coded = list(self.pipeline.run(articles))
        except Exception:  # one article broke a stage: code one by one, so only it is lost
            out.coded = [code_guarded(self.pipeline, a) for a in articles]
        for c in out.coded:
            for ev in c.events:
                ev.id = ev.id or ev.assign_id()
        return out

    def teardown(self) -> None:
        self.pipeline = None

    def run_shard(self, task: ShardTask, out: OutDir) -> ShardReport:
        """Code one shard and write its files and marker; returns its counts."""
        start = time.perf_counter()
        result = self.process_batch(task.docs)
        report = ShardReport(
            shard=task.name, input=task.input, documents=len(task.docs),
            coded=sum(1 for c in result.coded if not c.skipped),
            skipped=dict(Counter(c.skipped.split(":", 1)[0] if c.skipped.startswith("coding-error") else c.skipped
                                 for c in result.coded if c.skipped)),
            failed=dict(Counter(r.reason for r in result.rejects)),
            events=len(result.events), worker=f"{socket.gethostname()}:{os.getpid()}", peak_rss_mb=peak_rss_mb(),
            seconds=round(time.perf_counter() - start, 3),
        )
        out.write_shard(report, result.coded, result.rejects)
        return report


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the OS tells), at least 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MiB."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024, 1)
