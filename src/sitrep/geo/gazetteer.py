"""The offline gazetteer: a compact SQLite file derived from GeoNames, shipped in the package.

Reads: ``data/gazetteer.sqlite.gz`` (built by ``scripts/build_gazetteer.py``; GeoNames data,
CC-BY 4.0; gzip-compressed, 12 MB, opened into memory on first use) and optionally a user TSV
of extra places ($SITREP_PLACES, same columns as
``data/places_supplement.tsv``). Writes: ``Place`` candidates for a name.
"""

from __future__ import annotations

import csv
import gzip
import math
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError, ModelError

#: Feature codes: CONT continent, PCLI country, ADM1 first-order region, PPL/PPLC town/capital, PPLX neighbourhood.
#: RGN: seas and world regions from the curated supplement. ADM2: districts, counties, cercles, at their seat
#: (``parent`` is the seat town).
CONTINENT, COUNTRY, ADMIN1, CAPITAL, TOWN, SECTION, REGION = "CONT", "PCLI", "ADM1", "PPLC", "PPL", "PPLX", "RGN"
ADMIN2 = "ADM2"


@dataclass(frozen=True)
class Place:
    id: int  # GeoNames id; negative for curated places with no GeoNames entry
    name: str
    lat: float
    lon: float
    cc: str | None
    admin1: str | None  # GeoNames admin1 code "LY.70"
    population: int
    fcode: str
    parent: int | None = None


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Lookup key: accents stripped, lower case, hyphens/apostrophes/ayns as spaces, a leading Arabic
    article dropped and inner ones spelled "al". (Cached: the resolver asks for the same names' keys often.)"""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"['\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4\-\.]", " ", s.lower())
    s = re.sub(r"^(?:al|el|ad|ar|as|an|at|az|ash|ath|adh)\s+", "", s)
    # the Arabic article inside a name, however transliterated: "Ras el Ain" = "Ras al-Ain"
    s = re.sub(r"\s(?:el|al|ad|ar|as|an|at|az|ash|ath|adh)\s", " al ", f" {s} ")
    # common words of Arabic place names, however transliterated: "Tal Tamer" = "Tall Tamr", "Ein Issa" =
    # "Ayn Isa", "Deir Hafer" = "Dayr Hafir", "Kfar Kila" = "Kafr Kila"
    return " ".join(ARABIC_WORDS.get(w, w) for w in s.split())


#: Spellings of the words that open Arabic place names, folded to one (for keys only: names are kept as written).
#: The marks transliterations use for ayn and hamza ("Ra’s al ‘Ayn", "Tāʻizz"), and the apostrophe.
AYN_HAMZA = re.compile(r"['\u2018\u2019\u02BB\u02BC\u02BE\u02BF`\u00B4]")


def keys(name: str) -> set[str]:
    """The keys a name is indexed under: ``key`` (ayn and hamza marks read as word breaks) and the key of the
    name without them, so that "Ra’s al ‘Ayn" is found as "Ras al Ain" and "Tāʻizz" as "Taizz"."""
    return {k for k in (key(name), key(AYN_HAMZA.sub("", name))) if k}


ARABIC_WORDS = {
    **dict.fromkeys(("tal", "tel", "tell"), "tall"), **dict.fromkeys(("ein", "ain", "ayn"), "ayn"),
    **dict.fromkeys(("deir", "dair", "der"), "dayr"), **dict.fromkeys(("kfar", "kefar", "kefr", "kafar"), "kafr"),
    **dict.fromkeys(("beit", "bait", "beyt"), "bayt"), **dict.fromkeys(("sheikh", "shaikh", "shekh", "sheik"), "shaykh"),
    **dict.fromkeys(("jebel", "jabel", "djebel"), "jabal"), **dict.fromkeys(("khirbet", "kherbet"), "khirbat"),
    "beni": "bani", "abou": "abu", "oum": "umm", "um": "umm",
}


