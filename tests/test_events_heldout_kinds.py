"""Events on the kinds of text the held-out set is made of (issue #16): outbreak reports, international news,
travel writing.

The twenty articles in tests/articles/heldout_kinds/ were written for this test (not real ones), from Africa,
Asia, Latin America, Europe, the Middle East and Oceania, and labelled by hand by the rules of the story gold
(one event per happening at its most specific named place; no movement, speech, standing facts, background dates,
habits or plans). Each article runs through the whole pipeline (``geoviz.analyse``), so recognition, resolution
and the event rules are measured together, as the held-out set measures them.

``EXPECTED`` holds the events a reader must find; ``ALLOWED`` the happenings the rules leave open (a
vaccination campaign in a district that already has its cases, a lab confirming a sample, a weekly market): found
or not, they count neither way. A predicted event at any other place is a false event.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest

import geoviz
from tests.conftest import ROOT

ARTICLES = ROOT / "tests" / "articles" / "heldout_kinds"

# article -> [(type, place as written)]; "A|B": either name is the place ("rockets fired at a base in northern Israel,
# and sirens sounded in Kiryat Shmona": the base's town is not named, so the country is the most specific place)
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "outbreak_cholera_malawi": [("disaster", "Malawi"), ("disaster", "Blantyre"), ("disaster", "Machinga"),
                                ("disaster", "Zomba"), ("disaster", "Lake Chilwa"), ("meeting", "Phalombe"),
                                ("disaster", "Mangochi")],
    "outbreak_ebola_drc": [("disaster", "Equateur"), ("disaster", "Bulape"), ("disaster", "Bikoro"),
                           ("disaster", "Mbandaka")],
    "outbreak_dengue_bangladesh": [("disaster", "Bangladesh"), ("disaster", "Dhaka"), ("disaster", "Chattogram"),
                                   ("disaster", "Barishal"), ("disaster", "Barguna")],
    "outbreak_meningitis_niger": [("disaster", "Zinder"), ("disaster", "Mirriah"), ("disaster", "Magaria"),
                                  ("disaster", "Niamey")],
    "outbreak_diphtheria_nigeria": [("disaster", "Nigeria"), ("disaster", "Kano"), ("disaster", "Yobe"),
                                    ("disaster", "Katsina"), ("disaster", "Bauchi"), ("disaster", "Ungogo"),
                                    ("disaster", "Lagos")],
    "outbreak_avian_cambodia": [("disaster", "Tram Kak|Takeo"), ("disaster", "Prey Veng")],
    "outbreak_lepto_fiji": [("disaster", "Ba"), ("disaster", "Lautoka"), ("disaster", "Nadi"),
                            ("disaster", "Rakiraki")],
    "news_shelling_ukraine": [("military", "Kupiansk"), ("military", "Balakliia"), ("military", "Petropavlivka"),
                              ("military", "Kherson")],
    "news_election_ghana": [("meeting", "Accra"), ("protest", "Accra"), ("meeting", "Kumasi"), ("crime", "Tamale"),
                            ("meeting", "Cape Coast")],
    "news_protests_kenya": [("protest", "Nairobi"), ("protest", "Mombasa"), ("protest", "Kisumu")],
    "news_summit_asean": [("meeting", "Vientiane"), ("accident", "Second Thomas Shoal"), ("military", "Shan")],
    "news_floods_brazil": [("disaster", "Rio Grande do Sul"), ("disaster", "Porto Alegre"),
                           ("disaster", "Bento Gonçalves"), ("accident", "Cotiporã"), ("disaster", "Santa Maria")],
    "news_ferry_bangladesh": [("accident", "Chandpur|Meghna")],
    "news_verdict_turkey": [("crime", "Istanbul"), ("crime", "Izmir")],
    "news_strikes_lebanon": [("military", "Aitaroun"), ("military", "Nabatieh|Kfar Roummane"), ("military", "Tyre"),
                             ("military", "Israel|Kiryat Shmona"), ("meeting", "Beirut")],
    "travel_bunol_spain": [("meeting", "Buñol")],
    "travel_marrakech": [("disaster", "Al Haouz")],
    "travel_oaxaca": [("meeting", "Oaxaca")],
    "travel_napier_nz": [("disaster", "Napier"), ("disaster", "Esk Valley")],
    "travel_kyoto": [("meeting", "Kyoto")],
}

# Happenings the rules leave open: at these places an event is neither required nor false.
ALLOWED: dict[str, list[str]] = {
    "outbreak_cholera_malawi": ["Lilongwe", "Mangochi", "Blantyre", "Machinga"],
    "outbreak_ebola_drc": ["Democratic Republic of the Congo", "Kinshasa", "Bulape"],
    "outbreak_dengue_bangladesh": ["Dhaka"],
    "outbreak_meningitis_niger": ["Niger", "Niamey IV", "Mirriah", "Magaria"],
    "outbreak_diphtheria_nigeria": ["Kano", "Katsina", "Abuja", "Nassarawa"],
    "outbreak_avian_cambodia": ["Phnom Penh", "Cambodia"],
    "outbreak_lepto_fiji": ["Fiji", "Western Division", "Ba River", "Lautoka"],
    "news_shelling_ukraine": ["Kharkiv", "Donetsk"],
    "news_election_ghana": ["Ghana", "Kumasi", "Madina", "Kaneshie"],
    "news_protests_kenya": ["Kisumu", "Nairobi"],
    "news_summit_asean": ["Vientiane", "Jakarta", "Myanmar"],
    "news_floods_brazil": ["Rio Grande do Sul", "Guaíba", "Porto Alegre"],
    "news_ferry_bangladesh": [],
    "news_verdict_turkey": ["Istanbul", "Ankara", "Çağlayan"],
    "news_strikes_lebanon": ["Beirut", "Lebanon"],
    "travel_bunol_spain": ["Buñol"],
    "travel_marrakech": ["Setti Fatma", "Marrakech"],
    "travel_oaxaca": ["Tlacolula", "Oaxaca"],
    "travel_napier_nz": ["Hastings", "Napier"],
    "travel_kyoto": ["Kyoto"],
}

MOVEMENT = {"arrival", "departure", "travel", "statement"}


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(w for w in s.replace("-", " ").split()
                    if w not in {"district", "province", "region", "state", "division", "river", "lake"})


def _names(place: dict, text: str) -> set[str]:
    """Every name an event's place goes by in this article: its gazetteer name and the spans that mention it."""
    names = {_fold(place.get("name") or "")}
    for m in place.get("mentions", []):
        names.add(_fold(text[m["start"]:m["end"]]))
    return names - {""}


