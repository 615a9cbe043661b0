"""HTML pages -> Article, with trafilatura.

Reads: raw HTML bytes or text. Writes: an ``Article`` with the main text as ``body``,
reader comments apart, and the page's metadata (title, author, date, site).
Returns None (the caller records why) when no main text is found.
"""

from __future__ import annotations

import logging

from ..records import Article, Comment
from .meta import site_from_url

log = logging.getLogger(__name__)


def article_from_html(
    html: bytes | str,
    *,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    doc_id: str = "",
) -> Article | None:
    import trafilatura  # lazy: ~0.3 s import, only needed for HTML

    # trafilatura logs junk pages at ERROR level; sitrep records its own reason instead
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=True,
        include_tables=False,
        deduplicate=False,
    )
    if doc is None:
        return _fallback(html, source=source, url=url, published=published, doc_id=doc_id)
    data = doc.as_dict()
    text: str = data.get("text") or ""
    title: str | None = data.get("title")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    if not lines:
        return _fallback(html, source=source, url=url, published=published, doc_id=doc_id)
    comments_text: str = data.get("comments") or ""
    comments = [Comment(text=c.strip()) for c in comments_text.split("\n") if c.strip()]
    # guard: a body line that is also a comment line is comment text that leaked in
    comment_set = {c.text for c in comments}
    lines = [ln for ln in lines if ln not in comment_set]
    page_url = url or data.get("url")
    return Article(
        body="\n\n".join(lines),
        id=doc_id,
        url=page_url,
        site=data.get("sitename") or site_from_url(page_url),
        title=title,
        author=data.get("author"),
        published=published or data.get("date"),
        comments=comments,
        source=source,
        source_format="html",
    )


_DROP = ("script", "style", "nav", "footer", "header", "aside", "form", "noscript", "template")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote")


def _fallback(html: bytes | str, *, source: str | None, url: str | None, published: str | None,
              doc_id: str) -> Article | None:
    """Fragments and odd pages trafilatura declines: strip markup, then segment the text like a scrape."""
    import lxml.etree
    import lxml.html

    from .text import article_from_text

    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    for el in root.iter(*_DROP):
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    if not text.strip():
        return None
    art = article_from_text(text, source=source, url=url, published=published, doc_id=doc_id)
    art.source_format = "html"
    return art if art.body.strip() else None
