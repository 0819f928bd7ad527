"""geoviz in the browser: ``streamlit run app.py``.

The page, top to bottom (and this file in the same order): the article input
(sidebar), the headline, the map with the selected place beside it, then tabs
for the text, places, distance claims, the route, a measure tool, the exports
and a corpus map; the callbacks that change state come last. State lives in a
few named ``st.session_state`` keys:

* ``article``   the requested input {name, text, date}; a change re-parses;
* ``workspace`` the parsed and user-edited scene (``geoviz.app.workspace.Workspace``);
* ``selected``  the selected place id (the place picker's key; a map click sets it);
* ``notice``    a message about the last input attempt (a refused upload).

Every edit goes through a callback into ``geoviz.app.workspace``, so the page
that follows already shows the new map, legs and claim checks. The logic lives
in ``geoviz.app`` (the only package that imports streamlit); this file only
lays the page out.

Served, not only run: ``streamlit run app.py`` finds ``app = st.App(...)``
below and imports this file once as a module; the App's lifespan starts
``geoviz.app.warmup`` when the server starts, and each session runs
:func:`page` (the file as ``__main__``). The module import stays instant: the
heavy imports live in the page's branch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import streamlit as st


@asynccontextmanager
async def warm_on_start(_app: Any) -> AsyncIterator[None]:
    """Server start: load the gazetteer, name index and landing map in the background (``warmup.warm_up``).

    A thread, so the server answers at once and the work overlaps with the
    browser loading Streamlit's frontend; the heavy imports happen in that
    thread too, not here on the server's event loop.
    """

    def warm() -> None:
        from geoviz.app import warmup

        warmup.start_warm_up().join()

    import threading

    threading.Thread(target=warm, name="geoviz-warm-up-start", daemon=True).start()
    yield


if __name__ != "__main__" and hasattr(st, "App"):
    # Imported, not run as the page: `streamlit run app.py` (Streamlit with st.App) finds this assignment, imports
    # the file once as a module and serves it with uvicorn, running the page below as __main__ for each session.
    # The App exists for its lifespan hook, the one place code runs when the server starts rather than when the
    # first visitor arrives. (Older Streamlit runs the page directly; its first view does this work itself.)
    app = st.App(__file__, lifespan=warm_on_start)
else:
    # The page's own run: only now the heavy imports (the module import above must stay instant).
    import pandas as pd

    from geoviz import InputError
    from geoviz.app import articles, mapframe, markup, resources, tables, workspace
    from geoviz.corpus.corpus_map import CorpusMapError
    from geoviz.export import article_title, claims_csv, default_stem, geojson_document, html_document, places_csv

#: Articles longer than this get a step-by-step status box instead of a spinner.
LONG_ARTICLE_CHARS = 20_000
MAP_HEIGHT = 580
#: The tabs under the map, in order (``st.session_state["tab"]`` holds the open one).
TABS = ("Article", "Places", "Distance claims", "Route", "Measure", "Export", "Corpus")


def page() -> None:
    """The page, top to bottom: sidebar input, heading, map beside the selected place, then the tabs."""
    # No material-symbol page icon: Streamlit fetches those from fonts.gstatic.com, and the app must need no network.
    st.set_page_config(page_title="geoviz \u00b7 the story on a map", layout="wide")
    if "article" not in st.session_state:
        st.session_state["article"] = articles.landing_article()

    with st.sidebar:
        offline = show_input()
    ws = current_workspace()
    with st.sidebar:
        show_edit_log(ws)

    show_heading(ws)
    if st.session_state.get("selected") not in [p.id for p in ws.scene.places]:
        st.session_state["selected"] = workspace.first_place(ws.scene)
    col_map, col_place = st.columns([2, 1], gap="medium")
    with col_map:
        show_map(ws, offline)
    with col_place:
        show_selected_place(ws)
        show_uncertain(ws)

    show_tabs(ws)


# --------------------------------------------------------------------------
# The sidebar: which article, which basemap, the edits made
# --------------------------------------------------------------------------


def show_input() -> bool:
    """The article input (sample, upload, paste, date) and the basemap switch; returns whether it is offline."""
    sample_list = articles.samples()
    st.markdown("## :material/public: geoviz")
    st.caption("Paste a news article, see its story on a map, check its distances.")
    st.selectbox("Sample article", [s.name for s in sample_list], key="sample", on_change=request_sample,
                 format_func={s.name: s.title for s in sample_list}.get)
    st.file_uploader("Or upload a .txt, .md or .html file", key="upload", on_change=request_upload,
                     max_upload_size=articles.MAX_UPLOAD_MB)
    with st.form("paste", border=False):
        st.text_area("Or paste the text", key="paste_text", height=140, placeholder="Paste an article here\u2026")
        st.form_submit_button("Map this text", icon=":material/map:", on_click=request_paste)
    st.date_input("Article date (optional)", value=None, key="date", on_change=request_date, format="YYYY-MM-DD",
                  help="Resolves 'on Tuesday', 'last week'. Changing it re-reads the article (edits are reset).")
    if st.session_state.get("notice"):
        st.error(markup.markdown_text(st.session_state["notice"]), icon=":material/block:")
    st.divider()
    return st.toggle("Offline basemap", value=mapframe.DEFAULT_OFFLINE_BASEMAP, key="offline_basemap",
                     help="Bundled country outlines (no internet needed). Turn off for OpenStreetMap tiles, "
                          "which need a connection.")


def current_workspace() -> workspace.Workspace:
    """The workspace of the requested article: the session's own, or a fresh parse when the article changed."""
    article = st.session_state["article"]
    ws = st.session_state.get("workspace")
    if ws is None or (ws.text, ws.date, ws.name) != (article["text"], article["date"], article["name"]):
        ws = st.session_state["workspace"] = load_workspace(article)
    return ws


