"""Importing the organiser's files: programme, roster and invitation lists (FORMATS.md).

Every import reads the whole file, validates every row against the file and the database, and
only then writes, in one transaction. A file with any error writes nothing at all, and a dry run
never writes: the database file stays byte for byte as it was.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from kiosk.imports.decoding import decode_bytes
from kiosk.imports.invitations import COLUMNS as INVITATION_COLUMNS
from kiosk.imports.invitations import plan_invitations
from kiosk.imports.limits import merged
from kiosk.imports.programme import COLUMNS as PROGRAMME_COLUMNS
from kiosk.imports.programme import plan_programme
from kiosk.imports.report import (
    PROBLEM_PARAMS,
    FileProblem,
    ImportFailure,
    ImportReport,
    ImportWarning,
    Params,
    Plan,
    Problem,
    RowError,
)
from kiosk.imports.roster import COLUMNS as ROSTER_COLUMNS
from kiosk.imports.roster import plan_roster
from kiosk.imports.sources import ImportOptions, Source, choose_source, with_defaults
from kiosk.imports.tables import ColumnMapping, Table, column_key, read_table
from kiosk.services.event import load_event
from kiosk.store.database import transaction

__all__ = [
    "COLUMNS",
    "ColumnMapping",
    "FileProblem",
    "ImportFailure",
    "ImportOptions",
    "ImportReport",
    "ImportWarning",
    "Kind",
    "PROBLEM_PARAMS",
    "Params",
    "Plan",
    "Problem",
    "RowError",
    "Source",
    "Table",
    "column_key",
    "decode_bytes",
    "read_table",
    "run_import",
]

Kind = Literal["programme", "roster", "invitations"]
COLUMNS: dict[str, tuple[str, ...]] = {
    "programme": PROGRAMME_COLUMNS,
    "roster": ROSTER_COLUMNS,
    "invitations": INVITATION_COLUMNS,
}
_BULK_CACHE_KIB = -65536  # negative: a size in KiB, so 64 MiB
ROW_REPORT_EVERY = 1000
"""`on_row` hears of every this many rows (and of the last one)."""


class _Changed(Exception):
    """The database changed between validation and writing, and the file no longer fits."""


def _ignore(message: str) -> None:
    return None


def run_import(
    conn: sqlite3.Connection,
    kind: Kind | str,
    path: Path,
    *,
    dry_run: bool = False,
    warn: Callable[[str], None] = _ignore,
    mapping: ColumnMapping | None = None,
    on_row: Callable[[int], None] | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Import one file of `kind` into the event database; return what was (or would be) done.

    Bad content (encoding, format, missing columns, bad rows) comes back as `report.errors` with
    nothing written; a file that cannot be opened raises KioskError. Warnings (unknown columns,
    invitation lists of open sessions) go to `warn` and into the report.

    `mapping` maps the file's own column names onto the kind's (the GUI's column mapping);
    `on_row(row)` is told of the spreadsheet row reached every ROW_REPORT_EVERY rows while the
    file is checked, and may raise to stop the import (nothing is written then).
    `options` (rosters): the import preset (else the one the file's header matches), default
    values, the workbook sheet and whether people missing from a complete export are cancelled
    (kiosk/imports/sources.py).
    """
    if kind not in COLUMNS:
        raise ImportFailure(
            f"unknown import kind {kind!r}: programme, roster or invitations",
            Problem.UNKNOWN_KIND,
            {"kind": str(kind)},
        )
    with _no_cycle_collection():
        return _import(conn, kind, Path(path), dry_run, warn, mapping, on_row, options)


