"""`kiosk export` and `report`: attendance and audit files, the day report PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.event import parse_day
from kiosk.cli.output import EXIT_OK, ProgressBar, db_path, emit
from kiosk.cli.parser import Subparsers
from kiosk.store.database import open_database


def register(sub: Subparsers) -> None:
    """Add `export` and `report` to the `kiosk` parser."""
    p = sub.add_parser("export", help="export attendance or the audit log (CSV or XLSX)")
    p.add_argument("what", choices=["attendance", "audit"])
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("report", help="the organisers' reports (PDF)")
    p.add_argument("what", choices=["day"])
    p.add_argument("--date", required=True, help="the day, YYYY-MM-DD")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=cmd_report)


def cmd_export(args: argparse.Namespace) -> int:
    """Who entered which session when (or the audit log), as CSV or XLSX."""
    from kiosk.exports.attendance import export_attendance
    from kiosk.exports.audit import export_audit

    conn = open_database(db_path(args)).conn
    export = export_audit if args.what == "audit" else export_attendance
    rows = export(conn, args.output)
    emit({"rows": rows, "path": str(args.output)})
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """The organisers' day report as a PDF."""
    from kiosk.reports import render_day_report

    day = parse_day(args.date, "--date")
    conn = open_database(db_path(args)).conn
    result = render_day_report(conn, day, args.output, progress=ProgressBar("report"))
    emit({"pages": result.pages, "path": str(result.path)})
    return EXIT_OK