def load_workspace(article: dict[str, Any]) -> workspace.Workspace:
    """Parse the requested article, with a progress indicator sized to the article."""
    article_text, date = article["text"], article["date"]
    if len(article_text) > LONG_ARTICLE_CHARS:
        with st.status(f"Reading {len(article_text):,} characters\u2026", expanded=False) as status:
            status.update(label="Finding places, events and distance claims\u2026")
            scene = resources.parse_article(article_text, date)
            status.update(label=f"Read {len(scene.places)} places, {len(scene.claims)} distance claims",
                          state="complete")
    else:
        with st.spinner("Reading the article\u2026"):
            scene = resources.parse_article(article_text, date)
    ws = workspace.new_workspace(article["name"], article_text, date, scene, resources.gazetteer())
    st.session_state["selected"] = workspace.first_place(scene)
    return ws


def show_edit_log(ws: workspace.Workspace) -> None:
    if ws.edits:
        st.markdown(f"**Your edits** ({len(ws.edits)})")
        st.caption("\n".join(f"- {markup.markdown_text(e)}" for e in ws.edits[-6:]))
        st.button("Undo all edits", icon=":material/undo:", on_click=reset_edits)
    st.caption("Places: GeoNames (CC BY 4.0), Natural Earth, airportsdata. Nothing leaves this machine unless "
               "you switch on OpenStreetMap tiles.")


# --------------------------------------------------------------------------
# The headline, the map and the selected place beside it
# --------------------------------------------------------------------------


def show_heading(ws: workspace.Workspace) -> None:
    """Headline and counts. Headline, file name and place names are the article's: shown literally, not as Markdown."""
    scene = ws.scene
    st.markdown(f"### {markup.markdown_text(article_title(scene))}")
    badges = tables.verdict_summary(scene)
    st.caption(f"{markup.markdown_text(ws.name)} \u00b7 {len(scene.places)} places \u00b7 "
               f"{len(scene.events)} events \u00b7 {len(scene.routes)} journeys \u00b7 "
               f"{len(scene.claims)} distance claims"
               + (f": {badges}" if badges else ""))


def show_map(ws: workspace.Workspace, offline: bool) -> None:
    """The map, rendered once per scene version (``mapframe.scene_map_frame``); a marker click selects its place."""
    frame = mapframe.scene_map_frame(ws.fingerprint(), offline, ws.scene)
    mapframe.show_map(frame, height=MAP_HEIGHT, on_click=select_clicked_place)
    st.caption("Click a marker to select its place. Layers (places, events, route, claims) switch on and off in "
               "the map's top-right control.")


