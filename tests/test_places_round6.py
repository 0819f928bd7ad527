"""Places the story layer tripped on (issues #16/#19), round six: the recogniser's classes.

- **A line break ends a name.** A headline with no full stop runs into the dateline under it; the two
  were read as a given name and a surname, and the dateline's town was lost for the whole article.
- **A dateline with its state or country and its agency** ("XENIA, Ohio (AP) —", "BENI, Congo (Reuters) -")
  opens a story with a town in capitals: no acronym, and the town rather than a province of its name.
- **A spaced state abbreviation** ("Town, W. Va.", "Town, N. C.") qualifies the town before it; the town is
  no first name before a middle initial.
- **A disease's or a people's name used as a noun** ("the Ebola outbreak", "Ebola cases", "an outbreak of
  Ebola", "the Inca fortress", "Maya ruins", "built by the Inca.") names no place, for the whole article,
  while the same word after a locative ("a bus to Inca") or before a kind of place or a body ("the Ebola
  river", "Cheyenne police") stays one.
"""

from __future__ import annotations

import pytest

import geoviz


def _named(doc) -> dict[str, object]:
    """Each mention's text -> its place, pinned or listed."""
    return {m.text: p for p in (*doc.places, *doc.uncertain) for m in p.mentions}


def _pinned(doc) -> dict[str, object]:
    return {m.text: p for p in doc.places for m in p.mentions}


@pytest.mark.parametrize(("text", "towns"), [
    ("Landslide blocks the road to Kisumu\nNAIROBI — Rescue teams dug through the mud on Sunday, police said.",
     ("Kisumu", "NAIROBI")),
    ("Monsoon rains flood Karachi\nLAHORE — Schools stayed shut for a second day as the river rose.",
     ("Karachi", "LAHORE")),
    ("Record heat grips Castilla\nSEVILLE, Spain (Reuters) - Hospitals cancelled surgery as temperatures rose.",
     ("SEVILLE",)),
])
def test_a_headline_without_a_full_stop_keeps_the_dateline_town(text: str, towns: tuple[str, ...]) -> None:
    named = _named(geoviz.parse(text))
    for town in towns:
        assert town in named, (town, named)


def test_a_heading_naming_the_town_above_a_paragraph_that_opens_with_it() -> None:
    text = ("Wine harvest in Mendoza\n\nMendoza, at the foot of the Andes, fills with visitors each March. "
            "Buses run from Mendoza to San Rafael twice a day.")
    mentions = [m.text for p in geoviz.parse(text).places for m in p.mentions]
    assert mentions.count("Mendoza") == 3, mentions


@pytest.mark.parametrize(("text", "town", "country"), [
    ("XENIA, Ohio (AP) — A tornado tore the roof off a school late on Tuesday.", "XENIA", "US"),
    ("BENI, Congo (Reuters) - Health workers said a clinic was attacked overnight.", "BENI", "CD"),
    ("GOMA, Democratic Republic of Congo (Reuters) - Lava reached the airport road.", "GOMA", "CD"),
])
def test_a_qualified_dateline_town_in_capitals_is_no_acronym(text: str, town: str, country: str) -> None:
    place = _named(geoviz.parse(text)).get(town)
    assert place is not None and place.country == country, place


def test_a_qualified_dateline_names_the_town_not_the_province() -> None:
    place = _pinned(geoviz.parse("LIMA, Peru (AP) — A strong earthquake shook buildings on Tuesday."))["LIMA"]
    assert place.kind == "populated place", place


@pytest.mark.parametrize(("text", "town", "state"), [
    ("Flooding closed schools in Fayetteville, N. C., on Friday.", "Fayetteville", "North Carolina"),
    ("The mine near Logan, W. Va., shut after the roof fell in.", "Logan", "West Virginia"),
    ("Troops left Fort Bragg, N. C. The convoy reached the coast by noon.", "Fort Bragg", "North Carolina"),
])
def test_a_spaced_state_abbreviation_qualifies_its_town(text: str, town: str, state: str) -> None:
    named = _named(geoviz.parse(text))
    assert named[town].admin1 == state, named
    assert any(p.name == state for p in named.values()), named


def test_spaced_initials_before_a_surname_are_no_state() -> None:
    named = _named(geoviz.parse("The painter N. C. Wyeth kept a studio by the river."))
    assert not any(p.name == "North Carolina" for p in named.values()), named


def test_a_first_name_before_a_middle_initial_is_still_a_person() -> None:
    named = _named(geoviz.parse("Senator Vincent J. Fumo spoke at the hearing in Harrisburg."))
    assert "Vincent" not in named and "Harrisburg" in named, named


@pytest.mark.parametrize(("text", "name", "places"), [
    ("Health officials said the Ebola outbreak in Beni had killed 30 people. The fight against Ebola goes on.",
     "Ebola", ("Beni",)),
    ("Sierra Leone reported new Ebola cases in Kenema on Friday. Ebola has closed schools across the east.",
     "Ebola", ("Kenema",)),
    ("The ministry declared an outbreak of Ebola in Equateur province on Tuesday.", "Ebola", ()),
    ("Tourists climbed to the Inca fortress above Cusco before the rain came.", "Inca", ("Cusco",)),
    ("The road over the pass was built by the Inca. Llamas still carry salt along it.", "Inca", ()),
    ("Visitors explored the Maya ruins outside Tulum. The Maya built the city on a cliff.", "Maya", ()),
])
def test_a_disease_or_a_people_used_as_a_noun_is_no_place(text: str, name: str, places: tuple[str, ...]) -> None:
    named = _named(geoviz.parse(text))
    assert name not in named, named
    for place in places:
        assert place in named, (place, named)


@pytest.mark.parametrize(("text", "name"), [
    ("We took the bus from Palma to Inca, where the Inca market opens on Thursdays.", "Inca"),
    ("Cheyenne police said a man was arrested after the chase.", "Cheyenne"),
    ("Dredging began on the Ebola river below the ferry crossing.", "Ebola"),
])
def test_the_same_word_as_a_place_stays_one(text: str, name: str) -> None:
    assert name in _named(geoviz.parse(text))
