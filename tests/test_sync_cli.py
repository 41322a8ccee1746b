"""The USB flow end to end through the `kiosk` command, as organisers and door staff would run
it: organiser -> roster bundle -> two kiosks -> scans -> events bundles -> organiser -> report.
And the same contract for the hub: `kiosk hub serve` and `kiosk sync hub URL`."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from kiosk_command import KIOSK, kiosk


def ok(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a database, even one a running hub has open."""
    with sqlite3.connect(source) as conn:
        conn.execute("VACUUM INTO ?", (str(target),))


def refused(result: subprocess.CompletedProcess[str], pattern: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert re.search(pattern, result.stderr), result.stderr


@pytest.fixture(scope="module")
def usb(tmp_path_factory, demo_dir) -> dict:
    """The organiser's event with codes issued, a roster bundle, and two provisioned kiosks."""
    folder = tmp_path_factory.mktemp("usb")
    org = folder / "organiser.sqlite"
    created = ok(kiosk(org, "init", "--event-name", "WHRCF 2019", "--timezone", "Asia/Seoul"))
    for kind in ("programme", "roster", "invitations"):
        ok(kiosk(org, "import", kind, str(demo_dir / f"{kind}.csv")))
    issued = kiosk(org, "issue", "--all")
    lines = [json.loads(line) for line in issued.stdout.splitlines()]
    codes = {item["registration_id"]: item["code"] for item in lines}
    (folder / "pass.txt").write_text("a long usb passphrase\n")
    plain = ok(kiosk(org, "sync", "export", "--roster", "-o", str(folder / "roster.bundle")))
    secret = ok(
        kiosk(
            org,
            "sync",
            "export",
            "--roster",
            "-o",
            str(folder / "roster-encrypted.bundle"),
            "--passphrase-file",
            str(folder / "pass.txt"),
        )
    )
    assert plain["kind"] == "roster" and plain["version"] == secret["version"] == 1
    assert plain["records"] == 21 + 1  # every registration, the cancelled one included
    tokens = {name: ok(kiosk(org, "device", "add", name))["token"] for name in ("kiosk-a", "kb")}
    a = ok(
        kiosk(
            folder / "kiosk-a.sqlite",
            "init",
            "--from-bundle",
            str(folder / "roster.bundle"),
            "--device",
            "kiosk-a",
            "--enrol",
            tokens["kiosk-a"],
        )
    )
    b = ok(
        kiosk(
            folder / "kiosk-b.sqlite",
            "init",
            "--from-bundle",
            str(folder / "roster-encrypted.bundle"),
            "--passphrase-file",
            str(folder / "pass.txt"),
            "--device",
            "kb",
            "--enrol",
            tokens["kb"].lower().replace("-", " "),  # as typed: spaces, no capitals
        )
    )
    return {"folder": folder, "org": org, "created": created, "codes": codes, "a": a, "b": b}


def test_kiosks_are_provisioned_with_the_organisers_key_and_their_own(usb):
    created, a, b = usb["created"], usb["a"], usb["b"]
    for device in (a, b):
        assert device["event_id"] == created["event_id"]
        assert device["public_key_fingerprint"] == created["public_key_fingerprint"]
        assert device["roster_version"] == 1 and device["attendees"] == 22
    assert a["device"] == "kiosk-a" and b["device"] != a["device"]
    assert a["device_key_fingerprint"] != b["device_key_fingerprint"]
    assert created["public_key_fingerprint"] not in (a["device_key_fingerprint"],)


def test_the_usb_flow_end_to_end(usb):
    folder, org, codes = usb["folder"], usb["org"], usb["codes"]
    a, b = folder / "kiosk-a.sqlite", folder / "kiosk-b.sqlite"
    # R-0002's badge is reissued at the organiser after the kiosks took the roster.
    new_code = json.loads(kiosk(org, "issue", "--reissue", "R-0002").stdout)["code"]
    assert new_code != codes["R-0002"]
    # Kiosk A: arrivals and door scans; kiosk B: a door of the same session, offline.
    assert ok(kiosk(a, "checkin", "--at", "2019-10-01T09:00", codes["R-0004"]))["reason"] == (
        "admitted"
    )
    assert ok(kiosk(a, "scan", "--session", "NS2", "--at", "2019-10-01T16:05", codes["R-0004"]))[
        "reason"
    ] == ("admitted")
    assert ok(kiosk(a, "scan", "--session", "NS2", "--at", "2019-10-01T16:06", codes["R-0002"]))[
        "reason"
    ] == ("admitted")  # the old code: kiosk A has not synced the reissue
    assert ok(kiosk(b, "scan", "--session", "NS2", "--at", "2019-10-01T16:07", codes["R-0004"]))[
        "reason"
    ] == ("admitted")  # the same person at the other door
    assert ok(kiosk(b, "checkin", "--at", "2019-10-01T09:10", codes["R-0005"]))["verdict"] == (
        "admit"
    )
    first = ok(kiosk(a, "sync", "export", "--events", "-o", str(folder / "a1.bundle")))
    assert first == {
        "kind": "events",
        "records": 3,
        "path": str(folder / "a1.bundle"),
        "cursor": 3,
    }
    ok(kiosk(a, "scan", "--session", "NS2", "--at", "2019-10-01T16:30", codes["R-0006"]))
    later = ok(
        kiosk(a, "sync", "export", "--events", "--since", "3", "-o", str(folder / "a2.bundle"))
    )
    assert later["records"] == 1
    whole_a = ok(kiosk(a, "sync", "export", "--events", "-o", str(folder / "a-all.bundle")))
    assert whole_a["records"] == 4
    ok(kiosk(b, "sync", "export", "--events", "-o", str(folder / "b.bundle")))

    # The organiser imports: the later part of A first, then B, then everything twice more.
    got = ok(kiosk(org, "sync", "import", str(folder / "a2.bundle")))
    assert (got["kind"], got["added"], got["duplicates"]) == ("events", 1, 0)
    got = ok(kiosk(org, "sync", "import", str(folder / "b.bundle")))
    assert (got["added"], got["duplicates"]) == (2, 0)
    got = ok(kiosk(org, "sync", "import", str(folder / "a1.bundle"), str(folder / "b.bundle")))
    assert (got["added"], got["duplicates"]) == (3, 2)
    status = ok(kiosk(org, "status"))
    for files in (["a-all.bundle", "b.bundle"], ["b.bundle", "a1.bundle", "a2.bundle"]):
        got = ok(kiosk(org, "sync", "import", *(str(folder / f) for f in files)))
        assert got["added"] == 0
        assert ok(kiosk(org, "status")) == status
    # Checked in: R-0004 and R-0005 at the kiosks, R-0002 and R-0006 admitted at a door.
    assert status["checked_in"] == 4
    [ns2] = [s for s in status["sessions"] if s["session_id"] == "NS2"]
    assert (ns2["admitted"], ns2["inside"]) == (3, 3)  # R-0004 counted once

    report = ok(kiosk(org, "sync", "conflicts"))
    kinds = [c["kind"] for c in report["conflicts"]]
    assert kinds.count("double_admission") == 1 and kinds.count("revoked_code_used") == 1
    [double] = [c for c in report["conflicts"] if c["kind"] == "double_admission"]
    assert double["registration_id"] == "R-0004" and len(double["devices"]) == 2
    [revoked] = [c for c in report["conflicts"] if c["kind"] == "revoked_code_used"]
    assert revoked["registration_id"] == "R-0002" and revoked["device"] == "kiosk-a"

    devices = {d["device"]: d for d in ok(kiosk(org, "sync", "status"))["devices"]}
    assert devices["kiosk-a"]["received"] == 4 and devices["kiosk-a"]["pending"] == 0
    assert devices["kiosk-a"]["key_fingerprint"] == usb["a"]["device_key_fingerprint"]

    # The next roster brings the merged check-ins and the reissue to the kiosks.
    second = ok(kiosk(org, "sync", "export", "--roster", "-o", str(folder / "roster2.bundle")))
    assert second["version"] == 2 and second["checkins"] == 6
    applied = ok(kiosk(b, "sync", "import", str(folder / "roster2.bundle")))
    assert applied["applied"] and applied["added"] == 4 and applied["version"] == 2
    assert ok(kiosk(b, "scan", "--session", "NS2", "--at", "2019-10-01T16:40", new_code))[
        "reason"
    ] == ("readmitted")
    old = kiosk(b, "scan", "--session", "NS2", "--at", "2019-10-01T16:41", codes["R-0002"])
    assert old.returncode == 1 and json.loads(old.stdout)["reason"] == "revoked"
    assert ok(kiosk(b, "sync", "status"))["pending"] == 2
    # The first roster again, now older than what kiosk B has: refused, nothing changes.
    before = ok(kiosk(b, "status"))
    refused(kiosk(b, "sync", "import", str(folder / "roster.bundle")), "older than version 2")
    assert ok(kiosk(b, "status")) == before


def test_roster_imports_refused_as_the_contract_says(usb, tmp_path):
    folder = usb["folder"]
    device = folder / "kiosk-a.sqlite"
    # The same version again: exit 0, nothing changes.
    before = ok(kiosk(device, "status"))
    same = ok(kiosk(device, "sync", "import", str(folder / "roster.bundle")))
    assert same["applied"] is False and same["version"] == 1
    assert ok(kiosk(device, "status")) == before
    # A tampered copy, a truncated one, another event's, an events bundle as a roster.
    data = (folder / "roster.bundle").read_bytes()
    where = len(data) - 100  # in the payload
    (tmp_path / "flipped.bundle").write_bytes(
        data[:where] + bytes([data[where] ^ 4]) + data[where + 1 :]
    )
    refused(kiosk(device, "sync", "import", str(tmp_path / "flipped.bundle")), "altered")
    (tmp_path / "cut.bundle").write_bytes(data[:-10])
    refused(kiosk(device, "sync", "import", str(tmp_path / "cut.bundle")), "truncated")
    other = tmp_path / "other.sqlite"
    ok(kiosk(other, "init", "--event-name", "Another Forum", "--timezone", "Asia/Seoul"))
    ok(kiosk(other, "sync", "export", "--roster", "-o", str(tmp_path / "other.bundle")))
    refused(kiosk(device, "sync", "import", str(tmp_path / "other.bundle")), "another event")
    refused(kiosk(device, "sync", "import", str(folder / "roster-encrypted.bundle")), "passphrase")
    (tmp_path / "wrong.txt").write_text("not it\n")
    refused(
        kiosk(
            device,
            "sync",
            "import",
            str(folder / "roster-encrypted.bundle"),
            "--passphrase-file",
            str(tmp_path / "wrong.txt"),
        ),
        "wrong passphrase",
    )
    assert ok(kiosk(device, "status")) == before


def test_init_from_bundle_refusals(usb, tmp_path):
    folder = usb["folder"]
    refused(
        kiosk(folder / "kiosk-a.sqlite", "init", "--from-bundle", str(folder / "roster.bundle")),
        "already exists",
    )
    events = tmp_path / "events.bundle"
    ok(kiosk(folder / "kiosk-b.sqlite", "sync", "export", "--events", "-o", str(events)))
    refused(kiosk(tmp_path / "x.sqlite", "init", "--from-bundle", str(events)), "roster bundle")
    assert not (tmp_path / "x.sqlite").exists()
    refused(kiosk(tmp_path / "y.sqlite", "init"), "--event-name")
    refused(
        kiosk(tmp_path / "z.sqlite", "init", "--from-bundle", str(tmp_path / "missing")),
        "no such file",
    )
    refused(
        kiosk(folder / "organiser.sqlite", "sync", "import", str(folder / "roster.bundle")),
        "organiser",
    )


def test_sync_hub_pushes_then_refuses_an_older_roster_with_exit_2(usb, tmp_path):
    folder, org, codes = usb["folder"], usb["org"], usb["codes"]
    old_org = tmp_path / "old-organiser.sqlite"
    # An organiser copy from before the second roster: its hub serves roster version 1.
    token = ok(kiosk(org, "device", "add", "door-v1"))["token"]
    ok(
        kiosk(
            tmp_path / "v1.sqlite",
            "init",
            "--from-bundle",
            str(folder / "roster.bundle"),
            "--device",
            "door-v1",
            "--enrol",
            token,
        )
    )
    _copy(org, old_org)
    device = tmp_path / "v1.sqlite"
    log = tmp_path / "hub.log"
    hub = subprocess.Popen(
        [*KIOSK, "--db", str(old_org), "hub", "serve", "--port", "0"],
        stderr=log.open("wb"),
        stdout=subprocess.DEVNULL,
    )
    try:
        url = None
        for _ in range(300):
            found = re.search(r"on (http://127\.0\.0\.1:\d+)", log.read_text())
            if found:
                url = found.group(1)
                break
            time.sleep(0.05)
        assert url, log.read_text()
        ok(kiosk(device, "scan", "--session", "NS2", "--at", "2019-10-01T16:05", codes["R-0007"]))
        first = ok(kiosk(device, "sync", "hub", url))
        assert first["pushed"] == 1 and first["pulled_version"] >= 1 and first["status"] == "ok"
        again = ok(kiosk(device, "sync", "hub", url))
        assert again["pushed"] == 0
        # The device now takes a newer roster by USB; the hub's is older: refused, exit 2.
        newer = tmp_path / "newer-org.sqlite"
        _copy(old_org, newer)
        ok(kiosk(newer, "setting", "door_opens_minutes", "45"))
        ok(kiosk(newer, "sync", "export", "--roster", "-o", str(tmp_path / "newer.bundle")))
        ok(kiosk(device, "sync", "import", str(tmp_path / "newer.bundle")))
        ok(kiosk(device, "scan", "--session", "NS2", "--at", "2019-10-01T16:06", codes["R-0008"]))
        result = kiosk(device, "sync", "hub", url)
        assert result.returncode == 2, result.stderr
        assert json.loads(result.stdout)["pushed"] == 1  # pushed first, then refused
        assert "older" in result.stderr and "Traceback" not in result.stderr
    finally:
        hub.send_signal(signal.SIGINT)
        hub.wait(timeout=15)
    assert "POST /v1/events 200" in log.read_text()
    unreachable = kiosk(device, "sync", "hub", url, "--timeout", "2")
    assert unreachable.returncode == 1 and "unreachable" in unreachable.stderr


def test_an_unencrypted_roster_bundle_comes_with_a_warning(tmp_path):
    org = tmp_path / "organiser.sqlite"
    ok(kiosk(org, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul"))
    plain = kiosk(org, "sync", "export", "--roster", "-o", str(tmp_path / "plain.bundle"))
    ok(plain)
    assert "not encrypted" in plain.stderr and "--passphrase-file" in plain.stderr
    (tmp_path / "pass.txt").write_text("a long usb passphrase\n")
    sealed = kiosk(
        org,
        "sync",
        "export",
        "--roster",
        "-o",
        str(tmp_path / "sealed.bundle"),
        "--passphrase-file",
        str(tmp_path / "pass.txt"),
    )
    ok(sealed)
    assert "not encrypted" not in sealed.stderr
