"""Benchmark: ``GET /api/events`` with a date + bounding-box filter over HTTP, on 200,000 synthetic
events: median and p99 latency of sequential requests, and requests/s under wrk at 32 connections.

    python benchmarks/bench_serve.py --db /tmp/bench-serve.sqlite [--events 200000]
    python benchmarks/bench_serve.py --db postgresql://postgres@localhost:5432/bench

The database is filled by ``bench_store.fill`` (bulk inserts of synthetic events, fixed seed:
dates over 2023-2024, places between 5°N-37°N and 17°W-50°E) when it is empty, and reused when
it already holds events. The server is ``sitrep serve`` (one uvicorn process) on a free local
port; each request asks for a 30-day window and a 2°x2° box (first page of 100 events, with
``total``). Needs Debian's ``wrk`` for the load figure (skipped with a message without it).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_store import DAYS, START, fill

from sitrep.serve import free_port
from sitrep.store import Store


def query(rng: random.Random) -> dict[str, str]:
    since = START + timedelta(days=rng.randrange(DAYS - 30))
    lon, lat = rng.uniform(-17, 48), rng.uniform(5, 35)
    return {"since": since.isoformat(), "until": (since + timedelta(days=30)).isoformat(),
            "bbox": f"{lon:.3f},{lat:.3f},{lon + 2:.3f},{lat + 2:.3f}"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="SQLite file or postgresql:// URL (filled when empty)")
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--requests", type=int, default=500, help="sequential requests for the latency figures")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--seconds", type=int, default=20, help="wrk duration")
    args = ap.parse_args()

    store = Store(args.db)
    if store.counts()["events"] == 0:
        store.close()
        t = time.perf_counter()
        store = fill(args.db, args.events)
        print(f"loaded {args.events} synthetic events in {time.perf_counter() - t:.1f} s")
    n = store.counts()["events"]
    dialect = store.engine.dialect.name
    store.close()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "sitrep.cli", "serve", "--db", args.db, "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
    server = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(300):
                try:
                    if client.get("/api/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            rng = random.Random(11)
            for _ in range(20):  # warm up caches and the connection
                client.get("/api/events", params=query(rng))
            times, totals = [], []
            for _ in range(args.requests):
                params = query(rng)
                t = time.perf_counter()
                resp = client.get("/api/events", params=params)
                times.append(time.perf_counter() - t)
                assert resp.status_code == 200, resp.text
                totals.append(resp.json()["total"])
        ordered = sorted(times)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(f"{dialect}, {n} events: GET /api/events (30-day window + 2x2 degree box, page of 100): "
              f"median {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms over {args.requests} "
              f"sequential requests (mean {statistics.mean(totals):.1f} matching events)")
        wrk = shutil.which("wrk")
        if wrk is None:
            print("wrk not found (apt-get install wrk): no requests/s figure")
            return
        url = f"{base}/api/events?" + "&".join(f"{k}={v}" for k, v in query(random.Random(5)).items())
        wrk_cmd = [wrk, "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", url]
        out = subprocess.run(wrk_cmd, capture_output=True, text=True, check=True).stdout
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        print(f"wrk ({' '.join(wrk_cmd[1:-1])}) on one date+bbox query: "
              f"{float(rps.group(1)) if rps else float('nan'):.0f} requests/s, "
              f"{errors.group(1) if errors else 0} non-2xx")
        print(out)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
