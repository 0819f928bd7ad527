"""Movement markers (issue #16, round 5): the arrival, departure and travel events the map marks.

A sending verb moves its object: "dispatched two envoys to the Ugandan capital Kampala" is a travel marker at
Kampala when the one sent is a mover (a person's or a group's head, a name, "him"), never a letter, money or a
bill. "came to this country from Poland", "moved here from Ohio": the deictic destination names no place, so the
origin is the marker (a departure). "went to work at a plant in X" is an idiom, no trip, and must not take the
place of an arrival told just before it. "made its way into X" is travel. Not markers: a trip told as not yet
possible after a wait ("it will be years before ..."), a route driven as a job ("drove the X Transit 9
route"), things "taken from" a place (stolen or removed), places visited in no stated order ("visited farmers
in A, B and C").
Articles of our own, from several regions and kinds of news.
"""

from __future__ import annotations

import pytest

from geoviz.model import MOVEMENT_TYPES, Document
from tests.story_docs import events_of, make_doc, routes_of


def _markers(doc: Document) -> list[tuple[str, str]]:
    """(type, place as written) of each movement event, in text order."""
    text = doc.text or ""
    by_id = {p.id: text[p.mentions[0].start:p.mentions[0].end] for p in doc.places}
    return [(e.type, by_id[e.place_id]) for e in events_of(doc) if e.type in MOVEMENT_TYPES]


SENT = [
    # diplomacy, East Africa: "the <adjective> capital X" is governed by the "to" before it
    ("Nairobi dispatched two senior envoys to the Ugandan capital Kampala on Monday to discuss the border dispute.",
     {"Nairobi": "Nairobi", "Kampala": "Kampala"}, [("travel", "Kampala")]),
    # peacekeeping, West Africa: a unit sent
    ("Ghana deployed 800 peacekeepers to Mali in 2014, the defence ministry said.",
     {"Ghana": "Ghana", "Mali": "Mali"}, [("travel", "Mali")]),
    # outbreak report, Central Africa: a team of experts
    ("The health ministry sent a team of epidemiologists and nurses to Mbandaka after the first cases were "
     "confirmed.", {"Mbandaka": "Mbandaka"}, [("travel", "Mbandaka")]),
    # a named minister between commas, Latin America
    ("Chile sent its foreign minister, Alberto Otarola, to Lima for the summit.",
     {"Chile": "Chile", "Lima": "Lima"}, [("travel", "Lima")]),
    # the passive: the subject is the one moved
    ("About 300 soldiers were deployed to Basra after the clashes, officials said.", {"Basra": "Basra"},
     [("travel", "Basra")]),
    # a title is a person: South Asia, diplomacy
    ("Pakistan sent its army chief to Beijing for talks on Monday.", {"Pakistan": "Pakistan", "Beijing": "Beijing"},
     [("travel", "Beijing")]),
    # a subject pronoun in the passive; samples are a shipment
    ("He was sent to Kabul in 2009 as a military adviser.", {"Kabul": "Kabul"}, [("travel", "Kabul")]),
    ("Blood samples from the patients were sent to Dakar for confirmation.", {"Dakar": "Dakar"},
     [("travel", "Dakar")]),
    # an army into a neighbouring country
    ("Vietnam first sent its troops into Cambodia in 1978.", {"Vietnam": "Vietnam", "Cambodia": "Cambodia"},
     [("travel", "Cambodia")]),
]

NOT_SENT = [
    # a letter, money, a bill: no one moves
    ("The mayor sent a letter to Ottawa asking for flood relief.", {"Ottawa": "Ottawa"}),
    ("Migrant workers send money to Kerala every month.", {"Kerala": "Kerala"}),
    ("The bill was sent to Canberra for approval.", {"Canberra": "Canberra"}),
    ("It was sent to Canberra for approval.", {"Canberra": "Canberra"}),
    ("The appeals court sent the case back to Nairobi for a retrial.", {"Nairobi": "Nairobi"}),
    ("India sent 5,000 doses of vaccine to Kathmandu on Friday.", {"India": "India", "Kathmandu": "Kathmandu"}),
    # a plan, not a sending
    ("The government plans to send troops to Haiti next year.", {"Haiti": "Haiti"}),
    # the place is where a school is, not where anyone is sent to
    ("Parents have the right to send their children to a school in Geneva.", {"Geneva": "Geneva"}),
]


