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
and a title panel that states the trip and the checks in words.

Offline (``offline=True``) the map needs nothing but the HTML file: Leaflet's
JS and CSS (and the CSS's images) come from the ``xstatic-leaflet`` package as
``data:`` URIs set on *this* Map instance (``default_js``/``default_css``; never
the module-wide lists), there are no tiles, and the bundled Natural Earth
country polygons are drawn as a vector basemap.

Why our own controls instead of ``folium.plugins`` Fullscreen, MeasureControl
and MiniMap: those plugins load their JS/CSS from CDNs (jsdelivr, cdnjs), which
breaks the offline file and would add third-party hosts to the standard one
(whose only network references must be Leaflet and the tiles). The three
controls below are ~150 lines of plain Leaflet, work the same in both modes,
and the measure tool computes distances on the WGS84 ellipsoid (Vincenty) so
it agrees with the claim checker to well under a kilometre.

Why not folium's ``Popup``/``Tooltip``: both paste their HTML into a JS
template literal (Popup additionally needs jQuery), where a backtick, ``${``
or a backslash in article text breaks out of the string. Every string that
reaches JS here goes through :func:`js_value` (JSON with ``< > & ' `` ` ``
U+2028 U+2029 escaped) and every text in HTML through :func:`escape_html`.
"""

from __future__ import annotations

import base64
import bisect
import functools
import html
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template
from folium.utilities import JsCode, camelize

from geoviz.geo.geodesy import distance_km, geodesic_line
from geoviz.nlp.text import sentences
from geoviz.scene import Scene

__all__ = [
    "BASEMAP_ATTRIBUTION",
    "BASEMAP_GLOBAL",
    "DATA_ATTRIBUTION",
    "KIND_STYLES",
    "LAYER_CLAIMS",
    "LAYER_EVENTS",
    "LAYER_PLACES",
    "LAYER_ROUTE",
    "LEAFLET_CSS_URL",
    "LEAFLET_JS_URL",
    "OSM_ATTRIBUTION",
    "OSM_TILES_URL",
    "VERDICT_STYLES",
    "basemap_script",
    "escape_html",
    "js_value",
    "marker_kind",
    "render",
]

# --------------------------------------------------------------------------
# Constants a test or the app may want to name
# --------------------------------------------------------------------------


def _folium_asset(assets: Sequence[tuple[str, str]], name: str) -> str:
    return dict(assets)[name]


#: Leaflet from the CDN folium itself uses (1.9.3, the version xstatic-leaflet ships).
LEAFLET_JS_URL = _folium_asset(folium.Map.default_js, "leaflet")
LEAFLET_CSS_URL = _folium_asset(folium.Map.default_css, "leaflet_css")
OSM_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
#: Where the place coordinates come from (both modes): the bundled gazetteer's sources.
DATA_ATTRIBUTION = "Places: GeoNames (CC BY 4.0), Natural Earth, airportsdata"
BASEMAP_ATTRIBUTION = "Countries: Natural Earth"

LAYER_PLACES = "Places"
LAYER_EVENTS = "Events"
LAYER_ROUTE = "Route"
LAYER_CLAIMS = "Distance claims"


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

_FIT_MAX_ZOOM = 9
_FOCUS_MIN_KM = 1500.0  # specific places this close to the story's core are fitted too
_RING_FIT_MAX_KM = 3000.0  # rings larger than this would zoom the map out to a continent: not fitted
_SENTENCES_PER_POPUP = 4
_SENTENCE_MAX_CHARS = 360
_BASEMAP_DECIMALS = 2  # 0.01 deg ~ 1 km: finer than the 0.04 deg simplification of the polygons


# --------------------------------------------------------------------------
# Escaping: every article string passes through one of these two
# --------------------------------------------------------------------------

_JS_UNSAFE = re.compile("[<>&'`\u2028\u2029]")
_JS_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027", "`": "\\u0060",
               "\u2028": "\\u2028", "\u2029": "\\u2029"}


def js_value(obj: Any) -> str:
    """``obj`` as a JS literal that is safe inside an inline ``<script>``.

    JSON already escapes quotes and backslashes; escaping ``<``/``>``/``&``
    keeps ``</script>`` and ``<!--`` out of the script element, the backtick
    keeps the output safe even if pasted into a template literal, and
    U+2028/2029 are line terminators in pre-2019 JS string literals.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JS_UNSAFE.sub(lambda m: _JS_ESCAPES[m.group()], text)


def escape_html(value: Any) -> str:
    """Text for an HTML element or a quoted attribute (``& < > " '`` escaped)."""
    return html.escape(str(value), quote=True)


# --------------------------------------------------------------------------
# Small folium elements that keep content out of folium's templates
# --------------------------------------------------------------------------


class _Script(MacroElement):
    """JS we generate, emitted in the map script after the parent object exists.

    ``build(parent_name)`` returns the code; every data value in it was
    serialised by :func:`js_value`.
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.build(this._parent.get_name()) }}{% endmacro %}")

    def __init__(self, build: Callable[[str], str]) -> None:
        super().__init__()
        self._name = "GeovizScript"
        self.build = build


def _bind_popup(parent: MacroElement, content_html: str, max_width: int = 340) -> None:
    """Attach a popup whose (already escaped) HTML travels as a JSON string, not a template literal."""
    options = {"maxWidth": max_width, "className": "gv-popup"}
    parent.add_child(_Script(lambda name: f"{name}.bindPopup({js_value(content_html)}, {js_value(options)});"))


def _bind_tooltip(parent: MacroElement, content_html: str, **options: Any) -> None:
    opts = {"direction": "top", "sticky": False, **options}
    parent.add_child(_Script(lambda name: f"{name}.bindTooltip({js_value(content_html)}, {js_value(opts)});"))


class _Marker(folium.Marker):
    """folium.Marker whose options (title, alt: article text) are serialised by :func:`js_value`.

    folium's own template uses JSON with ``<>&'`` escaped, which is safe in a
    script but leaves backticks raw; this keeps the page free of them.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = L.marker({{ this.location|tojson }}, "
        "{{ this.options_js() }}).addTo({{ this._parent.get_name() }});{% endmacro %}")

    def options_js(self) -> str:
        return js_value(self.options)


class _DivIcon(folium.DivIcon):
    """folium.DivIcon serialised by :func:`js_value` (its HTML holds place names)."""

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = L.divIcon({{ this.options_js() }});"
        "{% endmacro %}")

    def options_js(self) -> str:
        return js_value({camelize(k): v for k, v in self.options.items()})


class VectorBasemap(Layer):
    """The bundled country polygons as a Leaflet base layer: the offline map's only background.

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
        data_js = _data_js(self.data) if self.data is not None else "null"
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


# --------------------------------------------------------------------------
# Offline assets (xstatic-leaflet), read once per process
# --------------------------------------------------------------------------


def _data_uri(mime: str, payload: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


@functools.lru_cache(maxsize=1)
def offline_leaflet_assets() -> tuple[str, str]:
    """(leaflet.js, leaflet.css) as ``data:`` URIs from the installed xstatic-leaflet package.

    The CSS refers to ``images/layers.png`` etc. relative to itself, which a
    ``data:`` stylesheet cannot resolve: those images are inlined into the CSS
    first (the collapsed layer control's icon is one of them). The source-map
    comment is dropped so dev tools never try to fetch it.
    """
    import xstatic.pkg.leaflet as xleaflet

    base = Path(xleaflet.BASE_DIR)
    js = (base / "leaflet.js").read_bytes()
    js = re.sub(rb"\n//# sourceMappingURL=\S+\s*$", b"\n", js)
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(m: re.Match[str]) -> str:
        path = base / m.group(1)
        if not path.is_file():
            return m.group(0)
        return f"url({_data_uri('image/png', path.read_bytes())})"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)
    return _data_uri("text/javascript", js), _data_uri("text/css", css.encode("utf-8"))


@functools.lru_cache(maxsize=1)
def basemap_geojson() -> dict[str, Any]:
    """The gazetteer's simplified country polygons as a compact FeatureCollection (2 decimals)."""
    from shapely.geometry import mapping

    from geoviz.geo.gazetteer import default_gazetteer

    features = []
    for code, name, geom in default_gazetteer().basemap():
        polys = []
        for poly in _polygons(mapping(geom)):
            rings = [r for r in (_round_ring(ring) for ring in poly) if len(r) >= 4]
            if rings:
                polys.append(rings)
        if polys:
            features.append({"type": "Feature", "properties": {"iso": code, "name": name},
                             "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    return {"type": "FeatureCollection", "features": features}


#: The global that :func:`basemap_script` defines, for maps rendered with ``basemap_src``.
BASEMAP_GLOBAL = "geovizCountries"


def basemap_script() -> str:
    """The bundled country polygons as a script defining ``window.geovizCountries``, for a server to serve as a file.

    Why: the app shows many maps (each article, each edit), and inlining the
    1.1 MB of polygons into each made the server serialise and send them and
    the browser receive them every time; loaded by URL, the browser fetches
    them once and may cache them. The standalone HTML export keeps inlining.
    """
    return f"window.{BASEMAP_GLOBAL} = {_basemap_js()};\n"


def _data_js(data: dict[str, Any]) -> str:
    """js_value of the basemap, serialised once per process (1.2 MB of coordinates)."""
    if data is basemap_geojson():
        return _basemap_js()
    return js_value(data)


@functools.lru_cache(maxsize=1)
def _basemap_js() -> str:
    return js_value(basemap_geojson())


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


# --------------------------------------------------------------------------
# Reading the scene
# --------------------------------------------------------------------------


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


def _claim_dict(claim: Any) -> dict[str, Any]:
    """A claim as the documented dict, whether it is a geoviz.model.Claim, a plain dict or a dataclass-like."""
    if isinstance(claim, dict):
        return dict(claim)
    if hasattr(claim, "to_dict"):
        d = dict(claim.to_dict())
        # to_dict rounds for the JSON contract; labels round again, and rounding twice can disagree
        # with the checker's own explanation (1011.46 -> 1011.5 -> "1,012" vs "1,011").
        for key in ("stated_km", "computed_km", "computed_bearing", "tolerance_km"):
            if isinstance(getattr(claim, key, None), int | float):
                d[key] = getattr(claim, key)
        return d
    return {k: getattr(claim, k) for k in dir(claim) if not k.startswith("_") and not callable(getattr(claim, k))}


def _finite(lat: Any, lon: Any) -> bool:
    try:
        return math.isfinite(float(lat)) and math.isfinite(float(lon)) and -90 <= float(lat) <= 90
    except (TypeError, ValueError):
        return False


class _Frame:
    """One 360-degree window of longitudes centred on the story.

    Leaflet draws what it is given: a route Vladivostok -> Anchorage arrives
    with longitudes 131.9 ... 210.1 (unwrapped), so the Anchorage marker must
    be drawn at 210.1, not -149.9, or the line ends in the middle of the
    Pacific. Every coordinate is shifted into the window around the circular
    mean of the story's longitudes.
    """

    def __init__(self, lons: Sequence[float]) -> None:
        if lons:
            x = sum(math.cos(math.radians(v)) for v in lons)
            y = sum(math.sin(math.radians(v)) for v in lons)
            self.centre = math.degrees(math.atan2(y, x)) if (x or y) else 0.0
        else:
            self.centre = 0.0

    def lon(self, lon: float) -> float:
        if self.centre - 180.0 <= lon < self.centre + 180.0:
            return lon  # already inside: untouched, so no rounding noise
        return (lon - self.centre + 180.0) % 360.0 - 180.0 + self.centre

    def line(self, line: Sequence[Sequence[float]]) -> list[list[float]]:
        """Shift a continuous line by a whole number of turns so it starts inside the window."""
        if not line:
            return []
        shift = round((self.lon(float(line[0][1])) - float(line[0][1])) / 360.0) * 360.0
        return [[float(lat), float(lon) + shift] for lat, lon in line]


class _Text:
    """The article text with its sentence index, to quote the sentences a place is mentioned in."""

    def __init__(self, text: str) -> None:
        self.text = text or ""
        self.spans = sentences(self.text) if self.text else []
        self.starts = [s for s, _ in self.spans]

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def marked(self, spans: Iterable[Any], limit: int = _SENTENCES_PER_POPUP) -> tuple[list[str], int]:
        """HTML of the sentences holding ``spans`` (mentions in ``<mark>``), and how many were left out."""
        groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for sp in spans:
            start, end = int(getattr(sp, "start", -1)), int(getattr(sp, "end", -1))
            if not 0 <= start < end <= len(self.text):
                continue  # offsets from an edited scene that no longer fit the text: nothing to quote
            sent = self.sentence_of(start)
            if sent is not None:
                groups.setdefault(sent, []).append((start, min(end, sent[1])))
        ordered = sorted(groups.items())
        return [self._mark(s, e, marks) for (s, e), marks in ordered[:limit]], max(0, len(ordered) - limit)

    def _mark(self, s: int, e: int, marks: list[tuple[int, int]]) -> str:
        marks = sorted(set(marks))
        if e - s > _SENTENCE_MAX_CHARS:  # a run-on sentence: a window around the first mention
            lo = max(s, marks[0][0] - _SENTENCE_MAX_CHARS // 2)
            hi = min(e, lo + _SENTENCE_MAX_CHARS)
            marks = [(a, b) for a, b in marks if a >= lo and b <= hi]
            prefix, suffix = ("\u2026" if lo > s else ""), ("\u2026" if hi < e else "")
            s, e = lo, hi
        else:
            prefix = suffix = ""
        out, pos = [escape_html(prefix)], s
        for a, b in marks:
            if a < pos:
                continue
            out += [escape_html(self.text[pos:a]), "<mark>", escape_html(self.text[a:b]), "</mark>"]
            pos = b
        out += [escape_html(self.text[pos:e]), escape_html(suffix)]
        return "".join(out)


def _mark_phrase(sentence: str, phrase: str) -> str:
    """The sentence as HTML with the first occurrence of ``phrase`` in ``<mark>`` (case-insensitive)."""
    i = sentence.lower().find(phrase.lower()) if phrase else -1
    if i < 0:
        return escape_html(sentence)
    j = i + len(phrase)
    return f"{escape_html(sentence[:i])}<mark>{escape_html(sentence[i:j])}</mark>{escape_html(sentence[j:])}"


def _km(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.1f}"


def _coords(lat: float, lon: float) -> str:
    lon = (lon + 180.0) % 360.0 - 180.0
    return f"{abs(lat):.4f}\u00b0\u202f{'N' if lat >= 0 else 'S'}, {abs(lon):.4f}\u00b0\u202f{'E' if lon >= 0 else 'W'}"


# --------------------------------------------------------------------------
# The renderer
# --------------------------------------------------------------------------


class _Renderer:
    def __init__(self, scene: Scene, offline: bool, title: str | None, gazetteer: Any, *,
                 basemap_src: str | None = None, minimap: bool = True) -> None:
        self.scene = scene
        self.offline = offline
        self.basemap_src = basemap_src
        self.minimap = minimap
        self.title = title if title is not None else _default_title(scene)
        self.gaz = gazetteer or None
        self.text = _Text(scene.source_text)
        self.places = {p.id: p for p in scene.places if _finite(p.lat, p.lon)}
        self.claims = [_claim_dict(c) for c in scene.claims]
        self.frame = _Frame([float(p.lon) for p in self._focus_places()])
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
        centre = _Frame([float(p.lon) for p in core]).centre
        lat0 = sum(float(p.lat) for p in core) / len(core)
        reach = max(_FOCUS_MIN_KM, 1.5 * max(distance_km((lat0, centre), (p.lat, p.lon)) for p in core))
        near = [p for p in specific if p not in core and distance_km((lat0, centre), (p.lat, p.lon)) <= reach]
        return core + near

    def country_name(self, code: str) -> str:
        if not code:
            return ""
        if self.gaz is not None:
            try:
                entry = self.gaz.country(code)
            except Exception:  # a damaged or absent store must not stop the map  # noqa: BLE001
                entry = None
            if entry is not None:
                return f"{entry.name} ({code})"
        return code

    def point_of(self, entry_id: str | None) -> tuple[float, float, str] | None:
        """(lat, lon, name) of a claim end: a scene place, else the gazetteer entry of that id."""
        if not entry_id:
            return None
        p = self.places.get(entry_id)
        if p is not None:
            return float(p.lat), float(p.lon), p.name
        if self.gaz is not None:
            try:
                e = self.gaz.get(entry_id)
            except Exception:  # noqa: BLE001
                e = None
            if e is not None and _finite(e.lat, e.lon):
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
        self.bounds = _bounds(focus)
        centre = _centre(self.bounds) if self.bounds else [20.0, 0.0]
        m = folium.Map(location=centre, zoom_start=4, tiles=None, control_scale=True, prefer_canvas=False,
                       world_copy_jump=False)
        m.get_root().title = escape_html(self.title)
        self._assets(m)

        places = folium.FeatureGroup(name=LAYER_PLACES, overlay=True, control=True, show=True)
        events = folium.FeatureGroup(name=LAYER_EVENTS, overlay=True, control=True, show=True)
        route = folium.FeatureGroup(name=LAYER_ROUTE, overlay=True, control=True, show=True)
        claims = folium.FeatureGroup(name=LAYER_CLAIMS, overlay=True, control=True, show=True)
        self._draw_claims(claims)  # drawn first: rings are big, everything else sits on top
        self._draw_routes(route)
        self._draw_places(places)
        self._draw_events(events)

        if self.offline:
            offsets = [0.0] + ([360.0] if self.max_abs_lon > 180 and self.frame.centre > 0 else []) + (
                [-360.0] if self.max_abs_lon > 180 and self.frame.centre < 0 else [])
            basemap = VectorBasemap(None if self.basemap_src else basemap_geojson(), offsets, src=self.basemap_src)
            basemap.add_to(m)
            minimap: dict[str, Any] | None = {"basemap": basemap.data_var}
        else:
            folium.TileLayer(tiles=OSM_TILES_URL, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19,
                             overlay=False, control=True).add_to(m)
            minimap = {"tiles": OSM_TILES_URL}
        # Claims before the route so the route line is drawn over the rings; markers have their own pane.
        for group in (places, events, claims, route):
            group.add_to(m)
        m.add_child(_Script(lambda name: _panels_js(name, self._info_html(), self._legend_html())))
        order = js_value([LAYER_PLACES, LAYER_EVENTS, LAYER_ROUTE, LAYER_CLAIMS])
        folium.LayerControl(position="topright", collapsed=True, sortLayers=True, sortFunction=JsCode(
            f"function (a, b, na, nb) {{ var o = {order}; return o.indexOf(na) - o.indexOf(nb); }}")).add_to(m)
        opts = {"bounds": self.bounds or None, "maxZoom": _FIT_MAX_ZOOM, "offline": self.offline,
                "minimap": minimap if self.minimap else None, "attribution": DATA_ATTRIBUTION}
        m.add_child(_Script(lambda name: _controls_js(name, opts)))
        return m

    def _assets(self, m: folium.Map) -> None:
        """Leaflet only (no jQuery, Bootstrap, awesome-markers: nothing here uses them)."""
        if self.offline:
            js, css = offline_leaflet_assets()
        else:
            js, css = LEAFLET_JS_URL, LEAFLET_CSS_URL
        m.default_js = [("leaflet", js)]
        m.default_css = [("leaflet_css", css)]
        m.get_root().header.add_child(Element(f"<style>{_CSS}</style>"), name="geoviz_css")

    # -- places --------------------------------------------------------------------------------

    def _draw_places(self, group: folium.FeatureGroup) -> None:
        for p in self.places.values():
            kind = marker_kind(p)
            self.used_kinds.add(kind)
            style = KIND_STYLES[kind]
            label = escape_html(p.name)
            icon_html = (f'<div class="gv-pin" data-kind="{kind}">{style.svg}'
                         f'<span class="gv-label gv-label-{kind}">{label}</span></div>')
            marker = _Marker(self.at(p.lat, p.lon), title=str(p.name), alt=str(p.name), riseOnHover=True,
                             zIndexOffset=100 if kind in ("city", "facility") else 0,
                             icon=_DivIcon(html=icon_html, icon_size=(14, 14), icon_anchor=(7, 7),
                                           class_name=f"gv-marker gv-place gv-kind-{kind}"))
            _bind_popup(marker, self._place_popup(p, kind))
            marker.add_to(group)

    def _place_popup(self, p: Any, kind: str) -> str:
        style = KIND_STYLES[kind]
        rows = [("Kind", f"{p.kind}{' (used for its government)' if p.metonym else ''}"),
                ("Country", self.country_name(p.country)),
                ("Coordinates", _coords(float(p.lat), float(p.lon))),
                ("Confidence", f"{float(p.confidence):.0%}")]
        if getattr(p, "admin1", ""):
            rows.insert(2, ("Province", p.admin1))
        quotes, more = self.text.marked(p.mentions)
        parts = [f'<div class="gv-pop-title" style="border-color:{style.colour}">{escape_html(p.name)}</div>',
                 _rows_html(rows)]
        reason = getattr(p, "reason", None)
        implied = reason.get("implied") if isinstance(reason, dict) else None
        if implied:
            parts.append(f'<div class="gv-note">Not named in the text: {escape_html(implied)}</div>')
        if quotes:
            n = len(quotes) + more
            parts.append(f'<div class="gv-pop-sub">Mentioned in {n} sentence{"s" if n != 1 else ""}:</div>')
            parts += [f'<blockquote class="gv-quote">{q}</blockquote>' for q in quotes]
            if more:
                parts.append(f'<div class="gv-note">and {more} more</div>')
        alts = [a for a in getattr(p, "alternatives", [])[:3] if getattr(a, "entry", None) is not None]
        if alts:
            names = ", ".join(f"{escape_html(a.entry.name)} ({escape_html(a.entry.country)})" for a in alts)
            parts.append(f'<div class="gv-note">Other readings: {names}</div>')
        return "".join(parts)

    # -- events --------------------------------------------------------------------------------

    def _draw_events(self, group: folium.FeatureGroup) -> None:
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
            icon_html = (f'<div class="gv-event-pin" data-type="{etype}"><svg width="22" height="28" '
                         f'viewBox="0 0 22 28"><path d="M11 27 C11 27 2 16.5 2 10.5 A9 9 0 1 1 20 10.5 '
                         f'C20 16.5 11 27 11 27 Z" fill="{EVENT_COLOUR}" stroke="#fff" stroke-width="1.6"/>'
                         f'<text x="11" y="14.5" text-anchor="middle" font-size="11" font-weight="700" '
                         f'fill="#fff" font-family="sans-serif">{EVENT_LETTERS[etype]}</text></svg></div>')
            # Several events at one place fan out sideways so no pin hides another.
            dx = 11 + 16 * k - 8 * (k > 0)
            marker = _Marker(self.at(p.lat, p.lon), title=title, alt=title, zIndexOffset=500,
                             icon=_DivIcon(html=icon_html, icon_size=(22, 28), icon_anchor=(dx, 30),
                                           class_name=f"gv-marker gv-event gv-event-{etype}"))
            _bind_tooltip(marker, escape_html(title), offset=[0, -26])
            _bind_popup(marker, self._event_popup(e, p, etype))
            marker.add_to(group)

    def _event_popup(self, e: Any, p: Any, etype: str) -> str:
        rows = [("Type", EVENT_LABELS[etype]), ("Where", p.name)]
        if e.date and e.date_label:
            rows.append(("When", f"{e.date} ({e.date_label})"))
        elif e.date or e.date_label:
            rows.append(("When", e.date or e.date_label))
        if e.actors:
            rows.append(("Who", ", ".join(e.actors)))
        rows.append(("Certainty", f"{float(e.certainty):.0%}"))
        sentence = e.sentence or e.summary
        return (f'<div class="gv-pop-title" style="border-color:{EVENT_COLOUR}">'
                f'{escape_html(e.summary or EVENT_LABELS[etype])}</div>{_rows_html(rows)}'
                f'<blockquote class="gv-quote">{_mark_phrase(sentence, e.trigger)}</blockquote>')

    # -- routes --------------------------------------------------------------------------------

    def _draw_routes(self, group: folium.FeatureGroup) -> None:
        for r in self.scene.routes:
            stops = [s for s in r.stops if _finite(s.lat, s.lon)]
            if len(stops) < 2:
                continue
            for i, leg in enumerate(r.legs):
                raw = leg.line or [[stops[i].lat, stops[i].lon], [stops[i + 1].lat, stops[i + 1].lon]]
                line = self.line(raw)
                implied = bool(getattr(stops[i], "implied", False)) if i < len(stops) else False
                # A white casing under the coloured line keeps it legible over borders and tiles.
                folium.PolyLine(line, color="#ffffff", weight=8, opacity=0.9, class_name="gv-route-casing",
                                interactive=False).add_to(group)
                pl = folium.PolyLine(line, color=ROUTE_COLOUR, weight=4.5, opacity=0.95,
                                     dash_array="9 7" if implied else None, class_name="gv-route")
                leg_text = " · ".join(x for x in (leg.mode or "", f"{_km(leg.distance_km)} km") if x)
                _bind_tooltip(pl, escape_html(f"Leg {i + 1}: {stops[i].name} \u2192 {stops[i + 1].name}, "
                                              f"{leg_text}"), sticky=True)
                _bind_popup(pl, self._route_popup(r))
                pl.add_to(group)
                mid, side = _label_spot(line, 0.5, ("left", "above"))
                html_label = f'<span class="gv-tag gv-side-{side} gv-leg-label">{escape_html(leg_text)}</span>'
                _Marker(mid, interactive=False, keyboard=False, zIndexOffset=300,
                        icon=_DivIcon(html=html_label, icon_size=(0, 0), icon_anchor=(0, 0),
                                      class_name="gv-marker gv-leg")).add_to(group)
            for n, s in enumerate(stops, 1):
                badge = (f'<span class="gv-stop-num{" gv-implied" if getattr(s, "implied", False) else ""}">'
                         f'{n}</span>')
                title = f"Stop {n}: {s.name}"
                marker = _Marker(self.at(s.lat, s.lon), title=title, alt=title, zIndexOffset=400,
                                 icon=_DivIcon(html=badge, icon_size=(20, 20), icon_anchor=(29, 10),
                                               class_name="gv-marker gv-stop"))
                _bind_popup(marker, self._route_popup(r))
                marker.add_to(group)
            self.bounds = _bounds(self.bounds + [self.at(s.lat, s.lon) for s in stops])

    def _route_popup(self, r: Any) -> str:
        items = []
        stops = list(r.stops)
        for n, s in enumerate(stops, 1):
            bits = [escape_html(s.name)]
            if getattr(s, "date", None) or getattr(s, "date_label", None):
                bits.append(escape_html(s.date or s.date_label))
            if n > 1 and n - 2 < len(r.legs):
                leg = r.legs[n - 2]
                bits.append(escape_html(" · ".join(x for x in (leg.mode or "", f"{_km(leg.distance_km)} km") if x)))
            if getattr(s, "implied", False):
                bits.append(f'<i>implied: {escape_html(s.reason or "not named as a stop")}</i>')
            items.append(f"<li>{' — '.join(bits)}</li>")
        who = f"{r.traveller}'s journey" if r.traveller else "Journey"
        mode = f", by {r.mode}" if r.mode else ""
        return (f'<div class="gv-pop-title" style="border-color:{ROUTE_COLOUR}">{escape_html(who + mode)}</div>'
                f'<ol class="gv-stops">{"".join(items)}</ol>'
                f'<div class="gv-note">{_km(r.distance_km)} km along the geodesic between the stops</div>')

    # -- claims --------------------------------------------------------------------------------

    def _draw_claims(self, group: folium.FeatureGroup) -> None:
        for c in self.claims:
            verdict = c.get("verdict") if c.get("verdict") in VERDICT_STYLES else "unresolved"
            self.used_verdicts.add(verdict)
            vs = VERDICT_STYLES[verdict]
            subject, anchor = self.point_of(c.get("subject_id")), self.point_of(c.get("anchor_id"))
            border_role = next((role for role in ("anchor", "subject")
                                if str(c.get(role) or "").endswith(" border") or
                                (c.get("relation") == "border" and role == "anchor")), None)
            popup = self._claim_popup(c, vs)
            stated = c.get("stated_km")
            # The ring is centred on the end that is a point; for a border claim that is the other end.
            centre = anchor
            if border_role == "anchor":
                centre, anchor = subject, None
            elif border_role == "subject":
                subject = None
            if centre is not None and isinstance(stated, int | float) and stated > 0:
                loc = self.at(centre[0], centre[1])
                ring = folium.Circle(loc, radius=float(stated) * 1000.0, color=vs.colour, weight=2.2, opacity=0.9,
                                     dash_array="7 6", fill=True, fill_color=vs.colour, fill_opacity=0.05,
                                     class_name=f"gv-claim-ring gv-verdict-{verdict}")
                ring_text = (f"{self._stated(c)} from {c.get('anchor') or centre[2]}" if border_role is None
                             else f"{self._stated(c)} ring around {centre[2]}: the border should touch it")
                _bind_tooltip(ring, escape_html(ring_text), sticky=True)
                _bind_popup(ring, popup)
                ring.add_to(group)
                if float(stated) <= _RING_FIT_MAX_KM:
                    self.bounds = _bounds(self.bounds + _ring_box(loc, float(stated)))
                # The ring's own label sits on its far side from the subject, so the two labels never meet.
                bearing = float(c.get("computed_bearing") or 0.0) + 180.0 if subject is not None else 180.0
                label_at = _destination(centre[0], centre[1], bearing, float(stated))
                ring_label = f'<span class="gv-tag gv-ring-label" style="border-color:{vs.colour}">' \
                             f'{escape_html(ring_text)}</span>'
                _Marker(self.at(*label_at), interactive=False, keyboard=False, zIndexOffset=200,
                        icon=_DivIcon(html=ring_label, icon_size=(0, 0), icon_anchor=(0, 0),
                                      class_name="gv-marker gv-claim-label")).add_to(group)
            for end, role in ((anchor, "anchor"), (subject, "subject")):
                if end is not None:
                    dot = folium.CircleMarker(self.at(end[0], end[1]), radius=6 if role == "anchor" else 5,
                                              color=vs.colour, weight=2.5, fill=True,
                                              fill_color="#fff" if role == "anchor" else vs.colour, fill_opacity=1,
                                              class_name=f"gv-claim-{role}")
                    _bind_tooltip(dot, escape_html(f"Claim {role}: {end[2]}"))
                    _bind_popup(dot, popup)
                    dot.add_to(group)
            if anchor is not None and subject is not None:
                line = self.line([list(p) for p in geodesic_line(anchor[:2], subject[:2], step_km=50.0)])
                pl = folium.PolyLine(line, color=vs.colour, weight=3, opacity=0.95, dash_array="2 7",
                                     class_name=f"gv-claim-line gv-verdict-{verdict}")
                _bind_popup(pl, popup)
                pl.add_to(group)
                measured = c.get("computed_km")
                text = f"{vs.symbol} measured {_km(measured)} km · stated {self._stated(c)}"
                mid, side = _label_spot(line, 0.4, ("right", "below"))
                label = (f'<span class="gv-tag gv-side-{side} gv-claim-tag" '
                         f'style="border-color:{vs.colour};color:{vs.colour}">'
                         f'{escape_html(text)}</span>')
                _Marker(mid, interactive=False, keyboard=False, zIndexOffset=300,
                        icon=_DivIcon(html=label, icon_size=(0, 0), icon_anchor=(0, 0),
                                      class_name="gv-marker gv-claim-label")).add_to(group)
                self.bounds = _bounds(self.bounds + [self.at(anchor[0], anchor[1]), self.at(subject[0], subject[1])])

    @staticmethod
    def _stated(c: dict[str, Any]) -> str:
        hedge = "~" if c.get("hedge") else ""
        rng = c.get("stated_range")
        if isinstance(rng, list | tuple) and len(rng) == 2 and rng[0] is not None and rng[1] is not None:
            return f"{_km(rng[0])}\u2013{_km(rng[1])} km"
        return f"{hedge}{_km(c.get('stated_km'))} km"

    def _claim_popup(self, c: dict[str, Any], vs: VerdictStyle) -> str:
        a, b = int(c.get("start") or 0), int(c.get("end") or 0)
        phrase = self.text.text[a:b] if 0 <= a < b <= len(self.text.text) else ""
        rows = [("Subject", c.get("subject") or "?"), ("Anchor", c.get("anchor") or "?"),
                ("Stated", self._stated(c)), ("Measured", f"{_km(c.get('computed_km'))} km (WGS84 geodesic)")]
        if c.get("tolerance_km") is not None:
            rows.append(("Tolerance", f"\u00b1{_km(c.get('tolerance_km'))} km"))
        return (f'<div class="gv-pop-title" style="border-color:{vs.colour}">Distance check: '
                f'<span class="gv-verdict" style="background:{vs.colour}">{escape_html(vs.symbol)} '
                f'{escape_html(vs.label)}</span></div>{_rows_html(rows)}'
                f'<div class="gv-note">{escape_html(c.get("explanation") or c.get("reason") or "")}</div>'
                f'<blockquote class="gv-quote">{_mark_phrase(str(c.get("sentence") or ""), phrase)}</blockquote>')

    # -- panels --------------------------------------------------------------------------------

    def _info_html(self) -> str:
        """The title panel: the story in words, so the map reads without opening a popup."""
        parts = [f'<div class="gv-title">{escape_html(self.title)}</div>']
        n_places, n_events = len(self.places), len(self.scene.events)
        parts.append(f'<div class="gv-sub">{n_places} place{"s" if n_places != 1 else ""} · {n_events} '
                     f'event{"s" if n_events != 1 else ""} from the article · click a marker for its sentences</div>')
        for r in self.scene.routes:
            if len(r.stops) < 2:
                continue
            who = f"{r.traveller}'s journey" if r.traveller else "Journey"
            mode = f" by {r.mode}" if r.mode else ""
            stops = " \u2192 ".join(
                f'<span class="gv-stop-num gv-inline{" gv-implied" if getattr(s, "implied", False) else ""}">{n}'
                f'</span>\u00a0{escape_html(s.name)}{" <i>(implied)</i>" if getattr(s, "implied", False) else ""}'
                for n, s in enumerate(r.stops, 1))
            parts.append(f'<div class="gv-sec"><span class="gv-key" style="background:{ROUTE_COLOUR}"></span>'
                         f'<b>{escape_html(who + mode)}</b>, {_km(r.distance_km)} km<br>{stops}</div>')
        for c in self.claims:
            verdict = c.get("verdict") if c.get("verdict") in VERDICT_STYLES else "unresolved"
            vs = VERDICT_STYLES[verdict]
            ends = " \u2194 ".join(escape_html(x) for x in (c.get("subject"), c.get("anchor")) if x)
            measured = (f"; measured {_km(c.get('computed_km'))} km" if c.get("computed_km") is not None else "")
            parts.append(f'<div class="gv-sec"><span class="gv-verdict" style="background:{vs.colour}">'
                         f'{escape_html(vs.symbol)} {escape_html(vs.label)}</span> '
                         f'<b>Stated {escape_html(self._stated(c))}'
                         f'</b> {ends}{escape_html(measured)}</div>')
        return f'<details open class="gv-details"><summary>About this map</summary>{"".join(parts)}</details>'

    def _legend_html(self) -> str:
        rows = []
        for kind in KIND_STYLES:
            if kind in self.used_kinds:
                rows.append(f'<div class="gv-leg-row">{KIND_STYLES[kind].svg}<span>'
                            f'{escape_html(KIND_STYLES[kind].label)}</span></div>')
        if self.used_events:
            letters = ", ".join(f"{EVENT_LETTERS[t]} {EVENT_LABELS[t]}" for t in EVENT_LETTERS if t in self.used_events)
            rows.append(f'<div class="gv-leg-row"><svg width="14" height="18" viewBox="0 0 22 28"><path d="M11 27 '
                        f'C11 27 2 16.5 2 10.5 A9 9 0 1 1 20 10.5 C20 16.5 11 27 11 27 Z" fill="{EVENT_COLOUR}"/>'
                        f'</svg><span>Event ({escape_html(letters)})</span></div>')
        if any(len(r.stops) >= 2 for r in self.scene.routes):
            rows.append(f'<div class="gv-leg-row"><svg width="22" height="10"><line x1="1" y1="5" x2="21" y2="5" '
                        f'stroke="{ROUTE_COLOUR}" stroke-width="4"/></svg><span>Journey, numbered stops '
                        f'(dashed: from an implied start)</span></div>')
        for v in VERDICT_STYLES:
            if v in self.used_verdicts:
                vs = VERDICT_STYLES[v]
                rows.append(f'<div class="gv-leg-row"><svg width="22" height="14"><circle cx="11" cy="7" r="5.5" '
                            f'fill="none" stroke="{vs.colour}" stroke-width="2" stroke-dasharray="3 2"/></svg>'
                            f'<span>Stated distance, {escape_html(vs.label)}</span></div>')
        if not rows:
            return ""
        return f'<details open><summary class="gv-legend-title">Legend</summary>{"".join(rows)}</details>'


def _rows_html(rows: Sequence[tuple[str, Any]]) -> str:
    cells = "".join(f"<tr><th>{escape_html(k)}</th><td>{escape_html(v)}</td></tr>" for k, v in rows if v not in
                    (None, ""))
    return f'<table class="gv-rows">{cells}</table>'


def _label_spot(line: Sequence[Sequence[float]], fraction: float, sides: tuple[str, str]) -> tuple[list[float], str]:
    """Where along a line to put its label, and on which side of it.

    Route legs and claim lines often run side by side (both end at the same
    place); leg labels go left of (or above) their line and claim labels right
    of (or below) theirs, at different fractions, so the two never stack.
    """
    i = min(len(line) - 1, max(0, round((len(line) - 1) * fraction)))
    a, b = line[max(0, i - 1)], line[min(len(line) - 1, i + 1)]
    dx = (float(b[1]) - float(a[1])) * math.cos(math.radians(float(line[i][0])))
    dy = float(b[0]) - float(a[0])
    return [float(line[i][0]), float(line[i][1])], sides[0] if abs(dy) >= abs(dx) else sides[1]


def _bounds(points: Sequence[Sequence[float]]) -> list[list[float]]:
    if not points:
        return []
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _centre(bounds: list[list[float]]) -> list[float]:
    return [(bounds[0][0] + bounds[1][0]) / 2.0, (bounds[0][1] + bounds[1][1]) / 2.0]


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` along ``bearing`` from (lat, lon) on the WGS84 ellipsoid (for ring labels)."""
    from geopy.distance import geodesic

    p = geodesic(kilometers=km).destination((lat, lon), bearing)
    return float(p.latitude), float(p.longitude)


def _ring_box(centre: Sequence[float], km: float) -> list[list[float]]:
    """Two corners bounding a ring of ``km`` around ``centre`` (enough to fit it in view)."""
    dlat = km / 111.2
    dlon = km / max(1.0, 111.3 * math.cos(math.radians(min(85.0, abs(centre[0])))))
    return [[max(-85.0, centre[0] - dlat), centre[1] - dlon], [min(85.0, centre[0] + dlat), centre[1] + dlon]]


def _default_title(scene: Scene) -> str:
    from geoviz.export import article_title

    return article_title(scene)


# --------------------------------------------------------------------------
# Our JS and CSS (static text; data is passed in through js_value only)
# --------------------------------------------------------------------------


def _panels_js(map_name: str, info_html: str, legend_html: str) -> str:
    return (_PANELS_JS.replace("__MAP__", map_name)
            .replace("__INFO__", js_value(info_html)).replace("__LEGEND__", js_value(legend_html)))


def _controls_js(map_name: str, opts: dict[str, Any]) -> str:
    return _CONTROLS_JS.replace("__MAP__", map_name).replace("__OPTS__", js_value(opts))


_PANELS_JS = """
(function (map, infoHtml, legendHtml) {
  function panel(position, cls, html) {
    if (!html) { return null; }
    var Panel = L.Control.extend({options: {position: position}, onAdd: function () {
      var div = L.DomUtil.create("div", cls);
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    }});
    return new Panel().addTo(map);
  }
  map.geovizInfo = panel("topright", "gv-info leaflet-bar", infoHtml);
  map.geovizLegend = panel("bottomleft", "gv-legend leaflet-bar", legendHtml);
})(__MAP__, __INFO__, __LEGEND__);
"""

_CONTROLS_JS = """
(function (map, opts) {
  "use strict";
  var container = map.getContainer();
  if (opts.offline) { container.classList.add("gv-offline"); }
  if (map.attributionControl) { map.attributionControl.addAttribution(opts.attribution); }

  function stop(e) { L.DomEvent.stopPropagation(e); L.DomEvent.preventDefault(e); }
  function button(bar, cls, title, svg, onClick) {
    var a = L.DomUtil.create("a", cls, bar);
    a.href = "#";
    a.title = title;
    a.setAttribute("role", "button");
    a.setAttribute("aria-label", title);
    a.innerHTML = svg;
    L.DomEvent.on(a, "click", function (e) { stop(e); onClick(a); });
    return a;
  }

  // Full screen: the Fullscreen API, or a fixed-position fallback inside iframes that forbid it.
  function toggleFullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); return; }
    if (container.classList.contains("gv-pseudo-fullscreen")) {
      container.classList.remove("gv-pseudo-fullscreen"); map.invalidateSize(); return;
    }
    var fallback = function () { container.classList.add("gv-pseudo-fullscreen"); map.invalidateSize(); };
    if (container.requestFullscreen) { container.requestFullscreen().catch(fallback); } else { fallback(); }
  }
  document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });

  // Distances on the WGS84 ellipsoid (Vincenty), so the tool agrees with the claim checker.
  function haversineKm(p, q) {
    var r = Math.PI / 180, dLat = (q.lat - p.lat) * r, dLon = (q.lng - p.lng) * r;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(p.lat * r) * Math.cos(q.lat * r) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  function geodesicKm(p, q) {
    var a = 6378137, f = 1 / 298.257223563, b = a * (1 - f), r = Math.PI / 180;
    var dLon = (q.lng - p.lng) * r;
    var U1 = Math.atan((1 - f) * Math.tan(p.lat * r)), U2 = Math.atan((1 - f) * Math.tan(q.lat * r));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = dLon, lambdaP, iter = 0, sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM, sinAlpha, C;
    do {
      var sinL = Math.sin(lambda), cosL = Math.cos(lambda);
      sinSigma = Math.sqrt(Math.pow(cosU2 * sinL, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
      if (sinSigma === 0) { return 0; }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
      sigma = Math.atan2(sinSigma, cosSigma);
      sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
      cosSqAlpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cosSqAlpha !== 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0;
      C = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
      lambdaP = lambda;
      lambda = dLon + (1 - C) * f * sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    } while (Math.abs(lambda - lambdaP) > 1e-12 && ++iter < 200);
    if (iter >= 200) { return haversineKm(p, q); }  // nearly antipodal: Vincenty does not converge
    var uSq = cosSqAlpha * (a * a - b * b) / (b * b);
    var A = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    var B = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    var dSigma = B * sinSigma * (cos2SigmaM + B / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
      B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return b * A * (sigma - dSigma) / 1000;
  }
  // Great-circle points between two clicks, so a long measured line is drawn as the curve it measures.
  function arc(p, q) {
    var r = Math.PI / 180, n = Math.max(1, Math.ceil(haversineKm(p, q) / 100)), out = [];
    var f1 = p.lat * r, l1 = p.lng * r, f2 = q.lat * r, l2 = q.lng * r;
    var v1 = [Math.cos(f1) * Math.cos(l1), Math.cos(f1) * Math.sin(l1), Math.sin(f1)];
    var v2 = [Math.cos(f2) * Math.cos(l2), Math.cos(f2) * Math.sin(l2), Math.sin(f2)];
    var d = Math.acos(Math.max(-1, Math.min(1, v1[0] * v2[0] + v1[1] * v2[1] + v1[2] * v2[2])));
    var prevLng = p.lng;
    for (var i = 0; i <= n; i++) {
      var t = i / n, s = Math.sin(d), ka = s ? Math.sin((1 - t) * d) / s : 1 - t, kb = s ? Math.sin(t * d) / s : t;
      var x = ka * v1[0] + kb * v2[0], y = ka * v1[1] + kb * v2[1], z = ka * v1[2] + kb * v2[2];
      var lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / r, lng = Math.atan2(y, x) / r;
      while (lng - prevLng > 180) { lng -= 360; }
      while (lng - prevLng < -180) { lng += 360; }
      prevLng = lng;
      out.push([lat, lng]);
    }
    return out;
  }
  function fmt(km) {
    return km.toLocaleString("en-US", {maximumFractionDigits: km >= 100 ? 0 : 1});
  }
  var measure = {on: false, pts: [], layer: L.layerGroup(), button: null};
  function drawMeasure() {
    var pts = measure.pts, total = 0, line = [];
    measure.layer.clearLayers();
    for (var i = 0; i < pts.length; i++) {
      if (i > 0) { total += geodesicKm(pts[i - 1], pts[i]); line = line.concat(arc(pts[i - 1], pts[i])); }
      L.circleMarker(pts[i], {radius: 4, color: "#111", weight: 2, fillColor: "#fff", fillOpacity: 1,
        interactive: false, className: "gv-measure-point"}).addTo(measure.layer);
    }
    if (line.length) {
      L.polyline(line, {color: "#111", weight: 2.5, dashArray: "6 5", interactive: false,
        className: "gv-measure-line"}).addTo(measure.layer);
    }
    var last = pts[pts.length - 1];
    var text = pts.length > 1 ? fmt(total) + " km \\u00b7 " + fmt(total / 1.609344) + " mi" : "click the next point";
    L.marker(last, {interactive: false, keyboard: false, icon: L.divIcon({className: "gv-marker gv-measure-label",
      iconSize: [0, 0], html: "<span class=\\"gv-tag gv-side-right\\">" + text + "</span>"})}).addTo(measure.layer);
    container.setAttribute("data-measure-km", total.toFixed(3));
  }
  function toggleMeasure(btn) {
    measure.on = !measure.on;
    btn.classList.toggle("gv-active", measure.on);
    container.classList.toggle("gv-measuring", measure.on);
    measure.pts = [];
    measure.layer.clearLayers();
    if (measure.on) { map.closePopup(); measure.layer.addTo(map); map.doubleClickZoom.disable(); }
    else { measure.layer.remove(); map.doubleClickZoom.enable(); }
  }
  map.on("click", function (e) {
    if (!measure.on) { return; }
    measure.pts.push(e.latlng);
    drawMeasure();
  });
  map.on("keydown", function (e) {
    if (measure.on && e.originalEvent.key === "Escape") { toggleMeasure(measure.button); }
  });
  map.geovizMeasureKm = geodesicKm;

  var Tools = L.Control.extend({options: {position: "topleft"}, onAdd: function () {
    var bar = L.DomUtil.create("div", "leaflet-bar gv-tools");
    button(bar, "gv-fullscreen", "Full screen",
      '<svg width="16" height="16" viewBox="0 0 16 16"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" ' +
      'fill="none" stroke="#222" stroke-width="2"/></svg>', toggleFullscreen);
    measure.button = button(bar, "gv-measure", "Measure a distance: click points on the map, click here to stop",
      '<svg width="18" height="18" viewBox="0 0 18 18"><g transform="rotate(-45 9 9)"><rect x="1" y="6" ' +
      'width="16" height="6" fill="#fff" stroke="#222" stroke-width="1.5"/><path d="M4 6v3M7 6v2M10 6v3M13 6v2" ' +
      'stroke="#222" stroke-width="1.2"/></g></svg>', toggleMeasure);
    L.DomEvent.disableClickPropagation(bar);
    return bar;
  }});
  new Tools().addTo(map);

  // Fit the story, leaving room for the title panel on the right.
  function fit() {
    if (!opts.bounds) { map.setView([20, 0], 2); return; }
    var info = map.geovizInfo ? map.geovizInfo.getContainer() : null;
    var size = map.getSize();
    var right = info ? Math.min(info.offsetWidth + 30, size.x * 0.45) : 40;
    map.fitBounds(opts.bounds, {paddingTopLeft: [60, 40], paddingBottomRight: [right, 60], maxZoom: opts.maxZoom});
  }
  fit();
  map.geovizFit = fit;

  // Mini-map: the same background at a much smaller scale, with the main view as a box.
  if (opts.minimap) {
    var Mini = L.Control.extend({options: {position: "bottomright"}, onAdd: function () {
      var div = L.DomUtil.create("div", "gv-minimap leaflet-bar");
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    }});
    var mini = new Mini().addTo(map);
    var mm = L.map(mini.getContainer(), {attributionControl: false, zoomControl: false, dragging: false,
      scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false,
      zoomSnap: 0.25});
    if (opts.minimap.tiles) {
      L.tileLayer(opts.minimap.tiles, {maxZoom: 19}).addTo(mm);
    } else if (opts.minimap.basemap && window[opts.minimap.basemap]) {
      L.geoJSON(window[opts.minimap.basemap], {renderer: L.canvas(), interactive: false,
        style: {color: "#b5ae9f", weight: 0.5, fillColor: "#f4f1e8", fillOpacity: 1}}).addTo(mm);
    }
    var box = L.rectangle(map.getBounds(), {color: "#c2185b", weight: 1.5, fillOpacity: 0.12,
      interactive: false}).addTo(mm);
    var sync = function () {
      mm.setView(map.getCenter(), Math.max(0, map.getZoom() - 4.5), {animate: false});
      box.setBounds(map.getBounds());
    };
    map.on("moveend zoomend resize", sync);
    mm.on("click", function (e) { map.panTo(e.latlng); });
    sync();
  }
})(__MAP__, __OPTS__);
"""

_CSS = """
.leaflet-container { font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
.leaflet-container.gv-offline { background: #d6e4ee; }
.gv-marker { background: none; border: none; }
.gv-pin { position: relative; width: 14px; height: 14px; }
.gv-pin svg, .gv-event-pin svg { display: block; overflow: visible; }
.gv-label { position: absolute; left: 17px; top: 50%; transform: translateY(-50%); white-space: nowrap;
  font-size: 12.5px; font-weight: 700; color: #1d2731; pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }
.gv-label-country { font-size: 10.5px; font-weight: 600; letter-spacing: .09em; text-transform: uppercase;
  color: #5f6f78; }
.gv-label-metonym { color: #a94000; font-weight: 600; font-style: italic; }
.gv-label-facility { color: #4a126f; }
.gv-tag { position: absolute; left: 0; top: 0; transform: translate(-50%, -50%); white-space: nowrap;
  background: rgba(255,255,255,.94); border: 1.5px solid #1565c0; border-radius: 4px; padding: 1px 6px;
  font-size: 12px; font-weight: 700; color: #1d2731; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.gv-tag.gv-side-left { transform: translate(calc(-100% - 9px), -50%); }
.gv-tag.gv-side-right { transform: translate(9px, -50%); }
.gv-tag.gv-side-above { transform: translate(-50%, calc(-100% - 7px)); }
.gv-tag.gv-side-below { transform: translate(-50%, 7px); }
.gv-leg-label { color: #1565c0; border-color: #1565c0; }
.gv-ring-label { font-weight: 600; font-style: italic; color: #37474f; }
.gv-stop-num { display: inline-block; width: 20px; height: 20px; line-height: 20px; border-radius: 50%;
  background: #1565c0; color: #fff; font-size: 12px; font-weight: 800; text-align: center;
  box-shadow: 0 0 0 2px #fff, 0 1px 4px rgba(0,0,0,.4); }
.gv-stop-num.gv-implied { background: #fff; color: #1565c0; box-shadow: 0 0 0 2px #1565c0; }
.gv-stop-num.gv-inline { width: 16px; height: 16px; line-height: 16px; font-size: 10px; }
.gv-info { background: rgba(255,255,255,.96); padding: 8px 10px; max-width: 330px; font-size: 12.5px;
  line-height: 1.4; color: #1d2731; }
.gv-info summary { cursor: pointer; font-size: 11px; color: #607d8b; text-transform: uppercase;
  letter-spacing: .06em; }
.gv-title { font-size: 15px; font-weight: 800; margin: 4px 0 2px; line-height: 1.25; }
.gv-sub { color: #607d8b; font-size: 11px; margin-bottom: 4px; }
.gv-sec { border-top: 1px solid #e3e7ea; padding-top: 5px; margin-top: 5px; }
.gv-key { display: inline-block; width: 18px; height: 4px; vertical-align: middle; margin-right: 5px; }
.gv-verdict { display: inline-block; color: #fff; border-radius: 3px; padding: 0 5px; font-weight: 700;
  font-size: 11.5px; }
.gv-legend { background: rgba(255,255,255,.94); padding: 6px 8px; font-size: 11.5px; color: #1d2731;
  max-width: 260px; }
.gv-legend-title { cursor: pointer; font-weight: 800; font-size: 11px; text-transform: uppercase; letter-spacing: .06em;
  color: #607d8b; margin-bottom: 3px; }
.gv-leg-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.gv-leg-row svg { flex: none; overflow: visible; }
.gv-tools a { display: flex !important; align-items: center; justify-content: center; }
.gv-tools a.gv-active { background: #ffe082; }
.gv-measuring { cursor: crosshair !important; }
.gv-measuring .leaflet-overlay-pane .leaflet-interactive, .gv-measuring .leaflet-marker-pane .leaflet-interactive,
.gv-measuring .leaflet-popup-pane * { pointer-events: none !important; }
path.gv-claim-ring.leaflet-interactive { pointer-events: visibleStroke; }
path.gv-route-casing { pointer-events: none !important; }
.gv-minimap { width: 150px; height: 110px; overflow: hidden; background: #d6e4ee; }
.gv-pseudo-fullscreen { position: fixed !important; inset: 0 !important; width: 100% !important;
  height: 100% !important; z-index: 10000; }
.leaflet-tooltip { font-size: 12px; padding: 3px 7px; }
.gv-popup .leaflet-popup-content { font-size: 12.5px; line-height: 1.4; margin: 10px 12px; }
.gv-pop-title { font-size: 14px; font-weight: 800; border-left: 4px solid #1d2731; padding-left: 6px;
  margin-bottom: 4px; }
.gv-pop-sub { font-weight: 700; margin-top: 6px; }
.gv-rows th { text-align: left; color: #607d8b; font-weight: 600; padding-right: 8px; vertical-align: top; }
.gv-quote { margin: 4px 0; padding: 3px 8px; border-left: 3px solid #cfd8dc; color: #263238; }
.gv-quote mark { background: #ffe082; padding: 0 1px; }
.gv-note { color: #607d8b; font-size: 11.5px; margin-top: 4px; }
.gv-stops { margin: 4px 0; padding-left: 20px; }
"""


def render(scene: Scene, *, offline: bool = False, title: str | None = None, gazetteer: Any = None,
           basemap_src: str | None = None, minimap: bool = True) -> folium.Map:
    """Draw ``scene`` as a folium Map.

    ``offline=True`` inlines Leaflet and draws the bundled country polygons
    instead of OpenStreetMap tiles, so the saved HTML works with no network.
    ``title`` defaults to the article's headline (:func:`geoviz.export.article_title`).
    ``gazetteer`` supplies country names and claim ends that are not scene
    places; by default the bundled one is used when it opens (``False``: none).

    For a server that shows many maps (the app): ``basemap_src`` is the URL of
    :func:`basemap_script` served as a file, fetched once the map is up instead
    of inlining the polygons (offline maps only; the page then needs that URL;
    the mini-map, built before they arrive, stays without outlines);
    ``minimap=False`` leaves out the mini-map (which draws every polygon again).
    """
    if gazetteer is None:
        try:
            from geoviz.geo.gazetteer import default_gazetteer

            gazetteer = default_gazetteer()
        except Exception:  # the map still draws from the scene alone  # noqa: BLE001
            gazetteer = None
    return _Renderer(scene, offline, title, gazetteer, basemap_src=basemap_src, minimap=minimap).build()
