"""`kiosk pretix push`: check-ins back to pretix, where the tickets were sold (issue 11).

Glue from arguments to kiosk.sync.pretix_push, which holds the rules (which check-ins, which
ticket, what counts as sent).
"""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_REFUSED,
    ProgressBar,
    db_path,
    emit,
    say,
)
from kiosk.cli.parser import Subparsers


def register(sub: Subparsers) -> None:
    """Add `pretix push` to the `kiosk` parser."""
    p = sub.add_parser("pretix", help="check-ins back to pretix")
    actions = p.add_subparsers(
        dest="pretix_command", metavar="{push}", required=True, parser_class=type(p)
    )
    q = actions.add_parser(
        "push", help="send admitted check-ins pretix has not had yet (entries and exits)"
    )
    q.add_argument("--url", required=True, help="the pretix instance, e.g. https://pretix.eu")
    q.add_argument("--organizer", required=True, help="the organizer's short name in pretix")
    q.add_argument("--event", required=True, help="the event's short name in pretix")
    q.add_argument(
        "--list",
        required=True,
        type=int,
        dest="list_id",
        metavar="LIST_ID",
        help="the check-in list's number in pretix",
    )
    q.add_argument(
        "--token-file",
        required=True,
        help="a file (mode 600) holding a team API token, or a device's with --device-token",
    )
    q.add_argument("--device-token", action="store_true", help="the token is a device's")
    which = q.add_mutually_exclusive_group()
    which.add_argument("--session", help="only this session's door check-ins")
    which.add_argument(
        "--arrivals", action="store_true", help="only arrivals at self check-in kiosks"
    )
    q.add_argument(
        "--retry-refused", action="store_true", help="send again what pretix refused before"
    )
    q.add_argument("--dry-run", action="store_true", help="say what would be sent; send nothing")
    q.add_argument("--cafile", help="CA certificate to trust for an https pretix")
    q.add_argument("--timeout", type=float, default=30.0, help="seconds per request (default 30)")
    p.set_defaults(handler=cmd_pretix)


def cmd_pretix(args: argparse.Namespace) -> int:
    """`kiosk pretix push`: exit 0 all taken, 1 pretix refused some, 2 nothing could go."""
    from kiosk.errors import KioskError
    from kiosk.store.database import open_database
    from kiosk.sync.pretix_push import Selection, Target, push_checkins, read_token_file

    if args.timeout <= 0:
        raise KioskError("--timeout must be more than 0 seconds")
    target = Target.parse(args.url, args.organizer, args.event, args.list_id)
    authorization, warnings = read_token_file(args.token_file, device=args.device_token)
    for warning in warnings:
        say(warning)
    conn = open_database(db_path(args)).conn
    progress = ProgressBar("pushing to pretix") if sys.stderr.isatty() else None
    result = push_checkins(
        conn,
        target,
        authorization,
        Selection(session=args.session, arrivals=args.arrivals),
        dry_run=args.dry_run,
        retry_refused=args.retry_refused,
        timeout=args.timeout,
        cafile=args.cafile,
        progress=progress,
    )
    emit(result.to_json())
    plan = result.plan
    notes = []
    if plan.already_pushed:
        notes.append(f"{plan.already_pushed} sent before")
    if plan.refused_before:
        notes.append(f"{plan.refused_before} refused before (--retry-refused sends them again)")
    if plan.without_ticket:
        notes.append(f"{plan.without_ticket} of people without a ticket not sent")
    tail = f" ({'; '.join(notes)})" if notes else ""
    if result.status == "dry_run":
        say(f"would send {len(plan.pending)} check-in(s) to pretix{tail}")
        return EXIT_OK
    if result.status != "ok":
        say(f"kiosk: {result.message}; {result.sent} sent, {result.left} left for next time")
        return EXIT_BAD_INPUT
    say(f"pretix took {result.accepted} check-in(s), refused {len(result.refused)}{tail}")
    for refusal in result.refused:
        say(
            f"  refused: ticket {refusal['ticket']} of {refusal['registration_id']} "
            f"({refusal['direction']} {refusal['at']}): {refusal['reason']}"
        )
    if result.not_paid:
        say(
            f"note: pretix took {len(result.not_paid)} check-in(s) of tickets whose order is not "
            "paid there (cancelled or pending since): see accepted_not_paid"
        )
    return EXIT_REFUSED if result.refused else EXIT_OK
