"""The organiser PIN that guards leaving a kiosk: a salted scrypt hash, and slower answers
after repeated wrong tries so it cannot be guessed at a kiosk.

Each device keeps its own PIN: it never travels in a bundle (a copied roster would otherwise
hand out a hash to crack offline) and a roster sync leaves it as it is. A new PIN has at least
MIN_DIGITS digits. Changing a PIN needs the current one (`change_pin`), except on the
organiser's machine, whose database holds the event's signing key: there the organiser may
reset it."""

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
MIN_DIGITS, MAX_DIGITS = 6, 12


@dataclass(frozen=True)
class PinCheck:
    """The answer to a PIN try: accepted, or refused and how long until the next try."""

    ok: bool
    wait_seconds: int = 0


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024)


def check_new_pin(pin: str) -> str:
    """A new PIN as given, or KioskError: MIN_DIGITS to MAX_DIGITS digits 0-9."""
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise KioskError(
            f"the organiser PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits "
            "(a shorter one is guessed in seconds from a copied database)"
        )
    return pin


def set_pin(conn: sqlite3.Connection, pin: str) -> None:
    """Store a new organiser PIN (6 to 12 digits) as a salted scrypt hash, whatever PIN was set
    before: callers that change a PIN go through `change_pin`."""
    check_new_pin(pin)
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


def change_pin(
    conn: sqlite3.Connection,
    new: str,
    *,
    current: str | None = None,
    reset: bool = False,
    at_ms: int | None = None,
) -> None:
    """Set a new PIN: the first one freely; a later one with the `current` PIN (wrong tries slow
    down as at the kiosk), or with `reset` on the organiser's machine only (it holds the event's
    signing key, so whoever can use it is the organiser)."""
    check_new_pin(new)
    if has_pin(conn):
        if reset:
            from kiosk.services.event import is_organiser

            if not is_organiser(conn):
                raise KioskError(
                    "only the organiser's machine resets a PIN without the current one; on a "
                    "door or kiosk give the current PIN, or provision the device again"
                )
        elif current is None:
            raise KioskError("give the current PIN to change it")
        else:
            answer = check_pin(conn, current, at_ms=at_ms)
            if not answer.ok:
                wait = (
                    f"; wait {answer.wait_seconds} s before trying again"
                    if (answer.wait_seconds)
                    else ""
                )
                raise KioskError(f"the current PIN is wrong{wait}")
    set_pin(conn, new)
