"""`kiosk sync ...`, `hub serve` and `init --from-bundle`: rosters out to devices, check-ins back.

The heavier modules (cryptography, the store) are imported by each command, so building the
parser stays cheap for every other `kiosk` command.
"""

from __future__ import annotations

import argparse

from kiosk.cli.output import EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, db_path, emit, say
from kiosk.cli.parser import Subparsers
from kiosk.errors import KioskError


def register(sub: Subparsers) -> None:
    """Add `sync` and `hub` to the `kiosk` parser (the `init --from-bundle` flags are on `init`)."""
    p = sub.add_parser("sync", help="bundles and the LAN hub: rosters out, check-ins back")
    actions = p.add_subparsers(
        dest="sync_command",
        metavar="{export,import,conflicts,status,hub}",
        required=True,
        parser_class=type(p),
    )
    q = actions.add_parser(
        "export", help="write a roster bundle (organiser) or this device's check-ins"
    )
    which = q.add_mutually_exclusive_group(required=True)
    which.add_argument("--roster", action="store_true", help="the roster, for devices")
    which.add_argument("--events", action="store_true", help="this device's check-ins")
    q.add_argument("-o", "--output", required=True, help="the bundle file to write")
    q.add_argument("--passphrase-file", help="encrypt with the passphrase in this file")
    q.add_argument(
        "--since",
        type=int,
        default=0,
        metavar="CURSOR",
        help="events only: those after the cursor an earlier export printed",
    )
    q = actions.add_parser("import", help="apply bundles (signature checked first)")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.add_argument("--passphrase-file")
    actions.add_parser("conflicts", help="what devices did while apart (JSON)")
    actions.add_parser("status", help="last sync, pending check-ins, known devices (JSON)")
    q = actions.add_parser("hub", help="one sync round with a hub")
    q.add_argument("url")
    q.add_argument("--cafile", help="CA certificate to trust for an https hub")
    q.add_argument("--timeout", type=float, default=30.0)
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("hub", help="the organisers' LAN sync hub")
    actions = p.add_subparsers(
        dest="hub_command", metavar="{serve}", required=True, parser_class=type(p)
    )
    q = actions.add_parser("serve", help="serve until stopped (log lines on stderr)")
    q.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback)")
    q.add_argument("--port", type=int, default=8765, help="0: any free port")
    q.add_argument("--cert", help="TLS certificate (PEM)")
    q.add_argument("--key", help="TLS private key (PEM)")
    p.set_defaults(handler=cmd_hub)


def init_from_bundle(args: argparse.Namespace) -> int:
    """`kiosk init --from-bundle`: provision a door or kiosk from an organiser's roster bundle."""
    from kiosk.sync.bundle import read_bundle_file, read_passphrase_file
    from kiosk.sync.roster import provision_device

    if getattr(args, "event_name", None) or getattr(args, "timezone", None):
        raise KioskError("--from-bundle takes the event's name and time zone from the bundle")

    from kiosk.cli.event import initial_pin, store_initial_pin

    data = read_bundle_file(args.from_bundle)
    passphrase = read_passphrase_file(getattr(args, "passphrase_file", None))
    pin = initial_pin(args)
    info = provision_device(
        db_path(args),
        data,
        passphrase=passphrase,
        device=getattr(args, "device", None),
        enrol=getattr(args, "enrol", None),
    )
    from kiosk.store.database import open_database

    conn = open_database(db_path(args)).conn
    store_initial_pin(conn, pin)
    conn.close()
    emit(info)
    say(
        f"provisioned {db_path(args)} as device {info['device']} for {info['event_name']}; "
        f"organiser key {info['public_key_fingerprint']}: compare it with the organiser's screen"
    )
    if info["enrolment"] == "none":
        say(
            "note: without --enrol TOKEN this device reads rosters, but the organiser takes "
            "none of its check-ins (make a token with `kiosk device add NAME` there)"
        )
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    """`kiosk sync ...`: bundles out and in, conflicts, status, one round with a hub."""
    handler = {
        "export": _export,
        "import": _import,
        "conflicts": _conflicts,
        "status": _status,
        "hub": _hub_round,
    }[args.sync_command]
    return handler(args)


