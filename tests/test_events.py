"""Events and journeys: the seed, plus articles written for these tests (not real ones)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from geoviz.model import Document, Mention, Place
from geoviz.story.events import (
    Event,
    Leg,
    Route,
    Stop,
    build_legs,
    extract_events,
    extract_journeys,
    split_antimeridian,
)


def make_doc(text: str, names: dict[str, str], date: str | None = None) -> Document:
    """A Document built by hand: each surface form found with str.find, resolved to the gazetteer's top entry.

    ``names`` maps a surface form to the name looked up ("North Korean" ->
    "North Korea": a demonym is a mention of its country, with ``form="demonym"``).
    Longer surfaces claim their text first, so "North Korean" is not also "North Korea".
    """
    from geoviz.geo.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    places: dict[str, Place] = {}
    taken: list[tuple[int, int]] = []
    for surface in sorted(names, key=len, reverse=True):
        entry = gaz.lookup(names[surface])[0]
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            boundary = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if boundary and not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                place = places.setdefault(entry.id, Place(
                    id=entry.id, name=entry.name, lat=entry.lat, lon=entry.lon, kind=entry.kind,
                    country=entry.country, confidence=0.9))
                # A demonym mention as the recogniser marks it: by the gazetteer's demonym table.
                form = "demonym" if gaz.demonym(surface) else "name"
                place.mentions.append(Mention(start, end, surface, form=form))
            start = text.find(surface, end)
    for p in places.values():
        p.mentions.sort(key=lambda m: m.start)
    return Document(text=text, places=list(places.values()), date=date)


SEED_NAMES = {
    "North Korea": "North Korea", "North Korean": "North Korea", "Russia": "Russia", "Russian": "Russia",
    "Khasan": "Khasan", "South Korean": "South Korea", "Vostochny Cosmodrome": "Vostochny Cosmodrome",
    "Vladivostok": "Vladivostok", "Ukraine": "Ukraine", "Pyongyang": "Pyongyang", "White House": "White House",
}


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    from tests.conftest import ROOT

    text = (ROOT / "seeds" / "kim-putin-summit.txt").read_text(encoding="utf-8")
    return make_doc(text, SEED_NAMES, date="2023-09-14")


def _by_place(events: list[Event], doc: Document) -> dict[str, list[Event]]:
    names = {p.id: p.name for p in doc.places}
    out: dict[str, list[Event]] = {}
    for e in events:
        out.setdefault(names.get(e.place_id, "?"), []).append(e)
    return out


# --------------------------------------------------------------------------
# The seed
# --------------------------------------------------------------------------


def test_seed_events(seed_doc: Document) -> None:
    events = extract_events(seed_doc)
    at = _by_place(events, seed_doc)
    khasan = at["Khasan"][0]
    assert (khasan.type, khasan.date_label, khasan.date) == ("arrival", "Tuesday", "2023-09-12")
    assert "Kim" in khasan.actors
    summit = at["Vostochny Cosmodrome"][0]
    assert (summit.type, summit.date_label, summit.date) == ("meeting", "Wednesday", "2023-09-13")
    assert "President Putin" in summit.actors
    test = at["North Korea"][0]
    assert test.type == "military" and test.date == "2023-09-13"
    assert test.place_id == "gn:1873107"  # the country itself: no invented launch site
    assert test.certainty < 0.9  # "according to the South Korean military"
    assert "North Korea" in test.actors
    white = at["White House"][0]
    assert white.type == "statement" and white.actors == ["White House"]
    for e in events:
        assert seed_doc.text[e.start:e.end] == e.sentence
        assert e.place_id in {p.id for p in seed_doc.places}
    # Nothing is placed in Ukraine or Vladivostok: neither is where an action happened.
    assert "Ukraine" not in at and "Vladivostok" not in at
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]


def test_seed_events_without_article_date_keep_labels(seed_doc: Document) -> None:
    doc = Document(seed_doc.text, seed_doc.places, date=None)
    events = extract_events(doc)
    assert all(e.date is None for e in events)
    assert [e.date_label for e in events if e.date_label] == ["Tuesday", "Wednesday", "Wednesday"]


def test_seed_journey(seed_doc: Document) -> None:
    routes = extract_journeys(seed_doc)
    assert len(routes) == 1
    r = routes[0]
    assert [s.name for s in r.stops] == ["Pyongyang", "Khasan", "Vostochny Cosmodrome"]
    origin = r.stops[0]
    assert origin.implied and "North Korea" in origin.reason and "leader" in origin.reason
    assert seed_doc.text[origin.span.start:origin.span.end] == origin.span.text
    assert not any(s.implied for s in r.stops[1:])
    assert r.stops[1].date_label == "Tuesday" and r.stops[2].date_label == "Wednesday"
    assert r.mode == "train" and [leg.mode for leg in r.legs] == ["train", "train"]
    assert r.traveller and "Kim" in r.traveller
    km = [leg.distance_km for leg in r.legs]
    assert km[0] == pytest.approx(559, abs=10)  # Pyongyang -> Khasan
    assert km[1] == pytest.approx(1066, abs=15)  # Khasan -> Vostochny
    for s in r.stops[1:]:
        assert seed_doc.text[s.span.start:s.span.end] == s.span.text == s.name


def test_seed_through_the_real_parser() -> None:
    """Same expectations through geoviz.parse (the whole pipeline), when it is available."""
    parse = pytest.importorskip("geoviz.pipeline").parse
    from tests.conftest import ROOT

    doc = parse((ROOT / "seeds" / "kim-putin-summit.txt").read_text(encoding="utf-8"), date="2023-09-14")
    routes = extract_journeys(doc)
    assert [s.name for s in routes[0].stops] == ["Pyongyang", "Khasan", "Vostochny Cosmodrome"]
    types = {(e.type, next(p.name for p in doc.places if p.id == e.place_id)) for e in extract_events(doc)}
    assert {("arrival", "Khasan"), ("meeting", "Vostochny Cosmodrome"), ("military", "North Korea"),
            ("statement", "White House")} <= types


# --------------------------------------------------------------------------
# Articles of our own making
# --------------------------------------------------------------------------

FLIGHTS = (
    "French foreign minister Marie Dubois flew from Paris to Nairobi on Monday for talks on regional security. "
    "After two days of meetings in Nairobi, she flew on to Johannesburg, where she met South African officials "
    "on Thursday."
)


def test_multi_leg_flights() -> None:
    doc = make_doc(FLIGHTS, {"French": "France", "Paris": "Paris", "Nairobi": "Nairobi",
                             "Johannesburg": "Johannesburg", "South African": "South Africa"}, date="2024-05-10")
    routes = extract_journeys(doc)
    assert len(routes) == 1
    r = routes[0]
    assert [s.name for s in r.stops] == ["Paris", "Nairobi", "Johannesburg"]
    assert not any(s.implied for s in r.stops)  # "from Paris" is stated: no implied origin
    assert r.mode == "plane" and r.traveller == "Marie Dubois"
    assert [round(leg.distance_km, -2) for leg in r.legs] == [6500, 2900]
    assert r.stops[1].date == "2024-05-06"  # Monday on or before Friday 10 May
    events = _by_place(extract_events(doc), doc)
    meeting = next(e for e in events["Johannesburg"] if e.type == "meeting")  # "..., where she met ..."
    assert meeting.date == "2024-05-09" and "Marie Dubois" in meeting.actors


ANTIMERIDIAN = ("A trade delegation flew from Vladivostok to Anchorage on 2 March 2024 for two days of talks "
                "with fishing companies.")


def test_antimeridian_leg_is_unwrapped() -> None:
    doc = make_doc(ANTIMERIDIAN, {"Vladivostok": "Vladivostok", "Anchorage": "Anchorage"})
    (r,) = extract_journeys(doc)
    assert [s.name for s in r.stops] == ["Vladivostok", "Anchorage"] and r.mode == "plane"
    line = r.legs[0].line
    lons = [lon for _, lon in line]
    assert all(abs(b - a) < 180 for a, b in zip(lons, lons[1:]))
    assert max(lons) > 180  # unwrapped eastwards across the Pacific, not back across Eurasia
    assert r.legs[0].distance_km == pytest.approx(5330, rel=0.02)
    parts = split_antimeridian(line)
    assert len(parts) == 2
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for part in parts for lon, lat in part)
    assert parts[0][-1][0] == 180.0 and parts[1][0][0] == -180.0
    assert parts[0][-1][1] == parts[1][0][1]


DATES = (
    "A strong earthquake struck near Valparaíso on 3 March 2024, officials said. The next day, rescue teams "
    "arrived in Valparaíso. On Wednesday, the president visited Valparaíso. Protesters rallied in Santiago "
    "yesterday. Last week, ministers met in Lima."
)
DATE_NAMES = {"Valparaíso": "Valparaíso", "Santiago": "Santiago", "Lima": "Lima"}


def test_absolute_and_relative_dates_against_article_date() -> None:
    doc = make_doc(DATES, DATE_NAMES, date="2024-03-08")  # a Friday
    got = [(e.type, e.date, e.date_label) for e in extract_events(doc)]
    assert got == [
        ("disaster", "2024-03-03", "3 March 2024"),
        ("arrival", "2024-03-04", "The next day"),
        ("travel", "2024-03-06", "Wednesday"),
        ("protest", "2024-03-07", "yesterday"),  # "Protesters rallied": a protest, not a generic event
        ("meeting", "2024-02-26", "Last week"),
    ]


def test_dates_without_article_date_are_labels_in_text_order() -> None:
    doc = make_doc(DATES, DATE_NAMES)
    got = [(e.date, e.date_label) for e in extract_events(doc)]
    # Absolute dates still resolve, and "the next day" follows them; the rest stays a label.
    assert got == [("2024-03-03", "3 March 2024"), ("2024-03-04", "The next day"), (None, "Wednesday"),
                   (None, "yesterday"), (None, "Last week")]


def test_iso_and_month_first_dates() -> None:
    text = "Talks were held in Geneva on 2023-09-13. On September 20, 2023, the envoys met in Vienna."
    doc = make_doc(text, {"Geneva": "Geneva", "Vienna": "Vienna"})
    assert [(e.type, e.date) for e in extract_events(doc)] == [("meeting", "2023-09-13"), ("meeting", "2023-09-20")]


def test_places_without_events_or_movement() -> None:
    text = ("Lyon and Marseille are the largest cities in southern France after Paris. Bordeaux is known for its "
            "wine, and Lille for its markets.")
    doc = make_doc(text, {n: n for n in ("Lyon", "Marseille", "France", "Paris", "Bordeaux", "Lille")})
    assert extract_events(doc) == []
    assert extract_journeys(doc) == []


def test_first_foreign_trip_invents_no_origin() -> None:
    text = "Kim Jong Un's visit to Russia, his first foreign trip in years, drew wide attention."
    doc = make_doc(text, {"Russia": "Russia"})
    assert extract_journeys(doc) == []  # one stated stop only; no leader-of phrase, so no home capital


def test_stated_departure_and_next_day_arrival() -> None:
    text = "The prime minister left Ottawa by plane on Monday and arrived in London the next day."
    doc = make_doc(text, {"Ottawa": "Ottawa", "London": "London"}, date="2024-06-07")
    (r,) = extract_journeys(doc)
    assert [s.name for s in r.stops] == ["Ottawa", "London"] and not r.stops[0].implied
    assert r.legs[0].mode == "plane"
    assert r.stops[1].date == "2024-06-04"  # day after Monday 3 June
    assert [e.type for e in extract_events(doc)] == ["departure", "arrival"]


def test_implied_origin_is_a_general_rule() -> None:
    text = ("Brazil's president Ana Costa arrived in Lisbon by plane on Monday. She later travelled to Porto "
            "by train for a trade fair.")
    doc = make_doc(text, {"Brazil": "Brazil", "Lisbon": "Lisbon", "Porto": "Porto"})
    (r,) = extract_journeys(doc)
    assert [s.name for s in r.stops] == ["Brasília", "Lisbon", "Porto"]
    assert r.stops[0].implied and "Brazil" in r.stops[0].reason
    assert [leg.mode for leg in r.legs] == ["plane", "train"]


def test_travel_and_meeting_in_one_clause_modes_per_clause_and_pronouns() -> None:
    text = ("German Chancellor Olaf Weber travelled to Warsaw on Tuesday for talks with Polish leaders, then drove "
            "to Kraków. Floods swept through southern Poland last week, officials said. On Thursday he flew back "
            "to Berlin.")
    names = {"German": "Germany", "Warsaw": "Warsaw", "Polish": "Poland", "Kraków": "Kraków", "Poland": "Poland",
             "Berlin": "Berlin"}
    doc = make_doc(text, names, date="2024-09-20")
    types = [(e.type, e.date) for e in extract_events(doc)]
    assert ("travel", "2024-09-17") in types and ("meeting", "2024-09-17") in types
    assert ("disaster", "2024-09-09") in types and ("travel", "2024-09-19") in types
    (r,) = extract_journeys(doc)
    # Home capital implied from "German Chancellor ...", then the stated stops; the flight closes the loop.
    assert [s.name for s in r.stops] == ["Berlin", "Warsaw", "Kraków", "Berlin"] and r.stops[0].implied
    assert [leg.mode for leg in r.legs] == [None, "car", "plane"]  # "drove" is Kraków's clause, not Warsaw's
    assert r.traveller == "Chancellor Olaf Weber"


def test_hedged_language_lowers_certainty() -> None:
    text = ("Russia may conduct a missile test near Kaliningrad next week, according to analysts. "
            "Russia held naval drills near Kaliningrad on Monday.")
    doc = make_doc(text, {"Russia": "Russia", "Kaliningrad": "Kaliningrad"})
    hedged, plain = extract_events(doc)
    assert hedged.type == plain.type == "military"
    assert hedged.place_id == plain.place_id
    assert hedged.certainty < plain.certainty
    assert next(p.name for p in doc.places if p.id == plain.place_id) == "Kaliningrad"


def test_metonym_subject_makes_a_statement_event() -> None:
    text = "The Kremlin warned on Friday that any new sanctions would be met with a response."
    doc = make_doc(text, {"Kremlin": "Kremlin"})
    (e,) = extract_events(doc)
    assert e.type == "statement" and e.date_label == "Friday"


def test_country_disaster_keeps_country() -> None:
    text = "Severe floods hit Bangladesh on Sunday, displacing thousands."
    doc = make_doc(text, {"Bangladesh": "Bangladesh"})
    (e,) = extract_events(doc)
    assert e.type == "disaster" and e.place_id == doc.places[0].id


# --------------------------------------------------------------------------
# Data classes and linear time
# --------------------------------------------------------------------------


def test_dataclass_dict_round_trip(seed_doc: Document) -> None:
    (r,) = extract_journeys(seed_doc)
    assert Route.from_dict(r.to_dict()) == r
    for e in extract_events(seed_doc):
        assert Event.from_dict(e.to_dict()) == e
    assert Stop.from_dict(r.stops[0].to_dict()) == r.stops[0]
    assert Leg.from_dict(r.legs[0].to_dict()) == r.legs[0]


def test_build_legs_carries_a_stated_mode() -> None:
    stops = [Stop("a", "A", 0.0, 0.0), Stop("b", "B", 0.0, 1.0, mode="ship"), Stop("c", "C", 0.0, 2.0),
             Stop("d", "D", 0.0, 3.0, mode="car")]
    assert [leg.mode for leg in build_legs(stops)] == ["ship", "ship", "car"]
    assert build_legs(stops[:1]) == []


def test_zero_length_leg_is_still_a_line() -> None:
    assert split_antimeridian([[10.0, 20.0], [10.0, 20.0]]) == [[[20.0, 10.0], [20.0, 10.0]]]


def test_linear_time_on_huge_input(seed_doc: Document) -> None:
    import time

    hostile = " " + "Kim arrived in " * 300 + "a, " * 600 + "x" * 3000  # run-on sentence, no places

    def run(n: int) -> float:
        doc = make_doc_fast(seed_doc, seed_doc.text * n + hostile * n, n)
        t = time.perf_counter()
        extract_events(doc)
        extract_journeys(doc, capital_of=lambda code: None)
        return time.perf_counter() - t

    small, big = run(4), run(32)
    assert big < small * 8 * 3 + 0.5  # 8x the text: linear would be ~8x the time, quadratic ~64x


def make_doc_fast(seed_doc: Document, text: str, copies: int) -> Document:
    """The seed's places repeated ``copies`` times at shifted offsets (no gazetteer calls)."""
    n = len(seed_doc.text)
    places = []
    for p in seed_doc.places:
        mentions = [Mention(m.start + k * n, m.end + k * n, m.text, form=m.form) for k in range(copies)
                    for m in p.mentions]
        places.append(Place(p.id, p.name, p.lat, p.lon, p.kind, p.country, p.confidence, mentions))
    return Document(text=text, places=places, date="2023-09-14")


