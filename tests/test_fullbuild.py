"""The full store (issue #18): built from a GeoNames-format fixture dump through the same command a user runs.

The fixture (tests/geonames_fixture.py) holds rows from the bundled store and
rows of our own with fictional ids (990000001 up). The download test serves it
from a local HTTP server on 127.0.0.1 (conftest blocks any other network).
"""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest

import geoviz
from geoviz.cli.main import main
from geoviz.geo.download import RECORD, DownloadError, download
from geoviz.geo.fullbuild import BuildError, build_full_store, kind_of
from geoviz.geo.gazetteer import DUMP_CODE_ADJUST, Gazetteer, default_gazetteer
from geoviz.geo.stores import ENV_STORE, available_stores, bundled_store_path, chosen_store
from tests.geonames_fixture import (
    FICTIONAL_BASE,
    FICTIONAL_KEPT,
    PARIS_VILLAGES,
    write_alternate_names,
    write_fixture,
)


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("geonames")
    write_fixture(folder)
    write_alternate_names(folder)
    return folder


@pytest.fixture(scope="module")
def built(dump, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("store")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["gazetteer", "build", "--geonames", str(dump / "XX.zip"), "--alternate-names",
                     str(dump / "alternateNamesV2.txt"), "--out", str(out), "--quiet", "--json"])
    assert code == 0
    return out / "gazetteer.sqlite", json.loads(buf.getvalue())


@pytest.fixture(scope="module")
def full(built) -> Gazetteer:
    return Gazetteer(built[0])


