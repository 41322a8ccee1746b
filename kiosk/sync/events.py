"""Events bundles (device to organiser) and the one merge every path uses.

A device's events bundle holds the check-ins recorded on that database (`source IS NULL`), never
ones it received from others, each keyed by its globally unique `event_uid` and by its device
name and per-device sequence number (so a gap shows what has not arrived yet). It is signed by
the device's own key. `--since` a cursor (the last row id an earlier bundle held) makes a smaller
bundle of what came after: a transfer cut short is then simply sent again, smaller.

Merging is a set union by `event_uid`: a row already present is a duplicate and changes nothing,
so importing any bundles in any order, any number of times, ends in the same log. Each merged row
keeps the device's own time (`at_ms`) and gets the time this database received it
(`received_ms`) and from whom (`source`); the row id is this database's sync order.

A row whose device and sequence number are already taken by a *different* event cannot join the
log (the log keeps (device, device_seq) unique); it is kept in `sync_rejects` and listed as a
conflict, never dropped.

Clocks: devices' clocks may be hours apart, and nothing in sync depends on them. Dedup is by id,
acknowledgements and pulls follow row ids and sequence numbers, and the hub checks request times
against its own clock (devices learn the offset). `at_ms` is kept exactly as each device recorded
it (what its screen showed), and who is inside is derived in (at_ms, row id) order, as the doors
and `kiosk status` do. So skew can only misorder one person's entry and exit recorded at two
doors with different clocks (an exit may sort before the entry, leaving the person counted as
inside); counts of distinct people admitted or checked in do not depend on order at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.services.event import Event, device_private_key, load_event, load_signing_key
from kiosk.store.database import transaction
from kiosk.sync import identity
from kiosk.sync.bundle import Bundle, BundleError, make_bundle

CHECKIN_COLUMNS: tuple[str, ...] = (
    "event_uid",
    "device",
    "device_seq",
    "registration_id",
    "session_id",
    "direction",
    "at_ms",
    "verdict",
    "reason",
    "override_reason",
    "code_version",
)
_SELECT_COLUMNS = ", ".join(CHECKIN_COLUMNS)
_INSERT = (
    f"INSERT INTO checkins({_SELECT_COLUMNS}, received_ms, source) "
    f"VALUES ({', '.join('?' * (len(CHECKIN_COLUMNS) + 2))}) ON CONFLICT DO NOTHING"
)
_REJECT = (
    f"INSERT INTO sync_rejects({_SELECT_COLUMNS}, received_ms, source, problem) "
    f"VALUES ({', '.join('?' * (len(CHECKIN_COLUMNS) + 3))}) ON CONFLICT DO NOTHING"
)
# Added rows whose fields are not of the log's types (JSON allows any value anywhere).
_MISTYPED = (
    "SELECT 1 FROM checkins WHERE id > ? AND (typeof(event_uid) != 'text' "
    "OR typeof(device) != 'text' OR typeof(device_seq) != 'integer' "
    "OR typeof(at_ms) != 'integer' OR typeof(direction) != 'text' OR typeof(reason) != 'text' "
    "OR typeof(registration_id) NOT IN ('text', 'null') "
    "OR typeof(session_id) NOT IN ('text', 'null') "
    "OR typeof(override_reason) NOT IN ('text', 'null') "
    "OR typeof(code_version) NOT IN ('integer', 'null')) LIMIT 1"
)
# A merge at least this large, into a log no larger than it, rebuilds the log's secondary
# indexes once at the end instead of updating them row by row.
BULK_ROWS = 50_000
MERGE_CACHE_KIB = 256 * 1024


@dataclass
class MergeCounts:
    records: int = 0
    added: int = 0
    duplicates: int = 0
    clashes: int = 0

    def __iadd__(self, other: MergeCounts) -> MergeCounts:
        self.records += other.records
        self.added += other.added
        self.duplicates += other.duplicates
        self.clashes += other.clashes
        return self


@dataclass
class EventsImport:
    """What importing one or more events bundles did."""

    counts: MergeCounts = field(default_factory=MergeCounts)
    devices: list[str] = field(default_factory=list)
    pinned: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "events",
            "added": self.counts.added,
            "duplicates": self.counts.duplicates,
            "records": self.counts.records,
            "conflicting": self.counts.clashes,
            "devices": self.devices,
            "pinned": self.pinned,
        }


def _rows_from(payload: Any) -> tuple[list[str], list[Any]]:
    if not isinstance(payload, dict):
        raise BundleError("bundle refused: its contents are not check-ins")
    columns, rows = payload.get("columns"), payload.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list):
        raise BundleError("bundle refused: its contents are not check-ins")
    missing = [c for c in CHECKIN_COLUMNS if c not in columns]
    if missing:
        raise BundleError(f"bundle refused: check-ins without {', '.join(missing)}")
    return columns, rows


def check_rows(
    columns: list[str], rows: list[Any], received_ms: int, source: str
) -> list[list[Any]]:
    """Rows in the log's column order, each followed by (received_ms, source).

    The shape is checked here (a list of the right length); the types of what was added are
    checked by `merge_records` after the insert, in SQL. Rows already in the log's order are
    extended in place: a million rows cost no copy.
    """
    width = len(columns)
    tail = (received_ms, source)
    try:
        if columns == list(CHECKIN_COLUMNS):
            for row in rows:
                if len(row) != width:
                    raise BundleError("bundle refused: a check-in row has the wrong shape")
                row.extend(tail)
            return rows
        pick = itemgetter(*(columns.index(c) for c in CHECKIN_COLUMNS))
        out = []
        for row in rows:
            if len(row) != width:
                raise BundleError("bundle refused: a check-in row has the wrong shape")
            out.append([*pick(row), *tail])
        return out
    except (TypeError, AttributeError, KeyError) as exc:
        raise BundleError("bundle refused: a check-in row has the wrong shape") from exc


def labels_of(records: list[list[Any]]) -> set[str]:
    """The device names in checked records."""
    labels = {record[1] for record in records}
    if not all(isinstance(label, str) for label in labels):
        raise BundleError("bundle refused: a check-in has no device name")
    return labels


def merge_checkins(
    conn: sqlite3.Connection,
    columns: list[str],
    rows: list[Any],
    *,
    source: str,
    received_ms: int,
) -> MergeCounts:
    """Union rows into the log (inside the caller's write transaction); see the module doc."""
    return merge_records(conn, check_rows(columns, rows, received_ms, source))


def merge_records(
    conn: sqlite3.Connection, records: list[list[Any]], *, bulk: bool | None = None
) -> MergeCounts:
    """Union checked records (from `check_rows`) into the log, inside the caller's transaction.

    `bulk` (None: decide from the sizes) drops and rebuilds the log's secondary indexes around
    the insert; pass False when the caller manages them (`bulk_merge`).
    """
    counts = MergeCounts(records=len(records))
    if not records:
        return counts
    if bulk is None:
        bulk = _worth_bulk(conn, len(records))
    with bulk_merge(conn, bulk):
        first_new = int(conn.execute("SELECT coalesce(max(id), 0) FROM checkins").fetchone()[0])
        before = conn.total_changes
        try:
            conn.executemany(_INSERT, records)
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError) as exc:
            raise BundleError(f"bundle refused: a check-in is not valid ({exc})") from exc
        counts.added = conn.total_changes - before
        if conn.execute(_MISTYPED, (first_new,)).fetchone() is not None:
            raise BundleError("bundle refused: a check-in has a field of the wrong type")
    if counts.added < len(records):
        counts.clashes = _keep_clashes(conn, records)
    counts.duplicates = len(records) - counts.added - counts.clashes
    return counts


