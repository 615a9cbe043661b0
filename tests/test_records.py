from __future__ import annotations

import pytest

from sitrep.records import SPAN_KEYS, Article, Event, Evidence

CONTRACT_FIELDS = {
    "doc_id", "event_type", "sub_event_type", "plover_event", "plover_mode", "actor1", "actor2", "assoc_actor_1",
    "assoc_actor_2", "inter1", "inter2", "event_date", "time_precision", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "geonameid", "fatalities", "certainty", "attributed_to", "confidence", "evidence",
    "spans",
}


def make_event(**kw) -> Event:
    base = dict(event_type="Battles", sub_event_type="Armed clash", evidence=Evidence("Troops clashed.", 0, 15),
                doc_id="d1", actor1="Military Forces of Mali", inter1=1)
    base.update(kw)
    return Event(**base)


def test_contract_has_exactly_the_design_fields():
    d = make_event().to_contract()
    assert set(d) == CONTRACT_FIELDS
    assert set(d["spans"]) == set(SPAN_KEYS)
    assert set(d["evidence"]) == {"text", "start", "end"}


def test_certainty_is_validated():
    with pytest.raises(ValueError, match="certainty"):
        make_event(certainty="probably")


def test_from_contract_inverts_to_contract():
    ev = make_event(assoc_actor_1=["A", "B"], fatalities=3, latitude=1.5, longitude=2.5, certainty="claimed")
    ev.spans["trigger"] = (7, 14)
    ev.assign_id()
    back = Event.from_contract(ev.to_contract(), event_id=ev.id)
    assert back.to_contract() == ev.to_contract()
    assert back.id == ev.id


def test_event_ids_are_stable_and_distinct():
    a, b = make_event(), make_event()
    a.spans["trigger"] = b.spans["trigger"] = (7, 14)
    assert a.assign_id() == b.assign_id()
    b.spans["trigger"] = (20, 25)
    assert a.assign_id() != b.assign_id()


def test_article_id_from_url_else_text():
    assert Article(body="x y", url="http://a/1").id == Article(body="other", url="http://a/1").id
    assert Article(body="Some  text").id == Article(body="some text").id
    assert Article(body="one").id != Article(body="two").id
