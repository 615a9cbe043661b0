"""Line features and the small line classifier behind the flattened-text segmenter.

Reads: the non-blank lines of one flattened page. Writes: per line, the probabilities of
``article | comment | other`` from a multinomial logistic regression over language-light
features (length, punctuation, stopword share, position relative to the page's longest run of
prose, comment cues seen so far, lines repeated on the page).

The weights (``sitrep/data/segmenter.json``, data card beside it) were fitted by
``benchmarks/train_segmenter.py`` on pages of the shared development data flattened to text;
only numbers ship with the package, never page text.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .meta import _STOP

CLASSES = ("article", "comment", "other")

COMMENT_HEADER = re.compile(
    r"^[\u2022\u00b7*\-\u2013>]?\s*(?P<author>\S.{0,60}?)\s+(?:says|said|wrote|writes|replied|commented|meint|sagt"
    r"|schreibt|schrieb|dit|a écrit|escribió|dice)\s*:?\s*$",
    re.IGNORECASE,
)
COMMENT_SECTION = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies|kommentare?|antworten|commentaires?|comentarios?)"
    r"|(?:comments?|kommentare?|commentaires?|comentarios?)(?:\s*\(\d+\))?|leave a (?:reply|comment)"
    r"|join the (?:discussion|conversation)|reader comments|show comments|discussion|(?:vos |\d+ )?r[ée]actions?(?:\s*\(\d+\))?|(?:leave|add|post|write|submit) (?:a |your )?comment|(?:\*\s*)?(?:dein|ihr|your|votre|tu) (?:kommentar|comment(?:aire)?|comentario)|leserkommentare?|(?:\d+\s+)?leserbriefe?|diskussion|comments? (?:are )?closed|kommentare? (?:sind )?geschlossen|(?:\d+\s+)?thoughts? on .{1,120}"
    r"|(?:schreibe(?:n sie)?|hinterlasse(?:n sie)?) (?:einen|eine) (?:kommentar|antwort)|kommentar (?:schreiben|verfassen)"
    r"|laisser un commentaire|deja un comentario|antworten)\s*:?$",
    re.IGNORECASE,
)
COMMENT_META = re.compile(
    r"^(?:reply|report|like|share|permalink|flag|antworten|répondre|responder|"
    r"(?:rating:\s*)?[+\-]?\d+\s+(?:likes?|replies|votes?|points?|upvotes?|downvotes?)|"
    r"(?:on\s+)?[A-Z][a-z]+ \d{1,2},? \d{4},? (?:at |um )?\d{1,2}[:.]\d{2}\s*(?:am|pm|uhr)?)$",
    re.IGNORECASE,
)
#: a date with a clock time anywhere in a short line: comment and post headers
TIMESTAMP = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|uhr|h)?\b.{0,20}$|\b(?:19|20)\d\d\b.{0,30}\b\d{1,2}:\d{2}\b",
                       re.IGNORECASE)
AGO = re.compile(r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?|stunden?|tagen?|jahren?)\s+ago\b"
                 r"|\bvor\s+\d+\s+(?:minuten?|stunden?|tagen?|wochen?|monaten?|jahren?)\b", re.IGNORECASE)
NAV = re.compile(
    r"^(?:home|menu|search|subscribe|sign (?:in|up)|log ?in|share(?: this| on \w+)?|tweet|email|print"
    r"|advertisement|sponsored|related(?: articles| stories)?|read more|more stories|click here|follow us.*"
    r"|newsletter|privacy policy|terms of (?:use|service)|cookie.*|all rights reserved.*|\u00a9.*|copyright.*"
    r"|previous(?: article| post)?|next(?: article| post)?|back to top|skip to (?:main )?content"
    r"|impressum|datenschutz.*|startseite|anzeige|werbung|weiterlesen|mehr zum thema|teilen)\W*$",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^(?:screen ?shot|screenshot|image|photo|picture|credit|video|caption|file photo|photograph|foto|bild)\b"
    r"|\.(?:jpe?g|png|gif|webp)\b|\((?:photo|image|picture|foto)[:\s]",
    re.IGNORECASE,
)
TAGS = re.compile(r"^(?:tags|tagged|tagged with|filed under|categories|category|topics|keywords|schlagworte"
                  r"|schlagwörter|kategorien?|themen)\s*:", re.IGNORECASE)
URLISH = re.compile(r"https?://|www\.|\S+@\S+\.\w+|(?:^|\s)@\w+")
SEPARATORS = re.compile(r"[|»«›‹•·>]|\s/\s")
SENTENCE_END = re.compile(r"[.!?\u2026\u201d\"')\]»:;\u3002\uff01\uff1f\uff09\u300d]\s*$")
_SENT_PUNCT = re.compile(r"[.!?](?:\s|$)")
_WORD = re.compile(r"\w+", re.UNICODE)
_STOPWORDS = frozenset().union(*_STOP.values())

FEATURES = (
    "bias", "log_words", "log_chars", "sentence_end", "sent_punct_rate", "comma_rate", "cap_share", "digit_share",
    "short_word_share", "stop_share", "words_ge10", "words_ge25", "separators", "urlish", "comment_header",
    "comment_section", "comment_meta", "timestamp", "ago", "nav", "caption", "tags", "dup_on_page",
    "rel_pos", "win2_prose", "win6_prose", "prev_log_words", "next_log_words", "prev_sentence_end",
    "next_sentence_end", "in_run", "before_run", "after_run", "log_dist_run", "log_comment_cues_before",
    "after_run_with_cue", "run_share", "quote_start", "mark_prev3", "mark_next3", "log_marks_after_run",
    "name_prev", "name_next", "headline_prev", "headline_next", "teaser",
)


_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|januar|februar|märz|mai|juni|juli|okt|dez|janvier|février|mars|avril|juin|juillet|août|sept|octobre"
    r"|novembre|décembre)[a-zéû]*\.?\s+\d", re.IGNORECASE)
_COMMENT_ACTION = re.compile(r"\b(?:reply|antworten|antwort|répondre|responder)\W*$", re.IGNORECASE)


def is_comment_stamp(line: str) -> bool:
    """A short dated line that is not a sentence: a post or comment header ("Jo 12. Dezember 2012
    um 09:35", "September 4, 2015 at 9:44 pm", "Hella, Sa 11 Apr 2020 / 00:40 Antworten"). One
    such line is a dateline; several after the article mark a comment section."""
    words = len(line.split())
    if words <= 12 and AGO.search(line) and not line.endswith("."):
        return True
    return words <= 12 and bool(_DATE.search(line)) and (bool(_CLOCK.search(line)) or bool(_COMMENT_ACTION.search(line))
                                                        or words <= 5) and not line.endswith(".")


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?!\.\d)")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def word_count(line: str) -> int:
    """Words of a line; Chinese and Japanese, written without spaces, count one word per two characters."""
    return len(line.split()) + len(_CJK.findall(line)) // 2


def is_comment_cue(line: str) -> bool:
    """A comment header ("Name says:") or the start of a comment section ("3 Comments"; not "0 Comments",
    which opens no section)."""
    if line.startswith("0 "):
        return False
    return bool(COMMENT_SECTION.match(line)) or (len(line) < 90 and bool(COMMENT_HEADER.match(line)))


def comment_marks(lines: list[str]) -> np.ndarray:
    """1 for each comment mark: a dated header, a "Reply" / "Report" / vote-count line, a comment cue."""
    return np.array([is_comment_stamp(ln) or bool(COMMENT_META.match(ln)) or is_comment_cue(ln) for ln in lines],
                    dtype=int)


_NAME = re.compile(r"^[@\w][\w.\-']*(?:\s+[\w.\-']+){0,2}$")


def _prose(words: int, sentence_end: bool) -> float:
    """How much a line looks like running prose: long and ending like a sentence."""
    return 1.0 if words >= 12 and sentence_end else (0.5 if words >= 8 else 0.0)


def main_run(lines: list[str], breaks: Collection[int] = ()) -> tuple[int, int]:
    """(first, last) index of the page's densest run of prose: the best-scoring contiguous span
    where prose lines score their length and other lines cost a little (Kadane's algorithm).
    The run never crosses a comment cue nor a line whose index is in ``breaks``."""
    best, best_span = -1.0, (0, max(len(lines) - 1, 0))
    cur, start = 0.0, 0
    for i, line in enumerate(lines):
        w = word_count(line)
        p = _prose(w, bool(SENTENCE_END.search(line)))
        gain = min(w, 80) if p >= 1.0 else (w * 0.3 if p > 0 else -3.0)
        if is_comment_cue(line) or i in breaks:
            gain = -1e6  # the run never crosses a comment header: comments are prose too
        if cur <= 0:
            cur, start = 0.0, i
        cur += gain
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def features(lines: list[str]) -> np.ndarray:
    """One row of ``FEATURES`` per (non-blank) line."""
    n = len(lines)
    counts = Counter(lines)
    words = [word_count(ln) for ln in lines]
    ends = [bool(SENTENCE_END.search(ln)) for ln in lines]
    prose = np.array([_prose(w, e) for w, e in zip(words, ends)])
    first, last = main_run(lines)
    run_words = sum(words[first:last + 1])
    marks = comment_marks(lines)
    mark_run_last = main_run(lines, breaks=set(np.flatnonzero(marks).tolist()))[1]
    marks_after = np.cumsum(marks * (np.arange(n) > mark_run_last))
    heads = [3 <= words[i] <= 15 and not ends[i] for i in range(n)]
    names = [bool(_NAME.match(ln)) and not ends[i] and not ln.lower().startswith("by ") for i, ln in enumerate(lines)]
    X = np.zeros((n, len(FEATURES)))
    cues = 0
    for i, line in enumerate(lines):
        toks = _WORD.findall(line)
        nt = max(len(toks), words[i], 1)
        alpha = [t for t in toks if t.isalpha()]
        header = bool(COMMENT_HEADER.match(line)) and len(line) < 90
        section = bool(COMMENT_SECTION.match(line))
        short = words[i] <= 12
        row = [
            1.0, math.log1p(words[i]), math.log1p(len(line)), float(ends[i]),
            min(len(_SENT_PUNCT.findall(line)) / nt, 1.0), min(line.count(",") / nt, 1.0),
            sum(t[0].isupper() for t in alpha) / max(len(alpha), 1), sum(any(c.isdigit() for c in t) for t in toks) / nt,
            sum(len(t) <= 3 and t.islower() for t in alpha) / nt, sum(t.lower() in _STOPWORDS for t in toks) / nt,
            float(words[i] >= 10), float(words[i] >= 25), float(bool(SEPARATORS.search(line))),
            float(bool(URLISH.search(line))), float(header), float(section),
            float(bool(COMMENT_META.match(line))), float(short and bool(TIMESTAMP.search(line))),
            float(short and bool(AGO.search(line))), float(bool(NAV.match(line))), float(bool(CAPTION.search(line))),
            float(bool(TAGS.match(line))), float(counts[line] > 1),
            i / max(n - 1, 1), float(prose[max(0, i - 2):i + 3].mean()), float(prose[max(0, i - 6):i + 7].mean()),
            math.log1p(words[i - 1]) if i > 0 else 0.0, math.log1p(words[i + 1]) if i + 1 < n else 0.0,
            float(ends[i - 1]) if i > 0 else 0.0, float(ends[i + 1]) if i + 1 < n else 0.0,
            float(first <= i <= last), float(i < first), float(i > last),
            math.log1p(first - i if i < first else (i - last if i > last else 0)), math.log1p(cues),
            float(i > last and cues > 0), run_words / max(sum(words), 1),
            float(line[:1] in "\"“„«'‘"),
            float(marks[max(0, i - 3):i].any()), float(marks[i + 1:i + 4].any()), math.log1p(marks_after[i]),
            float(i > 0 and names[i - 1]), float(i + 1 < n and names[i + 1]),
            float(i > 0 and heads[i - 1]), float(i + 1 < n and heads[i + 1]),
            # a teaser list: headline, summary, headline, summary...
            float(prose[i] > 0 and i > 0 and heads[i - 1] and (
                (i + 2 < n and heads[i + 1] and prose[i + 2] > 0) or (i > 2 and heads[i - 3] and prose[i - 2] > 0))),
        ]
        X[i] = row
        if header or section:
            cues += 1
    return X


@lru_cache(maxsize=1)
def load_weights() -> dict[str, Any]:
    """The fitted model: feature names, standardisation, weights and decision thresholds."""
    raw = resources.files("sitrep.data").joinpath("segmenter.json").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(raw)
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError("segmenter.json was fitted on other features: run benchmarks/train_segmenter.py")
    return model


def predict(X: np.ndarray, model: dict[str, Any] | None = None) -> np.ndarray:
    """Class probabilities (columns in ``CLASSES`` order) for feature rows."""
    m = model or load_weights()
    Z = (X - np.asarray(m["mean"])) / np.asarray(m["std"])
    Z[:, 0] = 1.0
    logits = Z @ np.asarray(m["weights"])
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def fit(X: np.ndarray, y: np.ndarray, sample_weight: np.ndarray, l2: float = 1e-3,
        steps: int = 3000, lr: float = 0.1) -> dict[str, Any]:
    """Multinomial logistic regression by full-batch gradient descent (Adam) on standardised features."""
    mean, std = X.mean(axis=0), X.std(axis=0)
    std[std == 0] = 1.0
    mean[0], std[0] = 0.0, 1.0
    Z = (X - mean) / std
    k = len(CLASSES)
    Y = np.eye(k)[y]
    W = np.zeros((X.shape[1], k))
    m1, m2 = np.zeros_like(W), np.zeros_like(W)
    sw = sample_weight / sample_weight.sum()
    for t in range(1, steps + 1):
        logits = Z @ W
        logits -= logits.max(axis=1, keepdims=True)
        P = np.exp(logits)
        P /= P.sum(axis=1, keepdims=True)
        grad = Z.T @ ((P - Y) * sw[:, None]) + l2 * W
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        W -= lr * (m1 / (1 - 0.9 ** t)) / (np.sqrt(m2 / (1 - 0.999 ** t)) + 1e-8)
    return {"features": list(FEATURES), "classes": list(CLASSES), "mean": mean.round(6).tolist(),
            "std": std.round(6).tolist(), "weights": W.round(5).tolist()}
