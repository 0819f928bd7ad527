"""Headless Chromium for the browser tests: one browser per session, one network-blocked context per test.

Skipped with a reason when Debian's chromium or Playwright is missing (`.ci/run`
installs `chromium` with apt-get; Playwright's own browser download is not used).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: Screenshots land here (gitignored), one file per test.
OUTPUT = ROOT / "test-output"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright not installed: pip install -e '.[dev]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Blocked:
    """A page whose every request is checked: ``aborted`` (left the machine?) and ``served`` (faked locally)."""

    page: Any
    aborted: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


Serve = Callable[[str], tuple[bytes, str] | None]


@pytest.fixture()
def blocked_page(browser: Any) -> Iterator[Callable[..., Blocked]]:
    """Open pages with the network cut: file:// and data: pass, ``serve(url)`` may answer locally, the rest aborts."""
    contexts: list[Any] = []

    def open_page(serve: Serve | None = None) -> Blocked:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
        contexts.append(ctx)
        result = Blocked(page=None)

        def handle(route: Any) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
                return
            answer = serve(url) if serve else None
            if answer is not None:
                body, mime = answer
                result.served.append(url)
                route.fulfill(status=200, body=body, content_type=mime)
                return
            result.aborted.append(url)
            route.abort()

        ctx.route("**/*", handle)
        page = ctx.new_page()
        page.on("pageerror", lambda e: result.errors.append(str(e)))
        page.on("console", lambda m: result.errors.append(m.text) if m.type == "error" else None)
        result.page = page
        return result

    yield open_page
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
