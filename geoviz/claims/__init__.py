"""Stated distances and directions in an article, checked against the geodesic.

Three steps, each usable alone:

1. ``find_distance_statements(text)`` reads the text only. It finds every
   "about 1,000 km from", "a 600-mile journey from A to B", "300-400 km
   north-west of", "between A and B, X km apart", "40 km from the border"
   and records the number, its unit, how it is hedged or bounded, the stated
   direction and where the anchor phrase starts. It knows nothing of places,
   so it can be tested and benchmarked without a gazetteer.
2. ``check_claims(doc)`` attaches each statement to the subject and anchor
   places of a parsed ``Document`` and measures the geodesic between them
   (or the distance to a border through an injected ``border_km``).
3. ``judge(statement, computed_km, computed_bearing)`` turns the pair into a
   verdict with a tolerance that follows from how the number is written: see
   ``docs/claims.md`` for the table.

Every regular expression here has bounded repetition and is applied either
once over the text or to a bounded window, so the whole pass is linear in the
length of the text (a 5 MB string is part of the tests).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from geoviz.geo.geodesy import (
    COMPASS_16,
    KM_PER_MILE,
    KM_PER_NAUTICAL_MILE,
    angle_difference,
    compass,
    compass_bearing,
    distance_km,
    initial_bearing,
)
from geoviz.model import Document, Place, Span
from geoviz.nlp.text import bounded_sentences

__all__ = [
    "VERDICTS",
    "BorderKm",
    "Claim",
    "Judgement",
    "Statement",
    "check_claims",
    "find_distance_statements",
    "from_km",
    "judge",
    "parse_direction",
    "parse_number",
    "to_km",
]

#: Looks up the distance in km from a point to a country's boundary
#: (ISO 3166-1 alpha-2 code); the gazetteer supplies it. ``None`` = unknown.
BorderKm = Callable[[float, float, str], "float | None"]

VERDICTS = ("consistent", "overstated", "understated", "direction_mismatch", "unresolved")

# --------------------------------------------------------------------------
# Tolerances (documented in docs/claims.md; change both together)
# --------------------------------------------------------------------------

#: Relative tolerance by how the number is written. A journalist who writes
#: "1,000 km" has rounded to the nearest hundred or so; "1,013 km" was copied
#: from a measurement and should be held to it.
PRECISION_ROUND = 0.10  # one significant figure: 5, 50, 300, 1,000, "a thousand"
PRECISION_HALF = 0.075  # two figures ending in 5: 15, 150, 2,500
PRECISION_TWO = 0.05  # two figures: 1,200, 65, 2.4
PRECISION_EXACT = 0.02  # three or more: 1,013, 2.57
#: Added on top when the writer hedges ("about", "some", "roughly", "~").
HEDGE_WIDENING = 0.05
#: Never hold a claim tighter than this: a place is one point standing for a
#: whole town, so two reasonable "distances from X" differ by a few km.
POINT_FLOOR_KM = 3.0
#: Slack on the bound itself for "more than", "up to", ranges: the bound is
#: usually a round number too.
BOUND_SLACK = 0.05
#: "nearly/almost X" = somewhat below X; "just over X" = somewhat above.
NEAR_BAND = 0.15
#: Road and rail distances run 1.2-1.5x the geodesic over land; flights
#: 1.02-1.10x. Above these a stated figure is not explained by the route.
DETOUR_MAX = 1.5
FLIGHT_MAX = 1.1
#: Direction tolerance by how finely the direction is stated. A bare cardinal
#: ("east of") is used loosely in news for anything from NE to SE, so it gets
#: the widest band; 8- and 16-point names are allowed one neighbouring sector
#: (half a sector of rounding plus one more); "due north" is strict.
DIRECTION_TOLERANCE = {1: 67.5, 2: 45.0, 3: 33.75}
DIRECTION_TOLERANCE_DUE = 22.5
#: Beyond Earth's circumference a "distance" is not a surface distance at all.
EARTH_CIRCUMFERENCE_KM = 40075.017

_MAX_SENTENCE = 1000  # chars; longer runs without punctuation are chunked

# --------------------------------------------------------------------------
# Units and numbers
# --------------------------------------------------------------------------

_KM_PER_UNIT = {"km": 1.0, "m": 0.001, "mi": KM_PER_MILE, "nmi": KM_PER_NAUTICAL_MILE}
_UNIT_NAMES = {"km": "km", "m": "m", "mi": "miles", "nmi": "nautical miles"}
#: Short units that also mean "million", "nanometre" etc.: only counted when
#: a place relation ("from", "away", "apart") follows.
_AMBIGUOUS_UNITS = {"m", "mi", "nm"}


def _canonical_unit(unit: str) -> str:
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
    return float(value) * _KM_PER_UNIT[_canonical_unit(unit)]


def from_km(km: float, unit: str) -> float:
    """Inverse of ``to_km``, for showing a computed distance in the article's own unit."""
    return float(km) / _KM_PER_UNIT[_canonical_unit(unit)]


