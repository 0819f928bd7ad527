"""Places a reader expects: world cities and country names named alone, pinned where they are.

    python bench/places.py [--failures]

Two figures, from the bundled data only (the store and the files built beside it):

- the Natural Earth cities of a million or more (``world_cities.csv``, written by
  ``gazetteer/build.py``), each in "Protesters gathered in {NAME} on Monday, police said." and in
  "... in {NAME}, {country}, on Monday ...": the share pinned within 161 km of Natural Earth's point,
  or of another city of a million the same sentence names as well ("strict": that row's point only);
- every country of the store, by its name and each of its common short forms
  (``gazetteer/curated/country_aliases.csv``: "US", "UK", "the Netherlands", "Ivory Coast"), in the
  same sentence: the share pinned as that country (or within 161 km of its point: "Singapore").

tests/test_world_cities.py asserts the same figures.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geoviz.geo.geodesy import great_circle_pair_km
from geoviz.model import Document

ACC_KM = 161.0
CURATED = Path(__file__).resolve().parent.parent / "gazetteer" / "curated" / "country_aliases.csv"
ALONE = "Protesters gathered in {name} on Monday, police said."
WITH_COUNTRY = "Protesters gathered in {name}, {country}, on Monday, police said."


@dataclass(frozen=True)
class Case:
    """One sentence and where its one place is.

    ``also``: the other points the sentence may as well mean. Two cities of a million share some names
    ("Birmingham" in England and Alabama, "Hyderabad" in India and Pakistan, "Suzhou" twice in China): a
    reader cannot tell them apart from the name (and the country) alone, so either is right.
    """

    text: str
    name: str
    lat: float
    lon: float
    country: str  # ISO alpha-2 of the country the place is (countries) or lies in
    also: tuple[tuple[float, float], ...] = ()


def world_cities(store: Path) -> list[dict[str, str]]:
    """The rows of world_cities.csv beside the store."""
    with (store.parent / "world_cities.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def city_cases(rows: list[dict[str, str]], template: str, *, strict: bool = False) -> Iterator[Case]:
    """One case per row; unless ``strict``, any world city the same sentence can mean counts as right."""
    for r in rows:
        text = template.format(name=r["name"], country=r["country_name"])
        also = () if strict else tuple(
            (float(o["lat"]), float(o["lon"])) for o in rows
            if o is not r and template.format(name=o["name"], country=o["country_name"]) == text)
        yield Case(text, r["name"], float(r["lat"]), float(r["lon"]), "", also)


def country_cases(gaz) -> Iterator[Case]:
    """Every country of the store by its name and its curated short forms."""
    with CURATED.open(encoding="utf-8", newline="") as f:
        aliases = list(csv.DictReader(f))
    forms: dict[str, set[str]] = {}
    for cc in sorted({code for code, _, _ in gaz.basemap()} | {r["iso2"] for r in aliases}):
        e = gaz.country(cc)
        if e is not None:
            forms[cc] = {e.name}
    for r in aliases:
        if r["iso2"] in forms:
            forms[r["iso2"]].add(r["alias"])
    for cc in sorted(forms):
        e = gaz.country(cc)
        for form in sorted(forms[cc]):
            # "The Netherlands", "the Gambia": the article is the sentence's, lower case.
            name = "the " + form[4:] if form.startswith("The ") else form
            yield Case(ALONE.format(name=name), form[4:] if form.startswith("The ") else form, e.lat, e.lon, cc)


def pinned(doc: Document, case: Case, shape=None) -> bool:
    """Whether the case's name is pinned within ACC_KM of its point (or, for a country, in that country:
    the country itself, a part of it, or a place inside its polygon: "Antarctica" the continent)."""
    start = case.text.index(case.name)
    for p in doc.places:
        if any(m.start < start + len(case.name) and start < m.end for m in p.mentions):
            if case.country and p.country == case.country:
                return True  # the country, or a part of it ("Sint Eustatius", one of its islands)
            if shape is not None:
                import shapely

                if shape.intersects(shapely.Point(p.lon, p.lat)):
                    return True
            return any(great_circle_pair_km(p.lat, p.lon, lat, lon) <= ACC_KM
                       for lat, lon in ((case.lat, case.lon), *case.also))
    return False


def score(cases: list[Case], parse: Callable[[str], Document], shape_of=lambda code: None) -> tuple[float, list[Case]]:
    """The share of cases pinned right, and the cases that were not."""
    missed = [c for c in cases if not pinned(parse(c.text), c, shape_of(c.country) if c.country else None)]
    return (1 - len(missed) / len(cases)) if cases else 0.0, missed


def figures(gaz=None) -> dict[str, tuple[float, int, list[Case]]]:
    """name -> (share pinned right, number of cases, the cases missed)."""
    import geoviz
    from geoviz.geo.gazetteer import default_gazetteer

    gaz = gaz or default_gazetteer()
    rows = world_cities(gaz.path)
    out = {}
    for label, cases in (("world cities alone", list(city_cases(rows, ALONE))),
                         ("world cities with country", list(city_cases(rows, WITH_COUNTRY))),
                         ("  strict: that row's city alone", list(city_cases(rows, ALONE, strict=True))),
                         ("  strict: with country", list(city_cases(rows, WITH_COUNTRY, strict=True))),
                         ("country names and short forms", list(country_cases(gaz)))):
        share, missed = score(cases, lambda t: geoviz.parse(t, gazetteer=gaz), gaz.country_shape)
        out[label] = (share, len(cases), missed)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the sentences not pinned right")
    a = ap.parse_args()
    t0 = time.perf_counter()
    for label, (share, n, missed) in figures().items():
        print(f"{label:32s} {share:6.3f}  pinned within {ACC_KM:.0f} km  ({n - len(missed)}/{n})")
        if a.failures:
            for c in missed:
                print(f"    {c.text}")
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
