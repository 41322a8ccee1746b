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

import gc
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.services.event import Event, device_private_key, load_event, load_signing_key
from kiosk.store.database import transaction
from kiosk.sync import enrolment, identity
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
    "ticket_code",
)
# Columns a bundle may leave out, filled with null: bundles made before schema 7 carry no
# `ticket_code` (the ticket from another system that was scanned) and are still accepted.
OPTIONAL_COLUMNS: frozenset[str] = frozenset({"ticket_code"})
_SELECT_COLUMNS = ", ".join(CHECKIN_COLUMNS)
# A merge first loads the incoming rows into a connection-private staging table (no indexes, no
# constraints: a plain append), then joins them to the log in one INSERT ... SELECT in the stage's
# order. That one statement runs in SQLite without Python's lock, so the next bundle is decoded
# in a helper thread meanwhile; and the log's checks and index updates run once per merge, not
# once per Python call.
_STAGE = "temp.kiosk_merge_stage"
# The stage's columns have the log's types, so a value is converted as the log would convert it
# (a JSON "5" in an INTEGER column becomes 5, a 5 in a TEXT column "5").
_STAGE_TYPES = {"device_seq": "INTEGER", "at_ms": "INTEGER", "code_version": "INTEGER"}
_CREATE_STAGE = (
    f"CREATE TABLE IF NOT EXISTS {_STAGE}("
    + ", ".join(f"{column} {_STAGE_TYPES.get(column, 'TEXT')}" for column in CHECKIN_COLUMNS)
    + ")"
)
_STAGE_ROW = f"INSERT INTO {_STAGE} VALUES ({', '.join('?' * len(CHECKIN_COLUMNS))})"
# Rows bound per statement when staging: fewer statements, same values (within the SQLite
# library's limit on parameters: 32,766 since 3.32, 999 before).
_STAGE_CHUNK = 1_000
# After the columns' conversions, the only wrong types left are numbers that are not whole
# (or text that is not a number) where the log keeps integers; text columns hold text or null,
# and the log's NOT NULL constraints refuse the nulls. A row of the wrong types gets no event
# id, so the NOT NULL constraint refuses it too, in the same pass (duplicates included).
_WELL_TYPED = (
    "typeof(device_seq) = 'integer' AND typeof(at_ms) = 'integer' "
    "AND typeof(code_version) IN ('integer', 'null')"
)
_COPY = (
    f"INSERT INTO checkins({_SELECT_COLUMNS}, received_ms, source) "
    f"SELECT CASE WHEN {_WELL_TYPED} THEN event_uid END, "
    f"{', '.join(CHECKIN_COLUMNS[1:])}, ?, ? FROM {_STAGE} WHERE true ORDER BY rowid "
    "ON CONFLICT DO NOTHING"
)
_MISTYPED = f"SELECT 1 FROM {_STAGE} WHERE NOT ({_WELL_TYPED}) LIMIT 1"
# Staged rows whose event is not in the log after the copy: their (device, seq) was taken.
_UNPLACED = (
    f"FROM {_STAGE} AS s WHERE NOT EXISTS "
    "(SELECT 1 FROM checkins AS c WHERE c.event_uid = s.event_uid)"
)
_REJECT = (
    f"INSERT INTO sync_rejects({_SELECT_COLUMNS}, received_ms, source, problem) "
    f"SELECT {_SELECT_COLUMNS}, ?, ?, 'device_seq_taken' {_UNPLACED} ORDER BY s.rowid "
    "ON CONFLICT DO NOTHING"
)
# A merge at least this large, into a log no larger than it, rebuilds the log's secondary
# indexes once at the end instead of updating them row by row.
BULK_ROWS = 50_000
MERGE_CACHE_KIB = 256 * 1024
STAGE_CACHE_KIB = 64 * 1024


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
    missing = [c for c in CHECKIN_COLUMNS if c not in columns and c not in OPTIONAL_COLUMNS]
    if missing:
        raise BundleError(f"bundle refused: check-ins without {', '.join(missing)}")
    return columns, rows


