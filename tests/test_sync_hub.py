"""The LAN hub on loopback: real HTTP (and HTTPS), devices authenticated by their keys, doors of
one room sharing who is inside, silent fallback when the hub is away."""

from __future__ import annotations

import http.client
import ipaddress
import json
from pathlib import Path

import pytest
from sync_helpers import PEOPLE, at, clone, log_rows, make_organiser, provision, self_signed_cert

from builders import add_person
from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.core.model import Direction
from kiosk.services.checkins import CheckinService
from kiosk.services.event import device_private_key, load_event
from kiosk.sync import client as sync_client
from kiosk.sync.bundle import open_bundle
from kiosk.sync.client import sync_once
from kiosk.sync.hub import start_hub
from kiosk.sync.protocol import request_message
from kiosk.sync.roster import apply_roster, export_roster
from kiosk.sync.state import device_list, last_sync_ms, pending_events


@pytest.fixture
def site(tmp_path: Path):
    organiser, codes = make_organiser(tmp_path / "organiser.sqlite")
    doors = {
        name: provision(organiser, tmp_path / f"{name}.sqlite", name)
        for name in ("door-a", "door-b")
    }
    lines: list[str] = []
    hub = start_hub(tmp_path / "organiser.sqlite", log=lines.append)
    hub.hub.roster_refresh_s = 0  # see a roster change at once
    sync_client._OFFSETS.clear()
    yield {"organiser": organiser, "doors": doors, "codes": codes, "hub": hub, "log": lines}
    hub.stop()
    for conn in (organiser, *doors.values()):
        conn.close()


def test_two_doors_of_one_room_share_who_is_inside(site):
    doors, codes, url = site["doors"], site["codes"], site["hub"].url
    door_a = CheckinService(doors["door-a"])
    verdict = door_a.scan(codes["R1"], "S1", at_ms=at("10:40"))
    assert verdict.reason.value == "admitted" and verdict.inside == 1
    first = sync_once(doors["door-a"], url)
    second = sync_once(doors["door-b"], url)
    assert first.ok and first.pushed == 1
    assert second.ok and second.pulled_events == 1
    door_b = CheckinService(doors["door-b"])
    again = door_b.scan(codes["R1"], "S1", at_ms=at("10:45"))
    assert again.reason.value == "readmitted" and again.inside == 1
    # Door B admits two more, door A learns of them: the room of 3 is full at both doors.
    door_b.scan(codes["R2"], "S1", at_ms=at("10:46"))
    door_b.scan(codes["R3"], "S1", at_ms=at("10:47"))
    assert sync_once(doors["door-b"], url).pushed == 3
    assert sync_once(doors["door-a"], url).pulled_events == 3
    door_a = CheckinService(doors["door-a"])
    assert door_a.scan(codes["R4"], "S1", at_ms=at("10:48")).reason.value == "room_full"
    # An exit at door A makes room at door B after one more round.
    door_a.scan(codes["R2"], "S1", direction=Direction.OUT, at_ms=at("10:49"))
    sync_once(doors["door-a"], url)
    sync_once(doors["door-b"], url)
    verdict = CheckinService(doors["door-b"]).scan(codes["R4"], "S1", at_ms=at("10:50"))
    assert verdict.reason.value == "admitted" and verdict.inside == 3
    sync_once(doors["door-b"], url)
    sync_once(doors["door-a"], url)
    assert log_rows(doors["door-a"]) == log_rows(doors["door-b"]) == log_rows(site["organiser"])


def test_sync_state_for_the_screens(site):
    doors, codes, url = site["doors"], site["codes"], site["hub"].url
    door = doors["door-a"]
    provisioned = last_sync_ms(door)  # the roster it was made from counts as a sync
    assert provisioned is not None
    CheckinService(door).scan(codes["R1"], "S2", at_ms=at("10:40"))
    CheckinService(door).scan(codes["R2"], "S2", at_ms=at("10:41"))
    assert pending_events(door) == 2
    before = now_ms()
    assert sync_once(door, url).ok
    assert pending_events(door) == 0
    assert last_sync_ms(door) >= before >= provisioned
    [status] = [d for d in device_list(site["organiser"]) if d.device == "door-a"]
    assert status.last_via == "hub" and status.last_contact_ms >= before
    assert (status.received, status.pending) == (2, 0)


