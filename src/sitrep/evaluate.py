"""Evaluation: score sitrep's extraction against gold data the user holds.

Reads: an ACLED-format CSV (columns event_date, event_type, sub_event_type, inter1, fatalities,
latitude, longitude, geo_precision, notes), such as an ACLED export the user is licensed to
use. Each note is coded as one document and the highest-confidence event is compared with the
row. Writes: a ``Scores`` record (rates over all rows, geography over the notes with an event).
No gold data ships with sitrep.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import InputError
from .geo.gazetteer import km
from .records import Article

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "notes")


@dataclass
class Scores:
    rows: int
    rates: dict[str, float] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [f"{k:24s} {v:.3f}" for k, v in self.rates.items()]


def acled_date(value: str) -> str:
    """ACLED exports write dates as '9-May-20', '2020-05-09' or '09 May 2020'."""
    for fmt in ("%d-%b-%y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return value


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    """F1 per gold label, weighted by the label's support (the CASE 2021 measure)."""
    total = 0.0
    for label, support in Counter(gold).items():
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / support
        total += (2 * prec * rec / (prec + rec) if prec + rec else 0.0) * support
    return total / len(gold) if gold else 0.0


def read_acled_rows(path: str | Path, limit: int | None = None) -> list[dict[str, str]]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ACLED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: not an ACLED-format CSV (missing columns: {', '.join(missing)})")
        rows = []
        for row in reader:
            rows.append(row)
            if limit and len(rows) >= limit:
                break
    return rows


def evaluate_acled(rows: list[dict[str, str]], pipeline: Any = None) -> Scores:
    """Score the top event of each note against its ACLED row."""
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    arts = [Article(body=r["notes"], id=str(i), published=acled_date(r["event_date"]), language="en")
            for i, r in enumerate(rows)]
    hits: Counter[str] = Counter()
    gold_sub: list[str] = []
    pred_sub: list[str] = []
    for row, coded in zip(rows, pipeline.run(arts)):
        # an ACLED note's top event must be one ACLED codes: PLOVER-only events (no event_type) are left out
        acled = [e for e in coded.events if e.event_type is not None and e.sub_event_type is not None]
        best = max(acled, key=lambda e: e.confidence) if acled else None
        gold_sub.append(row["sub_event_type"].lower())
        pred_sub.append(best.sub_event_type.lower() if best and best.sub_event_type else "(none)")
        if best is None or best.event_type is None or best.sub_event_type is None:
            continue
        hits["detected"] += 1
        hits["event_type"] += best.event_type.lower() == row["event_type"].lower()
        hits["sub_event_type"] += best.sub_event_type.lower() == row["sub_event_type"].lower()
        if row.get("inter1"):
            hits["inter1"] += str(best.inter1) == row["inter1"].split(".")[0]
        hits["date"] += best.event_date == acled_date(row["event_date"])
        if row.get("fatalities", "") != "":
            hits["fatalities"] += (best.fatalities or 0) == int(float(row["fatalities"]))
        if best.latitude is not None and row.get("latitude"):
            hits["located"] += 1
            close = km(best.latitude, best.longitude, float(row["latitude"]), float(row["longitude"])) <= 25
            hits["within_25km"] += close
            if close and row.get("geo_precision"):
                hits["close"] += 1
                hits["close_geo_precision"] += str(best.geo_precision) == row["geo_precision"].split(".")[0]
        if row.get("geo_precision"):
            hits["geo_precision"] += str(best.geo_precision) == row["geo_precision"].split(".")[0]
        # associated actors ("Labour Group (Mexico)", a party that joined): exact names, semicolon-separated
        gold_assoc = {a.strip() for a in (row.get("assoc_actor_1") or "").split(";") if a.strip()}
        pred_assoc = set(best.assoc_actor_1)
        hits["assoc1_gold"] += len(gold_assoc)
        hits["assoc1_pred"] += len(pred_assoc)
        hits["assoc1_tp"] += len(gold_assoc & pred_assoc)
    n = max(len(rows), 1)
    detected = max(hits["detected"], 1)
    rates = {key: hits[key] / n for key in ("detected", "event_type", "sub_event_type", "inter1", "date",
                                             "fatalities")}
    rates["sub_event_weighted_f1"] = weighted_f1(gold_sub, pred_sub)
    rates["within_25km_of_detected"] = hits["within_25km"] / detected
    rates["geo_precision_of_detected"] = hits["geo_precision"] / detected
    # the precision code where the place itself is right (a code that matches at a namesake 5,000 km away
    # counts above but not here)
    rates["geo_precision_within_25km"] = hits["close_geo_precision"] / max(hits["close"], 1)
    rates["assoc_actor_1_f1"] = _f1(hits["assoc1_tp"], hits["assoc1_pred"], hits["assoc1_gold"])
    return Scores(len(rows), rates)


