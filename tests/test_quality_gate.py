"""Quality gate: pinned floors per field on development data (skips when ../shared is absent).

A floor moves down only in a commit that says why. Figures were measured with
`python benchmarks/eval_acled.py --limit 400` and the floors sit a little below them.
"""

from __future__ import annotations

import pytest

from conftest import shared_file

FLOORS_GLOBAL = {  # first 400 notes of acled_2020-04-27_2020-05-09_global.csv
    "event_type": 0.94, "sub_event_weighted_f1": 0.92, "date": 0.98, "fatalities": 0.94, "inter1": 0.88,
    "within_25km_of_detected": 0.67, "geo_precision_of_detected": 0.77, "geo_precision_within_25km": 0.87,
    "assoc_actor_1_f1": 0.33,
}
# (geo_precision_within_25km moved down from 0.89 on 2026-12-03: the notes newly placed within 25 km are mostly
# villages the gazetteer lacks, placed at the town or district named with them at precision 2 where ACLED, which
# found the village, codes 1; the share over all notes, geo_precision_of_detected, did not fall)
FLOORS_AFGHANISTAN = {  # first 300 notes of acled_afghanistan_2020-03.csv
    "event_type": 0.97, "sub_event_weighted_f1": 0.97, "date": 0.99, "fatalities": 0.96, "inter1": 0.88,
    "within_25km_of_detected": 0.78, "geo_precision_of_detected": 0.80, "geo_precision_within_25km": 0.86,
}


@pytest.mark.parametrize("name, limit, floors", [
    ("acled_2020-04-27_2020-05-09_global.csv", 400, FLOORS_GLOBAL),
    ("acled_afghanistan_2020-03.csv", 300, FLOORS_AFGHANISTAN),
])
def test_acled_notes_floors(pipeline, name, limit, floors):
    from sitrep.evaluate import evaluate_acled, read_acled_rows

    rows = read_acled_rows(shared_file(f"data/acled-dev/{name}"), limit)
    scores = evaluate_acled(rows, pipeline)
    low = {k: round(scores.rates[k], 3) for k, floor in floors.items() if scores.rates[k] < floor}
    assert not low, f"below the floor: {low} (floors {floors})"


def test_eval_rejects_a_csv_that_is_not_acled(tmp_path):
    from sitrep.errors import InputError
    from sitrep.evaluate import read_acled_rows

    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns"):
        read_acled_rows(p)
