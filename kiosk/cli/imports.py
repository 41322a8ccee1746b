"""`kiosk import programme|roster|invitations FILE`: files in, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.output import EXIT_BAD_INPUT, EXIT_OK, db_path, emit, say
from kiosk.cli.parser import Subparsers
from kiosk.store.database import open_database


def register(sub: Subparsers) -> None:
    """Add `import` to the `kiosk` parser."""
    p = sub.add_parser("import", help="import programme, roster or invitations")
    p.add_argument("kind", choices=["programme", "roster", "invitations"])
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    p.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """Import one file; every bad row is reported and then nothing is written."""
    from kiosk.imports import run_import

    conn = open_database(db_path(args)).conn
    report = run_import(conn, args.kind, args.file, dry_run=args.dry_run, warn=say)
    emit(report.to_json())
    if report.errors:
        first = report.errors[0]
        say(
            f"kiosk: {report.error_count} bad row(s) in {args.file}, first: row {first.row} "
            f"{first.field}: {first.message}; nothing was imported"
        )
        return EXIT_BAD_INPUT
    verb = "would import" if args.dry_run else "imported"
    say(f"{verb} {args.kind}: {report.summary()}")
    return EXIT_OK
