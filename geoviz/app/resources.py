"""The heavy resources every session shares, behind Streamlit's caches: the gazetteer, parsed articles, searches.

Why here and not in ``app.py``: a cached function is keyed by its module, and
the page script runs as ``__main__`` while the warm-up
(:mod:`geoviz.app.warmup`) runs at server start from the imported module, so
only functions defined in a real module share one cache between them. The
rendered maps are cached the same way in :mod:`geoviz.app.mapframe`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geoviz.geo.gazetteer import Gazetteer, StoreNameKeys, default_gazetteer
from geoviz.geo.stores import available_stores, chosen_store
from geoviz.model import Entry
from geoviz.pipeline import pipeline, scene_of
from geoviz.scene import Scene

__all__ = ["STORE_KEY", "corpus_page", "gazetteer", "parse_article", "search_gazetteer", "store_choices",
           "store_label", "store_path"]

#: The ``st.session_state`` key of the store a session reads with (a path; the sidebar's store choice sets it).
STORE_KEY = "store"
#: How each store came to be offered, as the sidebar names it.
STORE_KINDS = {"bundled": "bundled", "built": "full (built)", "env": "from GEOVIZ_GAZETTEER", "option": "chosen"}


def store_choices() -> dict[str, str]:
    """The stores this machine offers, path -> how it was found (``geoviz.geo.stores.available_stores``).

    Read afresh on each run (a few ``stat`` calls): a store built while the
    app runs is offered without a restart.
    """
    return {str(path.absolute()): how for path, how in available_stores()}


def store_path() -> str:
    """The store this session reads with: its sidebar choice, else the default (built, else bundled).

    Outside a session (the warm-up at server start) always the default.
    """
    chosen = st.session_state.get(STORE_KEY) if get_script_run_ctx() is not None else None
    return chosen or str(chosen_store()[0].absolute())


def gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer of ``path`` (default: this session's store), opened once per server process."""
    return _open(path or store_path())


@st.cache_resource(show_spinner=False, max_entries=4)
def _open(path: str) -> Gazetteer:
    """One store, opened once per server process; its SQLite connection is thread-safe.

    Cached per path, so each store has its own pipeline and caches (parses,
    searches) and switching stores re-reads nothing that was read before.
    The default store is the very object the pipeline opens by default.
    Its recogniser starts on :class:`StoreNameKeys` (each name test asks the
    store's index) so the landing article is parsed without waiting ~0.5 s of
    CPU for the set of every name key; :func:`geoviz.app.warmup.warm_up_next`
    loads the set after the first page, and parses from then on use it.
    """
    gaz = default_gazetteer() if Path(path) == chosen_store()[0].absolute() else Gazetteer(path)
    recogniser = pipeline(gaz)[0]
    if "name_keys" not in vars(recogniser):  # not loaded yet (cached_property: an instance attribute once set)
        recogniser.name_keys = StoreNameKeys(gaz)
    return gaz


def store_label(path: str | None = None) -> str:
    """Which gazetteer store the session uses and how big it is, for the sidebar."""
    path = path or store_path()
    return _store_label(path, store_choices().get(path, "option"))


@st.cache_data(show_spinner=False, max_entries=8)
def _store_label(path: str, how: str) -> str:
    gaz = gazetteer(path)
    entries = sum(gaz.kind_counts().values())
    return f"{STORE_KINDS[how]}, {entries:,} places, {gaz.path.stat().st_size / 1e6:,.0f} MB"


def parse_article(text: str, date: str | None) -> Scene:
    """The parsed scene of an article with this session's store; a copy the caller may edit."""
    return _parse_article(text, date, store_path())


@st.cache_data(show_spinner=False, max_entries=64)
def _parse_article(text: str, date: str | None, store: str) -> Scene:
    """Keyed by the store too: each caller gets its own copy (cache_data unpickles), safe to edit."""
    return scene_of(text, date, gazetteer=gazetteer(store))


def search_gazetteer(query: str) -> list[Entry]:
    """The place search's matches in this session's store."""
    return _search_gazetteer(query, store_path())


@st.cache_data(show_spinner=False, max_entries=256)
def _search_gazetteer(query: str, store: str) -> list[Entry]:
    """Cached because each keystroke-and-enter reruns the page with the same query."""
    return gazetteer(store).search(query, 12)


def corpus_page(path: str, stamp: float) -> tuple[str, list[dict[str, Any]]]:
    """The corpus map of a ``geoviz batch`` output directory, with this session's store (see below)."""
    return _corpus_page(path, stamp, store_path())


@st.cache_data(show_spinner=False, max_entries=4)
def _corpus_page(path: str, stamp: float, store: str) -> tuple[str, list[dict[str, Any]]]:
    """The offline corpus map of a ``geoviz batch`` output directory and its top places (``stamp``: its mtime).

    The same map ``geoviz map --corpus`` writes; keyed on the directory's
    modification time so a re-run batch is drawn afresh.
    """
    from geoviz.corpus.corpus_map import corpus_map_html, corpus_places

    html = corpus_map_html(path, gazetteer=gazetteer(store), offline=True)
    return html, [p.to_dict() for p in corpus_places(path)[:50]]
