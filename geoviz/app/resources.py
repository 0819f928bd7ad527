"""The heavy resources every session shares, behind Streamlit's caches: the gazetteer, parsed articles, searches.

Why here and not in ``app.py``: a cached function is keyed by its module, and
the page script runs as ``__main__`` while the warm-up
(:mod:`geoviz.app.warmup`) runs at server start from the imported module, so
only functions defined in a real module share one cache between them. The
rendered maps are cached the same way in :mod:`geoviz.app.mapframe`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from geoviz.geo.gazetteer import Gazetteer, StoreNameKeys, default_gazetteer
from geoviz.geo.stores import chosen_store
from geoviz.model import Entry
from geoviz.pipeline import pipeline, scene_of
from geoviz.scene import Scene

__all__ = ["corpus_page", "gazetteer", "parse_article", "search_gazetteer", "store_label"]


@st.cache_resource(show_spinner=False)
def gazetteer() -> Gazetteer:
    """The chosen gazetteer (a built full store, else the bundled one), opened once per server process.

    Its SQLite connection is thread-safe.
    Its recogniser starts on :class:`StoreNameKeys` (each name test asks the
    store's index) so the landing article is parsed without waiting ~0.5 s of
    CPU for the set of every name key; :func:`geoviz.app.warmup.warm_up_next`
    loads the set after the first page, and parses from then on use it.
    """
    gaz = default_gazetteer()
    recogniser = pipeline(gaz)[0]
    if "name_keys" not in vars(recogniser):  # not loaded yet (cached_property: an instance attribute once set)
        recogniser.name_keys = StoreNameKeys(gaz)
    return gaz


@st.cache_data(show_spinner=False)
def store_label() -> str:
    """The sidebar's line saying which gazetteer store the app uses and how big it is (read once)."""
    gaz = gazetteer()
    _, how = chosen_store()
    entries = sum(gaz.kind_counts().values())
    kind = {"bundled": "bundled", "built": "full (built)", "env": "from GEOVIZ_GAZETTEER",
            "option": "chosen"}[how]
    return f"Gazetteer: {kind}, {entries:,} places, {gaz.path.stat().st_size / 1e6:,.0f} MB"


@st.cache_data(show_spinner=False, max_entries=64)
def parse_article(text: str, date: str | None) -> Scene:
    """The parsed scene of an article; each caller gets its own copy (cache_data unpickles), safe to edit."""
    return scene_of(text, date, gazetteer=gazetteer())


@st.cache_data(show_spinner=False, max_entries=256)
def search_gazetteer(query: str) -> list[Entry]:
    """The place search's matches; cached because each keystroke-and-enter reruns the page with the same query."""
    return gazetteer().search(query, 12)


@st.cache_data(show_spinner=False, max_entries=4)
def corpus_page(path: str, stamp: float) -> tuple[str, list[dict[str, Any]]]:
    """The offline corpus map of a ``geoviz batch`` output directory and its top places (``stamp``: its mtime).

    The same map ``geoviz map --corpus`` writes; keyed on the directory's
    modification time so a re-run batch is drawn afresh.
    """
    from geoviz.corpus.corpus_map import corpus_map_html, corpus_places

    html = corpus_map_html(path, gazetteer=gazetteer(), offline=True)
    return html, [p.to_dict() for p in corpus_places(path)[:50]]
