"""The bundled gazetteer: the must-show places, ranking, fuzzy/prefix search, reverse, bad input."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic
from shapely.geometry import Point

from geoviz.geo.gazetteer import Gazetteer, GazetteerError


def first(gaz, name):
    hits = gaz.lookup(name, 5)
    assert hits, f"nothing found for {name!r}"
    return hits[0]


@pytest.mark.parametrize("name, lat, lon, km, country", [
    ("Khasan", 42.424, 130.652, 2, "RU"),
    ("Vostochny Cosmodrome", 51.884, 128.334, 5, "RU"),
    ("Vladivostok", 43.106, 131.874, 5, "RU"),
])
def test_seed_places_resolve_close_to_reference(gaz, name, lat, lon, km, country):
    e = first(gaz, name)
    assert geodesic((e.lat, e.lon), (lat, lon)).km < km
    assert e.country == country


def test_north_korea_is_inside_its_polygon(gaz):
    e = first(gaz, "North Korea")
    assert e.kind == "country" and e.country == "KP"
    assert gaz.country_shape("KP").contains(Point(e.lon, e.lat))


@pytest.mark.parametrize("name, kind", [
    ("Primorsky Krai", "admin1"), ("Sea of Japan", "sea"), ("Incheon airport", "airport"),
    ("ICN", "airport"), ("Korean Peninsula", "region"), ("Siberia", "region"), ("Laurel County", "admin2"),
    ("DPRK", "country"), ("Republic of Korea", "country"), ("UK", "country"), ("USA", "country"),
    ("US", "country"), ("South Korea", "country"), ("the Kremlin", "landmark"), ("White House", "landmark"),
])
def test_names_news_uses_resolve_to_the_right_kind(gaz, name, kind):
    assert first(gaz, name).kind == kind


def test_every_country_has_a_point_on_or_next_to_its_polygon(gaz):
    """Inside its outline, or (GeoNames' convention for island states) at sea within 100 km of it."""
    from geopy.distance import geodesic
    from shapely.ops import nearest_points

    rows = gaz._query("SELECT country, lat_e5, lon_e5 FROM entries WHERE kind = 0", ())
    assert len(rows) == 252  # every country of GeoNames countryInfo, incl. dissolved and uninhabited ones
    outside, at_sea = [], []
    for cc, lat, lon in rows:
        shape = gaz.country_shape(cc)
        point = Point(lon / 1e5, lat / 1e5)
        if shape is None or shape.distance(point) <= 0.05:
            continue
        shore = nearest_points(shape, point)[0]
        km = geodesic((point.y, point.x), (shore.y, shore.x)).km
        (at_sea if km <= 100 else outside).append(cc)
    assert not outside
    assert len(at_sea) <= 15  # island states only (the Philippines, Vanuatu, Cabo Verde, ...)


def test_accents_and_apostrophes_are_ignored(gaz):
    assert first(gaz, "P'yŏngyang").id == first(gaz, "Pyongyang").id
    assert first(gaz, "São Paulo").id == first(gaz, "Sao Paulo").id
    assert first(gaz, "ZÜRICH").id == first(gaz, "Zurich").id


def test_alternate_names(gaz):
    assert first(gaz, "Primorskiy Kray").id == first(gaz, "Primorsky Krai").id
    a, b = first(gaz, "Saint Petersburg"), first(gaz, "St. Petersburg")
    assert a.country == b.country == "RU"
    assert geodesic((a.lat, a.lon), (b.lat, b.lon)).km < 30


def test_own_name_beats_a_bigger_place_s_alternate_name(gaz):
    # Hassan (India) lists "Khasan" among its alternate names.
    assert first(gaz, "Khasan").country == "RU"


@pytest.mark.parametrize("name, countries", [
    ("Paris", {"FR", "US"}), ("Georgia", {"GE", "US"}), ("Washington", {"US"}),
])
def test_ambiguous_names_return_ranked_candidates(gaz, name, countries):
    hits = gaz.lookup(name, 10)
    assert len(hits) >= 2
    assert countries <= {h.country for h in hits}
    assert len({h.id for h in hits}) == len(hits)


def test_paris_means_france_first(gaz):
    assert first(gaz, "Paris").country == "FR"


def test_fuzzy_finds_typos(gaz):
    hits = gaz.fuzzy("Vladivostock", 3)
    assert hits and hits[0][0].name == "Vladivostok" and hits[0][1] >= 85
    assert gaz.fuzzy("Pyongyan", 3)[0][0].country == "KP"


def test_prefix_search(gaz):
    names = [e.name for e in gaz.prefix("Vladi", 10)]
    assert "Vladivostok" in names
    assert gaz.search("Vladivostock", 5)[0].name == "Vladivostok"


def test_reverse_khasan(gaz):
    r = gaz.reverse(42.42, 130.65)
    assert r.country == "RU" and r.country_name == "Russia"
    assert r.admin1_formal == "Primorsky Krai"
    assert r.nearest.name == "Khasan" and r.nearest_km < 2


def test_reverse_open_sea_has_no_country(gaz):
    r = gaz.reverse(0.0, -140.0)
    assert r.country == ""


def test_border_distance(gaz):
    khasan = first(gaz, "Khasan")
    assert gaz.border_km(khasan.lat, khasan.lon, "RU") < 5


def test_demonyms(gaz):
    assert gaz.demonym("North Korean") == ("KP", "country")
    assert gaz.demonym("Russian")[0] == "RU"
    assert gaz.demonym("Putin") is None


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "x" * 10_000, "'; DROP TABLE names; --", "%", "_",
                                   "\x00\x01\x02", "Khasan\x00", "' OR 1=1 --", "\ud800"])
def test_bad_queries_give_empty_or_sane_results(gaz, query):
    for fn in (gaz.lookup, gaz.prefix, gaz.search):
        out = fn(query)
        assert isinstance(out, list)
    assert gaz.lookup("'; DROP TABLE names; --") == []
    assert gaz.lookup("Khasan")  # the store is intact


@pytest.mark.parametrize("query", [None, 42, b"Khasan", ["Khasan"]])
def test_non_string_queries_raise_type_error(gaz, query):
    with pytest.raises(TypeError):
        gaz.lookup(query)


@pytest.mark.parametrize("lat, lon", [(91, 0), (0, 181), (float("nan"), 0), ("x", 0)])
def test_reverse_rejects_bad_points(gaz, lat, lon):
    with pytest.raises(ValueError):
        gaz.reverse(lat, lon)


def test_missing_store_names_the_fix(tmp_path):
    with pytest.raises(GazetteerError, match="build.py"):
        Gazetteer(tmp_path / "nope.sqlite")


def test_corrupt_store_names_the_fix(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer(bad)


def test_store_matches_manifest(gaz):
    assert len(gaz.verify()) == 64
