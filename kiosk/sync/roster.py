"""Roster bundles (organiser to devices): making them, applying them, provisioning a device.

A roster bundle carries what a door or kiosk needs and nothing more: the programme (sessions and
their speakers), the attendees (e-mail only as the event's salted hash, plus the salt so a kiosk
can hash a typed address; no clear e-mail, no phone), invitations, revocations (each person's code
version and whether a code from another system was revoked), the text of each person's current
code (so a kiosk can print a badge without the signing key), the settings devices use, the
organiser's public key, the keys of known devices (and of revoked ones, so devices refuse them
too), and, for USB transfers, every check-in merged so far. Never the organiser's signing key,
never anything that enrols a device (see `enrolment`: a copied roster bundle adds no door), and
never a PIN or its hash (each device keeps its own, across syncs).

Its version grows only: the organiser's database remembers the digest of the last roster it
versioned, and a bundle gets a new version exactly when what it carries (check-ins aside) changed.
A device refuses a bundle not signed by its organiser key, another event's, or an older version;
the same version again changes nothing but can still bring check-ins it lacks (a union). A good
bundle is applied in one transaction: a door reading the database meanwhile (WAL) sees the old
roster or the new one, never half of each.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.errors import KioskError
from kiosk.services.event import (
    Event,
    device_private_key,
    init_device,
    is_organiser,
    load_event,
    load_signing_key,
)
from kiosk.store.database import transaction
from kiosk.store.settings import get_setting, put_setting
from kiosk.sync import enrolment, identity
from kiosk.sync.bundle import Bundle, BundleError, make_bundle, open_bundle
from kiosk.sync.events import CHECKIN_COLUMNS, MergeCounts, events_payload, merge_checkins

# Tables a roster bundle replaces on a device, in the order they are filled (foreign keys).
ROSTER_TABLES: tuple[tuple[str, str], ...] = (
    ("sessions", "session_id"),
    ("attendees", "registration_id"),
    ("session_speakers", "session_id, registration_id"),
    ("invitations", "session_id, registration_id"),
    ("code_issues", "registration_id, version"),
    ("tickets", "code"),
    ("session_ticket_types", "session_id, ticket_type"),
)
# Tables that roster bundles made before schema 7/8 do not carry: read as empty (codes from other
# systems then come from the attendees' `external_code`, as they did).
_OPTIONAL_TABLES = frozenset({"tickets", "session_ticket_types"})
_EMPTY_TABLE: dict[str, Any] = {"columns": [], "rows": []}

_KEY_COLUMNS = {
    "sessions": ("session_id",),
    "attendees": ("registration_id", "category"),
    "session_speakers": ("session_id", "registration_id"),
    "invitations": ("session_id", "registration_id"),
    "code_issues": ("registration_id", "version"),
    "tickets": ("code", "registration_id", "status"),
    "session_ticket_types": ("session_id", "ticket_type"),
}
# Event settings that devices use; the first four are needed, the others follow the organiser.
DEVICE_SETTINGS: tuple[str, ...] = (
    "event_name",
    "timezone",
    "email_salt",
    "door_opens_minutes",
    "staff_categories",
    "badge_layout",
    "main_language",
)
_NEEDED_SETTINGS = DEVICE_SETTINGS[:3]
ROSTER_STATE_SETTING = "sync_roster_state"  # organiser: {"version", "digest"}
ROSTER_VERSION_SETTING = "roster_version"  # device: the version applied
PULL_CURSOR_SETTING = "sync_pull_cursor"  # device: the organiser's last check-in row it has
ACKED_SETTING = "sync_acked_id"  # device: its own rows up to here are known to the organiser
LAST_SYNC_SETTING = "last_sync_ms"  # device: the last roster applied or hub round (door screen)


@dataclass(frozen=True)
class RosterExport:
    data: bytes
    version: int
    attendees: int
    checkins: int
    digest: str

    def to_json(self, path: Path | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "roster",
            "records": self.attendees,
            "version": self.version,
            "checkins": self.checkins,
        }
        if path is not None:
            out["path"] = str(path)
        return out


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _roster_part(conn: sqlite3.Connection, event: Event) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for table, order in ROSTER_TABLES:
        columns = _columns(conn, table)
        listed = ", ".join(f't."{c}"' for c in columns)
        ordered = ", ".join(f"t.{column.strip()}" for column in order.split(","))
        if table == "code_issues":
            # Only each person's current code: earlier ones are revoked anyway.
            sql = (
                f"SELECT {listed} FROM code_issues AS t JOIN attendees AS a "
                "ON a.registration_id = t.registration_id AND a.code_version = t.version "
                f"ORDER BY {ordered}"
            )
        else:
            sql = f"SELECT {listed} FROM {table} AS t ORDER BY {ordered}"
        tables[table] = {"columns": columns, "rows": conn.execute(sql).fetchall()}
    stored = {key: get_setting(conn, key) for key in DEVICE_SETTINGS}
    return {
        "event_id": event.event_id,
        "public_key": event.public_key_raw.hex(),
        "settings": {key: value for key, value in stored.items() if value is not None},
        "tables": tables,
    }


def export_roster(
    conn: sqlite3.Connection,
    *,
    passphrase: str | None = None,
    include_checkins: bool = True,
) -> RosterExport:
    """A roster bundle of the organiser's database, signed with the organiser's key.

    The roster is read and its version decided inside one write transaction, so two exports
    running at once can never give older contents a newer version.
    """
    if not is_organiser(conn):
        raise KioskError("only the organiser's database makes roster bundles")
    event = load_event(conn)
    key = load_signing_key(conn)
    checkin_rows: list[Any] = []
    with transaction(conn):
        roster = _roster_part(conn, event)
        roster_json = json.dumps(roster, separators=(",", ":"), ensure_ascii=False).encode()
        digest = hashlib.sha256(roster_json).hexdigest()
        state = get_setting(conn, ROSTER_STATE_SETTING) or {}
        version = int(state.get("version", 0))
        if state.get("digest") != digest:
            version += 1
            put_setting(conn, ROSTER_STATE_SETTING, {"version": version, "digest": digest})
        if include_checkins:
            checkin_rows = conn.execute(
                f"SELECT id, {', '.join(CHECKIN_COLUMNS)} FROM checkins ORDER BY id"
            ).fetchall()
        devices, revoked = identity.listed_devices(conn)
    cursor = int(checkin_rows[-1][0]) if checkin_rows else 0
    parts = [
        b'{"roster":',
        roster_json,
        b',"devices":',
        json.dumps(devices).encode(),
        b',"revoked_devices":',
        json.dumps(revoked).encode(),
    ]
    if include_checkins:
        parts += [
            b',"checkins":',
            events_payload(checkin_rows),
            b',"checkins_cursor":',
            str(cursor).encode(),
        ]
    parts.append(b"}")
    attendees = len(roster["tables"]["attendees"]["rows"])
    data = make_bundle(
        kind="roster",
        event_id=event.event_id,
        signer=key,
        device=event.device,
        payload=b"".join(parts),
        created_ms=now_ms(),
        records=attendees,
        extra={"version": version, "checkins": len(checkin_rows)},
        passphrase=passphrase,
    )
    return RosterExport(data, version, attendees, len(checkin_rows), digest)


@dataclass
class RosterApply:
    version: int
    previous: int
    applied: bool
    attendees: int
    counts: MergeCounts = field(default_factory=MergeCounts)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "roster",
            "added": self.counts.added,
            "duplicates": self.counts.duplicates,
            "version": self.version,
            "previous_version": self.previous,
            "applied": self.applied,
            "attendees": self.attendees,
        }


def _roster_of(payload: Any) -> dict[str, Any]:
    roster = payload.get("roster") if isinstance(payload, dict) else None
    if (
        not isinstance(roster, dict)
        or not isinstance(roster.get("tables"), dict)
        or not isinstance(roster.get("settings"), dict)
    ):
        raise BundleError("bundle refused: its contents are not a roster")
    for table, _ in ROSTER_TABLES:
        if table in _OPTIONAL_TABLES and table not in roster["tables"]:
            roster["tables"][table] = _EMPTY_TABLE
            continue
        part = roster["tables"].get(table)
        if (
            not isinstance(part, dict)
            or not isinstance(part.get("columns"), list)
            or not isinstance(part.get("rows"), list)
            or not all(c in part["columns"] for c in _KEY_COLUMNS[table])
        ):
            raise BundleError(f"bundle refused: the roster's {table} cannot be read")
    missing = [key for key in _NEEDED_SETTINGS if key not in roster["settings"]]
    if missing:
        raise BundleError(f"bundle refused: the roster lacks {', '.join(missing)}")
    return roster


def check_roster_bundle(bundle: Bundle, event: Event, current: int) -> None:
    """Refuse a roster bundle of another event, another signer, or older than `current`."""
    if bundle.kind != "roster":
        raise BundleError(f"this is an {bundle.kind} bundle, not a roster bundle")
    if bundle.event_id != event.event_id:
        raise BundleError(
            f"bundle refused: it belongs to another event ({bundle.event_id}), "
            f"this database is {event.event_id}"
        )
    if bundle.signer != event.public_key_raw:
        raise BundleError(
            f"bundle refused: signed by key {bundle.signer_fingerprint}, not by this "
            f"event's organiser key {event.fingerprint}"
        )
    version = bundle.header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError("bundle refused: damaged header (version)")
    if version < current:
        raise BundleError(
            f"bundle refused: roster version {version} is older than version {current}, "
            "which this device already has"
        )


def roster_version(conn: sqlite3.Connection) -> int:
    """The roster version this database has (the organiser's: the last one it made)."""
    if is_organiser(conn):
        state = get_setting(conn, ROSTER_STATE_SETTING) or {}
        return int(state.get("version", 0))
    return int(get_setting(conn, ROSTER_VERSION_SETTING, 0))


def apply_roster(
    conn: sqlite3.Connection,
    bundle: Bundle,
    *,
    passphrase: str | None = None,
    payload: Any = None,
) -> RosterApply:
    """Apply a roster bundle to a device's database in one transaction (see the module doc)."""
    if is_organiser(conn):
        raise KioskError("this is the organiser's database: roster bundles are for devices")
    event = load_event(conn)
    check_roster_bundle(bundle, event, roster_version(conn))
    if payload is None:
        payload = bundle.payload(passphrase)
    roster = _roster_of(payload)
    if roster.get("event_id") != event.event_id or roster.get("public_key") != bundle.signer.hex():
        raise BundleError("bundle refused: its contents do not match its header")
    checkins = payload.get("checkins")
    now = now_ms()
    with transaction(conn):
        current = int(get_setting(conn, ROSTER_VERSION_SETTING, 0))
        if bundle.version < current:  # another process applied a newer one meanwhile
            check_roster_bundle(bundle, event, current)
        result = RosterApply(
            bundle.version,
            current,
            bundle.version > current,
            len(roster["tables"]["attendees"]["rows"]),
        )
        if result.applied:
            _replace_tables(conn, roster["tables"])
            _apply_settings(conn, roster["settings"])
            put_setting(conn, ROSTER_VERSION_SETTING, bundle.version)
        devices, revoked = payload.get("devices"), payload.get("revoked_devices")
        if isinstance(devices, dict):
            identity.replace_listed_pins(
                conn, devices, now, revoked if isinstance(revoked, dict) else None
            )
            _forget_token_when_enrolled(conn, event, devices)
        if isinstance(checkins, dict):
            columns, rows = checkins.get("columns"), checkins.get("rows")
            if not isinstance(columns, list) or not isinstance(rows, list):
                raise BundleError("bundle refused: its check-ins cannot be read")
            result.counts = merge_checkins(
                conn, columns, rows, source=bundle.device, received_ms=now
            )
            cursor = payload.get("checkins_cursor")
            if isinstance(cursor, int) and cursor > int(get_setting(conn, PULL_CURSOR_SETTING, 0)):
                put_setting(conn, PULL_CURSOR_SETTING, cursor)
            uid_at = columns.index("event_uid")
            advance_ack(conn, {row[uid_at] for row in rows})
        put_setting(conn, LAST_SYNC_SETTING, now)
    return result


def _forget_token_when_enrolled(
    conn: sqlite3.Connection, event: Event, devices: dict[str, Any]
) -> None:
    """The organiser lists this device with its own key: its enrolment token is spent."""
    own = keys.public_bytes(device_private_key(conn).public_key()).hex()
    if devices.get(event.device) == own:
        enrolment.forget_token(conn)


def _replace_tables(conn: sqlite3.Connection, tables: dict[str, Any]) -> None:
    for table, _ in reversed(ROSTER_TABLES):
        conn.execute(f"DELETE FROM {table}")
    for table, _ in ROSTER_TABLES:
        part = tables[table]
        columns: list[str] = part["columns"]
        local = set(_columns(conn, table))
        used = [c for c in columns if c in local]
        rows: list[Any] = part["rows"]
        if not used:
            continue
        if used != columns:
            pick = itemgetter(*(columns.index(c) for c in used))
            rows = [pick(row) if len(used) > 1 else (pick(row),) for row in rows]
        listed = ", ".join(f'"{c}"' for c in used)
        try:
            conn.executemany(
                f"INSERT INTO {table}({listed}) VALUES ({', '.join('?' * len(used))})", rows
            )
        except (sqlite3.Error, TypeError, IndexError) as exc:
            raise BundleError(f"bundle refused: the roster's {table} is not valid ({exc})") from exc


def _apply_settings(conn: sqlite3.Connection, settings: dict[str, Any]) -> None:
    for key in DEVICE_SETTINGS:
        if key in settings:
            put_setting(conn, key, settings[key])
        else:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))


