"""What the Streamlit app needs that is not UI: the workspace, edits, uploads, tables, text marking, the map frame.

``app.py`` stays a page that reads top to bottom; everything here is plain
Python over the library (no ``st.*`` UI calls), so it can be tested without a
Streamlit runtime. The app keeps one :class:`Workspace` in
``st.session_state["workspace"]`` and changes it only through the edit
functions below, each of which bumps ``Workspace.version``: the version keys
the rendered map, so an edit redraws it and nothing else does.

The heavy resources (the gazetteer, parsed articles, rendered maps) sit here
behind ``st.cache_resource``/``st.cache_data`` rather than in ``app.py``: a
cached function is keyed by its module, and the page script runs as
``__main__`` while :func:`warm_up` runs at server start from the imported
module, so only functions defined in a real module share one cache between them.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from geoviz.article import MAX_BYTES, decode, html_to_text, looks_like_html
from geoviz.errors import InputError
from geoviz.geo.gazetteer import Gazetteer, StoreNameKeys, default_gazetteer
from geoviz.geo.geodesy import Measurement, measure
from geoviz.model import Entry, Place, Span
from geoviz.nlp.text import sentences
from geoviz.pipeline import claims_judge, pipeline, scene_dict, scene_of
from geoviz.render import KIND_STYLES, VERDICT_STYLES, marker_kind, render
from geoviz.scene import Scene

__all__ = [
    "ACCEPTED_SUFFIXES",
    "DEFAULT_OFFLINE_BASEMAP",
    "SEED",
    "MapFrame",
    "Sample",
    "Workspace",
    "add_stop",
    "claims_rows",
    "claims_table_html",
    "drop_place",
    "current_entry",
    "entry_label",
    "entry_of",
    "first_place",
    "gazetteer",
    "landing_article",
    "highlighted_text",
    "markdown_text",
    "map_frame",
    "mention_snippets",
    "move_stop",
    "nearest_place",
    "new_workspace",
    "parse_article",
    "place_label",
    "places_rows",
    "read_upload",
    "rejudge_with",
    "remove_stop",
    "samples",
    "scene_fingerprint",
    "scene_map_frame",
    "search_gazetteer",
    "set_resolution",
    "start_warm_up",
    "static_basemap_url",
    "two_places",
    "verdict_summary",
    "warm_up",
    "warm_up_next",
    "warm_up_yielding",
    "write_static_basemap",
]

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
#: The article the app opens with and the README shows.
SEED = "kim-putin-summit.txt"
ACCEPTED_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
#: The basemap a page starts with: the bundled country outlines, so the app needs no internet.
DEFAULT_OFFLINE_BASEMAP = True

_LOG = logging.getLogger(__name__)

# --------------------------------------------------------------------------
# Articles: samples and uploads
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sample:
    """A sample article shipped in ``seeds/``: the picker shows ``title``, loads ``path``."""

    name: str
    title: str
    path: Path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def samples(folder: Path = SEEDS) -> list[Sample]:
    """The sample articles, the seed first (it is what the app opens with), then by title."""
    found = []
    for path in sorted(folder.glob("*.txt")):
        first = next((ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()), path.stem)
        title = first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + "\u2026"
        found.append(Sample(name=path.name, title=title, path=path))
    return sorted(found, key=lambda s: (s.name != SEED, s.title.lower()))


def landing_article() -> dict[str, Any]:
    """The article a new session opens with (``st.session_state["article"]``): the first sample, undated."""
    first = samples()[0]
    return {"name": first.name, "text": first.text(), "date": None}


# Magic numbers of what people most often drop on a text box by mistake: named so the message can say what it was.
_BINARY_KINDS = [
    (b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"), (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/EPUB file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"), (b"MZ", "a program"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
]
_WHAT_TO_DO = "geoviz reads plain text, Markdown or HTML: copy the article's text and paste it instead."


def read_upload(name: str, data: bytes) -> str:
    """The article text of an uploaded file, or :class:`InputError` with a message a reader can act on.

    Why the suffix is checked after the content: a PDF renamed ``.txt`` is
    still a PDF, and the message should say so rather than "binary".
    """
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is {len(data) / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB.")
    for magic, what in _BINARY_KINDS:
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not an article. {_WHAT_TO_DO}")
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in ACCEPTED_SUFFIXES:
        raise InputError(f"{name}: {suffix} files are not read. {_WHAT_TO_DO}")
    try:
        text = decode(data, name)
    except InputError as e:
        raise InputError(f"{e}. {_WHAT_TO_DO}") from None
    if suffix in (".html", ".htm") or looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{name} has no readable text.")
    return text


#: What starts a Markdown construct (or Streamlit's ``:colour[...]``, ``:material/...:``, ``$LaTeX$``), and a dot
#: after a digit ("1. " would open a list). Other punctuation stays as typed, so "scan.pdf" reads the same.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|<>~$:&]|(?<=\d)\.)")


def markdown_text(text: str) -> str:
    """``text`` made literal for ``st.markdown``/``st.caption``/``st.error``/button labels, on one line.

    Why: headlines, file names and place names come from the article or the
    upload, and Streamlit renders those calls as Markdown: ``![x](https://...)``
    would make the reader's browser fetch a remote image (a tracking pixel, and
    a request the offline app must never make), ``[x](...)`` would become a
    link, ``$...$`` LaTeX and ``:red[...]`` colour. Those characters are
    backslash-escaped (CommonMark renders ``\\X`` as ``X``), and
    line breaks, U+2028/U+2029 included, become spaces so nothing opens a block.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


