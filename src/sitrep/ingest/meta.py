"""Small metadata helpers shared by the ingest readers: datelines, site names, language."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ..events.dates import parse_date_string

_STOP = {
    "en": {"the", "and", "of", "to", "in", "a", "is", "that", "was", "for", "on", "with", "said", "by", "as", "were", "have", "has"},
    "fr": {"le", "la", "les", "des", "et", "est", "une", "dans", "que", "du", "pour", "sur", "qui", "par", "pas", "au"},
    "es": {"el", "la", "los", "las", "de", "y", "que", "en", "un", "una", "por", "con", "para", "del", "se", "fue"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "den", "auf", "sich", "dem", "zu"},
    "pt": {"o", "os", "as", "de", "e", "que", "em", "um", "uma", "para", "com", "não", "por", "foi", "do", "da"},
}
_SCRIPTS = [
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
]
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str) -> str | None:
    """A cheap language guess from stopwords and scripts: 'en', 'fr', ..., or None if too short."""
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return None
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) > letters * 0.3:
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    scores = {lang: sum(w in stop for w in words) / len(words) for lang, stop in _STOP.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 0.04:
        # very short or telegraphic text: English is the only language we code, so say so only if likely
        return "en" if scores["en"] > 0 else None
    return best


def site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else (host or None)


def find_dateline(lines: list[str]) -> str | None:
    """A publication date from short header lines ('June 15, 2015', 'Published 2015-06-15')."""
    for line in lines:
        if len(line.split()) <= 8:
            d = parse_date_string(re.sub(r"^(?:published|posted|updated|date)\s*:?\s*", "", line, flags=re.I))
            if d:
                return d.isoformat()
    return None
