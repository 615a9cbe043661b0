"""Flattened text scrapes -> Article.

Reads: a page flattened to plain text (article, captions, bios, tags, reader comments,
menu words all mixed). Writes: an ``Article`` whose ``body`` holds only the article lines.

Each line gets a label:
``title | article | caption | byline | bio | tags | navigation | comment | comment_meta |
uncertain | blank``. A text with no page furniture (a note, a news body) is kept whole. On a
flattened page, the line model (``linemodel.py``, weights fitted on flattened pages) scores
each line article / comment / other; own cues (tags, captions, bylines, bios, menu words,
lines repeated across the site's pages) label furniture; lines in between are ``uncertain``
(kept in ``boilerplate``, never event-coded). The article decision uses the line scores
smoothed along the page (a sticky article / other chain, forward-backward), so that a lone
article-like line among menus drops out and a weak line inside the article stays in.

Reader comments act as a wall: from the first comment cue ("Name says:", "23 comments") or
run of dated headers right after article text, or — after the page's main run of prose — from
the first of three comment marks (dated headers, "Reply", vote counts, cues) within 40 lines,
nothing is article text. A cue above a much longer article (a share bar's "Comment", a "61
comments" link) opens no wall unless comment headers follow it; a dated line heading a long
unmarked stretch of article text is a dateline. Only ``article`` lines reach the event extractor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np

from ..records import Article, Comment
from .linemodel import (
    CAPTION,
    COMMENT_HEADER,
    COMMENT_META,
    COMMENT_SECTION,
    NAV,
    SENTENCE_END,
    TAGS,
    comment_marks,
    features,
    is_comment_cue,
    is_comment_stamp,
    load_weights,
    main_run,
    predict,
    word_count,
)
from .meta import find_dateline

BYLINE = re.compile(r"^[Bb]y\s+(?P<author>[A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|de|al|van|von|bin)){0,4})\s*$")
BIO = re.compile(
    r"^(?P<author>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})\s+(?:is|was|has been)\s+(?:a|an|the)\b.{0,160}"
    r"\b(?:fellow|editor|correspondent|journalist|reporter|writer|analyst|author|contributor|researcher"
    r"|professor|director|columnist)\b",
    re.IGNORECASE,
)
NAV_PHRASES = NAV


@dataclass
class Line:
    text: str
    label: str
    author: str | None = None


def _is_short_phrase(text: str, max_words: int = 5) -> bool:
    return len(text.split()) <= max_words and not SENTENCE_END.search(text)


_DATEISH = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:.]\d{2}\b")


def _furniture(line: str, *, after_article: bool) -> tuple[str, str | None] | None:
    """The label a line's own cues give it (tags, caption, byline, bio, menu words), or None."""
    if TAGS.match(line):
        return "tags", None
    if NAV_PHRASES.match(line):
        return "navigation", None
    if CAPTION.search(line) and len(line.split()) <= 30:
        return "caption", None
    if (m := BYLINE.match(line)) and len(line.split()) <= 8:
        return "byline", m.group("author")
    if after_article and (m := BIO.match(line)) and len(line.split()) <= 60:
        return "bio", m.group("author")
    return None


def _has_furniture(lines: list[str]) -> bool:
    """Whether a text looks like a flattened page (menus, comment headers, tag lines...) rather
    than a plain note or news body, which is kept whole."""
    short = sum(_is_short_phrase(ln, 4) for ln in lines[1:])
    return short >= 2 or any(is_comment_cue(ln) or COMMENT_META.match(ln) or NAV_PHRASES.match(ln)
                             or TAGS.match(ln) or CAPTION.search(ln) for ln in lines)


def segment(text: str, *, site_boilerplate: Collection[str] = ()) -> list[Line]:
    """Label every line of a flattened page. See the module docstring for the labels.

    ``site_boilerplate``: lines known to repeat across pages of the same site (see
    ``site_boilerplate``); they are never article text.
    """
    raw = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out = [Line(ln, "blank") for ln in raw]
    idx = [i for i, ln in enumerate(raw) if ln]
    lines = [raw[i] for i in idx]
    if not lines:
        return out
    labels = _segment_page(lines, site_boilerplate) if _has_furniture(lines) else _segment_plain(lines)
    for i, (label, author) in zip(idx, labels):
        out[i].label, out[i].author = label, author
    _relabel_trailing_navigation(out)
    return out


