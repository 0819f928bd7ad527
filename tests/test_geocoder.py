"""GazetteerGeocoder speaks geopy's interface and never touches the network."""

from __future__ import annotations

from geopy.distance import geodesic
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geoviz.geo.geocoder import GazetteerGeocoder


def test_is_a_geopy_geocoder():
    assert issubclass(GazetteerGeocoder, Geocoder)


def test_geocode_returns_a_location():
    loc = GazetteerGeocoder().geocode("Khasan")
    assert isinstance(loc, Location)
    assert geodesic(loc.point, (42.424, 130.652)).km < 2
    assert loc.raw["country"] == "RU"


def test_exactly_one_false_gives_ranked_candidates():
    locs = GazetteerGeocoder().geocode("Paris", exactly_one=False, limit=5)
    assert isinstance(locs, list) and len(locs) >= 2
    assert locs[0].raw["country"] == "FR"


def test_geocode_falls_back_to_fuzzy():
    loc = GazetteerGeocoder().geocode("Vladivostock")
    assert loc is not None and loc.raw["name"] == "Vladivostok"
    assert GazetteerGeocoder(fuzzy=False).geocode("Vladivostock") is None


def test_geocode_unknown_is_none():
    assert GazetteerGeocoder().geocode("Qwxzjkvbnm") is None
    assert GazetteerGeocoder().geocode("") is None


def test_reverse_accepts_tuples_and_strings():
    g = GazetteerGeocoder()
    for q in ((42.42, 130.65), "42.42, 130.65"):
        loc = g.reverse(q)
        assert loc.raw["name"] == "Khasan"
        assert loc.raw["reverse"]["country"] == "RU"
        assert loc.raw["reverse"]["admin1_formal"] == "Primorsky Krai"
