"""Scene: consistency under edits and a lossless, RFC 7946-valid GeoJSON round-trip."""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import shape

from geoviz.geo.geodesy import build_legs
from geoviz.model import Candidate, Entry, Event, Mention, Place, Route, Span, Stop
from geoviz.pipeline import claims_judge, scene_from_document
from geoviz.scene import Scene
from tests.story_docs import ANTIMERIDIAN, SEED_NAMES, make_doc

# --------------------------------------------------------------------------
# An RFC 7946 validator (the parts our output uses)
# --------------------------------------------------------------------------

_TYPES = {"Point", "LineString", "MultiLineString"}


def _position_ok(pos: Any) -> bool:
    return (isinstance(pos, list) and len(pos) == 2 and all(isinstance(x, float | int) for x in pos)
            and all(math.isfinite(x) for x in pos) and -180 <= pos[0] <= 180 and -90 <= pos[1] <= 90)


def assert_rfc7946(fc: dict[str, Any]) -> None:
    """FeatureCollection of Features; [lon, lat] positions in range; lines of >= 2 positions; JSON-serialisable."""
    json.dumps(fc, allow_nan=False)
    assert fc["type"] == "FeatureCollection" and isinstance(fc["features"], list)
    for f in fc["features"]:
        assert f["type"] == "Feature" and "geometry" in f and "properties" in f
        assert isinstance(f["properties"], dict)
        if "id" in f:
            assert isinstance(f["id"], str | int)
        g = f["geometry"]
        if g is None:
            continue
        assert g["type"] in _TYPES
        c = g["coordinates"]
        if g["type"] == "Point":
            assert _position_ok(c)
        elif g["type"] == "LineString":
            assert len(c) >= 2 and all(_position_ok(p) for p in c)
        else:
            assert c and all(len(part) >= 2 and all(_position_ok(p) for p in part) for part in c)
        assert shape(g).geom_type == g["type"]  # shapely reads it as the same geometry


# --------------------------------------------------------------------------
# The seed scene
# --------------------------------------------------------------------------


@pytest.fixture()
def seed_scene(seed_text: str) -> Scene:
    doc = make_doc(seed_text, SEED_NAMES, date="2023-09-14")
    return scene_from_document(doc)


def _json_round_trip(s: Scene) -> Scene:
    return Scene.from_geojson(json.loads(json.dumps(s.to_geojson(), allow_nan=False)))


def test_seed_scene_geojson(seed_scene: Scene) -> None:
    fc = seed_scene.to_geojson()
    assert_rfc7946(fc)
    kinds = [f["properties"]["feature_type"] for f in fc["features"]]
    assert kinds.count("place") == len(seed_scene.places)
    assert kinds.count("event") == len(seed_scene.events) and kinds.count("route") == 1 and kinds.count("leg") == 2
    assert kinds.count("claim") == len(seed_scene.claims) >= 1
    assert fc["geoviz"]["version"] == 1 and fc["geoviz"]["source_text"] == seed_scene.source_text
    khasan = next(f for f in fc["features"] if f["properties"].get("name") == "Khasan")
    assert khasan["geometry"]["coordinates"] == [130.65156, 42.42387]  # [lon, lat]
    assert khasan["properties"]["mentions"][0]["text"] == "Khasan"
    event = next(f for f in fc["features"] if f["properties"]["feature_type"] == "event"
                 and f["properties"]["place_id"] == khasan["id"])
    assert event["geometry"] == khasan["geometry"]
    claim = next(f for f in fc["features"] if f["properties"]["feature_type"] == "claim")
    assert claim["geometry"]["type"] == "LineString"  # Vostochny Cosmodrome -> Vladivostok


def test_seed_scene_round_trip(seed_scene: Scene) -> None:
    assert Scene.from_geojson(seed_scene.to_geojson()) == seed_scene
    assert _json_round_trip(seed_scene) == seed_scene


def test_from_document_adds_the_implied_origin_place(seed_text: str) -> None:
    names = {k: v for k, v in SEED_NAMES.items() if k != "Pyongyang"}
    scene = scene_from_document(make_doc(seed_text, names))
    origin = scene.routes[0].stops[0]
    place = scene.place(origin.place_id)
    assert origin.implied and place is not None and place.name == "Pyongyang"
    assert place.country == "KP" and place.mentions == [] and "implied" in place.reason