def test_no_catastrophic_regex_on_hostile_text() -> None:
    import time

    hostile = "The " + "A " * 20000 + "of " * 20000 + "," * 20000 + " in the " * 5000 + re.escape("x") * 10
    t = time.perf_counter()
    extract_events(Document(text=hostile, places=[]))
    assert time.perf_counter() - t < 5


# --------------------------------------------------------------------------
# Travellers, labour actions, stated destinations: tests/articles/*.txt
# (all written for these tests). Assertions are about the general rules: stop
# order, modes, dates against the article date, who travels.
# --------------------------------------------------------------------------


def article(name: str) -> str:
    from tests.conftest import ROOT

    return (ROOT / "tests" / "articles" / name).read_text(encoding="utf-8")


def names_of(route: Route) -> list[str]:
    return [s.name for s in route.stops]


def place_names(doc: Document) -> set[str]:
    return {p.name for p in doc.places} | {m.text for p in doc.places for m in p.mentions}


LA_NAMES = {"Chilean": "Chile", "Santiago": "Santiago", "Antofagasta": "Antofagasta", "Calama": "Calama",
            "Bolivia": "Bolivia", "Potosí": "Potosí", "Oruro": "Oruro", "Peruvian": "Peru", "Lima": "Lima"}


def test_described_traveller_flies_then_travels_on() -> None:
    doc = make_doc(article("la.txt"), LA_NAMES, date="2024-04-12")
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Santiago", "Antofagasta", "Calama"]
    assert r.traveller == "The Chilean president"
    assert r.stops[1].mode == "plane" and r.stops[2].mode is None  # "travelled on to": not stated, carried
    assert r.legs[0].mode == "plane"
    assert not any(s.implied for s in r.stops)


