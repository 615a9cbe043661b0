"""Measure which place sitrep gives an event: the event-location sentences
(../shared/data/geo/event_location_labeled_text.jsonl.zip; 10,182 news and atrocity-report sentences, each with
one event verb and the spans of the places, if any, where that verb's event happened; third-party, not shipped).

Each sentence is coded alone. The sitrep event whose trigger overlaps the gold verb is scored (sentences where
no event sits on the verb count in ``detected`` only):
- ``place_accuracy``: of the scored events whose verb has a gold place, the share whose place was taken from a
  span overlapping one of them;
- ``place_accuracy_choice``: the same, on the sentences where sitrep resolved two or more places, so that the
  choice matters;
- the same two for two baselines on the same events and the same resolved toponyms: the sentence's first
  place, and the place nearest the verb;
- ``no_gold_place_given_one``: of the scored events whose verb has no gold place, the share given a place
  from the sentence anyway (lower is better; some are places the annotators left out).

    python benchmarks/eval_event_location.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "geo" / "event_location_labeled_text.jsonl.zip"
sys.path.insert(0, str(ROOT / "src"))


def load(limit: int | None = None) -> list[dict]:
    """The sentences with exactly one gold verb and well-formed place spans: {text, verb: (start, end),
    places: [(start, end), ...]}."""
    with zipfile.ZipFile(DATA) as z:
        name = next(n for n in z.namelist() if n.endswith(".jsonl") and not n.startswith("__MACOSX"))
        records = json.loads(z.read(name))
    out = []
    for r in records:
        verbs = [(s["start"], s["end"]) for s in r.get("spans", []) if s["label"] == "VERB"]
        if len(verbs) != 1 or r.get("answer", "accept") != "accept":
            continue
        places = [_chars(s, r) for s in r["spans"] if s["label"] == "LOCATION"]
        if any(p is None for p in places):
            continue
        out.append({"text": r["text"], "verb": verbs[0], "places": places})
    return out[:limit] if limit else out


def _chars(span: dict, record: dict) -> tuple[int, int] | None:
    """A place span's character offsets. About a thousand records give token numbers where characters are
    due ("start": 15 for the 16th token); their tokens give the characters back."""
    start, end = span["start"], span["end"]
    if len(record["text"][start:end].strip()) >= 2:
        return start, end
    tokens, ts, te = record.get("tokens"), span.get("token_start"), span.get("token_end")
    if tokens and ts is not None and te is not None and te < len(tokens):
        return tokens[ts]["start"], tokens[te]["end"]
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(limit: int | None = None) -> dict[str, float]:
    from sitrep.pipeline import Pipeline
    from sitrep.records import Article

    rows = load(limit)
    pipeline = Pipeline()
    arts = [Article(body=r["text"], id=str(i), language="en") for i, r in enumerate(rows)]
    n = {"sentences": len(rows), "detected": 0, "with_place": 0, "choice": 0, "without_place": 0}
    hits = {"sitrep": 0, "first": 0, "nearest": 0, "sitrep_choice": 0, "first_choice": 0, "nearest_choice": 0,
            "given_one": 0}
    for row, coded in zip(rows, pipeline.run(arts)):
        verb = row["verb"]
        on_verb = [e for e in coded.events if _overlaps(e.spans.get("trigger", (-1, -1)), verb)]
        if not on_verb:
            continue
        n["detected"] += 1
        ev = max(on_verb, key=lambda e: e.confidence)
        chosen = ev.spans.get("location")  # absent when the place came from elsewhere than the sentence
        tops = [t for t in pipeline.geocoder.toponyms(coded.article) if t.relation != "cue"]
        if not row["places"]:
            n["without_place"] += 1
            hits["given_one"] += chosen is not None
            continue
        n["with_place"] += 1
        right = {"sitrep": chosen is not None and any(_overlaps(chosen, p) for p in row["places"])}
        if tops:
            first = min(tops, key=lambda t: t.start)
            nearest = min(tops, key=lambda t: min(abs(t.start - verb[1]), abs(verb[0] - t.end)))
            right["first"] = any(_overlaps((first.start, first.end), p) for p in row["places"])
            right["nearest"] = any(_overlaps((nearest.start, nearest.end), p) for p in row["places"])
        for k, ok in right.items():
            hits[k] += ok
        if len({t.place.id for t in tops}) >= 2:
            n["choice"] += 1
            for k, ok in right.items():
                hits[k + "_choice"] += ok
    rates = {"detected": n["detected"] / max(n["sentences"], 1)}
    for k in ("sitrep", "first", "nearest"):
        rates[f"place_accuracy_{k}"] = hits[k] / max(n["with_place"], 1)
        rates[f"place_accuracy_choice_{k}"] = hits[k + "_choice"] / max(n["choice"], 1)
    rates["no_gold_place_given_one"] = hits["given_one"] / max(n["without_place"], 1)
    rates.update({f"n_{k}": float(v) for k, v in n.items()})
    return rates


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="score the first N sentences only")
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent (development data lives in ../shared/data)")
        return
    rates = score(args.limit)
    print(f"event-location sentences: {int(rates['n_sentences'])} (one gold verb each)")
    for k, v in rates.items():
        if not k.startswith("n_"):
            print(f"  {k:34s} {v:.3f}")
    print("  counts: " + ", ".join(f"{k[2:]} {int(v)}" for k, v in rates.items() if k.startswith("n_")))


if __name__ == "__main__":
    main()
