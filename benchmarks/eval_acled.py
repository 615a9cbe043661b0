"""Measure the extractor on ACLED coder notes (development data in ../shared, never shipped).

A thin wrapper over ``sitrep.evaluate`` (also available as ``sitrep eval acled FILE``): the
highest-confidence event of each note against the ACLED row. Skips with a message when the
data is absent.

    python benchmarks/eval_acled.py [--file acled_2020-04-27_2020-05-09_global.csv] [--limit 1000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "acled-dev"


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
    from sitrep.evaluate import evaluate_acled, read_acled_rows

    rows = read_acled_rows(path, args.limit)
    scores = evaluate_acled(rows)
    print(f"ACLED notes: {path.name}, first {scores.rows} rows; top-confidence event per note")
    for line in scores.lines():
        print("  " + line)


if __name__ == "__main__":
    main()
