"""Hostile HTML through the Streamlit app, in headless Chromium with every request beyond this machine blocked.

The payload corpus (``tests/browser/hostile.py``) reaches the app four ways:
pasted article text (headline and the sentences around place mentions, which
the app quotes), an uploaded file's *name* (shown in the caption, in refusal
notices; the export names come from the headline), and place values a poisoned
gazetteer could carry (name, country, province, an alternative, a route stop),
injected by a wrapper script that runs ``app.py`` unchanged. In each case the
test opens every tab and every map popup and tooltip, then checks the top page
and every frame (the map iframe included): ``window.__pwned`` unset, no
``alert`` dialog, no ``javascript:`` link, no remote request (a tracking pixel
would be one), and the payload visible as literal text.

:func:`test_control_every_payload_is_live_when_unescaped` proves the detection
works: each payload, pasted unescaped into the context it targets, is caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from geoviz.export import article_title
from tests.browser.hostile import (
    CONTEXTS,
    HEADLINE,
    HOSTILE_ADMIN1,
    HOSTILE_NAME,
    MARKDOWN_PAYLOADS,
    PAYLOADS,
    Payload,
    hostile_article,
)
from tests.browser.test_app_browser import MAP_IFRAME, app_server, block_the_network, wait_for_marker
from tests.browser.test_map_browser import OPEN_EVERYTHING, _wait_for_map
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

#: Elements a payload would have created if it had been parsed as markup, in any frame.
INJECTED = ('[href^="javascript:" i], [src^="javascript:" i], img[src="x"], svg[onload], details[ontoggle], '
            "iframe[srcdoc], [onerror], [onload], [ontoggle]")
#: The exports' popup opener, pointed at st_folium's map (which it renames ``map_div``).
OPEN_IN_APP = OPEN_EVERYTHING.replace("window[document.querySelector('.folium-map').id]", "window.map_div")
assert OPEN_IN_APP != OPEN_EVERYTHING
#: Hostile upload names: no "/" (a file name cannot hold one) and no '"' (Chromium sends it as %22).
HOSTILE_FILE = "'><img src=x onerror=alert(4)> [x](javascript:alert(5)) ![p](x.png) $x$ :red[y] `z`.txt"
HOSTILE_QUERY = "![q](https://evil.example/q.png) <img src=x onerror=alert(7)> $x$ :red[zzqxv]"
HOSTILE_BINARY = "<svg onload=alert(6)> ![p](pixel.png) **bold**.pdf"


@dataclass
class Watched:
    """A page plus what it did that it should not: dialogs opened and requests that left the machine."""

    page: Any
    dialogs: list[str] = field(default_factory=list)
    aborted: list[str] = field(default_factory=list)


@contextmanager
def watched_page(browser: Any, **context_args: Any) -> Iterator[Watched]:
    """A page with the network blocked beyond localhost and every dialog recorded (and dismissed)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block", **context_args)
    try:
        w = Watched(page=None, aborted=block_the_network(context))
        w.page = context.new_page()
        w.page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
        yield w
    finally:
        context.close()


def ran(w: Watched) -> list[str]:
    """Everything that shows a payload ran, in the top page and in every frame: empty means nothing ran."""
    found = [f"dialog: {m}" for m in w.dialogs] + [f"request: {u}" for u in w.aborted]
    for frame in w.page.frames:
        try:
            if frame.evaluate("() => window.__pwned") is not None:
                found.append(f"__pwned set in {frame.url[:80]}")
            injected = frame.evaluate(f"() => [...document.querySelectorAll({INJECTED!r})].map(e => e.outerHTML)")
        except Exception as exc:  # a frame that navigated away mid-check is not evidence either way
            if "detached" in str(exc) or "destroyed" in str(exc):
                continue
            raise
        found += [f"injected in {frame.url[:80]}: {html[:120]}" for html in injected]
    return found


def wait_for_one_map_with(page: Any, name: str, timeout_ms: int = 60_000) -> None:
    """Wait until the rerun has settled: exactly one map iframe, showing ``name``'s marker.

    Why: while a rerun builds the new map Streamlit keeps the stale iframe
    beside it, and :func:`wait_for_marker`'s strict locator fails on two.
    """
    page.wait_for_function(
        """([selector, name]) => {
             const frames = document.querySelectorAll(selector);
             if (frames.length !== 1 || !frames[0].contentDocument) { return false; }
             return [...frames[0].contentDocument.querySelectorAll('.gv-place')]
               .some((m) => m.title === name && m.offsetParent !== null);
           }""", arg=[MAP_IFRAME, name], timeout=timeout_ms)


