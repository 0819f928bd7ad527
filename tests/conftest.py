"""Shared fixtures: the bundled gazetteer, the seed article (as text and as a Document), and a no-network guard."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def gaz():
    from geoviz.geo.gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "seeds" / "kim-putin-summit.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc():
    """The seed article as a hand-built Document (tests/story_docs.py): its places named, not recognised."""
    from tests.story_docs import seed_document

    return seed_document()


@pytest.fixture(autouse=True)
def no_network(request, monkeypatch):
    """Fail any test whose code opens a non-local socket (tests marked `network_ok` excepted)."""
    if request.node.get_closest_marker("network_ok"):
        yield
        return
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("/"):
            raise AssertionError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield
