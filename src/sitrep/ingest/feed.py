"""RSS / Atom feeds -> one ``RawDoc`` per entry, with the feed's author, date, title and link.

Reads: feed XML bytes, with feedparser (which copes with most broken feeds). Writes:
``RawDoc`` records of kind ``html`` (an entry's full content, else its summary) marked
``prefer_meta``: a feed states author and date more reliably than the page's markup.
A feed that cannot be read at all, or an entry with no text, becomes a ``Rejected``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from ..records import Rejected
from .raw import RawDoc


def iter_feed(data: bytes, source: str) -> Iterator[RawDoc | Rejected]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        yield Rejected(source, "bad-feed", f"no entries could be read{f' ({why})' if why else ''}")
        return
    if parsed.get("bozo"):
        # feedparser recovered what it could; the entries it found are still used
        yield Rejected(f"{source}#feed", "feed-partly-broken",
                       f"{parsed.get('bozo_exception')}; {len(entries)} entries recovered")
    for i, entry in enumerate(entries, start=1):
        link = entry.get("link")
        where = f"{source}#{link or entry.get('id') or i}"
        html = _entry_html(entry)
        if not html.strip():
            yield Rejected(where, "empty", "feed entry has no content or summary")
            continue
        yield RawDoc(html.encode("utf-8"), where, kind="html", url=link, published=_date(entry),
                     doc_id=str(entry.get("id") or ""), title=entry.get("title"), author=entry.get("author"),
                     source_format="feed", prefer_meta=True)


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    text = best if len(best) >= len(summary) else summary
    return text if "<" in text else "".join(f"<p>{p}</p>" for p in text.split("\n\n"))


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None
