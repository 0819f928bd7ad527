"""What the tabs under the map show: the places and claims tables, the verdict line, the measure panel's pair.

Rows are plain dicts (the page turns them into a dataframe); the claims table
is HTML because its explanations are sentences. Plain Python (no streamlit).
"""

from __future__ import annotations

import html
from typing import Any

from geoviz.geo.geodesy import Measurement, measure
from geoviz.model import Place
from geoviz.nlp.text import count
from geoviz.render import KIND_STYLES, VERDICT_STYLES, marker_kind
from geoviz.scene import Scene

__all__ = ["claim_end_note", "claims_rows", "claims_table_html", "count", "end_label", "kind_label",
           "measure_places", "places_rows", "two_places", "verdict_summary"]


def kind_label(place: Place) -> str:
    """The place's marker family in words ("City / town"), as the map's legend says it."""
    return KIND_STYLES[marker_kind(place)].label


def places_rows(scene: Scene) -> list[dict[str, Any]]:
    """The places table: one row per place, in the order the article first names them."""
    rows = []
    for p in sorted(scene.places, key=lambda p: min((m.start for m in p.mentions), default=10**9)):
        rows.append({"place": p.name, "kind": p.kind, "marker": kind_label(p),
                     "country": p.country, "lat": round(p.lat, 4), "lon": round(p.lon, 4),
                     "confidence": round(p.confidence, 2), "mentions": len(p.mentions),
                     "edited": "edited" in p.reason, "id": p.id})
    return rows


_KIND_WORDS = {"populated place": "town", "admin1": "state or province", "admin2": "district"}
#: Kinds whose point is a centre (a capital or a centroid), not where anything is: a distance from it says little.
_AREA_KINDS = {"country", "admin1", "admin2", "region", "continent", "sea", "ocean"}


def end_label(place: Place | None, name: str | None) -> str:
    """"Vladivostok (town)": a claim end with its kind, or the text's name when no place is attached."""
    if place is None:
        return name or "\u2014"
    return f"{place.name} ({_KIND_WORDS.get(place.kind, place.kind)})"


def claim_end_note(subject: Place | None, anchor: Place | None) -> str:
    """Says when a distance is measured from a state or country's point, which stands for a whole area."""
    notes = [f"{p.name} is a {'country' if p.kind == 'country' else _KIND_WORDS.get(p.kind, p.kind)}: measured "
             f"from its single point ({p.lat:.2f}, {p.lon:.2f}), not its nearest edge"
             for p in (subject, anchor) if p is not None and p.kind in _AREA_KINDS]
    return "; ".join(notes)


def claims_rows(scene: Scene) -> list[dict[str, Any]]:
    """The claims table: stated vs. measured, the verdict in words, and why."""
    rows = []
    for c in scene.claims:
        get = c.get if isinstance(c, dict) else (lambda k, c=c: getattr(c, k, None))
        verdict = get("verdict") or "unresolved"
        style = VERDICT_STYLES.get(verdict, VERDICT_STYLES["unresolved"])
        computed = get("computed_km")
        # Unrounded: rounding here and again when shown can disagree with the checker's own explanation.
        subject, anchor = scene.place(get("subject_id") or ""), scene.place(get("anchor_id") or "")
        border = str(get("relation") or "") == "border"
        rows.append({"verdict": f"{style.symbol} {style.label}",
                     "subject": end_label(subject, get("subject")),
                     "anchor": get("anchor") if border else end_label(anchor, get("anchor")),
                     "note": "" if border else claim_end_note(subject, anchor),
                     "stated km": float(get("stated_km") or 0),
                     "computed km": None if computed is None else float(computed), "unit": get("unit") or "km",
                     "stated value": get("stated_value"),
                     "explanation": get("explanation") or get("reason") or "", "sentence": get("sentence") or ""})
    return rows


def _km(km: float) -> str:
    """Distances the way the checker's explanations write them: whole km from 100 km up, else one decimal."""
    return f"{km:,.0f} km" if abs(km) >= 100 else f"{km:,.1f} km"


def claims_table_html(scene: Scene) -> str:
    """The claims as an HTML table: verdict pills in the map's verdict colours, explanations that wrap.

    Why HTML and not a dataframe: explanations are sentences, and a grid cuts
    them off; a pandas Styler for the colours also costs ~60 ms per rerun.
    Every value from the article is escaped.
    """
    head = "".join(f'<th style="text-align:left;padding:6px 8px;border-bottom:2px solid #ddd">{h}</th>'
                   for h in ("Verdict", "Claim", "Stated", "Measured", "Why"))
    body = []
    for c, row in zip(scene.claims, claims_rows(scene)):
        verdict = (c.get("verdict") if isinstance(c, dict) else getattr(c, "verdict", None)) or "unresolved"
        style = VERDICT_STYLES.get(verdict, VERDICT_STYLES["unresolved"])
        pill = (f'<span style="display:inline-block;white-space:nowrap;padding:2px 8px;border-radius:10px;'
                f'background:{style.colour};color:#fff;font-weight:600">{html.escape(row["verdict"])}</span>')
        note = (f'<div style="color:#8a5a00;font-size:.88em;margin-top:2px">\u26a0 {html.escape(row["note"])}</div>'
                if row["note"] else "")
        what = (f'<b>{html.escape(row["subject"])}</b> \u2192 <b>{html.escape(row["anchor"])}</b>{note}'
                f'<div style="color:#666;font-size:.88em;margin-top:2px">\u201c{html.escape(row["sentence"])}'
                f'\u201d</div>')
        measured = "\u2014" if row["computed km"] is None else _km(row["computed km"])
        stated = _km(row["stated km"])
        if row["unit"] != "km" and row["stated value"]:
            as_written = f'{row["stated value"]:,g} {html.escape(row["unit"])}'
            stated += f'<div style="color:#666;font-size:.88em">{as_written}</div>'
        cells = [pill, what, stated, measured, html.escape(row["explanation"])]
        tds = "".join(f'<td style="vertical-align:top;padding:6px 8px;border-bottom:1px solid #eee;'
                      f'{"white-space:nowrap;" if i in (2, 3) else ""}">{x}</td>' for i, x in enumerate(cells))
        body.append(f"<tr>{tds}</tr>")
    return (f'<table style="border-collapse:collapse;width:100%;font-size:.92em"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def verdict_summary(scene: Scene) -> str:
    """"✓ 1 consistent ▲ 2 overstated": the claim verdicts in one line, in the checker's order."""
    counts: dict[str, int] = {}
    for c in scene.claims:
        v = (c.get("verdict") if isinstance(c, dict) else getattr(c, "verdict", None)) or "unresolved"
        counts[v] = counts.get(v, 0) + 1
    return "  ".join(f"{VERDICT_STYLES[v].symbol} {counts[v]} {VERDICT_STYLES[v].label}"
                     for v in VERDICT_STYLES if v in counts)


def two_places(scene: Scene) -> tuple[str, str] | None:
    """The measure panel's default pair: the first claim's ends, else the first two specific places."""
    ids = {p.id for p in scene.places}
    for c in scene.claims:
        s, a = getattr(c, "subject_id", None), getattr(c, "anchor_id", None)
        if s in ids and a in ids:
            return s, a
    specific = [p.id for p in scene.places if marker_kind(p) != "country"] or [p.id for p in scene.places]
    return (specific[0], specific[1]) if len(specific) >= 2 else None


def measure_places(a: Place, b: Place) -> Measurement:
    """The measure panel's figures between two places (geodesic on WGS84, like the claim checks)."""
    return measure((a.lat, a.lon), (b.lat, b.lon))
