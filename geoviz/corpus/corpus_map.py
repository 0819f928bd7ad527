"""A corpus map from ``geoviz batch`` output: clustered place markers, a heat layer and a top-places table.

    from geoviz.corpus.corpus_map import build_corpus_map, corpus_places, save_corpus_map
    m = build_corpus_map("month.parquet")                 # folium.Map, offline by default
    save_corpus_map("month.parquet", "month.html")        # what `geoviz map --corpus` writes
    corpus_places("month.parquet")[:20]                   # the top places, e.g. for a table in the app

The input is the directory ``geoviz batch`` writes; only its ``mentions/*.parquet``
tables are read, one partition file at a time and only the columns needed, so
memory follows the number of distinct places, not the corpus size.

* **Clusters**: one marker per distinct place, grouped by Leaflet.markercluster
  (1.4.1), read from the ``xstatic-leaflet-markercluster`` package and inlined
  as ``data:`` URIs like Leaflet itself, so the page fetches no plugin from a
  CDN. folium's ``MarkerCluster`` plugin would load it from cdnjs.
* **Heat**: mentions summed per 1° cell (server-side, numpy) and drawn as plain
  Leaflet rectangles coloured on a log scale. A heat plugin (leaflet.heat) has
  no vendored Python package, and cells say "how much, where" just as well
  without a kernel-density blur that smears coastal towns out to sea.
* **Top places**: a table panel on the map; :func:`corpus_places` gives the same
  rows to any other caller.

Every piece of text from the corpus (place names are the resolver's, but a
gazetteer is data too) reaches the page through :func:`geoviz.render.escape_html`
or :func:`geoviz.render.js_value`.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import folium
import numpy as np
from branca.element import Element

from geoviz.errors import GeovizError
from geoviz.render import (
    DATA_ATTRIBUTION,
    LEAFLET_CSS_URL,
    LEAFLET_JS_URL,
    OSM_ATTRIBUTION,
    OSM_TILES_URL,
    BasemapError,
    Script,
    VectorBasemap,
    basemap_geojson,
    data_uri,
    escape_html,
    js_value,
    offline_leaflet_assets,
)

__all__ = ["CorpusMapError", "CorpusPlace", "build_corpus_map", "corpus_map_html", "corpus_places",
           "heat_cells", "save_corpus_map"]

LAYER_CLUSTERS = "Places (clustered)"
LAYER_HEAT = "Heat: mentions per 1° cell"
HEAT_CELL_DEG = 1.0
TOP_PLACES = 15
# YlOrRd, light to dark: few mentions to many.
_HEAT_COLOURS = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
_COLUMNS = ["article_id", "place_id", "name", "lat", "lon", "kind", "country"]


class CorpusMapError(GeovizError, ValueError):
    """The path is not ``geoviz batch`` output (no mentions tables): one line for the CLI."""


@dataclass(frozen=True, slots=True)
class CorpusPlace:
    """One resolved place across the corpus: how often it is mentioned, and in how many articles."""

    place_id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    mentions: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _mention_files(path: str | Path) -> list[Path]:
    root = Path(path)
    if not root.is_dir():
        raise CorpusMapError(f"{root}: not a directory written by `geoviz batch`")
    files = sorted((root / "mentions").glob("*.parquet"))
    if not files:
        raise CorpusMapError(f"{root}: no mentions/*.parquet tables (is this `geoviz batch` output?)")
    return files


def corpus_places(path: str | Path) -> list[CorpusPlace]:
    """Every place of the corpus with its mention and article counts, most mentioned first.

    Each partition file is aggregated alone, then the small per-place counts
    are summed: an article lies in exactly one partition, so distinct articles
    add up across files.
    """
    import pyarrow.parquet as pq

    totals: dict[str, list[Any]] = {}
    for f in _mention_files(path):
        t = pq.read_table(f, columns=_COLUMNS)
        if t.num_rows == 0:
            continue
        # "first" aggregates need ordered, single-threaded grouping; a partition file is small
        g = t.group_by("place_id", use_threads=False).aggregate(
            [("article_id", "count_distinct"), ("article_id", "count"), ("name", "first"), ("lat", "first"),
             ("lon", "first"), ("kind", "first"), ("country", "first")])
        for row in g.to_pylist():
            pid = row["place_id"]
            if pid is None or row["lat_first"] is None or row["lon_first"] is None:
                continue
            cur = totals.get(pid)
            if cur is None:
                totals[pid] = [row["name_first"] or pid, row["lat_first"], row["lon_first"], row["kind_first"] or "",
                               row["country_first"] or "", row["article_id_count"], row["article_id_count_distinct"]]
            else:
                cur[5] += row["article_id_count"]
                cur[6] += row["article_id_count_distinct"]
    places = [CorpusPlace(pid, *v) for pid, v in totals.items()]
    places.sort(key=lambda p: (-p.mentions, -p.articles, p.name, p.place_id))
    return places


def heat_cells(places: list[CorpusPlace], cell_deg: float = HEAT_CELL_DEG) -> list[tuple[float, float, int]]:
    """(south-west lat, lon, mentions) of every cell of ``cell_deg`` degrees holding mentions (numpy binning)."""
    if not places:
        return []
    lat = np.array([p.lat for p in places], dtype=float)
    lon = np.array([p.lon for p in places], dtype=float)
    weight = np.array([p.mentions for p in places], dtype=np.int64)
    row = np.floor((np.clip(lat, -90, 90 - 1e-9) + 90) / cell_deg).astype(np.int64)
    col = np.floor((np.clip(lon, -180, 180 - 1e-9) + 180) / cell_deg).astype(np.int64)
    ncols = int(math.ceil(360 / cell_deg))
    keys, inverse = np.unique(row * ncols + col, return_inverse=True)
    sums = np.bincount(inverse, weights=weight).astype(np.int64)
    return [(float(k // ncols * cell_deg - 90), float(k % ncols * cell_deg - 180), int(s))
            for k, s in zip(keys, sums)]


def _heat_colour(count: int, top: int) -> str:
    """Log scale: one mention is the lightest class, the busiest cell the darkest."""
    if top <= 1:
        return _HEAT_COLOURS[-1]
    x = math.log(count) / math.log(top)
    return _HEAT_COLOURS[min(len(_HEAT_COLOURS) - 1, int(x * len(_HEAT_COLOURS)))]


@functools.lru_cache(maxsize=1)
def markercluster_assets() -> tuple[str, str, str]:
    """(leaflet.markercluster.js, MarkerCluster.css, MarkerCluster.Default.css) as ``data:`` URIs."""
    import xstatic.pkg.leaflet_markercluster as xmc

    base = Path(xmc.BASE_DIR)
    js = re.sub(rb"\n//# sourceMappingURL=\S+\s*$", b"\n", (base / "leaflet.markercluster.js").read_bytes())
    return (data_uri("text/javascript", js), data_uri("text/css", (base / "MarkerCluster.css").read_bytes()),
            data_uri("text/css", (base / "MarkerCluster.Default.css").read_bytes()))


def _popup_html(p: CorpusPlace) -> str:
    where = " · ".join(escape_html(x) for x in (p.kind, p.country) if x)
    return (f"<b>{escape_html(p.name)}</b><br>{where}<br>{p.mentions:,} mention{'s' * (p.mentions != 1)} in "
            f"{p.articles:,} article{'s' * (p.articles != 1)}")


def _table_html(places: list[CorpusPlace], total_places: int, total_mentions: int) -> str:
    rows = "".join(f"<tr><td>{i}</td><td>{escape_html(p.name)}</td><td>{escape_html(p.country)}</td>"
                   f"<td class='n'>{p.mentions:,}</td><td class='n'>{p.articles:,}</td></tr>"
                   for i, p in enumerate(places, 1))
    return (f"<div class='gv-top-title'>Top places ({total_places:,} places, {total_mentions:,} mentions)</div>"
            "<table class='gv-top'><thead><tr><th>#</th><th>place</th><th>country</th><th>mentions</th>"
            f"<th>articles</th></tr></thead><tbody>{rows}</tbody></table>")


_CSS = """
.gv-corpus-dot { background: #2b6cb0; border: 2px solid #fff; border-radius: 50%; box-shadow: 0 0 2px #333; }
.gv-top-panel { background: rgba(255,255,255,.93); padding: 6px 8px; border-radius: 4px; max-height: 45vh;
  overflow: auto; font: 12px/1.35 system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.gv-top-title { font-weight: 600; margin-bottom: 4px; }
.gv-top td, .gv-top th { padding: 1px 6px; text-align: left; }
.gv-top .n { text-align: right; }
"""


def _corpus_js(map_name: str, data: dict[str, Any]) -> str:
    """Markers in a MarkerClusterGroup, heat cells as rectangles, the table as a control; fit to the places."""
    return f"""(function (map) {{
  var data = {js_value(data)};
  // markercluster needs the map's maxZoom; folium leaves it to the tile layer, and offline there is none.
  map.setMinZoom(1);
  map.setMaxZoom(18);
  var clusters = L.markerClusterGroup({{chunkedLoading: true, maxClusterRadius: 50}});
  data.places.forEach(function (p) {{
    var icon = L.divIcon({{className: 'gv-corpus-dot', iconSize: [12, 12]}});
    var m = L.marker([p[0], p[1]], {{title: p[2], icon: icon}});
    m.bindPopup(p[3]);
    clusters.addLayer(m);
  }});
  var heat = L.featureGroup(data.cells.map(function (c) {{
    return L.rectangle([[c[0], c[1]], [c[0] + data.cell, c[1] + data.cell]],
      {{stroke: false, fillColor: c[3], fillOpacity: 0.6, interactive: true}}).bindTooltip(c[2]);
  }}));
  heat.addTo(map);
  clusters.addTo(map);
  var overlays = {{}};
  overlays[data.layers[0]] = clusters;
  overlays[data.layers[1]] = heat;
  L.control.layers(data.base, overlays, {{collapsed: false, position: 'topright'}}).addTo(map);
  var table = L.control({{position: 'bottomleft'}});
  table.onAdd = function () {{
    var div = L.DomUtil.create('div', 'gv-top-panel');
    div.innerHTML = data.table;  // built from escaped text in Python
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  }};
  table.addTo(map);
  map.attributionControl.addAttribution(data.attribution);
  if (data.bounds) {{ map.fitBounds(data.bounds, {{maxZoom: 6, padding: [20, 20]}}); }}
}})({map_name});"""


def build_corpus_map(path: str | Path, *, gazetteer: Any = None, offline: bool = True, top: int = TOP_PLACES,
                     title: str | None = None) -> folium.Map:
    """The corpus map of ``geoviz batch`` output at ``path`` (see the module docstring).

    ``offline=True`` inlines Leaflet and draws the country polygons of
    ``gazetteer`` (no network at all; without a gazetteer,
    :class:`~geoviz.render.BasemapError`); ``offline=False`` loads Leaflet from
    the CDN and shows OpenStreetMap tiles, like the standard article map.
    Leaflet.markercluster is inlined either way.
    """
    places = corpus_places(path)
    if offline and gazetteer is None:
        raise BasemapError("an offline corpus map draws the gazetteer's country polygons: pass gazetteer=")
    cells = heat_cells(places)
    busiest = max((c[2] for c in cells), default=1)
    m = folium.Map(location=[20.0, 0.0], zoom_start=2, tiles=None, control_scale=True)
    m.get_root().title = escape_html(title or f"Corpus map: {Path(path).name}")
    js, css = offline_leaflet_assets() if offline else (LEAFLET_JS_URL, LEAFLET_CSS_URL)
    mc_js, mc_css, mc_default_css = markercluster_assets()
    m.default_js = [("leaflet", js), ("leaflet_markercluster", mc_js)]
    m.default_css = [("leaflet_css", css), ("markercluster_css", mc_css), ("markercluster_default_css", mc_default_css)]
    m.get_root().header.add_child(Element(f"<style>{_CSS}</style>"), name="geoviz_corpus_css")
    if offline:
        basemap = VectorBasemap(basemap_geojson(gazetteer))
        basemap.add_to(m)
        attribution = DATA_ATTRIBUTION  # the basemap layer credits Natural Earth itself
    else:
        folium.TileLayer(tiles=OSM_TILES_URL, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(m)
        attribution = DATA_ATTRIBUTION
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    data = {
        "places": [[p.lat, p.lon, p.name, _popup_html(p)] for p in places],
        "cells": [[lat, lon, f"{n:,} mention{'s' * (n != 1)}", _heat_colour(n, busiest)] for lat, lon, n in cells],
        "cell": HEAT_CELL_DEG,
        "table": _table_html(places[:top], len(places), sum(p.mentions for p in places)),
        "layers": [LAYER_CLUSTERS, LAYER_HEAT],
        "base": {},
        "attribution": escape_html(attribution),
        "bounds": [[min(lats), min(lons)], [max(lats), max(lons)]] if places else None,
    }
    m.add_child(Script(lambda name: _corpus_js(name, data)))
    return m


def corpus_map_html(path: str | Path, *, gazetteer: Any = None, offline: bool = True, top: int = TOP_PLACES,
                    title: str | None = None) -> str:
    """The corpus map as one HTML document (for a download button or a file)."""
    return build_corpus_map(path, gazetteer=gazetteer, offline=offline, top=top, title=title).get_root().render()


def save_corpus_map(path: str | Path, output: str | Path, *, gazetteer: Any = None, offline: bool = True,
                    top: int = TOP_PLACES, title: str | None = None) -> Path:
    """Write :func:`corpus_map_html` to ``output`` (a file, or a directory that gets ``corpus-map.html``)."""
    out = Path(output)
    if out.is_dir():
        out = out / "corpus-map.html"
    out.write_text(corpus_map_html(path, gazetteer=gazetteer, offline=offline, top=top, title=title),
                   encoding="utf-8")
    return out
