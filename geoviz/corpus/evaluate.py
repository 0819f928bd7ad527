"""Measure geoparsing on a JSONL corpus, per the protocol in DESIGN.md.

Corpus lines: ``{id, text, toponyms: [{start, end, name, lat, lon, geonameid}]}``.

* ``resolve``: the gold spans are given; each gets one coordinate.
  ``acc161``, ``mean_km``, ``median_km``, ``auc`` (Gritta et al.: area under
  the sorted log(1+error) curve over log(20039)), ``n``, ``coverage``; an
  unresolved toponym counts as wrong at 20,039 km. Beyond the protocol,
  ``ceiling_acc161``: the share of gold spans for which *some* reading the
  resolver weighed (the gazetteer's entries for the name, or its pick) lies
  within 161 km, i.e. what a perfect choice among the readings would score.
  It separates ranking errors from names the bundled gazetteer cannot place
  (streets, schools, a corpus's own conventions for a region's point); the
  ``--errors`` dump marks each miss ``reachable`` accordingly.
* ``end-to-end``: from raw text. A predicted mention matches a gold toponym
  when the spans overlap; it is correct when within 161 km.
  ``precision = correct / predicted``, ``recall = correct / gold``, ``f1``,
  and ``articles_per_s``.
"""

from __future__ import annotations

import io
import json
import math
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

from geoviz.errors import GeovizError
from geoviz.geo.gazetteer import Gazetteer
from geoviz.geoparse.recognise import AGENT_VERBS, _qualify, _trigger, state_abbreviation
from geoviz.geoparse.resolve import Resolver
from geoviz.model import Mention
from geoviz.nlp.names import fold
from geoviz.pipeline import parse, pipeline

__all__ = ["ACC_KM", "MAX_CORPUS_BYTES", "MAX_KM", "EvaluateError", "Gold", "auc", "evaluate", "read_corpus"]

MAX_KM = 20039.0
ACC_KM = 161.0


class EvaluateError(GeovizError, ValueError):
    """A corpus line that is not a corpus record, or a mode that does not exist: one line for the CLI."""


@dataclass
class Gold:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None


#: A corpus is read whole (to detect its encoding like an article's); evaluation corpora are a few MB.
MAX_CORPUS_BYTES = 1 << 30


