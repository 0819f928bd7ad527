"""Happenings of one type at one place that the text tells apart, and calendars of fixtures.

Short articles written for these tests (not real ones), from several regions and kinds of news.
"""

from __future__ import annotations

from tests.story_docs import events_of, make_doc


def _typed(doc, kind: str) -> list:
    return [e for e in events_of(doc) if e.type == kind]


# A police blotter: the second arrest is "another" one, the third "in a separate incident".
BLOTTER = ("Police in Townsville arrested a man on Friday for stealing a car. "
           "Another man was arrested in Townsville on Saturday after a fight outside a bar. "
           "In a separate incident, a woman was arrested in Townsville for shoplifting.")


def test_a_blotter_s_arrests_told_apart_are_one_event_each() -> None:
    doc = make_doc(BLOTTER, {"Townsville": "Townsville"})
    assert len(_typed(doc, "crime")) == 3


# The same arrest told twice is one event: "the arrest" is the one already told.
RETOLD = ("Police in Townsville arrested a man on Friday for stealing a car. "
          "The arrest in Townsville followed a chase through the suburbs.")


def test_a_happening_told_again_stays_one_event() -> None:
    doc = make_doc(RETOLD, {"Townsville": "Townsville"})
    assert len(_typed(doc, "crime")) == 1


# "another" standing alone for a person does not make a second shooting.
PRONOUN = ("One man died in a shooting in Recife on Sunday. "
           "One person is dead and another has serious injuries after the shooting in Recife.")


def test_another_as_a_pronoun_tells_no_new_happening() -> None:
    doc = make_doc(PRONOUN, {"Recife": "Recife"})
    assert len(_typed(doc, "crime")) == 1


# An outbreak bulletin: "another case" at the same city is still the one outbreak event there (STORY-GOLD).
CLUSTERS = ("A cholera outbreak was confirmed in Blantyre on 3 March. "
            "Another case was reported in Blantyre on 20 March among workers at a market.")


def test_another_case_of_an_outbreak_at_one_city_is_the_same_event() -> None:
    doc = make_doc(CLUSTERS, {"Blantyre": "Blantyre"})
    assert len(_typed(doc, "disaster")) == 1


# A second attack at one town, told as such, is its own event.
ATTACKS = ("Gunmen attacked a village market in Kaduna on Monday, killing five people. "
           "In a separate attack, gunmen shot two farmers in Kaduna on Wednesday.")


def test_a_separate_attack_at_one_place_is_its_own_event() -> None:
    doc = make_doc(ATTACKS, {"Kaduna": "Kaduna"}, date="2024-02-14")
    assert len(_typed(doc, "crime")) == 2


# Diplomacy: two rounds of talks, the second one told as such.
ROUNDS = ("Negotiators held talks in Geneva on Monday. "
          "A second round of talks is due in Geneva next month.")


def test_a_second_round_of_talks_is_a_second_meeting() -> None:
    doc = make_doc(ROUNDS, {"Geneva": "Geneva"}, date="2024-05-06")
    assert len(_typed(doc, "meeting")) == 2


# A sport calendar: each line is a fixture at its venue, on its date.
CALENDAR = ("The 2025 season calendar. 5/6 April: Suzuka, Mie. 19/20 April: Sepang, Selangor. "
            "3/4 May: Suzuka, Mie.")


def test_a_calendar_gives_one_meeting_per_line() -> None:
    doc = make_doc(CALENDAR, {"Suzuka": "Suzuka", "Sepang": "Sepang", "Mie": "Mie", "Selangor": "Selangor"},
                   date="2025-01-10")
    fixtures = _typed(doc, "meeting")
    assert len(fixtures) == 3  # Suzuka twice: two dates, two fixtures
    assert [e.date for e in fixtures] == ["2025-04-06", "2025-04-20", "2025-05-04"]
    assert fixtures[1].summary == "19/20 April: Sepang, Selangor"  # the line, not the whole run of lines


# One dated line is a heading, not a calendar; a line that tells something is read as a sentence.
NOT_A_CALENDAR = ("Update 3 May: Nairobi. Officials said roads would reopen on Friday.")


def test_one_dated_line_is_no_calendar() -> None:
    doc = make_doc(NOT_A_CALENDAR, {"Nairobi": "Nairobi"}, date="2024-05-03")
    assert not _typed(doc, "meeting")


