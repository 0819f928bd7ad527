"""Events told by words the trigger lists lacked, and two happenings told in one clause.

Short articles written for these tests (not real ones), from several regions and kinds of news.
"""

from __future__ import annotations

import pytest

from tests.story_docs import by_place, events_of, make_doc


def _at(text: str, names: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    doc = make_doc(text, names)
    return {k: [(e.type, e.trigger) for e in v] for k, v in by_place(events_of(doc), doc).items()}


@pytest.mark.parametrize(("text", "place", "kind", "trigger"), [
    # West Africa: a foreign force going in is a military action, named by a noun
    ("A regional force began an armed intervention in Mali in January.", "Mali", "military", "intervention"),
    # East Africa, shipping: the cargo comes off where the ship lies
    ("The freighter docked in Mombasa, where its cargo of maize was offloaded.", "Mombasa", "other", "offloaded"),
    # South Asia: a council stopping a project is a happening where it sits
    ("The city council in Lahore has halted the road project until June.", "Lahore", "other", "halted"),
    # Business: a shop made over
    ("The grocery chain revamped its store in Nairobi last month.", "Nairobi", "other", "revamped"),
    # Transport: a service beginning
    ("A night bus service in Glasgow started up on Monday.", "Glasgow", "other", "started up"),
    # Environment: harm to a river's life
    ("Farm run-off is pouring into rivers in Tasmania, decimating fish stocks.", "Tasmania", "disaster",
     "decimating"),
])
def test_a_new_trigger_word_makes_a_placed_event(text: str, place: str, kind: str, trigger: str) -> None:
    assert (kind, trigger) in _at(text, {place: place}).get(place, [])


def test_a_visit_to_one_place_and_a_war_in_another_are_both_told() -> None:
    # The war outranks the visit as the clause's happening; the visit to Dakar still has its own place.
    text = "In a visit to Dakar on 3 May the minister criticised the 2011 intervention in Libya."
    got = _at(text, {"Dakar": "Dakar", "Libya": "Libya"})
    assert ("meeting", "visit") in got.get("Dakar", [])
    assert ("military", "intervention") in got.get("Libya", [])


@pytest.mark.parametrize("text", [
    "The clinic in Leeds runs an early intervention programme for toddlers.",
    "Fans in Naples prayed for divine intervention before the final.",
])
def test_an_intervention_that_is_no_force_going_in_is_no_military_event(text: str) -> None:
    place = "Leeds" if "Leeds" in text else "Naples"
    assert all(kind != "military" for kind, _ in _at(text, {place: place}).get(place, []))


def test_a_ruined_portfolio_is_no_disaster() -> None:
    # Only the verb "decimating" is listed: the adjective "decimated" names a state, not a happening.
    text = "Investors in Chicago watched a decimated stock portfolio recover slowly."
    assert all(kind != "disaster" for kind, _ in _at(text, {"Chicago": "Chicago"}).get("Chicago", []))


def test_a_where_clause_cut_by_an_aside_keeps_its_place() -> None:
    # East Africa, shipping: the dashes cut "where its passengers" from its verb; the place is still Zanzibar's.
    text = ("The ferry limped on and at dawn docked in Zanzibar, where its passengers - many of them pilgrims "
            "bound for the coast - were evacuated.")
    assert ("other", "evacuated") in _at(text, {"Zanzibar": "Zanzibar"}).get("Zanzibar", [])


def test_a_clause_with_a_subject_of_its_own_is_no_where_clause() -> None:
    # South America: "the president signed" is not what happened "where" the aside was.
    text = ("Delegates gathered in Quito, where the talks - long delayed by strikes - continued, "
            "and the president signed the accord.")
    got = _at(text, {"Quito": "Quito"}).get("Quito", [])
    assert ("other", "signed") not in got


def test_a_tragedy_named_at_a_place_is_a_happening_there() -> None:
    # Central America: a disaster named only by what it did to people
    text = "Relief workers arrived a week after the tragedy in Guatemala that buried a village."
    assert ("other", "tragedy") in _at(text, {"Guatemala": "Guatemala"}).get("Guatemala", [])


def test_boarded_up_is_no_departure_that_hides_the_happening() -> None:
    # South Asia: "boarded" of "boarded up" is no boarding of a ship, and must not outrank the closure.
    text = "Officials boarded up and closed the market in Chittagong on Monday."
    got = _at(text, {"Chittagong": "Chittagong"}).get("Chittagong", [])
    assert ("other", "closed") in got
    assert all(kind != "departure" for kind, _ in got)


def test_a_vote_and_a_hearing_told_in_one_sentence_are_two_meetings() -> None:
    # Local politics (Australia): other clauses, and kinds the happening_kinds table tells apart.
    text = ("Geelong residents angry at council.\n"
            "Geelong residents wrote to the council all week. The mayor was to speak at a public hearing on "
            "Tuesday, but a 4-3 vote by the council delayed that hearing until May.")
    got = _at(text, {"Geelong": "Geelong"}).get("Geelong", [])
    assert ("meeting", "vote") in got
    assert len([k for k, _ in got if k == "meeting"]) == 2


@pytest.mark.parametrize("text", [
    # one happening told by two words of one clause, or of clauses joined by "and"
    "The board set a special meeting on Friday at a school in Mombasa to discuss and vote on the plan.",
    "A college in Mombasa hosts its annual book sale this week.",
])
def test_one_happening_told_with_two_words_is_one_event(text: str) -> None:
    got = _at(text, {"Mombasa": "Mombasa"}).get("Mombasa", [])
    assert len([k for k, _ in got if k != "statement"]) == 1
