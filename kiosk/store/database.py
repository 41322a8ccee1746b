"""Opening an event database: durability settings, integrity check and migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from kiosk.errors import DatabaseDamaged, KioskError
from kiosk.store.files import create_private_file, make_folders, private_database
from kiosk.store.schema import MIGRATIONS, SCHEMA_VERSION

Connection = sqlite3.Connection
"""An event database connection as the screens hold it: they pass it to services, never run SQL."""
DatabaseError = sqlite3.Error
"""Any error the database reports (busy, disk full, damaged): what a screen may catch and show."""


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to an event database with the durability settings every connection uses.

    Autocommit (every write goes through an explicit `transaction()`), a 10-second wait for the
    write lock, FULL synchronous commits (a commit survives a power cut, not just a crash of this
    process) and foreign keys. The connection may be handed to another thread, one at a time.
    `read_only` refuses writes (the dashboard's refreshes). It neither creates, checks nor
    migrates the file: `open_database` does that once when an app or command starts, and worker
    threads then `connect` to the file it opened.
    """
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection commits to the file (PRAGMA
    data_version): a reader refreshes only when it changed."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"{path} is damaged or not an event database ({exc})") from exc
    if rows != [("ok",)]:
        first = rows[0][0] if rows else "no answer"
        raise DatabaseDamaged(f"{path} is damaged: {first}; restore it from a backup or sync")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Write-ahead logging: readers (other screens, sync, the dashboard) never block the door."""
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        conn.execute("PRAGMA journal_mode = WAL")


def _migrate(conn: sqlite3.Connection) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise KioskError(
            f"this database was written by a newer version (schema {current}); update the app"
        )
    for number in range(current, SCHEMA_VERSION):
        with transaction(conn):
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")


def _statements(script: str) -> Iterator[str]:
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the write lock at once, so reads inside it are current."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk, an I/O error): a second
        # ROLLBACK would fail and hide the error that matters.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        # A commit that failed (busy, disk full) may leave the transaction open: end it, so the
        # connection stays usable and nothing half-done is committed later by accident.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def open_database(path: str | Path, *, create: bool = False) -> sqlite_utils.Database:
    """Open (or with `create`, make) an event database, checked and migrated.

    A missing file is an error unless `create`; a damaged file raises DatabaseDamaged. The file
    and its journal files are made (or fixed to be) readable by this user only (store.files).
    """
    path = Path(path)
    if create:
        if path.exists():
            raise KioskError(f"{path} already exists; choose another --db or remove it")
        make_folders(path.parent)
        try:
            create_private_file(path)
        except OSError as exc:
            raise KioskError(f"cannot create {path}: {exc.strerror or exc}") from exc
    elif not path.is_file():
        raise KioskError(f"no event database at {path}; create one with `kiosk init`")
    private_database(path)  # also a file made before files were private
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"{path} is damaged or not an event database ({exc})") from exc
    try:
        _check_integrity(conn, path)
        _use_wal(conn)
        _migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseDamaged(f"{path} is damaged or not an event database ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    private_database(path)  # the journal files SQLite just made
    return sqlite_utils.Database(conn)
