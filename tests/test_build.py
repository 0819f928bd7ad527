"""The gazetteer build is reproducible and the committed store is what it builds.

These need the raw sources (../shared/data), which are not part of the
repository; without them the tests are skipped with that reason.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from tests.conftest import RAW_DATA, ROOT

pytestmark = pytest.mark.skipif(not (RAW_DATA / "geonames").is_dir(), reason="raw data (../shared/data) absent")


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
