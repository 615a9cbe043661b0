"""Measure the extractor on ACLED coder notes (development data in ../shared, never shipped).

For each note, the highest-confidence event sitrep extracts is compared with the ACLED row:
detection (any event), event type, sub-event type (accuracy and weighted F1), inter1, date and
fatalities exact (a missing sitrep count is read as 0, ACLED's convention), and location within
25 km. Skips with a message when the data is absent.

    python benchmarks/eval_acled.py [--file acled_2020-04-27_2020-05-09_global.csv] [--limit 1000]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "acled-dev"


def acled_date(value: str) -> str:
    for fmt in ("%d-%b-%y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return value


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    labels = Counter(gold)
    total = 0.0
    for label, support in labels.items():
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = support - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        total += f1 * support
    return total / len(gold) if gold else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default="acled_2020-04-27_2020-05-09_global.csv")
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()
    path = DATA / args.file
    if not path.exists():
        print(f"skipped: {path} is absent (development data lives in ../shared/data)")
        return
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.records import Article
    from sitrep.pipeline import Pipeline

    rows = list(csv.DictReader(open(path, encoding="utf-8")))[: args.limit]
    pipeline = Pipeline()
    arts = [Article(body=r["notes"], id=str(i), published=acled_date(r["event_date"]), language="en")
            for i, r in enumerate(rows)]
    n = len(rows)
    hits: Counter[str] = Counter()
    gold_sub, pred_sub = [], []
    for row, coded in zip(rows, pipeline.run(arts)):
        best = max(coded.events, key=lambda e: e.confidence) if coded.events else None
        gold_sub.append(row["sub_event_type"])
        pred_sub.append(best.sub_event_type if best else "(none)")
        if best is None:
            continue
        hits["detected"] += 1
        hits["event_type"] += best.event_type.lower() == row["event_type"].lower()
        hits["sub_event_type"] += best.sub_event_type.lower() == row["sub_event_type"].lower()
        hits["inter1"] += str(best.inter1) == row["inter1"].split(".")[0]
        hits["date"] += best.event_date == acled_date(row["event_date"])
        hits["fatalities"] += (best.fatalities or 0) == int(row["fatalities"] or 0)
        if best.latitude is not None and row["latitude"]:
            hits["located"] += 1
            hits["within_25km"] += km(best.latitude, best.longitude, float(row["latitude"]), float(row["longitude"])) <= 25
        hits["geo_precision"] += str(best.geo_precision) == row["geo_precision"].split(".")[0]
    print(f"ACLED notes: {path.name}, first {n} rows; top-confidence event per note")
    for key in ("detected", "event_type", "sub_event_type", "inter1", "date", "fatalities", "within_25km"):
        print(f"  {key:15s} {hits[key] / n:.3f}")
    print(f"  sub-event weighted F1 {weighted_f1(gold_sub, pred_sub):.3f}")
    d = max(hits["detected"], 1)
    print(f"  of detected notes: within 25 km {hits['within_25km'] / d:.3f}, geo_precision equal "
          f"{hits['geo_precision'] / d:.3f}, located at all {hits['located'] / d:.3f}")


if __name__ == "__main__":
    main()
