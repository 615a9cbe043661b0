"""End to end on the example input of the design: ../shared/seed/derna-2015-06-lwj.txt.

Skips with a message when the shared folder is absent. Expectations are the reader's list
in docs/design.md, not a copy of the program's output: each is a property any correct
coding of the article has.
"""

from __future__ import annotations

import json
import subprocess
import sys

import re

import pytest

from conftest import shared_file
from sitrep.nlp.actors import ActorKB

KB_NAMES = set(ActorKB.load().actors)

IS, MSC = "Islamic State", "Mujahideen Shura Council of Derna"


@pytest.fixture(scope="module")
def derna():
    path = shared_file("seed/derna-2015-06-lwj.txt")
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", str(path), "--published", "2015-06-15"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    events = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    parsed = json.loads(subprocess.run([sys.executable, "-m", "sitrep.cli", "parse", str(path)],
                                       capture_output=True, timeout=300).stdout)
    return events, parsed


def find(events, sub_type, **want):
    return [e for e in events if e["sub_event_type"] == sub_type and all(e[k] == v for k, v in want.items())]


def test_comments_and_boilerplate_are_kept_apart(derna):
    _, art = derna
    body = art["text"]
    assert body.startswith("Earlier this year") and body.rstrip().endswith("voiced their support for the MSC.")
    assert art["title"] == "Jihadist rivals continue to battle in Derna, Libya"
    assert art["author"] == "Thomas Joscelyn"
    assert [c["author"] for c in art["comments"]] == ["Oberron", "irebukeu", "Evan", "Tony"]
    for words in ("Screen Shot", "Senior Fellow", "Tags:", "Haftar IMO", "Boko Haram", "Al shabaab"):
        assert words not in body
    assert any("Screen Shot" in b for b in art["boilerplate"])


def test_no_event_comes_from_the_comments(derna):
    events, art = derna
    body = art["text"]
    for e in events:
        ev = e["evidence"]
        assert body[ev["start"]:ev["end"]] == ev["text"]
        assert "Haftar" not in ev["text"] and "CIA" not in ev["text"]


def test_msc_takes_territory_with_a_claim_and_an_unconfirmed_report(derna):
    events, _ = derna
    taken = find(events, "Non-state actor overtakes territory", actor1=MSC)
    assert taken
    assert {e["certainty"] for e in taken} >= {"claimed", "unconfirmed"}
    bab = [e for e in taken if e["certainty"] == "claimed"]
    assert bab[0]["location"] == "Darnah - Bab Tobruk" and bab[0]["actor2"] == IS
    assert "MSC" in bab[0]["attributed_to"] or MSC in bab[0]["attributed_to"]


def test_assassination_and_assaults_and_bombings(derna):
    events, _ = derna
    assassination = [e for e in events if "assassination" in e["evidence"]["text"]]
    assert assassination and assassination[0]["actor1"] == IS and assassination[0]["actor2"] == MSC
    assert assassination[0]["event_date"] == "2015-06-08" and assassination[0]["time_precision"] == 2
    assault = find(events, "Armed clash", actor1=MSC, actor2=IS)
    assert assault and "Abu Salim Martyrs Brigade" in assault[0]["assoc_actor_1"]
    bombs = find(events, "Suicide bomb", actor1=IS)
    assert bombs and bombs[0]["event_type"] == "Explosions/Remote violence"


def test_protests_and_unconfirmed_firing_on_protesters(derna):
    events, _ = derna
    protests = [e for e in events if e["sub_event_type"] == "Peaceful protest"]
    assert protests and protests[0]["event_date"] == "2015-06-12" and protests[0]["certainty"] == "reported"
    fire = find(events, "Excessive force against protesters", actor1=IS)
    assert fire and fire[0]["certainty"] == "unconfirmed" and fire[0]["actor2"] == "Protesters (Libya)"


def test_actors_are_canonical_and_places_geocoded(derna):
    events, _ = derna
    for e in events:
        if e["event_type"] is None:
            # PLOVER-only events ("Islamists throughout Libya have voiced their support for the MSC") are
            # not ACLED's: their actors may be named entities and their place the whole country
            assert e["plover_event"] and e["country"] == "Libya"
            continue
        assert e["country"] == "Libya" and e["admin1"] == "Darnah"
        assert e["location"].startswith("Darnah") and e["geo_precision"] == 1
        assert abs(e["latitude"] - 32.767) < 0.05 and abs(e["longitude"] - 22.64) < 0.05
        for actor in (e["actor1"], e["actor2"]):
            # canonical: a knowledge-base actor or an ACLED-style generic one, never the words of the text
            assert actor is None or actor in KB_NAMES or re.fullmatch(r"[A-Z][\w ]+ \(Libya\)", actor), actor
    assert {IS, MSC} <= {e["actor1"] for e in events}
