"""geoviz: turn a news article into a map you can trust.

The public API: :func:`parse` (text -> Document of resolved places); the
gazetteer and geocoder live in :mod:`geoviz.gazetteer` and
:mod:`geoviz.geocoder`.
"""

from geoviz.parse import InputError, parse

__all__ = ["InputError", "parse"]
