"""Per-device enrolment: how a new door or kiosk gets the right to send check-ins.

As pretixSCAN provisions its devices, the organiser makes a one-time, short-lived token for each
device by name (`kiosk device add NAME`, or the Sync tab, as text and as a QR code). The device
is given the token once (`kiosk init --from-bundle B --device NAME --enrol TOKEN`) and proves it
holds it with an HMAC of its name and public key under the token. The first time the organiser
hears from it (the hub's hello, or its first events bundle by USB) the organiser checks the proof,
pins the device's key, and the token is spent: it cannot enrol a second device, and it stops
working after its validity (DEFAULT_VALID_HOURS) even unused.

Roster bundles carry no enrolment secret, so holding a roster (a copied USB stick, a lost door
laptop's files) does not let anyone add a door. Revoking a device is `identity.revoke_device`.

The token stays on the device (setting `sync_enrol_token`) until the organiser's roster lists the
device with its key: then it is forgotten.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.core.clock import now_ms
from kiosk.core.keyboard import keys_typed
from kiosk.errors import KioskError
from kiosk.store.settings import get_setting, put_setting

TOKEN_SETTING = "sync_enrol_token"
DEFAULT_VALID_HOURS = 12
MAX_VALID_HOURS = 72
_TOKEN_BYTES = 15  # 120 bits: 24 Base32 letters
_TOKEN_LETTERS = 24
_TOKEN_RE = re.compile(r"^[A-Z2-7]{24}$")
_PROOF_CONTEXT = b"kiosk-enrol-v2\x00"
DEVICE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")


class EnrolmentRefused(KioskError):
    """A device's first contact that does not carry a valid proof; `code` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Enrolment:
    """A token made for one device name: shown once to the organiser, never stored on paper."""

    device: str
    token: str
    created_ms: int
    expires_ms: int

    def to_json(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "token": self.token,
            "created_ms": self.created_ms,
            "expires_ms": self.expires_ms,
        }


def check_device_name(name: str) -> str:
    """A device name as enrolment accepts it: letters, digits, `.`, `_`, `-`; at most 63."""
    name = name.strip()
    if not DEVICE_NAME_RE.match(name):
        raise KioskError(
            f"{name!r} is not a usable device name: letters, digits, '.', '_' and '-', "
            "starting with a letter or digit, at most 63 characters"
        )
    return name


def new_token() -> str:
    """A random token, as people read it: 24 Base32 letters in groups of four."""
    letters = base64.b32encode(secrets.token_bytes(_TOKEN_BYTES)).decode()
    return "-".join(letters[i : i + 4] for i in range(0, _TOKEN_LETTERS, 4))


def normalise_token(text: str) -> str:
    """A token as typed, pasted or scanned (Caps Lock, a Korean IME, spaces and dashes undone),
    in its canonical form; KioskError when it cannot be a token."""
    letters = re.sub(r"[\s-]+", "", keys_typed(text.strip())).upper()
    if not _TOKEN_RE.match(letters):
        raise KioskError(
            "that is not an enrolment token (24 letters and digits, e.g. ABCD-EFGH-...): "
            "make one with `kiosk device add NAME` on the organiser's machine"
        )
    return "-".join(letters[i : i + 4] for i in range(0, _TOKEN_LETTERS, 4))


def proof(token: str, event_id: str, device: str, public_key: bytes) -> str:
    """HMAC-SHA256 binding this event, a device name and its public key to the token."""
    message = _PROOF_CONTEXT + event_id.encode() + b"\x00" + device.encode() + b"\x00" + public_key
    return hmac.new(normalise_token(token).encode(), message, hashlib.sha256).hexdigest()


# -- the organiser's side --------------------------------------------------------------------


def add_device(
    conn: sqlite3.Connection,
    name: str,
    *,
    valid_hours: float = DEFAULT_VALID_HOURS,
    now: int | None = None,
) -> Enrolment:
    """A new one-time token for device `name` (inside the caller's write transaction).

    A name already enrolled is refused (revoke it and enrol the replacement under a new name:
    the old device's check-ins keep theirs). A waiting token for the name is replaced.
    """
    name = check_device_name(name)
    if not 0 < valid_hours <= MAX_VALID_HOURS:
        raise KioskError(f"a token is valid for more than 0 and at most {MAX_VALID_HOURS} hours")
    row = conn.execute("SELECT revoked_ms FROM sync_devices WHERE device = ?", (name,)).fetchone()
    if row is not None:
        state = "was revoked" if row[0] is not None else "is already enrolled"
        raise KioskError(
            f"device {name!r} {state}: enrol the new device under another name (e.g. {name}-2)"
        )
    now = now_ms() if now is None else now
    enrolment = Enrolment(name, new_token(), now, now + int(valid_hours * 3_600_000))
    conn.execute(
        "INSERT INTO sync_enrolments(device, token, created_ms, expires_ms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(device) DO UPDATE SET token = excluded.token, created_ms = "
        "excluded.created_ms, expires_ms = excluded.expires_ms, used_ms = NULL, public_key = NULL",
        (enrolment.device, enrolment.token, enrolment.created_ms, enrolment.expires_ms),
    )
    return enrolment


