"""text -> Document: recognise mentions, then resolve them.

Kept apart from ``mentions`` and ``resolve`` so either stage can be swapped
(a statistical recogniser, another scorer) without touching the other.
"""

from __future__ import annotations

import functools

from geoviz.gazetteer import Gazetteer, default_gazetteer
from geoviz.mentions import Recogniser
from geoviz.model import Document
from geoviz.resolve import Resolver

MAX_TEXT_CHARS = 50_000_000

# A town whose reading wins less than this share of the resolver's confidence
# is not pinned: on the development corpora about four in five such pins were
# wrong or not places at all (a surname, a brand). It is kept in
# Document.uncertain with its ranked candidates for a person to pick from.
PIN_CONFIDENCE = 0.7
UNCERTAIN_KINDS = {"populated place"}


class InputError(ValueError):
    """Input geoviz cannot read as an article (documented, user-facing)."""


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
