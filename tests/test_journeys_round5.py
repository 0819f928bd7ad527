"""Journey legs on real news, round 5 (issue #16): classes of movement the routes missed.

1. a chain of relocations: "They moved to A, before switching to B, and then finally a farmhouse in C", from
   where they lived ("Their first home was a flat in D"), even when that home is told after an earlier trip;
2. a custody transfer: "is being held in the county jail in A ... and will be returned to B";
3. "left his church in A with the blessing of ... to bring the message to B";
4. "abducted her from a hotel in A and drove her to B": the earlier verb's "from" starts the movement;
5. parallel travellers: "One bus left the camp ... en route to P. Others are set to carry the families to M.";
6. a chase: "a car chase that began in A ... The driver was caught in the area of B".
And two names joined by a slash ("moved to the Ikeja/Lagos area") are one stop.
Articles of our own, from several regions and kinds of news; each class with what must not become a route.
"""

from __future__ import annotations

import pytest

from tests.story_docs import make_doc, routes_of


def _routes(text: str, *names: str) -> list[list[str]]:
    """The routes' stops, as the text names them ('*' marks a stop the text only states as a goal)."""
    doc = make_doc(text, {n: n for n in names})
    return [[text[s.span.start:s.span.end] + ("*" if s.implied else "") for s in r.stops] for r in routes_of(doc)]


# --------------------------------------------------------------------------
# 1. A chain of relocations
# --------------------------------------------------------------------------

CHAINS = [
    # Local news (England): a couple's homes in order, from their first.
    ("Their first home together was a small flat in Leeds. They moved to Bradford, before switching to Halifax, "
     "and then finally a farmhouse in Skipton where they have lived since 1990.",
     ("Leeds", "Bradford", "Halifax", "Skipton"), [["Leeds", "Bradford", "Halifax", "Skipton"]]),
    # The first move's place unknown to the map: the chain still runs from the home to the later moves.
    ("Their first home was a rented house in Leeds. They moved to Thornbury, before switching to Halifax, and then "
     "finally a cottage in Skipton.",
     ("Leeds", "Halifax", "Skipton"), [["Leeds", "Halifax", "Skipton"]]),
    # Travel writing (East Africa): "then on to", "and finally to".
    ("She flew to Nairobi on Monday, then on to Kampala by bus, and finally to Kigali.",
     ("Nairobi", "Kampala", "Kigali"), [["Nairobi", "Kampala", "Kigali"]]),
    # Travel writing (Caucasus, Morocco, West Africa): a vehicle, a direction, a bare name after "then".
    ("From Tbilisi we took the night train to Batumi, and then a minibus on to Kutaisi.",
     ("Tbilisi", "Batumi", "Kutaisi"), [["Tbilisi", "Batumi", "Kutaisi"]]),
    ("We left Marrakech early and drove over the mountains to Ouarzazate, then south to Zagora.",
     ("Marrakech", "Ouarzazate", "Zagora"), [["Marrakech", "Ouarzazate", "Zagora"]]),
    ("The president began his tour in Dakar before moving on to Bamako, then Niamey.",
     ("Dakar", "Bamako", "Niamey"), [["Dakar", "Bamako", "Niamey"]]),
    # Outbreak report: an arrival's next place told with "then in".
    ("The WHO team arrived in Kinshasa, then in Mbandaka, where cases were rising.",
     ("Kinshasa", "Mbandaka"), [["Kinshasa", "Mbandaka"]]),
    # Migrants: a flight to a country, then on to another.
    ("The family fled to Chad, then later Cameroon, aid agencies said.", ("Chad", "Cameroon"),
     [["Chad", "Cameroon"]]),
    # Music tour: bare names after "then" and "finally".
    ("The tour arrived in Edinburgh on Friday, then Glasgow on Saturday, and finally Aberdeen.",
     ("Edinburgh", "Glasgow", "Aberdeen"), [["Edinburgh", "Glasgow", "Aberdeen"]]),
    # France: a lived-in place, then the chain.
    ("After the wedding the couple lived in Lyon. They moved to Grenoble in 1985, before settling in Annecy.",
     ("Lyon", "Grenoble", "Annecy"), [["Lyon", "Grenoble", "Annecy"]]),
]


