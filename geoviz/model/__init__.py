"""Plain data passed between the stages: places, story (events and journeys), claims.

Every stage takes and returns these dataclasses, so a stage can be tested,
benchmarked or replaced without importing its neighbours.
"""

from geoviz.model.places import Candidate, Document, Entry, Mention, Place, Span

__all__ = ["Candidate", "Document", "Entry", "Mention", "Place", "Span"]
