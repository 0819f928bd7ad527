"""Distance claims as plain data: what the text states, what was measured, and the verdict.

Three kinds of value, in the order the claims stage makes them:

* :class:`Statement`: one distance expression read from the text alone
  ("about 1,000 km north-west of"), before any place is attached;
* :class:`Judgement`: a statement compared with a measured distance;
* :class:`Claim`: the statement with its subject and anchor places, the
  measurement and the verdict: the ``geoviz check --json`` contract.

The closed vocabularies are ``StrEnum``: a member *is* its string, so the JSON
output, comparisons with plain strings (``claim.verdict == "consistent"``) and
a claim read back from GeoJSON all keep working. See docs/claims.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

__all__ = ["VERDICTS", "Bound", "Claim", "Judgement", "Relation", "Statement", "Verdict"]


class Verdict(StrEnum):
    """How the stated distance compares with the measured one."""

    CONSISTENT = "consistent"
    OVERSTATED = "overstated"
    UNDERSTATED = "understated"
    #: The distance may fit, but the stated direction does not.
    DIRECTION_MISMATCH = "direction_mismatch"
    #: Not judged: a place, a coordinate or a border is missing; ``Claim.reason`` says which.
    UNRESOLVED = "unresolved"


#: The verdicts in the checker's order (legends and summaries list them so).
VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)


class Bound(StrEnum):
    """How the written figure bounds the distance: the hedge or range around the number."""

    POINT = "point"  # "1,000 km", "about 1,000 km"
    RANGE = "range"  # "300-400 km", "between 300 and 400 km"
    AT_LEAST = "at_least"  # "more than", "over", "at least", "or more"
    AT_MOST = "at_most"  # "less than", "within", "up to", "or less"
    JUST_BELOW = "just_below"  # "nearly", "almost", "just under"
    JUST_ABOVE = "just_above"  # "just over", "just above"


class Relation(StrEnum):
    """How the text ties the distance to places: the word after (or before) the figure."""

    FROM = "from"  # "X km from A" (also "away from")
    FROM_TO = "from_to"  # "a X km journey from A to B", "the drive from A to B is X km"
    OF = "of"  # "X km north of A"
    OFF = "off"  # "X nautical miles off A"
    OUTSIDE = "outside"
    BEYOND = "beyond"
    INTO = "into"  # "X km into" with no place after it; with one it is BORDER
    INSIDE = "inside"
    AWAY = "away"  # "A, X km away", "A, X km to the west": measured from an earlier place or the article's place
    TO = "to"  # "I-10 leads west 35 miles to Houston": the place after "to", from the "from" or the article's place
    APART = "apart"  # "A and B are X km apart"
    BETWEEN = "between"  # "the X km between A and B"
    BORDER = "border"  # "X km from the border", "X km into Russia", or a whole country as one end


@dataclass(slots=True)
class Statement:
    """One distance expression found in the text, before any place is attached.

    ``start``/``end`` cover the hedge, the number(s) and the unit ("approximately
    1,000 kilometres"). ``kind`` is how the figure bounds the distance (a
    :class:`Bound`). The ``anchor_*``, ``to_start`` and ``between_start``
    offsets say where the place phrases the relation points at begin, so the
    attaching step looks for places only there.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    km: float
    unit_text: str = ""
    kind: Bound = Bound.POINT
    approximate: bool = False
    hedge: str | None = None
    number_text: str = ""
    range_km: tuple[float, float] | None = None
    relation: Relation | None = None
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
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verdict with the interval it was measured against, so the UI can show why."""

    verdict: Verdict
    tolerance_km: float | None
    low_km: float | None
    high_km: float | None
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": _plain(self.verdict), "tolerance_km": self.tolerance_km, "low_km": self.low_km,
                "high_km": self.high_km, "explanation": self.explanation}


@dataclass(slots=True)
class Claim:
    """One checked distance statement: the ``geoviz check --json`` contract plus explanation and ids."""

    sentence: str
    start: int
    end: int
    subject: str | None
    anchor: str | None
    stated_km: float
    relation: Relation | None
    hedge: str | None
    bearing: str | None
    computed_km: float | None
    computed_bearing: float | None
    tolerance_km: float | None
    verdict: Verdict
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
            "relation": _plain(self.relation),
            "hedge": self.hedge,
            "bearing": self.bearing,
            "computed_km": r(self.computed_km, 1),
            "computed_bearing": r(self.computed_bearing, 1),
            "tolerance_km": r(self.tolerance_km, 1),
            "verdict": _plain(self.verdict),
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


def _plain(value: str | None) -> str | None:
    """A member as the plain ``str`` it stands for, so a claim's dict holds only JSON's own types."""
    return None if value is None else str(value)