@pytest.mark.parametrize(("text", "names", "want"), CHAINS, ids=[c[0][:30] for c in CHAINS])
def test_a_chain_of_relocations_is_one_route_in_order(text: str, names: tuple[str, ...],
                                                      want: list[list[str]]) -> None:
    assert _routes(text, *names) == want


def test_a_home_told_after_a_trip_starts_the_next_move() -> None:
    # The honeymoon ended at the coast; the first home, told after it, is where the moves start (no leg from the
    # coast to the new town).
    text = ("The pair married at a chapel in Ossett in 1961 before heading on their honeymoon to Scarborough. Their "
            "first home together was a small flat in Leeds. They moved to Bradford, before switching to Halifax.")
    assert _routes(text, "Ossett", "Scarborough", "Leeds", "Bradford", "Halifax") == [
        ["Ossett", "Scarborough"], ["Leeds", "Bradford", "Halifax"]]


RESTARTS_NOT = [
    # where someone was born or grew up is before any trip: the return ends the trip under way
    ("The president flew to Nairobi on Monday for talks. He was born in Kisumu in 1961. He returned to Nairobi on "
     "Friday after a tour of the coast.", ("Nairobi", "Kisumu")),
    ("The striker flew to Madrid on Monday. He grew up in Seville. He later returned to Madrid for the final.",
     ("Madrid", "Seville")),
    # "held" for a meeting keeps no one there
    ("The president flew to Nairobi on Monday. A summit was held in Kampala on Wednesday. He returned to Nairobi "
     "on Friday.", ("Nairobi", "Kampala")),
]


@pytest.mark.parametrize(("text", "names"), RESTARTS_NOT, ids=[c[0][:30] for c in RESTARTS_NOT])
def test_a_stay_before_any_trip_does_not_start_a_new_one(text: str, names: tuple[str, ...]) -> None:
    assert _routes(text, *names) == []


def test_a_custody_told_after_a_trip_starts_the_transfer() -> None:
    text = ("Ortiz flew to Denver in May. He is being held in the county jail in Fresno on a probation violation and "
            "will be returned to Tucson.")
    assert _routes(text, "Denver", "Fresno", "Tucson") == [["Fresno", "Tucson"]]


def test_a_home_told_before_the_trip_does_not_restart_it() -> None:
    # Where she grew up is told first: the later move continues the trip under way.
    text = ("She grew up in Aleppo. In 2015 the family fled to Turkey, and a year later they moved to Berlin, "
            "before switching to Hamburg.")
    assert _routes(text, "Aleppo", "Turkey", "Berlin", "Hamburg") == [["Aleppo", "Turkey", "Berlin", "Hamburg"]]


NOT_CHAINS = [
    # an event there, not a move
    ("He flew to Geneva on Monday, before a concert in Bern.", ("Geneva", "Bern")),
    # the place is where something else happens
    ("He moved to Leeds in 2001, and later his business in Bradford grew.", ("Leeds", "Bradford")),
    # sport: a country named as a team is no stop
    ("The team travelled to Madrid, before losing to Portugal.", ("Madrid", "Portugal")),
    # what was left may be a list: "left X, then Y" is no chain
    ("He left Lyon, then Grenoble, after the season.", ("Lyon", "Grenoble")),
    # a place's later name, not a next stop
    ("The party travelled to Kamloops, at the fork (later Vernon), and rested.", ("Kamloops", "Vernon")),
    # "home" only as the subject of "was": a home race is no residence
    ("Evans won his home race at Silverstone in May. He moved to Monaco in June.", ("Silverstone", "Monaco")),
]


@pytest.mark.parametrize(("text", "names"), NOT_CHAINS, ids=[c[0][:30] for c in NOT_CHAINS])
def test_what_follows_a_move_is_not_always_a_stop(text: str, names: tuple[str, ...]) -> None:
    assert _routes(text, *names) == []


