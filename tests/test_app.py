"""The Streamlit app through ``streamlit.testing.v1.AppTest`` (no browser), plus its non-UI helpers directly.

The app runs for real here: the seed is parsed, the map frame is rendered,
widgets are set and the script reruns. Only the map component cannot be
clicked in AppTest; the click path (``mapframe.nearest_place``) is tested
directly, and in a real browser by ``tests/browser/test_app_browser.py``.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from geoviz.app import articles, mapframe, markup, resources, warmup
from geoviz.app import workspace as app_workspace
from geoviz.article import MAX_BYTES
from geoviz.geo.gazetteer import StoreNameKeys
from geoviz.geo.geodesy import distance_km
from geoviz.model import Mention, Place
from geoviz.pipeline import InputError, pipeline
from geoviz.scene import Scene
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
VLADIVOSTOK, VLADIVOSTOK_PORT = "gn:2013348", "ne:ports:904"
VOSTOCHNY = "cu:vostochny-cosmodrome"


@pytest.fixture()
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def workspace(at: AppTest) -> app_workspace.Workspace:
    return at.session_state["workspace"]


def open_tab(at: AppTest, label: str) -> AppTest:
    """Switch the tabs under the map (only the open one is drawn), as a click on the tab does: it reruns."""
    if at.session_state["tab"] != label:
        at.session_state["tab"] = label
        at.run()
        assert not at.exception, at.exception
    return at


def place_names(at: AppTest) -> list[str]:
    return list(open_tab(at, "Places").dataframe[0].value["place"])


def claims_html(at: AppTest) -> str:
    return next(h.value for h in open_tab(at, "Distance claims").html if h.value.startswith("<table"))


def the_claim(at: AppTest) -> Any:
    claims = workspace(at).scene.claims
    assert len(claims) == 1
    return claims[0]


def widget(elements: Any, label: str) -> Any:
    found = [w for w in elements if w.label == label]
    assert len(found) == 1, [w.label for w in elements]
    return found[0]


def test_the_seed_loads_with_its_places_and_claim(app: AppTest):
    assert workspace(app).name == articles.SEED
    names = place_names(app)
    for name in ("Khasan", "Vostochny Cosmodrome", "Vladivostok", "North Korea", "Russia"):
        assert name in names
    assert names.index("North Korea") < names.index("Khasan") < names.index("Vladivostok")  # text order

    table = claims_html(app)
    assert "consistent" in table and "Vostochny Cosmodrome" in table and "Vladivostok" in table
    assert "white-space:nowrap;\">1,000 km<" in table and "white-space:nowrap;\">1,011 km<" in table
    assert "1,012 km" not in table  # the measured column agrees with the explanation's rounding
    claim = the_claim(app)
    assert (claim.subject_id, claim.anchor_id, claim.verdict) == (VOSTOCHNY, VLADIVOSTOK, "consistent")
    assert claim.computed_km == pytest.approx(1011.5, abs=0.5)

    assert app.session_state["selected"] == VOSTOCHNY  # the checked claim's subject is selected first
    assert any("consistent" in c.value for c in app.caption)
    assert not app.error


def test_choosing_another_candidate_rechecks_the_claim(app: AppTest):
    before = the_claim(app).computed_km
    app.selectbox(key="selected").set_value(VLADIVOSTOK).run()
    resolution = widget(app.selectbox, "Resolution (ranked candidates)")
    assert resolution.value == VLADIVOSTOK
    assert resolution.options == ["Vladivostok \u00b7 town \u00b7 Primorye, RU", "Vladivostok \u00b7 port \u00b7 RU"]
    resolution.set_value(VLADIVOSTOK_PORT).run()
    assert not app.exception, app.exception

    assert workspace(app).scene.place(VLADIVOSTOK) is None  # the corrected place takes the chosen entry's id
    place = workspace(app).scene.place(VLADIVOSTOK_PORT)
    assert place.entry_id == VLADIVOSTOK_PORT and place.kind == "port"
    assert app.session_state["selected"] == VLADIVOSTOK_PORT  # the selected-place box follows the correction
    box = widget(app.selectbox, "Selected place")
    assert box.value == VLADIVOSTOK_PORT and "Vladivostok (port, RU)" in box.options
    assert "Vladivostok (town, RU)" not in box.options
    app.button(key="undo").click().run()  # undone: the town again, under its own id, with its choices
    assert workspace(app).scene.place(VLADIVOSTOK).entry_id == VLADIVOSTOK
    app.selectbox(key="selected").set_value(VLADIVOSTOK).run()
    assert widget(app.selectbox, "Resolution (ranked candidates)").options[1] == "Vladivostok \u00b7 port \u00b7 RU"
    app.button(key="redo").click().run()
    app.selectbox(key="selected").set_value(VLADIVOSTOK_PORT).run()
    after = the_claim(app).computed_km
    assert after != pytest.approx(before, abs=0.1)
    assert after == pytest.approx(1013.0, abs=0.5)
    assert "white-space:nowrap;\">1,013 km<" in claims_html(app)
    assert widget(app.selectbox, "Resolution (ranked candidates)").value == VLADIVOSTOK_PORT  # survives reruns
    app.run()
    assert workspace(app).scene.place(VLADIVOSTOK_PORT).entry_id == VLADIVOSTOK_PORT
    assert any("Vladivostok" in c.value for c in app.sidebar.caption)  # the edit log


def test_a_gazetteer_search_pick_moves_the_place_and_the_verdict(app: AppTest):
    app.selectbox(key="selected").set_value(VOSTOCHNY).run()
    widget(app.text_input, "Or search the gazetteer").input("Vostochny").run()
    matches = widget(app.selectbox, "Matches")
    assert any(o.startswith("Vostochny \u00b7 town") for o in matches.options)  # a village, not the spaceport
    matches.set_value("gn:797241").run()
    widget(app.button, "Use").click().run()
    assert not app.exception, app.exception

    assert workspace(app).scene.place("gn:797241").entry_id == "gn:797241"
    claim = the_claim(app)
    assert abs(claim.computed_km - 1011.5) > 50
    assert claim.verdict != "consistent"
    # the pick joins the place's choices, so the original can be chosen back
    resolution = widget(app.selectbox, "Resolution (ranked candidates)")
    assert resolution.value == "gn:797241"
    assert resolution.options[0].startswith("Vostochny Cosmodrome \u00b7 facility")
    resolution.set_value(VOSTOCHNY).run()
    assert the_claim(app).computed_km == pytest.approx(1011.5, abs=0.5)


def test_dropping_a_place_leaves_its_claim_unresolved(app: AppTest):
    app.selectbox(key="selected").set_value(VLADIVOSTOK).run()
    widget(app.button, "Drop Vladivostok from the map").click().run()
    assert "Vladivostok" not in place_names(app)
    assert the_claim(app).verdict == "unresolved"
    assert app.session_state["selected"] != VLADIVOSTOK
    widget(app.button, "Undo all edits").click().run()
    assert "Vladivostok" in place_names(app) and the_claim(app).verdict == "consistent"


def test_only_the_open_tab_is_drawn_and_it_stays_open_across_edits(app: AppTest):
    assert [t.label for t in app.tabs] == ["Article", "Places", "Distance claims", "Route", "Measure", "Export",
                                          "Corpus"]
    assert app.session_state["tab"] == "Article"
    assert any("<mark " in h.value for h in app.html)  # the article, highlighted
    assert not app.dataframe and not app.get("download_button")  # no hidden grid, no exports
    assert "Geodesic" not in [m.label for m in app.metric]  # nor the measure panel
    open_tab(app, "Places")
    assert len(app.dataframe) == 1 and not any("<mark " in h.value for h in app.html)
    app.selectbox(key="selected").set_value(VLADIVOSTOK).run()
    widget(app.button, "Drop Vladivostok from the map").click().run()
    assert app.session_state["tab"] == "Places" and "Vladivostok" not in list(app.dataframe[0].value["place"])


def test_route_edits_recompute_the_legs(app: AppTest):
    open_tab(app, "Route")
    route = workspace(app).scene.routes[0]
    assert [s.name for s in route.stops] == ["Pyongyang", "Khasan", "Vostochny Cosmodrome"]
    # Every leg's length (the route's distance_km counts only legs between stated stops; Pyongyang is implied).
    total = sum(leg.distance_km for leg in route.legs)
    app.button(key=f"{route.id}:0:down").click().run()
    route = workspace(app).scene.routes[0]
    assert [s.name for s in route.stops] == ["Khasan", "Pyongyang", "Vostochny Cosmodrome"]
    assert sum(leg.distance_km for leg in route.legs) > total
    assert all(leg.implied for leg in route.legs)  # both legs now touch the implied stop
    app.button(key=f"{route.id}:1:del").click().run()
    route = workspace(app).scene.routes[0]
    assert [s.name for s in route.stops] == ["Khasan", "Vostochny Cosmodrome"] and len(route.legs) == 1
    app.selectbox(key=f"add:{route.id}").set_value(VLADIVOSTOK)
    app.selectbox(key=f"at:{route.id}").set_value(1)
    app.button(key=f"add-btn:{route.id}").click().run()
    route = workspace(app).scene.routes[0]
    assert [s.name for s in route.stops] == ["Khasan", "Vladivostok", "Vostochny Cosmodrome"]
    assert len(route.legs) == 2
    assert not app.exception


def test_measure_panel_defaults_to_the_claim(app: AppTest):
    open_tab(app, "Measure")
    assert app.selectbox(key="measure_a").value == VOSTOCHNY
    assert app.selectbox(key="measure_b").value == VLADIVOSTOK
    assert any(m.value == "1,011.5 km" for m in app.metric)
    app.selectbox(key="measure_b").set_value("gn:2022586").run()  # Khasan
    assert not any(m.value == "1,011.5 km" for m in app.metric)


def test_a_binary_upload_is_refused_and_the_article_kept(app: AppTest):
    app.file_uploader(key="upload").upload("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")
    app.run()
    assert not app.exception, app.exception
    assert any("scan.pdf is a PDF" in e.value for e in app.sidebar.error)
    assert workspace(app).name == articles.SEED and "Khasan" in place_names(app)

    app.file_uploader(key="upload").upload("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png")
    app.run()
    assert any("photo.png is a PNG image" in e.value for e in app.sidebar.error)
    assert workspace(app).name == articles.SEED and "Khasan" in place_names(app)


def test_an_html_upload_replaces_the_article(app: AppTest):
    page = (b"<html><head><script>var x = 'Paris';</script></head><body><p>The minister flew from Nairobi "
            b"to Kampala, about 500 km to the west.</p></body></html>")
    app.file_uploader(key="upload").upload("story.html", page, "text/html").run()
    assert not app.exception and not app.sidebar.error
    assert workspace(app).name == "story.html"
    assert {"Nairobi", "Kampala"} <= set(place_names(app)) and "Paris" not in place_names(app)


def test_the_sample_picker_switches_articles(app: AppTest):
    picker = app.selectbox(key="sample")
    assert picker.value == articles.SEED and len(picker.options) >= 4
    assert picker.options[0].startswith("In a rare and highly anticipated summit")  # the seed first, by its title
    picker.set_value("baltic-ferry-drill.txt").run()
    assert not app.exception, app.exception
    assert workspace(app).name == "baltic-ferry-drill.txt"
    assert {"Helsinki", "Tallinn", "Stockholm"} <= set(place_names(app))
    assert "Khasan" not in place_names(app)
    assert "consistent" in claims_html(app)


def test_pasted_text_is_mapped(app: AppTest):
    app.text_area(key="paste_text").input("Protesters marched from Valparaíso to Santiago, some 100 km inland.")
    widget(app.button, "Map this text").click().run()
    assert workspace(app).name == "pasted text"
    pinned = set(place_names(app))
    unsure = {p.name for p in workspace(app).scene.uncertain}
    assert {"Valparaiso", "Santiago"} <= pinned | unsure  # the gazetteer's spelling


def test_an_uncertain_town_is_pinned_by_picking_a_reading(app: AppTest):
    app.text_area(key="paste_text").input("Firefighters were called to a house fire in Lexington on Monday night.")
    widget(app.button, "Map this text").click().run()
    assert "Lexington" not in place_names(app) if app.dataframe else True
    ws = workspace(app)
    lex = next(p for p in ws.scene.uncertain if p.name == "Lexington")
    box = next(s for s in app.selectbox if s.key.startswith(f"pin:{lex.id}:"))
    other = next(e for e in ws.choices[lex.id] if e.id != lex.entry_id and e.admin1_name)  # not the resolver's pick
    box.set_value(other.id).run()
    next(b for b in app.button if b.key == f"pinbtn:{lex.id}").click().run()
    ws = workspace(app)
    assert not ws.scene.uncertain
    pinned = ws.scene.place(lex.id)
    assert pinned is not None and pinned.entry_id == other.id and pinned.admin1 == other.admin1_name
    assert any("pinned Lexington" in e for e in ws.edits)


def test_a_long_article_reports_its_progress(app: AppTest, seed_text: str):
    """Issue #7: a progress indicator for long articles (short ones get a spinner, which leaves nothing behind)."""
    assert not app.status
    long_text = "\n\n".join([seed_text] * 12)  # ~25,000 characters: over app.LONG_ARTICLE_CHARS (20,000)
    app.text_area(key="paste_text").input(long_text)
    widget(app.button, "Map this text").click().run()
    assert not app.exception, app.exception
    assert len(app.status) == 1
    status = app.status[0]
    assert status.state == "complete"
    scene = workspace(app).scene
    assert status.label == f"Read {len(scene.places)} places, {len(scene.claims)} distance claims"


