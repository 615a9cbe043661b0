"""PLOVER and CAMEO evaluation: readers and scoring on small project-written gold files."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import InputError
from sitrep.evaluate import evaluate_cameo_spans, evaluate_plover, names_match, plover_label, read_conll_spans, read_plover_records


def test_old_plover_labels_are_renamed():
    assert plover_label("FIGHT") == "ASSAULT"
    assert plover_label("disapprove") == "ACCUSE"
    assert plover_label("PROTEST") == "PROTEST"


def test_names_match_fuzzily():
    assert names_match("Afghan police", "Police Forces of Afghanistan")
    assert names_match("Taliban", "Taliban")
    assert not names_match("Taliban", "Military Forces of Mali")
    # demonyms name their country, acronyms the actor they stand for
    assert names_match("Iraqi youths", "Civilians (Iraq)")
    assert names_match("British soldiers", "Military Forces of United Kingdom")
    assert names_match("U.N. mediator", "United Nations")
    assert not names_match("Iraqi youths", "Civilians (Iran)")
    assert not names_match("Kenya", "Somalia")
    # a known actor's alias, less its lower-case qualifiers, is the actor
    assert names_match("pro-Iranian Hizbollah (Party of God)", "Hezbollah")
    assert names_match("rebel Kurdistan Workers' Party", "PKK")


def test_plover_records_scored(tmp_path, pipeline):
    gold = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "notes"},
        {"id": "1", "event": "FIGHT", "text": "Taliban fighters clashed with Afghan soldiers in Kunduz on Monday.",
         "source": [{"actorText": "Taliban"}], "target": [{"actorText": "Afghan soldiers"}]},
        {"id": "2", "event": "PROTEST", "text": "Thousands of teachers marched peacefully in Nairobi to demand higher pay.",
         "source": [{"actorText": "teachers"}], "target": ""},
        {"id": "3", "event": "AGREE", "text": "The weather was mild and the markets were calm.", "source": []},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    records = read_plover_records(path)
    assert [r["id"] for r in records] == ["1", "2", "3"]
    scores = evaluate_plover(records, pipeline)
    assert scores.rows == 3
    assert scores.rates["detected"] == pytest.approx(2 / 3)
    assert scores.rates["event_type"] == pytest.approx(2 / 3)  # the calm sentence counts as a miss
    assert scores.rates["event_type_of_detected"] == 1.0
    assert scores.rates["source_f1"] >= 0.5  # Taliban found; "teachers" is coded as Protesters (Kenya)


def test_plover_reader_rejects_other_json(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(InputError):
        read_plover_records(path)


def test_conll_spans_read_and_scored(tmp_path, pipeline):
    rows = ["Taliban B-S", "fighters I-S", "attacked O", "a O", "police B-T", "checkpoint O", "in O", "Kunduz O",
            ". O", "", "The O", "talks O", "ended O", ". O", ""]
    path = tmp_path / "ner.txt"
    path.write_text("\n".join(rows), encoding="utf-8")
    sents = read_conll_spans(path)
    assert [s.text for s in sents] == ["Taliban fighters attacked a police checkpoint in Kunduz.", "The talks ended."]
    assert sents[0].spans["S"] == [(0, 16)] and sents[0].spans["T"] == [(28, 34)]
    scores = evaluate_cameo_spans(sents, pipeline)
    assert scores.rates["source_overlap_f1"] == 1.0
    assert 0 <= scores.rates["source_exact_f1"] <= scores.rates["source_overlap_f1"]
