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


def _pinned_and_listed(text: str) -> tuple[dict[str, str], dict[str, str]]:
    doc = geoviz.parse(text)
    return ({p.name: p.country for p in doc.places}, {p.name: p.country for p in doc.uncertain})


@pytest.mark.parametrize("text, name", [
    # a dog's name that is also a village of a few hundred in France, in a story about Iowa
    ("Her poodle, Missy, took best in show at the fair in Des Moines, Iowa, on Saturday. "
     "Missy beat 300 dogs from Nebraska and Kansas.", "Missy"),
    # a footballer's first name that is also a Mexican village, in a story about English football
    ("Martha scored twice as Leeds beat Norwich on Saturday, and Martha was named player of the "
     "match in England.", "Martha"),
])
def test_a_small_town_in_a_country_the_story_never_touches_is_listed_not_pinned(text, name):
    pinned, listed = _pinned_and_listed(text)
    assert name not in pinned
    assert name in listed  # no silent drop: a person can still pin it


@pytest.mark.parametrize("text, name, country", [
    # the same village, with its country named
    ("Floodwater reached Missy, a village in Normandy, France, on Monday.", "Missy", "FR"),
    # a town of the story's own country, not qualified
    ("Our reporter in Tuscany found that Siena had no rooms left, while Florence and Pisa in Italy "
     "were full.", "Siena", "IT"),
    ("Officials in Kenya said the road from Nairobi to Nakuru reopened; traffic in Naivasha was light.",
     "Naivasha", "KE"),
])
def test_a_small_town_the_story_supports_stays_pinned(text, name, country):
    pinned, _ = _pinned_and_listed(text)
    assert pinned.get(name) == country


@pytest.mark.parametrize("text, surface", [
    # some towns go by "Maryville" as their own name; another lists it only among its alternate names
    ("The congregation in Maryville met on Sunday; the pastor came from Fort Worth, Texas, to speak.",
     "Maryville"),
])
def test_a_one_word_name_reads_as_a_town_of_that_name_not_one_that_lists_it_as_an_alias(text, surface):
    doc = geoviz.parse(text)
    place = next(p for p in doc.places + doc.uncertain if any(m.text == surface for m in p.mentions))
    assert place.name == surface


@pytest.mark.parametrize("text, name", [
    ("Passengers from Kiev landed in Warsaw on Monday.", "Kyiv"),  # a city of a million keeps its old spelling
    ("Forecasters expect a busy season in the Atlantic, where warm water feeds storms.", "Atlantic Ocean"),
])
def test_a_big_city_or_a_sea_still_answers_to_its_alternate_name(text, name):
    doc = geoviz.parse(text)
    assert name in {p.name for p in doc.places}


def test_a_village_in_a_province_the_story_never_touches_is_listed_not_pinned():
    # a US village of a few hundred named like a word, in a story about another state
    text = ("About 55 residents of Gainesville, Florida, marched to the Alachua County courthouse on Sunday. "
            "Equality was their theme, said a marcher from Micanopy. Equality organisers met in Ocala.")
    pinned, listed = _pinned_and_listed(text)
    assert "Equality" not in pinned and "Equality" in listed
    # a village of the story's own state stays pinned
    assert pinned.get("Micanopy") == "US"


def test_a_village_in_the_story_s_province_stays_pinned():
    text = ("Villagers in Bavaria, Germany, near Munich and Rosenheim reported hail; "
            "the storm moved on to Gmund am Tegernsee.")
    pinned, _ = _pinned_and_listed(text)
    assert pinned.get("Gmund am Tegernsee") == "DE"