@cache
def _found(article: str) -> tuple[tuple[str, frozenset[str]], ...]:
    text = (ARTICLES / f"{article}.txt").read_text(encoding="utf-8")
    doc = geoviz.analyse(text)
    places = {p["id"]: p for p in doc["places"]}
    return tuple((e["type"], frozenset(_names(places[e["place_id"]], text))) for e in doc["events"]
                 if e["type"] not in MOVEMENT and e.get("place_id") in places)


def score(article: str) -> dict[str, list]:
    """Matches one found event to one expected event by place (types reported, not required, as the scorer does)."""
    want = [(kind, {_fold(n) for n in place.split("|")}) for kind, place in EXPECTED[article]]
    allowed = {_fold(n) for n in ALLOWED[article]}
    hit, false, used = [], [], set()
    for kind, names in _found(article):
        i = next((i for i, (_, w) in enumerate(want) if i not in used and names & w), None)
        if i is not None:
            used.add(i)
            hit.append((kind, want[i][0], sorted(want[i][1])[0]))
        elif not names & allowed:
            false.append((kind, sorted(names)[0]))
    missed = [(k, sorted(w)[0]) for i, (k, w) in enumerate(want) if i not in used]
    return {"hit": hit, "false": false, "missed": missed}


def _kind_scores(kind: str) -> tuple[float, float]:
    hit = false = missed = 0
    for article in EXPECTED:
        if article.startswith(kind):
            s = score(article)
            hit, false, missed = hit + len(s["hit"]), false + len(s["false"]), missed + len(s["missed"])
    return hit / max(hit + false, 1), hit / max(hit + missed, 1)


