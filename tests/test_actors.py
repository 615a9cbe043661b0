"""Actor naming and ACLED inter codes: the knowledge base and the mention rules (project-written sentences)."""

from __future__ import annotations

import json

import pytest

from sitrep.nlp.actors import GENERIC, ActorKB, _key


def actors_of(events):
    return [(e.actor1, e.inter1) for e in events]


def test_every_alias_names_one_actor():
    """The entity ruler matches aliases case-insensitively (acronyms aside): no alias may name two actors."""
    from importlib import resources

    data = json.loads(resources.files("sitrep.data").joinpath("actors.json").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for rec in data["actors"]:
        assert 1 <= rec["inter"] <= 8
        for alias in [rec["name"], *rec.get("aliases", [])]:
            key = _key(alias).lower()
            assert owner.setdefault(key, rec["name"]) == rec["name"], (alias, owner[key], rec["name"])


@pytest.mark.parametrize("name, inter", [
    ("Houthi", 1),  # ACLED codes the Houthi-led authorities' forces as state forces of Yemen
    ("National Resistance Forces", 3),
    ("Security Belt Forces", 1),
    ("Ahrar al-Sham", 2),
    ("Imbonerakure", 3),
    ("CRPF", 1),
    ("ANDSF", 1),
    ("VDP", 4),  # ACLED: Burkina Faso's village volunteers are a communal militia
    ("Koglweogo", 3),  # ACLED: the Koglweogo self-defence groups are a political militia
    ("PMF", 1),  # part of Iraq's armed forces since 2016-2018
    ("pro-Hadi forces", 1),
    ("Puntland Dervish Force", 1),
    ("LDU", 1),
    ("MS-13", 3),
    ("CODECO", 3),  # ACLED codes it as a political militia
    ("Raia Mutomboki", 3),
    ("FARDC", 1),
])
def test_knowledge_base_inter_codes(name, inter):
    actor = ActorKB.load().get(name)
    assert actor is not None and actor.inter == inter


@pytest.mark.parametrize("word, inter", [
    ("youth", 7), ("vendor", 7), ("gang", 3), ("tribesman", 4), ("separatist", 2), ("prison guard", 1),
    ("govt force", 1), ("mob", 5),
])
def test_generic_nouns(word, inter):
    assert GENERIC[word][1] == inter


def test_anti_x_names_the_opponent_not_the_actor(code):
    evs = code("On 9 May 2020, anti-Houthi National Resistance forces shelled positions near Hays in Al Hudaydah, "
               "Yemen.")
    assert evs and evs[0].actor1 == "National Resistance Forces" and evs[0].inter1 == 3


def test_country_named_after_the_noun_or_on_the_phrase_head(code):
    ev = code("On 9 May 2020, military forces of Armenia fired on the positions of the military forces of "
              "Azerbaijan near Tovuz.")[0]
    assert ev.actor1 == "Military Forces of Armenia" and ev.actor2 == "Military Forces of Azerbaijan"
    assert ev.inter1 == 8  # state forces acting outside their country are ACLED's external forces
    ev = code("On 9 May 2020, Israeli police forces arrested two men in Haifa, Israel.")[0]
    assert ev.actor1 == "Police Forces of Israel" and ev.inter1 == 1


def test_a_group_claiming_the_attack_later_is_the_attacker(code):
    evs = code("On 9 May 2020, militants ambushed an army patrol near Djibo, Burkina Faso, killing two soldiers. "
               "JNIM claimed responsibility for the ambush.")
    assert evs and evs[0].actor1 == "JNIM" and evs[0].inter1 == 2


@pytest.mark.parametrize("text, actor1, inter1", [
    ("On 9 May 2020, Jukun militias attacked the village of Chanchanji in Taraba, Nigeria.",
     "Jukun Ethnic Militia (Nigeria)", 4),
    ("On 9 May 2020, two rival clans clashed over grazing land near Galkayo, Somalia.",
     "Unidentified Communal Militia (Somalia)", 4),
    ("On 9 May 2020, a mob pelted stones at police officers in Patna, India.", "Rioters (India)", 5),
    ("On 9 May 2020, gangsters shot dead a shopkeeper in San Pedro Sula, Honduras.",
     "Unidentified Gang (Honduras)", 3),
    ("On 9 May 2020, unknown raiders attacked a cattle camp near Bor, South Sudan, killing a herder.",
     "Unidentified Communal Militia (South Sudan)", 4),
    ("On 9 May 2020, militias from Aguleri and Umuleri clashed over farmland in Anambra, Nigeria.",
     "Unidentified Communal Militia (Nigeria)", 4),
    ("On 9 May 2020, Jukun and Tiv Ethnic Militias clashed over farmland near Wukari, Nigeria.",
     "Unidentified Communal Militia (Nigeria)", 4),
])
def test_generic_actor_kinds(code, text, actor1, inter1):
    assert actors_of(code(text))[:1] == [(actor1, inter1)]


def test_a_hyphenated_noun_is_no_party(code):
    for ev in code("On 9 May 2020, an army-backed militia attacked the village of Kanam, Nigeria."):
        assert ev.actor1 != "Military Forces of Nigeria"


def test_forces_operating_under_a_joint_operation_are_the_operation(code):
    evs = code("On 9 May 2020, Turkish forces and allied factions, operating under Operation Peace Spring, shelled "
               "the village of Umm Harmala near Tal Tamer, Syria.")
    assert evs and evs[0].actor1 == "Operation Peace Spring" and evs[0].inter1 == 2


def test_a_ceasefire_monitor_is_no_party_but_knows_the_parties():
    kb = ActorKB.load()
    smm = kb.get("OSCE SMM")
    assert smm is not None and smm.kind == "source"
    sides = kb.monitored(smm.name)
    assert [(a.name, a.inter) for a in sides] == [("Military Forces of Ukraine", 1),
                                                  ("NAF: United Armed Forces of Novorossiya", 2)]
    assert kb.monitored("Taliban") == []


def test_the_monitor_is_never_the_actor(code):
    for ev in code("On 9 May 2020, the OSCE SMM recorded 40 explosions near Zolote, Luhansk region."):
        assert ev.actor1 != "OSCE Special Monitoring Mission to Ukraine"


def test_a_place_named_before_gunmen_makes_no_militia(code):
    ev = code("On 9 May 2020, Kano gunmen attacked a village near Kaduna, Nigeria.")[0]
    assert ev.inter1 == 3


@pytest.mark.parametrize("text, inter1", [
    ("On 9 May 2020, Iraqi armed forces shelled a village near Tuz Khurmatu, Iraq.", 1),
    ("On 9 May 2020, opposition factions destroyed a regime tank near Kafr Nabl, Syria.", 2),
    ("On 9 May 2020, armed loggers shot dead two forest guards near Lomphat, Cambodia.", 3),
])
def test_armed_forces_factions_and_armed_nouns(code, text, inter1):
    assert code(text)[0].inter1 == inter1
