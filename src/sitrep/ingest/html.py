"""HTML pages -> Article, with trafilatura, readability-lxml as fallback, and a comment guard.

Reads: raw HTML bytes or text. Writes: an ``Article`` with the main text as ``body``,
reader comments apart, and the page's metadata (title, author, date, site).
Returns None (the caller records why) when no main text is found.

Three layers, each for a failure the one before has:
1. trafilatura (``bare_extraction(..., with_metadata=True, include_comments=True)``) finds
   the main text and metadata;
2. when it returns nothing, readability-lxml's main-content summary, then the whole page
   flattened to lines, are segmented like a text scrape (``text.py``);
3. trafilatura alone lets about 9% of comment snippets into the body (comment widgets it does
   not know: "kommentar-text", review widgets, forum replies). ``comment_blocks`` finds
   comment containers by their class/id names and drops body lines that come from them.
"""

from __future__ import annotations

import logging
import re

from ..errors import UnreadableDocument
from ..records import Article, Comment
from .meta import site_from_url

log = logging.getLogger(__name__)

#: class/id tokens of comment containers, across CMSs and languages (WordPress "comment-list",
#: Disqus, German "kommentar", review widgets, forum messages). Matched per token.
_COMMENT_TOKEN = re.compile(
    r"(?:^|[-_\s])(?:comments?|commentlist|kommentare?|komment\w*|respond|replies|reply|disqus\w*"
    r"|reviews?|rev|bb_message|discussion|user-?content)(?:$|[-_\s\d])"
    r"|[a-z]Comment|^comment|^kommentar",
    re.IGNORECASE,
)
#: tokens that mention comments without being the comment section (WordPress body classes, counters).
_NOT_COMMENT = re.compile(
    r"comments?-(?:open|closed|count|link|number|icon|btn|button|toggle)|has-comments|no-comments|comment-?form"
    r"|reply-title|respond-title"
    # WordPress post classes name the post's tags and categories ("tag-review", "category-comments")
    r"|^(?:tag|category|cat|post|format|topic)-",
    re.IGNORECASE,
)
_NEVER_COMMENT_TAGS = {"html", "body", "main", "head", "script", "style", "form"}
#: body lines shorter than this are not dropped on a comment match alone (too easily shared)
_MIN_GUARD_CHARS = 12

_DROP = ("script", "style", "nav", "footer", "header", "aside", "form", "noscript", "template")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote",
           "ul", "ol", "table", "figure", "figcaption", "dd", "dt", "pre", "hr", "header", "footer", "main")


#: legacy encodings seen on news sites, most used first (charset_normalizer's names)
_WEB_ENCODINGS = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "cp1256", "cp1250", "iso8859_2", "koi8_r",
                  "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "iso8859_6", "iso8859_7", "cp1253", "cp1254",
                  "iso8859_9", "cp1255", "cp874")


def decode_html(data: bytes | str) -> str:
    """HTML bytes -> text. UTF-8 when it decodes; else the declared charset unless a detector
    finds a better one (pages often declare a charset they are not in: cp1256 Arabic sent as
    ISO-8859-1, Latin-1 sent as UTF-8)."""
    if isinstance(data, str):
        return data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000], cp_isolation=list(_WEB_ENCODINGS)))
    if results:
        # near-ties are common (French reads the same in cp1252 and cp1250 but for a few
        # letters): among the cleanest decodings take the one most used on the web
        least = min(r.chaos for r in results)
        best = min((r for r in results if r.chaos <= least + 0.02), key=lambda r: _WEB_ENCODINGS.index(r.encoding))
        return data.decode(best.encoding, errors="replace")
    declared = _declared_charset(data)
    for enc in (declared, "cp1252"):
        if enc:
            try:
                return data.decode(enc, errors="replace")
            except LookupError:
                continue
    raise UnreadableDocument("bad-encoding", "cannot tell the page's text encoding")


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii", "replace") if m else None