# -- PLOVER gold records ------------------------------------------------------------------------
#: The gold-standard records use an older PLOVER; these labels were renamed or merged since.
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
_NAME_STOP = {"the", "of", "and", "a", "an", "forces", "force", "government", "officials", "official", "group",
              "unidentified", "military", "police", "people", "members", "member", "s"}


def read_plover_records(path: str | Path) -> list[dict[str, Any]]:
    """PLOVER gold records (a JSON list) with a text and an event; documentation records are left out."""
    import json

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a JSON list of PLOVER records ({exc})") from exc
    if not isinstance(records, list):
        raise InputError(f"{path}: not a JSON list of PLOVER records")
    return [r for r in records if isinstance(r, dict) and r.get("text") and r.get("event")
            and r["event"] != "DOCUMENT"]


def plover_label(event: str) -> str:
    return PLOVER_RENAMES.get(event.upper(), event.upper())


def _stems(name: str) -> set[str]:
    words = [w for w in "".join(c.lower() if c.isalnum() else " " for c in name).split() if w not in _NAME_STOP]
    return {w[:5] for w in words if len(w) > 1}


@lru_cache(maxsize=1)
def _kb() -> Any:
    from .nlp.actors import ActorKB

    return ActorKB.load()


@lru_cache(maxsize=4096)
def _name_keys(name: str) -> frozenset[str]:
    """Word stems of a name, for fuzzy matching, with the canonical names the actor knowledge base gives
    its words: a demonym's country ("Iraqi youths" ~ "Civilians (Iraq)", "British soldiers" ~ "Military
    Forces of United Kingdom") and an alias's actor ("U.N. mediator" ~ "United Nations")."""
    keys = set(_stems(name))
    kb = _kb()
    words = re.findall(r"(?:[A-Za-z]\.){2,}|[\w'-]+", name)
    # the whole name, less its lower-case qualifiers ("rebel Kurdistan Workers' Party"), as a known actor's alias
    named = " ".join(w for w in words if not w.islower())
    for phrase in {name.strip(), named}:
        actor = kb.get(phrase) if phrase else None
        if actor is not None:
            keys |= _stems(actor.name)
    for word in words:
        word = word.strip("'")
        country = kb.country_of_demonym(word) or kb.country_of_demonym(word.rstrip("s"))
        actor = kb.get(word) if len(word) > 1 and (word.isupper() or "." in word or word.istitle()) else None
        for canonical in filter(None, (country, actor.name if actor else None)):
            keys |= _stems(canonical)
    return frozenset(keys)


def names_match(a: str, b: str) -> bool:
    """Fuzzy actor-name match: the two names share a content word (compared on its first five letters),
    demonyms and acronyms read as the country or actor they name."""
    return bool(_name_keys(a) & _name_keys(b))


def _match_count(gold: list[str], pred: list[str]) -> int:
    left = list(pred)
    hits = 0
    for g in gold:
        for k, p in enumerate(left):
            if names_match(g, p):
                hits += 1
                del left[k]
                break
    return hits


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def evaluate_plover(records: list[dict[str, Any]], pipeline: Any = None) -> Scores:
    """Score the top event of each PLOVER gold sentence: event type and source/target actors.

    ``event_type``: share of all records whose top event's ``plover_event`` equals the gold event
    (after ``PLOVER_RENAMES``); a sentence with no predicted event counts as wrong.
    ``event_type_of_detected``: the same over the sentences with an event. Actor F1: the gold
    source (target) actor texts against the top event's actor1 and associated actors (actor2 and
    its associates), matched fuzzily (``names_match``), micro-averaged over all records.
    """
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    arts = [Article(body=r["text"], id=str(i), language="en") for i, r in enumerate(records)]
    hits: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for rec, coded in zip(records, pipeline.run(arts)):
        best = max(coded.events, key=lambda e: e.confidence) if coded.events else None
        gold = plover_label(rec["event"])
        if best is not None:
            hits["detected"] += 1
            hits["event_type"] += (best.plover_event or "") == gold
        for role, pred in (("source", [best.actor1, *best.assoc_actor_1] if best else []),
                           ("target", [best.actor2, *best.assoc_actor_2] if best else [])):
            listed = rec.get(role) if isinstance(rec.get(role), list) else []
            gold_names = [a["actorText"] for a in listed if isinstance(a, dict) and a.get("actorText")]
            pred_names = [p for p in pred if p]
            counts[f"{role}_gold"] += len(gold_names)
            counts[f"{role}_pred"] += len(pred_names)
            counts[f"{role}_tp"] += _match_count(gold_names, pred_names)
    n = max(len(records), 1)
    rates = {"detected": hits["detected"] / n, "event_type": hits["event_type"] / n,
             "event_type_of_detected": hits["event_type"] / max(hits["detected"], 1)}
    for role in ("source", "target"):
        rates[f"{role}_f1"] = _f1(counts[f"{role}_tp"], counts[f"{role}_pred"], counts[f"{role}_gold"])
    tp = counts["source_tp"] + counts["target_tp"]
    rates["actor_f1"] = _f1(tp, counts["source_pred"] + counts["target_pred"],
                            counts["source_gold"] + counts["target_gold"])
    return Scores(len(records), rates)


