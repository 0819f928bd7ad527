"""``geoviz geocode``, ``geoviz reverse`` and ``geoviz gazetteer build|download|info``: the gazetteer's commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from geoviz.cli.common import CliError, plain, positive_int, print_json, table
from geoviz.geo.gazetteer import Gazetteer, default_gazetteer
from geoviz.geo.stores import chosen_store, data_dir


def cmd_geocode(a: argparse.Namespace) -> int:
    g = default_gazetteer()
    entries = g.lookup(a.name, a.limit)
    scores: dict[str, float] = {}
    if not entries and not a.exact:
        fuzzy = g.fuzzy(a.name, a.limit)
        entries = [e for e, _ in fuzzy]
        scores = {e.id: s for e, s in fuzzy}
    out = []
    for e in entries:
        d = {"name": e.name, "lat": e.lat, "lon": e.lon, "kind": e.kind, "country": e.country,
             "admin1": e.admin1_name, "population": e.population, "source": e.source, "id": e.id}
        if e.id in scores:
            d["fuzzy_score"] = round(scores[e.id], 1)
        out.append(d)
    if a.json:
        print_json(out)
    elif not out:
        print(f"no place named {plain(repr(a.name))}")
    else:
        print(table([[i + 1, d["name"], d["kind"], d["country"], d["admin1"], f"{d['lat']:.5f}",
                       f"{d['lon']:.5f}", d["population"], d["id"]] for i, d in enumerate(out)],
                     ["#", "name", "kind", "country", "admin1", "lat", "lon", "population", "id"]))
    return 0 if out else 1


def cmd_reverse(a: argparse.Namespace) -> int:
    try:
        res = default_gazetteer().reverse(a.lat, a.lon)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if a.json:
        print_json(res.to_dict())
        return 0
    where = ", ".join(x for x in (res.country_name, res.admin1_formal or res.admin1_name) if x) or "no country"
    if res.admin1_formal and res.admin1_name and res.admin1_formal != res.admin1_name:
        where += f" ({res.admin1_name})"
    print(plain(where))
    if res.nearest:
        print(f"nearest place: {plain(res.nearest.name)} ({res.nearest_km:.1f} km)")
    return 0


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None


def _countries(text: str) -> list[str]:
    codes = [c.strip().upper() for c in text.split(",") if c.strip()]
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if bad or not codes:
        raise argparse.ArgumentTypeError(f"not ISO alpha-2 country codes: {text!r}")
    return codes


def _dump_files(path: Path) -> list[Path]:
    """``--geonames``: a dump file, or a folder holding allCountries.zip or XX.zip/XX.txt files."""
    if path.is_dir():
        whole = path / "allCountries.zip"
        if whole.is_file():
            return [whole]
        files = sorted(p for p in path.iterdir() if len(p.stem) == 2 and p.stem.isupper()
                       and p.suffix in (".zip", ".txt"))
        if not files:
            raise CliError(f"{path}: no allCountries.zip or XX.zip/XX.txt GeoNames files in it")
        return files
    return [path]


def cmd_build(a: argparse.Namespace) -> int:
    from geoviz.geo.fullbuild import build_full_store

    out = a.out or data_dir()
    report = build_full_store(_dump_files(a.geonames), out, countries=a.countries or (),
                              alternate_names=a.alternate_names, progress=None if a.quiet else sys.stderr)
    summary = {"store": str(report.out), "rows_read": report.rows_read, "entries_added": report.kept,
               "already_bundled": report.skipped_bundled, "alternate_names_added": report.alternate_names,
               "by_kind": dict(sorted(report.by_kind.items())), "seconds": round(report.seconds, 1),
               "bytes": report.out.stat().st_size}
    if a.json:
        print_json(summary)
    else:
        print(f"built {plain(str(report.out))}: {report.kept:,} entries added from {report.rows_read:,} rows "
              f"({report.skipped_bundled:,} already bundled), {summary['bytes'] / 1e6:,.1f} MB, "
              f"{report.seconds:,.1f} s")
    return 0


def cmd_download(a: argparse.Namespace) -> int:
    from geoviz.geo.download import download, file_names

    folder = a.dir or data_dir() / "geonames"
    names = file_names(a.countries or (), a.alternate_names)
    print(f"geoviz gazetteer download uses the network: fetching {', '.join(names)} from {a.url} "
          f"into {folder}", file=sys.stderr)
    got = download(names, folder, base=a.url, progress=None if a.quiet else sys.stderr)
    rows = [{"file": str(d.path), "bytes": d.bytes, "sha256": d.sha256, "reused": d.reused} for d in got]
    if a.json:
        print_json(rows)
    else:
        print(table([[r["file"], r["bytes"], r["sha256"][:16], "kept" if r["reused"] else "fetched"]
                     for r in rows], ["file", "bytes", "sha256", ""]))
        print(f"next: geoviz gazetteer build --geonames {plain(str(folder))}")
    return 0


def store_info(gaz: Gazetteer, how: str) -> dict[str, Any]:
    """Which store, its size, entries by kind, sources and build date: ``geoviz gazetteer info``."""
    counts = gaz.kind_counts()
    build = json.loads(gaz.meta["build"]) if "build" in gaz.meta else None
    return {"store": str(gaz.path), "chosen_by": how, "bytes": gaz.path.stat().st_size,
            "entries": sum(counts.values()), "by_kind": counts,
            "sources": json.loads(gaz.meta.get("sources", "{}")),
            "built": build["built"] if build else None, "build": build}


def cmd_info(a: argparse.Namespace) -> int:
    path, how = chosen_store()
    info = store_info(default_gazetteer(), how)
    if a.json:
        print_json(info)
        return 0
    print(f"store: {plain(info['store'])} ({how}, {info['bytes'] / 1e6:,.1f} MB)")
    print(f"built: {info['built'] or 'bundled with geoviz'}")
    print(f"entries: {info['entries']:,}")
    print(table([[k, f"{n:,}"] for k, n in info["by_kind"].items()], ["kind", "entries"]))
    print("sources:")
    for key, text in sorted(info["sources"].items()):
        print(f"  {key}: {plain(text)}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("geocode", help="ranked gazetteer candidates for a place name")
    p.add_argument("name")
    p.add_argument("--limit", type=positive_int, default=10)
    p.add_argument("--exact", action="store_true", help="no fuzzy fallback")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_geocode)

    p = sub.add_parser("reverse", help="country, province and nearest place of a point")
    p.add_argument("lat", type=_number)
    p.add_argument("lon", type=_number)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reverse)

    g = sub.add_parser("gazetteer", help="build, download or describe the gazetteer store")
    gsub = g.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    p = gsub.add_parser("build", help="build a full store from a GeoNames dump you downloaded")
    p.add_argument("--geonames", type=Path, required=True,
                   help="allCountries.zip, XX.zip or XX.txt, or a folder of them")
    p.add_argument("--countries", type=_countries, help="keep only these countries (e.g. GB,FR)")
    p.add_argument("--alternate-names", type=Path, help="alternateNamesV2.zip or .txt to add its names")
    p.add_argument("--out", type=Path, help=f"output folder (default: {data_dir()})")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_build)

    from geoviz.geo.download import DEFAULT_BASE

    p = gsub.add_parser("download", help="fetch GeoNames dump files (the only command that uses the network)")
    p.add_argument("--countries", type=_countries, help="per-country files instead of allCountries.zip")
    p.add_argument("--alternate-names", action="store_true", help="also fetch alternateNamesV2.zip")
    p.add_argument("--url", default=DEFAULT_BASE, help=f"where from (default {DEFAULT_BASE})")
    p.add_argument("--dir", type=Path, help=f"where to (default: {data_dir() / 'geonames'})")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_download)

    p = gsub.add_parser("info", help="which store is in use: entries by kind, sources, build date")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)
