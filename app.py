"""geoviz in the browser: ``streamlit run app.py``.

The page, top to bottom (and this file in the same order): the article input
(sidebar), the headline, the map with the selected place beside it, then tabs
for the text, places, distance claims, the route, a measure tool, the exports
and a corpus map; the callbacks that change state come last. State lives in a
few named ``st.session_state`` keys:

* ``article``   the requested input {name, text, date}; a change re-parses;
* ``workspace`` the parsed and user-edited scene (``geoviz.app.workspace.Workspace``);
* ``selected``  the selected place id (the place picker's key; a map click sets it);
* ``notice``    a message about the last input attempt (a refused upload);
* ``store``     the gazetteer store the article is read with (a path; the sidebar's choice).

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
    st.session_state["page_version"] = (id(ws), ws.version)
    show_map_and_place(offline)
    show_tabs(ws)


@st.fragment
def show_map_and_place(offline: bool) -> None:
    """The map with the selected place beside it: a fragment, so a marker click reruns only this part.

    Why: a click used to rerun the whole page (heading, tabs, article) before
    the panel changed; now only the panel is redrawn, and the map component,
    given the same frame, stays as it is. An edit made here changes the
    workspace's version, and the whole page runs again so the heading, the
    tabs and the edit log follow it.
    """
    ws = the_workspace()
    if st.session_state.get("page_version") != (id(ws), ws.version):
        st.rerun(scope="app")
    frame = mapframe.scene_map_frame(ws.fingerprint(), offline, ws.scene)
    click = mapframe.unseen_click(frame)
    if click:
        select_clicked_place(*click)
    if st.session_state.get("selected") not in [p.id for p in ws.scene.places]:
        st.session_state["selected"] = workspace.first_place(ws.scene)
    col_map, col_place = st.columns([2, 1], gap="medium")
    with col_map:
        show_map(frame)
    with col_place:
        show_selected_place(ws)
        show_uncertain(ws)
        show_add_place(ws)


# --------------------------------------------------------------------------
# The sidebar: which article, which basemap, the edits made
# --------------------------------------------------------------------------


def show_input() -> bool:
    """The article input (sample, upload, paste, date) and the basemap switch; returns whether it is offline."""
    sample_list = articles.samples()
    st.markdown("## :material/public: geoviz")
    st.caption("Paste a news article, see its story on a map, check its distances. "
               + articles.LIMIT_NOTE)
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
    offline = st.toggle("Offline basemap", value=mapframe.DEFAULT_OFFLINE_BASEMAP, key="offline_basemap",
                        help="Bundled country outlines (no internet needed). Turn off for OpenStreetMap tiles, "
                             "which need a connection.")
    show_store_choice()
    return offline


def show_store_choice() -> None:
    """Which gazetteer store the article is read with, and its size: the bundled one, a built one, GEOVIZ_GAZETTEER.

    Switching re-reads the article with the chosen store (edits are reset, as
    for a new date); each store keeps its own cached parses and searches.
    """
    choices = resources.store_choices()
    if st.session_state.get(resources.STORE_KEY) not in choices:
        st.session_state[resources.STORE_KEY] = resources.store_path() if resources.store_path() in choices \
            else next(iter(choices))
    st.selectbox("Gazetteer", list(choices), key=resources.STORE_KEY, format_func=resources.store_label,
                 help="The places the article is read against. Build a full store from GeoNames with "
                      "`geoviz gazetteer download` and `geoviz gazetteer build` (or name one with GEOVIZ_GAZETTEER; "
                      "see docs/gazetteer.md); it is offered here. Switching re-reads the article "
                      "(edits are reset).")


def current_workspace() -> workspace.Workspace:
    """The workspace of the requested article: the session's own, or a fresh parse when the article changed."""
    article = st.session_state["article"]
    ws = st.session_state.get("workspace")
    if ws is None or (ws.text, ws.date, ws.name, ws.store) != (article["text"], article["date"], article["name"],
                                                              resources.store_path()):
        ws = st.session_state["workspace"] = load_workspace(article)
    return ws