@pytest.mark.parametrize(("text", "names", "markers"), SENT, ids=[t[:30] for t, _n, _m in SENT])
def test_a_sending_verb_moves_its_object(text: str, names: dict[str, str], markers: list[tuple[str, str]]) -> None:
    assert _markers(make_doc(text, names)) == markers


@pytest.mark.parametrize(("text", "names"), NOT_SENT, ids=[t[:30] for t, _n in NOT_SENT])
def test_sending_no_mover_is_no_marker(text: str, names: dict[str, str]) -> None:
    assert _markers(make_doc(text, names)) == []


HERE = [
    ("Her great-grandfather came to this country from Norway in 1887, the records show.", {"Norway": "Norway"},
     [("departure", "Norway")]),
    ("The Tran family moved here from Vietnam in 1979 and opened a bakery.", {"Vietnam": "Vietnam"},
     [("departure", "Vietnam")]),
    ("He came here from Lagos to study engineering.", {"Lagos": "Lagos"}, [("departure", "Lagos")]),
    # a named destination: the arrival stands, as before
    ("The coach came to Cairo from Tunis in 2019.", {"Cairo": "Cairo", "Tunis": "Tunis"}, [("arrival", "Cairo")]),
]

NOT_HERE = [
    # "here" with no origin named, and an origin of a person with no movement
    ("The festival came here in 2015 and has grown every year.", {}),
    ("She is from Manila and works here as a nurse.", {"Manila": "Manila"}),
    # no traveller: a custom, a recipe
    ("The custom came here from Ireland in the 1840s.", {"Ireland": "Ireland"}),
]


@pytest.mark.parametrize(("text", "names", "markers"), HERE, ids=[t[:30] for t, _n, _m in HERE])
def test_origin_of_a_move_to_here(text: str, names: dict[str, str], markers: list[tuple[str, str]]) -> None:
    assert _markers(make_doc(text, names)) == markers


@pytest.mark.parametrize(("text", "names"), NOT_HERE, ids=[t[:30] for t, _n in NOT_HERE])
def test_no_origin_no_here_marker(text: str, names: dict[str, str]) -> None:
    assert _markers(make_doc(text, names)) == []


IDIOM = [
    # the arrival in the country stays; the idiom's workplace is no trip
    ("Okafor came to Canada in 1998 and went to work on his first day at a warehouse in Winnipeg.",
     {"Canada": "Canada", "Winnipeg": "Winnipeg"}, [("arrival", "Canada")]),
    ("The two clans went to war in 2006 over grazing land near Baidoa.", {"Baidoa": "Baidoa"}, []),
    ("Her landlord went to court in Durban to have her evicted.", {"Durban": "Durban"}, []),
    # a real trip with "went" stays
    ("The minister went to Brussels on Tuesday for the talks.", {"Brussels": "Brussels"}, [("travel", "Brussels")]),
]


@pytest.mark.parametrize(("text", "names", "markers"), IDIOM, ids=[t[:30] for t, _n, _m in IDIOM])
def test_went_to_work_is_no_trip(text: str, names: dict[str, str], markers: list[tuple[str, str]]) -> None:
    assert _markers(make_doc(text, names)) == markers


WAY = [
    ("The team bus made its way into Turin under a police escort on Wednesday evening.", {"Turin": "Turin"},
     [("travel", "Turin")]),
    ("A convoy of aid lorries was making its way to Aleppo on Sunday.", {"Aleppo": "Aleppo"},
     [("travel", "Aleppo")]),
    ("The squad will make their way to Auckland on Friday for the final.", {"Auckland": "Auckland"},
     [("travel", "Auckland")]),
    # an outbreak that "made its way" spreads: no traveller
    ("An outbreak of confirmed cases of measles has made its way to Ohio.", {"Ohio": "Ohio"}, []),
]


@pytest.mark.parametrize(("text", "names", "markers"), WAY, ids=[t[:30] for t, _n, _m in WAY])
def test_made_its_way(text: str, names: dict[str, str], markers: list[tuple[str, str]]) -> None:
    assert _markers(make_doc(text, names)) == markers