def read_corpus(path: str | Path) -> Iterator[tuple[str, str, list[Gold]]]:
    """(id, text, gold toponyms) per JSONL record; a bad file or record raises :class:`EvaluateError` naming the line.

    The encoding is detected like an article's (UTF-8 with or without BOM,
    UTF-16/32, 8-bit), so a corpus saved as UTF-16 on Windows still reads;
    a missing, empty, binary or unreadable file raises :class:`InputError`.
    """
    from geoviz.article import decode, read_bytes

    text = decode(read_bytes(path, MAX_CORPUS_BYTES), str(path))
    # Records are split on "\n" only: a JSON string may hold U+2028, which str.splitlines would split on.
    for n, line in enumerate(io.StringIO(text), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluateError(f"{path}:{n}: not JSON ({exc.msg})") from None
        try:
            gold = [Gold(t["start"], t["end"], t["name"], t.get("lat"), t.get("lon")) for t in d.get("toponyms", [])]
            yield str(d.get("id", n)), d["text"], gold
        except (KeyError, TypeError, AttributeError) as exc:
            raise EvaluateError(f"{path}:{n}: not a corpus record ({type(exc).__name__}: {exc}); see the README's "
                                "evaluation protocol") from None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    # Great circle is plenty for a 161 km threshold and 10x faster than Karney.
    return great_circle(a, b).km


def auc(errors: list[float]) -> float:
    """Area under the curve of sorted log(1+error), normalised to [0, 1] (lower is better)."""
    if len(errors) < 2:
        return math.log1p(errors[0]) / math.log(MAX_KM) if errors else 0.0
    ys = [math.log1p(e) for e in sorted(errors)]
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / ((len(ys) - 1) * math.log(MAX_KM))


def _gold_mentions(text: str, gold: list[Gold], demonyms: dict) -> list[Mention]:
    out = []
    for g in gold:
        key = state_abbreviation(g.name) or fold(g.name)
        form = "demonym" if key in demonyms else "name"
        out.append(Mention(start=g.start, end=g.end, text=g.name, key=key, form=form,
                           trigger=_trigger(text, g.start, g.end),
                           agentive=bool(AGENT_VERBS.match(text[g.end:g.end + 40]))))
    return out


def _reachable(resolver: Resolver, m: Mention, g: Gold) -> bool:
    """Whether any gazetteer reading of the gold span's name lies within ACC_KM of the gold point."""
    form = "demonym" if m.form == "demonym" else "name"
    return any(_km((e.lat, e.lon), (g.lat, g.lon)) <= ACC_KM for e, _, _ in resolver.candidates(m.key, form))


def evaluate(path: str | Path, mode: str = "resolve", *, gazetteer: Gazetteer | None = None,
             errors_path: str | Path | None = None, limit: int | None = None) -> dict[str, Any]:
    if mode not in ("resolve", "end-to-end"):
        raise EvaluateError(f"mode must be 'resolve' or 'end-to-end', not {mode!r}")
    recogniser, resolver = pipeline(gazetteer)
    dump: list[dict[str, Any]] = []
    errs: list[float] = []
    resolved = reachable_total = 0
    predicted = correct = gold_total = 0
    articles = 0
    t0 = time.perf_counter()
    for doc_id, text, gold in read_corpus(path):
        if limit is not None and articles >= limit:
            break
        articles += 1
        gold = [g for g in gold if g.lat is not None and g.lon is not None]
        if mode == "resolve":
            # The gold spans get the answers; the recogniser's other mentions
            # in the same text still count as context, as they would for a reader.
            ms = _gold_mentions(text, gold, recogniser.demonyms)
            ms += [m for m in recogniser.find(text) if not any(m.start < g.end and g.start < m.end for g in gold)]
            ms.sort(key=lambda m: m.start)
            # Qualifiers ("Paris, Texas") are read off the merged spans as the recogniser would.
            _qualify(text, ms)
            places = resolver.resolve(ms, text)
            at = {(s.start, s.end): p for p in places for s in p.mentions}
            given = {(m.start, m.end): m for m in ms}
            for g in gold:
                p = at.get((g.start, g.end))
                if p is None:
                    e = MAX_KM
                else:
                    resolved += 1
                    e = _km((p.lat, p.lon), (g.lat, g.lon))
                errs.append(e)
                reachable = e <= ACC_KM or _reachable(resolver, given[(g.start, g.end)], g)
                reachable_total += reachable
                if e > ACC_KM:
                    dump.append({"id": doc_id, "name": g.name, "start": g.start, "gold": [g.lat, g.lon],
                                 "pred": None if p is None else [p.lat, p.lon, p.name, p.kind, p.country, p.id],
                                 "km": round(e, 1), "reachable": reachable,
                                 "context": text[max(0, g.start - 60):g.end + 60]})
        else:
            doc = parse(text, gazetteer=gazetteer)
            gold_total += len(gold)
            hit_gold: set[int] = set()
            for p in doc.places:
                for s in p.mentions:
                    predicted += 1
                    match = next((k for k, g in enumerate(gold) if g.start < s.end and s.start < g.end), None)
                    if match is None:
                        dump.append({"id": doc_id, "type": "spurious", "text": s.text, "pred": [p.name, p.kind,
                                     p.country], "context": text[max(0, s.start - 60):s.end + 60]})
                        continue
                    g = gold[match]
                    e = _km((p.lat, p.lon), (g.lat, g.lon))
                    if e <= ACC_KM:
                        correct += 1
                        hit_gold.add(match)
                    else:
                        dump.append({"id": doc_id, "type": "wrong", "text": s.text, "gold": [g.lat, g.lon],
                                     "pred": [p.name, p.kind, p.country, p.lat, p.lon], "km": round(e),
                                     "context": text[max(0, s.start - 60):s.end + 60]})
            for k, g in enumerate(gold):
                if k not in hit_gold and not any(g.start < s.end and s.start < g.end
                                                 for p in doc.places for s in p.mentions):
                    dump.append({"id": doc_id, "type": "missed", "text": g.name,
                                 "context": text[max(0, g.start - 60):g.end + 60]})
    seconds = time.perf_counter() - t0
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as f:
            for d in dump:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    if mode == "resolve":
        n = len(errs)
        return {"mode": mode, "corpus": str(path), "n": n, "articles": articles,
                "acc161": round(sum(e <= ACC_KM for e in errs) / n, 4) if n else 0.0,
                "mean_km": round(statistics.fmean(errs), 1) if n else 0.0,
                "median_km": round(statistics.median(errs), 1) if n else 0.0,
                "auc": round(auc(errs), 4) if n else 0.0,
                "coverage": round(resolved / n, 4) if n else 0.0,
                "ceiling_acc161": round(reachable_total / n, 4) if n else 0.0,
                "articles_per_s": round(articles / seconds, 1) if seconds else 0.0}
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"mode": mode, "corpus": str(path), "articles": articles, "gold": gold_total, "predicted": predicted,
            "correct": correct, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "articles_per_s": round(articles / seconds, 1) if seconds else 0.0}
