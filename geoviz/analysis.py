"""One call from text to the JSON contract: places, events, routes, claims.

The CLI, the app and the batch runner all call :func:`analyse` (or
:func:`scene_of` for the editable object), so the ``geoviz parse --json``
document is the same wherever it is produced.
"""

from __future__ import annotations

from typing import Any

from geoviz.gazetteer import Gazetteer, default_gazetteer
from geoviz.parse import parse
from geoviz.scene import Scene


def scene_of(text: str, date: str | None = None, *, gazetteer: Gazetteer | None = None,
             meta: dict[str, Any] | None = None) -> Scene:
    """The Scene of an article: resolved places, events, journeys and checked distance claims."""
    from geoviz.claims import check_claims

    gaz = gazetteer or default_gazetteer()
    doc = parse(text, date=date, gazetteer=gaz)
    claims = check_claims(doc, border_km=gaz.border_km)
    return Scene.from_document(doc, claims=claims, meta=meta)


def scene_dict(scene: Scene) -> dict[str, Any]:
    """The documented JSON contract of a Scene."""
    return {
        "places": [p.to_dict() for p in scene.places],
        "events": [e.to_dict() for e in scene.events],
        "routes": [r.to_dict() for r in scene.routes],
        "claims": [c.to_dict() if hasattr(c, "to_dict") else c for c in scene.claims],
        "uncertain": [p.to_dict() for p in scene.uncertain],
        "date": scene.meta.get("date"),
    }


def analyse(text: str, date: str | None = None, *, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    return scene_dict(scene_of(text, date, gazetteer=gazetteer))