def test_labour_strike_is_a_protest_and_places_are_never_actors() -> None:
    doc = make_doc(article("la.txt"), LA_NAMES, date="2024-04-12")
    events = extract_events(doc)
    at = _by_place(events, doc)
    assert [e.type for e in at["Potosí"]] == ["protest"] and [e.type for e in at["Oruro"]] == ["protest"]
    assert at["Potosí"][0].actors == ["miners"]
    assert not any(e.type == "military" for e in events)
    places = place_names(doc)
    assert not any(a in places for e in events for a in e.actors)
    assert at["Lima"][0].actors == ["the Peruvian government"]


@pytest.mark.parametrize("phrase", [
    "Teachers in Lima went on strike on Monday.",
    "Unions called a general strike in Lima on Monday.",
    "A strike by dock workers in Lima entered its third day on Monday.",
    "Two prisoners in Lima are on hunger strike.",
    "Striking miners marched in Lima on Monday.",
])
def test_labour_actions_are_protests_not_military(phrase: str) -> None:
    doc = make_doc(phrase, {"Lima": "Lima"})
    (e,) = extract_events(doc)
    assert e.type == "protest" and e.place_id == doc.places[0].id


def test_military_strike_stays_military() -> None:
    doc = make_doc("A drone strike hit a depot near Kharkiv on Monday.", {"Kharkiv": "Kharkiv"})
    assert [e.type for e in extract_events(doc)] == ["military"]


