"""Names the gazetteer lacks, given as spans from outside (gold spans, another recogniser).

The resolver reads them off the name itself (a demonym-like form, a place
name inside the name, a feature word added) or places them at the story's
main place, always flagged in ``reason["backoff"]`` with a low confidence.
The texts are our own.
"""

from __future__ import annotations

import pytest

from geoviz.geoparse.recognise import _qualify
from geoviz.model import Mention
from geoviz.nlp.names import fold
from geoviz.pipeline import pipeline


def resolve_with(text: str, outside: list[str]) -> dict[str, object]:
    """Resolve ``text``'s own mentions plus the first occurrence of each ``outside`` name as a given span."""
    recogniser, resolver = pipeline()
    given = []
    for name in outside:
        start = text.index(name)
        given.append((start, start + len(name), name))
    mentions = [m for m in recogniser.find(text) if not any(m.start < e and s < m.end for s, e, _ in given)]
    mentions += [Mention(start=s, end=e, text=n, key=fold(n)) for s, e, n in given]
    mentions.sort(key=lambda m: m.start)
    _qualify(text, mentions)
    places = resolver.resolve(mentions, text)
    out = {}
    for p in places:
        for span in p.mentions:
            if span.text in outside:
                out[span.text] = p
    return out


def test_demonym_of_a_province_is_that_province():
    text = "Ohioans went to the polls in Columbus and Cleveland on Tuesday."
    got = resolve_with(text, ["Ohioans"])
    ohio = got["Ohioans"]
    assert ohio.kind == "admin1" and ohio.country == "US" and ohio.name == "Ohio"
    assert ohio.reason["backoff"] == "demonym"


@pytest.mark.parametrize("text, name, county, state", [
    ("Sarpy deputies arrested two men in Papillion and Bellevue on Friday, Nebraska officials said.",
     "Sarpy", "Sarpy County", "Nebraska"),
    ("Schools in Athens, Ga., closed; Clarke and Oconee deputies patrolled the roads.",
     "Clarke", "Clarke County", "Georgia"),
])
def test_local_news_names_a_county_by_its_bare_name(text, name, county, state):
    p = resolve_with(text, [name])[name]
    assert (p.name, p.kind, p.admin1) == (county, "admin2", state)


def test_a_bare_county_reading_does_not_outweigh_a_city_the_story_is_about():
    p = resolve_with("Crowds filled Dublin on Saturday as Irish fans celebrated in Cork and Galway.", ["Dublin"])
    assert (p["Dublin"].kind, p["Dublin"].country) == ("populated place", "IE")


def test_demonym_ending_in_ians_of_a_name_ending_in_io():
    got = resolve_with("Ontarians voted in Toronto and Ottawa on Thursday.", ["Ontarians"])
    assert got["Ontarians"].name == "Ontario" and got["Ontarians"].kind == "admin1"


def test_place_inside_an_institution_name_when_it_agrees_with_the_story():
    text = ("Researchers at Colorado State University in Fort Collins said the drought "
            "would reach Denver and Boulder by August.")
    got = resolve_with(text, ["Colorado State University"])
    p = got["Colorado State University"]
    assert p.name == "Colorado State University"  # its own place, named as written
    assert p.reason == {**p.reason, "backoff": "part", "within": "Colorado"} and p.kind == "admin1"
    assert p.confidence < 0.5


@pytest.mark.parametrize("name, state", [("Colorado State University", "Colorado"),
                                         ("University of California", "California")])
def test_a_state_named_by_an_institution_locates_it_whatever_the_story(name, state):
    # The story is about Mexico: the institution is still in its state, not at the story's main place.
    text = (f"Forecasters at {name} expect three hurricanes to reach Veracruz and Tampico this year, "
            "and Mexican officials in Veracruz are preparing shelters.")
    p = resolve_with(text, [name])[name]
    assert p.reason["backoff"] == "part" and p.reason["within"] == state and p.country == "US"


def test_part_that_contradicts_the_story_gives_way_to_its_main_place():
    # Tennessee Colony is a Texas community: the "Tennessee" inside it is not the state.
    text = ("Deputies from Dallas searched farmland near Tennessee Colony after the storm. "
            "Dallas police said roads to Fort Worth stayed closed, and Dallas schools reopened Monday.")
    got = resolve_with(text, ["Tennessee Colony"])
    p = got["Tennessee Colony"]
    assert p.country == "US" and p.admin1 == "Texas"
    assert p.reason["backoff"] == "focus" and p.reason["within"] == "Dallas"


@pytest.mark.parametrize("street", ["Royal Street", "Barclays Center"])
def test_unknown_local_name_goes_to_the_story_town(street):
    text = (f"Crowds gathered on {street} on Saturday. New Orleans police closed the area, "
            "and New Orleans officials said the parade would resume Sunday.")
    got = resolve_with(text, [street])
    p = got[street]
    assert p.name == street and p.reason["within"] == "New Orleans"
    assert p.confidence <= 0.1
    # The town keeps its own mentions and confidence.
    town = next(q for q in resolve_with(text, [street, "New Orleans"]).values() if q.name == "New Orleans")
    assert town.confidence > 0.5 and all(m.text == "New Orleans" for m in town.mentions)


def test_no_focus_no_guess():
    got = resolve_with("Crowds gathered on Royal Street on Saturday.", ["Royal Street"])
    assert "Royal Street" not in got


def test_historical_demonym_found_by_the_recogniser_stays_unplaced(seed_text):
    import geoviz

    doc = geoviz.parse("Soviet-era tanks rolled past the old depot in Kharkiv, Ukraine.")
    assert "Soviet" not in {m.text for p in doc.places for m in p.mentions}
