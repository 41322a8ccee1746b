"""The bundle file: signed, tamper-evident, optionally encrypted, and never carrying a secret."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest
from sync_helpers import at, log_rows, make_organiser, provision

from builders import add_person
from kiosk.core import keys
from kiosk.core.model import Direction
from kiosk.errors import KioskError
from kiosk.services.checkins import CheckinService
from kiosk.services.event import device_private_key, load_event
from kiosk.store.settings import get_setting
from kiosk.sync.bundle import (
    BundleError,
    make_bundle,
    open_bundle,
    read_bundle_file,
    write_bundle_file,
)
from kiosk.sync.events import export_events, import_events
from kiosk.sync.roster import apply_roster, export_roster, provision_device


@pytest.fixture
def organiser(tmp_path: Path):
    conn, codes = make_organiser(tmp_path / "organiser.sqlite")
    yield conn, codes
    conn.close()


def _tiny_bundle() -> bytes:
    key = keys.new_private_key()
    payload = json.dumps({"columns": ["a"], "rows": [[1]]}).encode()
    return make_bundle(
        kind="events",
        event_id="e",
        signer=key,
        device="d",
        payload=payload,
        created_ms=1,
        records=1,
    )


def test_a_bundle_reads_back_what_was_signed():
    data = _tiny_bundle()
    bundle = open_bundle(data)
    assert bundle.kind == "events" and bundle.event_id == "e" and bundle.device == "d"
    assert bundle.payload() == {"columns": ["a"], "rows": [[1]]}


def test_every_single_byte_change_anywhere_is_refused():
    """Exhaustive: every position, every one of the 255 other values."""
    data = _tiny_bundle()
    assert len(data) < 400
    accepted = []
    for position in range(len(data)):
        original = data[position]
        for value in range(256):
            if value == original:
                continue
            changed = data[:position] + bytes([value]) + data[position + 1 :]
            try:
                open_bundle(changed)
            except BundleError as exc:
                assert str(exc).startswith("bundle refused: "), str(exc)
                continue
            accepted.append((position, value))
    assert accepted == []


def test_every_truncation_and_any_extra_byte_is_refused():
    data = _tiny_bundle()
    for length in range(len(data)):
        with pytest.raises(BundleError, match="truncated|not a kiosk bundle|damaged"):
            open_bundle(data[:length])
    with pytest.raises(BundleError, match="more than it declares"):
        open_bundle(data + b"\x00")


def test_a_real_roster_bundle_refuses_single_byte_changes_at_every_position(organiser):
    conn, _ = organiser
    data = export_roster(conn).data
    for position in range(len(data)):
        changed = bytearray(data)
        changed[position] ^= 0x01
        with pytest.raises(BundleError):
            open_bundle(bytes(changed))


def test_the_organisers_private_key_is_in_no_bundle(organiser, tmp_path):
    conn, codes = organiser
    private = conn.execute("SELECT private_key FROM signing_key").fetchone()[0]
    device_conn = provision(conn, tmp_path / "door.sqlite", "door-1")
    CheckinService(device_conn).scan(codes["R1"], "S1", at_ms=at("10:40"))
    events = export_events(device_conn).data
    device_secret = device_conn.execute("SELECT private_key FROM device_key").fetchone()[0]
    import_events(conn, [open_bundle(events)])
    roster = export_roster(conn).data
    encrypted = export_roster(conn, passphrase="correct horse").data
    forms = []
    for secret in (private, device_secret):
        forms += [secret, secret.hex().encode(), base64.b64encode(secret), base64.b32encode(secret)]
    for data in (roster, encrypted, events):
        plain = zlib.decompress(open_bundle(data).body) if data is not encrypted else b""
        for form in forms:
            assert form not in data
            assert form not in plain
    # And no clear e-mail or phone in what devices get: only the salted hash.
    payload = open_bundle(roster).payload()
    columns = payload["roster"]["tables"]["attendees"]["columns"]
    assert "email" not in columns and "phone" not in columns and "email_hash" in columns
    assert payload["roster"]["settings"]["email_salt"]


def test_the_roster_carries_what_devices_need(organiser, tmp_path):
    conn, _ = organiser
    payload = open_bundle(export_roster(conn).data).payload()
    roster = payload["roster"]
    assert set(roster["tables"]) == {
        "sessions",
        "attendees",
        "session_speakers",
        "invitations",
        "code_issues",
        "tickets",
        "session_ticket_types",
    }
    issues = roster["tables"]["code_issues"]
    assert len(issues["rows"]) == 6 and "code" in issues["columns"]
    assert roster["public_key"] == load_event(conn).public_key_raw.hex()
    assert {"door_opens_minutes", "staff_categories", "timezone", "event_name"} <= set(
        roster["settings"]
    )
    assert payload["checkins"]["rows"] == []


def test_a_roster_version_grows_only_when_the_roster_changes(organiser, tmp_path):
    conn, _ = organiser
    first = export_roster(conn)
    again = export_roster(conn)
    assert first.version == again.version == 1
    add_person(conn, "R9")
    assert export_roster(conn).version == 2


def test_an_older_roster_is_refused_and_the_same_one_changes_nothing(organiser, tmp_path):
    conn, _ = organiser
    old = export_roster(conn).data
    device = provision(conn, tmp_path / "door.sqlite", "door-1")
    add_person(conn, "R9")
    new = export_roster(conn).data
    assert apply_roster(device, open_bundle(new)).applied
    before = device.execute("SELECT count(*) FROM attendees").fetchone()[0]
    with pytest.raises(BundleError, match="older than version 2"):
        apply_roster(device, open_bundle(old))
    again = apply_roster(device, open_bundle(new))
    assert not again.applied and again.counts.added == 0
    assert device.execute("SELECT count(*) FROM attendees").fetchone()[0] == before == 7


def test_another_events_bundle_is_refused(organiser, tmp_path):
    conn, codes = organiser
    other, _ = make_organiser(tmp_path / "other.sqlite")
    device = provision(conn, tmp_path / "door.sqlite", "door-1")
    stranger = provision(other, tmp_path / "stranger.sqlite", "door-x")
    with pytest.raises(BundleError, match="another event"):
        apply_roster(device, open_bundle(export_roster(other).data))
    CheckinService(stranger).scan(codes["R1"], "S1", at_ms=at("10:40"))
    with pytest.raises(BundleError, match="another event"):
        import_events(conn, [open_bundle(export_events(stranger).data)])
    assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0


def test_a_roster_signed_by_another_key_is_refused(organiser, tmp_path):
    conn, _ = organiser
    device = provision(conn, tmp_path / "door.sqlite", "door-1")
    genuine = open_bundle(export_roster(conn).data)
    forged = make_bundle(
        kind="roster",
        event_id=genuine.event_id,
        signer=keys.new_private_key(),
        device="organiser",
        payload=json.dumps(genuine.payload()).encode(),
        created_ms=1,
        records=1,
        extra={"version": 99},
    )
    with pytest.raises(BundleError, match="not by this event's organiser key"):
        apply_roster(device, open_bundle(forged))


def test_wrong_or_missing_passphrase_is_refused(organiser, tmp_path):
    conn, _ = organiser
    data = export_roster(conn, passphrase="correct horse").data
    bundle = open_bundle(data)
    assert bundle.encrypted
    with pytest.raises(BundleError, match="wrong passphrase"):
        bundle.payload("wrong horse")
    with pytest.raises(BundleError, match="encrypted"):
        bundle.payload(None)
    with pytest.raises(BundleError, match="wrong passphrase"):
        provision_device(tmp_path / "door.sqlite", data, passphrase="wrong")
    assert not (tmp_path / "door.sqlite").exists()
    info = provision_device(tmp_path / "door.sqlite", data, passphrase="correct horse")
    assert info["attendees"] == 6


def test_a_device_gets_its_own_key_and_never_the_signing_key(organiser, tmp_path):
    conn, _ = organiser
    device = provision(conn, tmp_path / "door.sqlite", "door-1")
    assert device.execute("SELECT count(*) FROM signing_key").fetchone()[0] == 0
    own = keys.public_bytes(device_private_key(device).public_key())
    assert own != load_event(device).public_key_raw
    assert load_event(device).public_key_raw == load_event(conn).public_key_raw
    assert get_setting(device, "roster_version") == 1


def test_bundle_files_are_written_whole(tmp_path):
    target = tmp_path / "out" / "roster.bundle"
    write_bundle_file(target, b"first")
    write_bundle_file(target, b"second")
    assert read_bundle_file(target) == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["roster.bundle"]
    with pytest.raises(KioskError, match="no such file"):
        read_bundle_file(tmp_path / "missing.bundle")


def test_a_device_log_unchanged_by_a_refused_bundle(organiser, tmp_path):
    conn, codes = organiser
    device = provision(conn, tmp_path / "door.sqlite", "door-1")
    CheckinService(device).scan(codes["R2"], "S2", direction=Direction.IN, at_ms=at("10:40"))
    data = bytearray(export_events(device).data)
    data[-1] ^= 0xFF
    with pytest.raises(BundleError):
        import_events(conn, [open_bundle(bytes(data))])
    assert log_rows(conn) == set()
