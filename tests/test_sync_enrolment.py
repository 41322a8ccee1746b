"""Per-device enrolment, as an attacker on the venue Wi-Fi with a copied roster bundle would try
it: a roster alone adds no door, a token enrols one device once and expires, a revoked device is
refused and its tries are counted; through the hub and by USB alike."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from kiosk_command import kiosk
from sync_helpers import enrol_token, make_organiser, provision

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.services.checkins import CheckinService
from kiosk.services.event import device_private_key, load_event
from kiosk.services.pin import set_pin
from kiosk.services.status import event_status
from kiosk.store.database import transaction
from kiosk.sync import client as sync_client
from kiosk.sync.bundle import BundleError, open_bundle
from kiosk.sync.client import HubClient, sync_once
from kiosk.sync.enrolment import add_device, keep_token, normalise_token, proof
from kiosk.sync.events import export_events, import_events
from kiosk.sync.hub import start_hub
from kiosk.sync.identity import revoke_device
from kiosk.sync.protocol import request_message
from kiosk.sync.roster import apply_roster, export_roster
from kiosk.sync.state import device_list

S1_OPENS = 1569807000000  # 2019-09-30 10:30 Seoul: S1 (capacity 3) is running


@pytest.fixture
def site(tmp_path: Path):
    organiser, codes = make_organiser(tmp_path / "organiser.sqlite")
    lines: list[str] = []
    hub = start_hub(tmp_path / "organiser.sqlite", log=lines.append)
    sync_client._OFFSETS.clear()
    yield {"organiser": organiser, "codes": codes, "hub": hub, "log": lines, "tmp": tmp_path}
    hub.stop()
    organiser.close()


def _states(organiser) -> dict[str, str]:
    return {status.device: status.state for status in device_list(organiser)}


def test_a_copied_roster_bundle_adds_no_door_and_nothing_it_sends_counts(site):
    organiser, codes, url, tmp = site["organiser"], site["codes"], site["hub"].url, site["tmp"]
    # The organiser makes a token for the real door of room 211; it has not come online yet.
    real_token = enrol_token(organiser, "door-211")
    # The attacker has only a copy of the roster bundle: it provisions a laptop from it, under
    # the real door's name and under a name of its own.
    for name in ("door-211", "rogue"):
        rogue = provision(organiser, tmp / f"{name}-rogue.sqlite", name, enrol=False)
        scanner = CheckinService(rogue)
        for n in range(120):  # fake admissions to S1 (the roster carries every current code)
            scanner.scan(codes[f"R{n % 6 + 1}"], "S1", at_ms=S1_OPENS + 60_000 + n)
        result = sync_once(rogue, url)
        expected = "bad_proof" if name == "door-211" else "not_enrolled"
        assert result.status == "refused" and f"({expected})" in result.message
        assert result.pushed == 0
        # By USB, the organiser refuses its events bundle too.
        with pytest.raises(BundleError, match="not enrolled|did not prove"):
            import_events(organiser, [open_bundle(export_events(rogue).data)])
        rogue.close()
    assert organiser.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0
    [s1] = [s for s in event_status(organiser)["sessions"] if s["session_id"] == "S1"]
    assert (s1["admitted"], s1["inside"]) == (0, 0)
    assert _states(organiser) == {"door-211": "waiting"}
    log = "\n".join(site["log"])
    assert "POST /v1/hello 403 device=rogue not_enrolled" in log
    assert "POST /v1/hello 403 device=door-211 bad_proof" in log
    # The real door enrols with its token (its name was not taken) and admits an invited guest.
    door = provision(organiser, tmp / "door-211.sqlite", "door-211", enrol=False)
    with transaction(door):
        keep_token(door, real_token)
    first = sync_once(door, url)
    assert first.ok, first.message
    verdict = CheckinService(door).scan(codes["R1"], "S1", at_ms=S1_OPENS + 200_000)
    assert verdict.reason.value == "admitted" and verdict.inside == 1
    assert sync_once(door, url).pushed == 1
    assert _states(organiser) == {"door-211": "enrolled"}
    # The token is spent: the device forgot it, and it cannot enrol anything again.
    assert door.execute("SELECT 1 FROM settings WHERE key = 'sync_enrol_token'").fetchone() is None
    twin = provision(organiser, tmp / "twin.sqlite", "door-211", enrol=False)
    with transaction(twin):
        keep_token(twin, real_token)
    again = sync_once(twin, url)
    assert again.status == "refused" and "key_mismatch" in again.message
    door.close()
    twin.close()


def test_a_forged_proof_or_a_token_for_another_name_is_refused(site):
    organiser, url, tmp = site["organiser"], site["hub"].url, site["tmp"]
    token = enrol_token(organiser, "kiosk-1")
    stranger = provision(organiser, tmp / "stranger.sqlite", "kiosk-2", enrol=False)
    # kiosk-1's token used under another name: no token waits for kiosk-2.
    with transaction(stranger):
        keep_token(stranger, token)
    assert "not_enrolled" in sync_once(stranger, url).message
    # Under kiosk-1's name but a guessed token: the proof does not match.
    stranger.execute("UPDATE settings SET value = '\"kiosk-1\"' WHERE key = 'device'")
    with transaction(stranger):
        keep_token(stranger, "A" * 24)
    assert "bad_proof" in sync_once(stranger, url).message
    assert _states(organiser) == {"kiosk-1": "waiting"}
    stranger.close()


def test_a_token_expires_unused(site):
    organiser, url, tmp = site["organiser"], site["hub"].url, site["tmp"]
    with transaction(organiser):
        made = add_device(organiser, "door-late", valid_hours=1, now=now_ms() - 2 * 3_600_000)
    late = provision(organiser, tmp / "late.sqlite", "door-late", enrol=False)
    with transaction(late):
        keep_token(late, made.token)
    result = sync_once(late, url)
    assert result.status == "refused" and "token_expired" in result.message
    assert _states(organiser) == {"door-late": "expired"}
    # A new token for the same name works.
    with transaction(late):
        keep_token(late, enrol_token(organiser, "door-late"))
    assert sync_once(late, url).ok
    late.close()


def test_a_revoked_device_is_refused_reported_and_refused_by_other_devices(site):
    organiser, codes, url, tmp = site["organiser"], site["codes"], site["hub"].url, site["tmp"]
    lost = provision(organiser, tmp / "lost.sqlite", "door-lost")
    other = provision(organiser, tmp / "other.sqlite", "door-other")
    CheckinService(lost).scan(codes["R1"], "S2", at_ms=S1_OPENS + 60_000)
    assert sync_once(lost, url).pushed == 1
    assert sync_once(other, url).ok
    # The laptop is lost: the organiser revokes it.
    assert revoke_device(organiser, "door-lost", now_ms()) == ["door-lost"]
    before = organiser.execute("SELECT count(*) FROM checkins").fetchone()[0]
    for n in range(3):
        CheckinService(lost).scan(codes["R2"], "S2", at_ms=S1_OPENS + 70_000 + n)
        result = sync_once(lost, url)
        assert result.status == "refused" and "revoked" in result.message
    with pytest.raises(BundleError, match="revoked"):
        import_events(organiser, [open_bundle(export_events(lost).data)])
    assert organiser.execute("SELECT count(*) FROM checkins").fetchone()[0] == before
    [status] = [s for s in device_list(organiser) if s.device == "door-lost"]
    assert status.state == "revoked" and status.refused == 4 and status.last_refused_ms
    # The next roster tells the other devices: they refuse the lost laptop's bundle too.
    apply_roster(other, open_bundle(export_roster(organiser).data))
    with pytest.raises(BundleError, match="revoked"):
        import_events(other, [open_bundle(export_events(lost).data)])
    # Its name cannot be given to a replacement: that one is enrolled under a new name.
    with pytest.raises(Exception, match="was revoked"), transaction(organiser):
        add_device(organiser, "door-lost")
    lost.close()
    other.close()


def test_a_hello_is_checked_before_its_body_is_decoded(site):
    """A stranger's hello (no signature, or signed by a key other than the one it names) is
    refused before its body is decoded: a body of 60,000 open brackets is a clean 401."""
    organiser, url, tmp = site["organiser"], site["hub"].url, site["tmp"]
    enrol_token(organiser, "door-x")
    door = provision(organiser, tmp / "door-x.sqlite", "door-x", enrol=False)
    event = load_event(door)
    key = device_private_key(door)
    client = HubClient(url, event, "door-x", key)
    try:
        status, _, data = client._send(
            "POST", "/v1/hello", b"{" * 60_000, {"X-Kiosk-Device": "door-x"}
        )
        assert status == 401 and json.loads(data)["code"] == "unsigned"
        # Signed by another key than the one the header names.
        other = keys.new_private_key()
        stamp = now_ms()
        body = b"[" * 60_000
        headers = {
            "X-Kiosk-Device": "door-x",
            "X-Kiosk-Time": str(stamp),
            "X-Kiosk-Key": keys.public_bytes(key.public_key()).hex(),
            "X-Kiosk-Signature": other.sign(
                request_message(event.event_id, "POST", "/v1/hello", stamp, body)
            ).hex(),
        }
        status, _, data = client._send("POST", "/v1/hello", body, headers)
        assert status == 401 and json.loads(data)["code"] == "bad_signature"
    finally:
        client.close()
        door.close()


def test_roster_bundles_carry_no_enrolment_secret_and_no_pin(site):
    organiser = site["organiser"]
    set_pin(organiser, "482913")
    token = enrol_token(organiser, "door-1")
    data = export_roster(organiser).data
    bundle = open_bundle(data)
    payload = zlib.decompress(bundle.body)
    record = json.loads(
        organiser.execute("SELECT value FROM settings WHERE key = 'organiser_pin'").fetchone()[0]
    )
    for secret in (
        record["hash"],
        record["salt"],
        "organiser_pin",
        "enrol",
        token,
        normalise_token(token).replace("-", ""),
    ):
        assert secret.encode() not in payload and secret.encode() not in data
    # And a proof made from anything in the roster does not enrol: the bundle has no secret.
    assert proof(token, bundle.event_id, "door-1", b"\0" * 32) != proof(
        "A" * 24, bundle.event_id, "door-1", b"\0" * 32
    )


def test_the_device_commands(tmp_path):
    org = tmp_path / "organiser.sqlite"
    assert kiosk(org, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul").returncode == 0
    added = kiosk(org, "device", "add", "door-211", "--valid-hours", "2")
    assert added.returncode == 0, added.stderr
    made = json.loads(added.stdout)
    assert made["device"] == "door-211" and normalise_token(made["token"]) == made["token"]
    assert made["expires_ms"] - made["created_ms"] == 2 * 3_600_000
    assert made["token"] in added.stderr and "█" in added.stderr  # the text and a QR code
    bad = kiosk(org, "device", "add", "door 211; rm -rf")
    assert bad.returncode == 2 and "not a usable device name" in bad.stderr
    listed = json.loads(kiosk(org, "device", "list").stdout)["devices"]
    assert [(d["device"], d["state"]) for d in listed] == [("door-211", "waiting")]
    revoked = kiosk(org, "device", "revoke", "door-211")
    assert revoked.returncode == 0 and json.loads(revoked.stdout) == {"revoked": ["door-211"]}
    listed = json.loads(kiosk(org, "device", "list").stdout)["devices"]
    assert listed[0]["state"] == "expired"  # the unused token was withdrawn
    missing = kiosk(org, "device", "revoke", "door-999")
    assert missing.returncode == 2 and "no device" in missing.stderr
    # A device database cannot enrol others; a bad token is refused before anything is made.
    bundle = tmp_path / "roster.bundle"
    assert kiosk(org, "sync", "export", "--roster", "-o", str(bundle)).returncode == 0
    typo = kiosk(
        tmp_path / "d.sqlite", "init", "--from-bundle", str(bundle), "--device", "d", "--enrol", "x"
    )
    assert typo.returncode == 2 and "not an enrolment token" in typo.stderr
    assert not (tmp_path / "d.sqlite").exists()
    assert kiosk(tmp_path / "d.sqlite", "init", "--from-bundle", str(bundle)).returncode == 0
    other = kiosk(tmp_path / "d.sqlite", "device", "add", "door-9")
    assert other.returncode == 2 and "organiser's machine" in other.stderr
    # A device provisioned without its token takes one later.
    later = json.loads(kiosk(org, "device", "add", "door-9").stdout)["token"]
    kept = kiosk(tmp_path / "d.sqlite", "device", "enrol", later)
    assert kept.returncode == 0 and json.loads(kept.stdout)["enrolment"] == "waiting"
    assert kiosk(org, "device", "enrol", later).returncode == 2  # not on the organiser's


def test_by_usb_the_first_events_bundle_enrols_and_the_next_roster_retires_the_token(site):
    organiser, codes, tmp = site["organiser"], site["codes"], site["tmp"]
    door = provision(organiser, tmp / "usb-door.sqlite", "door-usb")
    assert door.execute("SELECT 1 FROM settings WHERE key = 'sync_enrol_token'").fetchone()
    CheckinService(door).scan(codes["R1"], "S2", at_ms=S1_OPENS + 60_000)
    result = import_events(organiser, [open_bundle(export_events(door).data)])
    assert result.pinned == ["door-usb"] and result.counts.added == 1
    assert _states(organiser)["door-usb"] == "enrolled"
    # The same token cannot enrol anything else now, even by USB.
    clone = provision(organiser, tmp / "usb-clone.sqlite", "door-usb", enrol=False)
    token = organiser.execute(
        "SELECT token FROM sync_enrolments WHERE device = 'door-usb'"
    ).fetchone()[0]
    assert token is None  # erased once used
    with pytest.raises(BundleError, match="another key"):
        CheckinService(clone).scan(codes["R2"], "S2", at_ms=S1_OPENS + 61_000)
        import_events(organiser, [open_bundle(export_events(clone).data)])
    # The next roster lists the door with its key: the door forgets its token.
    apply_roster(door, open_bundle(export_roster(organiser).data))
    assert door.execute("SELECT 1 FROM settings WHERE key = 'sync_enrol_token'").fetchone() is None
    door.close()
    clone.close()
