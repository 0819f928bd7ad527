"""How the resolver holds up with 40x the candidates: 40 same-named decoys for every name it reads.

    PYTHONPATH=$PWD python bench/gazetteer_decoys.py [--per-name 40]

Every place the bundled store pins in the project's own sample and test articles
(seeds/, tests/articles/) gets ``--per-name`` decoys of its name
(tests/geonames_fixture.decoy_rows: villages of under 500 people abroad, and
neighbourhoods, facilities and landmarks, half of them in the place's own
country), built into a full store through ``geoviz gazetteer build``'s code.
The articles are read again with that store; each mention the bundled store
pinned is reported as kept, still right but no longer pinned (confidence spread
over the decoys), or moved (to what). docs/gazetteer.md quotes the result.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import geoviz
from geoviz.geo.fullbuild import build_full_store
from geoviz.geo.gazetteer import Gazetteer
from tests.geonames_fixture import (  # run from the repository root with PYTHONPATH=$PWD
    OWN_ARTICLES,
    decoy_rows,
    pinned_in,
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-name", type=int, default=40)
    a = ap.parse_args()
    articles = OWN_ARTICLES
    pins, places = pinned_in(articles, Gazetteer())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "XX.txt").write_text("\n".join(decoy_rows(places, a.per_name)) + "\n", encoding="utf-8")
        full = Gazetteer(build_full_store([folder / "XX.txt"], folder / "store", progress=None).out)
        counts = {"kept": 0, "unpinned": 0, "moved": 0}
        for path in articles:
            text = path.read_text(encoding="utf-8")
            doc = geoviz.analyse(text, gazetteer=full)
            pinned = {(m["start"], p["id"]) for p in doc["places"] for m in p["mentions"]}
            listed = {(m["start"], p["id"]) for p in doc["uncertain"] for m in p["mentions"]}
            now = {start: pid for start, pid in pinned | listed}
            for start, pid in pins[path.name]:
                word = text[start:].split(None, 1)[0]
                if (start, pid) in pinned:
                    counts["kept"] += 1
                elif (start, pid) in listed:
                    counts["unpinned"] += 1
                    print(f"{path.name}: {word} ({pid}) still right, not pinned")
                else:
                    counts["moved"] += 1
                    moved_to = full.get(now[start]) if start in now else None
                    what = f"{moved_to.feature_code} {moved_to.country} pop {moved_to.population}" if moved_to else "-"
                    print(f"{path.name}: {word} ({pid}) moved to {now.get(start)} ({what})")
    print(f"{len(articles)} articles, {len(places)} names x {a.per_name} decoys, {sum(counts.values())} pinned "
          f"mentions: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
