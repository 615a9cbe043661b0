"""Fit the flattened-text line classifier (``sitrep/ingest/linemodel.py``) on the shared data.

Reads ../shared/data/ingest/ (never copied into the repo): the article-extraction-benchmark
pages and the comments pages, flattened to text with ``flatten_html``. Line labels come from
the HTML side:

- ``article``: a line whose 4-gram shingles lie mostly in the page's ground-truth body (AEB),
  or, on the comments pages, in the body sitrep's HTML reader extracts (silver) or holding a
  must-keep snippet;
- ``comment``: a line inside a comment container of the HTML (``comment_blocks``) or holding a
  gold comment snippet;
- ``other``: everything else (menus, captions, teasers, footers).

Only pages of the training split are used (``bench_ingest.is_held_out`` keeps one page in
five out). Writes ``src/sitrep/data/segmenter.json``: numbers only, no page text.

    python benchmarks/train_segmenter.py [--l2 0.001] [--steps 3000] [--word-weight 1.0]
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import AEB, COMMENTS, ROOT, _norm, is_held_out, shingles  # noqa: E402

OUT = ROOT / "src" / "sitrep" / "data" / "segmenter.json"
CACHE = Path("/tmp/sitrep-segmenter-lines.pkl")


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def label_lines(lines: list[str], body: str, comment_texts: list[str], keep: list[str],
                comment_snips: list[str]) -> list[int]:
    """0 article, 1 comment, 2 other, -1 unknown (left out of training)."""
    truth = shingles(body)
    nbody = _norm(body)
    out: list[int] = []
    for ln in lines:
        n = _norm(ln)
        if len(n) >= 12 and (any(n in c for c in comment_texts) or any(s.strip() and _norm(s) in n for s in comment_snips)):
            out.append(1)
            continue
        if any(s.strip() and _norm(s) in n for s in keep):
            out.append(0)
            continue
        sh = shingles(ln)
        toks = sum(sh.values())
        if len(ln.split()) >= 4 and toks:
            out.append(0 if sum(min(c, truth[k]) for k, c in sh.items()) / toks >= 0.5 else 2)
        else:
            out.append(-1 if n and n in nbody else 2)  # short lines found in the body: ambiguous
    return out


def _page(args: tuple[str, str, str]) -> tuple[str, list[str], list[int]]:
    from sitrep.ingest.html import article_from_html, comment_blocks, decode_html, flatten_html

    kind, path, meta = args
    html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    lines = _lines(flatten_html(html))
    info = json.loads(meta)
    if kind == "aeb":
        labels = label_lines(lines, info["articleBody"], [], [], [])
    else:
        art = article_from_html(html)
        blocks = comment_blocks(decode_html(html))
        labels = label_lines(lines, art.body if art else "", blocks, info["with"], info["comments"])
    return path, lines, labels


def load_pages(jobs: int) -> list[tuple[str, list[str], list[int]]]:
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())  # a local cache outside the repo, for quick refits
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    gold = json.loads((COMMENTS / "comments-gold.json").read_text(encoding="utf-8"))
    tasks = [("aeb", str(AEB / "html" / f"{k}.html.gz"), json.dumps({"articleBody": v.get("articleBody", "")}))
             for k, v in sorted(truth.items())]
    tasks += [("comments", str(COMMENTS / "pages" / f"{v['file']}.gz"), json.dumps(v)) for _, v in sorted(gold.items())
              if (COMMENTS / "pages" / f"{v['file']}.gz").exists()]
    with ProcessPoolExecutor(jobs) as pool:
        pages = list(pool.map(_page, tasks, chunksize=4))
    CACHE.write_bytes(pickle.dumps(pages))
    return pages


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--word-weight", type=float, default=1.0,
                    help="a line's weight within its page: (1 + words) ** this (0: every line the same)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.ingest.linemodel import fit, features

    Xs, ys, ws = [], [], []
    n_pages = 0
    for path, lines, labels in load_pages(args.jobs):
        if is_held_out(Path(path).name) or not lines:
            continue
        n_pages += 1
        X = features(lines)
        y = np.array(labels)
        keep = y >= 0
        Xs.append(X[keep])
        ys.append(y[keep])
        # each page weighs the same; within a page, a line weighs by its words (1 + words) ** word_weight,
        # as the benchmark's F1 counts words
        w = (1.0 + np.array([len(ln.split()) for ln in lines], dtype=float)[keep]) ** args.word_weight
        ws.append(w / max(w.sum(), 1e-9))
    X, y, w = np.vstack(Xs), np.concatenate(ys), np.concatenate(ws)
    model = fit(X, y, w, l2=args.l2, steps=args.steps)
    model["trained_on"] = {"pages": n_pages, "lines": int(len(y)), "per_class": np.bincount(y, minlength=3).tolist(),
                           "l2": args.l2, "steps": args.steps,
                           "word_weight": args.word_weight}
    model.setdefault("thresholds", {"article": 0.5, "uncertain": 0.3})
    if OUT.exists():  # keep hand-tuned thresholds across refits
        model["thresholds"] = json.loads(OUT.read_text(encoding="utf-8")).get("thresholds", model["thresholds"])
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"fitted on {n_pages} pages, {len(y)} lines {model['trained_on']['per_class']} -> {OUT}")


if __name__ == "__main__":
    main()