class Gazetteer:
    """Read-only lookups over the shipped SQLite gazetteer (opened lazily, once per process)."""

    def __init__(self, path: str | Path | None = None, extra: str | Path | None = None) -> None:
        if path is None:
            path = Path(str(resources.files("sitrep.data").joinpath("gazetteer.sqlite.gz")))
        path = Path(path)
        if not path.is_file():
            raise ModelError(f"gazetteer file {path} is missing; rebuild it with: python scripts/build_gazetteer.py")
        self.path = path
        self.db = _open(path)
        self.countries: dict[str, str] = {}
        #: each country's land neighbours (GeoNames)
        self.neighbours: dict[str, frozenset[str]] = {}
        self._capitals: dict[str, int] = {}
        for cc, name, near, capital in self.db.execute("SELECT cc, name, neighbours, capital FROM countries"):
            self.countries[cc] = name
            self.neighbours[cc] = frozenset(n for n in near.split(",") if n)
            if capital:
                self._capitals[cc] = capital
        self._admin1: dict[str, tuple[str, int | None]] = {}
        self._cache: dict[str, list[Place]] = {}
        self._extra: dict[str, list[Place]] = {}
        extra = extra or os.environ.get("SITREP_PLACES")
        if extra:
            self._load_extra(Path(extra))

    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name``, most populous first."""
        k = key(name)
        if not k:
            return []
        if k in self._cache:
            return self._cache[k]
        rows = self._rows(k)
        if not rows and re.search(r"(\w)\1", k):  # "Bossaso", "Kismaayo": spellings with doubled letters
            rows = self._rows(re.sub(r"(\w)\1+", r"\1", k))
        for variant in _spellings(k) if not rows else []:  # "Ain al Arab" for Ayn al Arab, "Tal Tamer"
            rows = self._rows(variant)
            if rows:
                break
        places = [_place(r) for r in rows]
        places += self._extra.get(k, [])
        places.sort(key=lambda p: (-_rank(p), -p.population))
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[k] = places
        return places

    def lookup_variant(self, name: str, wide: bool = False) -> list[Place]:
        """Places whose name is ``name`` spelt otherwise ("Mirpurkhas" for Mirpur Khas, "Naushehro Feroze",
        "Nabatiyeh"): for a name tagged as a place that ``lookup`` does not know; most populous first.
        The first four letters must agree, or with ``wide`` the first three ("Bato Kot" for Bati Kot)."""
        k = key(name)
        if len(k.replace(" ", "")) < 7:
            return []
        cached = ("~~" if wide else "~") + k  # (the cache keys of plain lookups never start with "~")
        if cached not in self._cache:
            places = [_place(r) for r in self._variant_rows(k, 3 if wide else 4)]
            self._cache[cached] = sorted(places, key=lambda p: (-_rank(p), -p.population))
        return self._cache[cached]

    def _variant_rows(self, k: str, shared: int) -> list[tuple]:  # type: ignore[type-arg]
        """Rows of the names that are ``k`` spelt otherwise: the same consonants in the same order, words run
        together or apart, vowels changed, and nearly the same letters (the keys sharing k's first ``shared``
        characters are compared)."""
        prefix = k[:shared]
        keys = [r[0] for r in self.db.execute(
            "SELECT DISTINCT key FROM names WHERE key >= ? AND key < ? LIMIT 10000", (prefix, prefix + "\uffff"))]
        want, flat = _skeleton(k), k.replace(" ", "")
        same = [c for c in keys if _skeleton(c) == want
                and SequenceMatcher(None, flat, c.replace(" ", "")).ratio() >= 0.85]
        return [r for c in same[:3] for r in self._rows(c)]

    def _rows(self, k: str) -> list[tuple]:  # type: ignore[type-arg]
        return self.db.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.pop, p.fcode, p.parent FROM names n "
            "JOIN places p ON p.id = n.id WHERE n.key = ?",
            (k,),
        ).fetchall()

    def get(self, place_id: int) -> Place | None:
        r = self.db.execute("SELECT id, name, lat, lon, cc, admin1, pop, fcode, parent FROM places WHERE id = ?",
                            (place_id,)).fetchone()
        if r is None:
            return None
        return _place(r)

    def country_name(self, cc: str | None) -> str | None:
        return self.countries.get(cc) if cc else None

    def admin1_name(self, code: str | None) -> str | None:
        if not code:
            return None
        if code not in self._admin1:
            row = self.db.execute("SELECT name, capital FROM admin1 WHERE code = ?", (code,)).fetchone()
            self._admin1[code] = (_ascii(row[0]), row[1]) if row else ("", None)
        return self._admin1[code][0] or None

    def capital(self, cc: str | None) -> Place | None:
        """The country's capital, where ACLED puts country-only events."""
        gid = self._capitals.get(cc or "")
        return self.get(gid) if gid else None

    def admin1_capital(self, code: str | None) -> Place | None:
        """The region's main town (its largest; usually the capital), where ACLED puts region-only events."""
        if not code or self.admin1_name(code) is None:
            return None
        capital = self._admin1[code][1]
        return self.get(capital) if capital else None

    def _load_extra(self, path: Path) -> None:
        if not path.is_file():
            raise InputError(f"places file {path} does not exist")
        with open(path, encoding="utf-8") as fh:
            reader = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
            for n, rec in enumerate(reader):
                try:
                    place = Place(-(10_000_000 + n), rec["name"], float(rec["lat"]), float(rec["lon"]), rec["cc"],
                                  rec.get("admin1") or None, 0, rec.get("fcode") or SECTION,
                                  int(rec["parent_geonameid"]) if rec.get("parent_geonameid") else None)
                except (KeyError, ValueError) as exc:
                    raise InputError(f"{path}: row {n + 1} is malformed ({exc}); columns: "
                                     "name aliases lat lon cc admin1 fcode parent_geonameid") from exc
                for alias in [rec["name"], *(rec.get("aliases") or "").split("|")]:
                    for k in keys(alias):
                        self._extra.setdefault(k, []).append(place)


