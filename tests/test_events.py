"""Events: the seed, plus articles written for these tests (not real ones).

What an action is, where and when it happened and who did it (the shared
reading, geoviz.story.context), as the events of extract_events show it.
"""

from __future__ import annotations

import re

import pytest

from geoviz.model import Document
from tests.story_docs import LA_NAMES, article, by_place, events_of, make_doc, place_names


def test_seed_events(seed_doc: Document) -> None:
    events = events_of(seed_doc)
    at = by_place(events, seed_doc)
    khasan = at["Khasan"][0]
    assert (khasan.type, khasan.date_label, khasan.date) == ("arrival", "Tuesday", "2023-09-12")
    assert "Kim" in khasan.actors
    summit = at["Vostochny Cosmodrome"][0]
    assert (summit.type, summit.date_label, summit.date) == ("meeting", "Wednesday", "2023-09-13")
    assert "President Putin" in summit.actors
    test = at["North Korea"][0]
    assert test.type == "military" and test.date == "2023-09-13"
    assert test.place_id == "gn:1873107"  # the country itself: no invented launch site
    assert test.certainty < 0.9  # "according to the South Korean military"
    assert "North Korea" in test.actors
    white = at["White House"][0]
    assert white.type == "statement" and white.actors == ["White House"]
    for e in events:
        assert seed_doc.text[e.start:e.end] == e.sentence
        assert e.place_id in {p.id for p in seed_doc.places}
    # Nothing is placed in Ukraine or Vladivostok: neither is where an action happened.
    assert "Ukraine" not in at and "Vladivostok" not in at
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]


def test_seed_events_without_article_date_keep_labels(seed_doc: Document) -> None:
    doc = Document(seed_doc.text, seed_doc.places, date=None)
    events = events_of(doc)
    assert all(e.date is None for e in events)
    assert [e.date_label for e in events if e.date_label] == ["Tuesday", "Wednesday", "Wednesday"]


DATES = (
    "A strong earthquake struck near Valparaíso on 3 March 2024, officials said. The next day, rescue teams "
    "arrived in Valparaíso. On Wednesday, the president visited Valparaíso. Protesters rallied in Santiago "
    "yesterday. Last week, ministers met in Lima."
)


DATE_NAMES = {"Valparaíso": "Valparaíso", "Santiago": "Santiago", "Lima": "Lima"}


def test_absolute_and_relative_dates_against_article_date() -> None:
    doc = make_doc(DATES, DATE_NAMES, date="2024-03-08")  # a Friday
    got = [(e.type, e.date, e.date_label) for e in events_of(doc)]
    assert got == [
        ("disaster", "2024-03-03", "3 March 2024"),
        ("arrival", "2024-03-04", "The next day"),
        ("meeting", "2024-03-06", "Wednesday"),  # a visit is a meeting there (STORY-GOLD.md) ...
        ("travel", "2024-03-06", "Wednesday"),  # ... and a movement there
        ("protest", "2024-03-07", "yesterday"),  # "Protesters rallied": a protest, not a generic event
        ("meeting", "2024-02-26", "Last week"),
    ]


def test_dates_without_article_date_are_labels_in_text_order() -> None:
    doc = make_doc(DATES, DATE_NAMES)
    got = [(e.date, e.date_label) for e in events_of(doc)]
    # Absolute dates still resolve, and "the next day" follows them; the rest stays a label.
    assert got == [("2024-03-03", "3 March 2024"), ("2024-03-04", "The next day"), (None, "Wednesday"),
                   (None, "Wednesday"), (None, "yesterday"), (None, "Last week")]


def test_iso_and_month_first_dates() -> None:
    text = "Talks were held in Geneva on 2023-09-13. On September 20, 2023, the envoys met in Vienna."
    doc = make_doc(text, {"Geneva": "Geneva", "Vienna": "Vienna"})
    assert [(e.type, e.date) for e in events_of(doc)] == [("meeting", "2023-09-13"), ("meeting", "2023-09-20")]


