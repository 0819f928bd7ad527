"""The map's panels and tools: the title panel, the legend, full screen, the measure tool, the mini-map, the fit.

Why our own controls instead of ``folium.plugins`` Fullscreen, MeasureControl
and MiniMap: those plugins load their JS/CSS from CDNs (jsdelivr, cdnjs), which
breaks the offline file and would add third-party hosts to the standard one
(whose only network references must be Leaflet and the tiles); MiniMap also
takes a tile layer, so it could not show the offline basemap. The controls in
``static/controls.js`` are ~150 lines of plain Leaflet, work the same in both
modes, and the measure tool computes distances on the WGS84 ellipsoid
(Vincenty) so it agrees with the claim checker to well under a kilometre.
The layer switcher and the scale bar are folium's own (``LayerControl``,
``control_scale``): they need no extra files.

The JS is static text (package data); data reaches it only through
:func:`js_value`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from geoviz.render.assets import static_text
from geoviz.render.escape import escape_html, js_value
from geoviz.render.popups import km, stated
from geoviz.render.styles import (
    EVENT_LABELS,
    EVENT_LETTERS,
    KIND_STYLES,
    ROUTE_COLOUR,
    VERDICT_STYLES,
    event_pin_svg,
)

__all__ = ["controls_js", "info_html", "legend_html", "panels_js", "verdict_of"]


def verdict_of(c: dict[str, Any]) -> str:
    """The claim's verdict as a key of ``VERDICT_STYLES`` (anything else is drawn as unresolved)."""
    return c.get("verdict") if c.get("verdict") in VERDICT_STYLES else "unresolved"


def info_html(title: str, n_places: int, scene: Any, claims: Sequence[dict[str, Any]]) -> str:
    """The title panel: the story in words, so the map reads without opening a popup."""
    parts = [f'<div class="gv-title">{escape_html(title)}</div>']
    n_events = len(scene.events)
    parts.append(f'<div class="gv-sub">{n_places} place{"s" if n_places != 1 else ""} · {n_events} '
                 f'event{"s" if n_events != 1 else ""} from the article · click a marker for its sentences</div>')
    for r in scene.routes:
        if len(r.stops) < 2:
            continue
        who = f"{r.traveller}'s journey" if r.traveller else "Journey"
        mode = f" by {r.mode}" if r.mode else ""
        stops = " \u2192 ".join(
            f'<span class="gv-stop-num gv-inline{" gv-implied" if getattr(s, "implied", False) else ""}">{n}'
            f'</span>\u00a0{escape_html(s.name)}{" <i>(implied)</i>" if getattr(s, "implied", False) else ""}'
            for n, s in enumerate(r.stops, 1))
        parts.append(f'<div class="gv-sec"><span class="gv-key" style="background:{ROUTE_COLOUR}"></span>'
                     f'<b>{escape_html(who + mode)}</b>, {km(r.distance_km)} km<br>{stops}</div>')
    for c in claims:
        vs = VERDICT_STYLES[verdict_of(c)]
        ends = " \u2194 ".join(escape_html(x) for x in (c.get("subject"), c.get("anchor")) if x)
        measured = (f"; measured {km(c.get('computed_km'))} km" if c.get("computed_km") is not None else "")
        parts.append(f'<div class="gv-sec"><span class="gv-verdict" style="background:{vs.colour}">'
                     f'{escape_html(vs.symbol)} {escape_html(vs.label)}</span> '
                     f'<b>Stated {escape_html(stated(c))}'
                     f'</b> {ends}{escape_html(measured)}</div>')
    edits = [str(e) for e in (getattr(scene, "meta", None) or {}).get("edits") or []]
    if edits:  # the app's edit log travels with an exported map: a reader sees what a person changed
        items = "".join(f"<li>{escape_html(e)}</li>" for e in edits)
        parts.append(f'<div class="gv-sec"><b>Edited by hand</b> ({len(edits)} edit{"s" * (len(edits) != 1)})'
                     f'<ol class="gv-stops">{items}</ol></div>')
    return f'<details open class="gv-details"><summary>About this map</summary>{"".join(parts)}</details>'


def legend_html(kinds: Collection[str], events: Collection[str], journey: bool, verdicts: Collection[str]) -> str:
    """The legend of what this map draws: the marker ``kinds``, event types, a journey line, claim ``verdicts``."""
    rows = []
    for kind in KIND_STYLES:
        if kind in kinds:
            rows.append(f'<div class="gv-leg-row">{KIND_STYLES[kind].svg}<span>'
                        f'{escape_html(KIND_STYLES[kind].label)}</span></div>')
    for t in EVENT_LETTERS:  # one row per event type drawn, with its own pin
        if t in events:
            note = " (layer off by default)" if t == "statement" else ""
            rows.append(f'<div class="gv-leg-row">{event_pin_svg(t, 14, 18)}<span>'
                        f'{escape_html(EVENT_LABELS[t].capitalize() + note)}</span></div>')
    if journey:
        rows.append(f'<div class="gv-leg-row"><svg width="22" height="10"><line x1="1" y1="5" x2="21" y2="5" '
                    f'stroke="{ROUTE_COLOUR}" stroke-width="4"/></svg><span>Journey, numbered stops '
                    f'(dashed: from an implied start)</span></div>')
    for v in VERDICT_STYLES:
        if v in verdicts:
            vs = VERDICT_STYLES[v]
            rows.append(f'<div class="gv-leg-row"><svg width="22" height="14"><circle cx="11" cy="7" r="5.5" '
                        f'fill="none" stroke="{vs.colour}" stroke-width="2" stroke-dasharray="3 2"/></svg>'
                        f'<span>Stated distance, {escape_html(vs.label)}</span></div>')
    if not rows:
        return ""
    return f'<details open><summary class="gv-legend-title">Legend</summary>{"".join(rows)}</details>'


def panels_js(map_name: str, info: str, legend: str) -> str:
    """The title panel (top right) and the legend (bottom left) as Leaflet controls of ``map_name``."""
    return (static_text("panels.js").replace("__MAP__", map_name)
            .replace("__INFO__", js_value(info)).replace("__LEGEND__", js_value(legend)))


def controls_js(map_name: str, opts: dict[str, Any]) -> str:
    """Full screen, measure, the fit to ``opts['bounds']`` and the mini-map, on ``map_name``."""
    return static_text("controls.js").replace("__MAP__", map_name).replace("__OPTS__", js_value(opts))
