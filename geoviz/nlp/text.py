"""Tokens and sentences: the offsets every later stage refers to.

Plain regular expressions, linear in the text: no model download, no
backtracking blow-up on hostile input.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from geoviz.nlp.lexicon import words

# A word: letters with inner apostrophes ("P'yongyang", "People's"), or a
# dotted abbreviation ("U.S.", "D.C."), or a number. Hyphens split words so
# "Soviet-era" yields "Soviet".
# The look-ahead in front only names the characters a token can start with (letters and digits): the
# regex engine then skips the spaces and punctuation between tokens without trying each alternative there.
_TOKEN = re.compile(r"(?=[^\W_])(?:(?:[^\W\d_]{1,3}\.){2,}(?=[\s,;:)\]\"'”’]|$)|[^\W\d_]+(?:['’][^\W\d_]+)*"
                    r"|\d+(?:[.,]\d+)*)")
# Abbreviations after which a full stop does not end a sentence.
_ABBREV = words("abbreviations")
# The word before a full stop, matched over the text before it: the last run of word characters and dots.
# (A search for r"([\w.]+)\.$" finds the same word but tries every start in turn.)
_WORD_BEFORE_DOT = re.compile(r"(?:.*[^\w.])?([\w.]+)\.", re.S)
# A sentence end: stops and closing quotes before a space, a blank line, or a line break before a capital.
# Written to open with a character class, so the regex engine skips straight to the next [.!?\n] (the
# look-behinds tell which it was): the same matches as r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z\"“])".
_SENT_END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s)|(?<=\n)\s*\n|(?<=\n)(?=\s*[A-Z\"“]))")
# Abbreviations after which a capital still opens no new sentence ("Gov. Smith", but "in the U.S. The").
_ABBREV_BEFORE_NAME = _ABBREV - {"u.s", "u.k", "d.c"}


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
    return [_token(m) for m in _TOKEN.finditer(text)]


# Where a capitalised token may start: an upper-case ASCII letter or any non-ASCII character, checked in
# Python (a letter right after a letter never opens a token; a look-behind here would cost more than that).
_CAPITAL = re.compile(r"[A-Z\x80-\U0010ffff]")
_LETTER = re.compile(r"[^\W\d_]")


_POSSESSIVE = ("'s", "’s")


def _token(m: re.Match[str]) -> Token:
    word = m.group()
    s, e = m.span()
    base = e - 2 if len(word) > 2 and word[-2:] in _POSSESSIVE else e
    return tuple.__new__(Token, (s, e, word, base, word[0].istitle()))


def capital_tokens(text: str) -> list[Token]:
    """The tokens the recogniser looks at: every capitalised one, each one's neighbours, and the first.

    The same tokens, in the same order, as :func:`tokens` with the rest left
    out: runs of lower-case words between names are never read, and they
    are four in five of an article's words. A kept token's neighbour in
    this list is its neighbour in the text *unless* the gap between them
    holds letters, which every caller checks already.

    Exact because a token never spans whitespace: a scan may start just
    after any whitespace character (or where the last scan stopped) and
    finds the very tokens a scan from the start would.
    """
    out: list[Token] = []
    done = 0  # the text before this has been scanned
    held: re.Match[str] | None = None  # the last token scanned and not kept: a capital after it needs it
    first = True
    at = 0
    # search() from the end of the last window, not finditer(): most capitals lie inside a window already read.
    while (cm := _CAPITAL.search(text, at)) is not None:
        c = cm.start()
        at = c + 1
        if not (cm.group().isascii() or cm.group().istitle()) or (c and _LETTER.match(text, c - 1)):
            continue
        lo = done
        if not first:
            # Start after the whitespace before the previous word, so its last token is the left neighbour.
            k = c - 1
            while k > done and text[k].isspace():
                k -= 1
            ws = text.rfind(" ", done, k)
            ws = max(ws, text.rfind("\n", max(done, ws), k))  # a newline only matters after the last space
            lo = ws + 1 if ws >= 0 else done
        scanned = _scan(text, lo, c, out, held if lo == done else None, first)
        if scanned is None:  # no token between lo and the capital: scan from where the last window stopped
            scanned = _scan(text, done, c, out, held, False)
        assert scanned is not None
        done, held = scanned
        at = max(at, done)
        first = False
    if first and (m := _TOKEN.search(text)) is not None:
        out.append(_token(m))  # no capital at all; the first token still opens the text
    return out


def _scan(text: str, lo: int, c: int, out: list[Token], prev: re.Match[str] | None,
          keep_first: bool) -> tuple[int, re.Match[str] | None] | None:
    """Scan from ``lo``, keeping capitals and their neighbours, until two lower-case tokens in a row past ``c``.

    Returns where it stopped and the match of the last token it read without
    keeping it; ``None`` when the first token read is a capital whose left
    neighbour lies before ``lo`` (the caller then starts further back).

    The hot loop of the recogniser: a :class:`Token` is built (inline, as
    :func:`_token` would) only for a token that is kept; one in four is not.
    """
    prev_kept = prev_cap = False
    append = out.append
    for m in _TOKEN.finditer(text, lo):
        word = m.group()
        cap = word[0].istitle()
        if keep_first or cap or prev_cap:  # the first token, a capital, or a capital's right neighbour
            if cap and not keep_first:
                if prev is None and lo > 0:
                    return None
                if prev is not None and not prev_kept:
                    append(_token(prev))  # a capital's left neighbour
            keep_first = False
            s, e = m.span()
            append(tuple.__new__(Token, (s, e, word, e - 2 if len(word) > 2 and word[-2:] in _POSSESSIVE else e,
                                         cap)))
            prev_kept = True
        elif m.start() >= c:
            return m.end(), m  # two lower-case tokens in a row past the capital: this window is done
        else:
            prev_kept = False
        prev = m
        prev_cap = cap
    return len(text), None


class LowerCaseWords:
    """Whether the text writes a word in lower case as a token of its own ("driver" besides "Driver").

    A set of every lower-case token would answer the same; but the question
    is asked of a few words per article, and the text has thousands, so
    each answer is a search of the text, kept for the next time.
    """

    # After this many different words, one pass over every token answers the rest: a long text of many
    # capitalised words would otherwise be searched once per word (quadratic in the block).
    MAX_SEARCHES = 64

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, bool] = {}
        self._all: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or word[0].istitle():
            return False
        if self._all is not None:
            return word in self._all
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= self.MAX_SEARCHES:
                self._all = {t.text for t in tokens(self.text) if not t.cap}
                return word in self._all
            known = self._known[word] = self._find(word)
        return known

    def _find(self, word: str) -> bool:
        text = self.text
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            # A token's own edges: no letter (or letter + apostrophe) before, and the token that starts here is
            # the word itself (not longer: "man" in "manor", "o'brien", or the abbreviation "man.U.S.").
            if not (_LETTER.match(text, at - 1) if at else False) and not (
                    at > 1 and text[at - 1] in "'’" and _LETTER.match(text, at - 2)):
                token = _TOKEN.match(text, at)
                if token is not None and token.end() == end:
                    return True
            at = text.find(word, at + 1)
        return False


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
        dot = m.start()
        if text[dot] == ".":
            nxt = text[end : end + 3].lstrip()[:1]
            if nxt.islower() or nxt.isdigit():
                continue  # "approx. 130 km", "etc. and": a sentence does not open in lower case
            # "Gov. Smith", "U.S. troops": no break after a known abbreviation
            # or a single capital initial.
            word = _WORD_BEFORE_DOT.fullmatch(text, max(start, dot - 12), dot + 1)
            if word:
                w = word.group(1)
                if w.lower() in _ABBREV or (len(w) == 1 and w.isupper()):
                    if not nxt.isupper() or w.lower() in _ABBREV_BEFORE_NAME:
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


#: The longest stretch read as one sentence, in characters. Longer runs without a sentence end (lists,
#: tables flattened to text, hostile input) are cut at spaces. A real sentence is far shorter; the cap is
#: what keeps every per-sentence step of claims and events bounded, so whole passes stay linear.
MAX_SENTENCE_CHARS = 1000


def bounded_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Sentence spans with run-ons (lists, hostile input) cut at spaces into pieces of at most ``max_chars``.

    Every step that looks across a sentence (claims' subjects, events'
    actors and dates) is then bounded by a constant: the passes stay linear.
    Callers use the default, so claims and events cut the same sentences.
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


def count(n: int, word: str) -> str:
    """"1 journey", "2 journeys", "1,204 places": a count in a reader's words (every counted word takes a plain -s).

    Kept here, a light module every front end already loads, so the app and the CLI word counts one way (the CLI
    printed "1 routes" and "1 claims" while the app said "1 journey").
    """
    return f"{n:,} {word}{'s' * (n != 1)}"
