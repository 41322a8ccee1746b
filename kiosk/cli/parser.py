"""The `kiosk` argument parser, built from each command module's `register(subparsers)`.

A new command is a new module with a `register` function, listed in `COMMAND_MODULES`. Each
parser sets `handler`, the function that runs it. Heavy modules are imported by the handlers, so
building the parser stays cheap for every command.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import NoReturn, TypeAlias

from kiosk.cli.output import EXIT_BAD_INPUT

# In the order `kiosk --help` lists them.
COMMAND_MODULES = (
    "kiosk.cli.event",
    "kiosk.cli.imports",
    "kiosk.cli.door",
    "kiosk.cli.badges",
    "kiosk.cli.reports",
    "kiosk.cli.sync",
    "kiosk.cli.pretix",
    "kiosk.cli.device",
    "kiosk.cli.tools",
    "kiosk.cli.doctor",
)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"kiosk: {message} (see `kiosk --help`)\n")


Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def build_parser() -> argparse.ArgumentParser:
    """The whole `kiosk` command line."""
    parser = Parser(prog="kiosk", description="Offline conference check-in and venue kiosk.")
    parser.add_argument("--db", type=Path, help="event database (default: $KIOSK_DB or user data)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser
