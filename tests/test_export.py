"""export: titles and file names from the article, standard vs. offline HTML, GeoJSON and CSV, the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import geoviz
from geoviz.cli.main import main
from geoviz.export import (
    CLAIM_COLUMNS,
    PLACE_COLUMNS,
    article_title,
    claims_csv,
    default_stem,
    geojson_document,
    html_document,
    network_references,
    places_csv,
    save_csv,
    save_html,
    slugify,
)
from geoviz.model import Place
from geoviz.pipeline import scene_from_document
from geoviz.render import LEAFLET_CSS_URL, LEAFLET_JS_URL, OSM_TILES_URL
from geoviz.scene import Scene
from tests.conftest import ROOT

SEED = ROOT / "seeds" / "kim-putin-summit.txt"
STANDARD_MAX_BYTES = 300 * 1024
OFFLINE_MAX_BYTES = 2 * 1024 * 1024

#: Everything the standard page may point at: Leaflet's two files, the tile template, and the
#: OpenStreetMap copyright link inside the tiles' attribution (a link, never fetched).
STANDARD_REFERENCES = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "https://www.openstreetmap.org/copyright",
}


@pytest.fixture(scope="module")
def seed_scene() -> Scene:
    return scene_from_document(geoviz.parse(SEED.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def standard_page(seed_scene: Scene, gaz) -> str:
    return html_document(seed_scene, gazetteer=gaz)


@pytest.fixture(scope="module")
def offline_page(seed_scene: Scene, gaz) -> str:
    return html_document(seed_scene, gazetteer=gaz, offline=True)


# --------------------------------------------------------------------------
# Titles and names
# --------------------------------------------------------------------------


def test_title_of_the_seed_is_its_first_sentence_shortened(seed_scene: Scene):
    title = article_title(seed_scene)
    assert title.startswith("In a rare and highly anticipated summit, North Korea’s leader Kim Jong Un")
    assert len(title) <= 90 and title.endswith("\u2026")
    assert default_stem(seed_scene).startswith("in-a-rare-and-highly-anticipated-summit-north-koreas-leader")
    assert len(default_stem(seed_scene)) <= 60


def test_title_from_a_headline_line_or_the_meta():
    assert article_title("Kim meets Putin at a spaceport\n\nIn a rare summit ...") == "Kim meets Putin at a spaceport"
    assert article_title(Scene(source_text="Body.", meta={"title": "  Given   title "})) == "Given title"
    assert article_title("") == "Map of the article"


@pytest.mark.parametrize("text, slug", [
    ("Kim meets Putin: “a clear manifestation”", "kim-meets-putin-a-clear-manifestation"),
    ("Zürich, São Paulo & Łódź", "zurich-sao-paulo-odz"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>", "script"),
    ("   ", "geoviz-map"),
    ("东京", "geoviz-map"),
])
def test_slugify(text: str, slug: str):
    assert slugify(text) == slug


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def test_standard_export_references_only_leaflet_and_tiles(standard_page: str):
    refs = set(network_references(standard_page))
    assert refs == STANDARD_REFERENCES
    assert {LEAFLET_JS_URL, LEAFLET_CSS_URL, OSM_TILES_URL} <= refs
    assert f'<script src="{LEAFLET_JS_URL}">' in standard_page
    assert "jquery" not in standard_page.lower() and "bootstrap" not in standard_page.lower()


def test_standard_export_size(standard_page: str):
    size = len(standard_page.encode("utf-8"))
    print(f"standard seed map: {size:,} bytes")
    assert size <= STANDARD_MAX_BYTES


def test_offline_export_is_self_contained(offline_page: str):
    assert network_references(offline_page) == []  # not even in attribution text
    assert "//cdn" not in offline_page and 'src="http' not in offline_page and "href=\"http" not in offline_page
    assert offline_page.count('src="data:text/javascript;base64,') == 1
    assert offline_page.count('href="data:text/css;base64,') == 1
    assert "gv-basemap" in offline_page


def test_offline_export_size(offline_page: str):
    size = len(offline_page.encode("utf-8"))
    print(f"offline seed map: {size:,} bytes")
    assert size <= OFFLINE_MAX_BYTES


def test_save_html_into_a_directory_names_the_file_after_the_headline(seed_scene: Scene, tmp_path: Path, gaz):
    path = save_html(seed_scene, tmp_path, gazetteer=gaz)
    assert path.parent == tmp_path and path.name == default_stem(seed_scene) + ".html"
    assert "<title>In a rare and highly anticipated summit" in path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# GeoJSON and CSV
# --------------------------------------------------------------------------


def test_geojson_round_trips(seed_scene: Scene):
    again = Scene.from_geojson(json.loads(geojson_document(seed_scene)))
    assert [p.name for p in again.places] == [p.name for p in seed_scene.places]
    assert len(again.claims) == len(seed_scene.claims) and len(again.routes) == len(seed_scene.routes)


def test_places_csv(seed_scene: Scene):
    rows = list(csv.DictReader(io.StringIO(places_csv(seed_scene))))
    assert list(rows[0]) == PLACE_COLUMNS and len(rows) == len(seed_scene.places)
    khasan = next(r for r in rows if r["name"] == "Khasan")
    assert khasan["marker"] == "city" and float(khasan["lat"]) == pytest.approx(42.42387, abs=1e-4)
    assert "border town of Khasan" in khasan["first_sentence"]


def test_claims_csv(seed_scene: Scene):
    rows = list(csv.DictReader(io.StringIO(claims_csv(seed_scene))))
    assert list(rows[0]) == CLAIM_COLUMNS and len(rows) == len(seed_scene.claims) == 1
    row = rows[0]
    assert (row["subject"], row["anchor"], row["verdict"]) == ("Vostochny Cosmodrome", "Vladivostok", "consistent")
    assert float(row["stated_km"]) == 1000.0 and float(row["computed_km"]) == pytest.approx(1011.5, abs=0.5)


def test_csv_cells_cannot_become_formulas():
    evil = Place(id="user:1", name='=HYPERLINK("http://x","y")', lat=-33.9, lon=-70.6, kind="landmark",
                 country="@SUM(1)", confidence=1.0)
    row = next(csv.DictReader(io.StringIO(places_csv(Scene(places=[evil])))))
    assert row["name"] == "'=HYPERLINK(\"http://x\",\"y\")" and row["country"] == "'@SUM(1)"
    assert row["lat"] == "-33.9"  # numbers stay numbers


def test_save_csv_names(seed_scene: Scene, tmp_path: Path):
    places, claims = save_csv(seed_scene, tmp_path / "out.csv")
    assert (places.name, claims.name) == ("out-places.csv", "out-claims.csv")
    places, claims = save_csv(seed_scene, tmp_path)
    assert places.name == default_stem(seed_scene) + "-places.csv" and claims.exists()


# --------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------


def test_geoviz_map_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "seed.html"
    code = main(["map", str(SEED), "-o", str(out), "--offline", "--geojson", str(tmp_path / "seed.geojson"),
                 "--csv", str(tmp_path / "seed.csv"), "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["html"] == str(out) and result["offline"] is True and result["bytes"] == out.stat().st_size
    assert result["claims"] == 1 and result["routes"] >= 1
    assert json.loads((tmp_path / "seed.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert (tmp_path / "seed-places.csv").exists() and (tmp_path / "seed-claims.csv").exists()


def test_geoviz_map_command_counts_in_a_readers_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """Issue #17: "1 journey, 1 distance claim", never "1 routes, 1 claims"."""
    assert main(["map", str(SEED), "-o", str(tmp_path / "seed.html"), "--offline"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert re.search(r": \d+ places, \d+ events, 1 journey, 1 distance claim$", line), line


def test_geoviz_map_command_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["map", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("geoviz map: error:") and err.count("\n") == 1


def test_the_edit_log_travels_with_the_exported_map(seed_scene, gaz):
    """Issue #17: the whole edit log exportable with the map (the app puts it in ``meta["edits"]``)."""
    import copy
    import json

    from geoviz.export import geojson_document, html_document

    seed_scene = copy.deepcopy(seed_scene)  # the fixture is shared by the module
    seed_scene.meta["edits"] = ["dropped <b>Ukraine</b>", "moved stop Khasan to position 1"]
    page = html_document(seed_scene, gazetteer=gaz, offline=True)
    assert "Edited by hand" in page and "moved stop Khasan to position 1" in page
    assert "<b>Ukraine</b>" not in page  # escaped like every other piece of text
    assert json.loads(geojson_document(seed_scene))["geoviz"]["meta"]["edits"] == seed_scene.meta["edits"]
