"""judge() alone: tolerances by how the figure is written, bounds, ranges, absurd and missing figures."""

from __future__ import annotations

import pytest

from geoviz.claims import EARTH_CIRCUMFERENCE_KM, judge
from tests.test_claims_statements import one

# --------------------------------------------------------------------------
# judge() alone
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "computed", "verdict", "tolerance"), [
    ("about 1,000 km from X", 1011, "consistent", 150),
    # Within ±20 % of the geodesic is consistent whatever the digits (the verdict policy, docs/claims.md):
    ("1,000 km from X", 1120, "consistent", 224),
    ("1,000 km from X", 1300, "understated", 260),
    ("1,013 km from X", 1011, "consistent", 20.26),
    ("1,013 km from X", 1050, "consistent", 210),
    ("1,013 km from X", 1300, "understated", 260),
    ("1,500 km from X", 1400, "consistent", 112.5),
    ("1,200 km from X", 1011, "consistent", 202.2),
    ("1,200 km from X", 900, "overstated", 180),
    ("5 km from X", 7.5, "consistent", 3),
    ("more than 2,000 km from X", 1011, "overstated", 202.2),
    ("up to 500 km from X", 510, "consistent", 25),
    ("300-400 km from X", 410, "consistent", 20),
    ("300-400 km from X", 250, "overstated", 20),
])
def test_judge_tolerances(text: str, computed: float, verdict: str, tolerance: float) -> None:
    j = judge(one(text), computed)
    assert j.verdict == verdict, j.explanation
    assert j.tolerance_km == pytest.approx(tolerance)


def test_judge_absurd_and_missing() -> None:
    s = one("It is 50,000 km from X.")
    assert s.km > EARTH_CIRCUMFERENCE_KM
    assert judge(s, 100).verdict == "unresolved"
    assert judge(one("It is 5 km from X."), None).verdict == "unresolved"


@pytest.mark.parametrize(("text", "computed", "says", "never"), [
    ("100 km from X", 276, "2.8x the stated figure", "%"),  # was "−176.0 %": readers took it for a typo
    ("900 km from X", 300, "the stated figure is 3.0x it", "%"),
    ("700 km from X", 559, "(+20.1 %)", "x the"),  # close enough that a share of the figure reads right
])
def test_far_off_figures_are_told_as_multiples(text: str, computed: float, says: str, never: str) -> None:
    """Issue #17: a share of the stated figure far off reads wrong; from 1.5x either way it is a multiple."""
    head = judge(one(text), computed).explanation.split(";")[1]
    assert says in head and never not in head
