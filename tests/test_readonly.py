"""The CLI against a read-only install: nothing is written next to the store, or anywhere in the install.

The package and the gazetteer store are copied into a directory whose name
holds ``#``, ``%`` and a space (characters a SQLite URI treats specially: an
unquoted ``#`` once cut the URI, dropped ``?mode=ro&immutable=1`` and made
SQLite create an empty database beside the install). Bytecode is compiled
first, as pip does, then every file is made 0o444 and every directory 0o555,
and ``geocode``, ``reverse``, ``parse``, ``check`` and ``map`` run in fresh
processes with ``PYTHONPATH`` pointing at the copy. Tests often run as root,
where chmod stops nothing, so the proof is the snapshot: the same files with
the same bytes and mtimes afterwards, no ``-journal``/``-wal``/``-shm``, and
the connection opened with ``mode=ro&immutable=1`` (SQLite itself then
refuses writes, root or not).
"""

from __future__ import annotations

import compileall
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from geoviz.geo.gazetteer import Gazetteer
from tests.conftest import ROOT

#: The console script's own entry: ``geoviz = geoviz.cli:main``.
RUN_CLI = "import sys; from geoviz.cli.main import main; sys.exit(main())"
INSTALL_NAME = "site #1 100%"


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every path in ``root``'s parent (``root`` and its siblings too) with size and mtime: any write shows."""
    out = {}
    for path in (root.parent, *root.parent.rglob("*")):
        st = path.stat()
        out[str(path)] = (st.st_size if path.is_file() else -1, st.st_mtime_ns)
    return out


def _set_mode(root: Path, file_mode: int, dir_mode: int) -> None:
    for dirpath, _dirnames, filenames in os.walk(root, topdown=False):
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), file_mode)
        os.chmod(dirpath, dir_mode)


@pytest.fixture(scope="module")
def install(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A read-only copy of the installed package and its store; writable again afterwards, for cleanup."""
    root = tmp_path_factory.mktemp("readonly") / INSTALL_NAME
    shutil.copytree(ROOT / "geoviz", root / "geoviz", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "geoviz_gazetteer").mkdir()
    for name in ("__init__.py", "gazetteer.sqlite", "MANIFEST.json", "ATTRIBUTION.md"):
        shutil.copy2(ROOT / "gazetteer" / name, root / "geoviz_gazetteer" / name)
    assert compileall.compile_dir(str(root), quiet=1)
    _set_mode(root, 0o444, 0o555)
    yield root
    _set_mode(root, 0o644, 0o755)


def _cli(install: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = str(install)
    return subprocess.run([sys.executable, "-c", RUN_CLI, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_copy_is_what_runs(install: Path, tmp_path: Path):
    """Without this the other tests could pass by running the checkout instead of the read-only copy."""
    env = {**os.environ, "PYTHONPATH": str(install)}
    code = "import geoviz.cli, geoviz.geo.gazetteer as g; print(geoviz.cli.__file__); print(g.default_store_path())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path,
                         check=True).stdout.splitlines()
    assert out == [str(install / "geoviz" / "cli" / "__init__.py"),
                   str(install / "geoviz_gazetteer" / "gazetteer.sqlite")]
    assert not os.access(install / "geoviz", os.W_OK) or os.geteuid() == 0
    assert stat.S_IMODE((install / "geoviz_gazetteer" / "gazetteer.sqlite").stat().st_mode) == 0o444


def test_cli_works_and_writes_nothing_in_a_read_only_install(install: Path, tmp_path: Path):
    store = install / "geoviz_gazetteer" / "gazetteer.sqlite"
    digest = hashlib.sha256(store.read_bytes()).hexdigest()
    before = _snapshot(install)
    article = tmp_path / "article.txt"
    shutil.copy(ROOT / "seeds" / "kim-putin-summit.txt", article)

    runs = [
        (("geocode", "Khasan"), "Khasan"),
        (("geocode", "Vladivostock", "--json"), "Vladivostok"),
        (("reverse", "42.42", "130.65"), "Russia"),
        (("parse", str(article)), "Vostochny"),
        (("check", str(article)), "consistent"),
        (("map", str(article), "-o", str(tmp_path / "out.html"), "--offline", "--geojson", str(tmp_path)), "places"),
    ]
    for args, expected in runs:
        result = _cli(install, *args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
        assert expected in result.stdout, (args, result.stdout[:500])
    assert (tmp_path / "out.html").stat().st_size > 100_000

    assert _snapshot(install) == before, "something was written in or beside the read-only install"
    assert hashlib.sha256(store.read_bytes()).hexdigest() == digest
    leftovers = [p.name for p in install.parent.rglob("*") if p.name.endswith(("-journal", "-wal", "-shm"))]
    assert leftovers == []


def test_store_is_opened_read_only_and_immutable(install: Path, monkeypatch: pytest.MonkeyPatch):
    """The URI flags, and SQLite's own refusal to write through the connection (which holds even for root)."""
    seen: list[str] = []
    real_connect = sqlite3.connect

    def spy(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        seen.append(database)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    g = Gazetteer(install / "geoviz_gazetteer" / "gazetteer.sqlite")
    assert g.lookup("Khasan")[0].country == "RU"
    assert len(seen) == 1 and seen[0].startswith("file:") and seen[0].endswith("?mode=ro&immutable=1")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        g._con.execute("CREATE TABLE pwned (x)")