def test_every_article_is_labelled() -> None:
    assert sorted(p.stem for p in ARTICLES.glob("*.txt")) == sorted(EXPECTED) == sorted(ALLOWED)


@pytest.mark.parametrize("kind", ["outbreak", "news", "travel"])
def test_events_on_each_kind_are_precise(kind: str) -> None:
    precision, _ = _kind_scores(kind)
    assert precision >= 0.70, (kind, precision)


@pytest.mark.parametrize("kind", [
    "outbreak",
    "news",
    # Travel: the town in the heading and again under it ("Napier" / "Napier, on the east coast") was read as a
    # given name and a surname across the line break until round six (tests/test_places_round6.py). Still
    # missed: a valley recognition does not find, and a festival told only as a yearly habit.
    "travel",
])
def test_events_on_each_kind_reach_the_recall_bar(kind: str) -> None:
    _, recall = _kind_scores(kind)
    assert recall >= _RECALL_BAR.get(kind, 0.60), (kind, recall)


# Outbreak: a bulletin's country totals, told with no place under its heading, are found since round six
# (tests/test_events_round6.py): 0.727 -> 0.788.
_RECALL_BAR = {"outbreak": 0.75}


# --------------------------------------------------------------------------
# The classes the articles showed, one sentence each (hand-built documents: the rule, not recognition)
# --------------------------------------------------------------------------

