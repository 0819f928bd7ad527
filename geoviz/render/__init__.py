"""Scene -> folium.Map, and the pieces a caller may name: styles, escaping, Leaflet assets, the offline basemap.

* :mod:`~geoviz.render.map`: :func:`render`, the map of a Scene (its layers);
* :mod:`~geoviz.render.styles`: how places, events, the route and claim verdicts look;
* :mod:`~geoviz.render.controls`: title panel, legend, full screen, measure, mini-map;
* :mod:`~geoviz.render.popups`: the popups' HTML;
* :mod:`~geoviz.render.basemap`: a gazetteer's country polygons as the offline basemap;
* :mod:`~geoviz.render.assets`: Leaflet (CDN or inlined), tiles, our static CSS/JS (``static/``);
* :mod:`~geoviz.render.elements`, :mod:`~geoviz.render.escape`: how text reaches the page safely;
* :mod:`~geoviz.render.geometry`: the story's longitude window, bounds and label spots;
* :mod:`~geoviz.render.records`: a claim as one dict (the map's labels and the claims CSV).

Nothing here opens the bundled gazetteer: :func:`render` takes the one to use
(``geoviz.render_map`` in :mod:`geoviz.pipeline` passes the bundled store).
"""

from geoviz.render.assets import (
    DATA_ATTRIBUTION,
    LEAFLET_CSS_URL,
    LEAFLET_JS_URL,
    OSM_ATTRIBUTION,
    OSM_TILES_URL,
    data_uri,
    offline_leaflet_assets,
)
from geoviz.render.basemap import (
    BASEMAP_ATTRIBUTION,
    BASEMAP_GLOBAL,
    BasemapError,
    CountryOutlines,
    VectorBasemap,
    basemap_geojson,
    basemap_js,
    basemap_script,
)
from geoviz.render.elements import Script
from geoviz.render.escape import escape_html, js_value
from geoviz.render.map import LAYER_CLAIMS, LAYER_EVENTS, LAYER_PLACES, LAYER_ROUTE, LAYER_STATEMENTS, render
from geoviz.render.records import claim_dict
from geoviz.render.styles import (
    EVENT_ICONS,
    EVENT_LABELS,
    EVENT_LETTERS,
    KIND_STYLES,
    VERDICT_STYLES,
    KindStyle,
    VerdictStyle,
    marker_kind,
)

__all__ = [
    "BASEMAP_ATTRIBUTION",
    "BASEMAP_GLOBAL",
    "DATA_ATTRIBUTION",
    "EVENT_LABELS",
    "EVENT_ICONS",
    "EVENT_LETTERS",
    "KIND_STYLES",
    "LAYER_CLAIMS",
    "LAYER_EVENTS",
    "LAYER_PLACES",
    "LAYER_ROUTE",
    "LAYER_STATEMENTS",
    "LEAFLET_CSS_URL",
    "LEAFLET_JS_URL",
    "OSM_ATTRIBUTION",
    "OSM_TILES_URL",
    "VERDICT_STYLES",
    "BasemapError",
    "CountryOutlines",
    "KindStyle",
    "Script",
    "VectorBasemap",
    "VerdictStyle",
    "basemap_geojson",
    "basemap_js",
    "basemap_script",
    "claim_dict",
    "data_uri",
    "escape_html",
    "js_value",
    "marker_kind",
    "offline_leaflet_assets",
    "render",
]
