"""The "no trip told" rule is one rule for routes and for the map's movement markers (issue #16).

An intention, a condition, a fare, a kind of traveller or a spreading disease names no trip anyone made: no
route is drawn for it, and no arrival/departure/travel marker either (they used to disagree: the marker
stayed where the route had been dropped). Articles of our own, several regions.
"""

from __future__ import annotations

import pytest

from geoviz.model import MOVEMENT_TYPES
from tests.story_docs import events_of, make_doc, routes_of

UNTOLD = [
    ("The minister intends to travel to Nairobi next month, aides said.", {"Nairobi": "Nairobi"}),
    ("If they were deported to Kabul, the families would face danger.", {"Kabul": "Kabul"}),
    ("People travelling to Cirencester from Gloucester face delays this weekend.",
     {"Cirencester": "Cirencester", "Gloucester": "Gloucester"}),
    ("A round-trip fare of $205 from Lima to Cusco was announced by the airline.", {"Lima": "Lima", "Cusco": "Cusco"}),
    ("The outbreak moved from Kasese to Kampala within a week.", {"Kasese": "Kasese", "Kampala": "Kampala"}),
]

TOLD = [
    ("The minister travelled to Nairobi on Monday for the talks.", {"Nairobi": "Nairobi"}),
    ("The families were deported to Kabul last week.", {"Kabul": "Kabul"}),
]


@pytest.mark.parametrize(("text", "names"), UNTOLD, ids=[t[:30] for t, _ in UNTOLD])
def test_no_marker_and_no_route_for_a_trip_nobody_made(text: str, names: dict[str, str]) -> None:
    doc = make_doc(text, names)
    assert [e for e in events_of(doc) if e.type in MOVEMENT_TYPES] == []
    assert routes_of(doc) == []


@pytest.mark.parametrize(("text", "names"), TOLD, ids=[t[:30] for t, _ in TOLD])
def test_a_trip_made_keeps_its_marker(text: str, names: dict[str, str]) -> None:
    doc = make_doc(text, names)
    names_by_id = {p.id: p.name for p in doc.places}
    moves = [e for e in events_of(doc) if e.type in MOVEMENT_TYPES]
    assert [names_by_id[e.place_id] for e in moves] == list(names)[-1:]
