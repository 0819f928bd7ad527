"""Every word list geoviz reads, kept once, as data: ``geoviz/nlp/lexicon/*.txt`` and ``*.json``.

Why data, not code: a list written as a regex alternation in one module and a
set in another drifts apart (three copies of the number words once disagreed
on "dozen"). Each file here is the one copy; modules ask for it by name.

* ``NAME.txt``: one entry per line, ``#`` starts a comment; entries may hold
  spaces ("prime minister"). :func:`words` gives a frozenset, :func:`entries`
  the entries in file order, :func:`alternation` a regex alternation
  (:func:`alternation_of` builds the same from any phrases).
* ``NAME.json``: a table (a mapping or a list), :func:`table`.

Files are read once per process (``functools.cache``) from the installed
package (``importlib.resources``), so a read-only or zipped install works.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

__all__ = ["alternation", "alternation_of", "entries", "table", "words"]


def _read(filename: str) -> str:
    try:
        return resources.files("geoviz.nlp").joinpath("lexicon", filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no lexicon file {filename!r} in geoviz/nlp/lexicon") from None


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt`` in file order, comments and blank lines dropped, whitespace collapsed."""
    out = []
    for line in _read(f"{name}.txt").splitlines():
        entry = " ".join(line.split("#", 1)[0].split())
        if entry:
            out.append(entry)
    return tuple(out)


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a set (case as written: the files hold lower case unless case matters)."""
    return frozenset(entries(name))


@functools.cache
def table(name: str) -> Any:
    """The table in ``NAME.json`` (treat it as read-only: it is shared)."""
    return json.loads(_read(f"{name}.json"))


@functools.cache
def alternation(name: str, *, plural: bool = False) -> str:
    """A non-capturing regex alternation of ``NAME.txt``, longest entry first, spaces matching any whitespace.

    ``plural`` lets each entry take an optional ``s``/``es``. The pattern has no
    anchors or flags: the caller adds ``\\b`` and ``(?i)`` as its context needs.
    """
    return alternation_of(entries(name), plural=plural)


def alternation_of(phrases: Iterable[str], *, plural: bool = False) -> str:
    """:func:`alternation` over any phrases, e.g. the keys of a :func:`table` ("just over" in ``hedges``).

    Longest first, so where one phrase begins another ("just", "just over")
    the regex tries the longer one first.

    Written grouped by first character, ``s(?:aid|tated)|w(?:arned)`` for ``said|stated|warned``: these
    alternations are tried at thousands of words per article, and the regex engine tries each alternative that
    opens with a case-insensitive letter in full, where it skips a group on one test. Only when every first
    character is ASCII and no two differ in case alone, so that at any one place at most one group can match
    and the order across groups decides nothing; otherwise the plain list.
    """
    items = [(e, r"\s+".join(re.escape(w) for w in e.split(" ")) + ("(?:e?s)?" if plural else ""))
             for e in sorted(phrases, key=len, reverse=True)]
    return "(?:" + (_grouped(items) or "|".join(rx for _e, rx in items)) + ")"


def _grouped(items: list[tuple[str, str]]) -> str | None:
    """``(phrase, its regex)`` pairs as first character -> (?:the rests), in order; None where that is not exact."""
    groups: dict[str, list[str]] = {}
    for e, rx in items:
        head = re.escape(e[:1])
        if not e or not e[0].isascii() or not rx.startswith(head):
            return None
        groups.setdefault(e[0], []).append(rx[len(head):])
    if len({c.lower() for c in groups}) < len(groups):
        return None  # "Mr" and "mr": under IGNORECASE both groups match at one place
    return "|".join(re.escape(c) + "(?:" + "|".join(rests) + ")" for c, rests in groups.items())
