"""Regex openings that let Python's regex engine skip ahead: for scans run over every sentence of every article.

A pattern that opens with a plain character class (or a literal) is searched for in C, jumping from one
candidate character to the next. One that opens with ``\\b``, a look-behind, or a letter under IGNORECASE is
instead tried at every position of the text, each try costing a trip through the engine. :func:`letters_first`
writes "no word character before, then one of these case-insensitive phrases" the first way: a case-sensitive
class of the phrases' first letters in every form IGNORECASE matches them by, then the look-behind, then the
rest of each phrase case-insensitively. It matches what the plain form matches, at the same places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["by_first_letter", "letter_forms", "letters_first"]

#: What Python's re under IGNORECASE matches an ASCII letter by besides its two cases (tests check every code
#: point): the dotted and dotless I, the Kelvin sign, the long s.
_OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def letters_first(tails: Mapping[str, str], not_after: str) -> str:
    """The pattern ``(?<!NOT_AFTER)(?i:x(?:TAIL)|...)`` for each letter ``x`` and its ``TAIL``, opening with a class.

    ``tails`` maps a lower-case ASCII letter to the regex that follows it (an alternation is fine; ``""`` for
    the bare letter); ``not_after`` is a one-character class that must not stand before the match (``\\w`` for
    ``\\b``). Each letter's alternatives keep their order; the letters' order does not matter, as only one can
    stand at a position.
    """
    rest = "|".join(f"(?<={c})(?:{tail})" for c, tail in tails.items())
    return f"[{letter_forms(tails)}](?<!{not_after}.)(?i:{rest})"


def letter_forms(letters: Iterable[str]) -> str:
    """Every character IGNORECASE matches one of the lower-case ASCII ``letters`` by, as a character class's body
    (for a class that must say what a case-insensitive pattern can open with)."""
    letters = set(letters)
    assert all(len(c) == 1 and c.isascii() and c.islower() for c in letters), letters
    return "".join(sorted({f for c in letters for f in c + c.upper() + _OTHER_CASES.get(c, "")}))


def by_first_letter(words: Iterable[str]) -> dict[str, str]:
    """Plain lower-case words (or regex phrases that open with a letter) grouped for :func:`letters_first`:
    first letter -> an alternation of what follows it, in the words' order."""
    grouped: dict[str, list[str]] = {}
    for w in words:
        grouped.setdefault(w[0], []).append(w[1:])
    return {c: "|".join(rest) for c, rest in grouped.items()}
