"""``geoviz geocode`` and ``geoviz reverse``: the gazetteer's own commands."""

from __future__ import annotations

import argparse
from typing import Any

from geoviz.cli.common import CliError, plain, positive_int, print_json, table
from geoviz.geo.gazetteer import default_gazetteer


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