def test_the_article_date_reparses(app: AppTest):
    import datetime as dt

    app.date_input(key="date").set_value(dt.date(2023, 9, 13)).run()
    assert workspace(app).date == "2023-09-13"
    assert workspace(app).scene.meta.get("date") == "2023-09-13"


def test_export_buttons_are_named_after_the_article(app: AppTest):
    stem = "in-a-rare-and-highly-anticipated-summit-north-koreas-leader"
    buttons = [b for b in open_tab(app, "Export").get("download_button")]
    assert len(buttons) == 5
    names = {b.proto.label: b for b in buttons}
    assert set(names) == {"Map (HTML)", "Offline map (HTML)", "GeoJSON", "Places (CSV)", "Claims (CSV)"}
    assert any(stem in c.value for c in app.caption)


# --------------------------------------------------------------------------
# Issue #17: every part of the story editable, stepwise undo, corrected ids, the size limit
# --------------------------------------------------------------------------

#: "Hope" is a word first: the parser leaves it out, and a person adds it (Hope, Tasman District, New Zealand).
MISSED = "Volunteers from Hope drove to Nelson, then flew from Wellington to Sydney. Hope has a small school."
HOPE_NZ = "gn:2189819"


def paste(app: AppTest, text: str) -> AppTest:
    app.text_area(key="paste_text").input(text)
    widget(app.button, "Map this text").click().run()
    assert not app.exception, app.exception
    return app


