"""One call from text to the JSON contract: places, events, routes, claims.

The CLI, the app and the batch runner all call :func:`analyse`, so the
``geoviz parse --json`` document is the same wherever it is produced.
"""

from __future__ import annotations

from typing import Any

from geoviz.gazetteer import Gazetteer, default_gazetteer
from geoviz.parse import parse


def analyse(text: str, date: str | None = None, *, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    from geoviz.claims import check_claims

    gaz = gazetteer or default_gazetteer()
    doc = parse(text, date=date, gazetteer=gaz)
    claims = check_claims(doc, border_km=gaz.border_km)
    events: list[Any] = []
    routes: list[Any] = []
    try:  # events/journeys land separately; the contract keeps the keys either way
        from geoviz.events import extract_events, extract_journeys
    except ImportError:
        pass
    else:
        events = extract_events(doc)
        routes = extract_journeys(doc, events)
    return {
        "places": [p.to_dict() for p in doc.places],
        "events": [e.to_dict() for e in events],
        "routes": [r.to_dict() for r in routes],
        "claims": [c.to_dict() for c in claims],
        "date": date,
    }
