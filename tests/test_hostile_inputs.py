"""Bad input to every CLI subcommand, table-driven; hostile values through the app's HTML builders and the exports.

1. Each of ``geocode reverse parse check map evaluate batch`` exits 2 with ONE
   line on stderr (``geoviz <cmd>: error: ...``, no traceback, no usage block)
   for bad arguments, a missing file, a directory, an unreadable file, empty
   and whitespace-only input.
2. Encodings: UTF-8 with BOM, UTF-16 with and without BOM (both byte orders),
   UTF-32, Latin-1 and Windows-1252 decode to the same text and the same places
   for ``parse``, ``check`` and ``map`` (and ``evaluate`` for its corpus);
   ``batch`` reads UTF-8 JSONL by byte ranges and refuses UTF-16 in one line.
3. The app's HTML (highlighted text, quoted sentences, claims table) and the
   exports keep a place whose name and country are payloads inert: only the
   builders' own tags, no event-handler attributes, the payload as text.

Also: the readable (non-JSON) output and error lines never pass an article's
terminal control sequences (ESC, BEL, CSI, bidi overrides) to the terminal.
"""

from __future__ import annotations

import builtins
import csv
import html
import io
import json
import os
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from geoviz.cli.main import main
from tests.browser.hostile import HOSTILE_COUNTRY, HOSTILE_NAME, PAYLOADS, add_hostile_place, hostile_article
from tests.conftest import ROOT

SEED = ROOT / "seeds" / "kim-putin-summit.txt"
ARTICLE = "Kim travelled to Vladivostok and Khasan. Caf\u00e9 in Montr\u00e9al \u2014 \u201cquoted\u201d.\n"
LATIN1_ARTICLE = "Kim travelled to Vladivostok and Khasan. Caf\u00e9 in Montr\u00e9al.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of one CLI call, argparse's own exits included."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, command: str, fragment: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.endswith("\n"), f"not one line: {err!r}"
    assert err.startswith(f"geoviz {command}: error: ") or err.startswith("geoviz: error: "), err
    assert "Traceback" not in err and "usage:" not in err
    assert fragment in err, err


# --------------------------------------------------------------------------
# 1. Bad arguments
# --------------------------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A one-article corpus in the evaluation format."""
    text = SEED.read_text(encoding="utf-8")
    at = text.index("Vladivostok")
    record = {"id": "seed", "text": text,
              "toponyms": [{"start": at, "end": at + 11, "name": "Vladivostok", "lat": 43.1, "lon": 131.9}]}
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


BAD_ARGUMENTS: list[tuple[str, Callable[[Path, Path], list[str]], str]] = [
    ("no-command", lambda c, t: [], "arguments are required: COMMAND"),
    ("geocode-no-name", lambda c, t: ["geocode"], "arguments are required: name"),
    ("geocode-limit-zero", lambda c, t: ["geocode", "Paris", "--limit", "0"], "must be 1 or more"),
    ("geocode-limit-negative", lambda c, t: ["geocode", "Paris", "--limit", "-1"], "must be 1 or more"),
    ("geocode-limit-word", lambda c, t: ["geocode", "Paris", "--limit", "ten"], "not a whole number"),
    ("reverse-missing-lon", lambda c, t: ["reverse", "42.4"], "arguments are required: lon"),
    ("reverse-word", lambda c, t: ["reverse", "north", "130"], "not a number: 'north'"),
    ("reverse-lat-95", lambda c, t: ["reverse", "95", "0"], "within \u00b190"),
    ("reverse-nan", lambda c, t: ["reverse", "nan", "0"], "within \u00b190"),
    ("reverse-lon-200", lambda c, t: ["reverse", "0", "200"], "within \u00b1180"),
    ("parse-no-file", lambda c, t: ["parse"], "arguments are required: file"),
    ("parse-unknown-option", lambda c, t: ["parse", str(SEED), "--bogus"], "unrecognized arguments: --bogus"),
    ("parse-impossible-date", lambda c, t: ["parse", str(SEED), "--date", "2023-02-30"], "not a date as YYYY-MM-DD"),
    ("check-word-date", lambda c, t: ["check", str(SEED), "--date", "yesterday"], "not a date as YYYY-MM-DD"),
    ("map-no-file", lambda c, t: ["map"], "give an article FILE (or - for standard input), or --corpus"),
    ("map-european-date", lambda c, t: ["map", str(SEED), "--date", "13/09/2023"], "not a date as YYYY-MM-DD"),
    ("map-output-under-a-file", lambda c, t: ["map", str(SEED), "-o", str(c / "x.html")], "cannot hold the output"),
    ("evaluate-no-corpus", lambda c, t: ["evaluate"], "arguments are required: corpus"),
    ("evaluate-bad-mode", lambda c, t: ["evaluate", str(c), "--mode", "fast"], "invalid choice: 'fast'"),
    ("evaluate-limit-zero", lambda c, t: ["evaluate", str(c), "--limit", "0"], "must be 1 or more"),
    ("batch-no-output", lambda c, t: ["batch", str(c)], "arguments are required: -o/--output"),
    ("batch-zero-partitions", lambda c, t: ["batch", str(c), "-o", str(t / "o"), "--partitions", "0"],
     "--partitions must be at least 1"),
    ("batch-output-is-a-file", lambda c, t: ["batch", str(c), "-o", str(c)], "exists and is not a directory"),
]


