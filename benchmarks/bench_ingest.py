"""Benchmark: ingestion quality and speed on the shared development data.

Reads ../shared/data/ingest/ (never copied into the repo) and prints, per part:

- ``aeb``: main-text F1 on the article-extraction-benchmark (4-gram shingles, per-page
  normalised, precision and recall averaged over pages, as that benchmark scores it), for
  trafilatura alone and for sitrep's HTML reader;
- ``comments``: on the comments pages, the share of comment snippets that end up in the body
  (leakage), and the share of must-keep / must-drop snippets handled right;
- ``segment``: the same pages flattened to text (block elements -> lines), read by sitrep's
  text segmenter: article F1 on the AEB pages and comment leakage on the comments pages;
- ``warc``: every WARC in ../shared/data/ingest/warc parsed; pages/s with ``--jobs`` workers.

    python benchmarks/bench_ingest.py [aeb comments segment warc] [--jobs 2]

Parts whose data is absent print "skipped" with the reason.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ingest"
AEB = DATA / "article-extraction-benchmark"
COMMENTS = DATA / "comments"
WARCS = DATA / "warc"

_TOKEN = re.compile(r"\w+")


# -- metrics -----------------------------------------------------------------------------------
def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over 4-gram shingles, normalised so that each page weighs the same."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def f1_of(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(prec(*x) for x in pages if x[0] + x[1] > 0)
    r = statistics.mean(rec(*x) for x in pages if x[0] + x[2] > 0)
    return {"f1": 2 * p * r / (p + r), "precision": p, "recall": r}


def is_held_out(name: str) -> bool:
    """One page in five (by a hash of its file name) is held out of segmenter training."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 5 == 0


def _splits(names: list[str]) -> dict[str, list[int]]:
    held = [i for i, n in enumerate(names) if is_held_out(n)]
    return {"all": list(range(len(names))), "train": [i for i in range(len(names)) if i not in set(held)],
            "held-out": held}


def _norm(text: str) -> str:
    return " ".join(text.split())


def snippet_in(snippet: str, text: str) -> bool:
    return _norm(snippet) in text


# -- extractors ----------------------------------------------------------------------------------
def trafilatura_alone(html: str) -> str:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=True, include_tables=False,
                                      deduplicate=False)
    return (doc.as_dict().get("text") or "") if doc is not None else ""


def sitrep_html(html: str) -> str:
    from sitrep.ingest.html import article_from_html

    art = article_from_html(html)
    return art.body if art is not None else ""


def sitrep_flat(html: str) -> str:
    from sitrep.ingest.html import flatten_html
    from sitrep.ingest.text import article_from_text

    return article_from_text(flatten_html(html)).body


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "trafilatura alone": trafilatura_alone, "sitrep html": sitrep_html, "sitrep flattened text": sitrep_flat,
}


def _run(args: tuple[str, str]) -> str:
    name, path = args
    html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    return EXTRACTORS[name](html)


def run_all(name: str, paths: list[Path], jobs: int) -> list[str]:
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_run, [(name, str(p)) for p in paths], chunksize=4))


# -- parts ---------------------------------------------------------------------------------------
def part_aeb(names: Iterable[str], jobs: int, split: bool = False) -> None:
    if not (AEB / "ground-truth.json").exists():
        print(f"aeb: skipped ({AEB} is absent)")
        return
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    paths = [AEB / "html" / f"{k}.html.gz" for k in keys]
    for name in names:
        t0 = time.perf_counter()
        preds = run_all(name, paths, jobs)
        scores = [page_scores(truth[k].get("articleBody", ""), p) for k, p in zip(keys, preds)]
        splits = _splits([p.name for p in paths]) if split else {"all": list(range(len(keys)))}
        for split_name, idx in splits.items():
            m = f1_of([scores[i] for i in idx])
            print(f"aeb  {name:<22} {split_name:<8} pages={len(idx)}  F1={m['f1']:.3f}  precision={m['precision']:.3f}  "
                  f"recall={m['recall']:.3f}  ({time.perf_counter() - t0:.0f} s)")


