"""`geoviz batch` at scale: throughput on 1 vs 2 cores, and peak memory on 1x vs 10x a corpus.

    pip install -e ".[batch]"      # dask[distributed] (psutil comes with it), pyarrow, pandas
    python bench/batch.py [--corpus ../shared/data/eval/lgl.jsonl] [--articles 5000] [--runs 3]
    python bench/batch.py --per-article [--runs 3]   # what one worker spends per article: analyse(), events

``--per-article`` times, in this process, ``analyse()`` and the events +
journeys stage alone (on the same parsed documents) over every article of the
corpus, in CPU milliseconds per article (CPU time: the neighbours on a shared
machine do not count), median of ``--runs`` passes after a warm-up.

Every measurement runs the real command (``geoviz batch IN -o OUT``) in a fresh
process, so the figures include interpreter start, worker spawn and writing
Parquet: what a user waits for. The corpus is the development corpus
replicated (ids made unique) to ``--articles`` articles for throughput, and to
1x and 10x for memory. Peak memory is sampled every 20 ms over the whole
process tree (driver + worker processes) with psutil: the sum is what the
machine must have; the largest single process shows no worker grows with the
corpus.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the checkout, or two levels up from a worktree under wt/
DEFAULT = next((f for f in (ROOT.parent / "shared" / "data" / "eval" / "lgl.jsonl",
                            ROOT.parent.parent / "shared" / "data" / "eval" / "lgl.jsonl") if f.is_file()),
               ROOT.parent / "shared" / "data" / "eval" / "lgl.jsonl")


def replicate(corpus: Path, out: Path, *, articles: int | None = None, times: int | None = None) -> int:
    """Write the corpus over and over (streaming) until ``articles`` lines or ``times`` copies; unique ids."""
    lines = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    target = articles if articles is not None else len(lines) * (times or 1)
    with out.open("w", encoding="utf-8") as f:
        for k in range(target):
            d = lines[k % len(lines)]
            f.write(json.dumps({"id": f"{d.get('id', k)}-{k // len(lines)}", "text": d["text"]},
                               ensure_ascii=False) + "\n")
    return target


def run_command(src: Path, out: Path, workers: int) -> dict[str, Any]:
    """One `geoviz batch` in a child process; wall time and sampled peak RSS of its process tree."""
    import psutil

    cmd = [sys.executable, __file__, "--child", str(src), str(out), str(workers)]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker CPU lands here once the command exits
    cpu0 = usage.ru_utime + usage.ru_stime
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    root = psutil.Process(proc.pid)
    peak_sum = 0
    per_pid: dict[int, int] = {}
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                per_pid[p.pid] = max(per_pid.get(p.pid, 0), rss)
            peak_sum = max(peak_sum, total)
        except psutil.Error:
            pass
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = cpu.ru_utime + cpu.ru_stime - cpu0
    stdout = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        raise SystemExit(f"geoviz batch failed ({proc.returncode})")
    report = json.loads(stdout)
    driver = per_pid.pop(proc.pid, 0)
    return {"wall_s": wall, "cpu_s": cpu_s, "report": report, "peak_tree_mb": peak_sum / 2**20,
            "peak_driver_mb": driver / 2**20, "peak_worker_mb": max(per_pid.values(), default=0) / 2**20,
            "processes": 1 + len(per_pid)}


def child(src: str, out: str, workers: str) -> int:
    """The `geoviz batch` command itself (registered here in case cli.py does not import it yet)."""
    from geoviz.cli.main import main

    return main(["batch", src, "-o", out, "--workers", workers, "--no-progress", "--json"])


def per_article(corpus: Path, runs: int) -> None:
    """CPU ms per article of analyse() and of extract_events + extract_journeys (what batch spends per article)."""
    from geoviz.geo.gazetteer import default_gazetteer
    from geoviz.pipeline import analyse, parse
    from geoviz.story.context import StoryContext
    from geoviz.story.events import extract_events
    from geoviz.story.journeys import extract_journeys

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8") if line.strip()]
    docs = [parse(t) for t in texts]
    for t in texts[:20]:
        analyse(t)

    def cpu_ms(fn: Any, items: list[Any]) -> list[float]:
        out = []
        for _ in range(runs):
            t0 = time.process_time()
            for x in items:
                fn(x)
            out.append(1000 * (time.process_time() - t0) / len(items))
        return out

    whole = cpu_ms(analyse, texts)
    capital_of = default_gazetteer().capital

    def story(doc: Any) -> None:
        ctx = StoryContext.read(doc)  # as the pipeline does: one reading per document, shared
        extract_events(ctx)
        extract_journeys(ctx, capital_of)

    events = cpu_ms(story, docs)
    print(f"\n{corpus.name}: {len(texts)} articles, CPU ms per article, median of {runs}\n")
    print("| stage | ms | runs |\n|---|---|---|")
    for name, xs in (("analyse() (parse + claims + events + scene)", whole), ("events + journeys", events)):
        print(f"| {name} | {statistics.median(xs):.2f} | {', '.join(f'{x:.2f}' for x in xs)} |")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--articles", type=int, default=5000, help="replicate the corpus to this many articles")
    ap.add_argument("--runs", type=int, default=3, help="runs per setting (median reported)")
    ap.add_argument("--per-article", action="store_true", help="time analyse() and events per article, then stop")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        raise SystemExit(child(*a.child))
    if a.per_article:
        per_article(a.corpus, a.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        big = d / "corpus.jsonl"
        n = replicate(a.corpus, big, articles=a.articles)
        rates: dict[int, list[float]] = {1: [], 2: []}
        inner: dict[int, list[float]] = {1: [], 2: []}
        per_cpu: dict[int, list[float]] = {1: [], 2: []}
        for run in range(a.runs):
            for workers in (1, 2):
                r = run_command(big, d / f"out-{workers}-{run}", workers)
                rates[workers].append(n / r["wall_s"])
                inner[workers].append(r["report"]["articles_per_s"])
                per_cpu[workers].append(n / r["cpu_s"])
        one, two = statistics.median(rates[1]), statistics.median(rates[2])
        i1, i2 = statistics.median(inner[1]), statistics.median(inner[2])
        print(f"\n## geoviz batch throughput: {a.corpus.name} replicated to {n:,} articles "
              f"({big.stat().st_size / 2**20:.1f} MiB), median of {a.runs}\n")
        print("| workers | articles/s (whole command) | articles/s (inside run_batch) | articles/CPU-s | runs |")
        print("|---|---|---|---|---|")
        for w in (1, 2):
            print(f"| {w} | {statistics.median(rates[w]):,.0f} | {statistics.median(inner[w]):,.0f} | "
                  f"{statistics.median(per_cpu[w]):,.0f} | {', '.join(f'{x:.0f}' for x in rates[w])} |")
        print(f"\n2 cores / 1 core: {two / one:.2f}x (whole command), {i2 / i1:.2f}x (inside run_batch)")

        print(f"\n## geoviz batch peak memory (2 workers): {a.corpus.name} 1x vs 10x\n")
        print("| corpus | articles | MiB | partitions | seconds | CPU s | processes | peak RSS driver | "
              "peak RSS largest worker | peak RSS all processes |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for times in (1, 10):
            src = d / f"x{times}.jsonl"
            m = replicate(a.corpus, src, times=times)
            r = run_command(src, d / f"mem-{times}", 2)
            print(f"| {times}x | {m:,} | {src.stat().st_size / 2**20:.1f} | {r['report']['partitions']} | "
                  f"{r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['processes']} | {r['peak_driver_mb']:.0f} MB | "
                  f"{r['peak_worker_mb']:.0f} MB | {r['peak_tree_mb']:.0f} MB |")

if __name__ == "__main__":
    main()
