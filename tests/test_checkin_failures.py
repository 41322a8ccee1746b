"""When a check-in cannot be recorded, no verdict is shown: a failed write or commit raises, the log
keeps nothing of it, and the door's count is read again from what was committed. Another device's
writes are seen before the next decision, an override needs a written reason, and a self
check-in's answer names the person only when their code is valid."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from builders import add_person, add_session
from kiosk.core.clock import parse_at
from kiosk.core.model import Reason
from kiosk.errors import KioskError
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes
from kiosk.store.database import open_database


class CommitFails(sqlite3.Connection):
    """A connection whose next COMMIT fails as a full or failing disk would make it fail."""

    fail_next_commit = False

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql == "COMMIT" and self.fail_next_commit:
            self.fail_next_commit = False
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


@pytest.fixture
def door(event_db, db_path: Path):
    """An event with a two-seat room; yields (path, codes, a time during the session)."""
    conn = event_db.conn
    add_session(conn, "S1", capacity=2)
    for rid in ("P1", "P2", "P3"):
        add_person(conn, rid)
    codes = dict(issue_codes(conn, None))
    return db_path, codes, parse_at("2019-09-30T10:40", ZoneInfo("Asia/Seoul"))


def _log_size(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM checkins").fetchone()[0])


def test_a_failed_commit_shows_no_verdict_and_the_count_is_read_again(door) -> None:
    path, codes, at = door
    conn = sqlite3.connect(path, isolation_level=None, factory=CommitFails)
    service = CheckinService(conn)
    assert service.scan(codes["P1"], "S1", at_ms=at).reason is Reason.ADMITTED
    conn.fail_next_commit = True
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        service.scan(codes["P2"], "S1", at_ms=at + 1)
    assert _log_size(path) == 1
    assert not conn.in_transaction  # the failed transaction was ended, the door can go on
    # P2 was never recorded inside: the next scan is a first admission, with one seat left.
    verdict = service.scan(codes["P2"], "S1", at_ms=at + 2)
    assert (verdict.reason, verdict.inside) == (Reason.ADMITTED, 2)
    conn.close()


def test_a_full_disk_while_writing_shows_no_verdict(door) -> None:
    path, codes, at = door
    conn = open_database(path).conn
    service = CheckinService(conn)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    written = 0
    with pytest.raises(sqlite3.OperationalError, match="full"):
        for n in range(10_000):  # until the last page fills up
            service.scan(codes["P1"], "S1", at_ms=at + n)
            written += 1
    assert _log_size(path) == written
    conn.execute("PRAGMA max_page_count = 1073741823")
    # The scan that failed left nothing behind: P2 still gets a seat.
    assert service.scan(codes["P2"], "S1", at_ms=at + 20_000).reason is Reason.ADMITTED
    conn.close()


def test_another_devices_admissions_are_counted_before_the_next_decision(door) -> None:
    path, codes, at = door
    here = CheckinService(open_database(path).conn)
    there = CheckinService(open_database(path).conn)  # a second door on the same database
    assert here.scan(codes["P1"], "S1", at_ms=at).inside == 1
    assert there.scan(codes["P2"], "S1", at_ms=at + 1).inside == 2
    # Two seats, two people inside: this door must not admit a third from its stale count.
    verdict = here.scan(codes["P3"], "S1", at_ms=at + 2)
    assert (verdict.reason, verdict.inside) == (Reason.ROOM_FULL, 2)
    here.conn.close()
    there.conn.close()


@pytest.mark.parametrize("reason", ["", "   ", "\t\n"])
def test_an_override_without_a_written_reason_is_refused(door, reason: str) -> None:
    path, codes, at = door
    service = CheckinService(open_database(path).conn)
    with pytest.raises(KioskError, match=r"^an override needs a reason$"):
        service.scan(codes["P1"], "S1", at_ms=at - 3 * 3_600_000, override_reason=reason)
    assert _log_size(path) == 0
    verdict = service.scan(
        codes["P1"], "S1", at_ms=at - 3 * 3_600_000, override_reason="  speaker's guest  "
    )
    assert (verdict.reason, verdict.override_reason) == (Reason.ADMITTED, "speaker's guest")
    service.conn.close()


def test_a_self_check_in_names_the_person_only_for_a_valid_code(door) -> None:
    path, codes, at = door
    service = CheckinService(open_database(path).conn)
    verdict = service.checkin(codes["P1"], at_ms=at).to_json()
    assert verdict["attendee"] == {
        "registration_id": "P1",
        "name": "KIM Minji",
        "category": "participant",
    }
    old = codes["P2"]
    list(issue_codes(service.conn, ["P2"], reissue=True))
    refused = service.checkin(old, at_ms=at).to_json()
    assert refused["reason"] == "revoked" and "attendee" not in refused
    service.conn.close()
