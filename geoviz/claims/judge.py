"""The verdict on one distance statement, and the words that explain it.

``judge(statement, computed_km, computed_bearing)`` compares what the text
states with what was measured. The tolerance comes from the statement itself
(how the number is written, how it is hedged or bounded, how the distance is
travelled), never from a global setting; every number that goes into it is a
field of :class:`Tolerances`. See docs/claims.md for the table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from geoviz.geo.geodesy import angle_difference, compass, compass_bearing
from geoviz.model import Bound, Judgement, Statement, Verdict
from geoviz.nlp.quantities import UNIT_NAMES, Precision, from_km, precision

__all__ = ["DEFAULT_TOLERANCES", "EARTH_CIRCUMFERENCE_KM", "Tolerances", "fmt_km", "judge"]

#: Beyond Earth's circumference a "distance" is not a surface distance at all
#: (WGS84 equatorial circumference, km).
EARTH_CIRCUMFERENCE_KM = 40075.017


@dataclass(frozen=True, slots=True)
class Tolerances:
    """Every allowance a verdict is measured with, in one place (documented in docs/claims.md).

    The defaults are what the development set and the reasoning below
    support; pass another instance to ``check_claims``/``judge`` to explore.
    """

    #: Relative tolerance of a number written with one significant figure (5,
    #: 50, 300, 1,000, "a thousand"): a journalist who writes "1,000 km" has
    #: rounded to the nearest hundred or so.
    precision_round: float = 0.10
    #: Two figures ending in 5 (15, 150, 2,500): rounded to the nearest half step.
    precision_half: float = 0.075
    #: Two figures (1,200, 65, 2.4).
    precision_two: float = 0.05
    #: Three or more figures (1,013, 2.57): copied from a measurement and held to it.
    precision_exact: float = 0.02
    #: Added on top when the writer hedges ("about", "some", "roughly", "~").
    hedge_widening: float = 0.05
    #: Never hold a claim tighter than this, in km: a place is one point
    #: standing for a whole town, so two reasonable "distances from X" differ
    #: by a few km. Also the shortest distance whose direction is checked.
    point_floor_km: float = 3.0
    #: Slack on the bound itself for "more than", "up to" and ranges: the
    #: bound is usually a round number too.
    bound_slack: float = 0.05
    #: "nearly/almost X" = somewhat below X; "just over X" = somewhat above:
    #: how far below (above) X, as a share of X.
    near_band: float = 0.15
    #: Whatever the figure's own rounding, a statement is consistent when it is
    #: within this share of the geodesic (or ``place_floor_km``): a town is an
    #: area, not the one point that stands for it, the two points come from
    #: different sources, and on real text writers round more loosely than
    #: their digits suggest (the project's verdict policy, docs/claims.md).
    place_share: float = 0.20
    #: The same allowance in km for short distances: two town points a few km apart.
    place_floor_km: float = 5.0
    #: A measurement this many times off the figure (either way) is taken for a
    #: misread place, not a wrong text: the claim stays unresolved (see
    #: ``geoviz.claims.check``). Writers' real errors are a fraction or a few
    #: times off; the scorer's false copies are 3x.
    misread_factor: float = 5.0
    #: Road and rail distances run 1.2-1.6x the geodesic over land: a figure
    #: up to this multiple (plus ``place_floor_km``) is explained by the route
    #: when the text describes a journey by land.
    detour_max: float = 1.6
    #: Flights run 1.02-1.10x the geodesic: the multiple a flight explains.
    flight_max: float = 1.1
    #: Direction tolerance in degrees for a bare cardinal ("east of"): news
    #: uses it loosely for anything from NE to SE, so the widest band.
    direction_cardinal: float = 67.5
    #: An 8-point name ("north-west"): one neighbouring sector allowed (half a
    #: sector of rounding plus one more).
    direction_8_point: float = 45.0
    #: A 16-point name ("north-north-west"): likewise one neighbouring sector.
    direction_16_point: float = 33.75
    #: "due north" is strict: half an 8-point sector.
    direction_due: float = 22.5
    #: Never call a direction wrong within this many degrees: a place's point
    #: and its extent, and loose usage ("north of" for NNE), put true
    #: statements up to about 60 degrees off on real text.
    direction_floor: float = 60.0

    def precision_rate(self, how: Precision) -> float:
        """The relative tolerance of a number written as finely as ``how``."""
        return {"round": self.precision_round, "half-round": self.precision_half,
                "two-figure": self.precision_two, "precise": self.precision_exact}[how]

    def direction(self, abbreviation: str, due: bool) -> float:
        """The allowed bearing error for a stated direction ("NW"; ``due`` for "due north")."""
        own = self.direction_due if due else {1: self.direction_cardinal, 2: self.direction_8_point,
                                              3: self.direction_16_point}[len(abbreviation)]
        return max(own, self.direction_floor)

    def place_allowance(self, computed_km: float) -> float:
        """How far (km) a figure may be from the geodesic ``computed_km`` before it is wrong, whatever its digits."""
        return max(self.place_share * computed_km, self.place_floor_km)


DEFAULT_TOLERANCES = Tolerances()


def fmt_km(x: float) -> str:
    """A distance for an explanation: whole km from 100, one decimal from 1, two below."""
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 1:
        return f"{x:.1f}".removesuffix(".0")
    return f"{x:.2f}"


def _fmt_value(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


def _stated_phrase(st: Statement) -> str:
    """Render the statement compactly and unit-faithfully: "~600 miles (966 km)"."""
    unit_name = UNIT_NAMES[st.unit]
    if st.kind == Bound.RANGE and st.range_km:
        lo, hi = (from_km(k, st.unit) for k in st.range_km)
        number = f"{_fmt_value(lo)}–{_fmt_value(hi)}"
        km = f"{fmt_km(st.range_km[0])}–{fmt_km(st.range_km[1])} km"
    else:
        number = _fmt_value(st.value)
        km = f"{fmt_km(st.km)} km"
    prefix = {
        Bound.AT_LEAST: "at least ",
        Bound.AT_MOST: "at most ",
        Bound.JUST_BELOW: "nearly ",
        Bound.JUST_ABOVE: "just over ",
    }.get(st.kind, "")
    if st.approximate and not prefix:
        prefix = "~"
    text = f"{prefix}{number} {unit_name}"
    if st.unit != "km":
        text += f" ({km})"
    return text


#: From this multiple either way the explanation says how many times, not a percentage.
_MULTIPLE_FROM = 1.5


def _pct(stated: float, computed: float) -> str:
    """How far the stated figure is off: a share of the stated figure when close, a multiple when far.

    The share has the same base as the tolerance ("±10 % of what was written"), so the explanation never
    says "−9.6 %, beyond ±10 %". Far off, a share reads wrong ("−175.8 %" for a geodesic 2.8 times the
    figure), so from half again either way the explanation gives the multiple ("2.8x the stated figure").
    """
    if stated <= 0 or computed <= 0:
        return "n/a"
    if computed >= _MULTIPLE_FROM * stated:
        return f"{computed / stated:.1f}x the stated figure"
    if stated >= _MULTIPLE_FROM * computed:
        return f"the stated figure is {stated / computed:.1f}x it"
    p = (stated - computed) / stated * 100
    if abs(p) < 0.05:
        return "0.0 %"
    return f"{p:+.1f} %".replace("-", "−")


def _detour_note(stated_km: float, computed: float, travel: str | None, tol: Tolerances) -> tuple[bool, str]:
    """Whether a too-long figure is explained by the route, and the words that say so."""
    if computed <= 0:
        return False, ""
    ratio = stated_km / computed
    head = f"stated {fmt_km(stated_km)} km is {ratio:.2f}x the geodesic {fmt_km(computed)} km"
    if travel == "crow":
        return False, f"the text says as the crow flies, so {ratio:.2f}x the geodesic is not a route detour"
    if travel == "air":
        if ratio <= tol.flight_max:
            return True, f"{head}: typical of a flight path"
        return False, f"{head}: more than a flight path adds (up to {tol.flight_max:g}x)"
    if stated_km <= tol.detour_max * computed + tol.place_floor_km:
        if travel == "road":
            return True, f"{head}: typical of a road or rail distance"
        return False, f"{head}: typical of a road or rail distance, but the text describes no journey"
    if travel == "road":
        return False, f"{head}: more than a road or rail route adds (up to {tol.detour_max:g}x)"
    return False, ""


def _within_place_allowance(st: Statement, c: float, t: Tolerances) -> tuple[bool, str]:
    """Whether the figure is within ``Tolerances.place_allowance`` of the geodesic ``c``, and the words that say so.

    A range is held to its own ends (the writer gave the uncertainty); a bound
    is widened on its open side only; a point or "nearly/just over" figure on both.
    """
    allow = t.place_allowance(c)
    x = st.km
    words = (f"but within ±{t.place_share * 100:g} % of the geodesic (at least {fmt_km(t.place_floor_km)} km, "
             f"here {fmt_km(allow)} km): a town is an area, not one point, and writers round")
    if st.kind == Bound.RANGE:
        return False, ""
    if st.kind == Bound.AT_MOST:
        return c <= x + allow, words
    if st.kind == Bound.AT_LEAST:
        return c >= x - allow, words
    return abs(x - c) <= allow, words


def judge(
    statement: Statement,
    computed_km: float | None,
    computed_bearing: float | None = None,
    *,
    anchor: str | None = None,
    to_border: bool = False,
    tolerances: Tolerances = DEFAULT_TOLERANCES,
) -> Judgement:
    """Compare one statement with the measured distance (and bearing from the anchor).

    The tolerance comes from the statement itself, not from a global
    setting: a round, hedged "about 1,000 km" is allowed ±15 %, a precise
    "1,013 km" ±2 %; bounds and ranges are checked as the inequalities they
    are. See docs/claims.md. ``to_border`` says the measurement is the
    distance to a country's boundary, which no route detour explains.
    """
    st = statement
    t = tolerances
    if st.km > EARTH_CIRCUMFERENCE_KM or not math.isfinite(st.km):
        return Judgement(
            Verdict.UNRESOLVED, None, None, None,
            f"stated {fmt_km(st.km)} km exceeds Earth's circumference (40,075 km): not a surface distance",
        )  # fmt: skip
    if computed_km is None or not math.isfinite(computed_km):
        return Judgement(Verdict.UNRESOLVED, None, None, None, "no computed distance to compare with")
    c = computed_km
    stated = _stated_phrase(st)
    floor = t.point_floor_km
    travel = st.travel
    label = "distance to the border" if to_border else "geodesic"
    if st.kind == Bound.RANGE and st.range_km:
        lo, hi = st.range_km
        rate = t.bound_slack + (t.hedge_widening if st.approximate else 0.0)
        slack = max(hi * rate, floor)
        low, high = lo - slack, hi + slack
        where = "inside the range" if lo <= c <= hi else f"within {fmt_km(slack)} km of the range"
        fits = f"{label} {fmt_km(c)} km lies {where}"
        misses_low = f"{label} {fmt_km(c)} km lies below the range, even allowing {fmt_km(slack)} km"
        misses_high = f"{label} {fmt_km(c)} km lies above the range, even allowing {fmt_km(slack)} km"
        tol = slack
    elif st.kind in (Bound.AT_LEAST, Bound.AT_MOST, Bound.JUST_BELOW, Bound.JUST_ABOVE):
        x = st.km
        slack = max(x * t.bound_slack, floor)
        tol = slack
        if st.kind == Bound.AT_LEAST:
            low, high = x - slack, math.inf
            fits = f"{label} {fmt_km(c)} km meets that lower bound"
            misses_low = f"{label} {fmt_km(c)} km falls short of that lower bound, even allowing {fmt_km(slack)} km"
            misses_high = ""
        elif st.kind == Bound.AT_MOST:
            low, high = 0.0, x + slack
            fits = f"{label} {fmt_km(c)} km is within that upper bound"
            misses_low = ""
            misses_high = f"{label} {fmt_km(c)} km exceeds that upper bound, even allowing {fmt_km(slack)} km"
        elif st.kind == Bound.JUST_BELOW:
            low, high = x * (1 - t.near_band) - floor, x + slack
            band = f"{fmt_km(max(low, 0))}–{fmt_km(high)} km"
            fits = f"{label} {fmt_km(c)} km is in the {band} that \"{st.hedge}\" implies"
            misses_low = f"{label} {fmt_km(c)} km is below the {band} that \"{st.hedge}\" implies"
            misses_high = f"{label} {fmt_km(c)} km is above the {band} that \"{st.hedge}\" implies"
        else:
            low, high = x - slack, x * (1 + t.near_band) + floor
            band = f"{fmt_km(low)}–{fmt_km(high)} km"
            fits = f"{label} {fmt_km(c)} km is in the {band} that \"{st.hedge}\" implies"
            misses_low = f"{label} {fmt_km(c)} km is below the {band} that \"{st.hedge}\" implies"
            misses_high = f"{label} {fmt_km(c)} km is above the {band} that \"{st.hedge}\" implies"
    else:
        how = precision(st.number_text, st.value)
        rel = t.precision_rate(how)
        adjective = {"round": "rounded", "half-round": "rounded", "two-figure": "two-significant-digit",
                     "precise": "precise"}[how]  # fmt: skip
        if st.approximate:
            rel += t.hedge_widening
            adjective += ", hedged"
        tol = max(st.km * rel, floor)
        low, high = st.km - tol, st.km + tol
        head = f"{label} {fmt_km(c)} km ({_pct(st.km, c)})"
        allowance = (
            f"the ±{rel * 100:g} % a {adjective} figure allows"
            if st.km * rel >= floor
            else f"the ±{fmt_km(floor)} km that point locations allow"
        )
        fits = f"{head}; within {allowance}"
        misses_low = misses_high = f"{head}; beyond {allowance}"
    place_ok, place_note = _within_place_allowance(st, c, t)
    if low <= c <= high:
        verdict, detail = Verdict.CONSISTENT, fits
    elif place_ok and not to_border:
        verdict, detail = Verdict.CONSISTENT, f"{misses_low if c < low else misses_high}; {place_note}"
        tol = t.place_allowance(c)
        low, high = min(low, c), max(high, c)
    else:
        verdict, detail = _wrong(st, c, low, misses_low, misses_high, travel, to_border, t)
        if st.kind != Bound.RANGE and not to_border:
            tol = max(tol, t.place_allowance(c))
            if verdict != Verdict.CONSISTENT:
                detail += f"; beyond ±{t.place_share * 100:g} % of the geodesic ({fmt_km(t.place_allowance(c))} km)"
    explanation = f"stated {stated}; {detail}"
    return _with_direction(st, verdict, explanation, c, computed_bearing, anchor, tol, low, high, t)


def _wrong(st: Statement, c: float, low: float, misses_low: str, misses_high: str, travel: str | None,
           to_border: bool, t: Tolerances) -> tuple[Verdict, str]:
    """The verdict and words for a figure outside every allowance but, perhaps, a route's."""
    if c < low:
        # For a range, its low end is what the route has to explain.
        ok, note = (False, "") if to_border else _detour_note(st.range_km[0] if st.range_km else st.km, c, travel, t)
        return (Verdict.CONSISTENT if ok else Verdict.OVERSTATED), misses_low + (f"; {note}" if note else "")
    return Verdict.UNDERSTATED, misses_high


def _with_direction(st: Statement, verdict: Verdict, explanation: str, c: float, computed_bearing: float | None,
                    anchor: str | None, tol: float, low: float, high: float, t: Tolerances) -> Judgement:
    """The stated direction checked against the bearing: a wrong one decides the verdict, with both findings."""
    floor = t.point_floor_km
    if st.direction and computed_bearing is not None and c > floor:
        stated_b = compass_bearing(st.direction)
        allowed = t.direction(st.direction, st.due)
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
            verdict = Verdict.DIRECTION_MISMATCH
        else:
            explanation += f"; direction {st.direction} fits the bearing {actual} (±{allowed:g}°)"
    elif st.direction and computed_bearing is None:
        explanation += f"; direction {st.direction} not checked (no bearing to a border)"
    return Judgement(verdict, tol, max(low, 0.0), None if math.isinf(high) else high, explanation)
