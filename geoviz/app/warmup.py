"""The work every first page view waits for, done when the server starts: imports, the gazetteer, the landing map.

``app.py``'s ``st.App`` lifespan calls :func:`start_warm_up` in a background
thread; everything goes through the same caches the page reads
(:mod:`geoviz.app.resources`, :func:`geoviz.app.mapframe.scene_map_frame`).
"""

from __future__ import annotations

import logging
import sys
import threading
import time

from geoviz.app import resources
from geoviz.app.articles import landing_article
from geoviz.app.mapframe import DEFAULT_OFFLINE_BASEMAP, MapFrame, register_component, scene_map_frame
from geoviz.app.workspace import scene_fingerprint
from geoviz.pipeline import pipeline

__all__ = ["WARM_UP_NEXT_DELAY_S", "WARM_UP_SWITCH_INTERVAL_S", "WARM_UP_THREAD", "start_warm_up", "warm_up",
           "warm_up_next", "warm_up_yielding"]

_LOG = logging.getLogger(__name__)


def warm_up(offline: bool = DEFAULT_OFFLINE_BASEMAP) -> MapFrame:
    """Do the work every first page view waits for: imports, the gazetteer and name index, the landing map.

    Why: on a fresh server the first script run took ~3 s before the page
    showed a map (imports ~1.4 s, the recogniser's name index ~0.6 s, parsing
    and rendering the landing article ~1 s). The name index is no longer on
    this path (see :func:`geoviz.app.resources.gazetteer`). ``app.py`` calls
    this in a background thread when the server starts, so the work overlaps
    with the browser loading Streamlit's frontend. Everything goes through the
    same caches as the page, whose per-key compute locks make a visitor who
    arrives before this is done wait for the value being computed, never
    compute it twice or see half of it. The landing article is warmed because
    it is what every new session shows first; any other article still finds
    the imports, the gazetteer and the name index ready. Returns the landing
    map's frame.
    """
    register_component()
    article = landing_article()
    scene = resources.parse_article(article["text"], article["date"])
    return scene_map_frame(scene_fingerprint(scene), offline, scene)


#: Seconds between the landing map being ready and :func:`warm_up_next`: long enough for a visitor who was
#: waiting to get the first page without sharing the CPU (and the GIL) with work that page does not need.
WARM_UP_NEXT_DELAY_S = 3.0


def warm_up_next() -> None:
    """What the first view did not need: the recogniser's set of name keys (fast parses of the next articles),
    Arrow for the Places tab's table (~0.1 s), and the gazetteer's fuzzy index behind the place search (built from
    the same keys; ~0.1 s more, on the first search of the process otherwise)."""
    import pyarrow  # noqa: F401 - st.dataframe converts through Arrow

    gaz = resources.gazetteer()
    pipeline(gaz)[0].name_keys = gaz.name_keys()
    gaz.fuzzy("a", 1)  # any query builds the whole index


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

    A failure is logged with its traceback and otherwise left alone: the page
    runs the same steps itself and shows the error where the reader can see it.
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
