"""Organiser console figures for `kiosk bench`: roster search as you type, and the day report.

It runs in a process of its own (`python -m kiosk.bench.console DB`) on a copy of the bench's
event database, so Qt and the loaded roster do not count in the door's peak-memory figure, and
reports:

- `roster_search`: the real roster tab (offscreen) over every attendee; each keystroke is timed
  from the key event to the filtered table painted (typing names letter by letter, Hangul
  committed syllable by syllable as an input method does, deleting back to empty). The first
  keystroke after opening is reported apart (`first_keystroke_ms`: fonts and caches warming up);
  the target is on every keystroke after it;
- `day_report`: the day report PDF of the busiest day, after seeding that day with arrivals for
  60% of the registrations, door entries and exits, and badge prints (bulk inserts: the log's
  shape, not the door's speed, is what this measures).
"""

from __future__ import annotations

import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

TARGET_SEARCH_MS = 50.0
TARGET_REPORT_S = 10.0
ARRIVAL_SHARE = 0.6
# Searches typed letter by letter: ASCII as key presses, other letters committed as an input
# method commits them (Hangul syllable by syllable).
QUERIES: tuple[str, ...] = ("kim min", "park ju", "garcía", "lee seo", "s-01234", "김민", "nguy")


def _quiet(message: str) -> None:
    return None


def run_console_bench(db_path: Path, progress: Callable[[str], None] = _quiet) -> dict[str, Any]:
    """Copy the bench database and measure the console on it in a fresh process."""
    copy = db_path.with_name("console-bench.sqlite")
    source = sqlite3.connect(db_path)
    target = sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    progress("bench: organiser console (roster search, day report) in its own process")
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk.bench.console", str(copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert child.stderr is not None and child.stdout is not None
    for line in child.stderr:
        if line.startswith("bench:"):
            progress(line.rstrip())
    output = child.stdout.read()
    if child.wait() != 0 or not output.strip():
        return {"error": "the console bench failed", "targets": {}}
    figures: dict[str, Any] = json.loads(output)
    return figures


def seed_day(conn: sqlite3.Connection, day: str, rng: random.Random) -> dict[str, int]:
    """Arrivals, door entries and exits, and badge prints for one day, inserted in bulk."""
    from kiosk.store.database import transaction

    sessions = conn.execute(
        "SELECT session_id, start_ms, end_ms FROM sessions WHERE date = ? ORDER BY start_ms",
        (day,),
    ).fetchall()
    people = [
        rid
        for (rid,) in conn.execute(
            "SELECT registration_id FROM attendees WHERE status = 'registered'"
        )
    ]
    arrived = rng.sample(people, int(len(people) * ARRIVAL_SHARE))
    first_start = min(start for _, start, _ in sessions)
    rows: list[tuple[Any, ...]] = []
    prints: list[tuple[Any, ...]] = []
    seq = 0

    def log(rid: str, sid: str | None, direction: str, at: int, reason: str) -> None:
        nonlocal seq
        seq += 1
        rows.append(
            (uuid.uuid4().hex, "bench-seed", seq, rid, sid, direction, at, "admit", reason, 1)
        )

    for rid in arrived:
        at = first_start - 3_600_000 + rng.randrange(8 * 3_600_000)
        log(rid, None, "in", at, "admitted")
        prints.append((rid, "bench-kiosk", at + 20_000, f"job-{rid}"))
        for sid, start, end in rng.sample(sessions, rng.randint(1, 3)):
            entry = start - 900_000 + rng.randrange(1_800_000)
            log(rid, sid, "in", entry, "admitted")
            if rng.random() < 0.4:
                log(rid, sid, "out", entry + rng.randrange(max(1, end - entry)), "exit_recorded")
    rows.sort(key=lambda row: row[6])
    with transaction(conn):
        conn.executemany(
            "INSERT INTO checkins(event_uid, device, device_seq, registration_id, session_id, "
            "direction, at_ms, verdict, reason, code_version) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO badge_prints(registration_id, code_version, device, at_ms, printer, "
            "layout, job, status) VALUES (?, 1, ?, ?, 'bench', 'cr80', ?, 'printed')",
            prints,
        )
    return {"arrivals": len(arrived), "log_rows": len(rows), "prints": len(prints)}