def test_a_missed_place_is_added_with_every_mention_to_map_tables_and_exports(app: AppTest):
    import json

    from geoviz.export import geojson_document, places_csv

    paste(app, MISSED)
    assert "Hope" not in [p.name for p in workspace(app).scene.places]
    app.text_input(key="add_place_name").input("Hope").run()
    pick = app.selectbox(key="add_place_pick")
    assert "2 mentions in the text" in pick.label
    pick.set_value(HOPE_NZ).run()
    app.button(key="add_place_btn").click().run()
    assert not app.exception, app.exception

    ws = workspace(app)
    place = ws.scene.place(HOPE_NZ)
    assert place is not None and [MISSED[m.start:m.end] for m in place.mentions] == ["Hope", "Hope"]
    assert place.country == "NZ"
    assert app.session_state["selected"] == HOPE_NZ
    assert "Hope" in place_names(app)
    assert any("added Hope" in e and "2 mentions" in e for e in ws.edits)
    features = json.loads(geojson_document(ws.export_scene()))["features"]
    assert any(f["id"] == HOPE_NZ for f in features)
    assert f"\n{HOPE_NZ},Hope," in places_csv(ws.export_scene())
    frame = mapframe.scene_map_frame(ws.fingerprint(), True, ws.scene)
    assert "Hope" in frame.script  # on the map