def load_workspace(article: dict[str, Any]) -> workspace.Workspace:
    """Parse the requested article, with a progress indicator sized to the article."""
    article_text, date = article["text"], article["date"]
    if len(article_text) > LONG_ARTICLE_CHARS:
        with st.status(f"Reading {len(article_text):,} characters\u2026", expanded=False) as status:
            status.update(label="Finding places, events and distance claims\u2026")
            scene = resources.parse_article(article_text, date)
            status.update(label=f"Read {tables.count(len(scene.places), 'place')}, "
                                f"{tables.count(len(scene.claims), 'distance claim')}", state="complete")
    else:
        with st.spinner("Reading the article\u2026"):
            scene = resources.parse_article(article_text, date)
    ws = workspace.new_workspace(article["name"], article_text, date, scene, resources.gazetteer(),
                                 store=resources.store_path())
    st.session_state["selected"] = workspace.first_place(scene)
    return ws


def show_edit_log(ws: workspace.Workspace) -> None:
    """Every edit, in order (undone ones struck through until an edit replaces them), stepwise undo and redo."""
    if ws.log:
        st.markdown(f"**Your edits** ({tables.count(len(ws.edits), 'edit')} in force)")
        lines = [f"{i + 1}. {markup.markdown_text(e)}" if i < ws.position else
                 f"{i + 1}. ~~{markup.markdown_text(e)}~~ *(undone)*" for i, e in enumerate(ws.log)]
        with st.container(height=min(40 + 28 * len(lines), 260), border=False):
            st.caption("\n".join(lines))
        c_undo, c_redo = st.columns(2)
        c_undo.button("Undo", icon=":material/undo:", key="undo", on_click=step_edits, args=(-1,),
                      disabled=ws.position == 0, use_container_width=True)
        c_redo.button("Redo", icon=":material/redo:", key="redo", on_click=step_edits, args=(1,),
                      disabled=ws.position >= len(ws.log), use_container_width=True)
        st.button("Undo all edits", icon=":material/restart_alt:", on_click=reset_edits, disabled=ws.position == 0)
        st.download_button("Edit log (text)", data="\n".join(f"{i + 1}. {e}" for i, e in enumerate(ws.edits)) + "\n",
                           file_name=f"{default_stem(ws.scene)}-edits.txt", mime="text/plain", on_click="ignore",
                           icon=":material/download:", key="export:edits")
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
    counts = " \u00b7 ".join(tables.count(n, word) for n, word in (
        (len(scene.places), "place"), (len(scene.events), "event"), (len(scene.routes), "journey"),
        (len(scene.claims), "distance claim")))
    st.caption(f"{markup.markdown_text(ws.name)} \u00b7 {counts}" + (f": {badges}" if badges else ""))


def show_map(frame: mapframe.MapFrame) -> None:
    """The map, rendered once per scene version (``mapframe.scene_map_frame``); a marker click selects its place."""
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


def show_add_place(ws: workspace.Workspace) -> None:
    """A place the parser missed: the name as the text writes it, a gazetteer pick, and every occurrence joins."""
    st.markdown("**Add a place the parser missed**")
    name = st.text_input("Name as the article writes it", key="add_place_name", placeholder="e.g. Paisley",
                         help="Copy a phrase from the article (or type a name). Every occurrence of it in the text "
                              "becomes a mention of the place you pick.")
    if not name.strip():
        return
    hits = resources.search_gazetteer(name.strip())
    if not hits:
        st.caption(f"Nothing named {markup.markdown_text(repr(name))} in the gazetteer.")
        return
    found = len(workspace.name_spans(ws.text, name))
    labels = {e.id: workspace.entry_label(e) for e in hits}
    col_a, col_b = st.columns([3, 1], vertical_alignment="bottom")
    col_a.selectbox(f"Which place ({tables.count(found, 'mention')} in the text)", list(labels),
                    format_func=labels.get, key="add_place_pick")
    col_b.button("Add", key="add_place_btn", on_click=add_missed_place, use_container_width=True)


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
               "Correct a place, or re-pick a claim's ends below, and its claims are checked again.")
    show_claim_ends(ws)