def test_described_traveller_has_a_home_country() -> None:
    text = ("The Chilean president flew to Lima on Monday for talks with her Peruvian counterpart. "
            "On Wednesday the president travelled on to Quito.")
    doc = make_doc(text, {"Chilean": "Chile", "Lima": "Lima", "Peruvian": "Peru", "Quito": "Quito"},
                   date="2024-04-12")
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Santiago", "Lima", "Quito"]  # "the president" is the same traveller
    assert r.stops[0].implied and "Chile" in r.stops[0].reason
    assert [s.date for s in r.stops] == [None, "2024-04-08", "2024-04-10"]


ME_NAMES = {"Amman": "Amman", "Baghdad": "Baghdad", "Jordan": "Jordan", "Iraq": "Iraq", "Ruwaished": "Ruwaished",
            "Ramadi": "Ramadi", "Fallujah": "Fallujah"}


def test_stated_destination_closes_the_narrated_route() -> None:
    doc = make_doc(article("me.txt"), ME_NAMES, date="2024-04-12")
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Amman", "Ruwaished", "Ramadi", "Al Fallūjah", "Baghdad"]
    assert [s.implied for s in r.stops] == [False, False, False, False, True]
    assert r.stops[-1].reason == "stated destination" and r.stops[-1].date is None
    assert r.stops[0].date == "2024-04-07"  # Sunday before Friday 12 April
    assert r.mode == "car" and r.traveller == "A convoy"  # "the trucks" are the convoy