def test_names_joined_by_a_slash_are_one_stop() -> None:
    # Local news (Nigeria): the move's place is the second of the pair, the first unknown to the map.
    text = ("Okafor used to have a comfortable life in Kano. He lost his job last year. Eventually, Okafor moved to "
            "the Surulere/Ikeja area, but the work never came.")
    assert _routes(text, "Kano", "Ikeja") == [["Kano", "Ikeja"]]
    # both known: one stop, not a leg between them
    text = "The family lived in Winnipeg for a decade before they relocated to the Minneapolis/St. Paul region."
    assert _routes(text, "Winnipeg", "Minneapolis", "St. Paul") == [["Winnipeg", "Minneapolis"]]


# --------------------------------------------------------------------------
# 2. Custody transfer; 3. left a possession in A to bring something to B
# --------------------------------------------------------------------------

CUSTODY = [
    ("Ortiz, 29, is being held in the county jail in Fresno on a probation violation and will be returned to "
     "Tucson, officials said.", ("Fresno", "Tucson"), [["Fresno", "Tucson"]]),
    ("Okoye is being held in a prison in Lagos and will be extradited to London next month, his lawyer said.",
     ("Lagos", "London"), [["Lagos", "London"]]),
    ("The imam said he left his mosque in Leicester with the support of his community to take the appeal to "
     "Bradford.", ("Leicester", "Bradford"), [["Leicester", "Bradford"]]),
    ("The coach left her club in Lyon with the blessing of the board to bring her methods to Marseille.",
     ("Lyon", "Marseille"), [["Lyon", "Marseille"]]),
]


@pytest.mark.parametrize(("text", "names", "want"), CUSTODY, ids=[c[0][:30] for c in CUSTODY])
def test_held_or_left_in_a_then_moved_to_b(text: str, names: tuple[str, ...], want: list[list[str]]) -> None:
    assert _routes(text, *names) == want


NOT_CUSTODY = [
    # held there once, lives elsewhere now: no move told
    ("Ortiz was held in Fresno for two days in 2019. He now works in Tucson.", ("Fresno", "Tucson")),
    # held, then a court date: no second place
    ("The suspect is being held in Fresno and will appear in court on Monday.", ("Fresno",)),
    # left a job somewhere, for no named place
    ("She left her job in Lyon to care for her mother.", ("Lyon",)),
]


@pytest.mark.parametrize(("text", "names"), NOT_CUSTODY, ids=[c[0][:30] for c in NOT_CUSTODY])
def test_held_or_left_alone_is_no_route(text: str, names: tuple[str, ...]) -> None:
    assert _routes(text, *names) == []


# --------------------------------------------------------------------------
# 4. An earlier verb's "from" starts the movement
# --------------------------------------------------------------------------


def test_abducted_from_a_site_then_driven_away() -> None:
    text = ("Gunmen kidnapped the engineer from a hotel in Port Harcourt on Sunday and drove him to a camp in "
            "Owerri, police said.")
    assert _routes(text, "Port Harcourt", "Owerri") == [["Port Harcourt", "Owerri"]]


def test_abducted_and_found_in_the_same_town_is_no_route() -> None:
    text = "The men abducted the boy from a school in Kano and police later found him in a house in Kano."
    assert _routes(text, "Kano") == []


# --------------------------------------------------------------------------
# 5. Parallel travellers
# --------------------------------------------------------------------------

PARALLEL = [
    # Migrants (Mexico): the others leave the same camp for another city.
    ("Hundreds of migrants have camped at a sports ground in Tapachula. One bus left the camp before dawn en route "
     "to Oaxaca. Others are set to carry the families to Veracruz.",
     ("Tapachula", "Oaxaca", "Veracruz"), [["Tapachula", "Oaxaca"], ["Tapachula", "Veracruz"]]),
    # Aid (Middle East): "Another convoy" is a new traveller, not the first convoy's next stop.
    ("One aid convoy left Amman for Baghdad on Monday. Another convoy will travel to Mosul on Thursday.",
     ("Amman", "Baghdad", "Mosul"), [["Amman", "Baghdad*"], ["Amman", "Mosul"]]),
]


@pytest.mark.parametrize(("text", "names", "want"), PARALLEL, ids=[c[0][:30] for c in PARALLEL])
def test_the_rest_of_a_set_starts_where_the_one_did(text: str, names: tuple[str, ...],
                                                   want: list[list[str]]) -> None:
    assert _routes(text, *names) == want


