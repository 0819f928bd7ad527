"""Scene -> folium.Map: the map a newsroom would publish, online or fully offline.

What it draws, in four layers a reader can switch off (Places, Events, Route,
Distance claims):

* every place as a small SVG marker whose shape and colour say its kind
  (city, country, facility/landmark, province/sea/other, and "metonym" for a
  capital that speaks for its government), labelled with its name, and a popup
  quoting the article sentences that mention it, the mentions in ``<mark>``;
* events as red pins carrying a letter for their type, with date and type;
* each journey as a cased line along the legs' densified geodesics, numbered
  stop badges and each leg's mode and distance written on the line;
* each distance claim as the anchor-subject geodesic labelled with stated vs.
  measured distance, and a ring of the *stated* radius around the anchor (for
  "30 km from the border": around the subject, so the border should touch it),
  coloured by verdict.

Plus a scale bar, a measure tool, a mini-map, a full-screen button, a legend
and a title panel that states the trip and the checks in words
(:mod:`geoviz.render.controls`).

Offline (``offline=True``) the map needs nothing but the HTML file: Leaflet is
inlined (:mod:`geoviz.render.assets`), there are no tiles, and the gazetteer's
country polygons are drawn as a vector basemap (:mod:`geoviz.render.basemap`).
The gazetteer is the caller's: this module never opens a store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium
from branca.element import Element
from folium.utilities import JsCode

from geoviz.article import article_title
from geoviz.geo.geodesy import distance_km, geodesic_line
from geoviz.render.assets import (
    DATA_ATTRIBUTION,
    LEAFLET_CSS_URL,
    LEAFLET_JS_URL,
    OSM_ATTRIBUTION,
    OSM_TILES_URL,
    offline_leaflet_assets,
    static_text,
)
from geoviz.render.basemap import BasemapError, VectorBasemap, basemap_geojson
from geoviz.render.controls import controls_js, info_html, legend_html, panels_js, verdict_of
from geoviz.render.elements import DivIcon, Marker, Script, bind_popup, bind_tooltip
from geoviz.render.escape import escape_html, js_value
from geoviz.render.geometry import (
    LonWindow,
    bounds,
    centre,
    crosses_antimeridian,
    destination,
    finite,
    label_spot,
    ring_box,
)
from geoviz.render.popups import ArticleText, claim_popup, event_popup, km, place_popup, route_popup, stated
from geoviz.render.records import claim_dict
from geoviz.render.styles import (
    EVENT_LABELS,
    EVENT_LETTERS,
    KIND_STYLES,
    ROUTE_COLOUR,
    VERDICT_STYLES,
    event_pin_svg,
    marker_kind,
)
from geoviz.scene import Scene

__all__ = ["LAYER_CLAIMS", "LAYER_EVENTS", "LAYER_PLACES", "LAYER_ROUTE", "LAYER_STATEMENTS", "render"]

LAYER_PLACES = "Places"
LAYER_EVENTS = "Events"
LAYER_ROUTE = "Route"
LAYER_CLAIMS = "Distance claims"
#: What was said where: off until the reader asks for it.
LAYER_STATEMENTS = "Statements (said where)"

_FIT_MAX_ZOOM = 9
_FOCUS_MIN_KM = 1500.0  # specific places this close to the story's core are fitted too
_RING_FIT_MAX_KM = 3000.0  # rings larger than this would zoom the map out to a continent: not fitted


def render(scene: Scene, *, gazetteer: Any = None, offline: bool = False, title: str | None = None,
           basemap_src: str | None = None, minimap: bool = True) -> folium.Map:
    """Draw ``scene`` as a folium Map.

    ``gazetteer`` names countries in popups and places the ends of claims that
    are not scene places; without one, countries show as their codes and such
    ends are left out. ``offline=True`` inlines Leaflet and draws the
    gazetteer's country polygons instead of OpenStreetMap tiles, so the saved
    HTML works with no network; it needs the gazetteer (or ``basemap_src``),
    else :class:`BasemapError`. ``title`` defaults to the article's headline
    (:func:`geoviz.article.article_title`). :func:`geoviz.pipeline.render_map`
    is this with the bundled gazetteer.

    For a server that shows many maps (the app): ``basemap_src`` is the URL of
    :func:`geoviz.render.basemap_script` served as a file, fetched once the map
    is up instead of inlining the polygons (offline maps only; the page then
    needs that URL; the mini-map, built before they arrive, stays without
    outlines); ``minimap=False`` leaves out the mini-map (which draws every
    polygon again).
    """
    if offline and basemap_src is None and gazetteer is None:
        raise BasemapError("an offline map draws the gazetteer's country polygons: pass gazetteer= "
                           "(or basemap_src= for a served basemap file)")
    return _Renderer(scene, offline, title, gazetteer, basemap_src=basemap_src, minimap=minimap).build()


class _Renderer:
    """One map being drawn: the scene, where things go, and what the legend must list."""

    def __init__(self, scene: Scene, offline: bool, title: str | None, gazetteer: Any, *,
                 basemap_src: str | None = None, minimap: bool = True) -> None:
        self.scene = scene
        self.offline = offline
        self.basemap_src = basemap_src
        self.minimap = minimap
        self.title = title if title is not None else article_title(scene)
        self.gaz = gazetteer
        self.text = ArticleText(scene.source_text)
        self.places = {p.id: p for p in scene.places if finite(p.lat, p.lon)}
        self.claims = [claim_dict(c) for c in scene.claims]
        self.frame = self._window()
        self.bounds: list[list[float]] = []
        self.used_kinds: set[str] = set()
        self.used_events: set[str] = set()
        self.used_verdicts: set[str] = set()
        self.max_abs_lon = 180.0

    # -- lookups -------------------------------------------------------------------------------

    def _focus_places(self) -> list[Any]:
        """Where the story happens: route stops, claim ends and event places, plus nearby specific places.

        Countries, metonyms and what people *say* from afar ("the White House
        has issued warnings") are left out of the initial view, and so is a
        specific place far from that core (often a misreading): fitting
        Washington and the centroid of Russia into a story about a train ride
        to the Amur would shrink the trip to a dot. They stay on the map, one
        zoom-out away.
        """
        ids: list[str] = []
        for r in self.scene.routes:
            ids += [s.place_id for s in r.stops]
        for c in self.claims:
            ids += [c.get("subject_id") or "", c.get("anchor_id") or ""]
        ids += [e.place_id or "" for e in self.scene.events if e.type != "statement"]
        core = [self.places[i] for i in dict.fromkeys(ids) if i in self.places]
        specific = [p for p in self.places.values() if marker_kind(p) in ("city", "facility", "area")]
        if not core:
            return specific or list(self.places.values())
        mid = LonWindow([float(p.lon) for p in core]).centre
        lat0 = sum(float(p.lat) for p in core) / len(core)
        reach = max(_FOCUS_MIN_KM, 1.5 * max(distance_km((lat0, mid), (p.lat, p.lon)) for p in core))
        near = [p for p in specific if p not in core and distance_km((lat0, mid), (p.lat, p.lon)) <= reach]
        return core + near

    def _window(self) -> LonWindow:
        """The story's one copy of the world: every place, and whether a leg or a claim line crosses 180°."""
        lines = [leg.line for r in self.scene.routes for leg in r.legs if leg.line]
        ends = [(self.point_of(c.get("subject_id")), self.point_of(c.get("anchor_id"))) for c in self.claims]
        crosses = any(crosses_antimeridian(line) for line in lines) or any(
            abs(a[1] - b[1]) > 180.0 for a, b in ends if a is not None and b is not None)
        lons = [float(p.lon) for p in self.places.values()]
        lons += [float(s.lon) for r in self.scene.routes for s in r.stops if finite(s.lat, s.lon)]
        return LonWindow(lons, crosses=crosses)

    def country_name(self, code: str) -> str:
        """"Russia (RU)" when the gazetteer knows the code, else the code itself."""
        if not code:
            return ""
        entry = self.gaz.country(code) if self.gaz is not None else None
        return f"{entry.name} ({code})" if entry is not None else code

    def point_of(self, entry_id: str | None) -> tuple[float, float, str] | None:
        """(lat, lon, name) of a claim end: a scene place, else the gazetteer entry of that id."""
        if not entry_id:
            return None
        p = self.places.get(entry_id)
        if p is not None:
            return float(p.lat), float(p.lon), p.name
        e = self.gaz.get(entry_id) if self.gaz is not None else None
        if e is not None and finite(e.lat, e.lon):
            return float(e.lat), float(e.lon), e.name
        return None

    def at(self, lat: float, lon: float) -> list[float]:
        out = [float(lat), self.frame.lon(float(lon))]
        self.max_abs_lon = max(self.max_abs_lon, abs(out[1]))
        return out

    def line(self, line: Sequence[Sequence[float]]) -> list[list[float]]:
        out = self.frame.line(line)
        for _, lon in out:
            self.max_abs_lon = max(self.max_abs_lon, abs(lon))
        return out

    # -- building ------------------------------------------------------------------------------

    def build(self) -> folium.Map:
        focus = [self.at(p.lat, p.lon) for p in self._focus_places()]
        self.bounds = bounds(focus)
        middle = centre(self.bounds) if self.bounds else [20.0, 0.0]
        # One copy of the world: on the usual -180..180 window the map jumps back to it when panned onto
        # another copy (markers are only on this one); a story across the Pacific is drawn around its own centre.
        m = folium.Map(location=middle, zoom_start=4, tiles=None, control_scale=True, prefer_canvas=False,
                       world_copy_jump=self.frame.standard)
        m.get_root().title = escape_html(self.title)
        self._assets(m)

        places = folium.FeatureGroup(name=LAYER_PLACES, overlay=True, control=True, show=True)
        events = folium.FeatureGroup(name=LAYER_EVENTS, overlay=True, control=True, show=True)
        route = folium.FeatureGroup(name=LAYER_ROUTE, overlay=True, control=True, show=True)
        claims = folium.FeatureGroup(name=LAYER_CLAIMS, overlay=True, control=True, show=True)
        said = folium.FeatureGroup(name=LAYER_STATEMENTS, overlay=True, control=True, show=False)
        self._draw_claims(claims)  # drawn first: rings are big, everything else sits on top
        self._draw_routes(route)
        self._draw_places(places)
        self._draw_events(events, said)

        if self.offline:
            offsets = [0.0] + ([360.0] if self.max_abs_lon > 180 and self.frame.centre > 0 else []) + (
                [-360.0] if self.max_abs_lon > 180 and self.frame.centre < 0 else [])
            data = None if self.basemap_src else basemap_geojson(self.gaz)
            basemap = VectorBasemap(data, offsets, src=self.basemap_src)
            basemap.add_to(m)
            minimap: dict[str, Any] | None = {"basemap": basemap.data_var}
        else:
            folium.TileLayer(tiles=OSM_TILES_URL, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19,
                             overlay=False, control=True, no_wrap=self.frame.standard).add_to(m)
            minimap = {"tiles": OSM_TILES_URL}
        # Claims before the route so the route line is drawn over the rings; markers have their own pane.
        for group in (places, events, said, claims, route):
            group.add_to(m)
        m.add_child(Script(lambda name: panels_js(name, self._info_html(), self._legend_html())))
        order = js_value([LAYER_PLACES, LAYER_EVENTS, LAYER_ROUTE, LAYER_CLAIMS, LAYER_STATEMENTS])
        folium.LayerControl(position="topright", collapsed=True, sortLayers=True, sortFunction=JsCode(
            f"function (a, b, na, nb) {{ var o = {order}; return o.indexOf(na) - o.indexOf(nb); }}")).add_to(m)
        opts = {"bounds": self.bounds or None, "maxZoom": _FIT_MAX_ZOOM, "offline": self.offline,
                "minimap": minimap if self.minimap else None, "attribution": DATA_ATTRIBUTION}
        m.add_child(Script(lambda name: controls_js(name, opts)))
        return m

    def _info_html(self) -> str:
        return info_html(self.title, len(self.places), self.scene, self.claims)

    def _legend_html(self) -> str:
        journey = any(len(r.stops) >= 2 for r in self.scene.routes)
        return legend_html(self.used_kinds, self.used_events, journey, self.used_verdicts)

    def _assets(self, m: folium.Map) -> None:
        """Leaflet only (no jQuery, Bootstrap, awesome-markers: nothing here uses them)."""
        if self.offline:
            js, css = offline_leaflet_assets()
        else:
            js, css = LEAFLET_JS_URL, LEAFLET_CSS_URL
        m.default_js = [("leaflet", js)]
        m.default_css = [("leaflet_css", css)]
        m.get_root().header.add_child(Element(f"<style>{static_text('map.css')}</style>"), name="geoviz_css")

    # -- places --------------------------------------------------------------------------------

    def _draw_places(self, group: folium.FeatureGroup) -> None:
        story_ids = {s.place_id for r in self.scene.routes for s in r.stops}
        story_ids |= {c.get(k) for c in self.claims for k in ("subject_id", "anchor_id") if c.get(k)}
        for p in self.places.values():
            kind = marker_kind(p)
            self.used_kinds.add(kind)
            style = KIND_STYLES[kind]
            label = escape_html(p.name)
            # A journey's stop or a claim's end keeps its label first when labels collide (controls.js).
            key = " gv-label-key" if p.id in story_ids else ""
            icon_html = (f'<div class="gv-pin" data-kind="{kind}">{style.svg}'
                         f'<span class="gv-label gv-label-{kind}{key}">{label}</span></div>')
            marker = Marker(self.at(p.lat, p.lon), title=str(p.name), alt=str(p.name), riseOnHover=True,
                            zIndexOffset=100 if kind in ("city", "facility") else 0,
                            icon=DivIcon(html=icon_html, icon_size=(14, 14), icon_anchor=(7, 7),
                                         class_name=f"gv-marker gv-place gv-kind-{kind}"))
            bind_popup(marker, place_popup(p, kind, self.country_name(p.country), self.text))
            marker.add_to(group)

    # -- events --------------------------------------------------------------------------------

    def _draw_events(self, group: folium.FeatureGroup, said: folium.FeatureGroup) -> None:
        """Event pins; statements ("officials in Washington said") go to ``said``, a layer off by default:
        speech is not something that happened at the place, and a map of the story should not lead with it."""
        per_place: dict[str, int] = {}
        for e in self.scene.events:
            p = self.places.get(e.place_id or "")
            if p is None:
                continue  # an unplaced event has no point; the Scene keeps it for the GeoJSON
            k = per_place.get(p.id, 0)
            per_place[p.id] = k + 1
            etype = e.type if e.type in EVENT_LETTERS else "other"
            self.used_events.add(etype)
            when = e.date or e.date_label or ""
            title = f"{EVENT_LABELS[etype].capitalize()}{' · ' + when if when else ''}"
            icon_html = f'<div class="gv-event-pin" data-type="{etype}">{event_pin_svg(etype)}</div>'
            # Several events at one place fan out sideways so no pin hides another.
            dx = 11 + 16 * k - 8 * (k > 0)
            marker = Marker(self.at(p.lat, p.lon), title=title, alt=title, zIndexOffset=500,
                            icon=DivIcon(html=icon_html, icon_size=(22, 28), icon_anchor=(dx, 30),
                                         class_name=f"gv-marker gv-event gv-event-{etype}"))
            bind_tooltip(marker, escape_html(title), offset=[0, -26])
            bind_popup(marker, event_popup(e, p, etype))
            marker.add_to(said if etype == "statement" else group)

    # -- routes --------------------------------------------------------------------------------

    def _draw_routes(self, group: folium.FeatureGroup) -> None:
        for r in self.scene.routes:
            stops = [s for s in r.stops if finite(s.lat, s.lon)]
            if len(stops) < 2:
                continue
            for i, leg in enumerate(r.legs):
                raw = leg.line or [[stops[i].lat, stops[i].lon], [stops[i + 1].lat, stops[i + 1].lon]]
                line = self.line(raw)
                implied = bool(getattr(leg, "implied", False))
                # A white casing under the coloured line keeps it legible over borders and tiles.
                folium.PolyLine(line, color="#ffffff", weight=8, opacity=0.9, class_name="gv-route-casing",
                                interactive=False).add_to(group)
                pl = folium.PolyLine(line, color=ROUTE_COLOUR, weight=4.5, opacity=0.95,
                                     dash_array="9 7" if implied else None, class_name="gv-route")
                leg_km = f"{km(leg.distance_km)} km" + (" inferred" if getattr(leg, "implied", False) else "")
                leg_text = " · ".join(x for x in (leg.mode or "", leg_km) if x)
                bind_tooltip(pl, escape_html(f"Leg {i + 1}: {stops[i].name} \u2192 {stops[i + 1].name}, "
                                             f"{leg_text}"), sticky=True)
                bind_popup(pl, route_popup(r))
                pl.add_to(group)
                mid, side = label_spot(line, 0.5, ("left", "above"))
                html_label = f'<span class="gv-tag gv-side-{side} gv-leg-label">{escape_html(leg_text)}</span>'
                Marker(mid, interactive=False, keyboard=False, zIndexOffset=300,
                       icon=DivIcon(html=html_label, icon_size=(0, 0), icon_anchor=(0, 0),
                                    class_name="gv-marker gv-leg")).add_to(group)
            for n, s in enumerate(stops, 1):
                badge = (f'<span class="gv-stop-num{" gv-implied" if getattr(s, "implied", False) else ""}">'
                         f'{n}</span>')
                title = f"Stop {n}: {s.name}"
                marker = Marker(self.at(s.lat, s.lon), title=title, alt=title, zIndexOffset=400,
                                icon=DivIcon(html=badge, icon_size=(20, 20), icon_anchor=(29, 10),
                                             class_name="gv-marker gv-stop"))
                bind_popup(marker, route_popup(r))
                marker.add_to(group)
            self.bounds = bounds(self.bounds + [self.at(s.lat, s.lon) for s in stops])

    # -- claims --------------------------------------------------------------------------------

    def _draw_claims(self, group: folium.FeatureGroup) -> None:
        for c in self.claims:
            verdict = verdict_of(c)
            self.used_verdicts.add(verdict)
            vs = VERDICT_STYLES[verdict]
            subject, anchor = self.point_of(c.get("subject_id")), self.point_of(c.get("anchor_id"))
            border_role = next((role for role in ("anchor", "subject")
                                if str(c.get(role) or "").endswith(" border") or
                                (c.get("relation") == "border" and role == "anchor")), None)
            popup = claim_popup(c, vs, self.text.text)
            stated_km = c.get("stated_km")
            # The ring is centred on the end that is a point; for a border claim that is the other end.
            middle = anchor
            if border_role == "anchor":
                middle, anchor = subject, None
            elif border_role == "subject":
                subject = None
            if middle is not None and isinstance(stated_km, int | float) and stated_km > 0:
                loc = self.at(middle[0], middle[1])
                ring = folium.Circle(loc, radius=float(stated_km) * 1000.0, color=vs.colour, weight=2.2,
                                     opacity=0.9, dash_array="7 6", fill=True, fill_color=vs.colour,
                                     fill_opacity=0.05, class_name=f"gv-claim-ring gv-verdict-{verdict}")
                ring_text = (f"{stated(c)} from {c.get('anchor') or middle[2]}" if border_role is None
                             else f"{stated(c)} ring around {middle[2]}: the border should touch it")
                bind_tooltip(ring, escape_html(ring_text), sticky=True)
                bind_popup(ring, popup)
                ring.add_to(group)
                if float(stated_km) <= _RING_FIT_MAX_KM:
                    self.bounds = bounds(self.bounds + ring_box(loc, float(stated_km)))
                # The ring's own label sits on its far side from the subject, so the two labels never meet.
                bearing = float(c.get("computed_bearing") or 0.0) + 180.0 if subject is not None else 180.0
                label_at = destination(middle[0], middle[1], bearing, float(stated_km))
                ring_label = f'<span class="gv-tag gv-ring-label" style="border-color:{vs.colour}">' \
                             f'{escape_html(ring_text)}</span>'
                Marker(self.at(*label_at), interactive=False, keyboard=False, zIndexOffset=200,
                       icon=DivIcon(html=ring_label, icon_size=(0, 0), icon_anchor=(0, 0),
                                    class_name="gv-marker gv-claim-label")).add_to(group)
            for end, role in ((anchor, "anchor"), (subject, "subject")):
                if end is not None:
                    dot = folium.CircleMarker(self.at(end[0], end[1]), radius=6 if role == "anchor" else 5,
                                              color=vs.colour, weight=2.5, fill=True,
                                              fill_color="#fff" if role == "anchor" else vs.colour, fill_opacity=1,
                                              class_name=f"gv-claim-{role}")
                    bind_tooltip(dot, escape_html(f"Claim {role}: {end[2]}"))
                    bind_popup(dot, popup)
                    dot.add_to(group)
            if anchor is not None and subject is not None:
                line = self.line([list(p) for p in geodesic_line(anchor[:2], subject[:2], step_km=50.0)])
                pl = folium.PolyLine(line, color=vs.colour, weight=3, opacity=0.95, dash_array="2 7",
                                     class_name=f"gv-claim-line gv-verdict-{verdict}")
                bind_popup(pl, popup)
                pl.add_to(group)
                measured = c.get("computed_km")
                text = f"{vs.symbol} measured {km(measured)} km · stated {stated(c)}"
                mid, side = label_spot(line, 0.4, ("right", "below"))
                label = (f'<span class="gv-tag gv-side-{side} gv-claim-tag" '
                         f'style="border-color:{vs.colour};color:{vs.colour}">'
                         f'{escape_html(text)}</span>')
                Marker(mid, interactive=False, keyboard=False, zIndexOffset=300,
                       icon=DivIcon(html=label, icon_size=(0, 0), icon_anchor=(0, 0),
                                    class_name="gv-marker gv-claim-label")).add_to(group)
                self.bounds = bounds(self.bounds + [self.at(anchor[0], anchor[1]), self.at(subject[0], subject[1])])
