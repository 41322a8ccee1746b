"""What the screens show about sync: last sync, check-ins waiting to be sent, known devices.

Doors and kiosks show `last_sync_ms` (when a sync round with the hub last succeeded) and
`pending_events` (check-ins recorded here that the organiser is not yet known to have). The
organiser's screen lists `device_list`: every device with its last contact and what is missing
from it (gaps in its sequence numbers, and check-ins it said it had but has not sent yet).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.services.event import is_organiser, load_event
from kiosk.store.settings import get_setting, put_setting
from kiosk.sync.enrolment import enrolments
from kiosk.sync.roster import ACKED_SETTING, PULL_CURSOR_SETTING, roster_version
from kiosk.sync.roster import LAST_SYNC_SETTING as LAST_SYNC_SETTING  # the door screen reads it

HUB_URL_SETTING = "sync_hub_url"


def last_sync_ms(conn: sqlite3.Connection) -> int | None:
    """When this device last synced (a hub round or a roster applied), or None: never."""
    value = get_setting(conn, LAST_SYNC_SETTING)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def acked_id(conn: sqlite3.Connection) -> int:
    return int(get_setting(conn, ACKED_SETTING, 0))


def mark_acked(conn: sqlite3.Connection, upto_id: int) -> None:
    """Record (inside the caller's transaction) that the organiser has this device's own
    check-ins up to row `upto_id`; the mark only moves forward."""
    if upto_id > acked_id(conn):
        put_setting(conn, ACKED_SETTING, upto_id)


def pending_events(conn: sqlite3.Connection) -> int:
    """Check-ins recorded here that the organiser has not acknowledged yet."""
    if is_organiser(conn):
        return 0
    return int(
        conn.execute(
            "SELECT count(*) FROM checkins WHERE id > ? AND source IS NULL", (acked_id(conn),)
        ).fetchone()[0]
    )


@dataclass(frozen=True)
class DeviceStatus:
    """One device as the organiser knows it.

    `state`: `enrolled` (its key is pinned), `waiting` (a token was made, not used yet),
    `expired` (a token was made and expired unused), `revoked`, or `seen` (named by check-ins
    only, e.g. the organiser's own scans)."""

    device: str
    state: str
    key_fingerprint: str | None
    first_seen_ms: int | None
    last_contact_ms: int | None
    last_via: str | None
    received: int
    highest_seq: int
    missing: int
    """Sequence numbers below the highest received that have not arrived (gaps)."""
    behind: int
    """Check-ins the device said it had recorded beyond the highest received."""
    revoked_ms: int | None = None
    refused: int = 0
    """Pushes refused since it was revoked (a lost laptop still trying)."""
    last_refused_ms: int | None = None
    token_expires_ms: int | None = None

    @property
    def pending(self) -> int:
        return self.missing + self.behind

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "pending": self.pending}


def device_list(conn: sqlite3.Connection, now: int | None = None) -> list[DeviceStatus]:
    """Every device this database knows (pinned, waiting to enrol, or seen in the log), by
    name."""
    now = now_ms() if now is None else now
    counts = {
        str(device): (int(received), int(highest))
        for device, received, highest in conn.execute(
            "SELECT device, count(*), max(device_seq) FROM checkins GROUP BY device"
        )
    }
    pinned = {
        str(row[0]): row[1:]
        for row in conn.execute(
            "SELECT device, public_key, first_seen_ms, last_contact_ms, last_via, reported_seq, "
            "revoked_ms, refused, last_refused_ms FROM sync_devices"
        )
    }
    tokens = enrolments(conn)
    out = []
    for name in sorted(set(counts) | set(pinned) | set(tokens)):
        received, highest = counts.get(name, (0, 0))
        public, first, last, via, reported, revoked, refused, last_refused = pinned.get(
            name, (None, None, None, None, 0, None, 0, None)
        )
        token = tokens.get(name)
        if revoked is not None:
            state = "revoked"
        elif public is not None:
            state = "enrolled"
        elif token is not None and token[2] is None:
            state = "waiting" if now < token[1] else "expired"
        else:
            state = "seen"
        out.append(
            DeviceStatus(
                device=name,
                state=state,
                key_fingerprint=keys.fingerprint(bytes(public)) if public is not None else None,
                first_seen_ms=first,
                last_contact_ms=last,
                last_via=via,
                received=received,
                highest_seq=highest,
                missing=max(0, highest - received),
                behind=max(0, int(reported or 0) - highest),
                revoked_ms=revoked,
                refused=int(refused or 0),
                last_refused_ms=last_refused,
                token_expires_ms=token[1] if token is not None and state != "enrolled" else None,
            )
        )
    return out


def sync_summary(conn: sqlite3.Connection) -> dict[str, Any]:
    """`kiosk sync status`: this database's side of sync, and the devices it knows."""
    event = load_event(conn)
    organiser = is_organiser(conn)
    return {
        "role": "organiser" if organiser else "device",
        "event_id": event.event_id,
        "device": event.device,
        "roster_version": roster_version(conn),
        "last_sync_ms": last_sync_ms(conn),
        "pending": pending_events(conn),
        "pull_cursor": int(get_setting(conn, PULL_CURSOR_SETTING, 0)),
        "hub": get_setting(conn, HUB_URL_SETTING),
        "checkins": int(conn.execute("SELECT count(*) FROM checkins").fetchone()[0]),
        "devices": [status.to_json() for status in device_list(conn)],
    }