# --------------------------------------------------------------------------
# The workspace: the article, its scene and the user's edits
# --------------------------------------------------------------------------


@dataclass
class Workspace:
    """One article being read and corrected: everything the page shows derives from this.

    ``baseline`` is the scene as parsed (the "reset" target and the source of
    each place's ranked choices); ``scene`` is the edited copy. ``version``
    counts edits so the map is re-rendered only when the scene changed.
    """

    name: str
    text: str
    date: str | None
    scene: Scene
    baseline: dict[str, Any]
    choices: dict[str, list[Entry]] = field(default_factory=dict)
    version: int = 0
    edits: list[str] = field(default_factory=list)
    _fingerprint: tuple[int, str] | None = field(default=None, repr=False)

    def fingerprint(self) -> str:
        """A content hash of the scene, computed once per version (keys the cross-session map cache)."""
        if self._fingerprint is None or self._fingerprint[0] != self.version:
            self._fingerprint = (self.version, scene_fingerprint(self.scene))
        return self._fingerprint[1]

    def edited(self, note: str) -> None:
        self.version += 1
        self.edits.append(note)


def new_workspace(name: str, text: str, date: str | None, scene: Scene, gazetteer: Any) -> Workspace:
    """A workspace for a freshly parsed scene: each place's choices are its resolver winner, then the alternatives."""
    choices: dict[str, list[Entry]] = {}
    for p in scene.places + scene.uncertain:
        first = entry_of(gazetteer, p)
        entries = [first] if first is not None else []
        entries += [c.entry for c in p.alternatives if c.entry.id != p.entry_id]
        choices[p.id] = entries
    return Workspace(name=name, text=text, date=date, scene=scene, baseline=scene.to_geojson(), choices=choices)


def entry_of(gazetteer: Any, place: Place) -> Entry | None:
    """The gazetteer entry a place is resolved to.

    Looked up through the name index first: ``Gazetteer.get`` scans the
    entries table (no index on ``id``, ~25 ms a call), too slow for every place
    of an article on the first render.
    """
    if not place.entry_id:
        return None
    for e in gazetteer.lookup(place.name, 50):
        if e.id == place.entry_id:
            return e
    return gazetteer.get(place.entry_id)


def current_entry(ws: Workspace, place: Place) -> Entry | None:
    """The entry of a place among its choices (where every resolution the user picked is kept)."""
    return next((e for e in ws.choices.get(place.id, []) if e.id == place.entry_id), None)


def scene_fingerprint(scene: Scene) -> str:
    return hashlib.sha1(json.dumps(scene_dict(scene), sort_keys=True, default=str).encode()).hexdigest()


def rejudge_with(gazetteer: Any) -> Callable[[Scene], list[Any]]:
    """Re-check the claims of an edited scene against the app's cached gazetteer (the pipeline's judge)."""
    return claims_judge(gazetteer)


def set_resolution(ws: Workspace, place_id: str, entry: Entry, gazetteer: Any) -> None:
    """Re-resolve one place to ``entry``; its route legs and the claims follow."""
    place = ws.scene.place(place_id)
    if place is None or place.entry_id == entry.id:
        return
    before = place_label(place)
    ws.scene.set_place(place_id, entry, rejudge=rejudge_with(gazetteer))
    if all(e.id != entry.id for e in ws.choices.setdefault(place_id, [])):
        ws.choices[place_id].append(entry)  # a search pick joins the select box, so it can be chosen again
    ws.edited(f"{before} \u2192 {entry_label(entry)}")


