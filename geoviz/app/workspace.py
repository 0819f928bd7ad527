"""The workspace: one article, its parsed scene and the user's edits to it.

The app keeps one :class:`Workspace` in ``st.session_state["workspace"]`` and
changes it only through the edit functions below, each of which bumps
``Workspace.version``: the version keys the rendered map, so an edit redraws
it and nothing else does. Plain Python over the library (no streamlit), so it
is tested without a Streamlit runtime.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from geoviz.model import Entry, Mention, Place
from geoviz.pipeline import claims_judge, scene_dict
from geoviz.render import marker_kind
from geoviz.scene import Scene

__all__ = ["Workspace", "add_place", "add_stop", "add_stop_entry", "current_entry", "drop_place", "drop_route",
           "entry_label", "entry_of", "first_place", "move_stop", "name_spans", "new_route", "new_workspace",
           "pin_place", "place_label", "redo", "rejudge_with", "remove_stop", "rename_route", "scene_fingerprint",
           "set_claim_end", "set_resolution", "undo", "undo_all"]


@dataclass
class Workspace:
    """One article being read and corrected: everything the page shows derives from this.

    ``baseline`` is the scene as parsed (its GeoJSON); ``scene`` is the edited
    copy. ``version`` counts changes so the map is re-rendered only when the
    scene changed. ``history`` holds the scene after each edit (index 0: as
    parsed) and ``log`` the note of each edit; ``position`` is where undo and
    redo stand, so both go one step at a time and an edit after an undo drops
    the steps that were undone.
    """

    name: str
    text: str
    date: str | None
    scene: Scene
    baseline: dict[str, Any]
    store: str = ""  # the gazetteer store it was read with (a path): another store re-reads the article
    choices: dict[str, list[Entry]] = field(default_factory=dict)
    version: int = 0
    log: list[str] = field(default_factory=list)
    history: list[Scene] = field(default_factory=list, repr=False)
    position: int = 0
    _fingerprint: tuple[int, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.history:
            self.history = [copy.deepcopy(self.scene)]

    @property
    def edits(self) -> list[str]:
        """The edits in force (undone ones are not)."""
        return self.log[: self.position]

    def fingerprint(self) -> str:
        """A content hash of the scene, computed once per version (keys the cross-session map cache)."""
        if self._fingerprint is None or self._fingerprint[0] != self.version:
            self._fingerprint = (self.version, scene_fingerprint(self.scene))
        return self._fingerprint[1]

    def edited(self, note: str) -> None:
        """Record an edit made to ``scene``: a new step of the history (the undone steps after it are gone)."""
        del self.history[self.position + 1:], self.log[self.position:]
        self.history.append(copy.deepcopy(self.scene))
        self.log.append(note)
        self.position += 1
        self.version += 1

    def go_to(self, position: int) -> None:
        """Show the scene as it was after ``position`` edits (0: as parsed)."""
        position = max(0, min(position, len(self.history) - 1))
        if position != self.position:
            self.position = position
            self.scene = copy.deepcopy(self.history[position])
            self.version += 1

    def export_scene(self) -> Scene:
        """The scene as exported: a copy whose ``meta["edits"]`` is the edit log in force."""
        scene = copy.deepcopy(self.scene)
        scene.meta["edits"] = list(self.edits)
        return scene


def new_workspace(name: str, text: str, date: str | None, scene: Scene, gazetteer: Any, *,
                  store: str = "") -> Workspace:
    """A workspace for a freshly parsed scene: each place's choices are its resolver winner, then the alternatives."""
    choices: dict[str, list[Entry]] = {}
    for p in scene.places + scene.uncertain:
        first = entry_of(gazetteer, p)
        entries = [first] if first is not None else []
        entries += [c.entry for c in p.alternatives if c.entry.id != p.entry_id]
        choices[p.id] = entries
    return Workspace(name=name, text=text, date=date, scene=scene, baseline=scene.to_geojson(), choices=choices,
                     store=store)


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


def _take_id(ws: Workspace, place_id: str, entry: Entry) -> str:
    """The corrected place takes the chosen entry's id (exports carry it); its choices follow it."""
    new_id = ws.scene.rename_place(place_id, entry.id)
    if new_id != place_id:  # the old id keeps its choices too: an undo brings the place back under it
        ws.choices[new_id] = ws.choices.get(new_id) or list(ws.choices.get(place_id, []))
    return new_id


def set_resolution(ws: Workspace, place_id: str, entry: Entry, gazetteer: Any) -> str:
    """Re-resolve one place to ``entry``; its route legs and the claims follow. Returns the place's new id."""
    place = ws.scene.place(place_id)
    if place is None or place.entry_id == entry.id:
        return place_id
    before = place_label(place)
    ws.scene.set_place(place_id, entry)
    if all(e.id != entry.id for e in ws.choices.setdefault(place_id, [])):
        ws.choices[place_id].append(entry)  # a search pick joins the select box, so it can be chosen again
    new_id = _take_id(ws, place_id, entry)
    ws.scene.rejudge(rejudge_with(gazetteer))
    ws.edited(f"{before} \u2192 {entry_label(entry)}")
    return new_id


def pin_place(ws: Workspace, place_id: str, entry_id: str, gazetteer: Any) -> str:
    """Put a town the resolver could not decide on the map, as the reading the user picked; returns its id."""
    place = next((p for p in ws.scene.uncertain if p.id == place_id), None)
    entry = next((e for e in ws.choices.get(place_id, []) if e.id == entry_id), None) or gazetteer.get(entry_id)
    if place is None or entry is None:
        return place_id
    ws.scene.pin(place_id, entry)
    new_id = _take_id(ws, place_id, entry)
    ws.scene.rejudge(rejudge_with(gazetteer))
    ws.edited(f"pinned {place.name} as {entry_label(entry)}")
    return new_id


