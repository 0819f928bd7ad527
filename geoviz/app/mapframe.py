"""The map on the page: rendered once per scene version, shown through the st_folium component, clicks matched.

Why not the public ``st_folium(m, key=..., returned_objects=[...])``
(streamlit-folium 0.27; measured on the seed): it lacks three things the page
relies on, so this module takes the same steps with the package's own helpers
(``_get_html``, ``_get_header``, ``_get_map_string``, ``get_full_id``,
``generate_js_hash``) and calls its component (``_component_func``) itself.

1. It prepares the map on every call, that is on every rerun: it renders the
   folium tree and runs its regular expressions and a hash over the whole
   script (0.05 s with the served basemap, 0.15-0.3 s with the polygons
   inline), on top of rendering the map. There is no way to hand it a map
   prepared once; ``render=False`` skips only the page render.
2. The same Map cannot be given to it twice: each preparation appends the
   scripts again and renames elements in place, so the script and the
   component key change and the map remounts on every rerun.
3. Its initial ``default`` has ``last_object_clicked_count`` None while the
   frontend reports 0 when it mounts; the difference makes every mount rerun
   the page once more. It has no parameter for the default.

So :func:`map_frame` prepares the component's arguments once per scene
version (:func:`scene_map_frame`, cached across sessions) and :func:`show_map`
passes them on every rerun. ``tests/test_app.py`` pins the helpers'
signatures and checks that a frame carries what ``st_folium`` itself sends, so
a streamlit-folium upgrade that changes them fails a test, not the page
(``pyproject.toml`` pins the minor version).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from geoviz.app import resources
from geoviz.render import VectorBasemap, basemap_js, basemap_script, js_value, offline_leaflet_assets, render
from geoviz.scene import Scene

__all__ = ["APP_MAP_JS", "DEFAULT_OFFLINE_BASEMAP", "MAP_RETURNS", "MAP_SKELETON_CSS", "STATIC_BASEMAP",
           "STATIC_BASEMAP_URL", "MapFrame", "local_leaflet", "map_frame", "nearest_place", "register_component",
           "scene_map_frame", "show_map", "static_basemap_url", "unseen_click", "write_static_basemap"]

ROOT = Path(__file__).resolve().parents[2]
#: The basemap a page starts with: the bundled country outlines, so the app needs no internet.
DEFAULT_OFFLINE_BASEMAP = True
#: What the map sends back: only clicks on objects, so panning and zooming never rerun the script.
MAP_RETURNS = ["last_object_clicked", "last_object_clicked_count"]
#: What the component reports when it mounts (no click yet, count 0): with the same default it sends nothing,
#: so a first view is not followed by a rerun and a second page render while the map is still drawing.
_MOUNT_REPORT = {"last_object_clicked": None, "last_object_clicked_count": 0}


# --------------------------------------------------------------------------
# Clicks: which place a click on the map selects
# --------------------------------------------------------------------------


def _lon_gap(a: float, b: float) -> float:
    """Longitude difference modulo 360: the map shifts markers by whole turns to keep a story continuous."""
    return abs((a - b + 180.0) % 360.0 - 180.0)


def nearest_place(scene: Scene, lat: float, lng: float, max_deg: float = 0.25) -> str | None:
    """The place whose marker was clicked: Leaflet reports a marker's own position, so it is (almost) exact.

    Clicks on lines and rings report the clicked point instead; beyond
    ``max_deg`` of any place they select nothing rather than a far-off place.
    """
    best, best_d = None, max_deg
    for p in scene.places:
        d = max(abs(p.lat - lat), _lon_gap(p.lon, lng))
        if d <= best_d:
            best, best_d = p.id, d
    return best


# --------------------------------------------------------------------------
# The frame: st_folium's component arguments, prepared once per scene version
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class MapFrame:
    """The arguments of the st_folium component for one rendered map, computed once and reused on every rerun.

    Why: see the module docstring (the public ``st_folium`` re-prepares the
    map on every call and cannot take the same Map twice).
    """

    script: str
    header: str
    html: str
    id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    bounds: dict[str, Any]
    zoom: Any
    #: st_folium's own component key for this script (a hash of 1.2 MB of JS: computed once, not per rerun).
    key: str


def local_leaflet(m: Any) -> Any:
    """Serve Leaflet from the page itself (data: URIs from xstatic) also when the basemap is OSM tiles.

    st_folium as shipped loads Leaflet from a CDN, which leaves an empty box
    offline; this is the recipe from DESIGN.md, set on this Map instance only.
    Other scripts the map loads (the basemap file) stay, after Leaflet.
    """
    js, css = offline_leaflet_assets()
    m.default_js = [("leaflet", js), *[(k, v) for k, v in m.default_js if k != "leaflet"]]
    m.default_css = [("leaflet_css", css), *[(k, v) for k, v in m.default_css if k != "leaflet_css"]]
    return m


#: The country polygons as a file Streamlit serves (``server.enableStaticServing``: ``static/`` beside app.py,
#: the only folder it serves, so the file lives there rather than in the package).
STATIC_BASEMAP = ROOT / "static" / "geoviz-countries.js"
#: Its URL from the map's iframe (``<server>/component/streamlit_folium.st_folium/index.html``); relative, so a
#: ``server.baseUrlPath`` prefix is kept.
STATIC_BASEMAP_URL = "../../app/static/geoviz-countries.js"


def write_static_basemap(path: Path = STATIC_BASEMAP, gazetteer: Any = None) -> Path:
    """Write the basemap script the app serves (after the gazetteer's basemap changes); the app's store by default."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(basemap_script(gazetteer or resources.gazetteer()), encoding="utf-8")
    return path


def static_basemap_url() -> str | None:
    """The basemap's URL when this server serves it, else None (then each map inlines the polygons)."""
    if STATIC_BASEMAP.is_file() and st.get_option("server.enableStaticServing"):
        return STATIC_BASEMAP_URL
    return None


#: In the app the map shares the page with a details panel and tabs that say the same things, so the map's own
#: "About this map" and legend panels start folded (one click opens them again); the map is rendered without
#: its mini-map for the same reason. The attribution gets Leaflet's usual size back (st_folium's Bootstrap CSS
#: enlarges it).
APP_MAP_JS = """
(function () {
  var css = document.createElement("style");
  css.textContent = ".leaflet-control-attribution { font-size: 11px; }";
  document.head.appendChild(css);
  document.querySelectorAll(".gv-info details, .gv-legend details").forEach(function (d) { d.open = false; });
  // Refit without the panel's room, once the component has given the map its final size.
  var refit = function () {
    if (typeof map_div !== "undefined" && map_div.geovizFit) { map_div.invalidateSize(); map_div.geovizFit(); }
  };
  setTimeout(refit, 0);
  setTimeout(refit, 300);
  // A marker click reaches the page at once: st_folium reports clicks through a 250 ms debounce, most of the
  // 0.3 s a click may take to show its place. Right after st_folium's own handler has noted the click, send the
  // same value it would send, and note it as sent, so its debounced report finds nothing new and sends nothing.
  var report = function () {
    var d = window.__GLOBAL_DATA__;
    if (!d || !d.returned_objects || !d.last_object_clicked) { return; }
    var value = {};
    ["last_object_clicked", "last_object_clicked_count"].forEach(function (k) {
      if (d.returned_objects.indexOf(k) >= 0) { value[k] = d[k]; }
    });
    if (JSON.stringify(d.previous_data) === JSON.stringify(value)) { return; }
    d.previous_data = value;
    window.parent.postMessage({isStreamlitMessage: true, type: "streamlit:setComponentValue", value: value,
                               dataType: "json"}, "*");
  };
  if (typeof map_div !== "undefined") {
    map_div.eachLayer(function (layer) {
      if (layer instanceof L.Marker) { layer.on("click", function () { setTimeout(report, 0); }); }
    });
  }
})();
"""


_EMPTY_BASEMAP: dict[str, Any] = {"type": "FeatureCollection", "features": []}


def _set_aside_basemaps(m: Any) -> list[tuple[Any, dict[str, Any]]]:
    """Empty the vector basemap layers of ``m`` for the component preparation; returns what to put back.

    Why: st_folium's preparation runs regular expressions with a Python
    callback over the whole script and hashes it; with the 1.2 MB of country
    polygons inside, that is ~0.4 s of a first render for nothing (the
    polygons hold no folium names). They are spliced back in afterwards.
    """
    found = []
    stack = [m]
    while stack:
        el = stack.pop()
        if isinstance(el, VectorBasemap) and el.data is not None:  # None: loaded from a file, nothing inline
            found.append((el, el.data))
            el.data = _EMPTY_BASEMAP
        stack.extend(getattr(el, "_children", {}).values())
    return found


def map_frame(m: Any, key: str = "map") -> MapFrame:
    """Prepare a freshly rendered folium Map for the st_folium component (the steps ``st_folium`` itself takes)."""
    import streamlit_folium as sf

    basemaps = _set_aside_basemaps(m)
    m.get_root().render()
    m.render()
    html_part = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m) + APP_MAP_JS
    component_key = sf.generate_js_hash(script, key, False)  # the key never needs the polygons: they never change
    empty = js_value(_EMPTY_BASEMAP)
    for layer, data in basemaps:
        layer.data = data
        if script.count(f"= {empty};") == 1:
            script = script.replace(f"= {empty};", f"= {basemap_js(data)};")
    css: list[str] = []
    js: list[str] = []
    stack = [m]
    while stack:
        el = stack.pop()
        css += [href for _, href in getattr(el, "default_css", [])]
        js += [src for _, src in getattr(el, "default_js", [])]
        stack.extend(reversed(list(getattr(el, "_children", {}).values())))
    sw, ne = m.get_bounds()
    bounds = {"_southWest": {"lat": sw[0], "lng": sw[1]}, "_northEast": {"lat": ne[0], "lng": ne[1]}}
    return MapFrame(script=script, header=header, html=html_part, id=sf.get_full_id(m),
                    css_links=tuple(dict.fromkeys(css)), js_links=tuple(dict.fromkeys(js)), bounds=bounds,
                    zoom=m.options.get("zoom"), key=component_key)