def test_a_corrected_place_exports_the_chosen_entry_id(app: AppTest):
    import json

    from geoviz.export import geojson_document, places_csv

    app.selectbox(key="selected").set_value(VLADIVOSTOK).run()
    widget(app.selectbox, "Resolution (ranked candidates)").set_value(VLADIVOSTOK_PORT).run()
    ws = workspace(app)
    geo = json.loads(geojson_document(ws.export_scene()))
    place = next(f for f in geo["features"] if f["properties"]["feature_type"] == "place"
                 and f["properties"]["name"] == "Vladivostok")
    assert place["id"] == place["properties"]["id"] == place["properties"]["entry_id"] == VLADIVOSTOK_PORT
    claim = next(f for f in geo["features"] if f["properties"]["feature_type"] == "claim")
    assert claim["properties"]["anchor_id"] == VLADIVOSTOK_PORT
    csv_text = places_csv(ws.export_scene())
    assert f"\n{VLADIVOSTOK_PORT},Vladivostok," in csv_text and VLADIVOSTOK + "," not in csv_text
    assert geo["geoviz"]["meta"]["edits"] == ws.edits  # the edit log travels with the map


def test_a_claim_end_is_re_picked_from_the_places_and_the_gazetteer(app: AppTest):
    open_tab(app, "Distance claims")
    assert "Vostochny Cosmodrome (facility)" in claims_html(app) and "Vladivostok (town)" in claims_html(app)
    app.selectbox(key="claim:0:anchor").set_value("gn:1871859").run()  # Pyongyang
    assert not app.exception, app.exception
    claim = the_claim(app)
    scene = workspace(app).scene
    assert claim.anchor_id == "gn:1871859" and claim.anchor == "Pyongyang"
    assert claim.computed_km == pytest.approx(distance_km(scene.place("gn:1871859"), scene.place(VOSTOCHNY)))
    assert claim.verdict == "overstated" or claim.verdict == "understated"
    assert "Pyongyang (town)" in claims_html(app) and "picked by you" in claims_html(app)
    # from the gazetteer: the place joins the scene and becomes the end
    next(t for t in app.text_input if t.key.startswith("claim-search:0:")).input("Vladivostok").run()
    app.selectbox(key="claim-hit:0").set_value(VLADIVOSTOK).run()
    app.button(key="claim-anc:0").click().run()
    claim = the_claim(app)
    assert claim.anchor_id == VLADIVOSTOK and claim.verdict == "consistent"
    # a later correction elsewhere re-checks the claims and keeps the picked ends
    app.selectbox(key="claim:0:anchor").set_value("gn:2017370").run()  # Russia: a country's point
    assert the_claim(app).anchor_id == "gn:2017370"
    assert "Russia is a country: measured from its single point" in claims_html(app)


