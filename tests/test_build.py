"""The gazetteer build is reproducible and the committed store is what it builds.

The rebuild test needs the raw sources (../shared/data), which are not part of
the repository; without them it is skipped with that reason.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys

import pytest

from gazetteer.build import Row, apply_geonames_points
from tests.conftest import RAW_DATA, ROOT

needs_raw = pytest.mark.skipif(not (RAW_DATA / "geonames").is_dir(), reason="raw data (../shared/data) absent")


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@needs_raw
@pytest.mark.slow
def test_build_twice_is_byte_identical_and_matches_committed_store(tmp_path):
    digests = []
    for i in range(2):
        out = tmp_path / f"run{i}" / "gazetteer.sqlite"
        out.parent.mkdir()
        subprocess.run([sys.executable, str(ROOT / "gazetteer" / "build.py"), "--data", str(RAW_DATA),
                        "--out", str(out)], check=True, capture_output=True)
        digests.append(sha(out))
    assert digests[0] == digests[1]
    manifest = json.loads((ROOT / "gazetteer" / "MANIFEST.json").read_text())
    assert digests[0] == manifest["sha256"] == sha(ROOT / "gazetteer" / "gazetteer.sqlite")


def test_sea_and_region_take_the_geonames_point_only_with_two_sources():
    # geonames_points.csv: Atlantic Ocean 3373405 and Scandinavia 2614165 have two public copies;
    # Black Sea 630673 has one (the second copy disagrees by 52 km), so it keeps its polygon point.
    atlantic = Row(id="ne:marine:10000", name="Atlantic Ocean", lat=-4.52908, lon=-25.866, kind="sea",
                   feature_code="OCEAN", source="ne-marine|union")
    scandinavia = Row(id="rg:scandinavia", name="Scandinavia", lat=63.11824, lon=18.54699, kind="region",
                      feature_code="RGN", source="curated-regions|row 2")
    black_sea = Row(id="ne:marine:7", name="Black Sea", lat=43.21247, lon=34.18028, kind="sea",
                    feature_code="SEA", source="ne-marine|7")
    town = Row(id="gn:1", name="Sahara", lat=1.5, lon=2.5, kind="populated place", feature_code="PPL")
    apply_geonames_points([atlantic, scandinavia, black_sea, town])
    assert (atlantic.lat, atlantic.lon) == (10.0, -25.0)
    assert atlantic.source.startswith("curated-geonames|") and atlantic.source.endswith("GeoNames 3373405")
    assert atlantic.id == "ne:marine:10000"
    assert (scandinavia.lat, scandinavia.lon) == (63.0, 12.0)
    assert (black_sea.lat, black_sea.lon, black_sea.source) == (43.21247, 34.18028, "ne-marine|7")
    assert (town.lat, town.lon) == (1.5, 2.5)


def test_committed_store_has_the_two_source_ocean_point():
    con = sqlite3.connect(ROOT / "gazetteer" / "gazetteer.sqlite")
    try:
        atlantic = con.execute("SELECT lat_e5, lon_e5 FROM entries WHERE id = 'ne:marine:10000'").fetchone()
        black_sea = con.execute("SELECT lat_e5, lon_e5 FROM entries WHERE id = 'ne:marine:7'").fetchone()
    finally:
        con.close()
    assert atlantic == (1000000, -2500000)
    assert black_sea != (4341310, 3429708)