# An election and talks in one city are two meetings; a shooting and the trial over it are two crimes.
POLITICS = ("Voters in Mombasa went to the polls on Tuesday to elect a governor. "
            "The new governor met business leaders in Mombasa on Friday.")


def test_an_election_and_a_meeting_at_one_place_are_two_events() -> None:
    doc = make_doc(POLITICS, {"Mombasa": "Mombasa"}, date="2024-03-01")
    assert len(_typed(doc, "meeting")) == 2


TRIAL = ("A man was shot outside a bar in Cork in March. "
         "The suspect was arraigned in Cork on Monday on a charge of attempted murder.")


def test_a_crime_and_its_court_hearing_are_two_events() -> None:
    doc = make_doc(TRIAL, {"Cork": "Cork"}, date="2024-05-06")
    assert len(_typed(doc, "crime")) == 2


# A happening called off did not take place.
CALLED_OFF = "The derby in Rosario was postponed because of heavy rain."


def test_a_postponed_match_is_no_event() -> None:
    doc = make_doc(CALLED_OFF, {"Rosario": "Rosario"})
    assert not _typed(doc, "meeting")


# A local blotter: the story is set in Dubbo; "a Bathurst man" is where he is from, and each item that opens on
# someone new on another day is its own crime at the setting.
LOCAL_BLOTTER = ("Dubbo police report.\n"
                 "Dubbo police responded to several calls this week. "
                 "A 25-year-old woman was arrested on Friday for shoplifting at a supermarket. "
                 "A Bathurst man was arrested on Sunday for drink driving after a traffic stop. "
                 "Anyone with information should call Dubbo police.")


def test_a_person_s_home_town_is_not_where_the_arrest_was() -> None:
    doc = make_doc(LOCAL_BLOTTER, {"Dubbo": "Dubbo", "Bathurst": "Bathurst"}, date="2024-06-04")
    crimes = _typed(doc, "crime")
    places = {p.id: p.name for p in doc.places}
    assert [places[e.place_id] for e in crimes] == ["Dubbo", "Dubbo"]


# The same items on one day with no new subject are one arrest retold.
SAME_DAY = ("Dubbo police report.\n"
            "Dubbo police responded to several calls this week. "
            "A 25-year-old woman was arrested on Friday for shoplifting at a supermarket. "
            "She was arrested on Friday after staff called police. "
            "Anyone with information should call Dubbo police.")


def test_a_retold_blotter_item_stays_one() -> None:
    doc = make_doc(SAME_DAY, {"Dubbo": "Dubbo"}, date="2024-06-04")
    assert len(_typed(doc, "crime")) == 1


# "did not seek re-election": the negation reaches a trigger joined to a prefix.
NO_RERUN = "The mayor of Tauranga did not seek re-election in Tauranga this year."


def test_not_seeking_re_election_is_no_election_event() -> None:
    doc = make_doc(NO_RERUN, {"Tauranga": "Tauranga"})
    assert not _typed(doc, "meeting")


# Diplomacy and aid: a meeting told right after a trip, in a clause of its own, is at the trip's goal.
TRIP_THEN_MEETING = ("The foreign minister flew to Nairobi on Monday and met the president. "
                     "A team of 20 doctors is going to Juba to deliver medicine and meet with hospital staff.")


def test_a_meeting_after_a_trip_is_at_its_goal() -> None:
    doc = make_doc(TRIP_THEN_MEETING, {"Nairobi": "Nairobi", "Juba": "Juba"}, date="2024-03-01")
    places = {p.id: p.name for p in doc.places}
    assert [places[e.place_id] for e in _typed(doc, "meeting")] == ["Nairobi", "Juba"]


# A trip that is only said to come ("would fly") makes its meeting no more real.
PLANNED_TRIP = "The coach said he would fly to Santiago and meet the players."


def test_a_meeting_after_a_hypothetical_trip_is_no_event() -> None:
    doc = make_doc(PLANNED_TRIP, {"Santiago": "Santiago"})
    assert not _typed(doc, "meeting")


