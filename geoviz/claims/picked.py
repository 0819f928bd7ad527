"""Claims whose ends a person re-picked: measured and judged between the chosen places.

The app lets a reader say "the anchor is this place, not that one"; the pick is
kept in the scene's ``meta["claim_ends"]`` (``{"start:end": {"subject"|"anchor":
place_id}}``, keyed by the claim's span so it survives GeoJSON) and applied after
every re-check by :func:`apply_picked_ends`, which the pipeline's
``claims_judge`` calls. The verdict then follows the same :func:`judge` as any
claim, with "(ends picked by you)" in its explanation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from geoviz.claims.judge import judge
from geoviz.claims.statements import find_distance_statements
from geoviz.geo.geodesy import distance_km, initial_bearing
from geoviz.model import Claim, Place, Verdict

__all__ = ["CLAIM_ENDS", "apply_picked_ends"]

#: The scene ``meta`` key holding the picks.
CLAIM_ENDS = "claim_ends"


def apply_picked_ends(claims: Iterable[Any], places: Iterable[Place], text: str,
                      picked: dict[str, dict[str, str]] | None) -> None:
    """Measure and judge again, in place, every claim whose ends a person re-picked."""
    if not picked:
        return
    statements = None
    by_id = {p.id: p for p in places}
    for c in claims:
        ends = picked.get(f"{getattr(c, 'start', '')}:{getattr(c, 'end', '')}")
        if not ends or not isinstance(c, Claim):
            continue
        for role, pid in ends.items():
            p = by_id.get(pid)
            if p is not None:
                setattr(c, role, p.name)
                setattr(c, f"{role}_id", p.id)
        s, a = by_id.get(c.subject_id or ""), by_id.get(c.anchor_id or "")
        st = c.statement
        if st is None:  # read back from GeoJSON: the statement is found in the text again
            if statements is None:
                statements = {(x.start, x.end): x for x in find_distance_statements(text)}
            st = statements.get((c.start, c.end))
        if s is None or a is None or st is None:
            c.verdict, c.computed_km, c.computed_bearing, c.tolerance_km = Verdict.UNRESOLVED, None, None, None
            c.reason = "an end of this claim is not on the map"
            c.explanation = f"unresolved: {c.reason}"
            continue
        c.relation = None if str(c.relation) == "border" else c.relation  # a re-picked end is a point
        computed = distance_km(a, s)
        bearing = initial_bearing(a, s) if computed > 0 else None
        j = judge(st, computed, bearing, anchor=a.name)
        c.computed_km, c.computed_bearing, c.tolerance_km = computed, bearing, j.tolerance_km
        c.verdict, c.explanation = j.verdict, f"{j.explanation} (ends picked by you)"
        c.reason = j.explanation if j.verdict == Verdict.UNRESOLVED else None
