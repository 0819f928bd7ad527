"""Journeys on the classes of error found in real news, each on short articles written for these tests.

One class a test (or two): what is no trip (an intention, a list, a timetable, a place a noun's clause only
mentions, a destination given up), how trips are cut (an indefinite trip, a past trip after a future one),
and where an origin the text states indirectly comes from ("started in", an aside before "from X to Y", where
the mover lived, "after falling near"). Articles from several regions and kinds of news: sport, migrants,
medical evacuation, shipping, diplomacy, travel writing.
"""

from __future__ import annotations

from geoviz.model import Document
from tests.story_docs import make_doc, names_of, routes_of


def _doc(text: str, *names: str, **aliases: str) -> Document:
    return make_doc(text, {**{n: n for n in names}, **aliases}, date="2024-04-12")


def _routes(text: str, *names: str, **aliases: str) -> list[list[str]]:
    return [names_of(r) for r in routes_of(_doc(text, *names, **aliases))]


# --------------------------------------------------------------------------
# What is no trip
# --------------------------------------------------------------------------


def test_an_intention_or_a_condition_is_no_trip() -> None:
    # Sport: a coach's plan; migrants: a feared deportation.
    assert _routes("The coach said the squad intends to travel to Nairobi and fly on to Kampala next month.",
                   "Nairobi", "Kampala") == []
    assert _routes("The couple told the court they would be killed if they were deported from Dublin to Lagos.",
                   "Dublin", "Lagos") == []


def test_a_stated_future_trip_is_a_trip() -> None:
    assert _routes("The trade delegation will travel from Accra to Lagos on Monday for talks.",
                   "Accra", "Lagos") == [["Accra", "Lagos"]]


def test_places_listed_under_one_verb_are_no_route_unless_told_in_order() -> None:
    # Rescue teams sent to several towns: a list, in no order.
    assert _routes("Rescue teams were heading to Beira and Chimoio on Sunday after the cyclone.",
                   "Beira", "Chimoio") == []
    # The same list told as a sequence ("then", a direction along a road) is the order of the stops.
    assert _routes("The convoy left Kigali on Monday and then drove north along the highway to Musanze and Gisenyi.",
                   "Kigali", "Musanze", "Gisenyi") == [["Kigali", "Musanze", "Gisenyi"]]


def test_a_timetable_is_no_journey() -> None:
    assert _routes("The four-hour trip from Hanoi to Hue includes stops in Vinh and Dong Hoi, the operator says.",
                   "Hanoi", "Hue", "Vinh", "Dong Hoi") == []


def test_a_place_in_a_visit_nouns_later_clause_is_no_stop() -> None:
    # Diplomacy: the visit "coincides with" a fair held nearby; the fair's town is not where the minister went.
    routes = _routes("The foreign minister will travel from Abuja to Accra on Monday. The visit coincides with "
                     "the annual trade fair in nearby Tema.", "Abuja", "Accra", "Tema")
    assert routes == [["Abuja", "Accra"]]


def test_a_destination_given_up_is_no_stop() -> None:
    routes = _routes("The flight from Perth was headed to Denpasar but was rerouted to Darwin after a warning light "
                     "came on.", "Perth", "Denpasar", "Darwin")
    assert routes == [["Perth", "Darwin"]]


# --------------------------------------------------------------------------
# How trips are cut
# --------------------------------------------------------------------------


def test_each_indefinite_trip_is_its_own() -> None:
    # "a trip to Suva and a trip to Apia": two trips, no Suva -> Apia leg.
    assert _routes("The rugby squad's calendar has a trip to Suva in May and a trip to Apia in July.",
                   "Suva", "Apia") == []


def test_a_past_trip_is_not_the_next_leg_of_a_future_one() -> None:
    # Shipping: a museum ship's coming voyage, then its wartime history.
    routes = _routes("The old steamer will sail from Bristol to Cork in June for the harbour festival. Built in 1920, "
                     "it sailed to Lisbon during the war.", "Bristol", "Cork", "Lisbon")
    assert routes == [["Bristol", "Cork"]]


# --------------------------------------------------------------------------
# Origins the text states indirectly
# --------------------------------------------------------------------------


def test_a_trip_that_started_somewhere_starts_there() -> None:
    # Diplomacy: the origin is told after the other stop.
    text = ("During her visit to Peru, the envoy spoke about trade. Her first visit to the region started in Quito, "
            "where she attended a conference on migration.")
    assert _routes(text, "Peru", "Quito") == [["Quito", "Peru"]]


def test_from_and_to_after_an_aside() -> None:
    text = "The documentary tells the singer's journey, against her family's wishes, from Dakar to Paris."
    assert _routes(text, "Dakar", "Paris") == [["Dakar", "Paris"]]


def test_a_move_starts_where_the_mover_lived() -> None:
    # Migrants: where the family lived, then each move in order, one route.
    text = ("She grew up in Aleppo. In 2015 the family fled to Turkey, and a year later they moved to Berlin, where "
            "she now studies medicine.")
    assert _routes(text, "Aleppo", "Turkey", "Berlin") == [["Aleppo", "Turkey", "Berlin"]]
    # Local news: a life in one city, a move to another, sentences apart.
    text = ("Okafor used to have a comfortable life in Kano. He worked for a bank there. Then he lost his job. "
            "Eventually, Okafor moved to Lagos, but the work he was promised never came.")
    assert _routes(text, "Kano", "Lagos") == [["Kano", "Lagos"]]