def test_set_place_recomputes_legs_and_rejudges(seed_scene: Scene, gaz) -> None:
    khasan_id = next(p.id for p in seed_scene.places if p.name == "Khasan")
    before = [leg.distance_km for leg in seed_scene.routes[0].legs]
    calls: list[int] = []
    seed_scene.set_place(khasan_id, gaz.lookup("Vladivostok")[0], rejudge=lambda s: calls.append(1) or s.claims)
    place = seed_scene.place(khasan_id)
    assert place.name == "Vladivostok" and place.entry_id == "gn:2013348" and calls == [1]
    route = seed_scene.routes[0]
    assert route.stops[1].place_id == khasan_id and route.stops[1].lat == place.lat
    after = [leg.distance_km for leg in route.legs]
    assert after != before and after[0] == pytest.approx(684, abs=10)
    # The arrival event follows its place.
    feature = next(f for f in seed_scene.to_geojson()["features"] if f["properties"]["feature_type"] == "event"
                   and f["properties"]["place_id"] == khasan_id)
    assert feature["geometry"]["coordinates"] == [place.lon, place.lat]
    assert _json_round_trip(seed_scene) == seed_scene


def test_set_place_rejudges_claims_with_check_claims(seed_scene: Scene, gaz) -> None:
    vladivostok = next(p.id for p in seed_scene.places if p.name == "Vladivostok")
    claim = next(c for c in seed_scene.claims if getattr(c, "anchor_id", None) == vladivostok)
    seed_scene.set_place(vladivostok, gaz.lookup("Khabarovsk")[0], rejudge=claims_judge(gaz))
    rejudged = next(c for c in seed_scene.claims if getattr(c, "anchor_id", None) == vladivostok)
    assert rejudged.computed_km != claim.computed_km


def test_drop_place_removes_its_events_and_stops(seed_scene: Scene) -> None:
    khasan_id = next(p.id for p in seed_scene.places if p.name == "Khasan")
    seed_scene.drop_place(khasan_id, rejudge=lambda s: s.claims)
    assert seed_scene.place(khasan_id) is None and seed_scene.events_at(khasan_id) == []
    route = seed_scene.routes[0]
    assert [s.name for s in route.stops] == ["Pyongyang", "Vostochny Cosmodrome"] and len(route.legs) == 1
    with pytest.raises(KeyError):
        seed_scene.drop_place(khasan_id)


def test_stop_edits_keep_legs_consistent(seed_scene: Scene) -> None:
    route = seed_scene.routes[0]
    vlad = next(p.id for p in seed_scene.places if p.name == "Vladivostok")
    seed_scene.add_stop(route.id, vlad, index=2, mode="car")
    assert [s.name for s in route.stops] == ["Pyongyang", "Khasan", "Vladivostok", "Vostochny Cosmodrome"]
    assert [leg.mode for leg in route.legs] == ["train", "car", "car"]
    seed_scene.move_stop(route.id, 2, 3)
    assert [s.name for s in route.stops][-1] == "Vladivostok"
    seed_scene.remove_stop(route.id, 0)
    assert [s.name for s in route.stops] == ["Khasan", "Vostochny Cosmodrome", "Vladivostok"]
    assert [(leg.from_id, leg.to_id) for leg in route.legs] == [(a.place_id, b.place_id) for a, b in
                                                                 zip(route.stops, route.stops[1:])]
    assert _json_round_trip(seed_scene) == seed_scene


def test_drop_event(seed_scene: Scene) -> None:
    first = seed_scene.events[0].id
    seed_scene.drop_event(first)
    assert all(e.id != first for e in seed_scene.events)
    with pytest.raises(KeyError):
        seed_scene.drop_event(first)


def test_point_moved_in_another_tool_moves_the_place_and_its_legs(seed_scene: Scene) -> None:
    fc = copy.deepcopy(seed_scene.to_geojson())
    khasan = next(f for f in fc["features"] if f["properties"].get("name") == "Khasan")
    khasan["geometry"]["coordinates"] = [131.0, 43.0]
    loaded = Scene.from_geojson(fc)
    place = loaded.place(khasan["id"])
    assert (place.lat, place.lon) == (43.0, 131.0)
    stop = loaded.routes[0].stops[1]
    assert (stop.lat, stop.lon) == (43.0, 131.0)
    assert loaded.routes[0].legs[0].line[-1] == [43.0, 131.0]


def test_plain_points_from_geojson_io_become_places() -> None:
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}, "properties": {"name": "X"}}]}
    scene = Scene.from_geojson(fc)
    assert [(p.name, p.lat, p.lon) for p in scene.places] == [("X", 48.85, 2.35)]
    with pytest.raises(ValueError):
        Scene.from_geojson({"type": "Feature"})


