"""The ``geoviz`` command: :func:`main` parses the arguments and runs one subcommand module."""

from geoviz.cli.main import main

__all__ = ["main"]