def show_selected_place(ws: workspace.Workspace) -> None:
    place_ids = [p.id for p in ws.scene.places]
    if not place_ids:
        st.info("No places pinned for this article.")
        return
    names = {p.id: workspace.place_label(p) for p in ws.scene.places}
    st.selectbox("Selected place", place_ids, format_func=names.get, key="selected")
    show_place(ws, st.session_state["selected"])


def show_place(ws: workspace.Workspace, place_id: str) -> None:
    """The selected place: what it is, how sure, where the text names it, and how to correct it."""
    place = ws.scene.place(place_id)
    if place is None:
        return
    entry = workspace.current_entry(ws, place)
    where = ", ".join(x for x in ((entry.admin1_name if entry else ""), place.country) if x)
    st.markdown(f"#### :material/location_on: {markup.markdown_text(place.name)}")
    code = (place.entry_id or place.id).replace("`", "'")  # inside a code span nothing else is Markdown
    st.caption(f"{tables.kind_label(place)} \u00b7 {markup.markdown_text(place.kind)} \u00b7 "
               f"{markup.markdown_text(where or 'no country')} \u00b7 {place.lat:.4f}, {place.lon:.4f} \u00b7 `{code}`")
    c1, c2, c3 = st.columns(3)
    c1.metric("Confidence", f"{place.confidence:.0%}",
              help="How much of the resolver's belief lies within 50 km of this point")
    c2.metric("Mentions", len(place.mentions))
    c3.metric("Events here", len(ws.scene.events_at(place.id)))
    if "edited" in place.reason:
        st.caption(":material/edit: Corrected by you.")
    elif place.metonym:
        st.caption(":material/record_voice_over: Named for its government (a metonym), not as a location.")
    snippets = markup.mention_snippets(ws.text, place.mentions, limit=3)
    if snippets:
        st.html("".join(f'<p style="margin:.2em 0 .5em;font-size:.9em;line-height:1.45">\u201c{s}\u201d</p>'
                        for s in snippets))

    st.markdown("**Correct this place**")
    choices = ws.choices.get(place.id) or ([entry] if entry else [])
    ids = [e.id for e in choices]
    labels = {e.id: workspace.entry_label(e) for e in choices}
    if place.entry_id and place.entry_id not in ids:
        ids.insert(0, place.entry_id)
        labels[place.entry_id] = place.name
    widget = f"resolve:{place.id}:{ws.version}"
    st.selectbox("Resolution (ranked candidates)", ids, index=ids.index(place.entry_id) if place.entry_id in ids
                 else 0, format_func=lambda i: labels.get(i, i), key=widget, on_change=choose_resolution,
                 args=(place.id, widget), help="The resolver's pick first, then its ranked alternatives.")
    query = st.text_input("Or search the gazetteer", key=f"search:{place.id}", placeholder="e.g. Vladivostok port",
                          help="Exact, prefix and fuzzy matches over the bundled gazetteer")
    if query.strip():
        hits = resources.search_gazetteer(query.strip())
        if hits:
            pick = f"hit:{place.id}:{ws.version}"
            hit_labels = {e.id: workspace.entry_label(e) for e in hits}
            col_a, col_b = st.columns([3, 1], vertical_alignment="bottom")
            col_a.selectbox("Matches", list(hit_labels), format_func=hit_labels.get, key=pick)
            col_b.button("Use", key=f"use:{place.id}", on_click=use_search_hit, args=(place.id, pick),
                         use_container_width=True)
        else:
            st.caption(f"Nothing named {markup.markdown_text(repr(query))} in the gazetteer.")
    st.button(f"Drop {markup.markdown_text(place.name)} from the map", key=f"drop:{place.id}",
              icon=":material/delete:", on_click=drop_place, args=(place.id,),
              help="Not a place, or not this story's: remove it, its events and its route stops; claims that need "
                   "it become unresolved.")


def show_uncertain(ws: workspace.Workspace) -> None:
    """Towns the resolver could not decide between: listed with their readings, pinned only when a person picks."""
    places = ws.scene.uncertain
    if not places:
        return
    with st.expander(f":material/help: Not pinned: {len(places)} uncertain place{'s' * (len(places) != 1)}"):
        st.caption("Names the resolver could not place with confidence (no reading holds 70 %): several towns "
                   "share the name, or the word may not be a place here. Pick a reading to put it on the map.")
        for place in places:
            choices = ws.choices.get(place.id) or []
            if not choices:
                continue
            labels = {e.id: workspace.entry_label(e) for e in choices}
            widget = f"pin:{place.id}:{ws.version}"
            col_a, col_b = st.columns([3, 1], vertical_alignment="bottom")
            col_a.selectbox(f"{markup.markdown_text(place.name)} ({len(place.mentions)}×, {place.confidence:.0%})",
                            list(labels), format_func=labels.get, key=widget)
            col_b.button("Pin", key=f"pinbtn:{place.id}", on_click=pin_place, args=(place.id, widget),
                         use_container_width=True)


# --------------------------------------------------------------------------
# The tabs under the map
# --------------------------------------------------------------------------


def show_tabs(ws: workspace.Workspace) -> None:
    """Only the open tab runs (a tab switch reruns the page, ~0.1 s).

    The first view sends the article, not a data grid, route editor and export
    buttons nobody sees yet, which cost the browser ~0.8 s on a first render.
    Labels stay the same for every article, so the open tab survives edits and
    article changes.
    """
    draw = {"Article": lambda: show_text(ws, st.session_state.get("selected")), "Places": lambda: show_places(ws),
            "Distance claims": lambda: show_claims(ws), "Route": lambda: show_routes(ws),
            "Measure": lambda: show_measure(ws), "Export": lambda: show_exports(ws), "Corpus": show_corpus}
    for label, tab in zip(TABS, st.tabs(list(TABS), key="tab", on_change="rerun")):
        if tab.open:
            with tab:
                draw[label]()


def show_text(ws: workspace.Workspace, selected: str | None) -> None:
    st.html(markup.kind_legend_html())
    st.html(f'<div style="max-width:52em;font-size:1.02em">'
            f'{markup.highlighted_text(ws.text, ws.scene.places, selected)}</div>')


def show_places(ws: workspace.Workspace) -> None:
    rows = tables.places_rows(ws.scene)
    ids = [r["id"] for r in rows]
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="places_table", on_select=partial(on_table_select, ids),
                 selection_mode="single-row", column_order=[k for k in rows[0] if k != "id"] if rows else None,
                 column_config={"confidence": st.column_config.ProgressColumn("confidence", min_value=0.0,
                                                                              max_value=1.0, format="%.2f"),
                                "edited": st.column_config.CheckboxColumn("edited")})
    st.caption("Select a row to select that place on the map.")


def show_claims(ws: workspace.Workspace) -> None:
    if not ws.scene.claims:
        st.info("The article states no distances to check.")
        return
    st.html(tables.claims_table_html(ws.scene))
    st.caption("Verdicts compare the stated distance with the geodesic between the two places, with a tolerance "
               "set by how the number is written (\u201cabout 1,000 km\u201d allows more than \u201c1,013 km\u201d). "
               "Correct a place and its claims are checked again.")


