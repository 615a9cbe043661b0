"""Flattened text scrapes -> Article.

Reads: a page flattened to plain text (article, captions, bios, tags, reader comments,
menu words all mixed). Writes: an ``Article`` whose ``body`` holds only the article lines.

Each line gets a label from cues that hold across sites:
``title | article | caption | byline | bio | tags | navigation | comment | comment_meta | blank``.
Reader comments act as a wall: once a comment header ("Name says:", "Leave a Reply",
"23 comments") is seen, nothing after it is article text. Lines that look like menu words
after the comments are ``navigation``. Only ``article`` lines reach the event extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Article, Comment
from .meta import find_dateline

COMMENT_HEADER = re.compile(
    r"^[\u2022\u00b7*\-\u2013>]?\s*(?P<author>\S.{0,60}?)\s+(?:says|said|wrote|writes|replied|commented)\s*:?\s*$",
    re.IGNORECASE,
)
COMMENT_SECTION = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies)|comments?(?:\s*\(\d+\))?|leave a (?:reply|comment)"
    r"|join the (?:discussion|conversation)|reader comments|show comments|discussion)\s*:?$",
    re.IGNORECASE,
)
COMMENT_META = re.compile(
    r"^(?:reply|report|like|share|permalink|flag|\d+\s+(?:likes?|replies)|"
    r"(?:on\s+)?[A-Z][a-z]+ \d{1,2},? \d{4},? (?:at )?\d{1,2}:\d{2}\s*(?:am|pm)?)$",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^(?:screen ?shot|screenshot|image|photo|picture|credit|video|caption|file photo|photograph)\b"
    r"|\.(?:jpe?g|png|gif|webp)\b|\((?:photo|image|picture)[:\s]",
    re.IGNORECASE,
)
TAGS = re.compile(r"^(?:tags|tagged|tagged with|filed under|categories|category|topics|keywords)\s*:", re.IGNORECASE)
BYLINE = re.compile(r"^[Bb]y\s+(?P<author>[A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|de|al|van|von|bin)){0,4})\s*$")
BIO = re.compile(
    r"^(?P<author>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})\s+(?:is|was|has been)\s+(?:a|an|the)\b.{0,160}"
    r"\b(?:fellow|editor|correspondent|journalist|reporter|writer|analyst|author|contributor|researcher"
    r"|professor|director|columnist)\b",
    re.IGNORECASE,
)
NAV_PHRASES = re.compile(
    r"^(?:home|menu|search|subscribe|sign (?:in|up)|log ?in|share(?: this| on \w+)?|tweet|email|print"
    r"|advertisement|sponsored|related(?: articles| stories)?|read more|more stories|click here|follow us.*"
    r"|newsletter|privacy policy|terms of (?:use|service)|cookie.*|all rights reserved.*|\u00a9.*|copyright.*"
    r"|previous(?: article| post)?|next(?: article| post)?|back to top|skip to (?:main )?content)\W*$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?\u201d\"')\]:;]\s*$")


@dataclass
class Line:
    text: str
    label: str
    author: str | None = None


def _is_short_phrase(text: str, max_words: int = 5) -> bool:
    return len(text.split()) <= max_words and not SENTENCE_END.search(text)


def segment(text: str) -> list[Line]:
    """Label every line of a flattened page. See the module docstring for the labels."""
    raw = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    labels: list[Line] = []
    in_comments = False
    seen_article = False
    for i, line in enumerate(raw):
        if not line:
            labels.append(Line(line, "blank"))
            continue
        header = COMMENT_HEADER.match(line)
        if header and len(line) < 90:
            in_comments = True
            labels.append(Line(line, "comment_meta", header.group("author").strip()))
            continue
        if COMMENT_SECTION.match(line):
            in_comments = True
            labels.append(Line(line, "comment_meta"))
            continue
        if in_comments:
            if COMMENT_META.match(line):
                labels.append(Line(line, "comment_meta"))
            else:
                labels.append(Line(line, "comment"))
            continue
        if TAGS.match(line):
            labels.append(Line(line, "tags"))
        elif NAV_PHRASES.match(line):
            labels.append(Line(line, "navigation"))
        elif CAPTION.search(line) and len(line.split()) <= 30:
            labels.append(Line(line, "caption"))
        elif (m := BYLINE.match(line)) and len(line.split()) <= 8:
            labels.append(Line(line, "byline", m.group("author")))
        elif seen_article and (m := BIO.match(line)) and len(line.split()) <= 60:
            labels.append(Line(line, "bio", m.group("author")))
        elif not seen_article and _is_title(raw, i, labels):
            labels.append(Line(line, "title"))
        elif _is_short_phrase(line, 4):
            labels.append(Line(line, "navigation"))
        else:
            labels.append(Line(line, "article"))
            seen_article = True
    _relabel_trailing_navigation(labels)
    return labels


def _is_title(raw: list[str], i: int, labels: list[Line]) -> bool:
    """The first content line is a title when it is short, unpunctuated and text follows."""
    if any(lb.label in ("title", "article") for lb in labels):
        return False
    line = raw[i]
    if len(line.split()) > 25 or line.endswith((".", ",", ";")):
        return False
    return any(raw[j] for j in range(i + 1, min(len(raw), i + 6)))


def _relabel_trailing_navigation(labels: list[Line]) -> None:
    """Short lines at the very end, after a gap of blank lines, are menu words, not comments."""
    run: list[int] = []
    i = len(labels) - 1
    while i >= 0 and (labels[i].label == "blank" or (labels[i].label == "comment" and _is_short_phrase(labels[i].text, 4))):
        if labels[i].label == "comment":
            run.append(i)
        i -= 1
    if not run:
        return
    first = min(run)
    gap = 0
    j = first - 1
    while j >= 0 and labels[j].label == "blank":
        gap += 1
        j -= 1
    if gap >= 2:
        for k in run:
            labels[k].label = "navigation"


def article_from_text(
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    doc_id: str = "",
) -> Article:
    """Segment a flattened page and build its Article."""
    lines = segment(text)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    comments: list[Comment] = []
    boilerplate: list[str] = []
    author: str | None = None
    found_title: str | None = None
    for ln in lines:
        if ln.label == "article":
            current.append(ln.text)
            continue
        if current:
            paragraphs.append(current)
            current = []
        if ln.label == "title" and found_title is None:
            found_title = ln.text
        elif ln.label in ("byline", "bio"):
            author = author or ln.author
            boilerplate.append(ln.text)
        elif ln.label in ("caption", "tags", "navigation"):
            boilerplate.append(ln.text)
        elif ln.label == "comment_meta" and ln.author:
            comments.append(Comment(text="", author=ln.author))
        elif ln.label == "comment":
            if not comments:
                comments.append(Comment(text="", author=None))
            c = comments[-1]
            c.text = f"{c.text}\n{ln.text}" if c.text else ln.text
    if current:
        paragraphs.append(current)
    body = "\n\n".join("\n".join(p) for p in paragraphs)
    comments = [c for c in comments if c.text]
    if published is None:
        published = find_dateline(_header_lines(lines))
    return Article(
        body=body,
        id=doc_id,
        url=url,
        title=title or found_title,
        author=author,
        published=published,
        comments=comments,
        boilerplate=boilerplate,
        source=source,
        source_format="text",
    )


def _header_lines(lines: list[Line]) -> list[str]:
    """Short non-article lines before the first article line: where a dateline sits."""
    out: list[str] = []
    for ln in lines:
        if ln.label == "article":
            break
        if ln.label in ("navigation", "byline"):
            out.append(ln.text)
    return out
