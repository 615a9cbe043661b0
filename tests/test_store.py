from __future__ import annotations

import sqlite3

from sitrep.records import Article, Event, Evidence, Rejected
from sitrep.store import Store


def ev(doc_id: str, date: str, country: str, actor1: str, sub="Armed clash", etype="Battles", start=0) -> Event:
    e = Event(etype, sub, Evidence("text", start, start + 4), doc_id=doc_id, actor1=actor1, inter1=2,
              event_date=date, country=country, certainty="reported")
    e.spans["trigger"] = (start, start + 4)
    e.assign_id()
    return e


def test_write_is_idempotent_and_atomic(tmp_path):
    db = tmp_path / "x.sqlite"
    store = Store(str(db))
    art = Article(body="Body of the article.", id="a1")
    events = [ev("a1", "2020-05-01", "Mali", "JNIM"), ev("a1", "2020-05-02", "Mali", "JNIM", start=5)]
    assert store.write(art, events).status == "added"
    assert store.write(art, events).status == "duplicate"
    assert store.counts() == {"articles": 1, "events": 2, "rejects": 0}
    # the same text under another id is a duplicate, recorded with a reason
    assert store.write(Article(body="Body of  the article.", id="a2"), []).status == "duplicate"
    assert store.counts()["articles"] == 1
    assert [r.reason for r in store.rejects()] == ["duplicate"]
    # WAL so that a reader and a writer can share the file
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_filters(db_url):
    store = Store(db_url)
    store.write(Article(body="one", id="a1"), [ev("a1", "2020-05-01", "Mali", "JNIM"),
                                               ev("a1", "2020-05-09", "Niger", "Islamic State Sahel Province", start=9)])
    store.write(Article(body="two", id="a2"), [ev("a2", "2020-06-01", "Mali", "Protesters (Mali)",
                                                  sub="Peaceful protest", etype="Protests")])
    def ids(**f):
        return sorted(e.event_date for e in store.events(**f))
    assert ids() == ["2020-05-01", "2020-05-09", "2020-06-01"]
    assert ids(since="2020-05-02", until="2020-05-31") == ["2020-05-09"]
    assert ids(country="mali") == ["2020-05-01", "2020-06-01"]
    assert ids(actor="sahel") == ["2020-05-09"]
    assert ids(event_type="Protests") == ["2020-06-01"]
    assert ids(event_type="peaceful protest") == ["2020-06-01"]
    assert ids(country="Mali' OR '1'='1") == []
    assert len(list(store.events(limit=1))) == 1


def test_round_trip_of_events_and_articles(db_url):
    store = Store(db_url)
    e = ev("a1", "2020-05-01", "Mali", "JNIM")
    e.assoc_actor_1 = ["Ansar Dine"]
    e.fatalities, e.latitude, e.longitude = 4, 18.44, 1.41
    art = Article(body="The body.", id="a1", title="T", comments=[])
    store.write(art, [e])
    (back,) = store.events()
    assert back.to_contract() == e.to_contract() and back.id == e.id
    assert store.article("a1").body == "The body."
    assert store.article("missing") is None


def test_rejects_are_queryable_and_updated(db_url):
    store = Store(db_url)
    store.record_reject(Rejected("f.bin", "binary", "not text"))
    store.record_reject(Rejected("f.bin", "binary", "still not text"))
    (r,) = store.rejects()
    assert (r.source, r.reason, r.detail) == ("f.bin", "binary", "still not text")


def test_directory_as_db_is_a_clear_error(tmp_path):
    import pytest

    from sitrep.errors import InputError

    with pytest.raises(InputError, match="directory"):
        Store(str(tmp_path))


def test_documents_with_nul_characters_are_ingested_and_stored(db_url, tmp_path):
    # PostgreSQL cannot store NUL; ingestion drops it from every text field, whatever the store
    from sitrep.ingest import IngestOptions, read_sources

    src = tmp_path / "docs.jsonl"
    src.write_text('{"id": "n\\u00001", "title": "Raid\\u0000 report", "text": "Gunmen raided the market.\\u0000 '
                   'Two traders were hurt, officials said."}\n'
                   '{"id": "n2", "html": "<html><body><article><p>Police dispersed a march\\u0000 in the capital on '
                   'Friday, witnesses said, and arrested several organisers of the rally.</p></article></body>'
                   '</html>"}\n', encoding="utf-8")
    arts = list(read_sources([str(src)], IngestOptions(jsonl_input=True)))
    assert [type(a).__name__ for a in arts] == ["Article", "Article"]
    store = Store(db_url)
    for art in arts:
        assert store.write(art, []).status == "added"
    first, second = (store.article(a.id) for a in arts)
    assert first.id == "n1" and first.title == "Raid report" and "raided the market. Two traders" in first.body
    assert "a march in the capital" in second.body and "\x00" not in second.body