def show_routes(ws: workspace.Workspace) -> None:
    scene = ws.scene
    if not scene.routes:
        st.info("No journey found in the article.")
        return
    names = {p.id: p.name for p in scene.places}
    for r in scene.routes:
        who = f"{markup.markdown_text(r.traveller)}'s journey" if r.traveller else "Journey"
        st.markdown(f"**{who}** \u00b7 {len(r.stops)} stops \u00b7 {r.distance_km:,.0f} km"
                    + (f" \u00b7 by {markup.markdown_text(r.mode)}" if r.mode else ""))
        for i, stop in enumerate(r.stops):
            leg = r.legs[i - 1] if i > 0 and i - 1 < len(r.legs) else None
            c_name, c_up, c_down, c_del = st.columns([6, 1, 1, 1], vertical_alignment="center")
            note = f" \u00b7 {leg.distance_km:,.0f} km from the previous stop" if leg else ""
            note += f" \u00b7 {markup.markdown_text(stop.date_label)}" if stop.date_label else ""
            note += " \u00b7 *implied*" if stop.implied else ""
            c_name.markdown(f"{i + 1}. **{markup.markdown_text(stop.name)}**{note}")
            c_up.button(":material/arrow_upward:", key=f"{r.id}:{i}:up", disabled=i == 0, help="Move up",
                        on_click=workspace.move_stop, args=(ws, r.id, i, i - 1))
            c_down.button(":material/arrow_downward:", key=f"{r.id}:{i}:down", disabled=i == len(r.stops) - 1,
                          help="Move down", on_click=workspace.move_stop, args=(ws, r.id, i, i + 1))
            c_del.button(":material/close:", key=f"{r.id}:{i}:del", help="Remove this stop",
                         on_click=workspace.remove_stop, args=(ws, r.id, i))
        c_place, c_at, c_add = st.columns([3, 3, 1], vertical_alignment="bottom")
        c_place.selectbox("Add a stop", list(names), format_func=names.get, key=f"add:{r.id}")
        positions = [-1] + list(range(len(r.stops)))
        c_at.selectbox("Where", positions, key=f"at:{r.id}", format_func=lambda i, r=r: "at the end" if i < 0
                       else f"before {i + 1}. {r.stops[i].name}")
        c_add.button("Add", key=f"add-btn:{r.id}", on_click=add_stop, args=(r.id,), use_container_width=True)


def show_measure(ws: workspace.Workspace) -> None:
    places = {p.id: p for p in ws.scene.places}
    if len(places) < 2:
        st.info("Measuring needs two places.")
        return
    pair = tables.two_places(ws.scene) or tuple(list(places)[:2])
    for widget, default in (("measure_a", pair[0]), ("measure_b", pair[1])):
        if st.session_state.get(widget) not in places:
            st.session_state[widget] = default
    label = {pid: workspace.place_label(p) for pid, p in places.items()}
    c_a, c_b = st.columns(2)
    a = places[c_a.selectbox("From", list(places), format_func=label.get, key="measure_a")]
    b = places[c_b.selectbox("To", list(places), format_func=label.get, key="measure_b")]
    m = tables.measure_places(a, b)
    c1, c2, c3 = st.columns(3)
    c1.metric("Geodesic", f"{m.km:,.1f} km")
    c2.metric("Miles", f"{m.miles:,.1f}")
    c3.metric("Nautical miles", f"{m.nautical_miles:,.1f}")
    st.caption(f"From {markup.markdown_text(a.name)}, {markup.markdown_text(b.name)} lies at a bearing of "
               f"{m.bearing:.0f}\u00b0 ({m.compass}); the way back "
               f"starts at {m.back_bearing:.0f}\u00b0. Distances are on the WGS84 ellipsoid (Karney), like the "
               "claim checks.")


def show_exports(ws: workspace.Workspace) -> None:
    """Download buttons; each file is built only when its button is clicked (big offline HTML included)."""
    scene, stem = ws.scene, default_stem(ws.scene)
    files = [
        ("Map (HTML)", f"{stem}.html", "text/html",
         lambda: html_document(scene, gazetteer=resources.gazetteer()),
         "Loads Leaflet and OpenStreetMap tiles from the web"),
        ("Offline map (HTML)", f"{stem}-offline.html", "text/html",
         lambda: html_document(scene, gazetteer=resources.gazetteer(), offline=True),
         "One self-contained file: works with no internet"),
        ("GeoJSON", f"{stem}.geojson", "application/geo+json", lambda: geojson_document(scene),
         "Round-trips: QGIS, geojson.io"),
        ("Places (CSV)", f"{stem}-places.csv", "text/csv", lambda: places_csv(scene), "One row per place"),
        ("Claims (CSV)", f"{stem}-claims.csv", "text/csv", lambda: claims_csv(scene), "One row per distance claim"),
    ]
    cols = st.columns(len(files))
    for col, (label, name, mime, make, help_text) in zip(cols, files):
        col.download_button(label, data=make, file_name=name, mime=mime, on_click="ignore", help=help_text,
                            icon=":material/download:", key=f"export:{name}", use_container_width=True)
    st.caption(f"Files are named after the article: `{stem}`. Exports include your corrections.")


