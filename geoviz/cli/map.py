"""``geoviz map FILE -o OUT.html [--offline] [--geojson F] [--csv F] [--date D] [--json]``,
and ``geoviz map --corpus OUT.parquet -o corpus.html [--offline]`` for ``geoviz batch`` output.

:func:`register` adds both to the parser :mod:`geoviz.cli.main` builds.
"""

from __future__ import annotations

import argparse
from typing import Any

from geoviz.article import read_article
from geoviz.cli.common import CliError, article_date, print_json
from geoviz.geo.gazetteer import default_gazetteer
from geoviz.nlp.text import count


def cmd_corpus_map(a: argparse.Namespace) -> int:
    """The corpus map: a thin shell over :func:`geoviz.corpus.corpus_map.save_corpus_map`."""
    from geoviz.corpus.corpus_map import CorpusMapError, corpus_places, save_corpus_map

    if a.file or a.geojson or a.csv or a.date:
        raise CliError("--corpus draws a batch output directory; FILE, --geojson, --csv and --date are for one article")
    try:
        path = save_corpus_map(a.corpus, a.output or "corpus-map.html", offline=a.offline, title=a.title,
                               gazetteer=default_gazetteer())
        places = corpus_places(a.corpus)
    except CorpusMapError as exc:
        raise CliError(str(exc)) from exc
    result = {"html": str(path), "offline": a.offline, "bytes": path.stat().st_size, "places": len(places),
              "mentions": sum(p.mentions for p in places), "top": [p.to_dict() for p in places[:10]]}
    if a.json:
        print_json(result)
        return 0
    mode = _mode(a.offline)
    print(f"{path} ({result['bytes'] / 1024:,.0f} KB, {mode}): {count(result['places'], 'place')}, "
          f"{count(result['mentions'], 'mention')}")
    return 0


def _mode(offline: bool) -> str:
    """How a written map gets its scripts and tiles, as the CLI reports it."""
    return "offline, self-contained" if offline else "standard: Leaflet CDN + OpenStreetMap tiles"


def cmd_map(a: argparse.Namespace) -> int:
    from geoviz.export import save_csv, save_geojson, save_html

    if a.corpus:
        return cmd_corpus_map(a)
    if not a.file:
        raise CliError("give an article FILE (or - for standard input), or --corpus OUT.parquet")
    from geoviz.pipeline import scene_of

    text = read_article(a.file)
    gaz = default_gazetteer()  # the one store the parse, the map's country names and its offline basemap share
    scene = scene_of(text, a.date, gazetteer=gaz)
    html_path = save_html(scene, a.output, gazetteer=gaz, offline=a.offline, title=a.title)
    result: dict[str, Any] = {"html": str(html_path), "offline": a.offline, "bytes": html_path.stat().st_size,
                              "places": len(scene.places), "events": len(scene.events),
                              "routes": len(scene.routes), "claims": len(scene.claims)}
    if a.geojson:
        result["geojson"] = str(save_geojson(scene, a.geojson))
    if a.csv:
        places, claims = save_csv(scene, a.csv)
        result["csv"] = [str(places), str(claims)]
    if a.json:
        print_json(result)
        return 0
    mode = _mode(a.offline)
    print(f"{html_path} ({result['bytes'] / 1024:,.0f} KB, {mode}): {count(result['places'], 'place')}, "
          f"{count(result['events'], 'event')}, {count(result['routes'], 'journey')}, "
          f"{count(result['claims'], 'distance claim')}")
    for key in ("geojson", "csv"):
        if key in result:
            print(f"{key}: {', '.join(result[key]) if isinstance(result[key], list) else result[key]}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("map", help="draw an article as an HTML map (standard or fully offline)")
    p.add_argument("file", nargs="?", help="article file, or - for standard input")
    p.add_argument("--corpus", metavar="DIR", help="draw `geoviz batch` output instead: clustered places, "
                   "a heat layer and the top places")
    p.add_argument("-o", "--output", help="HTML file or directory (default: the headline's slug + .html here)")
    p.add_argument("--offline", action="store_true",
                   help="one self-contained file: Leaflet inlined, country polygons instead of tiles")
    p.add_argument("--geojson", metavar="F", help="also write the scene as GeoJSON (file or directory)")
    p.add_argument("--csv", metavar="F", help="also write F-places.csv and F-claims.csv (F.csv or a directory)")
    p.add_argument("--date", type=article_date, help="article date YYYY-MM-DD (dates weekdays and 'yesterday')")
    p.add_argument("--title", help="map title (default: the article's first line)")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    p.set_defaults(func=cmd_map)