def test_journeys_are_renamed_deleted_and_added(app: AppTest):
    open_tab(app, "Route")
    route = workspace(app).scene.routes[0]
    app.text_input(key=f"traveller:{route.id}").input("Kim Jong Un").run()
    assert workspace(app).scene.routes[0].traveller == "Kim Jong Un"
    assert any("Kim Jong Un's journey" in m.value for m in app.markdown)
    app.button(key=f"drop-route:{route.id}").click().run()
    assert not workspace(app).scene.routes
    assert any("0 journeys" in c.value for c in app.caption)  # the header stops counting it
    app.selectbox(key="new_route_from").set_value(VLADIVOSTOK)
    app.selectbox(key="new_route_to").set_value(VOSTOCHNY)
    app.text_input(key="new_route_who").input("Putin")
    app.button(key="new_route_btn").click().run()
    assert not app.exception, app.exception
    (new,) = workspace(app).scene.routes
    assert [s.name for s in new.stops] == ["Vladivostok", "Vostochny Cosmodrome"] and new.traveller == "Putin"
    assert new.distance_km == pytest.approx(1011.5, abs=1)
    # a stop from the gazetteer search: a place the article never named
    app.text_input(key=f"stop-search:{new.id}").input("Harbin").run()
    app.selectbox(key=f"stop-hit:{new.id}").set_value("gn:2037013")  # Harbin
    app.button(key=f"stop-use:{new.id}").click().run()
    route = workspace(app).scene.routes[0]
    assert [s.name for s in route.stops] == ["Vladivostok", "Vostochny Cosmodrome", "Harbin"]
    assert workspace(app).scene.place("gn:2037013") is not None  # the stop's place joined the scene
    assert any("1 journey \u00b7" in c.value for c in app.caption)


def test_removing_every_stop_removes_the_journey(app: AppTest):
    open_tab(app, "Route")
    route = workspace(app).scene.routes[0]
    for _ in range(len(route.stops)):
        app.button(key=f"{route.id}:0:del").click().run()
        assert not app.exception, app.exception
    assert not workspace(app).scene.routes
    assert not any("0 stops" in m.value for m in app.markdown)
    assert any("0 journeys" in c.value for c in app.caption)


def test_undo_and_redo_step_through_the_whole_edit_log(app: AppTest):
    open_tab(app, "Route")
    route = workspace(app).scene.routes[0]
    for _ in range(3):
        app.button(key=f"{route.id}:0:down").click().run()
    app.selectbox(key="selected").set_value(VLADIVOSTOK).run()
    widget(app.button, "Drop Vladivostok from the map").click().run()
    for _ in range(4):  # nine edits in all: the log shows every one, not the last six
        app.button(key=f"{route.id}:0:down").click().run()
    app.selectbox(key="selected").set_value("gn:2022586").run()
    widget(app.button, "Drop Khasan from the map").click().run()
    ws = workspace(app)
    assert len(ws.edits) == 9
    log = "\n".join(c.value for c in app.sidebar.caption)
    assert all(f"{i}. " in log for i in range(1, 10)) and "dropped Vladivostok" in log
    app.button(key="undo").click().run()
    assert workspace(app).scene.place("gn:2022586") is not None and len(workspace(app).edits) == 8
    assert "~~" in "\n".join(c.value for c in app.sidebar.caption)  # the undone step stays visible, struck
    for _ in range(4):
        app.button(key="undo").click().run()
    assert workspace(app).scene.place(VLADIVOSTOK) is None  # stepped back to just after the drop
    app.button(key="undo").click().run()
    assert workspace(app).scene.place(VLADIVOSTOK) is not None and the_claim(app).verdict == "consistent"
    app.button(key="redo").click().run()
    assert workspace(app).scene.place(VLADIVOSTOK) is None and the_claim(app).verdict == "unresolved"
    widget(app.sidebar.button, "Undo all edits").click().run()
    assert workspace(app).edits == [] and workspace(app).scene.place(VLADIVOSTOK) is not None
    app.button(key="redo").click().run()
    assert len(workspace(app).edits) == 1
    log_button = next(b for b in app.get("download_button") if b.proto.label == "Edit log (text)")
    assert log_button is not None


def test_an_article_over_the_limit_is_refused_with_what_to_do_instead(app: AppTest):
    assert any(f"{articles.MAX_ARTICLE_CHARS:,} characters" in c.value for c in app.sidebar.caption)  # up front
    big = "Officials met in Nairobi. " * (articles.MAX_ARTICLE_CHARS // 26 + 10)
    app.text_area(key="paste_text").input(big)
    widget(app.button, "Map this text").click().run()
    assert not app.exception, app.exception
    error = " ".join(e.value for e in app.sidebar.error)
    assert "geoviz batch" in error and "Corpus tab" in error and f"{articles.MAX_ARTICLE_CHARS:,}" in error
    assert workspace(app).name == articles.SEED  # the article is kept
    assert app.session_state["paste_text"] == ""  # and the paste let go of
    app.file_uploader(key="upload").upload("wire.txt", big.encode(), "text/plain").run()
    assert "wire.txt is" in " ".join(e.value for e in app.sidebar.error)
    assert workspace(app).name == articles.SEED


# --------------------------------------------------------------------------
# The helpers, directly
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "says"), [
    ("a.pdf", b"%PDF-1.4 binary", "is a PDF"),
    ("a.txt", b"%PDF-1.4 renamed", "is a PDF"),
    ("a.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    ("a.docx", b"PK\x03\x04\x14\x00", "ZIP archive"),
    ("a.csv", b"name,lat\nParis,48.8", ".csv files are not read"),
    ("a.txt", b"\x00\x01\x02\x03" * 100, "binary"),
    ("a.txt", b"   \n ", "empty"),
])
def test_read_upload_refuses_what_is_not_an_article(name: str, data: bytes, says: str):
    with pytest.raises(InputError, match=says):
        articles.read_upload(name, data)


