"""The house rules, checked on the source: one-way imports, one door to the default store, word lists as data.

These walk the package's own files (``ast``), so a new module is covered the
day it is added; each failure names the module and the rule it breaks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from geoviz.nlp import lexicon

PACKAGE = Path(__file__).resolve().parent.parent / "geoviz"

#: The only modules that may open the bundled store: the pipeline (the one wiring), the public API that
#: re-exports it, the front ends (CLI, app, batch runner, geopy geocoder) and the store's own module.
DEFAULT_STORE_DOORS = {"geoviz", "geoviz.pipeline", "geoviz.geo.gazetteer", "geoviz.geo.geocoder",
                       "geoviz.corpus.batch"}
FRONT_ENDS = ("geoviz.cli", "geoviz.app")

#: Module-level literals of this many strings or more are word lists and belong in the lexicon.
WORD_LIST_MIN = 8
#: Literals that are a schema, not words: the store's kinds and their weights, export column orders, compass
#: points, event types and their map labels, the kinds a trigger word admits.
NOT_WORD_LISTS = {"__all__", "KINDS", "KIND_BASE", "CAPITAL_BONUS", "PLACE_COLUMNS", "CLAIM_COLUMNS", "COMPASS_16",
                  "EVENT_TYPES", "EVENT_LETTERS", "EVENT_LABELS", "_EVENT_KEYS", "TRIGGER_KINDS"}


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return out


MODULES = _modules()


def _imports(name: str, tree: ast.Module) -> set[str]:
    """The geoviz modules ``name`` imports, anywhere in the file (a deferred import still binds the two)."""
    out: set[str] = set()
    package = name if (PACKAGE.parent / Path(*name.split("."))).is_dir() else name.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("geoviz")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            if not base.startswith("geoviz"):
                continue
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.add(sub if sub in MODULES else base)
    return {m for m in out if m in MODULES and m != name}


def test_no_import_cycles() -> None:
    graph = {name: _imports(name, tree) for name, tree in MODULES.items()}
    # The package __init__ files only re-export; an edge into a package means its __init__.
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_only_the_pipeline_and_front_ends_open_the_default_store() -> None:
    offenders = []
    for name, tree in MODULES.items():
        if name in DEFAULT_STORE_DOORS or name.startswith(FRONT_ENDS):
            continue
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
            n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)} | {
            a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        if "default_gazetteer" in used:
            offenders.append(name)
    assert offenders == [], f"these modules reach for the default gazetteer instead of taking one: {offenders}"


def test_streamlit_is_imported_only_by_the_app_package() -> None:
    offenders = [name for name, tree in MODULES.items() if not name.startswith("geoviz.app") and any(
        (isinstance(n, ast.Import) and any(a.name.split(".")[0] == "streamlit" for a in n.names))
        or (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] in ("streamlit", "streamlit_folium"))
        for n in ast.walk(tree))]
    assert offenders == []


def _string_literal_size(node: ast.AST) -> int:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("set", "frozenset") \
            and node.args:
        return _string_literal_size(node.args[0])
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        elts = node.elts
    elif isinstance(node, ast.Dict):  # a word table: string keys to words or numbers (not a table of patterns)
        if not all(isinstance(v, ast.Constant) or _string_literal_size(v) for v in node.values):
            return 0
        elts = [k for k in node.keys if k is not None]
    else:
        return 0
    if elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts):
        return len(elts)
    return 0


def test_word_lists_live_in_the_lexicon() -> None:
    """A module-level literal of many strings is a word list written as code: it belongs in nlp/lexicon/."""
    offenders = []
    for name, tree in MODULES.items():
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                label = next((t.id for t in targets if isinstance(t, ast.Name)), "?")
                if label not in NOT_WORD_LISTS and _string_literal_size(node.value) >= WORD_LIST_MIN:
                    offenders.append(f"{name}.{label}")
    assert offenders == [], f"word lists written as code (move them to geoviz/nlp/lexicon/): {offenders}"


def test_each_lexicon_list_is_kept_once() -> None:
    """Two files holding the same entries are one list written twice."""
    folder = PACKAGE / "nlp" / "lexicon"
    seen: dict[frozenset[str], str] = {}
    for path in sorted(folder.glob("*.txt")):
        entries = lexicon.words(path.stem)
        assert entries, f"{path.name} is empty"
        assert len(entries) == len(lexicon.entries(path.stem)), f"{path.name} lists an entry twice"
        assert entries not in seen, f"{path.name} repeats {seen.get(entries)}"
        seen[entries] = path.name


def test_lexicon_reads_entries_and_builds_alternations() -> None:
    assert "monday" in lexicon.words("weekdays")
    import re

    rx = re.compile(r"\b" + lexicon.alternation("weekdays") + r"\b")
    assert rx.search("on monday night") and not rx.search("mondays")
    with pytest.raises(KeyError):
        lexicon.words("no-such-list")
