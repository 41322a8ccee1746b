"""What each `kiosk` subcommand does: parse-free glue from arguments to services."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from kiosk.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, db_path, emit, say
from kiosk.core.clock import parse_at
from kiosk.core.model import Direction, Reason
from kiosk.errors import KioskError
from kiosk.services.event import init_event
from kiosk.store.database import open_database


def run(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], int] = COMMANDS[args.command]
    return handler(args)


def cmd_init(args: argparse.Namespace) -> int:
    from kiosk.services.event import load_event

    db = init_event(db_path(args), args.event_name, args.timezone)
    event = load_event(db.conn)
    emit({"event_id": event.event_id, "public_key_fingerprint": event.fingerprint})
    say(f"created {db_path(args)} for {event.name} ({event.timezone})")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from kiosk.imports import run_import

    conn = open_database(db_path(args)).conn
    report = run_import(conn, args.kind, args.file, dry_run=args.dry_run, warn=say)
    emit(report.to_json())
    if report.errors:
        first = report.errors[0]
        say(
            f"kiosk: {len(report.errors)} bad row(s) in {args.file}, first: row {first.row} "
            f"{first.field}: {first.message}; nothing was imported"
        )
        return EXIT_BAD_INPUT
    verb = "would import" if args.dry_run else "imported"
    say(f"{verb} {args.kind}: {report.summary()}")
    return EXIT_OK


def cmd_issue(args: argparse.Namespace) -> int:
    from kiosk.services.issuing import issue_codes

    if args.all == bool(args.registration_ids):
        raise KioskError("name registration ids or give --all (not both)")
    conn = open_database(db_path(args)).conn
    ids = None if args.all else args.registration_ids
    for registration_id, code in issue_codes(conn, ids, reissue=args.reissue):
        emit({"registration_id": registration_id, "code": code})
    return EXIT_OK


def _exit_for(reason: Reason) -> int:
    if reason is Reason.UNKNOWN_SESSION:
        return EXIT_BAD_INPUT
    return EXIT_OK if reason.admits else EXIT_REFUSED


def cmd_scan(args: argparse.Namespace) -> int:
    from kiosk.services.checkins import CheckinService

    service = CheckinService(open_database(db_path(args)).conn)
    at = parse_at(args.at, service.event.tz) if args.at else None
    direction = Direction(args.direction)

    def one(code: str) -> Reason:
        verdict = service.scan(
            code,
            args.session,
            direction=direction,
            at_ms=at,
            device=args.device,
            override_reason=args.override,
        )
        emit(verdict.to_json())
        return verdict.reason

    if args.code != "-":
        return _exit_for(one(args.code))
    for line in sys.stdin:
        if not line.strip():
            continue
        if one(line.rstrip("\r\n")) is Reason.UNKNOWN_SESSION:
            say(f"kiosk: no session {args.session!r}")
            return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_checkin(args: argparse.Namespace) -> int:
    from kiosk.services.checkins import CheckinService

    service = CheckinService(open_database(db_path(args)).conn)
    at = parse_at(args.at, service.event.tz) if args.at else None
    verdict = service.checkin(args.code, at_ms=at, device=args.device)
    emit(verdict.to_json())
    return _exit_for(verdict.reason)


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.services.status import event_status

    emit(event_status(open_database(db_path(args)).conn))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from kiosk.exports.attendance import export_attendance

    conn = open_database(db_path(args)).conn
    rows = export_attendance(conn, args.output)
    emit({"rows": rows, "path": str(args.output)})
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from kiosk.bench import run_bench

    if not 1_000 <= args.attendees <= 200_000:
        raise KioskError("--attendees must be between 1000 and 200000")
    emit(run_bench(attendees=args.attendees, scans=args.scans, progress=say))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "import": cmd_import,
    "issue": cmd_issue,
    "scan": cmd_scan,
    "checkin": cmd_checkin,
    "status": cmd_status,
    "export": cmd_export,
    "bench": cmd_bench,
}
