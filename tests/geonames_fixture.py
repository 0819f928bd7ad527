"""A small GeoNames dump in the exact 19-column format, for the full-build tests and the bench.

Rows come from the bundled store (real ids: a build must skip them as already
bundled) plus rows of our own making with clearly fictional ids (990000001 up):
a facility, a neighbourhood, natural features, and many villages named Paris.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geoviz.geo.gazetteer import KINDS
from geoviz.geo.stores import bundled_store_path

FICTIONAL_BASE = 990_000_000
# (id offset, name, class, code, country, admin1, lat, lon, population)
FICTIONAL = [
    (1, "Zorvath Memorial Hospital", "S", "HSP", "GB", "ENG", 51.5312, -0.1042, 0),
    (2, "Quillmere", "P", "PPLX", "GB", "ENG", 51.5621, -0.0741, 0),
    (3, "Mount Vellagrin", "T", "MT", "NZ", "E9", -43.5950, 170.1420, 0),
    (4, "Brannoch Valley", "T", "VAL", "GB", "SCT", 57.1201, -4.7102, 0),
    (5, "Stade Orvelle", "S", "STDM", "FR", "11", 48.9244, 2.3601, 0),
    (6, "Lake Ismarelle", "H", "LK", "CA", "08", 46.1203, -79.5102, 0),
    # not kept: a railway station (S.RSTN) and a historical division (A.ADM1H)
    (7, "Quillmere Junction", "S", "RSTN", "GB", "ENG", 51.5630, -0.0750, 0),
    (8, "Old Vellagrin Province", "A", "ADM1H", "NZ", "E9", -43.60, 170.10, 0),
    # Readings that share a town's name: a neighbourhood of London and a stadium in Manchester, each named like
    # a small town elsewhere (what the full dump adds by the thousand). They need context to win.
    (9, "Kelvarra", "P", "PPL", "AU", "02", -33.2012, 148.9025, 4200),
    (10, "Kelvarra", "P", "PPLX", "GB", "ENG", 51.4902, -0.0201, 0),
    (11, "Tallowmere", "P", "PPL", "US", "OH", 40.1120, -82.9310, 6500),
    (12, "Tallowmere", "S", "STDM", "GB", "ENG", 53.4631, -2.2913, 0),
    # Parts of towns named Paris, one of them in France: readings that must not take the city's name.
    (13, "Paris", "P", "PPLX", "FR", "75", 45.7712, 4.8421, 0),
    (14, "Paris", "S", "STDM", "US", "TX", 33.6612, -95.5501, 0),
    (15, "Paris", "S", "MNMT", "GB", "ENG", 52.4101, -1.5102, 0),
]
PARIS_VILLAGES = 60
#: The fictional rows a build keeps: all of FICTIONAL but the station and the historical division, and the villages.
FICTIONAL_KEPT = len(FICTIONAL) - 2 + PARIS_VILLAGES


def _row(gid: int, name: str, fclass: str, code: str, cc: str, a1: str, lat: float, lon: float, pop: int,
         alternates: str = "") -> str:
    cols = [str(gid), name, name, alternates, f"{lat:.5f}", f"{lon:.5f}", fclass, code, cc, "", a1, "", "", "",
            str(pop), "", "12", "Etc/UTC", "2026-01-01"]
    return "\t".join(cols)


def bundled_rows(limit: int) -> Iterator[str]:
    """Populated places of the bundled store written back as GeoNames rows (their real ids)."""
    con = sqlite3.connect(f"{bundled_store_path().absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        for gid, name, lat, lon, code, cc, a1, pop in con.execute(
                "SELECT substr(id, 4), name, lat_e5, lon_e5, feature_code, country, admin1, population "
                "FROM entries WHERE kind = ? AND id LIKE 'gn:%' ORDER BY rowid LIMIT ?",
                (KINDS.index("populated place"), limit)):
            yield _row(int(gid), name, "P", code, cc, a1, lat / 1e5, lon / 1e5, pop)
    finally:
        con.close()


def fictional_rows() -> Iterator[str]:
    for off, name, fclass, code, cc, a1, lat, lon, pop in FICTIONAL:
        yield _row(FICTIONAL_BASE + off, name, fclass, code, cc, a1, lat, lon, pop)
    for i in range(PARIS_VILLAGES):
        # Villages named Paris scattered over the US, Canada and Brazil: what the full dump adds.
        cc, a1 = [("US", "TX"), ("CA", "08"), ("BR", "26")][i % 3]
        yield _row(FICTIONAL_BASE + 100 + i, "Paris", "P", "PPL", cc, a1, 30.0 + i * 0.2, -95.0 + i * 0.3, i * 5)


def write_fixture(folder: Path, bundled: int = 3000, as_zip: bool = True) -> Path:
    """``folder/XX.zip`` (or ``.txt``) holding ``bundled`` rows from the store and the fictional ones."""
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n".join([*bundled_rows(bundled), *fictional_rows()]) + "\n"
    if not as_zip:
        out = folder / "XX.txt"
        out.write_text(text, encoding="utf-8")
        return out
    out = folder / "XX.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("XX.txt", text)
        z.writestr("readme.txt", "fixture for geoviz tests\n")
    return out


#: Decoys: villages elsewhere (GeoNames' dump-only villages have under 500 people, most none recorded), and
#: neighbourhoods, facilities and landmarks, half of them in the real place's own country.
DECOY_COUNTRIES = [("US", "TX"), ("CA", "08"), ("BR", "26"), ("GB", "ENG"), ("FR", "11"), ("IN", "16"), ("AU", "02"),
                   ("DE", "07")]
DECOY_CODES = [("S", "STDM"), ("S", "HSP"), ("S", "CH"), ("S", "MNMT"), ("S", "SQR"), ("P", "PPLX"), ("S", "SCHC"),
               ("S", "MUS")]
DECOY_BASE = 980_000_000


#: The project's own sample and test articles, whose pinned places the decoy checks give decoys.
OWN_ARTICLES = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")) + sorted(
    (Path(__file__).resolve().parent / "articles").glob("*.txt"))


def pinned_in(articles: list[Path], gazetteer: Any) -> tuple[dict[str, list[tuple[int, str]]],
                                                             dict[str, tuple[str, float, float]]]:
    """What ``gazetteer`` pins in ``articles``: (file name -> sorted (mention start, place id)), and each name
    read as a name (not a demonym) -> (country, lat, lon) of its place, the input of :func:`decoy_rows`.

    One reading for the decoy test (tests/test_reading_context.py) and its bench (bench/gazetteer_decoys.py).
    """
    import geoviz

    pins: dict[str, list[tuple[int, str]]] = {}
    places: dict[str, tuple[str, float, float]] = {}
    for path in articles:
        doc = geoviz.analyse(path.read_text(encoding="utf-8"), gazetteer=gazetteer)
        pins[path.name] = sorted((m["start"], p["id"]) for p in doc["places"] for m in p["mentions"])
        for p in doc["places"]:
            for m in p["mentions"]:
                if m["form"] == "name":
                    places[m["text"]] = (p["country"], p["lat"], p["lon"])
    return pins, places


def decoy_rows(places: dict[str, tuple[str, float, float]], per_name: int = 40, seed: int = 18) -> Iterator[str]:
    """``per_name`` same-named readings for each name (name -> (country, lat, lon) of its real place), ids 98xxxxxxx.

    What the full dump does to a name, at its worst: 40x the readings. Half are
    villages anywhere (a few countries, random points); half are parts of towns, facilities and
    landmarks, every other one in the place's own country, 0.5-3 degrees away
    from it (none inside the real town).
    """
    import random

    rng = random.Random(seed)
    gid = DECOY_BASE
    for name, (country, lat, lon) in sorted(places.items()):
        for i in range(per_name):
            gid += 1
            if i % 2 == 0:
                cc, a1 = rng.choice(DECOY_COUNTRIES)
                pop = 0 if rng.random() < 0.7 else rng.randint(1, 499)
                yield _row(gid, name, "P", "PPL", cc, a1, rng.uniform(-40, 60), rng.uniform(-120, 140), pop)
                continue
            fclass, code = rng.choice(DECOY_CODES)
            if i % 4 == 1 and country:
                cc, a1 = country, ""
                dlat, dlon = rng.uniform(-3, 3), rng.uniform(-3, 3)
                if abs(dlat) < 0.5 and abs(dlon) < 0.5:
                    dlat += 1.0 if dlat >= 0 else -1.0
                at = (max(-89.0, min(89.0, lat + dlat)), (lon + dlon + 180) % 360 - 180)
            else:
                cc, a1 = rng.choice(DECOY_COUNTRIES)
                at = (rng.uniform(-40, 60), rng.uniform(-120, 140))
            yield _row(gid, name, fclass, code, cc, a1, *at, 0)


def build_fixture_store(folder: Path) -> Path:
    """The fixture dump built into ``folder/gazetteer.sqlite`` by the same code ``geoviz gazetteer build`` runs."""
    from geoviz.geo.fullbuild import build_full_store

    dump = write_fixture(folder / "dump")
    return build_full_store([dump], folder / "store", progress=None).out


def write_alternate_names(folder: Path) -> Path:
    """An alternateNamesV2 file: a short name for the fictional hospital, a link row that must be ignored."""
    out = folder / "alternateNamesV2.txt"
    rows = [
        ["1", str(FICTIONAL_BASE + 1), "en", "The Zorvath", "", "1", "", "", "", ""],
        ["2", str(FICTIONAL_BASE + 1), "link", "https://en.wikipedia.org/wiki/Zorvath", "", "", "", "", "", ""],
        ["3", str(FICTIONAL_BASE + 5), "fr", "Parc Orvelle", "", "", "", "", "", ""],
    ]
    out.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return out
