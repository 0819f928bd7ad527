"""Events placed by what the text says around them: the story's setting, possessives, wishes, press events.

Short articles written for these tests (not real ones), from several regions and kinds of news.
"""

from __future__ import annotations

from tests.story_docs import by_place, events_of, make_doc

# A local news brief: the town is named in the headline and the lead, the later items name no place.
BRIEFS = ("Ballarat residents told to lock their cars.\n"
          "Residents of Ballarat have been asked to lock their cars this week. "
          "On Monday a man, 34, was arrested for carrying a knife after a traffic stop. "
          "A bushfire burned through scrub on Tuesday. "
          "Anyone with information should call Ballarat police.")


def test_a_local_story_places_its_placeless_happenings_at_its_setting() -> None:
    doc = make_doc(BRIEFS, {"Ballarat": "Ballarat"})
    events = events_of(doc)
    # the arrest and the fire, though neither sentence names a place
    assert [(e.type, e.sentence.split()[0]) for e in events if e.type != "statement"] == [("crime", "On"),
                                                                                         ("disaster", "A")]
    assert by_place(events, doc).keys() == {"Ballarat"}


# A story that ranges over two towns equally has no one setting.
RANGING = ("Storms hit Nakuru and Kisumu.\n"
           "Roads were closed in Nakuru on Friday and schools shut in Kisumu. "
           "A man was arrested on Saturday for looting shops. "
           "Nakuru and Kisumu expect more rain.")


def test_a_story_without_one_setting_places_nothing_by_setting() -> None:
    doc = make_doc(RANGING, {"Nakuru": "Nakuru", "Kisumu": "Kisumu"})
    assert not [e for e in events_of(doc) if e.sentence.startswith("A man was arrested")]


# "the crash" told again is the crash already placed, not a second one at the setting.
RETOLD = ("Tamworth mourns four of its own.\n"
          "Four people from Tamworth died when their light plane crashed near Armidale on Sunday. "
          "Two of those killed in the crash were teachers. "
          "Tamworth will hold a memorial service on Friday.")


def test_a_definite_retelling_is_not_a_new_happening_at_the_setting() -> None:
    doc = make_doc(RETOLD, {"Tamworth": "Tamworth", "Armidale": "Armidale"})
    at = by_place(events_of(doc), doc)
    assert [e.type for e in at["Armidale"]] == ["accident"]
    assert "accident" not in {e.type for e in at.get("Tamworth", [])}


def test_wishes_duties_and_refusals_are_not_happenings() -> None:
    text = ("Organisers hope to hold a music festival in Galway next summer. "
            "The two teams were supposed to meet in Cork on Sunday. "
            "A jazz festival will be held in Sligo on Saturday.")
    doc = make_doc(text, {"Galway": "Galway", "Cork": "Cork", "Sligo": "Sligo"})
    assert set(by_place(events_of(doc), doc)) == {"Sligo"}


def test_a_possessive_after_a_locative_preposition_says_where() -> None:
    text = ("Rescuers are still searching villages after the worst floods in Kerala's history on Tuesday. "
            "Two dockers were arrested at Mombasa's port on Friday.")
    doc = make_doc(text, {"Kerala": "Kerala", "Mombasa": "Mombasa"})
    at = by_place(events_of(doc), doc)
    assert [e.type for e in at["Kerala"]] == ["disaster"]
    assert [e.type for e in at["Mombasa"]] == ["crime"]


def test_a_demonym_after_a_preposition_still_says_nowhere() -> None:
    doc = make_doc("The talks ended in Kenyan hands on Monday.", {"Kenyan": "Kenya"})
    assert events_of(doc) == []


def test_a_press_conference_is_speech_not_a_meeting() -> None:
    text = "The health minister told a news conference in Nairobi on Monday that the clinic would reopen."
    doc = make_doc(text, {"Nairobi": "Nairobi"})
    assert "meeting" not in {e.type for e in events_of(doc)}


def test_a_happening_spread_over_an_area_is_a_general_statement() -> None:
    text = ("Low fares have sharpened competition across Asia since 2010. "
            "Airline chiefs held a summit in Singapore on Tuesday.")
    doc = make_doc(text, {"Asia": "Asia", "Singapore": "Singapore"})
    assert set(by_place(events_of(doc), doc)) == {"Singapore"}


def test_a_race_at_a_circuit_town_is_a_sports_meeting() -> None:
    doc = make_doc("The third race at Suzuka on 29 July will be a double-length one.", {"Suzuka": "Suzuka"})
    assert [e.type for e in events_of(doc)] == ["meeting"]


