"""Reliability of the resolver's confidence: bin predictions by confidence, report the share right.

    python bench/calibration.py [CORPUS.jsonl ...]   (default: LGL and GeoWebNews)

Every place ``geoviz.parse`` reports, pinned or not (``places`` and ``uncertain``), is matched to the
gold toponym its mention overlaps; it is right when within 161 km of it. A mention that overlaps no
gold toponym is counted apart ("not a gold place": a person, a firm, or a place the annotators left
out), since the corpora do not say what it is. docs/places.md keeps the table this prints.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from geoviz.geo.geodesy import great_circle_pair_km

ACC_KM = 161.0
EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "eval"
BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)


def predictions(path: Path) -> list[tuple[float, bool | None, bool]]:
    """(confidence, right or None when no gold toponym overlaps, pinned) per predicted mention."""
    import geoviz

    out = []
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        art = json.loads(line)
        gold = [g for g in art["toponyms"] if g.get("lat") is not None]
        doc = geoviz.parse(art["text"])
        for pinned, places in ((True, doc.places), (False, doc.uncertain)):
            for p in places:
                for m in p.mentions:
                    g = next((g for g in gold if g["start"] < m.end and m.start < g["end"]), None)
                    right = None if g is None else great_circle_pair_km(p.lat, p.lon, g["lat"], g["lon"]) <= ACC_KM
                    out.append((p.confidence, right, pinned))
    return out


def table(preds: list[tuple[float, bool | None, bool]]) -> list[str]:
    rows = ["| confidence | mentions | right (of gold-matched) | not a gold place | pinned |",
            "|---|---|---|---|---|"]
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [p for p in preds if lo <= p[0] < hi or (hi == 1.0 and p[0] == 1.0)]
        if not inside:
            continue
        matched = [r for _, r, _ in inside if r is not None]
        right = sum(matched) / len(matched) if matched else float("nan")
        other = sum(r is None for _, r, _ in inside) / len(inside)
        pinned = sum(p for _, _, p in inside) / len(inside)
        rows.append(f"| {lo:.2f}–{hi:.2f} | {len(inside)} | {right:.2f} ({len(matched)}) | {other:.2f} "
                    f"| {pinned:.2f} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=[EVAL / "lgl.jsonl", EVAL / "geowebnews.jsonl"])
    a = ap.parse_args()
    for path in a.corpora:
        print(f"\n{path.name}")
        print("\n".join(table(predictions(path))))


if __name__ == "__main__":
    main()