def part_comments(names: Iterable[str], jobs: int, split: bool = False) -> None:
    gold_path = COMMENTS / "comments-gold.json"
    if not gold_path.exists():
        print(f"comments: skipped ({COMMENTS} is absent)")
        return
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    items = [(k, v) for k, v in sorted(gold.items()) if (COMMENTS / "pages" / f"{v['file']}.gz").exists()]
    paths = [COMMENTS / "pages" / f"{v['file']}.gz" for _, v in items]
    for name in names:
        preds = [_norm(p) for p in run_all(name, paths, jobs)]
        splits = _splits([p.name for p in paths]) if split else {"all": list(range(len(items)))}
        for split_name, idx in splits.items():
            _print_comments(name, split_name, [items[i] for i in idx], [preds[i] for i in idx])


def _print_comments(name: str, split_name: str, items: list[tuple[str, Any]], preds: list[str]) -> None:
    c = Counter[str]()
    for (_, v), body in zip(items, preds):
        c["comments"] += len(v["comments"])
        c["leaked"] += sum(snippet_in(s, body) for s in v["comments"])
        # the gold file holds a few empty comment snippets, "found" in any body: counted apart
        c["empty"] += sum(not s.strip() for s in v["comments"])
        c["with"] += len(v["with"])
        c["with_kept"] += sum(snippet_in(s, body) for s in v["with"])
        c["without"] += len(v["without"])
        c["without_kept"] += sum(snippet_in(s, body) for s in v["without"])
    tp, fn, fp = c["with_kept"], c["with"] - c["with_kept"], c["without_kept"]
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"comments  {name:<22} {split_name:<8} pages={len(items)}  comment leakage={c['leaked']}/{c['comments']}"
          f"={c['leaked'] / max(c['comments'], 1):.1%} (non-empty snippets: {c['leaked'] - c['empty']}/"
          f"{c['comments'] - c['empty']}={(c['leaked'] - c['empty']) / max(c['comments'] - c['empty'], 1):.1%})  "
          f"must-keep kept={rec:.1%}  "
          f"must-drop kept={fp}/{c['without']}  snippet F1={2 * prec * rec / max(prec + rec, 1e-9):.3f}")


def _parse_one(raw: Any) -> Any:
    from sitrep.ingest import parse_raw

    return parse_raw(raw)


def part_warc(jobs: int) -> None:
    files = sorted(WARCS.glob("*.warc*")) if WARCS.is_dir() else []
    if not files:
        print(f"warc: skipped ({WARCS} is absent)")
        return
    from sitrep.ingest import IngestOptions, iter_raw
    from sitrep.records import Article

    for f in files:
        t0 = time.perf_counter()
        raws = list(iter_raw([str(f)], IngestOptions()))
        with ProcessPoolExecutor(jobs) as pool:
            results = [r for r in raws if not hasattr(r, "data")]  # rejected while reading
            results += list(pool.map(_parse_one, [r for r in raws if hasattr(r, "data")], chunksize=4))
        dt = time.perf_counter() - t0
        ok = sum(isinstance(r, Article) for r in results)
        reasons = Counter(r.reason for r in results if not isinstance(r, Article))
        print(f"warc  {f.name:<26} documents={len(results)}  articles={ok}  rejected={dict(reasons) or 0}  "
              f"{dt:.1f} s  {len(results) / dt:.1f} pages/s read+parsed (jobs={jobs}, no event coding)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("parts", nargs="*", default=["aeb", "comments", "segment", "warc"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--extractors", default="trafilatura alone,sitrep html")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    names = [n.strip() for n in args.extractors.split(",") if n.strip()]
    if "aeb" in args.parts:
        part_aeb(names, args.jobs)
    if "comments" in args.parts:
        part_comments(names, args.jobs)
    if "segment" in args.parts:
        part_aeb(["sitrep flattened text"], args.jobs, split=True)
        part_comments(["sitrep flattened text"], args.jobs, split=True)
    if "warc" in args.parts:
        part_warc(args.jobs)


if __name__ == "__main__":
    main()