def check_rows(columns: list[str], rows: list[Any]) -> list[list[Any]]:
    """Rows in the log's column order.

    The shape is checked here (a list of the right length); the types are checked by
    `merge_staged`, in SQL, as the rows join the log. Rows already in the log's order are
    returned as they are: a million rows cost no copy.
    """
    width = len(columns)
    try:
        if columns == list(CHECKIN_COLUMNS):
            for row in rows:
                if type(row) is not list or len(row) != width:
                    raise BundleError("bundle refused: a check-in row has the wrong shape")
            return rows
        # A column the bundle lacks (an optional one) is read from a null past the row's end.
        pick = itemgetter(*(columns.index(c) if c in columns else width for c in CHECKIN_COLUMNS))
        out = []
        for row in rows:
            if type(row) is not list or len(row) != width:
                raise BundleError("bundle refused: a check-in row has the wrong shape")
            out.append(list(pick([*row, None])))
        return out
    except (TypeError, AttributeError, KeyError, IndexError) as exc:
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
    return merge_records(conn, check_rows(columns, rows), received_ms=received_ms, source=source)


def merge_records(
    conn: sqlite3.Connection,
    records: list[list[Any]],
    *,
    received_ms: int,
    source: str,
    bulk: bool | None = None,
) -> MergeCounts:
    """Union checked records (from `check_rows`) into the log, inside the caller's transaction;
    each added row gets `received_ms` and `source`.

    `bulk` (None: decide from the sizes) drops and rebuilds the log's secondary indexes around
    the insert; pass False when the caller manages them (`bulk_merge`).
    """
    if not records:
        return MergeCounts()
    stage_records(conn, records)
    if bulk is None:
        bulk = _worth_bulk(conn, len(records))
    with bulk_merge(conn, bulk):
        return merge_staged(conn, len(records), received_ms=received_ms, source=source)


