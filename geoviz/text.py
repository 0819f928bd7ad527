"""Tokens and sentences: the offsets every later stage refers to.

Plain regular expressions, linear in the text: no model download, no
backtracking blow-up on hostile input.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

# A word: letters with inner apostrophes ("P'yongyang", "People's"), or a
# dotted abbreviation ("U.S.", "D.C."), or a number. Hyphens split words so
# "Soviet-era" yields "Soviet".
_TOKEN = re.compile(r"(?:[^\W\d_]{1,3}\.){2,}(?=[\s,;:)\]\"'”’]|$)|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "maj", "prof", "rev",
    "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "approx", "ca", "e.g", "i.e", "cf", "fig",
    "pres", "adm", "est", "ft", "mt", "jan", "feb", "mar", "apr", "aug", "sept",
    "sep", "oct", "nov", "dec", "ave", "blvd", "rd", "hwy", "u.s", "u.k", "a.m", "p.m", "la", "ky", "ga", "fla",
    "ala", "ark", "calif", "colo", "conn", "del", "ill", "ind", "kan", "md", "mass", "mich", "minn", "miss", "mo",
    "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "va", "vt", "wash", "wis", "wyo", "ariz", "tex", "d.c",
}
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z\"“])")


class Token(NamedTuple):
    """A word and where it is. A NamedTuple: articles have thousands of these."""

    start: int
    end: int
    text: str
    # End offset without a trailing possessive ("Russia's" -> end of "Russia").
    base_end: int
    # Starts with a capital letter (any script that has case).
    cap: bool


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # NamedTuple's own constructor is a Python-level lambda: 20 % of the cost
    for m in _TOKEN.finditer(text):
        word = m.group()
        s = m.start()
        e = s + len(word)
        base = e
        if ("'" in word or "’" in word) and len(word) > 2:
            pm = _POSSESSIVE.search(word)
            if pm and pm.start() > 0:
                base = s + pm.start()
        c = word[0]
        cap = c.isupper() or (not c.isascii() and c.isalpha() and c != c.lower() and c == c.upper())
        append(new(Token, (s, e, word, base, cap)))
    return out


@functools.lru_cache(maxsize=4)
def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) covering the text (whitespace trimmed).

    Cached for the last few texts: recognition, resolution, claims and events
    all ask for the same article's sentences. Callers must not mutate the list.
    """
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group().startswith("."):
            nxt = text[end : end + 3].lstrip()
            if nxt[:1].islower() or nxt[:1].isdigit():
                continue  # "approx. 130 km", "etc. and": a sentence does not open in lower case
            # "Gov. Smith", "U.S. troops": no break after a known abbreviation
            # or a single capital initial.
            word = re.search(r"([\w.]+)\.$", text[max(start, m.start() - 12) : m.start() + 1])
            if word and (word.group(1).lower() in _ABBREV or (len(word.group(1)) == 1 and word.group(1).isupper())):
                nxt = text[end : end + 3].lstrip()
                if not nxt[:1].isupper() or word.group(1).lower() in _ABBREV - {"u.s", "u.k", "d.c"}:
                    continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def bounded_sentences(text: str, max_chars: int = 1000) -> list[tuple[int, int]]:
    """Sentence spans with run-ons (lists, hostile input) cut at spaces into pieces of at most ``max_chars``.

    Every step that looks across a sentence (claims' subjects, events'
    actors and dates) is then bounded by a constant: the passes stay linear.
    """
    out = []
    for s, e in sentences(text):
        while e - s > max_chars:
            cut = text.rfind(" ", s + max_chars // 2, s + max_chars)
            cut = cut if cut > s else s + max_chars
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out