def _segment_plain(lines: list[str]) -> list[tuple[str, str | None]]:
    """A text with no page furniture: an optional title, byline and dateline, then the body."""
    labels: list[tuple[str, str | None]] = []
    seen_article = False
    for i, line in enumerate(lines):
        cue = _furniture(line, after_article=seen_article)
        if cue and cue[0] in ("byline", "bio"):
            labels.append(cue)
        elif not seen_article and i == 0 and len(lines) > 1 and len(line.split()) <= 25 \
                and not line.endswith((".", ",", ";")):
            labels.append(("title", None))
        elif not seen_article and _DATEISH.search(line) and _is_short_phrase(line, 6):
            labels.append(("navigation", None))  # a dateline
        else:
            labels.append(("article", None))
            seen_article = True
    return labels


def _segment_page(lines: list[str], site_boilerplate: Collection[str]) -> list[tuple[str, str | None]]:
    """A flattened page: the line model scores each line, then the page's structure decides."""
    model = load_weights()
    t_article, t_uncertain = model["thresholds"]["article"], model["thresholds"]["uncertain"]
    probs = predict(features(lines), model)
    wall = _comment_wall(lines, probs[:, 0] >= t_article)
    # the wall is placed on the lines' own scores; the article decision on scores smoothed along the page
    # (captions, bylines and datelines inside the article say nothing about their neighbours)
    neutral = np.array([_furniture(ln, after_article=True) is not None or is_comment_stamp(ln) for ln in lines])
    probs = _smooth(probs, model["thresholds"].get("stay", 0.5), neutral)
    labels: list[tuple[str, str | None]] = []
    seen_article = False
    for i, line in enumerate(lines):
        p_article, p_comment, _ = probs[i]
        header = COMMENT_HEADER.match(line) if len(line) < 90 else None
        if i >= wall:
            if header or COMMENT_SECTION.match(line) or COMMENT_META.match(line) or is_comment_stamp(line):
                labels.append(("comment_meta", header.group("author").strip() if header else None))
            elif _is_short_phrase(line, 4) and probs[i][2] > 0.5:
                labels.append(("navigation", None))
            else:
                labels.append(("comment", None))
            continue
        cue = _furniture(line, after_article=seen_article)
        if cue:
            labels.append(cue)
        elif line in site_boilerplate:
            labels.append(("navigation", None))
        elif not seen_article and is_comment_stamp(line):
            labels.append(("navigation", None))  # a dateline above the article
        elif is_comment_cue(line):
            labels.append(("comment_meta", header.group("author").strip() if header else None))
        elif p_article >= t_article:
            labels.append(("article", None))
            seen_article = True
        elif p_comment > max(p_article, probs[i][2]):
            labels.append(("comment", None))
        elif p_article >= t_uncertain:
            labels.append(("uncertain", None))
        else:
            labels.append(("navigation", None))
    # a sentence the model left out right beside article text is article text (the model, and the
    # smoothing, are shy at a run's edges); menu words and the site's boilerplate stay out
    for i in [*range(wall), *range(wall - 1, -1, -1)]:
        if labels[i][0] in ("uncertain", "navigation") and word_count(lines[i]) >= 8 and SENTENCE_END.search(lines[i]) \
                and not NAV_PHRASES.match(lines[i]) and lines[i] not in site_boilerplate and (
                (i > 0 and labels[i - 1][0] == "article") or (i + 1 < wall and labels[i + 1][0] == "article")):
            labels[i] = ("article", None)
    if not seen_article:
        # a short page the model cannot place (a note and a comment): its sentences are the body
        for i in range(wall):
            if labels[i][0] in ("uncertain", "navigation") and len(lines[i].split()) >= 5 \
                    and SENTENCE_END.search(lines[i]) and not NAV_PHRASES.match(lines[i]):
                labels[i] = ("article", None)
    _place_title(lines, labels)
    return labels


def _smooth(probs: np.ndarray, stay: float, neutral: np.ndarray) -> np.ndarray:
    """Forward-backward over the lines with a sticky two-state chain (article / not article; the
    model's article probability as the evidence, ``stay`` the chance that the next line keeps the
    state): each line's article probability takes its neighbours' into account. ``stay=0.5``
    leaves the probabilities as they are. ``neutral`` lines give no evidence either way."""
    n = len(probs)
    e = np.stack([probs[:, 0], 1.0 - probs[:, 0]], axis=1).clip(1e-6, 1.0)
    e[neutral] = 0.5
    T = np.array([[stay, 1 - stay], [1 - stay, stay]])
    fwd = np.zeros((n, 2))
    bwd = np.ones((n, 2))
    f = np.array([0.5, 0.5]) * e[0]
    fwd[0] = f / f.sum()
    for i in range(1, n):
        f = (fwd[i - 1] @ T) * e[i]
        fwd[i] = f / f.sum()
    for i in range(n - 2, -1, -1):
        b = T @ (e[i + 1] * bwd[i + 1])
        bwd[i] = b / b.sum()
    post = fwd * bwd
    post /= post.sum(axis=1, keepdims=True)
    out = probs.copy()
    rest = probs[:, 1:].sum(axis=1).clip(1e-9)
    out[:, 0] = post[:, 0]
    out[:, 1:] = probs[:, 1:] / rest[:, None] * post[:, 1:2]
    return out