# A blotter item may open on a name and an age: someone new, on another day.
NAMED_ITEMS = ("Dubbo police report.\n"
               "Dubbo police responded to several calls this week. "
               "A 25-year-old woman was arrested on Friday for shoplifting at a supermarket. "
               "Jack Miller, 41, was arrested on Sunday for drink driving after a traffic stop. "
               "Anyone with information should call Dubbo police.")


def test_a_blotter_item_opening_on_a_name_and_age_is_its_own_crime() -> None:
    doc = make_doc(NAMED_ITEMS, {"Dubbo": "Dubbo"}, date="2024-06-04")
    assert len(_typed(doc, "crime")) == 2


# Where a happening's purpose lies is not where it happens; a place after "to take place" still is.
PURPOSE = ("Tonight the choir sings in Galway in a concert to help fund its tour in Boston. "
           "The regional tournament is to take place in Kisumu on 8 May.")


def test_a_place_in_an_infinitive_of_purpose_is_not_the_happening_s() -> None:
    doc = make_doc(PURPOSE, {"Galway": "Galway", "Boston": "Boston", "Kisumu": "Kisumu"}, date="2024-04-02")
    places = {p.id: p.name for p in doc.places}
    assert [places[e.place_id] for e in _typed(doc, "meeting")] == ["Galway", "Kisumu"]


SIGNED = "In 2019 the two governments signed an agreement to build a new port in Mtwara."


def test_an_agreement_to_build_is_not_signed_at_the_site() -> None:
    doc = make_doc(SIGNED, {"Mtwara": "Mtwara"})
    assert not [e for e in events_of(doc) if e.trigger == "signed"]


# "voters approved": a vote held at the place, a meeting of the vote kind.
REFERENDUM = "Galway voters approved the new bypass in a vote in 2019. The council met in Galway last week."


def test_voters_approved_is_a_vote_of_its_own() -> None:
    doc = make_doc(REFERENDUM, {"Galway": "Galway"}, date="2024-04-02")
    assert [e.trigger for e in _typed(doc, "meeting")] == ["voters approved", "met"]


# A travel diary's dated place lines are days of a trip, not fixtures.
DIARY = ("Our trip. 5 May: Kyoto. We walked the temple paths all day. 7 May: Nara, Japan. "
         "The deer were everywhere.")


def test_a_diary_s_dated_lines_are_no_calendar() -> None:
    doc = make_doc(DIARY, {"Kyoto": "Kyoto", "Nara": "Nara", "Japan": "Japan"}, date="2024-06-01")
    assert not _typed(doc, "meeting")


# War news: the impact verb is the trigger and the place its object; a second strike told as such is its own.
STRIKES = ("Russian missiles struck Kharkiv on Monday, killing four people. "
           "Another missile hit Kharkiv on Wednesday.")


def test_missiles_struck_a_city_is_a_strike_there_and_another_is_a_second() -> None:
    doc = make_doc(STRIKES, {"Kharkiv": "Kharkiv", "Russian": "Russia"}, date="2024-03-20")
    military = _typed(doc, "military")
    assert [e.trigger for e in military] == ["struck", "hit"]
    assert {e.place_id for e in military} == {next(p.id for p in doc.places if p.name == "Kharkiv")}


# An outbreak report's "another case was confirmed in X" is the outbreak's event there, not a statement; with no
# disease told, "in another case" is a court's.
ANOTHER_CASE = ("Health officials reported 30 cholera cases in Zambia this week. "
                "Another case was confirmed in Ndola on 14 March.")
COURT_CASE = "In another case heard in Ndola on Monday, a man was fined for speeding."


def test_another_case_in_an_outbreak_is_a_disaster_event() -> None:
    doc = make_doc(ANOTHER_CASE, {"Zambia": "Zambia", "Ndola": "Ndola"}, date="2024-03-20")
    places = {p.id: p.name for p in doc.places}
    assert "Ndola" in [places[e.place_id] for e in _typed(doc, "disaster")]
    court = make_doc(COURT_CASE, {"Ndola": "Ndola"}, date="2024-03-20")
    assert not _typed(court, "disaster")


# A quake's magnitude may stand between it and the verb that says where it struck.
QUAKE = "An earthquake of magnitude 6.4 struck Peru's Arequipa region on Sunday."