def test_antimeridian_leg_in_geojson_is_split() -> None:
    scene = scene_from_document(make_doc(ANTIMERIDIAN, {"Vladivostok": "Vladivostok", "Anchorage": "Anchorage"}))
    fc = scene.to_geojson()
    assert_rfc7946(fc)
    leg = next(f for f in fc["features"] if f["properties"]["feature_type"] == "leg")
    assert leg["geometry"]["type"] == "MultiLineString" and len(leg["geometry"]["coordinates"]) == 2
    east, west = leg["geometry"]["coordinates"]
    assert east[0][0] == pytest.approx(131.87353) and east[-1][0] == 180.0 and west[0][0] == -180.0
    assert max(lon for _, lon in scene.routes[0].legs[0].line) > 180  # unwrapped for Leaflet
    assert _json_round_trip(scene) == scene


def test_empty_scene_round_trip() -> None:
    s = Scene()
    assert_rfc7946(s.to_geojson())
    assert _json_round_trip(s) == s


# --------------------------------------------------------------------------
# Property test: any scene round-trips and validates
# --------------------------------------------------------------------------

_text = st.text(max_size=12)
_lat = st.floats(-90, 90, allow_nan=False)
_lon = st.floats(-180, 180, allow_nan=False)
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False) | _text,
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(_text, kids, max_size=3), max_leaves=8)
_entry = st.builds(Entry, id=_text, name=_text, lat=_lat, lon=_lon, kind=st.sampled_from(["country", "landmark"]),
                   feature_code=_text, country=_text, admin1=_text, admin1_name=_text,
                   population=st.integers(0, 10**9), source=_text, ascii_name=_text)
_span = st.builds(Span, start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=_text)
_mention = st.builds(Mention, start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=_text,
                     form=st.sampled_from(["name", "demonym"]))


@st.composite
def scenes(draw: st.DrawFn) -> Scene:
    ids = draw(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=5))
    places = [Place(id=i, name=draw(_text), lat=draw(_lat), lon=draw(_lon), kind=draw(_text), country=draw(_text),
                    confidence=draw(st.floats(0, 1)), mentions=draw(st.lists(_mention, max_size=2)),
                    alternatives=draw(st.lists(st.builds(Candidate, entry=_entry, score=st.floats(-5, 5)),
                                               max_size=2)),
                    reason=draw(st.dictionaries(_text, _json, max_size=2)), admin1=draw(_text),
                    metonym=draw(st.booleans()), entry_id=draw(_text)) for i in ids]
    place_ids = st.sampled_from(ids) if ids else st.nothing()
    events = [Event(id=f"e{k}", type=draw(st.sampled_from(["meeting", "military", "other"])), summary=draw(_text),
                    sentence=draw(_text), start=draw(st.integers(0, 99)), end=draw(st.integers(0, 99)),
                    place_id=draw(place_ids | st.none()) if ids else None, actors=draw(st.lists(_text, max_size=2)),
                    date=draw(st.none() | st.just("2024-03-08")), date_label=draw(st.none() | _text),
                    certainty=draw(st.floats(0, 1)), trigger=draw(_text))
              for k in range(draw(st.integers(0, 3)))]
    routes = []
    for k in range(draw(st.integers(0, 2)) if ids else 0):
        chosen = draw(st.lists(place_ids, min_size=0, max_size=4))
        by_id = {p.id: p for p in places}
        stops = [Stop(place_id=i, name=by_id[i].name, lat=by_id[i].lat, lon=by_id[i].lon,
                      span=draw(st.none() | _span), date_label=draw(st.none() | _text),
                      mode=draw(st.sampled_from([None, "train", "plane", "car", "ship"])),
                      implied=draw(st.booleans()), reason=draw(_text)) for i in chosen]
        routes.append(Route(id=f"r{k}", stops=stops, legs=build_legs(stops, step_km=2000),
                            traveller=draw(st.none() | _text)))
    claims = [draw(st.dictionaries(_text, _json, max_size=3).map(lambda d, i=ids: {
        **d, "subject_id": i[0] if i else None, "anchor_id": i[-1] if i else None})) for _ in range(draw(
            st.integers(0, 2)))]
    claims += [_claim(draw, ids) for _ in range(draw(st.integers(0, 1)))]
    return Scene(places=places, events=events, routes=routes, claims=claims, source_text=draw(st.text(max_size=40)),
                 meta=draw(st.dictionaries(_text, _json, max_size=3)))


