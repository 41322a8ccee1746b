"""`kiosk import programme|roster|invitations FILE`: files in, all or nothing.

A roster may be a registration system's own export: its source is recognised from the header
(an import preset, resources/import-presets/) or named with `--preset`; `--map`, `--default` and
`--sheet` adjust how it is read, and `--cancel-missing` cancels people a complete export no
longer has.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.output import EXIT_BAD_INPUT, EXIT_OK, db_path, emit, say
from kiosk.cli.parser import Subparsers
from kiosk.errors import KioskError
from kiosk.store.database import open_database


def register(sub: Subparsers) -> None:
    """Add `import` to the `kiosk` parser."""
    p = sub.add_parser("import", help="import programme, roster or invitations")
    p.add_argument("kind", choices=["programme", "roster", "invitations"])
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    p.add_argument(
        "--preset",
        metavar="NAME",
        help="read the roster as this source's export (default: recognised from the header)",
    )
    p.add_argument(
        "--map",
        metavar="FIELD=COLUMN",
        action="append",
        default=[],
        help="fill FIELD from the file's column COLUMN (repeatable)",
    )
    p.add_argument(
        "--default",
        metavar="FIELD=VALUE",
        action="append",
        default=[],
        help="VALUE for FIELD where the file leaves it empty or lacks it (repeatable)",
    )
    p.add_argument("--sheet", metavar="NAME", help="the sheet of an Excel workbook to read")
    p.add_argument(
        "--cancel-missing",
        action="store_true",
        help="cancel people a complete export no longer has (default: only warn)",
    )
    p.set_defaults(handler=cmd_import)


def _pairs(option: str, values: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        name, equals, text = value.partition("=")
        if not equals or not name.strip():
            raise KioskError(f"{option} {value!r}: use {option} FIELD=VALUE")
        pairs.append((name.strip(), text.strip()))
    return pairs


def cmd_import(args: argparse.Namespace) -> int:
    """Import one file; every bad row is reported and then nothing is written."""
    from kiosk.imports import ImportOptions, run_import

    roster_only = [
        flag
        for flag, used in (
            ("--preset", args.preset),
            ("--default", args.default),
            ("--cancel-missing", args.cancel_missing),
        )
        if used
    ]
    if args.kind != "roster" and roster_only:
        say(f"kiosk: {', '.join(roster_only)} only apply to `kiosk import roster`")
        return EXIT_BAD_INPUT
    mapping = {column: field for field, column in _pairs("--map", args.map)}
    options = ImportOptions(
        preset=args.preset,
        defaults=dict(_pairs("--default", args.default)),
        sheet=args.sheet,
        cancel_missing=args.cancel_missing,
    )
    conn = open_database(db_path(args)).conn
    report = run_import(
        conn,
        args.kind,
        args.file,
        dry_run=args.dry_run,
        warn=say,
        mapping=mapping or None,
        options=options,
    )
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
    grouping = report.details.get("grouping")
    if grouping:
        say(
            f"tickets grouped into people by {grouping['rule']}: "
            f"{grouping['people_with_several_tickets']} people hold several tickets"
        )
    return EXIT_OK
