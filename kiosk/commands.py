"""What each `kiosk` subcommand does: parse-free glue from arguments to services."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from datetime import date

from kiosk.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, ProgressBar, db_path, emit, say
from kiosk.core.clock import parse_at
from kiosk.core.model import Direction, Reason
from kiosk.errors import KioskError
from kiosk.services.event import init_event
from kiosk.store.database import open_database
from kiosk.sync import commands as sync_commands


def run(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], int] = COMMANDS[args.command]
    return handler(args)


def cmd_init(args: argparse.Namespace) -> int:
    from kiosk.services.event import load_event

    if args.from_bundle:
        return sync_commands.cmd_init_from_bundle(args, _sync_io(args))
    if not args.event_name:
        raise KioskError("init needs --event-name (or --from-bundle FILE for a device)")
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


def _badge_people(conn: sqlite3.Connection, args: argparse.Namespace) -> list[str] | None:
    """The registrations a `badge`/`print` command names: by code, by id, or None for all."""
    from kiosk.services.badges import people_for_badges

    return people_for_badges(
        conn, code=args.code, registration_id=args.registration, everyone=args.all
    )


def cmd_badge(args: argparse.Namespace) -> int:
    from kiosk.services.badges import render_badge_file

    conn = open_database(db_path(args)).conn
    people = _badge_people(conn, args)
    progress = ProgressBar("badges") if args.all else None
    result = render_badge_file(conn, people, args.output, layout=args.layout, progress=progress)
    emit({"pages": result.pages, "badges": result.badges, "path": str(result.path)})
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
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
    from kiosk.services.badge_printing import list_printers_json, use_printer

    conn = open_database(db_path(args)).conn
    if args.use:
        use_printer(conn, args.use)
    emit(list_printers_json(conn))
    return EXIT_OK


def cmd_setting(args: argparse.Namespace) -> int:
    from kiosk.services.settings import change_setting, visible_settings

    conn = open_database(db_path(args)).conn
    if args.key is not None:
        if args.value is None:
            raise KioskError(f"give a value for {args.key}")
        change_setting(conn, args.key, args.value)
    emit(visible_settings(conn))
    return EXIT_OK


def cmd_pin(args: argparse.Namespace) -> int:
    from kiosk.services.pin import set_pin

    conn = open_database(db_path(args)).conn
    if sys.stdin.isatty():
        import getpass

        pin = getpass.getpass("New organiser PIN (4-12 digits): ")
    else:
        pin = sys.stdin.readline().strip()
    set_pin(conn, pin)
    emit({"pin": "set"})
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.services.status import event_status

    emit(event_status(open_database(db_path(args)).conn))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from kiosk.exports.attendance import export_attendance
    from kiosk.exports.audit import export_audit

    conn = open_database(db_path(args)).conn
    export = export_audit if args.what == "audit" else export_attendance
    rows = export(conn, args.output)
    emit({"rows": rows, "path": str(args.output)})
    return EXIT_OK


def _date(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise KioskError(f"{flag} {text!r} is not a date: use YYYY-MM-DD") from exc


def cmd_report(args: argparse.Namespace) -> int:
    from kiosk.reports import render_day_report

    day = _date(args.date, "--date")
    conn = open_database(db_path(args)).conn
    result = render_day_report(conn, day, args.output, progress=ProgressBar("report"))
    emit({"pages": result.pages, "path": str(result.path)})
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    from kiosk.services.purge import purge_personal_data, set_retention_date

    if not args.yes and args.retention_date is None:
        raise KioskError("purge deletes every name for good: add --yes to go ahead")
    conn = open_database(db_path(args)).conn
    if not args.yes:
        day = _date(args.retention_date, "--retention-date")
        set_retention_date(conn, day)
        emit({"retention_date": day.isoformat()})
        return EXIT_OK
    result = purge_personal_data(conn)
    emit({"attendees_purged": result.attendees_purged})
    say(
        f"purged the personal data of {result.attendees_purged} registrations; "
        "delete exported files and bundles that left this machine too"
    )
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from kiosk.bench import run_bench

    if not 1_000 <= args.attendees <= 200_000:
        raise KioskError("--attendees must be between 1000 and 200000")
    if not 100 <= args.sync_events <= 200_000:
        raise KioskError("--sync-events must be between 100 and 200000")
    emit(
        run_bench(
            attendees=args.attendees,
            scans=args.scans,
            progress=say,
            sync_events=args.sync_events,
        )
    )
    return EXIT_OK


def cmd_a11y_report(args: argparse.Namespace) -> int:
    """Measure the screens on a configured panel; exit 0 when every criterion passes, 1 if not."""
    from kiosk.a11y.panel import Panel
    from kiosk.a11y.report import run as run_report

    try:
        panel = Panel.from_resolution(
            args.resolution,
            diagonal_in=args.diagonal_in,
            lower_edge_mm=args.lower_edge_mm,
            viewing_distance_mm=args.viewing_distance_mm,
        )
    except ValueError as exc:
        raise KioskError(str(exc)) from exc
    say("a11y-report: measuring the door and kiosk screens on the demo event…")
    code, report = run_report(panel, as_json=args.json)
    if args.json:
        emit(report)
    else:
        sys.stdout.write(f"{report}\n")
        sys.stdout.flush()
    return EXIT_OK if code == 0 else EXIT_REFUSED


def _sync_io(args: argparse.Namespace) -> sync_commands.Io:
    return sync_commands.Io(db_path(args), emit, say)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "import": cmd_import,
    "issue": cmd_issue,
    "scan": cmd_scan,
    "checkin": cmd_checkin,
    "badge": cmd_badge,
    "print": cmd_print,
    "printers": cmd_printers,
    "setting": cmd_setting,
    "pin": cmd_pin,
    "status": cmd_status,
    "export": cmd_export,
    "report": cmd_report,
    "purge": cmd_purge,
    "bench": cmd_bench,
    "a11y-report": cmd_a11y_report,
    "sync": lambda args: sync_commands.cmd_sync(args, _sync_io(args)),
    "hub": lambda args: sync_commands.cmd_hub(args, _sync_io(args)),
}