def _claim(draw: st.DrawFn, ids: list[str]) -> Any:
    claims = pytest.importorskip("geoviz.claims")
    lo = draw(st.none() | st.floats(0, 1e4))
    return claims.Claim(
        sentence=draw(_text), start=draw(st.integers(0, 99)), end=draw(st.integers(0, 99)), subject=draw(_text),
        anchor=draw(st.none() | _text), stated_km=draw(st.floats(0, 1e4)), relation=draw(st.none() | _text),
        hedge=None, bearing=None, computed_km=draw(st.none() | st.floats(0, 2e4)), computed_bearing=None,
        tolerance_km=draw(st.none() | st.floats(0, 1e3)), verdict=draw(st.sampled_from(["consistent", "unresolved"])),
        stated_range=draw(st.none() | st.just((lo, None))),
        subject_id=draw(st.sampled_from(ids)) if ids else None, anchor_id=draw(st.sampled_from(ids)) if ids else None)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes())
def test_geojson_round_trip_property(scene: Scene) -> None:
    fc = scene.to_geojson()
    assert_rfc7946(fc)
    assert Scene.from_geojson(fc) == scene
    assert _json_round_trip(scene) == scene


def test_scene_from_parse_round_trips(seed_text: str) -> None:
    parse = pytest.importorskip("geoviz.pipeline").parse
    scene = scene_from_document(parse(seed_text, date="2023-09-14"))
    assert_rfc7946(scene.to_geojson())
    assert _json_round_trip(scene) == scene


# --------------------------------------------------------------------------
# Issue #17: corrected ids, added places, journeys by hand, re-picked claim ends
# --------------------------------------------------------------------------


def test_rename_place_moves_every_reference_to_the_new_id(seed_scene: Scene, gaz) -> None:
    khasan_id = next(p.id for p in seed_scene.places if p.name == "Khasan")
    entry = gaz.lookup("Vladivostok")[0]
    port = next(e for e in gaz.lookup("Vladivostok", 10) if e.kind == "port")
    seed_scene.set_place(khasan_id, port)
    assert seed_scene.rename_place(khasan_id, port.id) == port.id
    assert seed_scene.place(khasan_id) is None and seed_scene.place(port.id).entry_id == port.id
    assert any(s.place_id == port.id for s in seed_scene.routes[0].stops)
    assert all(e.place_id != khasan_id for e in seed_scene.events)
    assert _json_round_trip(seed_scene) == seed_scene
    # onto a place already there: one place, the mentions joined
    town = seed_scene.place(entry.id)
    before = len(town.mentions)
    assert seed_scene.rename_place(port.id, entry.id) == entry.id
    assert seed_scene.place(port.id) is None and len(seed_scene.place(entry.id).mentions) == before + 1


def test_the_last_stop_removed_removes_the_journey(seed_scene: Scene) -> None:
    route = seed_scene.routes[0]
    for _ in range(len(route.stops)):
        seed_scene.remove_stop(route.id, 0)
    assert seed_scene.routes == []


def test_journeys_by_hand_new_rename_drop(seed_scene: Scene) -> None:
    ids = [p.id for p in seed_scene.places[:2]]
    route = seed_scene.new_route(ids, "Kim")
    assert [s.place_id for s in route.stops] == ids and len(route.legs) == 1 and route.traveller == "Kim"
    seed_scene.rename_route(route.id, "  ")
    assert route.traveller is None
    assert _json_round_trip(seed_scene) == seed_scene
    seed_scene.drop_route(route.id)
    assert all(r.id != route.id for r in seed_scene.routes)
    with pytest.raises(KeyError):
        seed_scene.new_route(ids[:1])


def test_a_re_picked_claim_end_survives_re_checks_and_the_round_trip(seed_scene: Scene, gaz) -> None:
    judge_again = claims_judge(gaz)
    pyongyang = next(p.id for p in seed_scene.places if p.name == "Pyongyang")
    i = next(i for i, c in enumerate(seed_scene.claims) if c.subject_id and c.anchor_id)
    seed_scene.set_claim_end(i, "anchor", pyongyang, rejudge=judge_again)
    claim = seed_scene.claims[i]
    assert claim.anchor_id == pyongyang and "picked by you" in claim.explanation
    measured = claim.computed_km
    seed_scene.rejudge(judge_again)  # any later edit re-checks every claim: the pick holds
    assert seed_scene.claims[i].anchor_id == pyongyang and seed_scene.claims[i].computed_km == measured
    back = Scene.from_geojson(json.loads(json.dumps(seed_scene.to_geojson())))
    back.rejudge(judge_again)
    assert back.claims[i].anchor_id == pyongyang and back.claims[i].computed_km == pytest.approx(measured)
