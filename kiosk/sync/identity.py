"""Who may send check-ins: device keys pinned on enrolment, and revoked devices refused.

Each device signs what it sends with its own Ed25519 key (made when it is provisioned). The
organiser pins a device's public key the first time it hears from it, by USB or through the hub,
and only with a valid proof of that device's one-time enrolment token (see `enrolment`). From
then on a different key for that name is refused, and so is everything from a revoked device:
its refusals are counted (`refused`, `last_refused_ms`) so the organiser sees a lost laptop that
keeps trying.

A device's database holds the organiser's list of device keys (from roster bundles) and accepts
check-ins signed by those keys only, never by a revoked one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from kiosk.core import keys
from kiosk.errors import KioskError
from kiosk.services.event import Event, is_organiser
from kiosk.store.database import transaction
from kiosk.sync import enrolment
from kiosk.sync.bundle import BundleError


class DeviceRevoked(BundleError):
    """Something signed by a device the organiser revoked."""


def pinned_key(conn: sqlite3.Connection, device: str) -> bytes | None:
    row = conn.execute("SELECT public_key FROM sync_devices WHERE device = ?", (device,)).fetchone()
    return None if row is None else bytes(row[0])


def revoked_ms(conn: sqlite3.Connection, device: str) -> int | None:
    """When `device` was revoked, or None (also for a device never pinned)."""
    row = conn.execute("SELECT revoked_ms FROM sync_devices WHERE device = ?", (device,)).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def pin_device(
    conn: sqlite3.Connection, names: Iterable[str], public_key: bytes, *, via: str, now: int
) -> None:
    """Pin names to a key (inside the caller's write transaction)."""
    conn.executemany(
        "INSERT INTO sync_devices(device, public_key, first_seen_ms, last_contact_ms, "
        "last_via) VALUES (?, ?, ?, ?, ?)",
        [(name, public_key, now, now, via) for name in names],
    )


def enrol_device(
    conn: sqlite3.Connection,
    event: Event,
    device: str,
    public_key: bytes,
    proof: object,
    *,
    via: str,
    now: int,
) -> None:
    """A device's first contact: check its enrolment proof, pin its key, spend its token
    (inside the caller's write transaction). Raises enrolment.EnrolmentRefused."""
    enrolment.verify(conn, event.event_id, device, public_key, proof, now)
    pin_device(conn, [device], public_key, via=via, now=now)
    enrolment.spend(conn, device, public_key, now)


def accept_signer(
    conn: sqlite3.Connection,
    event: Event,
    *,
    device: str,
    labels: Iterable[str],
    public_key: bytes,
    proof: object,
    via: str,
    now: int,
) -> bool:
    """Decide whether check-ins signed by `public_key` for these device names are accepted.

    Inside the caller's write transaction. The organiser's own key is always accepted. A
    revoked device, or a name pinned to another key, is refused. On the organiser's database
    the bundle's own device, never seen, is enrolled with its proof (see `enrol_device`); other
    names in its rows (a door that scanned as `--device door-1b`) are pinned to the same key
    unless another device's enrolment token waits for them. A device's database accepts only
    keys its organiser listed. Returns True when something was pinned.
    """
    if public_key == event.public_key_raw:
        return False
    check_signer(conn, event, device=device, public_key=public_key, proof=proof, now=now)
    names = sorted({device, *labels} - {device})
    unknown = [] if pinned_key(conn, device) is not None else [device]
    for name in names:
        known = pinned_key(conn, name)
        if known is None:
            unknown.append(name)
        elif known != public_key:
            raise BundleError(
                f"refused: device {name!r} is known with another key "
                f"({keys.fingerprint(known)}), this one is {keys.fingerprint(public_key)}"
            )
        elif revoked_ms(conn, name) is not None:
            raise DeviceRevoked(f"refused: device {name!r} was revoked by the organiser")
    if not unknown:
        touch(conn, device, via=via, now=now)
        return False
    if not is_organiser(conn):
        raise BundleError(
            f"refused: unknown device key {keys.fingerprint(public_key)} for "
            f"{', '.join(unknown)}; import this bundle on the organiser's machine"
        )
    if unknown[0] == device:
        try:
            enrol_device(conn, event, device, public_key, proof, via=via, now=now)
        except enrolment.EnrolmentRefused as exc:
            raise BundleError(f"refused: {exc}") from exc
        unknown = unknown[1:]
    taken = [name for name in unknown if enrolment.waiting(conn, name, now)]
    if taken:
        raise BundleError(
            f"refused: check-ins of {device!r} name {', '.join(taken)}, a device waiting to enrol"
        )
    pin_device(conn, unknown, public_key, via=via, now=now)
    touch(conn, device, via=via, now=now)
    return True


def check_signer(
    conn: sqlite3.Connection,
    event: Event,
    *,
    device: str,
    public_key: bytes,
    proof: object,
    now: int,
) -> None:
    """Before anything a bundle carries is decoded: refuse a key this database will not take
    for `device` (another key pinned to the name, the device revoked, an unknown device on a
    device's database, an unknown device without a valid enrolment proof on the organiser's)."""
    if public_key == event.public_key_raw:
        return
    known = pinned_key(conn, device)
    if known is None:
        if not is_organiser(conn):
            raise BundleError(
                f"refused: unknown device key {keys.fingerprint(public_key)} for {device!r}; "
                "import this bundle on the organiser's machine"
            )
        try:
            enrolment.verify(conn, event.event_id, device, public_key, proof, now)
        except enrolment.EnrolmentRefused as exc:
            raise BundleError(f"refused: {exc}") from exc
        return
    if known != public_key:
        raise BundleError(
            f"refused: device {device!r} is known with another key "
            f"({keys.fingerprint(known)}), this one is {keys.fingerprint(public_key)}"
        )
    if revoked_ms(conn, device) is not None:
        raise DeviceRevoked(f"refused: device {device!r} was revoked by the organiser")


def record_refusal(conn: sqlite3.Connection, device: str, now: int) -> None:
    """Count a refused push of a revoked (or mismatched) device, in a transaction of its own
    (the refused import rolled back)."""
    with transaction(conn):
        conn.execute(
            "UPDATE sync_devices SET refused = refused + 1, last_refused_ms = ? WHERE device = ?",
            (now, device),
        )


def revoke_device(conn: sqlite3.Connection, name: str, now: int) -> list[str]:
    """Revoke a device (organiser): its key and every name pinned to that key are refused from
    now on; a token still waiting for the name is erased. Returns the names revoked."""
    if not is_organiser(conn):
        raise KioskError("devices are revoked on the organiser's machine")
    with transaction(conn):
        key = pinned_key(conn, name)
        withdrawn = enrolment.withdraw(conn, name)
        if key is None:
            if not withdrawn:
                raise KioskError(f"no device {name!r}: `kiosk device list` shows the devices")
            return [name]
        conn.execute(
            "UPDATE sync_devices SET revoked_ms = coalesce(revoked_ms, ?) WHERE public_key = ?",
            (now, key),
        )
        return [
            str(row[0])
            for row in conn.execute(
                "SELECT device FROM sync_devices WHERE public_key = ? ORDER BY device", (key,)
            )
        ]


def touch(
    conn: sqlite3.Connection,
    device: str,
    *,
    via: str,
    now: int,
    seq_high: dict[str, int] | None = None,
) -> None:
    """Record contact with a device (and the sequence numbers it says it has reached)."""
    conn.execute(
        "UPDATE sync_devices SET last_contact_ms = max(last_contact_ms, ?), last_via = ? "
        "WHERE device = ?",
        (now, via, device),
    )
    for name, seq in (seq_high or {}).items():
        if isinstance(name, str) and isinstance(seq, int):
            conn.execute(
                "UPDATE sync_devices SET reported_seq = max(reported_seq, ?) WHERE device = ?",
                (seq, name),
            )


def listed_devices(conn: sqlite3.Connection) -> tuple[dict[str, str], dict[str, str]]:
    """What a roster bundle tells devices: (name -> key hex) of the devices in good standing,
    and of the revoked ones."""
    good: dict[str, str] = {}
    revoked: dict[str, str] = {}
    for name, public, revoked_at in conn.execute(
        "SELECT device, public_key, revoked_ms FROM sync_devices"
    ):
        (good if revoked_at is None else revoked)[str(name)] = bytes(public).hex()
    return good, revoked


def replace_listed_pins(
    conn: sqlite3.Connection,
    listed: dict[str, str],
    now: int,
    revoked: dict[str, str] | None = None,
) -> None:
    """On a device: take the organiser's list of device keys (name -> hex) as authoritative;
    `revoked` names are kept and marked revoked."""

    def usable(items: dict[str, str]) -> list[tuple[str, bytes]]:
        return [
            (name, bytes.fromhex(key))
            for name, key in items.items()
            if isinstance(name, str)
            and isinstance(key, str)
            and len(key) == 64
            and all(c in "0123456789abcdefABCDEF" for c in key)
        ]

    for rows, revoked_at in ((usable(listed), None), (usable(revoked or {}), now)):
        conn.executemany(
            "INSERT INTO sync_devices(device, public_key, first_seen_ms, last_contact_ms, "
            "last_via, revoked_ms) VALUES (?, ?, ?, ?, 'organiser', ?) ON CONFLICT(device) DO "
            "UPDATE SET public_key = excluded.public_key, revoked_ms = excluded.revoked_ms",
            [(name, key, now, now, revoked_at) for name, key in rows],
        )