def test_hedged_language_lowers_certainty() -> None:
    text = ("Russia may conduct a missile test near Kaliningrad next week, according to analysts. "
            "Russia held naval drills near Kaliningrad on Monday.")
    doc = make_doc(text, {"Russia": "Russia", "Kaliningrad": "Kaliningrad"})
    hedged, plain = events_of(doc)
    assert hedged.type == plain.type == "military"
    assert hedged.place_id == plain.place_id
    assert hedged.certainty < plain.certainty
    assert next(p.name for p in doc.places if p.id == plain.place_id) == "Kaliningrad"


def test_metonym_subject_makes_a_statement_event() -> None:
    text = "The Kremlin warned on Friday that any new sanctions would be met with a response."
    doc = make_doc(text, {"Kremlin": "Kremlin"})
    (e,) = events_of(doc)
    assert e.type == "statement" and e.date_label == "Friday"


def test_country_disaster_keeps_country() -> None:
    text = "Severe floods hit Bangladesh on Sunday, displacing thousands."
    doc = make_doc(text, {"Bangladesh": "Bangladesh"})
    (e,) = events_of(doc)
    assert e.type == "disaster" and e.place_id == doc.places[0].id


def test_labour_strike_is_a_protest_and_places_are_never_actors() -> None:
    doc = make_doc(article("la.txt"), LA_NAMES, date="2024-04-12")
    events = events_of(doc)
    at = by_place(events, doc)
    assert [e.type for e in at["Potosí"]] == ["protest"] and [e.type for e in at["Oruro"]] == ["protest"]
    assert at["Potosí"][0].actors == ["miners"]
    assert not any(e.type == "military" for e in events)
    places = place_names(doc)
    assert not any(a in places for e in events for a in e.actors)
    assert at["Lima"][0].actors == ["the Peruvian government"]


@pytest.mark.parametrize("phrase", [
    "Teachers in Lima went on strike on Monday.",
    "Unions called a general strike in Lima on Monday.",
    "A strike by dock workers in Lima entered its third day on Monday.",
    "Two prisoners in Lima are on hunger strike.",
    "Striking miners marched in Lima on Monday.",
])
def test_labour_actions_are_protests_not_military(phrase: str) -> None:
    doc = make_doc(phrase, {"Lima": "Lima"})
    (e,) = events_of(doc)
    assert e.type == "protest" and e.place_id == doc.places[0].id


def test_military_strike_stays_military() -> None:
    doc = make_doc("A drone strike hit a depot near Kharkiv on Monday.", {"Kharkiv": "Kharkiv"})
    assert [e.type for e in events_of(doc)] == ["military"]


def test_no_catastrophic_regex_on_hostile_text() -> None:
    import time

    hostile = "The " + "A " * 20000 + "of " * 20000 + "," * 20000 + " in the " * 5000 + re.escape("x") * 10
    t = time.perf_counter()
    events_of(Document(text=hostile, places=[]))
    assert time.perf_counter() - t < 5


# --------------------------------------------------------------------------
# The types of STORY-GOLD.md in short articles of our own (issue #16), several regions and kinds of news
# --------------------------------------------------------------------------


def _typed(text: str, names: dict[str, str]) -> list[tuple[str, str]]:
    """(type, the mention's text) of each event that is not speech."""
    doc = make_doc(text, names)
    said = {p.id: p.mentions[0].text for p in doc.places}
    return [(e.type, said[e.place_id or ""]) for e in events_of(doc) if e.type != "statement"]


def test_crime_shooting_arrest_and_court() -> None:
    text = ("Two men were shot outside a bar in Leeds late on Friday, police said. Officers arrested a "
            "19-year-old in Bradford on Sunday. He appeared before magistrates in Sheffield on Monday.")
    got = _typed(text, {"Leeds": "Leeds", "Bradford": "Bradford", "Sheffield": "Sheffield"})
    assert got == [("crime", "Leeds"), ("crime", "Bradford"), ("crime", "Sheffield")]


def test_accident_crash_and_derailment() -> None:
    text = ("A bus collided with a lorry near Kumasi on Tuesday, killing six passengers. A freight train "
            "derailed outside Takoradi the same day.")
    assert _typed(text, {"Kumasi": "Kumasi", "Takoradi": "Takoradi"}) == [("accident", "Kumasi"),
                                                                          ("accident", "Takoradi")]


