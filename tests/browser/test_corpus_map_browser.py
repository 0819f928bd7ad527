"""The corpus map (`geoviz map --corpus`) in Chromium with the network cut: clusters, heat cells, the table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("xstatic.pkg.leaflet_markercluster")

from geoviz.cli.main import main  # noqa: E402
from geoviz.corpus.batch import run_batch  # noqa: E402

pytestmark = pytest.mark.browser

ARTICLES = [
    "Officials in Nairobi and Mombasa said Kenya would host the talks in Nairobi.",
    "Floods hit Dhaka; officials in Chittagong said Bangladesh needs help.",
    "The delegation flew from Tokyo to Seoul and then on to Beijing.",
    "Protesters gathered in Lima, Peru, and in Cusco.",
]


def test_offline_corpus_map_renders_markers_with_the_network_blocked(blocked_page, tmp_path: Path,
                                                                     output_dir: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(ARTICLES)), encoding="utf-8")
    run_batch(src, tmp_path / "out.parquet", partitions=2, scheduler="sync", progress=False)
    html = tmp_path / "corpus.html"
    assert main(["map", "--corpus", str(tmp_path / "out.parquet"), "-o", str(html), "--offline"]) == 0

    b = blocked_page()
    page = b.page
    page.goto(html.as_uri())
    page.wait_for_selector(".folium-map.leaflet-container", state="visible", timeout=10_000)
    # Places spread over three continents: at the fitted zoom some are clusters, some single markers.
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-icon').length > 0", timeout=10_000)
    icons = page.locator(".leaflet-marker-icon")
    assert icons.count() >= 3 and icons.first.is_visible()
    assert page.locator("path.gv-basemap").count() > 200  # the offline basemap
    assert page.locator("path.leaflet-interactive").count() >= 4  # heat cells drawn as rectangles
    table = page.locator(".gv-top-panel")
    assert table.is_visible() and "Nairobi" in table.inner_text() and "Dhaka" in table.inner_text()
    # Zoomed out far enough, the clusters merge: markercluster itself is running.
    page.evaluate("() => window[document.querySelector('.folium-map').id].setZoom(1)")
    page.wait_for_function("() => document.querySelectorAll('.marker-cluster').length > 0", timeout=10_000)
    page.screenshot(path=str(output_dir / "corpus-offline.png"))
    assert b.aborted == [] and b.served == []
    assert b.errors == []
