"""What a map page loads: Leaflet (from the CDN, or inlined for offline use), the tiles, our own CSS and JS.

Offline (``offline=True``) the map needs nothing but the HTML file: Leaflet's
JS and CSS (and the CSS's images) come from the ``xstatic-leaflet`` package as
``data:`` URIs set on *that* Map instance (``default_js``/``default_css``;
never the module-wide lists). Our CSS and the panels' and tools' JS are static
text shipped as package data in ``static/``, read once per process.
"""

from __future__ import annotations

import base64
import functools
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import folium

__all__ = ["DATA_ATTRIBUTION", "LEAFLET_CSS_URL", "LEAFLET_JS_URL", "OSM_ATTRIBUTION", "OSM_TILES_URL", "data_uri",
           "offline_leaflet_assets", "static_text"]


def _folium_asset(assets: Sequence[tuple[str, str]], name: str) -> str:
    return dict(assets)[name]


#: Leaflet from the CDN folium itself uses (1.9.3, the version xstatic-leaflet ships).
LEAFLET_JS_URL = _folium_asset(folium.Map.default_js, "leaflet")
LEAFLET_CSS_URL = _folium_asset(folium.Map.default_css, "leaflet_css")
OSM_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
#: Where the place coordinates come from (both modes): the bundled gazetteer's sources.
DATA_ATTRIBUTION = "Places: GeoNames (CC BY 4.0), Natural Earth, airportsdata"


def data_uri(mime: str, payload: bytes) -> str:
    """``payload`` as a base64 ``data:`` URI: a file the page carries instead of fetching."""
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
        return f"url({data_uri('image/png', path.read_bytes())})"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)
    return data_uri("text/javascript", js), data_uri("text/css", css.encode("utf-8"))


@functools.cache
def static_text(name: str) -> str:
    """One of our static files (``map.css``, ``panels.js``, ``controls.js``), exactly as shipped.

    The files start with a newline on purpose: the page has always carried
    them that way, and the exported HTML stays byte-identical.
    """
    return (resources.files("geoviz.render") / "static" / name).read_text(encoding="utf-8")
