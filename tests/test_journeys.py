"""Journeys: the seed, plus articles written for these tests (not real ones).

Assertions are about the general rules: stop order, modes, dates against the
article date, who travels.
"""

from __future__ import annotations

import pytest

from geoviz.geo.geodesy import split_antimeridian
from geoviz.model import Document
from tests.story_docs import ANTIMERIDIAN, LA_NAMES, article, by_place, events_of, make_doc, names_of, routes_of


def test_seed_journey(seed_doc: Document) -> None:
    routes = routes_of(seed_doc)
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


FLIGHTS = (
    "French foreign minister Marie Dubois flew from Paris to Nairobi on Monday for talks on regional security. "
    "After two days of meetings in Nairobi, she flew on to Johannesburg, where she met South African officials "
    "on Thursday."
)


def test_multi_leg_flights() -> None:
    doc = make_doc(FLIGHTS, {"French": "France", "Paris": "Paris", "Nairobi": "Nairobi",
                             "Johannesburg": "Johannesburg", "South African": "South Africa"}, date="2024-05-10")
    routes = routes_of(doc)
    assert len(routes) == 1
    r = routes[0]
    assert [s.name for s in r.stops] == ["Paris", "Nairobi", "Johannesburg"]
    assert not any(s.implied for s in r.stops)  # "from Paris" is stated: no implied origin
    assert r.mode == "plane" and r.traveller == "Marie Dubois"
    assert [round(leg.distance_km, -2) for leg in r.legs] == [6500, 2900]
    assert r.stops[1].date == "2024-05-06"  # Monday on or before Friday 10 May
    events = by_place(events_of(doc), doc)
    meeting = next(e for e in events["Johannesburg"] if e.type == "meeting")  # "..., where she met ..."
    assert meeting.date == "2024-05-09" and "Marie Dubois" in meeting.actors


def test_antimeridian_leg_is_unwrapped() -> None:
    doc = make_doc(ANTIMERIDIAN, {"Vladivostok": "Vladivostok", "Anchorage": "Anchorage"})
    (r,) = routes_of(doc)
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


def test_first_foreign_trip_invents_no_origin() -> None:
    text = "Kim Jong Un's visit to Russia, his first foreign trip in years, drew wide attention."
    doc = make_doc(text, {"Russia": "Russia"})
    assert routes_of(doc) == []  # one stated stop only; no leader-of phrase, so no home capital


def test_stated_departure_and_next_day_arrival() -> None:
    text = "The prime minister left Ottawa by plane on Monday and arrived in London the next day."
    doc = make_doc(text, {"Ottawa": "Ottawa", "London": "London"}, date="2024-06-07")
    (r,) = routes_of(doc)
    assert [s.name for s in r.stops] == ["Ottawa", "London"] and not r.stops[0].implied
    assert r.legs[0].mode == "plane"
    assert r.stops[1].date == "2024-06-04"  # day after Monday 3 June
    assert [e.type for e in events_of(doc)] == ["departure", "arrival"]


def test_implied_origin_is_a_general_rule() -> None:
    text = ("Brazil's president Ana Costa arrived in Lisbon by plane on Monday. She later travelled to Porto "
            "by train for a trade fair.")
    doc = make_doc(text, {"Brazil": "Brazil", "Lisbon": "Lisbon", "Porto": "Porto"})
    (r,) = routes_of(doc)
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
    types = [(e.type, e.date) for e in events_of(doc)]
    assert ("travel", "2024-09-17") in types and ("meeting", "2024-09-17") in types
    assert ("disaster", "2024-09-09") in types and ("travel", "2024-09-19") in types
    (r,) = routes_of(doc)
    # Home capital implied from "German Chancellor ...", then the stated stops; the flight closes the loop.
    assert [s.name for s in r.stops] == ["Berlin", "Warsaw", "Kraków", "Berlin"] and r.stops[0].implied
    assert [leg.mode for leg in r.legs] == [None, "car", "plane"]  # "drove" is Kraków's clause, not Warsaw's
    assert r.traveller == "Chancellor Olaf Weber"


def test_described_traveller_flies_then_travels_on() -> None:
    doc = make_doc(article("la.txt"), LA_NAMES, date="2024-04-12")
    (r,) = routes_of(doc)
    assert names_of(r) == ["Santiago", "Antofagasta", "Calama"]
    assert r.traveller == "The Chilean president"
    assert r.stops[1].mode == "plane" and r.stops[2].mode is None  # "travelled on to": not stated, carried
    assert r.legs[0].mode == "plane"
    assert not any(s.implied for s in r.stops)