def test_stated_destination_alone_reached_or_contradicted() -> None:
    names = {"Piraeus": "Piraeus", "Heraklion": "Heraklion", "Amman": "Amman", "Baghdad": "Baghdad",
             "Ruwaished": "Ruwaished"}
    alone = make_doc("The ferry left Piraeus for Heraklion on Monday.", names, date="2024-04-12")
    (r,) = extract_journeys(alone)
    assert names_of(r) == ["Piraeus", "Irákleion"] and r.stops[1].implied and r.mode == "ship"
    reached = make_doc("The ferry left Piraeus for Heraklion on Monday and arrived in Heraklion the next morning.",
                       names, date="2024-04-12")
    (r,) = extract_journeys(reached)
    assert names_of(r) == ["Piraeus", "Irákleion"] and not r.stops[1].implied
    assert r.stops[1].date == "2024-04-09"
    back = make_doc("A convoy left Amman for Baghdad on Sunday. Stopped at the border, the trucks drove to "
                    "Ruwaished and returned to Amman on Monday.", names, date="2024-04-12")
    (r,) = extract_journeys(back)
    assert names_of(r) == ["Amman", "Ruwaished", "Amman"]  # the return contradicts Baghdad


def test_minister_tour_by_plane_with_dates() -> None:
    names = {"German": "Germany", "Nairobi": "Nairobi", "Kenyan": "Kenya", "Addis Ababa": "Addis Ababa",
             "Berlin": "Berlin"}
    doc = make_doc(article("events_tour.txt"), names, date="2024-04-12")  # a Friday
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Berlin", "Nairobi", "Addis Ababa", "Berlin"]
    assert [s.implied for s in r.stops] == [True, False, False, False]
    assert [s.date for s in r.stops] == [None, "2024-04-08", "2024-04-09", "2024-04-11"]
    assert r.mode == "plane" and "Katrin Vogel" in (r.traveller or "")
    types = {(e.type, e.date) for e in extract_events(doc)}
    assert ("meeting", "2024-04-08") in types and ("arrival", "2024-04-11") in types


