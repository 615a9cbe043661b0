"""Measure toponym resolution on GeoWebNews (../shared/data/geo/GeoWebNews.xml, GPL-3.0, not shipped).

Gold: toponyms with a GeoNames id that are locational. Two modes, as in the literature:
- raw text: sitrep finds the toponyms itself; a gold toponym counts as right when a predicted
  toponym overlaps its span and has the same GeoNames id ("exact") or lies within 161 km;
  missed toponyms count as wrong;
- gold spans: sitrep resolves each gold name, with the article's other gold names as context.

    python benchmarks/eval_geo.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "geo" / "GeoWebNews.xml"
sys.path.insert(0, str(ROOT / "src"))
from sitrep.geo.gazetteer import km  # noqa: E402  (one distance for the resolver, this script and its gate)


def load(limit: int | None) -> list[dict]:
    docs = []
    for art in ET.parse(DATA).getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            gid = (t.findtext("geonamesID") or "").strip()
            if not gid or (t.findtext("nonLocational") or "").strip() == "Yes":
                continue
            gold.append({"name": t.findtext("extractedName") or "", "start": int(t.findtext("start")),
                         "end": int(t.findtext("end")), "id": int(gid),
                         "lat": float(t.findtext("latitude")), "lon": float(t.findtext("longitude"))})
        docs.append({"title": art.findtext("title") or "", "text": art.findtext("text") or "", "gold": gold})
    return docs[:limit] if limit else docs


def _rss_mb() -> float:
    """This process's resident memory in MB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong resolutions")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (development data lives in ../shared/data)")
        return
    sys.path.insert(0, str(ROOT / "src"))
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    from sitrep.geo import Geocoder, default_gazetteer

    default_gazetteer().lookup("Derna")  # the shipped file opened and read once (the pipeline reuses it)
    load_seconds, load_mb = time.perf_counter() - t0, _rss_mb() - rss0
    from sitrep.pipeline import Pipeline
    from sitrep.records import Article

    docs = load(args.limit)
    pipeline = Pipeline(prefilter=False)
    geo: Geocoder = pipeline.geocoder
    n_gold = sum(len(d["gold"]) for d in docs)
    raw_exact = raw_161 = span_161 = span_exact = 0
    errors = []
    resolve_seconds = 0.0
    arts = [Article(body=d["text"], title=d["title"], language="en") for d in docs]
    for d, coded in zip(docs, pipeline.run(arts)):
        t0 = time.perf_counter()
        tops = geo.toponyms(coded.article)
        resolve_seconds += time.perf_counter() - t0
        for g in d["gold"]:
            hit = next((t for t in tops if t.start < g["end"] and g["start"] < t.end), None)
            if hit is None:
                continue
            pid = hit.place.id if hit.place.id > 0 else hit.place.parent
            raw_exact += pid == g["id"]
            ok = km(hit.place.lat, hit.place.lon, g["lat"], g["lon"]) <= 161
            raw_161 += ok
            if not ok and len(errors) < args.errors:
                errors.append((g["name"], hit.place.name, hit.place.cc, d["title"][:50]))
        # gold spans: resolve the gold names with the gold names as context
        art = coded.article
        art.toponyms = [(g["start"], g["end"], g["name"], "GPE") for g in d["gold"]]
        spans = {(t.start, t.end): t for t in geo.toponyms(art)}
        for g in d["gold"]:
            t = spans.get((g["start"], g["end"]))
            if t is not None:
                span_161 += km(t.place.lat, t.place.lon, g["lat"], g["lon"]) <= 161
                span_exact += (t.place.id if t.place.id > 0 else t.place.parent) == g["id"]
    print(f"GeoWebNews: {len(docs)} articles, {n_gold} gold toponyms with GeoNames ids")
    print(f"  raw text:   exact {raw_exact / n_gold:.3f}   acc@161km {raw_161 / n_gold:.3f}")
    print(f"  gold spans: exact {span_exact / n_gold:.3f}   acc@161km {span_161 / n_gold:.3f}")
    print(f"  resolution {1000 * resolve_seconds / len(docs):.2f} ms/article (after NER)")
    print(f"  gazetteer load {load_seconds:.2f} s, {load_mb:.0f} MB resident")
    for e in errors:
        print("  wrong:", e)


if __name__ == "__main__":
    main()
