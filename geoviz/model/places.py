"""Plain data passed between the pipeline stages.

Every stage (mentions -> resolve -> claims/events -> scene -> render) takes and
returns these dataclasses, so a stage can be tested, benchmarked or replaced
without importing its neighbours. They hold no behaviour beyond conversion to
JSON-ready dicts, which is the contract docs/contracts.md documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row: a real place with a traceable source."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    feature_code: str = ""
    country: str = ""
    admin1: str = ""
    admin1_name: str = ""
    population: int = 0
    source: str = ""
    ascii_name: str = ""
    # Second-level division code (a US county's FIPS code): a town and the county it lies in agree.
    admin2: str = ""

    def to_dict(self) -> dict[str, Any]:
        # Every field is a str, float or int: a flat read, not dataclasses.asdict's recursive deep copy, which
        # was a tenth of analyse's time (each place lists its alternatives' entries).
        return {name: getattr(self, name) for name in _ENTRY_FIELDS}


_ENTRY_FIELDS = tuple(f.name for f in fields(Entry))


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article: Python ``str`` offsets into the text as given."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Mention:
    """A place-like span found by the recogniser, kept on its Place after resolution.

    ``form`` tells how the text names the place: ``name`` (a toponym) or
    ``demonym`` ("North Korean"); ``qualifier`` holds "Texas" of "Paris,
    Texas", ``trigger`` the word that made the span a place ("the town of").
    Later stages read these instead of guessing them again from the text.
    """

    start: int
    end: int
    text: str
    # What the recogniser read around the span: kept for the later stages, but not part of what a mention
    # *is* (its span, text and form), so a mention read back from JSON or GeoJSON equals the original.
    key: str = field(default="", compare=False)
    form: str = "name"
    qualifier: str = field(default="", compare=False)
    trigger: str = field(default="", compare=False)
    # Followed by a verb of speech or decision ("Pyongyang may seek"): a
    # capital or seat of power used for its government (a metonym).
    agentive: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "form": self.form}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        """A mention read back from :meth:`to_dict` (GeoJSON, an edited export): its form, or ``name``."""
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), form=str(d.get("form") or "name"))


@dataclass(slots=True)
class Candidate:
    """A gazetteer entry proposed for a mention, with its resolution score."""

    entry: Entry
    score: float

    def to_dict(self) -> dict[str, Any]:
        d = self.entry.to_dict()
        d["score"] = round(self.score, 4)
        return d


@dataclass(slots=True)
class Place:
    """A resolved place: one per distinct location, carrying all its mentions."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    confidence: float
    mentions: list[Mention] = field(default_factory=list)
    alternatives: list[Candidate] = field(default_factory=list)
    reason: dict[str, Any] = field(default_factory=dict)
    admin1: str = ""
    metonym: bool = False
    entry_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "confidence": round(self.confidence, 3),
            "metonym": self.metonym,
            "mentions": [m.to_dict() for m in self.mentions],
            "alternatives": [a.to_dict() for a in self.alternatives],
            "reason": self.reason,
        }


@dataclass(slots=True)
class Document:
    """The parse of one article: its text and the places it mentions."""

    text: str
    places: list[Place] = field(default_factory=list)
    date: str | None = None
    # Towns the resolver could not decide between (see geoviz.pipeline.PIN_CONFIDENCE):
    # listed with their candidates, not pinned, until a person picks one.
    uncertain: list[Place] = field(default_factory=list)
