"""Quantities as news writes them: numbers, distance units, compass directions, hedges.

Text only, no places: "approximately 1,000 kilometres", "300-400 miles",
"a thousand", "north-north-east", "just over". The claims stage builds its
distance expression from the patterns here (``NUMBER``, ``UNIT``,
``DIRECTION``, ``HEDGE``) and reads the matched pieces with the functions here.

The word lists are data in the lexicon: ``number_values.json`` (each number
word's value, by the role it plays in a number phrase) and ``hedges.json``
(each hedge phrase's bound and whether it flags the figure as approximate).

Every pattern has bounded repetition and number-word runs are possessive, so
a match never backtracks through a long run of digits or words.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from geoviz.geo.geodesy import COMPASS_16, KM_PER_MILE, KM_PER_NAUTICAL_MILE
from geoviz.model import Bound
from geoviz.nlp.lexicon import alternation_of, table
from geoviz.nlp.patterns import letters_first

__all__ = [
    "AMBIGUOUS_UNITS",
    "DIRECTION",
    "HEDGE",
    "NUMBER",
    "NUMBER_WORD",
    "NUMBER_WORDS",
    "UNIT",
    "UNIT_START",
    "UNIT_NAMES",
    "Precision",
    "canonical_unit",
    "classify_hedge",
    "from_km",
    "parse_direction",
    "parse_number",
    "precision",
    "read_direction",
    "significant_figures",
    "to_km",
]

# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------

_KM_PER_UNIT = {"km": 1.0, "m": 0.001, "mi": KM_PER_MILE, "nmi": KM_PER_NAUTICAL_MILE}
#: A canonical unit as an explanation spells it out.
UNIT_NAMES = {"km": "km", "m": "m", "mi": "miles", "nmi": "nautical miles"}
#: Short units that also mean "million", "nanometre" etc.: the claims stage
#: counts them only when a place relation ("from", "away", "apart") follows.
AMBIGUOUS_UNITS = {"m", "mi", "nm"}

#: The distance units as written, by first letter: "n" + "autical miles", "mi" or "m" ... Within a letter, in
#: the order the alternation tries them (longest first).
_UNIT_TAILS = {"n": r"autical[\s-]+miles?|mi|m", "k": r"ilomet(?:re|er)s?|ms?", "s": r"tatute\s+miles?",
               "m": r"iles?|i|et(?:re|er)s?|"}
_UNIT_AFTER = r"(?![^\W\d_]|[0-9²³/])"
#: A distance unit as written. Not followed by a letter, digit, "²", "³" or
#: "/": "km²" is an area and "km/h" a speed. Read with IGNORECASE.
UNIT = "(?:" + "|".join(f"{c}(?:{tail})" for c, tail in _UNIT_TAILS.items()) + ")" + _UNIT_AFTER
#: A UNIT with no letter before it, for finding every unit of an article: written to open with a class of the
#: units' first letters (geoviz.nlp.patterns), as this scan runs over every article's whole text.
UNIT_START = re.compile(letters_first(_UNIT_TAILS, not_after=r"[^\W\d_]") + _UNIT_AFTER)


def canonical_unit(unit: str) -> str:
    """"km", "m", "mi" or "nmi" for a unit as written ("Kilometres", "nautical-miles", "NM")."""
    u = re.sub(r"[\s-]+", " ", unit.strip().lower())
    if u in ("nm", "nmi") or u.startswith("nautical"):
        return "nmi"
    if u in ("km", "kms") or u.startswith("kilomet"):
        return "km"
    if u in ("mi", "mile", "miles") or u.startswith("statute"):
        return "mi"
    if u == "m" or u.startswith(("metre", "meter")):
        return "m"
    raise ValueError(f"unknown distance unit {unit!r}")


def to_km(value: float, unit: str) -> float:
    """Convert a distance to km; ``unit`` may be canonical ("nmi") or as written ("nautical miles")."""
    return float(value) * _KM_PER_UNIT[canonical_unit(unit)]


def from_km(km: float, unit: str) -> float:
    """Inverse of ``to_km``, for showing a computed distance in the article's own unit."""
    return float(km) / _KM_PER_UNIT[canonical_unit(unit)]


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

