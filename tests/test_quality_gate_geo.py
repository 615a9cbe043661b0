"""Quality gates for toponym resolution, GeoWebNews with the gold spans given (no NER, about a second), and
for the event's own place, the first 2,000 event-location sentences (about 15 seconds).

Floors sit a little under the figures reached (`python benchmarks/eval_geo.py`); a floor moves
down only in a commit that says why. Skips when the shared development data is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import shared_file

FLOORS = {"exact": 0.78, "acc161": 0.84}


def test_geowebnews_gold_spans_floors():
    shared_file("data/geo/GeoWebNews.xml")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import eval_geo

    from sitrep.geo import Geocoder
    from sitrep.records import Article

    geo = Geocoder()
    n = exact = near = 0
    for d in eval_geo.load(None):
        art = Article(body=d["text"], title=d["title"], language="en")
        art.toponyms = [(g["start"], g["end"], g["name"], "GPE") for g in d["gold"]]
        spans = {(t.start, t.end): t for t in geo.toponyms(art)}
        for g in d["gold"]:
            n += 1
            t = spans.get((g["start"], g["end"]))
            if t is not None:
                near += eval_geo.km(t.place.lat, t.place.lon, g["lat"], g["lon"]) <= 161
                exact += (t.place.id if t.place.id > 0 else t.place.parent) == g["id"]
    rates = {"exact": exact / n, "acc161": near / n}
    low = {k: round(v, 3) for k, v in rates.items() if v < FLOORS[k]}
    assert not low, f"below the floor: {low} (floors {FLOORS})"


EVENT_PLACE_FLOORS = {"place_accuracy_sitrep": 0.67, "place_accuracy_choice_sitrep": 0.70}


def test_event_location_floors_and_the_baselines_stay_behind():
    shared_file("data/geo/event_location_labeled_text.jsonl.zip")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import eval_event_location

    rates = eval_event_location.score(2000)
    low = {k: round(rates[k], 3) for k, floor in EVENT_PLACE_FLOORS.items() if rates[k] < floor}
    assert not low, f"below the floor: {low} (floors {EVENT_PLACE_FLOORS})"
    # where there is a choice, the event's own place beats the sentence's first place and the nearest one
    assert rates["place_accuracy_choice_sitrep"] > max(rates["place_accuracy_choice_first"],
                                                       rates["place_accuracy_choice_nearest"]) + 0.2