@pytest.mark.parametrize("argv, fragment", [(a, f) for _, a, f in BAD_ARGUMENTS], ids=[i for i, _, _ in BAD_ARGUMENTS])
def test_bad_arguments_are_one_line(capsys, tmp_path: Path, corpus: Path, argv, fragment: str):
    args = argv(corpus, tmp_path)
    code, _, err = run(args, capsys)
    assert_one_line_error(code, err, args[0] if args else "", fragment)


# --------------------------------------------------------------------------
# Bad files: missing, a directory, unreadable, empty, whitespace-only, binary
# --------------------------------------------------------------------------


def _argv(command: str, path: Path, tmp_path: Path) -> list[str]:
    """The call of ``command`` on ``path`` as its input."""
    if command == "map":
        return ["map", str(path), "-o", str(tmp_path / "out.html")]
    if command == "batch":
        return ["batch", str(path), "-o", str(tmp_path / "out.parquet"), "--no-progress"]
    return [command, str(path)]


FILE_COMMANDS = ["parse", "check", "map", "evaluate", "batch"]
BAD_FILES: list[tuple[str, bytes | None, str]] = [
    ("missing", None, "no such file"),
    ("directory", None, "is a directory"),
    ("unreadable", b"Kim went to Vladivostok.\n", "permission denied"),
    ("empty", b"", "is empty"),
    ("whitespace", b"  \n\t\r\n  \n", "is empty"),
    ("binary", bytes(range(256)) * 8, "binary"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "is a PDF"),
]


