"""The ``stance`` command line: thin wrappers over the public functions, nothing more."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from . import __version__

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stance",
        description="Who said what in negotiation news, how warm or guarded it was.",
    )
    parser.add_argument("--version", action="version", version=f"stance {__version__}")
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 nothing processed, 2 bad arguments)."""
    logging.basicConfig(level=logging.WARNING, format="stance: %(message)s", stream=sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return args.func(args)
