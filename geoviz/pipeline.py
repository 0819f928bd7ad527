"""The only wiring: gazetteer → geoparse → story and claims → Scene.

Every stage is a plain function over plain data and takes its gazetteer as an
argument; this module is the one library module that opens the bundled store
when the caller gives none. The CLI, the app and the batch runner all call
:func:`analyse` (or :func:`scene_of` for the editable object), so the
``geoviz parse --json`` document is the same wherever it is produced.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from geoviz.claims import check_claims
from geoviz.errors import InputError
from geoviz.geo.gazetteer import Gazetteer, default_gazetteer
from geoviz.geoparse.recognise import Recogniser
from geoviz.geoparse.resolve import Resolver
from geoviz.model import Document
from geoviz.nlp.names import fold
from geoviz.scene import Scene
from geoviz.story.events import extract_events, extract_journeys, route_places

__all__ = ["MAX_TEXT_CHARS", "PIN_CONFIDENCE", "InputError", "analyse", "parse", "pipeline", "scene_dict",
           "scene_from_document", "scene_of"]

MAX_TEXT_CHARS = 50_000_000

# A town whose reading wins less than this share of the resolver's confidence
# is not pinned: on the development corpora about four in five such pins were
# wrong or not places at all (a surname, a brand). It is kept in
# Document.uncertain with its ranked candidates for a person to pick from.
PIN_CONFIDENCE = 0.7
UNCERTAIN_KINDS = {"populated place"}


def pipeline(gazetteer: Gazetteer | None = None) -> tuple[Recogniser, Resolver]:
    """The recogniser and resolver of a gazetteer (the bundled one by default), built once.

    ``None`` and the default gazetteer itself share one pipeline: building
    the recogniser loads every name key (about half a second).
    """
    return _pipeline(gazetteer or default_gazetteer())


@functools.lru_cache(maxsize=4)
def _pipeline(gaz: Gazetteer) -> tuple[Recogniser, Resolver]:
    return Recogniser(gaz), Resolver(gaz)


def parse(text: str, date: str | None = None, *, gazetteer: Gazetteer | None = None) -> Document:
    """Every place the text mentions, resolved, with confidence and alternatives.

    ``date`` (YYYY-MM-DD) is the article's date, kept for event dating.
    Raises :class:`InputError` for a non-str text or one over ``MAX_TEXT_CHARS``.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    recogniser, resolver = pipeline(gazetteer)
    mentions = recogniser.find(text)
    places = resolver.resolve(mentions, text)
    pinned: list = []
    uncertain: list = []
    for p in places:
        (uncertain if p.kind in UNCERTAIN_KINDS and p.confidence < PIN_CONFIDENCE else pinned).append(p)
    return Document(text=text, places=pinned, date=date, uncertain=uncertain)


def demonyms_of(gaz: Gazetteer) -> Callable[[str], bool]:
    """Whether a surface form is a demonym ("Russian"), by the gazetteer's demonym table.

    A store without one (a hand-built test store) falls back to the usual endings.
    """
    keys = gaz.demonym_keys
    if keys:
        return lambda s: fold(s) in keys
    suffix = re.compile(r"(?:ian|ese|ish|ean|an|i|ic|ch)s?$")
    return lambda s: bool(suffix.search(fold(s)))


def claims_lookup(gaz: Gazetteer) -> Callable[[str], list[Any]]:
    """Every reading of a name (up to 100), for claims to read an end where the text itself puts it."""
    return functools.partial(gaz.lookup, limit=100)


def claims_judge(gaz: Gazetteer) -> Callable[[Scene], list[Any]]:
    """Re-checks a scene's claims after an edit, against *this* gazetteer's borders.

    Passed to the Scene's edits (``scene.set_place(pid, entry, rejudge=claims_judge(gaz))``): a claim's
    computed distance must follow the place the user chose.
    """
    def rejudge(scene: Scene) -> list[Any]:
        doc = Document(text=scene.source_text, places=scene.places, date=scene.meta.get("date"))
        return list(check_claims(doc, border_km=gaz.border_km, lookup=claims_lookup(gaz)))
    return rejudge


def scene_from_document(doc: Document, *, gazetteer: Gazetteer | None = None,
                        meta: dict[str, Any] | None = None) -> Scene:
    """Events, journeys and checked claims of a parsed Document, as an editable Scene."""
    gaz = gazetteer or default_gazetteer()
    demonyms = demonyms_of(gaz)
    events = extract_events(doc, demonyms=demonyms)
    routes = extract_journeys(doc, events, demonyms=demonyms, capital_of=gaz.capital)
    claims = check_claims(doc, border_km=gaz.border_km, lookup=claims_lookup(gaz))
    return Scene.from_document(doc, events=events, routes=routes, claims=claims, meta=meta,
                               extra_places=route_places(routes, doc, gaz.get))


def scene_of(text: str, date: str | None = None, *, gazetteer: Gazetteer | None = None,
             meta: dict[str, Any] | None = None) -> Scene:
    """The Scene of an article: resolved places, events, journeys and checked distance claims."""
    gaz = gazetteer or default_gazetteer()
    return scene_from_document(parse(text, date=date, gazetteer=gaz), gazetteer=gaz, meta=meta)


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
    """Exactly what ``geoviz parse --json`` prints: ``{places, events, routes, claims, uncertain, date}``."""
    return scene_dict(scene_of(text, date, gazetteer=gazetteer))
