"""The ``geoviz`` command line: a thin shell over the library.

Every subcommand prints a readable table by default and the documented JSON
contract with ``--json``. Errors are one line on stderr and exit status 2:
anything geoviz refuses on purpose (:class:`~geoviz.errors.GeovizError`) and
the operating system's file errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from geoviz.cli import article, batch, gazetteer
from geoviz.cli import map as map_command
from geoviz.cli.common import OneLineParser, os_error, plain
from geoviz.errors import GeovizError
from geoviz.geo.stores import ENV_STORE

#: Each command module's ``register(subparsers)``, in the order ``--help`` lists them.
COMMANDS = (gazetteer.register, article.register, map_command.register, batch.register)


def parser() -> argparse.ArgumentParser:
    ap = OneLineParser(prog="geoviz", description="Turn a news article into a map you can trust.")
    ap.add_argument("--gazetteer", metavar="PATH",
                    help=f"the gazetteer store to use (default: ${ENV_STORE}, else a built one, else the bundled one)")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    a = parser().parse_args(argv)
    # --gazetteer is handed down as the environment variable every default store choice reads
    # (geoviz.geo.stores), for this run only: restored after, so in-process callers do not inherit it.
    before = os.environ.get(ENV_STORE)
    if a.gazetteer:
        os.environ[ENV_STORE] = a.gazetteer
    try:
        return a.func(a)
    except BrokenPipeError:
        # `geoviz parse x | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except (GeovizError, OSError, UnicodeError) as exc:
        message = os_error(exc) if isinstance(exc, OSError) else str(exc)
        print(f"geoviz {a.command}: error: {plain(' '.join(message.split()))}", file=sys.stderr)
        return 2
    finally:
        if before is None:
            os.environ.pop(ENV_STORE, None)
        else:
            os.environ[ENV_STORE] = before
