"""Bundles built to exhaust a machine are refused in one line (exit 2, nothing written) with the
`kiosk` process's peak memory under 300 MB: a stranger-signed bundle is refused before it is
inflated, a payload that inflates to gigabytes is refused as it inflates (whatever its header
claims), JSON nested 200,000 deep or with a 5,000-digit number, scrypt parameters asking for
gigabytes, a file of several gigabytes."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from peak_memory import run_kiosk
from sync_helpers import enrol_token, make_organiser

from kiosk.core import keys
from kiosk.services.event import load_event
from kiosk.sync.bundle import MAGIC, SIGNATURE_LEN, canonical_json, make_bundle
from kiosk.sync.enrolment import proof

PEAK_MB = 300
GiB = 1024**3
_CONTEXT = b"kiosk-bundle-v1\x00"


def signed(header: dict, body: bytes, key) -> bytes:  # noqa: ANN001 - an Ed25519 private key
    """A bundle file as `make_bundle` lays it out, with any header and body (the attacker's)."""
    header = {
        **header,
        "payload_bytes": len(body),
        "signer": keys.public_bytes(key.public_key()).hex(),
    }
    raw = canonical_json(header)
    prefix = MAGIC + struct.pack(">I", len(raw)) + raw
    data = prefix + body
    return data + key.sign(_CONTEXT + data)


def _deflate_zeros(size: int) -> bytes:
    """`size` zero bytes as a zlib stream, about 1,000 to 1. Each 64 MiB piece is deflated on its
    own (a full flush resets the history), so one piece's bytes serve them all."""
    piece = 64 * 1024**2
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = b"\0" * piece
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(size // piece):
        checksum = zlib.adler32(zeros, checksum)
    return b"\x78\xda" + block * (size // piece) + b"\x03\x00" + checksum.to_bytes(4, "big")


@pytest.fixture(scope="module")
def zeros_3_5_gib() -> bytes:
    size = 3 * GiB + GiB // 2
    data = _deflate_zeros(size)
    assert len(data) < 4 * 1024**2
    assert len(zlib.decompressobj().decompress(data, 10 * 1024**2)) == 10 * 1024**2
    return data


@pytest.fixture
def organiser(tmp_path: Path):
    conn, _ = make_organiser(tmp_path / "organiser.sqlite")
    yield conn
    conn.close()


def _base(organiser, kind: str = "events") -> dict:
    """A header for this event, as the attacker would copy it from a genuine bundle."""
    return {
        "format": 1,
        "kind": kind,
        "event_id": load_event(organiser).event_id,
        "device": "door-x",
        "created_ms": 1,
        "records": 1,
        "version": 9,
        "compression": "zlib",
        "encryption": None,
    }


def refused(run, pattern: str) -> None:  # noqa: ANN001
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert pattern in run.stderr, run.stderr
    assert run.peak_mb < PEAK_MB, run.peak_mb


def _log_count(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM checkins").fetchone()[0])


def test_a_stranger_signed_bomb_is_refused_before_it_is_inflated(
    organiser, tmp_path, zeros_3_5_gib
):
    path = tmp_path / "stranger.bundle"
    path.write_bytes(signed(_base(organiser), zeros_3_5_gib, keys.new_private_key()))
    assert path.stat().st_size < 4 * 1024**2
    run = run_kiosk(
        tmp_path, "--db", str(tmp_path / "organiser.sqlite"), "sync", "import", str(path)
    )
    refused(run, "not enrolled")
    assert _log_count(tmp_path / "organiser.sqlite") == 0


@pytest.mark.parametrize(
    "declared", [None, 1_000, 3 * GiB + GiB // 2], ids=["undeclared", "lying", "honest"]
)
def test_a_payload_inflating_to_3_5_gib_is_refused_as_it_inflates(
    organiser, tmp_path, zeros_3_5_gib, declared
):
    """Signed by an enrolled device (a trusted signer can still send a bomb, by mistake or
    from a stolen laptop): refused whatever size the header claims."""
    key = keys.new_private_key()
    token = enrol_token(organiser, "door-x")
    header = _base(organiser)
    header["enrolment"] = proof(
        token, header["event_id"], "door-x", keys.public_bytes(key.public_key())
    )
    if declared is not None:
        header["raw_bytes"] = declared
    path = tmp_path / "bomb.bundle"
    path.write_bytes(signed(header, zeros_3_5_gib, key))
    run = run_kiosk(
        tmp_path, "--db", str(tmp_path / "organiser.sqlite"), "sync", "import", str(path)
    )
    refused(run, "bundle refused")
    assert "inflate beyond" in run.stderr or "size its header says" in run.stderr
    assert _log_count(tmp_path / "organiser.sqlite") == 0


def test_a_roster_bomb_cannot_provision_a_device(organiser, tmp_path, zeros_3_5_gib):
    """`init --from-bundle` trusts the key that signed the bundle (it prints its fingerprint):
    any key, so the limits are all that stands between a stranger's file and this machine."""
    path = tmp_path / "roster.bundle"
    path.write_bytes(signed(_base(organiser, "roster"), zeros_3_5_gib, keys.new_private_key()))
    run = run_kiosk(
        tmp_path, "--db", str(tmp_path / "door.sqlite"), "init", "--from-bundle", str(path)
    )
    refused(run, "inflate beyond")
    assert not (tmp_path / "door.sqlite").exists()


@pytest.mark.parametrize(
    ("payload", "pattern"),
    [
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        (b'{"roster": ' + b"9" * 5_000 + b"}", "a number too long"),
    ],
    ids=["200k-deep", "5000-digits"],
)
def test_unreadable_json_in_a_roster_is_refused(organiser, tmp_path, payload, pattern):
    key = keys.new_private_key()
    data = make_bundle(
        kind="roster",
        event_id="e",
        signer=key,
        device="x",
        payload=payload,
        created_ms=1,
        records=0,
        extra={"version": 1},
    )
    path = tmp_path / "odd.bundle"
    path.write_bytes(data)
    run = run_kiosk(
        tmp_path, "--db", str(tmp_path / "door.sqlite"), "init", "--from-bundle", str(path)
    )
    refused(run, pattern)
    assert not (tmp_path / "door.sqlite").exists()


@pytest.mark.parametrize(
    "params",
    [
        {"n": 2**20, "r": 32, "p": 8},  # 4 GiB of memory
        {"n": 2**17, "r": 8, "p": 1000},  # minutes of work
        {"n": 3, "r": 8, "p": 1},  # not a power of two
        {"n": "32768", "r": 8, "p": 1},
        {"n": 2**15, "r": 8.5, "p": 1},
    ],
)
def test_hostile_scrypt_parameters_are_refused(organiser, tmp_path, params):
    header = _base(organiser, "roster")
    header["encryption"] = {
        "cipher": "AES-256-GCM",
        "kdf": "scrypt",
        "salt": "00" * 16,
        "nonce": "00" * 12,
        **params,
    }
    path = tmp_path / "sealed.bundle"
    path.write_bytes(signed(header, b"\0" * 64, keys.new_private_key()))
    (tmp_path / "pass.txt").write_text("correct horse\n")
    run = run_kiosk(
        tmp_path,
        "--db",
        str(tmp_path / "door.sqlite"),
        "init",
        "--from-bundle",
        str(path),
        "--passphrase-file",
        str(tmp_path / "pass.txt"),
    )
    refused(run, "damaged header (encryption)")


def test_a_header_nested_deep_and_a_file_of_gigabytes_are_refused(organiser, tmp_path):
    deep = b"[" * 60_000
    path = tmp_path / "deep.bundle"
    path.write_bytes(MAGIC + struct.pack(">I", len(deep)) + deep + b"\0" * SIGNATURE_LEN)
    run = run_kiosk(
        tmp_path, "--db", str(tmp_path / "organiser.sqlite"), "sync", "import", str(path)
    )
    refused(run, "header unreadable")
    huge = tmp_path / "huge.bundle"
    with huge.open("wb") as out:  # sparse: 3 GiB on paper, nothing on disk
        out.write(MAGIC)
        out.truncate(3 * GiB)
    run = run_kiosk(
        tmp_path, "--db", str(tmp_path / "organiser.sqlite"), "sync", "import", str(huge)
    )
    refused(run, "larger than 128 MiB")
