"""The tokeniser's fast paths agree with the plain one they stand in for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from geoviz.text import LowerCaseWords, capital_tokens, tokens

PIECES = st.sampled_from([
    "Paris", "the", "man", "from", "of", "Isle", "Man", "de", "Kock", "U.S.", "a.m.", "In", "O'Brien", "o'Brien",
    "Russia's", "Jones’s", "ǅemal", "Éire", "über", "3M", "12,000", "—", "(", ")", "\n", "\n\n", "  ", " ", ",",
    ".", "_", "x_Y", "Смоленск", "москва", "東京", "'", "’", "St.", "etc.", "-", "Winston-Salem", "\u00a0",
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
def test_lower_case_words_match_the_token_set(text: str, word: str) -> None:
    lower = {t.text for t in tokens(text) if not t.cap}
    assert (word in LowerCaseWords(text)) == (word in lower)


def test_lower_case_words_answer_from_one_pass_after_many_searches() -> None:
    words = [f"w{chr(97 + k % 26)}{chr(97 + k // 26)}" for k in range(LowerCaseWords.MAX_SEARCHES + 10)]
    text = " ".join(w.capitalize() for w in words) + " " + " ".join(words[::2])
    lower = LowerCaseWords(text)
    assert [w in lower for w in words] == [k % 2 == 0 for k in range(len(words))]
    assert lower._all is not None  # the later words were answered from the one pass