def _worth_bulk(conn: sqlite3.Connection, incoming: int) -> bool:
    """A merge at least BULK_ROWS large into a log no larger than it rebuilds the indexes."""
    if incoming < BULK_ROWS:
        return False
    present = int(conn.execute("SELECT coalesce(max(id), 0) FROM checkins").fetchone()[0])
    return present <= incoming


@contextmanager
def bulk_merge(conn: sqlite3.Connection, bulk: bool) -> Iterator[None]:
    """A large page cache for the merge; with `bulk`, the log's secondary indexes dropped
    meanwhile and rebuilt from their stored SQL at the end (inside the same transaction, so no
    reader ever sees the log without them)."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    threads = conn.execute("PRAGMA threads").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")
    conn.execute("PRAGMA threads = 4")  # the index rebuild sorts with helper threads
    try:
        dropped = _drop_secondary_indexes(conn) if bulk else []
        yield
        for sql in dropped:
            conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
        conn.execute(f"PRAGMA threads = {threads}")


def _drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the log's own indexes (not its UNIQUE constraints) and return how to rebuild them."""
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'checkins' "
        "AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [str(sql) for _, sql in found]


def _keep_clashes(conn: sqlite3.Connection, records: list[list[Any]]) -> int:
    """Rows neither added nor already present: their (device, seq) belongs to another event."""
    uids = json.dumps([record[0] for record in records])
    missing = {
        uid
        for (uid,) in conn.execute(
            "SELECT j.value FROM json_each(?) AS j WHERE NOT EXISTS "
            "(SELECT 1 FROM checkins AS c WHERE c.event_uid = j.value)",
            (uids,),
        )
    }
    if not missing:
        return 0
    rejected = [[*record, "device_seq_taken"] for record in records if record[0] in missing]
    conn.executemany(_REJECT, rejected)
    return len({record[0] for record in rejected})


