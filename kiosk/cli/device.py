"""`kiosk device add|enrol|list|revoke`: which doors and kiosks may send check-ins.

`add NAME` (organiser) makes a one-time, short-lived enrolment token for one device (printed as
text and as a QR code on stderr, JSON on stdout); the device is provisioned with it
(`kiosk init --from-bundle B --device NAME --enrol TOKEN`), or takes it later with `enrol TOKEN`.
`revoke NAME` refuses everything the device sends from now on (a lost laptop); `list` shows
every device, its state and refusals.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys

from kiosk.cli.output import EXIT_OK, db_path, emit, say
from kiosk.cli.parser import Subparsers


def register(sub: Subparsers) -> None:
    """Add `device` to the `kiosk` parser."""
    from kiosk.sync.enrolment import DEFAULT_VALID_HOURS, MAX_VALID_HOURS

    p = sub.add_parser("device", help="enrol, list and revoke doors and kiosks (organiser)")
    actions = p.add_subparsers(
        dest="device_command",
        metavar="{add,enrol,list,revoke}",
        required=True,
        parser_class=type(p),
    )
    q = actions.add_parser("add", help="a one-time enrolment token for a new device")
    q.add_argument("name", help="the device's name, e.g. door-211")
    q.add_argument(
        "--valid-hours",
        type=float,
        default=DEFAULT_VALID_HOURS,
        help=f"how long the token can be used (default {DEFAULT_VALID_HOURS}, "
        f"at most {MAX_VALID_HOURS})",
    )
    q.add_argument("--no-qr", action="store_true", help="print the token without a QR code")
    q = actions.add_parser(
        "enrol", help="on a door or kiosk: keep the token the organiser made for this device"
    )
    q.add_argument("token")
    actions.add_parser("list", help="every device: enrolled, waiting, revoked (JSON)")
    q = actions.add_parser("revoke", help="refuse everything a device sends from now on")
    q.add_argument("name")
    p.set_defaults(handler=cmd_device)


def cmd_device(args: argparse.Namespace) -> int:
    """`kiosk device ...`."""
    handler = {"add": _add, "enrol": _enrol, "list": _list, "revoke": _revoke}[args.device_command]
    return handler(args)


def _organiser_conn(args: argparse.Namespace) -> sqlite3.Connection:
    """The organiser's database (devices are enrolled and revoked there only)."""
    from kiosk.errors import KioskError
    from kiosk.services.event import is_organiser
    from kiosk.store.database import open_database

    conn = open_database(db_path(args)).conn
    if not is_organiser(conn):
        raise KioskError("devices are enrolled and revoked on the organiser's machine")
    return conn


def _add(args: argparse.Namespace) -> int:
    from kiosk.core.clock import from_ms
    from kiosk.services.event import load_event
    from kiosk.sync.enrolment import enrol_new_device

    conn = _organiser_conn(args)
    made = enrol_new_device(conn, args.name, valid_hours=args.valid_hours)
    until = from_ms(made.expires_ms, load_event(conn).tz).strftime("%Y-%m-%d %H:%M %Z")
    emit({**made.to_json(), "expires": until})
    say(f"enrolment token for {made.device} (one use, until {until}):")
    say(f"    {made.token}")
    if not args.no_qr:
        _qr(made.token)
    say(
        f"on the device: kiosk init --from-bundle ROSTER.bundle --device {made.device} "
        f"--enrol {made.token}"
    )
    return EXIT_OK


def _enrol(args: argparse.Namespace) -> int:
    """A device provisioned without its token (or whose token expired) takes a new one; its
    next contact with the organiser enrols it."""
    from kiosk.errors import KioskError
    from kiosk.services.event import is_organiser, load_event
    from kiosk.store.database import open_database, transaction
    from kiosk.sync.enrolment import keep_token, normalise_token

    token = normalise_token(args.token)
    conn = open_database(db_path(args)).conn
    if is_organiser(conn):
        raise KioskError("this is the organiser's database: tokens are made here, not kept")
    with transaction(conn):
        keep_token(conn, token)
    device = load_event(conn).device
    emit({"device": device, "enrolment": "waiting"})
    say(f"token kept: {device} enrols at its next sync (the token must be the one made for it)")
    return EXIT_OK


def _qr(text: str) -> None:
    """The token as a QR code drawn with block characters on stderr (a scanner reads it)."""
    import qrcode

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    code.print_ascii(out=sys.stderr, invert=True)
    sys.stderr.flush()


def _list(args: argparse.Namespace) -> int:
    from kiosk.sync.state import device_list

    conn = _organiser_conn(args)
    devices = [status.to_json() for status in device_list(conn)]
    emit({"devices": devices})
    for status in devices:
        if status["state"] == "revoked" and status["refused"]:
            say(
                f"kiosk: revoked device {status['device']} tried {status['refused']} time(s) "
                "since; it was refused each time"
            )
    return EXIT_OK


def _revoke(args: argparse.Namespace) -> int:
    from kiosk.core.clock import now_ms
    from kiosk.sync.identity import revoke_device

    conn = _organiser_conn(args)
    names = revoke_device(conn, args.name.strip(), now_ms())
    emit({"revoked": names})
    say(
        f"revoked {', '.join(names)}: the hub and bundle imports refuse it from now on; "
        "export a new roster so other devices refuse it too"
    )
    return EXIT_OK
