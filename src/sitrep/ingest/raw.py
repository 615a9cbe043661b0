"""``RawDoc``: one document's bytes and what its container says about it, before parsing.

Readers of containers (directories, WARC archives, feeds, JSONL files) yield ``RawDoc``s
cheaply; ``sitrep.ingest.parse_raw`` turns each into an ``Article`` (the costly part, run in
worker processes with ``--jobs``). Plain data, so it pickles to a process pool.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawDoc:
    data: bytes
    source: str  # path, path#record, path:line
    kind: str | None = None  # html | text | ...; None: decide from the bytes (``sniff``)
    content_type: str | None = None  # as the container declared it (HTTP header, feed)
    url: str | None = None
    published: str | None = None
    captured: str | None = None  # when a crawler fetched it: the date of last resort
    doc_id: str = ""
    title: str | None = None
    author: str | None = None
    source_format: str | None = None  # warc | feed | jsonl: the container, kept on the Article
    #: the container's own author/date beat what the page says (feeds state them reliably)
    prefer_meta: bool = False
    #: lines that repeat on many pages of the same folder of flattened pages (one scrape of a site):
    #: menus, sign-up boxes, footers, never article text (``ingest.text.site_boilerplate``)
    site_boilerplate: frozenset[str] = frozenset()
