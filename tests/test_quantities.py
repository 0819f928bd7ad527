"""Quantities as news writes them: numbers in every format, number words, units, directions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geoviz.claims import from_km, parse_direction, parse_number, to_km

# --------------------------------------------------------------------------
# Numbers and units
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("s", "value"), [
    ("1,000", 1000), ("1.000", 1000), ("1 000", 1000), ("1\u00a0000", 1000), ("1'000", 1000),
    ("2.5", 2.5), ("2,5", 2.5), ("1,234.5", 1234.5), ("1.234,5", 1234.5), ("0.500", 0.5),
    ("1,00,000", 100000), ("a thousand", 1000), ("two hundred", 200), ("one hundred and fifty", 150),
    ("twenty-five", 25), ("two and a half", 2.5), ("half a", 0.5), ("a dozen", 12), ("1.5 million", 1_500_000),
    ("3 thousand", 3000), ("-5", -5), ("", None), ("abc", None), ("1,2,3", None), ("∞", None), ("1e30", None),
])
def test_parse_number(s: str, value: float | None) -> None:
    assert parse_number(s) == value


SEPARATORS = [",", " ", "\u00a0", "\u202f", "'", "."]


def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(SEPARATORS))
def test_parse_number_thousands_round_trip(n: int, sep: str) -> None:
    assert parse_number(group(n, sep)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_parse_number_decimals_round_trip(whole: int, cents: int) -> None:
    english = f"{group(whole, ',')}.{cents:02d}"
    continental = f"{group(whole, '.')},{cents:02d}"
    expected = float(f"{whole}.{cents:02d}")
    assert parse_number(english) == pytest.approx(expected)
    assert parse_number(continental) == pytest.approx(expected)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_W = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    """English words for 0 <= n < 1,000,000, British "and" style."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS_W[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + words(rest))
    rest = n % 1000
    head = words(n // 1000) + " thousand"
    if rest == 0:
        return head
    return head + (" and " if rest < 100 else " ") + words(rest)


@given(st.integers(min_value=0, max_value=999_999))
def test_parse_number_words_round_trip(n: int) -> None:
    assert parse_number(words(n)) == n


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False),
       st.sampled_from(["km", "kilometres", "m", "metres", "mi", "miles", "nmi", "nautical miles", "NM"]))
def test_unit_round_trip(value: float, unit: str) -> None:
    assert from_km(to_km(value, unit), unit) == pytest.approx(value, rel=1e-12, abs=1e-12)


def test_unit_factors() -> None:
    assert to_km(1, "miles") == 1.609344
    assert to_km(1, "nautical miles") == 1.852
    assert to_km(1500, "metres") == 1.5
    with pytest.raises(ValueError, match="unknown"):
        to_km(1, "parsecs")


@pytest.mark.parametrize(("written", "abbr"), [
    ("north-west", "NW"), ("northwest", "NW"), ("north west", "NW"), ("NW", "NW"), ("east", "E"),
    ("south-southeast", "SSE"), ("south-south-east", "SSE"), ("north north east", "NNE"), ("ENE", "ENE"),
    ("west-south-west", "WSW"), ("east west", None), ("north-north", None),
])
def test_parse_direction(written: str, abbr: str | None) -> None:
    assert parse_direction(written) == abbr