# -- CAMEO actor spans (CoNLL BIO) ---------------------------------------------------------------
@dataclass
class SpanSentence:
    """A detokenised sentence with its gold actor spans as character offsets, per role S/T/R."""

    text: str
    spans: dict[str, list[tuple[int, int]]]


_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "''", "'re", "'ve", "'ll", "'d"}


def read_conll_spans(path: str | Path, limit: int | None = None) -> list[SpanSentence]:
    """Read a CoNLL BIO file (token label; blank line between sentences) with S/T/R actor labels."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    out: list[SpanSentence] = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        text = ""
        spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": [], "R": []}
        open_span: tuple[str, int, int] | None = None
        for tok, label in tokens:
            if text and tok not in _NO_SPACE_BEFORE and not text.endswith(("(", "[", "$")):
                text += " "
            start = len(text)
            text += tok
            kind, _, role = label.partition("-")
            if open_span and (kind != "I" or role != open_span[0]):
                spans.setdefault(open_span[0], []).append(open_span[1:])
                open_span = None
            if kind == "B" or (kind == "I" and open_span is None):
                open_span = (role, start, len(text))
            elif kind == "I" and open_span:
                open_span = (role, open_span[1], len(text))
        if open_span:
            spans.setdefault(open_span[0], []).append(open_span[1:])
        out.append(SpanSentence(text, spans))
        tokens.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                flush()
                if limit and len(out) >= limit:
                    return out
            elif len(parts) >= 2:
                tokens.append((parts[0], parts[-1]))
            else:
                raise InputError(f"{path}: not a CoNLL BIO file (line {line.strip()!r})")
    flush()
    return out[:limit] if limit else out


def evaluate_cameo_spans(sentences: list[SpanSentence], pipeline: Any = None) -> Scores:
    """Span F1 of the extractor's actor1 (source) and actor2 (target) spans against gold spans.

    Every event of a sentence contributes its actor1 / actor2 span; reciprocal gold spans (R)
    count as gold for both roles. ``exact``: same characters; ``overlap``: any shared character
    (each gold span matched at most once).
    """
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    arts = [Article(body=s.text, id=str(i), language="en") for i, s in enumerate(sentences)]
    counts: Counter[str] = Counter()
    for sent, coded in zip(sentences, pipeline.run(arts)):
        for role, key, gold_roles in (("source", "actor1", "SR"), ("target", "actor2", "TR")):
            gold = [sp for r in gold_roles for sp in sent.spans.get(r, [])]
            pred = sorted({tuple(ev.spans[key]) for ev in coded.events if ev.spans.get(key)})
            counts[f"{role}_gold"] += len(gold)
            counts[f"{role}_pred"] += len(pred)
            for mode, same in (("exact", lambda g, p: g == p), ("overlap", lambda g, p: g[0] < p[1] and p[0] < g[1])):
                left = list(gold)
                for p in pred:
                    for k, g in enumerate(left):
                        if same(tuple(g), p):
                            counts[f"{role}_{mode}_tp"] += 1
                            del left[k]
                            break
    rates = {}
    for role in ("source", "target"):
        for mode in ("exact", "overlap"):
            rates[f"{role}_{mode}_f1"] = _f1(counts[f"{role}_{mode}_tp"], counts[f"{role}_pred"], counts[f"{role}_gold"])
    return Scores(len(sentences), rates)
