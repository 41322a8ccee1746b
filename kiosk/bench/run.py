"""`kiosk bench`: measure the hot paths on a synthetic event, each beside its floor.

The product's promise is that software is never the queue's bottleneck. A figure alone says
little on an unknown machine, so every figure comes with the floor measured in the same run on
the same database file: the least work any correct door must do per scan (one Ed25519 verify, one
primary-key read, one durable commit). `p99_vs_floor` then says how much the product adds.

Everything happens in a temporary folder: the synthetic files (`kiosk.demo.synthetic`), a fresh
event database, the real import pipeline and the real `CheckinService`.
"""

from __future__ import annotations

import base64
import json
import math
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench.badges import TARGET_BADGES_PER_S, measure_badges
from kiosk.bench.console import run_console_bench
from kiosk.bench.pretix import TARGET_PRETIX_ROWS_PER_S, run_pretix_bench
from kiosk.bench.sync import MERGE_EVENTS_PER_DEVICE, run_sync_bench
from kiosk.core.codes import issue_code
from kiosk.core.keys import new_private_key
from kiosk.core.model import Direction
from kiosk.demo.synthetic import write_synthetic_event
from kiosk.errors import KioskError
from kiosk.imports import run_import
from kiosk.services.checkins import CheckinService
from kiosk.services.event import Event, init_event, load_event, load_signing_key
from kiosk.services.issuing import issue_codes
from kiosk.store.database import transaction

SEED = 2019
# People given codes: enough distinct (person, session) pairs for every first entry of the mix,
# far fewer than the roster (signing is ~50 µs a code, and doors only ever see some people).
CODED_PEOPLE = 2_000
BADGE_BATCH = 1_000
GUI_SCANS = 300
# Shares of the scan mix: first entries, re-entries, exits, invite-only refusals, bad codes.
MIX_WEIGHTS: dict[str, int] = {"admit": 35, "readmit": 15, "exit": 20, "deny": 15, "invalid": 15}
TARGET_SCAN_P99_MS = 2.0
TARGET_P99_VS_FLOOR = 3.0
TARGET_IMPORT_ROWS_PER_S = 50_000
TARGET_PEAK_RSS_MB = 200.0

_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_ATTENDEE_BY_ID = (
    "SELECT registration_id, family_name, given_name, category, status, code_version, language "
    "FROM attendees WHERE registration_id = ?"
)


def _quiet(message: str) -> None:
    return None


@dataclass(frozen=True, slots=True)
class PlannedScan:
    """One scan of the mix, prepared before the clock starts."""

    code: str
    session_id: str
    direction: Direction
    at_ms: int


