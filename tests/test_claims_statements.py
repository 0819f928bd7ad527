"""Finding distance statements in text: forms, relations, what is not a distance, linear time.

Text only: no places, no gazetteer (see test_claims.py for attaching them).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoviz.claims import Statement, find_distance_statements
from tests.test_claims import SEED
from tests.test_quantities import SEPARATORS, group

# --------------------------------------------------------------------------
# Finding statements (text only)
# --------------------------------------------------------------------------


def one(text: str) -> Statement:
    found = find_distance_statements(text)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


@pytest.mark.parametrize(("text", "km", "kind", "hedge"), [
    ("about 1,000 km from X", 1000, "point", "about"),
    ("around 1 000 km from X", 1000, "point", "around"),
    ("roughly 1.000 km from X", 1000, "point", "roughly"),
    ("some 2.5 km from X", 2.5, "point", "some"),
    ("a thousand kilometres from X", 1000, "point", None),
    ("two hundred kilometers from X", 200, "point", None),
    ("nearly 300 km from X", 300, "just_below", "nearly"),
    ("almost 300 km from X", 300, "just_below", "almost"),
    ("just 3 km from X", 3, "point", "just"),
    ("only 3 km from X", 3, "point", "only"),
    ("more than 2,000 km from X", 2000, "at_least", "more than"),
    ("over 2,000 km from X", 2000, "at_least", "over"),
    ("at least 20 km from X", 20, "at_least", "at least"),
    ("less than 20 km from X", 20, "at_most", "less than"),
    ("under 20 km from X", 20, "at_most", "under"),
    ("within 20 km of X", 20, "at_most", "within"),
    ("up to 20 km from X", 20, "at_most", "up to"),
    ("no more than 20 km from X", 20, "at_most", "no more than"),
    ("~20 km from X", 20, "point", "~"),
    ("approximately 20 km from X", 20, "point", "approximately"),
    ("300-400 km from X", 350, "range", None),
    ("300 to 400 km from X", 350, "range", None),
    ("between 300 and 400 km from X", 350, "range", "between"),
    ("300 km or more from X", 300, "at_least", "or more"),
    ("a 600-mile journey from X to Y", 600 * 1.609344, "point", None),
    ("a 600-kilometre drive from X to Y", 600, "point", None),
    ("100 nautical miles off X", 185.2, "point", None),
    ("100 nm off X", 185.2, "point", None),
    ("500 metres from X", 0.5, "point", None),
    ("500m from X", 0.5, "point", None),
    ("12 mi from X", 12 * 1.609344, "point", None),
    ("half a mile from X", 0.5 * 1.609344, "point", None),
    ("a kilometre from X", 1, "point", None),
    ("1,00,000 km from X", 100000, "point", None),
])
def test_statement_forms(text: str, km: float, kind: str, hedge: str | None) -> None:
    s = one(text)
    assert s.km == pytest.approx(km)
    assert s.kind == kind
    assert s.hedge == hedge
    assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(("text", "relation"), [
    ("A is 5 km from B.", "from"),
    ("A, located 5 km from B.", "from"),
    ("A is 5 km north of B.", "of"),
    ("B, 5 km away.", "away"),
    ("A is 5 km away from B.", "from"),
    ("A and B are 5 km apart.", "apart"),
    ("between A and B, 5 km apart", "apart"),
    ("the 5 km between A and B", "between"),
    ("a 5 km journey from A to B", "from_to"),
    ("5 km (east) of the border", "border"),
    ("5 km from the border with X", "border"),
    ("5 km inside X", "border"),
    ("The drive from A to B is 5 km.", "from_to"),
    ("A ran 5 km.", None),
])
def test_relations(text: str, relation: str | None) -> None:
    assert one(text).relation == relation


@pytest.mark.parametrize("text", [
    "It covers 5,000 square kilometres of forest.",
    "The train reached 300 km/h on the plain.",
    "It reached 300 kilometres per hour.",
    "Winds of 60 miles an hour hit the coast.",
    "The area is 500 km² in size.",
    "The peak rises 4,800 metres above sea level.",
    "The well is 300 m deep.",
    "The deal was worth $5m to Moscow.",
    "Temperatures of -5 km from X",
    "It lies −500 km from X",
    "The count was 1,000 people from X",
    "In 2023 the team scored 5 from 10.",
    "5 m people",
    "Jeremy Watson, 30, of Ten Mile, said the road was closed.",
    "Bombers flew within a couple of hundred kilometres of the coast.",
    "The car stopped about one-third of a mile north of Highway 282.",
    "",
])
def test_not_distance_statements(text: str) -> None:
    assert find_distance_statements(text) == []


@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(SEPARATORS[:-1]))
def test_statement_km_round_trip(n: int, sep: str) -> None:
    s = one(f"It lies {group(n, sep)} km from X.")
    assert s.km == n


JUNK = {
    "letters": ("a", 5_000_000),
    "digits": ("1", 5_000_000),
    "comma-groups": ("1,000", 1_000_000),
    "space-groups": ("1 000 ", 800_000),
    "number-words": ("one hundred and ", 300_000),
    "hedges": ("about about nearly more than ", 170_000),
    "relations": ("between from x to ", 270_000),
    "directions": ("north-north-east ", 290_000),
    "binary-looking": ("\x00\xff\ufffd", 1_600_000),
}


@pytest.mark.parametrize("kind", sorted(JUNK))
def test_five_megabytes_of_junk_is_fast(kind: str) -> None:
    unit, times = JUNK[kind]
    junk = unit * times
    assert len(junk) >= 4_500_000
    t0 = time.process_time()
    find_distance_statements(junk)
    assert time.process_time() - t0 < 10


def test_five_megabyte_article_is_linear() -> None:
    article = SEED.read_text(encoding="utf-8")
    small = article * 250  # ~0.5 MB
    big = article * 2500  # ~5 MB
    t0 = time.process_time()
    n_small = len(find_distance_statements(small))
    t_small = time.process_time() - t0
    t0 = time.process_time()
    n_big = len(find_distance_statements(big))
    t_big = time.process_time() - t0
    assert (n_small, n_big) == (250, 2500)
    assert t_big < 10
    assert t_big < 25 * max(t_small, 0.01)  # ~10x the text, so ~10x the time
