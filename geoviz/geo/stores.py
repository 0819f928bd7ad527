"""Which gazetteer store to open: one the user named, one they built, or the bundled one.

Why a module of its own: the choice is made in one place and in one order, so
the CLI, the pipeline and the app always agree on the store they use:

1. an explicit path (``geoviz --gazetteer PATH``, which sets the variable below for the run);
2. the environment variable ``GEOVIZ_GAZETTEER``;
3. a store built by ``geoviz gazetteer build`` in the user's data directory;
4. the bundled store shipped with geoviz.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path

try:
    # Looked for once: ``geoviz.parse`` asks for the chosen store on every call, and a failed import
    # searches the whole path again each time (about 50 µs, 6 % of parsing a local news article).
    import platformdirs
except ImportError:
    platformdirs = None

ENV_STORE = "GEOVIZ_GAZETTEER"
BUILT_NAME = "gazetteer.sqlite"
#: What ``--gazetteer`` or ``GEOVIZ_GAZETTEER`` may say instead of a path to mean the bundled store.
BUNDLED = "bundled"


@functools.cache
def bundled_store_path() -> Path:
    """The store shipped inside the package (``geoviz_gazetteer``); where it is does not change in a process."""
    return Path(str(resources.files("geoviz_gazetteer").joinpath("gazetteer.sqlite")))


def data_dir() -> Path:
    """Where geoviz keeps what the user downloads and builds.

    platformdirs' user data directory when it is installed, else the XDG
    location (``$XDG_DATA_HOME/geoviz``, by default ``~/.local/share/geoviz``):
    the same folder on Linux, without adding a dependency for one path.
    """
    if platformdirs is None:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "geoviz"
    return Path(platformdirs.user_data_dir("geoviz", appauthor=False))


def built_store_path() -> Path:
    """Where ``geoviz gazetteer build`` writes by default (it may not exist yet)."""
    return _built_store_path(os.environ.get("XDG_DATA_HOME"), os.environ.get("HOME"))


@functools.lru_cache(maxsize=8)
def _built_store_path(xdg_data_home: str | None, home: str | None) -> Path:
    # Keyed by the variables data_dir reads: asked on every geoviz.parse, the same answer until they change.
    return data_dir() / BUILT_NAME


def chosen_store(explicit: str | Path | None = None) -> tuple[Path, str]:
    """The store to open and why: ``(path, how)`` with how in ``option | env | built | bundled``.

    The word ``bundled`` as the option or the variable names the bundled store
    (with a built one present, the only way to get back to it without its path).
    """
    if explicit:
        return (bundled_store_path(), "bundled") if str(explicit) == BUNDLED else (Path(explicit), "option")
    env = os.environ.get(ENV_STORE)
    if env:
        return (bundled_store_path(), "bundled") if env == BUNDLED else (Path(env), "env")
    built = built_store_path()
    if built.is_file():
        return built, "built"
    return bundled_store_path(), "bundled"


def available_stores() -> list[tuple[Path, str]]:
    """Every store a front end can offer, ``(path, how)``, the one :func:`chosen_store` picks first.

    The bundled store is always there; a built store in the data directory and
    the one ``GEOVIZ_GAZETTEER`` names join it when their file exists. A path
    reached two ways is offered once, under the first way in the order above.
    """
    default = chosen_store()
    found = [default]
    env = os.environ.get(ENV_STORE)
    if env and env != BUNDLED:
        found.append((Path(env), "env"))
    found += [(built_store_path(), "built"), (bundled_store_path(), "bundled")]
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path, how in found:
        key = path.resolve()
        # The default stays even when its file is missing: opening it fails loudly, as in the CLI.
        if key not in seen and ((path, how) == default or how == "bundled" or path.is_file()):
            seen.add(key)
            out.append((path, how))
    return out
