"""render: Scene -> folium.Map. Layers, markers by kind, routes, claim rings, framing and escaping.

The map is inspected as folium objects where that is exact (a Circle's radius,
a PolyLine's points) and as the rendered page where what matters is the text a
browser will parse (escaping).
"""

from __future__ import annotations

import json
import re

import folium
import pytest

import geoviz
from geoviz.geo.geodesy import build_legs
from geoviz.model import Event, Mention, Place, Route, Stop
from geoviz.pipeline import scene_from_document
from geoviz.render import (
    KIND_STYLES,
    LAYER_CLAIMS,
    LAYER_EVENTS,
    LAYER_PLACES,
    LAYER_ROUTE,
    LAYER_STATEMENTS,
    VERDICT_STYLES,
    BasemapError,
    VectorBasemap,
    escape_html,
    js_value,
    marker_kind,
    offline_leaflet_assets,
    render,
)
from geoviz.scene import Scene

HOSTILE = ('<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> '
           '`${window.__pwned=1}` </script> \\ \u2028 \u2029 \'q\' "dq"')


@pytest.fixture(scope="module")
def seed_scene() -> Scene:
    from tests.conftest import ROOT

    text = (ROOT / "seeds" / "kim-putin-summit.txt").read_text(encoding="utf-8")
    return scene_from_document(geoviz.parse(text))


@pytest.fixture(scope="module")
def seed_map(seed_scene: Scene, gaz) -> folium.Map:
    return render(seed_scene, gazetteer=gaz)