def test_outbreak_one_disaster_per_place_with_cases() -> None:
    text = ("Health officials confirmed 42 cholera cases in Beira this week. Cases were also reported in "
            "Quelimane, and an outbreak of measles was declared in Nampula.")
    got = _typed(text, {"Beira": "Beira", "Quelimane": "Quelimane", "Nampula": "Nampula"})
    assert got == [("disaster", "Beira"), ("disaster", "Quelimane"), ("disaster", "Nampula")]


def test_match_festival_and_election_are_meetings() -> None:
    text = ("Porto beat Benfica 2-1 in the league match at Porto on Saturday. The jazz festival in Montreux "
            "opens next week, and voters in Geneva go to the polls for a referendum on Sunday.")
    got = _typed(text, {"Porto": "Porto", "Montreux": "Montreux", "Geneva": "Geneva"})
    assert ("meeting", "Montreux") in got and ("meeting", "Geneva") in got
    assert all(t == "meeting" for t, _ in got)


def test_a_happening_named_after_its_place_is_there() -> None:
    # The place inside the event's name locates it, not a wider place named after it.
    text = ("Crowds packed the rides at the Essex County Fair in New Jersey on Saturday. Thunder Snow won the "
            "Dubai World Cup last night, and the Kerala floods killed 40 people last week.")
    got = _typed(text, {"Essex County": "Essex County", "New Jersey": "New Jersey", "Dubai": "Dubai",
                        "Kerala": "Kerala"})
    assert got == [("meeting", "Essex County"), ("meeting", "Dubai"), ("disaster", "Kerala")]


def test_active_shooting_verbs_are_crimes() -> None:
    text = ("Police said a gunman shot a man outside a market in Accra on Monday. In Durban, a taxi driver was "
            "fatally shot on Friday, and shots fired near a school in Cali were reported by neighbours.")
    got = _typed(text, {"Accra": "Accra", "Durban": "Durban", "Cali": "Cali"})
    assert got == [("crime", "Accra"), ("crime", "Durban"), ("crime", "Cali")]


def test_outbreak_report_phrasing() -> None:
    # Outbreak bulletins: a single qualified case, a figure with a thousands comma after its country, and a
    # passive report ("were reported in") that is the happening's, not speech.
    text = ("Kagadi has reported one probable case. Since January, Bangladesh has recorded 1,200 suspected "
            "dengue cases. In Peru, two deaths were reported in Piura.")
    got = _typed(text, {"Kagadi": "Kagadi", "Bangladesh": "Bangladesh", "Peru": "Peru", "Piura": "Piura"})
    assert got == [("disaster", "Kagadi"), ("disaster", "Bangladesh"), ("other", "Piura")]


def test_international_news_phrasing() -> None:
    # Wire-service shapes: a bomber, an air raid verb, a street protest, a detention, a road plunge, a street
    # clash that is a protest's, and a toll clause that belongs to the quake before it.
    text = ("At least 12 people were killed when a suicide bomber struck a market in Quetta on Friday. "
            "Jets pounded targets in Idlib overnight. Thousands took to the streets of Caracas on Sunday. "
            "Police in Dakar detained 40 people. A bus plunged into a ravine near Cusco. "
            "Protesters clashed with riot police in Valparaiso. "
            "A strong quake hit central Chile, killing 30 in Talca.")
    names = {n: n for n in ("Quetta", "Idlib", "Caracas", "Dakar", "Cusco", "Valparaiso", "Chile", "Talca")}
    assert _typed(text, names) == [("military", "Quetta"), ("military", "Idlib"), ("protest", "Caracas"),
                                   ("crime", "Dakar"), ("accident", "Cusco"), ("protest", "Valparaiso"),
                                   ("disaster", "Talca")]


def test_marching_and_performing() -> None:
    # "marched" is a protest (the month "March" is not), "will perform in" a meeting-type happening.
    text = "Hundreds of nurses marched in Accra on Monday. In March, the pianist will perform in Vienna."
    got = _typed(text, {"Accra": "Accra", "Vienna": "Vienna"})
    assert got == [("protest", "Accra"), ("meeting", "Vienna")]


def test_an_attack_without_armed_forces_is_a_crime() -> None:
    text = ("Fans attacked the team bus outside the stadium in Porto on Tuesday. "
            "Rebels attacked an army post near Goma overnight.")
    assert _typed(text, {"Porto": "Porto", "Goma": "Goma"}) == [("crime", "Porto"), ("military", "Goma")]


