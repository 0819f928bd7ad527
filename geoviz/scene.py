"""Scene: the one object the map, the app and every export consume.

A Scene holds the resolved places, the events placed at them, the journeys
between them and the checked distance claims, plus the article text and free
metadata. It is editable with its parts kept consistent (move a place and its
route legs are recomputed, its events move with it because they refer to it by
id, its claims are re-judged), and it round-trips losslessly through an RFC
7946 GeoJSON FeatureCollection, so a user can save a scene, edit it in
geojson.io or QGIS and load it back.

GeoJSON layout (every feature's ``properties.feature_type`` says what it is):

* ``place``  Point, all place properties (mentions, alternatives, reason);
* ``event``  Point at its place (null geometry when unplaced);
* ``route``  MultiLineString of all legs (null with fewer than two stops),
  properties hold the ordered stops;
* ``leg``    LineString, or MultiLineString when it crosses the antimeridian
  (RFC 7946 section 3.1.9); ``properties.line`` keeps the unwrapped
  ``[lat, lon]`` line Leaflet needs;
* ``claim``  LineString subject -> anchor, Point when only one end is placed,
  null when neither is;
* the foreign member ``geoviz: {version, source_text, meta, uncertain}`` carries the rest
  (``uncertain``: the place properties of towns listed but not pinned).

Point coordinates are authoritative on load when they differ from the stored
``lat``/``lon`` (the user moved the point elsewhere); otherwise the stored full-
precision values are used, which is what makes the round-trip exact.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from geoviz.claims.picked import CLAIM_ENDS
from geoviz.geo.geodesy import build_legs, geodesic_line, split_antimeridian
from geoviz.model import Candidate, Claim, Document, Entry, Event, Leg, Mention, Place, Route, Stop

__all__ = ["GEOJSON_VERSION", "Scene"]

GEOJSON_VERSION = 1
_CLAIM_LINE_STEP_KM = 100.0

Rejudge = Callable[["Scene"], list[Any]]


@dataclass
class Scene:
    """Places, events, routes and claims of one article, kept consistent under edits."""

    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    source_text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    # Towns the resolver could not decide on: listed, not drawn, until pinned (:meth:`pin`).
    uncertain: list[Place] = field(default_factory=list)

    # -- building ----------------------------------------------------------------------------

    @classmethod
    def from_document(cls, doc: Document, events: list[Event], routes: list[Route], claims: list[Any],
                      meta: dict[str, Any] | None = None, extra_places: list[Place] | None = None) -> Scene:
        """A Scene from a parsed Document and what the story and claims stages read from it.

        ``extra_places`` are places only a route names (an implied journey
        origin), so that every stop refers to a place of the scene.
        """
        meta = dict(meta or {})
        if doc.date:
            meta.setdefault("date", doc.date)
        return cls(places=list(doc.places) + list(extra_places or []), events=list(events), routes=list(routes),
                   claims=list(claims), source_text=doc.text, meta=meta, uncertain=list(doc.uncertain))

    # -- lookups -----------------------------------------------------------------------------

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def route(self, route_id: str) -> Route:
        r = next((r for r in self.routes if r.id == route_id), None)
        if r is None:
            raise KeyError(f"no route {route_id!r}")
        return r

    def events_at(self, place_id: str) -> list[Event]:
        return [e for e in self.events if e.place_id == place_id]

    # -- edits (in place; each returns self so edits chain) -----------------------------------

    def set_place(self, place_id: str, entry: Entry, rejudge: Rejudge | None = None) -> Scene:
        """Re-resolve a place to another gazetteer entry, keeping its id so events and stops follow it."""
        p = self.place(place_id)
        if p is None:
            raise KeyError(f"no place {place_id!r}")
        previous = p.entry_id or p.id
        # A place's admin1 is the province's name, as the resolver gives it ("Kentucky", not "KY").
        p.name, p.lat, p.lon, p.kind, p.country, p.admin1 = (entry.name, entry.lat, entry.lon, entry.kind,
                                                              entry.country, entry.admin1_name or entry.admin1)
        p.entry_id = entry.id
        p.confidence = 1.0
        p.reason = {**p.reason, "edited": {"from": previous, "to": entry.id}}
        for r in self.routes:
            if any(s.place_id == place_id for s in r.stops):
                for s in r.stops:
                    if s.place_id == place_id:
                        s.name, s.lat, s.lon = p.name, p.lat, p.lon
                r.legs = build_legs(r.stops)
        return self._rejudge(rejudge)

    def pin(self, place_id: str, entry: Entry | None = None, rejudge: Rejudge | None = None) -> Scene:
        """Put an uncertain place on the map, as resolved or as another of its candidates."""
        p = next((u for u in self.uncertain if u.id == place_id), None)
        if p is None:
            raise KeyError(f"no uncertain place {place_id!r}")
        self.uncertain.remove(p)
        self.places.append(p)
        if entry is not None and entry.id != (p.entry_id or p.id):
            return self.set_place(place_id, entry, rejudge)
        p.reason = {**p.reason, "pinned": True}
        return self._rejudge(rejudge)

    def drop_place(self, place_id: str, rejudge: Rejudge | None = None) -> Scene:
        """Remove a place with its events and its route stops (a route below two stops is removed)."""
        if self.place(place_id) is None:
            raise KeyError(f"no place {place_id!r}")
        self.places = [p for p in self.places if p.id != place_id]
        self.events = [e for e in self.events if e.place_id != place_id]
        for r in self.routes:
            if any(s.place_id == place_id for s in r.stops):
                r.stops = [s for s in r.stops if s.place_id != place_id]
                r.legs = build_legs(r.stops)
        self.routes = [r for r in self.routes if len(r.stops) >= 2]
        for ends in self.meta.get(CLAIM_ENDS, {}).values():
            for role in [k for k, v in ends.items() if v == place_id]:
                del ends[role]
        return self._rejudge(rejudge)

    def add_stop(self, route_id: str, place_id: str, index: int | None = None, mode: str | None = None,
                 date_label: str | None = None) -> Scene:
        """Insert a stop at ``index`` (default: the end) of a route; the place must be in the scene."""
        p = self.place(place_id)
        if p is None:
            raise KeyError(f"no place {place_id!r}")
        r = self.route(route_id)
        stop = Stop(place_id=p.id, name=p.name, lat=p.lat, lon=p.lon, mode=mode, date_label=date_label)
        r.stops.insert(len(r.stops) if index is None else index, stop)
        r.legs = build_legs(r.stops)
        return self

    def remove_stop(self, route_id: str, index: int) -> Scene:
        """Remove one stop; the journey goes with its last stop (no "0 stops · 0 km" left behind)."""
        r = self.route(route_id)
        del r.stops[index]
        r.legs = build_legs(r.stops)
        if not r.stops:
            self.routes = [x for x in self.routes if x.id != route_id]
        return self

    def move_stop(self, route_id: str, from_index: int, to_index: int) -> Scene:
        r = self.route(route_id)
        r.stops.insert(to_index, r.stops.pop(from_index))
        r.legs = build_legs(r.stops)
        return self

    def rename_place(self, place_id: str, new_id: str) -> str:
        """Give a place a new id (the corrected entry's), everywhere it is referred to; returns the id it ends with.

        Why: a corrected place must export the id of the entry chosen, not of
        the one the resolver picked. When another place already has that id,
        the two are one place now: the mentions join the existing one.
        """
        p = self.place(place_id)
        if p is None:
            raise KeyError(f"no place {place_id!r}")
        if not new_id or new_id == place_id:
            return place_id
        other = self.place(new_id)
        if other is not None:
            seen = {(m.start, m.end) for m in other.mentions}
            other.mentions = sorted([*other.mentions, *(m for m in p.mentions if (m.start, m.end) not in seen)],
                                    key=lambda m: m.start)
            self.places = [x for x in self.places if x.id != place_id]
        else:
            p.id = new_id
        for e in self.events:
            if e.place_id == place_id:
                e.place_id = new_id
        for r in self.routes:
            for s in r.stops:
                if s.place_id == place_id:
                    s.place_id = new_id
                    if other is not None:
                        s.name, s.lat, s.lon = other.name, other.lat, other.lon
            r.legs = build_legs(r.stops)
        for c in self.claims:
            for role in ("subject_id", "anchor_id"):
                if not isinstance(c, dict) and getattr(c, role, None) == place_id:
                    setattr(c, role, new_id)
        for ends in self.meta.get(CLAIM_ENDS, {}).values():
            for role, pid in list(ends.items()):
                if pid == place_id:
                    ends[role] = new_id
        return new_id

    def add_place(self, place: Place, rejudge: Rejudge | None = None) -> Scene:
        """Add a place the parser missed (with its mentions); the same id already here gains the mentions."""
        existing = self.place(place.id)
        if existing is not None:
            seen = {(m.start, m.end) for m in existing.mentions}
            existing.mentions = sorted([*existing.mentions, *(m for m in place.mentions
                                                              if (m.start, m.end) not in seen)],
                                       key=lambda m: m.start)
        else:
            self.places.append(place)
        return self._rejudge(rejudge)

    def new_route(self, place_ids: list[str], traveller: str | None = None) -> Route:
        """A journey a person adds, through places of the scene (at least two); returns it."""
        places = [self.place(pid) for pid in place_ids]
        if len(places) < 2 or any(p is None for p in places):
            raise KeyError(f"a new journey needs two places of the scene, not {place_ids!r}")
        taken = {r.id for r in self.routes}
        rid = next(f"route:user:{i}" for i in range(1, len(taken) + 2) if f"route:user:{i}" not in taken)
        stops = [Stop(place_id=p.id, name=p.name, lat=p.lat, lon=p.lon, reason="added by hand")
                 for p in places if p is not None]
        route = Route(id=rid, stops=stops, legs=build_legs(stops), traveller=traveller or None)
        self.routes.append(route)
        return route

    def rename_route(self, route_id: str, traveller: str | None) -> Scene:
        """Name who travels (None or blank: nobody named)."""
        self.route(route_id).traveller = (traveller or "").strip() or None
        return self

    def drop_route(self, route_id: str) -> Scene:
        self.route(route_id)
        self.routes = [r for r in self.routes if r.id != route_id]
        return self

    def set_claim_end(self, claim_index: int, role: str, place_id: str, rejudge: Rejudge | None = None) -> Scene:
        """Re-pick the subject or anchor (``role``) of a claim.

        The pick is kept in ``meta["claim_ends"]`` (so it survives GeoJSON), and ``rejudge`` (the
        pipeline's :func:`~geoviz.pipeline.claims_judge`) measures the claim between the picked ends
        now and on every later re-check.
        """
        if role not in ("subject", "anchor"):
            raise ValueError(f"a claim end is 'subject' or 'anchor', not {role!r}")
        if self.place(place_id) is None:
            raise KeyError(f"no place {place_id!r}")
        c = self.claims[claim_index]
        if isinstance(c, dict):
            raise TypeError("a claim read back as a plain dict cannot be re-measured")
        self.meta.setdefault(CLAIM_ENDS, {}).setdefault(f"{c.start}:{c.end}", {})[role] = place_id
        return self._rejudge(rejudge)

    def drop_event(self, event_id: str) -> Scene:
        if not any(e.id == event_id for e in self.events):
            raise KeyError(f"no event {event_id!r}")
        self.events = [e for e in self.events if e.id != event_id]
        return self

    def rejudge(self, rejudge: Rejudge | None) -> Scene:
        """Check the claims again (after edits made without a ``rejudge``)."""
        return self._rejudge(rejudge)

    def _rejudge(self, rejudge: Rejudge | None) -> Scene:
        """Claims depend on place coordinates: judge them again after a place edit.

        ``rejudge`` (:func:`geoviz.pipeline.claims_judge` of the gazetteer in
        use) does it; without one the claims stay as they were: a Scene never
        opens a gazetteer or runs a stage itself.
        """
        if rejudge is not None:
            self.claims = list(rejudge(self))
        return self

    # -- GeoJSON ----------------------------------------------------------------------------

    def to_geojson(self) -> dict[str, Any]:
        """An RFC 7946 FeatureCollection (plain dicts and lists, ``json.dumps``-able)."""
        by_id = {p.id: p for p in self.places}
        features: list[dict[str, Any]] = [_place_feature(p) for p in self.places]
        features += [_event_feature(e, by_id.get(e.place_id or "")) for e in self.events]
        for r in self.routes:
            features.append(_route_feature(r))
            features += [_leg_feature(r.id, i, leg) for i, leg in enumerate(r.legs)]
        features += [_claim_feature(c, by_id) for c in self.claims]
        return {"type": "FeatureCollection", "features": features,
                "geoviz": {"version": GEOJSON_VERSION, "source_text": self.source_text, "meta": self.meta,
                           "uncertain": [_place_feature(p)["properties"] for p in self.uncertain]}}

    @classmethod
    def from_geojson(cls, d: dict[str, Any]) -> Scene:
        """Rebuild a Scene from :meth:`to_geojson` output, possibly edited by another tool.

        Plain Point features without ``feature_type`` (drawn in geojson.io)
        become places; other foreign features are ignored.
        """
        if d.get("type") != "FeatureCollection":
            raise ValueError("not a GeoJSON FeatureCollection")
        member = d.get("geoviz") or {}
        scene = cls(source_text=str(member.get("source_text", "")), meta=dict(member.get("meta") or {}))
        for i, props in enumerate(member.get("uncertain") or []):
            scene.uncertain.append(_place_from(dict(props), None, None, i))
        legs: dict[str, list[tuple[int, Leg]]] = {}
        for i, f in enumerate(d.get("features") or []):
            props = dict(f.get("properties") or {})
            kind = props.pop("feature_type", None)
            geom = f.get("geometry")
            if kind == "place" or (kind is None and geom and geom.get("type") == "Point"):
                scene.places.append(_place_from(props, geom, f.get("id"), i))
            elif kind == "event":
                scene.events.append(Event.from_dict(props))
            elif kind == "route":
                scene.routes.append(Route(id=str(props["id"]), stops=[Stop.from_dict(s) for s in props["stops"]],
                                          traveller=props.get("traveller")))
            elif kind == "leg":
                legs.setdefault(str(props["route_id"]), []).append((int(props["index"]), Leg.from_dict(props)))
            elif kind == "claim":
                scene.claims.append(_claim_from(props))
        scene._attach_legs(legs)
        return scene

    def _attach_legs(self, legs: dict[str, list[tuple[int, Leg]]]) -> None:
        """Use the stored legs, unless the stops or places were edited elsewhere: then recompute them."""
        by_id = {p.id: p for p in self.places}
        for r in self.routes:
            moved = False
            for s in r.stops:
                p = by_id.get(s.place_id)
                if p is not None and (s.lat, s.lon) != (p.lat, p.lon):
                    s.lat, s.lon, moved = p.lat, p.lon, True
            stored = [leg for _, leg in sorted(legs.get(r.id, []), key=lambda il: il[0])]
            expected = [(a.place_id, b.place_id) for a, b in zip(r.stops, r.stops[1:])]
            if moved or [(leg.from_id, leg.to_id) for leg in stored] != expected:
                r.legs = build_legs(r.stops)
            else:
                r.legs = stored


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------


def _point(lat: float, lon: float) -> dict[str, Any]:
    lon = (lon + 180.0) % 360.0 - 180.0 if not -180.0 <= lon <= 180.0 else lon
    return {"type": "Point", "coordinates": [lon, lat]}


def _lines(parts: list[list[list[float]]]) -> dict[str, Any] | None:
    if not parts:
        return None
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}


def _candidate_dict(c: Candidate) -> dict[str, Any]:
    d = c.entry.to_dict()
    d["score"] = c.score  # full precision: Candidate.to_dict rounds, which would break the round-trip
    return d


def _place_feature(p: Place) -> dict[str, Any]:
    props = {
        "feature_type": "place", "id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "kind": p.kind,
        "country": p.country, "admin1": p.admin1, "confidence": p.confidence, "metonym": p.metonym,
        "entry_id": p.entry_id, "mentions": [m.to_dict() for m in p.mentions],
        "alternatives": [_candidate_dict(a) for a in p.alternatives], "reason": p.reason,
    }
    return {"type": "Feature", "id": p.id, "geometry": _point(p.lat, p.lon), "properties": props}


def _place_from(props: dict[str, Any], geom: dict[str, Any] | None, fid: Any, index: int) -> Place:
    lat, lon = props.get("lat"), props.get("lon")
    if geom and geom.get("type") == "Point":
        glon, glat = (float(x) for x in geom["coordinates"][:2])
        if lat is None or lon is None or _point(float(lat), float(lon))["coordinates"] != [glon, glat]:
            lat, lon = glat, glon  # moved in another tool: the geometry wins
    entry_fields = {f.name for f in dataclasses.fields(Entry)}
    alternatives = [Candidate(Entry(**{k: v for k, v in a.items() if k in entry_fields}), float(a.get("score", 0)))
                    for a in props.get("alternatives") or []]
    pid = str(props.get("id") or fid or f"user:{index}")
    return Place(id=pid, name=str(props.get("name", pid)), lat=float(lat), lon=float(lon),
                 kind=str(props.get("kind", "landmark")), country=str(props.get("country", "")),
                 confidence=float(props.get("confidence", 1.0)),
                 mentions=[Mention.from_dict(m) for m in props.get("mentions") or []],
                 alternatives=alternatives, reason=dict(props.get("reason") or {}),
                 admin1=str(props.get("admin1", "")), metonym=bool(props.get("metonym", False)),
                 entry_id=str(props.get("entry_id", "")))


def _event_feature(e: Event, place: Place | None) -> dict[str, Any]:
    geometry = _point(place.lat, place.lon) if place else None
    return {"type": "Feature", "id": e.id, "geometry": geometry, "properties": {"feature_type": "event", **e.to_dict()}}


def _route_feature(r: Route) -> dict[str, Any]:
    parts = [part for leg in r.legs for part in split_antimeridian(leg.line)]
    geometry = {"type": "MultiLineString", "coordinates": parts} if parts else None
    props = {"feature_type": "route", "id": r.id, "traveller": r.traveller, "mode": r.mode,
             "distance_km": r.distance_km, "stops": [s.to_dict() for s in r.stops]}
    return {"type": "Feature", "id": r.id, "geometry": geometry, "properties": props}


def _leg_feature(route_id: str, index: int, leg: Leg) -> dict[str, Any]:
    props = {"feature_type": "leg", "route_id": route_id, "index": index, **leg.to_dict()}
    return {"type": "Feature", "id": f"{route_id}.{index}", "geometry": _lines(split_antimeridian(leg.line)),
            "properties": props}


def _claim_props(c: Any) -> dict[str, Any]:
    if isinstance(c, dict):
        return {"feature_type": "claim", "claim_format": "dict", "claim": c}
    values = {f.name: _jsonable(getattr(c, f.name)) for f in dataclasses.fields(c) if f.compare}
    return {"feature_type": "claim", "claim_format": "object", **values}


def _jsonable(v: Any) -> Any:
    if isinstance(v, tuple | list):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


def _claim_ends(c: Any) -> tuple[str | None, str | None]:
    get = c.get if isinstance(c, dict) else (lambda k: getattr(c, k, None))
    return get("subject_id"), get("anchor_id")


def _claim_feature(c: Any, by_id: dict[str, Place]) -> dict[str, Any]:
    sid, aid = _claim_ends(c)
    s, a = by_id.get(sid or ""), by_id.get(aid or "")
    if s and a:
        geometry = _lines(split_antimeridian(geodesic_line((s.lat, s.lon), (a.lat, a.lon), _CLAIM_LINE_STEP_KM)))
    elif s or a:
        p = s or a
        geometry = _point(p.lat, p.lon)
    else:
        geometry = None
    return {"type": "Feature", "geometry": geometry, "properties": _claim_props(c)}


def _claim_from(props: dict[str, Any]) -> Any:
    if props.get("claim_format") == "dict":
        return props.get("claim")
    props = {k: v for k, v in props.items() if k != "claim_format"}
    cls = Claim
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.init and f.name in props:
            v = props[f.name]
            kwargs[f.name] = tuple(v) if isinstance(v, list) and "tuple" in str(hints.get(f.name, "")) else v
    return cls(**kwargs)
