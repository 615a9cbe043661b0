"""A shard's output files: events, articles and rejects as Parquet, then a completion marker.

Writes, per shard, into an output folder (a local path or a URL that pyarrow's filesystems
open): ``events-<shard>.parquet`` (the export schema of ``sitrep.export``),
``articles-<shard>.parquet`` (the whole ``Article``: body, comments, boilerplate, metadata,
and why it was not coded), ``rejects-<shard>.parquet`` (source, reason, detail) and, last,
``<shard>.done`` (JSON: the shard's counts). Each file is written under a temporary name and
renamed, so a file that exists is whole; a shard is complete only when its marker exists,
and a rerun rewrites the files of a shard that has none. ``read_shard`` gives the records back.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..export import events_to_table, read_parquet
from ..records import Article, Comment, Event, Rejected

MARKER = ".done"


@dataclass
class ShardReport:
    """The counts of one shard, as its marker states them."""

    shard: str
    input: str = ""
    documents: int = 0  # read: articles + rejects
    coded: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # article kept, not coded: reason -> count
    failed: dict[str, int] = field(default_factory=dict)  # rejected document: reason -> count
    events: int = 0
    seconds: float = 0.0
    worker: str = ""  # host:pid of the worker that did it
    peak_rss_mb: float = 0.0  # the worker's peak resident memory when it finished the shard

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ShardReport:
        return cls(**json.loads(text))


class OutDir:
    """The output folder, local or remote, through one pyarrow filesystem."""

    def __init__(self, uri: str) -> None:
        import pyarrow.fs as pafs

        if "://" in uri:
            self.fs, self.root = pafs.FileSystem.from_uri(uri)
        else:
            self.fs, self.root = pafs.LocalFileSystem(), os.path.abspath(uri)
        self.uri = uri
        self.fs.create_dir(self.root, recursive=True)

    def path(self, name: str) -> str:
        return f"{self.root.rstrip('/')}/{name}"

    def is_done(self, shard: str) -> bool:
        import pyarrow.fs as pafs

        return bool(self.fs.get_file_info(self.path(shard + MARKER)).type == pafs.FileType.File)

    def done_shards(self) -> list[str]:
        import pyarrow.fs as pafs

        infos = self.fs.get_file_info(pafs.FileSelector(self.root, allow_not_found=True))
        return sorted(i.base_name[: -len(MARKER)] for i in infos
                      if i.type == pafs.FileType.File and i.base_name.endswith(MARKER))

    def remove_temporary(self) -> None:
        """Delete the temporary files a killed run left (one run at a time per folder)."""
        import pyarrow.fs as pafs

        for i in self.fs.get_file_info(pafs.FileSelector(self.root, allow_not_found=True)):
            if i.type == pafs.FileType.File and i.base_name.startswith(".") and i.base_name.endswith(".tmp"):
                self.fs.delete_file(i.path)

    def _atomic(self, name: str, write: Any) -> None:
        tmp = self.path(f".{name}.{uuid.uuid4().hex[:8]}.tmp")
        write(tmp)
        self.fs.move(tmp, self.path(name))

    def write_shard(self, report: ShardReport, coded: list[Any], rejects: list[Rejected]) -> None:
        """The shard's three Parquet files, then its marker (``coded``: ``pipeline.Coded`` records)."""
        import pyarrow.parquet as pq

        events = [ev for c in coded for ev in c.events]
        for ev in events:
            ev.id = ev.id or ev.assign_id()
        tables = {
            "events": events_to_table(events),
            "articles": articles_to_table([(c.article, c.skipped) for c in coded]),
            "rejects": rejects_to_table(rejects),
        }
        for kind, table in tables.items():
            self._atomic(f"{kind}-{report.shard}.parquet",
                         lambda p, t=table: pq.write_table(t, p, filesystem=self.fs))
        self._atomic(report.shard + MARKER, lambda p: self._write_text(p, report.to_json()))

    def _write_text(self, path: str, text: str) -> None:
        with self.fs.open_output_stream(path) as fh:
            fh.write(text.encode("utf-8"))

    def report(self, shard: str) -> ShardReport:
        with self.fs.open_input_stream(self.path(shard + MARKER)) as fh:
            return ShardReport.from_json(fh.read().decode("utf-8"))

    def read_shard(self, shard: str) -> tuple[list[tuple[Article, str | None]], list[Event], list[Rejected]]:
        """A complete shard's articles (with the reason each was not coded, or None), events and rejects."""
        import pyarrow.parquet as pq

        def table(kind: str) -> Any:
            return pq.read_table(self.path(f"{kind}-{shard}.parquet"), filesystem=self.fs)

        with self.fs.open_input_file(self.path(f"events-{shard}.parquet")) as fh:
            events = read_parquet(fh)  # type: ignore[arg-type]  # pyarrow reads an open file as a path
        return table_to_articles(table("articles")), events, [Rejected(**r) for r in table("rejects").to_pylist()]


# -- articles and rejects as Arrow tables ------------------------------------------------------------
def _article_schema() -> Any:
    import pyarrow as pa

    s = pa.string()
    return pa.schema([
        ("id", s), ("url", s), ("site", s), ("title", s), ("author", s), ("published", s), ("language", s),
        ("body", s), ("comments", pa.list_(pa.struct([("text", s), ("author", s)]))), ("boilerplate", pa.list_(s)),
        ("source", s), ("source_format", s), ("skipped", s),
    ])


def articles_to_table(rows: list[tuple[Article, str | None]]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist([{
        "id": a.id, "url": a.url, "site": a.site, "title": a.title, "author": a.author, "published": a.published,
        "language": a.language, "body": a.body, "comments": [{"text": c.text, "author": c.author} for c in a.comments],
        "boilerplate": list(a.boilerplate), "source": a.source, "source_format": a.source_format, "skipped": skipped,
    } for a, skipped in rows], schema=_article_schema())


def table_to_articles(table: Any) -> list[tuple[Article, str | None]]:
    out = []
    for row in table.to_pylist():
        skipped = row.pop("skipped")
        row["comments"] = [Comment(**c) for c in row["comments"] or []]
        row["boilerplate"] = list(row["boilerplate"] or [])
        out.append((Article(**row), skipped))
    return out


def rejects_to_table(rejects: list[Rejected]) -> Any:
    import pyarrow as pa

    s = pa.string()
    return pa.Table.from_pylist([r.__dict__ for r in rejects],
                                schema=pa.schema([("source", s), ("reason", s), ("detail", s)]))
