"""Plain data passed between the stages: places, story (events and journeys), claims.

Every stage takes and returns these dataclasses, so a stage can be tested,
benchmarked or replaced without importing its neighbours.
"""

from geoviz.model.claims import VERDICTS, Bound, Claim, Judgement, Relation, Statement, Verdict
from geoviz.model.places import Candidate, Document, Entry, Mention, Place, Span
from geoviz.model.story import (
    BASE_CERTAINTY,
    EVENT_TYPES,
    MODES,
    MOVEMENT_TYPES,
    Event,
    Leg,
    Route,
    Stop,
)

__all__ = [
    "BASE_CERTAINTY",
    "EVENT_TYPES",
    "MODES",
    "MOVEMENT_TYPES",
    "VERDICTS",
    "Bound",
    "Candidate",
    "Claim",
    "Document",
    "Entry",
    "Event",
    "Judgement",
    "Leg",
    "Mention",
    "Place",
    "Relation",
    "Route",
    "Span",
    "Statement",
    "Stop",
    "Verdict",
]
