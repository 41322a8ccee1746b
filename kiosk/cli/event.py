"""`kiosk init`, `setting`, `pin`, `status` and `purge`: the event database and its settings."""

from __future__ import annotations

import argparse
import sqlite3
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
    p.add_argument(
        "--pin-file",
        metavar="F",
        help="this device's organiser PIN (6-12 digits) on the first line of F "
        "(default: asked on a terminal, else by the app on first start)",
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("setting", help="show the event's settings, or change one")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.set_defaults(handler=cmd_setting)

    p = sub.add_parser(
        "pin",
        help="set or change this device's organiser PIN that guards kiosk mode",
        description="Asks on a terminal; otherwise reads lines from stdin: the current PIN "
        "(when one is set, without --reset), then the new one.",
    )
    p.add_argument("action", choices=["set"])
    p.add_argument(
        "--reset",
        action="store_true",
        help="organiser's machine only: set a new PIN without the current one",
    )
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
    pin = initial_pin(args)
    db = init_event(db_path(args), args.event_name, args.timezone)
    event = load_event(db.conn)
    store_initial_pin(db.conn, pin)
    emit({"event_id": event.event_id, "public_key_fingerprint": event.fingerprint})
    say(f"created {db_path(args)} for {event.name} ({event.timezone})")
    return EXIT_OK


def initial_pin(args: argparse.Namespace) -> str | None:
    """The PIN `init` sets: from --pin-file, else asked on a terminal (twice), else None (the
    app asks on first start). Read and checked before anything is created."""
    from kiosk.services.pin import check_new_pin

    if args.pin_file:
        from kiosk.sync.bundle import read_passphrase_file

        return check_new_pin((read_passphrase_file(args.pin_file) or "").strip())
    if sys.stdin.isatty() and sys.stderr.isatty():  # a person at a terminal, not a script
        return _new_pin_from_terminal()
    return None


def store_initial_pin(conn: sqlite3.Connection, pin: str | None) -> None:
    """Set the PIN `initial_pin` read, or say how one will be set."""
    from kiosk.services.pin import set_pin

    if pin is not None:
        set_pin(conn, pin)
    else:
        say(
            "note: no organiser PIN yet: the app asks for one on first start "
            "(or set it now with `kiosk pin set`)"
        )


def _new_pin_from_terminal() -> str:
    import getpass

    from kiosk.services.pin import check_new_pin

    pin = check_new_pin(getpass.getpass("New organiser PIN (6-12 digits): ").strip())
    if getpass.getpass("The same PIN again: ").strip() != pin:
        raise KioskError("the two PINs differ; nothing was changed")
    return pin


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
    """Set or change this device's organiser PIN: the current one first when one is set (or
    --reset on the organiser's machine), from the terminal or from lines of stdin."""
    from kiosk.services.pin import change_pin, has_pin

    conn = open_database(db_path(args)).conn
    needs_current = has_pin(conn) and not args.reset
    current = None
    if sys.stdin.isatty():
        import getpass

        if needs_current:
            current = getpass.getpass("Current organiser PIN: ").strip()
        pin = _new_pin_from_terminal()
    else:
        if needs_current:
            current = sys.stdin.readline().strip()
        pin = sys.stdin.readline().strip()
    change_pin(conn, pin, current=current, reset=args.reset)
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
    result = purge_personal_data(conn, waiting=lambda line: say(f"kiosk: {line}"))
    emit({"attendees_purged": result.attendees_purged})
    say(
        f"purged the personal data of {result.attendees_purged} registrations; "
        "delete exported files and bundles that left this machine too"
    )
    return EXIT_OK