NOT_MARKERS = [
    # a trip still to come after a wait
    ("It will take another three years before the journey to Mombasa is made without a change at Voi.",
     {"Mombasa": "Mombasa", "Voi": "Voi"}),
    ("It could be months until flights to Kabul resume, the airline said.", {"Kabul": "Kabul"}),
    # a route driven as a job
    ("Kowalski drove the Leeds City Transit 12 route for the last time on Friday.", {"Leeds": "Leeds"}),
    ("For 20 years she drove the Halifax school bus run every morning.", {"Halifax": "Halifax"}),
    # things taken from a place: a theft, no trip
    ("Two generators were taken from a building site in Gloucester overnight, police said.",
     {"Gloucester": "Gloucester"}),
    ("Copper cable was taken from a substation at Randburg on Sunday.", {"Randburg": "Randburg"}),
    # places visited in no stated order (a name the geoparser missed counts too)
    ("The candidates visited farmers in Fresno, Modesto and Merced last week.",
     {"Fresno": "Fresno", "Modesto": "Modesto"}),
    ("The delegation toured Ghana, Togo and Benin in March.", {"Ghana": "Ghana", "Togo": "Togo", "Benin": "Benin"}),
]


@pytest.mark.parametrize(("text", "names"), NOT_MARKERS, ids=[t[:30] for t, _n in NOT_MARKERS])
def test_no_trip_no_marker(text: str, names: dict[str, str]) -> None:
    doc = make_doc(text, names)
    assert _markers(doc) == []
    assert routes_of(doc) == []


STILL_MARKERS = [
    # people taken from one place to another do travel
    ("Four injured miners were taken from Rustenburg to Johannesburg by helicopter.",
     {"Rustenburg": "Rustenburg", "Johannesburg": "Johannesburg"}),
    # a single visit is a trip there
    ("The prime minister visited farmers in Fresno on Monday.", {"Fresno": "Fresno"}),
    # a visit, then a name that starts a clause of its own: no list
    ("The president visited Kenya and President Ruto praised the trade deal.", {"Kenya": "Kenya"}),
    # a trip that will be made, with no wait told
    ("The president will fly to Jakarta next week.", {"Jakarta": "Jakarta"}),
    # a place driven to, not a route's name
    ("She drove to Halifax on Sunday.", {"Halifax": "Halifax"}),
]


@pytest.mark.parametrize(("text", "names"), STILL_MARKERS, ids=[t[:30] for t, _n in STILL_MARKERS])
def test_real_trips_keep_their_marker(text: str, names: dict[str, str]) -> None:
    doc = make_doc(text, names)
    assert _markers(doc) or routes_of(doc)


# A vehicle taken is a trip for the markers too, with every one-word vehicle of the mode lists (reading and
# journeys share one list): not only "train", "bus" or "ferry".
VEHICLES = [
    # travel writing, South Asia
    ("After breakfast we took a tuk-tuk to Galle, an hour along the coast road.", {"Galle": "Galle"},
     [("travel", "Galle")]),
    # travel writing, the Adriatic
    ("Next morning she caught the catamaran to Hvar with two friends.", {"Hvar": "Hvar"}, [("travel", "Hvar")]),
    # aid news, Central Asia
    ("The nurses boarded a marshrutka to Osh before the roads closed.", {"Osh": "Osh"}, [("travel", "Osh")]),
]
NOT_VEHICLES = [
    # the vehicle names another thing
    ("He took the bus timetable to Arusha to show the committee.", {"Arusha": "Arusha"}),
]


@pytest.mark.parametrize(("text", "names", "markers"), VEHICLES, ids=[t[:30] for t, _n, _m in VEHICLES])
def test_a_vehicle_taken_marks_the_trip(text: str, names: dict[str, str], markers: list[tuple[str, str]]) -> None:
    assert _markers(make_doc(text, names)) == markers


@pytest.mark.parametrize(("text", "names"), NOT_VEHICLES, ids=[t[:30] for t, _n in NOT_VEHICLES])
def test_a_vehicle_naming_another_thing_marks_nothing(text: str, names: dict[str, str]) -> None:
    assert _markers(make_doc(text, names)) == []
