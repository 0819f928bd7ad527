"""The exported maps in a real browser with the network cut off.

1. The offline seed map (built by the real `geoviz map ... --offline` command)
   shows the basemap, the Khasan, Vostochny Cosmodrome and Vladivostok markers,
   the route and the 1,000 km ring, with no request leaving the page.
2. A hostile article and a hostile custom place name run nothing, in the
   offline export and in the standard one (whose Leaflet is served from the
   local xstatic copy and whose tiles get a blank PNG: still nothing leaves).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

import geoviz
from geoviz.cli.main import main
from geoviz.export import save_html
from geoviz.geo.geodesy import distance_km
from geoviz.model import Mention, Place
from geoviz.pipeline import scene_from_document
from geoviz.render import LEAFLET_CSS_URL, LEAFLET_JS_URL
from geoviz.scene import Scene
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SEED = ROOT / "seeds" / "kim-putin-summit.txt"
PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
           '`${window.__pwned=1}`</script>\u2028\'"\\')
HOSTILE_ARTICLE = (
    "<script>window.__pwned=1</script> Summit in Vladivostok </script><script>window.__pwned=1</script>\n"
    "Officials in Khasan said <img src=x onerror=\"window.__pwned=1\"> and `${window.__pwned=1}` "
    "next to Pyongyang\u2028and more.\n"
    "Kim travelled by train from Pyongyang to Khasan on Tuesday </script> ` ${1} `.\n"
    "The Vostochny Cosmodrome lies about 1,000 kilometres from Vladivostok <img src=x onerror=alert(1)>.\n")
BLANK_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAA"
                             "SUVORK5CYII=")

# Opens every popup and tooltip, so every piece of article HTML is parsed by the browser at least once.
OPEN_EVERYTHING = """() => {
  const map = window[document.querySelector('.folium-map').id];
  const texts = [];
  map.eachLayer((layer) => {
    if (layer.getPopup && layer.getPopup()) {
      layer.openPopup();
      const el = layer.getPopup().getElement();
      if (el) { texts.push(el.querySelector('.leaflet-popup-content').innerText); }
    }
    if (layer.getTooltip && layer.getTooltip()) { layer.openTooltip(); }
  });
  return texts;
}"""


def _wait_for_map(page: Any) -> None:
    page.wait_for_selector(".folium-map.leaflet-container", state="visible", timeout=10_000)
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-icon').length > 0", timeout=10_000)


@pytest.fixture(scope="module")
def seed_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "seed.html"
    assert main(["map", str(SEED), "-o", str(out), "--offline"]) == 0
    return out


def test_offline_seed_map_renders_with_the_network_blocked(blocked_page, seed_offline: Path, output_dir: Path):
    b = blocked_page()
    page = b.page
    page.goto(seed_offline.as_uri())
    _wait_for_map(page)

    assert page.locator(".folium-map").is_visible()
    assert page.locator("path.gv-basemap").count() > 200
    for iso in ("RU", "KP", "CN", "JP"):
        assert page.locator(f"path.gv-iso-{iso}").first.is_visible(), iso
    for name in ("Khasan", "Vostochny Cosmodrome", "Vladivostok"):
        marker = page.locator(f'.gv-place[title="{name}"]')
        assert marker.count() == 1 and marker.is_visible(), name
        box = marker.bounding_box()
        assert box and 0 <= box["x"] <= 1280 and 0 <= box["y"] <= 800, f"{name} is outside the fitted view"
    assert page.locator("path.gv-route").first.is_visible()
    assert page.locator("path.gv-claim-ring").count() == 1 and page.locator("path.gv-claim-ring").is_visible()
    assert page.locator(".gv-info").is_visible() and "consistent" in page.locator(".gv-info").inner_text()
    page.screenshot(path=str(output_dir / "seed-offline.png"))

    # a popup quotes the article with the mention marked
    page.locator('.gv-place[title="Khasan"]').click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert popup.locator("mark", has_text="Khasan").count() == 1 and "border town" in popup.inner_text()

    # the measure tool agrees with the geodesic the claims are checked against
    km = page.evaluate("() => window[document.querySelector('.folium-map').id].geovizMeasureKm("
                       "L.latLng(43.1056, 131.8735), L.latLng(51.8844, 128.3339))")
    assert km == pytest.approx(distance_km((43.1056, 131.8735), (51.8844, 128.3339)), abs=0.01)
    page.keyboard.press("Escape")
    page.locator(".gv-measure").click()  # clicks now measure, even on top of the ring and markers
    for x, y in ((500, 400), (700, 300)):
        page.mouse.click(x, y)
    assert float(page.locator(".folium-map").get_attribute("data-measure-km")) > 100
    assert page.locator("path.gv-measure-line").count() == 1

    assert b.aborted == [] and b.served == []
    assert b.errors == []


# The journey's stop badges and the event markers that hit one of the panels (the open legend, bottom left;
# the title panel, top right) in the first, fitted view.
COVERED = """() => {
  const box = (e) => e.getBoundingClientRect();
  const panels = [...document.querySelectorAll('.gv-legend, .gv-info')].map(box);
  const hit = (b) => panels.some((p) => b.right > p.left && b.left < p.right && b.bottom > p.top && b.top < p.bottom);
  return [...document.querySelectorAll('.leaflet-marker-icon')]
    .filter((m) => /^(Stop \\d|Military|Meeting|Arrival)/.test(m.getAttribute('title') || ''))
    .filter((m) => hit(box(m))).map((m) => m.getAttribute('title'));
}"""


@pytest.mark.parametrize("size", [(1280, 800), (1000, 600)])
def test_panels_cover_no_stop_or_event_in_the_fitted_view(blocked_page, seed_offline: Path, size):
    page = blocked_page().page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(seed_offline.as_uri())
    _wait_for_map(page)
    assert page.locator(".gv-legend details[open]").count() == 1  # the legend starts open
    assert page.evaluate(COVERED) == []


def _hostile_scene() -> Scene:
    scene = scene_from_document(geoviz.parse(HOSTILE_ARTICLE))
    at = HOSTILE_ARTICLE.index("Officials")
    scene.places.append(Place(id="user:payload", name=PAYLOAD, lat=44.5, lon=133.0, kind="landmark", country="RU",
                              confidence=1.0, mentions=[Mention(at, at + 9, "Officials")]))
    return scene


def _serve_leaflet_and_blank_tiles(url: str) -> tuple[bytes, str] | None:
    """Answer Leaflet's CDN files from the installed xstatic copy and tiles with a blank PNG, locally."""
    import xstatic.pkg.leaflet as xleaflet

    base = Path(xleaflet.BASE_DIR)
    if url == LEAFLET_JS_URL:
        return (base / "leaflet.js").read_bytes(), "text/javascript"
    if url == LEAFLET_CSS_URL:
        return (base / "leaflet.css").read_bytes(), "text/css"
    prefix = LEAFLET_CSS_URL.rsplit("/", 1)[0] + "/images/"
    if url.startswith(prefix) and (base / "images" / url[len(prefix):]).is_file():
        return (base / "images" / url[len(prefix):]).read_bytes(), "image/png"
    if url.startswith("https://tile.openstreetmap.org/"):
        return BLANK_PNG, "image/png"
    return None


