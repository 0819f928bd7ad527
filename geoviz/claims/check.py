"""Checking a parsed document's distance claims: find, attach, measure, judge.

``check_claims(doc)`` runs the three rooms of this package in order: the
statements of the text (:mod:`.statements`), the subject and anchor places of
each (:mod:`.attach`), and the verdict on the measured distance
(:mod:`.judge`). The measuring is here: the geodesic between two places, or
the distance from a place to a country's border through an injected
``border_km``. No statement is dropped: one that cannot be checked comes back
``unresolved`` with a reason a person understands.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from geoviz.claims.attach import DocumentIndex, Ends, IndexedMention, Lookup, attach
from geoviz.claims.judge import DEFAULT_TOLERANCES, EARTH_CIRCUMFERENCE_KM, Tolerances, fmt_km, judge
from geoviz.claims.statements import find_distance_statements
from geoviz.geo.geodesy import distance_km, initial_bearing
from geoviz.model import Bound, Claim, Document, Place, Relation, Statement, Verdict

__all__ = ["BorderKm", "check_claims"]

#: Looks up the distance in km from a point to a country's boundary
#: (ISO 3166-1 alpha-2 code); the gazetteer supplies it. ``None`` = unknown.
BorderKm = Callable[[float, float, str], "float | None"]


def check_claims(doc: Document, border_km: BorderKm | None = None,
                 tolerances: Tolerances = DEFAULT_TOLERANCES, lookup: Lookup | None = None) -> list[Claim]:
    """Find, attach and judge every distance statement in a parsed document.

    ``border_km(lat, lon, country_code)`` answers "X km from the border"
    claims; without it those come back ``unresolved`` with a reason, like any
    claim whose subject or anchor cannot be placed. No statement is dropped.
    ``tolerances`` sets every allowance the verdicts use (see
    :class:`geoviz.claims.judge.Tolerances`). ``lookup(name)`` (the
    gazetteer's readings of a name, ``Gazetteer.lookup``) lets an end the
    resolver did not pin be read where the text itself puts it ("Warburton is
    a town in Victoria, Australia"); without it such a claim stays unresolved.
    """
    if doc is None or not isinstance(doc.text, str) or not doc.text:
        return []
    statements = find_distance_statements(doc.text)
    if not statements:
        return []  # most articles state no distance: their mentions need no index
    index = DocumentIndex(doc, lookup)
    return [_check(st, index, border_km, tolerances) for st in statements]


def _check(st: Statement, index: DocumentIndex, border_km: BorderKm | None, tolerances: Tolerances) -> Claim:
    claim = _claim_base(st)
    if st.km > EARTH_CIRCUMFERENCE_KM:
        return _unresolved(
            claim, f"stated {fmt_km(st.km)} km exceeds Earth's circumference (40,075 km): not a surface distance"
        )
    ends = attach(st, index)
    _name_ends(claim, ends)
    if ends.reason is not None:
        return _unresolved(claim, ends.reason)
    subject, anchor = ends.subject, ends.anchor
    assert subject is not None  # attach gives a reason whenever it finds no subject
    if ends.border is not None:
        point = anchor.place if ends.border_role == "subject" and anchor is not None else subject.place
        return _to_border(claim, st, point, ends.border.place.country, border_km, tolerances)
    if anchor is None:  # every relation but a border sets both ends or gives a reason; kept as a guard
        return _unresolved(claim, "no anchor place found")
    for m in (subject, anchor):
        if not _has_point(m.place):
            return _unresolved(claim, f"{m.place.name} has no coordinates")
    computed = distance_km(anchor.place, subject.place)
    misread = _misread(st, computed, subject, anchor, tolerances)
    if misread:
        claim.computed_km = computed
        return _unresolved(claim, misread)
    bearing = initial_bearing(anchor.place, subject.place) if computed > 0 else None
    return _finish(claim, st, computed, bearing, tolerances)


def _misread(st: Statement, computed: float, subject: IndexedMention, anchor: IndexedMention,
             tolerances: Tolerances) -> str | None:
    """Why a measurement many times off the figure says more about the reading of a place than about the text.

    A writer who rounds, or even errs, is off by a fraction or a few times;
    "4 miles north of Stevenage" measured as 198 km means a place was read as
    another of its name. Accusing the article then would be a guess, so the
    claim stays unresolved with both readings named. The figure is used only
    to abstain, never to choose a reading.
    """
    if st.kind == Bound.RANGE and st.range_km:
        lo, hi = st.range_km
    elif st.kind in (Bound.AT_LEAST, Bound.JUST_ABOVE):
        lo, hi = st.km, math.inf
    elif st.kind in (Bound.AT_MOST, Bound.JUST_BELOW):
        lo, hi = 0.0, st.km
    else:
        lo = hi = st.km
    k = tolerances.misread_factor
    far = computed > k * hi + tolerances.place_floor_km
    near = computed * k + tolerances.place_floor_km < lo
    if not (far or near):
        return None
    ratio = computed / st.km if st.km > 0 else math.inf
    return (f"measured {fmt_km(computed)} km against a stated {fmt_km(st.km)} km ({ratio:.2g}x): more likely a place "
            f"misread than a text so wrong ({_where(subject)}; {_where(anchor)}); not judged")


def _where(m: IndexedMention) -> str:
    p = m.place
    return ", ".join([f"{m.text} read as {p.name}", *(x for x in (p.admin1, p.country) if x)])


def _to_border(claim: Claim, st: Statement, point: Place, code: str, border_km: BorderKm | None,
               tolerances: Tolerances) -> Claim:
    """Measure from ``point`` to the border of country ``code`` through the injected lookup."""
    if not _has_point(point):
        return _unresolved(claim, f"{point.name} has no coordinates")
    if border_km is None:
        return _unresolved(claim, f"the distance to the {code} border needs a border_km function; none was given")
    try:
        km = border_km(point.lat, point.lon, code)
    except Exception as exc:  # noqa: BLE001 - an injected lookup must not sink the whole check; the claim says why
        return _unresolved(claim, f"border lookup for {code} failed: {exc}")
    if km is None or not math.isfinite(km):
        return _unresolved(claim, f"no boundary known for {code}")
    return _finish(claim, st, float(km), None, tolerances, to_border=True)


def _has_point(place: Place) -> bool:
    try:
        return math.isfinite(place.lat) and math.isfinite(place.lon) and -90 <= place.lat <= 90
    except TypeError:
        return False


def _claim_base(st: Statement) -> Claim:
    """The claim as the text states it, before any place is attached: ``unresolved`` until judged."""
    if st.kind == Bound.RANGE and st.range_km:
        rng: tuple[float | None, float | None] | None = st.range_km
    elif st.kind in (Bound.AT_LEAST, Bound.JUST_ABOVE):
        rng = (st.km, None)
    elif st.kind in (Bound.AT_MOST, Bound.JUST_BELOW):
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
        verdict=Verdict.UNRESOLVED,
        unit=st.unit,
        stated_value=st.value,
        stated_range=rng,
        statement=st,
    )


def _name_ends(claim: Claim, ends: Ends) -> None:
    """Name on the claim whatever ends were found, even for a claim that stays unresolved."""
    claim.relation = ends.relation
    if ends.subject is None and ends.subject_text:
        claim.subject = ends.subject_text  # what the text says, with no subject_id: not resolved
    if ends.anchor_text is not None:
        claim.anchor = ends.anchor_text
    if ends.subject is not None:
        _set_place(claim, "subject", ends.subject)
    if ends.anchor is not None:
        _set_place(claim, "anchor", ends.anchor)
    if ends.border is not None:
        _set_border(claim, ends.border_role, ends.border)


def _set_place(claim: Claim, role: str, m: IndexedMention) -> None:
    setattr(claim, role, m.place.name)
    setattr(claim, f"{role}_id", m.place.id)


def _set_border(claim: Claim, role: str, country: IndexedMention) -> None:
    """Name the border end after its country ("Ukraine border")."""
    name = country.place.name if country.place.kind == "country" else country.place.country
    setattr(claim, role, f"{name} border")
    setattr(claim, f"{role}_id", country.place.id)
    claim.relation = Relation.BORDER


def _unresolved(claim: Claim, reason: str) -> Claim:
    claim.verdict = Verdict.UNRESOLVED
    claim.reason = reason
    claim.explanation = f"unresolved: {reason}"
    return claim


def _finish(claim: Claim, st: Statement, computed: float, bearing: float | None, tolerances: Tolerances,
            to_border: bool = False) -> Claim:
    j = judge(st, computed, bearing, anchor=claim.anchor, to_border=to_border, tolerances=tolerances)
    claim.computed_km = computed
    claim.computed_bearing = bearing
    claim.tolerance_km = j.tolerance_km
    claim.verdict = j.verdict
    claim.explanation = j.explanation
    if j.verdict == Verdict.UNRESOLVED:
        claim.reason = j.explanation
    return claim
