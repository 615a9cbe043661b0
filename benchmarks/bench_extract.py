"""Benchmark: sitrep's extraction against a bare spaCy ``nlp.pipe`` of the same model on the same texts.

Each side runs in its own child process (so peak memory is its own), twice, alternating; the
best time of each is kept and reported as a ratio measured in this one run. Texts: the
openly licensed documents in ../shared/data/open-examples when present, else the bundled
illustrative examples, repeated to --articles documents.

    python benchmarks/bench_extract.py [--articles 300] [--out benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPEN_EXAMPLES = ROOT.parent / "shared" / "data" / "open-examples"


def load_texts(n: int) -> tuple[list[str], str]:
    texts: list[str] = []
    source = ""
    if OPEN_EXAMPLES.is_dir():
        for f in sorted(OPEN_EXAMPLES.glob("*.jsonl")):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
        source = f"{len(texts)} open-examples documents (CENTCOM, US State Dept, UK Gov)"
    if not texts:
        sys.path.insert(0, str(ROOT / "src"))
        from sitrep.ingest import read_path

        texts = [a.body for a in read_path(str(ROOT / "src" / "sitrep" / "examples")) if hasattr(a, "body")]
        source = f"{len(texts)} bundled illustrative examples"
    out = [texts[i % len(texts)] for i in range(n)]
    return out, source


def child(mode: str, path: str) -> None:
    texts = json.loads(Path(path).read_text(encoding="utf-8"))
    if mode == "bare":
        from sitrep.nlp import load_bare_model

        nlp = load_bare_model()
        start = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
    else:
        from sitrep.ingest.text import article_from_text
        from sitrep.pipeline import Pipeline

        pipeline = Pipeline()
        pipeline.extractor, pipeline.geocoder  # load outside the timed part, as the bare side does  # noqa: B018
        start = time.perf_counter()
        events = 0
        n = 0
        for coded in pipeline.run(article_from_text(t, published="2024-01-01") for t in texts):
            n += 1
            events += len(coded.events)
    seconds = time.perf_counter() - start
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "seconds": seconds, "articles": n, "maxrss_mb": maxrss}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", type=Path, help="append the result table to this markdown file")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "TEXTS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    texts, source = load_texts(args.articles)
    words = sum(len(t.split()) for t in texts)
    tmp = ROOT / "bench-out"
    tmp.mkdir(exist_ok=True)
    path = tmp / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.repeat):
        for mode in ("bare", "sitrep"):
            out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], check=True,
                                 capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            if mode not in best or r["seconds"] < best[mode]["seconds"]:
                best[mode] = r
    bare, ours = best["bare"], best["sitrep"]
    ratio = ours["seconds"] / bare["seconds"]
    lines = [
        f"### extract vs bare spaCy nlp.pipe ({time.strftime('%Y-%m-%d')}, {platform.machine()}, 1 process)",
        "",
        f"Texts: {len(texts)} articles ({words} words) from {source}.",
        "",
        "| run | seconds | articles/s | words/s | peak RSS (MB) |",
        "|---|---|---|---|---|",
        f"| bare `nlp.pipe` (en_core_web_sm) | {bare['seconds']:.2f} | {len(texts) / bare['seconds']:.1f} | "
        f"{words / bare['seconds']:.0f} | {bare['maxrss_mb']:.0f} |",
        f"| sitrep extract (ingest segmenter + NLP + events + geo) | {ours['seconds']:.2f} | "
        f"{len(texts) / ours['seconds']:.1f} | {words / ours['seconds']:.0f} | {ours['maxrss_mb']:.0f} |",
        "",
        f"**Time ratio sitrep / bare: {ratio:.2f}x** (best of {args.repeat} alternating runs; "
        f"peak-memory ratio {ours['maxrss_mb'] / bare['maxrss_mb']:.2f}x).",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as fh:
            fh.write(report + "\n")


if __name__ == "__main__":
    main()
