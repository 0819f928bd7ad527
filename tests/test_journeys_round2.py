"""Journeys, second round of classes from real news, each on short articles written for these tests.

A route told by what the vehicle does at its stops ("picking up riders in X", "dropped off first in Y"); a tour
whose sites are listed in the order it takes them; "moved here" in a local story whose headline names its town
by the town's own body; a site left by its kind, put in its town several sentences (and a caption) before.
Several regions and kinds of news: school transport, travel writing, local business, migrants.
"""

from __future__ import annotations

from geoviz.model import Document
from tests.story_docs import make_doc, names_of, routes_of


def _doc(text: str, *names: str, **aliases: str) -> Document:
    return make_doc(text, {**{n: n for n in names}, **aliases}, date="2024-04-12")


def _routes(text: str, *names: str, **aliases: str) -> list[list[str]]:
    return [names_of(r) for r in routes_of(_doc(text, *names, **aliases))]


# --------------------------------------------------------------------------
# A stop told by what the vehicle does there
# --------------------------------------------------------------------------


def test_a_drop_off_continues_the_route_under_way() -> None:
    # School transport (Ontario-like rural route): the riders dropped off are not the traveller.
    text = ("Parents say the school bus leaves Ingersoll at dawn and heads north to Kitchener. "
            "Older students are dropped off first in Stratford, followed by the younger pupils.")
    assert _routes(text, "Ingersoll", "Kitchener", "Stratford") == [["Ingersoll", "Kitchener", "Stratford"]]


def test_a_pick_up_is_a_stop_of_the_route_under_way() -> None:
    # A ferry service story (Scotland): the boat picks up passengers on its way.
    text = ("The relief ferry sailed from Oban on Tuesday. It was picking up stranded walkers at Tobermory "
            "before the crossing.")
    assert _routes(text, "Oban", "Tobermory") == [["Oban", "Tobermory"]]


def test_a_drop_off_alone_is_no_journey() -> None:
    # Crime: a suspect dropped off at a station with no trip under way draws no route.
    assert _routes("Witnesses said the suspect was dropped off at a bus station in Leeds on Friday.", "Leeds") == []


# --------------------------------------------------------------------------
# A tour's sites, in its order
# --------------------------------------------------------------------------


def test_a_tour_visits_its_sites_in_the_order_listed() -> None:
    # Travel writing (Tuscany).
    text = ("On Saturday the walking tour visited the cathedral in Siena, the leaning tower in Pisa and the "
            "old walls in Lucca.")
    assert _routes(text, "Siena", "Pisa", "Lucca") == [["Siena", "Pisa", "Lucca"]]


def test_visits_listed_with_no_tour_stay_no_route() -> None:
    # Politics (New England): a list of visits in no stated order is no route.
    text = "The senator visited the school in Hartford, the clinic in Bristol and the mill in Torrington."
    assert _routes(text, "Hartford", "Bristol", "Torrington") == []


def test_a_wider_place_a_colon_explains_is_no_tour_stop() -> None:
    # Travel writing (Japan): "temples in Kyoto: the shrine in Uji" -- Uji is the stop, not Kyoto.
    text = ("The bus tour visited the castle in Himeji and one of the best known temples in Kyoto: the shrine "
            "in Uji.")
    assert _routes(text, "Himeji", "Kyoto", "Uji") == [["Himeji", "Uji"]]


# --------------------------------------------------------------------------
# "Here" in a local story
# --------------------------------------------------------------------------


def test_here_is_the_town_whose_body_the_headline_names() -> None:
    # Local business news (Midwest), no dateline: the headline's "X City Council" names the story's town.
    text = ("Peoria City Council approves tax break for old foundry site. The foundry moved here from Chicago in "
            "1902. A company from Detroit bought it in 1960.")
    assert _routes(text, "Peoria", "Chicago", "Detroit") == [["Chicago", "Peoria"]]


def test_a_headline_town_with_no_body_is_not_here() -> None:
    text = ("Peoria foundry site to be sold. The foundry moved here from Chicago in 1902. A company from Detroit "
            "bought it in 1960.")
    assert _routes(text, "Peoria", "Chicago", "Detroit") == []


# --------------------------------------------------------------------------
# A site left by its kind, put in its town a few sentences before
# --------------------------------------------------------------------------


def test_a_site_left_is_found_past_a_caption() -> None:
    # Migrants (Central America): a caption and a short line sit between the camp's town and "left the camp".
    text = ("Families have been camped out at a sports field in Tapachula since March. Photo by a staff "
            "photographer. Aid groups say more are coming. Officials began issuing visas. Some families have "
            "begun to leave. Two buses left the camp before dawn on Thursday en route to Oaxaca.")
    assert _routes(text, "Tapachula", "Oaxaca") == [["Tapachula", "Oaxaca"]]


