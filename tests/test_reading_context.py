"""The resolver with a full store: a neighbourhood, facility or landmark reading needs context to win over a town.

The fixture store (tests/geonames_fixture.py, built through the same code as
``geoviz gazetteer build``) names a fictional London neighbourhood like an
Australian town ("Kelvarra"), a Manchester stadium like an Ohio town
("Tallowmere"), and adds sixty villages, a neighbourhood, a stadium and a
monument named Paris. Context is the kind's word by the name or the town
around the place named nearby; a country named is not context.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import geoviz
from geoviz.geo.fullbuild import build_full_store
from geoviz.geo.gazetteer import Gazetteer
from geoviz.geoparse.resolve import WEIGHTS, Resolver, Weights
from geoviz.pipeline import pipeline
from tests.geonames_fixture import DECOY_BASE, FICTIONAL_BASE, OWN_ARTICLES, build_fixture_store, decoy_rows, pinned_in

TOWN, NEIGHBOURHOOD = f"gn:{FICTIONAL_BASE + 9}", f"gn:{FICTIONAL_BASE + 10}"
OHIO_TOWN, STADIUM = f"gn:{FICTIONAL_BASE + 11}", f"gn:{FICTIONAL_BASE + 12}"


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture_store(Path(tmp_path_factory.mktemp("full"))))


def reading(text: str, name: str, gaz: Gazetteer, weights: Weights | None = None) -> str:
    """The id the name is read as (pinned or listed as uncertain): the resolver's choice either way."""
    if weights is None:
        doc = geoviz.analyse(text, gazetteer=gaz)
        found = [p["id"] for p in doc["places"] + doc["uncertain"] if p["name"] == name]
    else:
        recogniser = pipeline(gaz)[0]
        places = Resolver(gaz, weights).resolve(recogniser.find(text), text)
        found = [p.id for p in places if p.name == name]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("text", [
    "Police sealed off streets in the Kelvarra neighbourhood on Tuesday night.",
    "Police sealed off streets in Kelvarra, a neighbourhood of east London, on Tuesday.",
    "Residents of Kelvarra in east London marched to the town hall.",
    "Rents have doubled in the district of Kelvarra since 2019.",
])
def test_a_neighbourhood_with_context_is_pinned(full, text):
    assert reading(text, "Kelvarra", full) == NEIGHBOURHOOD


@pytest.mark.parametrize("text", [
    "Floods hit Kelvarra on Tuesday.",
    "In Britain, residents of Kelvarra protested against the closure.",  # a country is not the town around it
])
def test_the_same_name_without_context_stays_the_town(full, text):
    assert reading(text, "Kelvarra", full) == TOWN


@pytest.mark.parametrize("text", [
    "Fans gathered outside Tallowmere Stadium hours before kick-off.",
    "United play at Tallowmere in Manchester on Saturday.",
])
def test_a_stadium_with_context_is_pinned(full, text):
    assert reading(text, "Tallowmere", full) == STADIUM


@pytest.mark.parametrize("text", [
    "Fans gathered at Tallowmere on Saturday.",
    "The mayor of Tallowmere, Ohio, resigned on Friday.",
    "Two schools in an English city and one near Tallowmere were closed.",
])
def test_a_stadium_without_context_does_not_take_the_towns_name(full, text):
    assert reading(text, "Tallowmere", full) == OHIO_TOWN


def test_the_rule_decides_where_the_priors_alone_would_not(full):
    """Without the rule (weights 0) the trigger word is not enough, and the country alone moves the name."""
    off = Weights(context=0.0, no_context=0.0)
    assert reading("Fans gathered outside Tallowmere Stadium.", "Tallowmere", full, off) == OHIO_TOWN
    assert reading("Fans gathered outside Tallowmere Stadium.", "Tallowmere", full, WEIGHTS) == STADIUM
    text = "In Britain, residents of Kelvarra protested against the closure."
    assert reading(text, "Kelvarra", full, off) == NEIGHBOURHOOD
    assert reading(text, "Kelvarra", full, WEIGHTS) == TOWN


