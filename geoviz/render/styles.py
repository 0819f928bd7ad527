"""How each thing on the map looks: marker kinds, event pins, the route, claim verdicts.

The map's markers and legend, the app's tables and text highlighting, and the
places CSV's ``marker`` column all read these, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["EVENT_COLOUR", "EVENT_ICONS", "EVENT_LABELS", "EVENT_LETTERS", "KIND_STYLES", "ROUTE_COLOUR",
           "VERDICT_STYLES", "KindStyle", "VerdictStyle", "event_pin_svg", "marker_kind"]


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
#: One letter per event type (text fallbacks: CSV, screen readers); the pin itself shows :data:`EVENT_ICONS`.
EVENT_LETTERS = {"military": "X", "disaster": "!", "accident": "C", "crime": "K", "protest": "P", "meeting": "M",
                 "arrival": "A", "departure": "D", "travel": "T", "statement": "S", "other": "E"}
EVENT_LABELS = {"military": "military action", "disaster": "disaster or outbreak", "accident": "accident",
                "crime": "crime or court case", "protest": "protest or strike", "meeting": "meeting, match or vote",
                "arrival": "arrival", "departure": "departure", "travel": "travel", "statement": "statement",
                "other": "event"}
def _fill(d: str) -> str:
    return f'<path d="{d}" fill="#fff"/>'


def _line(d: str, width: float = 1.8) -> str:
    return f'<path d="{d}" fill="none" stroke="#fff" stroke-width="{width}" stroke-linejoin="round"/>'


def _dot(cx: float, cy: float, r: float, fill: str = "#fff") -> str:
    return f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>'


#: A white glyph per event type, drawn inside the pin's head (a 22 x 28 pin whose head is centred at 11, 10.5):
#: a reader tells a crash from a summit without the legend.
EVENT_ICONS = {
    "military": _fill("M11 4.5 L12.6 8.4 L16.6 7.2 L14.2 10.5 L16.6 13.8 L12.6 12.6 L11 16.5 L9.4 12.6 L5.4 13.8 "
                      "L7.8 10.5 L5.4 7.2 L9.4 8.4 Z"),  # a burst: an attack, a strike, a test
    "disaster": _line("M11 5 L16.5 15 L5.5 15 Z M11 8.6 V11.8", 1.6) + _dot(11, 13.4, 0.9),  # a warning triangle
    "accident": _line("M5.5 15 L9.5 10.5 L7.5 9.5 L11 5.5 M16.5 15 L12.5 10.5 L14.5 9.5 L11 5.5", 1.6),  # a crash
    "crime": _fill("M11 4.8 L16 6.6 V10.6 C16 13.4 13.8 15.4 11 16.4 C8.2 15.4 6 13.4 6 10.6 V6.6 Z")
    + _dot(11, 10.4, 1.8, _C_EVENT),  # a police badge
    "protest": _line("M7.5 16 V5 M7.5 5.4 H15.5 L13.6 8 L15.5 10.6 H7.5", 1.6),  # a raised flag
    "meeting": _dot(8, 7.6, 2) + _dot(14, 7.6, 2)
    + _fill("M4.6 14.6 C4.6 11.6 11.4 11.6 11.4 14.6 M10.6 14.6 C10.6 11.6 17.4 11.6 17.4 14.6"),  # two people
    "arrival": _line("M11 4.8 V14.6 M7 10.8 L11 14.8 L15 10.8"),  # an arrow down onto the point
    "departure": _line("M11 15.6 V5.8 M7 9.6 L11 5.6 L15 9.6"),  # an arrow up and away
    "travel": _line("M5.5 10.5 H15.8 M12 6.7 L15.8 10.5 L12 14.3"),  # an arrow across
    "statement": _fill("M5.5 6 H16.5 V12.6 H10.4 L7.6 15.2 V12.6 H5.5 Z"),  # a speech bubble: said, not done
    "other": _dot(11, 10.5, 3.4),  # a plain dot
}
#: The pin every event shares; statements are grey (speech, and their layer is off by default).
EVENT_PIN = "M11 27 C11 27 2 16.5 2 10.5 A9 9 0 1 1 20 10.5 C20 16.5 11 27 11 27 Z"
EVENT_FILLS = {"statement": "#757575"}


def event_pin_svg(etype: str, width: int = 22, height: int = 28) -> str:
    """The pin of one event type, its glyph inside: the map's markers and the legend draw the same."""
    fill = EVENT_FILLS.get(etype, EVENT_COLOUR)
    return (f'<svg width="{width}" height="{height}" viewBox="0 0 22 28"><path d="{EVENT_PIN}" fill="{fill}" '
            f'stroke="#fff" stroke-width="1.6"/>{EVENT_ICONS.get(etype, EVENT_ICONS["other"])}</svg>')


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
