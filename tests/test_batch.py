"""sitrep batch / sitrep load: sharded, resumable runs on the process pool and on Ray Data.

Inputs are the bundled examples and small JSONL files made from them here. The Ray engine runs
for real, in local mode (CI installs the ``ray`` extra and sets SITREP_REQUIRE_RAY=1).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.ingest import IngestOptions, read_sources
from sitrep.records import Article
from sitrep.runners import BatchTotals, OutDir, Stage, run_batch
from sitrep.runners.shards import iter_shards

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, timeout=300,
                          env=env)


@pytest.fixture(scope="module")
def bodies() -> list[Article]:
    return [a for a in read_sources([str(EXAMPLES)]) if isinstance(a, Article)]


def write_jsonl(path: Path, bodies: list[Article], n: int, bad: bool = False) -> Path:
    """``n`` records (the examples' texts, each with its own id and a varied opening), plus bad lines."""
    lines = []
    for i in range(n):
        art = bodies[i % len(bodies)]
        lines.append(json.dumps({"id": f"doc{i:03d}", "text": f"Report {i}.\n\n{art.body}", "published": art.published}))
        if bad and i == 1:
            lines.append("{not json")
            lines.append(json.dumps({"id": "hollow", "text": "   "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def event_set(out: Path) -> set[str]:
    outdir = OutDir(str(out))
    return {json.dumps(ev.to_contract(), sort_keys=True) for shard in outdir.done_shards()
            for ev in outdir.read_shard(shard)[1]}


def run(inputs: list[str], out: Path, **kw) -> BatchTotals:  # type: ignore[no-untyped-def]
    totals = BatchTotals()
    for report in run_batch(inputs, str(out), **kw):
        totals.add(report)
    return totals


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory, bodies: list[Article]) -> tuple[Path, Path, BatchTotals]:
    """The examples folder, a JSONL with bad lines and a PDF, through a list file, on the local engine."""
    base = tmp_path_factory.mktemp("batch")
    jsonl = write_jsonl(base / "news.jsonl", bodies, 9, bad=True)
    (base / "scan.pdf").write_bytes(b"%PDF-1.4 not an article")
    listed = base / "inputs.txt"
    listed.write_text(f"{EXAMPLES}\n# a comment\n{jsonl}\n{base / 'scan.pdf'}\n", encoding="utf-8")
    out = base / "out"
    return base, out, run([f"@{listed}"], out, jobs=1, shard_size=4)


def test_shards_hold_events_articles_rejects_and_a_marker(local_run, pipeline) -> None:
    _, out, totals = local_run
    outdir = OutDir(str(out))
    shards = outdir.done_shards()
    # 6 examples -> 2 shards of 4; 11 JSONL lines -> 3; the PDF -> 1
    assert len(shards) == 6 and totals.shards == 6
    for shard in shards:
        for kind in ("events", "articles", "rejects"):
            assert (out / f"{kind}-{shard}.parquet").is_file()
        report = outdir.report(shard)
        articles, events, rejects = outdir.read_shard(shard)
        assert report.documents == len(articles) + len(rejects)
        assert report.events == len(events)
    assert not list(out.glob(".*.tmp"))
    assert totals.documents == 6 + 11 + 1
    assert totals.failed == {"bad-json": 1, "empty": 1, "unsupported-format": 1}
    reasons = {r.source.rsplit("/", 1)[-1]: (r.reason, r.detail) for s in shards for r in outdir.read_shard(s)[2]}
    assert reasons["news.jsonl:3"][0] == "bad-json" and reasons["news.jsonl:4"][0] == "empty"
    assert "PDF" in reasons["scan.pdf"][1]
    # events and articles round-trip to the records the pipeline makes from the same documents
    stored = {a.id: a for s in shards for a, _ in outdir.read_shard(s)[0]}
    direct = list(pipeline.run(read_sources([str(EXAMPLES)])))
    for coded in direct:
        back = stored[coded.article.id]
        assert (back.body, back.comments, back.boilerplate, back.title, back.published) == \
               (coded.article.body, coded.article.comments, coded.article.boilerplate, coded.article.title,
                coded.article.published)
    expected = {json.dumps(ev.to_contract(), sort_keys=True) for c in direct for ev in c.events}
    assert expected and expected <= event_set(out)


def test_rerun_skips_complete_shards_and_redoes_a_partial_one(local_run) -> None:
    base, out, _ = local_run
    before = event_set(out)
    shards = OutDir(str(out)).done_shards()
    partial = shards[0]
    (out / f"{partial}.done").unlink()  # as if the run died after writing the shard's files
    (out / f"events-{partial}.parquet").write_bytes(b"half a file")
    (out / f".events-{partial}.parquet.0123abcd.tmp").write_bytes(b"a killed run's temporary file")
    mtimes = {s: (out / f"{s}.done").stat().st_mtime_ns for s in shards[1:]}
    totals = run([f"@{base / 'inputs.txt'}"], out, jobs=1, shard_size=4)
    assert totals.shards == 1  # only the partial shard was coded again
    assert {s: (out / f"{s}.done").stat().st_mtime_ns for s in shards[1:]} == mtimes
    assert event_set(out) == before
    assert not list(out.glob(".*.tmp"))


def test_load_then_events_and_loading_twice_adds_nothing(local_run, tmp_path: Path) -> None:
    out = local_run[1]
    db = str(tmp_path / "db.sqlite")
    first = cli("load", str(out), "--db", db)
    assert first.returncode == 0, first.stderr
    events = cli("events", "--db", db, "--format", "jsonl")
    lines = [json.loads(ln) for ln in events.stdout.splitlines()]
    # the JSONL records are the examples' texts with a new first line: the store keeps them as near-duplicates,
    # without events, so the events are those of the examples' shards (loaded first)
    outdir = OutDir(str(out))
    expected = {json.dumps(ev.to_contract(), sort_keys=True) for s in outdir.done_shards()
                if outdir.report(s).input == str(EXAMPLES) for ev in outdir.read_shard(s)[1]}
    assert expected and {json.dumps({k: v for k, v in e.items() if k != "id"}, sort_keys=True) for e in lines} == expected
    assert "duplicate: near-duplicate" in first.stderr
    rejects = cli("rejects", "--db", db)
    assert "bad-json" in rejects.stdout and "unsupported-format" in rejects.stdout
    second = cli("load", str(out), "--db", db)
    assert second.returncode == 0, second.stderr
    assert cli("events", "--db", db, "--format", "jsonl").stdout == events.stdout
    assert first.stderr.splitlines()[-1] == second.stderr.splitlines()[-1]  # the database totals


def test_jsonl_is_streamed_past_the_whole_file_size_limit(tmp_path: Path, bodies: list[Article]) -> None:
    """sitrep ingest reads a JSONL file whole (and rejects one over --max-bytes); batch reads it line by line."""
    jsonl = write_jsonl(tmp_path / "big.jsonl", bodies, 30)
    options = IngestOptions(max_bytes=jsonl.stat().st_size // 5)
    shards = iter_shards([str(jsonl)], 8, options)
    first = next(shards)
    assert [d.source.rsplit(":", 1)[1] for d in first.docs] == [str(i) for i in range(1, 9)]
    assert [len(s.docs) for s in shards] == [8, 8, 6]


def test_killed_run_resumes_to_the_same_output(tmp_path: Path, bodies: list[Article]) -> None:
    jsonl = write_jsonl(tmp_path / "feed.jsonl", bodies, 40)
    args = ["batch", str(jsonl), "--jobs", "1", "--shard-size", "2"]
    whole = cli(*args, "--out", str(tmp_path / "whole"))
    assert whole.returncode == 0, whole.stderr
    killed = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", *args, "--out", str(killed)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(killed.glob("*.done")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list(killed.glob("*.done")))
    assert 1 <= done < 20, "the run should have been killed after its first shard"
    rerun = cli(*args, "--out", str(killed))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{20 - done} shards coded" in rerun.stderr
    names = sorted(p.name for p in (tmp_path / "whole").iterdir())
    assert sorted(p.name for p in killed.iterdir()) == names
    assert event_set(killed) == event_set(tmp_path / "whole")
    for name in names:
        if name.startswith("articles-"):
            assert OutDir(str(killed)).read_shard(name[9:-8])[0] == OutDir(str(tmp_path / "whole")).read_shard(name[9:-8])[0]


def _ray_available() -> bool:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        if os.environ.get("SITREP_REQUIRE_RAY"):
            raise
        return False
    return True


def test_ray_engine_codes_the_same_events_as_the_local_engine(local_run, tmp_path: Path) -> None:
    if not _ray_available():
        pytest.skip('Ray is not installed (pip install "sitrep[ray]"); set SITREP_REQUIRE_RAY=1 to make this fail')
    from sitrep.runners.rayengine import actor_count
    from sitrep.runners.stages import usable_cpus

    base, local_out, _ = local_run
    out = tmp_path / "ray"
    inputs = [f"file://{EXAMPLES}", f"file://{base / 'news.jsonl'}", str(base / "scan.pdf")]
    totals = run(inputs, out, engine="ray", jobs=4, shard_size=4)
    assert totals.shards == 6 and totals.documents == 18
    # one actor on 2 CPUs: the pool stays below the CPU count
    assert 1 <= len(totals.peak_rss_mb) <= actor_count(4, usable_cpus()) < max(2, usable_cpus())
    assert event_set(out) == event_set(local_out)
    assert run(inputs, out, engine="ray", shard_size=4).shards == 0  # rerun: every shard complete


def test_ray_engine_without_ray_is_one_clear_line(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['ray'] = None; from sitrep.cli import main; "
            f"main(['batch', {str(EXAMPLES)!r}, '--out', {str(tmp_path / 'out')!r}, '--engine', 'ray'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and 'pip install "sitrep[ray]"' in proc.stderr
    assert not (tmp_path / "out").exists()


def test_importing_sitrep_never_imports_ray() -> None:
    code = ("import sys, sitrep, sitrep.cli, sitrep.runners, sitrep.runners.local; "
            "assert 'ray' not in sys.modules, 'ray imported'")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120).returncode == 0


def test_stage_lifecycle_outside_any_engine(bodies: list[Article]) -> None:
    from sitrep.ingest import RawDoc

    stage = Stage()
    stage.setup()
    docs = [RawDoc(a.body.encode("utf-8"), f"mem:{i}", kind="text") for i, a in enumerate(bodies)]
    out = stage.process_batch(docs + [RawDoc(b"%PDF-1.4", "mem:pdf")])
    stage.teardown()
    assert len(out.articles) == len(bodies) and [r.reason for r in out.rejects] == ["unsupported-format"]
    assert out.events and all(ev.id and ev.doc_id in {a.id for a in out.articles} for ev in out.events)


def test_process_pool_codes_the_same_events_and_replaces_its_workers(local_run, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.runners.local

    monkeypatch.setattr(sitrep.runners.local, "RECYCLE_AFTER", 2)  # 2 shards per worker, then a fresh pool
    workers = [r.worker for r in run_batch([str(EXAMPLES)], str(tmp_path / "pool"), jobs=2, shard_size=1)]
    assert len(workers) == 6  # a pool of 2 workers for shards 1-4, then a fresh pool for 5-6
    assert not set(workers[:4]) & set(workers[4:])
    outdir = OutDir(str(local_run[1]))
    assert event_set(tmp_path / "pool") == {json.dumps(ev.to_contract(), sort_keys=True) for s in outdir.done_shards()
                                            if outdir.report(s).input == str(EXAMPLES) for ev in outdir.read_shard(s)[1]}