def run_bench(
    attendees: int = 100_000,
    scans: int = 10_000,
    progress: Callable[[str], None] = _quiet,
    sync_events: int = MERGE_EVENTS_PER_DEVICE,
) -> dict[str, Any]:
    """Build a synthetic event of `attendees` people, import it, and time at least `scans`
    mixed door scans; return the figures and whether each target is met (see module doc)."""
    if attendees < 1 or scans < 1:
        raise KioskError("bench needs at least one attendee and one scan")
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        folder = Path(tmp)
        progress(f"bench: writing a synthetic event of {attendees:,} attendees")
        paths = write_synthetic_event(folder / "files", attendees, seed=SEED)
        db = init_event(folder / "event.sqlite", "Synthetic Forum", "Asia/Seoul")
        conn = db.conn
        try:
            _import(conn, "programme", paths["programme"], progress)
            started = time.perf_counter()
            _import(conn, "roster", paths["roster"], progress)
            import_seconds = time.perf_counter() - started
            _import(conn, "invitations", paths["invitations"], progress)
            event = load_event(conn)
            rng = random.Random(SEED)
            codes = _issue_subset(conn, event, rng, progress)
            throughput_scans = max(100, scans // 5)
            plan = _ScanPlanner(conn, event, codes, rng).plan(scans + throughput_scans)
            scan_figures = _measure_latency(conn, event, plan[:scans], codes, progress)
            commit_figures = _measure_throughput(conn, event, plan[scans:], codes, progress)
            badge_people = sorted(codes)[: min(BADGE_BATCH, max(100, attendees // 100))]
            badge_figures = measure_badges(conn, badge_people, folder, progress)
            gui_figures = _gui(conn, folder / "event.sqlite", codes, progress)
        finally:
            conn.close()
        console_figures = run_console_bench(folder / "event.sqlite", progress=progress)
        pretix_figures = run_pretix_bench(attendees, progress)
        sync_figures = run_sync_bench(
            folder / "event.sqlite", events_per_device=sync_events, progress=progress
        )
    peak_rss_mb = _peak_rss_mb()
    ratio = scan_figures["p99_vs_floor"]
    rows_per_s = attendees / import_seconds if import_seconds > 0 else math.inf
    targets = {
        "scan_p99_within_2_ms": scan_figures["p99_ms"] <= TARGET_SCAN_P99_MS,
        "scan_p99_within_3x_floor": ratio is not None and ratio <= TARGET_P99_VS_FLOOR,
        "import_at_least_50000_rows_per_s": rows_per_s >= TARGET_IMPORT_ROWS_PER_S,
        "pretix_import_at_least_50000_rows_per_s": pretix_figures["rows_per_s"]
        >= TARGET_PRETIX_ROWS_PER_S,
        "peak_rss_below_200_mb": peak_rss_mb is not None and peak_rss_mb < TARGET_PEAK_RSS_MB,
        "badges_at_least_100_per_s": badge_figures["badges_per_s"] >= TARGET_BADGES_PER_S,
        "gui_start_within_2_s": gui_figures.get("start_to_ready_s", math.inf) <= 2.0,
        "gui_scan_to_paint_p99_within_50_ms": gui_figures.get("scan_to_paint_p99_ms", math.inf)
        <= 50.0,
        **{f"sync_{name}": met for name, met in sync_figures["targets"].items()},
    }
    targets.update(console_figures.get("targets") or {"console_bench_ran": False})
    targets["all_met"] = all(targets.values())
    return {
        "attendees": attendees,
        "import": {"rows_per_s": round(rows_per_s), "seconds": round(import_seconds, 3)},
        "pretix_import": pretix_figures,
        "scan": scan_figures,
        "commits": commit_figures,
        "badges": badge_figures,
        "gui": gui_figures,
        "sync": sync_figures,
        "console": console_figures,
        "peak_rss_mb": peak_rss_mb,
        "targets": targets,
    }


def _gui(
    conn: sqlite3.Connection,
    db: Path,
    codes: dict[str, str],
    progress: Callable[[str], None],
) -> dict[str, Any]:
    """Start the door screen on the event in a fresh process; time start and scan to paint."""
    from kiosk.bench.gui import run_gui_bench

    row = conn.execute(
        "SELECT session_id, start_ms FROM sessions WHERE access = 'open' "
        "ORDER BY capacity IS NOT NULL, start_ms LIMIT 1"
    ).fetchone()
    if row is None:
        return {"error": "no open session"}
    progress("bench: starting the door screen (offscreen) and scanning")
    sample = sorted(codes.values())[:GUI_SCANS]
    return run_gui_bench(db, sample, row[0], int(row[1]) + 60_000)


def _import(
    conn: sqlite3.Connection, kind: str, path: Path, progress: Callable[[str], None]
) -> None:
    progress(f"bench: importing the {kind}")
    report = run_import(conn, kind, path, warn=progress)
    if report.errors:
        first = report.errors[0]
        raise KioskError(
            f"bench: the synthetic {kind} did not import ({len(report.errors)} error(s), first: "
            f"row {first.row} {first.field}: {first.message})"
        )


def _issue_subset(
    conn: sqlite3.Connection, event: Event, rng: random.Random, progress: Callable[[str], None]
) -> dict[str, str]:
    """Issue codes to a random sample of registered people: registration id -> code."""
    registered = [
        rid
        for (rid,) in conn.execute(
            "SELECT registration_id FROM attendees WHERE status = 'registered' "
            "ORDER BY registration_id"
        )
    ]
    if not registered:
        raise KioskError("bench: the synthetic roster has nobody registered")
    chosen = rng.sample(registered, min(len(registered), CODED_PEOPLE))
    progress(f"bench: issuing {len(chosen):,} codes")
    return dict(issue_codes(conn, chosen, event=event))


class _ScanPlanner:
    """Plans a realistic mix of scans, tracking who should be inside so re-entries and exits
    are real ones. The verdicts are whatever the service decides; the plan only aims."""

    def __init__(
        self, conn: sqlite3.Connection, event: Event, codes: dict[str, str], rng: random.Random
    ) -> None:
        self.event = event
        self.codes = codes
        self.rng = rng
        sessions = conn.execute(
            "SELECT session_id, start_ms, end_ms, capacity, access FROM sessions"
        ).fetchall()
        if not sessions:
            raise KioskError("bench: the synthetic programme has no sessions")
        self.start = {sid: start for sid, start, _, _, _ in sessions}
        self.shortest_ms = min(end - start for _, start, end, _, _ in sessions)
        # Roomy open sessions for entries, so the mix is not mostly room_full.
        roomy = [
            sid
            for sid, _, _, capacity, access in sessions
            if access == "open" and (capacity is None or capacity >= 400)
        ]
        self.open_ids = roomy or [sessions[0][0]]
        self.closed_ids = [sid for sid, _, _, _, access in sessions if access == "invite_only"]
        # Who may pass each invite-only door besides staff: its list and its speakers.
        self.passes = set(
            conn.execute(
                "SELECT session_id, registration_id FROM invitations UNION "
                "SELECT session_id, registration_id FROM session_speakers"
            ).fetchall()
        )
        self.people = sorted(codes)
        category = dict(
            conn.execute(
                "SELECT registration_id, category FROM attendees "
                "WHERE registration_id IN (SELECT value FROM json_each(?))",
                (json.dumps(self.people),),
            ).fetchall()
        )
        staff = event.policy.staff_categories
        self.outsiders = [rid for rid in self.people if category.get(rid) not in staff]
        self.forger = new_private_key()
        self.entered: set[tuple[str, str]] = set()
        self.inside: list[tuple[str, str]] = []
        self.left: list[tuple[str, str]] = []
        self.tick = 0
        self.step = 1

    def plan(self, count: int) -> list[PlannedScan]:
        """`count` scans in time order, all inside their session's door window."""
        self.step = max(1, (self.shortest_ms - 120_000) // max(1, count))
        kinds = list(MIX_WEIGHTS)
        weights = list(MIX_WEIGHTS.values())
        return [self._one(self.rng.choices(kinds, weights)[0]) for _ in range(count)]

    def _scan(self, code: str, session_id: str, direction: Direction) -> PlannedScan:
        self.tick += 1
        at_ms = self.start[session_id] + 60_000 + self.tick * self.step
        return PlannedScan(code, session_id, direction, at_ms)

    def _one(self, kind: str) -> PlannedScan:
        rng = self.rng
        if kind == "exit" and self.inside:
            rid, sid = _take(self.inside, rng)
            self.left.append((rid, sid))
            return self._scan(self.codes[rid], sid, Direction.OUT)
        if kind == "readmit" and (self.inside or self.left):
            if self.left and (not self.inside or rng.random() < 0.5):
                rid, sid = _take(self.left, rng)
                self.inside.append((rid, sid))
            else:
                rid, sid = rng.choice(self.inside)
            return self._scan(self.codes[rid], sid, Direction.IN)
        if kind == "deny" and self.closed_ids and self.outsiders:
            for _ in range(20):
                sid = rng.choice(self.closed_ids)
                rid = rng.choice(self.outsiders)
                if (sid, rid) not in self.passes:
                    return self._scan(self.codes[rid], sid, Direction.IN)
        if kind == "invalid":
            return self._scan(self._bad_code(), rng.choice(self.open_ids), Direction.IN)
        # A first entry (also the fallback when the kind drawn has nobody to act on).
        for _ in range(20):
            rid, sid = rng.choice(self.people), rng.choice(self.open_ids)
            if (rid, sid) not in self.entered:
                break
        self.entered.add((rid, sid))
        self.inside.append((rid, sid))
        return self._scan(self.codes[rid], sid, Direction.IN)

    def _bad_code(self) -> str:
        """A forged (another key), altered (one character changed) or random code."""
        rng = self.rng
        rid = rng.choice(self.people)
        genuine = self.codes[rid]
        style = rng.randrange(3)
        if style == 0:
            return issue_code(self.forger, self.event.event_id, rid, 1)
        if style == 1:
            where = rng.randrange(len(genuine))
            replacement = rng.choice(_BASE32.replace(genuine[where], ""))
            return genuine[:where] + replacement + genuine[where + 1 :]
        return base64.b32encode(rng.randbytes(len(genuine) * 5 // 8)).decode().rstrip("=")


def _take(items: list[tuple[str, str]], rng: random.Random) -> tuple[str, str]:
    """Remove and return a random element in O(1) (order does not matter)."""
    index = rng.randrange(len(items))
    items[index], items[-1] = items[-1], items[index]
    return items.pop()


class _Floor:
    """The least work of any correct, durable door: verify a signature with a pre-loaded key,
    read one attendee by primary key, insert one row into a scratch table and commit (same
    connection, same pragmas: WAL, synchronous=FULL)."""

    def __init__(self, conn: sqlite3.Connection, people: list[str]) -> None:
        self.conn = conn
        self.people = people
        key = load_signing_key(conn)
        self.public_key = key.public_key()
        self.message = b"kiosk-bench-floor" + bytes(range(40))
        self.signature = key.sign(self.message)
        self.count = 0
        with transaction(conn):
            conn.execute(
                "CREATE TABLE IF NOT EXISTS bench_floor ("
                "id INTEGER PRIMARY KEY, registration_id TEXT NOT NULL, n INTEGER NOT NULL)"
            )

    def op(self) -> None:
        self.count += 1
        rid = self.people[self.count % len(self.people)]
        self.public_key.verify(self.signature, self.message)
        row = self.conn.execute(_ATTENDEE_BY_ID, (rid,)).fetchone()
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO bench_floor(registration_id, n) VALUES (?, ?)", (row[0], self.count)
            )


def _measure_latency(
    conn: sqlite3.Connection,
    event: Event,
    plan: list[PlannedScan],
    codes: dict[str, str],
    progress: Callable[[str], None],
) -> dict[str, Any]:
    """Scan latency, each scan followed by one floor operation so both see the same conditions."""
    service = CheckinService(conn, event)
    floor = _Floor(conn, sorted(codes))
    clock = time.perf_counter
    scan_ms: list[float] = []
    floor_ms: list[float] = []
    mix: Counter[str] = Counter()
    report_every = max(1, len(plan) // 4)
    progress(f"bench: timing {len(plan):,} scans, each beside a floor operation")
    for number, item in enumerate(plan, start=1):
        started = clock()
        verdict = service.scan(
            item.code, item.session_id, direction=item.direction, at_ms=item.at_ms
        )
        scan_ms.append((clock() - started) * 1000)
        mix[verdict.reason.value] += 1
        started = clock()
        floor.op()
        floor_ms.append((clock() - started) * 1000)
        if number % report_every == 0:
            progress(f"bench: {number:,}/{len(plan):,} scans")
    scan_ms.sort()
    floor_ms.sort()
    p99, floor_p99 = _percentile(scan_ms, 0.99), _percentile(floor_ms, 0.99)
    return {
        "count": len(plan),
        "p50_ms": round(_percentile(scan_ms, 0.50), 3),
        "p99_ms": round(p99, 3),
        "floor_p50_ms": round(_percentile(floor_ms, 0.50), 3),
        "floor_p99_ms": round(floor_p99, 3),
        "p99_vs_floor": round(p99 / floor_p99, 2) if floor_p99 > 0 else None,
        "mix": dict(sorted(mix.items())),
    }


def _measure_throughput(
    conn: sqlite3.Connection,
    event: Event,
    plan: list[PlannedScan],
    codes: dict[str, str],
    progress: Callable[[str], None],
) -> dict[str, Any]:
    """Durable scans per second in a tight loop, then floor operations per second the same way."""
    service = CheckinService(conn, event)
    floor = _Floor(conn, sorted(codes))
    progress(f"bench: {len(plan):,} scans back to back, then as many floor operations")
    started = time.perf_counter()
    for item in plan:
        service.scan(item.code, item.session_id, direction=item.direction, at_ms=item.at_ms)
    scan_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for _ in plan:
        floor.op()
    floor_seconds = time.perf_counter() - started
    return {
        "count": len(plan),
        "per_s": round(len(plan) / scan_seconds, 1),
        "floor_per_s": round(len(plan) / floor_seconds, 1),
    }


def _percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _peak_rss_mb() -> float | None:
    """Peak resident memory of this process in MB (None where the OS does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
