"""Outbreak reports and disasters: one event per place given a figure, a first case, deaths of the outbreak's type.

Short reports written for these tests (not real ones), from several regions.
"""

from __future__ import annotations

from tests.story_docs import by_place, events_of, make_doc


def test_bracketed_counts_after_coordinated_provinces_give_each_its_event() -> None:
    text = ("Cases of cholera have been reported in Sindh (120) and Balochistan (45). "
            "The first case was detected in the town of Sukkur on 2 February.")
    doc = make_doc(text, {"Sindh": "Sindh", "Balochistan": "Balochistan", "Sukkur": "Sukkur"})
    at = by_place(events_of(doc), doc)
    assert {name: [e.type for e in evs] for name, evs in at.items()} == {
        "Sindh": ["disaster"], "Balochistan": ["disaster"], "Sukkur": ["disaster"]}


def test_cases_reported_from_a_province_are_there() -> None:
    doc = make_doc("Twelve confirmed cases of measles were reported from Kasai last week.", {"Kasai": "Kasai"})
    assert [e.type for e in events_of(doc)] == ["disaster"]


def test_deaths_told_after_an_outbreak_are_the_outbreak_s() -> None:
    text = ("An outbreak of dengue in Bangladesh has killed 1,000 people this year. "
            "Dhaka accounts for most of the deaths.")
    doc = make_doc(text, {"Bangladesh": "Bangladesh", "Dhaka": "Dhaka"})
    at = by_place(events_of(doc), doc)
    assert [e.type for e in at["Dhaka"]] == ["disaster"]
    assert [e.type for e in at["Bangladesh"]] == ["disaster"]  # its own figure: kept beside the city


def test_a_country_without_its_own_figure_gives_way_to_the_town() -> None:
    text = "Floods hit Peru on Monday. The floods cut roads near Piura."
    doc = make_doc(text, {"Peru": "Peru", "Piura": "Piura"})
    assert set(by_place(events_of(doc), doc)) == {"Piura"}


def test_an_impact_verb_reaches_a_place_named_through_its_country() -> None:
    doc = make_doc("A strong earthquake struck Turkey's Hatay province on Monday.",
                   {"Turkey": "Turkey", "Hatay": "Hatay"})
    assert [(n, [e.type for e in evs]) for n, evs in by_place(events_of(doc), doc).items()] == [
        ("Hatay", ["disaster"])]


def test_a_count_with_its_noun_elided_names_its_own_place() -> None:
    text = "The ministry confirmed 14 new cases of mpox in Kinshasa and three in Goma, and 12 more in Bukavu."
    doc = make_doc(text, {"Kinshasa": "Kinshasa", "Goma": "Goma", "Bukavu": "Bukavu"})
    assert {n: [e.type for e in evs] for n, evs in by_place(events_of(doc), doc).items()} == {
        "Kinshasa": ["disaster"], "Goma": ["disaster"], "Bukavu": ["disaster"]}


def test_a_weapon_shot_down_over_a_region_is_military() -> None:
    doc = make_doc("Air defences shot down 20 drones over the Kharkiv region overnight.", {"Kharkiv": "Kharkiv"})
    assert [e.type for e in events_of(doc)] == ["military"]


def test_places_listed_after_a_colon_or_including_each_get_the_outbreak() -> None:
    text = ("The hepatitis E outbreak is spreading. "
            "As of 20 March, 2,092 cases, including 8 deaths, have been reported from four districts: "
            "Moroto, Kotido, Napak and Abim. "
            "Kenya has reported 300 cases in five counties, including Turkana and Marsabit.")
    names = {"Moroto": "Moroto", "Kotido": "Kotido", "Abim": "Abim", "Kenya": "Kenya", "Turkana": "Turkana",
             "Marsabit": "Marsabit"}  # Napak is left unfound, as a geoparser may leave a name
    doc = make_doc(text, names)
    placed = {doc.text[m.start:m.end] for e in events_of(doc) if e.type == "disaster"
              for p in doc.places if p.id == e.place_id for m in p.mentions}
    assert {"Moroto", "Kotido", "Abim", "Turkana", "Marsabit"} <= placed


def test_a_case_from_a_district_is_there() -> None:
    text = "The index case, a 34-year-old man from Kasese, developed symptoms on 2 May."
    doc = make_doc(text, {"Kasese": "Kasese"})
    assert [e.type for e in events_of(doc)] == ["disaster"]


def test_cases_with_no_disease_told_are_no_outbreak() -> None:
    text = ("As with most assault cases in Kisumu, the two knew each other. "
            "Health officials confirmed 12 cases of cholera in Nakuru on Monday.")
    doc = make_doc(text, {"Kisumu": "Kisumu", "Nakuru": "Nakuru"})
    assert set(by_place(events_of(doc), doc)) == {"Nakuru"}


def test_a_conference_centre_or_coming_under_fire_is_no_happening() -> None:
    text = ("The project in Durban includes a hotel and a conference centre. "
            "The minister came under fire in Pretoria over the plan.")
    doc = make_doc(text, {"Durban": "Durban", "Pretoria": "Pretoria"})
    assert events_of(doc) == []
