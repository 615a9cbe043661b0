"""Benchmark: `sitrep batch` end to end on the local engine, --jobs 1 vs --jobs 2, against bare spaCy.

Input: one JSONL file of --articles documents built in a temporary folder from the openly
licensed texts in ../shared/data/open-examples (else the bundled examples; the texts of
benchmarks/bench_extract.py), each given its own id. Measured, per run:
wall time of the whole command (model loading included) -> articles/s; the shards' own
coding time (from their markers: parse + code + write, model loading excluded) -> seconds
per article, set against a bare spaCy ``nlp.pipe`` of the same model over the same texts
(bench_extract's child, in its own process); the peak RSS of each worker. The runs alternate
(jobs 1, jobs 2, bare) --repeat times and the best of each is kept. Figures, not assertions.

    python benchmarks/bench_batch.py [--articles 2000] [--shard-size 100] [--out benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_extract import load_texts  # noqa: E402  (same texts as the extract benchmark)


def batch_run(inp: Path, out: Path, jobs: int, shard_size: int) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitrep.cli", "batch", str(inp), "--out", str(out), "--jobs", str(jobs),
                    "--shard-size", str(shard_size)], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    markers = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.done")]
    rss: dict[str, float] = {}
    for m in markers:
        rss[m["worker"]] = max(rss.get(m["worker"], 0.0), m["peak_rss_mb"])
    markers.sort(key=lambda m: m["shard"])
    return {"wall": wall, "shard_seconds": sum(m["seconds"] for m in markers),
            "documents": sum(m["documents"] for m in markers), "events": sum(m["events"] for m in markers),
            "peak_rss_mb": max(rss.values()), "workers": len(rss),
            "rss_first_shard": markers[0]["peak_rss_mb"], "rss_last_shard": markers[-1]["peak_rss_mb"]}


def stream_run(path: Path, shard_size: int) -> dict[str, float]:
    """Read a large JSONL file into shards (no coding) in a child process: time and peak RSS of the reader."""
    code = ("import json, resource, sys, time; from sitrep.ingest import IngestOptions; "
            "from sitrep.runners.shards import iter_shards; t = time.perf_counter(); "
            "n = sum(len(s.docs) for s in iter_shards([sys.argv[1]], int(sys.argv[2]), IngestOptions())); "
            "print(json.dumps({'docs': n, 'seconds': time.perf_counter() - t, "
            "'maxrss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(shard_size)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def bare_run(texts_json: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(HERE / "bench_extract.py"), "--child", "bare", str(texts_json)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shard-size", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--stream-gb", type=float, default=0.0,
                    help="also read a JSONL file of this many GB into shards (no coding) and report the reader's memory")
    ap.add_argument("--out", type=Path, help="append the result section to this markdown file")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]  # the machine is shared: say how busy it was
    texts, source = load_texts(args.articles)  # repeated texts are distinct documents by id (batch does not dedupe)
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-batch-"))
    try:
        inp = tmp / "input.jsonl"
        with inp.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"b{i:06d}", "text": t, "published": "2024-01-01"}) + "\n")
        (tmp / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.repeat):
            for key in ("jobs1", "jobs2", "bare"):
                if key == "bare":
                    r = bare_run(tmp / "texts.json")
                    r["wall"] = r["seconds"]
                else:
                    r = batch_run(inp, tmp / key, int(key[-1]), args.shard_size)
                if key not in best or r["wall"] < best[key]["wall"]:
                    best[key] = r
        stream = None
        if args.stream_gb > 0:
            big = tmp / "big.jsonl"
            with inp.open("rb") as src, big.open("wb") as dst:
                chunk = src.read()
                while dst.tell() < args.stream_gb * 1e9:
                    dst.write(chunk)
            stream = stream_run(big, args.shard_size)
            stream["gb"] = big.stat().st_size / 1e9
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    n = len(texts)
    j1, j2, bare = best["jobs1"], best["jobs2"], best["bare"]
    per_article = j1["shard_seconds"] / n  # one worker-core, model loaded
    per_article_wall = j1["wall"] / n
    ratio = per_article / (bare["seconds"] / n)
    lines = [
        f"### sitrep batch, local engine ({time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores; best of {args.repeat}; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after)",
        "",
        f"`python benchmarks/bench_batch.py --articles {args.articles} --shard-size {args.shard_size}"
        f"{f' --repeat {args.repeat}' if args.repeat > 1 else ''}`. Input: one JSONL file of {n} articles "
        f"from {source}, repeated, each with its own id; {args.shard_size} articles a shard.",
        "",
        "| run | wall s | articles/s | events | workers | peak RSS per worker (MiB) |",
        "|---|---|---|---|---|---|",
        f"| `sitrep batch --jobs 1` | {j1['wall']:.1f} | {n / j1['wall']:.1f} | {j1['events']:.0f} | 1 | "
        f"{j1['peak_rss_mb']:.0f} |",
        f"| `sitrep batch --jobs 2` | {j2['wall']:.1f} | {n / j2['wall']:.1f} | {j2['events']:.0f} | "
        f"{j2['workers']:.0f} | {j2['peak_rss_mb']:.0f} |",
        f"| bare `nlp.pipe` (same model, same texts, model load excluded) | {bare['seconds']:.1f} | "
        f"{n / bare['seconds']:.1f} | | 1 | {bare['maxrss_mb']:.0f} |",
        "",
        f"- **Scaling --jobs 2 / --jobs 1: {j1['wall'] / j2['wall']:.2f}x** articles/s (wall clock, model loading "
        "and the driver included; target 1.7x).",
        f"- **Per-article time sitrep / bare spaCy: {ratio:.2f}x** ({per_article * 1000:.1f} ms vs "
        f"{bare['seconds'] / n * 1000:.1f} ms; sitrep's is the shards' own time: read, parse, code, write Parquet; "
        "target <= 1.3x).",
        f"- Extrapolated per worker-core ({per_article_wall * 1000:.1f} ms per article, wall): 10,000 articles "
        f"{10_000 * per_article_wall / 60:.1f} min; 1,000,000 articles {1e6 * per_article_wall / 3600:.1f} h "
        f"(divide by the worker-cores: cost grows linearly with the number of articles).",
        f"- A worker's peak RSS after its first shard {j1['rss_first_shard']:.0f} MiB, after its last "
        f"{j1['rss_last_shard']:.0f} MiB (--jobs 1, {n // args.shard_size} shards).",
    ]
    if stream:
        lines.append(f"- Streaming: a {stream['gb']:.2f} GB JSONL file ({stream['docs']:,} documents) read into shards "
                     f"(no coding) in {stream['seconds']:.0f} s with a peak RSS of {stream['maxrss_mb']:.0f} MiB "
                     f"(`--stream-gb {args.stream_gb:g}`).")
    lines += [
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as fh:
            fh.write(report + "\n")


if __name__ == "__main__":
    main()
