"""Stated distances and directions in an article, checked against the geodesic.

Three rooms, each usable alone, and the check that runs them in order:

* :mod:`.statements`: ``find_distance_statements(text)`` reads the text only
  ("about 1,000 km north-west of ...") and knows nothing of places;
* :mod:`.attach`: the subject and anchor places of each statement in a parsed
  ``Document``;
* :mod:`.judge`: ``judge(statement, computed_km, computed_bearing)``, a
  verdict with a tolerance that follows from how the number is written, every
  allowance in one :class:`Tolerances`;
* :mod:`.check`: ``check_claims(doc, border_km=None, tolerances=...)``, which
  measures between the attached places and judges each statement.

See docs/claims.md. Numbers, units and directions are read by
:mod:`geoviz.nlp.quantities`; claims as data live in :mod:`geoviz.model.claims`.
"""

from geoviz.claims.check import BorderKm, check_claims
from geoviz.claims.judge import DEFAULT_TOLERANCES, EARTH_CIRCUMFERENCE_KM, Tolerances, judge
from geoviz.claims.statements import find_distance_statements
from geoviz.model.claims import VERDICTS, Bound, Claim, Judgement, Relation, Statement, Verdict
from geoviz.nlp.quantities import from_km, parse_direction, parse_number, to_km

__all__ = [
    "DEFAULT_TOLERANCES",
    "EARTH_CIRCUMFERENCE_KM",
    "VERDICTS",
    "BorderKm",
    "Bound",
    "Claim",
    "Judgement",
    "Relation",
    "Statement",
    "Tolerances",
    "Verdict",
    "check_claims",
    "find_distance_statements",
    "from_km",
    "judge",
    "parse_direction",
    "parse_number",
    "to_km",
]
