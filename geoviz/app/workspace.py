"""The workspace: one article, its parsed scene and the user's edits to it.

The app keeps one :class:`Workspace` in ``st.session_state["workspace"]`` and
changes it only through the edit functions below, each of which bumps
``Workspace.version``: the version keys the rendered map, so an edit redraws
it and nothing else does. Plain Python over the library (no streamlit), so it
is tested without a Streamlit runtime.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from geoviz.model import Entry, Place
from geoviz.pipeline import claims_judge, scene_dict
from geoviz.render import marker_kind
from geoviz.scene import Scene

__all__ = ["Workspace", "add_stop", "current_entry", "drop_place", "entry_label", "entry_of", "first_place",
           "move_stop", "new_workspace", "pin_place", "place_label", "rejudge_with", "remove_stop",
           "scene_fingerprint", "set_resolution"]


@dataclass
class Workspace:
    """One article being read and corrected: everything the page shows derives from this.

    ``baseline`` is the scene as parsed (the "reset" target and the source of
    each place's ranked choices); ``scene`` is the edited copy. ``version``
    counts edits so the map is re-rendered only when the scene changed.
    """

    name: str
    text: str
    date: str | None
    scene: Scene
    baseline: dict[str, Any]
    choices: dict[str, list[Entry]] = field(default_factory=dict)
    version: int = 0
    edits: list[str] = field(default_factory=list)
    _fingerprint: tuple[int, str] | None = field(default=None, repr=False)

    def fingerprint(self) -> str:
        """A content hash of the scene, computed once per version (keys the cross-session map cache)."""
        if self._fingerprint is None or self._fingerprint[0] != self.version:
            self._fingerprint = (self.version, scene_fingerprint(self.scene))
        return self._fingerprint[1]

    def edited(self, note: str) -> None:
        self.version += 1
        self.edits.append(note)


def new_workspace(name: str, text: str, date: str | None, scene: Scene, gazetteer: Any) -> Workspace:
    """A workspace for a freshly parsed scene: each place's choices are its resolver winner, then the alternatives."""
    choices: dict[str, list[Entry]] = {}
    for p in scene.places + scene.uncertain:
        first = entry_of(gazetteer, p)
        entries = [first] if first is not None else []
        entries += [c.entry for c in p.alternatives if c.entry.id != p.entry_id]
        choices[p.id] = entries
    return Workspace(name=name, text=text, date=date, scene=scene, baseline=scene.to_geojson(), choices=choices)


def entry_of(gazetteer: Any, place: Place) -> Entry | None:
    """The gazetteer entry a place is resolved to.

    Looked up through the name index first: ``Gazetteer.get`` scans the
    entries table (no index on ``id``, ~25 ms a call), too slow for every place
    of an article on the first render.
    """
    if not place.entry_id:
        return None
    for e in gazetteer.lookup(place.name, 50):
        if e.id == place.entry_id:
            return e
    return gazetteer.get(place.entry_id)


def current_entry(ws: Workspace, place: Place) -> Entry | None:
    """The entry of a place among its choices (where every resolution the user picked is kept)."""
    return next((e for e in ws.choices.get(place.id, []) if e.id == place.entry_id), None)


def scene_fingerprint(scene: Scene) -> str:
    return hashlib.sha1(json.dumps(scene_dict(scene), sort_keys=True, default=str).encode()).hexdigest()


def first_place(scene: Scene) -> str | None:
    """The place selected when an article opens: the first checked claim's subject, else where the first thing
    happens (never a country when something more specific is at hand)."""
    by_id = {p.id: p for p in scene.places}
    ids = [getattr(c, "subject_id", None) for c in scene.claims] + [e.place_id for e in scene.events]
    ids += [p.id for p in scene.places]
    specific = [i for i in ids if i in by_id and marker_kind(by_id[i]) != "country"]
    return specific[0] if specific else (scene.places[0].id if scene.places else None)


# --------------------------------------------------------------------------
# Edits: each one bumps the version (so the map is redrawn) and notes what changed
# --------------------------------------------------------------------------


def rejudge_with(gazetteer: Any) -> Callable[[Scene], list[Any]]:
    """Re-check the claims of an edited scene against the app's cached gazetteer (the pipeline's judge)."""
    return claims_judge(gazetteer)


def set_resolution(ws: Workspace, place_id: str, entry: Entry, gazetteer: Any) -> None:
    """Re-resolve one place to ``entry``; its route legs and the claims follow."""
    place = ws.scene.place(place_id)
    if place is None or place.entry_id == entry.id:
        return
    before = place_label(place)
    ws.scene.set_place(place_id, entry, rejudge=rejudge_with(gazetteer))
    if all(e.id != entry.id for e in ws.choices.setdefault(place_id, [])):
        ws.choices[place_id].append(entry)  # a search pick joins the select box, so it can be chosen again
    ws.edited(f"{before} \u2192 {entry_label(entry)}")


def pin_place(ws: Workspace, place_id: str, entry_id: str, gazetteer: Any) -> None:
    """Put a town the resolver could not decide on the map, as the reading the user picked."""
    place = next((p for p in ws.scene.uncertain if p.id == place_id), None)
    entry = next((e for e in ws.choices.get(place_id, []) if e.id == entry_id), None) or gazetteer.get(entry_id)
    if place is None or entry is None:
        return
    ws.scene.pin(place_id, entry, rejudge=rejudge_with(gazetteer))
    ws.edited(f"pinned {place.name} as {entry_label(entry)}")


def drop_place(ws: Workspace, place_id: str, gazetteer: Any) -> None:
    """Remove a misread place (with its events and stops); claims that needed it become unresolved."""
    place = ws.scene.place(place_id)
    if place is None:
        return
    ws.scene.drop_place(place_id, rejudge=rejudge_with(gazetteer))
    ws.edited(f"dropped {place.name}")


def move_stop(ws: Workspace, route_id: str, index: int, to_index: int) -> None:
    route = ws.scene.route(route_id)
    if 0 <= index < len(route.stops) and 0 <= to_index < len(route.stops) and index != to_index:
        ws.scene.move_stop(route_id, index, to_index)
        ws.edited(f"moved stop {route.stops[to_index].name} to position {to_index + 1}")


def remove_stop(ws: Workspace, route_id: str, index: int) -> None:
    route = ws.scene.route(route_id)
    if 0 <= index < len(route.stops):
        name = route.stops[index].name
        ws.scene.remove_stop(route_id, index)
        ws.edited(f"removed stop {name}")


def add_stop(ws: Workspace, route_id: str, place_id: str, index: int | None = None) -> None:
    ws.scene.add_stop(route_id, place_id, index)
    ws.edited(f"added stop {ws.scene.place(place_id).name}")  # type: ignore[union-attr]


# --------------------------------------------------------------------------
# Names of places and entries, as the edit log and the select boxes write them
# --------------------------------------------------------------------------

_KIND_WORDS = {"populated place": "town", "admin1": "province", "admin2": "district"}


def entry_label(e: Entry) -> str:
    """"Vladivostok · town · Primorye, RU": enough to tell same-named candidates apart."""
    where = ", ".join(x for x in (e.admin1_name, e.country) if x)
    return " \u00b7 ".join(x for x in (e.name, _KIND_WORDS.get(e.kind, e.kind), where) if x)


def place_label(p: Place) -> str:
    return f"{p.name} ({_KIND_WORDS.get(p.kind, p.kind)}{', ' + p.country if p.country else ''})"
