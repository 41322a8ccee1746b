"""The organiser PIN: stored only as a salted hash; guessing gets slower and slower."""

from __future__ import annotations

import pytest

from kiosk.errors import KioskError
from kiosk.services.pin import check_pin, has_pin, set_pin


def test_no_pin_set_lets_the_organiser_through(event_db):
    assert not has_pin(event_db.conn)
    assert check_pin(event_db.conn, "anything").ok


def test_the_pin_is_stored_as_a_salted_hash(event_db, db_path):
    set_pin(event_db.conn, "482913")
    event_db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"482913" not in db_path.read_bytes()
    assert check_pin(event_db.conn, "482913", at_ms=1_000).ok
    assert not check_pin(event_db.conn, "000000", at_ms=2_000).ok


def test_repeated_wrong_pins_slow_down(event_db):
    conn = event_db.conn
    set_pin(conn, "2019")
    t = 1_000_000
    for _ in range(3):
        assert not check_pin(conn, "1111", at_ms=t).ok
        t += 10
    # The fourth wrong try within the wait is refused without even being checked.
    answer = check_pin(conn, "2019", at_ms=t)
    assert not answer.ok and answer.wait_seconds > 0
    later = t + answer.wait_seconds * 1000
    assert check_pin(conn, "2019", at_ms=later).ok


def test_waits_grow_with_each_wrong_try(event_db):
    conn = event_db.conn
    set_pin(conn, "2019")
    t = 0
    waits = []
    for _ in range(7):
        answer = check_pin(conn, "9999", at_ms=t)
        assert not answer.ok
        waits.append(answer.wait_seconds)
        t += answer.wait_seconds * 1000
    assert waits[:3] == [0, 0, 2]
    assert waits[3:] == [4, 8, 16, 32]


@pytest.mark.parametrize("bad", ["12", "abcd", "1234567890123", ""])
def test_a_pin_is_four_to_twelve_digits(event_db, bad):
    with pytest.raises(KioskError):
        set_pin(event_db.conn, bad)