def test_where_crews_or_shots_came_from_is_not_where_it_happened() -> None:
    text = ("Fire crews from Geelong helped put out the blaze on Sunday. "
            "The rocket lifted off from Kourou on Thursday.")
    doc = make_doc(text, {"Geelong": "Geelong", "Kourou": "Kourou"})
    at = by_place(events_of(doc), doc)
    assert "Geelong" not in at
    # a launch from a place is there (and a departure from there: tests/test_journeys_round4.py)
    assert [e.type for e in at["Kourou"] if e.type != "departure"] == ["other"]


def test_a_hospital_where_the_hurt_were_treated_is_not_where_they_were_hurt() -> None:
    text = ("A cyclist was struck by a truck in Nakuru on Friday. He died on Saturday in a Nairobi hospital. "
            "Thieves robbed a pharmacy at a clinic in Kisumu on Monday.")
    doc = make_doc(text, {"Nakuru": "Nakuru", "Nairobi": "Nairobi", "Kisumu": "Kisumu"})
    at = by_place(events_of(doc), doc)
    assert [e.type for e in at["Nakuru"]] == ["accident"]
    assert "Nairobi" not in at
    assert [e.type for e in at["Kisumu"]] == ["crime"]  # nobody hurt: the clinic is where it happened


def test_the_capital_is_the_city_named_just_before() -> None:
    text = ("The UN chief arrived in Kyiv on Thursday for talks. Hours later, missiles struck the capital, "
            "killing one person.")
    doc = make_doc(text, {"Kyiv": "Kyiv"})
    assert [e.type for e in by_place(events_of(doc), doc)["Kyiv"]] == ["arrival", "meeting", "military"]


def test_the_city_council_is_no_anaphora() -> None:
    text = "Heavy rain fell on Quito on Monday. On Tuesday the city council met to discuss repairs."
    doc = make_doc(text, {"Quito": "Quito"})
    assert "meeting" not in {e.type for e in events_of(doc)}


def test_a_place_owned_by_a_possessive_is_the_more_specific_place() -> None:
    doc = make_doc("Heavy rains triggered landslides in Kerala's Wayanad district on Tuesday.",
                   {"Kerala": "Kerala", "Wayanad": "Wayanad"})
    assert set(by_place(events_of(doc), doc)) == {"Wayanad"}


def test_a_meeting_on_a_country_is_about_it_not_there() -> None:
    doc = make_doc("The president will host a conference on Lebanon in Paris next week.",
                   {"Lebanon": "Lebanon", "Paris": "Paris"})
    assert set(by_place(events_of(doc), doc)) == {"Paris"}


def test_a_trigger_word_in_a_phrase_that_names_no_happening_is_dropped() -> None:
    text = ("Flats in Leeds were built for tenants who meet the criteria. "
            "A report on the energy performance of the town hall in Leeds is due in July.")
    doc = make_doc(text, {"Leeds": "Leeds"})
    assert "meeting" not in {e.type for e in events_of(doc)}


def test_a_council_named_is_no_meeting_but_its_vote_is() -> None:
    text = ("Members of Cork County Council sit on the energy group. "
            "In Galway the county council voted on Monday to close the pier.")
    doc = make_doc(text, {"Cork": "Cork", "Galway": "Galway"})
    assert set(by_place(events_of(doc), doc)) == {"Galway"}


def test_a_light_verb_gives_way_to_the_noun_that_names_the_happening() -> None:
    doc = make_doc("The library in Ballarat hosts its annual book sale on Saturday.", {"Ballarat": "Ballarat"})
    assert [e.type for e in events_of(doc)] == ["other"]


# The lead names only the district; the town the story keeps returning to is its setting.
KEEPS_RETURNING = ("A hard week for the district.\n"
                   "Officers in Kiambu County are busy. "
                   "The county has a new police chief. "
                   "A fire damaged a shop in Thika on Friday, and roads in Thika were closed on Saturday. "
                   "Thika traders met the police chief in Thika on Monday. "
                   "A man was arrested on Tuesday for robbery.")


def test_a_town_the_story_keeps_returning_to_is_its_setting() -> None:
    doc = make_doc(KEEPS_RETURNING, {"Kiambu County": "Kiambu", "Thika": "Thika"})
    arrest = [e for e in events_of(doc) if e.sentence.startswith("A man was arrested")]
    assert [e.type for e in arrest] == ["crime"]
    assert by_place(arrest, doc).keys() == {"Thika"}


