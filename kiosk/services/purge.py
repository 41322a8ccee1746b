"""Deleting personal data after the event, keeping anonymous counts (`kiosk purge --yes`).

What goes: every attendee's names (both scripts), organisation, title, country, e-mail hash,
accessibility needs and codes from another registration system (tickets: their codes become random
pseudonyms, their order references go, and so does the scanned ticket in the log; and those columns
wherever another table about people has them); the free text of door overrides (in the log and in
any copy of log lines, such as sync's rejected lines: the fact of an override stays); the text of
every issued code (it carries the registration id); print error messages.
What stays: categories, statuses, languages, badge-privacy flags, code versions, every check-in and
badge print with its time, device, session, direction and reason. So `kiosk status`, the day report
and every count agree before and after a purge.

Registration ids are not kept. They are not names, but they are pseudonymous: the registration
system that issued them still maps them to people, so together with the check-in log they would
say where each named person was and when. Every id is replaced by a fresh random pseudonym, the
same one in every table (attendees, invitations, speakers, issued codes, check-ins, badge prints
and any other table with a `registration_id` column), so distinct-person counts survive while the
link back to the registration system does not.

The check-in log is append-only, guarded by triggers that refuse UPDATE and DELETE. The purge is
the one documented exception: inside its single write transaction it drops the triggers of every
table it rewrites, rewrites the ids, and recreates the triggers from their stored SQL before
committing, so no other writer ever sees the log unguarded and a failure rolls all of it back.

Deleted bytes must not linger: `PRAGMA secure_delete = ON` overwrites freed content, `VACUUM`
rebuilds the file from the surviving rows only, and `wal_checkpoint(TRUNCATE)` copies the rebuilt
pages into the database file and empties the write-ahead log, so neither the file nor its `-wal`
holds a name afterwards (the `-shm` index holds page numbers, never content). Copies made outside
this database (exports, bundles, backups on USB sticks) are the organiser's to delete: the console
says so beside the purge button.
"""

from __future__ import annotations

import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kiosk.core.clock import now_ms
from kiosk.errors import KioskError
from kiosk.store.database import transaction
from kiosk.store.settings import get_setting, put_setting

RETENTION_SETTING = "retention_until"
"""The date (YYYY-MM-DD) after which the console reminds the organiser to purge."""
PURGED_SETTING = "personal_data_purged_ms"
"""When personal data was last purged (epoch ms); absent when never."""

ATTENDEE_PERSONAL_COLUMNS: tuple[str, ...] = (
    "family_name",
    "given_name",
    "name_local",
    "organization",
    "title",
    "country",
    "email_hash",
    "external_code",
    "accessibility",
)
# Columns that hold personal data in any table about people (one with a `registration_id`),
# including tables a later schema adds.
PERSONAL_COLUMN_NAMES: frozenset[str] = frozenset(
    {*ATTENDEE_PERSONAL_COLUMNS, "email", "phone", "organisation", "ticket_code", "source_ref"}
)
PSEUDONYM_PREFIX = "anon-"
OVERRIDE_PLACEHOLDER = "(removed by purge)"
# How long a purge waits for another program that holds the database, and how long each try
# waits inside SQLite.
PATIENCE_S = 10.0
_BUSY_STEP_MS = 100


@dataclass(frozen=True)
class PurgeResult:
    """What a purge did: `attendees_purged` is the CLI's figure."""

    attendees_purged: int
    ids_replaced: int
    overrides_cleared: int
    database_bytes: int

    def to_json(self) -> dict[str, int]:
        return {
            "attendees_purged": self.attendees_purged,
            "ids_replaced": self.ids_replaced,
            "overrides_cleared": self.overrides_cleared,
            "database_bytes": self.database_bytes,
        }


@dataclass(frozen=True)
class PrivacyState:
    """The retention date, whether a purge happened, and whether the console should remind."""

    retention_date: date | None
    purged_ms: int | None
    attendees_with_personal_data: int

    def due(self, today: date) -> bool:
        """True when the retention date has come and personal data is still held."""
        return (
            self.retention_date is not None
            and today >= self.retention_date
            and self.attendees_with_personal_data > 0
        )

    def days_left(self, today: date) -> int | None:
        return None if self.retention_date is None else (self.retention_date - today).days