def open_tab(page: Any, name: str) -> None:
    """Open one tab and let its rerun draw it: the app draws only the open tab."""
    page.get_by_role("tab", name=name).click()
    page.wait_for_timeout(1200)


def open_everything(w: Watched) -> tuple[list[str], str]:
    """Every tab of the app, then every popup and tooltip of the map: all the places text can be shown.

    Returns the popups' and tooltips' texts and the top page's text as each tab showed it (only the
    open tab is in the page at a time). Ends on the first tab.
    """
    page = w.page
    names = [t.inner_text().strip() for t in page.get_by_role("tab").all()]
    shown = []
    for name in [*names[1:], names[0]]:
        open_tab(page, name)
        shown.append(page_text(page))
    map_div = page.frame_locator(MAP_IFRAME).locator("#map_div.leaflet-container")
    map_div.wait_for(state="attached")
    texts = map_div.evaluate(f"(div) => ({OPEN_IN_APP})()")
    page.wait_for_timeout(500)  # an injected <img onerror> or <svg onload> would have fired by now
    return texts, " ".join(shown)


def page_text(page: Any) -> str:
    """All text of the top page (the map iframe excluded), whitespace folded."""
    return " ".join(page.evaluate("() => document.body.textContent").split())


# --------------------------------------------------------------------------
# Control: each payload is caught when a page does forget to escape it
# --------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=[p.id for p in PAYLOADS])
def test_control_every_payload_is_live_when_unescaped(browser: Any, payload: Payload):
    """Without this, a payload that could never run anywhere would make the app tests pass vacuously."""
    with watched_page(browser) as w:
        w.page.set_content(f"<!doctype html><body>{CONTEXTS[payload.context].format(payload.text)}</body>")
        if payload.click:
            w.page.locator("#gv-link").click()
        w.page.wait_for_timeout(300)
        assert ran(w), f"{payload.id} did not run in its {payload.context} context: the check would miss it"


def test_control_markdown_payloads_reach_the_page_only_escaped():
    """The Markdown payloads are inert only because the app escapes them: check the escaping, not Streamlit."""
    from geoviz.app.markup import markdown_text

    for text in MARKDOWN_PAYLOADS:
        escaped = markdown_text(text)
        assert escaped != text and not re.search(r"(?<!\\)[\[\]()!$:]", escaped), escaped


# --------------------------------------------------------------------------
# The app
# --------------------------------------------------------------------------