@st.cache_resource(show_spinner=False, max_entries=24)
def scene_map_frame(fingerprint: str, offline: bool, _scene: Scene) -> MapFrame:
    """The map of one scene version, rendered once (keyed by the scene's content, shared by sessions).

    ``_scene`` is not hashed (the leading underscore): ``fingerprint`` is its content hash.
    """
    m = render(_scene, gazetteer=resources.gazetteer(), offline=offline, basemap_src=static_basemap_url(),
               minimap=False)
    return map_frame(local_leaflet(m))


# --------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------

#: Until a new map paints (a new article: the iframe loads Leaflet, the script and the outlines), its box showed
#: grey for 1-2 s. The iframe's own background is a skeleton instead: the map's sea colour, faint graticule lines
#: and a word saying what is coming, all inline (no network).
_SKELETON_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='240' height='120'>"
    "<path d='M0 60H240M120 0V120' stroke='%23b9cddb' stroke-width='1'/>"
    "<text x='120' y='64' font-family='sans-serif' font-size='14' fill='%235d7689' text-anchor='middle'>"
    "Drawing the map%E2%80%A6</text></svg>")
MAP_SKELETON_CSS = (
    '<style>iframe[title="streamlit_folium.st_folium"] {'
    f'background: #d6e4ee url("data:image/svg+xml;charset=utf-8,{_SKELETON_SVG.replace(" ", "%20")}") '
    "center / 240px 120px repeat; border-radius: 4px; }</style>")