def set_retention_date(conn: sqlite3.Connection, day: date | None) -> None:
    """Store the event's retention date (None: no date)."""
    with transaction(conn):
        if day is None:
            conn.execute("DELETE FROM settings WHERE key = ?", (RETENTION_SETTING,))
        else:
            put_setting(conn, RETENTION_SETTING, day.isoformat())


def retention_date(conn: sqlite3.Connection) -> date | None:
    """The event's retention date, or None when none is set."""
    value = get_setting(conn, RETENTION_SETTING)
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def privacy_state(conn: sqlite3.Connection) -> PrivacyState:
    """The privacy facts the console shows beside the purge button."""
    personal = " OR ".join(f"{column} IS NOT NULL" for column in ATTENDEE_PERSONAL_COLUMNS)
    held = int(conn.execute(f"SELECT count(*) FROM attendees WHERE {personal}").fetchone()[0])
    purged = get_setting(conn, PURGED_SETTING)
    return PrivacyState(retention_date(conn), int(purged) if purged else None, held)


def _tables_with(conn: sqlite3.Connection, column: str) -> list[str]:
    tables = [
        str(name)
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return [table for table in tables if column in _columns(conn, table)]


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, bool]:
    """Column name -> whether it may be NULL."""
    return {
        str(row[1]): not row[3] and not row[5]
        for row in conn.execute(f'PRAGMA table_info("{table}")')
    }


def _pseudonyms(count: int, taken: set[str]) -> list[str]:
    made: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        candidate = PSEUDONYM_PREFIX + secrets.token_hex(8)
        if candidate not in taken and candidate not in made:
            made.add(candidate)
            out.append(candidate)
    return out


def _rewrite_ids(conn: sqlite3.Connection, tables: list[str]) -> int:
    """Replace every registration id by a random pseudonym, the same one in every table."""
    ids: set[str] = set()
    for table in tables:
        ids.update(
            str(rid)
            for (rid,) in conn.execute(
                f'SELECT DISTINCT registration_id FROM "{table}" WHERE registration_id IS NOT NULL'
            )
        )
    old = sorted(ids)
    conn.execute("DROP TABLE IF EXISTS temp.purge_map")
    conn.execute("CREATE TEMP TABLE purge_map (old TEXT PRIMARY KEY, new TEXT NOT NULL UNIQUE)")
    conn.executemany(
        "INSERT INTO temp.purge_map(old, new) VALUES (?, ?)",
        zip(old, _pseudonyms(len(old), ids), strict=True),
    )
    for table in tables:
        conn.execute(
            f'UPDATE "{table}" SET registration_id = '
            "(SELECT new FROM temp.purge_map WHERE old = registration_id) "
            "WHERE registration_id IS NOT NULL"
        )
    conn.execute("DROP TABLE temp.purge_map")
    return len(old)


def _clear_personal_columns(conn: sqlite3.Connection, tables: list[str]) -> None:
    """NULL (or empty, where NULL is not allowed) every personal column of these tables."""
    for table in tables:
        for column, nullable in _columns(conn, table).items():
            if column in PERSONAL_COLUMN_NAMES:
                value = "NULL" if nullable else "''"
                conn.execute(
                    f'UPDATE "{table}" SET "{column}" = {value} WHERE "{column}" IS NOT NULL'
                )


def purge_personal_data(
    conn: sqlite3.Connection,
    *,
    at_ms: int | None = None,
    patience_s: float = PATIENCE_S,
    waiting: Callable[[str], None] | None = None,
) -> PurgeResult:
    """Delete the event's personal data for good, keeping anonymous counts (see module doc).

    Runs one write transaction, then VACUUM and a WAL checkpoint that truncates the log. While
    another program holds the database, `waiting` is told so at once (one line) and the purge
    keeps trying for `patience_s` seconds, then raises KioskError with nothing deleted. Raises
    KioskError too when called inside a transaction or when another connection keeps the log
    from being emptied (the data is then already gone from the tables; run the purge again).
    """
    if conn.in_transaction:
        raise KioskError("purge cannot run inside another transaction")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    previous = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_STEP_MS}")
    try:
        _take_write_lock(conn, patience_s, waiting)
        return _purge(conn, at_ms, patience_s)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {previous}")