def test_described_traveller_has_a_home_country() -> None:
    text = ("The Chilean president flew to Lima on Monday for talks with her Peruvian counterpart. "
            "On Wednesday the president travelled on to Quito.")
    doc = make_doc(text, {"Chilean": "Chile", "Lima": "Lima", "Peruvian": "Peru", "Quito": "Quito"},
                   date="2024-04-12")
    (r,) = routes_of(doc)
    assert names_of(r) == ["Santiago", "Lima", "Quito"]  # "the president" is the same traveller
    assert r.stops[0].implied and "Chile" in r.stops[0].reason
    assert [s.date for s in r.stops] == [None, "2024-04-08", "2024-04-10"]


ME_NAMES = {"Amman": "Amman", "Baghdad": "Baghdad", "Jordan": "Jordan", "Iraq": "Iraq", "Ruwaished": "Ruwaished",
            "Ramadi": "Ramadi", "Fallujah": "Fallujah"}


def test_stated_destination_closes_the_narrated_route() -> None:
    doc = make_doc(article("me.txt"), ME_NAMES, date="2024-04-12")
    (r,) = routes_of(doc)
    assert names_of(r) == ["Amman", "Ruwaished", "Ramadi", "Al Fallūjah", "Baghdad"]
    assert [s.implied for s in r.stops] == [False, False, False, False, True]
    assert r.stops[-1].reason == "stated destination" and r.stops[-1].date is None
    assert r.stops[0].date == "2024-04-07"  # Sunday before Friday 12 April
    assert r.mode == "car" and r.traveller == "A convoy"  # "the trucks" are the convoy


def test_stated_destination_alone_reached_or_contradicted() -> None:
    names = {"Piraeus": "Piraeus", "Heraklion": "Heraklion", "Amman": "Amman", "Baghdad": "Baghdad",
             "Ruwaished": "Ruwaished"}
    alone = make_doc("The ferry left Piraeus for Heraklion on Monday.", names, date="2024-04-12")
    (r,) = routes_of(alone)
    assert names_of(r) == ["Piraeus", "Irákleion"] and r.stops[1].implied and r.mode == "ship"
    reached = make_doc("The ferry left Piraeus for Heraklion on Monday and arrived in Heraklion the next morning.",
                       names, date="2024-04-12")
    (r,) = routes_of(reached)
    assert names_of(r) == ["Piraeus", "Irákleion"] and not r.stops[1].implied
    assert r.stops[1].date == "2024-04-09"
    back = make_doc("A convoy left Amman for Baghdad on Sunday. Stopped at the border, the trucks drove to "
                    "Ruwaished and returned to Amman on Monday.", names, date="2024-04-12")
    (r,) = routes_of(back)
    assert names_of(r) == ["Amman", "Ruwaished", "Amman"]  # the return contradicts Baghdad


def test_minister_tour_by_plane_with_dates() -> None:
    names = {"German": "Germany", "Nairobi": "Nairobi", "Kenyan": "Kenya", "Addis Ababa": "Addis Ababa",
             "Berlin": "Berlin"}
    doc = make_doc(article("events_tour.txt"), names, date="2024-04-12")  # a Friday
    (r,) = routes_of(doc)
    assert names_of(r) == ["Berlin", "Nairobi", "Addis Ababa", "Berlin"]
    assert [s.implied for s in r.stops] == [True, False, False, False]
    assert [s.date for s in r.stops] == [None, "2024-04-08", "2024-04-09", "2024-04-11"]
    assert r.mode == "plane" and "Katrin Vogel" in (r.traveller or "")
    types = {(e.type, e.date) for e in events_of(doc)}
    assert ("meeting", "2024-04-08") in types and ("arrival", "2024-04-11") in types


def test_migrant_journey_on_foot_by_road_and_by_sea() -> None:
    names = {"Agadez": "Agadez", "Sabha": "Sabha", "Zuwara": "Zuwara", "Lampedusa": "Lampedusa"}
    doc = make_doc(article("events_migrants.txt"), names, date="2024-04-14")  # a Sunday
    (r,) = routes_of(doc)
    assert names_of(r) == ["Agadez", "Sabha", "Zuwarah", "Lampedusa"]
    assert [leg.mode for leg in r.legs] == ["foot", "car", "ship"]
    assert r.stops[-1].date == "2024-04-13"
    assert "migrants" in (r.traveller or "")


