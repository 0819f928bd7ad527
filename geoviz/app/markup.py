"""Markup of the article and its names as the page shows them: marked-up HTML, and Markdown made literal.

Everything from the article or an upload is escaped here; the only tags are
the ones these functions write. Plain Python (no streamlit).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from geoviz.model import Place, Span
from geoviz.nlp.text import sentences
from geoviz.render import KIND_STYLES, marker_kind

__all__ = ["highlighted_text", "kind_legend_html", "markdown_text", "mention_snippets"]

#: What starts a Markdown construct (or Streamlit's ``:colour[...]``, ``:material/...:``, ``$LaTeX$``), and a dot
#: after a digit ("1. " would open a list). Other punctuation stays as typed, so "scan.pdf" reads the same.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|<>~$:&]|(?<=\d)\.)")


def markdown_text(text: str) -> str:
    """``text`` made literal for ``st.markdown``/``st.caption``/``st.error``/button labels, on one line.

    Why: headlines, file names and place names come from the article or the
    upload, and Streamlit renders those calls as Markdown: ``![x](https://...)``
    would make the reader's browser fetch a remote image (a tracking pixel, and
    a request the offline app must never make), ``[x](...)`` would become a
    link, ``$...$`` LaTeX and ``:red[...]`` colour. Those characters are
    backslash-escaped (CommonMark renders ``\\X`` as ``X``), and
    line breaks, U+2028/U+2029 included, become spaces so nothing opens a block.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _mark_style(place: Place, selected: bool) -> str:
    colour = KIND_STYLES[marker_kind(place)].colour
    style = f"background:{colour}22;border-bottom:2px solid {colour};padding:0 1px;border-radius:2px;color:inherit"
    if selected:
        style += f";background:{colour}55;outline:2px solid {colour};font-weight:600"
    return style


def _spans(places: Iterable[Place], text: str) -> list[tuple[int, int, Place]]:
    """Every mention as (start, end, place), sorted, overlaps dropped (the earlier one wins)."""
    out: list[tuple[int, int, Place]] = []
    found = sorted(((m.start, m.end, p) for p in places for m in p.mentions), key=lambda t: (t[0], -t[1]))
    for start, end, place in found:
        if 0 <= start < end <= len(text) and (not out or start >= out[-1][1]):
            out.append((start, end, place))
    return out


def highlighted_text(text: str, places: Iterable[Place], selected: str | None = None) -> str:
    """The article as HTML: every mention in a ``<mark>`` coloured by its marker kind, the selection outlined.

    Everything from the article goes through ``html.escape``; the only tags
    are the ``<mark>``s and paragraph ``<p>``s made here.
    """
    out, pos = [], 0
    for s, e, p in _spans(places, text):
        title = html.escape(f"{p.name} \u00b7 {p.kind} \u00b7 {p.country}", quote=True)
        out += [html.escape(text[pos:s]),
                f'<mark style="{_mark_style(p, p.id == selected)}" title="{title}">', html.escape(text[s:e]), "</mark>"]
        pos = e
    out.append(html.escape(text[pos:]))
    body = "".join(out)
    paragraphs = [para for para in re.split(r"\n\s*\n|\n", body) if para.strip()]
    return "".join(f'<p style="margin:0 0 .7em 0;line-height:1.6">{para}</p>' for para in paragraphs)


def kind_legend_html() -> str:
    """The colour key above the article: one chip per marker kind, in the map's colours."""
    chips = "".join(
        f'<span style="display:inline-block;margin:0 .8em .3em 0;font-size:.85em">'
        f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:2px;background:{s.colour};'
        f'margin-right:.3em;vertical-align:-1px"></span>{s.label}</span>' for s in KIND_STYLES.values())
    return f'<div style="margin-bottom:.6em">{chips}</div>'


def mention_snippets(text: str, spans: Iterable[Span], limit: int = 5) -> list[str]:
    """HTML of the sentences that mention a place, the mention in ``<mark>`` (escaped like the text view)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    out = []
    for a, b in sentences(text):
        inside = [s for s in spans if a <= s.start < b]
        if not inside:
            continue
        pieces, pos = [], a
        for s in sorted(inside, key=lambda s: s.start):
            if s.start < pos:
                continue
            pieces += [html.escape(text[pos:s.start]), "<mark>", html.escape(text[s.start:min(s.end, b)]), "</mark>"]
            pos = min(s.end, b)
        pieces.append(html.escape(text[pos:b]))
        out.append("".join(pieces).strip())
        if len(out) >= limit:
            break
    return out