def test_an_unreachable_hub_is_a_status_not_an_error(site, tmp_path):
    door = site["doors"]["door-a"]
    CheckinService(door).scan(site["codes"]["R1"], "S2", at_ms=at("10:40"))
    before = last_sync_ms(door)
    site["hub"].stop()
    result = sync_once(door, site["hub"].url, timeout=2)
    assert result.status == "unreachable" and not result.ok
    assert pending_events(door) == 1 and last_sync_ms(door) == before
    site["hub"] = start_hub(tmp_path / "organiser.sqlite", log=site["log"].append)
    assert sync_once(door, site["hub"].url).pushed == 1


def test_a_newer_roster_comes_through_the_hub_and_an_older_one_is_refused(site, tmp_path):
    organiser, doors = site["organiser"], site["doors"]
    assert sync_once(doors["door-a"], site["hub"].url).ok  # enrolled: the copy knows its key
    stale_copy = clone(organiser, tmp_path / "stale.sqlite")
    stale_copy.close()
    add_person(organiser, "R9", family="NEWCOMER")
    result = sync_once(doors["door-a"], site["hub"].url)
    assert result.ok and result.roster_applied and result.pulled_version == 2
    assert doors["door-a"].execute("SELECT count(*) FROM attendees").fetchone()[0] == 7
    CheckinService(doors["door-a"]).scan(site["codes"]["R1"], "S2", at_ms=at("10:40"))
    # A hub started from an older copy of the organiser's database has roster version 1.
    old_hub = start_hub(tmp_path / "stale.sqlite", log=lambda _: None)
    try:
        refused = sync_once(doors["door-a"], old_hub.url)
    finally:
        old_hub.stop()
    assert refused.status == "older_roster" and refused.pushed == 1
    assert doors["door-a"].execute("SELECT count(*) FROM attendees").fetchone()[0] == 7