def stage_records(conn: sqlite3.Connection, records: list[list[Any]]) -> None:
    """Load checked records into this connection's staging table (emptied first), in order."""
    conn.execute(_CREATE_STAGE)
    conn.execute(f"DELETE FROM {_STAGE}")
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    chunk = max(1, min(_STAGE_CHUNK, limit // len(CHECKIN_COLUMNS)))
    whole = len(records) - len(records) % chunk
    width = chunk * len(CHECKIN_COLUMNS)
    try:
        if whole and chunk > 1:
            flat = list(chain.from_iterable(records[:whole]))
            conn.executemany(
                _stage_rows(chunk), (flat[i : i + width] for i in range(0, len(flat), width))
            )
            del flat
        else:
            whole = 0
        conn.executemany(_STAGE_ROW, records[whole:])
    except (sqlite3.InterfaceError, sqlite3.ProgrammingError, OverflowError) as exc:
        raise BundleError(f"bundle refused: a check-in is not valid ({exc})") from exc


@lru_cache(maxsize=4)
def _stage_rows(rows: int) -> str:
    """An INSERT of `rows` rows into the stage."""
    one = f"({', '.join('?' * len(CHECKIN_COLUMNS))})"
    return f"INSERT INTO {_STAGE} VALUES " + ", ".join([one] * rows)


def merge_staged(
    conn: sqlite3.Connection, staged: int, *, received_ms: int, source: str
) -> MergeCounts:
    """Union the `staged` rows of the staging table into the log (see `merge_records`), then
    empty the stage."""
    counts = MergeCounts(records=staged)
    before = conn.total_changes
    try:
        conn.execute(_COPY, (received_ms, source))
    except sqlite3.IntegrityError as exc:
        if conn.execute(_MISTYPED).fetchone() is not None:
            raise BundleError("bundle refused: a check-in has a field of the wrong type") from exc
        raise BundleError(f"bundle refused: a check-in is not valid ({exc})") from exc
    counts.added = conn.total_changes - before
    if counts.added < staged:
        counts.clashes = _keep_clashes(conn, received_ms, source)
    counts.duplicates = staged - counts.added - counts.clashes
    conn.execute(f"DELETE FROM {_STAGE}")
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
    cache = conn.execute("PRAGMA main.cache_size").fetchone()[0]
    temp_cache = conn.execute("PRAGMA temp.cache_size").fetchone()[0]
    threads = conn.execute("PRAGMA threads").fetchone()[0]
    conn.execute(f"PRAGMA main.cache_size = -{MERGE_CACHE_KIB}")
    conn.execute(f"PRAGMA temp.cache_size = -{STAGE_CACHE_KIB}")
    conn.execute("PRAGMA threads = 4")  # the index rebuild sorts with helper threads
    try:
        dropped = _drop_secondary_indexes(conn) if bulk else []
        yield
        for sql in dropped:
            conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA main.cache_size = {cache}")
        conn.execute(f"PRAGMA temp.cache_size = {temp_cache}")
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


def _keep_clashes(conn: sqlite3.Connection, received_ms: int, source: str) -> int:
    """Staged rows neither added nor already present: their (device, seq) belongs to another
    event. They go to `sync_rejects`; the number of such events is returned."""
    missing = int(conn.execute(f"SELECT count(DISTINCT s.event_uid) {_UNPLACED}").fetchone()[0])
    if not missing:
        return 0
    try:
        conn.execute(_REJECT, (received_ms, source))
    except sqlite3.IntegrityError as exc:
        raise BundleError(f"bundle refused: a check-in is not valid ({exc})") from exc
    return missing


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
        proof = enrolment.device_proof(
            conn, event.event_id, event.device, keys.public_bytes(public)
        )
    finally:
        conn.execute("COMMIT")
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


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cycle collector off meanwhile (in any number of threads at once).

    Decoding a bundle makes a million small lists that all stay alive: the collector would walk
    them over and over (seconds for a large merge) and find nothing, as JSON makes no cycles.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def _decode(bundle: Bundle, passphrase: str | None) -> tuple[list[list[Any]], set[str]]:
    """A bundle's checked rows and the device names in them."""
    with _gc_paused():
        columns, rows = _rows_from(bundle.payload(passphrase))
        records = check_rows(columns, rows)
        return records, labels_of(records)


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
        # The signer first: nothing from a stranger or a revoked device is ever decompressed.
        try:
            identity.check_signer(
                conn,
                event,
                device=bundle.device,
                public_key=bundle.signer,
                proof=bundle.header.get("enrolment"),
                now=now,
            )
        except identity.DeviceRevoked:
            identity.record_refusal(conn, bundle.device, now)
            raise
    try:
        return _merge_bundles(conn, event, bundles, passphrase, via, now, progress)
    except identity.DeviceRevoked:
        for bundle in bundles:
            if identity.revoked_ms(conn, bundle.device) is not None:
                identity.record_refusal(conn, bundle.device, now)
        raise


def _merge_bundles(
    conn: sqlite3.Connection,
    event: Event,
    bundles: Sequence[Bundle],
    passphrase: str | None,
    via: str,
    now: int,
    progress: Callable[[int, int], None] | None,
) -> EventsImport:
    """The merge of `import_events`, once every signer passed `identity.check_signer`."""
    result = EventsImport()
    incoming = sum(bundle.records for bundle in bundles)
    with (
        transaction(conn),
        bulk_merge(conn, _worth_bulk(conn, incoming)),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-decode") as pool,
    ):
        # One bundle at a time: its rows are staged, then the next bundle is decoded in the
        # helper thread while SQLite joins the staged rows to the log (without Python's lock,
        # so the two overlap). Memory holds two bundles' rows at most, however many there are.
        upcoming = pool.submit(_decode, bundles[0], passphrase) if bundles else None
        for number, bundle in enumerate(bundles, start=1):
            assert upcoming is not None
            records, labels = upcoming.result()
            if identity.accept_signer(
                conn,
                event,
                device=bundle.device,
                labels=labels,
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
            staged = len(records)
            if staged:
                stage_records(conn, records)
            del records
            if number < len(bundles):
                upcoming = pool.submit(_decode, bundles[number], passphrase)
            if staged:
                result.counts += merge_staged(conn, staged, received_ms=now, source=bundle.device)
            if progress is not None:
                progress(number, len(bundles))
    return result
