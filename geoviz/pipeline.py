"""The only wiring: gazetteer → geoparse → story and claims → Scene.

Every stage is a plain function over plain data and takes its gazetteer as an
argument; this module is the one library module that opens the bundled store
when the caller gives none. The CLI, the app and the batch runner all call
:func:`analyse` (or :func:`scene_of` for the editable object), so the
``geoviz parse --json`` document is the same wherever it is produced.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from geoviz.claims import check_claims
from geoviz.claims.picked import CLAIM_ENDS, apply_picked_ends
from geoviz.errors import InputError
from geoviz.geo.gazetteer import Gazetteer, default_gazetteer
from geoviz.geoparse.recognise import Recogniser
from geoviz.geoparse.resolve import Resolver
from geoviz.model import Document, Mention, Place
from geoviz.scene import Scene
from geoviz.story.context import StoryContext
from geoviz.story.events import extract_events
from geoviz.story.journeys import extract_journeys, route_places

__all__ = ["MAX_TEXT_CHARS", "PIN_CONFIDENCE", "InputError", "analyse", "claims_judge", "parse", "pipeline",
           "render_map", "save_html", "scene_dict", "scene_from_document", "scene_of"]

MAX_TEXT_CHARS = 50_000_000

# A town whose reading wins less than this share of the resolver's confidence
# is not pinned: on the development corpora about four in five such pins were
# wrong or not places at all (a surname, a brand). It is kept in
# Document.uncertain with its ranked candidates for a person to pick from.
PIN_CONFIDENCE = 0.7
UNCERTAIN_KINDS = {"populated place"}


def pipeline(gazetteer: Gazetteer | None = None) -> tuple[Recogniser, Resolver]:
    """The recogniser and resolver of a gazetteer (by default the chosen store: a built one, else bundled), built once.

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
    found = recogniser.recognise(text)
    pinned: list[Place] = []
    uncertain: list[Place] = []
    for p in resolver.resolve(found.mentions, text):
        if p.kind in UNCERTAIN_KINDS and p.confidence < PIN_CONFIDENCE:
            p.reason["unpinned"] = "low confidence"  # (each Place has its own reason dict, made by the resolver)
            uncertain.append(p)
        else:
            pinned.append(p)
    if found.offered:
        uncertain.extend(_offered(resolver, found.offered, {p.id for p in pinned} | {p.id for p in uncertain}))
        uncertain.sort(key=lambda p: p.mentions[0].start)
    return Document(text=text, places=pinned, date=date, uncertain=uncertain)


def _offered(resolver: Resolver, offered: list[tuple[Mention, str]], taken: set[str]) -> list[Place]:
    """Names the recogniser rejected but a person may want to pin, resolved on their own and never pinned.

    No silent drops (docs/places.md): "Acapulco" read as only some village's alternate name still
    reaches the app's "Not pinned" list, with its readings and the rule that held it back. Resolved
    apart from the article's places, so an offered name never moves a pinned one.
    """
    why = {m.start: reason for m, reason in offered}
    out = []
    # Without the text: an offered name is read by its readings alone (no sentence or list to scan again).
    for p in resolver.resolve([m for m, _ in offered]):
        if p.id in taken:
            continue
        p.reason["unpinned"] = why.get(p.mentions[0].start, "rejected")
        out.append(p)
    return out


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
        claims = list(check_claims(doc, border_km=gaz.border_km, lookup=claims_lookup(gaz)))
        # Ends a person re-picked (kept in the scene's meta) hold through every re-check.
        apply_picked_ends(claims, scene.places, scene.source_text, scene.meta.get(CLAIM_ENDS))
        return claims
    return rejudge


def scene_from_document(doc: Document, *, gazetteer: Gazetteer | None = None,
                        meta: dict[str, Any] | None = None) -> Scene:
    """Events, journeys and checked claims of a parsed Document, as an editable Scene."""
    gaz = gazetteer or default_gazetteer()
    story = StoryContext.read(doc)  # read once: events and journeys share the same actions
    events = extract_events(story)
    routes = extract_journeys(story, gaz.capital)
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


# --------------------------------------------------------------------------
# The map and its HTML with the bundled gazetteer (``geoviz.render``, ``geoviz.save_html``)
# --------------------------------------------------------------------------


def render_map(scene: Scene, *, gazetteer: Gazetteer | None = None, **options: Any) -> Any:
    """:func:`geoviz.render.render` with the bundled gazetteer by default: a ``folium.Map`` of ``scene``.

    The map module never opens a store (it draws what it is given); this is
    where the default one is wired in, like every other stage. folium is
    imported here, on first use, so ``import geoviz`` stays light.
    """
    from geoviz.render import render

    return render(scene, gazetteer=gazetteer or default_gazetteer(), **options)


def save_html(scene: Scene, path: Any = None, *, gazetteer: Gazetteer | None = None, **options: Any) -> Any:
    """:func:`geoviz.export.save_html` with the bundled gazetteer by default; returns the written path."""
    from geoviz.export import save_html as write_html

    return write_html(scene, path, gazetteer=gazetteer or default_gazetteer(), **options)
