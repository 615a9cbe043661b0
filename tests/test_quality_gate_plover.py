"""Quality gate for PLOVER gold records and CAMEO actor spans (skips when ../shared is absent).

A floor moves down only in a commit that says why. Figures measured with
`sitrep eval plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt` and
`sitrep eval cameo ../shared/data/conflibert/cameo_ner/train.txt`; floors sit a little below.
Most PLOVER gold records are diplomatic events (AGREE, REQUEST, REJECT, THREATEN...): the
extractor codes them as PLOVER-only events (no ACLED type); see benchmarks/RESULTS.md.
"""

from __future__ import annotations

from conftest import shared_file

FLOORS_PLOVER = {"event_type": 0.84, "event_type_of_detected": 0.91, "source_f1": 0.82, "target_f1": 0.65,
                 "actor_f1": 0.75}
FLOORS_CAMEO = {"source_overlap_f1": 0.74, "target_overlap_f1": 0.50, "source_exact_f1": 0.60, "target_exact_f1": 0.33}


def _low(rates: dict[str, float], floors: dict[str, float]) -> dict[str, float]:
    return {k: round(rates[k], 3) for k, floor in floors.items() if rates[k] < floor}


def test_plover_gold_floors(pipeline):
    from sitrep.evaluate import evaluate_plover, read_plover_records

    records = read_plover_records(shared_file("data/plover/PLOVER_GSR_CAMEO.txt"))
    scores = evaluate_plover(records, pipeline)
    assert not _low(scores.rates, FLOORS_PLOVER), f"below the floor: {_low(scores.rates, FLOORS_PLOVER)}"


def test_cameo_span_floors(pipeline):
    from sitrep.evaluate import evaluate_cameo_spans, read_conll_spans

    sentences = read_conll_spans(shared_file("data/conflibert/cameo_ner/train.txt"))
    scores = evaluate_cameo_spans(sentences, pipeline)
    assert not _low(scores.rates, FLOORS_CAMEO), f"below the floor: {_low(scores.rates, FLOORS_CAMEO)}"
