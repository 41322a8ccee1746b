"""Who may send check-ins: device keys, the enrolment proof, and pinning a device to its key.

Each device signs what it sends with its own Ed25519 key (made when it is provisioned). The
organiser pins a device's public key the first time it hears from it, by USB or through the hub,
and refuses a different key for a known device from then on.

First contact is not blind trust: the organiser's roster bundle carries a random enrolment secret
of the event, and a device proves it was provisioned from that bundle with an HMAC of its name
and public key under that secret. A stranger without a roster bundle cannot get a key pinned; a
device that was provisioned can register once, and only with the key it first showed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Iterable

from kiosk.core import keys
from kiosk.services.event import Event, is_organiser
from kiosk.store.settings import get_setting, put_setting
from kiosk.sync.bundle import BundleError

ENROL_SECRET_SETTING = "sync_enrol_secret"
_ENROL_CONTEXT = b"kiosk-enrol-v1\x00"


def enrol_secret(conn: sqlite3.Connection, *, create: bool = False) -> bytes | None:
    """The event's enrolment secret (made by the organiser on first need), or None."""
    value = get_setting(conn, ENROL_SECRET_SETTING)
    if value:
        return bytes.fromhex(str(value))
    if not create:
        return None
    secret = secrets.token_bytes(32)
    put_setting(conn, ENROL_SECRET_SETTING, secret.hex())
    return secret


def enrolment_proof(secret: bytes, event_id: str, device: str, public_key: bytes) -> str:
    """HMAC-SHA256 binding a device name and public key to the event's enrolment secret."""
    message = _ENROL_CONTEXT + event_id.encode() + b"\x00" + device.encode() + b"\x00" + public_key
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def proof_valid(
    conn: sqlite3.Connection, event_id: str, device: str, public_key: bytes, proof: object
) -> bool:
    secret = enrol_secret(conn)
    if secret is None or not isinstance(proof, str):
        return False
    expected = enrolment_proof(secret, event_id, device, public_key)
    return hmac.compare_digest(expected, proof)


def pinned_key(conn: sqlite3.Connection, device: str) -> bytes | None:
    row = conn.execute("SELECT public_key FROM sync_devices WHERE device = ?", (device,)).fetchone()
    return None if row is None else bytes(row[0])


def accept_signer(
    conn: sqlite3.Connection,
    event: Event,
    *,
    device: str,
    labels: Iterable[str],
    public_key: bytes,
    proof: object,
    via: str,
    now: int,
) -> bool:
    """Decide whether check-ins signed by `public_key` for these device names are accepted.

    Inside the caller's write transaction. The organiser's own key is always accepted. A device
    name pinned to another key is refused. Names never seen are pinned to this key, on the
    organiser's database only and only with a valid enrolment proof for `device`; a device's
    database accepts only keys its organiser listed. Returns True when something was pinned.
    """
    if public_key == event.public_key_raw:
        return False
    names = sorted({device, *labels})
    unknown = []
    for name in names:
        known = pinned_key(conn, name)
        if known is None:
            unknown.append(name)
        elif known != public_key:
            raise BundleError(
                f"refused: device {name!r} is known with another key "
                f"({keys.fingerprint(known)}), this one is {keys.fingerprint(public_key)}"
            )
    if unknown:
        if not is_organiser(conn):
            raise BundleError(
                f"refused: unknown device key {keys.fingerprint(public_key)} for "
                f"{', '.join(unknown)}; import this bundle on the organiser's machine"
            )
        if not proof_valid(conn, event.event_id, device, public_key, proof):
            raise BundleError(
                f"refused: device {device!r} was not provisioned from this event's roster "
                "bundle (no valid enrolment proof)"
            )
        conn.executemany(
            "INSERT INTO sync_devices(device, public_key, first_seen_ms, last_contact_ms, "
            "last_via) VALUES (?, ?, ?, ?, ?)",
            [(name, public_key, now, now, via) for name in unknown],
        )
    touch(conn, device, via=via, now=now)
    return bool(unknown)


def touch(
    conn: sqlite3.Connection,
    device: str,
    *,
    via: str,
    now: int,
    seq_high: dict[str, int] | None = None,
) -> None:
    """Record contact with a device (and the sequence numbers it says it has reached)."""
    conn.execute(
        "UPDATE sync_devices SET last_contact_ms = max(last_contact_ms, ?), last_via = ? "
        "WHERE device = ?",
        (now, via, device),
    )
    for name, seq in (seq_high or {}).items():
        if isinstance(name, str) and isinstance(seq, int):
            conn.execute(
                "UPDATE sync_devices SET reported_seq = max(reported_seq, ?) WHERE device = ?",
                (seq, name),
            )


def replace_listed_pins(conn: sqlite3.Connection, listed: dict[str, str], now: int) -> None:
    """On a device: take the organiser's list of device keys (name -> hex) as authoritative."""
    conn.executemany(
        "INSERT INTO sync_devices(device, public_key, first_seen_ms, last_contact_ms, last_via) "
        "VALUES (?, ?, ?, ?, 'organiser') ON CONFLICT(device) DO UPDATE SET "
        "public_key = excluded.public_key",
        [
            (name, bytes.fromhex(key), now, now)
            for name, key in listed.items()
            if isinstance(name, str) and isinstance(key, str) and len(key) == 64
        ],
    )
