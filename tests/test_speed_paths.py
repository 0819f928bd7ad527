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
