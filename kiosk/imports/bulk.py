"""Writing many rows fast: multi-row INSERTs, and secondary indexes built after a first import.

One `INSERT ... VALUES (...), (...), ...` statement for a hundred rows calls into SQLite a
hundredth as often as one statement a row. Into an empty table, a secondary index is faster built
once from the finished table (one sort) than kept up to date row by row: `deferred_indexes` drops
the tables' own indexes and makes them again, inside the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

CHUNK = 100
"""Rows a multi-row INSERT statement (100 rows of 15 values stay far below SQLite's limit)."""


def insert_many(
    conn: sqlite3.Connection, head: str, width: int, rows: Sequence[Sequence[Any]]
) -> None:
    """`head VALUES (...), (...), ...` for all `rows` of `width` values, CHUNK rows a statement."""
    one = "(" + ", ".join("?" * width) + ")"
    whole = len(rows) - len(rows) % CHUNK
    if whole:
        full = f"{head} VALUES {', '.join([one] * CHUNK)}"
        conn.executemany(
            full,
            (
                [value for row in rows[start : start + CHUNK] for value in row]
                for start in range(0, whole, CHUNK)
            ),
        )
    rest = rows[whole:]
    if rest:
        conn.execute(
            f"{head} VALUES {', '.join([one] * len(rest))}",
            [value for row in rest for value in row],
        )


def is_empty(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None


@contextmanager
def deferred_indexes(conn: sqlite3.Connection, tables: Iterable[str]) -> Iterator[None]:
    """Drop the named tables' secondary indexes (not the ones behind PRIMARY KEY or UNIQUE) for
    the block and make them again after it; the caller holds the write transaction."""
    names = list(tables)
    marks = ", ".join("?" * len(names))
    indexes = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        names,
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        for _name, sql in indexes:
            conn.execute(sql)