def name_spans(text: str, phrase: str, taken: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Every whole-word occurrence of ``phrase`` in ``text`` that overlaps no span in ``taken``.

    Why whole words: "Rye" must not match inside "Ryedale"; why not over
    another place's span: "York" inside "New York" is New York's mention.
    """
    phrase = phrase.strip()
    if not phrase:
        return []
    found = []
    for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
        if not any(m.start() < b and a < m.end() for a, b in taken or []):
            found.append((m.start(), m.end()))
    return found


def add_place(ws: Workspace, entry: Entry, phrase: str, gazetteer: Any) -> str:
    """Add a place the parser missed: the entry, with every occurrence of ``phrase`` (or its name) as mentions.

    Returns the place's id (the entry's). The claims are checked again: a
    statement that lacked an end may now have one.
    """
    taken = [(m.start, m.end) for p in ws.scene.places if p.id != entry.id for m in p.mentions]
    spans = name_spans(ws.text, phrase, taken) or name_spans(ws.text, entry.name, taken)
    mentions = [Mention(start=a, end=b, text=ws.text[a:b]) for a, b in spans]
    place = Place(id=entry.id, name=entry.name, lat=entry.lat, lon=entry.lon, kind=entry.kind,
                  country=entry.country, confidence=1.0, mentions=mentions, reason={"added": True},
                  admin1=entry.admin1_name or entry.admin1, entry_id=entry.id)
    # An uncertain reading of the same words is settled by this pick: it leaves the "not pinned" list.
    covered = set(spans)
    ws.scene.uncertain = [u for u in ws.scene.uncertain if u.id != entry.id
                          and not (u.mentions and {(m.start, m.end) for m in u.mentions} <= covered)]
    ws.scene.add_place(place, rejudge=rejudge_with(gazetteer))
    if all(e.id != entry.id for e in ws.choices.setdefault(entry.id, [])):
        ws.choices[entry.id].append(entry)
    n = len(mentions)
    ws.edited(f"added {entry_label(entry)} ({n} mention{'s' * (n != 1)})")
    return entry.id


def set_claim_end(ws: Workspace, claim_index: int, role: str, place_id: str, gazetteer: Any) -> None:
    """Re-pick a claim's subject or anchor; its distance and verdict follow."""
    place = ws.scene.place(place_id)
    claim = ws.scene.claims[claim_index]
    if place is None or getattr(claim, f"{role}_id", None) == place_id:
        return
    ws.scene.set_claim_end(claim_index, role, place_id, rejudge=rejudge_with(gazetteer))
    ws.edited(f"claim \u201c{claim.sentence[:40]}\u2026\u201d: {role} is {place.name}")


def undo(ws: Workspace) -> None:
    ws.go_to(ws.position - 1)


def redo(ws: Workspace) -> None:
    ws.go_to(ws.position + 1)


def undo_all(ws: Workspace) -> None:
    ws.go_to(0)


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
        gone = all(r.id != route_id for r in ws.scene.routes)
        ws.edited(f"removed stop {name}" + (" (the journey had no stop left)" if gone else ""))


def add_stop(ws: Workspace, route_id: str, place_id: str, index: int | None = None) -> None:
    ws.scene.add_stop(route_id, place_id, index)
    ws.edited(f"added stop {ws.scene.place(place_id).name}")  # type: ignore[union-attr]


def add_stop_entry(ws: Workspace, route_id: str, entry: Entry, index: int | None, gazetteer: Any) -> None:
    """A stop from the gazetteer search: the place joins the scene first (with its mentions, if the text has any)."""
    if ws.scene.place(entry.id) is None:
        add_place(ws, entry, entry.name, gazetteer)
    add_stop(ws, route_id, entry.id, index)


def new_route(ws: Workspace, place_ids: list[str], traveller: str | None = None) -> str | None:
    """A journey a person adds between places of the scene; returns its id (None: fewer than two places)."""
    if len([p for p in place_ids if ws.scene.place(p) is not None]) < 2 or len(set(place_ids)) < 2:
        return None
    route = ws.scene.new_route(place_ids, traveller)
    ws.edited("new journey " + _ARROW.join(s.name for s in route.stops))
    return route.id


def rename_route(ws: Workspace, route_id: str, traveller: str) -> None:
    before = ws.scene.route(route_id).traveller
    if (traveller or "").strip() == (before or ""):
        return
    ws.scene.rename_route(route_id, traveller)
    ws.edited(f"journey of {before or 'nobody named'} renamed: {traveller.strip() or 'nobody named'}")


def drop_route(ws: Workspace, route_id: str) -> None:
    route = ws.scene.route(route_id)
    ws.scene.drop_route(route_id)
    ws.edited("deleted the journey " + _ARROW.join(s.name for s in route.stops))


# --------------------------------------------------------------------------
# Names of places and entries, as the edit log and the select boxes write them
# --------------------------------------------------------------------------

_ARROW = " \u2192 "
_KIND_WORDS = {"populated place": "town", "admin1": "province", "admin2": "district"}


def entry_label(e: Entry) -> str:
    """"Vladivostok · town · Primorye, RU": enough to tell same-named candidates apart."""
    where = ", ".join(x for x in (e.admin1_name, e.country) if x)
    return " \u00b7 ".join(x for x in (e.name, _KIND_WORDS.get(e.kind, e.kind), where) if x)


def place_label(p: Place) -> str:
    return f"{p.name} ({_KIND_WORDS.get(p.kind, p.kind)}{', ' + p.country if p.country else ''})"