def _at(text: str, names: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    from tests.story_docs import by_place, events_of, make_doc

    doc = make_doc(text, names)
    return {k: [(e.type, e.trigger) for e in v if e.type not in MOVEMENT]
            for k, v in by_place(events_of(doc), doc).items()}


def test_a_province_with_an_outbreak_status_keeps_its_event() -> None:
    # South Asia: "declared an outbreak" is the province's status, the city's cases are their own.
    text = "The ministry declared an outbreak of measles in Sindh province. Cases were also confirmed in Karachi."
    got = _at(text, {"Sindh": "Sindh", "Karachi": "Karachi"})
    assert got.get("Sindh") and got.get("Karachi")


def test_a_province_with_neither_figure_nor_status_gives_way_to_its_city() -> None:
    text = "Measles cases were reported in Sindh province. Cases were also confirmed in Karachi."
    got = _at(text, {"Sindh": "Sindh", "Karachi": "Karachi"})
    assert "Sindh" not in got and got.get("Karachi")


def test_a_share_of_the_confirmed_cases_places_the_outbreak() -> None:
    # "the confirmed cases": an adjective, no speech; "accounts for" makes the province the subject.
    text = "Diphtheria is spreading. Punjab accounts for 70% of the confirmed cases."
    assert ("disaster", "cases") in _at(text, {"Punjab": "Punjab"}).get("Punjab", [])


def test_a_ranking_of_outbreak_places_is_one_event_each() -> None:
    # Southern Africa: "followed by A, B and C".
    text = "Luanda has 400 cholera cases, followed by Bengo, Cuanza Norte and Huambo."
    names = {"Luanda": "Luanda", "Bengo": "Bengo", "Cuanza Norte": "Cuanza Norte", "Huambo": "Huambo"}
    got = _at(text, names)
    assert all(got.get(n) for n in names), got


def test_names_listed_before_the_outbreak_subject_are_each_an_event() -> None:
    # Nepal: the reading did not join "Kailali and Kanchanpur".
    text = "The districts of Kailali and Kanchanpur have crossed the epidemic threshold."
    got = _at(text, {"Kailali": "Kailali", "Kanchanpur": "Kanchanpur"})
    assert got.get("Kailali") and got.get("Kanchanpur")


def test_a_place_after_a_bracket_still_places_the_case() -> None:
    # South-East Asia: the splitter cuts the clause at "(H5N1)"; the country is the notifier's, not the place.
    text = "The focal point of Vietnam notified WHO of a human case of influenza A(H5N1) in Dong Thap province."
    got = _at(text, {"Vietnam": "Vietnam", "Dong Thap": "Dong Thap"})
    assert got.get("Dong Thap") and "Vietnam" not in got


@pytest.mark.parametrize(("text", "surface"), [
    ("The river burst its banks and flooded the centre of Valencia on Tuesday.", "Valencia"),  # Europe
    ("A strong earthquake shook the area of Van on Sunday.", "Van"),  # Middle East
])
def test_an_impact_reaches_the_part_of_a_place(text: str, surface: str) -> None:
    assert [k for k, _ in _at(text, {surface: surface}).get(surface, [])] == ["disaster"]


def test_tear_gas_fired_at_protesters_is_no_blaze() -> None:
    # Latin America: the protest, and no fire.
    got = _at("Police fire tear gas in Lima as protests spread.", {"Lima": "Lima"}).get("Lima", [])
    assert "disaster" not in [k for k, _ in got] and "protest" in [k for k, _ in got]


def test_a_general_statement_about_a_disease_is_no_event() -> None:
    # Latin America: "are common" in the sentence's other clause makes it a general statement.
    text = ("On 3 May, 40 dengue cases were confirmed in Lima. The dengue belt stretches from Peru to Bolivia, and "
            "epidemics are common in the rainy season.")
    got = _at(text, {"Peru": "Peru", "Bolivia": "Bolivia", "Lima": "Lima"})
    assert "Peru" not in got and "Bolivia" not in got and got.get("Lima")


@pytest.mark.parametrize(("text", "surface"), [
    ("Cholera vaccines were delivered to Beira on Friday.", "Beira"),  # Southern Africa
    ("Volunteers spent the week clearing flood debris in Kandy.", "Kandy"),  # South Asia
])
def test_a_word_that_only_qualifies_another_noun_is_no_disaster(text: str, surface: str) -> None:
    assert "disaster" not in [k for k, _ in _at(text, {surface: surface}).get(surface, [])]


def test_a_modal_in_a_later_time_clause_leaves_the_death() -> None:
    # West Africa: "before they could reach a clinic" is no hypothesis about the deaths.
    assert _at("Two children died at home in Kano before they could reach a clinic.", {"Kano": "Kano"}).get("Kano")
    assert "Kano" not in _at("Two children could die in Kano without treatment.", {"Kano": "Kano"})


def test_a_dateline_does_not_place_a_happening_told_again() -> None:
    # South-East Asia: filed in Manila, the ferry capsized near Batangas; "it sank" is the same accident.
    text = ("MANILA - A ferry capsized near Batangas on Sunday, killing nine. It sank within minutes, the coast "
            "guard said. Manila officials met on Monday. Manila ferries were checked.")
    got = _at(text, {"Manila": "Manila", "Batangas": "Batangas"})
    assert got.get("Batangas")
    assert "accident" not in [k for k, _ in got.get("Manila", [])]


def test_ministers_of_two_countries_meet_nowhere_by_their_names() -> None:
    got = _at("The foreign ministers of Peru and Chile held talks on Monday.", {"Peru": "Peru", "Chile": "Chile"})
    assert got == {}
    got = _at("Peru and Chile held talks in Lima on Monday.", {"Peru": "Peru", "Chile": "Chile", "Lima": "Lima"})
    assert got.get("Lima")
    assert _at("The mayor of Lima opened the new bridge on Monday.", {"Lima": "Lima"}).get("Lima")


def test_the_road_between_two_towns_places_at_the_first_and_the_road_to_a_town_nowhere() -> None:
    # South Asia
    got = _at("A bus crashed on the road between Kandy and Nuwara Eliya.",
              {"Kandy": "Kandy", "Nuwara Eliya": "Nuwara Eliya"})
    assert [k for k, _ in got.get("Kandy", [])] == ["accident"]
    assert "Leh" not in _at("Heavy snow closed the road to Leh on Friday.", {"Leh": "Leh"})


def test_a_happening_shared_out_over_two_places() -> None:
    text = "Both candidates held final rallies on Thursday, one in Arequipa and the other in Cusco."
    got = _at(text, {"Arequipa": "Arequipa", "Cusco": "Cusco"})
    assert got.get("Arequipa") and got.get("Cusco")


def test_the_demonym_capital_is_where_the_summit_is() -> None:
    # East Africa: the later "in the Red Sea" belongs to the tension, not the summit.
    text = ("Nairobi - Leaders opened their annual summit in the Kenyan capital on Monday, with tension in the Red "
            "Sea high on the agenda.")
    got = _at(text, {"Nairobi": "Nairobi", "Kenyan": "Kenya", "Red Sea": "Red Sea"})
    assert ("meeting", "summit") in got.get("Nairobi", []) and "Red Sea" not in got


def test_police_raids_are_crime() -> None:
    got = _at("Police raids in Durban and Pietermaritzburg led to 40 arrests.",
              {"Durban": "Durban", "Pietermaritzburg": "Pietermaritzburg"})
    assert [k for k, _ in got.get("Durban", [])] == ["crime"]


def test_observers_from_a_second_body_are_no_place_of_the_vote() -> None:
    text = "Ghana voted on Saturday, and observers from the African Union and the European Union monitored the vote."
    got = _at(text, {"Ghana": "Ghana", "African": "Africa", "European Union": "European Union"})
    assert "European Union" not in got


def test_gapped_figures_are_each_an_outbreak_place() -> None:
    # South Asia: "Quetta reported 97 cases, Sukkur 81 and Karachi 64": the verb and the noun told once.
    text = "Typhoid cases are rising. Quetta reported 97 cases, Sukkur 81 and Karachi 64."
    names = {"Quetta": "Quetta", "Sukkur": "Sukkur", "Karachi": "Karachi"}
    got = _at(text, names)
    assert all(got.get(n) for n in names), got
    # a share is no figure of its own: "Sukkur 40%" names no count
    assert "Sukkur" not in _at("Typhoid cases are rising. Quetta reported 97 cases, Sukkur 40% less.", names)


def test_a_disaster_across_a_state_with_its_toll_is_the_states() -> None:
    # Latin America: the state's own toll keeps it beside the city flooded inside it.
    text = ("Torrential rain caused floods across the state of Piura, killing at least 12 people. The river "
            "flooded the centre of Lima.")
    got = _at(text, {"Piura": "Piura", "Lima": "Lima"})
    assert got.get("Piura") and got.get("Lima")
    assert "Peru" not in _at("Competition rose across Peru last year, killing the old firms.", {"Peru": "Peru"})


def test_artillery_fire_and_a_recapture_are_military() -> None:
    # Eastern Europe: artillery's fire is no blaze; a town taken back by troops.
    got = _at("Artillery fire hit Kharkiv overnight. Troops recaptured Kherson in November.",
              {"Kharkiv": "Kharkiv", "Kherson": "Kherson"})
    assert [k for k, _ in got.get("Kharkiv", [])] == ["military"]
    assert [k for k, _ in got.get("Kherson", [])] == ["military"]


def test_a_dam_that_gave_way_is_an_accident_near_its_town() -> None:
    # Latin America: the dam's words are apart from "collapsed"; the place is the "near" before it.
    got = _at("A dam at a hydroelectric plant near Arequipa partially collapsed on Thursday morning.",
              {"Arequipa": "Arequipa"})
    assert [k for k, _ in got.get("Arequipa", [])] == ["accident"]