def pin_place(ws: Workspace, place_id: str, entry_id: str, gazetteer: Any) -> None:
    """Put a town the resolver could not decide on the map, as the reading the user picked."""
    place = next((p for p in ws.scene.uncertain if p.id == place_id), None)
    entry = next((e for e in ws.choices.get(place_id, []) if e.id == entry_id), None) or gazetteer.get(entry_id)
    if place is None or entry is None:
        return
    ws.scene.pin(place_id, entry, rejudge=rejudge_with(gazetteer))
    ws.edited(f"pinned {place.name} as {entry_label(entry)}")


def drop_place(ws: Workspace, place_id: str, gazetteer: Any) -> None:
    """Remove a misread place (with its events and stops); claims that needed it become unresolved."""
    place = ws.scene.place(place_id)
    if place is None:
        return
    ws.scene.drop_place(place_id, rejudge=rejudge_with(gazetteer))
    ws.edited(f"dropped {place.name}")


def move_stop(ws: Workspace, route_id: str, index: int, to_index: int) -> None:
    route = ws.scene.route(route_id)
    if 0 <= index < len(route.stops) and 0 <= to_index < len(route.stops) and index != to_index:
        ws.scene.move_stop(route_id, index, to_index)
        ws.edited(f"moved stop {route.stops[to_index].name} to position {to_index + 1}")


def remove_stop(ws: Workspace, route_id: str, index: int) -> None:
    route = ws.scene.route(route_id)
    if 0 <= index < len(route.stops):
        name = route.stops[index].name
        ws.scene.remove_stop(route_id, index)
        ws.edited(f"removed stop {name}")


def add_stop(ws: Workspace, route_id: str, place_id: str, index: int | None = None) -> None:
    ws.scene.add_stop(route_id, place_id, index)
    ws.edited(f"added stop {ws.scene.place(place_id).name}")  # type: ignore[union-attr]


# --------------------------------------------------------------------------
# Labels and tables
# --------------------------------------------------------------------------

_KIND_WORDS = {"populated place": "town", "admin1": "province", "admin2": "district"}


def entry_label(e: Entry) -> str:
    """"Vladivostok · town · Primorye, RU": enough to tell same-named candidates apart."""
    where = ", ".join(x for x in (e.admin1_name, e.country) if x)
    return " \u00b7 ".join(x for x in (e.name, _KIND_WORDS.get(e.kind, e.kind), where) if x)


def place_label(p: Place) -> str:
    return f"{p.name} ({_KIND_WORDS.get(p.kind, p.kind)}{', ' + p.country if p.country else ''})"


def places_rows(scene: Scene) -> list[dict[str, Any]]:
    """The places table: one row per place, in the order the article first names them."""
    rows = []
    for p in sorted(scene.places, key=lambda p: min((m.start for m in p.mentions), default=10**9)):
        rows.append({"place": p.name, "kind": p.kind, "marker": KIND_STYLES[marker_kind(p)].label,
                     "country": p.country, "lat": round(p.lat, 4), "lon": round(p.lon, 4),
                     "confidence": round(p.confidence, 2), "mentions": len(p.mentions),
                     "edited": "edited" in p.reason, "id": p.id})
    return rows


def claims_rows(scene: Scene) -> list[dict[str, Any]]:
    """The claims table: stated vs. measured, the verdict in words, and why."""
    rows = []
    for c in scene.claims:
        get = c.get if isinstance(c, dict) else (lambda k, c=c: getattr(c, k, None))
        verdict = get("verdict") or "unresolved"
        style = VERDICT_STYLES.get(verdict, VERDICT_STYLES["unresolved"])
        computed = get("computed_km")
        # Unrounded: rounding here and again when shown can disagree with the checker's own explanation.
        rows.append({"verdict": f"{style.symbol} {style.label}", "subject": get("subject") or "\u2014",
                     "anchor": get("anchor") or "\u2014", "stated km": float(get("stated_km") or 0),
                     "computed km": None if computed is None else float(computed), "unit": get("unit") or "km",
                     "stated value": get("stated_value"),
                     "explanation": get("explanation") or get("reason") or "", "sentence": get("sentence") or ""})
    return rows