def _raw(url: str, method: str, target: str, body: bytes, headers: dict[str, str]):
    host, port = url.split("//")[1].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request(method, target, body=body or None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    kind = response.getheader("Content-Type")
    connection.close()
    return response.status, json.loads(data) if kind == "application/json" else data


def _signed(conn, target: str, body: bytes, stamp: int, method: str = "GET", device=None):
    event = load_event(conn)
    key = device_private_key(conn)
    signature = key.sign(request_message(event.event_id, method, target, stamp, body)).hex()
    return {
        "X-Kiosk-Device": device or event.device,
        "X-Kiosk-Time": str(stamp),
        "X-Kiosk-Signature": signature,
    }


def test_the_hub_authenticates_every_request(site):
    doors, url = site["doors"], site["hub"].url
    door = doors["door-a"]
    assert sync_once(door, url).ok  # registered
    target = "/v1/events?since=0"
    ok = _signed(door, target, b"", now_ms())
    assert _raw(url, "GET", target, b"", ok)[0] == 200
    assert _raw(url, "GET", target, b"", ok)[1]["code"] == "replay"
    stale = _signed(door, target, b"", now_ms() - 10 * 60_000)
    assert _raw(url, "GET", target, b"", stale)[1]["code"] == "stale"
    unsigned = _raw(url, "GET", target, b"", {})
    assert unsigned[0] == 401 and unsigned[1]["code"] == "unsigned"
    # door-b has not said hello yet: unknown to the hub.
    unknown = _raw(url, "GET", target, b"", _signed(doors["door-b"], target, b"", now_ms()))
    assert unknown[1]["code"] == "unknown_device"
    # Signed by door-b's key but claiming to be door-a: the signature does not match.
    forged = _signed(doors["door-b"], target, b"", now_ms(), device="door-a")
    assert _raw(url, "GET", target, b"", forged)[1]["code"] == "bad_signature"


def test_a_stranger_cannot_register_and_a_known_name_keeps_its_key(site, tmp_path):
    organiser, url = site["organiser"], site["hub"].url
    assert sync_once(site["doors"]["door-a"], url).ok
    # Another database provisioned as door-a (its own new key): refused by the hub.
    twin = provision(organiser, tmp_path / "twin.sqlite", "door-a", enrol=False)
    result = sync_once(twin, url)
    assert result.status == "refused" and "key_mismatch" in result.message
    # A device with no enrolment token (a roster bundle is all it was given).
    twin.execute("UPDATE settings SET value = '\"door-q\"' WHERE key = 'device'")
    result = sync_once(twin, url)
    assert result.status == "refused" and "not_enrolled" in result.message
    names = [d.device for d in device_list(organiser) if d.key_fingerprint]
    assert names == ["door-a"]


def test_a_device_clock_hours_off_still_syncs(site, monkeypatch):
    door = site["doors"]["door-a"]
    skew = 5 * 3_600_000
    monkeypatch.setattr(sync_client, "now_ms", lambda: now_ms() + skew)
    CheckinService(door).scan(site["codes"]["R1"], "S2", at_ms=at("10:40") + skew)
    result = sync_once(door, site["hub"].url)
    assert result.ok and result.pushed == 1
    row = site["organiser"].execute("SELECT at_ms FROM checkins").fetchone()
    assert row[0] == at("10:40") + skew  # the device's own time is kept


def test_hub_log_lines_name_devices_never_people(site):
    doors, codes, url = site["doors"], site["codes"], site["hub"].url
    for rid in PEOPLE:
        CheckinService(doors["door-a"]).scan(codes[rid], "S2", at_ms=at("10:40"))
    sync_once(doors["door-a"], url)
    sync_once(doors["door-b"], url)
    text = "\n".join(site["log"])
    assert "POST /v1/events 200" in text and "device=door-a" in text
    names = [row[0] for row in site["organiser"].execute("SELECT family_name FROM attendees")]
    for secret in [*PEOPLE, *names, *codes.values()]:
        assert secret not in text


def test_the_hub_speaks_tls_when_given_a_certificate(site, tmp_path):
    cert, key = self_signed_cert(tmp_path)
    hub = start_hub(tmp_path / "organiser.sqlite", cert=cert, key=key, log=lambda _: None)
    try:
        assert hub.url.startswith("https://127.0.0.1:")
        door = site["doors"]["door-a"]
        CheckinService(door).scan(site["codes"]["R1"], "S2", at_ms=at("10:40"))
        assert sync_once(door, hub.url, cafile=str(cert)).pushed == 1
        # Without trusting the certificate the device refuses to talk (and says so quietly).
        CheckinService(door).scan(site["codes"]["R2"], "S2", at_ms=at("10:41"))
        assert sync_once(door, hub.url).status == "unreachable"
    finally:
        hub.stop()


def test_each_scan_reaches_the_hub_in_the_next_round(site):
    """A round pushes exactly what was scanned since the last one (the round trip's speed is
    measured by `kiosk bench`, never asserted here)."""
    door = site["doors"]["door-a"]
    service = CheckinService(door)
    sync_once(door, site["hub"].url)
    for n in range(20):
        service.scan(site["codes"][PEOPLE[n % 6]], "S2", at_ms=at("10:40") + n)
        assert sync_once(door, site["hub"].url).pushed == 1
    assert pending_events(door) == 0
    hub_log = site["organiser"].execute("SELECT count(*) FROM checkins").fetchone()[0]
    assert hub_log == 20


def test_a_device_roster_from_the_hub_is_the_organisers(site):
    organiser, door = site["organiser"], site["doors"]["door-b"]
    add_person(organiser, "R9", family="LATE")
    assert sync_once(door, site["hub"].url).roster_applied
    # The same version by USB afterwards changes nothing.
    again = apply_roster(door, open_bundle(export_roster(organiser).data))
    assert not again.applied
    assert keys.fingerprint(load_event(door).public_key_raw) == load_event(organiser).fingerprint


def test_a_hub_on_every_interface_gives_devices_an_address_they_can_use(site, tmp_path):
    """`--host 0.0.0.0` (the organiser's LAN hub) is announced at the machine's LAN address,
    never as 0.0.0.0, and a device syncs through that address."""
    from kiosk.sync.hub import lan_address

    lan = start_hub(tmp_path / "organiser.sqlite", host="0.0.0.0")
    try:
        host = lan.url.split("://", 1)[1].rsplit(":", 1)[0]
        assert host == lan_address() and host != "0.0.0.0"
        ipaddress.ip_address(host)  # an address a device can type
        door = site["doors"]["door-a"]
        CheckinService(door).scan(site["codes"]["R1"], "S2", at_ms=at("10:40"))
        assert sync_once(door, lan.url).ok
        assert pending_events(door) == 0
    finally:
        lan.stop()
