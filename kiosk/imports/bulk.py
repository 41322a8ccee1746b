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
from itertools import chain
from typing import Any

CHUNK = 400
"""Rows a multi-row INSERT statement, at most: fewer when the values would pass SQLite's limit on
variables in a statement (32,766 since SQLite 3.32, 999 before)."""
flatten = chain.from_iterable
_MAX_VARIABLES = 32_766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999


def insert_many(
    conn: sqlite3.Connection, head: str, width: int, rows: Sequence[Sequence[Any]]
) -> None:
    """`head VALUES (...), (...), ...` for all `rows` of `width` values, CHUNK rows a statement."""
    one = "(" + ", ".join("?" * width) + ")"
    chunk = max(1, min(CHUNK, _MAX_VARIABLES // max(1, width)))
    whole = len(rows) - len(rows) % chunk
    if whole:
        full = f"{head} VALUES {', '.join([one] * chunk)}"
        conn.executemany(
            full,
            (list(flatten(rows[start : start + chunk])) for start in range(0, whole, chunk)),
        )
    rest = rows[whole:]
    if rest:
        conn.execute(
            f"{head} VALUES {', '.join([one] * len(rest))}",
            list(flatten(rest)),
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
