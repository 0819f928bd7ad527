"""The HTML inside the map's popups: a place with the sentences that name it, an event, a journey, a claim.

Every text from the article or the gazetteer goes through :func:`escape_html`;
the popups then travel to the page as JSON strings (:func:`bind_popup`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from geoviz.nlp.text import sentences
from geoviz.render.escape import escape_html
from geoviz.render.styles import EVENT_COLOUR, EVENT_LABELS, KIND_STYLES, ROUTE_COLOUR, VerdictStyle

__all__ = ["ArticleText", "claim_popup", "coords", "event_popup", "km", "mark_phrase", "place_popup", "route_popup",
           "rows_html", "stated"]

_SENTENCES_PER_POPUP = 4
_SENTENCE_MAX_CHARS = 360


class ArticleText:
    """The article text with its sentence index, to quote the sentences a place is mentioned in."""

    def __init__(self, text: str) -> None:
        self.text = text or ""
        self.spans = sentences(self.text) if self.text else []
        self.starts = [s for s, _ in self.spans]

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def marked(self, spans: Iterable[Any], limit: int = _SENTENCES_PER_POPUP) -> tuple[list[str], int]:
        """HTML of the sentences holding ``spans`` (mentions in ``<mark>``), and how many were left out."""
        groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for sp in spans:
            start, end = int(getattr(sp, "start", -1)), int(getattr(sp, "end", -1))
            if not 0 <= start < end <= len(self.text):
                continue  # offsets from an edited scene that no longer fit the text: nothing to quote
            sent = self.sentence_of(start)
            if sent is not None:
                groups.setdefault(sent, []).append((start, min(end, sent[1])))
        ordered = sorted(groups.items())
        return [self._mark(s, e, marks) for (s, e), marks in ordered[:limit]], max(0, len(ordered) - limit)

    def _mark(self, s: int, e: int, marks: list[tuple[int, int]]) -> str:
        marks = sorted(set(marks))
        if e - s > _SENTENCE_MAX_CHARS:  # a run-on sentence: a window around the first mention
            lo = max(s, marks[0][0] - _SENTENCE_MAX_CHARS // 2)
            hi = min(e, lo + _SENTENCE_MAX_CHARS)
            marks = [(a, b) for a, b in marks if a >= lo and b <= hi]
            prefix, suffix = ("\u2026" if lo > s else ""), ("\u2026" if hi < e else "")
            s, e = lo, hi
        else:
            prefix = suffix = ""
        out, pos = [escape_html(prefix)], s
        for a, b in marks:
            if a < pos:
                continue
            out += [escape_html(self.text[pos:a]), "<mark>", escape_html(self.text[a:b]), "</mark>"]
            pos = b
        out += [escape_html(self.text[pos:e]), escape_html(suffix)]
        return "".join(out)


def mark_phrase(sentence: str, phrase: str) -> str:
    """The sentence as HTML with the first occurrence of ``phrase`` in ``<mark>`` (case-insensitive)."""
    i = sentence.lower().find(phrase.lower()) if phrase else -1
    if i < 0:
        return escape_html(sentence)
    j = i + len(phrase)
    return f"{escape_html(sentence[:i])}<mark>{escape_html(sentence[i:j])}</mark>{escape_html(sentence[j:])}"


def km(x: float | None) -> str:
    """A distance the way labels write it: whole km from 100 km up, else one decimal; "?" when unknown."""
    if x is None:
        return "?"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.1f}"


def coords(lat: float, lon: float) -> str:
    lon = (lon + 180.0) % 360.0 - 180.0
    return f"{abs(lat):.4f}\u00b0\u202f{'N' if lat >= 0 else 'S'}, {abs(lon):.4f}\u00b0\u202f{'E' if lon >= 0 else 'W'}"


def stated(c: dict[str, Any]) -> str:
    """A claim's stated distance as written: a range, or the number with "~" when hedged."""
    hedge = "~" if c.get("hedge") else ""
    rng = c.get("stated_range")
    if isinstance(rng, list | tuple) and len(rng) == 2 and rng[0] is not None and rng[1] is not None:
        return f"{km(rng[0])}\u2013{km(rng[1])} km"
    return f"{hedge}{km(c.get('stated_km'))} km"


def rows_html(rows: Sequence[tuple[str, Any]]) -> str:
    cells = "".join(f"<tr><th>{escape_html(k)}</th><td>{escape_html(v)}</td></tr>" for k, v in rows if v not in
                    (None, ""))
    return f'<table class="gv-rows">{cells}</table>'


