"""Finding yourself without a code: two facts, one answer, and a brake on guessing.

The answer is a registration or nothing: which fact was wrong is never said. Wrong answers in a
row slow the next try down (kiosk-wide, not per visit: pressing Cancel does not reset it), so the
kiosk cannot be used to try registration numbers one after another. `SelfLookup` is the one way
in: it applies the brake to every look-up, whatever screen or command asks.

A family name typed in Hangul (김, with the on-screen keyboard or a Korean input method) is matched
by `find_self` against the name in the person's own script.

Where every registration number is a number, a kiosk may offer the number alone with the
keypad's digits, and the second fact as a choice of three family names (`family_name_choices`):
the person's own and two others from the roster. The same number always shows the same three
names in the same order (chosen with the event's secret salt), and a number nobody holds shows
three names too, so trying numbers tells nothing about who holds them or whether anyone does;
a wrong choice is a wrong try for the brake, as a wrong typed name is.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import sqlite3
import time
from collections.abc import Callable
from enum import StrEnum

from kiosk.core.keyboard import keys_typed
from kiosk.errors import KioskError
from kiosk.services.event import load_event
from kiosk.services.lookup import find_self

CHOICES = 3
"""Family names offered for a registration number typed alone."""
_NUMBER = re.compile(r"^[0-9]{1,40}$")
# Names to offer besides the person's own when the roster itself has too few.
_COMMON_FAMILY_NAMES = ("KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG", "CHO", "YOON")


class FindBy(StrEnum):
    """The two pairs of facts a person may give."""

    REGISTRATION = "registration"  # registration number + family name
    EMAIL = "email"  # family name + e-mail address


def find_registration(
    conn: sqlite3.Connection, find_by: FindBy, family_name: str, other: str
) -> str | None:
    """The registration these two facts identify, or None (whatever was wrong).

    A registration number typed in lower case, or with the Korean IME still on (`ㄱ-0001` for
    `R-0001`), is tried as the keys pressed too.
    """
    family = family_name.strip()
    other = other.strip()
    if not family or not other:
        return None
    if find_by is FindBy.EMAIL:
        return find_self(conn, family_name=family, email=other)
    for candidate in dict.fromkeys((other, other.upper(), keys_typed(other).upper())):
        found = find_self(conn, registration_id=candidate, family_name=family)
        if found is not None:
            return found
    return None


def numeric_registrations(conn: sqlite3.Connection) -> bool:
    """True when there are registrations and every registration number is digits only: the
    keypad's digits can type any of them."""
    total, numeric = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE registration_id NOT GLOB '*[^0-9]*') "
        "FROM attendees"
    ).fetchone()
    return bool(total) and total == numeric


def family_name_choices(conn: sqlite3.Connection, number: str) -> list[str]:
    """Three family names for a registration number typed alone: its holder's among two
    others, always the same for the same number (see the module docstring); three others when
    no one holds the number."""
    number = number.strip()
    salt = load_event(conn).email_salt

    def rank(text: str) -> bytes:
        return hmac.new(salt, f"{number}\x00{text}".encode(), hashlib.sha256).digest()

    own: str | None = None
    if _NUMBER.match(number):
        row = conn.execute(
            "SELECT family_name FROM attendees WHERE registration_id = ? AND family_name != ''",
            (number,),
        ).fetchone()
        own = str(row[0]) if row is not None and row[0] else None
    names = {
        str(name).casefold(): str(name)
        for (name,) in conn.execute(
            "SELECT DISTINCT family_name FROM attendees WHERE family_name IS NOT NULL "
            "AND family_name != ''"
        )
    }
    for name in _COMMON_FAMILY_NAMES:
        names.setdefault(name.casefold(), name)
    if own is not None:
        names.pop(own.casefold(), None)
    others = sorted(names.values(), key=rank)
    if own is None:
        return others[:CHOICES]
    chosen = others[: CHOICES - 1]
    place = rank("\x01place")[0] % CHOICES
    chosen.insert(place, own)
    return chosen


class LookupThrottle:
    """After FREE_TRIES wrong look-ups in a row, each next try waits longer (to MAX_WAIT_S)."""

    FREE_TRIES = 3
    FIRST_WAIT_S = 5.0
    MAX_WAIT_S = 60.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.failures = 0
        self._free_at = 0.0

    def wait_s(self) -> float:
        """Seconds before the next look-up may be tried (0 when it may now)."""
        return max(0.0, self._free_at - self._clock())

    def failed(self) -> None:
        self.failures += 1
        beyond = self.failures - self.FREE_TRIES
        if beyond >= 0:
            wait = min(self.MAX_WAIT_S, self.FIRST_WAIT_S * 2**beyond)
            self._free_at = self._clock() + wait

    def succeeded(self) -> None:
        self.failures = 0
        self._free_at = 0.0


class LookupBraked(KioskError):
    """Too many wrong look-ups in a row: nothing was looked up; try again after `wait_s`."""

    def __init__(self, wait_s: float) -> None:
        super().__init__(f"too many wrong tries: wait {wait_s:.0f} s")
        self.wait_s = wait_s


class SelfLookup:
    """A kiosk's look-ups without a code, each one through the brake."""

    def __init__(self, conn: sqlite3.Connection, throttle: LookupThrottle | None = None) -> None:
        self.conn = conn
        self.throttle = throttle or LookupThrottle()

    def wait_s(self) -> float:
        """Seconds before the next look-up may be tried (0 when it may now)."""
        return self.throttle.wait_s()

    def find(self, find_by: FindBy, family_name: str, other: str) -> str | None:
        """The registration the two facts identify, or None (a wrong try, counted); raises
        LookupBraked while the brake holds, without looking anything up."""
        wait = self.throttle.wait_s()
        if wait > 0:
            raise LookupBraked(wait)
        found = find_registration(self.conn, find_by, family_name, other)
        if found is None:
            self.throttle.failed()
        else:
            self.throttle.succeeded()
        return found
