"""The app's gazetteer choice (#18): the sidebar offers every store found and re-reads the article with it.

A full store is built from the GeoNames-format fixture (tests/geonames_fixture.py)
into a temporary data directory (``XDG_DATA_HOME``) or named by
``GEOVIZ_GAZETTEER``; the app runs for real through AppTest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geoviz.app import resources
from geoviz.geo.gazetteer import Gazetteer
from geoviz.geo.stores import ENV_STORE, bundled_store_path
from tests.conftest import ROOT
from tests.geonames_fixture import FICTIONAL_BASE, build_fixture_store

APP = str(ROOT / "app.py")
STADIUM = f"gn:{FICTIONAL_BASE + 12}"
ARTICLE = {"name": "match report", "date": None,
           "text": "Fans gathered outside Tallowmere Stadium in Manchester hours before kick-off on Saturday. "
                   "Police in London said trains from Leeds were full."}


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory) -> Path:
    return build_fixture_store(Path(tmp_path_factory.mktemp("fixture")))


@pytest.fixture()
def data_dir(tmp_path, monkeypatch) -> Path:
    """An empty user data directory, and no GEOVIZ_GAZETTEER: only what a test puts there is found."""
    monkeypatch.delenv(ENV_STORE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    return tmp_path / "geoviz"


def run_app(article: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    if article is not None:
        at.session_state["article"] = article
        at.run()
        assert not at.exception, at.exception
    return at


def store_box(at: AppTest):
    boxes = [b for b in at.sidebar.selectbox if b.label == "Gazetteer"]
    assert len(boxes) == 1
    return boxes[0]


def place_ids(at: AppTest) -> set[str]:
    ws = at.session_state["workspace"]
    return {p.id for p in ws.scene.places + ws.scene.uncertain}


def entries(path: Path) -> int:
    return sum(Gazetteer(path).kind_counts().values())


def test_only_the_bundled_store_is_offered_when_none_is_built(data_dir):
    at = run_app()
    box = store_box(at)
    bundled = str(bundled_store_path().absolute())
    assert box.value == bundled and len(box.options) == 1
    assert box.options[0].startswith("bundled, ") and f"{entries(bundled_store_path()):,} places" in box.options[0]
    assert box.options[0].endswith(" MB")
    assert at.session_state["workspace"].store == bundled


def test_a_built_store_is_chosen_and_switching_rereads_the_article(data_dir, fixture_store):
    data_dir.mkdir(parents=True)
    built = data_dir / "gazetteer.sqlite"
    built.write_bytes(fixture_store.read_bytes())
    at = run_app(ARTICLE)
    box = store_box(at)
    assert box.value == str(built.absolute())  # a built store is the default, as in the CLI
    assert box.options[0].startswith("full (built), ") and f"{entries(built):,} places" in box.options[0]
    assert box.options[1].startswith("bundled, ")
    assert STADIUM in place_ids(at)  # only the full store knows the stadium
    assert at.session_state["workspace"].store == str(built.absolute())

    # An edit, then the switch: the article is read again with the bundled store; the edit log starts afresh.
    ws = at.session_state["workspace"]
    at.session_state["selected"] = STADIUM
    at.run()
    at.button(key=f"drop:{STADIUM}").click().run()
    assert not at.exception, at.exception
    assert at.session_state["workspace"] is ws and ws.log and STADIUM not in place_ids(at)

    box = store_box(at)
    box.set_value(str(bundled_store_path().absolute())).run()
    assert not at.exception, at.exception
    after = at.session_state["workspace"]
    assert after is not ws and after.store == str(bundled_store_path().absolute()) and after.log == []
    assert STADIUM not in place_ids(at) and {"gn:2643123", "gn:2643743", "gn:2644688"} <= place_ids(at)
    assert resources.gazetteer(after.store).path == bundled_store_path().absolute()

    store_box(at).set_value(str(built.absolute())).run()  # and back: the full store's reading again
    assert not at.exception, at.exception
    assert STADIUM in place_ids(at) and at.session_state["workspace"].log == []


def test_a_store_named_by_the_environment_is_offered_first(data_dir, fixture_store, monkeypatch):
    monkeypatch.setenv(ENV_STORE, str(fixture_store))
    at = run_app(ARTICLE)
    box = store_box(at)
    assert box.value == str(fixture_store.absolute())
    assert box.options[0].startswith("from GEOVIZ_GAZETTEER, ") and len(box.options) == 2
    assert STADIUM in place_ids(at)
