"""Measure the event classifier: its own cross-validation, held-out templates, and the hybrid on dev data.

    python benchmarks/eval_classifier.py [--limit 1000]

1. ``sitrep train``'s 5-fold CV on the project corpus (random folds: optimistic, since sentences
   of one template share most words) and with whole templates held out (closer to new text).
2. Transfer: the shipped model alone on ACLED dev notes (measurement only, never trained on).
3. The pipeline on ACLED dev notes, PLOVER gold and CAMEO spans, rules alone vs rules + model
   (``refine`` at the default threshold). Skips the parts whose data is absent in ../shared.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "src/sitrep/data/training/events.jsonl"


def top(events):  # type: ignore[no-untyped-def]
    return max(events, key=lambda e: e.confidence) if events else None


def acled_before_after(name: str, limit: int | None, pipeline, model) -> None:  # type: ignore[no-untyped-def]
    from sitrep.evaluate import acled_date, read_acled_rows, weighted_f1
    from sitrep.events.classifier import refine
    from sitrep.records import Article

    path = SHARED / "acled-dev" / name
    if not path.exists():
        print(f"  skipped: {path} is absent")
        return
    rows = read_acled_rows(path, limit)
    arts = [Article(body=r["notes"], id=str(i), published=acled_date(r["event_date"]), language="en")
            for i, r in enumerate(rows)]
    coded = [c.events for c in pipeline.run(arts)]
    refined = copy.deepcopy(coded)
    changed = sum(refine(evs, model) for evs in refined)
    for label, runs in (("rules", coded), ("rules+model", refined)):
        gold = [r["sub_event_type"].lower() for r in rows]
        pred = [(top(e).sub_event_type.lower() if top(e) else "(none)") for e in runs]
        et = sum(bool(top(e)) and top(e).event_type.lower() == r["event_type"].lower() for r, e in zip(rows, runs))
        print(f"  {name} ({len(rows)} notes) {label:12s} sub_event_weighted_f1 {weighted_f1(gold, pred):.3f}"
              f"  event_type {et / len(rows):.3f}" + (f"  (re-typed {changed} events)" if label != "rules" else ""))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000, help="ACLED global notes to score")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.events.classifier import EventClassifier, Example, cross_validate, label_scores, load_model, read_examples
    from sitrep.pipeline import Pipeline

    examples = read_examples(CORPUS)
    print(f"project corpus: {len(examples)} examples, {len({e.label for e in examples})} labels")
    fmt = lambda d: "  ".join(f"{k} {v:.3f}" for k, v in d.items() if k != "examples")  # noqa: E731
    shuffled = [Example(e.text, e.label) for e in examples]  # without groups: random folds
    print("  5-fold CV (random folds):      " + fmt(cross_validate(shuffled)))
    print("  5-fold CV (templates held out): " + fmt(cross_validate(examples)))
    model = load_model("default")
    glob = SHARED / "acled-dev" / "acled_2020-04-27_2020-05-09_global.csv"
    if glob.exists():
        acl = read_examples(glob)[: args.limit]
        preds = []
        for e in acl:
            probs = model.probabilities(e.text)
            probs.pop("NONE")
            preds.append(max(probs, key=probs.__getitem__))
        print(f"  shipped model alone on {len(acl)} ACLED global notes (NONE excluded): "
              + fmt(label_scores([e.label for e in acl], preds)))
    pipeline = Pipeline()
    print("hybrid on ACLED dev notes:")
    acled_before_after("acled_2020-04-27_2020-05-09_global.csv", args.limit, pipeline, model)
    acled_before_after("acled_afghanistan_2020-03.csv", None, pipeline, model)
    plover = SHARED / "plover" / "PLOVER_GSR_CAMEO.txt"
    if plover.exists():
        from sitrep.evaluate import evaluate_plover, read_plover_records

        recs = read_plover_records(plover)
        for label, pipe in (("rules", pipeline), ("rules+model", Pipeline(model_file="default"))):
            if pipe is not pipeline:
                pipe.extractor = pipeline.extractor
            print(f"PLOVER gold ({len(recs)}) {label:12s} " + fmt(evaluate_plover(recs, pipe).rates))
    cameo = SHARED / "conflibert" / "cameo_ner" / "train.txt"
    if cameo.exists():
        from sitrep.evaluate import evaluate_cameo_spans, read_conll_spans

        sents = read_conll_spans(cameo)
        print(f"CAMEO spans ({len(sents)}) rules       " + fmt(evaluate_cameo_spans(sents, pipeline).rates))
    _ = EventClassifier


if __name__ == "__main__":
    main()