def advance_ack(conn: sqlite3.Connection, at_organiser: set[Any]) -> None:
    """Move this device's acknowledged mark past its own check-ins the organiser now has."""
    acked = int(get_setting(conn, ACKED_SETTING, 0))
    new = acked
    for row_id, uid in conn.execute(
        "SELECT id, event_uid FROM checkins WHERE source IS NULL AND id > ? ORDER BY id", (acked,)
    ):
        if uid not in at_organiser:
            break
        new = int(row_id)
    if new > acked:
        put_setting(conn, ACKED_SETTING, new)


def provision_device(
    path: str | Path,
    data: bytes,
    *,
    passphrase: str | None = None,
    device: str | None = None,
    enrol: str | None = None,
) -> dict[str, Any]:
    """`kiosk init --from-bundle`: a new device database from an organiser's roster bundle.

    The device trusts the organiser key that signed the bundle (its fingerprint is printed so a
    person can compare it with the organiser's screen) and gets its own name and key pair.
    `enrol` is the one-time token the organiser made for this device name (`kiosk device add`);
    without it the device can read rosters but the organiser takes nothing it sends.
    """
    path = Path(path)
    if path.exists():
        raise KioskError(f"{path} already exists; choose another --db or remove it")
    if enrol is not None:
        enrol = enrolment.normalise_token(enrol)
        if not device:
            raise KioskError("--enrol needs --device NAME: the name the token was made for")
        device = enrolment.check_device_name(device)
    bundle = open_bundle(data)
    if bundle.kind != "roster":
        raise BundleError(f"this is an {bundle.kind} bundle: a device is made from a roster bundle")
    payload = bundle.payload(passphrase)
    roster = _roster_of(payload)
    if roster.get("public_key") != bundle.signer.hex() or roster.get("event_id") != bundle.event_id:
        raise BundleError("bundle refused: its contents do not match its header")
    settings = {
        "event_id": bundle.event_id,
        "public_key": bundle.signer.hex(),
        **{k: v for k, v in roster["settings"].items() if k in DEVICE_SETTINGS},
    }
    db = init_device(path, settings, device)
    try:
        result = apply_roster(db.conn, bundle, payload=payload)
        if enrol is not None:
            with transaction(db.conn):
                enrolment.keep_token(db.conn, enrol)
        event = load_event(db.conn)
        device_key = keys.public_bytes(device_private_key(db.conn).public_key())
    except BaseException:
        db.conn.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    db.conn.close()
    return {
        "event_id": event.event_id,
        "public_key_fingerprint": event.fingerprint,
        "device": event.device,
        "device_key_fingerprint": keys.fingerprint(device_key),
        "event_name": event.name,
        "roster_version": result.version,
        "attendees": result.attendees,
        "checkins": result.counts.added,
        "enrolment": "waiting" if enrol is not None else "none",
    }