def test_migrant_journey_on_foot_by_road_and_by_sea() -> None:
    names = {"Agadez": "Agadez", "Sabha": "Sabha", "Zuwara": "Zuwara", "Lampedusa": "Lampedusa"}
    doc = make_doc(article("events_migrants.txt"), names, date="2024-04-14")  # a Sunday
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Agadez", "Sabha", "Zuwarah", "Lampedusa"]
    assert [leg.mode for leg in r.legs] == ["foot", "car", "ship"]
    assert r.stops[-1].date == "2024-04-13"
    assert "migrants" in (r.traveller or "")


def test_ship_voyage_between_ports() -> None:
    names = {"Rotterdam": "Rotterdam", "Algeciras": "Algeciras", "Genoa": "Genoa", "Piraeus": "Piraeus"}
    doc = make_doc(article("events_voyage.txt"), names, date="2024-04-12")
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Rotterdam", "Algeciras", "Genoa", "Piraeus"]
    assert r.mode == "ship" and r.traveller == "Baltic Dawn"
    assert (r.stops[0].date, r.stops[-1].date) == ("2024-04-02", "2024-04-10")


def test_hurricane_track() -> None:
    names = {"Tampico": "Tampico", "Monterrey": "Monterrey", "Texas": "Texas", "San Antonio": "San Antonio"}
    doc = make_doc(article("events_hurricane.txt"), names, date="2024-04-12")
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Tampico", "Monterrey", "Texas"]  # a forecast ("would spread to") is no stop
    assert r.stops[0].date == "2024-04-09" and r.stops[-1].date == "2024-04-10"
    assert r.mode is None and (r.traveller or "").startswith("Hurricane")
    assert any(e.type == "disaster" for e in extract_events(doc))