def show_claim_ends(ws: workspace.Workspace) -> None:
    """Re-pick either end of a claim from the article's places or the gazetteer; the verdict follows."""
    places = {p.id: workspace.place_label(p) for p in ws.scene.places}
    if not places:
        return
    st.markdown("**Re-pick a claim's ends**")
    claims = ws.scene.claims
    index = 0
    if len(claims) > 1:
        index = st.selectbox("Claim", list(range(len(claims))), key="claim_pick",
                             format_func=lambda i: f"{i + 1}. {claims[i].sentence[:90]}")
    claim = claims[index]
    if isinstance(claim, dict):
        return
    v = ws.version
    c_s, c_a = st.columns(2)
    for col, role in ((c_s, "subject"), (c_a, "anchor")):
        current = getattr(claim, f"{role}_id", None)
        options = ([] if current in places else [""]) + list(places)
        key = f"claim:{index}:{role}"
        st.session_state[key] = current if current in places else ""
        col.selectbox(role.capitalize() + (" (measured from)" if role == "anchor" else " (what is placed)"),
                      options, format_func=lambda i: places.get(i, "\u2014 none \u2014"), key=key,
                      on_change=set_claim_end, args=(index, role))
    query = st.text_input("Or an end from the gazetteer", key=f"claim-search:{index}:{v}",
                          placeholder="e.g. Vladivostok")
    if query.strip():
        hits = resources.search_gazetteer(query.strip())
        labels = {e.id: workspace.entry_label(e) for e in hits}
        if labels:
            c_hit, c_sub, c_anc = st.columns([3, 1, 1], vertical_alignment="bottom")
            c_hit.selectbox("Matches", list(labels), format_func=labels.get, key=f"claim-hit:{index}")
            c_sub.button("As subject", key=f"claim-sub:{index}", on_click=claim_end_from_gazetteer,
                         args=(index, "subject"), use_container_width=True)
            c_anc.button("As anchor", key=f"claim-anc:{index}", on_click=claim_end_from_gazetteer,
                         args=(index, "anchor"), use_container_width=True)
        else:
            st.caption(f"Nothing named {markup.markdown_text(repr(query))} in the gazetteer.")


def show_routes(ws: workspace.Workspace) -> None:
    """Each journey: rename who travels, delete it, move, remove and add stops (from the article or the gazetteer)."""
    scene = ws.scene
    names = {p.id: p.name for p in scene.places}
    if not scene.routes:
        st.info("No journey found in the article." if not ws.edits else "No journey on the map.")
    for r in scene.routes:
        who = f"{markup.markdown_text(r.traveller)}'s journey" if r.traveller else "Journey"
        st.markdown(f"**{who}** \u00b7 {tables.count(len(r.stops), 'stop')} \u00b7 {r.distance_km:,.0f} km"
                    + (f" \u00b7 by {markup.markdown_text(r.mode)}" if r.mode else ""))
        c_who, c_drop = st.columns([5, 2], vertical_alignment="bottom")
        key = f"traveller:{r.id}"
        st.session_state[key] = r.traveller or ""
        c_who.text_input("Traveller", key=key, on_change=rename_route, args=(r.id,),
                         help="Who makes this journey (blank: nobody named)")
        c_drop.button("Delete this journey", key=f"drop-route:{r.id}", icon=":material/delete:",
                      on_click=drop_route, args=(r.id,), use_container_width=True)
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
            c_del.button(":material/close:", key=f"{r.id}:{i}:del", help="Remove this stop (the last one "
                         "removes the journey)", on_click=workspace.remove_stop, args=(ws, r.id, i))
        c_place, c_at, c_add = st.columns([3, 3, 1], vertical_alignment="bottom")
        c_place.selectbox("Add a stop", list(names), format_func=names.get, key=f"add:{r.id}")
        positions = [-1] + list(range(len(r.stops)))
        c_at.selectbox("Where", positions, key=f"at:{r.id}", format_func=lambda i, r=r: "at the end" if i < 0
                       else f"before {i + 1}. {r.stops[i].name}")
        c_add.button("Add", key=f"add-btn:{r.id}", on_click=add_stop, args=(r.id,), use_container_width=True)
        query = st.text_input("Or a stop from the gazetteer", key=f"stop-search:{r.id}", placeholder="e.g. Harbin")
        if query.strip():
            hits = resources.search_gazetteer(query.strip())
            labels = {e.id: workspace.entry_label(e) for e in hits}
            if labels:
                c_hit, c_use = st.columns([6, 1], vertical_alignment="bottom")
                c_hit.selectbox("Matches", list(labels), format_func=labels.get, key=f"stop-hit:{r.id}")
                c_use.button("Add", key=f"stop-use:{r.id}", on_click=add_stop_from_gazetteer, args=(r.id,),
                             use_container_width=True)
            else:
                st.caption(f"Nothing named {markup.markdown_text(repr(query))} in the gazetteer.")
        st.divider()
    if len(names) >= 2:
        st.markdown("**New journey**")
        c_from, c_to, c_who, c_new = st.columns([3, 3, 3, 2], vertical_alignment="bottom")
        c_from.selectbox("From", list(names), format_func=names.get, key="new_route_from")
        c_to.selectbox("To", list(names), format_func=names.get, key="new_route_to", index=1)
        c_who.text_input("Traveller", key="new_route_who", placeholder="optional")
        c_new.button("Add journey", key="new_route_btn", on_click=new_route, use_container_width=True)
        st.caption("Add more stops to it above, from the article's places or the gazetteer.")


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
    scene, stem = ws.export_scene(), default_stem(ws.scene)  # the exports carry the edit log (meta "edits")
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
    st.caption(f"Files are named after the article: `{stem}`. Exports include your corrections; the GeoJSON "
               "carries the edit log too (`geoviz.meta.edits`), and the sidebar downloads it as text.")


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
    """Map the pasted text; over the limit it is refused, and let go of (a 15 MB paste is not kept in the session)."""
    pasted = st.session_state.get("paste_text", "")
    if not pasted.strip():
        st.session_state["notice"] = "Paste an article's text first."
        return
    try:
        articles.check_length("The pasted text", pasted)
    except InputError as e:
        st.session_state["notice"] = str(e)
        st.session_state["paste_text"] = ""
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
        st.session_state["selected"] = workspace.set_resolution(the_workspace(), place_id, entry,
                                                                resources.gazetteer())


