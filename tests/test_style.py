"""The code stays ruff-clean: part of the test command so CI enforces it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed (pip install -e '.[dev]')")
def test_ruff_clean():
    r = subprocess.run(["ruff", "check", "geoviz", "tests", "bench", "app.py", "gazetteer/build.py"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
