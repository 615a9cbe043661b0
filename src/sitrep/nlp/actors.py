"""The actor knowledge base: canonical actors, aliases, inter codes, relations, countries.

Reads: ``data/actors.json`` and ``data/demonyms.tsv`` shipped with the package, plus an
optional user file (same JSON shape) named by ``--actors`` or $SITREP_ACTORS.
Writes: ``Actor`` records and lookups used by the NLP and event stages.
Generic mentions ("soldiers", "protesters", "gunmen") map to ACLED-style generic actors
whose country is filled in once the event is geocoded.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..data import demonyms
from ..errors import InputError
from ..records import Actor

#: Generic nouns (lemmas) -> (name template, inter code). "{country}" is filled after geocoding.
GENERIC: dict[str, tuple[str, int]] = {
    **{w: ("Military Forces of {country}", 1) for w in (
        "soldier", "troop", "army", "military", "armed forces", "security forces", "security force",
        "government forces", "government troops", "air force", "navy", "marines", "special forces",
        "paratrooper", "commando", "national guard", "defence forces", "defense forces", "warplane", "jet",
        "fighter jet", "helicopter gunship", "gendarme", "gendarmerie", "govt force", "govt forces", "govt troop",
        "border guard", "tank", "aircraft", "helicopter", "warship", "gunboat")},
    **{w: ("Government of {country}", 1) for w in ("authorities", "authority", "government", "governorship",
                                                  "administration")},
    **{w: ("Police Forces of {country}", 1) for w in (
        "police", "policeman", "police officer", "officer", "riot police", "policemen", "cop", "law enforcement",
        "policewoman", "prison guard")},
    **{w: ("Unidentified Armed Group ({country})", 3) for w in (
        "gunman", "gunmen", "militant", "assailant", "attacker", "armed man", "armed men",
        "jihadist", "fighter", "terrorist", "bandit", "extremist", "militiaman", "militia",
        "kidnapper", "abductor", "suicide bomber", "bomber", "armed group", "unknown gunmen", "sniper", "raider",
        "robber")},
    **{w: ("Unidentified Gang ({country})", 3) for w in (
        "gang", "gangster", "gang member", "cartel", "drug trafficker", "trafficker")},
    **{w: ("Unidentified Communal Militia ({country})", 4) for w in (
        "tribesman", "tribesmen", "clansman", "clansmen", "clan", "clan militia", "communal militia", "tribal militia",
        "ethnic militia")},
    **{w: ("Opposition Rebels ({country})", 2) for w in (
        "rebel", "insurgent", "opposition fighter", "guerrilla", "separatist", "opposition faction")},
    **{w: ("Protesters ({country})", 6) for w in (
        "protester", "protestor", "demonstrator", "marcher", "activist", "supporter", "striker",
        "student protester", "crowd")},
    **{w: ("Rioters ({country})", 5) for w in ("rioter", "mob", "looter")},
    **{w: ("Civilians ({country})", 7) for w in (
        "civilian", "villager", "resident", "people", "person", "farmer", "student", "woman", "child",
        "worshipper", "passenger", "herder", "journalist", "teacher", "man", "men", "women", "children",
        "family", "local", "shopkeeper", "trader", "driver", "pilgrim", "refugee", "aid worker", "doctor",
        "nurse", "patient", "boy", "girl", "elder", "chief", "official", "politician", "candidate", "worker",
        "miner", "fisherman", "inhabitant", "citizen", "victim", "hostage", "prisoner", "detainee", "youth",
        "labourer", "laborer", "vendor", "seller", "inmate", "employee", "pastoralist",
        "community member", "thief", "owner", "migrant")},
}

#: Definite descriptions that refer back to the last named armed group.
COREF_HEADS = {
    "group", "organization", "organisation", "militant", "jihadist", "insurgent", "militia", "rebel",
    "terrorist", "movement", "caliphate", "fighter", "coalition", "alliance", "extremist", "outfit",
}
#: Possessed nouns that make "X's men" mean X's group ("al Baghdadi's men").
FOLLOWER_HEADS = {"men", "fighter", "forces", "force", "loyalist", "supporter", "militant", "troop", "follower"}


@dataclass
class Country:
    name: str
    demonyms: list[str]


class ActorKB:
    """In-memory knowledge base; build with ``ActorKB.load()``."""

    def __init__(self, actors: list[Actor], leaders: dict[str, str], countries: list[Country]) -> None:
        self.actors: dict[str, Actor] = {}
        self.alias_index: dict[str, str] = {}
        self.leaders = dict(leaders)  # leader name -> group canonical name
        for a in actors:
            self.add(a)
        self.countries = {c.name: c for c in countries}
        self.demonym_index: dict[str, str] = {}
        for c in countries:
            self.demonym_index[c.name.lower()] = c.name
            for d in c.demonyms:
                self.demonym_index[d.lower()] = c.name

    def add(self, actor: Actor) -> None:
        existing = self.actors.get(actor.name)
        if existing:
            existing.aliases = sorted(set(existing.aliases) | set(actor.aliases))
            for rel, targets in actor.relations.items():
                existing.relations.setdefault(rel, [])
                existing.relations[rel] = sorted(set(existing.relations[rel]) | set(targets))
            actor = existing
        else:
            self.actors[actor.name] = actor
        for alias in [actor.name, *actor.aliases]:
            self.alias_index.setdefault(_key(alias), actor.name)

    def get(self, name: str) -> Actor | None:
        canonical = self.alias_index.get(_key(name))
        return self.actors.get(canonical) if canonical else None

    def monitored(self, name: str) -> list[Actor]:
        """The parties whose ceasefire the actor ``name`` monitors ("monitors" relation), e.g. the OSCE SMM's."""
        actor = self.actors.get(name)
        sides = actor.relations.get("monitors", []) if actor else []
        return [self.actors[s] for s in sides if s in self.actors]

    def country_of_demonym(self, word: str) -> str | None:
        return self.demonym_index.get(word.lower())

    def add_relation(self, subject: str, relation: str, obj: str) -> None:
        actor = self.actors.get(subject)
        if actor is None:
            return
        targets = actor.relations.setdefault(relation, [])
        if obj not in targets:
            targets.append(obj)

    @classmethod
    def load(cls, extra: str | Path | None = None) -> ActorKB:
        data = json.loads(resources.files("sitrep.data").joinpath("actors.json").read_text(encoding="utf-8"))
        actors, leaders = _parse_actor_file(data, "actors.json")
        extra = extra or os.environ.get("SITREP_ACTORS")
        if extra:
            path = Path(extra)
            if not path.is_file():
                raise InputError(f"actor file {path} does not exist")
            try:
                user = json.loads(path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError(f"actor file {path} is not valid JSON: {exc}") from exc
            more, more_leaders = _parse_actor_file(user, str(path))
            actors += more
            leaders.update(more_leaders)
        countries = [Country(name, dems) for name, dems in demonyms().items()]
        return cls(actors, leaders, countries)


def _parse_actor_file(data: Any, where: str) -> tuple[list[Actor], dict[str, str]]:
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise InputError(f"{where}: expected an object with an 'actors' list")
    actors: list[Actor] = []
    leaders: dict[str, str] = {}
    for i, rec in enumerate(data["actors"]):
        if not isinstance(rec, dict) or "name" not in rec or "inter" not in rec:
            raise InputError(f"{where}: actor #{i} needs at least 'name' and 'inter'")
        inter = int(rec["inter"])
        if not 1 <= inter <= 8:
            raise InputError(f"{where}: actor {rec['name']!r} has inter {inter}; ACLED inter codes are 1-8")
        actors.append(Actor(
            name=rec["name"], inter=inter, aliases=list(rec.get("aliases", [])), country=rec.get("country"),
            kind=rec.get("kind", "group"), relations={k: list(v) for k, v in rec.get("relations", {}).items()},
        ))
        for leader in rec.get("leaders", []):
            leaders[leader] = rec["name"]
    return actors, leaders


def _key(name: str) -> str:
    """Alias key: acronyms stay case-sensitive ("IS" is not "is"), other names fold case."""
    name = " ".join(name.replace("\u2019", "'").split())
    if name.startswith("the "):
        name = name[4:]
    return name if (name.isupper() and len(name) <= 6) else name.lower()
