"""One exception root, like geopy's: catch :class:`GeovizError` for anything geoviz refuses.

Input errors also subclass :class:`ValueError` (a bad argument is a bad value),
store errors :class:`RuntimeError`; the CLI turns any of them into its one-line
message and exit status 2.
"""

from __future__ import annotations

__all__ = ["GeovizError", "InputError"]


class GeovizError(Exception):
    """The root of every error geoviz raises on purpose (documented, user-facing)."""


class InputError(GeovizError, ValueError):
    """Input geoviz cannot read as an article: not text, too large, a binary file."""