def test_named_storms_and_town_fire_services() -> None:
    # A storm's name between it and its impact verb; a town's "Fire" service is no blaze.
    text = ("Typhoon Haiyan struck Tacloban on Friday. Volunteers worked with Cebu Fire and Police at the "
            "port.")
    assert _typed(text, {"Tacloban": "Tacloban", "Cebu": "Cebu"}) == [("disaster", "Tacloban")]


def test_floodwaters_polls_and_collapses() -> None:
    text = ("Floodwaters swept through Maiduguri on Tuesday. Voters in Lusaka went to the polls on Thursday. "
            "Two people died after a building collapsed in Ibadan.")
    got = _typed(text, {"Maiduguri": "Maiduguri", "Lusaka": "Lusaka", "Ibadan": "Ibadan"})
    assert got == [("disaster", "Maiduguri"), ("meeting", "Lusaka"), ("accident", "Ibadan")]


def test_each_noun_with_its_own_place_in_one_clause() -> None:
    # One clause, two happenings: each trigger noun governs its own "in X"; deaths told with an outbreak are
    # the outbreak's, clashes told with protests are the protests'.
    text = ("The ministry said 15 new cholera cases had been confirmed in Kananga and three deaths in Mbuji-Mayi. "
            "Protests in Rajshahi and clashes in Khulna left many hurt.")
    names = {n: n for n in ("Kananga", "Mbuji-Mayi", "Rajshahi", "Khulna")}
    assert _typed(text, names) == [("disaster", "Kananga"), ("disaster", "Mbuji-Mayi"), ("protest", "Rajshahi"),
                                   ("protest", "Khulna")]


def test_a_launch_lifts_off_in_a_plume_of_fire_not_a_fire() -> None:
    text = "The rocket blasted off from Kourou on Tuesday in a plume of fire and soared over the Atlantic."
    # (a launch "from Kourou" is also a departure from there: tests/test_journeys_round4.py)
    assert [t for t in _typed(text, {"Kourou": "Kourou"}) if t[0] != "departure"] == [("other", "Kourou")]


def test_speech_is_not_an_event_marker() -> None:
    # "officials in Washington said": a statement, which the map keeps off by default and scores leave out.
    text = "Officials in Washington said on Monday that the talks would resume."
    doc = make_doc(text, {"Washington": "Washington, D.C."})
    assert [e.type for e in events_of(doc) if e.type != "statement"] == []


def test_dateline_places_a_local_story() -> None:
    # The body names no place: the story is filed from Springfield, so that is where the fire was.
    text = ("Fire guts family home. SPRINGFIELD, Ill. (AP) - A fire destroyed a two-storey house early "
            "Sunday. Firefighters said no one was hurt.")
    assert _typed(text, {"SPRINGFIELD": "SPRINGFIELD"}) == [("disaster", "SPRINGFIELD")]


def test_most_specific_place_and_one_event_per_happening() -> None:
    text = ("Kim's visit to Russia ended on Friday. The summit with Putin was held at Vladivostok, and the summit "
            "was described as warm.")
    got = [x for x in _typed(text, {"Russia": "Russia", "Vladivostok": "Vladivostok"}) if x[0] != "travel"]
    assert got == [("meeting", "Vladivostok")]  # not a second meeting "in Russia", not the summit twice


def test_summary_is_a_whole_clause() -> None:
    text = ("President Ana Ruiz, who had flown in from Quito the night before and spoke briefly to reporters "
            "at the airport about the border dispute, opened the regional summit in Lima on Monday morning.")
    doc = make_doc(text, {"Quito": "Quito", "Lima": "Lima"})
    (e,) = [e for e in events_of(doc) if e.type == "meeting"]
    assert e.summary.startswith("President Ana Ruiz") and "summit" in e.summary


def test_conditionals_and_negations_are_no_events() -> None:
    # STORY-GOLD.md: hypotheticals are not events; "had never been arrested" tells of no arrest.
    text = ("If talks were held in Oslo, the ministers would attend. The suspect had never been arrested in "
            "Bergen. Police arrested two men in Trondheim on Friday.")
    got = _typed(text, {"Oslo": "Oslo", "Bergen": "Bergen", "Trondheim": "Trondheim"})
    assert got == [("crime", "Trondheim")]
