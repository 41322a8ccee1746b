"""`kiosk badge`, `print` and `printers`: badges to PDF and to print queues."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from kiosk.cli.output import EXIT_OK, EXIT_REFUSED, ProgressBar, db_path, emit, say
from kiosk.cli.parser import Subparsers
from kiosk.store.database import open_database


def register(sub: Subparsers) -> None:
    """Add `badge`, `print` and `printers` to the `kiosk` parser."""
    p = sub.add_parser("badge", help="render badges to a PDF")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("code", nargs="?", help="a scanned code")
    who.add_argument("--registration", metavar="REG_ID")
    who.add_argument("--all", action="store_true", help="every registration not cancelled")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.add_argument("--layout", help="cr80, a6, label-4x3 or a4-sheet (default: the event's)")
    p.set_defaults(handler=cmd_badge)

    p = sub.add_parser("print", help="print badges on a printer (logged)")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("code", nargs="?", help="a scanned code")
    who.add_argument("--registration", metavar="REG_ID")
    who.add_argument("--all", action="store_true", help="every registration not cancelled")
    p.add_argument("--printer", help="print queue name (default: this device's printer)")
    p.add_argument("--layout")
    p.add_argument("--device")
    p.add_argument("--remember", action="store_true", help="make --printer this device's printer")
    p.set_defaults(handler=cmd_print)

    p = sub.add_parser("printers", help="the print queues this machine knows, and their state")
    p.add_argument("--use", metavar="NAME", help="make NAME this device's printer")
    p.set_defaults(handler=cmd_printers)


def _badge_people(conn: sqlite3.Connection, args: argparse.Namespace) -> list[str] | None:
    """The registrations a `badge`/`print` command names: by code, by id, or None for all."""
    from kiosk.services.badges import people_for_badges

    return people_for_badges(
        conn, code=args.code, registration_id=args.registration, everyone=args.all
    )


def cmd_badge(args: argparse.Namespace) -> int:
    """Render badges to one PDF."""
    from kiosk.services.badges import render_badge_file

    conn = open_database(db_path(args)).conn
    people = _badge_people(conn, args)
    progress = ProgressBar("badges") if args.all else None
    result = render_badge_file(conn, people, args.output, layout=args.layout, progress=progress)
    emit({"pages": result.pages, "badges": result.badges, "path": str(result.path)})
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    """Print badges on a queue (logged); exit 1 when any failed."""
    from kiosk.services.badge_printing import print_badges

    conn = open_database(db_path(args)).conn
    people = _badge_people(conn, args)
    progress = ProgressBar("printed") if args.all else None
    result = print_badges(
        conn,
        people,
        printer=args.printer,
        layout=args.layout,
        device=args.device,
        remember=args.remember,
        progress=progress,
        warn=say,
    )
    emit(result)
    return EXIT_OK if result.get("failed", 0) == 0 else EXIT_REFUSED


def cmd_printers(args: argparse.Namespace) -> int:
    """The print queues and their state; `--use` picks this device's printer."""
    from kiosk.services.badge_printing import list_printers_json, use_printer

    conn = open_database(db_path(args)).conn
    if args.use:
        use_printer(conn, args.use)
    emit(list_printers_json(conn))
    return EXIT_OK
