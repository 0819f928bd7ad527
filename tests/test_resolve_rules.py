"""Resolution rules stated in geoviz/resolve.py, each on short texts of our own."""

from __future__ import annotations

import pytest

import geoviz


def place_of(text: str, surface: str):
    doc = geoviz.parse(text)
    for p in doc.places:
        if any(m.text == surface for m in p.mentions):
            return p
    raise AssertionError(f"{surface!r} not found in {[p.name for p in doc.places]}")


@pytest.mark.parametrize("text, surface", [
    ("The airline will fly between New York and Moscow from May.", "New York"),
    ("Protesters marched through central São Paulo on Sunday.", "São Paulo"),
])
def test_a_city_of_a_million_beats_the_province_named_after_it(text, surface):
    p = place_of(text, surface)
    assert p.kind == "populated place"


@pytest.mark.parametrize("text, surface", [
    ("Snow closed roads across New York state on Monday.", "New York"),
    ("Tolls end at the New York border near West Stockbridge.", "New York"),
    ("Farmers in the state of New York expect a late harvest.", "New York"),
])
def test_the_text_can_still_name_the_province(text, surface):
    p = place_of(text, surface)
    assert p.kind == "admin1" and p.country == "US"


def test_a_town_named_after_an_ocean_gets_no_help_from_the_story_country():
    text = ("Forecasters in the United States expect an active season in the Atlantic. "
            "Warm water in the tropical Atlantic feeds storms that reach the United States.")
    assert place_of(text, "Atlantic").kind == "sea"
