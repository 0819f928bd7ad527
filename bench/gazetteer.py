"""Gazetteer speed and size: cold open, exact and fuzzy lookup latency, peak memory.

    python bench/gazetteer.py [--n 10000]

Names are drawn (seeded) from the store itself; medians are reported because
lookup latency has a long tail (first touches of cold pages).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time


def cold_open_seconds(runs: int = 5) -> float:
    code = ("import time; t=time.perf_counter(); from geoviz.geo.gazetteer import Gazetteer; "
            "g=Gazetteer(); g.lookup('Khasan'); print(time.perf_counter()-t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(runs)]
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    a = ap.parse_args()
    from geoviz.geo.gazetteer import Gazetteer

    cold = cold_open_seconds()
    g = Gazetteer()
    rng = random.Random(7)
    names = [r[0] for r in g._query("SELECT name FROM entries", ())]
    sample = rng.sample(names, a.n)

    exact = []
    for n in sample:
        t = time.perf_counter()
        g.lookup(n, 10)
        exact.append(time.perf_counter() - t)

    def typo(s: str) -> str:
        if len(s) < 4:
            return s
        i = rng.randrange(1, len(s) - 1)
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]

    t = time.perf_counter()
    g.fuzzy("warm up")
    fuzzy_index_s = time.perf_counter() - t
    fuzzy = []
    for n in sample[: max(1, a.n // 10)]:
        q = typo(n)
        t = time.perf_counter()
        g.fuzzy(q, 10)
        fuzzy.append(time.perf_counter() - t)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = g.path.stat().st_size / 1e6
    print(f"store size            {size_mb:8.1f} MB   (target <= 40)")
    print(f"cold open + 1 lookup  {cold * 1000:8.1f} ms   (median of 5 fresh processes; target < 500)")
    print(f"exact lookup median   {statistics.median(exact) * 1e6:8.1f} us   (n={len(exact)}; target < 50)")
    print(f"exact lookup p95      {sorted(exact)[int(len(exact) * .95)] * 1e6:8.1f} us")
    print(f"fuzzy index build     {fuzzy_index_s * 1000:8.1f} ms   (once per process, on first fuzzy query)")
    print(f"fuzzy lookup median   {statistics.median(fuzzy) * 1e3:8.2f} ms   (n={len(fuzzy)}; target < 5)")
    print(f"fuzzy lookup p95      {sorted(fuzzy)[int(len(fuzzy) * .95)] * 1e3:8.2f} ms")
    print(f"peak memory (RSS)     {peak_mb:8.1f} MB")


if __name__ == "__main__":
    main()