def _comment_wall(lines: list[str], article_like: np.ndarray, min_words: int = 40, window: int = 6) -> int:
    """Where the comment section starts: the first comment cue ("Name says:", "12 Comments") or
    the first of two or more dated headers, once the article has run ``min_words`` words.
    Nothing from there on is article text."""
    stamps = np.array([is_comment_stamp(ln) for ln in lines], dtype=int)
    counts = np.array([word_count(ln) for ln in lines]) * article_like
    after = np.cumsum(counts[::-1])[::-1]  # article-like words from each line on
    marks = comment_marks(lines)
    # comment headers proper (dated lines, "Name says:"), not share bars: they confirm a section
    headers = np.array([bool(stamps[i]) or (len(ln) < 90 and bool(COMMENT_HEADER.match(ln))) for i, ln in enumerate(lines)],
                       dtype=int)
    late = _late_wall(lines, marks)
    words, prose_words, last_text = 0, 0, -(10 ** 6)
    for i, line in enumerate(lines[:late]):
        # a cue right after article text, not a "12 comments" link in the page header, nor
        # a share bar or a dated teaser above a much longer article
        near = i - last_text <= window
        header_area = after[i] > 3 * max(words, prose_words) and words < 150
        if is_comment_cue(line) and near and prose_words >= 5 and (not header_area or headers[i + 1:i + 40].sum() >= 2):
            return i
        if stamps[i] and near and words >= min_words and stamps[i:i + 40].sum() >= 2 and not header_area \
                and not _dateline(i, marks, counts):
            return i
        n = word_count(line)
        sentence = n >= 5 and bool(SENTENCE_END.search(line))
        if article_like[i]:
            words += n
        if article_like[i] or (words == 0 and sentence):  # a page the model finds no article in: its prose
            last_text = i
            prose_words += n
    return late


def _dateline(i: int, marks: np.ndarray, article_words: np.ndarray, max_words: int = 150) -> bool:
    """Whether the dated line ``i`` heads a long stretch of article-like text with no comment mark:
    a post's dateline, not a comment's."""
    nxt = next((j for j in range(i + 1, len(marks)) if marks[j]), len(marks))
    return float(article_words[i + 1:nxt].sum()) > max_words


def _late_wall(lines: list[str], marks: np.ndarray, span: int = 40) -> int:
    """After the page's main run of prose, the first of two or more comment marks
    within ``span`` lines starts the comment section."""
    last = main_run(lines, breaks=set(np.flatnonzero(marks).tolist()))[1]
    for i in range(last + 1, len(lines)):
        if marks[i] and marks[i:i + span].sum() >= 3:
            return i
    return len(lines)


def _place_title(lines: list[str], labels: list[tuple[str, str | None]]) -> None:
    """The title: the nearest headline-like line above the first article line."""
    start = next((i for i, (lb, _) in enumerate(labels) if lb == "article"), None)
    if start is None:
        return
    for j in range(start, max(start - 9, -1), -1):
        if labels[j][0] in ("navigation", "uncertain") or (j == start and start + 1 < len(lines)):
            if _headline_like(lines[j]):
                labels[j] = ("title", None)
                return


def _headline_like(line: str) -> bool:
    words = len(line.split())
    return 3 <= words <= 25 and not SENTENCE_END.search(line) and not _DATEISH.search(line) \
        and not NAV_PHRASES.match(line)


def site_boilerplate(pages: Iterable[str], min_share: float = 0.5, min_pages: int = 2,
                     max_chars: int | None = None) -> set[str]:
    """Lines that repeat across pages of one site (menus, footers, sign-up boxes): the lines found
    on at least ``min_share`` of the pages and on ``min_pages`` of them at least; with ``max_chars``,
    only lines that short (two wire copies of one story share their long paragraphs too)."""
    seen: Counter[str] = Counter()
    n = 0
    for text in pages:
        n += 1
        seen.update({ln.strip() for ln in text.splitlines()
                     if ln.strip() and (max_chars is None or len(ln.strip()) <= max_chars)})
    if n < min_pages:
        return set()
    return {ln for ln, c in seen.items() if c >= max(min_pages, min_share * n)}

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
    site_boilerplate: Collection[str] = (),
) -> Article:
    """Segment a flattened page and build its Article. Lines the segmenter cannot place
    (``uncertain``) stay out of the body and are kept in ``boilerplate``."""
    lines = segment(text, site_boilerplate=site_boilerplate)
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
        elif ln.label in ("caption", "tags", "navigation", "uncertain"):
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
