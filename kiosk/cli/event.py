"""`kiosk init`, `setting`, `pin`, `status` and `purge`: the event database and its settings."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kiosk.cli.output import EXIT_OK, db_path, emit, say
from kiosk.cli.parser import Subparsers
from kiosk.errors import KioskError
from kiosk.store.database import open_database


def register(sub: Subparsers) -> None:
    """Add the event commands to the `kiosk` parser."""
    p = sub.add_parser("init", help="create the event database and signing key")
    p.add_argument("--event-name", help="required unless --from-bundle")
    p.add_argument("--timezone", help="IANA zone, e.g. Asia/Seoul (default: this machine's)")
    p.add_argument("--from-bundle", metavar="FILE", help="provision a device from a roster bundle")
    p.add_argument("--passphrase-file", help="with --from-bundle: the bundle's passphrase")
    p.add_argument("--device", help="with --from-bundle: this device's name (default: made up)")
    p.add_argument(
        "--enrol",
        metavar="TOKEN",
        help="with --from-bundle: the one-time token from `kiosk device add NAME`",
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("setting", help="show the event's settings, or change one")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.set_defaults(handler=cmd_setting)

    p = sub.add_parser("pin", help="set the organiser PIN that guards kiosk mode (from stdin)")
    p.add_argument("action", choices=["set"])
    p.set_defaults(handler=cmd_pin)

    p = sub.add_parser("status", help="attendance counts")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("purge", help="delete personal data after the event; counts stay")
    p.add_argument("--yes", action="store_true", help="really delete (it cannot be undone)")
    p.add_argument(
        "--retention-date", metavar="D", help="set the date (YYYY-MM-DD) to remind about purging"
    )
    p.set_defaults(handler=cmd_purge)


def cmd_init(args: argparse.Namespace) -> int:
    """Create the event database and the organiser's signing key (or provision a device)."""
    from kiosk.services.event import init_event, load_event

    if args.from_bundle:
        from kiosk.cli.sync import init_from_bundle

        return init_from_bundle(args)
    if not args.event_name:
        raise KioskError("init needs --event-name (or --from-bundle FILE for a device)")
    db = init_event(db_path(args), args.event_name, args.timezone)
    event = load_event(db.conn)
    emit({"event_id": event.event_id, "public_key_fingerprint": event.fingerprint})
    say(f"created {db_path(args)} for {event.name} ({event.timezone})")
    return EXIT_OK


def cmd_setting(args: argparse.Namespace) -> int:
    """Show the event's settings, or change one."""
    from kiosk.services.settings import change_setting, visible_settings

    conn = open_database(db_path(args)).conn
    if args.key is not None:
        if args.value is None:
            raise KioskError(f"give a value for {args.key}")
        change_setting(conn, args.key, args.value)
    emit(visible_settings(conn))
    return EXIT_OK


def cmd_pin(args: argparse.Namespace) -> int:
    """Set the organiser PIN, read from the terminal or one line of stdin."""
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
    """Counts: attendees, checked in, per session admitted/inside/capacity."""
    from kiosk.services.status import event_status

    emit(event_status(open_database(db_path(args)).conn))
    return EXIT_OK


def parse_day(text: str, flag: str) -> date:
    """A `YYYY-MM-DD` argument, or a one-line refusal naming the flag."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise KioskError(f"{flag} {text!r} is not a date: use YYYY-MM-DD") from exc


def cmd_purge(args: argparse.Namespace) -> int:
    """Delete personal data after the event (anonymous counts stay), or set the reminder date."""
    from kiosk.services.purge import purge_personal_data, set_retention_date

    if not args.yes and args.retention_date is None:
        raise KioskError("purge deletes every name for good: add --yes to go ahead")
    conn = open_database(db_path(args)).conn
    if not args.yes:
        day = parse_day(args.retention_date, "--retention-date")
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