def test_ship_voyage_between_ports() -> None:
    names = {"Rotterdam": "Rotterdam", "Algeciras": "Algeciras", "Genoa": "Genoa", "Piraeus": "Piraeus"}
    doc = make_doc(article("events_voyage.txt"), names, date="2024-04-12")
    (r,) = routes_of(doc)
    assert names_of(r) == ["Rotterdam", "Algeciras", "Genoa", "Piraeus"]
    assert r.mode == "ship" and r.traveller == "Baltic Dawn"
    assert (r.stops[0].date, r.stops[-1].date) == ("2024-04-02", "2024-04-10")


def test_hurricane_track() -> None:
    names = {"Tampico": "Tampico", "Monterrey": "Monterrey", "Texas": "Texas", "San Antonio": "San Antonio"}
    doc = make_doc(article("events_hurricane.txt"), names, date="2024-04-12")
    (r,) = routes_of(doc)
    assert names_of(r) == ["Tampico", "Monterrey", "Texas"]  # a forecast ("would spread to") is no stop
    assert r.stops[0].date == "2024-04-09" and r.stops[-1].date == "2024-04-10"
    assert r.mode is None and (r.traveller or "").startswith("Hurricane")
    assert any(e.type == "disaster" for e in events_of(doc))


def test_team_away_trip_keeps_narrated_order() -> None:
    names = {"Brazilian": "Brazil", "São Paulo": "São Paulo", "Madrid": "Madrid", "Spain": "Spain",
             "Lisbon": "Lisbon", "Portugal": "Portugal"}
    doc = make_doc(article("events_team.txt"), names, date="2024-04-14")
    (r,) = routes_of(doc)
    # "where it faces Portugal on Saturday" dates the match, not the arrival: no reordering by it.
    assert names_of(r) == ["São Paulo", "Madrid", "Lisbon"]
    assert [leg.mode for leg in r.legs] == ["plane", "bus"]  # "by coach": a bus (STORY-GOLD.md modes)
    assert r.stops[1].date == "2024-04-14" and r.stops[2].date is None
    assert "team" in (r.traveller or "")


def test_unrelated_travellers_get_separate_routes() -> None:
    names = {"Kenyan": "Kenya", "Kigali": "Kigali", "Tanzanian": "Tanzania", "Dar es Salaam": "Dar es Salaam",
             "Arusha": "Arusha", "Nairobi": "Nairobi"}
    doc = make_doc(article("events_two_travellers.txt"), names, date="2024-04-12")
    routes = {r.traveller: r for r in routes_of(doc)}
    assert len(routes) == 2
    kenyan = next(r for t, r in routes.items() if t and "Mwangi" in t)
    tanzanian = next(r for t, r in routes.items() if t and "Juma" in t)
    assert names_of(kenyan) == ["Nairobi", "Kigali", "Nairobi"] and kenyan.stops[0].implied
    assert kenyan.legs[0].mode == "plane" and kenyan.stops[-1].date == "2024-04-11"
    assert names_of(tanzanian) == ["Dar es Salaam", "Arusha"] and tanzanian.mode == "bus"
    assert tanzanian.stops[1].date == "2024-04-10"


def test_lowercase_descriptions_group_by_role_and_class() -> None:
    text = ("The foreign minister flew from Rome to Cairo on Monday. Separately, a convoy of trucks left Aqaba "
            "for Amman. The minister then travelled on to Amman, and the trucks reached Amman on Tuesday.")
    names = {n: n for n in ("Rome", "Cairo", "Aqaba", "Amman")}
    doc = make_doc(text, names, date="2024-04-12")
    routes = routes_of(doc)
    assert sorted(names_of(r) for r in routes) == [["Aqaba", "Amman"], ["Rome", "Cairo", "Amman"]]
    convoy = next(r for r in routes if r.stops[0].name == "Aqaba")
    assert not convoy.stops[-1].implied  # stated, then reached
    assert convoy.mode == "car"


def test_own_articles_through_the_real_parser() -> None:
    parse = pytest.importorskip("geoviz.pipeline").parse
    doc = parse(article("la.txt"), date="2024-04-12")
    (r,) = routes_of(doc)
    assert names_of(r) == ["Santiago", "Antofagasta", "Calama"] and r.traveller == "The Chilean president"
    doc = parse(article("me.txt"), date="2024-04-12")
    (r,) = routes_of(doc)
    stops = names_of(r)
    assert stops[0] == "Amman" and stops[-1] == "Baghdad" and r.stops[-1].implied
    assert stops.index("Ruwaished") < stops.index("Ramadi")


