"""The story's plain data: events (what happened where) and routes (who went where, stop by stop).

These are what the story extractors return, what a Scene holds and edits,
and what the JSON contract prints (``geoviz parse --json``: ``events``,
``routes``). They hold no extraction rules and no geometry: a route's legs
are computed by :func:`geoviz.geo.geodesy.build_legs`, so this module stays
below every stage that reads or draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from geoviz.model.places import Span

__all__ = ["BASE_CERTAINTY", "EVENT_TYPES", "MODES", "MOVEMENT_TYPES", "Event", "Leg", "Route", "Stop"]

#: Event types, highest priority first: when one clause holds several
#: triggers ("awaited Kim's arrival for the summit"), the first type wins.
#: The map gives each a pin letter and a legend label (geoviz.render).
EVENT_TYPES = ("military", "disaster", "accident", "crime", "protest", "meeting", "arrival", "departure", "travel",
               "statement", "other")
#: Travel modes a leg can carry (``None`` when the text does not say).
MODES = ("train", "plane", "car", "bus", "ship", "foot")
#: Types that describe movement: their places become journey stops.
MOVEMENT_TYPES = ("arrival", "departure", "travel")
#: How sure an unhedged event is; hedges lower it (geoviz.story.events).
BASE_CERTAINTY = 0.9


@dataclass(slots=True)
class Event:
    """One action tied to one place: what, where (place id), when, who, how sure."""

    id: str
    type: str
    summary: str
    sentence: str
    start: int
    end: int
    place_id: str | None
    actors: list[str] = field(default_factory=list)
    date: str | None = None
    date_label: str | None = None
    certainty: float = BASE_CERTAINTY
    trigger: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "summary": self.summary, "sentence": self.sentence,
            "start": self.start, "end": self.end, "place_id": self.place_id, "actors": list(self.actors),
            "date": self.date, "date_label": self.date_label, "certainty": self.certainty, "trigger": self.trigger,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(id=str(d["id"]), type=str(d["type"]), summary=str(d.get("summary", "")),
                   sentence=str(d.get("sentence", "")), start=int(d.get("start", 0)), end=int(d.get("end", 0)),
                   place_id=d.get("place_id"), actors=[str(a) for a in d.get("actors") or []],
                   date=d.get("date"), date_label=d.get("date_label"),
                   certainty=float(d.get("certainty", BASE_CERTAINTY)), trigger=str(d.get("trigger", "")))


@dataclass(slots=True)
class Stop:
    """One stop of a journey: a place, the text that put it there, and how it was reached.

    ``name``/``lat``/``lon`` copy the place so a route can be drawn on its own;
    :class:`geoviz.scene.Scene` keeps them in step with its places. ``mode`` is
    how the traveller *reached* this stop, if the text says. ``implied`` stops
    were not named as stops by the text; ``reason`` says which rule added them.
    """

    place_id: str
    name: str
    lat: float
    lon: float
    span: Span | None = None
    date: str | None = None
    date_label: str | None = None
    mode: str | None = None
    implied: bool = False
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "place_id": self.place_id, "name": self.name, "lat": self.lat, "lon": self.lon,
            "span": None if self.span is None else self.span.to_dict(), "date": self.date,
            "date_label": self.date_label, "mode": self.mode, "implied": self.implied, "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Stop:
        sp = d.get("span")
        return cls(place_id=str(d["place_id"]), name=str(d.get("name", "")), lat=float(d["lat"]),
                   lon=float(d["lon"]), span=None if sp is None else Span(int(sp["start"]), int(sp["end"]),
                                                                           str(sp["text"])),
                   date=d.get("date"), date_label=d.get("date_label"), mode=d.get("mode"),
                   implied=bool(d.get("implied", False)), reason=str(d.get("reason", "")))


@dataclass(slots=True)
class Leg:
    """The way between two consecutive stops.

    ``line`` is the densified geodesic as ``[lat, lon]`` pairs with *unwrapped*
    longitudes (they may pass 180), which is what Leaflet needs to draw a
    Vladivostok -> Anchorage leg across the Pacific rather than across Eurasia.
    GeoJSON export splits it at the antimeridian instead
    (:func:`geoviz.geo.geodesy.split_antimeridian`).

    ``implied`` legs start or end at an implied stop (a leader's home capital
    the text never names as a stop): their distance is the inference's, not the
    article's, so it is shown as inferred and never counts in the route's
    distance (:attr:`Route.distance_km`).
    """

    from_id: str
    to_id: str
    mode: str | None
    distance_km: float
    line: list[list[float]] = field(default_factory=list)
    implied: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"from_id": self.from_id, "to_id": self.to_id, "mode": self.mode, "distance_km": self.distance_km,
                "implied": self.implied, "line": [list(p) for p in self.line]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Leg:
        return cls(from_id=str(d["from_id"]), to_id=str(d["to_id"]), mode=d.get("mode"),
                   distance_km=float(d["distance_km"]), line=[[float(a), float(b)] for a, b in d.get("line") or []],
                   implied=bool(d.get("implied", False)))


@dataclass(slots=True)
class Route:
    """A journey: ordered stops and the legs between them (always ``len(stops) - 1`` of them).

    Whoever edits the stops rebuilds the legs with
    :func:`geoviz.geo.geodesy.build_legs` (the Scene's edits do).
    """

    id: str
    stops: list[Stop] = field(default_factory=list)
    legs: list[Leg] = field(default_factory=list)
    traveller: str | None = None

    @property
    def mode(self) -> str | None:
        """The journey's mode when every leg states the same one."""
        modes = {leg.mode for leg in self.legs}
        return modes.pop() if len(modes) == 1 else None

    @property
    def distance_km(self) -> float:
        """The length the text tells: the legs between stated stops (an implied stop's leg is an inference)."""
        return sum(leg.distance_km for leg in self.legs if not leg.implied)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "traveller": self.traveller, "mode": self.mode, "distance_km": self.distance_km,
                "stops": [s.to_dict() for s in self.stops], "legs": [leg.to_dict() for leg in self.legs]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Route:
        return cls(id=str(d["id"]), stops=[Stop.from_dict(s) for s in d.get("stops") or []],
                   legs=[Leg.from_dict(x) for x in d.get("legs") or []], traveller=d.get("traveller"))
