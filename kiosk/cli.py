"""The `kiosk` command: the organisers' and integrators' interface (contract in CLI.md).

JSON goes to stdout, human messages to stderr. Exit 0 success or admitted, 1 a clean refusal,
2 bad usage or bad input (one line on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT = 0, 1, 2


def default_db_path() -> Path:
    """`$KIOSK_DB`, else `event.sqlite` in the platform's user data directory."""
    if os.environ.get("KIOSK_DB"):
        return Path(os.environ["KIOSK_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("kiosk", appauthor=False)) / "event.sqlite"


def emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class ProgressBar:
    """A one-line progress bar on stderr: `done/total` with a bar, redrawn in place."""

    def __init__(self, label: str, width: int = 30) -> None:
        self.label = label
        self.width = width
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        if filled == self._last and done != total:
            return
        self._last = filled
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{self.label} [{bar}] {done}/{total}{end}")
        sys.stderr.flush()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_BAD_INPUT, f"kiosk: {message} (see `kiosk --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description="Offline conference check-in and venue kiosk.")
    parser.add_argument("--db", type=Path, help="event database (default: $KIOSK_DB or user data)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("init", help="create the event database and signing key")
    p.add_argument("--event-name", help="required unless --from-bundle")
    p.add_argument("--timezone", help="IANA zone, e.g. Asia/Seoul (default: this machine's)")
    p.add_argument("--from-bundle", metavar="FILE", help="provision a device from a roster bundle")
    p.add_argument("--passphrase-file", help="with --from-bundle: the bundle's passphrase")
    p.add_argument("--device", help="with --from-bundle: this device's name (default: made up)")

    p = sub.add_parser("import", help="import programme, roster or invitations")
    p.add_argument("kind", choices=["programme", "roster", "invitations"])
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")

    p = sub.add_parser("issue", help="signed QR codes (JSON Lines)")
    p.add_argument("registration_ids", nargs="*", metavar="REG_ID")
    p.add_argument("--all", action="store_true")
    p.add_argument("--reissue", action="store_true", help="revoke the earlier codes")

    p = sub.add_parser("scan", help="a door scan")
    p.add_argument("--session", required=True)
    p.add_argument("--direction", choices=["in", "out"], default="in")
    p.add_argument("--at", help="ISO 8601 time (default: now)")
    p.add_argument("--device")
    p.add_argument("--override", metavar="REASON", help="admit anyway, logged with this reason")
    p.add_argument("code", help="the scanned code, or - to read one per line from stdin")

    p = sub.add_parser("checkin", help="self check-in at the event")
    p.add_argument("--at")
    p.add_argument("--device")
    p.add_argument("code")

    p = sub.add_parser("badge", help="render badges to a PDF")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("code", nargs="?", help="a scanned code")
    who.add_argument("--registration", metavar="REG_ID")
    who.add_argument("--all", action="store_true", help="every registration not cancelled")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.add_argument("--layout", help="cr80, a6, label-4x3 or a4-sheet (default: the event's)")

    p = sub.add_parser("print", help="print badges on a printer (logged)")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("code", nargs="?", help="a scanned code")
    who.add_argument("--registration", metavar="REG_ID")
    who.add_argument("--all", action="store_true", help="every registration not cancelled")
    p.add_argument("--printer", help="print queue name (default: this device's printer)")
    p.add_argument("--layout")
    p.add_argument("--device")
    p.add_argument("--remember", action="store_true", help="make --printer this device's printer")

    p = sub.add_parser("printers", help="the print queues this machine knows, and their state")
    p.add_argument("--use", metavar="NAME", help="make NAME this device's printer")

    p = sub.add_parser("setting", help="show the event's settings, or change one")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")

    p = sub.add_parser("pin", help="set the organiser PIN that guards kiosk mode (from stdin)")
    p.add_argument("action", choices=["set"])

    sub.add_parser("status", help="attendance counts")

    p = sub.add_parser("export", help="export attendance or the audit log (CSV or XLSX)")
    p.add_argument("what", choices=["attendance", "audit"])
    p.add_argument("-o", "--output", required=True, type=Path)

    p = sub.add_parser("report", help="the organisers' reports (PDF)")
    p.add_argument("what", choices=["day"])
    p.add_argument("--date", required=True, help="the day, YYYY-MM-DD")
    p.add_argument("-o", "--output", required=True, type=Path)

    p = sub.add_parser("purge", help="delete personal data after the event; counts stay")
    p.add_argument("--yes", action="store_true", help="really delete (it cannot be undone)")
    p.add_argument(
        "--retention-date", metavar="D", help="set the date (YYYY-MM-DD) to remind about purging"
    )

    from kiosk.sync.commands import add_parsers as add_sync_parsers

    add_sync_parsers(sub)

    p = sub.add_parser(
        "a11y-report",
        help="measure the door and kiosk screens against the accessibility criteria (demo event)",
    )
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("--diagonal-in", type=float, default=21.5, help="panel diagonal in inches")
    p.add_argument("--resolution", default="1920x1080", help="panel resolution, WIDTHxHEIGHT")
    p.add_argument(
        "--lower-edge-mm", type=float, default=700.0, help="screen's lower edge above the floor"
    )
    p.add_argument(
        "--viewing-distance-mm", type=float, default=500.0, help="eyes to screen distance"
    )

    p = sub.add_parser("bench", help="measure the hot paths on a synthetic event")
    p.add_argument("--attendees", type=int, default=100_000)
    p.add_argument("--scans", type=int, default=10_000)
    p.add_argument(
        "--sync-events", type=int, default=50_000, help="check-ins per device in the sync merge"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        from kiosk import commands

        return commands.run(args)
    except KioskError as exc:
        say(f"kiosk: {exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        say("kiosk: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()
