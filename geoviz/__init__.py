"""geoviz: turn a news article into a map you can trust.

The public API, one import away::

    import geoviz
    geoviz.analyse(text)          # exactly what `geoviz parse --json` prints
    doc = geoviz.parse(text)      # resolved places (Document)
    scene = geoviz.scene_of(text) # editable Scene: places, events, routes, claims
    geoviz.render_map(scene)      # folium.Map (bundled gazetteer)
    geoviz.save_html(scene, "map.html", offline=True)

Every error geoviz raises on purpose is a :class:`GeovizError`.
"""

from geoviz.claims import check_claims
from geoviz.errors import GeovizError, InputError
from geoviz.geo.gazetteer import Gazetteer, GazetteerError, default_gazetteer
from geoviz.pipeline import analyse, parse, render_map, scene_from_document, scene_of
from geoviz.scene import Scene

# The map and its exports import folium (a third of a second): loaded on first use (PEP 562), so
# `import geoviz` stays as quick as the parser. name -> (module, attribute). The map and the HTML need a
# gazetteer: their public forms are pipeline's, which pass the bundled one; GeoJSON and CSV need none.
# The folium map of a scene is `render_map` (`geoviz.render` is the subpackage that draws it).
_LAZY = {"save_csv": ("geoviz.export", "save_csv"),
         "save_geojson": ("geoviz.export", "save_geojson"), "save_html": ("geoviz.pipeline", "save_html")}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'geoviz' has no attribute {name!r}")


__all__ = [
    "Gazetteer",
    "GazetteerError",
    "GeovizError",
    "InputError",
    "Scene",
    "analyse",
    "check_claims",
    "default_gazetteer",
    "parse",
    "render_map",
    "save_csv",
    "save_geojson",
    "save_html",
    "scene_from_document",
    "scene_of",
]