def show_corpus() -> None:
    """The map of a whole corpus that `geoviz batch` parsed: where a month of wire copy happens."""
    import os

    import streamlit.components.v1 as components

    st.caption("Run `geoviz batch IN.jsonl -o OUT.parquet` first, then give its output directory (on this machine).")
    path = st.text_input("Batch output directory", key="corpus_dir", placeholder="month.parquet").strip()
    if not path:
        return
    try:
        html, rows = resources.corpus_page(path, os.stat(path).st_mtime)
    except (CorpusMapError, OSError, ValueError) as exc:
        st.error(markup.markdown_text(str(exc)), icon=":material/block:")
        return
    components.html(html, height=560)
    st.dataframe(pd.DataFrame(rows), hide_index=True)
    st.download_button("Corpus map (offline HTML)", html, file_name="corpus-offline.html", mime="text/html",
                       icon=":material/download:")


# --------------------------------------------------------------------------
# Callbacks: the only places state changes
# --------------------------------------------------------------------------


def the_workspace() -> workspace.Workspace:
    return st.session_state["workspace"]


def date_text() -> str | None:
    d = st.session_state.get("date")
    return d.isoformat() if isinstance(d, dt.date) else None


def request_sample() -> None:
    sample = next(s for s in articles.samples() if s.name == st.session_state["sample"])
    st.session_state["article"] = {"name": sample.name, "text": sample.text(), "date": date_text()}
    st.session_state.pop("notice", None)


def request_upload() -> None:
    """Read the uploaded file; a refused file leaves the current article as it is."""
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        article_text = articles.read_upload(upload.name, upload.getvalue())
    except InputError as e:
        st.session_state["notice"] = str(e)
        return
    st.session_state["article"] = {"name": upload.name, "text": article_text, "date": date_text()}
    st.session_state.pop("notice", None)


def request_paste() -> None:
    pasted = st.session_state.get("paste_text", "")
    if not pasted.strip():
        st.session_state["notice"] = "Paste an article's text first."
        return
    st.session_state["article"] = {"name": "pasted text", "text": pasted, "date": date_text()}
    st.session_state.pop("notice", None)


def request_date() -> None:
    st.session_state["article"] = {**st.session_state["article"], "date": date_text()}


def select_clicked_place(lat: float, lng: float) -> None:
    place_id = mapframe.nearest_place(the_workspace().scene, lat, lng)
    if place_id:
        st.session_state["selected"] = place_id


def on_table_select(ids: list[str]) -> None:
    rows = st.session_state["places_table"].selection.rows
    if rows:
        st.session_state["selected"] = ids[rows[0]]


def choose_resolution(place_id: str, widget: str) -> None:
    entry = resources.gazetteer().get(st.session_state[widget])
    if entry is not None:
        workspace.set_resolution(the_workspace(), place_id, entry, resources.gazetteer())


def use_search_hit(place_id: str, widget: str) -> None:
    entry = resources.gazetteer().get(st.session_state.get(widget) or "")
    if entry is not None:
        workspace.set_resolution(the_workspace(), place_id, entry, resources.gazetteer())


def pin_place(place_id: str, widget: str) -> None:
    workspace.pin_place(the_workspace(), place_id, st.session_state[widget], resources.gazetteer())
    st.session_state["selected"] = place_id


def drop_place(place_id: str) -> None:
    workspace.drop_place(the_workspace(), place_id, resources.gazetteer())
    st.session_state.pop("selected", None)


def add_stop(route_id: str) -> None:
    place_id, where = st.session_state[f"add:{route_id}"], st.session_state[f"at:{route_id}"]
    workspace.add_stop(the_workspace(), route_id, place_id, None if where < 0 else where)


def reset_edits() -> None:
    st.session_state.pop("workspace", None)


if __name__ == "__main__":
    page()
