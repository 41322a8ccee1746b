"""Finding yourself without a code: two facts, one answer, and a brake on guessing. No Qt.

The answer is a registration or nothing: which fact was wrong is never said. Wrong answers in a
row slow the next try down (kiosk-wide, not per visit: pressing Cancel does not reset it), so the
kiosk cannot be used to try registration numbers one after another.

A family name typed in Hangul (김, with the on-screen keyboard or a Korean input method) is matched
against the family name at the start of the name in the person's own script (`name_local`,
김민지), as strictly as a Latin family name is matched against `family_name`.
"""

from __future__ import annotations

import sqlite3
import time
import unicodedata
from collections.abc import Callable
from enum import StrEnum

from kiosk.core.hangul import SYLLABLE_FIRST, SYLLABLE_LAST
from kiosk.core.keyboard import keys_typed
from kiosk.core.privacy import email_hash
from kiosk.services.event import load_event
from kiosk.services.lookup import find_self

# Korean family names of two syllables (nearly all have one): 남궁민 is 남궁 + 민, not 남 + 궁민.
TWO_SYLLABLE_FAMILY_NAMES = frozenset(
    {"강전", "남궁", "독고", "동방", "망절", "사공", "서문", "선우", "소봉", "어금", "장곡", "제갈"}
    | {"황목", "황보"}
)


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
    hangul = is_hangul_name(family)
    if find_by is FindBy.EMAIL:
        if hangul:
            return _by_local_name(conn, family, email=other)
        return find_self(conn, family_name=family, email=other)
    for candidate in dict.fromkeys((other, other.upper(), keys_typed(other).upper())):
        if hangul:
            found = _by_local_name(conn, family, registration_id=candidate)
        else:
            found = find_self(conn, registration_id=candidate, family_name=family)
        if found is not None:
            return found
    return None


def is_hangul_name(text: str) -> bool:
    """A name written in Hangul syllables (spaces aside)."""
    letters = unicodedata.normalize("NFC", text).replace(" ", "")
    return bool(letters) and all(SYLLABLE_FIRST <= ord(c) <= SYLLABLE_LAST for c in letters)


def local_family_name(name_local: str) -> str:
    """The family name at the start of a Korean name written in Hangul ("김민지" -> "김",
    "남궁민" -> "남궁", "김 민지" -> "김"); "" when the name is not in Hangul."""
    name = unicodedata.normalize("NFC", name_local).strip()
    if " " in name:
        first = name.split()[0]
        return first if is_hangul_name(first) else ""
    if not is_hangul_name(name) or len(name) < 2:
        return ""
    if len(name) >= 3 and name[:2] in TWO_SYLLABLE_FAMILY_NAMES:
        return name[:2]
    return name[:1]


def _by_local_name(
    conn: sqlite3.Connection,
    family: str,
    *,
    registration_id: str | None = None,
    email: str | None = None,
) -> str | None:
    """The registration with this Hangul family name and this number or e-mail address."""
    wanted = unicodedata.normalize("NFC", family).replace(" ", "")
    if registration_id is not None:
        rows = conn.execute(
            "SELECT registration_id, name_local FROM attendees WHERE registration_id = ?",
            (registration_id.strip(),),
        ).fetchall()
    else:
        hashed = email_hash(load_event(conn).email_salt, email or "")
        rows = conn.execute(
            "SELECT registration_id, name_local FROM attendees WHERE email_hash = ?", (hashed,)
        ).fetchall()
    for rid, name_local in rows:
        if name_local and local_family_name(name_local) == wanted:
            return str(rid)
    return None


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