def test_a_return_to_the_region_that_holds_where_one_lived_is_no_move() -> None:
    text = "The driver lived in Enugu for years before he returned to Nigeria last spring."
    assert _routes(text, "Enugu", "Nigeria") == []


def test_evacuated_after_falling_near_a_place() -> None:
    # Medical evacuation: where the accident happened is the origin, though told after the destination.
    routes = _routes("The injured climber was flown to a hospital in Leeds after falling near Kendal on Sunday.",
                     "Leeds", "Kendal")
    assert routes == [["Kendal", "Leeds"]]


# --------------------------------------------------------------------------
# Never stitched across travellers; one trip kept whole
# --------------------------------------------------------------------------


def test_a_passive_with_its_own_subject_is_another_traveller() -> None:
    # Outbreak report: the team went to one city, the samples to another; no team route Malabo -> Dakar.
    text = ("A WHO team arrived in Malabo on Thursday to support the response, and samples were flown to Dakar for "
            "testing.")
    assert _routes(text, "Malabo", "Dakar") == []
    # A compound subject ("Kay, along with ... and the driver were taken") stays one traveller.
    text = ("Kay, along with two other passengers and the driver were taken to a hospital in Tyler before Kay was "
            "flown by helicopter to Dallas.")
    assert _routes(text, "Tyler", "Dallas") == [["Tyler", "Dallas"]]


def test_a_stop_inside_the_country_just_reached_continues_the_trip() -> None:
    # Diplomacy: "where he is to meet ... in Tokyo, before travelling on" is where the tour is, not a new start.
    text = ("Prime Minister Arjun Rao left New Delhi on Tuesday for a three-nation tour. He will first visit Japan, "
            "where he is to meet the emperor in Tokyo, before travelling on to Fiji.")
    assert _routes(text, "New Delhi", "Japan", "Tokyo", "Fiji") == [["New Delhi", "Tokyo", "Fiji"]]


def test_travel_writing_in_the_first_person_is_one_trip() -> None:
    # "Two days later we flew back": a number opening the sentence is nobody.
    text = ("We set off from Cusco at dawn and rode the train along the valley to Aguas Calientes. Two days later we "
            "flew back to Lima.")
    (r,) = routes_of(_doc(text, "Cusco", "Aguas Calientes", "Lima"))
    assert names_of(r) == ["Cusco", "Aguas Calientes", "Lima"]
    assert [leg.mode for leg in r.legs] == ["train", "plane"]


def test_a_site_left_is_the_town_an_earlier_sentence_put_it_in() -> None:
    # Displaced families: "left the school" starts where the school is.
    text = ("Hundreds of displaced families have been sheltering at a school in Goma since the fighting began. On "
            "Monday a convoy of buses left the school at dawn and drove to Bukavu, aid workers said.")
    assert _routes(text, "Goma", "Bukavu") == [["Goma", "Bukavu"]]
    # A site placed only in a country says too little: no origin, no route.
    text = ("The families had been sheltering at a school in Congo since the fighting began. On Monday a convoy of "
            "buses left the school at dawn and drove to Bukavu, aid workers said.")
    assert _routes(text, "Congo", "Bukavu") == []


def test_a_disease_spreading_is_no_journey_but_a_patient_travelling_is() -> None:
    # Outbreak reports: the outbreak and the cases are not travellers ...
    assert _routes("The outbreak moved from Kasese to Kampala within a week, health officials said.",
                   "Kasese", "Kampala") == []
    assert _routes("Measles cases travelled north from Lusaka to Ndola as families returned from the holidays.",
                   "Lusaka", "Ndola") == []
    # ... a patient is, whatever disease the sentence names.
    assert _routes("A patient with Ebola flew from Kinshasa to Brussels on Monday, the ministry said.",
                   "Kinshasa", "Brussels") == [["Kinshasa", "Brussels"]]


def test_here_is_where_the_story_is_filed_or_abstains() -> None:
    # Local news: the dateline says where "here" is.
    text = ("TAMALE, Ghana (AP) — The shea butter cooperative marked its tenth year on Friday. The cooperative moved "
            "here from Kumasi in 2014, its founder said.")
    assert _routes(text, "TAMALE", "Kumasi", Ghana="Ghana") == [["Tamale", "Kumasi"][::-1]]
    # No dateline and no town the story keeps naming: "here" is not guessed.
    text = "The cooperative moved here from Kumasi in 2014, its founder said. It sells to buyers in Accra."
    assert _routes(text, "Kumasi", "Accra") == []