def test_pasted_article_and_upload_names_run_nothing(browser: Any, tmp_path: Path):
    article = hostile_article()
    with app_server(timeout=60) as (url, _), watched_page(browser, accept_downloads=True) as w:
        page = w.page
        page.goto(url)
        wait_for_marker(page, "Khasan", 60_000)

        # (a) pasted text: headline, sentences around mentions, popups, claims, route
        page.get_by_label("Or paste the text").fill(article)
        page.get_by_role("button", name="Map this text").click()
        page.get_by_text("Summit in Vladivostok").first.wait_for(timeout=60_000)
        wait_for_one_map_with(page, "N'Djamena")
        wait_for_marker(page, "Vladivostok")
        wait_for_marker(page, "N'Djamena")  # a surface form with a quote keeps its attribute intact
        popups, shown = open_everything(w)
        assert ran(w) == []
        title = article_title(article)
        assert title.startswith(HEADLINE[:60]) and title in shown  # the headline, Markdown and all, is literal text
        for p in PAYLOADS:
            if "\u2028" not in p.text:
                assert p.text in shown, f"{p.id} is not shown literally in the article view"
        assert any("<img src=x onerror" in t for t in popups), "the popups did not quote the hostile sentences"
        assert page.locator("mark[title^=\"N'Djamena \u00b7\"]").count() == 1

        # (c) export names come from the headline: safe slugs, whatever it holds
        open_tab(page, "Export")
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name="Offline map (HTML)").click()
        name = info.value.suggested_filename
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*-offline\.html", name), name

        # (c) an uploaded file's name is shown literally in the caption
        uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
        body = b"Summit in Khasan\nKim met officials in Khasan and Vladivostok.\n"
        uploader.set_input_files({"name": HOSTILE_FILE, "mimeType": "text/plain", "buffer": body})
        page.get_by_text("Summit in Khasan").first.wait_for(timeout=60_000)
        wait_for_one_map_with(page, "Khasan")
        page.get_by_test_id("stCaptionContainer").filter(has_text=HOSTILE_FILE).first.wait_for(timeout=10_000)
        open_everything(w)
        assert ran(w) == []

        # (c) a refused upload: its name in the notice, literal; the article stays
        uploader.set_input_files({"name": HOSTILE_BINARY, "mimeType": "application/pdf",
                                  "buffer": b"%PDF-1.4\n" + bytes(range(256))})
        notice = page.get_by_test_id("stAlert").filter(has_text="is a PDF")
        notice.wait_for(timeout=30_000)
        assert f"{HOSTILE_BINARY} is a PDF" in notice.inner_text(), notice.inner_text()
        assert page.get_by_role("heading", name="Summit in Khasan").count() == 1
        page.wait_for_timeout(300)
        assert ran(w) == []

        # the check does look inside the map iframe: a flag set there is caught
        map_frame = next(f for f in page.frames if "streamlit_folium" in f.url)
        map_frame.evaluate("() => { window.__pwned = 1; }")
        assert any(r.startswith("__pwned set in") and "streamlit_folium" in r for r in ran(w))


WRAPPER = """\
# Runs app.py unchanged after making every parse add a place with hostile values (see tests/browser/hostile.py).
import runpy
import sys

sys.path.insert(0, {root!r})
from tests.browser.hostile import install_hostile_places  # noqa: E402

install_hostile_places()
runpy.run_path({app!r}, run_name="__main__")
"""


def test_hostile_gazetteer_values_run_nothing_in_the_app_or_its_export(browser: Any, blocked_page, tmp_path: Path):
    script = tmp_path / "hostile_app.py"
    script.write_text(WRAPPER.format(root=str(ROOT), app=str(ROOT / "app.py")), encoding="utf-8")
    with app_server(timeout=60, script=script) as (url, _), watched_page(browser, accept_downloads=True) as w:
        page = w.page
        page.goto(url)
        wait_for_marker(page, "Khasan", 60_000)
        # the hostile place is selected: its name heads the side panel, its province and country the caption
        page.get_by_role("button", name=re.compile("^Drop ")).first.wait_for(timeout=30_000)
        popups, shown = open_everything(w)
        assert ran(w) == []
        flat_name = " ".join(HOSTILE_NAME.split())
        assert flat_name in shown, "the hostile name is not shown literally"
        assert f"Drop {flat_name} from the map" in shown
        assert " ".join(HOSTILE_ADMIN1.split()) in shown
        assert any('<img src=x onerror="window.__pwned=1">' in t for t in popups)

        # a hostile query in the gazetteer search box: "Nothing named ..." quotes it, literally
        box = page.get_by_label("Or search the gazetteer", exact=True)
        box.fill(HOSTILE_QUERY)
        box.press("Enter")
        page.get_by_test_id("stCaptionContainer").filter(has_text="Nothing named").first.wait_for(timeout=30_000)
        page.wait_for_timeout(300)
        assert ran(w) == []
        assert f"Nothing named {HOSTILE_QUERY!r} in the gazetteer." in page_text(page)

        # the offline export of that scene, opened on its own
        open_tab(page, "Export")
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name="Offline map (HTML)").click()
        saved = tmp_path / "export.html"
        info.value.save_as(saved)

    b = blocked_page()
    b.page.on("dialog", lambda d: (b.errors.append(f"dialog: {d.message}"), d.dismiss()))
    b.page.goto(saved.as_uri())
    _wait_for_map(b.page)
    texts = b.page.evaluate(OPEN_EVERYTHING)
    b.page.wait_for_timeout(300)
    assert b.page.evaluate("() => window.__pwned") is None
    assert any(HOSTILE_NAME.split("\u2028")[0] in t for t in texts)
    assert b.page.locator(INJECTED).count() == 0
    assert b.aborted == [] and b.errors == []
