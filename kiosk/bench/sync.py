"""Sync figures for `kiosk bench`: roster bundles, the merge of many devices' check-ins, and one
scan's round trip through the LAN hub on loopback.

It runs in a process of its own (`python -m kiosk.bench.sync`) on a copy of the bench's event
database, so its memory does not count in the door's peak-memory figure, and reports:

- `roster`: build a roster bundle of every attendee (each with a current code text, as after
  `issue --all`), provision a device from it, then apply the next version over it;
- `merge`: 20 devices x 50,000 check-ins each (the real amount unless `--sync-events` says
  otherwise), as signed events bundles, merged by the organiser in one import;
- `hub`: a scan at a door, then `sync_once` to a hub serving the same large event, timed per
  round (the push is acknowledged and recorded before the round ends).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET_MERGE_S = 10.0
TARGET_ROSTER_S = 5.0
TARGET_HUB_ROUND_TRIP_MS = 200.0
MERGE_DEVICES = 20
MERGE_EVENTS_PER_DEVICE = 50_000
HUB_ROUNDS = 30
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _quiet(message: str) -> None:
    return None


def run_sync_bench(
    db: Path,
    *,
    events_per_device: int = MERGE_EVENTS_PER_DEVICE,
    devices: int = MERGE_DEVICES,
    progress: Callable[[str], None] = _quiet,
) -> dict[str, Any]:
    """Measure in a child process on a copy of `db` (see the module doc); the figures as JSON."""
    args = [
        sys.executable,
        "-m",
        "kiosk.bench.sync",
        str(db),
        "--events",
        str(events_per_device),
        "--devices",
        str(devices),
    ]
    if progress is _quiet:
        args.append("--quiet")
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=None, text=True, check=False)
    if result.returncode != 0:
        from kiosk.errors import KioskError

        raise KioskError("bench: the sync measurements failed (see above)")
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def measure(
    source: Path,
    folder: Path,
    *,
    events_per_device: int,
    devices: int,
    progress: Callable[[str], None],
) -> dict[str, Any]:
    from kiosk.store.database import open_database

    organiser_path = folder / "organiser.sqlite"
    with open_database(source).conn as conn:
        conn.execute("VACUUM INTO ?", (str(organiser_path),))
    organiser = open_database(organiser_path).conn
    try:
        roster = _roster(organiser, folder, progress)
        merge = _merge(organiser, events_per_device, devices, progress)
    finally:
        organiser.close()
    hub = _hub(organiser_path, folder / "device.sqlite", progress)
    targets = {
        "roster_build_within_5_s": roster["build_seconds"] <= TARGET_ROSTER_S,
        "roster_apply_within_5_s": roster["apply_seconds"] <= TARGET_ROSTER_S,
        "merge_20x50000_within_10_s": (
            merge["events"] >= 1_000_000 and merge["seconds"] <= TARGET_MERGE_S
        ),
        "hub_round_trip_within_200_ms": hub["p99_ms"] <= TARGET_HUB_ROUND_TRIP_MS,
    }
    return {
        "roster": roster,
        "merge": merge,
        "hub": hub,
        "peak_rss_mb": _peak_rss_mb(),
        "targets": targets,
    }


def _roster(organiser: Any, folder: Path, progress: Callable[[str], None]) -> dict[str, Any]:
    from kiosk.store.database import open_database, transaction
    from kiosk.sync import enrolment
    from kiosk.sync.bundle import open_bundle
    from kiosk.sync.roster import apply_roster, export_roster, provision_device

    rng = random.Random(5)
    with transaction(organiser):
        # Every attendee gets a current code text, as after `kiosk issue --all` (signing 100,000
        # real codes would take the bench a while; the text is what the bundle carries).
        missing = organiser.execute(
            "SELECT registration_id FROM attendees WHERE code_version = 0"
        ).fetchall()
        organiser.executemany(
            "UPDATE attendees SET code_version = 1 WHERE registration_id = ?", missing
        )
        organiser.executemany(
            "INSERT INTO code_issues(registration_id, version, issued_ms, code) "
            "VALUES (?, 1, 0, ?)",
            [(rid, "".join(rng.choices(_BASE32, k=120))) for (rid,) in missing],
        )
    attendees = organiser.execute("SELECT count(*) FROM attendees").fetchone()[0]
    progress(f"bench: building a roster bundle of {attendees:,} attendees")
    started = time.perf_counter()
    first = export_roster(organiser)
    build_seconds = time.perf_counter() - started
    progress("bench: provisioning a device from it")
    started = time.perf_counter()
    with transaction(organiser):
        token = enrolment.add_device(organiser, "bench-door").token
    provision_device(folder / "device.sqlite", first.data, device="bench-door", enrol=token)
    provision_seconds = time.perf_counter() - started
    with transaction(organiser):
        organiser.execute(
            "UPDATE attendees SET title = 'Rapporteur' WHERE registration_id = "
            "(SELECT min(registration_id) FROM attendees)"
        )
    second = export_roster(organiser)
    progress(f"bench: applying version {second.version} over version {first.version}")
    device = open_database(folder / "device.sqlite").conn
    try:
        started = time.perf_counter()
        applied = apply_roster(device, open_bundle(second.data))
        apply_seconds = time.perf_counter() - started
    finally:
        device.close()
    assert applied.applied and applied.attendees == attendees
    return {
        "attendees": attendees,
        "checkins": first.checkins,
        "bundle_mb": round(len(first.data) / 1e6, 2),
        "build_seconds": round(build_seconds, 3),
        "provision_seconds": round(provision_seconds, 3),
        "apply_seconds": round(apply_seconds, 3),
    }


def _merge(
    organiser: Any, per_device: int, devices: int, progress: Callable[[str], None]
) -> dict[str, Any]:
    from kiosk.core import keys
    from kiosk.services.event import load_event
    from kiosk.store.checkin_log import new_event_uid
    from kiosk.store.database import transaction
    from kiosk.sync import enrolment
    from kiosk.sync.bundle import make_bundle, open_bundle
    from kiosk.sync.events import CHECKIN_COLUMNS, import_events

    event = load_event(organiser)
    people = [rid for (rid,) in organiser.execute("SELECT registration_id FROM attendees")]
    sessions = organiser.execute("SELECT session_id, start_ms FROM sessions").fetchall()
    rng = random.Random(20)
    progress(f"bench: writing {devices} events bundles of {per_device:,} check-ins")
    bundles = []
    for number in range(devices):
        key = keys.new_private_key()
        name = f"bench-door-{number:02d}"
        public = keys.public_bytes(key.public_key())
        with transaction(organiser):  # as `kiosk device add` does for each real door
            token = enrolment.add_device(organiser, name).token
        rows = []
        session_id, start = rng.choice(sessions)
        for seq in range(1, per_device + 1):
            out = seq % 4 == 0
            at_ms = start + seq * 50 + number
            rows.append(
                [
                    new_event_uid(at_ms, rng.getrandbits(80)),  # as the devices make them
                    name,
                    seq,
                    rng.choice(people),
                    session_id,
                    "out" if out else "in",
                    at_ms,
                    "admit",
                    "exit_recorded" if out else "admitted",
                    None,
                    1,
                    None,  # ticket_code: these are this system's own codes
                ]
            )
        payload = json.dumps({"columns": list(CHECKIN_COLUMNS), "rows": rows}).encode()
        bundles.append(
            make_bundle(
                kind="events",
                event_id=event.event_id,
                signer=key,
                device=name,
                payload=payload,
                created_ms=0,
                records=len(rows),
                extra={
                    "enrolment": enrolment.proof(token, event.event_id, name, public),
                    "seq_high": {name: per_device},
                    "cursor": {"from": 0, "to": per_device},
                },
            )
        )
    total = devices * per_device
    progress(f"bench: merging {total:,} check-ins from {devices} devices")
    started = time.perf_counter()
    opened = [open_bundle(data) for data in bundles]
    result = import_events(organiser, opened)
    seconds = time.perf_counter() - started
    assert result.counts.added == total, result.counts
    progress("bench: importing two of those bundles again (all duplicates)")
    started = time.perf_counter()
    again = import_events(organiser, [open_bundle(data) for data in bundles[:2]])
    again_seconds = time.perf_counter() - started
    assert again.counts.added == 0
    return {
        "devices": devices,
        "events": total,
        "bundles_mb": round(sum(len(b) for b in bundles) / 1e6, 2),
        "seconds": round(seconds, 3),
        "events_per_s": round(total / seconds),
        "duplicates_per_s": round(again.counts.duplicates / again_seconds),
    }


def _hub(
    organiser_path: Path, device_path: Path, progress: Callable[[str], None]
) -> dict[str, Any]:
    from kiosk.core.model import Direction
    from kiosk.services.checkins import CheckinService
    from kiosk.store.database import open_database, transaction
    from kiosk.store.settings import put_setting
    from kiosk.sync.client import sync_once
    from kiosk.sync.hub import start_hub
    from kiosk.sync.roster import PULL_CURSOR_SETTING

    progress("bench: starting a hub on loopback")
    hub = start_hub(organiser_path, log=_quiet)
    device = open_database(device_path).conn
    try:
        newest = hub.hub.conn.execute("SELECT max(id) FROM checkins").fetchone()[0]
        with transaction(device):  # the history is not what this figure is about
            put_setting(device, PULL_CURSOR_SETTING, int(newest or 0))
        first = sync_once(device, hub.url, timeout=60)
        if not first.ok:
            raise RuntimeError(first.message)
        service = CheckinService(device)
        session_id, start = device.execute(
            "SELECT session_id, start_ms FROM sessions WHERE access = 'open' LIMIT 1"
        ).fetchone()
        people = [r for (r,) in device.execute("SELECT registration_id FROM attendees LIMIT 50")]
        progress(f"bench: {HUB_ROUNDS} scans, each followed by a sync round")
        rounds_ms: list[float] = []
        push_ms: list[float] = []
        for n in range(HUB_ROUNDS):
            service.scan_registration(
                people[n % len(people)], session_id, direction=Direction.IN, at_ms=start + n
            )
            marks: dict[str, float] = {}

            def mark(step: str, marks: dict[str, float] = marks) -> None:
                marks.setdefault(step, time.perf_counter())

            started = time.perf_counter()
            result = sync_once(device, hub.url, progress=mark)
            rounds_ms.append((time.perf_counter() - started) * 1000)
            if not result.ok or result.pushed != 1:
                raise RuntimeError(f"hub round {n}: {result}")
            push_ms.append((marks["pushed"] - marks["hello"]) * 1000)
    finally:
        device.close()
        hub.stop()
    rounds_ms.sort()
    push_ms.sort()
    return {
        "rounds": HUB_ROUNDS,
        "p50_ms": round(_percentile(rounds_ms, 0.5), 2),
        "p99_ms": round(_percentile(rounds_ms, 0.99), 2),
        "push_p50_ms": round(_percentile(push_ms, 0.5), 2),
        "push_p99_ms": round(_percentile(push_ms, 0.99), 2),
    }


def _percentile(ordered: list[float], q: float) -> float:
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.bench.sync")
    parser.add_argument("db", type=Path)
    parser.add_argument("--events", type=int, default=MERGE_EVENTS_PER_DEVICE)
    parser.add_argument("--devices", type=int, default=MERGE_DEVICES)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        if not args.quiet:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-sync-") as tmp:
        figures = measure(
            args.db,
            Path(tmp),
            events_per_device=args.events,
            devices=args.devices,
            progress=say,
        )
    sys.stdout.write(json.dumps(figures) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
