"""The command line, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_records import CONTRACT_FIELDS


def run(*args: str, stdin: bytes | None = None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin, capture_output=True,
                          timeout=600, env=env)


def assert_one_line_error(proc, needle: str):
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert needle in err, err
    assert len([ln for ln in err.splitlines() if ln.startswith("sitrep: error")]) == 1


def test_missing_file():
    assert_one_line_error(run("extract", "/no/such/file.txt"), "no such file")


@pytest.mark.parametrize("name, data, needle", [
    ("empty.txt", b"", "empty"),
    ("bin.dat", bytes(range(256)) * 40, "binary"),
    ("bad.txt", b"Soldats tu\xe9s \xe0 Gao " * 10, "UTF-8"),
])
def test_bad_single_files(tmp_path, name, data, needle):
    p = tmp_path / name
    p.write_bytes(data)
    proc = run("extract", str(p))
    assert_one_line_error(proc, needle)
    assert proc.stdout == b""


def test_bad_published_date():
    assert_one_line_error(run("extract", "-", "--published", "15/06/2015", stdin=b"x"), "YYYY-MM-DD")


def test_jsonl_input_carries_doc_ids_and_the_contract_fields():
    lines = [
        {"id": "n1", "text": "On 9 May 2020, gunmen killed 4 villagers in an attack on Bankass, Mali."},
        {"id": "n2", "text": "Analysts discussed the economy.", "published": "2020-05-10"},
        {"id": "n3", "text": "Police fired tear gas to disperse protesters in Khartoum on Tuesday.",
         "published": "2020-05-10"},
    ]
    proc = run("extract", "--jsonl-input", "-", stdin="\n".join(json.dumps(x) for x in lines).encode())
    assert proc.returncode == 0, proc.stderr.decode()
    events = [json.loads(ln) for ln in proc.stdout.decode().splitlines()]
    assert {e["doc_id"] for e in events} == {"n1", "n3"}
    for e in events:
        assert set(e) == CONTRACT_FIELDS
    n1 = next(e for e in events if e["doc_id"] == "n1")
    assert n1["event_date"] == "2020-05-09" and n1["fatalities"] == 4 and n1["country"] == "Mali"


def test_directory_with_bad_files_processes_the_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text("Gunmen killed 3 farmers in Kidal on Monday.", encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(b"\x00" * 100)
    proc = run("extract", str(tmp_path), "--published", "2024-05-10")
    assert proc.returncode == 0
    assert "skipped" in proc.stderr.decode() and "binary" in proc.stderr.decode()
    assert len(proc.stdout.decode().splitlines()) == 1


def test_parse_prints_the_article(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("Title line here\n\nTroops clashed with rebels in Goma on Monday.\n\n"
                 "  \u2022 Bob says:\n\n  They will attack again.\n", encoding="utf-8")
    proc = run("parse", str(p))
    art = json.loads(proc.stdout)
    assert art["title"] == "Title line here" and art["text"] == "Troops clashed with rebels in Goma on Monday."
    assert art["comments"] == [{"text": "They will attack again.", "author": "Bob"}]
    assert {"title", "author", "published", "url", "site", "language", "text", "comments", "boilerplate"} <= set(art)


def test_ingest_events_export_and_idempotency(tmp_path):
    db = tmp_path / "s.sqlite"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Gunmen killed 3 farmers in Kidal on Monday.", encoding="utf-8")
    (docs / "b.txt").write_text("Police arrested ten members of the Taliban in Kabul on Wednesday.", encoding="utf-8")
    (docs / "c.dat").write_bytes(b"\x00\x01" * 50)
    first = run("ingest", str(docs), "--db", str(db), "--published", "2024-05-10")
    assert first.returncode == 0, first.stderr.decode()
    again = run("ingest", str(docs), "--db", str(db), "--published", "2024-05-10")
    assert "duplicate 2" in again.stderr.decode()
    table = run("events", "--db", str(db)).stdout.decode()
    assert "Arrests" in table and "Attack" in table
    jsonl = run("events", "--db", str(db), "--format", "jsonl", "--country", "Afghanistan").stdout.decode()
    assert [json.loads(ln)["sub_event_type"] for ln in jsonl.splitlines()] == ["Arrests"]
    out = tmp_path / "e.parquet"
    assert run("export", "--db", str(db), "--format", "parquet", "-o", str(out)).returncode == 0
    from sitrep.export import read_parquet

    assert len(read_parquet(out)) == 2
    rejects = run("rejects", "--db", str(db)).stdout.decode()
    assert "binary" in rejects and "c.dat" in rejects


def test_twenty_megabyte_text_in_bounded_memory(tmp_path):
    """A 20 MB article is read, chunked and coded; the child's peak memory stays bounded."""
    filler = "Markets in the capital were calm and shops were busy as usual this morning. " * 40
    paras = []
    size = 0
    i = 0
    while size < 20_000_000:
        # distinct dates so that no two events are merged as one
        para = f"Gunmen killed 3 farmers in Kidal on {1 + (i // 500) % 28} April 2024." if i % 500 == 0 else filler
        paras.append(para)
        size += len(para) + 2
        i += 1
    p = tmp_path / "big.txt"
    p.write_text("\n\n".join(paras), encoding="utf-8")
    assert p.stat().st_size >= 20_000_000
    code = ("import resource, subprocess, sys; "
            "r = subprocess.run([sys.executable, '-m', 'sitrep.cli', 'extract', sys.argv[1], '--published', "
            "'2024-05-10'], capture_output=True); "
            "print(r.returncode, len(r.stdout.splitlines()), "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, timeout=900).stdout.decode()
    rc, n_events, maxrss_kb = (int(x) for x in out.split())
    assert rc == 0
    assert n_events == sum(1 for x in paras if x.startswith("Gunmen"))
    assert maxrss_kb < 1_500_000, f"peak RSS {maxrss_kb / 1024:.0f} MB"


def test_demo_runs_on_the_bundled_examples(tmp_path):
    proc = run("demo", "--db", str(tmp_path / "demo.sqlite"))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "Suicide bomb" in out and "Kidal" in out


def test_every_command_has_help_and_is_in_the_readme():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    from sitrep.cli import cli

    for name in cli.commands:
        assert run(name, "--help").returncode == 0
        assert f"sitrep {name}" in readme, f"`sitrep {name}` is not documented in the README"


def test_geoparse_lists_places_of_every_paragraph(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The minister travelled to Bamako on Monday.\n\nGunmen killed 3 farmers in Kidal on Monday.",
                 encoding="utf-8")
    proc = run("geoparse", str(p))
    assert proc.returncode == 0, proc.stderr.decode()
    (doc,) = [json.loads(ln) for ln in proc.stdout.decode().splitlines()]
    names = [(t["text"], t["country"]) for t in doc["toponyms"]]
    assert names == [("Bamako", "Mali"), ("Kidal", "Mali")]
    body = p.read_text(encoding="utf-8")
    assert all(body[t["start"]:t["end"]] == t["text"] for t in doc["toponyms"])
