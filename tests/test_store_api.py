"""The store's API for the web layer, on SQLite and PostgreSQL: filters, detail, timeline,
articles, actors, review with its audit log, training rows, merge and split by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import make_event

from sitrep.errors import EventNotFound, InputError
from sitrep.records import Article
from sitrep.store import Store


def _filled(url: str) -> tuple[Store, dict[str, str]]:
    """Three articles in three places and months: ids by nickname."""
    store = Store(url)
    gao = make_event("a1", "2024-03-02", text="JNIM fighters attacked the army post in Gao.")
    timbuktu = make_event("a2", "2024-03-20", actor1="Islamic State Sahel Province", location="Timbuktu",
                          lat=16.77, lon=-3.01, admin1="Tombouctou", text="ISSP militants shelled Timbuktu.",
                          sub="Shelling/artillery/missile attack", etype="Explosions/Remote violence")
    bamako = make_event("a3", "2024-04-15", actor1="Protesters (Mali)", actor2="Police Forces of Mali",
                        location="Bamako", lat=12.65, lon=-8.0, admin1="Bamako", sub="Peaceful protest",
                        etype="Protests", certainty="stated", text="Protesters marched in Bamako; <b>O'Brien</b> 100%.")
    for aid, ev, pub in (("a1", gao, "2024-03-03"), ("a2", timbuktu, "2024-03-21"), ("a3", bamako, None)):
        store.write(Article(body=ev.evidence.text + " More text.", id=aid, title=f"T {aid}", published=pub), [ev])
    return store, {"gao": gao.id, "timbuktu": timbuktu.id, "bamako": bamako.id}


def _ids(evs) -> list[str]:
    return [e.id for e in evs]


def test_filters_count_order_and_pagination(db_url):
    store, ids = _filled(db_url)
    assert _ids(store.events()) == [ids["gao"], ids["timbuktu"], ids["bamako"]]
    assert _ids(store.events(order="-date")) == [ids["bamako"], ids["timbuktu"], ids["gao"]]
    assert _ids(store.events(limit=1, offset=1)) == [ids["timbuktu"]]
    assert _ids(store.events(admin1="tombouctou")) == [ids["timbuktu"]]
    # bbox (min_lon, min_lat, max_lon, max_lat) around Gao and Timbuktu, not Bamako
    assert _ids(store.events(bbox=(-4.0, 15.0, 1.0, 17.5))) == [ids["gao"], ids["timbuktu"]]
    assert _ids(store.events(text="SHELLED")) == [ids["timbuktu"]]
    assert _ids(store.events(text="100%")) == [ids["bamako"]]  # LIKE wildcards are literal
    assert _ids(store.events(text="1_0")) == []
    assert _ids(store.events(actor="police")) == [ids["bamako"]]
    assert store.count_events() == 3 and store.count_events(since="2024-03-10", country="MALI") == 2
    # SQL-looking values are only values
    for evil in ("Mali' OR '1'='1", "x'; DROP TABLE events; --", "%' OR 1=1 --"):
        assert list(store.events(country=evil)) == [] and list(store.events(text=evil)) == []
        assert store.count_events(actor=evil) == 0
    assert store.count_events() == 3
    with pytest.raises(InputError, match="bbox"):
        store.events(bbox=(0, 95, 1, 96))
    with pytest.raises(InputError, match="order"):
        store.events(order="date; DROP TABLE events")


def test_timeline_articles_and_actors(db_url):
    store, _ = _filled(db_url)
    assert store.timeline() == [("2024-03-02", 1), ("2024-03-20", 1), ("2024-04-15", 1)]
    # ISO weeks start on Monday: 2024-03-02 is a Saturday, 2024-03-20 a Wednesday
    assert store.timeline("week") == [("2024-02-26", 1), ("2024-03-18", 1), ("2024-04-15", 1)]
    assert store.timeline("week", country="Mali", since="2024-03-10") == [("2024-03-18", 1), ("2024-04-15", 1)]
    arts = store.articles()
    assert [a.id for a in arts] == ["a2", "a1", "a3"]  # newest first, undated last
    assert arts[0].title == "T a2" and arts[0].n_events == 1 and arts[0].status == "coded"
    assert store.count_articles() == 3 and [a.id for a in store.articles(limit=1, offset=1)] == ["a1"]
    actors = {a.name: a for a in store.actors()}
    assert actors["Protesters (Mali)"].n_events == 1 and not actors["Protesters (Mali)"].known
    issp = store.actor("ISSP") or store.actor("Islamic State Sahel Province")
    assert issp is not None and issp.n_events == 1
    assert store.actor("no such group anywhere") is None


def test_actors_merge_aliases_with_the_knowledge_base(db_url):
    store = Store(db_url)
    a = make_event("a1", "2015-06-10", actor1="ISIS", location="Derna", lat=32.76, lon=22.64, country="Libya",
                   actor2="Mujahideen Shura Council of Derna", assoc_actor_2=["Ansar al-Sharia", "Derna Brigade"])
    b = make_event("a2", "2015-08-10", actor1="Islamic State", location="Sirte", lat=31.2, lon=16.59, country="Libya")
    store.write(Article(body="one", id="a1"), [a])
    store.write(Article(body="two", id="a2"), [b])
    (isis,) = [x for x in store.actors() if x.name == "Islamic State"]
    assert isis.known and isis.n_events == 2 and "ISIS" in isis.aliases and isis.inter == 2
    assert "rival_of" in isis.relations
    assert store.actor("Daesh").name == "Islamic State"
    counts = {x.name: x.n_events for x in store.actors()}
    assert counts["Ansar al-Sharia (Libya)"] == 1 and counts["Derna Brigade"] == 1  # by canonical name
    assert sum(counts.values()) == 5  # each name once per event that names it
    assert [x.name for x in store.actors(limit=1)] == ["Islamic State"]


def test_review_confirm_correct_reject_with_audit(db_url):
    store, ids = _filled(db_url)
    gao = ids["gao"]
    detail = store.review(gao, "correct", {"sub_event_type": "Government regains territory", "fatalities": 3,
                                           "event_date": "2024-03-01"}, reviewer="ana", note="per UN report")
    assert detail.review_status == "corrected"
    assert (detail.event.sub_event_type, detail.event.fatalities, detail.event.event_date) == \
        ("Government regains territory", 3, "2024-03-01")
    # the extracted report is kept as a source; the audit log has the old values
    assert detail.sources[0].sub_event_type == "Armed clash" and detail.sources[0].event_date == "2024-03-02"
    changed = {e.field: (e.old_value, e.new_value) for e in detail.audit if e.field != "review_status"}
    assert changed == {"sub_event_type": ("Armed clash", "Government regains territory"),
                       "fatalities": (None, 3), "event_date": ("2024-03-02", "2024-03-01")}
    assert all(e.reviewer == "ana" and e.note == "per UN report" and e.at for e in detail.audit)
    assert store.review(ids["timbuktu"], "confirm", None, reviewer="bo").review_status == "confirmed"
    store.review(ids["bamako"], "reject", None, reviewer="bo", note="not an event")
    assert ids["bamako"] not in _ids(store.events())
    assert ids["bamako"] in _ids(store.events(include_rejected=True))
    log = store.audit_log()
    assert log[0].event_id == ids["bamako"] and log[0].action == "reject"  # newest first
    assert {e.event_id for e in store.audit_log(event_id=gao)} == {gao}
    rows = list(store.training_corrections())
    assert {(r["event_id"], r["review_status"]) for r in rows} == {
        (gao, "corrected"), (ids["timbuktu"], "confirmed"), (ids["bamako"], "rejected")}
    assert next(r for r in rows if r["review_status"] == "rejected")["sub_event_type"] == ""  # a non-event
    gao_row = next(r for r in rows if r["event_id"] == gao)
    assert gao_row["text"].startswith("JNIM fighters") and gao_row["sub_event_type"] == "Government regains territory"


@pytest.mark.parametrize("changes, message", [
    ({"sub_event_type": "Peaceful protest"}, "does not belong to 'Battles'"),
    ({"event_type": "Battle"}, "not an ACLED event type"),
    ({"event_date": "03/02/2024"}, "ISO date"),
    ({"event_date": "2024-02-30"}, "not a real date"),
    ({"latitude": 123.0}, "latitude"),
    ({"latitude": None}, "go together"),
    ({"fatalities": -1}, "fatalities"),
    ({"certainty": "sure"}, "certainty"),
    ({"actor1": None}, "actor1"),
    ({"id": "x"}, "cannot correct id"),
])
def test_bad_corrections_are_refused_and_change_nothing(tmp_path, changes, message):
    store, ids = _filled(str(tmp_path / "x.sqlite"))
    with pytest.raises(InputError, match=message):
        store.review(ids["gao"], "correct", changes, reviewer="ana")
    assert store.audit_log() == [] and store.event_detail(ids["gao"]).review_status == "unreviewed"


def test_review_errors(db_url):
    store, ids = _filled(db_url)
    with pytest.raises(EventNotFound, match="no event"):
        store.review("0" * 16, "confirm", None, reviewer="ana")
    with pytest.raises(InputError, match="action"):
        store.review(ids["gao"], "delete", None, reviewer="ana")
    with pytest.raises(InputError, match="reviewer"):
        store.review(ids["gao"], "confirm", None, reviewer=" ")
    assert store.event_detail("nope") is None
    with pytest.raises(EventNotFound):
        store.merge_events([ids["gao"], "nope"], reviewer="ana")
    with pytest.raises(EventNotFound):
        store.split_event("nope", reviewer="ana")
    assert store.audit_log() == []  # nothing half-done


def test_merge_and_split_by_hand(db_url):
    store, ids = _filled(db_url)
    merged = store.merge_events([ids["gao"], ids["timbuktu"]], reviewer="ana")
    assert merged.event.id == ids["gao"] and sorted(_ids(merged.sources)) == sorted([ids["gao"], ids["timbuktu"]])
    assert _ids(store.events()) == [ids["gao"], ids["bamako"]]
    assert store.event_detail(ids["timbuktu"]).merged_into == ids["gao"]
    assert any(e.action == "merge" for e in store.audit_log(event_id=ids["timbuktu"]))
    with pytest.raises(InputError, match="already one event"):
        store.merge_events([ids["gao"], ids["timbuktu"]], reviewer="ana")
    split = store.split_event(ids["timbuktu"], reviewer="ana")
    assert split.merged_into is None and split.event.location == "Timbuktu"
    assert len(store.event_detail(ids["gao"]).sources) == 1
    assert _ids(store.events()) == [ids["gao"], ids["timbuktu"], ids["bamako"]]
    with pytest.raises(InputError, match="no other report"):
        store.split_event(ids["gao"], reviewer="ana")


def test_export_training_jsonl_from_the_cli(tmp_path):
    import json

    from click.testing import CliRunner

    from sitrep.cli import cli

    db = str(tmp_path / "x.sqlite")
    store, ids = _filled(db)
    store.review(ids["gao"], "correct", {"sub_event_type": "Government regains territory"}, reviewer="ana")
    out = tmp_path / "train.jsonl"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "training-jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert (row["text"], row["sub_event_type"]) == ("JNIM fighters attacked the army post in Gao.",
                                                    "Government regains territory")


def test_ingest_and_list_through_the_cli(db_url):
    """The CLI's --db takes a file path or a postgresql:// URL; the same code path stores and reads."""
    from click.testing import CliRunner

    from sitrep.cli import cli

    examples = str(Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples")
    result = CliRunner().invoke(cli, ["ingest", examples, "--db", db_url])
    assert result.exit_code == 0, result.output
    store = Store(db_url)
    assert store.count_articles() == 6 and store.count_events() > 0
    listed = CliRunner().invoke(cli, ["events", "--db", db_url, "--format", "jsonl"])
    assert listed.exit_code == 0 and len(listed.output.splitlines()) == store.count_events()


def test_a_password_in_the_url_is_not_shown(tmp_path):
    from sitrep.errors import StoreError

    with pytest.raises(StoreError, match=r"bob:\*\*\*@") as err:
        Store("postgresql://bob:secret@127.0.0.1:1/nowhere")
    assert "secret" not in str(err.value)
