"""Two classes of the data behind "places a reader expects" (issue #19), checked over the built store.

- **A country's curated English form is its own name** (``country_aliases_as_own``), unless a town or
  a county goes by it: "Zaire" is the Democratic Republic of the Congo, not Angola's Zaire province;
  "Svalbard" is the territory, not Natural Earth's outline of the island group (its point in the sea);
  while "Palestine" in a Texas story stays the Texas town.
- **A district GeoNames counts at a million inside a bigger city is a section of it**
  (``sections_of_cities``): it does not outrank a city of its name that Natural Earth maps ("Baoshan,
  China" is Yunnan's city, not Shanghai's district), and named alone it is still pinned ("Soweto",
  "Iztapalapa", "Sadr City", "Pudong").

Each test reads its cases from the data (the curated table, the manifest, world_cities.csv), so a
rebuild that drops either rule fails here.
"""

from __future__ import annotations

import csv
import json
import math

import pytest

import geoviz
from geoviz.geo.gazetteer import OWN
from geoviz.nlp.names import fold
from tests.conftest import ROOT

ALIASES = ROOT / "gazetteer" / "curated" / "country_aliases.csv"
SENTENCE = "Protesters gathered in {name} on Monday, police said."


def _km(a, b) -> float:
    from geoviz.geo.geodesy import great_circle_pair_km

    return great_circle_pair_km(a[0], a[1], b[0], b[1])


@pytest.fixture(scope="module")
def manifest(gaz) -> dict:
    return json.loads((gaz.path.parent / "MANIFEST.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def aliases() -> list[dict[str, str]]:
    with ALIASES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _local_own(gaz, key: str) -> bool:
    """Whether a town or a county has this very name as its own."""
    return any(r.form == OWN and r.entry.kind in ("populated place", "admin2")
               for r in gaz.readings(key, 100, include_codes=False))


def _country_form(gaz, key: str, code: str) -> int | None:
    return next((r.form for r in gaz.readings(key, 100, include_codes=False)
                 if r.entry.kind == "country" and r.entry.country == code), None)


# -- a country's curated forms -------------------------------------------------------------------


def test_a_curated_word_form_is_the_countrys_own_name_unless_a_town_has_it(gaz, aliases, manifest):
    made = set(manifest["country_aliases_as_own_names"])
    checked = 0
    for row in aliases:
        alias, code = row["alias"], row["iso2"]
        key = fold(alias)
        form = _country_form(gaz, key, code)
        if form is None or gaz.country(code) is None:
            continue
        if not any(ch.islower() for ch in alias):
            continue  # letters ("US", "CAR"): an acronym is nobody's own name
        checked += 1
        if _local_own(gaz, key):
            # Left an alternate name by this rule (it may be the country's own by another: "St Helena").
            assert f"{alias} ({code})" not in made, alias
        else:
            assert form == OWN, alias
    assert checked >= 100


def test_the_forms_made_own_names_are_listed_in_the_manifest(manifest, aliases, gaz):
    listed = set(manifest["country_aliases_as_own_names"])
    assert "Zaire (CD)" in listed and "Svalbard (SJ)" in listed
    for item in listed:
        alias, _, code = item.rpartition(" (")
        assert _country_form(gaz, fold(alias), code.rstrip(")")) == OWN, item


def test_a_country_form_wins_over_a_province_or_region_that_shares_it(gaz, manifest):
    """Every country form made an own name whose readings also hold a province or a region of that very
    name, named alone: the country (or a place in it) is pinned. From the data: Africa, the Arctic, ..."""
    cases = []
    for item in manifest["country_aliases_as_own_names"]:
        alias, _, code = item.rpartition(" (")
        code = code.rstrip(")")
        rivals = [r for r in gaz.readings(fold(alias), 20, include_codes=False)
                  if r.form == OWN and r.entry.kind in ("admin1", "region") and r.entry.country != code]
        if rivals:
            cases.append((alias, code))
    assert len(cases) >= 2, cases
    for alias, code in cases:
        doc = geoviz.parse(SENTENCE.format(name=alias), gazetteer=gaz)
        assert [p.country for p in doc.places] == [code], (alias, [(p.name, p.kind) for p in doc.places])


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    ("Mobutu ruled Zaire for three decades before he fled to Morocco.", "Zaire", "country", "CD"),
    ("Oil output in Zaire province, Angola, rose by a tenth last year.", "Zaire", "admin1", "AO"),
    ("A polar bear was seen near Longyearbyen in Svalbard last week.", "Svalbard", "country", "SJ"),
    ("Monks marched through the streets of Burma's old capital.", "Burma", "country", "MM"),
    ("Tea exports from Ceylon fell in the 1960s, the board said.", "Ceylon", "country", "LK"),
])
def test_country_forms_in_sentences(gaz, text, name, kind, country):
    doc = geoviz.parse(text, gazetteer=gaz)
    got = [(p.kind, p.country) for p in doc.places if any(m.text.startswith(name) for m in p.mentions)]
    assert got == [(kind, country)], [(p.name, p.kind, p.country) for p in doc.places]


