"""Parse time and memory against input size: the curve must be linear.

    python bench/size.py [--max-mb 20]

Builds articles by repeating the seed (plus a 100,000-line file of short
lines), parses each once, and prints seconds, MB/s and peak RSS growth. A
linear parser shows a flat MB/s column.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import geoviz
from geoviz.claims import find_distance_statements

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "kim-putin-summit.txt").read_text(encoding="utf-8")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, text: str) -> None:
    t = time.perf_counter()
    doc = geoviz.parse(text)
    parse_s = time.perf_counter() - t
    t = time.perf_counter()
    claims = find_distance_statements(text)
    claim_s = time.perf_counter() - t
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{label:>22} {mb:7.2f} MB  parse {parse_s:7.2f} s ({mb / parse_s:5.2f} MB/s)  "
          f"claims {claim_s:6.2f} s  places {len(doc.places):3}  statements {len(claims):5}  "
          f"peak RSS {rss_mb():7.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-mb", type=float, default=20.0)
    a = ap.parse_args()
    geoviz.parse(SEED)  # warm the gazetteer
    size = 1.25
    while size <= a.max_mb + 1e-9:
        reps = max(1, int(size * 1e6 / len(SEED.encode("utf-8"))))
        measure(f"seed x{reps}", "\n".join([SEED] * reps))
        size *= 2
    lines = "\n".join(f"Line {i}: flooding reported near Paris, Texas, and Lyon." for i in range(100_000))
    measure("100,000 short lines", lines)


if __name__ == "__main__":
    main()
