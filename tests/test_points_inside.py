"""Every country's and first-level division's point lies inside its own polygon (issue #19).

Checked over the built store, against the polygons the store itself carries for reverse geocoding
(simplified at build time by at most ``ADMIN1_TOLERANCE`` / ``REVERSE_TOLERANCE`` degrees, hence the
small margin). The build moves a point that falls outside to the polygon's representative point and
records it in MANIFEST.json (``points_moved_inside``).
"""

from __future__ import annotations

import json

import shapely

from gazetteer.build import ADMIN1_TOLERANCE, REVERSE_TOLERANCE

# code -> why its point may lie outside the store's polygon. None so far.
EXCEPTIONS: dict[str, str] = {}


def _outside(gaz, layer: str, margin: float) -> list[str]:
    codes, names, geoms, _ = gaz._layer(layer)
    out = []
    for code, name, geom in zip(codes, names, geoms):
        cc, _, a1 = code.partition(".")
        entry = gaz.admin1(cc, a1) if layer == "admin1" else gaz.country(code)
        if entry is None or code in EXCEPTIONS:
            continue
        if not geom.buffer(margin).intersects(shapely.Point(entry.lon, entry.lat)):
            out.append(f"{code} {name} ({entry.lat}, {entry.lon})")
    return out


def test_every_admin1_point_is_inside_its_polygon(gaz):
    assert _outside(gaz, "admin1", 2 * ADMIN1_TOLERANCE) == []


def test_every_country_point_is_inside_its_polygon(gaz):
    assert _outside(gaz, "country", 2 * REVERSE_TOLERANCE) == []


def test_the_provinces_the_issue_found_in_the_sea(gaz):
    def point(name: str, country: str):
        e = next(e for e in gaz.lookup(name, 20) if e.kind == "admin1" and e.country == country)
        return e.lat, e.lon

    lat, lon = point("New South Wales", "AU")
    assert 141 < lon < 153.7 and -37.5 < lat < -28  # not Lord Howe Island, 159.08E
    lat, lon = point("Hanoi", "VN")
    assert 20.5 < lat < 21.5 and 105.3 < lon < 106.1  # not the Mekong delta
    lat, lon = point("Liguria", "IT")
    assert gaz.reverse(lat, lon).admin1_name == "Liguria"
    lat, lon = point("Capital Region", "DK")
    assert gaz.reverse(lat, lon).country == "DK"


def test_the_manifest_records_every_moved_point(gaz):
    manifest = json.loads((gaz.path.parent / "MANIFEST.json").read_text(encoding="utf-8"))
    moved = manifest["points_moved_inside"]
    assert all({"id", "name", "kind", "was", "now", "was_source"} <= set(m) for m in moved)
    by_id = {m["id"]: m for m in moved}
    for m in by_id.values():
        e = gaz.get(m["id"])
        assert e is not None and [round(e.lat, 5), round(e.lon, 5)] == m["now"], m
