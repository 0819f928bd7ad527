"""Origins told by another verb or another event (issue #16, round 4).

"abducted her from a mall in Leeds in May and drove her to Bradford": the clause cut at "and" split the
movement from its origin; the "from" place of the verb coordinated just before is where the drive set out.
"A gunman opened fire at a market in Kaduna ... The wounded were taken to a hospital in Zaria": one taken to
care set out from where the shooting, crash or blaze told last happened. "came to Cairo six years ago" is an
arrival; "came to the attention of the Nairobi police", "Lima came to the talks" name no arrival's place. "an
official visit to Vienna" is a meeting there and a trip there; "lifted off from Kourou" a launch there and a
departure from there.
Articles of our own, several regions.
"""

from __future__ import annotations

import pytest

from geoviz.model import MOVEMENT_TYPES
from tests.story_docs import events_of, make_doc, routes_of

ROUTES = [
    ("Police said two men abducted a nurse from a shopping centre in Leeds in May and drove her to a petrol "
     "station in Bradford, where they used her bank card.",
     {"Leeds": "Leeds", "Bradford": "Bradford"}, ["Leeds", "Bradford"]),
    ("Officers said the gang kidnapped the businessman from Mombasa on Friday and drove him to Nairobi.",
     {"Mombasa": "Mombasa", "Nairobi": "Nairobi"}, ["Mombasa", "Nairobi"]),
    ("A gunman opened fire at a market in Kaduna on Sunday, killing four people. The wounded were taken to a "
     "hospital in Zaria, police said.",
     {"Kaduna": "Kaduna", "Zaria": "Zaria"}, ["Kaduna", "Zaria"]),
    ("A bus collided with a lorry near Cuenca on Tuesday. The injured driver was airlifted to a trauma centre "
     "in Quito.",
     {"Cuenca": "Cuenca", "Quito": "Quito"}, ["Cuenca", "Quito"]),
    ("Her grandfather came to Canada from Poland in 1952, the family said.",
     {"Canada": "Canada", "Poland": "Poland"}, ["Poland", "Canada"]),
]

NO_ROUTE = [
    # the "from" place is not the end of the coordinated clause: no origin for the move
    ("She graduated from Harvard, worked for years in banking and moved to Denver.",
     {"Harvard": "Harvard", "Denver": "Denver"}),
    # a trip to a care site with no happening told before it: nothing to set out from
    ("The minister was taken to a hospital in Lahore for tests, his office said.", {"Lahore": "Lahore"}),
    # not a care site: the crash's place is no origin of a trip told later
    ("A car crashed into a wall in Perth on Monday. The premier flew to Darwin on Friday.",
     {"Perth": "Perth", "Darwin": "Darwin"}),
]


@pytest.mark.parametrize(("text", "names", "stops"), ROUTES, ids=[t[:30] for t, _n, _s in ROUTES])
def test_origin_from_another_verb_or_event(text: str, names: dict[str, str], stops: list[str]) -> None:
    doc = make_doc(text, names)
    routes = routes_of(doc)
    assert [[text[s.span.start:s.span.end] for s in r.stops] for r in routes] == [stops]


@pytest.mark.parametrize(("text", "names"), NO_ROUTE, ids=[t[:30] for t, _n in NO_ROUTE])
def test_no_origin_is_borrowed(text: str, names: dict[str, str]) -> None:
    assert routes_of(make_doc(text, names)) == []


ARRIVALS = [
    ("The coach, a former midfielder, came to Cairo six years ago to run the academy.", {"Cairo": "Cairo"}, ["Cairo"]),
    ("The case first came to the attention of the Nairobi police in July.", {"Nairobi": "Nairobi"}, []),
    ("Lima came to the talks with a new offer, the minister said.", {"Lima": "Lima"}, []),
    # a visit named as a meeting ("official visit", "state visit") is a trip to the place it goes to
    ("The president is to make an official visit to Vienna on Monday, his office said.", {"Vienna": "Vienna"},
     ["Vienna"]),
    ("The king began a state visit to Jakarta on Tuesday.", {"Jakarta": "Jakarta"}, ["Jakarta"]),
    ("The state visit in Seoul ended on Tuesday with a banquet.", {"Seoul": "Seoul"}, []),
    # a launch is also a departure from where it lifts off, not from where it flies over
    ("The rocket lifted off on schedule from Kourou in French Guiana at dawn.", {"Kourou": "Kourou"}, ["Kourou"]),
    ("The balloon lifted off over Albuquerque at sunrise.", {"Albuquerque": "Albuquerque"}, []),
]


@pytest.mark.parametrize(("text", "names", "where"), ARRIVALS, ids=[t[:30] for t, _n, _w in ARRIVALS])
def test_came_to_names_its_place_after_it(text: str, names: dict[str, str], where: list[str]) -> None:
    doc = make_doc(text, names)
    names_by_id = {p.id: text[m.start:m.end] for p in doc.places for m in p.mentions}
    assert [names_by_id[e.place_id] for e in events_of(doc) if e.type in MOVEMENT_TYPES] == where
