"""Geo: toponyms -> gazetteer places -> each event's location, with ACLED geo_precision.

Reads: an ``Article`` (its ``toponyms``, filled by the events stage) and its ``Event`` list
(each with ``place_mentions`` from its own sentence). Writes: the events' ``country``,
``admin1``, ``location``, ``latitude``, ``longitude``, ``geo_precision``, ``geonameid`` and
the location span; generic actor names get their country ("Protesters (Libya)").

Resolution: countries and regions named in the article give context; a name is resolved to
the candidate in a context country, else the clearly most populous one; ties with no cue
are left unresolved rather than guessed. One unresolvable name never stops the others.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from ..data import demonyms
from ..events.lexicon import NEAR_AFTER, NEAR_BEFORE
from ..records import Article, Event
from .gazetteer import ADMIN1, ADMIN2, CAPITAL, CONTINENT, COUNTRY, REGION, SECTION, TOWN, Gazetteer, Place, _ascii, key, km

__all__ = ["Geocoder", "Gazetteer", "Place", "Toponym", "default_gazetteer"]

#: Entity labels that name places reliably; others ("ORG", "PERSON", "NORP") need a cue.
SURE_LABELS = {"GPE", "LOC", "FAC"}
#: Just before a place: "near ", "in the area of ", "outside ".
NEAR_OR_IN = re.compile(r"\b(?:near|in|outside|around|(?:area|vicinity|outskirts) of)\s+(?:the\s+)?"
                        r"(?:(?:rural|central|downtown|(?:north|south)?(?:east|west)?(?:ern)?)\s+)?$", re.I)
#: "between Pissila and ": the second of two places.
BETWEEN_AND = re.compile(r"\b(?i:between)\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2}\s+and\s+$")
PLACE_PREPOSITIONS = re.compile(r"(?:\b(?:in|at|near|outside|of|from|to|into|around|toward|towards|between)\s+(?:the\s+)?"
                                r"(?:(?:central|downtown|rural|(?:north|south)?(?:east|west)?(?:ern)?)\s+)?)$", re.I)
REGION_WORDS = re.compile(r"\b(?:province|region|state|governorate|district|county|department|prefecture|oblast)\b", re.I)
#: The words that call a name a district (county, commune, woreda, ...).
DISTRICT_KINDS = r"district|county|municipality|commune|cercle|tehsil|sub-?district|woreda"
#: Words that make a name a district: "in Sherzad district", "Nahrin District", "Bankass cercle".
DISTRICT_WORDS = re.compile(rf"^\s*(?:\([^()]{{1,40}}\)\s*)?(?:{DISTRICT_KINDS}|local government area|LGA)\b", re.I)
REGION_AFTER = re.compile(r"^(?:\s+and\s+[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)?)?\s*(?i:province|region|state|governorate|"
                          r"district|county|department|prefecture|oblast)s?\b")
#: A word after a name that makes it a part of a town: "Tombo neighbourhood", "Palanpur area of".
PART_AFTER = re.compile(r"\s+(?i:neighbou?rhoods?|quarter|suburb|barrio|area\s+of)\b")
#: After a name, words that make it a district of the place named next: "Desnianskyi district of Kyiv" (of a
#: metropolis: "Cukurca district of Hakkari" is a province's).
DISTRICT_OF_AFTER = re.compile(r"\s+(?i:district|borough)\s+of\b")
#: A word after a name that calls it a town or village: "Quamishli city", "Dhabeji town".
KIND_AFTER = re.compile(r"\s+(?i:city|town|village)\b(?!\s+of)")
#: After a district's centre named in brackets: "Tarnak Wa Jaldak (Shahr-e-Safa) district".
ALIAS_OF_DISTRICT = re.compile(r"\)\s*(?i:district)\b")
#: A district's centre, its seat town: "Gulran district center", "Sayyad district administration centre".
DISTRICT_CENTRE = re.compile(r"\s+(?:(?i:district)\s+)?(?:(?i:admin\w*)\s+)?(?i:cent(?:er|re)|headquarters)\b")
OUTSIDE_BEFORE = re.compile(r"\b(?i:outside|near|outskirts|vicinity)(?:\s+(?i:of))?\s+(?:(?i:the)\s+)?$")
#: A division word after a name the gazetteer lacks with it: "Sokoto State", "Guma Local Government Area".
DIVISION_SUFFIX = re.compile(r"^(.+?)\s+(state|province|region|governorate|oblast|department|prefecture|district|"
                             r"county|municipality|municipal district|local government area|LGA|township|tehsil|"
                             r"upazila|commune|cercle|woreda|sub-?district|territory|regency)$", re.I)
#: A division word before the name: "the Municipality of Trancoso", "Province of Kunduz".
DIVISION_PREFIX = re.compile(r"^(municipality|district|province|state|department|commune|county|governorate|region|"
                             r"prefecture|oblast)\s+of\s+(?:the\s+)?(.+)$", re.I)
#: What may follow a place's name inside one entity: "Rakhine State", "Borno State".
DIVISION_WORD = re.compile(r"(?i:state|province|region|governorate|district|county|oblast|department)")
#: The label of a place NER tagged as an organisation or person when the whole name is the place's.
CUE_WHOLE = "CUE_WHOLE"
#: A compass word before a country or region: "South Florida", "Western US", "northern Mali".
COMPASS_PREFIX = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?|central|(?:north|south)-?(?:east|west)(?:ern)?)\s+(.+)$",
                            re.I)
#: A state's official form: "Republic of Armenia", "the Kingdom of Morocco", "Russian Federation".
OFFICIAL_FORM = re.compile(r"^(?:the\s+)?(?:(?:(?:Federal|Democratic|Islamic|People's|Socialist|Arab|United|Plurinational|"
                           r"Bolivarian|Federative|Hashemite|Cooperative)\s+)*(?:Republic|Kingdom|State|Sultanate|Emirate|"
                           r"Principality|Commonwealth)\s+of\s+(?:the\s+)?(.+)|(Russia)n\s+Federation)$")
#: Words of facilities and public bodies named after their town: "Donetsk Airport", "Kaduna Central Market".
FACILITY_WORDS = re.compile(r"\b(?:airport|airfield|air ?base|base|hospital|clinic|university|college|school|academy|"
                            r"prison|jail|station|stadium|market|port|harbou?r|dam|refinery|camp|barracks|checkpoint|"
                            r"court|council|police|embassy|consulate|mosque|church|cathedral|racecourse|castle|"
                            r"cent(?:re|er)|army|chamber)\b", re.I)
#: A facility after a name NER tagged alone: "the Tulkarm refugee camp", "Kandahar airport".
FACILITY_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:" + FACILITY_WORDS.pattern +
                            r"|\b(?:building|headquarters|offices?|compound|hall|palace|directorate)\b)", re.I)
#: "X city", "X town": the town, not the district of the name.
TOWN_WORD = re.compile(r"\s(?i:city|town)\b(?!\s+of)")
#: A city this big holds the unknown places it qualifies as neighbourhoods ("Khallatat (Tripoli)").
CITY_POPULATION = 100_000
IN_FRONT_OF = re.compile(r"\bin front of\s+(?:the\s+)?$", re.I)
#: A part of a town, which is in it, not near it: "in the east of Hodeidah", "the Kalan area of Farah city",
#: "several areas of Bamako" ("east of X", "the area of X" stay near).
PART_OF_TOWN = re.compile(r"\b(?:(?i:in the)\s+(?i:north|south|east|west|centre|center)(?i:ern|east|west)?(?:\s+part)?|"
                          r"[A-Z0-9][\w'\-]*\s+(?i:area|areas|neighbou?rhood|quarter)|"
                          r"(?i:residential|several|some|different)\s+areas)\s+of\s+(?:the\s+)?$")
#: A place below the region, named whether or not the gazetteer knows it: "in Nirkh district", "the Kala
#: Muchi area", "the village of Qzvwx". An event placed only at its region or country while its sentence
#: names one is ACLED's precision 2 (a district, or a part of the region), not 3.
FINER_AFTER = re.compile(r"\b([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})\s+(?i:districts?|villages?|town|area|county|"
                         r"LGA|communes?|sub-?districts?|tehsil|township|neighbou?rhood|locality|localities|municipality|"
                         r"sub-?division|territory)\b")
FINER_BEFORE = re.compile(r"\b(?i:villages?|town|districts?|areas?|locality|localities|neighbou?rhood|communes?)\s+of\s+(?:the\s+)?"
                          r"([A-Z][\w'\-]*)")
#: A road or front whose end or sector the place names: precision 2 (ACLED codes such events at the town).
ROAD_BEFORE = re.compile(r"\b(?:(?i:road|highway|motorway|route|axis)\s+(?i:that\s+)?(?i:between|from|to|towards?|linking|"
                         r"connecting|connects|links|leads? to|leading to|running to)|(?i:between)(?:\s+the\s+"
                         r"(?i:cities|towns|villages|localities|communities)\s+of)?|(?i:rural areas? of|central district of))"
                         r"\s+(?:the\s+)?(?:[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*\s+(?:and|to)\s+)?$")
#: After a name a road, street or square bears: "the Pacific road", "the Jalandhar bypass", "Armas square".
STREET_NAMED_AFTER = re.compile(r"(?:\s*-\s*[A-Z][\w'\-]*)?\s+(?i:road|highway|motorway|bypass|street|avenue|boulevard|"
                                r"square|roundabout)\b")
#: After a town a road is named for: " - Maiduguri road", "-Baku highway", " road".
ROAD_NAMED_AFTER = re.compile(r"(?:\s*-\s*(?:(?:al|el|ad|ar|as|ash|an)\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)?)?\s+"
                              r"(?i:road|highway|motorway|axis)\b")
#: After a town: a road, a front's sector, or a division or area around it ("Samana subdivision",
#: "Haftanin region", "Nimbahera taluka").
ROAD_AFTER = re.compile(r"(?:\s*-\s*[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)?\s+(?i:road|highway|motorway|bypass|sector|"
                        r"sub-?division|taluka?|tehsil|upazila|block|region|area|rural area|countryside|outskirts)\b")
#: After a name: a street, square or building it names, then the town it is in ("square in Tyr").
FEATURE_IN = re.compile(r"(?:-[A-Z][\w'\-]*)?\s+(?:[A-Z][\w'\-]*\s+)?(?i:street|avenue|boulevard|road|highway|square|"
                        r"roundabout|circle|junction|"
                        r"intersection|bridge|hotel|building|tower|mall|hospital|clinic|school|mosque|church|market|bank|"
                        r"park|stadium|university|college|prison|palace|cinema|restaurant|cafe|club)\s+(?i:in|of|at)\s+"
                        r"(?:(?i:the)\s+)?[A-Z]")
#: Adjectives of continents and regions ("European", "Middle Eastern") and of parts of the UK.
REGION_DEMONYMS = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "north american": "North America",
    "south american": "South America", "latin american": "Latin America", "central american": "Central America",
    "middle eastern": "Middle East", "english": "England", "scottish": "Scotland", "welsh": "Wales",
    "sahelian": "Sahel", "caribbean": "Caribbean", "mediterranean": "Mediterranean",
}
NOT_PLACES = {
    "west", "east", "north", "south", "western", "eastern", "northern", "southern", "central", "congress",
    "parliament", "senate", "white house", "kremlin", "pentagon", "capitol", "islamic", "state", "government",
    "army", "police", "people", "city", "town", "capital", "republic", "metro", "red cross", "red crescent",
}
#: A dateline opening a paragraph: "BEIRUT (Reuters) -", "SAN DIEGO —", "KABUL, Afghanistan –".
DATELINE = re.compile(r"(?:^|\n\n)([A-Z][A-Z'\.\-]+(?: [A-Z][A-Z'\.\-]+){0,3})(?=\s*(?:,|\(|\u2014|\u2013|-|:))")
#: What separates a place from the region that qualifies it: "Celaya, Guanajuato", "Tieba (Bankass)",
#: "Bar-Sanguun village (Kismaayo, ...)". ("X in Y" is not one: it cost 5 points of ACLED geo precision.)
QUALIFIER_GAP = re.compile(r"(?:\s+(?:village|town|city|district|area|neighbou?rhood|camp|commune|municipality|"
                           r"community|locality|sector))?(?:, ?| \(|, \()")
#: A settlement named for a town and numbered: "Zolote-4" (not "Pobe-Mengao", "Mayo-Tsanaga": other places than a
#: "Pobe" or "Mayo" abroad).
TOWN_DASH_NUMBER = re.compile(r"([A-Z][\w']+)-\d+")
#: Two towns in one name, joined by a dash: "Tripoli-Beirut" (highway), "Djibo - Bourzanga" (axis).
TOWN_DASH_TOWN = re.compile(r"([A-Z][\w']+(?: [A-Z][\w']+)?) ?- ?([A-Z][\w']+(?: [A-Z][\w']+)?)")
#: After two towns joined by a dash, the road that joins them: "Tripoli-Beirut highway" (not "(Mayo-Sava, ").
ROAD_OF_PAIR = re.compile(r"\s+(?i:road|highway|motorway|expressway|axis|route|railway|corridor)\b")
#: A city and a part of it in one name: "Mogadishu-Hodan", "Lima-Rimac".
CITY_DASH_PART = re.compile(r"([A-Z][\w']+(?: [A-Z][\w']+)?)-([A-Z][\w']+(?: [A-Z][\w']+)?)")
#: Between a town and the region or city it is in: " in ", " city in " ("Ras Al Ain city in Al-Hasakeh").
IN_GAP = re.compile(r"(?:\s+(?i:city|town|village))?\s+in\s+")
#: A name and an opening parenthesis just before a place: "Qzvwx village (", "K60 (".
UNKNOWN_BEFORE_PAREN = re.compile(r"\b([A-Z0-9][\w'\-]*)(?:\s+(?i:village|town|area|camp|locality|hamlet))?\s+\($")
#: A place named after an unknown one it qualifies: "in the area of Qzvwx, Donetsk", "in Barangay Qzvw, Calamba".
UNKNOWN_THEN_COMMA = re.compile(r"\b(?:in|at|near|of|outside|around)\s+(?:the\s+)?([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})"
                                r"(?:\s+(?:village|town|area))?, $")
#: The head of a name, with a particle, just before a name NER tagged: "Catole do " of "Catole do Rocha",
#: "Barra de Santo " of "Barra de Santo Antonio".
_PARTICLE = r"(?:de|do|da|dos|das|del|de la|de los|di|du|el|al|ad|ar|as)"
NAME_HEAD_BEFORE = re.compile(rf"\b[A-Z][\w'\-]*(?:\s+{_PARTICLE}\s+[A-Z][\w'\-]*|(?:\s+[A-Z][\w'\-]*)?\s+{_PARTICLE})\s+$")
#: The rest of a name joined by a hyphen and a particle: "-i-Barqi" of "Qala-i-Barqi", "-ez-Zor", "-e Barakzayi".
HYPHEN_JOINED = re.compile(r"-(?:i|e|ye|ul|al|el|ad|ar|as|az|ash|an|at|ez|es|en|ed|o|wa)[- ][A-Z]")
#: A currency after a country's name or demonym: "the US dollar", "Lebanese pounds".
CURRENCY_AFTER = re.compile(r"[\s\-]+(?:dollars?|pounds?|lira|liras|euros?|rupees?|dinars?|rials?|riyals?|pesos?|"
                            r"francs?|shillings?|nairas?|rubles?|roubles?|yuan|yen)\b", re.I)
#: After a country that leads or backs a party: "Saudi-led", "Turkey-backed", "Iranian-funded", "a Turkey backed
#: faction" (not "Turkey backed the plan": a verb).
LED_AFTER = re.compile(r"-(?i:led|backed|funded|sponsored|supported|allied|aligned|affiliated|trained|armed)\b|"
                       r" (?i:led|backed)(?= (?!(?:the|a|an|by|his|her|its|their|this|that)\b)[a-z])")
#: A region or country after a comma: "Caripe, Monagas state".
REGION_AFTER_COMMA = re.compile(r"(?:,| in)\s+([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2})\b")
#: A Mexican neighbourhood: "Colonia Centenario 2", "colonia Loma Alta", "Colonia del Valle".
COLONIA = re.compile(r"[Cc]olonia\s+(?!del Sacramento)(?:(?:de|del|de la|de los|de las|las|los|la)\s+)?[A-Z0-9]")
#: What may stand between two halves of one name NER split: "Baja California", "Port of Spain".
SPLIT_GAP = re.compile(r" (?:(?:of|de|del|da|do|dos|di|la|el|al|les|sur|and|e|i) )?")
#: A group's acronym in mixed case: "JaS", "HuT", "AQaP".
MIXED_ACRONYM = re.compile(r"(?=\w*[a-z][A-Z])[A-Z][A-Za-z]{1,4}")
#: Where NER's one entity holds a place and its qualifiers.
LIST_SEPARATOR = re.compile(r", | \(|\)")
#: A run of capitalised words, with the small connecting words of place names ("Leon de los
#: Aldama", "Ras al Ain", "Bab-Tobruk").
CAPITALISED = re.compile(
    r"[A-Z][\w'\u2019\-]*(?:\s+(?:(?:de|del|de la|de los|de las|do|da|dos|das|al|el|la|las|los|ad|ar|as|an|ash|az|"
    r"bin|ibn|du|des|le|les|sur|upon|on|en|e|i|ye)\s+)?[A-Z][\w'\u2019\-]*){0,3}")
#: Capitalised words that are never places in running text, whatever the gazetteer holds.
NOT_PLACE_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "police", "army",
    "government", "president", "minister", "ministry", "mr", "mrs", "ms", "dr", "general", "colonel", "captain",
    "forces", "the", "a", "an", "on", "in", "at", "he", "she", "they", "it", "we", "this", "that", "there",
    "colonia", "sector", "village", "town", "city", "district", "province", "region", "commune", "municipality",
    # common nouns and adjectives that are also the names of small places ("Street", Somerset; "Arab", Alabama)
    "street", "road", "avenue", "square", "branch", "airport", "station", "market", "camp", "base", "bridge",
    "highway", "hill", "valley", "river", "mountain", "lake", "border", "prison", "office", "building", "complex",
    "factory", "mosque", "church", "park", "port", "area", "zone", "front", "block", "quarter", "human", "justice",
    "independence", "liberty", "union", "unity", "victory", "freedom", "peace", "hope", "progress", "industry",
    "commerce", "defence", "defense", "security", "health", "education", "interior", "arab", "muslim", "christian",
    "national", "federal", "central", "royal", "university", "hospital", "school", "council", "court",
    "mine", "mines",
}
#: Kinds of place that a name inside an organisation's name ("Air Zimbabwe") or a person-tagged
#: name ("Tamil Nadu") may stand for: big, unambiguous ones only.
CUE_KINDS = {COUNTRY, ADMIN1, CAPITAL, REGION, CONTINENT}


@dataclass
class Toponym:
    text: str
    start: int
    end: int
    place: Place
    relation: str = "in"
    #: the division the text puts this place in, when the place lies in it ("Guarenas, Miranda state"):
    #: ("admin1", code) or ("cc", country code)
    held_by: tuple[str, str] | None = None
    #: the name of a part of this town that the gazetteer lacks, where the text puts the event there
    #: ("in Shahjehanabad area of Bhopal city", "Khallatat (Tripoli)"): the location is written "Bhopal - Shahjehanabad"
    part: str | None = None

    def to_contract(self, gaz: Gazetteer) -> dict[str, object]:
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "geonameid": _public_id(self.place),
            "latitude": self.place.lat, "longitude": self.place.lon,
            "country": gaz.country_name(self.place.cc), "admin1": gaz.admin1_name(self.place.admin1),
            "feature_code": self.place.fcode,
        }


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


class Geocoder:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or default_gazetteer()
        # "Canadian", "Libyan": a demonym points at its country
        self.demonyms = {d.lower(): country for country, dems in demonyms().items() for d in dems
                         if not d.isupper() and d[0].isupper()}
        self.demonyms.update(REGION_DEMONYMS)
        self._countries_re: re.Pattern[str] | None = None

    # -- toponyms of a whole article -----------------------------------------------------
    def toponyms(self, article: Article, hint_countries: Iterable[str] = ()) -> list[Toponym]:
        """Every resolvable place named in the article body, in text order.

        ``hint_countries``: country names known from elsewhere (the actors' countries), used as context.
        """
        body = article.body
        mentions = []
        # halves of one name NER split are joined before either is judged ("Gaucha" + "do Norte")
        for s, e, t, lb in self._join_split_names(body, self._extend_names(body, self._split_lists(article.toponyms, body))):
            after_place = bool(mentions) and bool(QUALIFIER_GAP.fullmatch(body[mentions[-1][1]:s]))
            if after_place or self._plausible(body, s, t, lb):
                if lb not in SURE_LABELS and self._untagged_label(_clean(t), body[max(0, s - 30):s]) == "LOC":
                    lb = "LOC"  # "in rural Ein Issa" tagged as a person: a town spelt otherwise ('Ayn 'Isa)
                mentions.append((s, e, t, lb))
        mentions += self._unlabelled(article, mentions)
        mentions = self._join_split_names(body, sorted(set(mentions)))
        context = self._context(article, mentions)
        by_name = {v: k for k, v in self.gaz.countries.items()}
        context["hints"] = Counter()
        for name in hint_countries:
            if name in by_name:
                context["countries"][by_name[name]] += 2
                context["hints"][by_name[name]] += 2
        # "Celaya, Guanajuato", "Derna, Libya": the second name qualifies the first
        qualifier_of: dict[int, int] = {}
        for i in range(len(mentions) - 1):
            gap = body[mentions[i][1]:mentions[i + 1][0]]
            if QUALIFIER_GAP.fullmatch(gap) and mentions[i + 1][3] != "CUE":  # a whole CUE_WHOLE may qualify
                qualifier_of[i + 1] = i
            elif IN_GAP.fullmatch(gap) and mentions[i][3] not in ("ORG", "NORP", "FAC", "CUE", CUE_WHOLE) and \
                    mentions[i + 1][3] != "CUE" and _clean(mentions[i][2]).lower() not in self.demonyms and \
                    not re.match(r"\s*[(,]", body[mentions[i + 1][1]:]) and not _on_road(body, *mentions[i][:2]):
                # "Ras al Ain in al-Hasakeh", "Tell Abiad in Ar-Raqqa": a town, then the region or city it is in
                # (not where the second has divisions or a list after it, "Garghin in Ouagadougou (Ouagadougou, ...",
                # nor a road's end: "the road linking Aden to Taizz in At Turbah area")
                qualifier_of[i + 1] = i
            elif gap == ", " and i in qualifier_of and body[mentions[i][0] - 2:mentions[i][0]] == " (":
                qualifier_of[i + 1] = i  # "Bar-Sanguun (Kismaayo, Lower Juba)": the district, then its region
        # a place after a name NER did not tag, opening a parenthesis ("near Qzvwx village (Arbinda, Soum)") or
        # after a comma ("in the area of Qzvwx, Donetsk"): it qualifies that unknown village, unless the name
        # is a building's ("Al Thawrah Hospital (Salh, Taizz)")
        after_unknown: dict[int, str] = {}
        village_after: set[int] = set()  # ("Qzvwx village (")
        for k, (s, _e, _t, _l) in enumerate(mentions):
            m = (UNKNOWN_BEFORE_PAREN.search(body, max(0, s - 40), s) or UNKNOWN_THEN_COMMA.search(body, max(0, s - 60), s))
            if k not in qualifier_of and m and not FACILITY_WORDS.search(m[0]) and not any(
                    mentions[j][1] > m.start() for j in range(k)):
                after_unknown[k] = _name_back(body, m.start(1), m.end(1))
                if VILLAGE_AFTER.match(body, m.end(1)):
                    village_after.add(k)
        # one sense per article: names tagged as places are resolved first, and the same name
        # tagged otherwise ("most of Derna" as ORG) reuses their answer
        resolved: dict[tuple[str, bool, int | None], Place | None] = {}
        own_part: dict[int, str] = {}  # a part the name itself gives ("Mogadishu-Hodan")
        places: dict[int, Place] = {}
        order = sorted(range(len(mentions)), key=lambda k: (mentions[k][3] not in SURE_LABELS, k not in qualifier_of))
        # qualifiers first, the outermost of a chain first: "Hays (Hays, Al Hudaydah)"
        order = sorted((k for k in order if k in qualifier_of), reverse=True) + [k for k in order if k not in qualifier_of]
        within_of = {v: k for k, v in qualifier_of.items()}
        for k in order:
            s, e, text, label = mentions[k]
            cleaned = _clean(text)
            whole = _clean(text, kind_word=True)
            if whole != cleaned and any(key(p.name) == key(whole) for p in self.gaz.lookup(whole)):
                cleaned = whole  # "Guatemala City", "Gaza City": the kind word belongs to the name
            country = self.demonyms.get(cleaned.lower())
            name = country or cleaned
            after = body[e:e + 60]
            # a district where the text calls it one, or in an ACLED-style parenthesis of divisions
            # ("Zigberi (Markoye, Oudalan)": commune, then province)
            in_paren = _in_parenthesis(body, s)
            district = bool(DISTRICT_WORDS.match(after) or DISTRICT_WORDS.search(" " + text.split()[-1])
                            or in_paren)
            region = (k in qualifier_of or k in after_unknown or bool(REGION_WORDS.search(text) or REGION_AFTER.match(after))
                      ) and not district and not TOWN_WORD.match(" " + after.lstrip())  # "PD3, Kunduz city"
            # an ACLED-style parenthesis of divisions ("Marabo (Qzvw, Ituri)"), unlike a list ("Saipan, Guam"),
            # is trusted: its nearest division the gazetteer knows holds the place, when Qzvw is unknown
            j = within_of.get(k)
            paren = j is not None and ("(" in body[e:mentions[j][0]] or in_paren)
            while paren and j is not None and j not in places:
                j = within_of.get(j)
            within = places.get(j) if j is not None else None
            # a qualifier holds the place it qualifies: "(Bossaso, Bari)" is Bari in Somalia, not Italy
            holds = self._holds(mentions[qualifier_of[k]]) if k in qualifier_of else []
            j = qualifier_of.get(k)
            while not holds and j is not None and j in qualifier_of and qualifier_of[j] != j:
                j = qualifier_of[j]  # "Bafoussam town (Qzvw, Ouest)": past the unknown name, the town it qualifies
                holds = self._holds(mentions[j])
            # "Amara city": a town, not the region ("Gaza City" is the name itself)
            town = bool((TOWN_WORD.search(" " + text) and cleaned != whole) or TOWN_WORD.match(" " + after.lstrip()))
            cache_key = (key(name), region, within.id if within else None, district, tuple(p.id for p in holds[:20]),
                         town)
            if cache_key in resolved:
                place = resolved[cache_key]
            else:
                # a name NER did not tag as a place is read strictly, unless a place qualifies it
                # ("near Avdiivka, Donetsk": any name of a town in Donetsk oblast will do) or the text calls
                # it a town or district ("Quamishli city", "Ghoryan district")
                place = self._resolve(name, context, region=region, within=within, district=district,
                                      strict=label not in SURE_LABELS and not country and within is None
                                      and not KIND_AFTER.match(after) and not DISTRICT_WORDS.match(after),
                                      holds=holds[:20], town=town,
                                      local=bool(DISTRICT_WORDS.match(after) or ALIAS_OF_DISTRICT.match(after)
                                                 or PART_AFTER.match(body, e)))
                if place is None and within is not None:
                    # the qualifier itself may be misread ("Baja" for Baja California): the name alone,
                    # unless it lies in the qualifier's country ("Benito Juarez, Nuevo Leon" is no
                    # Benito Juarez of Mexico City); past a region, district or country qualifier only a
                    # big city by its own name ("Yaounde city (Mfoundi, Centre)"), not a namesake abroad
                    # ("Solhan (Solhan, Yagha)" is no Solhan of Turkey)
                    place = self._resolve(name, context, region=region, strict=label not in SURE_LABELS)
                    # (and by its own name: "Chardara district, Kunduz" is no Shardara of Kazakhstan)
                    own = place is not None and (_loose(key(place.name)) == _loose(key(name))
                                                 or place.fcode in (COUNTRY, CONTINENT, REGION))  # "the Gulf, Qatar"
                    big = place is not None and key(place.name) == key(name) and place.population >= CITY_POPULATION
                    # the one town of that name in the qualifier's country: the qualifier is misread or wrong
                    # ("Nawabshah city (Nawabshah, Punjab)" is in Sindh, "Darqad district, Nangarhar" in Takhar)
                    only = place is not None and place.cc == within.cc and key(place.name) == key(name) and \
                        label in SURE_LABELS and all(p.id == place.id or p.parent == place.id or place.parent == p.id
                                                     for p in self.gaz.lookup(name) if p.cc == within.cc)
                    if place is not None and not only and (place.cc == within.cc or not own or not (big or (
                            label in SURE_LABELS and (not paren or within.fcode not in (COUNTRY, ADMIN1, ADMIN2))))):
                        place = None
                if place is None and not country and not self.gaz.lookup(name):
                    place = self._resolve_parts(name, context, sure=label in SURE_LABELS)
                m = CITY_DASH_PART.fullmatch(name)
                if place is None and m and not self.gaz.lookup(m[2]):
                    # "Mogadishu-Dharkenley", "Lima-Rimac": a part of a city, written as the city and the part
                    city = self._resolve(m[1], context, strict=True)
                    if city is not None and city.fcode in (TOWN, CAPITAL) and city.population >= CITY_POPULATION:
                        place, own_part[k] = city, m[2]
                m = TOWN_DASH_NUMBER.fullmatch(name)
                if place is None and m:
                    # "Zolote-4": a settlement named for the town next to it, which the gazetteer lacks: the town
                    town = self._resolve(m[1], context, strict=True)
                    place = town if town is not None and town.fcode in (TOWN, CAPITAL) else None
                if place is not None and place.fcode == ADMIN2 and place.parent is not None and (
                        TOWN_WORD.search(text) or TOWN_WORD.match(" " + after.lstrip())):
                    place = self.gaz.get(place.parent) or place  # "Nassriya city": the district's seat town
                if place is not None and place.fcode not in (COUNTRY, CONTINENT, REGION, ADMIN1, ADMIN2) and not district \
                        and (REGION_WORDS.search(text) or REGION_AFTER.match(after)):
                    # "between Sar-e Pol and Jowzjan provinces": the region, known here by its main town's name
                    place = self._region_of_capital(place) or place
                if label in ("CUE", CUE_WHOLE) and place is not None and place.fcode not in CUE_KINDS and place.population < 100_000:
                    place = None
                if place is not None and within is not None and not paren and self._part_of_city(
                        place, within, mentions[within_of[k]][2]):
                    place = None  # "Ermita, Manila": a part of the city the gazetteer lacks, not a village afar
                resolved[cache_key] = place
            if place is not None:
                places[k] = place
                if k in qualifier_of and place.fcode == ADMIN1 and place.admin1 not in context["admin1"]:
                    context["admin1"][place.admin1 or ""] += 1  # "Celaya, Guanajuato": the article's state
        for k in after_unknown:
            if k in places and not any(_spelled_alike(key(after_unknown[k]), key(n)) for n in (places[k].name, mentions[k][2])):
                qualifier_of[k] = k  # (not "Mulange (Mulanje, Southern)": the town's own name misspelt)
        # the unknown name a town qualifies ("Khallatat (Tripoli)", "in Qzvw, Calamba"): a part of it, if the
        # town is a city and the name no village's ("Bar-Sanguun village (Kismaayo"), nor a district's
        # ("Qzvw village, in Toungup Township, Thandwe", "(At Taiziyah, Taizz)"); see Geocoder.geocode
        part_of = {q: after_unknown[k] if q == k else _clean(mentions[k][2], kind_word=True)
                   for q, k in qualifier_of.items()
                   if (q == k and k not in village_after) or (
                       q != k and k not in places and k not in qualifier_of and not _in_parenthesis(body, mentions[k][0])
                       and IN_BEFORE.search(body, max(0, mentions[k][0] - 12), mentions[k][0])  # (not "ties to the
                       # Islamic States in Yekaterinburg")
                       and not VILLAGE_AFTER.match(body, mentions[k][1])
                       and not VILLAGE_AFTER.match(" " + mentions[k][2].split()[-1]))}
        part_of.update(own_part)
        held_by: dict[int, tuple[str, str]] = {}
        for q, k in qualifier_of.items():
            town, area = places.get(k), places.get(q)
            if q != k and town is not None and area is not None and town.fcode not in (COUNTRY, CONTINENT, REGION, ADMIN1) \
                    and _inside(town, area):
                held_by[k] = ("cc", area.cc or "") if area.fcode in (COUNTRY, CONTINENT) else ("admin1", area.admin1 or "")
        return [Toponym(mentions[k][2], mentions[k][0], mentions[k][1], places[k],
                        "cue" if mentions[k][3] == "CUE" else "qualifier" if k in qualifier_of
                        # a town qualifying a building in it ("Polytechnic College, Faridkot") is where it happened
                        and not FACILITY_WORDS.search(mentions[qualifier_of[k]][2]) else "in", held_by.get(k),
                        part_of.get(k))
                for k in sorted(places)]

    def _part_of_city(self, place: Place, city: Place, city_text: str) -> bool:
        """Is ``place``, qualified by ``city`` ("Ermita, Manila"), rather a part of that city the gazetteer lacks:
        a small place over 30 km from a big city whose name names no region but the city's own municipality
        ("Esperanza, Santa Fe", "As Silw, Taizz" and "Bulan, Sorsogon" qualify by the province)?"""
        return city.fcode in (TOWN, CAPITAL) and city.population >= CITY_POPULATION and place.population < 50_000 \
            and km(place.lat, place.lon, city.lat, city.lon) > 30 \
            and not any(p.fcode == ADMIN1 or (p.fcode == ADMIN2 and (p.parent != city.id or p.population > 1.5 * city.population))
                         for n in (city.name, _clean(city_text, kind_word=True)) for p in self.gaz.lookup(n))

    def _holds(self, mention: tuple[int, int, str, str]) -> list[Place]:
        """The places a qualified name may be (spelt otherwise if need be: "San Pedro de Ycuamandiyu")."""
        name = _clean(mention[2])
        return self.gaz.lookup(name) or self.gaz.lookup_variant(name)

    def _region_of_capital(self, town: Place) -> Place | None:
        """The region whose main town ``town`` is, if the gazetteer holds it."""
        capital = self.gaz.admin1_capital(town.admin1)
        if capital is None or capital.id != town.id:
            return None
        return next((p for p in self.gaz.lookup(self.gaz.admin1_name(town.admin1) or "")
                     if p.fcode == ADMIN1 and p.admin1 == town.admin1), None)

    def _unlabelled(self, article: Article, mentions: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """Place names NER missed or mislabelled: datelines, and names inside other entities.

        Inside an organisation's or person's name ("Air Zimbabwe", "Tamil Nadu" tagged PERSON) a
        name is kept as a ``CUE`` only when it strictly names a big place; such toponyms are listed
        by geoparse but never become an event's location.
        """
        body = article.body
        taken = [(s, e) for s, e, _, _ in mentions]
        out: list[tuple[int, int, str, str]] = []
        for m in DATELINE.finditer(body):
            s, e = m.span(1)
            if not any(s < te and ts < e for ts, te in taken):
                out.append((s, e, m.group(1).title(), "GPE"))
                taken.append((s, e))
        out += self._untagged(body, taken)  # before country names: "Ciudad de Mexico" is not Mexico
        for m in self._country_pattern().finditer(body):
            s, e = m.span()
            if not any(s < te and ts < e for ts, te in taken):
                out.append((s, e, m.group(0), "GPE"))  # country names NER missed ("in Mauritius and ...")
                taken.append((s, e))
        for s, e, text, label in article.toponyms:
            if label not in ("ORG", "PERSON", "FAC") or any(s < te and ts < e for ts, te in taken) or COLONIA.match(body, s):
                continue
            words = list(re.finditer(r"[A-Z][\w'\-]*(?:\.[A-Z]\.?)?", text))
            found = False
            for size in range(len(words), 0, -1):  # the longest run of capitalised words first
                for i in range(len(words) - size + 1):
                    a, b = words[i].start(), words[i + size - 1].end()
                    name = text[a:b]
                    if name.lower() in NOT_PLACES or name.lower() in NOT_PLACE_WORDS:
                        continue
                    if self.gaz.lookup(name) or name.lower() in self.demonyms:  # "the Danish Refugee Council"
                        # the whole entity names the place ("Rakhine State" tagged PERSON), or a part does
                        rest = re.sub(r"^(?:the|a)\s+", "", (text[:a] + text[b:]).strip(), flags=re.I)
                        whole = not rest or bool(DIVISION_WORD.fullmatch(rest))
                        # a place heading the name of a facility in it ("the Tulkarm refugee camp", "Kabul
                        # University") says where, as a place NER left untagged does
                        head = not re.sub(r"^(?:the|a)\s+", "", text[:a], flags=re.I).strip() and bool(
                            FACILITY_WORDS.search(text[b:]) or FACILITY_AFTER.match(body, e)) \
                            and name.lower() not in self.demonyms
                        out.append((s + a, s + b, name, "UNTAGGED" if head else CUE_WHOLE if whole else "CUE"))
                        found = True
                        break
                if found:
                    break
        return out

    def _untagged(self, body: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
        """Names NER left untagged where the text puts a place: after in/near/at ("in Takalout"),
        inside a parenthesis ("(Kidal)", "(Kismaayo, Lower Juba)") or as a qualifier after a place
        ("Kamianka, Donetsk."). Kept only when a gazetteer place bears exactly that name."""
        out: list[tuple[int, int, str, str]] = []
        ends = {e for _, e in taken}
        for m in CAPITALISED.finditer(body):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            name = _clean(m.group(0))
            if not name or name.lower() in NOT_PLACE_WORDS or name.lower() in NOT_PLACES or len(name) < 3:
                continue
            if name.isupper() and len(name) <= 6:
                continue  # acronyms in parentheses name groups ("(MSC)"), not places
            if COLONIA.match(body, s):
                continue  # "in Colonia Centenario": a neighbourhood of a Mexican town, not Centenario in Argentina
            before = body[max(0, s - 12):s]
            in_paren = _in_parenthesis(body, s)
            qualifier = any(QUALIFIER_GAP.fullmatch(body[x:s]) for x in ends if 0 < s - x <= 30)
            # after an unknown name and a comma only a region, district or city ("of Qzvwx, Donetsk"; not
            # "the Body of Scientific, Penal")
            after_unknown = UNKNOWN_THEN_COMMA.search(body, max(0, s - 60), s) is not None and any(
                key(p.name) == key(name) and (p.fcode in (ADMIN1, ADMIN2) or p.population >= CITY_POPULATION)
                for p in self.gaz.lookup(name))
            # a town a road is named for: "on the Damboa - Maiduguri road", "the Quba-Baku highway"
            road = bool(ROAD_NAMED_AFTER.match(body, e) or (re.search(r"[A-Z][\w']*\s*-\s*$", before) and
                                                           ROAD_NAMED_AFTER.match(body, e)))
            if not (PLACE_PREPOSITIONS.search(before) or (in_paren and (before.endswith("(") or before.endswith(", ")))
                    or qualifier or after_unknown or road):
                continue
            if s > 0 and body[s - 1] not in " (\n\t\"'\u201c" and not (road and body[s - 1] == "-"):
                continue
            # the whole run of capitalised words, or its words before a small word that joined the next name
            # ("Svitlodarsk" of "Svitlodarsk on Friday"; not "Abu" of "Abu Sayyaf")
            run = m.group(0).rstrip()
            cuts = [c.start() for c in re.finditer(r" (?=[a-z])", run)]
            for part in [run] + [run[:c] for c in reversed(cuts)]:
                name = _clean(part)
                if not name or name.lower() in NOT_PLACE_WORDS or name.lower() in NOT_PLACES or len(name) < 3:
                    continue
                label = self._untagged_label(name, before)
                if not label and DISTRICT_WORDS.match(body[s + len(part):s + len(part) + 60]) and any(
                        p.fcode == ADMIN2 and _loose(key(p.name)) == _loose(key(name)) for p in self.gaz.lookup(name)):
                    label = "UNTAGGED"  # "of Obe district": a district the gazetteer spells otherwise (Obeh)
                if label:
                    out.append((s, s + len(part), name, label))
                    taken.append((s, s + len(part)))
                    ends.add(s + len(part))
                    break
        return out

    def _untagged_label(self, name: str, before: str) -> str:
        """How to read a name NER left untagged where the text puts a place: "UNTAGGED" (strictly, by a place's
        own name), "LOC" (as if NER had tagged it), or "" (not a place)."""
        division = DIVISION_SUFFIX.match(name)  # "in the Sapele LGA": a district the gazetteer knows bare
        if any(_bears_name(p, name) for p in self.gaz.lookup(name)) or (division is not None and any(
                p.fcode in (ADMIN1, ADMIN2) and _bears_name(p, division[1]) for p in self.gaz.lookup(division[1]))):
            return "UNTAGGED"
        if NEAR_OR_IN.search(before) and (self.gaz.lookup(name) or self.gaz.lookup_variant(name)):
            # "near Svitlodarsk": a town the gazetteer knows by another name or spelling (Svetlodarsk)
            return "LOC"
        dashed = TOWN_DASH_NUMBER.fullmatch(name)
        if NEAR_OR_IN.search(before) and dashed and self._own_name(dashed[1]):
            return "UNTAGGED"  # "near Zolote-4": a settlement named for the town (see toponyms)
        return ""

    def _split_lists(self, mentions: list[tuple[int, int, str, str]], body: str = "") -> list[tuple[int, int, str, str]]:
        """NER joins some place and qualifier into one entity ("Nis, Serbia", "Cienaga, Magdalena
        department" as ORG, "Bogande (Bogande, Gnagna", "the Teaching Hospital in Akure"): cut them when the
        gazetteer knows the parts."""
        out: list[tuple[int, int, str, str]] = []
        for s, e, text, label in mentions:
            inside = re.search(r" in (?=[A-Z])", text) if label in ("ORG", "FAC") else None
            if inside is not None and self._own_name(CAPITALISED.match(text, inside.end())[0]):
                # an organisation NER ran on into the town it is in: "the ... Teaching Hospital in Akure (Akure
                # South LGA": the organisation, then the town (and what qualifies it), a place by position
                out.append((s, s + inside.start(), text[:inside.start()], label))
                s, text, label = s + inside.end(), text[inside.end():], "UNTAGGED"
            text = text.rstrip(",;: ")  # "Ciudad Victoria," as NER cut it ("U.S." keeps its dot)
            if not text:
                continue
            e = s + len(text)
            pair = TOWN_DASH_TOWN.fullmatch(text)
            if pair and pair[1] != pair[2] and ROAD_OF_PAIR.match(body, e) and not self.gaz.lookup(_clean(text)) \
                    and self._own_name(pair[1]) and self._own_name(pair[2]):
                # "the Tripoli-Beirut highway", "Kabul-Jalalabad": the two towns a road joins, each a place
                out += [(s + pair.start(1), s + pair.end(1), pair[1], label),
                        (s + pair.start(2), s + pair.end(2), pair[2], label if label in SURE_LABELS else "UNTAGGED")]
                continue
            cuts = [m.span() for m in LIST_SEPARATOR.finditer(text)]
            if not cuts and " and " in text and not self.gaz.lookup(_clean(text)):
                cuts = [m.span() for m in re.finditer(r" and ", text)]  # "Mandaguari and Perola" as one entity
                if not all(self._own_name(p) for p in re.split(r" and ", text)):
                    cuts = []
            if not cuts:
                out.append((s, e, text, label))
                continue
            bounds = [0] + [x for span in cuts for x in span] + [len(text)]
            parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if bounds[i] < bounds[i + 1]]
            if not all(self.gaz.lookup(_clean(text[a:b])) for a, b in parts):
                head = _clean(text[parts[0][0]:parts[0][1]])
                tail = _clean(text[parts[-1][0]:parts[-1][1]])
                if any(key(p.name) == key(head) for p in self.gaz.lookup(head)) and len(parts) == 2:
                    # "Baalbek, Military" as one entity: the place NER ran on into the next words
                    out.append((s + parts[0][0], s + parts[0][1], text[parts[0][0]:parts[0][1]], label))
                elif any(_spelled_alike(key(p.name), key(tail)) and p.fcode in (ADMIN1, ADMIN2, COUNTRY)
                         for p in self.gaz.lookup(tail)):  # (by its own name, as spelt: "Hiraan" for Hiiraan)
                    # "Ouattigue (Ouindigui, Loroum": a village the gazetteer lacks, then the divisions
                    # that hold it; the unknown parts stay unresolved and the known ones qualify
                    out += [(s + a, s + b, text[a:b], label if i == 0 or label in SURE_LABELS else "UNTAGGED")
                            for i, (a, b) in enumerate(parts)]
                else:
                    out.append((s, e, text, label))
                continue
            for i, (a, b) in enumerate(parts):
                # the first part keeps NER's label; the qualifiers after it are places by position
                out.append((s + a, s + b, text[a:b], label if i == 0 or label in SURE_LABELS else "UNTAGGED"))
        return out

    def _extend_names(self, body: str, mentions: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """NER cuts some names short ("Dawlat" of "Dawlat Abad district"): take the whole capitalised
        run when the gazetteer knows it and the short name is no place of its own, or a district word follows."""
        out: list[tuple[int, int, str, str]] = []
        made_whole: tuple[int, int] | None = None
        for s, e, text, label in mentions:
            if made_whole is not None and made_whole[0] < s and e <= made_whole[1]:
                continue  # inside the name before it, made whole ("Mehr" of "Maskan-e Mehr")
            if HYPHEN_JOINED.match(body, e):
                # cut inside a hyphenated name ("Qala" of "Qala-i-Barqi"): the whole name or nothing (not
                # "Saudi-led", nor a town and its part, "Mogadishu-Hodan")
                whole = re.match(r"[\w'\-]+-(?:e|i|ye|o) [A-Z][\w'\-]*|[\w'\-]+", body[s:])  # "Maskan-e Mehr"
                if whole is not None:
                    out.append((s, s + whole.end(), whole.group(0), label))
                    made_whole = (s, s + whole.end())
                    continue
            left = NAME_HEAD_BEFORE.search(body, max(0, s - 40), s)
            if left is not None and not any(os_ < s and oe > left.start() for os_, oe, _, _ in mentions):
                # the head of a name NER left out: "Catole do" of "Catole do Rocha", "Barra de Santo" of
                # "Barra de Santo Antonio" (the longest head that makes a name the gazetteer knows)
                starts = [left.start()] + [left.start() + m.start()
                                           for m in re.finditer(r"(?<= )[A-Z]", body[left.start():s])]
                head = next((h for h in starts if self._own_name(body[h:e])), None)
                if head is not None:
                    out.append((head, e, body[head:e], label))
                    continue
            prev = re.search(r"\b[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2}\s+$", body[max(0, s - 40):s])
            if prev is not None and not self._own_name(text) and \
                    not any(os_ < s and oe > s - len(prev[0]) for os_, oe, _, _ in mentions):
                # first words NER left out of a name whose rest is no place: "Tarn" of "Tarn Taran", "Western
                # Bahr" of "Western Bahr el Ghazal" (the longest that makes a name the gazetteer knows)
                heads = [s - len(prev[0]) + w.start() for w in re.finditer(r"\S+", prev[0])]
                head = next((h for h in heads if self._own_name(body[h:e])), None)
                if head is not None:
                    out.append((head, e, body[head:e], label))
                    continue
            m = CAPITALISED.match(body, s)
            if m is not None and m.end() > e and not any(s < os_ < m.end() for os_, _, _, _ in mentions if os_ != s):
                short_known = self._own_name(text)
                # the longest run of words that makes a name ("Kut e Abdollah" of "Kut e Abdollah on Monday")
                ends = [s + w.end() for w in re.finditer(r"\S+", body[s:m.end()]) if s + w.end() > e]
                longer = ""
                for end in reversed(ends):
                    run = body[s:end]
                    long_own = key(_clean(run)) != key(_clean(text)) and self._own_name(run)
                    if (not short_known or long_own or DISTRICT_WORDS.match(body[end:])) \
                            and self.gaz.lookup(_clean(run)):  # "Mato Grosso" of "Mato Grosso do Sul"
                        longer = run
                        break
                if longer:
                    out.append((s, s + len(longer), longer, label))
                    continue
            out.append((s, e, text, label))
        return out

    def _own_name(self, text: str) -> bool:
        """Is ``text`` (cleaned) the own name of a place the gazetteer knows?"""
        name = _clean(text)
        return any(key(p.name) == key(name) for p in self.gaz.lookup(name))

    def _join_split_names(self, body: str, mentions: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """NER splits some names in two ("Baja" + "California"): join neighbours the gazetteer knows as one."""
        out: list[tuple[int, int, str, str]] = []
        for m in mentions:
            if out and SPLIT_GAP.fullmatch(body[out[-1][1]:m[0]]):  # "Baja" + "California", "Port" of "Spain city"
                prev = out[-1]
                joined = body[prev[0]:m[1]]
                if self._own_name(joined) or (" and " in body[prev[1]:m[0]] and any(  # "Kohgiluyeh and Boyer-Ahmad"
                        p.fcode in (ADMIN1, COUNTRY) for p in self.gaz.lookup(joined))) or (
                        KIND_AFTER.match(body, m[1]) and self.gaz.lookup_variant(joined)):  # "Puli" + "Alam" city
                    label = prev[3] if prev[3] in SURE_LABELS else m[3]
                    out[-1] = (prev[0], m[1], joined, label)
                    continue
                # the boundary one word off: "Tijuana Baja" + "California" is Tijuana + Baja California
                head, _, last = prev[2].rpartition(" ")
                if head and body[prev[1]:m[0]] == " " and not self._own_name(prev[2]) and self._own_name(head) \
                        and self._own_name(f"{last} {m[2]}"):
                    out[-1] = (prev[0], prev[0] + len(head), head, prev[3])
                    out.append((prev[1] - len(last), m[1], body[prev[1] - len(last):m[1]], m[3]))
                    continue
            out.append(m)
        return out

    def _country_pattern(self) -> re.Pattern[str]:
        if self._countries_re is None:
            names = sorted({n for n in self.gaz.countries.values() if len(n) > 3}, key=len, reverse=True)
            self._countries_re = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
        return self._countries_re

    def _plausible(self, body: str, start: int, text: str, label: str) -> bool:
        cleaned = _clean(text)
        if not cleaned or cleaned.lower() in NOT_PLACES or (len(cleaned) < 3 and not cleaned.isupper()):
            return False
        if cleaned.islower():
            return False  # "executed him in the bush": a common noun NER took for a name
        if MIXED_ACRONYM.fullmatch(cleaned):
            return False  # "JaS", "HuT": a group's acronym, not Jos
        if COLONIA.match(body, start):
            return False  # "Colonia Loma Alta": a neighbourhood of a Mexican town, not Colonia in Uruguay
        if label in SURE_LABELS or label == "UNTAGGED" or (label == "NORP" and cleaned.lower() in self.demonyms):
            return True
        if cleaned.lower() in NOT_PLACE_WORDS:
            return False
        # ORG / NORP / PERSON: only after a place preposition ("in Kidal", "of the Bab-Tobruk neighborhood")
        # or inside a parenthesis of places ("(Kismaayo, Lower Juba)")
        before = body[max(0, start - 12):start]
        in_paren = _in_parenthesis(body, start)
        return bool(PLACE_PREPOSITIONS.search(before)) or (in_paren and before.endswith(("(", ", "))) \
            or bool(BETWEEN_AND.search(body, max(0, start - 50), start)) \
            or self._before_its_region(body, start + len(text), cleaned) \
            or (bool(DISTRICT_WORDS.match(body[start + len(text):start + len(text) + 40])) and any(  # "targeted Sirwah district"
                p.fcode == ADMIN2 and key(p.name) == key(cleaned) for p in self.gaz.lookup(cleaned)))

    def _before_its_region(self, body: str, end: int, name: str) -> bool:
        """Is the name followed by a region or country that holds a place of that name ("Caripe, Monagas
        state" at the start of a sentence, "shelled Menbij in Aleppo": no preposition marks it)?"""
        m = REGION_AFTER_COMMA.match(body, end)
        if m is None:
            return False
        areas = [p for p in self.gaz.lookup(m[1]) if p.fcode in (ADMIN1, COUNTRY)]
        return any(_inside(c, a) and _bears_name(c, name) for a in areas for c in self.gaz.lookup(name))

    def _context(self, article: Article, mentions: list[tuple[int, int, str, str]]) -> dict[str, Counter[str]]:
        """Countries and admin1 regions named in the title and body, weighted by mentions."""
        countries: Counter[str] = Counter()
        admin1: Counter[str] = Counter()
        towns: Counter[str] = Counter()
        named: Counter[str] = Counter()  # countries the article names outright
        # (a country named for its currency, "the US dollar", says nothing of where the article is)
        # (nor a country that led or backed someone: "the Saudi-led coalition" in Yemen)
        texts = [_clean(t) for _, e, t, _ in mentions if not CURRENCY_AFTER.match(article.body, e)
                 and not LED_AFTER.match(article.body, e)]
        if article.title:
            texts += [w.strip() for w in re.split(r"[,:;\-\u2013|]| in ", article.title) if w.strip()]
        placed: Counter[str] = Counter()  # countries some place of which the article names (not a nationality)
        for t in texts:
            cands = self.gaz.lookup(t)
            if not cands:
                continue
            top = cands[0]
            if t.lower() not in self.demonyms and (top.fcode in (COUNTRY, ADMIN1) or len({c.cc for c in cands}) == 1):
                placed[top.cc or ""] += 1
            if top.fcode == COUNTRY:
                countries[top.cc or ""] += 2
                named[top.cc or ""] += 1
            elif top.fcode == ADMIN1 and all(c.admin1 == top.admin1 or c.population < 20_000 for c in cands):
                admin1[top.admin1 or ""] += 1  # only unambiguous regions vote ("Washington" does not)
                countries[top.cc or ""] += 1
            elif len({c.cc for c in cands}) == 1 or (top.population > 100_000 and _spelled_alike(key(top.name), key(t))):
                # (a big city votes by its own name, not by another name it bears: "Reni" is no vote for Rennes)
                countries[top.cc or ""] += 1
                towns[str(top.id)] += 1
        return {"countries": countries, "admin1": admin1, "towns": towns, "named": named, "placed": placed}

    def _resolve(self, name: str, context: dict[str, Counter[str]], region: bool = False,
                 strict: bool = False, within: Place | None = None, district: bool = False,
                 holds: list[Place] | None = None, town: bool = False, local: bool = False) -> Place | None:
        """The place ``name`` most likely means; ``region``: the text called it a region or province;
        ``strict``: only places whose own name it is (for names NER did not tag as places);
        ``within``: a region or country the text puts it in ("Celaya, Guanajuato");
        ``district``: the text calls it a district, county or commune (districts are candidates only then);
        ``holds``: candidates of a name this one qualifies ("Bari" in "Bossaso, Bari");
        ``town``: the text calls it a city or town ("Amara city" is no Amhara region);
        ``local``: a district or a part of a place, which lies in the regions the text names."""
        cands = self.gaz.lookup(name)
        if not cands and not strict and name[:1].isupper() and name.lower() not in self.demonyms:
            # a place tagged as one, spelt otherwise ("Mirpurkhas"); spelt otherwise from the fourth letter on
            # ("Bato Kot" district) only for a district or a qualified name, in a country the article is about
            # (not "Korizena" for Korzenna in Poland, in a note that names no country)
            cands = self.gaz.lookup_variant(name)
            if not cands and (district or within is not None):  # (named a district, or qualified)
                cands = [p for p in self.gaz.lookup_variant(name, wide=True)
                         if p.cc in context["countries"] or (within is not None and p.cc == within.cc)]
        if strict:  # acronyms only by a place's own name
            cands = [p for p in cands if _bears_name(p, name, other_names=not name.isupper())]
        # a town is as prominent as the municipality it is the seat of ("El Salto", Jalisco: a town of
        # 22,000 in GeoNames, the seat of a municipality of 148,000)
        seat_of = {p.parent: p.population for p in cands if p.fcode == ADMIN2 and p.parent is not None}
        if not district:  # a district only where the text calls the name one ("Sherzad district"),
            # or puts it in a region that holds it ("Meknassy (Sidi Bou Zid)")
            # or in the country the article is about, where no town bears the name ("Kent", England)
            lead = context["countries"].most_common(1)[0][0] if context["countries"] else None
            towns = {p.cc for p in cands if p.fcode != ADMIN2 and key(p.name) == key(name)}
            # or qualifies a town as its province ("Santa Rosa, Laguna": provinces are GeoNames' ADM2 in some
            # countries)
            cands = [p for p in cands if p.fcode != ADMIN2 or (within is not None and _inside(p, within))
                     or (p.cc == lead and p.cc not in towns and key(p.name) == key(name))
                     or (region and key(p.name) == key(name) and p.population >= CITY_POPULATION)
                     # or the text calls it a city: the district's seat town ("Mahabubnagar city", Mahbubnagar)
                     or (town and p.parent is not None)]
        if not cands:
            return None
        countries, admin1 = context["countries"], context["admin1"]
        if cands[0].fcode in (COUNTRY, CONTINENT) and within is None and not (
                town and any(p.fcode not in (COUNTRY, CONTINENT, REGION, ADMIN1, ADMIN2) for p in cands)):
            return cands[0]  # (not "Gaza city")

        wanted = key(name)
        loose_wanted = _loose(wanted)

        def score(p: Place) -> float:
            # size, then cues: the article's countries and regions, capitals ("Washington", "Rome"),
            # and the place's own name over an alternate name of a bigger place
            s = math.log10(max(p.population, seat_of.get(p.id, 0)) + 10)
            s += 1.2 * min(countries.get(p.cc or "", 0), 3)
            s += 1.5 * min(admin1.get(p.admin1 or "", 0), 2)
            if p.cc in context["named"] and p.fcode != COUNTRY:
                s += 2.0  # the article names its country ("Hays district in western Yemen")
            if p.fcode == SECTION and p.parent is not None and str(p.parent) in context["towns"]:
                s += 6.0  # a neighbourhood of a town the article names
            if p.fcode == CAPITAL:
                s += 1.5
            if p.fcode == ADMIN1:
                # a region's size is the sum of its towns: news names towns more often, except where
                # the text calls the name a region or uses it to qualify a town ("Kamianka, Donetsk")
                s += 3.0 if region else -0.5
            if p.fcode == REGION:
                # seas and world regions (curated, so their aliases are as good as names): stronger than
                # a small town of the name ("Atlantic", Iowa)
                s += 10.5 if p.id < 0 else 6.5
            if p.fcode == ADMIN2:
                # named as a district: the district, not a town of the name elsewhere; else a town first
                s += 4.0 if district else -1.0
            if key(p.name) == wanted or _loose(key(p.name)) == loose_wanted:
                s += 2.5  # its own name, or a spelling variant of it ("Odessa" for Odesa)
            if within is not None and p.cc == within.cc:
                s += 8.0 if _inside(p, within) else 6.0 if _near(p, within, self.gaz) else (
                    4.0 if within.fcode != ADMIN1 else 0.0)
            if holds and any(_inside(c, p) for c in holds):
                s += 6.0
            return s

        ranked = sorted(cands, key=score, reverse=True)
        top = ranked[0]
        if top.fcode == ADMIN1 and not region:
            # "Kidal", "Gao": a region and its main town share the name; news means the town
            seat = next((p for p in ranked if p.fcode not in (ADMIN1, ADMIN2) and p.admin1 == top.admin1
                         and (key(p.name) == key(top.name) or p.population >= 1_000_000)), None)  # New York City
            if seat is None and town:  # "Vieques city": the municipality's town; "Amara city": no region
                seat = next((p for p in ranked if p.fcode not in (ADMIN1, ADMIN2) and p.admin1 == top.admin1), None) \
                    or next((p for p in ranked if p.fcode not in (ADMIN1, ADMIN2, COUNTRY, CONTINENT, REGION)), None)
            if seat is not None:
                if town:  # (and no region left to tie with)
                    ranked = [p for p in ranked if p.fcode not in (ADMIN1, ADMIN2, COUNTRY, CONTINENT, REGION)]
                ranked.remove(seat)
                ranked.insert(0, seat)
        top = ranked[0]
        if within is not None and (top.cc != within.cc or (within.fcode == ADMIN1 and top.admin1 != within.admin1
                                                           and not _near(top, within, self.gaz))):
            return None  # "El Refugio (Ahuachapan)": no El Refugio there; do not jump to another country
        other_name = not _spelled_alike(key(top.name), wanted) and top.fcode not in (CAPITAL, ADMIN1)
        # a small namesake abroad, or a town abroad known by another name ("Kirni" for Kearny, New Jersey)
        # (not where only the actors' countries tell what the article is about: "near the town of Abu Dis" in a
        # note on Israeli police is in the West Bank)
        if countries and top.fcode not in (COUNTRY, CONTINENT, REGION) and (
                top.population < 20_000 or (other_name and top.population < CITY_POPULATION)):
            lead, lead_n = countries.most_common(1)[0]
            others = sum(countries.values()) - lead_n
            hints = context.get("hints", Counter())
            # (where only the actors' countries say what the article is about, the one town of that name, next
            # door, is no namesake abroad: "Israeli border police near the town of Abu Dis" is in the West Bank;
            # "near Komsomolets", a name of towns in Russia, Kazakhstan and Ukraine, is not placed in Russia)
            text_lead = (countries - hints).get(lead, 0) > 0 or any(a.split(".")[0] == lead for a in admin1)
            supported = top.cc in hints or (not text_lead and {p.cc for p in ranked} == {top.cc} and any(
                top.cc in self.gaz.neighbours.get(h, ()) for h in hints))
            # (nor the only place of a long name anywhere, where the article names no place of the country it is
            # about, only its people: "in the area of Tin-Akoff" in a note on French forces; a short name, "Kain",
            # is too often some other village's)
            only = len(cands) == 1 and not other_name and not context.get("placed", Counter()).get(lead) and \
                len(wanted.replace(" ", "")) >= 7
            if (lead_n >= 2 or not others) and lead_n >= 2 * others and top.cc != lead and not supported and not only:
                return None  # a small namesake abroad, in an article about another country: abstain
        if local and top.fcode not in (COUNTRY, CONTINENT, REGION):
            # a district or a part of a place lies in the regions the text names: "Chawkay (Suki)
            # district, Kunar" is no town of Sudan, "the Rabat area of ... Zabul" no part of Morocco
            # (regions named by other names than this one: "Ilam district" is no vote for Iran's Ilam province)
            own = {p.admin1 for p in cands}
            named = {a.split(".")[0] for a in admin1 if a and a not in own}
            if named and top.cc not in named:
                return None
        if admin1 and top.fcode not in (COUNTRY, CONTINENT, REGION, ADMIN1) and top.population < 20_000 and within is None:
            lead, lead_n = admin1.most_common(1)[0]
            if lead_n >= 1 and len(admin1) == 1 and top.admin1 != lead and lead.split(".")[0] == top.cc:
                return None  # "in Celaya, Guanajuato ... in Camargo": not a hamlet of that name in another state
        if len(ranked) > 1:
            best, second = score(ranked[0]), score(ranked[1])
            if best - second < 0.3 and ranked[0].cc != ranked[1].cc:
                return None  # tied candidates in different countries and no cue: abstain
        if ranked[0].fcode == ADMIN2 and not district and within is not None and ranked[0].parent is not None:
            return self.gaz.get(ranked[0].parent) or ranked[0]  # a municipality not called one: its seat town
        return ranked[0]

    def _resolve_parts(self, name: str, context: dict[str, Counter[str]], sure: bool) -> Place | None:
        """A name the gazetteer does not know as a whole, read through its parts: a division word
        ("Sokoto State", "Guma LGA"), a compass word ("South Florida", "western Mali"), a state's
        official form ("Republic of Armenia") or a place inside a longer name ("Colchester General
        Hospital", "University of California", "the Nigerian Army"). ``sure``: NER tagged the whole
        name a place; otherwise (an organisation's name) only a big, unambiguous place counts."""
        m = DIVISION_SUFFIX.match(name)
        if m and self.gaz.lookup(m[1]):
            word = m[2].lower()
            return self._resolve(m[1], context, region=bool(REGION_WORDS.fullmatch(word)),
                                 district=not REGION_WORDS.fullmatch(word), strict=not sure)
        m = DIVISION_PREFIX.match(name)
        if m and self.gaz.lookup(m[2]):
            word = m[1].lower()
            return self._resolve(m[2], context, region=bool(REGION_WORDS.fullmatch(word)),
                                 district=not REGION_WORDS.fullmatch(word), strict=not sure)
        m = COMPASS_PREFIX.match(name) or OFFICIAL_FORM.match(name)
        inner = next((g for g in m.groups() if g), "") if m else ""
        if inner and self.gaz.lookup(inner):
            place = self._resolve(inner, context, region=True, strict=not sure)
            wide = (COUNTRY,) if m.re is OFFICIAL_FORM else (COUNTRY, CONTINENT, REGION, ADMIN1)
            return place if place is not None and place.fcode in wide else None
        # a place opening the name of a facility or body ("Donetsk Airport", "Colchester General Hospital",
        # "Nigerian Army"), or closing one after "of" ("University of California", "Bank of Mexico")
        words = list(re.finditer(r"[A-Z][\w'\-]*(?:\.[A-Z]\.?)?", name))
        for size in range(len(words) - 1, 0, -1):
            head, rest = name[:words[size - 1].end()], name[words[size - 1].end():]
            demonym = self.demonyms.get(head.lower())
            if demonym:
                return self._resolve(demonym, context)
            if len(head) >= 4 and head.lower() not in NOT_PLACES and FACILITY_WORDS.search(rest):
                place = self._resolve(head, context, strict=True)
                if place is not None and (sure or place.fcode in CUE_KINDS or place.population >= 100_000):
                    return place
        m = re.search(r"\s(?:in|at)\s+(?:the\s+)?([A-Z][^()]*)$", name)  # "the Ministry of Health in Kyiv"
        if m:
            place = self._resolve(m[1], context, strict=True)
            if place is not None:
                return place
        m = re.search(r"\bof\s+(?:the\s+)?([A-Z][^()]*)$", name)
        if m and m[1] != name:
            place = self._resolve(m[1], context, strict=True)
            if place is not None and (place.fcode in CUE_KINDS or place.population >= 100_000):
                return place
        return None

    # -- events ------------------------------------------------------------------------
    def geocode(self, article: Article, events: list[Event], hint_countries: Iterable[str] = ()) -> list[Event]:
        """Fill each event's place; the article's main place is the fallback.

        ``hint_countries``: the countries of the actors named (a note on Houthi forces is about Yemen).
        """
        # a country named for its currency ("the US dollar exchange rate") is no place where things happen, nor
        # one that backs a party ("a Turkey-backed faction")
        tops = [t for t in self.toponyms(article, hint_countries) if not CURRENCY_AFTER.match(article.body, t.end)
                and not (LED_AFTER.match(article.body, t.end) and t.place.fcode in (COUNTRY, CONTINENT))]
        by_span = {(t.start, t.end): t for t in tops}
        anchors = [t for t in tops if t.held_by is not None]
        # a small place, the only one of its country in an article whose actors are not from there either: a
        # namesake abroad, not a town of the article ("members of Svoboda ... in Kyiv": no Liski, Russia)
        by_name = {v: k for k, v in self.gaz.countries.items()}
        home = {by_name[n] for n in hint_countries if n in by_name}
        per_country = Counter(t.place.cc for t in tops)
        lone = {(t.start, t.end) for t in tops if t.place.cc and per_country[t.place.cc] == 1 and t.place.cc not in home
                and t.place.fcode not in (CONTINENT, REGION) and t.place.population < CITY_POPULATION
                and len(per_country) > 1}
        sure = home | {cc for cc, n in per_country.items() if n >= 2}  # countries the article is surely about
        focus = self._focus([t for t in tops if _fits(t, anchors)])
        for ev in events:
            chosen = self._event_place(ev, by_span, article.body, anchors, lone, sure)
            if chosen is None and focus is not None:
                chosen = Toponym(focus.text, focus.start, focus.end, focus.place, "article")
            if chosen is not None:
                self._apply(ev, chosen)
                if ev.geo_precision == 1 and (
                        ALIAS_OF_DISTRICT.match(article.body, chosen.end) or (
                            focus is not None and chosen.relation == "article" and focus.relation == "qualifier"
                            and chosen.place.population < CITY_POPULATION)):
                    # "Tarnak Wa Jaldak (Shahr-e-Safa) district": the district, by its centre (ACLED precision 2);
                    # the article's place that only qualifies an unknown one ("Qzvw (Shahr-e-Safa)"): 2 as well
                    ev.geo_precision = 2
                if chosen.place.fcode == ADMIN2 and DISTRICT_CENTRE.match(article.body, chosen.end) and not \
                        OUTSIDE_BEFORE.search(article.body, max(0, chosen.start - 30), chosen.start):
                    # ACLED: the district centre is the district's seat town (where the gazetteer puts the
                    # district), precision 1; outside it, 2
                    ev.geo_precision = 1
                if ev.geo_precision == 3 and (chosen.relation == "qualifier" or _names_finer_place(ev.evidence.text)):
                    # "in Nirkh district, Wardak", "near Qzvwx, Donetsk": a district or village we lack, in
                    # the region we know
                    ev.geo_precision = 2
                part = self._part_name(chosen)
                if ev.geo_precision == 1 and part:
                    # a part of the town the gazetteer lacks, at the town's coordinates: "Bhopal - Shahjehanabad"
                    ev.location = f"{ev.location} - {part}"
            _fill_generic_actors(ev)
        return events

    def _focus(self, tops: list[Toponym]) -> Toponym | None:
        """The article's main place: the most named town (else region, else country)."""
        for kinds in ({"PPL", "PPLC", "PPLA", SECTION}, {ADMIN2}, {ADMIN1}, {COUNTRY}):
            named = [t for t in tops if t.place.fcode in kinds and t.place.fcode != SECTION and t.relation != "cue"]
            if named:
                counts = Counter(t.place.id for t in named)
                best_id = counts.most_common(1)[0][0]
                return next(t for t in named if t.place.id == best_id)
        return None

    def _event_place(self, ev: Event, by_span: dict[tuple[int, int], Toponym], body: str,
                     anchors: list[Toponym], lone: set[tuple[int, int]] = frozenset(),
                     sure: set[str] = frozenset()) -> Toponym | None:
        trig = ev.spans.get("trigger") or (ev.evidence.start, ev.evidence.start)
        found = []
        seen = set()
        attributive = set()  # names that say who or what, not where ("Turkey captured", "a Utah architect")
        for s, e, _text, relation in ev.place_mentions:
            # (the toponym may be longer than NER's mention: "Puli" of "Puli Alam", "Kut" of "Kut e Abdollah")
            t = by_span.get((s, e)) or next((u for (us, ue), u in by_span.items() if us <= s and e <= ue), None)
            if t is not None:
                if (t.start, t.end) in seen:
                    continue
                if (s, e) != (t.start, t.end) and relation == "attr":
                    relation = "in"  # (the parse of a cut name says little: "Rocha" of "Catole do Rocha")
                s, e = t.start, t.end
            if relation == "attr":
                if t is not None and t.text.lower() in self.demonyms and t.place.fcode == COUNTRY:
                    continue  # a nationality ("the Russian airstrikes", "killing two French") says no where
                attributive.add((s, e))
                relation = "in"
            if relation == "in" and re.search(r"\b(?i:rural)\s+$", body[max(0, s - 8):s]):
                relation = "near"  # "Debs village in rural Ein Issa": the countryside around the town (ACLED: 2)
            if relation == "near" and IN_FRONT_OF.search(body[max(0, s - 16):s]):
                relation = "in"  # "in front of the governor's office": at it, not by the front line
            if relation == "near" and t is not None and _part_of_town(body, s, t.place):
                relation = "in"  # "in the Kalan area of Farah city": a part of the town
            if relation == "near" and t is not None and t.part and t.relation == "in" and \
                    not NEAR_BEFORE.search(body[max(0, s - 30):s].lower()):
                relation = "in"  # "in Mogadishu-Hodan district": a district of the city, in it
            if t is not None:
                seen.add((s, e))
                if t.relation == "qualifier":
                    # "in the vicinity of Bar-Sanguun village (Kismaayo, ...)": near the unknown village it qualifies
                    near = t.place.fcode not in (ADMIN1, COUNTRY, CONTINENT, REGION) and bool(
                        NEAR_UNKNOWN.search(body[max(0, s - 80):s]))
                    relation = "near" if near else "qualifier"
                found.append(Toponym(t.text, t.start, t.end, t.place, relation,
                                     part=t.part if relation in ("qualifier", "in") else None))
        for (s, e), t in by_span.items():  # names NER did not tag, in the event's own sentence
            if ((s, e) not in seen and ev.evidence.start <= s and e <= ev.evidence.end and t.relation != "cue"
                    and t.place.fcode not in (COUNTRY, CONTINENT)):
                near = (NEAR_BEFORE.search(body[max(0, s - 30):s].lower()) or NEAR_AFTER.match(body[e:e + 16].lower())) \
                    and not _part_of_town(body, s, t.place)
                found.append(Toponym(t.text, s, e, t.place, "qualifier" if t.relation == "qualifier" else
                                     ("near" if near else "in"), part=None if near else t.part))
        if not found:
            return None
        # a town the text puts in its division ("in Sorriso, Mato Grosso") anchors the article: a second
        # name resolved far outside that division is a namesake of some neighbourhood or village there
        # ("a bar in Sao Domingos neighborhood" is no Sao Domingos of Sao Paulo state)
        fits = [t for t in found if _fits(t, anchors)]
        if fits and len(fits) < len(found):
            found = fits
        # a part of a town ("Tombo neighbourhood of Freetown", "Braunas neighborhood" in Belo Horizonte) that
        # the gazetteer knows only as a place far from the town named with it is a namesake: the town stands
        # (or far from the district or region named with it: "the Rabat area of Tarnak Wa Jaldak district, Zabul")
        towns = [t for t in found if t.place.fcode not in (COUNTRY, CONTINENT, REGION, ADMIN1, ADMIN2)]
        parts = [t for t in towns if PART_AFTER.match(body, t.end)]
        if any(t.place.population >= METROPOLIS_POPULATION for t in towns):  # (not "Cukurca district of Hakkari")
            parts += [t for t in towns if t not in parts and DISTRICT_OF_AFTER.match(body, t.end)]
        others = [t for t in towns if t not in parts]
        reach = 30
        if not others:
            others = [t for t in found if t.place.fcode in (ADMIN1, ADMIN2)]
            reach = 300
        if parts and others:
            far = {id(t) for t in parts if all(km(t.place.lat, t.place.lon, u.place.lat, u.place.lon) > reach
                                               for u in others)}
            found = [t for t in found if id(t) not in far]
        # a street, square or building named for a place, in a town the text names ("the al Alam square in
        # Tyr", "Raju street of Afrin city", "the La Palace hotel in Zahle"): the town
        features = [t for t in found if FEATURE_IN.match(body, t.end)]
        if features and any(t not in features and t.place.fcode not in (COUNTRY, CONTINENT, REGION) for t in found):
            found = [t for t in found if t not in features]
        # a town a road, street or square is named for yields to the town the text puts the event in ("in
        # Villa Nueva ... on the Pacific road", "near the Jalandhar bypass in Ludhiana", "in Armas square")
        named_for = [t for t in found if STREET_NAMED_AFTER.match(body, t.end)]
        if named_for and any(t not in named_for and t.relation == "in" and t.place.fcode not in
                             (COUNTRY, CONTINENT, REGION, ADMIN1) for t in found):
            found = [t for t in found if t not in named_for]
        # a city that shares its region's name stands for the region where a town of that region is
        # named with it ("civilians in Jarablus in Aleppo", "Hajin in the countryside of Deir-ez-Zor")
        found = [Toponym(t.text, t.start, t.end, t.place, "qualifier", t.held_by)
                 if t.relation != "qualifier" and self._names_its_region(t, found) else t for t in found]
        # on a road between towns, or at a sector of a front: ACLED's precision 2 at the town named
        found = [Toponym(t.text, t.start, t.end, t.place, "near") if t.relation == "in" and t.place.fcode != ADMIN1
                 and _on_road(body, t.start, t.end) else t for t in found]
        # a place that says where before one that says who; then the most specific place in the sentence,
        # nearest the trigger among equals
        # a place the text says someone came from or went to ("fighters from Deir-ez-Zor", "on the road
        # towards Jose Maria Morelos") is where the event was not, if the sentence names another
        # (another town or district, not only the country or a qualifier: "citizens from Redeyef (Gafsa)
        # protested" were in Redeyef)
        elsewhere = {(t.start, t.end) for t in found if _elsewhere(body, t.start, t.end)}
        if not any((t.start, t.end) not in elsewhere and t.relation != "qualifier"
                   and t.place.fcode not in (COUNTRY, CONTINENT, REGION) for t in found):
            elsewhere = set()
        specificity = {SECTION: 0, CONTINENT: 4, COUNTRY: 3, ADMIN1: 2}
        # a lone namesake abroad (see geocode) yields to a town or district, or to a region of a country the
        # article is surely about ("Bara in ... the countryside of Idleb"; not to "Nord-Ouest" of Haiti, itself
        # as lone as "Bafut" of Cameroon)
        if not any((t.start, t.end) not in lone and (t.place.fcode not in (COUNTRY, CONTINENT, REGION, ADMIN1) or (
                t.place.fcode == ADMIN1 and t.place.cc in sure)) for t in found):
            lone = frozenset()
        found.sort(key=lambda t: ((t.start, t.end) in attributive or (t.start, t.end) in elsewhere,
                                  (t.start, t.end) in lone,
                                  specificity.get(t.place.fcode, 1),
                                  t.relation == "qualifier", abs(t.start - trig[0])))
        # a place named both near and in ("in front of the Quetta press club in Quetta city"): in it
        inside = [t for t in found if t.place.id == found[0].place.id and t.relation == "in"]
        top = inside[0] if found[0].relation == "near" and inside else found[0]
        if top.relation == "in" and top.place.fcode in (TOWN, CAPITAL) and not top.part and \
                _names_its_district(body, top.start, top.end):
            # "in Mehran county", "the Bati woreda": somewhere in the district the town is the seat of (ACLED's
            # precision 2 at the town)
            top = Toponym(top.text, top.start, top.end, top.place, "near", top.held_by)
        if top.relation == "in" and top.place.fcode in (TOWN, CAPITAL):
            m = PART_NAME_BEFORE.search(body, max(0, top.start - 80), top.start)
            if m and m[1].split()[0].lower() not in NOT_PART_NAMES and (
                    not m["district"] or top.place.population >= METROPOLIS_POPULATION):
                top = replace(top, part=m[1])  # "in Shahjehanabad area of Bhopal city": Bhopal - Shahjehanabad
        return top

    def _part_name(self, t: Toponym) -> str | None:
        """The name of the part of the town ``t`` where the text puts the event, to write after the town's;
        none where the town only qualifies the name and shares its name with its region ("Kinda in Idleb",
        "Altos de San Lorenzo (Buenos Aires)": anywhere in the region) or the part is named for the town
        ("West Medan"), nor a building in it."""
        if not t.part or t.place.fcode not in (TOWN, CAPITAL):
            return None
        part = re.sub(r"^(?i:barangay|brgy\.?|kwaeng|tambon)\s+", "", t.part).strip(" '\"\u2018\u2019\u201c\u201d")
        if not part or key(t.place.name) in key(part) or key(_clean(t.text)) in key(part) or FACILITY_WORDS.search(part):
            return None  # (nor a building: "Faridkot - Abbnoor Polytechnic College" is no part of the town)
        if t.relation == "qualifier" and any(  # (not "the Kilu 16 area of Hudaydah city": a part, said so)
                c.fcode == ADMIN1 and c.admin1 == t.place.admin1
                for name in (_clean(t.text), t.place.name) for c in self.gaz.lookup(name)):
            return None
        return part

    def _names_its_region(self, t: Toponym, found: list[Toponym]) -> bool:
        """Is ``t`` a region's main town, named where a smaller town of that region also is, by a name
        the region bears too ("Aleppo", "Herat")?"""
        p = t.place
        if p.fcode in (COUNTRY, CONTINENT, REGION, ADMIN1, ADMIN2, SECTION) or not p.admin1:
            return False
        if not any(o.place.admin1 == p.admin1 and o.place.id != p.id and o.place.population < p.population
                   and o.place.fcode not in (ADMIN1, ADMIN2, SECTION) for o in found):
            return False
        return any(c.fcode == ADMIN1 and c.admin1 == p.admin1 for c in self.gaz.lookup(_clean(t.text)))

    def _apply(self, ev: Event, top: Toponym) -> None:
        place = top.place
        town = place
        if place.fcode == SECTION and place.parent is not None:
            town = self.gaz.get(place.parent) or place
            ev.location = f"{_ascii(town.name)} - {place.name}"
        else:
            ev.location = _ascii(place.name)
        ev.latitude, ev.longitude = place.lat, place.lon
        ev.geonameid = _public_id(town if place.id < 0 else place)
        ev.country = self.gaz.country_name(place.cc)
        ev.admin1 = self.gaz.admin1_name(place.admin1)
        if place.fcode in (COUNTRY, CONTINENT):
            ev.geo_precision, ev.admin1 = 3, None
            capital = self.gaz.capital(place.cc) if place.fcode == COUNTRY else None
            if capital is not None:
                # ACLED: an event known only by its country sits at the capital, precision 3
                ev.location, ev.latitude, ev.longitude, ev.geonameid = (
                    _ascii(capital.name), capital.lat, capital.lon, capital.id)
                ev.admin1 = self.gaz.admin1_name(capital.admin1)
        elif place.fcode == ADMIN1:
            # ACLED: an event known only by its region sits at the region's main town, precision 3
            capital = self.gaz.admin1_capital(place.admin1)
            if capital is not None:
                ev.location, ev.latitude, ev.longitude, ev.geonameid = (
                    _ascii(capital.name), capital.lat, capital.lon, capital.id)
            ev.geo_precision = 3
        elif place.fcode == ADMIN2:
            ev.geo_precision = 2  # ACLED: an event known only by its district sits at the district's seat
        elif top.relation == "near" or (top.relation == "qualifier" and place.population < CITY_POPULATION):
            # near X; or only the district/town that qualifies an unknown village is known
            # ("Bar-Sanguun village (Kismaayo, Lower Juba)"): ACLED's precision 2; an unknown part of a
            # city ("Khallatat (Tripoli)") is a neighbourhood, in the city: precision 1
            ev.geo_precision = 2
        else:
            ev.geo_precision = 1
        if top.relation != "article":
            ev.spans["location"] = (top.start, top.end)


#: A "near" cue before an unknown place that a known one qualifies: "in the vicinity of Qzvwx village (",
#: "near Qzvwx, " — the event is by the unknown place (ACLED precision 2), whatever the qualifier.
NEAR_UNKNOWN = re.compile(
    r"\b(?:near|nearby|outside|outskirts of|vicinity of|close to|around|surroundings of|periphery of)\s+(?:the\s+)?"
    r"(?:(?:village|town|locality) of\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}"
    r"(?:\s+(?:village|town|area|locality|hamlet))?\s*(?:\(|,\s*)$")


#: The name of a part of a town, just before the town: "in Shahjehanabad area of ", "the Kilu 16 area of ", "Tilak
#: Nagar neighbourhood in ", "the al-Fataih quarter of the city of " (not "Jaghuri district in ": a district).
_PART_TOKEN = r"(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-Z][\w'\-]*|\d+"
PART_NAME_BEFORE = re.compile(
    rf"\b((?:{_PART_TOKEN})(?:\s+(?:{_PART_TOKEN})){{0,3}})\s+"
    r"(?:(?i:area|neighbou?rhood|quarter|locality|suburb|colony)\s+(?:of|in)|(?P<district>(?i:district|borough)\s+of))"
    r"\s+(?:the\s+)?(?:(?i:city|town) of\s+)?$")
#: A metropolis whose districts are parts of the city ("the Holosiivskyi district of Kyiv", unlike "Thalang district of
#: Phuket", a province's).
METROPOLIS_POPULATION = 500_000
#: Just before a name, a word that puts something in the place: "in ", "at the ".
IN_BEFORE = re.compile(r"\b(?i:in|at|inside|of|barangay|brgy\.?|kwaeng)\s+(?:the\s+)?$")
#: A word after a name that calls it a village, not a part of a town: "Bar-Sanguun village (".
VILLAGE_AFTER = re.compile(rf"\s+(?i:village|town|hamlet|camp|settlement|township|{DISTRICT_KINDS}|province|state|region)\b")
#: First words that make a capitalised run before "area of" no part's name: "In the area of", "North area of".
NOT_PART_NAMES = {"in", "the", "north", "south", "east", "west", "central", "residential", "several", "some", "old",
                  "new", "other", "same", "this", "that", "industrial", "border", "rural", "urban"}


def _name_back(body: str, start: int, end: int) -> str:
    """The whole capitalised name ending at ``end``, of which ``body[start:end]`` is the last word
    ("Kilu 16" of "16", "Dasht-e-Barchi" stays): at most four words back, over numbers and Arabic articles."""
    m = re.search(rf"(?<![\w'\-])(?:(?:{_PART_TOKEN})\s+){{0,3}}$", body[max(0, start - 60):start])
    head = m[0] if m else ""
    words = head.split()
    while words and words[0].lower() in NOT_PART_NAMES:
        words.pop(0)
    return " ".join(words + [body[start:end]])


def _part_of_town(body: str, start: int, place: Place) -> bool:
    """Is the town at ``start`` named as the one a part lies in ("the Kalan area of Farah city", "several
    areas of Bamako")? The event is in the town, not near it."""
    return bool(PART_OF_TOWN.search(body, max(0, start - 45), start)) and \
        place.fcode not in (ADMIN1, ADMIN2, COUNTRY, CONTINENT, REGION)


def _clean(text: str, kind_word: bool = False) -> str:
    """The bare name: no possessive, no leading "the" and, unless ``kind_word``, no trailing kind word
    ("Sherzad district", "Derna city")."""
    text = re.sub(r"['\u2019]s$", "", text.strip())
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    if kind_word:
        return text.strip(" \"'\u201c\u201d")
    text = re.sub(r"\s+(?:neighbou?rhood|district|province|governorate|region|city|town|village|area)$", "", text, flags=re.I)
    return text.strip(" \"'\u201c\u201d")


#: After a town's name, a word that makes the name its district's: "Mehran county", "Rupganj Upazila", "the Bati
#: woreda" (not "Gulran district center", the town itself, nor "the Din Daeng district of Bangkok"; not "locality",
#: in India a part of a town: "Bhayandar locality").
DISTRICT_OF_TOWN_AFTER = re.compile(rf"\s*(?:\([^()]{{1,40}}\)\s*)?(?i:{DISTRICT_KINDS}|sub-?division|upazila|taluka|LGA)\b"
                                    r"(?!\s+(?:(?i:admin\w*)\s+)?(?i:cent(?:er|re)|headquarters|seat|capital|town|city)\b)"
                                    r"(?!\s+(?i:of)\b)")


def _names_its_district(body: str, start: int, end: int) -> bool:
    """Does the text call the town at ``start:end`` by its district ("in Mehran county")? (The word may end the
    mention itself: "Mehran county".)"""
    last = re.search(r"\s+\S+$", body[start:end])
    return bool(DISTRICT_OF_TOWN_AFTER.match(body, end) or (last and DISTRICT_OF_TOWN_AFTER.match(body, start + last.start())))


def _names_finer_place(text: str) -> bool:
    """Does ``text`` name a district, village or area by its name ("Nirkh district", "the village of X")?"""
    names = [m[1] for m in FINER_AFTER.finditer(text)] + [m[1] for m in FINER_BEFORE.finditer(text)]
    return any(n.lower() not in NOT_PLACE_WORDS and n.lower() not in NOT_PLACES for n in names)


def _on_road(body: str, start: int, end: int) -> bool:
    """Is the place named as the end of a road or as a sector ("on the road between Idleb and X",
    "the Uruapan-Patzcuaro road", "at the Tripoli highway", "Sunderbani sector")?"""
    before = body[max(0, start - 60):start]
    if "." not in before and ROAD_BEFORE.search(before):
        return True
    return bool(ROAD_AFTER.match(body, end))


#: Before a place someone came from: "fighters from Deir-ez-Zor", "travelling from Aden" (not "the road
#: from X to Y", which ACLED codes at X, nor "cleared from the Bab-Tobruk neighbourhood": it happened there).
FROM_BEFORE = re.compile(r"\b(?i:from)\s+(?:(?i:the)\s+)?(?:(?i:city|town|village|province|region)\s+of\s+)?$")
#: Words before "from X" that put the event at X: "cleared from", "withdrew from", "fired from", "5 km from".
FROM_HERE = re.compile(r"\b(?i:clear\w*|expel\w*|withdr\w*|driven|drove|drive|push\w*|oust\w*|evict\w*|retreat\w*|"
                       r"remov\w*|liberat\w*|recaptur\w*|seiz\w*|captur\w*|kidnapp\w*|abduct\w*|taken|took|stol\w*|"
                       r"fir\w*|launch\w*|shell\w*|evacuat\w*|fle\w*|escap\w*|releas\w*|rescu\w*|km|kms|kilomet\w*|"
                       r"miles?|metres|meters|far|away|north|south|east|west|apart|across|distance|range)\W*$")
FROM_TO_AFTER = re.compile(r"(?:\s+(?:city|town|village))?\s+(?i:to|towards?|and)\s+(?:the\s+)?[A-Z]")
ROAD_WORD_BEFORE = re.compile(r"\b(?i:road|highway|motorway|route|way|axis)\b[^.;()]{0,20}$")
#: Before a place someone went to: "on the road towards X", "the road that connects Acapulco to X".
TO_BEFORE = re.compile(r"\b(?i:road|highway|motorway|route|way|travel\w*|head\w*|bound|connects|connecting|links?|"
                       r"linking)\b[^.;()]{0,50}?\b(?i:to|towards?)\s+(?:(?i:the)\s+)?$")


def _elsewhere(body: str, start: int, end: int) -> bool:
    """Is the place at ``start`` named as where someone came from or went to (not the start of a
    stretch, "from Al Mayadin to Al-Bukamal", "set out from Beirut to Tripoli": ACLED codes it there)?"""
    before = body[max(0, start - 70):start]
    m = FROM_BEFORE.search(before)
    if m is not None:
        return not ROAD_WORD_BEFORE.search(before[:m.start()]) and not FROM_TO_AFTER.match(body, end) \
            and not FROM_HERE.search(before[:m.start()])
    return TO_BEFORE.search(before) is not None


def _bears_name(place: Place, name: str, other_names: bool = True) -> bool:
    """Is ``name`` the place's own name or, with ``other_names``, another name of a well-known place
    ("Lower Juba" for Jubbada Hoose, "Kismaayo")? Short other names ("Ein", "Geo") do not count."""
    if key(place.name) == key(name) or place.fcode in (COUNTRY, CONTINENT) or (place.fcode == REGION and place.id < 0):
        return True  # every name of a country, continent or curated region is curated ("EU", "U.S.", "DPRK")
    if place.fcode == ADMIN1 and name.isupper() and len(name) >= 3:
        return True  # a region's abbreviation, as the gazetteer spells it ("J&K", "KPK", "NSW")
    return other_names and len(name) >= 5 and (place.fcode in CUE_KINDS or place.population >= 50_000)


def _in_parenthesis(body: str, start: int) -> bool:
    """Does ``start`` sit inside a parenthesis opened at most 60 characters before ("(Kidal, ...")?"""
    return body.rfind("(", max(0, start - 60), start) > body.rfind(")", max(0, start - 60), start)


def _near(place: Place, area: Place, gaz: Gazetteer) -> bool:
    """Does ``place`` lie within 120 km of the region ``area`` (its middle or its main town)? GeoNames'
    region codes and the regions news names sometimes differ (old codes, a city region for its oblast)."""
    points = [(area.lat, area.lon)]
    capital = gaz.admin1_capital(area.admin1) if area.fcode == ADMIN1 else None
    if capital is not None:
        points.append((capital.lat, capital.lon))
    return place.cc == area.cc and any(km(place.lat, place.lon, lat, lon) <= 120 for lat, lon in points)


def _fits(t: Toponym, anchors: list[Toponym]) -> bool:
    """Is ``t`` a region or wider, or a place in the division of one of the ``anchors`` (or, with no
    anchor, any place)?"""
    return not anchors or t.place.fcode in (COUNTRY, CONTINENT, REGION, ADMIN1) or any(_held(t.place, a) for a in anchors)


def _held(place: Place, anchor: Toponym) -> bool:
    """Does ``place`` lie in the division that holds ``anchor``, or within 50 km of the anchor town?"""
    if anchor.held_by is None or place.id == anchor.place.id:
        return True
    kind, code = anchor.held_by
    inside = place.cc == code if kind == "cc" else place.admin1 == code
    return inside or km(place.lat, place.lon, anchor.place.lat, anchor.place.lon) <= 50


def _inside(place: Place, area: Place) -> bool:
    """Can ``place`` lie in ``area``? Same country, and same region unless the area is a country."""
    if place.cc != area.cc or place.cc is None:
        return False
    return area.fcode in (COUNTRY, CONTINENT) or place.admin1 == area.admin1


def _loose(k: str) -> str:
    """A spelling-variant key: doubled letters collapsed (Odessa/Odesa, Mosul/Mossul), a final h after a vowel
    dropped (Amarah/Amara, Raqqah/Raqqa)."""
    return re.sub(r"([aeiou])h\b", r"\1", re.sub(r"(.)\1+", r"\1", re.sub(r"[^\w ]", "", k)))


def _spelled_alike(a: str, b: str) -> bool:
    """Two keys that are one name in two spellings ("safirah"/"safira", "odessa"/"odesa"), not two names
    ("kearny"/"kirni")."""
    return SequenceMatcher(None, _loose(a), _loose(b)).ratio() >= 0.85


def _public_id(place: Place) -> int | None:
    return place.id if place.id > 0 else place.parent


def _fill_generic_actors(ev: Event) -> None:
    """Generic actors get the event's country; state forces acting abroad are ACLED's inter 8."""
    country = ev.country or "Unknown"
    for name_attr, inter_attr in (("actor1", "inter1"), ("actor2", "inter2")):
        name = getattr(ev, name_attr)
        if name and getattr(ev, inter_attr) == 1 and ev.country and name.startswith(("Military Forces of ", "Police Forces of ")):
            home = name.split(" of ", 1)[1]
            if "{" not in home and home != ev.country and not home.startswith("the "):
                setattr(ev, inter_attr, 8)
    for attr in ("actor1", "actor2"):
        value = getattr(ev, attr)
        if value and "{country}" in value:
            setattr(ev, attr, value.replace("{country}", country))
    if ev.attributed_to and "{country}" in ev.attributed_to:
        ev.attributed_to = ev.attributed_to.replace("{country}", country)
    ev.assoc_actor_1 = [a.replace("{country}", country) for a in ev.assoc_actor_1]
    ev.assoc_actor_2 = [a.replace("{country}", country) for a in ev.assoc_actor_2]
