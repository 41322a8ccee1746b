"""A door killed mid-scan loses no check-in it had shown, and its database stays sound."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from builders import add_person, add_session
from kiosk.services.issuing import issue_codes

CHILD = r"""
import sys
from kiosk.core.clock import parse_at
from kiosk.core.model import Direction
from kiosk.services.checkins import CheckinService
from kiosk.store.database import open_database

service = CheckinService(open_database(sys.argv[1]).conn)
codes = sys.argv[2:]
at = parse_at("2019-09-30T10:45", service.event.tz)
i = 0
print("ready", flush=True)
while True:
    direction = Direction.OUT if i % 3 == 2 else Direction.IN
    verdict = service.scan(codes[i % len(codes)], "NS1", direction=direction, at_ms=at + i)
    # The verdict is acknowledged (shown) only now, after its commit.
    sys.stdout.write(verdict.checkin_id + "\n")
    sys.stdout.flush()
    i += 1
"""


@pytest.mark.slow
def test_killed_door_keeps_every_acknowledged_checkin(event_db, db_path):
    conn = event_db.conn
    add_session(conn, "NS1")
    for n in range(5):
        add_person(conn, f"R{n}")
    codes = [code for _, code in issue_codes(conn, None)]
    conn.close()

    rng = random.Random(7)
    acknowledged: list[str] = []
    for _round in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db_path), *codes],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        lines: list[str] = []
        while time.monotonic() < deadline:
            lines.append(child.stdout.readline())
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        lines.append(rest)
        text = "".join(lines)
        # Only complete lines were acknowledged; a torn last line was not yet shown.
        complete = text.split("\n")[:-1]
        acknowledged.extend(line for line in complete if line)
        assert child.returncode == -signal.SIGKILL

    assert len(acknowledged) > 20
    check = sqlite3.connect(db_path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in check.execute("SELECT event_uid FROM checkins")}
        missing = [uid for uid in acknowledged if uid not in stored]
        assert missing == []
        seqs = [row[0] for row in check.execute("SELECT device_seq FROM checkins ORDER BY id")]
        assert seqs == sorted(set(seqs)), "per-device sequence numbers stay unique and ordered"
    finally:
        check.close()
