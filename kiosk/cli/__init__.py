"""The `kiosk` command: the organisers' and integrators' interface (contract in docs/CLI.md).

`output` is the leaf (exit codes, JSON out, messages out, progress); `parser` builds the argument
parser from each command module's `register`; the command modules are glue from arguments to
services and hold no rule of their own.
"""

from kiosk.cli.main import main

__all__ = ["main"]
