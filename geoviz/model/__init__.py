"""Plain data passed between the stages: places, story (events and journeys), claims.

Every stage takes and returns these dataclasses, so a stage can be tested,
benchmarked or replaced without importing its neighbours.
"""

from geoviz.model.claims import VERDICTS, Bound, Claim, Judgement, Relation, Statement, Verdict
from geoviz.model.places import Candidate, Document, Entry, Mention, Place, Span

__all__ = ["VERDICTS", "Bound", "Candidate", "Claim", "Document", "Entry", "Judgement", "Mention", "Place",
           "Relation", "Span", "Statement", "Verdict"]
