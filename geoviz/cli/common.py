"""What every ``geoviz`` subcommand shares: its errors, argument types and safe printing.

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
from typing import Any, NoReturn

from geoviz.errors import GeovizError


class CliError(GeovizError):
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


def os_error(exc: OSError) -> str:
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


def print_json(obj: Any) -> None:
    """The JSON contract, readable UTF-8, with :data:`_JSON_UNSAFE` escaped: the same data once parsed."""
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


def table(rows: list[list[Any]], header: list[str]) -> str:
    cells = [header] + [["" if c is None else plain(str(c)) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells)