@pytest.mark.parametrize("offline", [True, False], ids=["offline", "standard"])
def test_hostile_article_runs_nothing(blocked_page, tmp_path: Path, output_dir: Path, offline: bool, gaz):
    path = save_html(_hostile_scene(), tmp_path / "hostile.html", gazetteer=gaz, offline=offline)
    b = blocked_page(serve=None if offline else _serve_leaflet_and_blank_tiles)
    page = b.page
    page.goto(path.as_uri())
    _wait_for_map(page)

    texts = page.evaluate(OPEN_EVERYTHING)
    page.wait_for_timeout(300)  # an injected <img onerror> would have fired by now
    assert page.evaluate("() => window.__pwned") is None

    # the text is shown literally, in the title, the panel, the label and the popups
    assert page.title().startswith("<script>window.__pwned=1</script> Summit in Vladivostok")
    assert "<script>window.__pwned=1</script>" in page.locator(".gv-info .gv-title").inner_text()
    label = page.locator(".gv-place[title^='<script>'] .gv-label")
    assert label.count() == 1
    assert label.inner_text().startswith('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">`')
    joined = "\n".join(texts)
    assert '<img src=x onerror="window.__pwned=1">' in joined and "`${window.__pwned=1}`" in joined
    assert page.locator("img[src='x']").count() == 0 and page.locator(".leaflet-container script").count() == 0
    page.screenshot(path=str(output_dir / f"hostile-{'offline' if offline else 'standard'}.png"))

    assert b.aborted == []
    if offline:
        assert b.served == []
    else:  # nothing but Leaflet's files and tiles was even asked for
        assert b.served and all(u.startswith(("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/",
                                              "https://tile.openstreetmap.org/")) for u in b.served)
    assert b.errors == []
