"""The offline basemap: a gazetteer's simplified country polygons as a Leaflet layer.

Offline there are no tiles; the country outlines the gazetteer holds (Natural
Earth, simplified) are the map's only background. They come from the
gazetteer the caller passes: this module never opens a store itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from folium.map import Layer
from folium.template import Template

from geoviz.errors import GeovizError
from geoviz.render.escape import js_value

__all__ = ["BASEMAP_ATTRIBUTION", "BASEMAP_GLOBAL", "BasemapError", "CountryOutlines", "VectorBasemap",
           "basemap_geojson", "basemap_js", "basemap_script"]

BASEMAP_ATTRIBUTION = "Countries: Natural Earth"
#: The global that :func:`basemap_script` defines, for maps rendered with ``basemap_src``.
BASEMAP_GLOBAL = "geovizCountries"
_BASEMAP_DECIMALS = 2  # 0.01 deg ~ 1 km: finer than the 0.04 deg simplification of the polygons


class BasemapError(GeovizError, ValueError):
    """An offline map was asked for without the country polygons it draws (no gazetteer, no basemap file)."""


class CountryOutlines(dict):
    """A GeoJSON FeatureCollection of country polygons that serialises itself for JS once.

    Why a dict that remembers: the outlines are 1.2 MB of coordinates, drawn
    into every offline map a process renders (the app renders many); each
    ``js_value`` of them took a noticeable share of a render.
    """

    @functools.cached_property
    def js(self) -> str:
        return js_value(self)


@functools.lru_cache(maxsize=4)
def basemap_geojson(gazetteer: Any) -> CountryOutlines:
    """The gazetteer's simplified country polygons as a compact FeatureCollection (2 decimals), once per gazetteer."""
    from shapely.geometry import mapping

    features = []
    for code, name, geom in gazetteer.basemap():
        polys = []
        for poly in _polygons(mapping(geom)):
            rings = [r for r in (_round_ring(ring) for ring in poly) if len(r) >= 4]
            if rings:
                polys.append(rings)
        if polys:
            features.append({"type": "Feature", "properties": {"iso": code, "name": name},
                             "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    return CountryOutlines({"type": "FeatureCollection", "features": features})


def basemap_js(data: dict[str, Any]) -> str:
    """``data`` as a JS literal; a gazetteer's outlines are serialised once per process."""
    return data.js if isinstance(data, CountryOutlines) else js_value(data)


def basemap_script(gazetteer: Any) -> str:
    """The gazetteer's country polygons as a script defining ``window.geovizCountries``, for a server to serve.

    Why: the app shows many maps (each article, each edit), and inlining the
    1.1 MB of polygons into each made the server serialise and send them and
    the browser receive them every time; loaded by URL, the browser fetches
    them once and may cache them. The standalone HTML export keeps inlining.
    """
    return f"window.{BASEMAP_GLOBAL} = {basemap_geojson(gazetteer).js};\n"


def _polygons(geometry: dict[str, Any]) -> list[Any]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in _polygons(g)]
    return []


def _round_ring(ring: Iterable[Sequence[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y, *_ in ring:
        pt = [round(x, _BASEMAP_DECIMALS), round(y, _BASEMAP_DECIMALS)]
        if not out or out[-1] != pt:
            out.append(pt)
    return out


class VectorBasemap(Layer):
    """Country polygons as a Leaflet base layer: the offline map's only background.

    Drawn in its own pane under every overlay; the polygon data sits once in a
    global variable so the mini-map can reuse it. ``offsets`` (multiples of
    360) add shifted copies when the scene's lines run past the antimeridian.
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.script_js() }}{% endmacro %}")

    def __init__(self, data: dict[str, Any] | None, offsets: Sequence[float] = (0.0,),
                 name: str = "Countries (offline basemap)", src: str | None = None) -> None:
        super().__init__(name=name, overlay=False, control=True, show=True)
        self._name = "VectorBasemap"
        #: None with ``src``: the polygons come from :func:`basemap_script` served at ``src``, fetched after the
        #: map is up (the markers show while the browser loads and draws 1.1 MB of outlines).
        self.data = data
        self.src = src
        self.offsets = list(offsets)

    @property
    def data_var(self) -> str:
        return f"{self.get_name()}_data"

    def script_js(self) -> str:
        map_name = self._parent.get_name()
        style = {"color": "#a8a296", "weight": 0.6, "opacity": 1, "fillColor": "#f4f1e8", "fillOpacity": 1,
                 "className": "gv-basemap"}
        data_js = basemap_js(self.data) if self.data is not None else "null"
        js = (
            f"var {self.data_var} = {data_js};\n"
            f"if (!{map_name}.getPane('gvBase')) {{ var gvBasePane = {map_name}.createPane('gvBase');"
            f" gvBasePane.style.zIndex = 250; gvBasePane.style.pointerEvents = 'none'; }}\n"
            f"var {self.get_name()} = L.featureGroup({js_value(self.offsets)}.map(function (dx) {{\n"
            f"  return L.geoJSON({self.data_var}, {{pane: 'gvBase', interactive: false,\n"
            f"    style: function (f) {{ var s = {js_value(style)}; s.className += ' gv-iso-' + f.properties.iso;"
            f" return s; }},\n"
            f"    coordsToLatLng: function (c) {{ return L.latLng(c[1], c[0] + dx); }}}});\n"
            f"}}), {{attribution: {js_value(BASEMAP_ATTRIBUTION)}}});\n"
        )
        if self.data is None and self.src:
            # Loaded once per page (the global is shared), drawn into every copy when it arrives.
            js += (
                f"(function (group) {{\n"
                f"  var fill = function () {{ {self.data_var} = window.{BASEMAP_GLOBAL};"
                f" group.eachLayer(function (l) {{ l.addData({self.data_var}); }}); }};\n"
                f"  if (window.{BASEMAP_GLOBAL}) {{ fill(); return; }}\n"
                f"  var s = document.createElement('script'); s.src = {js_value(self.src)}; s.onload = fill;\n"
                f"  document.head.appendChild(s);\n"
                f"}})({self.get_name()});\n"
            )
        return js
