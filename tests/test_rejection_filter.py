"""The recogniser tries only the rejection rules that may hold for a run (``Rule.around``, ``Rule.single``,
``Rule.unless``, ``Rule.needs``): that shortcut must never change an answer.

Every candidate run of the articles below (this repository's own test articles and seeds, generated
sentences, and the development corpora's texts where ../shared/data is present, read in place) is put to
every rule; a rule that holds must be one the shortcut would have tried, and the recogniser with the
shortcut must find what the recogniser trying every rule finds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoviz.geoparse import recognise as R
from geoviz.pipeline import pipeline

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
CORPORA = [ROOT.parent / "shared" / "data" / "eval" / f"{name}.jsonl" for name in ("lgl", "geowebnews")]


class _EveryRule(R.Recogniser):
    """The plain definition: every rule, in order, for every run."""

    def _rules(self, run):
        return R._REJECTION_TESTS


@pytest.fixture(scope="module")
def recognisers():
    fast = pipeline()[0]
    return fast, _EveryRule(fast.gaz)


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in TEXTS]


def _corpus_texts() -> list[str]:
    out = []
    for path in CORPORA:
        if path.is_file():
            with path.open(encoding="utf-8") as f:
                out += [json.loads(line)["text"] for line in f if line.strip()]
    return out


def _check_every_run(rec: R.Recogniser, text: str, monkeypatch) -> int:
    """Put every candidate run of ``text`` to every rule; return how many runs were checked."""
    seen = [0]
    plain_reject = R.Recogniser._reject

    def reject(self, text, toks, i, j, key, sent_first, people, lower):
        if key not in people:
            run = R._Run(self, text, toks, i, j, key, sent_first, people, lower)
            facts = self._name(key).facts
            for rule in R.REJECTIONS:
                if rule.test(run):
                    assert not rule.single or run.single, (rule.name, key)
                    assert not (rule.unless & facts), (rule.name, key, facts)
                    assert not rule.around or run.named, (rule.name, key)
                    assert rule.needs & run.around == rule.needs, (rule.name, key, run.around)
            seen[0] += 1
        return plain_reject(self, text, toks, i, j, key, sent_first, people, lower)

    monkeypatch.setattr(R.Recogniser, "_reject", reject)
    rec.recognise(text)
    monkeypatch.undo()
    return seen[0]


def test_no_rule_holds_where_the_shortcut_skips_it(recognisers, monkeypatch):
    fast, _ = recognisers
    runs = sum(_check_every_run(fast, text, monkeypatch) for text in _texts())
    assert runs >= 150


def test_the_shortcut_finds_what_every_rule_finds(recognisers):
    fast, plain = recognisers
    for text in _texts():
        assert fast.recognise(text) == plain.recognise(text)


def test_the_same_over_the_development_corpora(recognisers, monkeypatch):
    texts = _corpus_texts()
    if not texts:
        pytest.skip("no ../shared/data/eval corpora beside the checkout")
    fast, plain = recognisers
    runs = 0
    for text in texts:
        assert fast.recognise(text) == plain.recognise(text)
        runs += _check_every_run(fast, text, monkeypatch)
    assert runs >= 10_000


NAMES = st.sampled_from(["Georgia", "Paris", "Jordan", "Chad", "Turkey", "American", "French", "Washington",
                         "Kim", "Lincoln", "Jackson", "Columbus", "Nice", "Reading", "Mobile", "Zaire", "Ebola",
                         "Madrid", "Real", "Air", "Bank", "Indian", "Olympic", "US", "UK", "DAC", "Chinese",
                         "Said", "Police", "Monday", "Mr.", "Gov.", "J.", "de", "Street", "Road", "County"])
GLUE = st.sampled_from([" ", " ", " ", ", ", ". ", " said ", " in ", " of ", " and ", "'s ", " & ", "-",
                        " virus ", " United ", " Airlines ", ", 34, ", " administration ", "\n\n"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(NAMES, GLUE), min_size=1, max_size=12))
def test_generated_sentences(recognisers, monkeypatch, parts):
    fast, plain = recognisers
    text = "".join(a + b for a, b in parts)
    assert fast.recognise(text) == plain.recognise(text)
    _check_every_run(fast, text, monkeypatch)