def test_team_away_trip_keeps_narrated_order() -> None:
    names = {"Brazilian": "Brazil", "São Paulo": "São Paulo", "Madrid": "Madrid", "Spain": "Spain",
             "Lisbon": "Lisbon", "Portugal": "Portugal"}
    doc = make_doc(article("events_team.txt"), names, date="2024-04-14")
    (r,) = extract_journeys(doc)
    # "where it faces Portugal on Saturday" dates the match, not the arrival: no reordering by it.
    assert names_of(r) == ["São Paulo", "Madrid", "Lisbon"]
    assert [leg.mode for leg in r.legs] == ["plane", "car"]
    assert r.stops[1].date == "2024-04-14" and r.stops[2].date is None
    assert "team" in (r.traveller or "")


def test_unrelated_travellers_get_separate_routes() -> None:
    names = {"Kenyan": "Kenya", "Kigali": "Kigali", "Tanzanian": "Tanzania", "Dar es Salaam": "Dar es Salaam",
             "Arusha": "Arusha", "Nairobi": "Nairobi"}
    doc = make_doc(article("events_two_travellers.txt"), names, date="2024-04-12")
    routes = {r.traveller: r for r in extract_journeys(doc)}
    assert len(routes) == 2
    kenyan = next(r for t, r in routes.items() if t and "Mwangi" in t)
    tanzanian = next(r for t, r in routes.items() if t and "Juma" in t)
    assert names_of(kenyan) == ["Nairobi", "Kigali", "Nairobi"] and kenyan.stops[0].implied
    assert kenyan.legs[0].mode == "plane" and kenyan.stops[-1].date == "2024-04-11"
    assert names_of(tanzanian) == ["Dar es Salaam", "Arusha"] and tanzanian.mode == "car"
    assert tanzanian.stops[1].date == "2024-04-10"


def test_lowercase_descriptions_group_by_role_and_class() -> None:
    text = ("The foreign minister flew from Rome to Cairo on Monday. Separately, a convoy of trucks left Aqaba "
            "for Amman. The minister then travelled on to Amman, and the trucks reached Amman on Tuesday.")
    names = {n: n for n in ("Rome", "Cairo", "Aqaba", "Amman")}
    doc = make_doc(text, names, date="2024-04-12")
    routes = extract_journeys(doc)
    assert sorted(names_of(r) for r in routes) == [["Aqaba", "Amman"], ["Rome", "Cairo", "Amman"]]
    convoy = next(r for r in routes if r.stops[0].name == "Aqaba")
    assert not convoy.stops[-1].implied  # stated, then reached
    assert convoy.mode == "car"


def test_own_articles_through_the_real_parser() -> None:
    parse = pytest.importorskip("geoviz.pipeline").parse
    doc = parse(article("la.txt"), date="2024-04-12")
    (r,) = extract_journeys(doc)
    assert names_of(r) == ["Santiago", "Antofagasta", "Calama"] and r.traveller == "The Chilean president"
    doc = parse(article("me.txt"), date="2024-04-12")
    (r,) = extract_journeys(doc)
    stops = names_of(r)
    assert stops[0] == "Amman" and stops[-1] == "Baghdad" and r.stops[-1].implied
    assert stops.index("Ruwaished") < stops.index("Ramadi")


