"""WARC / WARC.gz archives -> one ``RawDoc`` per captured page (or a ``Rejected`` with a reason).

Reads: a WARC file, plain or gzipped (per-record members, as Common Crawl and CC-NEWS write
them), with fastwarc. Writes: ``RawDoc`` records (HTTP payload with chunked transfer and
gzip/deflate/brotli content encodings undone, URL, capture date, record id) for the readers.

Only ``response``, ``resource`` and ``conversion`` records hold documents; ``request``,
``warcinfo``, ``metadata`` and ``revisit`` records describe a capture and are passed over.
A truncated archive is never silently short: the record cut off and the truncation itself
are each recorded as ``Rejected``.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..records import Rejected
from .raw import RawDoc

_DOC_TYPES = ("response", "resource", "conversion")


def _gzip_error(fh: BinaryIO) -> str | None:
    """Why a (multi-member) gzip stream is broken, or None. fastwarc stops quietly at a
    truncated member, so the archive is checked once more here (decompression is cheap)."""
    fh.seek(0)
    try:
        with gzip.GzipFile(fileobj=fh) as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return str(exc) or exc.__class__.__name__
    return None


def iter_warc(fh: BinaryIO, source: str, max_bytes: int) -> Iterator[RawDoc | Rejected]:
    """Every document record of an open WARC stream (gzipped or not)."""
    from fastwarc.warc import ArchiveIterator

    gzipped = fh.read(2) == b"\x1f\x8b"
    fh.seek(0)
    n = 0
    for record in ArchiveIterator(fh, parse_http=False, auto_decode="none"):
        rtype = str(record.record_type).rsplit(".", 1)[-1]
        if rtype not in _DOC_TYPES:
            continue
        n += 1
        rid = (record.headers.get("WARC-Record-ID") or "").strip("<>")
        url = record.headers.get("WARC-Target-URI")
        where = f"{source}#{url or rid or n}"
        length = record.content_length
        if length > max_bytes:
            record.reader.consume()
            yield Rejected(where, "too-large", f"WARC record of {length} bytes > limit {max_bytes}")
            continue
        block = record.reader.read()
        if len(block) < length:
            yield Rejected(where, "truncated", f"WARC record cut off: {len(block)} of {length} bytes")
            continue
        date = (record.headers.get("WARC-Date") or "")[:10] or None
        if rtype == "response" and block.startswith(b"HTTP/"):
            try:
                status, headers, body = _split_http(block, max_bytes)
            except ValueError as exc:
                yield Rejected(where, "bad-http", str(exc))
                continue
            if not 200 <= status < 300:
                yield Rejected(where, f"http-{status}", "the capture is not a page (redirect or error)")
                continue
            ctype = headers.get("content-type", "")
        else:
            body, ctype = block, record.headers.get("Content-Type", "")
        yield RawDoc(body, where, content_type=ctype, url=url, captured=date, doc_id=rid, source_format="warc")
    if gzipped and (error := _gzip_error(fh)):
        yield Rejected(f"{source}#end", "truncated", f"the gzip stream ends early ({error}); "
                                                     f"{n} records read before it")


def _split_http(block: bytes, max_bytes: int) -> tuple[int, dict[str, str], bytes]:
    """HTTP response bytes -> (status, lower-cased headers, decoded body)."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep:
        raise ValueError("no end of HTTP headers")
    lines = head.decode("latin-1").splitlines()
    parts = lines[0].split(None, 2)
    if len(parts) < 2 or not parts[1].isdigit():
        raise ValueError(f"bad HTTP status line {lines[0][:60]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    for coding in reversed([c.strip().lower() for c in headers.get("content-encoding", "").split(",") if c.strip()]):
        body = _decode_content(body, coding, max_bytes)
    return int(parts[1]), headers, body


def _dechunk(body: bytes) -> bytes:
    """Undo HTTP chunked transfer coding; bodies that only claim to be chunked pass unchanged."""
    out = bytearray()
    pos = 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            break
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return body if not out else bytes(out)  # not really chunked (crawlers often re-encode)
        if size == 0:
            break
        out += body[eol + 2: eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)


def _decode_content(body: bytes, coding: str, max_bytes: int) -> bytes:
    if coding in ("identity", ""):
        return body
    try:
        if coding in ("gzip", "x-gzip"):
            d = zlib.decompressobj(wbits=47)  # gzip or zlib header
            out = d.decompress(body, max_bytes + 1)
        elif coding == "deflate":
            try:
                out = zlib.decompressobj().decompress(body, max_bytes + 1)
            except zlib.error:
                out = zlib.decompressobj(wbits=-15).decompress(body, max_bytes + 1)
        elif coding == "br":
            return _unbrotli(body)
        else:
            return body
    except zlib.error as exc:
        # many archives store the already-decoded body but keep the header; use it as it is
        if body[:2] == b"\x1f\x8b":
            raise ValueError(f"cannot undo content-encoding {coding}: {exc}") from exc
        return body
    return out


def _unbrotli(body: bytes) -> bytes:
    import brotli  # installed with fastwarc

    try:
        return bytes(brotli.decompress(body))
    except brotli.error as exc:
        raise ValueError(f"cannot undo content-encoding br: {exc}") from exc