_VALUES: dict[str, dict[str, int]] = table("number_values")
_ONES = _VALUES["ones"]  # zero .. nineteen: added
_TENS = _VALUES["tens"]  # twenty .. ninety: added
_MULTIPLIERS = _VALUES["multipliers"]  # hundred, dozen: multiply the group being read ("two hundred")
_SCALES = _VALUES["scales"]  # thousand, million, ...: close the group ("two hundred thousand")

#: Every number word, for code that needs to know a word is a number and not a name.
NUMBER_WORDS: frozenset[str] = frozenset((*_ONES, *_TENS, *_MULTIPLIERS, *_SCALES))
#: Any one number word (an alternation, longest first).
NUMBER_WORD = alternation_of([*_ONES, *_TENS, *_MULTIPLIERS, *_SCALES])
_SCALE_WORD = alternation_of(_SCALES)
# "and" joins words only after a word of a hundred or more ("one hundred and
# fifty", "a thousand and one"), never two small numbers, so "between one and
# two miles" stays a range.
_AND_AFTER = [w for w, v in (*_MULTIPLIERS.items(), *_SCALES.items()) if v >= 100]
_WORD_JOIN = "(?:" + "".join(rf"(?<={w})\s+and\s+|" for w in _AND_AFTER) + r"[\s-]+)"
# A phrase starts with "a"/"an" + multiplier or scale ("a thousand") or a
# plain number word, never a bare scale: "a couple of hundred km" is too vague
# to check. "a mile" counts as one mile, but not in "a third of a mile".
# Possessive repetition: a number word sequence is never re-split by backtracking.
_FIRST_WORD = alternation_of([*_ONES, *_TENS])
_WORDNUM = (
    rf"(?>half\s+an?|(?:an?\s+{alternation_of([*_MULTIPLIERS, *_SCALES])}|{_FIRST_WORD})"
    rf"(?:{_WORD_JOIN}{NUMBER_WORD}\b){{0,4}}+(?:\s+and\s+a\s+half)?"
    r"|(?<!of\s)an?(?=[\s-]+(?:kilomet|km|mile|nautical|met(?:re|er))))"
)
# Digits: 1,000 / 1.000 / 1 000 / 1'000 thousands groups; Indian 1,00,000;
# plain digits with an optional decimal part (point or comma).
_DIGITS = (
    r"(?:[0-9]{1,3}(?:(?:,[0-9]{3}){1,6}|(?:\.[0-9]{3}){1,6}"
    r"|(?:[ \u00a0\u202f\u2009'’][0-9]{3}){1,6})(?:[.,][0-9]{1,6})?"
    r"|[0-9]{1,2}(?:,[0-9]{2}){1,5},[0-9]{3}(?:\.[0-9]{1,6})?"
    r"|[0-9]{1,15}(?:[.,][0-9]{1,6})?)"
    r"(?![0-9]|[.,][0-9])"
)
#: A number as written: digits in any of news' formats (optionally "1.5
#: million"), or number words ("a thousand", "two hundred and fifty").
NUMBER = rf"(?>(?<![\w.,]){_DIGITS}(?:\s+{_SCALE_WORD}\b)?|\b{_WORDNUM}\b)"

_THOUSANDS_COMMA = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_THOUSANDS_DOT = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_THOUSANDS_SPACE = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f\u2009'’][0-9]{3})+(?:[.,][0-9]+)?")
_INDIAN = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?")
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_SCALED = re.compile(rf"(.+?)\s+({_SCALE_WORD})", re.IGNORECASE)