def _percentile(ordered: list[float], q: float) -> float:
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def measure_search(db_path: Path, progress: Callable[[str], None]) -> dict[str, Any]:
    """Type into the real roster tab over the whole roster; time key to painted table."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.gui.organiser.desk import DeskActions
    from kiosk.gui.organiser.roster_model import load_roster
    from kiosk.gui.organiser.roster_view import RosterView
    from kiosk.gui.organiser.tasks import TaskRunner
    from kiosk.gui.shell.context import open_context
    from kiosk.store.database import connect

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    context = open_context(app, db_path, "en")
    view = RosterView(context, DeskActions(context.conn, db_path), TaskRunner())
    view.resize(1280, 800)
    view.show()
    started = time.perf_counter()
    conn = connect(db_path)
    data = load_roster(conn)
    conn.close()
    load_seconds = time.perf_counter() - started
    view.set_roster(data)
    for _ in range(3):
        app.processEvents()
    progress(f"bench: typing {len(QUERIES)} searches over {len(data):,} people")

    def press(key: str | None) -> float:
        begin = time.perf_counter()
        if key is None:
            QTest.keyClick(view.search, Qt.Key.Key_Backspace)
        elif key.isascii():
            QTest.keyClicks(view.search, key)
        else:
            view.search.insert(key)  # an input method commits the syllable
        app.processEvents()
        return (time.perf_counter() - begin) * 1000

    view.search.setFocus()
    first = press(QUERIES[0][0])
    press(None)
    timings: list[float] = []
    shown: list[int] = []
    for query in QUERIES:
        for key in query:
            timings.append(press(key))
            shown.append(view.model.rowCount())
        for _ in query:
            timings.append(press(None))
    view.close()
    context.conn.close()
    ordered = sorted(timings)
    worst = ordered[-1]
    return {
        "people": len(data),
        "keystrokes": len(timings),
        "first_keystroke_ms": round(first, 2),
        "p50_ms": round(_percentile(ordered, 0.5), 2),
        "p95_ms": round(_percentile(ordered, 0.95), 2),
        "max_ms": round(worst, 2),
        "fewest_rows_shown": min(shown),
        "roster_load_s": round(load_seconds, 3),
    }


def measure_report(db_path: Path, progress: Callable[[str], None]) -> dict[str, Any]:
    """Seed the first programme day and time its day report."""
    from kiosk.reports import render_day_report
    from kiosk.store.database import open_database

    conn = open_database(db_path).conn
    day = conn.execute("SELECT min(date) FROM sessions").fetchone()[0]
    progress(f"bench: seeding {day} with arrivals, entries and prints")
    seeded = seed_day(conn, day, random.Random(2019))
    attendees = conn.execute("SELECT count(*) FROM attendees").fetchone()[0]
    progress("bench: rendering the day report")
    started = time.perf_counter()
    result = render_day_report(conn, date.fromisoformat(day), db_path.with_name("day.pdf"))
    seconds = time.perf_counter() - started
    conn.close()
    return {
        "attendees": attendees,
        **seeded,
        "pages": result.pages,
        "seconds": round(seconds, 3),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    db_path = Path(args[0])

    def say(message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()

    search = measure_search(db_path, say)
    report = measure_report(db_path, say)
    figures = {
        "roster_search": search,
        "day_report": report,
        "targets": {
            "roster_search_within_50_ms": search["max_ms"] <= TARGET_SEARCH_MS,
            "day_report_within_10_s": report["seconds"] <= TARGET_REPORT_S,
        },
    }
    sys.stdout.write(json.dumps(figures) + "\n")
    db_path.with_name("day.pdf").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
