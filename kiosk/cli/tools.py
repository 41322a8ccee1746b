"""`kiosk bench` and `a11y-report`: measurements of speed and of the screens."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.output import EXIT_OK, EXIT_REFUSED, emit, say
from kiosk.cli.parser import Subparsers
from kiosk.errors import KioskError


def register(sub: Subparsers) -> None:
    """Add `a11y-report` and `bench` to the `kiosk` parser."""
    p = sub.add_parser(
        "a11y-report",
        help="measure the door and kiosk screens against the accessibility criteria (demo event)",
    )
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("--diagonal-in", type=float, default=21.5, help="panel diagonal in inches")
    p.add_argument("--resolution", default="1920x1080", help="panel resolution, WIDTHxHEIGHT")
    p.add_argument(
        "--lower-edge-mm", type=float, default=700.0, help="screen's lower edge above the floor"
    )
    p.add_argument(
        "--viewing-distance-mm", type=float, default=500.0, help="eyes to screen distance"
    )
    p.add_argument(
        "--size",
        action="append",
        metavar="WxH",
        help="also lay out every door, kiosk and organiser page at this window size (again for "
        "more sizes; 'all': the screen-size matrix): fits_window, no_overlap, text_not_clipped",
    )
    p.set_defaults(handler=cmd_a11y_report)

    p = sub.add_parser("bench", help="measure the hot paths on a synthetic event")
    p.add_argument("--attendees", type=int, default=100_000)
    p.add_argument("--scans", type=int, default=10_000)
    p.add_argument(
        "--sync-events", type=int, default=50_000, help="check-ins per device in the sync merge"
    )
    p.set_defaults(handler=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    """Build a synthetic event in a temporary folder and print the hot paths' figures."""
    from kiosk.bench.run import run_bench

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
    from kiosk.a11y.sizes import parse_sizes

    try:
        panel = Panel.from_resolution(
            args.resolution,
            diagonal_in=args.diagonal_in,
            lower_edge_mm=args.lower_edge_mm,
            viewing_distance_mm=args.viewing_distance_mm,
        )
        sizes = parse_sizes(args.size or [])
    except ValueError as exc:
        raise KioskError(str(exc)) from exc
    say("a11y-report: measuring the door and kiosk screens on the demo event…")
    if sizes:
        say("a11y-report: and every page at " + ", ".join(size.name for size in sizes))
    code, report = run_report(
        panel, as_json=args.json, sizes=[(size.width, size.height) for size in sizes]
    )
    if args.json:
        emit(report)
    else:
        sys.stdout.write(f"{report}\n")
        sys.stdout.flush()
    return EXIT_OK if code == 0 else EXIT_REFUSED
