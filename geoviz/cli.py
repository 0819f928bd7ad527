"""The ``geoviz`` command line: a thin shell over the library.

Every subcommand prints a readable table by default and the documented JSON
contract with ``--json``. Errors are one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from geoviz.gazetteer import GazetteerError, default_gazetteer
from geoviz.parse import InputError


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2) like every other geoviz error.

    Why: argparse prints the whole usage block first, several lines for
    ``batch``; scripts that log stderr, and people, want the one line that says
    what is wrong. ``--help`` still shows the usage. Subcommand parsers are
    made by ``add_parser`` with the parent's class, so this covers them all.
    """

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def positive_int(text: str) -> int:
    """An argparse type for counts such as ``--limit``: SQLite reads a negative LIMIT as "no limit"."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def article_date(text: str) -> str:
    """An argparse type for ``--date``: a real calendar day as YYYY-MM-DD (a typo must not date events silently)."""
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


def _os_error(exc: OSError) -> str:
    """"out/x.html: file exists" rather than "[Errno 17] File exists: 'out/x.html'"."""
    if exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror[0].lower()}{exc.strerror[1:]}"
    return str(exc)


#: Bidirectional overrides and isolates: they reorder how the rest of a terminal line reads.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def plain(text: str) -> str:
    """``text`` safe to print on a terminal, on one line: control characters shown as ``\\u001b``, breaks as spaces.

    Why: the readable output quotes the article (sentences, names, file
    names), and an article can hold ESC sequences that retitle the window,
    clear the screen or recolour it, or bidi overrides that make a line read
    backwards. JSON output needs none of this: ``json`` escapes controls itself.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch in "\t\n\r\u2028\u2029":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


#: Characters ``json.dumps(ensure_ascii=False)`` leaves raw that a terminal acts on (DEL, C1 controls such as CSI,
#: bidi overrides) or that break JSON embedded in JavaScript (U+2028/9). They only occur inside JSON strings.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _print_json(obj: Any) -> None:
    """The JSON contract, readable UTF-8, with :data:`_JSON_UNSAFE` escaped: the same data once parsed."""
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


def _table(rows: list[list[Any]], header: list[str]) -> str:
    cells = [header] + [["" if c is None else plain(str(c)) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells)


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
        _print_json(out)
    elif not out:
        print(f"no place named {plain(repr(a.name))}")
    else:
        print(_table([[i + 1, d["name"], d["kind"], d["country"], d["admin1"], f"{d['lat']:.5f}",
                       f"{d['lon']:.5f}", d["population"], d["id"]] for i, d in enumerate(out)],
                     ["#", "name", "kind", "country", "admin1", "lat", "lon", "population", "id"]))
    return 0 if out else 1


def cmd_reverse(a: argparse.Namespace) -> int:
    try:
        res = default_gazetteer().reverse(a.lat, a.lon)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if a.json:
        _print_json(res.to_dict())
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


def parser() -> argparse.ArgumentParser:
    ap = OneLineParser(prog="geoviz", description="Turn a news article into a map you can trust.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

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

    for register in EXTRA_COMMANDS:
        register(sub)
    return ap


# Later subcommands (parse, check, map, evaluate) register themselves here.
EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        return a.func(a)
    except BrokenPipeError:
        # `geoviz parse x | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except (CliError, GazetteerError, InputError, OSError, UnicodeError) as exc:
        message = _os_error(exc) if isinstance(exc, OSError) else str(exc)
        print(f"geoviz {a.command}: error: {plain(' '.join(message.split()))}", file=sys.stderr)
        return 2


def _register_article_commands() -> None:
    import geoviz.batch_command  # noqa: F401  (registers batch)
    import geoviz.commands  # noqa: F401  (registers parse, check, evaluate)
    import geoviz.map_command  # noqa: F401  (registers map)


_register_article_commands()


if __name__ == "__main__":
    # `python -m geoviz.cli`: this file runs as __main__, a second copy of the module, and the subcommand
    # modules registered themselves on the real `geoviz.cli`; hand over to that one.
    from geoviz.cli import main as _main

    raise SystemExit(_main())
