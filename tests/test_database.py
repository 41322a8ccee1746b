"""The event database: durable settings, a clear error on damage, an append-only log."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kiosk_command import run_kiosk

from builders import add_person, add_session
from kiosk.errors import DatabaseDamaged, KioskError
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes
from kiosk.store.database import open_database
from kiosk.store.schema import SCHEMA_VERSION


def test_a_new_database_is_durable_and_versioned(event_db):
    conn = event_db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_hot_lookups_use_indexes(event_db):
    conn = event_db.conn
    plans = {
        "code": "SELECT * FROM attendees WHERE external_code = 'x'",
        "log": "SELECT 1 FROM checkins WHERE session_id = 'S' AND registration_id = 'R' "
        "AND verdict = 'admit'",
        "seq": "SELECT max(device_seq) FROM checkins WHERE device = 'd'",
        "arrival": "SELECT 1 FROM checkins WHERE session_id IS NULL AND registration_id = 'R' "
        "AND verdict = 'admit'",
        "ticket": "SELECT * FROM tickets WHERE code = 'x'",
        "ticket shape": "SELECT 1 FROM tickets WHERE length(code) = 32 LIMIT 1",
        "tickets of": "SELECT * FROM tickets WHERE registration_id = 'R'",
        "ticket doors": "SELECT ticket_type FROM session_ticket_types WHERE session_id = 'S'",
    }
    for name, query in plans.items():
        plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + query))
        assert "USING" in plan and "SCAN checkins" not in plan, (name, plan)


def test_the_checkin_log_is_append_only(event_db):
    conn = event_db.conn
    add_session(conn, "S1")
    add_person(conn, "R1")
    code = next(issue_codes(conn, ["R1"]))[1]
    CheckinService(conn).scan(code, "S1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE checkins SET reason = 'admitted'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM checkins")


def test_init_refuses_an_existing_database(db_path):
    assert run_kiosk("--db", str(db_path), "init", "--event-name", "A").returncode == 0
    again = run_kiosk("--db", str(db_path), "init", "--event-name", "B")
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert "Traceback" not in again.stderr


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path):
    bogus = tmp_path / "event.sqlite"
    bogus.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(DatabaseDamaged):
        open_database(bogus)
    result = run_kiosk("--db", str(bogus), "status")
    assert result.returncode == 2
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert bogus.read_bytes().startswith(b"this is a spreadsheet")


def test_a_damaged_database_is_detected_at_open(event_db, db_path):
    conn = event_db.conn
    add_session(conn, "S1")
    for n in range(400):
        add_person(conn, f"R{n}", family="X" * 50)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'attendees'").fetchone()
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_path.read_bytes())
    # Scribble over the b-tree page header of the attendees table, as a failing disk might.
    start = (root[0] - 1) * page
    data[start : start + 12] = b"\xa5" * 12
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        open_database(db_path)


def test_a_missing_database_names_init(tmp_path):
    result = run_kiosk("--db", str(tmp_path / "none.sqlite"), "status")
    assert result.returncode == 2
    assert "kiosk init" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_a_newer_schema_is_refused(event_db, db_path):
    event_db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    event_db.conn.close()
    with pytest.raises(KioskError, match="newer version"):
        open_database(db_path)


@given(
    times=st.lists(st.integers(min_value=0, max_value=2**48 - 1), min_size=2, max_size=50),
)
def test_checkin_ids_are_unique_and_in_time_order(times):
    """Check-in ids put the scan time first (as UUIDv7), so a day's ids sit together in the
    log's unique index; the 80 random bits keep two scans of the same millisecond apart."""
    from kiosk.store.checkin_log import new_event_uid

    ids = [new_event_uid(at) for at in times]
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert len(set(ids)) == len(ids)
    pairs = list(zip(times, ids, strict=True))
    for (a, id_a), (b, id_b) in zip(pairs, pairs[1:], strict=False):
        if a < b:
            assert id_a < id_b
        elif a > b:
            assert id_a > id_b
    same = {new_event_uid(times[0]) for _ in range(100)}
    assert len(same) == 100 and len({i[:12] for i in same}) == 1


def test_every_connection_has_the_durability_settings(event_db, db_path) -> None:
    """One `connect()`: the app's, the workers' and the readers' connections are set up alike."""
    from kiosk.store.database import connect

    for conn in (event_db.conn, connect(db_path), connect(db_path, read_only=True)):
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.isolation_level is None
    reader = connect(db_path, read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")


def test_codes_from_other_systems_become_tickets_when_an_older_database_opens(tmp_path):
    """A schema-6 database (codes in `attendees.external_code`) opened by this version: each code
    is a ticket of its person; one replaced by a reissue scans revoked and its holder, who has a
    new badge, is not taken for cancelled."""
    from kiosk.store.people import attendee_by_id, badge_holders
    from kiosk.store.schema import MIGRATIONS
    from kiosk.store.tickets import ticket_by_code, tickets_of

    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    for script in MIGRATIONS[:6]:
        old.executescript(script)
    old.executescript(
        "INSERT INTO attendees(registration_id, category, external_code, external_code_revoked, "
        "code_version) VALUES ('R1', 'participant', 'EXT-1', 0, 0), "
        "('R2', 'participant', 'EXT-2', 1, 2), ('R3', 'participant', NULL, 0, 1);"
        "PRAGMA user_version = 6;"
    )
    old.close()
    conn = open_database(path).conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert ticket_by_code(conn, "EXT-1").registration_id == "R1"
    assert [(t.code, t.status) for t in tickets_of(conn, "R2")] == [("EXT-2", "valid")]
    assert attendee_by_id(conn, "R2").external_codes_revoked
    assert not attendee_by_id(conn, "R2").cancelled
    assert badge_holders(conn) == ["R1", "R2", "R3"]
    conn.close()
