"""Event recall, round 6 (issue #16): a sentence that names no place, under a heading that names one.

An outbreak bulletin tells its country totals with no place ("... suspected cases, including 41 deaths, were
reported from nine districts") under a heading that names the country; a local story may name its town only in
the headline ("Ballarat council backs new library" over "The council approved ..."). Both lost their events:
triggers were looked for only in sentences that name a place unless the story had a setting, and a setting needed
two mentions of one town. Short texts written for these tests, from several regions, with negatives beside each.
"""

from __future__ import annotations

from tests.story_docs import by_place, events_of, make_doc


def _at(text: str, names: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    doc = make_doc(text, names)
    return {k: [(e.type, e.trigger) for e in v] for k, v in by_place(events_of(doc), doc).items()}


# --------------------------------------------------------------------------
# An outbreak bulletin's totals: the heading's country
# --------------------------------------------------------------------------

def test_a_bulletins_totals_are_its_headings_country() -> None:
    # East Asia: the totals name no place; the heading says whose they are.
    text = ("Measles – Mongolia\n\nBetween 1 March and 20 April, a total of 1,204 suspected cases, including three "
            "deaths, were reported from six provinces.")
    got = _at(text, {"Mongolia": "Mongolia"})
    assert [kind for kind, _ in got.get("Mongolia", [])] == ["disaster"], got


def test_a_bulletin_from_another_region_keeps_its_totals_too() -> None:
    # South America: the heading with a hyphen, the figures in the second paragraph.
    text = ("Dengue - Peru\n\nDisease outbreak news\n\nSince the start of the year, 48,210 cases and 62 deaths "
            "have been recorded across the northern coast.")
    got = _at(text, {"Peru": "Peru"})
    assert any(kind == "disaster" for kind, _ in got.get("Peru", [])), got


def test_a_heading_with_no_disease_places_no_totals() -> None:
    # Negative: a country heading over figures is not an outbreak report ("Economy - Chile").
    text = ("Economy - Chile\n\nA total of 2,100 cases of fraud, including 41 convictions, were reported from "
            "nine regions.")
    got = _at(text, {"Chile": "Chile"})
    assert not got.get("Chile"), got


# --------------------------------------------------------------------------
# A local story's town named only in its headline
# --------------------------------------------------------------------------

def test_a_headline_town_places_what_the_body_tells_with_no_place() -> None:
    # Oceania, civic news: the town only in the headline.
    text = ("Ballarat council backs new library\n\nThe council approved the plan on Tuesday by a 5-2 vote. "
            "Construction is due to start next year.")
    got = _at(text, {"Ballarat": "Ballarat"})
    assert ("meeting", "council approved") in got.get("Ballarat", []), got


def test_a_headline_town_places_a_crime_in_the_body() -> None:
    # East Africa, crime: a lead with no place of its own.
    text = ("Kisumu traders count their losses\n\nPolice arrested two men on Sunday after a break-in at the "
            "central market. Traders said stalls had been looted twice this month.")
    got = _at(text, {"Kisumu": "Kisumu"})
    assert any(kind == "crime" for kind, _ in got.get("Kisumu", [])), got


def test_a_headline_town_does_not_place_a_body_that_names_another_town() -> None:
    # Negative: the body names a second town; the story ranges, so the placeless sentence is not the headline's.
    text = ("Ballarat council backs new library\n\nThe mayor of Bendigo praised the plan. The council approved "
            "the plan on Tuesday by a 5-2 vote.")
    got = _at(text, {"Ballarat": "Ballarat", "Bendigo": "Bendigo"})
    assert ("meeting", "council approved") not in got.get("Ballarat", []), got


def test_a_lead_sentence_is_not_a_headline() -> None:
    # Negative: the town in a full sentence (a full stop) is a lead that names it once, not a heading.
    text = ("Residents of Ballarat have long asked for a library. The council approved the plan on Tuesday by a 5-2 "
            "vote.")
    got = _at(text, {"Ballarat": "Ballarat"})
    assert ("meeting", "council approved") not in got.get("Ballarat", []), got


def test_a_headline_with_two_towns_places_nothing_by_itself() -> None:
    # Negative: two towns in the headline, none in the body: which one the council sits in is not said.
    text = ("Ballarat and Bendigo weigh new library\n\nThe council approved the plan on Tuesday by a 5-2 vote.")
    got = _at(text, {"Ballarat": "Ballarat", "Bendigo": "Bendigo"})
    assert not any(kind == "meeting" for v in got.values() for kind, _ in v), got


def test_a_headline_town_that_is_someones_home_places_nothing() -> None:
    # Negative, North America: "Tulsa man ..." says where he is from; the court that sentenced him is not said.
    text = ("Tulsa man gets 12 years for fraud\n\nA federal judge imposed the sentence on Friday. He pleaded guilty "
            "to nine counts of wire fraud.")
    got = _at(text, {"Tulsa": "Tulsa"})
    assert not any(trigger != "fraud" for _, trigger in got.get("Tulsa", [])), got  # (the headline's own word
    # is placed by its own sentence, as before)