def _open(path: Path) -> sqlite3.Connection:
    """A read-only connection to a gazetteer file: a ``.gz`` one (as shipped) is decompressed into memory
    (about 0.1 s, 24 MB), a plain SQLite file is opened in place."""
    try:
        if path.suffix == ".gz":
            db = sqlite3.connect(":memory:", check_same_thread=False)
            db.deserialize(gzip.decompress(path.read_bytes()))
        else:
            db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        db.execute("SELECT 1 FROM places LIMIT 1")
    except (OSError, EOFError, sqlite3.DatabaseError) as exc:
        raise ModelError(f"gazetteer file {path} is unreadable ({exc}); rebuild it with: "
                         "python scripts/build_gazetteer.py") from exc
    return db


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


#: Transliterations of the same Arabic word in place names: a name not found as written is tried with
#: the others ("Ain al Arab" / Ayn al Arab, "Tal Tamer" / Tall Tamr, "Deir" / Dayr).
SPELLINGS = [("ain", "ayn", "ein"), ("tell", "tall", "tal", "tel"), ("deir", "dayr", "dair"),
             ("kafr", "kfar", "kefr"), ("jabal", "jebel", "jabel", "jbel"), ("sheikh", "shaykh", "shaikh"),
             ("qasr", "qaser", "kasr"), ("abu", "abou"), ("umm", "um"), ("beit", "bayt", "bait", "beyt"),
             ("souk", "suq", "souq"), ("wadi", "oued")]


def _spellings(k: str) -> list[str]:
    """Other transliterations of ``k``, one word changed at a time (at most a dozen)."""
    words = k.split()
    out = []
    for i, w in enumerate(words):
        group = next((g for g in SPELLINGS if w in g), ())
        out += [" ".join([*words[:i], other, *words[i + 1:]]) for other in group if other != w]
    return out[:12]


def _skeleton(k: str) -> str:
    """A name's consonants in order, with no spaces, doubled letters or particles ("de", "del", "la"): the
    same for "mirpur khas" and "mirpurkhas", "naushahro feroze" and "naushehro feroze"."""
    words = [w for w in k.split() if w not in ("de", "del", "la", "le", "di", "da", "do", "dos", "das")]
    flat = "".join(words)
    if not flat:
        return ""
    body = re.sub(r"[aeiouy]", "", flat[1:])
    return re.sub(r"(.)\1+", r"\1", flat[0] + body)


def _place(r: tuple) -> Place:  # type: ignore[type-arg]
    """A ``places`` row (id, name, lat, lon, cc, admin1, pop, fcode, parent; degrees stored times 10,000)."""
    return Place(r[0], r[1], r[2] / 10000, r[3] / 10000, r[4], r[5], r[6], r[7], r[8])


def _rank(p: Place) -> int:
    return {CONTINENT: 3, COUNTRY: 3, ADMIN1: 1, ADMIN2: -1}.get(p.fcode, 0)


#: GeoNames' marks for ayn and hamza ("Ra’s al ‘Ayn", "Taʻizz"), written as an apostrophe in plain names.
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u02bb\u02bc\u02be\u02bf"})


def _ascii(name: str) -> str:
    """The name without accents or ayn/hamza marks: "Ra's al 'Ayn" for "Ra’s al ‘Ayn"."""
    s = unicodedata.normalize("NFKD", name).translate(_APOSTROPHES)
    return "".join(ch for ch in s if not unicodedata.combining(ch))
