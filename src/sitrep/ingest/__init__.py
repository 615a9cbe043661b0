"""Ingest: sources (files, directories, '-', JSONL, WARC, RSS/Atom) -> ``Article`` records.

Two steps, so that the costly one can run in worker processes (``sitrep.runner``):
``iter_raw`` reads containers cheaply into ``RawDoc``s (a directory's files, a WARC's
captures, a feed's entries, a JSONL file's lines), deciding what each is by content, not
only by extension; ``parse_raw`` turns one ``RawDoc`` into an ``Article`` with the reader
for its kind: ``html.py`` (trafilatura, fallbacks, comment guard) or ``text.py`` (the line
segmenter for flattened scrapes). A document that cannot be used becomes a ``Rejected``
with a reason; a path that does not exist raises ``InputError``. Nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, TypeVar

from ..errors import InputError, UnreadableDocument
from ..records import Article, Comment, Rejected
from .feed import iter_feed
from .html import article_from_html
from .meta import detect_language, site_from_url
from .raw import RawDoc
from .text import article_from_text, site_boilerplate
from .warc import iter_warc

__all__ = ["IngestOptions", "RawDoc", "read_sources", "read_path", "iter_raw", "parse_raw", "parse_bytes",
           "sniff", "article_from_text", "article_from_html", "read_one"]

#: Documents larger than this are rejected rather than read into memory.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: HTML pages larger than this are rejected: a page this big is a data dump or a broken
#: capture, and building its tree would take minutes and gigabytes.
DEFAULT_MAX_HTML_BYTES = 16 * 1024 * 1024


@dataclass
class IngestOptions:
    published: str | None = None  # reference date for documents that state none
    encoding: str | None = None  # force a text encoding instead of strict UTF-8
    jsonl_input: bool = False  # treat inputs as JSONL records {"id", "text"|"html", ...}
    max_bytes: int = DEFAULT_MAX_BYTES
    max_html_bytes: int = DEFAULT_MAX_HTML_BYTES


def read_sources(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | Rejected]:
    """Every Article (or Rejected) from a list of paths, directories and '-' (stdin)."""
    options = options or IngestOptions()
    for item in iter_raw(paths, options):
        yield item if isinstance(item, Rejected) else parse_raw(item, options)


def read_path(path: str, options: IngestOptions | None = None) -> Iterator[Article | Rejected]:
    return read_sources([path], options)


def iter_raw(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[RawDoc | Rejected]:
    """Every document of the inputs, unparsed; raises InputError for a missing path."""
    options = options or IngestOptions()
    for path in paths:
        if path == "-":
            yield from _raw_from_bytes(sys.stdin.buffer.read(), "<stdin>", options)
            continue
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file or directory")
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not _hidden(f, p))
            if not files:
                raise InputError(f"{path}: directory holds no files")
            boilerplate = folder_boilerplate(files)
            for f in files:
                for raw in _raw_from_file(f, options):
                    yield with_site_boilerplate(raw, f, boilerplate)
        else:
            yield from _raw_from_file(p, options)


#: Pages of a folder read to find the lines its pages share, and the bytes read of each.
BOILERPLATE_SAMPLE = 200
BOILERPLATE_BYTES = 1_000_000


def _read_head(f: PurePath) -> bytes:
    with open(f, "rb") as fh:
        return fh.read(BOILERPLATE_BYTES)


def with_site_boilerplate(raw: RawDoc | Rejected, path: PurePath,
                          boilerplate: dict[PurePath, frozenset[str]]) -> RawDoc | Rejected:
    """Give a flattened text page its folder's boilerplate lines (see ``folder_boilerplate``)."""
    if (isinstance(raw, RawDoc) and raw.kind == "text" and raw.source_format is None  # the file itself, not a record
            and path.parent in boilerplate):
        raw.site_boilerplate = boilerplate[path.parent]
    return raw


