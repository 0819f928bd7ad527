"""The recogniser's and resolver's fast paths agree with the plain definitions they stand in for.

Each plain version below is the code as it was before it was made faster;
the fast one must give the very same answers (the parse output is pinned
byte for byte), so each pair is compared on generated input.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoviz.geo.geodesy import great_circle_pair_km
from geoviz.geoparse.recognise import (
    _ELIDED,
    _STATE_KEY_CHARS,
    AGENT_VERBS,
    CONNECTORS,
    MAX_TOKENS,
    NAME_ABBREVIATIONS,
    PROVINCE_ABBREVIATIONS,
    _may_trigger,
    _sentence_initial,
)
from geoviz.geoparse.resolve import WEIGHTS, _Cand, _softmax_top
from geoviz.model import Entry
from geoviz.nlp.names import fold
from geoviz.nlp.text import capital_tokens, sentences
from geoviz.pipeline import pipeline

_PLAIN_AGENT_VERBS = re.compile(AGENT_VERBS.pattern.replace(r"(?=[abcdehimoprstuvw])", ""), re.IGNORECASE)
_VERB_WORDS = sorted(set(re.findall(r"(?<![\\a-z])([a-z]+)", _PLAIN_AGENT_VERBS.pattern)))
AFTER_NAME = st.lists(st.one_of(
    st.sampled_from(_VERB_WORDS), st.sampled_from([w.upper() for w in _VERB_WORDS]),
    st.sampled_from([" ", "  ", "\n", "\t", ",", ".", "'s", "-", "ſaid", "ıs", "KEEP", "Said", "and", "x"]),
    st.text(max_size=3)), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(AFTER_NAME)
def test_agent_verbs_look_ahead_changes_no_answer(after: str) -> None:
    assert bool(AGENT_VERBS.match(after)) == bool(_PLAIN_AGENT_VERBS.match(after))


def test_agent_verbs_look_ahead_names_every_first_letter() -> None:
    assert "".join(sorted({w[0] for w in _VERB_WORDS})) == "abcdehimoprstuvw"
    for w in _VERB_WORDS:
        assert bool(AGENT_VERBS.match(f"  {w} said")) == bool(_PLAIN_AGENT_VERBS.match(f"  {w} said"))


def test_state_abbreviation_keys_are_short() -> None:
    assert _STATE_KEY_CHARS == max(len(k) for k in PROVINCE_ABBREVIATIONS)


@given(st.one_of(st.text(max_size=30),
                 st.sampled_from(["states such as ", "provinces like Ontario, ", "the United States "])),
       st.text(max_size=50))
def test_may_trigger_is_the_plain_substring_test(before: str, after: str) -> None:
    near = (before[-25:] + " " + after[:40]).lower()
    plain = before.rstrip()[-8:].lower().endswith(("of", "river", "lake", "sea", "gulf", "bay", "mount",
                                                     "mountain")) or any(
        w in near for w in ("cosmodrome", "space", "launch", "air")) or "states " in before or "provinces " in before
    assert _may_trigger(before, after) == plain


PIECES = st.sampled_from([
    "Paris", "the", "of", "Isle", "Man", "de", "St.", "Louis", "John's", "Modi's", "Côte", "d'Ivoire", "New", "York",
    "City", "Sea", "Japan", "North", "Korean", "U.S.", "Gov.", "\n", "\n\n", ". ", ", ", " - ", "-", "  ", "“",
    "said", "Texas", "Kim", "Jong", "Un", "Kansas", "Kan.", "Ky", "W.Va.", "Dublin", "Road", "(", ":",
])
TEXTS = st.lists(PIECES, max_size=30).map(" ".join) | st.lists(PIECES, max_size=30).map("".join)


def _plain_longest(rec, text, toks, i, last=None):
    """Recogniser._longest as it was: every gap tested, the sets looked up through is_name."""
    best = None
    last = min(len(toks), i + MAX_TOKENS, last if last is not None else len(toks))
    start = toks[i].start
    for j in range(i, last):
        tj = toks[j]
        if j > i:
            gap = text[toks[j - 1].end : tj.start]
            if gap.startswith(".") and toks[j - 1].text.lower() in NAME_ABBREVIATIONS:
                gap = gap[1:]
            if gap.strip(" -") or "\n\n" in gap or len(gap) > 3:
                break
            if toks[j - 1].base_end != toks[j - 1].end:
                break
        if not tj.cap and not (j > i and (m := _ELIDED.match(tj.text)) is not None and tj.text[m.end()].isupper()):
            if tj.text.lower() in CONNECTORS and j + 1 < last:
                continue
            break
        ends = (tj.base_end,) if tj.base_end == tj.end or j == i else (tj.base_end, tj.end)
        for end in ends:
            key = fold(text[start:end])
            if key and rec.is_name(key):
                best = (j, end, key)
                break
    return best


@pytest.fixture(scope="module")
def recogniser():
    return pipeline()[0]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_longest_is_the_plain_definition(recogniser, text: str) -> None:
    toks = capital_tokens(text)
    for i in range(len(toks)):
        for last in (None, *range(i + 1, min(len(toks), i + MAX_TOKENS) + 1)):
            assert recogniser._longest(text, toks, i, last) == _plain_longest(recogniser, text, toks, i, last)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentence_initial_is_the_plain_definition(text: str) -> None:
    toks = capital_tokens(text)
    if not toks:
        return
    starts = {s for s, _ in sentences(text)}
    plain = {0} | {k for k in range(1, len(toks)) if toks[k].cap and (
        toks[k].start in starts or re.search(r"[\n\"“‘(:;—–]", text[toks[k - 1].end : toks[k].start]))}
    assert _sentence_initial(text, toks) == plain


def _plain_softmax_top(cands: list[_Cand]) -> float:
    if len(cands) == 1:
        return 0.99
    top = cands[0].score
    weights = [math.exp((c.score - top) / WEIGHTS.temperature) for c in cands]
    rivals = [k for k in range(1, len(cands)) if weights[k] > 1e-4]
    w = cands[0].entry
    near = weights[0] + sum(weights[k] for k in rivals
                            if great_circle_pair_km(w.lat, w.lon, cands[k].entry.lat, cands[k].entry.lon)
                            <= WEIGHTS.confidence_km)
    return float(min(0.99, near / sum(weights)))


LAT = st.floats(-89.9, 89.9)
NEAR_LAT = st.floats(-0.6, 0.6)


@settings(max_examples=500, deadline=None)
@given(LAT, st.floats(-179.9, 179.9),
       st.lists(st.tuples(NEAR_LAT, st.floats(-0.8, 0.8), st.floats(-1.0, 0.0)), min_size=1, max_size=8))
def test_softmax_top_is_the_plain_definition(lat: float, lon: float, rivals: list) -> None:
    """Rivals straddle the half-degree latitude cut and the 50 km radius: the cut must change no answer."""
    def cand(la: float, lo: float, score: float) -> _Cand:
        e = Entry(id=f"x{la},{lo}", name="x", lat=max(-90.0, min(90.0, la)), lon=lo, kind="populated place")
        return _Cand(e, 0.0, score=score)

    cands = [cand(lat, lon, 1.0)] + [cand(lat + dla, lon + dlo, 1.0 + ds) for dla, dlo, ds in rivals]
    assert _softmax_top(cands) == _plain_softmax_top(cands)