_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_ATOM = "|".join(sorted([*_SMALL, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))
# "and" joins words only after a scale ("one hundred and fifty"), never two
# small numbers, so "between one and two miles" stays a range. Possessive
# repetition: a number word sequence is never re-split by backtracking.
_WORD_JOIN = r"(?:(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|(?<=million)\s+and\s+|[\s-]+)"
# A phrase starts with "a"/"an" + scale ("a thousand") or a plain number
# word, never a bare scale: "a couple of hundred km" is too vague to check.
# "a mile" counts as one mile, but not in "a third of a mile".
_FIRST_ATOM = "|".join(sorted([*_SMALL, *_TENS], key=len, reverse=True))
_WORDNUM = (
    rf"(?>half\s+an?|(?:an?\s+(?:hundred|thousand|million|dozen)|{_FIRST_ATOM})"
    rf"(?:{_WORD_JOIN}(?:{_ATOM})\b){{0,4}}+(?:\s+and\s+a\s+half)?"
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
_NUMBER = rf"(?>(?<![\w.,]){_DIGITS}(?:\s+(?:thousand|million)\b)?|\b{_WORDNUM}\b)"

_DIGITS_FULL = re.compile(_DIGITS + r"\Z")
_THOUSANDS_COMMA = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_THOUSANDS_DOT = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_THOUSANDS_SPACE = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f\u2009'’][0-9]{3})+(?:[.,][0-9]+)?")
_INDIAN = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?")
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_SCALED = re.compile(r"(.+?)\s+(thousand|million)", re.IGNORECASE)


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
            if i + 1 < len(words) and words[i + 1] in (*_SCALES, "dozen"):
                continue
            if len(words) == 1:
                return 1.0 + half
            return None
        if w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
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


def _significant_figures(number_text: str, value: float) -> tuple[int, int]:
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


def _precision(number_text: str, value: float) -> tuple[float, str]:
    sig, last = _significant_figures(number_text, value)
    if sig == 1:
        return PRECISION_ROUND, "round"
    if sig == 2 and last == 5:
        return PRECISION_HALF, "half-round"
    if sig == 2:
        return PRECISION_TWO, "two-figure"
    return PRECISION_EXACT, "precise"


# --------------------------------------------------------------------------
# Directions
# --------------------------------------------------------------------------

_DIR_WORD = r"(?:north|south|east|west)"
_DIR_SEP = r"(?:\s*-\s*|\s+|‑)?"
_DIRECTION = (
    rf"(?:(?:due\s+)?{_DIR_WORD}(?:{_DIR_SEP}{_DIR_WORD}){{0,2}}\b"
    r"|(?-i:(?:NNE|NNW|SSE|SSW|ENE|ESE|WNW|WSW|NE|NW|SE|SW|N|S|E|W))\b)"
)
_DIRECTION_RE = re.compile(_DIRECTION, re.IGNORECASE)


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


# --------------------------------------------------------------------------
# The distance expression
# --------------------------------------------------------------------------

_HEDGE = (
    r"(?:approximately|approx\.?|about|around|roughly|some|circa|ca\.|an\s+estimated|estimated"
    r"|close\s+to|nearly|almost|just\s+(?:over|under|below|above|short\s+of|more\s+than|less\s+than)"
    r"|just|only|a\s+mere|mere|barely|well\s+(?:over|under|beyond)|more\s+than|over|upwards\s+of"
    r"|in\s+excess\s+of|at\s+least|at\s+most|no\s+(?:more|less|fewer)\s+than|not\s+(?:more|less)\s+than"
    r"|less\s+than|fewer\s+than|under|below|within|up\s+to|between|from|~|≈)"
)
_UNIT = (
    r"(?:nautical[\s-]+miles?|nmi|nm|kilomet(?:re|er)s?|kms?|statute\s+miles?|miles?|mi"
    r"|met(?:re|er)s?|m)(?![^\W\d_]|[0-9²³/])"
)
_QUANTITY_RE = re.compile(
    rf"(?P<hedge>(?<![\w~≈]){_HEDGE}(?:\s+{_HEDGE})?\s*)?"
    rf"(?P<num>{_NUMBER})"
    rf"(?:\s*(?:{_UNIT})?\s*(?P<sep>-|–|—|‑|\bto\b|\band\b|\bor\b)\s*(?P<num2>{_NUMBER}))?"
    rf"\s*[-‑]?\s*(?P<unit>{_UNIT})",
    re.IGNORECASE,
)

_NOUN = (
    r"(?:journey|drive|trip|flight|route|road|railway|rail\s+line|line|border|frontier|trek|ride"
    r"|walk|march|voyage|crossing|stretch|highway|motorway|pipeline|corridor|trail|distance"
    r"|commute|hike|passage|leg|detour|run)"
)
_MODE = (
    r"(?:by\s+(?:road|rail|car|train|bus|air|sea|plane|boat|ship)|as\s+the\s+crow\s+flies"
    r"|in\s+a\s+straight\s+line|overland|on\s+foot)"
)
_RELATION_RE = re.compile(
    r"(?:\s+or\s+(?P<post>so|more|less|fewer|thereabouts)\b)?"
    # A unit conversion in brackets, "42 km (26 miles) from Dover": skipped
    # here, and not reported again as a statement of its own.
    r"(?:\s*\((?P<conv>[^()]{0,20}[0-9][^()]{0,20})\))?"
    r"(?:[\s-]*long\b)?"
    r"\s*,?\s*(?:\(\s*)?"
    rf"(?:(?P<noun>{_NOUN})s?\b\s*)?"
    rf"(?:(?P<mode>{_MODE})\b\s*,?\s*)?"
    rf"(?:(?:to\s+the\s+)?(?P<dir>{_DIRECTION})\s*\)?\s*)?"
    r"(?P<rel>away\s+from|away|apart|from|of|off|outside|beyond|into|inside|between)?\b",
    re.IGNORECASE,
)
_AWAY_DIRECTION_RE = re.compile(rf"\s+to\s+the\s+(?P<dir>{_DIRECTION})", re.IGNORECASE)
_EXCLUDE_AFTER_RE = re.compile(
    r"\s*(?:per\s+(?:hour|second|minute|day|year|litre|liter|gallon)|an?\s+(?:hour|second|minute|day)"
    r"|squared\b|[-\s]?(?:high|tall|deep|wide|thick|above|below|underground|beneath|in\s+(?:diameter"
    r"|width|height|depth|altitude)|of\s+(?:altitude|elevation|height|depth))\b)",
    re.IGNORECASE,
)
_ANCHOR_RE = re.compile(r"\s+(?P<anchor>[^\s,;:.!?()\[\]\"“”]+(?:[ \t]+[^\s,;:.!?()\[\]\"“”]+){0,6})")
_ANCHOR_STOP = {
    "and", "but", "while", "where", "which", "who", "whom", "that", "when", "after",
    "before", "since", "on", "at", "for", "as", "to", "by", "during", "according",
    "said", "says", "is", "was", "are", "were", "has", "had", "will", "would",
    "could", "in", "near", "lies", "lie", "lay", "sits", "sit", "stands", "stand",
}  # fmt: skip
_BORDER_WORD_RE = re.compile(r"\b(?:border|borders|frontier|boundary)\b", re.IGNORECASE)
_TO_RE = re.compile(r"[^,;:.!?()]{0,80}?\bto\s+(?!the\s+(?:north|south|east|west|border)\b)", re.IGNORECASE)
_FROM_TO_BEFORE_RE = re.compile(r"\bfrom\s+(?=[^,;:!?]{1,80}?\bto\s)", re.IGNORECASE)
_BETWEEN_PLACES_RE = re.compile(
    r"\bbetween\s+(?![0-9~≈]|(?:about|around|some|roughly|approximately|a\s+few|"
    + _ATOM
    + r")\b)",
    re.IGNORECASE,
)
_CROW_RE = re.compile(r"\bas\s+the\s+crow\s+flies\b|\bin\s+a\s+straight\s+line\b|\bstraight[-\s]line\b", re.IGNORECASE)
_ROAD_RE = re.compile(
    r"\b(?:journey|journeys|drive|drives|driving|drove|driven|trip|trips|road|roads|rail|railway"
    r"|train|trains|by\s+car|bus|route|highway|motorway|ride|trek|march|marched|walk|walked|hike"
    r"|voyage|sail|sailed|commute|convoy|travell?ed|travell?ing|overland)\b",
    re.IGNORECASE,
)
_AIR_RE = re.compile(r"\b(?:flight|flights|flew|fly|flying|by\s+air|by\s+plane|airliner)\b", re.IGNORECASE)
# What may precede a distance that opens its sentence ("Located some ...").
# Possessive and word-bounded, so a failed match never backtracks.
_OPENING_RE = re.compile(
    r"(?:\W|(?:located|lying|situated|sitting|some|about|around|roughly|approximately|just|only"
    r"|nearly|almost|barely|more|less|than|over|under|within|up|to|at|least|most|a|the)\b)*+",
    re.IGNORECASE,
)

# Hedge phrase -> (kind, approximate?)
_HEDGE_KIND = {
    "approximately": ("point", True), "approx": ("point", True), "approx.": ("point", True),
    "about": ("point", True), "around": ("point", True), "roughly": ("point", True),
    "some": ("point", True), "circa": ("point", True), "ca.": ("point", True),
    "an estimated": ("point", True), "estimated": ("point", True), "close to": ("point", True),
    "~": ("point", True), "≈": ("point", True),
    "just": ("point", False), "only": ("point", False), "a mere": ("point", False),
    "mere": ("point", False),
    "nearly": ("just_below", False), "almost": ("just_below", False),
    "just under": ("just_below", False), "just below": ("just_below", False),
    "just short of": ("just_below", False), "just less than": ("just_below", False),
    "barely": ("just_below", False),
    "just over": ("just_above", False), "just above": ("just_above", False),
    "just more than": ("just_above", False),
    "more than": ("at_least", False), "over": ("at_least", False), "well over": ("at_least", False),
    "well beyond": ("at_least", False), "upwards of": ("at_least", False),
    "in excess of": ("at_least", False), "at least": ("at_least", False),
    "no less than": ("at_least", False), "not less than": ("at_least", False),
    "less than": ("at_most", False), "fewer than": ("at_most", False), "under": ("at_most", False),
    "well under": ("at_most", False), "below": ("at_most", False), "within": ("at_most", False),
    "up to": ("at_most", False), "at most": ("at_most", False),
    "no more than": ("at_most", False), "not more than": ("at_most", False),
    "no fewer than": ("at_least", False),
    "between": ("range", False), "from": ("range", False),
}  # fmt: skip
_KIND_PRIORITY = {"range": 5, "at_least": 4, "at_most": 4, "just_below": 3, "just_above": 3, "point": 0}


def _classify_hedge(hedge: str) -> tuple[str, bool]:
    """Kind of bound and whether the figure is flagged as approximate."""
    h = re.sub(r"\s+", " ", hedge.strip().lower())
    if h in _HEDGE_KIND:
        return _HEDGE_KIND[h]
    kind, approx = "point", False
    rest = h
    # Two stacked hedges ("only about", "just over"): the strongest bound wins.
    for phrase in sorted(_HEDGE_KIND, key=len, reverse=True):
        if rest.startswith(phrase):
            k, a = _HEDGE_KIND[phrase]
            tail = rest[len(phrase):].strip()
            k2, a2 = _HEDGE_KIND.get(tail, ("point", False))
            kind = k if _KIND_PRIORITY[k] >= _KIND_PRIORITY[k2] else k2
            approx = a or a2
            break
    return kind, approx


@dataclass(slots=True)
class Statement:
    """One distance expression found in the text, before any place is attached.

    ``start``/``end`` cover the hedge, the number(s) and the unit ("approximately
    1,000 kilometres"). ``kind`` is how the figure bounds the distance: a point
    value, a ``range``, ``at_least``/``at_most`` inequalities, or
    ``just_below``/``just_above`` ("nearly", "just over").
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    km: float
    unit_text: str = ""
    kind: str = "point"
    approximate: bool = False
    hedge: str | None = None
    number_text: str = ""
    range_km: tuple[float, float] | None = None
    relation: str | None = None
    relation_word: str | None = None
    direction: str | None = None
    direction_text: str | None = None
    due: bool = False
    anchor_text: str | None = None
    anchor_start: int | None = None
    anchor_end: int | None = None
    to_start: int | None = None
    between_start: int | None = None
    travel: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, bounded: the same splitter the recogniser and events use."""
    return bounded_sentences(text, _MAX_SENTENCE)


class _SentenceInfo:
    """Per-sentence facts computed once, whatever the number of statements in it."""

    __slots__ = ("air", "between", "crow", "end", "from_to", "road", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.text = text[start:end]
        self.between = [start + m.end() for m in _BETWEEN_PLACES_RE.finditer(self.text)]
        self.from_to = [start + m.end() for m in _FROM_TO_BEFORE_RE.finditer(self.text)]
        self.crow = _CROW_RE.search(self.text) is not None
        self.road = _ROAD_RE.search(self.text) is not None
        self.air = _AIR_RE.search(self.text) is not None


def _anchor_phrase(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    m = _ANCHOR_RE.match(text, pos, limit)
    if not m:
        return None
    words = m.group("anchor").split()
    keep: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and w.lower() in _ANCHOR_STOP:
            break
        keep.append(w)
    phrase = " ".join(keep)
    a_start = m.start("anchor")
    # Find the end of the kept words in the original text.
    a_end = a_start
    for w in keep:
        a_end = text.index(w, a_end) + len(w)
    return phrase, a_start, a_end


_UNIT_SCAN_RE = re.compile(rf"(?<![^\W\d_]){_UNIT}", re.IGNORECASE)
_WINDOW = 200  # chars before a unit that a hedge + number (+ range) can span


def _quantities(text: str) -> Iterator[re.Match[str]]:
    """Quantity matches, looked for only in windows that end at a unit.

    Why: the full pattern is costly to attempt at every offset of a long
    article, while units are rare and cheap to find. Windows are merged, so
    each character is scanned by the full pattern at most once: linear time.
    """
    win_start = win_end = -1
    for u in _UNIT_SCAN_RE.finditer(text):
        lo = max(0, u.start() - _WINDOW)
        if lo <= win_end:
            win_end = u.end()
            continue
        if win_end > 0:
            yield from _QUANTITY_RE.finditer(text, win_start, win_end)
        win_start, win_end = lo, u.end()
    if win_end > 0:
        yield from _QUANTITY_RE.finditer(text, win_start, win_end)


def find_distance_statements(text: str) -> list[Statement]:
    """Every stated distance in ``text`` with its hedge, bound, relation and direction.

    Text-level only: no places are attached. Numbers without a unit, speeds
    ("km/h"), areas ("square km", "km²"), heights and depths, negative
    numbers and money ("$5m") are not distance statements and are skipped.
    """
    if not isinstance(text, str) or not text:
        return []
    statements: list[Statement] = []
    sentences = _sentences(text)
    starts = [s for s, _ in sentences]
    infos: dict[int, _SentenceInfo] = {}
    skip_until = -1
    for m in _quantities(text):
        st = _make_statement(text, m)
        if st is None:
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0:
            continue
        s_start, s_end = sentences[i]
        if m.start() >= s_end:
            continue
        info = infos.get(i)
        if info is None:
            infos.clear()  # statements arrive in text order: only the current sentence is needed
            info = infos[i] = _SentenceInfo(text, s_start, s_end)
        if m.start() < skip_until:
            continue  # the bracketed conversion of the previous statement
        kept, skip_until = _attach_relation(text, m, st, info)
        if kept:
            statements.append(st)
    return statements


_NEGATIVE_RE = re.compile(r"(?:^|[^\w\s])\s?[-−]\s?$|(?<![\w-])[-−]$|\bminus\s+$", re.IGNORECASE)


def _make_statement(text: str, m: re.Match[str]) -> Statement | None:
    num_text = m.group("num")
    value = parse_number(num_text)
    if value is None:
        return None
    num_start = m.start("num")
    # A minus sign directly before the number ("-500 km", "minus 500 km"):
    # a negative distance is not a claim.
    before = text[max(0, num_start - 7):num_start]
    if _NEGATIVE_RE.search(before) and not re.search(r"[0-9]\s*[-−]\s?$", before):
        return None
    if re.search(r"[$€£¥₹₽]\s?$", before):
        return None
    hedge = m.group("hedge")
    kind, approx = ("point", False)
    if hedge:
        hedge = re.sub(r"\s+", " ", hedge.strip().lower())
        kind, approx = _classify_hedge(hedge)
    unit_text = m.group("unit")
    if unit_text[0].isupper() and unit_text[1:].islower():
        return None  # "Ten Mile", "Eight Mile Road": a name, not a distance
    unit = _canonical_unit(unit_text)
    num2 = m.group("num2")
    range_vals: tuple[float, float] | None = None
    if num2 is not None:
        v2 = parse_number(num2)
        if v2 is None:
            return None
        lo, hi = sorted((value, v2))
        if lo <= 0:
            return None
        range_vals = (lo, hi)
        kind = "range"
        value = (lo + hi) / 2
    elif kind == "range":
        # "from 300 km" / "between 300 km": no second number, so no range.
        kind = "point"
        hedge = None
    if value <= 0:
        return None
    if _EXCLUDE_AFTER_RE.match(text, m.end()):
        return None
    start = m.start("hedge") if hedge else m.start("num")
    st = Statement(
        start=start,
        end=m.end(),
        text=text[start:m.end()],
        value=value,
        unit=unit,
        km=to_km(value, unit),
        unit_text=unit_text,
        kind=kind,
        approximate=approx,
        hedge=hedge or None,
        number_text=num_text if range_vals is None else max(num_text, num2, key=lambda t: parse_number(t) or 0),
        range_km=(to_km(range_vals[0], unit), to_km(range_vals[1], unit)) if range_vals else None,
    )
    return st


def _attach_relation(
    text: str, m: re.Match[str], st: Statement, info: _SentenceInfo
) -> tuple[bool, int]:
    """Read what follows the quantity: "... north-west of Y", "... away", "... apart", "... journey from A to B".

    Returns whether to keep the statement, and the offset up to which a
    bracketed unit conversion runs (-1 if none).
    """
    r = _RELATION_RE.match(text, m.end(), info.end)
    skip_until = r.end("conv") if r and r.group("conv") else -1
    post = noun = mode = rel = None
    if r:
        post, noun, mode, rel = r.group("post"), r.group("noun"), r.group("mode"), r.group("rel")
        if r.group("dir"):
            _set_direction(st, r.group("dir"))
    if post:
        p = post.lower()
        if p in ("so", "thereabouts"):
            st.approximate = True
            st.hedge = st.hedge or f"or {p}"
        elif st.kind == "point":
            st.kind = "at_least" if p == "more" else "at_most"
            st.hedge = st.hedge or f"or {p}"
    rel_l = re.sub(r"\s+", " ", rel.lower()) if rel else None
    if rel_l == "away" and r is not None:
        d = _AWAY_DIRECTION_RE.match(text, r.end(), info.end)
        if d:
            _set_direction(st, d.group("dir"))
    st.relation_word = rel_l
    if rel_l in ("from", "away from", "of", "off", "outside", "beyond", "into", "inside"):
        st.relation = "from" if rel_l == "away from" else rel_l
        phrase = _anchor_phrase(text, r.end(), info.end) if r else None
        if phrase:
            st.anchor_text, st.anchor_start, st.anchor_end = phrase
            if _BORDER_WORD_RE.search(phrase[0]) or rel_l in ("into", "inside"):
                st.relation = "border"
            elif rel_l == "from":
                t = _TO_RE.match(text, st.anchor_start, info.end)
                if t:
                    st.to_start = t.end()
                    st.relation = "from_to"
        elif rel_l in ("off", "outside", "beyond"):
            st.relation = rel_l
    elif rel_l == "away":
        st.relation = "away"
    elif rel_l == "apart":
        st.relation = "apart"
        prior = [b for b in info.between if b < m.start()]
        if prior:
            st.between_start = prior[-1]
    elif rel_l == "between":
        # A "between" right after the unit: the places follow it.
        st.relation = "between"
        st.between_start = r.end() if r else m.end()
    else:
        # Nothing right after the number: the relation may precede it
        # ("the distance between A and B is X km", "the drive from A to B is X km").
        prior_between = [b for b in info.between if b < m.start()]
        prior_from = [f for f in info.from_to if f < m.start()]
        if prior_between and (not prior_from or prior_between[-1] > prior_from[-1]):
            st.relation = "between"
            st.between_start = prior_between[-1]
        elif prior_from:
            t = _TO_RE.match(text, prior_from[-1], m.start())
            if t:
                st.relation = "from_to"
                st.anchor_start = prior_from[-1]
                st.to_start = t.end()
    if st.relation is None and st.unit_text.lower() in _AMBIGUOUS_UNITS:
        return False, skip_until
    # How the distance is travelled, nearest wording first.
    mode_l = (mode or "").lower()
    noun_l = (noun or "").lower()
    if info.crow or "crow" in mode_l or "straight" in mode_l:
        st.travel = "crow"
    elif mode_l in ("by air", "by plane") or noun_l == "flight":
        st.travel = "air"
    elif mode_l or noun_l in _ROAD_NOUNS or info.road:
        st.travel = "road"
    elif info.air:
        st.travel = "air"
    st.sentence = info.text
    st.sentence_start, st.sentence_end = info.start, info.end
    return True, skip_until


_ROAD_NOUNS = {
    "journey", "drive", "trip", "route", "road", "railway", "trek", "ride", "walk", "march",
    "voyage", "highway", "motorway", "commute", "hike", "detour", "rail line",
}  # fmt: skip


def _set_direction(st: Statement, text: str) -> None:
    t = text.strip()
    due = t.lower().startswith("due")
    core = re.sub(r"^due\s+", "", t, flags=re.IGNORECASE)
    core = re.sub(r"ern$", "", core, flags=re.IGNORECASE)
    d = parse_direction(core)
    if d:
        st.direction, st.direction_text, st.due = d, t, due


# --------------------------------------------------------------------------
# Judging
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verdict with the interval it was measured against, so the UI can show why."""

    verdict: str
    tolerance_km: float | None
    low_km: float | None
    high_km: float | None
    explanation: str


def _fmt_km(x: float) -> str:
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 1:
        return f"{x:.1f}".removesuffix(".0")
    return f"{x:.2f}"


def _fmt_value(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


def _stated_phrase(st: Statement) -> str:
    """Render the statement compactly and unit-faithfully: "~600 miles (966 km)"."""
    unit_name = _UNIT_NAMES[st.unit]
    if st.kind == "range" and st.range_km:
        lo, hi = (from_km(k, st.unit) for k in st.range_km)
        number = f"{_fmt_value(lo)}–{_fmt_value(hi)}"
        km = f"{_fmt_km(st.range_km[0])}–{_fmt_km(st.range_km[1])} km"
    else:
        number = _fmt_value(st.value)
        km = f"{_fmt_km(st.km)} km"
    prefix = {
        "at_least": "at least ",
        "at_most": "at most ",
        "just_below": "nearly ",
        "just_above": "just over ",
    }.get(st.kind, "")
    if st.approximate and not prefix:
        prefix = "~"
    text = f"{prefix}{number} {unit_name}"
    if st.unit != "km":
        text += f" ({km})"
    return text


def _pct(stated: float, computed: float) -> str:
    """How far the stated figure is off, as a share of the stated figure.

    The same base as the tolerance ("±10 % of what was written"), so the
    explanation never says "−9.6 %, beyond ±10 %".
    """
    if stated <= 0:
        return "n/a"
    p = (stated - computed) / stated * 100
    if abs(p) < 0.05:
        return "0.0 %"
    return f"{p:+.1f} %".replace("-", "−")


def _detour_note(stated_km: float, computed: float, travel: str | None) -> tuple[bool, str]:
    """Whether a too-long figure is explained by the route, and the words that say so."""
    if computed <= 0:
        return False, ""
    ratio = stated_km / computed
    head = f"stated {_fmt_km(stated_km)} km is {ratio:.2f}x the geodesic {_fmt_km(computed)} km"
    if travel == "crow":
        return False, f"the text says as the crow flies, so {ratio:.2f}x the geodesic is not a route detour"
    if travel == "air":
        if ratio <= FLIGHT_MAX:
            return True, f"{head}: typical of a flight path"
        return False, f"{head}: more than a flight path adds (up to {FLIGHT_MAX:g}x)"
    if ratio <= DETOUR_MAX:
        if travel == "road":
            return True, f"{head}: typical of a road or rail distance"
        return False, f"{head}: typical of a road or rail distance, but the text describes no journey"
    return False, ""


def judge(
    statement: Statement,
    computed_km: float | None,
    computed_bearing: float | None = None,
    *,
    anchor: str | None = None,
    to_border: bool = False,
) -> Judgement:
    """Compare one statement with the measured distance (and bearing from the anchor).

    The tolerance comes from the statement itself, not from a global
    setting: a round, hedged "about 1,000 km" is allowed ±15 %, a precise
    "1,013 km" ±2 %; bounds and ranges are checked as the inequalities they
    are. See docs/claims.md. ``to_border`` says the measurement is the
    distance to a country's boundary, which no route detour explains.
    """
    st = statement
    if st.km > EARTH_CIRCUMFERENCE_KM or not math.isfinite(st.km):
        return Judgement(
            "unresolved", None, None, None,
            f"stated {_fmt_km(st.km)} km exceeds Earth's circumference (40,075 km): not a surface distance",
        )  # fmt: skip
    if computed_km is None or not math.isfinite(computed_km):
        return Judgement("unresolved", None, None, None, "no computed distance to compare with")
    c = computed_km
    stated = _stated_phrase(st)
    floor = POINT_FLOOR_KM
    travel = st.travel
    label = "distance to the border" if to_border else "geodesic"
    if st.kind == "range" and st.range_km:
        lo, hi = st.range_km
        rate = BOUND_SLACK + (HEDGE_WIDENING if st.approximate else 0.0)
        slack = max(hi * rate, floor)
        low, high = lo - slack, hi + slack
        where = "inside the range" if lo <= c <= hi else f"within {_fmt_km(slack)} km of the range"
        fits = f"{label} {_fmt_km(c)} km lies {where}"
        misses_low = f"{label} {_fmt_km(c)} km lies below the range, even allowing {_fmt_km(slack)} km"
        misses_high = f"{label} {_fmt_km(c)} km lies above the range, even allowing {_fmt_km(slack)} km"
        tol = slack
    elif st.kind in ("at_least", "at_most", "just_below", "just_above"):
        x = st.km
        slack = max(x * BOUND_SLACK, floor)
        tol = slack
        if st.kind == "at_least":
            low, high = x - slack, math.inf
            fits = f"{label} {_fmt_km(c)} km meets that lower bound"
            misses_low = f"{label} {_fmt_km(c)} km falls short of that lower bound, even allowing {_fmt_km(slack)} km"
            misses_high = ""
        elif st.kind == "at_most":
            low, high = 0.0, x + slack
            fits = f"{label} {_fmt_km(c)} km is within that upper bound"
            misses_low = ""
            misses_high = f"{label} {_fmt_km(c)} km exceeds that upper bound, even allowing {_fmt_km(slack)} km"
        elif st.kind == "just_below":
            low, high = x * (1 - NEAR_BAND) - floor, x + slack
            band = f"{_fmt_km(max(low, 0))}–{_fmt_km(high)} km"
            fits = f"{label} {_fmt_km(c)} km is in the {band} that \"{st.hedge}\" implies"
            misses_low = f"{label} {_fmt_km(c)} km is below the {band} that \"{st.hedge}\" implies"
            misses_high = f"{label} {_fmt_km(c)} km is above the {band} that \"{st.hedge}\" implies"
        else:
            low, high = x - slack, x * (1 + NEAR_BAND) + floor
            band = f"{_fmt_km(low)}–{_fmt_km(high)} km"
            fits = f"{label} {_fmt_km(c)} km is in the {band} that \"{st.hedge}\" implies"
            misses_low = f"{label} {_fmt_km(c)} km is below the {band} that \"{st.hedge}\" implies"
            misses_high = f"{label} {_fmt_km(c)} km is above the {band} that \"{st.hedge}\" implies"
    else:
        rel, desc = _precision(st.number_text, st.value)
        adjective = {"round": "rounded", "half-round": "rounded", "two-figure": "two-significant-digit",
                     "precise": "precise"}[desc]  # fmt: skip
        if st.approximate:
            rel += HEDGE_WIDENING
            adjective += ", hedged"
        tol = max(st.km * rel, floor)
        low, high = st.km - tol, st.km + tol
        head = f"{label} {_fmt_km(c)} km ({_pct(st.km, c)})"
        allowance = (
            f"the ±{rel * 100:g} % a {adjective} figure allows"
            if st.km * rel >= floor
            else f"the ±{_fmt_km(floor)} km that point locations allow"
        )
        fits = f"{head}; within {allowance}"
        misses_low = misses_high = f"{head}; beyond {allowance}"
    if low <= c <= high:
        verdict, detail = "consistent", fits
    elif c < low:
        # For a range, its low end is what the route has to explain.
        ok, note = (False, "") if to_border else _detour_note(st.range_km[0] if st.range_km else st.km, c, travel)
        verdict = "consistent" if ok else "overstated"
        detail = misses_low + (f"; {note}" if note else "")
    else:
        verdict, detail = "understated", misses_high
    explanation = f"stated {stated}; {detail}"

    if st.direction and computed_bearing is not None and c > floor:
        stated_b = compass_bearing(st.direction)
        allowed = DIRECTION_TOLERANCE_DUE if st.due else DIRECTION_TOLERANCE[len(st.direction)]
        off = angle_difference(stated_b, computed_bearing)
        what = "a \"due\"" if st.due else {1: "a cardinal", 2: "an 8-point", 3: "a 16-point"}[len(st.direction)]
        actual = f"{computed_bearing:.0f}° ({compass(computed_bearing)})"
        if off > allowed:
            explanation = (
                f"stated {st.direction_text} ({st.direction}, {stated_b:g}°) but the bearing from "
                f"{anchor or 'the anchor'} is "
                f"{actual}, {off:.0f}° off, beyond the ±{allowed:g}° {what} direction allows; distance: "
                f"{verdict}, {explanation}"
            )
            verdict = "direction_mismatch"
        else:
            explanation += f"; direction {st.direction} fits the bearing {actual} (±{allowed:g}°)"
    elif st.direction and computed_bearing is None:
        explanation += f"; direction {st.direction} not checked (no bearing to a border)"
    return Judgement(verdict, tol, max(low, 0.0), None if math.isinf(high) else high, explanation)


# --------------------------------------------------------------------------
# Attaching places
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Claim:
    """One checked distance statement: the ``geoviz check --json`` contract plus explanation and ids."""

    sentence: str
    start: int
    end: int
    subject: str | None
    anchor: str | None
    stated_km: float
    relation: str | None
    hedge: str | None
    bearing: str | None
    computed_km: float | None
    computed_bearing: float | None
    tolerance_km: float | None
    verdict: str
    explanation: str = ""
    reason: str | None = None
    unit: str = "km"
    stated_value: float = 0.0
    stated_range: tuple[float | None, float | None] | None = None
    subject_id: str | None = None
    anchor_id: str | None = None
    statement: Statement | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None, nd: int) -> float | None:
            return None if x is None else round(x, nd)

        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "subject": self.subject,
            "anchor": self.anchor,
            "stated_km": r(self.stated_km, 3),
            "relation": self.relation,
            "hedge": self.hedge,
            "bearing": self.bearing,
            "computed_km": r(self.computed_km, 1),
            "computed_bearing": r(self.computed_bearing, 1),
            "tolerance_km": r(self.tolerance_km, 1),
            "verdict": self.verdict,
            "explanation": self.explanation,
            "reason": self.reason,
            "unit": self.unit,
            "stated_value": self.stated_value,
            "stated_range": None if self.stated_range is None else [
                r(self.stated_range[0], 3), r(self.stated_range[1], 3)
            ],
            "subject_id": self.subject_id,
            "anchor_id": self.anchor_id,
        }


@dataclass(frozen=True, slots=True)
class _M:
    start: int
    end: int
    text: str
    place: Place
    adjectival: bool


_DEMONYM_STRONG = re.compile(r"(?:ian|ese|ish|ean)s?$")
_DEMONYM_WEAK = re.compile(r"(?:an|i|ic|ch|ite|er|ine)s?$")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _is_adjectival(span: Span, place: Place) -> bool:
    """Whether a mention is a demonym or adjective ("Russian") rather than a name or metonym.

    Why a heuristic: ``Span`` carries no ``form``, so this reads the surface
    text against the place's names. Strong endings (-ian, -ese, -ish, -ean)
    are enough; weak ones (-an, -i, -ch) also need a shared stem, because
    Tehran, Milan and Helsinki end the same way and may be metonyms.
    """
    t = re.sub(r"['’]s$", "", span.text.strip()).strip().lower()
    if not t:
        return False
    names = {place.name.lower()}
    for alt in place.alternatives:
        names.add(alt.entry.name.lower())
        if alt.entry.ascii_name:
            names.add(alt.entry.ascii_name.lower())
    if any(t == n or n.startswith(t) for n in names if n):
        return False
    # The resolver flags a place first reached through a demonym; any
    # mention of it that is not one of its names is then that demonym.
    if isinstance(place.reason, dict) and place.reason.get("demonym") is True:
        return True
    stem = max((_common_prefix(t, n) for n in names if n), default=0)
    if _DEMONYM_STRONG.search(t):
        return True
    if _DEMONYM_WEAK.search(t):
        return stem >= (2 if t.endswith(("ch", "chs")) else 3)
    return False


class _MentionIndex:
    """Mentions sorted by offset, for range queries in O(log n) per sentence."""

    def __init__(self, doc: Document) -> None:
        items = [
            _M(sp.start, sp.end, sp.text, p, _is_adjectival(sp, p))
            for p in doc.places
            for sp in p.mentions
        ]
        items.sort(key=lambda m: (m.start, m.end))
        self.items = items
        self.starts = [m.start for m in items]

    def within(self, lo: int, hi: int) -> list[_M]:
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.items) and self.items[i].start < hi:
            if self.items[i].end <= hi:
                out.append(self.items[i])
            i += 1
        return out


def _has_point(place: Place) -> bool:
    try:
        return math.isfinite(place.lat) and math.isfinite(place.lon) and -90 <= place.lat <= 90
    except TypeError:
        return False


def _prefer_specific(cands: list[_M]) -> _M | None:
    """Nearest candidate, skipping countries when anything more specific is there."""
    for m in cands:
        if m.place.kind != "country":
            return m
    return cands[0] if cands else None


class _Context:
    def __init__(self, doc: Document, border_km: BorderKm | None) -> None:
        self.doc = doc
        self.border_km = border_km
        self.index = _MentionIndex(doc)
        self.sentences = _sentences(doc.text)
        self.sentence_starts = [s for s, _ in self.sentences]

    def previous_sentence(self, start: int) -> list[_M]:
        i = bisect.bisect_right(self.sentence_starts, start) - 1
        if i <= 0:
            return []
        s, e = self.sentences[i - 1]
        return self.index.within(s, e)


def _usable(ms: list[_M], exclude_ids: set[str]) -> list[_M]:
    return [m for m in ms if not m.adjectival and m.place.id not in exclude_ids]


def _subject_for(st: Statement, ctx: _Context, mentions: list[_M], exclude: set[str], after: int) -> _M | None:
    """The place the sentence is about.

    Nearest place before the number (an apposition names it: "Vostochny
    Cosmodrome, a spaceport 1,000 km from Vladivostok"); else, when the
    sentence opens with the distance ("Some 1,000 km from Vladivostok lies
    ..."), the first place after the anchor; else the last place of the
    previous sentence ("The city lies ...").
    """
    before = _usable([m for m in mentions if m.end <= st.start], exclude)
    found = _prefer_specific(before[::-1])
    if found:
        return found
    opening = ctx.doc.text[st.sentence_start:st.start]
    if len(opening) <= 80 and _OPENING_RE.fullmatch(opening):
        later = _usable([m for m in mentions if m.start >= after], exclude)
        found = _prefer_specific(later)
        if found:
            return found
    prev = _usable(ctx.previous_sentence(st.sentence_start), exclude)
    return _prefer_specific(prev[::-1])


def _pair_after(mentions: list[_M], pos: int) -> tuple[_M, _M] | None:
    usable = [m for m in mentions if m.start >= pos and not m.adjectival]
    if not usable:
        return None
    first = usable[0]
    for m in usable[1:]:
        if m.place.id != first.place.id:
            return first, m
    return None


def _border_country(st: Statement, mentions: list[_M], subject: _M | None) -> _M | None:
    """Which country's border: one named in the anchor phrase ("the Ukrainian border",
    "the border with Ukraine"), else another country named in the sentence."""
    own = subject.place.country if subject else ""
    lo = st.anchor_start if st.anchor_start is not None else st.end
    hi = st.anchor_end if st.anchor_end is not None else st.end
    in_phrase = [m for m in mentions if lo <= m.start < hi + 20 and m.place.country]
    pool = in_phrase or [m for m in mentions if m.place.kind == "country" and m.place.country]
    for m in pool:
        if m.place.country != own:
            return m
    # "Kharkiv, 30 km from the Ukrainian border" names the subject's own
    # country: still the border meant, so keep it when it is in the phrase.
    return in_phrase[0] if in_phrase else None


def _set_border(claim: Claim, role: str, country: _M) -> str:
    """Name the border end after its country, and return the country code to look up."""
    name = country.place.name if country.place.kind == "country" else country.place.country
    setattr(claim, role, f"{name} border")
    setattr(claim, f"{role}_id", country.place.id)
    claim.relation = "border"
    return country.place.country


def _claim_base(st: Statement) -> Claim:
    if st.kind == "range" and st.range_km:
        rng: tuple[float | None, float | None] | None = st.range_km
    elif st.kind in ("at_least", "just_above"):
        rng = (st.km, None)
    elif st.kind in ("at_most", "just_below"):
        rng = (None, st.km)
    else:
        rng = None
    return Claim(
        sentence=st.sentence,
        start=st.start,
        end=st.end,
        subject=None,
        anchor=st.anchor_text,
        stated_km=st.km,
        relation=st.relation,
        hedge=st.hedge,
        bearing=st.direction,
        computed_km=None,
        computed_bearing=None,
        tolerance_km=None,
        verdict="unresolved",
        unit=st.unit,
        stated_value=st.value,
        stated_range=rng,
        statement=st,
    )


def _unresolved(claim: Claim, reason: str) -> Claim:
    claim.verdict = "unresolved"
    claim.reason = reason
    claim.explanation = f"unresolved: {reason}"
    return claim


def _finish(claim: Claim, st: Statement, computed: float, bearing: float | None, to_border: bool = False) -> Claim:
    j = judge(st, computed, bearing, anchor=claim.anchor, to_border=to_border)
    claim.computed_km = computed
    claim.computed_bearing = bearing
    claim.tolerance_km = j.tolerance_km
    claim.verdict = j.verdict
    claim.explanation = j.explanation
    if j.verdict == "unresolved":
        claim.reason = j.explanation
    return claim


def _set_place(claim: Claim, role: str, m: _M) -> None:
    setattr(claim, role, m.place.name)
    setattr(claim, f"{role}_id", m.place.id)


def _claim_for(st: Statement, ctx: _Context) -> Claim:
    claim = _claim_base(st)
    if st.km > EARTH_CIRCUMFERENCE_KM:
        return _unresolved(
            claim, f"stated {_fmt_km(st.km)} km exceeds Earth's circumference (40,075 km): not a surface distance"
        )
    mentions = [
        m for m in ctx.index.within(st.sentence_start, st.sentence_end) if m.end <= st.start or m.start >= st.end
    ]
    rel = st.relation
    subject: _M | None = None
    anchor: _M | None = None
    border_code: str | None = None

    if rel is None:
        return _unresolved(claim, "the distance is not stated relative to a place (no from/of/away/apart/between)")

    if rel == "from_to" and st.to_start is not None and st.anchor_start is not None:
        a = next((m for m in mentions if st.anchor_start <= m.start < st.to_start and not m.adjectival), None)
        b = next((m for m in mentions if st.to_start <= m.start < st.to_start + 40 and not m.adjectival), None)
        if a and b and a.place.id != b.place.id:
            subject, anchor = b, a
        elif st.anchor_start >= st.end:
            rel = claim.relation = "from"  # "from A to attend ...": a plain "from"
        else:
            return _unresolved(claim, "the route's start or end is not a place in the document")

    if rel in ("apart", "between"):
        pair = _pair_after(mentions, st.between_start) if st.between_start is not None else None
        if pair is None and rel == "apart":
            before = _usable([m for m in mentions if m.end <= st.start], set())[::-1]
            distinct: list[_M] = []
            for m in before:
                if all(m.place.id != d.place.id for d in distinct):
                    distinct.append(m)
            if len(distinct) >= 2:
                pair = (distinct[1], distinct[0])
            else:
                pair = _pair_after(mentions, st.end)
        if pair is None:
            return _unresolved(claim, "fewer than two places found for the two ends of the distance")
        subject, anchor = pair
    elif rel == "away":
        subject = _subject_for(st, ctx, mentions, set(), st.end)
        if subject is None:
            return _unresolved(claim, "no place found for what is said to be away")
        earlier = _usable([m for m in mentions if m.end <= subject.start], {subject.place.id})[::-1]
        anchor = _prefer_specific(earlier) or _prefer_specific(
            _usable(ctx.previous_sentence(st.sentence_start), {subject.place.id})[::-1]
        )
        if anchor is None:
            _set_place(claim, "subject", subject)
            return _unresolved(claim, "no earlier place to measure the 'away' distance from")
    elif rel == "border":
        lo = st.anchor_start if st.anchor_start is not None else st.end
        hi = st.anchor_end if st.anchor_end is not None else st.end
        exclude = {m.place.id for m in mentions if lo <= m.start < hi + 20}
        subject = _subject_for(st, ctx, mentions, exclude, hi)
        if st.relation_word in ("into", "inside"):
            # "30 km into Russia": only a country has a border to measure from.
            country = next((m for m in mentions if lo <= m.start < hi and m.place.kind == "country"), None)
            if country is None:
                return _unresolved(claim, f"“{st.relation_word} {st.anchor_text}” names no country to measure in from")
        else:
            country = _border_country(st, mentions, subject)
        if country is not None:
            border_code = _set_border(claim, "anchor", country)
        else:
            claim.anchor = st.anchor_text or "the border"
        if subject is None:
            return _unresolved(claim, "no place found for what is said to be near the border")
        _set_place(claim, "subject", subject)
        if border_code is None:
            return _unresolved(claim, "the text does not say which country's border")
    elif anchor is None:  # from / of / off / outside / beyond
        lo = st.anchor_start if st.anchor_start is not None else st.end
        hi = st.anchor_end if st.anchor_end is not None else st.end
        anchor = next((m for m in mentions if lo <= m.start < hi), None)
        if anchor is None:
            return _unresolved(claim, f"anchor “{st.anchor_text or ''}” is not a place in the document")
        if anchor.adjectival:
            return _unresolved(
                claim, f"anchor “{st.anchor_text}” names no place, only the adjective “{anchor.text}”"
            )
        subject = _subject_for(st, ctx, mentions, {anchor.place.id}, anchor.end)
        if subject is None:
            _set_place(claim, "anchor", anchor)
            return _unresolved(claim, "no place found for what is said to be at that distance")

    if subject is None:  # every branch above sets it or returns; kept as a guard
        return _unresolved(claim, "no subject place found")
    _set_place(claim, "subject", subject)
    if anchor is not None:
        _set_place(claim, "anchor", anchor)

    # A whole country as one end: the distance meant is to its border.
    point = subject.place
    if rel != "border" and anchor is not None:
        if anchor.place.kind == "country" and subject.place.kind == "country":
            return _unresolved(claim, "both ends are countries: a distance between whole countries is not checkable")
        if anchor.place.kind == "country":
            border_code = _set_border(claim, "anchor", anchor)
        elif subject.place.kind == "country":
            border_code = _set_border(claim, "subject", subject)
            point = anchor.place

    if border_code is not None:
        if not _has_point(point):
            return _unresolved(claim, f"{point.name} has no coordinates")
        if ctx.border_km is None:
            return _unresolved(
                claim, f"the distance to the {border_code} border needs a border_km function; none was given"
            )
        try:
            km = ctx.border_km(point.lat, point.lon, border_code)
        except Exception as exc:  # noqa: BLE001 - an injected lookup must not sink the whole check
            return _unresolved(claim, f"border lookup for {border_code} failed: {exc}")
        if km is None or not math.isfinite(km):
            return _unresolved(claim, f"no boundary known for {border_code}")
        return _finish(claim, st, float(km), None, to_border=True)

    if anchor is None:
        return _unresolved(claim, "no anchor place found")
    for m in (subject, anchor):
        if not _has_point(m.place):
            return _unresolved(claim, f"{m.place.name} has no coordinates")
    computed = distance_km(anchor.place, subject.place)
    bearing = initial_bearing(anchor.place, subject.place) if computed > 0 else None
    return _finish(claim, st, computed, bearing)


def check_claims(doc: Document, border_km: BorderKm | None = None) -> list[Claim]:
    """Find, attach and judge every distance statement in a parsed document.

    ``border_km(lat, lon, country_code)`` answers "X km from the border"
    claims; without it those come back ``unresolved`` with a reason, like any
    claim whose subject or anchor cannot be placed. No statement is dropped.
    """
    if doc is None or not isinstance(doc.text, str) or not doc.text:
        return []
    ctx = _Context(doc, border_km)
    return [_claim_for(st, ctx) for st in find_distance_statements(doc.text)]
