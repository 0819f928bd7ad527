"""Places a reader expects (issue #19): a world city or a country named alone is pinned where it is.

The figures are bench/places.py's, over the bundled data only: the Natural Earth cities of a million
or more written beside the store (``world_cities.csv``) and every country of the store by its name and
its curated short forms.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "places.py"

@pytest.fixture(scope="module")
def figures():
    spec = importlib.util.spec_from_file_location("bench_places", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_places"] = module
    spec.loader.exec_module(module)
    return module.figures()


def test_a_world_city_named_alone_is_pinned(figures):
    share, n, missed = figures["world cities alone"]
    assert n >= 500
    assert share >= 0.99, [c.text for c in missed]


def test_a_world_city_with_its_country_is_pinned(figures):
    share, n, missed = figures["world cities with country"]
    assert n >= 500
    assert share == 1.0, [c.text for c in missed]


def test_every_country_name_and_short_form_is_pinned(figures):
    share, n, missed = figures["country names and short forms"]
    assert n >= 400
    assert share == 1.0, [c.text for c in missed]


def test_short_forms_the_issue_names():
    import geoviz

    for form, code in (("US", "US"), ("UK", "GB"), ("the Netherlands", "NL"), ("Ivory Coast", "CI")):
        doc = geoviz.parse(f"Protesters gathered in {form} on Monday, police said.")
        assert [(p.kind, p.country) for p in doc.places] == [("country", code)], form


def test_a_parenthesised_part_of_a_name_when_the_whole_is_a_name():
    """ "Cocos (Keeling) Islands" is one name; "Paris (France)" and "Georgia (Tbilisi)" stay two places."""
    import geoviz

    doc = geoviz.parse("Protesters gathered in Cocos (Keeling) Islands on Monday, police said.")
    assert [(p.kind, p.country, p.mentions[0].text) for p in doc.places] == [
        ("country", "CC", "Cocos (Keeling) Islands")]
    for text, names in (("Fans gathered in Paris (France) on Monday.", ["Paris", "France"]),
                        ("Officials in Georgia (Tbilisi) said so.", ["Georgia", "Tbilisi"])):
        assert [p.mentions[0].text for p in geoviz.parse(text).places] == names, text