def _parse_digits(s: str) -> float | None:
    """Read a digit string, deciding what each separator means.

    A separator followed by exactly three digits is a thousands separator
    ("1,000", "1.000", "1 000"); otherwise it is a decimal mark ("2.5",
    "2,5"). "1.500" is therefore 1500 (continental style), never 1.5: news
    rarely gives three decimals of a distance. "0.500" keeps its leading zero
    and so reads as a decimal.
    """
    if _THOUSANDS_COMMA.fullmatch(s) or _INDIAN.fullmatch(s):
        return float(s.replace(",", ""))
    if _THOUSANDS_DOT.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _THOUSANDS_SPACE.fullmatch(s):
        return float(re.sub(r"[ \u00a0\u202f\u2009'’]", "", s).replace(",", "."))
    if _PLAIN.fullmatch(s):
        return float(s.replace(",", "."))
    return None


def _parse_words(s: str) -> float | None:
    """Read number words: "two hundred and fifty", "a dozen", "half a", "two and a half"."""
    words = [w for w in re.split(r"[\s-]+", s.strip().lower()) if w]
    if not words:
        return None
    if words[:2] in (["half", "a"], ["half", "an"]) and len(words) == 2:
        return 0.5
    half = 0.0
    if words[-3:] == ["and", "a", "half"]:
        half, words = 0.5, words[:-3]
    total = 0.0
    current = 0.0
    seen = False
    for i, w in enumerate(words):
        if w == "and":
            continue
        if w in ("a", "an"):
            if i + 1 < len(words) and (words[i + 1] in _MULTIPLIERS or words[i + 1] in _SCALES):
                continue
            if len(words) == 1:
                return 1.0 + half
            return None
        if w in _ONES:
            current += _ONES[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _MULTIPLIERS:
            current = (current or 1) * _MULTIPLIERS[w]
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current + half


def parse_number(s: str) -> float | None:
    """Parse a number as news writes it: "1,000", "1.000", "1 000", "2,5", "a thousand", "1.5 million".

    Returns ``None`` rather than raising for anything else, so callers can
    feed it arbitrary text. A leading minus sign is kept (the caller decides
    that a negative distance is no claim).
    """
    if not isinstance(s, str):
        return None
    t = s.strip()
    if not t or len(t) > 200:
        return None
    sign = 1.0
    if t[0] in "-−–":
        sign, t = -1.0, t[1:].strip()
    m = _SCALED.fullmatch(t)
    if m:
        base = parse_number(m.group(1))
        if base is None or base < 0:
            return None
        return sign * base * _SCALES[m.group(2).lower()]
    value = _parse_digits(t) if t[:1].isdigit() else _parse_words(t)
    if value is None or not math.isfinite(value):
        return None
    return sign * value


# --------------------------------------------------------------------------
# Precision of a written number
# --------------------------------------------------------------------------

#: How finely a number is written: ``round`` (one significant figure: 5, 300,
#: "a thousand"), ``half-round`` (two ending in 5: 15, 2,500), ``two-figure``
#: (1,200, 2.4), ``precise`` (three or more: 1,013). The claims judge turns
#: each into a tolerance.
Precision = Literal["round", "half-round", "two-figure", "precise"]


def significant_figures(number_text: str, value: float) -> tuple[int, int]:
    """Significant figures of the number as written, and its last significant digit.

    Why: the way a number is written says how it was rounded, which sets the
    tolerance. Trailing zeros of an integer are taken as not significant.
    """
    t = number_text.strip()
    m = _SCALED.fullmatch(t)
    if m:
        t = m.group(1)
    if t[:1].isdigit():
        v = _parse_digits(t)
        if v is not None and v != int(v):
            digits = re.sub(r"[^0-9]", "", f"{v:.6f}".rstrip("0"))
            digits = digits.lstrip("0")
            return max(1, len(digits)), int(digits[-1]) if digits else 0
        digits = str(int(v if v is not None else value))
    else:
        digits = str(round(value)) if value >= 1 else "5"
    stripped = digits.rstrip("0") or "0"
    return max(1, len(stripped)), int(stripped[-1])


def precision(number_text: str, value: float) -> Precision:
    """How finely ``number_text`` (whose value is ``value``) is written: see :data:`Precision`."""
    sig, last = significant_figures(number_text, value)
    if sig == 1:
        return "round"
    if sig == 2 and last == 5:
        return "half-round"
    if sig == 2:
        return "two-figure"
    return "precise"


# --------------------------------------------------------------------------
# Directions
# --------------------------------------------------------------------------

_DIR_WORD = r"(?:north|south|east|west)"
_DIR_SEP = r"(?:\s*-\s*|\s+|‑)?"
#: A compass direction as written: "north-west", "due north", "north north
#: east", or an upper-case abbreviation ("NNE", "SW"). Use with re.IGNORECASE
#: (the abbreviations stay case-sensitive).
DIRECTION = (
    rf"(?:(?:due\s+)?{_DIR_WORD}(?:{_DIR_SEP}{_DIR_WORD}){{0,2}}\b"
    r"|(?-i:(?:NNE|NNW|SSE|SSW|ENE|ESE|WNW|WSW|NE|NW|SE|SW|N|S|E|W))\b)"
)


def parse_direction(text: str) -> str | None:
    """Normalise a written direction to a 16-point abbreviation ("north-west" -> "NW").

    Returns ``None`` for anything that is not a compass point ("east west").
    """
    t = text.strip()
    if t.upper() == t and t.replace(" ", "") in COMPASS_16:
        return t.replace(" ", "")
    parts = re.findall(r"north|south|east|west", t.lower())
    letters = "".join(p[0].upper() for p in parts)
    if len(letters) == 1:
        return letters
    if len(letters) == 2 and letters[0] in "NS" and letters[1] in "EW":
        return letters
    if len(letters) == 3 and letters in COMPASS_16:
        return letters
    return None


def read_direction(text: str) -> tuple[str, bool] | None:
    """A matched :data:`DIRECTION` as (16-point abbreviation, stated "due"), or ``None``.

    "due north" is strict; "northern" (as in "the northern edge") reads as north.
    """
    t = text.strip()
    due = t.lower().startswith("due")
    core = re.sub(r"^due\s+", "", t, flags=re.IGNORECASE)
    core = re.sub(r"ern$", "", core, flags=re.IGNORECASE)
    d = parse_direction(core)
    return (d, due) if d else None


# --------------------------------------------------------------------------
# Hedges
# --------------------------------------------------------------------------

# Phrase -> [bound, approximate]: see geoviz/nlp/lexicon/README.md.
_HEDGES: dict[str, list] = table("hedges")
#: One hedge phrase before a number ("about", "more than", "just under", "~").
HEDGE = alternation_of(_HEDGES)
# When two hedges are stacked, the stronger bound wins ("only about" is a point, "just over" a bound).
_BOUND_PRIORITY = {Bound.RANGE: 5, Bound.AT_LEAST: 4, Bound.AT_MOST: 4, Bound.JUST_BELOW: 3, Bound.JUST_ABOVE: 3,
                   Bound.POINT: 0}


def _hedge(phrase: str) -> tuple[Bound, bool] | None:
    entry = _HEDGES.get(phrase)
    return None if entry is None else (Bound(entry[0]), bool(entry[1]))


def classify_hedge(hedge: str) -> tuple[Bound, bool]:
    """The bound a hedge sets on the figure, and whether it flags the figure as approximate.

    ``hedge`` is one phrase of :data:`HEDGE` or two stacked ("only about",
    "well over"): the strongest bound wins and either may flag it.
    """
    h = re.sub(r"\s+", " ", hedge.strip().lower())
    known = _hedge(h)
    if known is not None:
        return known
    kind, approx = Bound.POINT, False
    rest = h
    for phrase in sorted(_HEDGES, key=len, reverse=True):
        if rest.startswith(phrase):
            k, a = _hedge(phrase) or (Bound.POINT, False)
            tail = rest[len(phrase):].strip()
            k2, a2 = _hedge(tail) or (Bound.POINT, False)
            kind = k if _BOUND_PRIORITY[k] >= _BOUND_PRIORITY[k2] else k2
            approx = a or a2
            break
    return kind, approx
