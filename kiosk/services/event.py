"""Creating an event database and reading the event's identity and settings."""

from __future__ import annotations

import secrets
import socket
import sqlite3
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.core import keys
from kiosk.core.clock import zone
from kiosk.core.codes import event_tag
from kiosk.core.model import (
    DEFAULT_DOOR_OPENS_MINUTES,
    DEFAULT_STAFF_CATEGORIES,
    DoorPolicy,
)
from kiosk.errors import KioskError
from kiosk.services.machine import machine_zone_name
from kiosk.store.database import open_database, transaction
from kiosk.store.settings import all_settings, put_setting


@dataclass(frozen=True)
class Event:
    """The identity and settings of the event a database belongs to."""

    event_id: str
    name: str
    timezone: str
    device: str
    public_key_raw: bytes
    email_salt: bytes
    door_opens_minutes: int
    staff_categories: tuple[str, ...]

    @cached_property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)

    @cached_property
    def public_key(self) -> Ed25519PublicKey:
        return keys.load_public(self.public_key_raw)

    @cached_property
    def tag(self) -> bytes:
        return event_tag(self.event_id)

    @cached_property
    def policy(self) -> DoorPolicy:
        return DoorPolicy(
            door_opens_ms_before=self.door_opens_minutes * 60_000,
            staff_categories=frozenset(self.staff_categories),
        )

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key_raw)


def default_device_name() -> str:
    """A device name that is unique across the event's machines."""
    host = socket.gethostname().split(".")[0] or "device"
    return f"{host}-{secrets.token_hex(3)}"


def init_event(path: str | Path, name: str, timezone: str | None = None) -> sqlite_utils.Database:
    """Create a new event database with a fresh signing key pair; refuses an existing file."""
    name = name.strip()
    if not name:
        raise KioskError("--event-name must not be empty")
    tz_name = timezone or machine_zone_name()
    zone(tz_name)
    private = keys.new_private_key()
    db = open_database(path, create=True)
    conn = db.conn
    with transaction(conn):
        for key, value in {
            "event_id": str(uuid.uuid4()),
            "event_name": name,
            "timezone": tz_name,
            "device": default_device_name(),
            "public_key": keys.public_bytes(private.public_key()).hex(),
            "email_salt": secrets.token_hex(16),
            "door_opens_minutes": DEFAULT_DOOR_OPENS_MINUTES,
            "staff_categories": list(DEFAULT_STAFF_CATEGORIES),
        }.items():
            put_setting(conn, key, value)
        conn.execute(
            "INSERT INTO signing_key(id, private_key) VALUES (1, ?)", (keys.private_bytes(private),)
        )
    return db


def load_event(conn: sqlite3.Connection) -> Event:
    """Read the event's settings; a database without them was never initialised."""
    settings = all_settings(conn)
    try:
        return Event(
            event_id=settings["event_id"],
            name=settings["event_name"],
            timezone=settings["timezone"],
            device=settings["device"],
            public_key_raw=bytes.fromhex(settings["public_key"]),
            email_salt=bytes.fromhex(settings["email_salt"]),
            door_opens_minutes=int(settings.get("door_opens_minutes", DEFAULT_DOOR_OPENS_MINUTES)),
            staff_categories=tuple(settings.get("staff_categories", DEFAULT_STAFF_CATEGORIES)),
        )
    except KeyError as exc:
        raise KioskError(f"this database has no event settings ({exc.args[0]} missing)") from exc


def load_signing_key(conn: sqlite3.Connection) -> Ed25519PrivateKey:
    """The organiser's private key; devices provisioned from a bundle do not have it."""
    row = conn.execute("SELECT private_key FROM signing_key WHERE id = 1").fetchone()
    if row is None:
        raise KioskError("this device has no signing key: issue codes on the organiser's machine")
    return keys.load_private(row[0])


# Settings a device database must have before it can judge a scan (see `init_device`).
DEVICE_REQUIRED_SETTINGS = ("event_id", "event_name", "timezone", "public_key", "email_salt")


def init_device(
    path: str | Path, settings: dict[str, Any], device: str | None = None
) -> sqlite_utils.Database:
    """Create a device (door or kiosk) database from settings an organiser's bundle carries.

    The device trusts the organiser's public key in `settings` and gets a unique device name
    and an Ed25519 key pair of its own (for signing what it sends back); it never holds the
    organiser's signing key. Refuses an existing file.
    """
    missing = [key for key in DEVICE_REQUIRED_SETTINGS if not settings.get(key)]
    if missing:
        raise KioskError(f"the bundle lacks the event's {', '.join(missing)}")
    zone(str(settings["timezone"]))
    name = (device or "").strip() or default_device_name()
    db = open_database(path, create=True)
    conn = db.conn
    with transaction(conn):
        for key, value in settings.items():
            put_setting(conn, key, value)
        put_setting(conn, "device", name)
        conn.execute(
            "INSERT INTO device_key(id, private_key) VALUES (1, ?)",
            (keys.private_bytes(keys.new_private_key()),),
        )
    return db


def device_private_key(conn: sqlite3.Connection) -> Ed25519PrivateKey:
    """This database's own device key, made on first use; it signs the check-ins it sends.

    A device gets one when it is provisioned; the organiser's database gets one the first time
    it sends check-ins of its own. It is never the organiser's signing key and never leaves.
    """
    row = conn.execute("SELECT private_key FROM device_key WHERE id = 1").fetchone()
    if row is not None:
        return keys.load_private(row[0])
    raw = keys.private_bytes(keys.new_private_key())
    insert = "INSERT OR IGNORE INTO device_key(id, private_key) VALUES (1, ?)"
    if conn.in_transaction:
        conn.execute(insert, (raw,))
    else:
        with transaction(conn):
            conn.execute(insert, (raw,))
    stored = conn.execute("SELECT private_key FROM device_key WHERE id = 1").fetchone()[0]
    return keys.load_private(stored)


def is_organiser(conn: sqlite3.Connection) -> bool:
    """True on the organiser's database (the one holding the signing key)."""
    return conn.execute("SELECT 1 FROM signing_key WHERE id = 1").fetchone() is not None
