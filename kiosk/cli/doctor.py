"""`kiosk doctor`: check this machine for its role before doors open (see kiosk.doctor)."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.output import EXIT_OK, EXIT_REFUSED, db_path, emit, say
from kiosk.cli.parser import Subparsers

ROLE_CHOICES = ("door", "kiosk", "organiser")


def register(sub: Subparsers) -> None:
    """Add `doctor` to the `kiosk` parser."""
    p = sub.add_parser(
        "doctor",
        help="check this machine for its role: screen, fonts, printer, speech, sound, camera, "
        "disk, file modes, hub and clock",
    )
    p.add_argument(
        "--role",
        choices=ROLE_CHOICES,
        help="what this machine is for (default: organiser on the organiser's database, "
        "else kiosk)",
    )
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("--printer", help="check this print queue (default: the device's printer)")
    p.add_argument("--test-page", action="store_true", help="also print a test page on the printer")
    p.add_argument("--hub", metavar="URL", help="check this hub (default: the device's hub)")
    p.add_argument("--cafile", help="CA certificate to trust for an https hub")
    p.set_defaults(handler=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    """Run every check of the role; 0 when nothing failed (warnings allowed), 1 otherwise."""
    from kiosk.doctor import DoctorOptions, run_doctor

    options = DoctorOptions(
        role=args.role,
        printer=args.printer,
        test_page=args.test_page,
        hub=args.hub,
        cafile=args.cafile,
    )
    if args.test_page:
        say("doctor: printing a test page…")
    report = run_doctor(db_path(args), options)
    if args.json:
        emit(report.to_json())
    else:
        device = f", device {report.device}" if report.device else ""
        say(f"doctor: {report.role} role{device}")
        sys.stdout.write(report.to_text() + "\n")
        sys.stdout.flush()
    return EXIT_REFUSED if report.failed else EXIT_OK
