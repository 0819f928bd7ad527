"""The tokeniser's fast paths agree with the plain one they stand in for."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from geoviz.nlp.text import _ABBREV, LowerCaseWords, capital_tokens, sentences, tokens

PIECES = st.sampled_from([
    "Paris", "the", "man", "from", "of", "Isle", "Man", "de", "Kock", "U.S.", "a.m.", "In", "O'Brien", "o'Brien",
    "Russia's", "Jones’s", "ǅemal", "Éire", "über", "3M", "12,000", "—", "(", ")", "\n", "\n\n", "  ", " ", ",",
    ".", "_", "x_Y", "Смоленск", "москва", "東京", "'", "’", "St.", "etc.", "-", "Winston-Salem", "\u00a0",
    "Gov.", "U.S.", "D.C.", "J.", "approx.", "!", "?", "\"", "“", ")", "a.b.c.", "x.", "3.5", "No.", "St.Louis",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=50).map("".join),
                  st.lists(PIECES, max_size=50).map(" ".join))


def _expected(text: str) -> list:
    """The rule :func:`capital_tokens` promises, applied to the full token list."""
    full = tokens(text)
    return [t for k, t in enumerate(full)
            if k == 0 or t.cap or full[k - 1].cap or (k + 1 < len(full) and full[k + 1].cap)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_capital_tokens_are_the_capitals_their_neighbours_and_the_first(text: str) -> None:
    assert capital_tokens(text) == _expected(text)


def test_capital_tokens_keep_neighbours_across_long_lower_case_runs() -> None:
    text = "the man who came " * 30 + "from Paris to the Isle of Man, " + "and then he left " * 30 + "for Oslo."
    kept = [t.text for t in capital_tokens(text)]
    assert kept == ["the", "from", "Paris", "to", "the", "Isle", "of", "Man", "and", "for", "Oslo"]
    assert capital_tokens(text) == _expected(text)


def test_possessive_base_end() -> None:
    t = tokens("Russia's and Jones’s and its")
    assert [(x.text, t[0].end - x.base_end if k == 0 else x.end - x.base_end) for k, x in enumerate(t)] == [
        ("Russia's", 2), ("and", 0), ("Jones’s", 2), ("and", 0), ("its", 0)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["man", "the", "paris", "of", "in", "o'brien", "s", "éire", "москва", "brien"]))
@example(text="man.U.S.", word="man")  # a short word glued to a dotted abbreviation is one token
def test_lower_case_words_match_the_token_set(text: str, word: str) -> None:
    lower = {t.text for t in tokens(text) if not t.cap}
    assert (word in LowerCaseWords(text)) == (word in lower)


def test_lower_case_words_answer_from_one_pass_after_many_searches() -> None:
    words = [f"w{chr(97 + k % 26)}{chr(97 + k // 26)}" for k in range(LowerCaseWords.MAX_SEARCHES + 10)]
    text = " ".join(w.capitalize() for w in words) + " " + " ".join(words[::2])
    lower = LowerCaseWords(text)
    assert [w in lower for w in words] == [k % 2 == 0 for k in range(len(words))]
    assert lower._all is not None  # the later words were answered from the one pass


# The plain definitions the fast ones stand in for (text.py before its regexes were given look-aheads).
_PLAIN_TOKEN = re.compile(r"(?:[^\W\d_]{1,3}\.){2,}(?=[\s,;:)\]\"'”’]|$)|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_PLAIN_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z\"“])")
_PLAIN_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _PLAIN_SENT_END.finditer(text):
        end = m.end()
        if m.group().startswith("."):
            nxt = text[end : end + 3].lstrip()
            if nxt[:1].islower() or nxt[:1].isdigit():
                continue
            word = _PLAIN_WORD_BEFORE_DOT.search(text[max(start, m.start() - 12) : m.start() + 1])
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


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_tokens_are_the_plain_pattern_s(text: str) -> None:
    assert [(t.start, t.end) for t in tokens(text)] == [m.span() for m in _PLAIN_TOKEN.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_sentences_are_the_plain_definition_s(text: str) -> None:
    assert sentences(text) == _plain_sentences(text)


def test_sentences_keep_abbreviations_inside() -> None:
    text = "Gov. Smith met J. Doe in the U.S. The talks went on. Then approx. 3 km later, etc. and so on. End"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Gov. Smith met J.", "Doe in the U.S.", "The talks went on.", "Then approx. 3 km later, etc. and so on.", "End"]
    assert sentences(text) == _plain_sentences(text)
