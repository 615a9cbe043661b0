from __future__ import annotations

import csv
import io
import json

import pytest

from sitrep.errors import InputError
from sitrep.export import (ACLED_COLUMNS, export, read_acled_csv, read_geojson, read_parquet, to_string)
from sitrep.records import Event, Evidence


def sample() -> list[Event]:
    a = Event("Battles", "Armed clash", Evidence('Clashes, "heavy" ones, in Darnah \u2013 Libya.', 10, 52),
              doc_id="d1", plover_event="ASSAULT", plover_mode="firearms", actor1="Islamic State", inter1=2,
              actor2="Mujahideen Shura Council of Derna", inter2=3, assoc_actor_1=["A; B", "C"],
              event_date="2015-06-12", time_precision=1, country="Libya", admin1="Darnah", location="Darnah",
              latitude=32.76704, longitude=22.63669, geo_precision=1, geonameid=87205, fatalities=12,
              certainty="unconfirmed", attributed_to="SITE", confidence=0.734)
    a.spans["trigger"] = (10, 17)
    a.spans["location"] = (37, 43)
    a.assoc_actor_1 = ["Abu Salim Martyrs Brigade", "C"]
    b = Event("Strategic developments", "Headquarters or base established", Evidence("x", 0, 1), doc_id="d2")
    for e in (a, b):
        e.assign_id()
    return [a, b]


def contracts(events):
    return [(e.id, e.to_contract()) for e in events]


def test_acled_csv_round_trip_and_column_order(tmp_path):
    path = tmp_path / "e.csv"
    assert export(sample(), "acled-csv", path) == 2
    with open(path, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert contracts(read_acled_csv(path)) == contracts(sample())


def test_geojson_round_trip_and_geometry(tmp_path):
    path = tmp_path / "e.geojson"
    export(sample(), "geojson", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [22.63669, 32.76704]}
    assert data["features"][1]["geometry"] is None
    assert contracts(read_geojson(path)) == contracts(sample())


def test_parquet_round_trip(tmp_path):
    path = tmp_path / "e.parquet"
    assert export(sample(), "parquet", path) == 2
    assert contracts(read_parquet(path)) == contracts(sample())


def test_parquet_needs_a_file():
    with pytest.raises(InputError, match="parquet"):
        export(sample(), "parquet", io.StringIO())


def test_plover_jsonl_skips_events_without_a_plover_code():
    lines = to_string(sample(), "plover-jsonl").splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["event"] == "ASSAULT" and rec["actor"] == "Islamic State" and rec["dead"] == 12
    assert rec["location"]["geonameid"] == 87205


def test_unknown_format_lists_the_choices():
    with pytest.raises(InputError, match="acled-csv"):
        export(sample(), "xml", io.StringIO())