def test_a_name_after_an_earlier_verb_is_its_object_not_the_traveller() -> None:
    # Travel writing: "From Kazbegi I returned ...", "I visited the Gelati monastery before flying home".
    text = ("I arrived in Tbilisi after an overnight flight from Istanbul. From Kazbegi I returned to Tbilisi and took "
            "the night train west to Batumi. There I visited the Gelati monastery before flying home to London.")
    routes = routes_of(_doc(text, "Tbilisi", "Istanbul", "Batumi", "London"))
    assert [names_of(r) for r in routes] == [["Istanbul", "Tbilisi", "Batumi", "London"]]
    assert [leg.mode for leg in routes[0].legs] == ["plane", "train", "plane"]
    assert routes[0].traveller is None  # no name of a monastery or a village as the traveller


def test_called_at_names_its_port_at_once() -> None:
    # Shipping: a port call is a stop; being "called at 2pm to a fire" somewhere is not.
    assert _routes("The cruise ship called at Split on Monday and sailed on to Dubrovnik.",
                   "Split", "Dubrovnik") == [["Split", "Dubrovnik"]]
    assert _routes("The liner left Split on Monday. Firefighters were called at 2pm to a blaze on the quay at Zadar.",
                   "Split", "Zadar") == []


def test_the_site_left_names_its_place() -> None:
    # Medical evacuation: "from the crash site near Kendal" is where the flight started.
    text = "The injured rider was airlifted from the crash site near Kendal to a hospital in Preston on Sunday."
    assert _routes(text, "Kendal", "Preston") == [["Kendal", "Preston"]]


def test_where_a_traveller_was_starts_their_next_move_but_presence_alone_is_no_route() -> None:
    text = ("Foreign minister Ana Duarte was in Nairobi for talks on Monday. On Wednesday Duarte flew to Kigali, "
            "officials said.")
    assert _routes(text, "Nairobi", "Kigali") == [["Nairobi", "Kigali"]]
    assert _routes("Foreign minister Ana Duarte was in Nairobi for talks on Monday.", "Nairobi") == []


def test_patients_transferred_between_towns_travel() -> None:
    # Outbreak report: a transfer is a journey; the case counts around it are not.
    text = ("The ministry said 12 new cases of dengue were recorded in Colombo and 8 in Kandy. Two patients were "
            "transferred from Kandy to Colombo for treatment.")
    assert _routes(text, "Colombo", "Kandy") == [["Kandy", "Colombo"]]


def test_a_life_story_starts_where_the_person_was_born() -> None:
    text = "Born in Lagos, the novelist moved to London at 19. She returned to Lagos in 2015."
    (r,) = routes_of(_doc(text, "Lagos", "London"))
    assert names_of(r) == ["Lagos", "London", "Lagos"]
    assert r.traveller != "Born"


def test_a_place_inside_a_sites_name_gives_way_to_the_sites_town() -> None:
    text = ("The three men were captured in Alliance and held overnight. They were transferred from Alliance the next "
            "day to the Dawson County Jail in Lexington.")
    assert _routes(text, "Alliance", "Lexington", **{"Dawson County": "Dawson County"}) == [["Alliance", "Lexington"]]


def test_an_intention_governs_only_its_own_verb() -> None:
    # Migrants: the hoped-for arrival is no stop, the departure that happened is.
    text = "Forty migrants hoping to reach Lampedusa left Sfax on Sunday and were brought to Malta on Monday."
    assert _routes(text, "Lampedusa", "Sfax", "Malta") == [["Sfax", "Malta"]]


def test_a_fare_is_no_trip() -> None:
    assert _routes("He found one airline offering a round-trip fare of $205 from Baltimore to Moscow.",
                   "Baltimore", "Moscow") == []


def test_a_kind_of_traveller_is_no_trip() -> None:
    text = "The closure will affect people travelling to Cirencester from Gloucester, doubling journey times."
    assert _routes(text, "Cirencester", "Gloucester") == []


def test_a_flight_told_after_the_arrival_came_first() -> None:
    # Sport: "arrived in Paris ... after a long flight from Auckland via Singapore", then on to Lyon.
    text = ("The rugby squad arrived in Paris on Sunday after a long flight from Auckland via Singapore. The squad "
            "will travel to Lyon on Thursday for their opening match.")
    (r,) = routes_of(_doc(text, "Paris", "Auckland", "Singapore", "Lyon"))
    assert names_of(r) == ["Auckland", "Singapore", "Paris", "Lyon"]
    assert [leg.mode for leg in r.legs][:2] == ["plane", "plane"]


def test_a_wider_place_right_after_a_stop_locates_it() -> None:
    # Migrants: "left the coast near Zuwara", "taken to Porto Empedocle in Sicily" (Sicily is no further stop).
    text = ("A boat carrying 120 migrants left the coast near Zuwara on Tuesday, and the migrants were later taken to "
            "Porto Empedocle in Sicily.")
    (route,) = _routes(text, "Zuwara", "Porto Empedocle", "Sicily")
    assert len(route) == 2 and route[0].startswith("Zuwara") and route[1] == "Porto Empedocle"


def test_a_disease_read_as_a_place_is_no_stop() -> None:
    text = "A traveller who returned to Kampala from Kinshasa had tested positive for Ebola, the WHO said."
    assert _routes(text, "Kampala", "Kinshasa", "Ebola") == [["Kinshasa", "Kampala"]]