def test_a_quake_of_a_magnitude_struck_its_place() -> None:
    doc = make_doc(QUAKE, {"Peru": "Peru", "Arequipa": "Arequipa"}, date="2024-03-20")
    places = {p.id: p.name for p in doc.places}
    assert [places[e.place_id] for e in _typed(doc, "disaster")] == ["Arequipa"]


# Outbreak reports: the places an outbreak "has affected", listed, are one event each; a clause that only
# reports the figures ("have been reported from X") still says where.
AFFECTED = "In Ethiopia, the outbreak has affected Gambela, Jimma and Harar towns, with 210 cholera cases."
REPORTED_FROM = ("As of 4 April, 312 suspected cases of measles, including 6 deaths, have been reported from "
                 "Tshopo province.")


def test_places_an_outbreak_affected_are_one_event_each() -> None:
    doc = make_doc(AFFECTED, {"Ethiopia": "Ethiopia", "Gambela": "Gambela", "Jimma": "Jimma", "Harar": "Harar"})
    places = {p.id: p.name for p in doc.places}
    assert {"Gambela", "Jimma", "Harar"} <= {places[e.place_id] for e in _typed(doc, "disaster")}


def test_a_report_clause_places_the_figures_before_it() -> None:
    doc = make_doc(REPORTED_FROM, {"Tshopo": "Tshopo"}, date="2024-04-10")
    assert len(_typed(doc, "disaster")) == 1


# "a cluster of pneumonia cases in X": outbreak talk, though no listed disease is named.
CLUSTER = "Health officials were notified of a cluster of pneumonia cases in Ndola on 2 January."


def test_a_cluster_of_cases_is_an_outbreak_event() -> None:
    doc = make_doc(CLUSTER, {"Ndola": "Ndola"}, date="2024-01-10")
    assert len(_typed(doc, "disaster")) == 1


# Travel writing: "we visited the markets" is a stop on the trip, not a meeting; an official's visit still is.
SIGHTSEEING = "From Hoi An we went on to Hue, where we visited the old citadel on Tuesday."
OFFICIAL_VISIT = "The health minister visited Hue on Tuesday to meet hospital staff."


def test_a_first_person_visit_is_no_meeting() -> None:
    doc = make_doc(SIGHTSEEING, {"Hoi An": "Hoi An", "Hue": "Hue"}, date="2024-03-20")
    assert not _typed(doc, "meeting")
    official = make_doc(OFFICIAL_VISIT, {"Hue": "Hue"}, date="2024-03-20")
    assert _typed(official, "meeting")


# Travel writing: "we joined a tour and met a guide" is the traveller's own meeting; a festival "on 24 June each
# year" is a standing fact, not one happening.
MET_GUIDE = "On our second day in Arequipa we joined a walking tour and met a local guide."
YEARLY = "The lantern festival is celebrated in Hoi An on 14 February each year."


def test_a_travellers_own_meeting_is_no_event() -> None:
    doc = make_doc(MET_GUIDE, {"Arequipa": "Arequipa"})
    assert not _typed(doc, "meeting")


def test_a_date_that_recurs_each_year_is_a_habit() -> None:
    doc = make_doc(YEARLY, {"Hoi An": "Hoi An"}, date="2024-03-20")
    assert not _typed(doc, "meeting")


# A plane crash "shortly after take-off from X" is near X; a crash "on its way from X" is not placed there.
TAKE_OFF = ("A cargo plane crashed shortly after take-off from Entebbe on Monday. "
            "A bus crashed on its way from Kampala on Tuesday.")


def test_a_crash_after_take_off_is_near_the_airport_it_left() -> None:
    doc = make_doc(TAKE_OFF, {"Entebbe": "Entebbe", "Kampala": "Kampala"}, date="2024-03-20")
    places = {p.id: p.name for p in doc.places}
    assert [places[e.place_id] for e in _typed(doc, "accident")] == ["Entebbe"]


# An ordinal that ranks ("the third derby in the club's history") tells no new happening.
RANKED = ("The club played a derby in Glasgow on Saturday. "
          "It was only the third derby in Glasgow in the club's history.")


def test_a_ranking_ordinal_is_no_new_happening() -> None:
    doc = make_doc(RANKED, {"Glasgow": "Glasgow"}, date="2024-03-20")
    assert len(_typed(doc, "meeting")) == 1
