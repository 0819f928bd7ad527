"""Exports of a Scene: standard or offline HTML, GeoJSON, CSV of places and of claims.

Each export is a pair: ``*_document(scene) -> str`` (for the app's download
buttons and for tests) and ``save_*(scene, path) -> Path`` (for the CLI). File
names and the map title come from the article itself (:func:`article_title`,
from :mod:`geoviz.article`; :func:`slugify`), so a batch of exported maps stays identifiable.

* **Standard HTML** loads Leaflet from the jsDelivr CDN and shows OpenStreetMap
  tiles with their attribution; nothing else is fetched (see
  :func:`network_references`).
* **Offline HTML** is one self-contained file: Leaflet's JS/CSS inlined as
  ``data:`` URIs from ``xstatic-leaflet``, the country polygons as the map.
* **GeoJSON** is :meth:`Scene.to_geojson`, which loads back losslessly.
* **CSV** cells that a spreadsheet would read as a formula (``= + - @``) are
  prefixed with an apostrophe: the text comes from an arbitrary article.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from geoviz.article import article_title
from geoviz.nlp.text import sentences
from geoviz.render import claim_dict, marker_kind, render
from geoviz.scene import Scene

__all__ = [
    "PLACE_COLUMNS",
    "CLAIM_COLUMNS",
    "article_title",
    "claims_csv",
    "default_stem",
    "geojson_document",
    "html_document",
    "network_references",
    "places_csv",
    "save_csv",
    "save_geojson",
    "save_html",
    "slugify",
]

_SLUG_MAX = 60

PLACE_COLUMNS = ["id", "name", "kind", "marker", "country", "admin1", "lat", "lon", "confidence", "metonym",
                 "mentions", "mention_texts", "first_sentence", "entry_id"]
CLAIM_COLUMNS = ["subject", "anchor", "subject_id", "anchor_id", "stated_km", "stated_value", "unit", "hedge",
                 "relation", "bearing", "computed_km", "computed_bearing", "tolerance_km", "verdict", "explanation",
                 "sentence"]


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------


def slugify(text: str, max_len: int = _SLUG_MAX) -> str:
    """A file-name-safe ASCII slug: "North Korea’s leader" -> "north-koreas-leader"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len]
        slug = slug[: slug.rindex("-")] if "-" in slug[max_len // 2:] else slug
    return slug.strip("-") or "geoviz-map"


def default_stem(scene: Scene) -> str:
    """The base file name for this scene's exports (the slugified headline)."""
    return slugify(article_title(scene))


def _make_parent(p: Path) -> None:
    """Create ``p``'s folder; when a file stands where a folder is needed, say which (mkdir only says "exists")."""
    for ancestor in (p.parent, *p.parent.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "is a file, so it cannot hold the output", str(ancestor))
            break
    p.parent.mkdir(parents=True, exist_ok=True)


def _target(path: str | Path | None, scene: Scene, suffix: str) -> Path:
    """``path`` itself, or ``<headline-slug><suffix>`` inside it when it is a directory (or missing)."""
    if path is None:
        return Path(default_stem(scene) + suffix)
    p = Path(path)
    if p.is_dir():
        return p / (default_stem(scene) + suffix)
    _make_parent(p)
    return p


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def html_document(scene: Scene, *, gazetteer: Any = None, offline: bool = False, title: str | None = None) -> str:
    """The whole map page as one HTML string (see :func:`geoviz.render.render` for the options).

    ``gazetteer`` is the store the map reads country names and the offline
    basemap from; :func:`geoviz.pipeline.save_html` passes the bundled one.
    """
    m = render(scene, gazetteer=gazetteer, offline=offline, title=title)
    return m.get_root().render()


def save_html(scene: Scene, path: str | Path | None = None, *, gazetteer: Any = None, offline: bool = False,
              title: str | None = None) -> Path:
    """Write the map page; ``path`` may be a directory (the file is then named after the headline)."""
    target = _target(path, scene, ".html")
    target.write_text(html_document(scene, offline=offline, title=title, gazetteer=gazetteer), encoding="utf-8")
    return target


_URL = re.compile(r"https?://[^\s\"'<>)\\]+")


def network_references(document: str) -> list[str]:
    """Every distinct ``http(s)://`` URL in an exported page, in order of appearance.

    ``data:`` URIs are base64, so URLs inside inlined Leaflet do not count:
    they are never fetched as such. A URL whose JSON escapes hide its end is
    cut at the first backslash.
    """
    return list(dict.fromkeys(_URL.findall(document)))


# --------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------


def geojson_document(scene: Scene) -> str:
    """The Scene as RFC 7946 GeoJSON text (UTF-8, loads back with :meth:`Scene.from_geojson`)."""
    return json.dumps(scene.to_geojson(), ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def save_geojson(scene: Scene, path: str | Path | None = None) -> Path:
    target = _target(path, scene, ".geojson")
    target.write_text(geojson_document(scene), encoding="utf-8")
    return target


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Numbers stay numbers; text that a spreadsheet would evaluate gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return buf.getvalue()


def _first_sentence(text: str, mentions: list[Any]) -> str:
    for m in sorted(mentions, key=lambda s: s.start):
        if 0 <= m.start < m.end <= len(text):
            for a, b in sentences(text):
                if a <= m.start < b:
                    return text[a:b]
    return ""


def places_csv(scene: Scene) -> str:
    """One row per place: where, what kind, how sure, and how the article names it."""
    rows = []
    for p in scene.places:
        rows.append({
            "id": p.id, "name": p.name, "kind": p.kind, "marker": marker_kind(p), "country": p.country,
            "admin1": p.admin1, "lat": round(float(p.lat), 6), "lon": round(float(p.lon), 6),
            "confidence": round(float(p.confidence), 3), "metonym": bool(p.metonym), "mentions": len(p.mentions),
            "mention_texts": " | ".join(dict.fromkeys(m.text for m in p.mentions)),
            "first_sentence": _first_sentence(scene.source_text, p.mentions), "entry_id": p.entry_id,
        })
    return _csv(rows, PLACE_COLUMNS)


def claims_csv(scene: Scene) -> str:
    """One row per distance claim with its verdict (the ``geoviz check`` contract, flattened)."""
    return _csv([claim_dict(c) for c in scene.claims], CLAIM_COLUMNS)


def save_csv(scene: Scene, path: str | Path | None = None) -> tuple[Path, Path]:
    """Write ``<stem>-places.csv`` and ``<stem>-claims.csv``.

    ``path`` names the stem (``out.csv`` -> ``out-places.csv``, ``out-claims.csv``)
    or a directory (the stem is then the headline slug).
    """
    if path is None or Path(path).is_dir():
        base = Path(path or ".") / default_stem(scene)
    else:
        p = Path(path)
        _make_parent(p)
        base = p.with_suffix("") if p.suffix.lower() == ".csv" else p
    places = base.with_name(base.name + "-places.csv")
    claims = base.with_name(base.name + "-claims.csv")
    places.write_text(places_csv(scene), encoding="utf-8", newline="")
    claims.write_text(claims_csv(scene), encoding="utf-8", newline="")
    return places, claims