def test_read_upload_size_limit_and_text_forms():
    with pytest.raises(InputError, match="the limit is 20 MB"):
        articles.read_upload("big.txt", b"a" * (MAX_BYTES + 1))
    assert articles.read_upload("a.md", "Kim in Khasan".encode("utf-16")) == "Kim in Khasan"
    assert articles.read_upload("a.htm", b"<p>Kim &amp; Putin</p>") == "Kim & Putin"
    assert articles.read_upload("a.txt", "Caf\xe9 in Paris".encode("latin-1")) == "Caf\xe9 in Paris"


def _place(pid: str, name: str, lat: float, lon: float, kind: str = "populated place",
           spans: tuple[tuple[int, int], ...] = ()) -> Place:
    return Place(id=pid, name=name, lat=lat, lon=lon, kind=kind, country="XX", confidence=1.0,
                 mentions=[Mention(s, e, "x") for s, e in spans])


def test_highlighted_text_escapes_the_article_and_marks_mentions():
    text = "<script>alert(1)</script> in Khasan & <b>Vladivostok</b>"
    k, v = text.index("Khasan"), text.index("Vladivostok")
    places = [_place("k", "Khasan", 42.4, 130.6, spans=((k, k + 6),)),
              _place("v", 'Vla"d', 43.1, 131.9, kind="country", spans=((v, v + 11),))]
    out = markup.highlighted_text(text, places, selected="k")
    assert "<script>" not in out and "&lt;script&gt;" in out and "&lt;b&gt;" in out and "&amp;" in out
    assert out.count("<mark ") == 2 and "outline" in out.split("Khasan</mark>")[0]  # the selection is outlined
    assert 'title="Vla&quot;d' in out


def test_mention_snippets_quote_the_sentences():
    text = "Kim went to Khasan. Then <i>nothing</i>. Khasan again."
    spans = [Mention(12, 18, "Khasan"), Mention(41, 47, "Khasan")]
    out = markup.mention_snippets(text, spans)
    assert out == ["Kim went to <mark>Khasan</mark>.", "<mark>Khasan</mark> again."]


def test_nearest_place_matches_markers_even_across_the_antimeridian():
    scene = Scene(places=[_place("a", "Anadyr", 64.7, 177.5), _place("n", "Nome", 64.5, -165.4)])
    assert mapframe.nearest_place(scene, 64.5, -165.4) == "n"
    assert mapframe.nearest_place(scene, 64.5, 194.6) == "n"  # the map drew Nome one turn east
    assert mapframe.nearest_place(scene, 10.0, 10.0) is None  # a click on a line far from any place


def test_set_resolution_rejudges_with_the_given_gazetteer(gaz, seed_text: str):
    from geoviz.pipeline import scene_of

    scene = scene_of(seed_text, gazetteer=gaz)
    ws = app_workspace.new_workspace("seed", seed_text, None, scene, gaz)
    assert [e.id for e in ws.choices[VLADIVOSTOK]] == [VLADIVOSTOK, VLADIVOSTOK_PORT]
    before = scene.claims[0].computed_km
    app_workspace.set_resolution(ws, VLADIVOSTOK, gaz.get(VLADIVOSTOK_PORT), gaz)
    assert ws.version == 1 and ws.scene.claims[0].computed_km != before
    fingerprint = ws.fingerprint()
    app_workspace.set_resolution(ws, VLADIVOSTOK, gaz.get(VLADIVOSTOK_PORT), gaz)  # no change, no new version
    assert ws.version == 1 and ws.fingerprint() == fingerprint


def test_the_warm_up_fills_the_caches_the_first_page_view_reads(app_test_warm: tuple[mapframe.MapFrame, AppTest]):
    frame, at = app_test_warm
    ws = workspace(at)
    assert (ws.name, ws.text) == (articles.landing_article()["name"], articles.landing_article()["text"])
    # cache_resource hands back the very object the warm-up rendered: the page did not render the map again
    assert mapframe.scene_map_frame(ws.fingerprint(), mapframe.DEFAULT_OFFLINE_BASEMAP, ws.scene) is frame
    assert warmup.start_warm_up() is warmup.start_warm_up()  # once per process


def test_the_second_warm_up_readies_the_place_search():
    warmup.warm_up_next()
    assert resources.gazetteer()._fuzzy_index is not None  # the first search does not build it
    assert isinstance(pipeline(resources.gazetteer())[0].name_keys, frozenset)  # and later parses test names in a set


def test_the_warm_up_shortens_the_thread_switch_interval_only_while_it_runs(monkeypatch):
    """While it runs, the server's event loop gets the GIL back sooner; afterwards the process has its own again."""
    import sys

    for thread in warmup._warm_up_thread:  # another test's background warm-up holds the interval while it runs
        thread.join()
    before, seen = sys.getswitchinterval(), []
    monkeypatch.setattr(warmup, "warm_up", lambda: seen.append(sys.getswitchinterval()))
    warmup.warm_up_yielding()
    assert seen == [warmup.WARM_UP_SWITCH_INTERVAL_S] and sys.getswitchinterval() == before != seen[0]