def _export(args: argparse.Namespace) -> int:
    from kiosk.store.database import open_database
    from kiosk.sync.bundle import read_passphrase_file, write_bundle_file

    conn = open_database(db_path(args)).conn
    passphrase = read_passphrase_file(args.passphrase_file)
    if args.roster:
        from kiosk.sync.roster import export_roster

        if args.since:
            raise KioskError("--since is for --events")
        roster = export_roster(conn, passphrase=passphrase)
        path = write_bundle_file(args.output, roster.data)
        emit(roster.to_json(path))
        say(f"roster version {roster.version}: {roster.attendees} attendees, {path}")
        if passphrase is None:
            say(
                "note: this roster bundle is not encrypted; it holds attendees' names: on a USB "
                "stick, export it with --passphrase-file"
            )
        return EXIT_OK
    from kiosk.sync.events import export_events

    if args.since < 0:
        raise KioskError("--since must not be negative")
    events = export_events(conn, since=args.since, passphrase=passphrase)
    path = write_bundle_file(args.output, events.data)
    emit({"kind": "events", "records": events.records, "path": str(path), "cursor": events.cursor})
    say(f"{events.records} check-ins written to {path}; next time: --since {events.cursor}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from kiosk.store.database import open_database
    from kiosk.sync.bundle import open_bundle, read_bundle_file, read_passphrase_file

    conn = open_database(db_path(args)).conn
    passphrase = read_passphrase_file(args.passphrase_file)
    bundles = [open_bundle(read_bundle_file(path)) for path in args.files]
    kinds = {bundle.kind for bundle in bundles}
    if kinds == {"roster"}:
        from kiosk.sync.roster import apply_roster

        if len(bundles) > 1:
            raise KioskError("import one roster bundle at a time")
        result = apply_roster(conn, bundles[0], passphrase=passphrase)
        emit(result.to_json())
        if result.applied:
            say(f"roster version {result.version} applied ({result.attendees} attendees)")
        else:
            say(f"this device already has roster version {result.version}; nothing changed")
        return EXIT_OK
    if kinds != {"events"}:
        raise KioskError("import roster and events bundles separately")
    from kiosk.sync.events import import_events

    merged = import_events(conn, bundles, passphrase=passphrase)
    emit(merged.to_json())
    say(
        f"{merged.counts.added} check-ins added, {merged.counts.duplicates} already here"
        + (f", {merged.counts.clashes} conflicting kept aside" if merged.counts.clashes else "")
    )
    return EXIT_OK


def _conflicts(args: argparse.Namespace) -> int:
    from kiosk.store.database import open_database
    from kiosk.sync.conflicts import conflict_report

    report = conflict_report(open_database(db_path(args)).conn)
    emit(report)
    say(f"{report['total']} conflict(s)")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from kiosk.store.database import open_database
    from kiosk.sync.state import sync_summary

    emit(sync_summary(open_database(db_path(args)).conn))
    return EXIT_OK


def _hub_round(args: argparse.Namespace) -> int:
    from kiosk.store.database import open_database
    from kiosk.sync.client import sync_once

    conn = open_database(db_path(args)).conn
    result = sync_once(conn, args.url, timeout=args.timeout, cafile=args.cafile)
    emit(result.to_json())
    if result.ok:
        say(
            f"pushed {result.pushed}, pulled {result.pulled_events} check-ins, "
            f"roster version {result.pulled_version}"
        )
        return EXIT_OK
    say(f"kiosk: {result.message}")
    return EXIT_REFUSED if result.status == "unreachable" else EXIT_BAD_INPUT


def cmd_hub(args: argparse.Namespace) -> int:
    """`kiosk hub serve`: the organisers' LAN sync hub, until stopped."""
    from kiosk.sync.hub import serve_hub

    if not 0 <= args.port <= 65535:
        raise KioskError("--port must be between 0 and 65535")
    serve_hub(db_path(args), args.host, args.port, cert=args.cert, key=args.key)
    return EXIT_OK
