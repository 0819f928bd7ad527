"""The story and claims readers' fast paths agree with the plain definitions they stand in for.

Each plain version below is the code as it was before it was made faster (issue #16: analyse speed); the fast
one must give the very same answers, so each pair is compared on generated input built from the words the
pattern looks for, mixed with digits, punctuation and non-ASCII letters.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geoviz.nlp import dates
from geoviz.nlp.lexicon import alternation, entries
from geoviz.story import reading

_DATE_OPENING = r"(?<!\w)(?=\w)(?:"
_PLAIN_DATE = re.compile(dates._DATE.pattern.removeprefix(_DATE_OPENING).removesuffix(")"))

DATE_WORDS = st.lists(st.one_of(
    st.sampled_from(["March", "May", "Sept.", "Jan", "Wednesday", "Friday", "last", "on", "the", "next", "day",
                     "two", "A", "days", "weeks", "later", "ago", "yesterday", "Tonight", "of", "2024", "3rd", "12",
                     "2023-09-13", "morning", "earlier", "this", "week"]),
    st.sampled_from([" ", "  ", "\n", ",", ", ", ".", "-", "_", "é", "x", "9", "ſ", "'"]),
    st.text(max_size=3)), max_size=12).map("".join)


def test_date_pattern_keeps_its_opening() -> None:
    assert dates._DATE.pattern.startswith(_DATE_OPENING)
    assert _PLAIN_DATE.groupindex == dates._DATE.groupindex


@settings(max_examples=800, deadline=None)
@given(DATE_WORDS)
def test_date_look_around_changes_no_match(text: str) -> None:
    def read(rx: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in rx.finditer(text)]
    assert read(dates._DATE) == read(_PLAIN_DATE)


_PLAIN_CLAUSE_BREAK = re.compile(rf"[;:()\[\]]|,(?=\s)|\s[–—-]{{1,2}}\s|\b{alternation('clause_words')}\b")
_PLAIN_AND_VERB = re.compile(r"\band\s+(?:(?:then|later|subsequently|also)\s+)?")
CLAUSE_TEXT = st.lists(st.one_of(
    st.sampled_from(entries("clause_words")), st.sampled_from([w.upper() for w in entries("clause_words")]),
    st.sampled_from(["and", "and then", "band", "Wand", "left", "somewhere", "x", "9", "é", "_"]),
    st.sampled_from([" ", "  ", "\n", ",", ", ", ";", ":", "(", ")", "[", "]", " - ", " -- ", " — ", "-", "–"]),
    st.text(max_size=3)), max_size=14).map("".join)


@settings(max_examples=800, deadline=None)
@given(CLAUSE_TEXT, st.integers(0, 4), st.integers(0, 4))
def test_clause_breaks_are_the_plain_pattern(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert reading._breaks(text, start, end) == [m.span() for m in _PLAIN_CLAUSE_BREAK.finditer(text, start, end)]


@settings(max_examples=500, deadline=None)
@given(CLAUSE_TEXT, st.integers(0, 4))
def test_and_verb_is_the_plain_pattern(text: str, start: int) -> None:
    def read(rx: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in rx.finditer(text, min(start, len(text)))]
    assert read(reading._AND_VERB) == read(_PLAIN_AND_VERB)
