"""Documents for the story tests (events, journeys, their shared reading), built by hand or from our articles.

The articles in seeds/ and tests/articles/ were written for these tests (not
real ones). Hand-built documents name their places directly, so a test of the
story rules does not depend on what recognition and resolution make of a text.
"""

from __future__ import annotations

from geoviz.geo.gazetteer import default_gazetteer
from geoviz.model import Document, Event, Mention, Place, Route
from geoviz.story.context import StoryContext
from geoviz.story.events import extract_events
from geoviz.story.journeys import CapitalOf, extract_journeys
from tests.conftest import ROOT

SEED_NAMES = {
    "North Korea": "North Korea", "North Korean": "North Korea", "Russia": "Russia", "Russian": "Russia",
    "Khasan": "Khasan", "South Korean": "South Korea", "Vostochny Cosmodrome": "Vostochny Cosmodrome",
    "Vladivostok": "Vladivostok", "Ukraine": "Ukraine", "Pyongyang": "Pyongyang", "White House": "White House",
}

# A leg across the antimeridian: drawn across the Pacific, split for GeoJSON.
ANTIMERIDIAN = ("A trade delegation flew from Vladivostok to Anchorage on 2 March 2024 for two days of talks "
                "with fishing companies.")

LA_NAMES = {"Chilean": "Chile", "Santiago": "Santiago", "Antofagasta": "Antofagasta", "Calama": "Calama",
            "Bolivia": "Bolivia", "Potosí": "Potosí", "Oruro": "Oruro", "Peruvian": "Peru", "Lima": "Lima"}


def make_doc(text: str, names: dict[str, str], date: str | None = None) -> Document:
    """A Document built by hand: each surface form found with str.find, resolved to the gazetteer's top entry.

    ``names`` maps a surface form to the name looked up ("North Korean" ->
    "North Korea": a demonym is a mention of its country, and its mention's
    form is ``demonym``, as the recogniser marks it). Longer surfaces claim
    their text first, so "North Korean" is not also "North Korea".
    """
    gaz = default_gazetteer()
    places: dict[str, Place] = {}
    taken: list[tuple[int, int]] = []
    for surface in sorted(names, key=len, reverse=True):
        entry = gaz.lookup(names[surface])[0]
        form = "name" if surface == names[surface] else "demonym"
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            boundary = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if boundary and not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                place = places.setdefault(entry.id, Place(
                    id=entry.id, name=entry.name, lat=entry.lat, lon=entry.lon, kind=entry.kind,
                    country=entry.country, confidence=0.9, admin1=entry.admin1_name))
                place.mentions.append(Mention(start, end, surface, form=form))
            start = text.find(surface, end)
    for p in places.values():
        p.mentions.sort(key=lambda m: m.start)
    return Document(text=text, places=list(places.values()), date=date)


def seed_document() -> Document:
    text = (ROOT / "seeds" / "kim-putin-summit.txt").read_text(encoding="utf-8")
    return make_doc(text, SEED_NAMES, date="2023-09-14")


def article(name: str) -> str:
    return (ROOT / "tests" / "articles" / name).read_text(encoding="utf-8")


def events_of(doc: Document) -> list[Event]:
    """The events of a document, read afresh (as the pipeline does: one StoryContext per document)."""
    return extract_events(StoryContext.read(doc))


def routes_of(doc: Document, capital_of: CapitalOf | None = None) -> list[Route]:
    """The journeys of a document, read afresh; implied origins from the bundled gazetteer's capitals."""
    return extract_journeys(StoryContext.read(doc), capital_of or default_gazetteer().capital)


def by_place(events: list[Event], doc: Document) -> dict[str, list[Event]]:
    names = {p.id: p.name for p in doc.places}
    out: dict[str, list[Event]] = {}
    for e in events:
        out.setdefault(names.get(e.place_id, "?"), []).append(e)
    return out


def names_of(route: Route) -> list[str]:
    return [s.name for s in route.stops]


def place_names(doc: Document) -> set[str]:
    return {p.name for p in doc.places} | {m.text for p in doc.places for m in p.mentions}
