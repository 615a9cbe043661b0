"""Inputs -> shards: a stream of ``ShardTask``s, each a fixed-size slice of one input's documents.

Reads: local paths (files, directories, WARC, JSONL, anything ``sitrep ingest`` reads), list
files (``@list.txt``, one path or URL a line) and URLs that pyarrow's filesystems open
(``s3://``, ``gs://``, ``file://``). Documents are streamed: a WARC record by record, a JSONL
file line by line (``iter_jsonl`` reads a file of any size; ``sitrep ingest`` reads JSONL
whole), so only the shard being built is held. A shard is named after its input and its
ordinal (``<input name>-<hash of the input>-<00000>``), so a rerun names it the same way;
``skip`` (a shard name -> bool) drops the shards that are already complete before they are
built. Rejected documents are part of their shard: they are written to its rejects file.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath
from typing import Any, BinaryIO

from ..errors import InputError
from ..ingest import (BOILERPLATE_BYTES, IngestOptions, RawDoc, folder_boilerplate, iter_raw,
                      with_site_boilerplate)
from ..ingest import _jsonl_raw as _jsonl_record  # one JSONL record -> RawDoc, as sitrep ingest reads it
from ..ingest.warc import iter_warc
from ..records import Rejected

Doc = RawDoc | Rejected

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass
class ShardTask:
    name: str  # unique in the output directory, stable across runs
    input: str  # the path or URL it comes from
    index: int  # ordinal of the shard within its input
    docs: list[Doc] = field(default_factory=list)


def is_url(path: str) -> bool:
    return "://" in path


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Inputs with list files (``@list.txt``) replaced by the paths or URLs they hold, one a line."""
    out: list[str] = []
    for item in inputs:
        if item.startswith("@"):
            listed = Path(item[1:])
            if not listed.is_file():
                raise InputError(f"{item}: list file {listed} does not exist")
            out += [ln.strip() for ln in listed.read_text(encoding="utf-8").splitlines()
                    if ln.strip() and not ln.lstrip().startswith("#")]
        else:
            out.append(item)
    for item in out:
        if not is_url(item) and not Path(item).exists():
            raise InputError(f"{item}: no such file or directory")
    if not out:
        raise InputError("no inputs given")
    return out


def shard_base(source: str) -> str:
    """The stable prefix of an input's shard names: its last path part and a hash of the whole."""
    key = source if is_url(source) else str(Path(source).resolve())  # the same from any working directory
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", key.rstrip("/").rsplit("/", 1)[-1])[:40] or "input"
    return f"{stem}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"


def iter_shards(inputs: Iterable[str], shard_size: int, options: IngestOptions,
                skip: Callable[[str], bool] = lambda name: False) -> Iterator[ShardTask]:
    """Every shard of every input, in order, streaming; shards for which ``skip`` is true are not built."""
    if shard_size < 1:
        raise InputError(f"--shard-size {shard_size}: give 1 or more documents")
    for source in inputs:
        yield from shards_of(source, shard_size, options, skip)


def shards_of(source: str, shard_size: int, options: IngestOptions,
              skip: Callable[[str], bool] = lambda name: False) -> Iterator[ShardTask]:
    base = shard_base(source)
    task: ShardTask | None = None
    for n, doc in enumerate(iter_docs(source, options)):
        index = n // shard_size
        if task is None or task.index != index:
            if task is not None and task.docs:
                yield task
            name = f"{base}-{index:05d}"
            task = ShardTask(name, source, index)
            if skip(name):
                task.docs = []  # complete: its documents are read past, not kept
                task.name = ""
        if task.name:
            task.docs.append(doc)
    if task is not None and task.docs:
        yield task


