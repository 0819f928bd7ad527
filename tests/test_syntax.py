"""The lazy dependency parser: loaded only when a caller asks, one Doc per candidate sentence."""

from __future__ import annotations

import subprocess
import sys

from geoviz.nlp.syntax import parse_spans


def test_importing_geoviz_and_parsing_places_does_not_load_spacy() -> None:
    code = ("import sys, geoviz; geoviz.parse('Kim arrived in Khasan, near Vladivostok.'); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_parse_spans_gives_one_doc_per_sentence_with_its_relations() -> None:
    text = "Dvani is a village in Georgia. It lies seven kilometres south-west of Tskhinvali."
    first, second = parse_spans(text, [(0, 30), (31, len(text))])
    assert first[0].text == "Dvani" and first[0].dep_ == "nsubj"
    subject = next(t for t in second if t.dep_ == "nsubj")
    assert subject.text == "It" and subject.head.text == "lies"
    assert second[-2].text == "Tskhinvali" and second[-2].dep_ == "pobj"
    assert parse_spans(text, []) == []