def place_popup(p: Any, kind: str, country: str, text: ArticleText) -> str:
    """A place: kind, ``country`` (as the map names it), coordinates, confidence, the sentences naming it."""
    style = KIND_STYLES[kind]
    rows = [("Kind", f"{p.kind}{' (used for its government)' if p.metonym else ''}"),
            ("Country", country),
            ("Coordinates", coords(float(p.lat), float(p.lon))),
            ("Confidence", f"{float(p.confidence):.0%}")]
    if getattr(p, "admin1", ""):
        rows.insert(2, ("Province", p.admin1))
    quotes, more = text.marked(p.mentions)
    parts = [f'<div class="gv-pop-title" style="border-color:{style.colour}">{escape_html(p.name)}</div>',
             rows_html(rows)]
    reason = getattr(p, "reason", None)
    implied = reason.get("implied") if isinstance(reason, dict) else None
    if implied:
        parts.append(f'<div class="gv-note">Not named in the text: {escape_html(implied)}</div>')
    if quotes:
        n = len(quotes) + more
        parts.append(f'<div class="gv-pop-sub">Mentioned in {n} sentence{"s" if n != 1 else ""}:</div>')
        parts += [f'<blockquote class="gv-quote">{q}</blockquote>' for q in quotes]
        if more:
            parts.append(f'<div class="gv-note">and {more} more</div>')
    alts = [a for a in getattr(p, "alternatives", [])[:3] if getattr(a, "entry", None) is not None]
    if alts:
        names = ", ".join(f"{escape_html(a.entry.name)} ({escape_html(a.entry.country)})" for a in alts)
        parts.append(f'<div class="gv-note">Other readings: {names}</div>')
    return "".join(parts)


def event_popup(e: Any, p: Any, etype: str) -> str:
    rows = [("Type", EVENT_LABELS[etype]), ("Where", p.name)]
    if e.date and e.date_label:
        rows.append(("When", f"{e.date} ({e.date_label})"))
    elif e.date or e.date_label:
        rows.append(("When", e.date or e.date_label))
    if e.actors:
        rows.append(("Who", ", ".join(e.actors)))
    rows.append(("Certainty", f"{float(e.certainty):.0%}"))
    sentence = e.sentence or e.summary
    return (f'<div class="gv-pop-title" style="border-color:{EVENT_COLOUR}">'
            f'{escape_html(e.summary or EVENT_LABELS[etype])}</div>{rows_html(rows)}'
            f'<blockquote class="gv-quote">{mark_phrase(sentence, e.trigger)}</blockquote>')


def route_popup(r: Any) -> str:
    items = []
    stops = list(r.stops)
    for n, s in enumerate(stops, 1):
        bits = [escape_html(s.name)]
        if getattr(s, "date", None) or getattr(s, "date_label", None):
            bits.append(escape_html(s.date or s.date_label))
        if n > 1 and n - 2 < len(r.legs):
            leg = r.legs[n - 2]
            bits.append(escape_html(" · ".join(x for x in (leg.mode or "", _leg_km(leg)) if x)))
        if getattr(s, "implied", False):
            bits.append(f'<i>implied: {escape_html(s.reason or "not named as a stop")}</i>')
        items.append(f"<li>{' — '.join(bits)}</li>")
    who = f"{r.traveller}'s journey" if r.traveller else "Journey"
    mode = f", by {r.mode}" if r.mode else ""
    return (f'<div class="gv-pop-title" style="border-color:{ROUTE_COLOUR}">{escape_html(who + mode)}</div>'
            f'<ol class="gv-stops">{"".join(items)}</ol>'
            f'<div class="gv-note">{km(r.distance_km)} km along the geodesic between the stops the text names'
            f'{" (implied legs not counted)" if any(getattr(leg, "implied", False) for leg in r.legs) else ""}'
            f'</div>')


def _leg_km(leg: Any) -> str:
    """A leg's length; an implied leg's is marked as inferred (not counted in the journey's length)."""
    return f"{km(leg.distance_km)} km" + (" inferred" if getattr(leg, "implied", False) else "")


def claim_popup(c: dict[str, Any], vs: VerdictStyle, text: str) -> str:
    """A distance claim: the verdict, both ends, stated vs. measured, and its sentence with the number marked."""
    a, b = int(c.get("start") or 0), int(c.get("end") or 0)
    phrase = text[a:b] if 0 <= a < b <= len(text) else ""
    rows = [("Subject", c.get("subject") or "?"), ("Anchor", c.get("anchor") or "?"),
            ("Stated", stated(c)), ("Measured", f"{km(c.get('computed_km'))} km (WGS84 geodesic)")]
    if c.get("tolerance_km") is not None:
        rows.append(("Tolerance", f"\u00b1{km(c.get('tolerance_km'))} km"))
    return (f'<div class="gv-pop-title" style="border-color:{vs.colour}">Distance check: '
            f'<span class="gv-verdict" style="background:{vs.colour}">{escape_html(vs.symbol)} '
            f'{escape_html(vs.label)}</span></div>{rows_html(rows)}'
            f'<div class="gv-note">{escape_html(c.get("explanation") or c.get("reason") or "")}</div>'
            f'<blockquote class="gv-quote">{mark_phrase(str(c.get("sentence") or ""), phrase)}</blockquote>')
