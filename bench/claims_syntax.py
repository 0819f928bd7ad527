"""Rules against syntax for a claim's subject, on the claims development set (issue #20).

    python bench/claims_syntax.py rules|spacy [N_ROWS]

``spacy`` replaces only the step that finds the sentence's subject
(``geoviz.claims.attach._subject_clause``) with the nominal subject of the verb
that governs the figure in spaCy's parse of that sentence (the first place of
its subtree, or the article's place for a pronoun); everything else stays as
shipped. Prints the scorer's summary and the time spent, parse time apart.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import geoviz
from geoviz.claims import attach
from geoviz.nlp.syntax import parse_spans

EVAL = Path(__file__).resolve().parent.parent.parent / "shared"
PARSE = {"seconds": 0.0, "sentences": 0}


def spacy_subject_clause(st: Any, doc: Any, mentions: list, exclude: set[str]) -> tuple[Any, bool]:
    t = time.perf_counter()
    (sent,) = parse_spans(doc.text, [(st.sentence_start, st.sentence_end)])
    PARSE["seconds"] += time.perf_counter() - t
    PARSE["sentences"] += 1
    rel = st.start - st.sentence_start
    tok = next((t for t in sent if t.idx <= rel < t.idx + len(t) + 1), None)
    if tok is None:
        return None, False
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and head.dep_ in ("conj", "advcl", "acl", "relcl"):
        subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None, False
    lo = st.sentence_start + min(t.idx for t in subj.subtree)
    hi = st.sentence_start + max(t.idx + len(t) for t in subj.subtree)
    zone = [m for m in attach._usable(mentions, exclude) if lo <= m.start and m.end <= hi]
    if zone:
        return zone[0], True
    if attach._ANAPHOR_RE.search(doc.text, lo, hi):
        return attach._topic_or_previous(st, doc, exclude), True
    topic = doc.topic
    if topic is not None and topic.place.id not in exclude and topic.text in doc.text[lo:hi]:
        return topic, True
    return None, False


def main() -> None:
    sys.path.insert(0, str(EVAL / "tools"))
    import score_story

    mode = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    if mode == "spacy":
        attach._subject_clause = spacy_subject_clause
    with open(EVAL / "data" / "eval" / "claims-dev.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f][:limit]
    score_story.ANALYSE = geoviz.analyse
    t = time.perf_counter()
    res = score_story.score_claims(rows, True, [])
    print(mode, res["summary"], f"total {time.perf_counter() - t:.1f} s; parse {PARSE['seconds']:.2f} s over "
          f"{PARSE['sentences']} sentences")


if __name__ == "__main__":
    main()