def _km(km: float) -> str:
    """Distances the way the checker's explanations write them: whole km from 100 km up, else one decimal."""
    return f"{km:,.0f} km" if abs(km) >= 100 else f"{km:,.1f} km"


def claims_table_html(scene: Scene) -> str:
    """The claims as an HTML table: verdict pills in the map's verdict colours, explanations that wrap.

    Why HTML and not a dataframe: explanations are sentences, and a grid cuts
    them off; a pandas Styler for the colours also costs ~60 ms per rerun.
    Every value from the article is escaped.
    """
    head = "".join(f'<th style="text-align:left;padding:6px 8px;border-bottom:2px solid #ddd">{h}</th>'
                   for h in ("Verdict", "Claim", "Stated", "Measured", "Why"))
    body = []
    for c, row in zip(scene.claims, claims_rows(scene)):
        verdict = (c.get("verdict") if isinstance(c, dict) else getattr(c, "verdict", None)) or "unresolved"
        style = VERDICT_STYLES.get(verdict, VERDICT_STYLES["unresolved"])
        pill = (f'<span style="display:inline-block;white-space:nowrap;padding:2px 8px;border-radius:10px;'
                f'background:{style.colour};color:#fff;font-weight:600">{html.escape(row["verdict"])}</span>')
        what = (f'<b>{html.escape(row["subject"])}</b> \u2192 <b>{html.escape(row["anchor"])}</b>'
                f'<div style="color:#666;font-size:.88em;margin-top:2px">\u201c{html.escape(row["sentence"])}'
                f'\u201d</div>')
        measured = "\u2014" if row["computed km"] is None else _km(row["computed km"])
        stated = _km(row["stated km"])
        if row["unit"] != "km" and row["stated value"]:
            as_written = f'{row["stated value"]:,g} {html.escape(row["unit"])}'
            stated += f'<div style="color:#666;font-size:.88em">{as_written}</div>'
        cells = [pill, what, stated, measured, html.escape(row["explanation"])]
        tds = "".join(f'<td style="vertical-align:top;padding:6px 8px;border-bottom:1px solid #eee;'
                      f'{"white-space:nowrap;" if i in (2, 3) else ""}">{x}</td>' for i, x in enumerate(cells))
        body.append(f"<tr>{tds}</tr>")
    return (f'<table style="border-collapse:collapse;width:100%;font-size:.92em"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def two_places(scene: Scene) -> tuple[str, str] | None:
    """The measure panel's default pair: the first claim's ends, else the first two specific places."""
    ids = {p.id for p in scene.places}
    for c in scene.claims:
        s, a = getattr(c, "subject_id", None), getattr(c, "anchor_id", None)
        if s in ids and a in ids:
            return s, a
    specific = [p.id for p in scene.places if marker_kind(p) != "country"] or [p.id for p in scene.places]
    return (specific[0], specific[1]) if len(specific) >= 2 else None


def first_place(scene: Scene) -> str | None:
    """The place selected when an article opens: the first checked claim's subject, else where the first thing
    happens (never a country when something more specific is at hand)."""
    by_id = {p.id: p for p in scene.places}
    ids = [getattr(c, "subject_id", None) for c in scene.claims] + [e.place_id for e in scene.events]
    ids += [p.id for p in scene.places]
    specific = [i for i in ids if i in by_id and marker_kind(by_id[i]) != "country"]
    return specific[0] if specific else (scene.places[0].id if scene.places else None)


def verdict_summary(scene: Scene) -> str:
    """"✓ 1 consistent ▲ 2 overstated": the claim verdicts in one line, in the checker's order."""
    counts: dict[str, int] = {}
    for c in scene.claims:
        v = (c.get("verdict") if isinstance(c, dict) else getattr(c, "verdict", None)) or "unresolved"
        counts[v] = counts.get(v, 0) + 1
    return "  ".join(f"{VERDICT_STYLES[v].symbol} {counts[v]} {VERDICT_STYLES[v].label}"
                     for v in VERDICT_STYLES if v in counts)


def measure_places(a: Place, b: Place) -> Measurement:
    return measure((a.lat, a.lon), (b.lat, b.lon))


# --------------------------------------------------------------------------
# Text: the article with its mentions marked (escaped; only our own tags)
# --------------------------------------------------------------------------


def _mark_style(place: Place, selected: bool) -> str:
    colour = KIND_STYLES[marker_kind(place)].colour
    style = f"background:{colour}22;border-bottom:2px solid {colour};padding:0 1px;border-radius:2px;color:inherit"
    if selected:
        style += f";background:{colour}55;outline:2px solid {colour};font-weight:600"
    return style


def _spans(places: Iterable[Place], text: str) -> list[tuple[int, int, Place]]:
    """Every mention as (start, end, place), sorted, overlaps dropped (the earlier one wins)."""
    out: list[tuple[int, int, Place]] = []
    found = sorted(((m.start, m.end, p) for p in places for m in p.mentions), key=lambda t: (t[0], -t[1]))
    for start, end, place in found:
        if 0 <= start < end <= len(text) and (not out or start >= out[-1][1]):
            out.append((start, end, place))
    return out


def highlighted_text(text: str, places: Iterable[Place], selected: str | None = None) -> str:
    """The article as HTML: every mention in a ``<mark>`` coloured by its marker kind, the selection outlined.

    Everything from the article goes through ``html.escape``; the only tags
    are the ``<mark>``s and paragraph ``<p>``s made here.
    """
    out, pos = [], 0
    for s, e, p in _spans(places, text):
        title = html.escape(f"{p.name} \u00b7 {p.kind} \u00b7 {p.country}", quote=True)
        out += [html.escape(text[pos:s]),
                f'<mark style="{_mark_style(p, p.id == selected)}" title="{title}">', html.escape(text[s:e]), "</mark>"]
        pos = e
    out.append(html.escape(text[pos:]))
    body = "".join(out)
    paragraphs = [para for para in re.split(r"\n\s*\n|\n", body) if para.strip()]
    return "".join(f'<p style="margin:0 0 .7em 0;line-height:1.6">{para}</p>' for para in paragraphs)


def mention_snippets(text: str, spans: Iterable[Span], limit: int = 5) -> list[str]:
    """HTML of the sentences that mention a place, the mention in ``<mark>`` (escaped like the text view)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    out = []
    for a, b in sentences(text):
        inside = [s for s in spans if a <= s.start < b]
        if not inside:
            continue
        pieces, pos = [], a
        for s in sorted(inside, key=lambda s: s.start):
            if s.start < pos:
                continue
            pieces += [html.escape(text[pos:s.start]), "<mark>", html.escape(text[s.start:min(s.end, b)]), "</mark>"]
            pos = min(s.end, b)
        pieces.append(html.escape(text[pos:b]))
        out.append("".join(pieces).strip())
        if len(out) >= limit:
            break
    return out


# --------------------------------------------------------------------------
# The map: matching clicks to places, and the st_folium frame built once per scene version
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


@dataclass(frozen=True)
class MapFrame:
    """The arguments of the st_folium component for one rendered map, computed once and reused on every rerun.

    Why: ``st_folium(map)`` re-renders the whole folium tree on each call
    (~0.4 s with the 1.2 MB vector basemap), and a Map cannot be handed to it
    twice (folium's render appends its scripts again, which changes the
    component key and remounts the map). So the map is rendered once per
    scene version with st_folium's own helpers, and the app passes these
    frozen arguments to its component.
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
    from geoviz.render import offline_leaflet_assets

    js, css = offline_leaflet_assets()
    m.default_js = [("leaflet", js), *[(k, v) for k, v in m.default_js if k != "leaflet"]]
    m.default_css = [("leaflet_css", css), *[(k, v) for k, v in m.default_css if k != "leaflet_css"]]
    return m


#: The country polygons as a file Streamlit serves (``server.enableStaticServing``: ``static/`` beside app.py).
STATIC_BASEMAP = ROOT / "static" / "geoviz-countries.js"
#: Its URL from the map's iframe (``<server>/component/streamlit_folium.st_folium/index.html``); relative, so a
#: ``server.baseUrlPath`` prefix is kept.
STATIC_BASEMAP_URL = "../../app/static/geoviz-countries.js"


def write_static_basemap(path: Path = STATIC_BASEMAP) -> Path:
    """Write the bundled basemap script the app serves (after the gazetteer's basemap changes)."""
    from geoviz.render import basemap_script

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(basemap_script(), encoding="utf-8")
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
_APP_MAP_JS = """
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
    from geoviz.render import VectorBasemap

    found = []
    stack = [m]
    while stack:
        el = stack.pop()
        if isinstance(el, VectorBasemap) and el.data is not None:  # None: loaded from a file, nothing inline
            found.append((el, el.data))
            el.data = _EMPTY_BASEMAP
        stack.extend(getattr(el, "_children", {}).values())
    return found


def _polygons_js(data: dict[str, Any]) -> str:
    """The basemap as a JS literal; the bundled one (the same object every time) is serialised once per process."""
    from geoviz.render import basemap_geojson, js_value

    if data is basemap_geojson():
        if not _BUNDLED_BASEMAP_JS:
            _BUNDLED_BASEMAP_JS.append(js_value(data))
        return _BUNDLED_BASEMAP_JS[0]
    return js_value(data)


_BUNDLED_BASEMAP_JS: list[str] = []


def map_frame(m: Any, key: str = "map") -> MapFrame:
    """Prepare a freshly rendered folium Map for the st_folium component (the steps ``st_folium`` itself takes)."""
    import streamlit_folium as sf

    from geoviz.render import js_value

    basemaps = _set_aside_basemaps(m)
    m.get_root().render()
    m.render()
    html_part = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m) + _APP_MAP_JS
    component_key = sf.generate_js_hash(script, key, False)  # the key never needs the polygons: they never change
    empty = js_value(_EMPTY_BASEMAP)
    for layer, data in basemaps:
        layer.data = data
        if script.count(f"= {empty};") == 1:
            script = script.replace(f"= {empty};", f"= {_polygons_js(data)};")
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


# --------------------------------------------------------------------------
# Heavy resources, shared by every session, and the warm-up that loads them at server start
# --------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, opened once per server process (its SQLite connection is thread-safe).

    Its recogniser starts on :class:`StoreNameKeys` (each name test asks the
    store's index) so the landing article is parsed without waiting ~0.5 s of
    CPU for the set of every name key; :func:`warm_up_next` loads the set
    after the first page, and parses from then on use it.
    """
    gaz = default_gazetteer()
    recogniser = pipeline(gaz)[0]
    if "name_keys" not in vars(recogniser):  # not loaded yet (cached_property: an instance attribute once set)
        recogniser.name_keys = StoreNameKeys(gaz)
    return gaz


@st.cache_data(show_spinner=False, max_entries=64)
def parse_article(text: str, date: str | None) -> Scene:
    """The parsed scene of an article; each caller gets its own copy (cache_data unpickles), safe to edit."""
    return scene_of(text, date, gazetteer=gazetteer())


@st.cache_data(show_spinner=False, max_entries=256)
def search_gazetteer(query: str) -> list[Entry]:
    """The place search's matches; cached because each keystroke-and-enter reruns the page with the same query."""
    return gazetteer().search(query, 12)


@st.cache_resource(show_spinner=False, max_entries=24)
def scene_map_frame(fingerprint: str, offline: bool, _scene: Scene) -> MapFrame:
    """The map of one scene version, rendered once (keyed by the scene's content, shared by sessions).

    ``_scene`` is not hashed (the leading underscore): ``fingerprint`` is its content hash.
    """
    m = render(_scene, offline=offline, gazetteer=gazetteer(), basemap_src=static_basemap_url(), minimap=False)
    return map_frame(local_leaflet(m))


def warm_up(offline: bool = DEFAULT_OFFLINE_BASEMAP) -> MapFrame:
    """Do the work every first page view waits for: imports, the gazetteer and name index, the landing map.

    Why: on a fresh server the first script run took ~3 s before the page
    showed a map (imports ~1.4 s, the recogniser's name index ~0.6 s, parsing
    and rendering the landing article ~1 s). The name index is no longer on
    this path (see :func:`gazetteer`). ``app.py`` calls this in a
    background thread when the server starts, so the work overlaps with the
    browser loading Streamlit's frontend. Everything goes through the same
    caches as the page, whose per-key compute locks make a visitor who arrives
    before this is done wait for the value being computed, never compute it
    twice or see half of it. The landing article is warmed because it is what
    every new session shows first; any other article still finds the imports,
    the gazetteer and the name index ready. Returns the landing map's frame.
    """
    _register_map_component()
    article = landing_article()
    scene = parse_article(article["text"], article["date"])
    return scene_map_frame(scene_fingerprint(scene), offline, scene)


#: Seconds between the landing map being ready and :func:`warm_up_next`: long enough for a visitor who was
#: waiting to get the first page without sharing the CPU (and the GIL) with work that page does not need.
WARM_UP_NEXT_DELAY_S = 3.0


def warm_up_next() -> None:
    """What the first view did not need: the recogniser's set of name keys (fast parses of the next articles),
    Arrow for the Places tab's table (~0.1 s), and the gazetteer's fuzzy index behind the place search (built from
    the same keys; ~0.1 s more, on the first search of the process otherwise)."""
    import pyarrow  # noqa: F401 - st.dataframe converts through Arrow

    gaz = gazetteer()
    pipeline(gaz)[0].name_keys = gaz.name_keys()
    gaz.fuzzy("a", 1)  # any query builds the whole index


def _register_map_component() -> None:
    """Import st_folium's module and make sure the running server knows its component.

    Why: ``declare_component`` registers the component's files with the
    server only when the module is imported inside a script run. Imported
    first by the warm-up thread (no script run), it would never register, and
    the browser would get a 404 for the map's iframe.
    """
    import streamlit_folium
    from streamlit.runtime import Runtime

    if Runtime.exists():
        Runtime.instance().component_registry.register_component(streamlit_folium._component_func)


#: The interpreter's thread switch interval while the warm-up runs (Python's default is 5 ms). Why: the warm-up
#: is CPU-bound and holds the GIL; the server's event loop, which meanwhile sends the browser Streamlit's frontend
#: (~90 files) and then the page, waited up to 5 ms for it at every turn. At 0.5 ms the first map showed ~0.5 s
#: sooner (median of 7 paired fresh-server runs on a loaded 2-core machine: 5.2 -> 4.6 s).
WARM_UP_SWITCH_INTERVAL_S = 0.0005


_switch_lock = threading.Lock()
_switch_users: list[float] = []  # the interval to restore, once per warm-up running now


def warm_up_yielding() -> None:
    """:func:`warm_up` with the GIL handed over every :data:`WARM_UP_SWITCH_INTERVAL_S`; the interval is restored.

    The interval is process-wide: when warm-ups overlap, the last one to
    finish restores the interval the first one found (not the shortened one).
    """
    with _switch_lock:
        _switch_users.append(sys.getswitchinterval() if not _switch_users else _switch_users[0])
        sys.setswitchinterval(WARM_UP_SWITCH_INTERVAL_S)
    try:
        warm_up()
    finally:
        with _switch_lock:
            previous = _switch_users.pop()
            if not _switch_users:
                sys.setswitchinterval(previous)


_warm_up_thread: list[threading.Thread] = []
_warm_up_lock = threading.Lock()
WARM_UP_THREAD = "geoviz-warm-up"


class _NoContextWarningFromWarmUp(logging.Filter):
    """Drop Streamlit's "missing ScriptRunContext" warning when the warm-up thread logs it.

    Streamlit warns whenever a cached function runs outside a script run; the
    warm-up does exactly that on purpose, and the server log should not tell
    whoever starts the app that something is wrong.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.threadName == WARM_UP_THREAD and "missing ScriptRunContext" in record.getMessage())


def start_warm_up() -> threading.Thread:
    """Start :func:`warm_up`, then :func:`warm_up_next`, in a daemon thread, once per process; returns the thread.

    A failure is logged and otherwise ignored: the page runs the same steps
    itself and shows the error where the reader can see it.
    """

    def run() -> None:
        try:
            warm_up_yielding()
            time.sleep(WARM_UP_NEXT_DELAY_S)
            warm_up_next()
        except Exception:  # noqa: BLE001 - never take the server down; the page will meet the same error
            _LOG.exception("geoviz warm-up failed; the first page view will do the work itself")

    with _warm_up_lock:
        if not _warm_up_thread:
            logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
                _NoContextWarningFromWarmUp())
            thread = threading.Thread(target=run, name=WARM_UP_THREAD, daemon=True)
            thread.start()
            _warm_up_thread.append(thread)
        return _warm_up_thread[0]


@st.cache_data(show_spinner=False, max_entries=4)
def corpus_page(path: str, stamp: float) -> tuple[str, list[dict[str, Any]]]:
    """The offline corpus map of a ``geoviz batch`` output directory and its top places (``stamp``: its mtime).

    The same map ``geoviz map --corpus`` writes; keyed on the directory's
    modification time so a re-run batch is drawn afresh.
    """
    from geoviz.corpus.corpus_map import corpus_map_html, corpus_places

    return corpus_map_html(path, offline=True), [p.to_dict() for p in corpus_places(path)[:50]]