def test_indefinite_descriptions_are_new_travellers() -> None:
    text = "A second convoy left Madrid for Lisbon on Monday, a day after a first convoy left Paris for Rome."
    doc = make_doc(text, {n: n for n in ("Madrid", "Lisbon", "Paris", "Rome")}, date="2024-04-12")
    routes = routes_of(doc)
    assert sorted(names_of(r) for r in routes) == [["Madrid", "Lisbon"], ["Paris", "Rome"]]
    assert all(r.stops[-1].implied and r.stops[-1].reason == "stated destination" for r in routes)


def test_coordinated_destinations_are_consecutive_stops_and_origins_are_not() -> None:
    text = ("Italian Prime Minister Giulia Conti flew to Paris on Monday. She then travelled to London and Madrid "
            "by train. Farmers from Lyon and Toulouse drove their tractors to Lille on Tuesday.")
    names = {"Italian": "Italy", **{n: n for n in ("Paris", "London", "Madrid", "Lyon", "Toulouse", "Lille")}}
    doc = make_doc(text, names, date="2024-04-12")
    routes = {names_of(r)[1]: r for r in routes_of(doc)}
    conti = routes["Paris"]
    assert names_of(conti) == ["Rome", "Paris", "London", "Madrid"] and conti.stops[0].implied
    assert [leg.mode for leg in conti.legs] == ["plane", "train", "train"]
    # Two starting points are parallel, not consecutive: no Lyon -> Toulouse leg.
    assert names_of(routes["Lille"]) == ["Lyon", "Lille"]


def test_presence_alone_is_no_journey() -> None:
    doc = make_doc("The minister was in Paris on Monday.", {"Paris": "Paris"}, date="2024-04-12")
    assert routes_of(doc) == []


# --------------------------------------------------------------------------
# Forms real articles use (issue #16): short texts of our own, several regions
# --------------------------------------------------------------------------


def _route_names(text: str, names: dict[str, str]) -> list[list[str]]:
    return [names_of(r) for r in routes_of(make_doc(text, names))]


def test_descriptor_before_the_name() -> None:
    text = "The ferry sailed overnight from the Greek port of Piraeus to Heraklion, arriving at dawn."
    (r,) = routes_of(make_doc(text, {"Greek": "Greece", "Piraeus": "Piraeus", "Heraklion": "Heraklion"}))
    assert [s.span.text for s in r.stops if s.span] == ["Piraeus", "Heraklion"] and r.legs[0].mode == "ship"


def test_the_town_is_a_place_named_before() -> None:
    text = ("Nakuru has been cut off by floods for a week. On Monday a relief convoy drove from Nairobi to "
            "the town with food and medicine.")
    assert _route_names(text, {"Nakuru": "Nakuru", "Nairobi": "Nairobi"}) == [["Nairobi", "Nakuru"]]


def test_fronted_origin_continues_the_trip() -> None:
    text = ("The cyclist took the night train from Paris to Lyon on Friday. From Lyon she went on by bus to "
            "Grenoble.")
    (r,) = routes_of(make_doc(text, {"Paris": "Paris", "Lyon": "Lyon", "Grenoble": "Grenoble"}))
    assert names_of(r) == ["Paris", "Lyon", "Grenoble"]
    assert [leg.mode for leg in r.legs] == ["train", "bus"]


def test_apposition_after_the_capital() -> None:
    text = "The aid workers drove from the capital, Bamako, north to Gao over three days."
    assert _route_names(text, {"Bamako": "Bamako", "Gao": "Gao"}) == [["Bamako", "Gao"]]


def test_flown_to_a_hospital_in_a_town() -> None:
    text = ("A climber injured near Keswick was taken by road to Carlisle and then flown to a hospital in "
            "Newcastle upon Tyne.")
    (r,) = routes_of(make_doc(text, {"Keswick": "Keswick", "Carlisle": "Carlisle",
                                     "Newcastle upon Tyne": "Newcastle upon Tyne"}))
    assert names_of(r)[-2:] == ["Carlisle", "Newcastle upon Tyne"] and r.legs[-1].mode == "plane"


def test_one_traveller_two_trips_are_two_routes() -> None:
    text = ("In May the minister flew from Oslo to Rome for talks. In June the minister flew from Madrid to "
            "Lisbon.")
    got = _route_names(text, {"Oslo": "Oslo", "Rome": "Rome", "Madrid": "Madrid", "Lisbon": "Lisbon"})
    assert got == [["Oslo", "Rome"], ["Madrid", "Lisbon"]]  # never a Rome -> Madrid leg the text does not tell


