"""The HTTP API (sitrep serve) against a real SQLite store filled by ingesting the bundled examples
(and the Derna article when the shared seed is present): reads, writes, errors and security."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_data import HOSTILE_TEXT, HOSTILE_TITLE, TOKEN, build_store, database

from sitrep.serve import create_app, running

AUTH = {"Authorization": f"Bearer {TOKEN}"}
DERNA_BBOX = "22.5,32.6,22.8,32.9"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def built(request, tmp_path_factory):
    store, has_derna = build_store(database(request.param, tmp_path_factory.mktemp("serve"), "sitrep_serve_read"))
    yield store, has_derna
    store.close()


@pytest.fixture(scope="module")
def client(built):
    """Read-only routes of a server with writes on (no test here writes through it)."""
    return TestClient(create_app(built[0], TOKEN))


@pytest.fixture(params=["sqlite", "postgresql"])
def writer(request, tmp_path):
    """A server over a store of its own, for tests that change the data."""
    store, _ = build_store(database(request.param, tmp_path, "sitrep_serve_write"))
    yield TestClient(create_app(store, TOKEN)), store
    store.close()


def error_of(resp) -> dict:
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    return body["error"]


# -- reads ------------------------------------------------------------------------------------
def test_health_and_openapi_schema(client, built):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["writes"] is True
    assert health["events"] == built[0].counts()["events"] > 0
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for route in ("/api/events", "/api/events/{event_id}", "/api/timeline", "/api/export", "/api/actors",
                  "/api/actors/{name}", "/api/articles", "/api/articles/{article_id}", "/api/health",
                  "/api/events/{event_id}/review", "/api/events/merge", "/api/events/{event_id}/split", "/api/audit"):
        assert route in paths, route
    op = paths["/api/events"]["get"]
    assert op["description"] and {p["name"] for p in op["parameters"]} >= {
        "since", "until", "bbox", "country", "admin1", "actor", "event_type", "certainty", "q", "limit", "offset"}
    assert "EventPage" in schema["components"]["schemas"]
    assert "ErrorOut" in json.dumps(op["responses"]["422"])


def test_events_page_total_and_filters(client, built):
    store = built[0]
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == store.count_events() == len(everything["events"])
    ids = [e["id"] for e in everything["events"]]
    page1 = client.get("/api/events", params={"limit": 3}).json()
    page2 = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert [e["id"] for e in page1["events"] + page2["events"]] == ids[:6]
    assert page1["total"] == everything["total"]

    def total(**params) -> int:
        resp = client.get("/api/events", params=params)
        assert resp.status_code == 200, resp.text
        return resp.json()["total"]

    mali = client.get("/api/events", params={"country": "Mali"}).json()
    assert mali["events"] and all(e["country"] == "Mali" for e in mali["events"])
    assert mali["total"] == sum(1 for e in everything["events"] if e["country"] == "Mali")
    one = everything["events"][0]
    assert total(since=one["event_date"], until=one["event_date"]) == sum(
        1 for e in everything["events"] if e["event_date"] == one["event_date"])
    lat, lon = one["latitude"], one["longitude"]
    box = f"{lon - 0.1},{lat - 0.1},{lon + 0.1},{lat + 0.1}"
    inside = client.get("/api/events", params={"bbox": box}).json()["events"]
    assert one["id"] in {e["id"] for e in inside}
    assert all(abs(e["latitude"] - lat) <= 0.1 and abs(e["longitude"] - lon) <= 0.1 for e in inside)
    word = one["evidence"]["text"].split()[1]
    assert 0 < total(q=word) <= everything["total"]
    assert all(word.lower() in e["evidence"]["text"].lower()
               for e in client.get("/api/events", params={"q": word}).json()["events"])
    assert total(event_type=one["event_type"]) >= 1
    assert total(certainty=one["certainty"]) >= 1
    assert total(actor="no such actor at all") == 0
    assert total(admin1=one["admin1"]) >= 1


def test_derna_events_are_at_derna(client, built):
    if not built[1]:
        pytest.skip("the Derna article (../shared/seed/derna-2015-06-lwj.txt) is absent")
    page = client.get("/api/events", params={"bbox": DERNA_BBOX, "since": "2015-06-01", "until": "2015-06-30"}).json()
    assert page["total"] >= 3
    assert {e["country"] for e in page["events"]} == {"Libya"}


def test_event_detail_sources_spans_and_article(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    assert detail["event"]["id"] == ev["id"] and detail["review_status"] == "unreviewed"
    assert detail["sources"] and detail["audit"] == []
    source = detail["sources"][0]
    article = client.get(f"/api/articles/{source['doc_id']}").json()
    body = article["body"]
    start, end = source["spans"]["trigger"]
    assert body[start:end] and body[start:end] in source["evidence"]["text"]
    assert body[source["evidence"]["start"]:source["evidence"]["end"]] == source["evidence"]["text"]
    # comments are kept apart from the body (the Maiduguri example page has reader comments)
    arts = client.get("/api/articles").json()["articles"]
    with_comments = [a for a in (client.get(f"/api/articles/{s['id']}").json() for s in arts) if a["comments"]]
    assert with_comments
    for a in with_comments:
        assert all(c["text"] not in a["body"] for c in a["comments"])


def test_timeline_counts_add_up(client):
    total = client.get("/api/events").json()["total"]
    for period in ("day", "week"):
        tl = client.get("/api/timeline", params={"period": period}).json()
        assert tl["period"] == period
        assert sum(b["count"] for b in tl["counts"]) == total  # the examples' events are all dated
        assert [b["period"] for b in tl["counts"]] == sorted(b["period"] for b in tl["counts"])
    mali = client.get("/api/timeline", params={"country": "Mali"}).json()
    assert sum(b["count"] for b in mali["counts"]) == client.get("/api/events", params={"country": "Mali"}).json()["total"]


def test_actors_and_actor_page(client):
    actors = client.get("/api/actors").json()
    assert actors and actors == sorted(actors, key=lambda a: (-a["n_events"], a["name"]))
    known = next(a for a in actors if a["known"] and a["aliases"])
    page = client.get(f"/api/actors/{known['aliases'][0]}").json()  # an alias finds the actor
    assert page["actor"]["name"] == known["name"]
    assert page["events"]
    names = {n for e in page["events"] for n in (e["actor1"], e["actor2"], *e["assoc_actor_1"], *e["assoc_actor_2"])}
    assert known["name"] in names
    assert error_of(client.get("/api/actors/Nobody Known Here"))["code"] == "not-found"


def test_exports(client):
    total = client.get("/api/events", params={"country": "Mali"}).json()["total"]
    resp = client.get("/api/export", params={"format": "acled-csv", "country": "Mali"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert len(rows) == total and list(rows[0])[:5] == ["data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date"]
    geo = client.get("/api/export", params={"format": "geojson", "country": "Mali"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == total
    resp = client.get("/api/export", params={"format": "parquet"})
    import pyarrow.parquet as pq

    assert pq.read_table(io.BytesIO(resp.content)).num_rows == client.get("/api/events").json()["total"]
    lines = client.get("/api/export", params={"format": "plover-jsonl"}).text.splitlines()
    assert lines and all(json.loads(line)["event"] for line in lines)


def test_not_found_and_bad_parameters(client):
    assert error_of(client.get("/api/events/0000000000000000"))["code"] == "not-found"
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/nothing-here").status_code == 404
    for params in ({"since": "yesterday"}, {"until": "2015-13-01"}, {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"},
                   {"bbox": "0,95,1,96"}, {"limit": 0}, {"limit": 10**6}, {"offset": -1}, {"certainty": "sure"},
                   {"since": "2015-06-30", "until": "2015-06-01"}, {"country": "x" * 500}):
        resp = client.get("/api/events", params=params)
        assert resp.status_code == 422, params
        assert error_of(resp)["code"] == "invalid"
    # NUL characters (PostgreSQL cannot hold them) are refused alike on every database
    for path in ("/api/events?q=a%00b", "/api/events?country=%00", "/api/events/a%00b", "/api/articles/%00",
                 "/api/actors/a%00"):
        resp = client.get(path)
        assert resp.status_code == 422 and error_of(resp)["code"] == "invalid", path
    assert client.get("/api/timeline", params={"period": "month"}).status_code == 422
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422


# -- security ---------------------------------------------------------------------------------
def test_sql_looking_filter_values_do_nothing(client):
    total = client.get("/api/events").json()["total"]
    for value in ("' OR 1=1 --", "'; DROP TABLE events; --", "%", "_", '" OR ""="', "1) OR (1=1"):
        for name in ("country", "actor", "event_type", "admin1", "q"):
            resp = client.get("/api/events", params={name: value})
            assert resp.status_code == 200, (name, value)
            assert resp.json()["total"] == 0, (name, value)
    assert client.get("/api/events").json()["total"] == total


def test_writes_need_the_token(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    calls = [("post", f"/api/events/{ev['id']}/review", {"action": "confirm", "reviewer": "x"}),
             ("post", "/api/articles", {"text": "Gunmen killed two people in Gao."}),
             ("post", "/api/events/merge", {"ids": [ev["id"], ev["id"]], "reviewer": "x"}),
             ("post", f"/api/events/{ev['id']}/split", {"reviewer": "x"}), ("get", "/api/audit", None)]
    for method, path, body in calls:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                        {"Authorization": f"Bearer {TOKEN}x"}):
            resp = client.request(method.upper(), path, json=body, headers=headers)
            assert resp.status_code == 401, (path, headers)
            assert error_of(resp)["code"] == "unauthorized"
    assert client.get(f"/api/events/{ev['id']}").json()["audit"] == []


def test_without_a_token_there_are_no_write_routes(built):
    client = TestClient(create_app(built[0], None))
    ev = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    assert client.get("/api/health").json()["writes"] is False
    assert client.post(f"/api/events/{ev['id']}/review", json={"action": "confirm", "reviewer": "x"},
                       headers={"Authorization": "Bearer anything"}).status_code in (404, 405)
    assert client.post("/api/articles", json={"text": "x"}).status_code == 405  # GET only
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/audit" not in paths and "/api/events/merge" not in paths and "post" not in paths["/api/articles"]


def test_oversized_bodies_are_refused(client):
    big = b'{"text": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    resp = client.post("/api/articles", content=big, headers={**AUTH, "Content-Type": "application/json"})
    assert resp.status_code == 413 and error_of(resp)["code"] == "too-large"

    def chunks():  # no Content-Length: chunked transfer
        for _ in range(6):
            yield b"x" * (1024 * 1024)

    resp = client.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert resp.request.headers.get("content-length") is None
    assert resp.status_code == 413


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/../../../../etc/passwd", "/static/%2e%2e/app.py", "/static/%2e%2e%2fapp.py",
    "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/vendor/../../app.py", "/static/%252e%252e/app.py",
    "/static//etc/passwd", "/static/..\\app.py", "/static/vendor/leaflet/../../../security.py",
])
def test_static_paths_cannot_escape(client, path):
    resp = client.get(path)
    assert resp.status_code in (400, 404), (path, resp.status_code)
    assert "create_app" not in resp.text and "root:" not in resp.text


def test_dashboard_page_and_headers(client):
    resp = client.get("/")
    assert resp.status_code == 200 and "<script" in resp.text
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in resp.text  # every script is a file (src=...), none inline
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/vendor/world-atlas/countries-50m.json").json()["type"] == "Topology"
    assert "content-security-policy" in client.get("/api/events/none").headers


# -- writes -----------------------------------------------------------------------------------
def test_submit_article_is_ingested_and_markup_stays_text(writer):
    client, store = writer
    before = store.counts()
    resp = client.post("/api/articles", headers=AUTH,
                       json={"text": HOSTILE_TEXT, "published": "2024-03-14", "title": HOSTILE_TITLE})
    assert resp.status_code == 201, resp.text
    out = resp.json()
    assert out["status"] == "ok" and out["events"] >= 1
    assert store.counts()["articles"] == before["articles"] + 1
    art = client.get(f"/api/articles/{out['article_id']}").json()
    assert '<script>alert("xss")</script>' in art["body"] and "onerror=alert(1)" in art["body"]
    assert art["title"] == HOSTILE_TITLE
    found = client.get("/api/events", params={"q": "<script>"}).json()["events"]
    assert found and found[0]["doc_id"] == out["article_id"] and found[0]["location"] == "Kidal"
    # the same article again is a duplicate, not a second copy
    again = client.post("/api/articles", headers=AUTH, json={"text": HOSTILE_TEXT, "published": "2024-03-14"})
    assert again.json()["status"] == "duplicate" and store.counts()["articles"] == before["articles"] + 1
    for body in ({}, {"text": "  "}, {"text": "a", "html": "<p>b</p>"}, {"text": "a", "published": "soon"},
                 {"text": "Gunmen killed two in Gao.\x00"}, {"text": "Gunmen killed two in Gao.", "title": "\x00"}):
        assert client.post("/api/articles", headers=AUTH, json=body).status_code == 422, body
    assert client.post("/api/articles", headers={**AUTH, "Content-Type": "application/json"},
                       content=b"{not json").status_code == 422


def test_review_confirm_correct_reject_and_audit(writer):
    client, store = writer
    total = client.get("/api/events").json()["total"]
    a, b, c = client.get("/api/events", params={"limit": 3}).json()["events"]
    resp = client.post(f"/api/events/{a['id']}/review", headers=AUTH,
                       json={"action": "confirm", "reviewer": "ana", "note": "checked the source"})
    assert resp.status_code == 200 and resp.json()["review_status"] == "confirmed"
    resp = client.post(f"/api/events/{b['id']}/review", headers=AUTH,
                       json={"action": "correct", "reviewer": "ben", "changes": {"fatalities": 7}})
    assert resp.json()["review_status"] == "corrected" and resp.json()["event"]["fatalities"] == 7
    assert store.event_detail(b["id"]).event.fatalities == 7
    resp = client.post(f"/api/events/{c['id']}/review", headers=AUTH, json={"action": "reject", "reviewer": "cy"})
    assert resp.json()["review_status"] == "rejected"
    assert client.get("/api/events").json()["total"] == total - 1  # rejected events are not listed
    log = client.get("/api/audit", headers=AUTH).json()
    assert {(e["event_id"], e["reviewer"]) for e in log} >= {(a["id"], "ana"), (b["id"], "ben"), (c["id"], "cy")}
    assert any(e["field"] == "fatalities" and e["new_value"] == 7 for e in log)
    assert [e["event_id"] for e in client.get("/api/audit", params={"event_id": a["id"]}, headers=AUTH).json()] \
        == [a["id"]]
    assert client.get(f"/api/events/{a['id']}").json()["audit"][0]["note"] == "checked the source"
    reviewed = {r["event_id"]: r["review_status"] for r in store.training_corrections()}  # rows for sitrep train
    assert (reviewed[a["id"]], reviewed[b["id"]], reviewed[c["id"]]) == ("confirmed", "corrected", "rejected")
    # bad reviews: 422 or 404, never 500, and nothing changes
    bad = [(a["id"], {"action": "approve", "reviewer": "x"}), (a["id"], {"action": "confirm", "reviewer": ""}),
           (a["id"], {"action": "correct", "reviewer": "x", "changes": {"fatalities": -1}}),
           (a["id"], {"action": "correct", "reviewer": "x", "changes": {"id": "other"}}),
           (a["id"], {"action": "correct", "reviewer": "x"}),
           (a["id"], {"action": "correct", "reviewer": "x", "changes": {"actor1": "a\x00b"}}),
           (a["id"], {"action": "confirm", "reviewer": "x", "note": "\x00"})]
    for event_id, body in bad:
        assert client.post(f"/api/events/{event_id}/review", headers=AUTH, json=body).status_code == 422, body
    resp = client.post("/api/events/0000000000000000/review", headers=AUTH, json={"action": "confirm", "reviewer": "x"})
    assert resp.status_code == 404 and error_of(resp)["code"] == "not-found"
    assert len(client.get("/api/audit", headers=AUTH).json()) == len(log)


def test_merge_and_split_by_hand(writer):
    client, _ = writer
    kabul = client.get("/api/events", params={"country": "Mali", "limit": 2}).json()["events"]
    assert len(kabul) == 2
    first, second = kabul
    merged = client.post("/api/events/merge", headers=AUTH, json={"ids": [first["id"], second["id"]], "reviewer": "ana"})
    assert merged.status_code == 200, merged.text
    detail = merged.json()
    assert detail["event"]["id"] == first["id"]
    assert {s["id"] for s in detail["sources"]} >= {first["id"], second["id"]}
    assert second["id"] not in {e["id"] for e in client.get("/api/events").json()["events"]}
    split = client.post(f"/api/events/{second['id']}/split", headers=AUTH, json={"reviewer": "ana"})
    assert split.status_code == 200 and split.json()["event"]["id"] == second["id"]
    assert second["id"] in {e["id"] for e in client.get("/api/events", params={"limit": 1000}).json()["events"]}
    assert client.post("/api/events/merge", headers=AUTH, json={"ids": [first["id"]], "reviewer": "x"}).status_code == 422
    assert client.post("/api/events/merge", headers=AUTH,
                       json={"ids": [first["id"], "0000000000000000"], "reviewer": "x"}).status_code == 404


# -- fuzzing ----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_schemathesis_finds_no_server_errors(tmp_path, kind):
    """Property-based requests from the OpenAPI schema (reads and, with the token, writes): no 5xx."""
    st = Path(sys.executable).with_name("st")
    if not st.exists():
        st = Path(shutil.which("st") or "st")
    store, _ = build_store(database(kind, tmp_path, "sitrep_serve_fuzz"))
    with running(create_app(store, TOKEN)) as url:
        proc = subprocess.run(
            [str(st), "run", f"{url}/openapi.json", "--checks", "not_a_server_error", "--phases",
             "examples,coverage,fuzzing", "--max-examples", "15", "--seed", "20150615", "--workers", "1",
             "-H", f"Authorization: Bearer {TOKEN}", "--no-color", "--request-timeout", "60"],
            check=False, capture_output=True, text=True, cwd=tmp_path, timeout=300,
            env={**os.environ, "SCHEMATHESIS_HOOKS": ""})
    store.close()
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "passed" in proc.stdout


def test_serve_command_reads_the_token_and_refuses_a_bad_one(tmp_path, monkeypatch):
    from sitrep.cli import _read_token, main

    (tmp_path / "token").write_text(f"{TOKEN}\n", encoding="utf-8")
    assert _read_token(str(tmp_path / "token")) == TOKEN
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    assert _read_token(None) == "from-env"
    monkeypatch.delenv("SITREP_TOKEN")
    assert _read_token(None) is None
    (tmp_path / "empty").write_text("\n", encoding="utf-8")
    for args in (["--token-file", str(tmp_path / "empty")], ["--token-file", str(tmp_path / "missing")]):
        with pytest.raises(SystemExit) as exit_info:
            main(["serve", "--db", str(tmp_path / "db.sqlite"), *args])
        assert exit_info.value.code == 2


def test_plover_only_events_are_served_with_a_null_acled_type(writer):
    # a consultation is not an ACLED event: the API says so with nulls, never a server error
    from store_fixtures import make_event

    from sitrep.records import Article

    client, store = writer
    talks = make_event("p1", "2024-03-02", etype=None, sub=None, plover_event="CONSULT",
                       text="The governor met JNIM elders in Gao.")
    store.write(Article(body=talks.evidence.text, id="p1"), [talks])
    page = client.get("/api/events", params={"event_type": "consult"}).json()
    (ev,) = page["events"]
    assert ev["event_type"] is None and ev["sub_event_type"] is None and ev["plover_event"] == "CONSULT"
    assert client.get(f"/api/events/{ev['id']}").status_code == 200