def test_overlapping_warm_ups_restore_the_interval_the_first_one_found(monkeypatch):
    import sys

    for thread in warmup._warm_up_thread:
        thread.join()
    before = sys.getswitchinterval()
    outer_may_end = threading.Event()
    calls = []

    def fake_warm_up() -> None:
        calls.append(sys.getswitchinterval())
        if len(calls) == 1:
            outer_may_end.wait(5)  # the outer warm-up runs on while the inner one starts and ends

    monkeypatch.setattr(warmup, "warm_up", fake_warm_up)
    outer = threading.Thread(target=warmup.warm_up_yielding)
    outer.start()
    while not calls:
        time.sleep(0.001)
    warmup.warm_up_yielding()
    still_short = sys.getswitchinterval()
    outer_may_end.set()
    outer.join(5)
    assert still_short == warmup.WARM_UP_SWITCH_INTERVAL_S  # the inner one did not restore it under the outer one
    assert calls == [warmup.WARM_UP_SWITCH_INTERVAL_S] * 2 and sys.getswitchinterval() == before

    def fails() -> None:
        raise RuntimeError("no gazetteer")

    monkeypatch.setattr(warmup, "warm_up", fails)
    with pytest.raises(RuntimeError):
        warmup.warm_up_yielding()
    assert sys.getswitchinterval() == before


def test_the_store_answers_name_tests_like_the_set_of_name_keys():
    """The app's first parse asks the store key by key (``StoreNameKeys``): the same answers as the loaded set."""
    gaz = resources.gazetteer()
    keys, store = gaz.name_keys(), StoreNameKeys(gaz)
    sample = ["khasan", "vladivostok", "sea of japan", "north korea", "kp", "us", "paris", "", "xqzzq", "zzzz",
              "putin", "the", "new york city", "primorye"]
    assert [k in store for k in sample] == [k in keys for k in sample]
    assert 1 not in store and len(store) == len(keys) > 400_000


def test_a_parse_on_the_store_keys_equals_one_on_the_set():
    gaz = resources.gazetteer()
    recogniser = pipeline(gaz)[0]
    text = articles.landing_article()["text"]
    loaded = recogniser.name_keys
    try:
        recogniser.name_keys = StoreNameKeys(gaz)
        on_store = recogniser.find(text)
        recogniser.name_keys = gaz.name_keys()
        on_set = recogniser.find(text)
    finally:
        recogniser.name_keys = loaded
    assert on_store == on_set and len(on_set) > 10


@pytest.fixture()
def app_test_warm() -> tuple[mapframe.MapFrame, AppTest]:
    frame = warmup.warm_up()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return frame, at


@pytest.mark.skipif(not hasattr(__import__("streamlit"), "App"), reason="this Streamlit has no st.App")
def test_importing_app_as_a_module_is_instant_and_serves_an_st_app():
    """What `streamlit run app.py` does first: import the file and find ``app = st.App(...)``.

    The import runs before the server answers, so it must leave the heavy
    modules to the warm-up thread (started by the App's lifespan, not here).
    """
    import subprocess
    import sys

    code = ("import sys, streamlit as st, app; assert isinstance(app.app, st.App), app.app; "
            "heavy = [m for m in ('folium', 'pandas', 'geoviz.app.workspace', 'geoviz.app.warmup', "
            "'geoviz.app.mapframe', 'geoviz.pipeline') if m in sys.modules]; "
            "assert not heavy, heavy")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_the_served_basemap_file_is_the_bundled_basemap(gaz):
    """static/geoviz-countries.js is generated: it must match the gazetteer's polygons it was made from."""
    from geoviz.render import basemap_script

    assert mapframe.STATIC_BASEMAP.read_text(encoding="utf-8") == basemap_script(gaz), (
        "stale: run python -c 'from geoviz.app.mapframe import write_static_basemap; write_static_basemap()'")


def test_the_app_map_loads_the_basemap_file_instead_of_inlining_it(gaz, seed_text: str, monkeypatch):
    from geoviz.pipeline import scene_of
    from geoviz.render import basemap_script, render

    scene = scene_of(seed_text, gazetteer=gaz)
    monkeypatch.setattr(mapframe, "static_basemap_url", lambda: mapframe.STATIC_BASEMAP_URL)
    served = mapframe.scene_map_frame("test-served", True, scene)
    assert [link[:20] for link in served.js_links] == ["data:text/javascript"]  # Leaflet, from the page
    assert len(served.script) < 200_000 and f"s.src = \"{mapframe.STATIC_BASEMAP_URL}\"" in served.script
    assert '"minimap":null' in served.script  # the mini-map (hidden in the app) is not built
    monkeypatch.setattr(mapframe, "static_basemap_url", lambda: None)  # no static serving: the polygons are inlined
    inlined = mapframe.scene_map_frame("test-inlined", True, scene)
    assert all(not link.endswith(".js") for link in inlined.js_links)
    assert basemap_script(gaz).split(" = ", 1)[1].rstrip(";\n") in inlined.script
    # the standalone map is unchanged: polygons inline, mini-map on
    page = render(scene, offline=True, gazetteer=gaz).get_root().render()
    assert "window.geovizCountries" not in page and '"minimap":{"basemap"' in page