def test_case_counts_in_several_countries_are_no_journey() -> None:
    text = ("Cholera cases rose in Malawi to 1,200 this week. Mozambique reported 300 cases and Zambia 80, "
            "the health agency said.")
    doc = make_doc(text, {"Malawi": "Malawi", "Mozambique": "Mozambique", "Zambia": "Zambia"})
    assert routes_of(doc) == []


def test_one_stop_movement_is_a_marker_not_a_line() -> None:
    text = "The Kenyan runner flew to Boston on Sunday ahead of the marathon."
    doc = make_doc(text, {"Kenyan": "Kenya", "Boston": "Boston"})
    assert [names_of(r) for r in routes_of(doc) if not r.stops[0].implied] == []
    assert any(e.type == "travel" for e in events_of(doc))


def test_travel_writing_vehicle_legs() -> None:
    text = "We took the overnight ferry from Split to Hvar, then a bus to Stari Grad."
    (r,) = routes_of(make_doc(text, {"Split": "Split", "Hvar": "Hvar", "Stari Grad": "Stari Grad"}))
    assert names_of(r) == ["Split", "Hvar", "Stari Grad"] and [leg.mode for leg in r.legs] == ["ship", "bus"]


def test_a_traveller_is_someone_not_a_street_or_an_acronym() -> None:
    # Labels seen on real routes (issue #16): a route may stand, but its label must name someone who moved.
    from geoviz.story.journeys import _is_traveller

    assert not any(_is_traveller(t) for t in ("CSTs", "Marshall Street", "Thomas.'Our"))
    assert all(_is_traveller(t) for t in ("Kay", "The crews", "the family", "US President Donald Trump"))


@pytest.mark.parametrize("text, names, stops", [
    # a possessive object, then the site's place: "left his church in ..."
    ("The pastor left his church in Kisumu on Sunday and flew to Eldoret.",
     {"Kisumu": "Kisumu", "Eldoret": "Eldoret"}, ["Kisumu", "Eldoret"]),
    # "move" with its object before a stated origin
    ("The firm had to move its workshop across the river from Porto to Braga last year.",
     {"Porto": "Porto", "Braga": "Braga"}, ["Porto", "Braga"]),
])
def test_object_between_movement_verb_and_its_places(text: str, names: dict[str, str], stops: list[str]) -> None:
    doc = make_doc(text, names)
    routes = routes_of(doc)
    assert [names_of(r) for r in routes] == [stops]


def test_a_state_gives_way_to_a_town_inside_it() -> None:
    # "to Queensland ... reached Townsville": one stop, the town, as a country gives way to its town.
    text = ("The couple drove from Adelaide to Queensland for a holiday. The car reached Townsville on Monday.")
    doc = make_doc(text, {"Adelaide": "Adelaide", "Queensland": "Queensland", "Townsville": "Townsville"})
    assert [names_of(r) for r in routes_of(doc)] == [["Adelaide", "Townsville"]]


@pytest.mark.parametrize("text, names, stops", [
    # "continued to" a named place carries the trip on (not "prices continued to rise")
    ("We caught the early ferry from Split to Hvar, and two days later continued to Korcula. "
     "Prices continued to rise in Dubrovnik.",
     {"Split": "Split", "Hvar": "Hvar", "Korcula": "Korcula", "Dubrovnik": "Dubrovnik"},
     ["Split", "Hvar", "Korčula"]),
    # "Our trip began in X": where the journey starts is its origin
    ("Our trip began in Lisbon. We drove south to Faro.",
     {"Lisbon": "Lisbon", "Faro": "Faro"}, ["Lisbon", "Faro"]),
    ("The journey started in Mombasa. The group took the train to Nairobi.",
     {"Mombasa": "Mombasa", "Nairobi": "Nairobi"}, ["Mombasa", "Nairobi"]),
])
def test_travel_writing_continuations_and_starts(text: str, names: dict[str, str], stops: list[str]) -> None:
    assert [names_of(r) for r in routes_of(make_doc(text, names))] == [stops]


def test_a_trip_nobody_takes_is_no_route() -> None:
    # A price comparison and a timetable are no journey; a definite trip with its travellers is one.
    text = ("It will cost more than a flight from Accra to Lagos. Each trip from Dover to Calais takes 90 "
            "minutes. The trip from Nairobi to Mombasa took the family two days.")
    names = {n: n for n in ("Accra", "Lagos", "Dover", "Calais", "Nairobi", "Mombasa")}
    assert [names_of(r) for r in routes_of(make_doc(text, names))] == [["Nairobi", "Mombasa"]]