def schema(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        con.close()


def test_built_store_has_the_bundled_schema_and_no_leftovers(built):
    path, _ = built
    assert schema(path) == schema(bundled_store_path())
    assert [p.name for p in path.parent.iterdir()] == ["gazetteer.sqlite"]  # the temp file was renamed away


def test_build_keeps_the_news_kinds_and_skips_what_is_bundled(built, full):
    _, summary = built
    assert summary["already_bundled"] >= 2900  # the fixture's bundled rows are not added twice
    # fictional: hospital, neighbourhoods, peak, valley, stadiums, lake, landmark, towns + the villages;
    # not the station, not ADM1H
    assert summary["entries_added"] == FICTIONAL_KEPT
    assert summary["by_kind"]["facility"] == 4 and summary["by_kind"]["landmark"] == 1
    bundled = Gazetteer()
    assert (len(full._query("SELECT 1 FROM entries", ()))
            == len(bundled._query("SELECT 1 FROM entries", ())) + FICTIONAL_KEPT)
    assert full.get(f"gn:{FICTIONAL_BASE + 7}") is None
    assert full.get(f"gn:{FICTIONAL_BASE + 8}") is None
    hospital = full.get(f"gn:{FICTIONAL_BASE + 1}")
    assert hospital and hospital.kind == "facility" and hospital.feature_code == "HSP" and hospital.country == "GB"
    build = json.loads(full.meta["build"])
    assert build["built"].endswith("Z") and build["files"][0]["file"] == "XX.zip"
    assert "gn-dump" in json.loads(full.meta["sources"])


def test_alternate_names_are_added_and_links_are_not(full):
    assert [e.id for e in full.lookup("The Zorvath")] == [f"gn:{FICTIONAL_BASE + 1}"]
    assert full.lookup("https://en.wikipedia.org/wiki/Zorvath") == []


def test_parse_with_the_full_store_pins_a_fictional_facility(full):
    doc = geoviz.analyse("Patients were moved to Zorvath Memorial Hospital in London on Monday.", gazetteer=full)
    assert f"gn:{FICTIONAL_BASE + 1}" in {p["id"] for p in doc["places"]}


def test_parse_with_the_full_store_pins_a_fictional_neighbourhood(full):
    """Its name is stored as its own (form 0) whatever the hash seed: the ASCII name folds to the same key."""
    assert full._query("SELECT form FROM names WHERE key = 'quillmere'", ()) == [(0,)]
    doc = geoviz.analyse("Residents of Quillmere, in north London, protested.", gazetteer=full)
    assert f"gn:{FICTIONAL_BASE + 2}" in {p["id"] for p in doc["places"]}, (doc["places"], doc["uncertain"])


def test_more_villages_named_paris_do_not_move_the_famous_one(full):
    assert len(full.lookup("Paris", 200)) >= PARIS_VILLAGES + 13
    for text in ("The president flew to Paris on Monday.", "Talks resumed in Paris."):
        places = geoviz.analyse(text, gazetteer=full)["places"]
        assert [(p["name"], p["country"]) for p in places] == [("Paris", "FR")]


def test_dump_feature_codes_do_not_occur_in_the_bundled_store():
    """The prior's penalty for dump-only codes leaves every bundled entry's ranking as it was."""
    codes = {c for (c,) in Gazetteer()._query("SELECT DISTINCT feature_code FROM entries", ())}
    assert not codes & set(DUMP_CODE_ADJUST)


def test_kinds_of_geonames_rows():
    assert kind_of("P", "PPLX") == "populated place"
    assert kind_of("S", "AIRP") == "airport"
    assert kind_of("S", "RSTN") is None
    assert kind_of("T", "VLC") == "peak"
    assert kind_of("H", "STM") == "river"
    assert kind_of("A", "ADM1H") is None
    assert kind_of("L", "PRT") == "port"


def test_countries_filter_and_plain_text_dump(tmp_path):
    txt = write_fixture(tmp_path / "d", bundled=50, as_zip=False)
    report = build_full_store([txt], tmp_path / "out", countries=["NZ"], progress=None)
    assert report.kept == 1 and report.by_kind == {"peak": 1}


def test_a_malformed_dump_is_refused_and_leaves_nothing(tmp_path):
    bad = tmp_path / "XX.txt"
    bad.write_text("1\tonly\tthree\n", encoding="utf-8")
    with pytest.raises(BuildError, match="19"):
        build_full_store([bad], tmp_path / "out", progress=None)
    assert list((tmp_path / "out").iterdir()) == []


def test_store_choice_order(monkeypatch, tmp_path, built):
    monkeypatch.delenv(ENV_STORE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert chosen_store() == (bundled_store_path(), "bundled")
    (tmp_path / "geoviz").mkdir()
    (tmp_path / "geoviz" / "gazetteer.sqlite").write_bytes(b"")
    assert chosen_store()[1] == "built"
    monkeypatch.setenv(ENV_STORE, str(built[0]))
    assert chosen_store() == (built[0], "env")
    assert default_gazetteer().path == built[0].absolute()
    assert chosen_store("x.sqlite") == (Path("x.sqlite"), "option")
    assert chosen_store("bundled") == (bundled_store_path(), "bundled")  # back to it without its path
    monkeypatch.setenv(ENV_STORE, "bundled")
    assert chosen_store() == (bundled_store_path(), "bundled")


def test_available_stores_offer_each_store_once_the_default_first(monkeypatch, tmp_path, built):
    monkeypatch.delenv(ENV_STORE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert available_stores() == [(bundled_store_path(), "bundled")]
    (tmp_path / "geoviz").mkdir()
    own = tmp_path / "geoviz" / "gazetteer.sqlite"
    own.write_bytes(b"")
    assert available_stores() == [(own, "built"), (bundled_store_path(), "bundled")]
    monkeypatch.setenv(ENV_STORE, str(built[0]))
    assert [how for _, how in available_stores()] == ["env", "built", "bundled"]
    monkeypatch.setenv(ENV_STORE, str(own))  # the same file two ways: offered once
    assert available_stores() == [(own, "env"), (bundled_store_path(), "bundled")]
    monkeypatch.setenv(ENV_STORE, str(tmp_path / "missing.sqlite"))  # the default stays: opening it fails loudly
    assert available_stores()[0] == (tmp_path / "missing.sqlite", "env")


def test_info_and_the_global_gazetteer_option(built, capsys, monkeypatch):
    monkeypatch.delenv(ENV_STORE, raising=False)
    assert main(["--gazetteer", str(built[0]), "gazetteer", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["store"] == str(built[0].absolute()) and info["by_kind"]["facility"] >= 2 and info["built"]
    assert main(["--gazetteer", str(built[0]), "geocode", "Zorvath Memorial Hospital", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == f"gn:{FICTIONAL_BASE + 1}"
    import os
    assert ENV_STORE not in os.environ  # the option holds for that run only
    assert main(["--gazetteer", "/nonexistent/store.sqlite", "gazetteer", "info"]) == 2
    capsys.readouterr()
    assert main(["--gazetteer", "bundled", "gazetteer", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["store"], info["chosen_by"]) == (str(bundled_store_path().absolute()), "bundled")


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A file server that honours ``Range: bytes=N-`` (the stdlib's does not), as download.geonames.org does."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-")[0])
            if start >= len(data):
                self.send_error(416)
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(data) - start))
        self.end_headers()
        self.wfile.write(data[start:])

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(dump):
    handler = lambda *a, **k: RangeHandler(*a, directory=str(dump), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_download_resumes_records_checksums_and_builds(server, dump, tmp_path, capsys):
    whole = (dump / "XX.zip").read_bytes()
    dest = tmp_path / "dl"
    dest.mkdir()
    (dest / "XX.zip.part").write_bytes(whole[: len(whole) // 2])  # an interrupted earlier run
    assert main(["gazetteer", "download", "--countries", "XX", "--url", server, "--dir", str(dest),
                 "--quiet", "--json"]) == 0
    out = capsys.readouterr()
    assert "uses the network" in out.err
    assert (dest / "XX.zip").read_bytes() == whole and not (dest / "XX.zip.part").exists()
    record = json.loads((dest / RECORD).read_text())["XX.zip"]
    assert record["bytes"] == len(whole)
    assert zipfile.ZipFile(dest / "XX.zip").testzip() is None
    # A second run re-hashes and keeps the file; a changed file is refused.
    assert download(["XX.zip"], dest, base=server)[0].reused
    (dest / "XX.zip").write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))
    with pytest.raises(DownloadError, match="sha256"):
        download(["XX.zip"], dest, base=server)
    with pytest.raises(DownloadError, match="404"):
        download(["YY.zip"], dest, base=server)