def test_a_possessive_place_in_the_clause_beside_the_trigger_says_where() -> None:
    doc = make_doc("The plane nose-dived into a field, just 500 feet short of the runway at Nadi's airport.",
                   {"Nadi": "Nadi"})
    assert [(e.type, e.place_id) for e in events_of(doc)] == [("accident", doc.places[0].id)]


def test_a_death_where_the_hurt_were_taken_is_not_a_new_happening() -> None:
    text = ("A bus overturned near Tamale on Sunday. The driver was airlifted to Kumasi, where he later died.")
    doc = make_doc(text, {"Tamale": "Tamale", "Kumasi": "Kumasi"})
    assert set(by_place(events_of(doc), doc)) - {"Kumasi"} == {"Tamale"}
    assert all(e.type in ("arrival", "travel") for e in by_place(events_of(doc), doc).get("Kumasi", []))


PRIVATE = ("Dunedin family mourns.\n"
           "The family has lived in Dunedin for forty years. "
           "Her funeral was Saturday. "
           "A neighbour visited the family in August. "
           "Dunedin police arrested a driver on Monday.")


def test_a_private_visit_or_funeral_is_not_placed_by_the_setting() -> None:
    doc = make_doc(PRIVATE, {"Dunedin": "Dunedin"})
    assert "meeting" not in {e.type for e in events_of(doc)}


def test_what_usually_happens_at_a_place_is_no_happening() -> None:
    text = ("Every Saturday a music festival is held in Tlacolula. "
            "A music festival will be held in Mitla on 3 May.")
    doc = make_doc(text, {"Tlacolula": "Tlacolula", "Mitla": "Mitla"})
    at = by_place(events_of(doc), doc)
    assert len(at) == 1 and "Tlacolula" not in at and [e.date_label for e in next(iter(at.values()))] == ["3 May."]


TRAVELOGUE = ("Slow train down the coast.\n"
              "We left Hanoi early and rode the night train south to Hue. "
              "Hanoi had been grey and wet. "
              "Two days later we took the bus to Da Nang and went on to Hoi An, then back to Hanoi. "
              "A lantern festival filled the old town with music.")


def test_a_travel_story_has_no_setting_to_place_happenings_at() -> None:
    doc = make_doc(TRAVELOGUE, {"Hanoi": "Hanoi", "Hue": "Hue", "Da Nang": "Da Nang", "Hoi An": "Hoi An"})
    assert not [e for e in events_of(doc) if e.sentence.startswith("A lantern festival")]


def test_where_someone_is_sent_is_not_where_the_crime_was() -> None:
    text = "Two men due to be sent back to Turkey were detained on Monday. Police arrested a man in Athens on Monday."
    doc = make_doc(text, {"Turkey": "Turkey", "Athens": "Athens"})
    assert [e.type for e in events_of(doc)] == ["crime"]
    assert "Turkey" not in by_place(events_of(doc), doc)


def test_what_an_indictment_says_is_not_where_it_was_filed() -> None:
    text = ("The indictment said the pair lied to charities, at the same time keeping flats in Lyon and Grenoble. "
            "They were arrested in Geneva on Friday.")
    doc = make_doc(text, {"Lyon": "Lyon", "Grenoble": "Grenoble", "Geneva": "Geneva"})
    assert set(by_place(events_of(doc), doc)) == {"Geneva"}


def test_a_committee_hearing_testimony_is_a_meeting() -> None:
    doc = make_doc("A legislative committee heard testimony in Wellington on Monday.", {"Wellington": "Wellington"})
    assert [e.type for e in events_of(doc)] == ["meeting"]


def test_a_result_with_a_scoreline_is_a_match_played_there() -> None:
    text = ("Accra Hearts beat Kotoko 2-1 at Ohene Djan Stadium in Accra on Sunday. "
            "The coach won praise in Kumasi.")
    doc = make_doc(text, {"Accra": "Accra", "Kumasi": "Kumasi"})
    at = by_place(events_of(doc), doc)
    assert set(at) == {"Accra"} and [e.type for e in at["Accra"]] == ["meeting"]


def test_common_idioms_hold_no_happening() -> None:
    text = ("The striker got his marching orders in Cairo on Monday. "
            "The donor in Toronto was not a match. "
            "Numbers in Moura grew enough to warrant a high school.")
    doc = make_doc(text, {"Cairo": "Cairo", "Toronto": "Toronto", "Moura": "Moura"})
    assert events_of(doc) == []


def test_a_visit_to_a_city_named_as_its_object_is_a_meeting_there() -> None:
    doc = make_doc("The Pope will visit Jakarta next month.", {"Jakarta": "Jakarta"})
    assert "meeting" in {e.type for e in events_of(doc)}
