"""Export: Event records -> ACLED-compatible CSV, PLOVER JSONL, GeoJSON, Parquet (and back).

Reads: ``Event`` records (from the store or straight from the pipeline). Writes files whose
readers round-trip: ``read_acled_csv``, ``read_geojson`` and ``read_parquet`` give back
events equal on every contract field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..records import SPAN_KEYS, Event

FORMATS = ("acled-csv", "plover-jsonl", "geojson", "parquet", "jsonl")

#: ACLED's own column names and order, so ACLED users' scripts read the file unchanged.
ACLED_COLUMNS = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
]
#: sitrep's additions, after ACLED's columns.
EXTRA_COLUMNS = [
    "sitrep_id", "doc_id", "plover_event", "plover_mode", "certainty", "attributed_to", "confidence", "geonameid",
    "evidence_start", "evidence_end", "spans",
]


def export(events: Iterable[Event], fmt: str, out: str | Path | IO[str]) -> int:
    """Write events in ``fmt`` to a path (or a text stream for the text formats); returns the count."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise InputError("parquet needs a file: pass --output FILE.parquet")
        return write_parquet(events, out)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return export(events, fmt, fh)
    writer = {"acled-csv": write_acled_csv, "plover-jsonl": write_plover_jsonl, "geojson": write_geojson,
              "jsonl": write_jsonl}[fmt]
    return writer(events, out)


# -- ACLED CSV -------------------------------------------------------------------------------
def _interaction(i1: int | None, i2: int | None) -> str:
    if i1 is None:
        return ""
    a, b = sorted([i1, i2 or 0])
    return f"{a}{b}" if a else f"{b}0"


def write_acled_csv(events: Iterable[Event], fh: IO[str]) -> int:
    w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        if ev.event_type is None:  # a PLOVER-only event (a consultation, an accusation): ACLED does not code it
            continue
        n += 1
        year = ev.event_date[:4] if ev.event_date else ""
        w.writerow({
            "data_id": n, "event_id_cnty": ev.id, "event_date": ev.event_date or "", "year": year,
            "time_precision": _s(ev.time_precision), "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
            "actor1": ev.actor1 or "", "assoc_actor_1": "; ".join(ev.assoc_actor_1), "inter1": _s(ev.inter1),
            "actor2": ev.actor2 or "", "assoc_actor_2": "; ".join(ev.assoc_actor_2), "inter2": _s(ev.inter2),
            "interaction": _interaction(ev.inter1, ev.inter2), "country": ev.country or "",
            "admin1": ev.admin1 or "", "location": ev.location or "", "latitude": _s(ev.latitude),
            "longitude": _s(ev.longitude), "geo_precision": _s(ev.geo_precision), "source": ev.attributed_to or "",
            "notes": ev.evidence.text, "fatalities": _s(ev.fatalities),
            "sitrep_id": ev.id, "doc_id": ev.doc_id or "", "plover_event": ev.plover_event or "",
            "plover_mode": ev.plover_mode or "", "certainty": ev.certainty, "attributed_to": ev.attributed_to or "",
            "confidence": ev.confidence, "geonameid": _s(ev.geonameid), "evidence_start": ev.evidence.start,
            "evidence_end": ev.evidence.end, "spans": json.dumps({k: list(v) if v else None for k, v in ev.spans.items()}),
        })
    return n


def read_acled_csv(path_or_fh: str | Path | IO[str]) -> list[Event]:
    fh = open(path_or_fh, encoding="utf-8", newline="") if isinstance(path_or_fh, (str, Path)) else path_or_fh
    with fh:
        out = []
        for row in csv.DictReader(fh):
            data: dict[str, Any] = {
                "doc_id": row["doc_id"] or None, "event_type": row["event_type"] or None,
                "sub_event_type": row["sub_event_type"] or None, "plover_event": row["plover_event"] or None,
                "plover_mode": row["plover_mode"] or None, "actor1": row["actor1"] or None,
                "actor2": row["actor2"] or None,
                "assoc_actor_1": [a for a in row["assoc_actor_1"].split("; ") if a],
                "assoc_actor_2": [a for a in row["assoc_actor_2"].split("; ") if a],
                "inter1": _int(row["inter1"]), "inter2": _int(row["inter2"]), "event_date": row["event_date"] or None,
                "time_precision": _int(row["time_precision"]), "country": row["country"] or None,
                "admin1": row["admin1"] or None, "location": row["location"] or None,
                "latitude": _float(row["latitude"]), "longitude": _float(row["longitude"]),
                "geo_precision": _int(row["geo_precision"]), "geonameid": _int(row["geonameid"]),
                "fatalities": _int(row["fatalities"]), "certainty": row["certainty"],
                "attributed_to": row["attributed_to"] or None, "confidence": float(row["confidence"]),
                "evidence": {"text": row["notes"], "start": int(row["evidence_start"]), "end": int(row["evidence_end"])},
                "spans": json.loads(row["spans"]),
            }
            out.append(Event.from_contract(data, event_id=row["sitrep_id"]))
    return out


