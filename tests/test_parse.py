"""Geoparsing: the seed and articles of our own making from other regions.

The articles in tests/articles/ were written for these tests; the
assertions name what a reader of each would pin, by general rules only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.distance import geodesic

import geoviz
from geoviz.pipeline import InputError

ARTICLES = Path(__file__).parent / "articles"


def by_name(doc):
    return {p.name: p for p in doc.places}


def mentioned(doc):
    """Every recognised mention, pinned or listed as uncertain."""
    return {m.text for p in doc.places + doc.uncertain for m in p.mentions}


def assert_mentions(text, absent, present):
    """``absent`` (if any) is not recognised in ``text``; ``present`` is."""
    found = mentioned(geoviz.parse(text))
    if absent:
        assert absent not in found
    assert present in found


def test_seed_places(seed_text):
    doc = geoviz.parse(seed_text)
    places = by_name(doc)
    expected = {"Khasan": "RU", "Vostochny Cosmodrome": "RU", "Vladivostok": "RU", "Pyongyang": "KP",
                "North Korea": "KP", "Russia": "RU", "South Korea": "KR", "Ukraine": "UA", "White House": "US"}
    for name, cc in expected.items():
        assert name in places, name
        assert places[name].country == cc
    k = places["Khasan"]
    assert geodesic((k.lat, k.lon), (42.424, 130.652)).km < 2
    assert places["Khasan"].admin1 == "Primorye"
    assert places["Vostochny Cosmodrome"].kind == "facility"
    assert places["White House"].metonym and places["White House"].kind == "landmark"
    assert places["Pyongyang"].metonym


def test_seed_rejects_people_days_and_agencies(seed_text):
    doc = geoviz.parse(seed_text)
    texts = mentioned(doc)
    for word in ("Kim", "Jong", "Un", "Putin", "Vladimir", "Wednesday", "Tuesday", "Korean Central News Agency",
                 "Central", "Agency"):
        assert word not in texts, word


def test_seed_demonyms_and_possessives_are_country_mentions(seed_text):
    doc = geoviz.parse(seed_text)
    russia = by_name(doc)["Russia"]
    texts = [seed_text[m.start:m.end] for m in russia.mentions]
    assert "Russian" in texts and "Russia" in texts
    assert "South Korean" in mentioned(doc)
    # "Russia’s willingness": the span stops before the possessive.
    assert all(not t.endswith(("’s", "'s")) for t in texts)
    # "Soviet-era" is a historical entity: no pin.
    assert "Soviet" not in mentioned(doc)


def test_spans_are_offsets_into_the_text(seed_text):
    doc = geoviz.parse(seed_text)
    for p in doc.places:
        assert 0 <= p.confidence <= 1
        for m in p.mentions:
            assert seed_text[m.start:m.end] == m.text


def test_one_place_once_with_all_its_mentions(seed_text):
    doc = geoviz.parse(seed_text)
    ids = [p.id for p in doc.places]
    assert len(ids) == len(set(ids))
    assert len(by_name(doc)["North Korea"].mentions) >= 8


def test_alternatives_are_ranked(seed_text):
    khasan = by_name(geoviz.parse(seed_text))["Khasan"]
    assert khasan.alternatives and khasan.alternatives[0].entry.country == "IN"
    scores = [a.score for a in khasan.alternatives]
    assert scores == sorted(scores, reverse=True)


def test_us_local_news_county_and_dateline():
    doc = geoviz.parse((ARTICLES / "us.txt").read_text())
    places = by_name(doc)
    assert places["Laurel County"].kind == "admin2" and places["Laurel County"].admin1 == "Kentucky"
    # "LONDON, Ky." is London, Kentucky, not the British capital.
    assert places["London"].country == "US" and places["London"].admin1 == "Kentucky"
    assert places["Corbin"].admin1 == "Kentucky"
    assert places["Lexington"].admin1 == "Kentucky"


def test_paris_texas_qualifier():
    doc = geoviz.parse((ARTICLES / "paris_tx.txt").read_text())
    paris = by_name(doc)["Paris"]
    assert paris.country == "US" and paris.admin1 == "Texas"
    assert paris.reason.get("qualifier") == ["texas"]
    assert by_name(doc)["Lamar County"].admin1 == "Texas"


def test_a_list_of_cities_is_not_a_town_and_its_qualifier():
    """"Washington, New York and Boston" names three cities; "Springfield, Ill., and Chicago" still qualifies."""
    doc = geoviz.parse("The prince toured the country, with stops in Washington, New York and Boston.")
    found = {p.name: p for p in doc.places + doc.uncertain}
    assert found["Washington"].admin1 == "District of Columbia" and "qualifier" not in found["Washington"].reason
    assert found["Boston"].admin1 == "Massachusetts"
    doc = geoviz.parse("She grew up in Springfield, Ill., and Chicago.")
    assert by_name(doc)["Springfield"].admin1 == "Illinois"


def test_a_state_abbreviation_is_the_state_even_where_the_full_name_is_the_city():
    doc = geoviz.parse("SPOKANE, Wash. - The senator flew back to Washington, D.C., on Monday to vote.")
    wash = next(p for p in doc.places if any(m.text == "Wash." for m in p.mentions))
    assert wash.kind == "admin1" and wash.admin1 == "Washington"
    capital = next(p for p in doc.places + doc.uncertain if any(m.text == "Washington" for m in p.mentions))
    assert capital.admin1 == "District of Columbia"


def test_europe_article():
    doc = geoviz.parse((ARTICLES / "eu.txt").read_text())
    places = by_name(doc)
    for name in ("Lyon", "Toulouse", "Paris", "Strasbourg"):
        assert places[name].country == "FR", name
    assert places["Brussels"].country == "BE"
    assert "Farmers" not in mentioned(doc)  # a sentence opener, not a place


def test_middle_east_article():
    places = by_name(geoviz.parse((ARTICLES / "me.txt").read_text()))
    assert places["Amman"].country == "JO" and places["Baghdad"].country == "IQ"
    assert places["Ramadi"].country == "IQ"


def test_africa_article():
    places = by_name(geoviz.parse((ARTICLES / "af.txt").read_text()))
    assert places["Kisumu"].country == "KE" and places["Nairobi"].country == "KE"
    assert places["Lake Victoria"].kind == "lake"
    assert places["Uganda"].kind == "country"


def test_latin_america_article():
    places = by_name(geoviz.parse((ARTICLES / "la.txt").read_text()))
    assert places["Santiago"].country == "CL"
    assert places["Calama"].country == "CL"
    assert places["Lima"].country == "PE"
    assert places["Potosí"].country == "BO"


@pytest.mark.parametrize("text", [
    "", "   \n\t", "no places here at all, just words.", "<html><p>x</p></html>",
    "\x00\x01\x02\ufffd" * 50, "日本語のテキスト。Москва и Токио. القاهرة", "\ud800 lone"])
def test_odd_text_gives_valid_output(text):
    doc = geoviz.parse(text)
    for p in doc.places:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text


def test_large_text_is_handled(seed_text):
    big = seed_text * 300  # ~0.8 MB
    doc = geoviz.parse(big)
    once = len(by_name(geoviz.parse(seed_text))["North Korea"].mentions)
    assert len(by_name(doc)["North Korea"].mentions) == 300 * once


def test_non_string_is_an_input_error():
    with pytest.raises(InputError):
        geoviz.parse(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("text, absent, present", [
    ("The suspect spoke in Spanish after the arrest in Madrid.", "Spanish", "Madrid"),
    ("English is the main language at the school in Cairo.", "English", "Cairo"),
    ("Mississippi State’s forward scored late in Dallas.", None, "Mississippi"),
    ("Manila Archbishop Luis Tagle led the vigil.", None, "Manila"),
])
def test_languages_are_not_places_and_org_heads_keep_the_place(text, absent, present):
    assert_mentions(text, absent, present)


@pytest.mark.parametrize("text, town, person", [
    ("A Cork mother says she is terrified. She spoke at a press conference in Cork city today.", "Cork", None),
    ("Barry M. George was cleared. George said he was relieved.", None, "George"),
])
def test_a_capital_article_is_not_a_middle_initial(text, town, person):
    found = mentioned(geoviz.parse(text))
    if town:
        assert town in found  # "A Cork mother": "A" is an article, not an initial
    if person:
        assert person not in found


def test_a_given_name_opening_a_sentence_still_makes_a_surname():
    text = "The boy was treated at the scene in Cincinnati. Eric Stevens, a paramedic, was on hand."
    found = mentioned(geoviz.parse(text))
    assert "Stevens" not in found and "Cincinnati" in found


def test_a_title_word_ending_a_sentence_makes_no_surname():
    text = ("Hyles unseats Turner for Municipal Court Judge. Columbus attorney Stephen Hyles won. "
            "Hyles was on Columbus Council from 1986 to 1993.")
    assert "Columbus" in mentioned(geoviz.parse(text))
    assert "Crist" not in mentioned(geoviz.parse("Gov. Crist met Sen. Nelson in Tampa."))


def test_two_letter_ap_state_abbreviations_after_a_town():
    text = "Finalists were Louisville, Ky., and Fort Knox, Ky. Rep. Ben Chandler, D-Ky., agreed."
    doc = geoviz.parse(text)
    kentucky = [p for p in doc.places if p.name == "Kentucky"]
    assert kentucky and len(kentucky[0].mentions) == 3
    louisville = next(p for p in doc.places if p.name == "Louisville")
    assert louisville.admin1 == "Kentucky"


def test_states_such_as_names_states():
    doc = geoviz.parse("Tech firms are leaving states such as California or Washington, citing costs.")
    assert by_name(doc)["Washington"].kind == "admin1"
    doc = geoviz.parse("The senator returned to Washington on Monday.")
    assert {p.kind for p in doc.places + doc.uncertain if p.name == "Washington"} == {"populated place"}


@pytest.mark.parametrize("text, name, kind", [
    ("Thousands fled to Roraima and are living in Boa Vista, the state capital.", "Boa Vista", "populated place"),
    ("In Georgia, the capital Tbilisi was quiet.", "Georgia", ""),  # the appositive names another place
])
def test_an_appositive_that_says_town(text, name, kind):
    from geoviz.geoparse.recognise import _trigger

    start = text.index(name)
    assert _trigger(text, start, start + len(name)) == kind
    if kind:
        assert by_name(geoviz.parse(text))[name].kind == kind


def test_a_dotted_pair_of_initials_needs_a_name_of_two_words():
    doc = geoviz.parse("Traffic in L.A. was heavy; later she flew from Raleigh, N.C., to Charleston, S.C.")
    found = {m.text: p for p in doc.places for m in p.mentions}
    assert found["L.A."].name == "Los Angeles"  # Louisiana is "La."
    assert found["N.C."].name == "North Carolina" and found["S.C."].name == "South Carolina"


def test_a_state_agency_names_the_state_and_its_town():
    doc = geoviz.parse("An Albany police SWAT team and Georgia Bureau of Investigation agents arrested him in Albany.")
    assert by_name(doc)["Georgia"].kind == "admin1" and by_name(doc)["Albany"].admin1 == "Georgia"
    # One agency mention does not turn the city into the state.
    doc = geoviz.parse("Police in New York shot a man. New York Attorney General Eric Schneiderman is investigating; "
                       "the New York Police Department said officers responded in Brooklyn.")
    assert {p.kind for p in doc.places if p.name.startswith("New York")} == {"populated place"}


def test_canadian_province_abbreviations():
    doc = geoviz.parse("KELOWNA, B.C. - Smoke reached Red Deer, Alta., and Brandon, Man., "
                       "while Halifax, NS, was clear.")
    found = {m.text: p for p in doc.places for m in p.mentions}
    assert found["B.C."].name == "British Columbia" and found["KELOWNA"].admin1 == "British Columbia"
    assert found["Alta."].name == "Alberta" and found["Red Deer"].admin1 == "Alberta"  # not Alta, Norway
    assert found["Man."].name == "Manitoba" and found["NS"].name == "Nova Scotia"


def test_an_era_or_a_word_is_no_province():
    doc = geoviz.parse("The fort dates to 350 B.C. and stands on the Isle of Man. Skiers love Alta in Norway.")
    assert {p.kind for p in doc.places} == {"country", "populated place"}
    assert "British Columbia" not in {p.name for p in doc.places + doc.uncertain}
    assert "Manitoba" not in {p.name for p in doc.places + doc.uncertain}


def test_names_with_an_elided_particle():
    doc = geoviz.parse("Troops landed in Côte d'Ivoire. Later they visited Coeur d'Alene, Idaho.")
    names = {p.name: p for p in doc.places}
    assert names["Ivory Coast"].kind == "country"
    assert names["Coeur d'Alene"].admin1 == "Idaho"


@pytest.mark.parametrize("text, absent, present", [
    ("The crash closed Indian Lake Road near Springfield, Ohio, on Monday.", "Indian", "Springfield"),
    ("Deputies blocked Old Lexington Highway. Later they reopened Dublin Road in Columbus.", "Dublin", "Columbus"),
    ("Crews worked on Augusta's Highland Avenue all week.", None, "Augusta"),
    ("Crews repaved Douglas County Road 4 near Alexandria, Minn.", None, "Douglas County"),
])
def test_a_name_inside_a_street_name_is_not_the_place(text, absent, present):
    assert_mentions(text, absent, present)


def test_a_name_before_an_ampersand_is_a_firm():
    text = "The city hired Stevens & Wilkinson to design the hotel in Columbia, S.C."
    found = mentioned(geoviz.parse(text))
    assert "Stevens" not in found and "Columbia" in found


def test_a_sentence_opening_given_name_makes_the_next_word_a_surname():
    text = "Shoppers drive to malls near Akron. Craig Kaser of a local firm has a plan. Later, Kaser spoke."
    found = mentioned(geoviz.parse(text))
    assert "Kaser" not in found and "Akron" in found


@pytest.mark.parametrize("text, absent, present", [
    ("A member of the DAC grants committee spoke in Dublin, Ohio.", "DAC", "Dublin"),
    ("Sheriff Beauregard \u201cBud\u201d Torres said the boy was booked in Baton Rouge.", "Bud", "Baton Rouge"),
    ("Flights between New York and Kiev start in May.", None, "Kiev"),
])
def test_a_towns_short_alias_is_not_the_town(text, absent, present):
    assert_mentions(text, absent, present)


def test_a_name_before_administration_is_a_president():
    text = "Much depends on what the Obama administration does. Since Obama took office, Cairo has waited."
    found = mentioned(geoviz.parse(text))
    assert "Obama" not in found and "Cairo" in found


@pytest.mark.parametrize("text, absent, present", [
    ("The budgets of the Olympic projects in Sochi grew.", "Olympic", "Sochi"),
    ("Talks with Continental stalled, officials in Pittsburgh said.", "Continental", "Pittsburgh"),
    ("The boat docked in Mystic after a week at sea.", None, "Mystic"),
])
def test_an_adjective_shaped_word_is_not_a_small_town(text, absent, present):
    assert_mentions(text, absent, present)
