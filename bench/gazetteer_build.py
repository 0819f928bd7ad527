"""Time and peak memory of ``geoviz gazetteer build`` on synthetic GeoNames dumps of growing size.

    PYTHONPATH=$PWD python bench/gazetteer_build.py [--rows 500000,1000000,2000000] [--json]

Each dump is generated on the fly (19-column GeoNames rows with fictional ids
from 1,000,000,000: populated places, neighbourhoods, facilities, natural
features, with names drawn from a small syllable set so many names repeat, as
in the real dump), written to a temporary file, and built in a fresh
subprocess, so the peak RSS measured is the build's alone. The claim checked:
time grows linearly with rows, memory does not grow with them.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (class, code, share): roughly the mix the kept part of allCountries has.
MIX = [("P", "PPL", 0.55), ("P", "PPLX", 0.05), ("A", "ADM4", 0.05), ("S", "HSP", 0.03), ("S", "CH", 0.07),
       ("S", "SCHC", 0.02), ("T", "MT", 0.08), ("T", "HLL", 0.05), ("H", "STM", 0.08), ("H", "LK", 0.02)]
SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sel", "or", "bu", "tan", "ri", "el", "gos", "wen", "pha", "zu"]
COUNTRIES = ["US", "FR", "DE", "GB", "IN", "BR", "CN", "RU", "NG", "MX", "IT", "ES", "CA", "AU", "JP"]


def synthetic_dump(path: Path, rows: int, seed: int = 18) -> None:
    rng = random.Random(seed)
    codes = [(c, f) for c, f, _ in MIX]
    weights = [w for *_, w in MIX]
    with path.open("w", encoding="utf-8") as f:
        for i in range(rows):
            fclass, code = rng.choices(codes, weights)[0]
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            alts = ",".join(name + s for s in ("a", "o")) if rng.random() < 0.2 else ""
            pop = int(rng.paretovariate(1.2) * 100) if fclass == "P" else 0
            f.write("\t".join([str(1_000_000_000 + i), name, name, alts, f"{rng.uniform(-60, 70):.5f}",
                               f"{rng.uniform(-180, 180):.5f}", fclass, code, rng.choice(COUNTRIES), "", "01",
                               "", "", "", str(pop), "", "100", "Etc/UTC", "2026-01-01"]) + "\n")


def build_once(dump: Path, out: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS MB of the build subprocess, store bytes)."""
    # The child reports its own peak RSS (KB on Linux): RUSAGE_CHILDREN would give the max over all runs.
    code = ("import sys, resource; from pathlib import Path; from geoviz.geo.fullbuild import build_full_store; "
            "build_full_store([Path(sys.argv[1])], Path(sys.argv[2]), progress=None); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(dump), str(out)], check=True, capture_output=True,
                          text=True)
    seconds = time.perf_counter() - t0
    peak_kb = int(done.stdout.split()[-1])
    return seconds, peak_kb / 1024, (out / "gazetteer.sqlite").stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="500000,1000000,2000000")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    sizes = sorted(int(x) for x in a.rows.split(","))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            dump = Path(tmp) / f"synthetic-{n}.txt"
            synthetic_dump(dump, n)
            seconds, peak_mb, size = build_once(dump, Path(tmp) / f"store-{n}")
            results.append({"rows": n, "dump_mb": round(dump.stat().st_size / 1e6, 1), "seconds": round(seconds, 1),
                            "rows_per_s": round(n / seconds), "peak_rss_mb": round(peak_mb),
                            "store_mb": round(size / 1e6, 1)})
            dump.unlink()
            if not a.json:
                r = results[-1]
                print(f"{n:>9,} rows  dump {r['dump_mb']:>7} MB  build {r['seconds']:>6} s  "
                      f"({r['rows_per_s']:,} rows/s)  peak RSS {r['peak_rss_mb']} MB  store {r['store_mb']} MB",
                      flush=True)
    if a.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
