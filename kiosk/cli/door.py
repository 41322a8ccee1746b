"""`kiosk issue`, `scan` and `checkin`: codes out, and the verdicts at doors and kiosks."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.output import EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, db_path, emit, say
from kiosk.cli.parser import Subparsers
from kiosk.core.clock import parse_at
from kiosk.core.model import Direction, Reason
from kiosk.errors import KioskError
from kiosk.store.database import open_database


def register(sub: Subparsers) -> None:
    """Add `issue`, `scan` and `checkin` to the `kiosk` parser."""
    p = sub.add_parser("issue", help="signed QR codes (JSON Lines)")
    p.add_argument("registration_ids", nargs="*", metavar="REG_ID")
    p.add_argument("--all", action="store_true")
    p.add_argument("--reissue", action="store_true", help="revoke the earlier codes")
    p.set_defaults(handler=cmd_issue)

    p = sub.add_parser("scan", help="a door scan")
    p.add_argument("--session", required=True)
    p.add_argument("--direction", choices=["in", "out"], default="in")
    p.add_argument("--at", help="ISO 8601 time (default: now)")
    p.add_argument("--device")
    p.add_argument("--override", metavar="REASON", help="admit anyway, logged with this reason")
    p.add_argument("code", help="the scanned code, or - to read one per line from stdin")
    p.set_defaults(handler=cmd_scan)

    p = sub.add_parser("checkin", help="self check-in at the event")
    p.add_argument("--at")
    p.add_argument("--device")
    p.add_argument("code")
    p.set_defaults(handler=cmd_checkin)


def cmd_issue(args: argparse.Namespace) -> int:
    """Print signed codes as JSON Lines; `--reissue` revokes the earlier ones."""
    from kiosk.services.issuing import issue_codes

    if args.all == bool(args.registration_ids):
        raise KioskError("name registration ids or give --all (not both)")
    conn = open_database(db_path(args)).conn
    ids = None if args.all else args.registration_ids
    for registration_id, code in issue_codes(conn, ids, reissue=args.reissue):
        emit({"registration_id": registration_id, "code": code})
    return EXIT_OK


def exit_for(reason: Reason) -> int:
    """0 admitted, 1 refused, 2 for a session that does not exist (bad input)."""
    if reason is Reason.UNKNOWN_SESSION:
        return EXIT_BAD_INPUT
    return EXIT_OK if reason.admits else EXIT_REFUSED


def cmd_scan(args: argparse.Namespace) -> int:
    """One door scan, or one per stdin line with `-` (JSON Lines)."""
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
        out = verdict.to_json()
        emit(out)
        if "inside_since" in out:
            # A pass-back warning for whoever runs the door by hand: the JSON says it too.
            since = out["inside_since"][11:16]
            say(f"warning: already inside since {since} ({verdict.reason.value})")
        return verdict.reason

    if args.code != "-":
        return exit_for(one(args.code))
    # Bytes, each line decoded on its own: a line that is not UTF-8 is an invalid code (its bytes
    # kept as surrogates, which no code has), and the next line is read as usual.
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "surrogateescape")
        if not line.strip():
            continue
        if one(line.rstrip("\r\n")) is Reason.UNKNOWN_SESSION:
            say(f"kiosk: no session {args.session!r}")
            return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_checkin(args: argparse.Namespace) -> int:
    """Self check-in at the event (badge pick-up)."""
    from kiosk.services.checkins import CheckinService

    service = CheckinService(open_database(db_path(args)).conn)
    at = parse_at(args.at, service.event.tz) if args.at else None
    verdict = service.checkin(args.code, at_ms=at, device=args.device)
    emit(verdict.to_json())
    return exit_for(verdict.reason)