def test_samples_start_with_the_seed():
    names = [s.name for s in articles.samples()]
    assert names[0] == articles.SEED and len(names) >= 4


def test_the_corpus_tab_maps_batch_output(app: AppTest, tmp_path):
    import json as _json

    from geoviz.corpus.batch import run_batch

    src = tmp_path / "in.jsonl"
    texts = ["Officials in Nairobi met delegates from Kampala.", "Floods hit Dhaka; Nairobi sent help."]
    src.write_text("".join(_json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                   encoding="utf-8")
    out = tmp_path / "out.parquet"
    run_batch(src, out, partitions=1, scheduler="sync", progress=False)
    open_tab(app, "Corpus")
    app.text_input(key="corpus_dir").input(str(out)).run()
    assert not app.exception
    table = app.dataframe[0].value
    nairobi = table[table["name"] == "Nairobi"]
    assert int(nairobi["mentions"].iloc[0]) == 2 and int(nairobi["articles"].iloc[0]) == 2
    assert [b.proto.label for b in app.get("download_button")] == ["Corpus map (offline HTML)"]
    # a path that is not batch output: one clear message, no traceback
    app.text_input(key="corpus_dir").input(str(tmp_path / "nowhere")).run()
    assert not app.exception and app.error


# --------------------------------------------------------------------------
# streamlit-folium: the private helpers mapframe relies on (see geoviz/app/mapframe.py for why)
# --------------------------------------------------------------------------


def test_the_streamlit_folium_helpers_the_map_frame_uses_are_there_with_their_signatures():
    """A streamlit-folium upgrade that renames or reshapes these fails here, not on the page."""
    import inspect

    import streamlit_folium as sf
    from streamlit.components.v1.custom_component import CustomComponent
    from streamlit.runtime import Runtime

    assert isinstance(sf._component_func, CustomComponent) and sf._component_func.name == "streamlit_folium.st_folium"
    assert list(inspect.signature(sf.generate_js_hash).parameters) == ["js_string", "key", "return_on_hover"]
    for helper in (sf._get_html, sf._get_header, sf._get_map_string, sf.get_full_id):
        assert len(inspect.signature(helper).parameters) == 1, helper
    # the component arguments mapframe.show_map passes are the ones st_folium itself passes
    source = inspect.getsource(sf.st_folium)
    for argument in ("script=", "header=", "html=", "id=", "key=", "height=", "width=", "returned_objects=",
                     "default=", "zoom=", "center=", "feature_group=", "return_on_hover=", "layer_control=",
                     "pixelated=", "css_links=", "js_links=", "on_change=", "wrap_longitude="):
        assert argument in source, argument
    assert callable(Runtime.exists) and hasattr(Runtime, "instance")  # mapframe.register_component


def test_a_map_frame_carries_what_st_folium_would_send(gaz, seed_text: str, monkeypatch):
    """The frame is prepared with st_folium's own steps: the same script (plus the app's), header, html and links."""
    import streamlit_folium as sf

    from geoviz.pipeline import scene_of
    from geoviz.render import render

    scene = scene_of(seed_text, gazetteer=gaz)

    def fresh() -> Any:
        m = render(scene, gazetteer=gaz, offline=True, basemap_src=mapframe.STATIC_BASEMAP_URL, minimap=False)
        return mapframe.local_leaflet(m)

    sent: list[dict[str, Any]] = []
    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: sent.append(kwargs))
    sf.st_folium(fresh(), returned_objects=mapframe.MAP_RETURNS)
    frame = mapframe.map_frame(fresh())
    assert frame.script == sent[0]["script"] + mapframe.APP_MAP_JS
    assert (frame.header, frame.html, frame.id) == (sent[0]["header"], sent[0]["html"], sent[0]["id"])
    assert (list(frame.css_links), list(frame.js_links)) == (sent[0]["css_links"], sent[0]["js_links"])
    assert frame.key == sf.generate_js_hash(frame.script, "map", False)


def test_a_map_click_the_page_has_not_seen_selects_its_place_once(app: AppTest):
    """The page acts on the map's last click even when the click's own callback was lost to a race; once."""
    ws = workspace(app)
    frame = mapframe.scene_map_frame(ws.fingerprint(), mapframe.DEFAULT_OFFLINE_BASEMAP, ws.scene)
    khasan = ws.scene.place("gn:2022586")
    app.session_state[frame.key] = {"last_object_clicked": {"lat": khasan.lat, "lng": khasan.lon},
                                    "last_object_clicked_count": 1}
    app.run()
    assert app.session_state["selected"] == "gn:2022586"
    app.selectbox(key="selected").set_value(VLADIVOSTOK).run()  # a later pick in the box is not undone
    assert app.session_state["selected"] == VLADIVOSTOK
