"""How each thing on the map looks: marker kinds, event pins, the route, claim verdicts.

The map's markers and legend, the app's tables and text highlighting, and the
places CSV's ``marker`` column all read these, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["EVENT_COLOUR", "EVENT_LABELS", "EVENT_LETTERS", "KIND_STYLES", "ROUTE_COLOUR", "VERDICT_STYLES",
           "KindStyle", "VerdictStyle", "marker_kind"]


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one marker kind looks: the legend and the markers share this, so they cannot drift apart."""

    label: str
    colour: str
    svg: str


_C_CITY, _C_COUNTRY, _C_FACILITY, _C_METONYM, _C_AREA, _C_EVENT = (
    "#1d2731", "#78909c", "#6a1b9a", "#e65100", "#00796b", "#c62828")

KIND_STYLES: dict[str, KindStyle] = {
    "city": KindStyle("City / town", _C_CITY,
                      f'<svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" '
                      f'fill="{_C_CITY}" stroke="#fff" stroke-width="2"/></svg>'),
    "country": KindStyle("Country (centre point)", _C_COUNTRY,
                         f'<svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="4" '
                         f'fill="#fff" stroke="{_C_COUNTRY}" stroke-width="2.2"/></svg>'),
    "facility": KindStyle("Facility / landmark", _C_FACILITY,
                          f'<svg width="14" height="14" viewBox="0 0 14 14"><rect x="2.5" y="2.5" width="9" '
                          f'height="9" transform="rotate(45 7 7)" fill="{_C_FACILITY}" stroke="#fff" '
                          f'stroke-width="1.6"/></svg>'),
    "metonym": KindStyle("Speaks for a government (metonym)", _C_METONYM,
                         f'<svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5.6" '
                         f'fill="#fff" stroke="{_C_METONYM}" stroke-width="1.6" stroke-dasharray="2.2 1.6"/>'
                         f'<circle cx="7" cy="7" r="2.8" fill="{_C_METONYM}"/></svg>'),
    "area": KindStyle("Province / region / sea", _C_AREA,
                      f'<svg width="14" height="14" viewBox="0 0 14 14"><path d="M7 1.5 L12.5 12 L1.5 12 Z" '
                      f'fill="{_C_AREA}" stroke="#fff" stroke-width="1.4"/></svg>'),
}

EVENT_COLOUR = _C_EVENT
#: One letter per event type on the pin (the legend spells them out).
EVENT_LETTERS = {"meeting": "M", "arrival": "A", "departure": "D", "travel": "T", "military": "X",
                 "disaster": "!", "statement": "S", "protest": "P", "other": "E"}
EVENT_LABELS = {"meeting": "meeting", "arrival": "arrival", "departure": "departure", "travel": "travel",
                "military": "military action", "disaster": "disaster", "statement": "statement",
                "protest": "protest or strike", "other": "event"}

ROUTE_COLOUR = "#1565c0"


@dataclass(frozen=True, slots=True)
class VerdictStyle:
    """How one claim verdict is shown: its words, its symbol and its colour (map, legend, app table)."""

    label: str
    symbol: str
    colour: str


VERDICT_STYLES: dict[str, VerdictStyle] = {
    "consistent": VerdictStyle("consistent", "\u2713", "#2e7d32"),
    "overstated": VerdictStyle("overstated", "\u25b2", "#d84315"),
    "understated": VerdictStyle("understated", "\u25bc", "#ad1457"),
    "direction_mismatch": VerdictStyle("wrong direction", "\u21bb", "#c62828"),
    "unresolved": VerdictStyle("unresolved", "?", "#616161"),
}


def marker_kind(place: Any) -> str:
    """The marker family of a place: city, country, facility, metonym or area.

    A metonym wins over its kind: "Pyongyang may seek ..." is the government
    talking, which the reader should not mistake for something happening in
    the city.
    """
    if getattr(place, "metonym", False):
        return "metonym"
    kind = getattr(place, "kind", "")
    if kind == "country":
        return "country"
    if kind == "populated place":
        return "city"
    if kind in ("facility", "landmark", "airport", "port"):
        return "facility"
    return "area"
