"""A corpus of XSS payloads, the contexts in which each one is live, and hostile places for the app.

Shared by ``tests/browser/test_app_hostile.py`` and the Streamlit wrapper it
starts (which imports :func:`install_hostile_places` before running
``app.py``), so this module imports nothing heavy at the top.

Every payload sets ``window.__pwned`` (or calls ``alert``, or fetches a remote
URL): a test that sees none of that after the app showed the payload knows
nothing ran. Each payload also names the page context in which it *does* run
when pasted in unescaped (:data:`CONTEXTS`), so the control test can prove the
detection works, payload by payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Where a payload lands when a page forgets to escape it: ``{}`` is the payload.
CONTEXTS = {
    "html": "<div>{}</div>",
    "attr-dq": '<div title="{}">x</div>',
    "attr-sq": "<div title='{}'>x</div>",
    "js-dq": '<script>var s = "{}";</script>',
    "js-template": "<script>var s = `{}`;</script>",
    "js-comment": "<script>// {}\n</script>",
    "href": '<a id="gv-link" href="{}">link</a>',
}


@dataclass(frozen=True)
class Payload:
    """One attack: its text, the context it is live in, and whether it waits for a click (links)."""

    id: str
    text: str
    context: str
    click: bool = False


PAYLOADS = [
    Payload("script-tag", "<script>window.__pwned=1</script>", "html"),
    Payload("img-onerror", '<img src=x onerror="window.__pwned=1">', "html"),
    Payload("img-alert", "<img src=x onerror=alert(1)>", "html"),
    Payload("svg-onload", '<svg onload="window.__pwned=1"></svg>', "html"),
    Payload("svg-script", "<svg><script>window.__pwned=1</script></svg>", "html"),
    Payload("details-ontoggle", '<details open ontoggle="window.__pwned=1">x</details>', "html"),
    Payload("iframe-srcdoc", '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>', "html"),
    Payload("remote-pixel", '<img src="https://evil.example/pixel.png">', "html"),
    Payload("a-javascript", '<a id="gv-link" href="javascript:window.__pwned=1">link</a>', "html", click=True),
    Payload("javascript-url", "javascript:window.__pwned=1", "href", click=True),
    Payload("dq-breakout", '"><img src=x onerror="window.__pwned=1">', "attr-dq"),
    Payload("sq-breakout", "'><img src=x onerror='window.__pwned=1'>", "attr-sq"),
    Payload("script-breakout", "</script><script>window.__pwned=1</script>", "js-dq"),
    Payload("js-string-breakout", '";window.__pwned=1;"', "js-dq"),
    Payload("template-literal", "${window.__pwned=1}", "js-template"),
    Payload("backtick-breakout", "`;window.__pwned=1;`", "js-template"),
    Payload("line-separators", "\u2028window.__pwned=1;\u2029", "js-comment"),
]

#: Markdown that Streamlit would turn into a link, a remote image, LaTeX or colour if it reached st.markdown raw.
MARKDOWN_PAYLOADS = [
    "[click](javascript:window.__pwned=1)",
    "![pixel](https://evil.example/markdown.png)",
    "$\\href{javascript:window.__pwned=1}{x}$",
    ":red[red]",
]

#: The headline: what the app shows as its title and what names the exports.
HEADLINE = ("<script>window.__pwned=1</script> ![pixel](https://evil.example/headline.png) "
            "[click](javascript:window.__pwned=1) Summit in Vladivostok")
_TOWNS = ["Khasan", "Vladivostok", "Pyongyang", "Khabarovsk", "Moscow"]


def hostile_article() -> str:
    """An article whose headline and every sentence that names a place carries payloads.

    The sentences around mentions are what the app quotes (the selected
    place's sentences, map popups, the claims table), so each payload sits in
    one of them; a journey and a distance claim make the route and claims tabs
    show their sentences too.
    """
    lines = [HEADLINE]
    for i, p in enumerate(PAYLOADS + [Payload(f"md-{j}", t, "markdown") for j, t in enumerate(MARKDOWN_PAYLOADS)]):
        lines.append(f"Officials in {_TOWNS[i % len(_TOWNS)]} said {p.text} on Tuesday.")
    lines.append("Kim travelled by train from Pyongyang to Khasan </script>`${window.__pwned=1}`.")
    # A real place whose surface form holds a quote: it goes into marker titles and mark tooltips (attributes).
    lines.append("Envoys flew on to N'Djamena '\"><b>.")
    lines.append("The Vostochny Cosmodrome lies about 1,000 kilometres from Vladivostok "
                 '"><img src=x onerror=alert(2)>.')
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Hostile gazetteer values in the app (the stand-in for a poisoned curated CSV)
# --------------------------------------------------------------------------

HOSTILE_ID = "user:hostile"
#: A place name that is every payload at once (HTML, attribute, JS, Markdown), as a curated CSV row could carry.
HOSTILE_NAME = ('<img src=x onerror="window.__pwned=1">"\'><svg onload=alert(1)>`${window.__pwned=1}`'
                "</script>\u2028[x](javascript:window.__pwned=1) ![p](https://evil.example/name.png)")
HOSTILE_COUNTRY = '"><img src=x onerror=alert(3)>'
HOSTILE_ADMIN1 = "<script>window.__pwned=1</script> ![a](https://evil.example/admin1.png)"


def add_hostile_place(scene: Any) -> None:
    """Add a place whose name, country, province, alternative and route stop all carry payloads.

    Its mentions are the article's own "Officials" words, so the text view,
    the quoted sentences and the popups show it beside real places.
    """
    from geoviz.model import Candidate, Entry, Mention, Place

    if scene.place(HOSTILE_ID) is not None:
        return
    text = scene.source_text
    spans = []
    at = text.find("Officials")
    while at >= 0 and len(spans) < 3:
        spans.append(Mention(at, at + len("Officials"), "Officials"))
        at = text.find("Officials", at + 1)
    alt = Entry(id="user:hostile-alt", name=HOSTILE_NAME, lat=44.0, lon=132.0, kind="landmark",
                country=HOSTILE_COUNTRY, admin1="X", admin1_name=HOSTILE_ADMIN1, source="curated")
    scene.places.append(Place(id=HOSTILE_ID, name=HOSTILE_NAME, lat=44.5, lon=133.0, kind="landmark",
                              country=HOSTILE_COUNTRY, admin1=HOSTILE_ADMIN1, confidence=0.9, mentions=spans,
                              alternatives=[Candidate(alt, 0.5)], entry_id="user:hostile-entry`"))
    if scene.routes:
        scene.add_stop(scene.routes[0].id, HOSTILE_ID, mode=HOSTILE_NAME, date_label=HOSTILE_ADMIN1)


def install_hostile_places() -> None:
    """Make the app's parse add the hostile place, and select it first (idempotent: Streamlit reruns the script)."""
    import geoviz.app.resources as resources
    import geoviz.app.workspace as app_workspace
    import geoviz.pipeline as analysis

    if getattr(analysis.scene_of, "hostile", False):
        return
    original_scene_of, original_first = analysis.scene_of, app_workspace.first_place

    def scene_of(text: str, date: str | None = None, **kwargs: Any) -> Any:
        scene = original_scene_of(text, date, **kwargs)
        add_hostile_place(scene)
        return scene

    def first_place(scene: Any) -> str | None:
        return HOSTILE_ID if scene.place(HOSTILE_ID) is not None else original_first(scene)

    scene_of.hostile = True  # type: ignore[attr-defined]
    analysis.scene_of = scene_of
    resources.scene_of = scene_of  # resources holds its own reference (its cached parse calls it)
    app_workspace.first_place = first_place