NOT_PARALLEL = [
    # a possibility, not a trip
    ("One plane took off from Goma on Monday and landed in Kinshasa. Others may fly to Kisangani if the weather "
     "clears.", ("Goma", "Kinshasa", "Kisangani")),
    # the rest stayed
    ("One ferry sailed from Piraeus to Heraklion on Friday. The rest stayed in Piraeus because of the storm.",
     ("Piraeus", "Heraklion")),
    # people of a set may each set out from anywhere: no origin borrowed
    ("One of the suspects fled from Kano to Abuja on Tuesday. Another fled to Lagos.",
     ("Kano", "Abuja", "Lagos")),
    ("One patient was flown from Kandahar to Kabul on Monday. Others travelled to Herat.",
     ("Kandahar", "Kabul", "Herat")),
    # not one of a set: "others" are someone else with no origin told
    ("The minister flew from Lima to Cusco on Monday. Others travelled to Arequipa.", ("Lima", "Cusco", "Arequipa")),
]


@pytest.mark.parametrize(("text", "names"), NOT_PARALLEL, ids=[c[0][:30] for c in NOT_PARALLEL])
def test_no_parallel_trip_without_one_of_a_set_moving(text: str, names: tuple[str, ...]) -> None:
    routes = _routes(text, *names)
    assert len(routes) == 1 and len(routes[0]) == 2


# --------------------------------------------------------------------------
# 6. A chase
# --------------------------------------------------------------------------

CHASES = [
    ("Officers said a car chase began in Leicester on Sunday night. The driver was caught in the area of "
     "Loughborough an hour later.", ("Leicester", "Loughborough"), [["Leicester", "Loughborough"]]),
    ("A police chase that started in Fresno ended in Modesto after the driver ran out of fuel.",
     ("Fresno", "Modesto"), [["Fresno", "Modesto"]]),
]


@pytest.mark.parametrize(("text", "names", "want"), CHASES, ids=[c[0][:30] for c in CHASES])
def test_a_chase_runs_from_where_it_began_to_where_it_ended(text: str, names: tuple[str, ...],
                                                           want: list[list[str]]) -> None:
    assert _routes(text, *names) == want


NOT_CHASES = [
    # caught in the town it began in: no trip to draw
    ("A car chase began in Leeds on Thursday. The driver was caught in the area of a park in Leeds.",
     ("Leeds",)),
    # a figurative pursuit
    ("Her pursuit of justice began in Selma in 1965. She was arrested in Montgomery a week later.",
     ("Selma", "Montgomery")),
    # a chase with no place it began
    ("The chase lasted ten minutes. The driver was arrested in Fresno.", ("Fresno",)),
]


@pytest.mark.parametrize(("text", "names"), NOT_CHASES, ids=[c[0][:30] for c in NOT_CHASES])
def test_no_chase_route_without_two_places(text: str, names: tuple[str, ...]) -> None:
    assert _routes(text, *names) == []


# --------------------------------------------------------------------------
# Where the traveller was before ("After a week in X") starts the first movement only
# --------------------------------------------------------------------------

AFTER_A_STAY = [
    ("After a week in Hanoi we flew to Da Nang, before heading down to Hoi An.",
     ("Hanoi", "Da Nang", "Hoi An"), [["Hanoi", "Da Nang", "Hoi An"]]),
    ("After two days in Cusco, we drove to Puno and then flew to Lima.",
     ("Cusco", "Puno", "Lima"), [["Cusco", "Puno", "Lima"]]),
    ("The family spent ten years in Leeds, before they moved to York.", ("Leeds", "York"), [["Leeds", "York"]]),
    ("Having spent two nights in Oaxaca, the group continued to Puebla and later to Mexico City.",
     ("Oaxaca", "Puebla", "Mexico City"), [["Oaxaca", "Puebla", "Mexico City"]]),
]


@pytest.mark.parametrize(("text", "names", "want"), AFTER_A_STAY, ids=[c[0][:30] for c in AFTER_A_STAY])
def test_a_stay_before_the_trip_starts_only_its_first_movement(text: str, names: tuple[str, ...],
                                                               want: list[list[str]]) -> None:
    # travel writing: one trip in order, not a second route from the first stay to the last stop
    assert _routes(text, *names) == want