def local_rows(conn: sqlite3.Connection, since: int = 0) -> list[tuple[Any, ...]]:
    """(id, *CHECKIN_COLUMNS) of check-ins recorded on this database after row `since`."""
    return conn.execute(
        f"SELECT id, {_SELECT_COLUMNS} FROM checkins WHERE source IS NULL AND id > ? ORDER BY id",
        (since,),
    ).fetchall()


def local_seq_high(conn: sqlite3.Connection) -> dict[str, int]:
    """The highest sequence number recorded here, per device name."""
    return {
        str(device): int(seq)
        for device, seq in conn.execute(
            "SELECT device, max(device_seq) FROM checkins WHERE source IS NULL GROUP BY device"
        )
    }


def events_payload(rows: Sequence[Sequence[Any]]) -> bytes:
    """The JSON payload of an events bundle from (id, *CHECKIN_COLUMNS) rows."""
    return json.dumps(
        {"columns": list(CHECKIN_COLUMNS), "rows": [list(row[1:]) for row in rows]},
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()


@dataclass(frozen=True)
class EventsExport:
    data: bytes
    records: int
    cursor: int
    since: int


def export_events(
    conn: sqlite3.Connection,
    *,
    since: int = 0,
    passphrase: str | None = None,
    event: Event | None = None,
) -> EventsExport:
    """This database's own check-ins after row `since`, as a bundle signed by its device key."""
    event = event or load_event(conn)
    key = device_private_key(conn)
    public = key.public_key()
    conn.execute("BEGIN")
    try:
        rows = local_rows(conn, since)
        seq_high = local_seq_high(conn)
        secret = identity.enrol_secret(conn)
    finally:
        conn.execute("COMMIT")
    proof = (
        identity.enrolment_proof(secret, event.event_id, event.device, keys.public_bytes(public))
        if secret is not None
        else None
    )
    cursor = int(rows[-1][0]) if rows else since
    data = make_bundle(
        kind="events",
        event_id=event.event_id,
        signer=key,
        device=event.device,
        payload=events_payload(rows),
        created_ms=now_ms(),
        records=len(rows),
        extra={
            "cursor": {"from": since, "to": cursor},
            "seq_high": seq_high,
            "enrolment": proof,
        },
        passphrase=passphrase,
    )
    return EventsExport(data, len(rows), cursor, since)


def organiser_events_bundle(
    conn: sqlite3.Connection,
    event: Event,
    *,
    since: int,
    exclude_source: str | None,
    limit: int,
) -> tuple[bytes, int, int, bool]:
    """The organiser's check-ins after row `since` (not those from `exclude_source`), signed with
    the organiser's key so every device can check them: (bundle, records, cursor, more)."""
    conn.execute("BEGIN")
    try:
        rows = conn.execute(
            f"SELECT id, {_SELECT_COLUMNS} FROM checkins WHERE id > ? "
            "AND (source IS NULL OR source != ?) ORDER BY id LIMIT ?",
            (since, exclude_source or "", limit),
        ).fetchall()
        newest = int(conn.execute("SELECT coalesce(max(id), 0) FROM checkins").fetchone()[0])
    finally:
        conn.execute("COMMIT")
    more = len(rows) >= limit
    cursor = int(rows[-1][0]) if more else max(newest, since)
    data = make_bundle(
        kind="events",
        event_id=event.event_id,
        signer=load_signing_key(conn),
        device=event.device,
        payload=events_payload(rows),
        created_ms=now_ms(),
        records=len(rows),
        extra={"cursor": {"from": since, "to": cursor}, "more": more, "seq_high": {}},
    )
    return data, len(rows), cursor, more


def _checked_events(bundle: Bundle, event: Event) -> None:
    if bundle.kind != "events":
        raise BundleError(f"this is a {bundle.kind} bundle, not an events bundle")
    if bundle.event_id != event.event_id:
        raise BundleError(
            f"bundle refused: it belongs to another event ({bundle.event_id}), "
            f"this database is {event.event_id}"
        )


def _decode(bundle: Bundle, passphrase: str | None, now: int) -> list[list[Any]]:
    columns, rows = _rows_from(bundle.payload(passphrase))
    return check_rows(columns, rows, now, bundle.device)


def _decoded(
    bundles: Sequence[Bundle], passphrase: str | None, now: int
) -> Iterator[tuple[Bundle, list[list[Any]]]]:
    """Each bundle with its checked rows; the next one is decoded in a helper thread while the
    caller merges (SQLite works without Python's lock, so the two overlap)."""
    if len(bundles) < 2:
        for bundle in bundles:
            yield bundle, _decode(bundle, passphrase, now)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-decode") as pool:
        upcoming = pool.submit(_decode, bundles[0], passphrase, now)
        for index, bundle in enumerate(bundles):
            records = upcoming.result()
            if index + 1 < len(bundles):
                upcoming = pool.submit(_decode, bundles[index + 1], passphrase, now)
            yield bundle, records
            del records


def import_events(
    conn: sqlite3.Connection,
    bundles: Sequence[Bundle],
    *,
    passphrase: str | None = None,
    via: str = "usb",
    received_ms: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EventsImport:
    """Merge events bundles into this database, all of them or none (one transaction).

    Every bundle is checked first: this event, a signer this database accepts (the organiser's
    key, or a device's pinned key; an unknown device is pinned here with a valid enrolment
    proof), readable contents. Then the union of their check-ins joins the log. `progress` is
    told (bundles merged, bundles) after each one.
    """
    event = load_event(conn)
    now = now_ms() if received_ms is None else received_ms
    for bundle in bundles:
        _checked_events(bundle, event)
    result = EventsImport()
    incoming = sum(bundle.records for bundle in bundles)
    with transaction(conn), bulk_merge(conn, _worth_bulk(conn, incoming)):
        # One bundle at a time (the next one decoded meanwhile): memory holds two bundles'
        # rows at most, however many are imported.
        decoded = _decoded(bundles, passphrase, now)
        for number, (bundle, records) in enumerate(decoded, start=1):
            if identity.accept_signer(
                conn,
                event,
                device=bundle.device,
                labels=labels_of(records),
                public_key=bundle.signer,
                proof=bundle.header.get("enrolment"),
                via=via,
                now=now,
            ):
                result.pinned.append(bundle.device)
            seq_high = bundle.header.get("seq_high")
            identity.touch(
                conn,
                bundle.device,
                via=via,
                now=now,
                seq_high=seq_high if isinstance(seq_high, dict) else None,
            )
            if bundle.device not in result.devices:
                result.devices.append(bundle.device)
            result.counts += merge_records(conn, records, bulk=False)
            if progress is not None:
                progress(number, len(bundles))
    return result
