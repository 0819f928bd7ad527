"""Journey stops the story layer lost although the geoparser pinned the place (issue #16, round 6).

Found on the held-out-kind articles (tests/heldout_kinds_articles.py); each class is tested here on sentences of
our own, from several regions, with what must not become a stop.
"""

from __future__ import annotations

import pytest

from tests.story_docs import make_doc, routes_of


def _routes(text: str, *names: str) -> list[list[str]]:
    """The routes' stops, as the text names them ('*' marks a stop the text only implies or states as a goal)."""
    doc = make_doc(text, {n: n for n in names})
    return [[text[s.span.start:s.span.end] + ("*" if s.implied else "") for s in r.stops] for r in routes_of(doc)]


ROUTES = [
    # A halt told after the place, in a relative clause whose subject is the traveller: a stop of the trip under
    # way, in its order (travel writing: Morocco, Australia, Peru).
    ("We took a bus from Marrakech over the mountains. The road passes the kasbah at Telouet, where we stopped "
     "for lunch. We arrived in Ouarzazate after dark.", ("Marrakech", "Telouet", "Ouarzazate"),
     [["Marrakech", "Telouet", "Ouarzazate"]]),
    ("They flew from Perth to Broome. The road then runs past the old pearling town at Derby, where they spent "
     "the night. They arrived in Kununurra on Friday.", ("Perth", "Broome", "Derby", "Kununurra"),
     [["Perth", "Broome", "Derby", "Kununurra"]]),
    ("We set off from Adelaide in a hired car. A day later we were at the roadhouse in Coober Pedy, where we "
     "camped, and then drove on to Alice Springs.", ("Adelaide", "Coober Pedy", "Alice Springs"),
     [["Adelaide", "Coober Pedy", "Alice Springs"]]),
    ("We took a taxi from Cusco to the ruins at Pisac, where we stopped for lunch, and reached Ollantaytambo by "
     "evening.", ("Cusco", "Pisac", "Ollantaytambo"), [["Cusco", "Pisac", "Ollantaytambo"]]),
    # A return to a name a state shares with its city, read as the state, after a stop inside it: the return is
    # a move of its own, not the trip retold (outbreak reports: Brazil, the United States).
    ("A second case was a tourist who had visited waterfalls near Ilhabela. After returning to São Paulo on 14 "
     "January, she developed symptoms.", ("Ilhabela", "São Paulo"), [["Ilhabela", "São Paulo"]]),
    ("The patient, a teacher, had visited a summer camp near Lake Placid. After returning to New York on 3 August, "
     "he developed a fever.", ("Lake Placid", "New York"), [["Lake Placid", "New York"]]),
    # A border or river crossed at a place, told after the trip, in a sentence that names the goal again after it:
    # passed on the way there (outbreak reports: Zambia and Malawi, Kenya and Uganda; travel: Thailand and Laos).
    ("In Malawi, the first case was a 35-year-old trader who travelled by bus from Lusaka to Lilongwe. She crossed "
     "the border at Mchinji on 4 May and fell ill in Lilongwe a week later.",
     ("Malawi", "Lusaka", "Lilongwe", "Mchinji"), [["Lusaka", "Mchinji", "Lilongwe"]]),
    ("The family drove from Udon Thani to Vientiane on Friday. They crossed the river at Nong Khai and reached "
     "Vientiane by noon.", ("Udon Thani", "Vientiane", "Nong Khai"), [["Udon Thani", "Nong Khai", "Vientiane"]]),
    # ... with a name cut short inside a country's name ("the Democratic Republic") no one "he" can mean
    ("Ebola – Democratic Republic of the Congo\n\nThe Democratic Republic of the Congo has reported 40 cases. The "
     "index case was a 30-year-old miner who travelled from Nairobi to Kampala. He crossed the border at Busia on "
     "2 June and was admitted in Kampala.", ("Democratic Republic of the Congo", "Nairobi", "Kampala", "Busia"),
     [["Nairobi", "Busia", "Kampala"]]),
    # ... and a crossing after the goal, the goal not named again, is a trip on from it
    ("The minister flew from Kigali to Nairobi on Monday. On Wednesday she crossed the border at Namanga by car.",
     ("Kigali", "Nairobi", "Namanga"), [["Kigali", "Nairobi", "Namanga"]]),
    # A stay told with the movement's own verb ("and spent a night ... on X"): where the movement went (travel
    # writing: Peru, Kenya).
    ("From Puno we took a boat across the lake and spent a night with a family on Taquile island.",
     ("Puno", "Taquile"), [["Puno", "Taquile"]]),
    ("We took the ferry from Mombasa up the coast and spent two nights in a guest house at Lamu.",
     ("Mombasa", "Lamu"), [["Mombasa", "Lamu"]]),
    # Travel writing that opens by describing a place ("X is a ..."), then tells the narrator's first trip with no
    # stated start: the trip set out from that place (Morocco, Vietnam).
    ("Essaouira is a windy port town on the Atlantic coast. Early the next morning we caught the bus to Agadir.",
     ("Essaouira", "Agadir"), [["Essaouira", "Agadir"]]),
    ("Hoi An is a lantern-lit trading town on the Thu Bon river. After three days I took the train to Hue.",
     ("Hoi An", "Hue"), [["Hoi An", "Hue"]]),
]


@pytest.mark.parametrize(("text", "names", "want"), ROUTES, ids=[c[0][:30] for c in ROUTES])
def test_round6_routes(text: str, names: tuple[str, ...], want: list[list[str]]) -> None:
    assert _routes(text, *names) == want


NOT_ROUTES = [
    # a relative "where" clause that is no halt of a trip: a life, a thing, no traveller's trip under way
    ("The minister grew up in Mombasa, where she spent her childhood. She later visited Nairobi.",
     ("Mombasa", "Nairobi")),
    ("Fighting broke out near the market in Goma, where the convoy stopped. Aid agencies in Kinshasa said supplies "
     "were short.", ("Goma", "Kinshasa")),
    ("The museum in Kraków, where visitors stopped to look at the altar, reopened; a new wing opens in Gdańsk.",
     ("Kraków", "Gdańsk")),
    # ... a state retold after a town inside it, with no return, still gives way to the town
    ("The governor flew to Lake Placid on Monday. Her visit to New York was the first this year.",
     ("Lake Placid", "New York")),
    # a stay by someone else, or in a sentence of its own with no movement, is no stop of that movement
    ("From Quito we took a bus to the coast, and the governor spent two days in Guayaquil.", ("Quito", "Guayaquil")),
    ("The delegation flew to Geneva. Its members spent two days in Bern.", ("Geneva", "Bern")),
    # a place described before a trip no narrator tells, or a country described: no start
    ("Kabul is a city under siege. The envoy flew to Doha on Monday.", ("Kabul", "Doha")),
    ("Peru is a country of deserts and glaciers. We caught the bus to Arequipa.", ("Peru", "Arequipa")),
]


@pytest.mark.parametrize(("text", "names"), NOT_ROUTES, ids=[c[0][:30] for c in NOT_ROUTES])
def test_round6_no_route(text: str, names: tuple[str, ...]) -> None:
    assert _routes(text, *names) == []
