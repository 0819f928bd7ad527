"""Finding distance statements in text, before any place is attached.

``find_distance_statements(text)`` finds every "about 1,000 km from", "a
600-mile journey from A to B", "300-400 km north-west of", "between A and B, X
km apart", "40 km from the border" and records the number, its unit, how it is
hedged or bounded, the stated direction, how the distance is travelled and
where the anchor phrase starts. It knows nothing of places, so it can be
tested and benchmarked without a gazetteer.

Every regular expression here has bounded repetition and is applied either
once over the text or to a bounded window, so the whole pass is linear in the
length of the text (a 5 MB string is part of the tests).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from geoviz.model import Bound, Relation, Statement
from geoviz.nlp.lexicon import words
from geoviz.nlp.quantities import (
    AMBIGUOUS_UNITS,
    DIRECTION,
    HEDGE,
    NUMBER,
    NUMBER_WORD,
    UNIT,
    UNIT_START,
    canonical_unit,
    classify_hedge,
    parse_number,
    read_direction,
    to_km,
)
from geoviz.nlp.text import bounded_sentences

__all__ = ["Statement", "find_distance_statements"]

# --------------------------------------------------------------------------
# The distance expression
# --------------------------------------------------------------------------

# Up to two stacked hedges, the number (or a range of two), the unit.
_QUANTITY_RE = re.compile(
    rf"(?P<hedge>(?<![\w~≈]){HEDGE}(?:\s+{HEDGE})?\s*)?"
    rf"(?P<num>{NUMBER})"
    rf"(?:\s*(?:{UNIT})?\s*(?P<sep>-|–|—|‑|\bto\b|\band\b|\bor\b)\s*(?P<num2>{NUMBER}))?"
    rf"\s*[-‑]?\s*(?P<unit>{UNIT})",
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
# What may follow the quantity, in order: "or so", a bracketed conversion,
# "long", a noun ("journey"), a mode ("by road"), a direction, the relation word.
_RELATION_RE = re.compile(
    r"(?:\s+or\s+(?P<post>so|more|less|fewer|thereabouts)\b)?"
    # A unit conversion in brackets, "42 km (26 miles) from Dover": skipped
    # here, and not reported again as a statement of its own.
    r"(?:\s*\((?P<conv>[^()]{0,20}[0-9][^()]{0,20})\))?"
    r"(?:[\s-]*long\b)?"
    r"\s*,?\s*(?:\(\s*)?"
    rf"(?:(?P<noun>{_NOUN})s?\b\s*)?"
    rf"(?:(?P<mode>{_MODE})\b\s*,?\s*)?"
    rf"(?:(?:to\s+the\s+)?(?P<dir>{DIRECTION})\s*\)?\s*)?"
    r"(?P<rel>away\s+from|away|apart|from|of|off|outside|beyond|into|inside|between|to(?=\s+(?!the\s+(?:north|south"
    r"|east|west|border)\b)))?\b",
    re.IGNORECASE,
)
_AWAY_DIRECTION_RE = re.compile(rf"\s+to\s+the\s+(?P<dir>{DIRECTION})", re.IGNORECASE)
# Speeds, areas, heights and depths: a unit followed by these is no distance between places.
_EXCLUDE_AFTER_RE = re.compile(
    r"\s*(?:per\s+(?:hour|second|minute|day|year|litre|liter|gallon)|an?\s+(?:hour|second|minute|day)"
    r"|squared\b|[-\s]?(?:high|tall|deep|wide|thick|radius|above|below|underground|beneath|in\s+(?:diameter"
    r"|width|height|depth|altitude)|of\s+(?:altitude|elevation|height|depth))\b)",
    re.IGNORECASE,
)
_ANCHOR_RE = re.compile(r"\s+(?P<anchor>[^\s,;:.!?()\[\]\"“”]+(?:[ \t]+[^\s,;:.!?()\[\]\"“”]+){0,6})")
# A word that ends the anchor phrase: the clause goes on about something else.
_ANCHOR_STOP = words("claims_anchor_stops")
_BORDER_WORD_RE = re.compile(r"\b(?:border|borders|frontier|boundary)\b", re.IGNORECASE)
_TO_RE = re.compile(r"[^,;:.!?()]{0,80}?\bto\s+(?!the\s+(?:north|south|east|west|border)\b)", re.IGNORECASE)
_FROM_TO_BEFORE_RE = re.compile(r"\bfrom\s+(?=[^,;:!?]{1,80}?\bto\s)", re.IGNORECASE)
_BETWEEN_PLACES_RE = re.compile(
    r"\bbetween\s+(?![0-9~≈]|(?:about|around|some|roughly|approximately|a\s+few|"
    + NUMBER_WORD
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
# Nouns right after the figure that make it a road or rail distance ("a 600-mile journey").
_ROAD_NOUNS = words("claims_road_nouns")
# The relation words after which an anchor phrase follows.
_ANCHORED = words("claims_anchor_relations")

# A road, river or route said to run somewhere: "leads west", "runs northwest", "stretches 50 miles east".
_COURSE_RE = re.compile(
    r"\b(?:leads?|leading|runs?|running|heads?|continues|stretch(?:es|ing)?|extends?|extending|flows?|flowing"
    r"|winds?|meanders?)\b",
    re.IGNORECASE,
)
# ... governing the figure: "runs 50 miles east", "stretches for 260 miles": a length, not where a place lies.
_COURSE_BEFORE_RE = re.compile(rf"{_COURSE_RE.pattern}\s+(?:(?:{DIRECTION})\s+)?(?:for\s+)?$", re.IGNORECASE)
_COVERED_RE = re.compile(
    r"\b(?:cover(?:ed|s|ing)?|rac(?:ed|es|ing)|cycl(?:ed|es|ing)|swam|swim(?:s|ming)?|sailed|hiked|walked|ran)\s+"
    r"(?:(?:about|some|nearly|almost|more\s+than|over|around|roughly|approximately|just|only)\s+)?$",
    re.IGNORECASE,
)
_COURSE_DIRECTION_RE = re.compile(
    rf"\b(?:leads?|leading|runs?|running|heads?|continues)\s+(?P<dir>{DIRECTION})", re.IGNORECASE
)
_DIRECTION_BEFORE_RE = re.compile(rf"(?P<dir>{DIRECTION})\s+(?:for\s+)?$", re.IGNORECASE)
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?=[^,;:]{1,60}$)", re.IGNORECASE)

_NEGATIVE_RE = re.compile(r"(?:^|[^\w\s])\s?[-−]\s?$|(?<![\w-])[-−]$|\bminus\s+$", re.IGNORECASE)


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


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
    """The words after the relation word up to a clause word ("from Vladivostok, where" -> "Vladivostok")."""
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


_WINDOW = 200  # chars before a unit that a hedge + number (+ range) can span


def _quantities(text: str) -> Iterator[re.Match[str]]:
    """Quantity matches, looked for only in windows that end at a unit.

    Why: the full pattern is costly to attempt at every offset of a long
    article, while units are rare and cheap to find. Windows are merged, so
    each character is scanned by the full pattern at most once: linear time.
    """
    win_start = win_end = -1
    for u in UNIT_START.finditer(text):
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
    sentences = bounded_sentences(text)
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
        kept, skip_until = _read_relation(text, m, st, info)
        if kept:
            statements.append(st)
    return statements


def _make_statement(text: str, m: re.Match[str]) -> Statement | None:
    """The statement of one quantity match, or ``None`` when it is no distance (negative, money, a height)."""
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
    kind, approx = Bound.POINT, False
    if hedge:
        hedge = re.sub(r"\s+", " ", hedge.strip().lower())
        kind, approx = classify_hedge(hedge)
    unit_text = m.group("unit")
    if unit_text[0].isupper() and unit_text[1:].islower():
        return None  # "Ten Mile", "Eight Mile Road": a name, not a distance
    unit = canonical_unit(unit_text)
    num2 = m.group("num2")
    range_vals: tuple[float, float] | None = None
    if num2 is not None and (m.group("sep") or "").lower() == "and" and kind != Bound.RANGE:
        # "to Interstate 99 and 5 miles to Bellefonte": "and" makes a range only after "between".
        value, num_text, num_start, num2, hedge = parse_number(num2) or 0.0, num2, m.start("num2"), None, None
        kind, approx = Bound.POINT, False
    if num2 is not None:
        v2 = parse_number(num2)
        if v2 is None:
            return None
        lo, hi = sorted((value, v2))
        if lo <= 0:
            return None
        range_vals = (lo, hi)
        kind = Bound.RANGE
        value = (lo + hi) / 2
    elif kind == Bound.RANGE:
        # "from 300 km" / "between 300 km": no second number, so no range.
        kind = Bound.POINT
        hedge = None
    if value <= 0:
        return None
    if _EXCLUDE_AFTER_RE.match(text, m.end()):
        return None
    start = m.start("hedge") if hedge else num_start
    return Statement(
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


def _read_relation(
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
        elif st.kind == Bound.POINT:
            st.kind = Bound.AT_LEAST if p == "more" else Bound.AT_MOST
            st.hedge = st.hedge or f"or {p}"
    rel_l = re.sub(r"\s+", " ", rel.lower()) if rel else None
    if rel_l == "away" and r is not None:
        d = _AWAY_DIRECTION_RE.match(text, r.end(), info.end)
        if d:
            _set_direction(st, d.group("dir"))
    st.relation_word = rel_l
    if rel_l in _ANCHORED:
        st.relation = Relation.FROM if rel_l == "away from" else Relation(rel_l)
        phrase = _anchor_phrase(text, r.end(), info.end) if r else None
        if phrase:
            st.anchor_text, st.anchor_start, st.anchor_end = phrase
            if _BORDER_WORD_RE.search(phrase[0]) or rel_l in ("into", "inside"):
                st.relation = Relation.BORDER
            elif rel_l == "from":
                t = _TO_RE.match(text, st.anchor_start, info.end)
                if t:
                    st.to_start = t.end()
                    st.relation = Relation.FROM_TO
    elif rel_l == "away":
        st.relation = Relation.AWAY
    elif rel_l == "to":
        # "I-10 leads west 35 miles to Houston": the place after "to" lies that far from where the road starts.
        _read_to(text, m, st, info, r.end() if r else m.end())
    elif rel_l == "apart":
        st.relation = Relation.APART
        prior = [b for b in info.between if b < m.start()]
        if prior:
            st.between_start = prior[-1]
    elif rel_l == "between":
        # A "between" right after the unit: the places follow it.
        st.relation = Relation.BETWEEN
        st.between_start = r.end() if r else m.end()
    elif not st.direction:
        # Nothing right after the number: the relation may precede it
        # ("the distance between A and B is X km", "the drive from A to B is X km"). A direction alone
        # ("between Rotterdam, 19 km to the south-west, and ...") places the name before it instead.
        prior_between = [b for b in info.between if b < m.start()]
        prior_from = [f for f in info.from_to if f < m.start()]
        if prior_between and (not prior_from or prior_between[-1] > prior_from[-1]):
            st.relation = Relation.BETWEEN
            st.between_start = prior_between[-1]
        elif prior_from:
            t = _TO_RE.match(text, prior_from[-1], m.start())
            if t:
                st.relation = Relation.FROM_TO
                st.anchor_start = prior_from[-1]
                st.to_start = t.end()
    if st.relation is None and st.direction and not _COURSE_BEFORE_RE.search(text, max(info.start, st.start - 40),
                                                                              st.start):
        # "Baytown, 13 miles to the southwest, ...", "Inglewood 21 km north": a place that far in that
        # direction from the place the sentence or article is about (never a river or road that runs that way).
        st.relation = Relation.AWAY
    if _COVERED_RE.search(text, max(info.start, st.start - 30), st.start):
        # "the first stage covered 109 miles from A to B": the length of a winding course, not a distance.
        st.relation = None
    if st.relation is None and st.unit_text.lower() in AMBIGUOUS_UNITS:
        return False, skip_until
    # How the distance is travelled, nearest wording first.
    mode_l = (mode or "").lower()
    noun_l = (noun or "").lower()
    if st.relation == Relation.TO and _COURSE_RE.search(text, info.start, st.start):
        st.travel = "road"  # "US 77 leads north ... 16 miles to Norman": a distance along the road
    elif info.crow or "crow" in mode_l or "straight" in mode_l:
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


def _read_to(text: str, m: re.Match[str], st: Statement, info: _SentenceInfo, dest: int) -> None:
    """ "PA 64 leads northeast 12 miles to Lamar", "US 77 leads north from Lexington 16 miles to Norman".

    The place after "to" is the subject; the anchor is the place after a "from" earlier in the clause, else
    (only where a road or route is described leading there) the place the article is about. The direction,
    when it is not after the figure, is the one the road is said to lead in.
    """
    st.relation = Relation.TO
    st.to_start = dest
    phrase = _anchor_phrase(text, dest, info.end)
    if phrase:
        st.anchor_text, st.to_start = phrase[0], phrase[1]
    before = text[info.start:m.start()]
    froms = list(_FROM_BEFORE_RE.finditer(before))
    if froms:
        st.anchor_start = info.start + froms[-1].end()
    if st.direction is None:
        d = _DIRECTION_BEFORE_RE.search(before)
        if d is None:
            courses = list(_COURSE_DIRECTION_RE.finditer(before))
            d = courses[-1] if courses else None
        if d is not None:
            _set_direction(st, d.group("dir"))


def _set_direction(st: Statement, text: str) -> None:
    d = read_direction(text)
    if d:
        st.direction, st.due = d
        st.direction_text = text.strip()