def article_from_html(
    html: bytes | str,
    *,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    doc_id: str = "",
) -> Article | None:
    import trafilatura  # lazy: ~0.3 s import, only needed for HTML

    text_html = decode_html(html)
    # trafilatura logs junk pages at ERROR level; sitrep records its own reason instead
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("readability").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        text_html,
        url=url,
        with_metadata=True,
        include_comments=True,
        include_tables=True,  # tables in news pages are mostly results and casualty lists, part of the story
        deduplicate=False,
    )
    data = doc.as_dict() if doc is not None else {}
    text: str = data.get("text") or ""
    title: str | None = data.get("title")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    comments_text: str = data.get("comments") or ""
    comments = [Comment(text=c.strip()) for c in comments_text.split("\n") if c.strip()]
    guard = comment_blocks(text_html)
    # a body line that is also a comment line, or that sits in a comment container, leaked in
    comment_set = {_norm(c.text) for c in comments}
    kept = [ln for ln in lines if _norm(ln) not in comment_set and not _in_comments(ln, guard)]
    if guard and lines and not kept:
        kept = lines  # the "comment" containers held the whole text: a forum or Q&A page, keep it
    if not kept:
        return _fallback(text_html, source=source, url=url, published=published, doc_id=doc_id,
                         title=title, author=data.get("author"), date=data.get("date"))
    if not comments:
        comments = [Comment(text=t) for t in guard]
    page_url = url or data.get("url")
    return Article(
        body="\n\n".join(kept),
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


def _norm(text: str) -> str:
    return " ".join(text.split())


def _in_comments(line: str, guard: list[str]) -> bool:
    n = _norm(line)
    return len(n) >= _MIN_GUARD_CHARS and any(n in block for block in guard)


def _is_comment_container(el: object) -> bool:
    tag = getattr(el, "tag", None)
    if not isinstance(tag, str) or tag in _NEVER_COMMENT_TAGS:
        return False
    names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()  # type: ignore[attr-defined]
    if not names:
        return False
    tokens = [t for t in names.split() if not _NOT_COMMENT.search(t)]
    return any(_COMMENT_TOKEN.search(t) for t in tokens)


def comment_blocks(html: str) -> list[str]:
    """Normalised text of each outermost comment container of the page.

    A container that holds the page's headline (``h1``) or an ``article`` element is not a
    comment section but a wrapper that happens to carry the word, and is passed over.
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    out: list[str] = []
    stack = [root]
    while stack:
        el = stack.pop()
        if _is_comment_container(el) and el.find(".//h1") is None and el.find(".//article") is None:
            text = _norm(el.text_content())
            if text:
                out.append(text)
            continue  # outermost only
        stack.extend(child for child in el if isinstance(child.tag, str) and child.tag not in ("script", "style"))
    return out


def flatten_html(html: bytes | str) -> str:
    """A page as a text scrape sees it: visible text, one block element per line."""
    import lxml.etree
    import lxml.html

    text_html = decode_html(html)
    try:
        root = lxml.html.fromstring(text_html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in list(root.iter("script", "style", "noscript", "template", "head")):
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.tag in _BLOCKS and el.tag != "br":
            el.text = "\n" + (el.text or "")
    lines = [" ".join(ln.split()) for ln in root.text_content().split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def _fallback(html: str, *, source: str | None, url: str | None, published: str | None,
              doc_id: str, title: str | None = None, author: str | None = None,
              date: str | None = None) -> Article | None:
    """Pages trafilatura declines: readability-lxml's main content, else the whole page,
    segmented like a text scrape (so comments and menus are still kept apart)."""
    from .text import article_from_text

    for text in (_readability_text(html), _stripped_text(html)):
        if not text.strip():
            continue
        art = article_from_text(text, source=source, url=url, published=published or date, doc_id=doc_id)
        art.source_format = "html"
        art.title = title or art.title
        art.author = author or art.author
        if art.body.strip():
            return art
    return None


def _readability_text(html: str) -> str:
    try:
        from readability import Document

        summary = Document(html).summary(html_partial=True)
    except Exception as exc:  # readability raises bare Exceptions on odd markup; the next layer tries
        log.debug("readability failed: %s", exc)
        return ""
    return flatten_html(summary)


def _stripped_text(html: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content()