# --------------------------------------------------------------------------
# A carrier sets out from where its load came from
# --------------------------------------------------------------------------


def test_a_carriers_load_from_a_place_is_its_origin() -> None:
    # Shipping / sanctions (eastern Mediterranean): the ship, then "the vessel", goes on.
    text = ("Officials are arguing over a seized freighter suspected of carrying rockets from Libya to militants "
            "in Gaza. The vessel sailed on to Alexandria and then docked in Limassol on Monday.")
    assert _routes(text, "Libya", "Gaza", "Alexandria", "Limassol") == [["Libya", "Alexandria", "Limassol"]]


def test_a_truck_carrying_people_from_a_place_starts_there() -> None:
    # Migration (southern Mexico): a truck's passengers came from Tapachula; the truck went on to Arriaga.
    text = ("Police stopped a truck carrying 90 migrants from Tapachula. The truck had driven to Arriaga before it "
            "was stopped.")
    assert _routes(text, "Tapachula", "Arriaga") == [["Tapachula", "Arriaga"]]


def test_a_person_carrying_something_from_a_place_is_no_trip() -> None:
    # Crime (Australia): a man carrying a bag from a shop: no carrier told as a vehicle or group, no route.
    text = "A man was seen carrying a bag from Parramatta station. He later drove to Penrith."
    assert _routes(text, "Parramatta", "Penrith") == []


# --------------------------------------------------------------------------
# A route continued across sentences by the same traveller
# --------------------------------------------------------------------------


def test_travel_writing_told_with_a_start_a_from_there_and_a_next_stop() -> None:
    # Travel writing (Iberia): "began our trip in", "From there", "Our next stop was", "drove on to".
    text = ("We began our trip in Lisbon, spending three days in the old town. From there we took the train to "
            "Porto, where we stayed two nights. Our next stop was Salamanca, across the border. The following "
            "morning we drove on to Madrid.")
    assert _routes(text, "Lisbon", "Porto", "Salamanca", "Madrid") == [["Lisbon", "Porto", "Salamanca", "Madrid"]]


def test_a_brief_stop_is_a_stop_of_the_voyage() -> None:
    # Shipping (East Africa): "made a brief stop in" between the departure and the arrival.
    text = ("The cargo ship left Mombasa on Monday bound for Dar es Salaam. It made a brief stop in Tanga before "
            "continuing south. The ship finally docked in Dar es Salaam on Thursday.")
    assert _routes(text, "Mombasa", "Tanga", "Dar es Salaam") == [["Mombasa", "Tanga", "Dar es Salaam"]]


def test_most_of_a_group_goes_on_with_the_groups_journey() -> None:
    # Migration (Sahel to Libya): "Most later made their way to" is the same group going on.
    text = ("The migrants set off from Agadez in a convoy of pickup trucks. After crossing the desert they reached "
            "Sabha, where many were held for weeks. Most later made their way to Tripoli.")
    assert _routes(text, "Agadez", "Sabha", "Tripoli") == [["Agadez", "Sabha", "Tripoli"]]


def test_others_are_not_the_group_already_moving() -> None:
    # Sport (fans travelling): "Others" is someone else; no stitch onto the first group's trip.
    text = "The fans flew from Glasgow to Seville on Tuesday. Others drove to Madrid."
    routes = _routes(text, "Glasgow", "Seville", "Madrid")
    assert routes == [["Glasgow", "Sevilla"]]  # the gazetteer's name for Seville


# --------------------------------------------------------------------------
# A flashback: a movement told in the past perfect came first
# --------------------------------------------------------------------------


def test_a_past_perfect_movement_comes_before_the_one_just_told() -> None:
    # Outbreak report (West Africa to Europe): the medical evacuation, then how the patient got to the airport.
    text = ("A nurse who caught the virus was evacuated to London on Friday. She had first been taken to Freetown "
            "by road before boarding a chartered flight.")
    assert _routes(text, "London", "Freetown") == [["Freetown", "London"]]


def test_a_simple_past_movement_after_stays_after() -> None:
    text = "The minister was flown to Nairobi on Friday. She then travelled to Mombasa by train."
    assert _routes(text, "Nairobi", "Mombasa") == [["Nairobi", "Mombasa"]]


# --------------------------------------------------------------------------
# Who goes on: the subject, not someone met; the narrator
# --------------------------------------------------------------------------


def test_he_is_the_traveller_not_the_person_he_met() -> None:
    # Diplomacy / religion (Iraq): "to meet the Grand Ayatollah" names an object; "He" is still the visitor.
    text = ("Pope Francis arrived in Baghdad for a three-day visit. The next day he flew to Najaf to meet the "
            "Grand Ayatollah. He ended the visit in Erbil before returning to Rome.")
    assert _routes(text, "Baghdad", "Najaf", "Erbil", "Rome") == [["Baghdad", "Najaf", "Erbil", "Rome"]]