def enrol_new_device(
    conn: sqlite3.Connection, name: str, *, valid_hours: float = DEFAULT_VALID_HOURS
) -> Enrolment:
    """`kiosk device add` and the Sync tab: a token for a new device, in a transaction of its
    own, on the organiser's database only."""
    from kiosk.services.event import is_organiser
    from kiosk.store.database import transaction

    if not is_organiser(conn):
        raise KioskError("devices are enrolled and revoked on the organiser's machine")
    with transaction(conn):
        return add_device(conn, name, valid_hours=valid_hours)


def waiting(conn: sqlite3.Connection, device: str, now: int) -> bool:
    """True while `device` has an unused token that has not expired."""
    row = conn.execute(
        "SELECT token, expires_ms FROM sync_enrolments WHERE device = ?", (device,)
    ).fetchone()
    return row is not None and row[0] is not None and now < int(row[1])


def verify(
    conn: sqlite3.Connection,
    event_id: str,
    device: str,
    public_key: bytes,
    given: object,
    now: int,
) -> None:
    """Check a first contact's proof for `device` against its waiting token; raises
    EnrolmentRefused (not_enrolled, token_used, token_expired, bad_proof) otherwise."""
    row = conn.execute(
        "SELECT token, expires_ms, used_ms FROM sync_enrolments WHERE device = ?", (device,)
    ).fetchone()
    if row is None:
        raise EnrolmentRefused(
            "not_enrolled",
            f"device {device!r} is not enrolled: the organiser makes a token for it with "
            "`kiosk device add` (a roster bundle alone does not enrol a device)",
        )
    token, expires_ms, used_ms = row
    if token is None or used_ms is not None:
        raise EnrolmentRefused(
            "token_used", f"the enrolment token for {device!r} was already used by another key"
        )
    if now >= int(expires_ms):
        raise EnrolmentRefused(
            "token_expired",
            f"the enrolment token for {device!r} expired: make a new one with "
            f"`kiosk device add {device}`",
        )
    if not isinstance(given, str) or not hmac.compare_digest(
        proof(str(token), event_id, device, public_key), given
    ):
        raise EnrolmentRefused(
            "bad_proof", f"device {device!r} did not prove it holds its enrolment token"
        )


def spend(conn: sqlite3.Connection, device: str, public_key: bytes, now: int) -> None:
    """Mark the device's token used by this key (inside the caller's write transaction); the
    token itself is erased."""
    conn.execute(
        "UPDATE sync_enrolments SET token = NULL, used_ms = ?, public_key = ? WHERE device = ?",
        (now, public_key, device),
    )


def withdraw(conn: sqlite3.Connection, device: str) -> bool:
    """Erase a device's unused token (revocation before first contact); True if there was one."""
    cursor = conn.execute(
        "UPDATE sync_enrolments SET token = NULL, expires_ms = min(expires_ms, ?) "
        "WHERE device = ? AND token IS NOT NULL",
        (now_ms(), device),
    )
    return cursor.rowcount > 0


def enrolments(conn: sqlite3.Connection) -> dict[str, tuple[int, int, int | None]]:
    """device -> (created_ms, expires_ms, used_ms) of every token made."""
    return {
        str(device): (int(created), int(expires), None if used is None else int(used))
        for device, created, expires, used in conn.execute(
            "SELECT device, created_ms, expires_ms, used_ms FROM sync_enrolments"
        )
    }


# -- the device's side ------------------------------------------------------------------------


def keep_token(conn: sqlite3.Connection, token: str) -> None:
    """Store the token a device was given (inside the caller's write transaction)."""
    put_setting(conn, TOKEN_SETTING, normalise_token(token))


def device_proof(
    conn: sqlite3.Connection, event_id: str, device: str, public_key: bytes
) -> str | None:
    """This device's proof for its first contact, or None without a token."""
    token = get_setting(conn, TOKEN_SETTING)
    if not isinstance(token, str):
        return None
    try:
        return proof(token, event_id, device, public_key)
    except KioskError:
        return None


def forget_token(conn: sqlite3.Connection) -> None:
    """The organiser has this device's key: the token is no longer needed (inside the caller's
    write transaction)."""
    conn.execute("DELETE FROM settings WHERE key = ?", (TOKEN_SETTING,))
