"""A state named in the sentence that introduces a bare town name places it (issue #16 journeys).

Sentences are our own; each pairs a town with a namesake county or
province elsewhere that another name in the story lies in, so the test
fails if the county/cluster pull wins over the state the sentence names.
"""
from __future__ import annotations

import pytest

import geoviz


def _reading(text: str, mention: str) -> dict | None:
    out = geoviz.analyse(text)
    for p in out["places"] + out["uncertain"]:
        if any(m["text"] == mention for m in p["mentions"]):
            return p
    return None


@pytest.mark.parametrize("text, mention, admin1", [
    # A Northern California town named first; the bare name then sits in a Montana sentence.
    ("Students from Gridley boarded the bus early. The trip ran toward Missoula, Mont., with a lunch stop "
     "in Butte.", "Butte", "Montana"),
    # An Alabama city first; the bare name that is also that state's county sits in a Montana sentence.
    ("Organisers in Birmingham finished the plans last week. The riders will cross toward Great Falls, Mont., "
     "and rest in Shelby.", "Shelby", "Montana"),
])
def test_state_in_the_introducing_sentence_places_the_town(text: str, mention: str, admin1: str) -> None:
    p = _reading(text, mention)
    assert p is not None
    assert p["admin1"] == admin1
    assert p["kind"] == "populated place"


@pytest.mark.parametrize("text, mention, country", [
    # A state's own name beside another state keeps its state reading (not a town named after it).
    ("The operator runs one casino in Iowa and three in Nevada, its filing said.", "Nevada", "US"),
    ("Growers in Ohio and in Kansas reported a late frost this week.", "Kansas", "US"),
])
def test_a_state_beside_another_state_stays_a_state(text: str, mention: str, country: str) -> None:
    p = _reading(text, mention)
    assert p is not None
    assert p["kind"] == "admin1"
    assert p["country"] == country


def test_a_later_sentence_naming_a_state_does_not_move_a_team_town() -> None:
    # The first mention introduces the name without any state; a later line's state-named team does not place it.
    text = ("Kentucky fans filled the arena as the visitors from Louisville took the court. "
            "Mississippi State opened against Louisville with a run of misses.")
    p = _reading(text, "Louisville")
    if p is not None:
        assert p["admin1"] != "Mississippi"


def test_same_sentence_state_outside_the_us() -> None:
    # Canada: a bare name in a sentence that names Ontario, with a namesake elsewhere.
    text = "Buses left Toronto at dawn and reached Woodstock, in Ontario, before noon."
    p = _reading(text, "Woodstock")
    assert p is not None
    assert p["country"] == "CA"