@pytest.mark.parametrize("text", [
    "The president flew to Paris on Monday.",
    "A Paris suburb was evacuated after the fire.",  # a suburb OF Paris, not a neighbourhood called Paris
    "Officials in France said Paris would host the talks.",
    "The monument in Paris was closed after protests in England.",
    "Talks resumed in Paris on Monday; the city's stadium and monument were closed.",
])
def test_many_same_named_readings_do_not_move_the_famous_city(full, text):
    assert len(full.lookup("Paris", 200)) > 60
    doc = geoviz.analyse(text, gazetteer=full)
    paris = [(p["kind"], p["country"], p["admin1"]) for p in doc["places"] if p["name"] == "Paris"]
    assert paris == [("populated place", "FR", "Île-de-France")], (text, doc["places"], doc["uncertain"])


ARTICLES = OWN_ARTICLES


@pytest.fixture(scope="module")
def decoyed(tmp_path_factory) -> tuple[Gazetteer, dict[str, list[tuple[int, str]]]]:
    """A full store with 40 same-named decoys for every place the bundled store pins in our own articles."""
    pins, places = pinned_in(ARTICLES, Gazetteer())
    folder = Path(tmp_path_factory.mktemp("decoys"))
    (folder / "XX.txt").write_text("\n".join(decoy_rows(places)) + "\n", encoding="utf-8")
    report = build_full_store([folder / "XX.txt"], folder / "store", progress=None)
    assert report.kept == 40 * len(places) > 2000
    return Gazetteer(report.out), pins


@pytest.mark.parametrize("weights", [WEIGHTS, Weights(context=0.0, no_context=0.0)], ids=["rule", "no rule"])
def test_forty_decoys_per_name_give_no_name_to_a_neighbourhood_facility_or_landmark(decoyed, weights):
    """No mention the bundled store reads as a town, county or country goes to a same-named part of a town,
    facility or landmark, with 40x the candidates and half of those in the story's own country.

    Without the rule (weights 0) some do: the story's country or a neighbour speaks for them as much as
    for the town. (A village decoy may still take a name where the story names its state: that is the
    resolver's ordinary reading of local news, not this rule's; docs/gazetteer.md.)
    """
    gaz, pins = decoyed
    recogniser = pipeline(gaz)[0]
    resolver = Resolver(gaz, weights)
    moved = []
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        read = {m.start: p for p in resolver.resolve(recogniser.find(text), text) for m in p.mentions}
        for start, was in pins[path.name]:
            now = read.get(start)
            if now is not None and now.id != was and now.id.startswith(f"gn:{DECOY_BASE // 10**6}"):
                entry = gaz.get(now.entry_id)
                if entry is not None and entry.feature_code != "PPL":
                    moved.append((path.name, text[start:start + 20], was, now.id, entry.feature_code))
    if weights is WEIGHTS:
        assert moved == []
    else:
        assert moved, "the decoys no longer test the rule"


@pytest.mark.parametrize(("text", "name", "said"), [
    ("Fans gathered outside Tallowmere Stadium.", "Tallowmere", {"stadium"}),
    # "X borough of Y" names X's city as often as X itself ("the London borough of Camden"): the word says nothing;
    # a town named after "of" does (the town around it)
    ("Shops closed in the Kelvarra district of the capital.", "Kelvarra", set()),
    ("Shops closed in the Kelvarra district on Monday.", "Kelvarra", {"district"}),
    ("Rents rose in the suburb of Kelvarra.", "Kelvarra", {"suburb"}),
    ("Police came to Kelvarra, a leafy neighbourhood of the city.", "Kelvarra", {"neighbourhood"}),
    ("Residents of a Kelvarra suburb complained.", "Kelvarra", set()),  # a suburb OF the named place
    ("The Kelvarra suburbs flooded.", "Kelvarra", set()),  # plural: the suburbs around it
    ("Patients at Zorvath Memorial Hospital were moved.", "Zorvath Memorial Hospital", {"memorial", "hospital"}),
])
def test_the_words_that_give_a_reading_context(text, name, said):
    from geoviz.geoparse.resolve import _context_words
    from geoviz.model import Mention

    start = text.index(name)
    m = Mention(start=start, end=start + len(name), text=name, key=name.lower())
    assert _context_words(text, m) == said