def test_indefinite_descriptions_are_new_travellers() -> None:
    text = "A second convoy left Madrid for Lisbon on Monday, a day after a first convoy left Paris for Rome."
    doc = make_doc(text, {n: n for n in ("Madrid", "Lisbon", "Paris", "Rome")}, date="2024-04-12")
    routes = extract_journeys(doc)
    assert sorted(names_of(r) for r in routes) == [["Madrid", "Lisbon"], ["Paris", "Rome"]]
    assert all(r.stops[-1].implied and r.stops[-1].reason == "stated destination" for r in routes)


def test_coordinated_destinations_are_consecutive_stops_and_origins_are_not() -> None:
    text = ("Italian Prime Minister Giulia Conti flew to Paris on Monday. She then travelled to London and Madrid "
            "by train. Farmers from Lyon and Toulouse drove their tractors to Lille on Tuesday.")
    names = {"Italian": "Italy", **{n: n for n in ("Paris", "London", "Madrid", "Lyon", "Toulouse", "Lille")}}
    doc = make_doc(text, names, date="2024-04-12")
    routes = {names_of(r)[1]: r for r in extract_journeys(doc)}
    conti = routes["Paris"]
    assert names_of(conti) == ["Rome", "Paris", "London", "Madrid"] and conti.stops[0].implied
    assert [leg.mode for leg in conti.legs] == ["plane", "train", "train"]
    # Two starting points are parallel, not consecutive: no Lyon -> Toulouse leg.
    assert names_of(routes["Lille"]) == ["Lyon", "Lille"]


def test_presence_alone_is_no_journey() -> None:
    doc = make_doc("The minister was in Paris on Monday.", {"Paris": "Paris"}, date="2024-04-12")
    assert extract_journeys(doc) == []


# --------------------------------------------------------------------------
# Pinned outputs: events and journeys of every article in seeds/ and tests/articles/
# --------------------------------------------------------------------------

PINNED = Path(__file__).parent / "events_pinned.json"


def _pinned_articles() -> list[tuple[str, str | None]]:
    from tests.conftest import ROOT

    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
    # With and without an article date: relative dates ("on Tuesday") take both paths.
    return [(str(f.relative_to(ROOT)), date) for f in files for date in ("2024-04-12", None)]


def _pinned_doc(text: str, date: str | None, places: list[dict]) -> Document:
    return Document(text=text, date=date, places=[
        Place(id=p["id"], name=p["name"], lat=p["lat"], lon=p["lon"], kind=p["kind"], country=p["country"],
              confidence=p["confidence"], admin1=p["admin1"], metonym=p["metonym"],
              mentions=[Mention.from_dict(m) for m in p["mentions"]]) for p in places])


def _extract(doc: Document) -> dict:
    events = extract_events(doc)
    return {"events": [e.to_dict() for e in events], "routes": [r.to_dict() for r in extract_journeys(doc, events)]}


def write_pinned() -> None:
    """Regenerate the pins (``GEOVIZ_UPDATE_PINNED=1 pytest tests/test_events.py``) after a deliberate change.

    The places are stored with the outputs, so the pins test events and
    journeys alone, whatever recognition and resolution do to the same texts.
    """
    from geoviz.pipeline import parse
    from tests.conftest import ROOT

    out = []
    for name, date in _pinned_articles():
        text = (ROOT / name).read_text(encoding="utf-8")
        places = [{k: v for k, v in p.to_dict().items() if k not in ("alternatives", "reason")}
                  for p in parse(text, date=date).places]
        out.append({"article": name, "date": date, "places": places,
                    **_extract(_pinned_doc(text, date, places))})
    PINNED.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_pinned_events_and_journeys() -> None:
    """The speed work on events must not change what they find: outputs pinned on 30 article/date pairs."""
    from tests.conftest import ROOT

    if os.environ.get("GEOVIZ_UPDATE_PINNED"):
        write_pinned()
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert [(p["article"], p["date"]) for p in pinned] == _pinned_articles()
    assert sum(len(p["events"]) for p in pinned) > 50 and sum(len(p["routes"]) for p in pinned) > 5
    for p in pinned:
        text = (ROOT / p["article"]).read_text(encoding="utf-8")
        got = _extract(_pinned_doc(text, p["date"], p["places"]))
        assert got == {"events": p["events"], "routes": p["routes"]}, p["article"]
