"""The organisers' hub, from a door or kiosk: it answers, it knows this device (its key and
enrolment), and this machine's clock agrees with the hub's.

The clock matters because every check-in is stamped with the device's own clock: a kiosk whose
clock is minutes off puts its arrivals at the wrong time in the day report. Asked with the same
client and the same signed hello as a sync round, so "ok" here means a sync round would pass it.
"""

from __future__ import annotations

import sqlite3

from kiosk.core import keys
from kiosk.doctor.findings import Finding, fail, ok, warn
from kiosk.errors import KioskError
from kiosk.services.event import device_private_key, load_event
from kiosk.store.settings import get_setting
from kiosk.sync.client import HubClient, HubRefused, HubUnreachable, _hello_body
from kiosk.sync.state import HUB_URL_SETTING

CLOCK_OK_MS = 2_000
CLOCK_FAR_MS = 60_000


def hub_url(conn: sqlite3.Connection, url: str | None = None) -> str | None:
    """The hub named, else the one this device syncs with (remembered by `--hub` or a round)."""
    if url:
        return url
    stored = get_setting(conn, HUB_URL_SETTING)
    return stored if isinstance(stored, str) and stored else None


def judge_clock(offset_ms: int) -> Finding:
    """The hub's clock minus this one's: within 2 s ok, within a minute warn, else fail."""
    seconds = round(abs(offset_ms) / 1000, 1)
    if abs(offset_ms) <= CLOCK_OK_MS:
        return ok("clock.ok", seconds=seconds)
    if abs(offset_ms) <= CLOCK_FAR_MS:
        return warn("clock.off", seconds=seconds)
    return fail("clock.far", seconds=seconds)


def check_hub(
    conn: sqlite3.Connection,
    url: str | None = None,
    *,
    timeout_s: float = 5.0,
    cafile: str | None = None,
) -> list[Finding]:
    """Hub and clock findings for a door or kiosk."""
    where = hub_url(conn, url)
    if where is None:
        return [warn("hub.none")]
    try:
        event = load_event(conn)
        key = device_private_key(conn)
        client = HubClient(where, event, event.device, key, timeout=timeout_s, cafile=cafile)
    except KioskError as exc:
        return [fail("hub.refused", url=where, reason=str(exc))]
    try:
        try:
            offset = client.offset(refresh=True)
        except HubUnreachable:
            return [fail("hub.unreachable", url=where)]
        clock = judge_clock(offset)
        public = keys.public_bytes(key.public_key())
        try:
            client.signed_json("POST", "/hello", _hello_body(conn, event, public))
        except HubUnreachable:
            return [fail("hub.unreachable", url=where), clock]
        except HubRefused as exc:
            return [fail("hub.refused", url=where, reason=str(exc)), clock]
        return [ok("hub.ok", url=where, device=event.device), clock]
    finally:
        client.close()