def _import(
    conn: sqlite3.Connection,
    kind: str,
    path: Path,
    dry_run: bool,
    warn: Callable[[str], None],
    mapping: ColumnMapping | None = None,
    on_row: Callable[[int], None] | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    options = options or ImportOptions()
    version = _data_version(conn)
    warnings: list[str] = []
    try:
        source = choose_source(path, kind, options, mapping)
    except FileProblem as problem:
        return _reported(kind, Plan(errors=[problem.as_row_error()]), dry_run, warnings, warn)
    planner = _planner(conn, kind, source, options)
    mapping = source.mapping
    plan = _validate(path, kind, planner, warnings, mapping, on_row, source)
    if plan.errors or dry_run:
        return _reported(kind, plan, dry_run, warnings, warn)
    try:
        with _bulk(conn), transaction(conn):
            # Validation ran outside the write lock; if another connection committed since,
            # validate again under the lock rather than write a plan made from stale data.
            if _data_version(conn) != version:
                plan = _validate(path, kind, planner, [], mapping, on_row, source)
                if plan.errors:
                    raise _Changed
            plan.write(conn)
    except _Changed:
        pass
    return _reported(kind, plan, dry_run, warnings, warn)


def _validate(
    path: Path,
    kind: str,
    planner: Callable[[Table], Plan],
    warnings: list[str],
    mapping: ColumnMapping | None = None,
    on_row: Callable[[int], None] | None = None,
    source: Source | None = None,
) -> Plan:
    """Read the file and validate it against the database; file problems become row errors."""
    try:
        if source is None:
            table = read_table(path, kind, COLUMNS[kind], mapping)
        else:
            table = source.read(path, kind)
        if on_row is not None:
            table.rows = _reporting(table.rows, on_row)
        if table.unknown:
            unknown = ", ".join(table.unknown)
            warnings.append(
                ImportWarning(
                    f"{path.name}: ignoring unknown column(s): {unknown}",
                    Problem.UNKNOWN_COLUMNS,
                    {"file": path.name, "columns": unknown},
                )
            )
        plan = planner(table)
    except FileProblem as problem:
        return Plan(errors=[problem.as_row_error()])
    if source is not None and kind == "roster":
        plan.details = {**source.describe(), **plan.details}
    if table.errors:  # items of a JSON file that are not objects
        plan.errors = merged(table.errors, plan.errors, key=lambda error: error.row)
    return plan


def _reporting(
    rows: Iterable[tuple[int, list[str]]], on_row: Callable[[int], None]
) -> Iterator[tuple[int, list[str]]]:
    """The rows unchanged, telling `on_row` of the row reached every ROW_REPORT_EVERY rows."""
    row = 1
    for count, item in enumerate(rows, start=1):
        if count % ROW_REPORT_EVERY == 0:
            on_row(item[0])
        row = item[0]
        yield item
    on_row(row)


def _planner(
    conn: sqlite3.Connection, kind: str, source: Source, options: ImportOptions
) -> Callable[[Table], Plan]:
    if kind == "invitations":
        return lambda table: plan_invitations(conn, table)
    event = load_event(conn)
    if kind == "programme":
        return lambda table: plan_programme(conn, table, event.tz)
    if source.preset.tickets:
        from kiosk.imports.people import TicketOptions, plan_tickets

        ticket_options = TicketOptions(options.defaults, options.cancel_missing)
        return lambda table: plan_tickets(
            conn, table, source.preset, event.email_salt, ticket_options
        )
    defaults = {**source.preset.defaults, **options.defaults}
    return lambda table: plan_roster(conn, with_defaults(table, defaults), event.email_salt)


def _reported(
    kind: str, plan: Plan, dry_run: bool, warnings: list[str], warn: Callable[[str], None]
) -> ImportReport:
    report = ImportReport.from_plan(kind, plan, dry_run=dry_run, warnings=warnings)
    for message in report.warnings:
        warn(message)
    return report


def _data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


@contextmanager
def _bulk(conn: sqlite3.Connection) -> Iterator[None]:
    """A page cache big enough for the indexes of a large roster, for this connection only."""
    previous = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {previous}")


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector during an import.

    An import builds hundreds of thousands of small lists and tuples and no reference cycles; the
    collector's repeated passes over them would otherwise add about half to the import time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