# -- reading one input -----------------------------------------------------------------------------
def iter_docs(source: str, options: IngestOptions) -> Iterator[Doc]:
    """Every document of one input (path or URL), unparsed, streaming."""
    if is_url(source):
        yield from _iter_url(source, options)
        return
    p = Path(source)
    files = sorted(f for f in p.rglob("*") if f.is_file() and not _hidden(f, p)) if p.is_dir() else [p]
    if not files:
        raise InputError(f"{source}: directory holds no files")
    boilerplate = folder_boilerplate(files)  # as `sitrep ingest` reads a folder of flattened pages
    for f in files:
        if _is_jsonl(f.name, options):
            try:
                with f.open("rb") as fh:
                    yield from iter_jsonl(_maybe_gunzip(fh, f.name), str(f), options)
            except OSError as exc:
                yield Rejected(str(f), "unreadable", exc.strerror or str(exc))
        else:
            for raw in iter_raw([str(f)], options):  # WARC streamed record by record; other files whole
                yield with_site_boilerplate(raw, f, boilerplate)


def iter_jsonl(fh: BinaryIO, source: str, options: IngestOptions) -> Iterator[Doc]:
    """A JSONL stream, one line at a time (``sitrep ingest``'s record rules, any file size)."""
    for lineno, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        if len(line) > options.max_bytes:
            yield Rejected(f"{source}:{lineno}", "too-large", f"{len(line)} bytes > limit {options.max_bytes}")
            continue
        try:
            for doc in _jsonl_record(line, source, options):
                doc.source = f"{source}:{lineno}"
                yield doc
        except Exception as exc:  # undecodable line: one reject, not the end of the file
            yield Rejected(f"{source}:{lineno}", getattr(exc, "reason", "unreadable"), str(exc))


def _is_jsonl(name: str, options: IngestOptions) -> bool:
    return options.jsonl_input or name.lower().endswith(JSONL_SUFFIXES)


def _maybe_gunzip(fh: Any, name: str) -> Any:
    if name.lower().endswith(".gz"):
        import gzip

        return gzip.GzipFile(fileobj=fh)
    return fh


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def _iter_url(url: str, options: IngestOptions) -> Iterator[Doc]:
    """A file or a folder of files on a pyarrow filesystem (S3, GCS, HDFS, file://)."""
    import pyarrow.fs as pafs

    try:
        fs, root = pafs.FileSystem.from_uri(url)
        info = fs.get_file_info(root)
    except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for bad URLs and missing credentials
        raise InputError(f"{url}: cannot open: {exc}") from exc
    if info.type == pafs.FileType.NotFound:
        raise InputError(f"{url}: no such file or directory")
    if info.type == pafs.FileType.Directory:
        infos = fs.get_file_info(pafs.FileSelector(root, recursive=True))
        paths = sorted(i.path for i in infos if i.type == pafs.FileType.File
                       and not any(part.startswith(".") for part in i.path[len(root):].split("/")))
    else:
        paths = [root]
    def head(f: PurePath) -> bytes:
        with fs.open_input_file(str(f)) as fh:
            return fh.read(BOILERPLATE_BYTES)  # type: ignore[no-any-return]

    # as `sitrep ingest` reads a folder of flattened pages
    boilerplate = folder_boilerplate([PurePosixPath(p) for p in paths], head) if len(paths) > 2 else {}
    prefix = url[: url.index("://") + 3]
    for path in paths:
        source = prefix + path.lstrip("/") if not prefix.startswith("file") else f"file://{path}"
        try:
            with fs.open_input_file(path) as fh:
                for doc in _iter_stream(fh, path, source, options):
                    yield with_site_boilerplate(doc, PurePosixPath(path), boilerplate)  # type: ignore[arg-type]
        except OSError as exc:
            yield Rejected(source, "unreadable", str(exc))


def _iter_stream(fh: Any, name: str, source: str, options: IngestOptions) -> Iterator[Doc]:
    from ..ingest import _looks_like_warc, _raw_from_bytes

    if _is_jsonl(name, options):
        yield from iter_jsonl(_maybe_gunzip(io.BufferedReader(fh), name), source, options)  # pyarrow files lack readline
        return
    head = fh.read(65536)
    fh.seek(0)
    if _looks_like_warc(head):
        yield from iter_warc(fh, source, options.max_bytes)
        return
    data = fh.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield Rejected(source, "too-large", f"more than {options.max_bytes} bytes; raise it with --max-bytes")
        return
    yield from _raw_from_bytes(data, source, options)