def use_search_hit(place_id: str, widget: str) -> None:
    entry = resources.gazetteer().get(st.session_state.get(widget) or "")
    if entry is not None:
        st.session_state["selected"] = workspace.set_resolution(the_workspace(), place_id, entry,
                                                                resources.gazetteer())


def pin_place(place_id: str, widget: str) -> None:
    st.session_state["selected"] = workspace.pin_place(the_workspace(), place_id, st.session_state[widget],
                                                       resources.gazetteer())


def drop_place(place_id: str) -> None:
    workspace.drop_place(the_workspace(), place_id, resources.gazetteer())
    st.session_state.pop("selected", None)


def add_missed_place() -> None:
    entry = resources.gazetteer().get(st.session_state.get("add_place_pick") or "")
    if entry is None:
        return
    phrase = st.session_state.get("add_place_name", "")
    st.session_state["selected"] = workspace.add_place(the_workspace(), entry, phrase, resources.gazetteer())
    st.session_state["add_place_name"] = ""


def add_stop(route_id: str) -> None:
    place_id, where = st.session_state[f"add:{route_id}"], st.session_state[f"at:{route_id}"]
    workspace.add_stop(the_workspace(), route_id, place_id, None if where < 0 else where)


def add_stop_from_gazetteer(route_id: str) -> None:
    entry = resources.gazetteer().get(st.session_state.get(f"stop-hit:{route_id}") or "")
    if entry is None:
        return
    where = st.session_state.get(f"at:{route_id}", -1)
    workspace.add_stop_entry(the_workspace(), route_id, entry, None if where < 0 else where, resources.gazetteer())
    st.session_state[f"stop-search:{route_id}"] = ""


def rename_route(route_id: str) -> None:
    workspace.rename_route(the_workspace(), route_id, st.session_state.get(f"traveller:{route_id}", ""))


def drop_route(route_id: str) -> None:
    workspace.drop_route(the_workspace(), route_id)


def new_route() -> None:
    ids = [st.session_state.get("new_route_from"), st.session_state.get("new_route_to")]
    workspace.new_route(the_workspace(), [i for i in ids if i], st.session_state.get("new_route_who") or None)


def set_claim_end(index: int, role: str) -> None:
    workspace.set_claim_end(the_workspace(), index, role, st.session_state[f"claim:{index}:{role}"],
                            resources.gazetteer())


def claim_end_from_gazetteer(index: int, role: str) -> None:
    """A claim end from the gazetteer: the place joins the scene (with its mentions), then becomes the end."""
    entry = resources.gazetteer().get(st.session_state.get(f"claim-hit:{index}") or "")
    if entry is None:
        return
    ws = the_workspace()
    if ws.scene.place(entry.id) is None:
        workspace.add_place(ws, entry, entry.name, resources.gazetteer())
    workspace.set_claim_end(ws, index, role, entry.id, resources.gazetteer())


def step_edits(step: int) -> None:
    (workspace.undo if step < 0 else workspace.redo)(the_workspace())


def reset_edits() -> None:
    workspace.undo_all(the_workspace())


if __name__ == "__main__":
    page()
