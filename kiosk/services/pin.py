"""The organiser PIN that guards leaving a kiosk: a salted scrypt hash, and slower answers
after repeated wrong tries so it cannot be guessed at a kiosk."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from dataclasses import dataclass

from kiosk.core.clock import now_ms
from kiosk.errors import KioskError
from kiosk.store.database import transaction
from kiosk.store.settings import get_setting, put_setting

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
FREE_TRIES = 3
MAX_WAIT_S = 300


@dataclass(frozen=True)
class PinCheck:
    """The answer to a PIN try: accepted, or refused and how long until the next try."""

    ok: bool
    wait_seconds: int = 0


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024)


def set_pin(conn: sqlite3.Connection, pin: str) -> None:
    """Store a new organiser PIN (4 to 12 digits) as a salted scrypt hash."""
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise KioskError("the organiser PIN must be 4 to 12 digits")
    salt = secrets.token_bytes(16)
    record = {"salt": salt.hex(), "hash": _hash(pin, salt, **_SCRYPT).hex(), **_SCRYPT}
    with transaction(conn):
        put_setting(conn, "organiser_pin", record)
        put_setting(conn, "organiser_pin_failures", {"count": 0, "last_ms": 0})


def has_pin(conn: sqlite3.Connection) -> bool:
    return get_setting(conn, "organiser_pin") is not None


def _wait_after(failures: int) -> int:
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_WAIT_S, 2 ** (failures - FREE_TRIES + 1)))


def check_pin(conn: sqlite3.Connection, pin: str, *, at_ms: int | None = None) -> PinCheck:
    """Check a PIN try. After three wrong tries each further try must wait longer (2 s, 4 s,
    8 s, ... up to 5 minutes); a try during the wait is refused without being checked."""
    now = now_ms() if at_ms is None else at_ms
    record = get_setting(conn, "organiser_pin")
    if record is None:
        return PinCheck(ok=True)
    failures = get_setting(conn, "organiser_pin_failures", {"count": 0, "last_ms": 0})
    wait_ms = _wait_after(int(failures["count"])) * 1000
    remaining = int(failures["last_ms"]) + wait_ms - now
    if remaining > 0:
        return PinCheck(ok=False, wait_seconds=(remaining + 999) // 1000)
    expected = bytes.fromhex(record["hash"])
    given = _hash(pin, bytes.fromhex(record["salt"]), record["n"], record["r"], record["p"])
    ok = hmac.compare_digest(expected, given)
    count = 0 if ok else int(failures["count"]) + 1
    with transaction(conn):
        put_setting(conn, "organiser_pin_failures", {"count": count, "last_ms": now})
    return PinCheck(ok=ok, wait_seconds=0 if ok else _wait_after(count))
