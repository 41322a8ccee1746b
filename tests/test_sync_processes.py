"""Three door processes scanning at once against a hub on loopback, one of them killed with
SIGKILL in the middle of a sync and started again: nothing acknowledged is lost, nothing is
counted twice, and every database ends with the same log."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kiosk_command import KIOSK
from sync_helpers import DOOR_PROCESS, log_rows, make_organiser, provision

from kiosk.services.status import event_status
from kiosk.store.database import open_database
from kiosk.sync.client import sync_once
from kiosk.sync.state import device_list, pending_events

SCANS_PER_DOOR = 3_400
SYNC_EVERY = 250
KILLED_AT_ROUND = 3


def _start_hub(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    hub = subprocess.Popen(
        [*KIOSK, "--db", str(db), "hub", "serve", "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = re.search(r"on (http://127\.0\.0\.1:\d+)", log.read_text())
        if found:
            return hub, found.group(1)
        assert hub.poll() is None, log.read_text()
        time.sleep(0.05)
    hub.kill()
    raise AssertionError("the hub did not start")


def _door(args: list[str], kill_round: int = 0) -> subprocess.Popen[str]:
    env = {**os.environ, "KILL_AFTER_PUSH": str(kill_round)}
    return subprocess.Popen(
        [sys.executable, "-c", DOOR_PROCESS, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _acknowledged(path: Path) -> list[str]:
    text = path.read_text() if path.exists() else ""
    return [line for line in text.split("\n")[:-1] if line]  # a cut last line was not acked


@pytest.mark.slow
def test_three_doors_one_killed_mid_sync_lose_nothing_and_count_nothing_twice(tmp_path):
    people = tuple(f"P{n:03d}" for n in range(60))
    organiser, codes = make_organiser(tmp_path / "organiser.sqlite", people)
    names = ("door-1", "door-2", "door-3")
    for name in names:
        provision(organiser, tmp_path / f"{name}.sqlite", name).close()
    codes_file = tmp_path / "codes.json"
    codes_file.write_text(json.dumps(codes))
    hub, url = _start_hub(tmp_path / "organiser.sqlite", tmp_path / "hub.log")
    started = time.monotonic()
    try:

        def args(name: str, start: int, count: int) -> list[str]:
            lane = names.index(name)
            return [
                str(tmp_path / f"{name}.sqlite"),
                url,
                str(codes_file),
                str(tmp_path / f"{name}.acks"),
                str(start),
                str(count),
                str(SYNC_EVERY),
                str(lane),
            ]

        doors = {name: _door(args(name, 0, SCANS_PER_DOOR)) for name in names[1:]}
        victim = _door(args("door-1", 0, SCANS_PER_DOOR), kill_round=KILLED_AT_ROUND)
        assert victim.stdout is not None
        for line in victim.stdout:
            if line.strip() == "mid-sync":
                break
        else:
            raise AssertionError(victim.stderr.read() if victim.stderr else "no mid-sync")
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        done_before_kill = len(_acknowledged(tmp_path / "door-1.acks"))
        assert done_before_kill == KILLED_AT_ROUND * SYNC_EVERY
        # Restarted, it carries on with the scans it had left.
        doors["door-1"] = _door(args("door-1", done_before_kill, SCANS_PER_DOOR - done_before_kill))
        for name, process in doors.items():
            out, err = process.communicate(timeout=240)
            assert process.returncode == 0, (name, err)
            assert "done" in out
        # One more round for everyone, so each door has the others' last check-ins.
        connections = {name: open_database(tmp_path / f"{name}.sqlite").conn for name in names}
        for conn in connections.values():
            assert sync_once(conn, url).ok
    finally:
        hub.send_signal(signal.SIGINT)
        hub.wait(timeout=15)
    elapsed = time.monotonic() - started

    acked = {name: _acknowledged(tmp_path / f"{name}.acks") for name in names}
    assert sum(len(a) for a in acked.values()) == 3 * SCANS_PER_DOOR >= 10_000
    uids = {uid for a in acked.values() for uid in a}
    assert len(uids) == 3 * SCANS_PER_DOOR
    organiser = open_database(tmp_path / "organiser.sqlite").conn
    at_organiser = {row[0] for row in organiser.execute("SELECT event_uid FROM checkins")}
    # Nothing acknowledged is lost; nothing is counted twice; nothing else appeared.
    assert at_organiser == uids
    assert organiser.execute("SELECT count(*) FROM checkins").fetchone()[0] == len(uids)
    for status in device_list(organiser):
        assert (status.received, status.highest_seq, status.missing) == (3_400, 3_400, 0)
    union = set().union(*(log_rows(c, local_only=True) for c in connections.values()))
    assert log_rows(organiser) == union
    expected = event_status(organiser)
    for conn in connections.values():
        assert pending_events(conn) == 0
        assert log_rows(conn) == union
        assert event_status(conn) == expected
    # The killed door's unrecorded push came again and was taken as duplicates.
    hub_log = (tmp_path / "hub.log").read_text()
    repushed = re.findall(r"device=door-1 added=(\d+) duplicates=([1-9]\d*)", hub_log)
    assert repushed, hub_log[-2000:]
    assert elapsed < 120, elapsed


def test_a_hub_told_to_stop_says_it_stopped_and_leaves_its_database_whole(tmp_path):
    """systemd and `kill` stop a hub with SIGTERM: it ends as Ctrl+C would, exit 0, logged."""
    make_organiser(tmp_path / "organiser.sqlite", ("P001",))
    log = tmp_path / "hub.log"
    hub, url = _start_hub(tmp_path / "organiser.sqlite", log)
    hub.send_signal(signal.SIGTERM)
    assert hub.wait(timeout=15) == 0
    assert log.read_text().rstrip().endswith("hub: stopped")
    conn = open_database(tmp_path / "organiser.sqlite").conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