def folder_boilerplate(files: Sequence[PurePath], read: Callable[[PurePath], bytes] | None = None,
                       ) -> dict[PurePath, frozenset[str]]:
    """A folder of flattened text pages is usually one scrape of one site: the short lines that 3 or
    more of its pages and at least half of them share (menus, sign-up boxes, footers) are the site's
    boilerplate, never article text. HTML, feeds, archives and JSONL are left to their own readers.
    ``read``: the first bytes of a file (default: a local file), for other filesystems."""
    read = read or _read_head
    folders: dict[PurePath, list[PurePath]] = {}
    for f in files:
        folders.setdefault(f.parent, []).append(f)
    out: dict[PurePath, frozenset[str]] = {}
    for folder, members in folders.items():
        texts = []
        for f in members[:BOILERPLATE_SAMPLE]:
            try:
                data = read(f)
                if data[:2] == b"\x1f\x8b" or sniff(data, str(f)) != "text":
                    continue
            except (OSError, UnreadableDocument):
                continue  # the document's own reading reports it
            texts.append(data.decode("utf-8", errors="replace"))
        lines = site_boilerplate(texts, min_share=0.5, min_pages=3, max_chars=160)
        if lines:
            out[folder] = frozenset(lines)
    return out


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def _raw_from_file(p: Path, options: IngestOptions) -> Iterator[RawDoc | Rejected]:
    try:
        with p.open("rb") as fh:
            head = fh.read(65536)
            if _looks_like_warc(head):
                # archives are streamed record by record: no size limit on the file, only per record
                fh.seek(0)
                yield from iter_warc(fh, str(p), options.max_bytes)
                return
        size = p.stat().st_size
        if size > options.max_bytes:
            yield Rejected(str(p), "too-large", f"{size} bytes > limit {options.max_bytes}; raise it with --max-bytes")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Rejected(str(p), "unreadable", exc.strerror or str(exc))
        return
    yield from _raw_from_bytes(data, str(p), options)


def _looks_like_warc(head: bytes) -> bool:
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip()[:5].lower() == b"warc/"


def _raw_from_bytes(data: bytes, source: str, options: IngestOptions) -> Iterator[RawDoc | Rejected]:
    try:
        if data[:2] == b"\x1f\x8b":
            data = _gunzip(data, options.max_bytes)
        kind = sniff(data, source)
        if options.jsonl_input or kind == "jsonl":
            yield from _jsonl_raw(data, source, options)
        elif kind == "warc":
            yield from iter_warc(io.BytesIO(data), source, options.max_bytes)
        elif kind == "feed":
            yield from iter_feed(data, source)
        else:
            yield RawDoc(data, source, kind=kind)
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


#: magic numbers of formats that are documents but not ones sitrep reads
_FOREIGN = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP/Office", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
            b"GIF8": "GIF image", b"\xd0\xcf\x11\xe0": "MS Office"}


def sniff(data: bytes, source: str = "") -> str:
    """'html', 'jsonl', 'warc', 'feed', 'text', or raise UnreadableDocument for empty/binary data."""
    if not data.strip():
        raise UnreadableDocument("empty", "the document is empty")
    head = data[:4096]
    for magic, name in _FOREIGN.items():
        if head.startswith(magic):
            raise UnreadableDocument("unsupported-format", f"{name} file; sitrep reads text, HTML, JSONL, WARC and feeds")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument("binary", "binary data, not text, HTML or JSONL")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return "warc"
    if stripped.startswith(b"{") and (source.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json"))
                                      or head.lstrip().split(b"\n", 1)[0].rstrip().endswith(b"}")):
        return "jsonl"
    if _is_feed(stripped):
        return "feed"
    if stripped.startswith((b"<!doctype html", b"<html")) or b"<body" in stripped or b"<p>" in stripped:
        return "html"
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    if control > len(head) * 0.05:
        raise UnreadableDocument("binary", "binary data, not text, HTML or JSONL")
    return "text"


def _is_feed(head: bytes) -> bool:
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
        while head.startswith((b"<!--", b"<?")):  # comments and stylesheet instructions before the root
            end = head.find(b"-->" if head.startswith(b"<!--") else b"?>")
            head = head[end + 3 if head.startswith(b"<!--") else end + 2:].lstrip() if end >= 0 else b""
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


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


