"""The event classifier: features, training, model files, reading labelled data, the hybrid, the CLI."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.errors import InputError
from sitrep.events.classifier import (
    ACLED_SUB_TYPES, NONE, EventClassifier, Example, cross_validate, features, load_model, read_examples, refine,
)
from sitrep.records import Event, Evidence

SMALL = [
    Example("Gunmen kidnapped a trader on the road to the market.", "Abduction/forced disappearance"),
    Example("Armed men abducted two teachers from a school.", "Abduction/forced disappearance"),
    Example("Rebels took three aid workers hostage near the camp.", "Abduction/forced disappearance"),
    Example("An airstrike hit a rebel hideout in the hills.", "Air/drone strike"),
    Example("Warplanes bombed positions near the river.", "Air/drone strike"),
    Example("A drone strike targeted a vehicle carrying militants.", "Air/drone strike"),
    Example("The football team won the cup final on Sunday.", NONE),
    Example("Analysts expect the talks to resume next month.", NONE),
    Example("The minister opened a new hospital in the capital.", NONE),
]


def test_features_are_deterministic_hashed_words_and_bigrams():
    a = features("Troops clashed with 12 rebels")
    assert a == features("troops  CLASHED with 40 rebels")  # case, spacing and numbers do not matter
    assert a == sorted(set(a)) and len(a) == 9  # 5 words + 4 bigrams, no collisions here
    assert features("") == []


def test_fit_learns_and_files_round_trip(tmp_path):
    model = EventClassifier.fit(SMALL, epochs=20)
    assert model.predict("Gunmen abducted a driver.")[0] == "Abduction/forced disappearance"
    assert model.predict("Warplanes struck the hills.")[0] == "Air/drone strike"
    for name in ("m.npz", "m.json"):
        back = EventClassifier.load(model.save(tmp_path / name))
        assert back.labels == model.labels
        p, q = model.probabilities("a drone hit a car"), back.probabilities("a drone hit a car")
        assert all(abs(p[k] - q[k]) < 1e-2 for k in p)  # weights are stored as float16
    with pytest.raises(InputError, match=".npz or .json"):
        model.save(tmp_path / "m.bin")
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(InputError, match="not a sitrep event model"):
        EventClassifier.load(tmp_path / "bad.npz")


def test_fit_refuses_no_examples():
    with pytest.raises(InputError):
        EventClassifier.fit([])


def test_cross_validation_reports_figures():
    scores = cross_validate(SMALL * 3, folds=3, epochs=10)
    assert scores["examples"] == 27
    assert 0.0 <= scores["macro_f1"] <= 1.0 and scores["accuracy"] > 0.5


def test_read_acled_csv_jsonl_and_plover(tmp_path):
    p = tmp_path / "a.csv"
    with open(p, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["event_type", "sub_event_type", "notes"])
        w.writeheader()
        w.writerow({"event_type": "Battles", "sub_event_type": "Armed clash", "notes": "Troops clashed with rebels."})
        w.writerow({"event_type": "Battles", "sub_event_type": "Armed clash", "notes": ""})
    assert read_examples(p) == [Example("Troops clashed with rebels.", "Armed clash")]
    j = tmp_path / "a.jsonl"
    j.write_text(json.dumps({"text": "Police arrested a man.", "event_type": "Strategic developments",
                             "sub_event_type": "Arrests"}) + "\n\n"
                 + json.dumps({"text": "A calm day.", "event_type": "", "sub_event_type": ""}) + "\n", encoding="utf-8")
    assert [e.label for e in read_examples(j)] == ["Arrests", NONE]
    g = tmp_path / "gold.json"
    g.write_text(json.dumps([{"event": "FIGHT", "text": "Troops fought rebels."}]), encoding="utf-8")
    assert read_examples(g) == [Example("Troops fought rebels.", "ASSAULT")]
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"text": null, "event_type": "Battles"}\n', encoding="utf-8")
    assert read_examples(bad) == []  # rows without text are left out
    bad.write_text('"Troops fought rebels."\n', encoding="utf-8")
    with pytest.raises(InputError, match="a JSON object with a 'text'"):
        read_examples(bad)
    with pytest.raises(InputError, match="no such file"):
        read_examples(tmp_path / "absent.csv")


def _event(text: str, etype: str, sub: str) -> Event:
    return Event(event_type=etype, sub_event_type=sub, evidence=Evidence(text, 0, len(text)))


def test_refine_retypes_within_the_event_type_only():
    model = EventClassifier.fit(SMALL, epochs=20)
    # strong classifier evidence, same event type: the sub-type changes (with its PLOVER codes)
    ev = _event("Warplanes bombed a drone base.", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert refine([ev], model, min_probability=0.3, same_type_only=True) == 1
    assert ev.sub_event_type == "Air/drone strike" and ev.plover_mode == "aerial"
    # another event type: the rules' type stands when the scope is the same type
    ev = _event("Gunmen kidnapped a trader.", "Battles", "Armed clash")
    assert refine([ev], model, min_probability=0.3, same_type_only=True) == 0 and ev.sub_event_type == "Armed clash"
    assert refine([ev], model, min_probability=0.99) == 0  # below the threshold
    # the model's own settings (sitrep train --scope --min-probability) are the defaults
    model.meta.update(scope="same-type", min_probability=0.3)
    assert refine([ev], model) == 0
    model.meta.update(scope="any")
    assert refine([ev], model) == 1
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")


def test_shipped_model_covers_every_sub_type_and_non_events():
    model = load_model("default")
    assert set(model.labels) == set(ACLED_SUB_TYPES) | {NONE}
    assert model.meta["examples"] >= 5000
    assert model.meta["scope"] == "same-type"  # trained on synthetic text: it never overrides the rules' type
    assert model.predict("A suicide bomber blew himself up outside a bank in the city centre.")[0] == "Suicide bomb"
    assert model.predict("Fans cheered as the home side won the derby.")[0] == NONE


def test_pipeline_with_a_model(pipeline):
    from sitrep.pipeline import Pipeline
    from sitrep.records import Article

    with_model = Pipeline(model_file="default")
    with_model.extractor = pipeline.extractor  # share the loaded spaCy model (a real extractor)
    art = Article(body="On Monday, Taliban fighters attacked a police checkpoint in Kunduz, killing four policemen.",
                  published="2024-05-10", language="en")
    events = with_model.code(art).events
    assert events and all(e.sub_event_type in ACLED_SUB_TYPES for e in events)


def test_train_command(tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps({"text": e.text, "sub_event_type": "" if e.label == NONE else e.label,
                                        "event_type": ACLED_SUB_TYPES.get(e.label, "")}) + "\n" for e in SMALL * 2),
                    encoding="utf-8")
    out = tmp_path / "model.npz"
    res = CliRunner().invoke(cli, ["train", str(data), "--out", str(out), "--folds", "3", "--scope", "same-type"])
    assert res.exit_code == 0, res.output
    assert "cv_weighted_f1" in res.output and "cv_macro_f1" in res.output
    model = EventClassifier.load(out)
    assert set(model.labels) == {e.label for e in SMALL}
    assert np.isfinite(model.weights).all()
    assert model.meta["scope"] == "same-type" and model.meta["min_probability"] == 0.6


def test_cross_validation_holds_out_whole_groups():
    # each group has its own vocabulary: with groups held out, the test words were never seen
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    examples = [Example(f"{w} {w}{k}", "A" if n % 2 else "B", group=w) for n, w in enumerate(words) for k in range(4)]
    grouped = cross_validate(examples, folds=3, epochs=10)
    mixed = cross_validate([Example(e.text, e.label) for e in examples], folds=3, epochs=10)
    assert mixed["accuracy"] == 1.0 and grouped["accuracy"] < 1.0


def test_sitrep_model_environment_variable(monkeypatch, tmp_path):
    from sitrep.pipeline import Pipeline

    monkeypatch.setenv("SITREP_MODEL", "default")
    assert Pipeline().classifier.labels == load_model("default").labels
    monkeypatch.setenv("SITREP_MODEL", str(tmp_path / "absent.npz"))
    with pytest.raises(InputError, match="no such model file"):
        Pipeline().classifier  # noqa: B018
    monkeypatch.delenv("SITREP_MODEL")
    assert Pipeline().classifier is None