def test_a_town_of_a_countrys_name_keeps_its_local_evidence(gaz):
    """The form stays an alternate name where a town has it: the story's county and towns still decide."""
    assert _local_own(gaz, "palestine")
    doc = geoviz.parse("In Palestine, the council met on Monday. Anderson County deputies said the fire "
                       "near Tyler was out by noon.", gazetteer=gaz)
    palestine = [p for p in doc.places if p.mentions[0].text == "Palestine"]
    assert [(p.kind, p.country, p.admin1) for p in palestine] == [("populated place", "US", "Texas")]


# -- districts of a metropolis -------------------------------------------------------------------


def test_every_section_of_a_city_is_coded_and_lies_in_a_bigger_city(gaz, manifest):
    sections = manifest["sections_of_cities"]
    assert len({s["id"].split(":")[0] for s in sections}) == 1  # GeoNames rows only
    countries = set()
    for s in sections:
        e = gaz.get(s["id"])
        metro = gaz.get(s["inside"])
        assert e is not None and metro is not None, s
        assert e.feature_code == "PPLX" and e.population == s["population"] >= 1_000_000, s
        assert metro.population > e.population and (metro.country, metro.admin1) == (e.country, e.admin1), s
        assert abs(metro.lat - e.lat) < 0.5 and abs(metro.lon - e.lon) < 0.5, s
        countries.add(e.country)
    assert len(countries) >= 8, countries  # Asia, Africa, the Americas, the Middle East, Europe


def test_a_section_named_alone_is_pinned_unless_a_world_city_shares_its_name(gaz, manifest):
    with (gaz.path.parent / "world_cities.csv").open(encoding="utf-8", newline="") as f:
        world = list(csv.DictReader(f))
    rivals_seen = 0
    for s in manifest["sections_of_cities"]:
        e = gaz.get(s["id"])
        rivals = [(float(w["lat"]), float(w["lon"])) for w in world
                  if fold(w["name"]) == fold(e.name) and _km((float(w["lat"]), float(w["lon"])), (e.lat, e.lon)) > 161]
        for text in (SENTENCE.format(name=e.name),
                     f"Protesters gathered in {e.name}, {gaz.country(e.country).name}, on Monday, police said."):
            doc = geoviz.parse(text, gazetteer=gaz)
            pins = [(p.lat, p.lon) for p in doc.places if p.mentions[0].text == e.name]
            assert len(pins) == 1, (text, [(p.name, p.kind) for p in doc.places])
            if rivals:
                # The district's GeoNames count no longer outranks the city Natural Earth maps.
                assert min(_km(pins[0], r) for r in rivals) <= 161, text
            else:
                assert _km(pins[0], (e.lat, e.lon)) <= 161, text
        rivals_seen += bool(rivals)
    assert rivals_seen >= 1


def test_a_district_with_its_city_named_is_still_the_district(gaz):
    doc = geoviz.parse("Steel output at Baoshan, Shanghai, fell by a fifth in March.", gazetteer=gaz)
    baoshan = [p for p in doc.places if p.mentions[0].text == "Baoshan"]
    assert [p.admin1 for p in baoshan] == ["Shanghai"]
    assert math.isfinite(baoshan[0].lat)
