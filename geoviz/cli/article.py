"""The article subcommands of ``geoviz``: parse, check, evaluate.

Kept apart from the gazetteer commands and the argument plumbing (:mod:`geoviz.cli.common`) so each
file stays one screen of plain glue over the library.
"""

from __future__ import annotations

import argparse
from typing import Any

from geoviz.article import read_article
from geoviz.cli.common import CliError, article_date, plain, positive_int, print_json, table
from geoviz.errors import InputError
from geoviz.nlp.text import count

#: The story sections the plain output counts, in the words a reader uses ("1 journey", "2 distance claims").
_COUNTED = {"events": "event", "routes": "journey", "claims": "distance claim"}


def _analyse(a: argparse.Namespace) -> dict[str, Any]:
    from geoviz.pipeline import analyse

    text = read_article(a.file)
    return analyse(text, date=getattr(a, "date", None))


def cmd_parse(a: argparse.Namespace) -> int:
    result = _analyse(a)
    if a.json:
        print_json(result)
        return 0
    rows = [[p["name"], p["kind"], p["country"], f"{p['lat']:.4f}", f"{p['lon']:.4f}", f"{p['confidence']:.2f}",
             len(p["mentions"]), "metonym" if p["metonym"] else ""] for p in result["places"]]
    print(table(rows, ["place", "kind", "country", "lat", "lon", "conf", "mentions", ""]) if rows
          else "no places found")
    if result.get("uncertain"):
        # Listed, not pinned: several towns share the name and the text does not say which.
        unsure = [f"{p['name']} ({1 + len(p['alternatives'])}+ readings)" for p in result["uncertain"]]
        print()
        print(plain(f"not pinned (uncertain): {', '.join(unsure)}; use --json for their readings"))
    for section, word in _COUNTED.items():
        if n := len(result.get(section) or ()):
            print(f"\n{count(n, word)}; use --json for details")
    return 0


def cmd_check(a: argparse.Namespace) -> int:
    claims = _analyse(a)["claims"]
    if a.json:
        print_json({"claims": claims})
        return 0
    if not claims:
        print("no distance statements found")
        return 0
    for c in claims:
        # Every claim shows both ends: a place, or the words the text uses and "(not resolved)".
        ends = [_end(c, "subject", "the subject"), _end(c, "anchor", "the anchor")]
        said = (f"not checked: {c.get('reason') or ''}" if c["verdict"] == "unresolved"
                else c.get("explanation") or "")
        print(plain(f"[{c['verdict']}] {ends[0]} -> {ends[1]}: {said}"))
        print(plain(f"    \"{c['sentence'][:160]}\""))
    return 0


def _end(claim: dict[str, Any], role: str, unnamed: str) -> str:
    """One end of a claim as ``geoviz check`` prints it: the place, or what the text names and "(not resolved)"."""
    name = claim.get(role) or unnamed
    return name if claim.get(f"{role}_id") else f"{name} (not resolved)"


def cmd_evaluate(a: argparse.Namespace) -> int:
    from geoviz.corpus.evaluate import evaluate

    try:
        result = evaluate(a.corpus, a.mode, errors_path=a.errors, limit=a.limit)
    except InputError:
        raise
    except (KeyError, ValueError) as exc:  # a bad record: the message names the file and line already
        raise CliError(str(exc)) from exc
    if not result.get("articles"):
        raise CliError(f"{a.corpus} holds no articles")
    if a.json:
        print_json(result)
    else:
        for k, v in result.items():
            print(plain(f"{k:16} {v}"))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="places (and events, routes, claims) of an article")
    p.add_argument("file", help="article file, or - for standard input")
    p.add_argument("--date", type=article_date, help="article date YYYY-MM-DD (dates weekdays and 'yesterday')")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("check", help="check the distances an article states against the geodesic")
    p.add_argument("file", help="article file, or - for standard input")
    p.add_argument("--date", type=article_date, help="article date YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("evaluate", help="geoparsing accuracy on a JSONL corpus (see docs/contracts.md)")
    p.add_argument("corpus")
    p.add_argument("--mode", choices=["resolve", "end-to-end"], default="resolve")
    p.add_argument("--errors", help="write every miss to this JSONL file")
    p.add_argument("--limit", type=positive_int, help="only the first N articles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_evaluate)

