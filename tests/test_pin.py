"""The organiser PIN: at least six digits, stored only as a salted hash on each device, never in a
bundle and never changed by a sync; changing it needs the current one (or the organiser's own
machine); guessing gets slower and slower."""

from __future__ import annotations

import json
import zlib

import pytest
from kiosk_command import kiosk
from sync_helpers import make_organiser, provision

from kiosk.errors import KioskError
from kiosk.services import pin as pins
from kiosk.services.pin import change_pin, check_pin, has_pin, set_pin
from kiosk.store.database import open_database
from kiosk.store.settings import get_setting
from kiosk.sync.bundle import open_bundle
from kiosk.sync.roster import apply_roster, export_roster


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
    set_pin(conn, "201909")
    t = 1_000_000
    for _ in range(3):
        assert not check_pin(conn, "111111", at_ms=t).ok
        t += 10
    # The fourth wrong try within the wait is refused without even being checked.
    answer = check_pin(conn, "201909", at_ms=t)
    assert not answer.ok and answer.wait_seconds > 0
    later = t + answer.wait_seconds * 1000
    assert check_pin(conn, "201909", at_ms=later).ok


def test_waits_grow_with_each_wrong_try(event_db):
    conn = event_db.conn
    set_pin(conn, "201909")
    t = 0
    waits = []
    for _ in range(7):
        answer = check_pin(conn, "999999", at_ms=t)
        assert not answer.ok
        waits.append(answer.wait_seconds)
        t += answer.wait_seconds * 1000
    assert waits[:3] == [0, 0, 2]
    assert waits[3:] == [4, 8, 16, 32]


@pytest.mark.parametrize(
    "bad", ["2019", "12345", "abcdef", "1234567890123", "", "١٢٣٤٥٦", "12 345"]
)
def test_a_pin_is_six_to_twelve_digits(event_db, bad):
    with pytest.raises(KioskError, match="6 to 12 digits"):
        set_pin(event_db.conn, bad)
    assert not has_pin(event_db.conn)


def test_changing_the_pin_needs_the_current_one(event_db):
    conn = event_db.conn
    change_pin(conn, "482913")  # the first one freely
    with pytest.raises(KioskError, match="current PIN"):
        change_pin(conn, "777777")
    with pytest.raises(KioskError, match="wrong"):
        change_pin(conn, "777777", current="000000", at_ms=1_000)
    assert check_pin(conn, "482913", at_ms=2_000).ok
    change_pin(conn, "777777", current="482913", at_ms=3_000)
    assert check_pin(conn, "777777", at_ms=4_000).ok
    # The organiser's machine (it holds the signing key) may reset it.
    change_pin(conn, "135792", reset=True)
    assert check_pin(conn, "135792", at_ms=5_000).ok


def test_a_device_pin_survives_a_sync_and_is_in_no_bundle(tmp_path):
    organiser, _ = make_organiser(tmp_path / "organiser.sqlite")
    set_pin(organiser, "482913")
    door = provision(organiser, tmp_path / "door.sqlite", "door-1")
    assert not has_pin(door)  # the organiser's PIN did not come with the roster
    change_pin(door, "550011")
    record = get_setting(door, "organiser_pin")
    # The next roster (a newer version) changes nothing about the door's PIN.
    organiser.execute("UPDATE settings SET value = '45' WHERE key = 'door_opens_minutes'")
    data = export_roster(organiser).data
    assert apply_roster(door, open_bundle(data)).applied
    assert get_setting(door, "organiser_pin") == record
    assert check_pin(door, "550011", at_ms=1_000).ok
    assert not check_pin(door, "482913", at_ms=2_000).ok
    # Neither PIN's hash or salt is anywhere in the bundle, compressed or not.
    payload = zlib.decompress(open_bundle(data).body)
    for source in (organiser, door):
        stored = get_setting(source, "organiser_pin")
        for secret in (stored["hash"], stored["salt"]):
            assert secret.encode() not in data and secret.encode() not in payload
    assert b"organiser_pin" not in payload
    # A door keeps its PIN; it cannot reset it without the current one.
    with pytest.raises(KioskError, match="organiser's machine"):
        change_pin(door, "123456", reset=True)
    organiser.close()
    door.close()


def test_an_older_short_pin_still_opens_until_it_is_changed(event_db):
    """A database from before the six-digit rule keeps working; only new PINs are checked."""
    conn = event_db.conn
    record = {"salt": "00" * 16, "n": 2**14, "r": 8, "p": 1}
    record["hash"] = pins._hash("2019", bytes(16), 2**14, 8, 1).hex()
    conn.execute(
        "INSERT INTO settings(key, value) VALUES ('organiser_pin', ?)", (json.dumps(record),)
    )
    assert check_pin(conn, "2019", at_ms=1_000).ok
    change_pin(conn, "201909", current="2019", at_ms=2_000)
    assert check_pin(conn, "201909", at_ms=3_000).ok


def test_the_pin_commands(tmp_path):
    org = tmp_path / "organiser.sqlite"
    (tmp_path / "pin.txt").write_text("2019\n")
    short = kiosk(org, "init", "--event-name", "F", "--pin-file", str(tmp_path / "pin.txt"))
    assert short.returncode == 2 and "6 to 12 digits" in short.stderr and not org.exists()
    (tmp_path / "pin.txt").write_text("482913\n")
    made = kiosk(org, "init", "--event-name", "F", "--pin-file", str(tmp_path / "pin.txt"))
    assert made.returncode == 0, made.stderr
    assert check_pin(open_database(org).conn, "482913").ok
    # Without a PIN (no terminal to ask on): created, with a note that the app will ask.
    bare = kiosk(tmp_path / "bare.sqlite", "init", "--event-name", "F")
    assert bare.returncode == 0 and "the app asks for one on first start" in bare.stderr
    # Changing: current PIN first, then the new one (one a line on stdin).
    wrong = kiosk(org, "pin", "set", stdin="000000\n777777\n")
    assert wrong.returncode == 2 and "current PIN is wrong" in wrong.stderr
    right = kiosk(org, "pin", "set", stdin="482913\n777777\n")
    assert right.returncode == 0, right.stderr
    reset = kiosk(org, "pin", "set", "--reset", stdin="135792\n")
    assert reset.returncode == 0, reset.stderr
    conn = open_database(org).conn
    assert check_pin(conn, "135792").ok
    conn.close()
    # A device made from a roster bundle gets a PIN of its own at init.
    assert (
        kiosk(org, "sync", "export", "--roster", "-o", str(tmp_path / "r.bundle")).returncode == 0
    )
    (tmp_path / "door-pin.txt").write_text("550011\n")
    door = tmp_path / "door.sqlite"
    made = kiosk(
        door,
        "init",
        "--from-bundle",
        str(tmp_path / "r.bundle"),
        "--pin-file",
        str(tmp_path / "door-pin.txt"),
    )
    assert made.returncode == 0, made.stderr
    assert check_pin(open_database(door).conn, "550011").ok
    refused = kiosk(door, "pin", "set", "--reset", stdin="123456\n")
    assert refused.returncode == 2 and "organiser's machine" in refused.stderr