def test_we_are_the_narrator_not_a_name_in_an_earlier_clause() -> None:
    # Travel writing (Vietnam): "the Hai Van Pass" is no traveller; "from there we flew" goes on with the trip.
    text = ("After a night in Hanoi, we caught the sleeper train south to Hue. Two days later a minibus took us "
            "over the Hai Van Pass, and from there we flew to Saigon.")
    routes = routes_of(_doc(text, "Hanoi", "Hue", "Saigon"))
    assert [names_of(r) for r in routes] == [["Hanoi", "Huế", "Ho Chi Minh City"]]  # the gazetteer's names
    assert routes[0].traveller is None


def test_a_tour_that_begins_and_ends_somewhere() -> None:
    # Diplomacy (Africa tour): "began in", "moved on to", "will end the trip in".
    text = ("The foreign minister is on a tour of the continent. He began in Addis Ababa on Monday, moved on to "
            "Nairobi on Wednesday and will end the trip in Dakar.")
    assert _routes(text, "Addis Ababa", "Nairobi", "Dakar") == [["Addis Ababa", "Nairobi", "Dakar"]]


def test_where_someone_was_years_ago_is_no_next_stop() -> None:
    # Education / migration (US): a student headed to a university; "Four years ago, she was in Accra".
    text = ("Ama Mensah is a senior who is headed next year to Atlanta. Four years ago, she was in Accra.")
    assert _routes(text, "Atlanta", "Accra") == []


def test_a_fronted_before_leaving_is_the_origin_of_the_trip_just_told() -> None:
    # Diplomacy (South Asia): "Before leaving New Delhi, he said ..." told after the landing.
    text = ("The Indian prime minister landed in Dhaka on Thursday for a two-day visit. Before leaving New Delhi, he "
            "said the trip would deepen ties. On Friday he visited Tungipara.")
    assert _routes(text, "Dhaka", "New Delhi", "Tungipara") == [["New Delhi", "Dhaka", "Tungipara"]]


def test_a_road_trip_that_starts_and_finishes_somewhere() -> None:
    # Travel writing (US West).
    text = ("Our road trip started in Denver. We crossed the mountains to Grand Junction and finished in Las Vegas "
            "four days later.")
    assert _routes(text, "Denver", "Grand Junction", "Las Vegas") == [["Denver", "Grand Junction", "Las Vegas"]]


def test_where_something_happened_to_the_traveller_is_no_stop() -> None:
    # Air disaster: "flying from A to B when it was shot down over C": C is where it was hit, not a stop after B.
    text = "The airliner was flying from Amsterdam to Kuala Lumpur when it was shot down over Ukraine."
    assert _routes(text, "Amsterdam", "Kuala Lumpur", "Ukraine") == [["Amsterdam", "Kuala Lumpur"]]


def test_a_passive_subject_moves_even_when_the_trigger_holds_its_auxiliary() -> None:
    # Outbreak report: the team arrived; the samples, not the team, were taken on.
    text = "The response team arrived in Mbandaka on Monday. Two days later, samples were taken to Kinshasa."
    assert _routes(text, "Mbandaka", "Kinshasa") == []


# --------------------------------------------------------------------------
# A stolen vehicle: from where it was stolen to where it was found
# --------------------------------------------------------------------------


def test_a_stolen_vehicle_goes_from_theft_to_find_whatever_the_order_told() -> None:
    # Crime (UK): the find is told first, the theft later.
    text = ("Van found abandoned in Hove. Police said the van stolen in Croydon on Sunday had been stripped of its "
            "tools.")
    routes = routes_of(_doc(text, "Hove", "Croydon"))
    assert [names_of(r) for r in routes] == [["Croydon", "Hove"]]
    assert routes[0].traveller == "the van"


def test_a_stolen_vehicle_found_where_it_was_stolen_is_no_route() -> None:
    # Crime (Australia): recovered in the same suburb it was taken from.
    text = "A car stolen in Parramatta on Monday was found in Parramatta the next day."
    assert _routes(text, "Parramatta") == []


def test_two_thefts_leave_which_vehicle_went_where_untold() -> None:
    # Crime (US): two stolen cars, one find: no route.
    text = ("A car stolen in Dayton and a truck stolen in Toledo were reported on Friday. A car was found in "
            "Columbus on Saturday.")
    assert _routes(text, "Dayton", "Toledo", "Columbus") == []


def test_cases_picked_up_by_surveillance_are_no_stop_of_a_patients_trip() -> None:
    # Outbreak report (eastern DRC): "teams have picked up cases in X" is what the teams did, not where the
    # patient went.
    text = ("The index patient travelled from Goma to Beni on 2 August. Since then, surveillance teams have picked "
            "up 14 more cases in Butembo.")
    assert _routes(text, "Goma", "Beni", "Butembo") == [["Goma", "Beni"]]
