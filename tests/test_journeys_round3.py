"""Trips told as things, not as anyone's, make neither a route nor a movement marker (issue #16, round 3).

"The four-hour trip from Hanoi to Hue includes a stop in Vinh" is a timetable; "more than a flight from Quito
to Lima" a comparison. The routes already dropped such trips; the map's movement markers now follow the same
rule (they used to put a marker on the timetable's destination). So does an obligation in the present ("patients
have to travel to Nairobi for dialysis") and a plan told in the past ("the coffee was scheduled to be shipped to
Mombasa"): no one's trip is told. A stated future ("is scheduled to arrive in Goma") still is.
Articles of our own, several regions.
"""

from __future__ import annotations

import pytest

from geoviz.model import MOVEMENT_TYPES
from tests.story_docs import events_of, make_doc, routes_of

UNTOLD = [
    ("The four-hour trip from Hanoi to Hue includes a stop in Vinh, the railway says.",
     {"Hanoi": "Hanoi", "Hue": "Hue", "Vinh": "Vinh"}),
    ("The crossing from Dover to Calais takes about ninety minutes in good weather.",
     {"Dover": "Dover", "Calais": "Calais"}),
    ("Tickets will cost about $30 more than a flight from Quito to Lima, the agency said.",
     {"Quito": "Quito", "Lima": "Lima"}),
    ("The bus fare is cheaper than flying to Nairobi, commuters in Kisumu say.",
     {"Nairobi": "Nairobi", "Kisumu": "Kisumu"}),
    # an obligation in the present: what anyone would have to do, not a trip made
    ("Patients in Garissa have to travel to Nairobi for dialysis, doctors said.",
     {"Garissa": "Garissa", "Nairobi": "Nairobi"}),
    ("Islanders needing surgery must fly to Suva, the health ministry said.", {"Suva": "Suva"}),
    # a plan told in the past, with no word that it was carried out
    ("The coffee, which was scheduled to be shipped to Mombasa, was stolen from a depot near Kampala.",
     {"Mombasa": "Mombasa", "Kampala": "Kampala"}),
    ("The delegates were supposed to fly to Dhaka on Monday, the organisers said.", {"Dhaka": "Dhaka"}),
]

TOLD = [
    ("The family made the trip from Hanoi to Hue on Sunday.", {"Hanoi": "Hanoi", "Hue": "Hue"}),
    ("The minister took a flight from Quito to Lima on Tuesday for the summit.", {"Quito": "Quito", "Lima": "Lima"}),
    ("She had to travel to Manila for the funeral last week, her brother said.", {"Manila": "Manila"}),
    ("The convoy is scheduled to arrive in Goma on Friday, the agency said.", {"Goma": "Goma"}),
    ("Rescuers flew to Kathmandu on Monday, more than a day after the quake.", {"Kathmandu": "Kathmandu"}),
]


@pytest.mark.parametrize(("text", "names"), UNTOLD, ids=[t[:30] for t, _ in UNTOLD])
def test_no_trip_told_makes_no_marker_and_no_route(text: str, names: dict[str, str]) -> None:
    doc = make_doc(text, names)
    names_by_id = {p.id: text[m.start:m.end] for p in doc.places for m in p.mentions}
    assert [names_by_id[e.place_id] for e in events_of(doc) if e.type in MOVEMENT_TYPES] == []
    assert routes_of(doc) == []


@pytest.mark.parametrize(("text", "names"), TOLD, ids=[t[:30] for t, _ in TOLD])
def test_a_trip_someone_made_keeps_its_marker(text: str, names: dict[str, str]) -> None:
    doc = make_doc(text, names)
    names_by_id = {p.id: text[m.start:m.end] for p in doc.places for m in p.mentions}
    moves = [names_by_id[e.place_id] for e in events_of(doc) if e.type in MOVEMENT_TYPES]
    assert list(names)[-1] in moves
