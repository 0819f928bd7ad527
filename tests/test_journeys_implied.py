"""An implied stop (a leader's home capital) is marked as an inference and never decides a distance.

The seed's route starts at Pyongyang only by inference ("North Korea's leader Kim ..."): the leg from it is
drawn, dashed and marked, but its length is not the article's, so it is flagged ``implied`` in the JSON and
the GeoJSON and left out of the route's distance. Claims never read routes (they resolve places of their own).
"""

from __future__ import annotations

import json

import pytest

from geoviz.geo.geodesy import build_legs
from geoviz.model import Document, Route, Stop
from geoviz.render.popups import route_popup
from geoviz.scene import Scene
from tests.story_docs import routes_of


def _seed_route(seed_doc: Document) -> Route:
    (r,) = routes_of(seed_doc)
    return r


def test_seed_leg_from_the_implied_capital_is_flagged_and_not_counted(seed_doc: Document) -> None:
    r = _seed_route(seed_doc)
    assert r.stops[0].implied and not r.stops[1].implied
    assert [leg.implied for leg in r.legs] == [True, False]
    # The route's length is the stated leg only (Khasan -> Vostochny), not Pyongyang -> Khasan as well.
    assert r.distance_km == pytest.approx(r.legs[1].distance_km)
    assert r.distance_km < sum(leg.distance_km for leg in r.legs)


def test_implied_leg_in_json_and_geojson(seed_doc: Document) -> None:
    r = _seed_route(seed_doc)
    d = r.to_dict()
    assert [leg["implied"] for leg in d["legs"]] == [True, False]
    assert d["distance_km"] == pytest.approx(d["legs"][1]["distance_km"])
    assert Route.from_dict(json.loads(json.dumps(d))).legs[0].implied  # the flag survives a round trip
    scene = Scene.from_document(seed_doc, events=[], routes=[r], claims=[])
    gj = scene.to_geojson()
    legs = [f["properties"] for f in gj["features"] if f["properties"].get("feature_type") == "leg"]
    assert [p["implied"] for p in legs] == [True, False]
    route = next(f["properties"] for f in gj["features"] if f["properties"].get("feature_type") == "route")
    assert route["distance_km"] == pytest.approx(legs[1]["distance_km"])
    back = Scene.from_geojson(json.loads(json.dumps(gj)))
    assert [leg.implied for leg in back.routes[0].legs] == [True, False]


def test_popup_marks_the_inferred_leg(seed_doc: Document) -> None:
    html = route_popup(_seed_route(seed_doc))
    assert "inferred" in html and "implied legs not counted" in html


def test_stated_stops_only_count_in_full() -> None:
    # Two stated stops and an implied stated destination at the end ("left Amman for Baghdad"): only the
    # stated leg counts.
    a = Stop("a", "A", 10.0, 10.0)
    b = Stop("b", "B", 10.0, 11.0)
    c = Stop("c", "C", 10.0, 14.0, implied=True, reason="stated destination")
    legs = build_legs([a, b, c])
    assert [leg.implied for leg in legs] == [False, True]
    r = Route("r1", [a, b, c], legs)
    assert r.distance_km == pytest.approx(legs[0].distance_km)
    assert 100 < r.distance_km < 120  # one degree of longitude at 10°N, about 110 km