@pytest.fixture()
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make one file unreadable: chmod 000, and as root (whom chmod does not stop) refuse to open it as the OS would."""

    def make(path: Path) -> None:
        path.chmod(0)
        if os.geteuid() != 0:
            return
        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(file, str | os.PathLike) and Path(file) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
        monkeypatch.setattr(io, "open", refusing_open)

    return make


@pytest.mark.parametrize("kind, content, fragment", BAD_FILES, ids=[k for k, _, _ in BAD_FILES])
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_bad_files_are_one_line(capsys, tmp_path: Path, unreadable, command: str, kind: str, content: bytes | None,
                                fragment: str):
    if command == "batch" and kind in ("binary", "pdf"):
        pytest.skip("batch reads JSONL records: a binary line is a reject (rejects.jsonl), tested in test_batch.py")
    path = tmp_path / f"{kind}.txt"
    if kind == "directory":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    if kind == "unreadable":
        unreadable(path)
    try:
        code, out, err = run(_argv(command, path, tmp_path), capsys)
    finally:
        if path.exists() and not path.is_dir():
            path.chmod(0o644)
    if (command, kind) == ("batch", "directory"):  # batch takes a directory of Parquet files
        fragment = "no .parquet files in this directory"
    assert_one_line_error(code, err, command, fragment)
    assert out == ""


@pytest.mark.parametrize("command", ["parse", "check", "map"])
def test_empty_standard_input_is_one_line(capsys, monkeypatch, tmp_path: Path, command: str):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    args = ["map", "-", "-o", str(tmp_path / "x.html")] if command == "map" else [command, "-"]
    code, _, err = run(args, capsys)
    assert_one_line_error(code, err, command, "standard input is empty")


# --------------------------------------------------------------------------
# 2. Encodings
# --------------------------------------------------------------------------

ENCODINGS: list[tuple[str, Callable[[str], bytes], str]] = [
    ("utf-8", lambda t: t.encode("utf-8"), ARTICLE),
    ("utf-8-bom", lambda t: t.encode("utf-8-sig"), ARTICLE),
    ("utf-16-bom", lambda t: t.encode("utf-16"), ARTICLE),
    ("utf-16-le", lambda t: t.encode("utf-16-le"), ARTICLE),
    ("utf-16-be", lambda t: t.encode("utf-16-be"), ARTICLE),
    ("utf-32-bom", lambda t: t.encode("utf-32"), ARTICLE),
    ("utf-32-le", lambda t: t.encode("utf-32-le"), ARTICLE),
    ("windows-1252", lambda t: t.encode("cp1252"), ARTICLE),
    ("latin-1", lambda t: t.encode("latin-1"), LATIN1_ARTICLE),
]


@pytest.mark.parametrize("encode, text", [(e, t) for _, e, t in ENCODINGS], ids=[i for i, _, _ in ENCODINGS])
def test_encodings_decode_to_the_same_text_and_places(capsys, tmp_path: Path, encode, text: str):
    from geoviz.article import decode

    assert decode(encode(text)) == text  # curly quotes and dashes too, not Latin-1's control characters
    path = tmp_path / "article.txt"
    path.write_bytes(encode(text))
    code, out, err = run(["parse", str(path), "--json"], capsys)
    assert code == 0, err
    places = json.loads(out)["places"]
    assert {"Vladivostok", "Khasan"} <= {p["name"] for p in places}
    for p in places:  # offsets index the decoded text exactly: no BOM, no mojibake
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    code, out, err = run(["check", str(path)], capsys)
    assert code == 0 and err == ""
    code, out, err = run(["map", str(path), "-o", str(tmp_path / "m.html")], capsys)
    assert code == 0 and err == "" and "Vladivostok" in (tmp_path / "m.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_evaluate_reads_a_corpus_in_any_detected_encoding(capsys, tmp_path: Path, corpus: Path, encoding: str):
    recoded = tmp_path / f"corpus-{encoding}.jsonl"
    recoded.write_bytes(corpus.read_text(encoding="utf-8").encode(encoding))
    code, out, err = run(["evaluate", str(recoded), "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["n"] == 1


def test_evaluate_names_the_line_of_a_bad_record(capsys, tmp_path: Path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 1, "text": "Paris", "toponyms": []}\n{"id": 2, "toponyms": []}\n', encoding="utf-8")
    code, _, err = run(["evaluate", str(path)], capsys)
    assert_one_line_error(code, err, "evaluate", f"{path}:2: not a corpus record")


def test_batch_refuses_utf16_jsonl_in_one_line(capsys, tmp_path: Path, corpus: Path):
    path = tmp_path / "c16.jsonl"
    path.write_bytes(corpus.read_text(encoding="utf-8").encode("utf-16"))
    code, _, err = run(["batch", str(path), "-o", str(tmp_path / "o"), "--no-progress"], capsys)
    assert_one_line_error(code, err, "batch", "is UTF-16 or UTF-32 text")


def test_python_dash_m_runs_every_subcommand(tmp_path: Path):
    """``python -m geoviz.cli parse`` once said "invalid choice: 'parse'" (the module ran twice)."""
    import subprocess

    result = subprocess.run([sys.executable, "-m", "geoviz.cli", "parse", str(SEED)], capture_output=True,
                            text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Vladivostok" in result.stdout


# --------------------------------------------------------------------------
# Terminal control sequences in what the readable output quotes
# --------------------------------------------------------------------------

TERMINAL_ATTACK = "\x1b]0;pwned-title\x07\x1b[2J\x1b[31mRED\u202eesrever\u202c\x08\x9b31m"
_TERMINAL_CONTROLS = ("\x1b", "\x07", "\x08", "\x9b", "\u202e", "\u202c")


@pytest.mark.parametrize("command", ["parse", "check"])
def test_readable_output_never_prints_terminal_controls(capsys, tmp_path: Path, command: str):
    """An article's ESC sequences must not retitle, clear or recolour the reader's terminal (JSON escapes them)."""
    path = tmp_path / "esc.txt"
    path.write_text("Summit\nThe Vostochny Cosmodrome lies about 1,000 kilometres from Vladivostok "
                    f"{TERMINAL_ATTACK}.\n", encoding="utf-8")
    code, out, err = run([command, str(path)], capsys)
    assert code == 0, err
    assert not any(c in out for c in _TERMINAL_CONTROLS), repr(out)
    if command == "check":  # the sentence is still quoted, its controls made visible
        assert "\\u001b]0;pwned-title\\u0007" in out and "Vladivostok" in out
    code, out, _ = run([command, str(path), "--json"], capsys)
    assert code == 0 and not any(c in out for c in _TERMINAL_CONTROLS)
    if command == "check":  # escaped, not lost: the parsed JSON holds the sentence as written
        assert TERMINAL_ATTACK in json.loads(out)["claims"][0]["sentence"]


def test_error_lines_never_print_terminal_controls(capsys, tmp_path: Path):
    name = str(tmp_path / f"missing{TERMINAL_ATTACK}.txt")
    code, _, err = run(["parse", name], capsys)
    assert_one_line_error(code, err, "parse", "no such file")
    assert not any(c in err for c in _TERMINAL_CONTROLS), repr(err)


# --------------------------------------------------------------------------
# 3. Hostile values through the app's HTML builders and the exports
# --------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Every tag and attribute name in a fragment, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(fragment: str) -> _Tags:
    p = _Tags()
    p.feed(fragment)
    p.close()
    return p


@pytest.fixture(scope="module")
def hostile_scene():
    from geoviz.pipeline import scene_of

    scene = scene_of(hostile_article())
    add_hostile_place(scene)
    return scene


@pytest.mark.parametrize("builder, allowed", [
    ("highlighted_text", {"p", "mark"}),
    ("mention_snippets", {"mark"}),
    ("claims_table_html", {"table", "thead", "tbody", "tr", "th", "td", "span", "b", "div"}),
])
def test_app_html_builders_keep_hostile_values_as_text(hostile_scene, builder: str, allowed: set[str]):
    from geoviz.app import markup, tables

    if builder == "highlighted_text":
        fragment = markup.highlighted_text(hostile_scene.source_text, hostile_scene.places, "user:hostile")
    elif builder == "mention_snippets":
        fragment = "".join(markup.mention_snippets(hostile_scene.source_text,
                                                   [m for p in hostile_scene.places for m in p.mentions], limit=100))
    else:
        assert hostile_scene.claims, "the hostile article should still carry its distance claim"
        fragment = tables.claims_table_html(hostile_scene)
    parsed = _parsed(fragment)
    assert parsed.tags <= allowed, parsed.tags - allowed
    assert not any(a.startswith("on") or a in ("href", "src", "srcdoc") for a in parsed.attrs), parsed.attrs
    text = "".join(parsed.text)
    if builder != "claims_table_html":
        for p in PAYLOADS:
            assert p.text in text, p.id
    if builder == "highlighted_text":  # the hostile place's name and country reach the marks' title, as text
        assert f"{HOSTILE_NAME} \u00b7 landmark \u00b7 {HOSTILE_COUNTRY}" in html.unescape(fragment)


def test_exports_carry_hostile_values_as_data(hostile_scene):
    from geoviz.export import geojson_document, places_csv
    from geoviz.scene import Scene

    back = Scene.from_geojson(json.loads(geojson_document(hostile_scene)))
    again = next(p for p in back.places if p.id == "user:hostile")
    assert (again.name, again.country) == (HOSTILE_NAME, HOSTILE_COUNTRY)
    rows = list(csv.DictReader(io.StringIO(places_csv(hostile_scene))))
    row = next(r for r in rows if r["id"] == "user:hostile")
    assert row["name"] == HOSTILE_NAME and row["country"] == HOSTILE_COUNTRY
    text_cells = [r[k] for r in rows for k in ("name", "country", "admin1", "mention_texts", "first_sentence")]
    assert all(not v.startswith(("=", "+", "-", "@")) for v in text_cells), "a spreadsheet would evaluate a cell"


# Jinja tags in article text: branca renders each map element and parses the result again as a template, so
# unescaped "{{ ... }}" would be evaluated in the exported page and a lone "{%" made the export fail.
TEMPLATE_TAGS = ["{{ 7777*3 }}", "{% raw %}", "{#", "{%", "{{", "{% set x = 1 %}", "{{ self.__init__ }}"]


@pytest.mark.parametrize("tag", TEMPLATE_TAGS)
def test_template_tags_in_article_text_stay_text(tag: str):
    import geoviz
    from geoviz.export import html_document

    text = (f"{tag} Delegates meet\n\nThe {tag} delegation flew from Nairobi to Kampala on Monday {tag}. "
            f"A fire {tag} destroyed a market in Kampala. Kampala is about 500 km from Nairobi {tag}.")
    scene = geoviz.scene_of(text)
    assert scene.routes and scene.events and scene.claims  # the tag reaches a route, an event and a claim
    page = html_document(scene)
    assert "23331" not in page and "__init__" not in page.replace("self.__init__", "")
    if "7777" in tag:
        assert "7777*3" in page  # shown as written, not computed


@pytest.mark.parametrize("value", ["{{ x }}", "{%", "{#", "a{", "}}", "{\"k\": {}}"])
def test_escapers_keep_braces_as_data(value: str):
    from geoviz.render.escape import escape_html, js_value

    assert json.loads(js_value({"v": value, "nested": [{"w": value}]})) == {"v": value, "nested": [{"w": value}]}
    assert "{{" not in js_value(value) and "{%" not in js_value(value) and "{#" not in js_value(value)
    assert html.unescape(escape_html(value)) == value and "{" not in escape_html(value)
