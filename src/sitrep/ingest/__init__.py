"""Ingest: sources (files, directories, '-', JSONL) -> ``Article`` records.

Reads bytes, decides what they are by content (not only by extension), and hands them to
the reader for that kind: ``text.py`` for flattened scrapes, ``html.py`` for HTML,
JSONL records inline. A document that cannot be used becomes a ``Rejected`` with a reason;
a path that does not exist raises ``InputError``. Nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, UnreadableDocument
from ..records import Article, Rejected
from .html import article_from_html
from .meta import detect_language, site_from_url
from .text import article_from_text

__all__ = ["IngestOptions", "read_sources", "read_path", "parse_bytes", "article_from_text", "article_from_html"]

#: Documents larger than this are rejected rather than read into memory.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


@dataclass
class IngestOptions:
    published: str | None = None  # reference date for documents that state none
    encoding: str | None = None  # force a text encoding instead of strict UTF-8
    jsonl_input: bool = False  # treat inputs as JSONL records {"id", "text"|"html", ...}
    max_bytes: int = DEFAULT_MAX_BYTES


def read_sources(paths: list[str], options: IngestOptions | None = None) -> Iterator[Article | Rejected]:
    """Every Article (or Rejected) from a list of paths, directories and '-' (stdin)."""
    options = options or IngestOptions()
    for p in paths:
        yield from read_path(p, options)


def read_path(path: str, options: IngestOptions | None = None) -> Iterator[Article | Rejected]:
    options = options or IngestOptions()
    if path == "-":
        data = sys.stdin.buffer.read()
        yield from _read_bytes(data, "<stdin>", options)
        return
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or directory")
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and not _hidden(f, p))
        if not files:
            raise InputError(f"{path}: directory holds no files")
        for f in files:
            yield from _read_file(f, options)
        return
    yield from _read_file(p, options)


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def _read_file(p: Path, options: IngestOptions) -> Iterator[Article | Rejected]:
    try:
        size = p.stat().st_size
        if size > options.max_bytes:
            yield Rejected(str(p), "too-large", f"{size} bytes > limit {options.max_bytes}; raise it with --max-bytes")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Rejected(str(p), "unreadable", exc.strerror or str(exc))
        return
    yield from _read_bytes(data, str(p), options)


def _read_bytes(data: bytes, source: str, options: IngestOptions) -> Iterator[Article | Rejected]:
    try:
        if data[:2] == b"\x1f\x8b":
            data = _gunzip(data, options.max_bytes)
        kind = sniff(data, source)
        if options.jsonl_input or kind == "jsonl":
            yield from _read_jsonl(data, source, options)
            return
        yield _finish(parse_bytes(data, kind, source, options))
    except UnreadableDocument as exc:
        yield Rejected(source, exc.reason, str(exc))


def _gunzip(data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise UnreadableDocument("bad-gzip", f"gzip data is truncated or corrupt: {exc}") from exc
    if len(out) > limit:
        raise UnreadableDocument("too-large", f"decompressed size exceeds {limit} bytes")
    return out


def sniff(data: bytes, source: str = "") -> str:
    """'html', 'jsonl', 'warc', 'feed', 'text', or raise UnreadableDocument for empty/binary data."""
    if not data.strip():
        raise UnreadableDocument("empty", "the document is empty")
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument("binary", "binary data, not text, HTML or JSONL")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return "warc"
    if stripped.startswith(b"{") and (source.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json"))
                                      or head.lstrip().split(b"\n", 1)[0].rstrip().endswith(b"}")):
        return "jsonl"
    if stripped.startswith((b"<!doctype html", b"<html")) or b"<body" in stripped or b"<p>" in stripped:
        return "html"
    if stripped.startswith(b"<?xml") and (b"<rss" in stripped or b"<feed" in stripped):
        return "feed"
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    if control > len(head) * 0.05:
        raise UnreadableDocument("binary", "binary data, not text, HTML or JSONL")
    return "text"


def decode_text(data: bytes, encoding: str | None = None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise UnreadableDocument("bad-encoding", f"cannot decode as {encoding}: {exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            "invalid-utf8",
            f"not valid UTF-8 (bad byte at offset {exc.start}); name its encoding with --encoding, e.g. --encoding cp1252",
        ) from exc


def parse_bytes(data: bytes, kind: str, source: str, options: IngestOptions, **meta: Any) -> Article:
    """One document of a known kind -> Article; raises UnreadableDocument when it has no text."""
    if kind == "html":
        art = article_from_html(data, source=source, published=options.published or meta.get("published"),
                                url=meta.get("url"), doc_id=meta.get("doc_id", ""))
        if art is None:
            raise UnreadableDocument("no-main-text", "no article text found in the HTML")
        return art
    if kind in ("warc", "feed"):
        raise UnreadableDocument("unsupported-format", f"{kind.upper()} input is not supported yet; convert it to HTML or JSONL")
    text = decode_text(data, options.encoding)
    return article_from_text(text, source=source, published=options.published or meta.get("published"),
                             url=meta.get("url"), doc_id=meta.get("doc_id", ""))


def _read_jsonl(data: bytes, source: str, options: IngestOptions) -> Iterator[Article | Rejected]:
    text = decode_text(data, options.encoding)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(where, "bad-json", exc.msg)
            continue
        if not isinstance(rec, dict):
            yield Rejected(where, "bad-json", "each line must be a JSON object")
            continue
        doc_id = str(rec.get("id") or "")
        meta = {"doc_id": doc_id, "url": rec.get("url"), "published": rec.get("published")}
        try:
            if isinstance(rec.get("html"), str) and rec["html"].strip():
                art = parse_bytes(rec["html"].encode("utf-8"), "html", where, options, **meta)
            elif isinstance(rec.get("text"), str) and rec["text"].strip():
                art = article_from_text(rec["text"], source=where, url=rec.get("url"),
                                        published=rec.get("published") or options.published,
                                        title=rec.get("title"), doc_id=doc_id)
                art.source_format = "jsonl"
            else:
                raise UnreadableDocument("empty", "record has no non-empty 'text' or 'html' field")
        except UnreadableDocument as exc:
            yield Rejected(where, exc.reason, str(exc))
            continue
        yield _finish(art)


def _finish(art: Article) -> Article | Rejected:
    if not art.body.strip():
        return Rejected(art.source or "?", "no-article-text", "nothing left after removing comments and boilerplate")
    art.language = art.language or detect_language(art.body)
    art.site = art.site or site_from_url(art.url)
    if art.published and len(art.published) > 10:
        art.published = art.published[:10]
    return art


def read_one(path: str, options: IngestOptions | None = None) -> Article:
    """Exactly one Article from ``path``; raises InputError with the reason otherwise."""
    results = list(read_path(path, options))
    arts = [r for r in results if isinstance(r, Article)]
    if not arts:
        rej = next((r for r in results if isinstance(r, Rejected)), None)
        raise InputError(rej.message() if rej else f"{path}: no document found")
    return arts[0]