# -- JSONL (contract) and PLOVER -----------------------------------------------------------
def write_jsonl(events: Iterable[Event], fh: IO[str]) -> int:
    n = 0
    for n, ev in enumerate(events, start=1):
        fh.write(json.dumps({"id": ev.id, **ev.to_contract()}, ensure_ascii=False) + "\n")
    return n


def plover_record(ev: Event) -> dict[str, Any]:
    """A PLOVER 2.0-style record (event, mode, actor, recipient, location, dead) with sitrep's evidence."""
    return {
        "id": ev.id, "date": ev.event_date, "event": ev.plover_event, "mode": [ev.plover_mode] if ev.plover_mode else [],
        "context": [], "actor": ev.actor1, "actor_associated": ev.assoc_actor_1, "recipient": ev.actor2,
        "recipient_associated": ev.assoc_actor_2,
        "location": {"name": ev.location, "country": ev.country, "admin1": ev.admin1, "lat": ev.latitude,
                     "lon": ev.longitude, "geonameid": ev.geonameid, "precision": ev.geo_precision},
        "dead": ev.fatalities, "certainty": ev.certainty, "attributed_to": ev.attributed_to,
        "acled": {"event_type": ev.event_type, "sub_event_type": ev.sub_event_type},
        "eventText": ev.evidence.text, "doc_id": ev.doc_id, "confidence": ev.confidence,
    }


def write_plover_jsonl(events: Iterable[Event], fh: IO[str]) -> int:
    n = 0
    for ev in events:
        if ev.plover_event is not None:  # ACLED-only codes (e.g. a base established) have no PLOVER event
            fh.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
            n += 1
    return n


# -- GeoJSON ---------------------------------------------------------------------------------
def write_geojson(events: Iterable[Event], fh: IO[str]) -> int:
    features = []
    for ev in events:
        props = {"id": ev.id, **ev.to_contract()}
        geometry = None
        if ev.latitude is not None and ev.longitude is not None:
            geometry = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
        features.append({"type": "Feature", "id": ev.id, "geometry": geometry, "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    fh.write("\n")
    return len(features)


def read_geojson(path: str | Path) -> list[Event]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Event.from_contract(f["properties"], event_id=f["properties"]["id"]) for f in data["features"]]


# -- Parquet ---------------------------------------------------------------------------------
def _arrow_schema() -> Any:
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    return pa.schema([
        ("id", s), ("doc_id", s), ("event_type", s), ("sub_event_type", s), ("plover_event", s), ("plover_mode", s),
        ("actor1", s), ("assoc_actor_1", pa.list_(s)), ("inter1", i), ("actor2", s), ("assoc_actor_2", pa.list_(s)),
        ("inter2", i), ("event_date", pa.date32()), ("time_precision", i), ("country", s), ("admin1", s),
        ("location", s), ("latitude", f), ("longitude", f), ("geo_precision", i), ("geonameid", i),
        ("fatalities", i), ("certainty", s), ("attributed_to", s), ("confidence", f), ("evidence_text", s),
        ("evidence_start", i), ("evidence_end", i),
        *[(f"span_{k}", pa.list_(i)) for k in SPAN_KEYS],
    ])


def events_to_table(events: Iterable[Event]) -> Any:
    import pyarrow as pa

    schema = _arrow_schema()
    cols: dict[str, list[Any]] = {name: [] for name in schema.names}
    for ev in events:
        d = ev.to_contract()
        for name in schema.names:
            if name == "id":
                cols[name].append(ev.id)
            elif name == "event_date":
                cols[name].append(date.fromisoformat(d["event_date"]) if d["event_date"] else None)
            elif name.startswith("evidence_"):
                cols[name].append(d["evidence"][name.split("_", 1)[1]])
            elif name.startswith("span_"):
                cols[name].append(d["spans"][name[5:]])
            else:
                cols[name].append(d[name])
    return pa.table(cols, schema=schema)


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    import pyarrow.parquet as pq

    table = events_to_table(events)
    pq.write_table(table, path)
    return int(table.num_rows)


def read_parquet(path: str | Path) -> list[Event]:
    import pyarrow.parquet as pq

    out = []
    for row in pq.read_table(path).to_pylist():
        data = {k: v for k, v in row.items() if not k.startswith(("span_", "evidence_")) and k != "id"}
        data["event_date"] = row["event_date"].isoformat() if row["event_date"] else None
        data["evidence"] = {"text": row["evidence_text"], "start": row["evidence_start"], "end": row["evidence_end"]}
        data["spans"] = {k: row[f"span_{k}"] for k in SPAN_KEYS}
        out.append(Event.from_contract(data, event_id=row["id"]))
    return out


def _s(v: Any) -> str:
    return "" if v is None else str(v)


def _int(v: str) -> int | None:
    return int(v) if v not in ("", None) else None


def _float(v: str) -> float | None:
    return float(v) if v not in ("", None) else None


def to_string(events: Iterable[Event], fmt: str) -> str:
    buf = io.StringIO()
    export(events, fmt, buf)
    return buf.getvalue()
