"""Parse speed: articles per second over a corpus's texts, cold start, peak memory.

    python bench/parse.py [--corpus ../shared/data/eval/lgl.jsonl] [--runs 3] [--stage parse|analyse]

``--stage parse`` (the default) times :func:`geoviz.parse` (places only);
``--stage analyse`` times :func:`geoviz.analyse`, the whole ``geoviz parse
--json`` document (places, events, journeys, checked claims).

One process, one core. The first pass warms the caches (as a long-running
app or batch worker would be); the reported figure is the median of the
timed passes after it. Cold start is measured in fresh processes: import
geoviz, parse one article, exit.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "eval" / "lgl.jsonl"


def cold_start(runs: int = 3) -> float:
    code = ("import time; t=time.perf_counter(); import geoviz; "
            "geoviz.parse('Kim arrived in the border town of Khasan, near Vladivostok.'); "
            "print(time.perf_counter()-t)")
    return statistics.median(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                                  check=True).stdout) for _ in range(runs))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--stage", choices=["parse", "analyse"], default="parse")
    a = ap.parse_args()
    texts = [json.loads(line)["text"] for line in a.corpus.open(encoding="utf-8") if line.strip()]
    import geoviz

    run = geoviz.parse if a.stage == "parse" else geoviz.analyse
    cold = cold_start()
    for t in texts:  # warm-up pass
        run(t)
    rates = []
    cpu_rates = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        for t in texts:
            run(t)
        rates.append(len(texts) / (time.perf_counter() - t0))
        # CPU time is what one core gives when the machine is busy with others.
        cpu_rates.append(len(texts) / (time.process_time() - c0))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(map(len, texts)) / len(texts)
    print(f"corpus               {a.corpus.name}: {len(texts)} articles, {chars:,.0f} chars on average")
    print(f"{a.stage + ' throughput':21}{statistics.median(rates):8.1f} articles/s  (median of {a.runs} warm passes, "
          f"1 core; runs {', '.join(f'{r:.0f}' for r in rates)})")
    print(f"per CPU-second       {statistics.median(cpu_rates):8.1f} articles/CPU-s (robust to other load)")
    print(f"cold start           {cold:8.2f} s   (import + first parse, fresh process, median of 3)")
    print(f"peak memory (RSS)    {peak:8.1f} MB")


if __name__ == "__main__":
    main()
