"""Cross-article merging at write time: reports of one event in several articles become one
event with its sources; reports of different events stay apart. SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from store_fixtures import make_event

from sitrep.records import Article
from sitrep.store import Store, candidates_query


def _write(store: Store, aid: str, *evs) -> None:
    store.write(Article(body=f"Article {aid}: " + " ".join(e.evidence.text for e in evs), id=aid), list(evs))


def test_two_articles_on_one_attack_make_one_event_with_two_sources(db_url):
    store = Store(db_url)
    first = make_event("a1", "2024-03-02", certainty="claimed", fatalities=None, geo_precision=2,
                       text="JNIM claimed an attack on the army post in Gao.")
    second = make_event("a2", "2024-03-03", actor1="Military Forces of Mali", actor2="JNIM", certainty="stated",
                        lat=16.30, lon=-0.02, fatalities=4, text="Four soldiers died when JNIM attacked Gao.")
    _write(store, "a1", first)
    _write(store, "a2", second)
    (shown,) = store.events()
    assert shown.id == first.id  # the first report stays the event's id
    detail = store.event_detail(first.id)
    assert {s.doc_id for s in detail.sources} == {"a1", "a2"}
    # fields from the most certain source; each source keeps its own certainty and evidence
    assert (shown.certainty, shown.fatalities, shown.event_date, shown.actor1) == \
        ("stated", 4, "2024-03-03", "Military Forces of Mali")
    by_doc = {s.doc_id: s for s in detail.sources}
    assert by_doc["a1"].certainty == "claimed" and by_doc["a1"].evidence.text.startswith("JNIM claimed")
    assert by_doc["a2"].certainty == "stated" and detail.sources[0].doc_id == "a2"  # best first
    assert store.event_detail(second.id).merged_into == first.id
    assert store.count_events() == 1 and store.count_events(include_merged=True) == 2
    # writing the second article again changes nothing
    _write(store, "a2", second)
    assert store.count_events(include_merged=True) == 2


def test_reports_of_different_events_stay_apart(db_url):
    store = Store(db_url)
    base = make_event("a1", "2024-03-02")
    far = make_event("a2", "2024-03-02", location="Menaka", lat=15.92, lon=2.40)  # ~265 km from Gao
    later = make_event("a3", "2024-03-06")  # 4 days later, both dates to the day
    rivals = make_event("a4", "2024-03-02", actor1="Islamic State Sahel Province", actor2="Dozo Militia")
    other_kind = make_event("a5", "2024-03-02", sub="Air/drone strike", etype="Explosions/Remote violence")
    next_week = make_event("a6", "2024-03-12", time_precision=2)  # two ISO weeks later
    for aid, ev in (("a1", base), ("a2", far), ("a3", later), ("a4", rivals), ("a5", other_kind), ("a6", next_week)):
        _write(store, aid, ev)
    assert store.count_events() == 6


def test_what_may_still_be_the_same_event(db_url):
    store = Store(db_url)
    _write(store, "a1", make_event("a1", "2024-03-02"))
    # one side untold, a specific sub-type of a generic one, 10 km away, the next day
    _write(store, "a2", make_event("a2", "2024-03-03", actor1=None, sub="Government regains territory",
                                   lat=16.33, lon=0.03))
    # only the month is known: same month is enough
    _write(store, "a3", make_event("a3", "2024-03-28", time_precision=3))
    # no coordinates, same place name
    _write(store, "a4", make_event("a4", "2024-03-02", lat=None, lon=None, location="GAO"))
    # only the week is known: 2024-02-27 is in the ISO week of Saturday 2024-03-02
    _write(store, "a5", make_event("a5", "2024-02-27", time_precision=2))
    assert store.count_events() == 1 and len(store.event_detail(next(store.events()).id).sources) == 5


def test_analysts_decisions_hold_against_new_reports(db_url):
    store = Store(db_url)
    first = make_event("a1", "2024-03-02")
    _write(store, "a1", first)
    store.review(first.id, "correct", {"fatalities": 2}, reviewer="ana")
    _write(store, "a2", make_event("a2", "2024-03-02", certainty="stated", fatalities=9))
    (shown,) = store.events()
    assert shown.fatalities == 2 and len(store.event_detail(first.id).sources) == 2
    # a rejected event takes no new reports: the next one is shown for review
    store.review(first.id, "reject", None, reviewer="ana")
    _write(store, "a3", make_event("a3", "2024-03-02"))
    assert [e.doc_id for e in store.events()] == ["a3"]


def test_candidate_lookup_is_an_index_search(tmp_path):
    store = Store(str(tmp_path / "x.sqlite"))
    q = candidates_query(make_event("a9", "2024-03-02"), "a9")
    sql = str(q.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(sa.text("EXPLAIN QUERY PLAN " + sql)))
    assert "USING INDEX" in plan and "SCAN events" not in plan, plan


def test_plover_only_events_are_stored_and_merge_only_with_their_own_plover_type(db_url):
    # a consultation has no ACLED type: it is stored, listed, and merged only with another consultation
    store = Store(db_url)
    talks = make_event("a1", "2024-03-02", etype=None, sub=None, plover_event="CONSULT",
                       text="The governor met JNIM elders in Gao.")
    talks_again = make_event("a2", "2024-03-02", etype=None, sub=None, plover_event="CONSULT",
                             text="JNIM elders held talks with the governor in Gao.")
    accusation = make_event("a3", "2024-03-02", etype=None, sub=None, plover_event="ACCUSE",
                            text="JNIM accused the governor in Gao of lying.")
    attack = make_event("a4", "2024-03-02", text="JNIM attacked an army post in Gao.")
    for aid, e in (("a1", talks), ("a2", talks_again), ("a3", accusation), ("a4", attack)):
        _write(store, aid, e)
    shown = {e.id: e for e in store.events()}
    assert set(shown) == {talks.id, accusation.id, attack.id}
    assert shown[talks.id].event_type is None and shown[talks.id].plover_event == "CONSULT"
    assert {s.doc_id for s in store.event_detail(talks.id).sources} == {"a1", "a2"}
    assert [e.id for e in store.events(event_type="accuse")] == [accusation.id]
