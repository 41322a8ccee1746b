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


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit: every write goes through an explicit `write()` transaction.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"{path} is damaged or not an event database ({exc})") from exc
    if rows != [("ok",)]:
        first = rows[0][0] if rows else "no answer"
        raise DatabaseDamaged(f"{path} is damaged: {first}; restore it from a backup or sync")


def _configure(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit survives a power cut, not just a crash of this process.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


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
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


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
    conn = _connect(path)
    try:
        _check_integrity(conn, path)
        _configure(conn)
        _migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseDamaged(f"{path} is damaged or not an event database ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    private_database(path)  # the journal files SQLite just made
    return sqlite_utils.Database(conn)