def show_map(frame: MapFrame, *, height: int, on_click: Callable[[float, float], None]) -> None:
    """The st_folium component fed ``frame``; a click on a map object calls ``on_click(lat, lng)`` (a callback).

    Only :data:`MAP_RETURNS` come back, so panning and zooming never rerun the page.
    """
    import streamlit_folium

    st.html(MAP_SKELETON_CSS)

    def clicked() -> None:
        report = (st.session_state.get(frame.key) or {}).get("last_object_clicked")
        if report:
            on_click(float(report["lat"]), float(report["lng"]))

    streamlit_folium._component_func(
        script=frame.script, header=frame.header, html=frame.html, id=frame.id, key=frame.key, height=height,
        width=None, returned_objects=MAP_RETURNS, default=dict(_MOUNT_REPORT), zoom=None, center=None,
        feature_group=None, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(frame.css_links), js_links=list(frame.js_links), on_change=clicked, wrap_longitude=False)


def unseen_click(frame: MapFrame) -> tuple[float, float] | None:
    """The map's last click when this session has not acted on it yet (then it is marked seen), else None.

    Why, besides the component's ``on_change``: two clicks 0.1 s apart
    raced Streamlit's widget state (the second arrived while the run for the
    first was under way) and the selection fell back to the one before both.
    The component's value itself was right, so each run compares it with the
    last click it acted on and acts on a new one: the last click wins.
    """
    report = st.session_state.get(frame.key) or {}
    where = report.get("last_object_clicked")
    mark = [frame.key, report.get("last_object_clicked_count")]
    if not where or st.session_state.get("map_click_seen") == mark:
        return None
    st.session_state["map_click_seen"] = mark
    return float(where["lat"]), float(where["lng"])


def register_component() -> None:
    """Import st_folium's module and make sure the running server knows its component.

    Why the private registry: ``declare_component`` registers the
    component's files with the server only when the module is imported inside
    a script run. Imported first by the warm-up thread (no script run), it
    would never register, and the browser would get a 404 for the map's
    iframe; Streamlit has no public call to register a declared component
    outside a script run. ``tests/test_app.py`` pins the names used here.
    """
    import streamlit_folium
    from streamlit.runtime import Runtime

    if Runtime.exists():
        Runtime.instance().component_registry.register_component(streamlit_folium._component_func)