def parse_raw(raw: RawDoc, options: IngestOptions | None = None) -> Article | Rejected:
    """One document -> Article, or Rejected with the reason. Never raises for bad data."""
    options = options or IngestOptions()
    try:
        if raw.content_type and not _textual(raw.content_type) and not _starts_as_html(raw.data):
            raise UnreadableDocument("unsupported-content-type", raw.content_type)  # images, PDFs, scripts
        kind = raw.kind or sniff(raw.data, raw.source)
        if kind in ("warc", "feed", "jsonl"):
            raise UnreadableDocument("unsupported-format", f"a {kind} inside a {raw.source_format or 'container'}")
        art = parse_bytes(raw.data, kind, raw.source, options, url=raw.url, published=raw.published,
                          doc_id=raw.doc_id, title=raw.title, author=raw.author, prefer_meta=raw.prefer_meta,
                          site_boilerplate=raw.site_boilerplate)
    except UnreadableDocument as exc:
        return Rejected(raw.source, exc.reason, str(exc))
    if raw.source_format:
        art.source_format = f"{raw.source_format}/{art.source_format}"
    art.published = art.published or raw.captured
    return _finish(art)


def _starts_as_html(data: bytes) -> bool:
    return data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<!doctype html", b"<html"))


def _textual(content_type: str) -> bool:
    ct = content_type.split(";", 1)[0].strip().lower()
    return ct.startswith("text/") or ct in ("application/xhtml+xml", "application/xml", "") or ct.endswith("+xml")


def parse_bytes(data: bytes, kind: str, source: str, options: IngestOptions, **meta: Any) -> Article:
    """One document of a known kind -> Article; raises UnreadableDocument when it has no text.

    ``meta`` may give ``url``, ``published``, ``doc_id``, ``title``, ``author`` from the container;
    with ``prefer_meta`` the container's author and date win over the page's own.
    """
    published = options.published or meta.get("published")
    if kind == "html":
        if len(data) > options.max_html_bytes:
            raise UnreadableDocument("html-too-large", f"{len(data)} bytes of HTML > limit {options.max_html_bytes}; "
                                                       "raise it with --max-html-bytes")
        art = article_from_html(data, source=source, published=None if meta.get("prefer_meta") else published,
                                url=meta.get("url"), doc_id=meta.get("doc_id", ""))
        if art is None:
            raise UnreadableDocument("no-main-text", "no article text found in the HTML")
    elif kind in ("warc", "feed", "jsonl"):
        raise UnreadableDocument("unsupported-format", f"parse_bytes reads one document, not a {kind}; use read_sources")
    else:
        text = data.decode("utf-8") if kind == "text-utf8" else decode_text(data, options.encoding)
        art = article_from_text(text, source=source, published=published, url=meta.get("url"),
                                doc_id=meta.get("doc_id", ""), title=meta.get("title"),
                                site_boilerplate=meta.get("site_boilerplate") or ())
    # NUL characters mean nothing in news text, and PostgreSQL cannot store them
    art.body = _no_nul(art.body)
    art.title, art.author, art.url = _no_nul(art.title), _no_nul(art.author), _no_nul(art.url)
    art.comments = [Comment(_no_nul(c.text), _no_nul(c.author)) for c in art.comments]
    art.boilerplate = [_no_nul(b) for b in art.boilerplate]
    if meta.get("prefer_meta"):
        art.author = meta.get("author") or art.author
        art.published = published or art.published
        art.title = meta.get("title") or art.title
    else:
        art.title = art.title or meta.get("title")
        art.author = art.author or meta.get("author")
    return art


def _jsonl_raw(data: bytes, source: str, options: IngestOptions) -> Iterator[RawDoc | Rejected]:
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
        meta: dict[str, Any] = {"doc_id": _no_nul(str(rec.get("id") or "")), "url": _str(rec.get("url")),
                                "published": _str(rec.get("published")), "title": _str(rec.get("title")),
                                "author": _str(rec.get("author")), "source_format": "jsonl"}
        if isinstance(rec.get("html"), str) and rec["html"].strip():
            yield RawDoc(rec["html"].encode("utf-8"), where, kind="html", **meta)
        elif isinstance(rec.get("text"), str) and rec["text"].strip():
            # JSONL text is already decoded: it is re-encoded as UTF-8 whatever --encoding says
            yield RawDoc(rec["text"].encode("utf-8"), where, kind="text-utf8", **meta)
        else:
            yield Rejected(where, "empty", "record has no non-empty 'text' or 'html' field")


def _str(value: Any) -> str | None:
    return _no_nul(value) if isinstance(value, str) and value.strip() else None


_Text = TypeVar("_Text", str, None)


def _no_nul(text: _Text) -> _Text:
    """``text`` without NUL characters (meaningless in news text; PostgreSQL cannot store them)."""
    return text.replace("\x00", "") if text and "\x00" in text else text


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

