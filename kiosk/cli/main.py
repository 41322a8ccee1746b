"""`kiosk`'s entry point: parse, run the chosen command, turn bad input into one line and exit 2."""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.cli.output import EXIT_BAD_INPUT, EXIT_OK, say
from kiosk.cli.parser import build_parser
from kiosk.errors import KioskError
from kiosk.store.files import private_umask


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `kiosk` command; returns its exit code (0 ok/admitted, 1 refused, 2 bad input)."""
    args = build_parser().parse_args(argv)
    private_umask()  # the database, bundles, exports and reports: this user's only
    try:
        code: int = args.handler(args)
        return code
    except KioskError as exc:
        say(f"kiosk: {exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        say("kiosk: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
