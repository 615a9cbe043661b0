"""Evaluation: score sitrep's extraction against gold data the user holds.

Reads: an ACLED-format CSV (columns event_date, event_type, sub_event_type, inter1, fatalities,
latitude, longitude, geo_precision, notes), such as an ACLED export the user is licensed to
use. Each note is coded as one document and the highest-confidence event is compared with the
row. Writes: a ``Scores`` record (rates over all rows, geography over the notes with an event).
No gold data ships with sitrep.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import InputError
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


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


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
        best = max(coded.events, key=lambda e: e.confidence) if coded.events else None
        gold_sub.append(row["sub_event_type"].lower())
        pred_sub.append(best.sub_event_type.lower() if best else "(none)")
        if best is None:
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
            hits["within_25km"] += km(best.latitude, best.longitude, float(row["latitude"]),
                                      float(row["longitude"])) <= 25
        if row.get("geo_precision"):
            hits["geo_precision"] += str(best.geo_precision) == row["geo_precision"].split(".")[0]
    n = max(len(rows), 1)
    detected = max(hits["detected"], 1)
    rates = {key: hits[key] / n for key in ("detected", "event_type", "sub_event_type", "inter1", "date",
                                             "fatalities")}
    rates["sub_event_weighted_f1"] = weighted_f1(gold_sub, pred_sub)
    rates["within_25km_of_detected"] = hits["within_25km"] / detected
    rates["geo_precision_of_detected"] = hits["geo_precision"] / detected
    return Scores(len(rows), rates)