def _walk(element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _groups(m: folium.Map) -> dict[str, folium.FeatureGroup]:
    return {c.layer_name: c for c in m._children.values() if isinstance(c, folium.FeatureGroup)}


def _of(element, cls) -> list:
    return [e for e in _walk(element) if isinstance(e, cls)]


def _place(pid: str, name: str, lat: float, lon: float, kind: str = "populated place", country: str = "RU",
           **kw) -> Place:
    return Place(id=pid, name=name, lat=lat, lon=lon, kind=kind, country=country, confidence=0.9, **kw)


# --------------------------------------------------------------------------
# Layers and controls
# --------------------------------------------------------------------------


def test_four_switchable_layers_and_the_controls(seed_map: folium.Map):
    groups = _groups(seed_map)
    assert set(groups) == {LAYER_PLACES, LAYER_EVENTS, LAYER_ROUTE, LAYER_CLAIMS, LAYER_STATEMENTS}
    assert all(g.overlay and g.control for g in groups.values())
    # What was said where is not what happened there: its layer starts switched off.
    assert [name for name, g in groups.items() if not g.show] == [LAYER_STATEMENTS]
    assert any(isinstance(c, folium.LayerControl) for c in seed_map._children.values())
    assert seed_map.control_scale is True
    page = seed_map.get_root().render()
    for hook in ("gv-fullscreen", "gv-measure", "gv-minimap", "gv-legend", "gv-info"):
        assert hook in page, hook


def test_standard_map_has_osm_tiles_and_no_basemap(seed_map: folium.Map):
    tiles = [c for c in seed_map._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 1 and "tile.openstreetmap.org" in tiles[0].tiles
    assert not any(isinstance(c, VectorBasemap) for c in seed_map._children.values())
    assert [name for name, _ in seed_map.default_js] == ["leaflet"]  # no jQuery, Bootstrap, awesome-markers


def test_offline_map_has_vector_basemap_and_inline_leaflet(seed_scene: Scene, gaz):
    m = render(seed_scene, offline=True, gazetteer=gaz)
    assert not any(isinstance(c, folium.TileLayer) for c in m._children.values())
    basemaps = [c for c in m._children.values() if isinstance(c, VectorBasemap)]
    assert len(basemaps) == 1 and len(basemaps[0].data["features"]) > 200
    assert m.default_js[0][1].startswith("data:text/javascript;base64,")
    assert m.default_css[0][1].startswith("data:text/css;base64,")
    # the per-instance override must not leak into folium's class-wide defaults
    assert folium.Map.default_js[0][1].startswith("https://")


def test_the_map_draws_with_the_gazetteer_it_is_given_and_never_opens_one(seed_scene: Scene, gaz, monkeypatch):
    import geoviz.geo.gazetteer as store

    monkeypatch.setattr(store, "default_gazetteer", lambda: pytest.fail("the map opened the bundled gazetteer"))
    assert "Russia (RU)" in render(seed_scene, gazetteer=gaz).get_root().render()  # country names from it
    page = render(seed_scene).get_root().render()  # none given: countries by their codes, the rest as drawn
    assert "Russia (RU)" not in page and "gv-claim-ring" in page and "Khasan" in page
    with pytest.raises(BasemapError, match="gazetteer"):  # offline, the basemap is the gazetteer's polygons
        render(seed_scene, offline=True)


def test_import_geoviz_leaves_folium_for_the_first_map():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys, geoviz; assert 'folium' not in sys.modules; "
            "assert callable(geoviz.render_map) and callable(geoviz.save_html) and 'folium' not in sys.modules; "
            "geoviz.save_csv; assert 'folium' in sys.modules")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_offline_css_has_its_images_inlined():
    import base64

    _, css_uri = offline_leaflet_assets()
    css = base64.b64decode(css_uri.split(",", 1)[1]).decode()
    assert "url(images/" not in css and "url(data:image/png;base64," in css


# --------------------------------------------------------------------------
# Markers
# --------------------------------------------------------------------------


def test_markers_styled_by_kind(seed_map: folium.Map):
    markers = {m.options.get("title"): m for m in _of(_groups(seed_map)[LAYER_PLACES], folium.Marker)}
    expect = {"Khasan": "city", "Vladivostok": "city", "Vostochny Cosmodrome": "facility", "Russia": "country",
              "Pyongyang": "metonym"}
    for name, kind in expect.items():
        icon = markers[name].icon
        assert f"gv-kind-{kind}" in icon.options["class_name"], name
        assert KIND_STYLES[kind].svg in icon.options["html"]
    assert marker_kind(_place("x", "Lake", 0, 0, kind="lake")) == "area"


def test_place_popup_quotes_the_sentences_with_mentions_marked(seed_scene: Scene, gaz):
    page = render(seed_scene, gazetteer=gaz).get_root().render()
    # popups travel as JSON strings: "<" is escaped as \u003c
    assert "\\u003cmark\\u003eKhasan\\u003c/mark\\u003e" in page
    assert "border town of" in page
    assert "Confidence" in page and "42.4239" in page


def test_events_are_pins_with_type_and_date(seed_scene: Scene, seed_map: folium.Map):
    pins = _of(_groups(seed_map)[LAYER_EVENTS], folium.Marker)
    said = _of(_groups(seed_map)[LAYER_STATEMENTS], folium.Marker)
    placed = [e for e in seed_scene.events if seed_scene.place(e.place_id or "")]
    assert len(pins) == len([e for e in placed if e.type != "statement"]) > 0
    assert len(said) == len([e for e in placed if e.type == "statement"]) > 0  # "the White House has issued"
    titles = {p.options["title"] for p in pins}
    assert any(t.startswith("Meeting") and "Wednesday" in t for t in titles), titles
    assert all("gv-event" in p.icon.options["class_name"] for p in pins)


# --------------------------------------------------------------------------
# Route and claims
# --------------------------------------------------------------------------


def test_route_lines_follow_the_legs_and_carry_distances(seed_scene: Scene, seed_map: folium.Map):
    group = _groups(seed_map)[LAYER_ROUTE]
    lines = [p for p in _of(group, folium.PolyLine) if "gv-route" == p.options.get("className")]
    legs = [leg for r in seed_scene.routes for leg in r.legs]
    assert len(lines) == len(legs) >= 1
    for line, leg in zip(lines, legs):
        assert line.locations == [[pytest.approx(a), pytest.approx(b)] for a, b in leg.line]
    labels = " ".join(m.icon.options["html"] for m in _of(group, folium.Marker) if "gv-leg" in
                      m.icon.options["class_name"])
    for leg in legs:
        assert f"{leg.distance_km:,.0f} km" in labels
    stops = [m for m in _of(group, folium.Marker) if m.icon.options["class_name"] == "gv-marker gv-stop"]
    assert [m.options["title"].split(":")[0] for m in stops] == [f"Stop {i}" for i in range(1, len(stops) + 1)]


def test_claim_ring_has_the_stated_radius_around_the_anchor(seed_scene: Scene, seed_map: folium.Map):
    claim = seed_scene.claims[0]
    anchor = seed_scene.place(claim.anchor_id)
    rings = [c for c in _of(_groups(seed_map)[LAYER_CLAIMS], folium.Circle)
             if "gv-claim-ring" in c.options.get("className", "")]
    assert len(rings) == 1
    ring = rings[0]
    assert ring.options["radius"] == pytest.approx(claim.stated_km * 1000.0) == pytest.approx(1_000_000)
    assert ring.location == [pytest.approx(anchor.lat), pytest.approx(anchor.lon)]
    assert ring.options["color"] == VERDICT_STYLES[claim.verdict].colour
    page = seed_map.get_root().render()
    assert "measured 1,011 km" in page and "stated ~1,000 km" in page


def test_border_claim_ring_is_around_the_subject():
    belgorod = _place("gn:1", "Belgorod", 50.6, 36.6)
    ukraine = _place("gn:2", "Ukraine", 49.0, 31.4, kind="country", country="UA")
    claim = {"subject": "Belgorod", "anchor": "Ukraine border", "subject_id": "gn:1", "anchor_id": "gn:2",
             "stated_km": 40.0, "computed_km": 38.0, "relation": "border", "verdict": "consistent",
             "sentence": "Belgorod lies 40 km from the Ukrainian border.", "start": 0, "end": 0}
    m = render(Scene(places=[belgorod, ukraine], claims=[claim], source_text=claim["sentence"]))
    rings = [c for c in _of(m, folium.Circle) if "gv-claim-ring" in c.options.get("className", "")]
    assert len(rings) == 1 and rings[0].location == [50.6, 36.6]
    # no line to the country's centre point: the border is not there
    assert not [p for p in _of(m, folium.PolyLine) if "gv-claim-line" in p.options.get("className", "")]


def test_unresolved_claim_without_places_still_renders(seed_scene: Scene, gaz):
    claim = {"subject": None, "anchor": "Atlantis", "stated_km": 50.0, "verdict": "unresolved",
             "sentence": "It lies 50 km from Atlantis.", "explanation": "unresolved: no place"}
    page = render(Scene(places=list(seed_scene.places), claims=[claim]), gazetteer=gaz).get_root().render()
    assert "unresolved" in page


# --------------------------------------------------------------------------
# Framing and the antimeridian
# --------------------------------------------------------------------------


def _bounds_of(page: str) -> list[list[float]]:
    m = re.search(r'"bounds":(\[\[[^\]]+\],\[[^\]]+\]\])', page)
    assert m, "no bounds in the page"
    return json.loads(m.group(1))


def test_fit_is_the_story_not_washington(seed_map: folium.Map):
    (south, west), (north, east) = _bounds_of(seed_map.get_root().render())
    assert 115 < west < 131 and 131 < east < 145  # the 1,000 km ring, not the White House at -77
    assert 33 < south < 40 and 51 < north < 53


def test_route_across_the_antimeridian_stays_continuous(gaz):
    vlad = _place("gn:v", "Vladivostok", 43.1056, 131.8735)
    anc = _place("gn:a", "Anchorage", 61.2181, -149.9003, country="US")
    stops = [Stop(p.id, p.name, p.lat, p.lon) for p in (vlad, anc)]
    route = Route(id="r1", stops=stops, legs=build_legs(stops))
    m = render(Scene(places=[vlad, anc], routes=[route]), offline=True, gazetteer=gaz)
    line = next(p for p in _of(m, folium.PolyLine) if p.options.get("className") == "gv-route")
    lons = [lon for _, lon in line.locations]
    assert max(abs(b - a) for a, b in zip(lons, lons[1:])) < 5  # no jump across the map
    assert lons[-1] == pytest.approx(-149.9003 + 360.0, abs=1e-6)
    anchorage = next(mk for mk in _of(m, folium.Marker) if mk.options.get("title") == "Anchorage")
    assert anchorage.location[1] == pytest.approx(210.0997)  # drawn where the line ends
    basemap = next(c for c in m._children.values() if isinstance(c, VectorBasemap))
    assert basemap.offsets == [0.0, 360.0]  # the shifted copy of the countries under the Pacific half


def test_australia_and_new_zealand_stay_on_the_one_world_copy_with_europe_and_america(gaz):
    """Issue #17: NZ and NSW were drawn west of the Americas (the window's centre was the mean longitude)."""
    places = [_place("gn:syd", "Sydney", -33.87, 151.21, country="AU"),
              _place("gn:wlg", "Wellington", -41.29, 174.78, country="NZ"),
              _place("gn:lon", "London", 51.51, -0.13, country="GB"),
              _place("gn:nyc", "New York", 40.71, -74.01, country="US"),
              _place("gn:scl", "Santiago", -33.45, -70.67, country="CL")]
    m = render(Scene(places=places), offline=True, gazetteer=gaz)
    at = {mk.options.get("title"): mk.location for mk in _of(m, folium.Marker) if mk.options.get("title")}
    for p in places:
        assert at[p.name] == [p.lat, p.lon]  # nothing shifted onto another copy
    assert m.options.get("world_copy_jump") is True and "\"worldCopyJump\": true" in m.get_root().render()
    basemap = next(c for c in m._children.values() if isinstance(c, VectorBasemap))
    assert basemap.offsets == [0.0]


def test_a_leg_across_the_pacific_is_drawn_the_short_way_and_ends_at_its_marker(gaz):
    syd = _place("gn:syd", "Sydney", -33.87, 151.21, country="AU")
    scl = _place("gn:scl", "Santiago", -33.45, -70.67, country="CL")
    lon_ = _place("gn:lon", "London", 51.51, -0.13, country="GB")
    stops = [Stop(p.id, p.name, p.lat, p.lon) for p in (syd, scl)]
    route = Route(id="r1", stops=stops, legs=build_legs(stops))
    m = render(Scene(places=[syd, scl, lon_], routes=[route]), offline=True, gazetteer=gaz)
    line = next(p for p in _of(m, folium.PolyLine) if p.options.get("className") == "gv-route")
    lons = [lon for _, lon in line.locations]
    assert max(abs(b - a) for a, b in zip(lons, lons[1:])) < 5 and max(lons) - min(lons) < 180  # the short way
    santiago = next(mk for mk in _of(m, folium.Marker) if mk.options.get("title") == "Santiago")
    assert santiago.location[1] == pytest.approx(lons[-1], abs=1e-6)
    london = next(mk for mk in _of(m, folium.Marker) if mk.options.get("title") == "London")
    assert min(lons) - 180 <= london.location[1] <= max(lons) + 180  # one copy: within reach of the rest


def test_empty_scene_renders_a_world_view():
    page = render(Scene()).get_root().render()
    assert '"bounds":null' in page


def test_scene_from_geojson_renders(seed_scene: Scene, gaz):
    again = Scene.from_geojson(json.loads(json.dumps(seed_scene.to_geojson())))
    page = render(again, gazetteer=gaz).get_root().render()
    assert "gv-claim-ring" in page and "Khasan" in page


# --------------------------------------------------------------------------
# Escaping
# --------------------------------------------------------------------------


def test_js_value_cannot_close_a_script_or_a_template_literal():
    out = js_value({"k": HOSTILE})
    for bad in ("<", ">", "`", "\u2028", "\u2029", "'"):
        assert bad not in out
    assert json.loads(out) == {"k": HOSTILE}


def test_escape_html_quotes_attributes():
    assert escape_html('<a href="x" onclick=\'y\'>&') == "&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;"


def _hostile_scene() -> Scene:
    text = (f"{HOSTILE} Vladivostok.\nOfficials in Khasan {HOSTILE} said the Vostochny Cosmodrome lies about "
            f"1,000 kilometres from Vladivostok.")
    scene = scene_from_document(geoviz.parse(text))
    start = text.index("Officials")
    scene.places.append(Place(id="user:1", name=HOSTILE, lat=44.0, lon=132.0, kind="landmark", country=HOSTILE,
                              confidence=1.0, mentions=[Mention(start, start + 9, "Officials")]))
    scene.events.append(Event(id="ex", type=HOSTILE, summary=HOSTILE, sentence=HOSTILE, start=0, end=5,
                              place_id="user:1", actors=[HOSTILE], date_label=HOSTILE, trigger="script"))
    return scene


@pytest.mark.parametrize("offline", [False, True], ids=["standard", "offline"])
def test_hostile_text_cannot_break_out(offline: bool, gaz):
    page = render(_hostile_scene(), offline=offline, gazetteer=gaz).get_root().render()
    assert page.count("<script") == page.count("</script>")  # nothing closed or opened a script
    assert "__pwned=1</script>" not in page and "<img" not in page
    assert "`" not in page  # not even inside JSON strings
    assert "\u2028" not in page and "\u2029" not in page
    # the title is the hostile first line, escaped for HTML
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in title


def test_every_event_type_has_a_pin_letter_and_a_legend_label():
    # The event vocabulary lives in model/story.py, its look in render.py: adding a
    # type ("protest") must not leave it drawn as an anonymous pin.
    from geoviz.model import EVENT_TYPES
    from geoviz.render import EVENT_LABELS, EVENT_LETTERS

    assert set(EVENT_TYPES) <= set(EVENT_LETTERS) and set(EVENT_TYPES) <= set(EVENT_LABELS)


def test_labels_are_decluttered_with_the_story_s_places_first(seed_map: folium.Map):
    """Issue #17: labels collided; the page hides the lower-priority one of two that overlap, at every zoom."""
    page = seed_map.get_root().render()
    assert "function declutter()" in page and "gv-hidden-label" in page
    page = page.replace('\\"', '"').replace("\\u003e", ">")  # the icons' HTML sits in JSON strings
    assert 'gv-label gv-label-city gv-label-key">Vladivostok' in page  # a claim's anchor is labelled first
    assert 'gv-label gv-label-city gv-label-key">Khasan' in page  # a journey's stop too
    assert 'gv-label gv-label-country">North Korea' in page  # a country is not


def test_each_event_type_has_its_own_icon_in_pin_and_legend():
    # A crash, an arrest and a summit must look different on the map, not only in a letter.
    from geoviz.model import EVENT_TYPES
    from geoviz.render import EVENT_ICONS
    from geoviz.render.controls import legend_html
    from geoviz.render.styles import event_pin_svg

    assert set(EVENT_TYPES) <= set(EVENT_ICONS)
    assert len({EVENT_ICONS[t] for t in EVENT_TYPES}) == len(EVENT_TYPES)
    for t in EVENT_TYPES:
        assert EVENT_ICONS[t] in event_pin_svg(t) and "<text" not in event_pin_svg(t)
    legend = legend_html(set(), {"crime", "accident", "statement"}, False, set())
    assert EVENT_ICONS["crime"] in legend and EVENT_ICONS["accident"] in legend
    assert "off by default" in legend