def _take_write_lock(
    conn: sqlite3.Connection, patience_s: float, waiting: Callable[[str], None] | None
) -> None:
    """Wait (at most `patience_s`) until no other program writes, saying so once; leaves the
    connection outside any transaction. KioskError when the database stays busy."""
    deadline = time.monotonic() + patience_s
    told = False
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
        if time.monotonic() >= deadline:
            raise KioskError(_BUSY)
        if not told and waiting is not None:
            waiting(
                "the database is busy: another program (the app, the hub or a sync) is writing "
                f"to it; waiting up to {patience_s:.0f} s"
            )
            told = True
        time.sleep(0.1)


_BUSY = (
    "the database is busy: close the app, the hub and any sync using it on this machine, then "
    "run the purge again (nothing was deleted)"
)


def _purge(conn: sqlite3.Connection, at_ms: int | None, patience_s: float) -> PurgeResult:
    """The purge itself, once no other program was writing."""
    try:
        with transaction(conn):
            attendees, ids_replaced, overrides = _clear(conn, at_ms)
    except sqlite3.OperationalError as exc:
        if not _is_busy(exc):
            raise
        raise KioskError(_BUSY) from exc  # another writer came back in between
    try:
        conn.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        if not _is_busy(exc):
            raise
        raise KioskError(_LOG_HELD) from exc
    _truncate_wal(conn, patience_s)
    size = int(conn.execute("PRAGMA page_count").fetchone()[0]) * int(
        conn.execute("PRAGMA page_size").fetchone()[0]
    )
    return PurgeResult(attendees, ids_replaced, max(0, overrides), size)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _clear(conn: sqlite3.Connection, at_ms: int | None) -> tuple[int, int, int]:
    """Inside the purge's write transaction: every personal value gone; (attendees, ids
    replaced, overrides blanked)."""
    # The attendees' key changes while invitations point at it: check at commit instead.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    tables = _tables_with(conn, "registration_id")
    triggers = [
        (str(name), str(sql))
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL "
            f"AND tbl_name IN ({','.join('?' * len(tables))})",
            tables,
        )
    ]
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    attendees = int(conn.execute("SELECT count(*) FROM attendees").fetchone()[0])
    ids_replaced = _rewrite_ids(conn, tables)
    _clear_personal_columns(conn, tables)
    overrides = 0
    for table in tables:  # the log, and copies of log lines (sync's rejected lines)
        if "override_reason" in _columns(conn, table):
            overrides += conn.execute(
                f'UPDATE "{table}" SET override_reason = ? WHERE override_reason IS NOT NULL '
                "AND override_reason != ?",
                (OVERRIDE_PLACEHOLDER, OVERRIDE_PLACEHOLDER),
            ).rowcount
    conn.execute("UPDATE code_issues SET code = NULL WHERE code IS NOT NULL")
    # A ticket's code is its key: each becomes a random pseudonym (types and states stay, so
    # counts by ticket type survive); the log's copy of the scanned ticket went with the column.
    conn.execute(
        f"UPDATE tickets SET code = '{PSEUDONYM_PREFIX}' || lower(hex(randomblob(12))) "
        f"WHERE code NOT LIKE '{PSEUDONYM_PREFIX}%'"
    )
    conn.execute("UPDATE badge_prints SET message = NULL WHERE message IS NOT NULL")
    for _, sql in triggers:
        conn.execute(sql)
    put_setting(conn, PURGED_SETTING, now_ms() if at_ms is None else at_ms)
    return attendees, ids_replaced, overrides


_LOG_HELD = (
    "personal data was deleted, but another program keeps the database's log open: "
    "close the other kiosk windows on this machine and run the purge again"
)


def _truncate_wal(conn: sqlite3.Connection, patience_s: float) -> None:
    """Copy every page into the database file and empty the write-ahead log (trying for at most
    `patience_s` seconds while another program reads)."""
    deadline = time.monotonic() + patience_s
    while True:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            return
        if time.monotonic() >= deadline:
            raise KioskError(_LOG_HELD)
        time.sleep(0.1)
