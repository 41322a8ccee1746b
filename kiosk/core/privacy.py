"""Personal data that kiosks may hold only in a form that cannot be read back.

An e-mail address is kept as a keyed hash: the event's random salt is the key, so a copied kiosk
database does not reveal who registered, and the same address cannot be matched across events.
The organiser's import and the kiosks' look-up call the same function, so they agree.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable

EMAIL_HASH_BYTES = 16  # 32 hex characters


def normalise_email(email: str) -> str:
    """The spelling that is hashed: surrounding space removed, lower case, Unicode NFC.

    People type their address with capitals or a stray space at a kiosk; the hash must not care.
    """
    text = email.strip().lower()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def email_hasher(salt: bytes) -> Callable[[str], str]:
    """`email_hash` with the salt bound once, for hashing many addresses (a roster import)."""
    keyed = hashlib.blake2b(key=salt, digest_size=EMAIL_HASH_BYTES)

    def hash_one(email: str) -> str:
        digest = keyed.copy()
        digest.update(normalise_email(email).encode("utf-8"))
        return digest.hexdigest()

    return hash_one


def email_hash(salt: bytes, email: str) -> str:
    """The salted hash (BLAKE2b keyed with the event's salt) under which an address is stored."""
    return email_hasher(salt)(email)
