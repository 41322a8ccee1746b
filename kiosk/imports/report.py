"""What an import found and would change: the report the CLI prints and the GUI shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.errors import KioskError


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in one cell: `row` is the spreadsheet row (the header is row 1)."""

    row: int
    field: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "message": self.message}


class FileProblem(KioskError):
    """The file as a whole cannot be used (encoding, format, header); reported as a row error."""

    def __init__(self, message: str, *, row: int = 1, field: str = "file") -> None:
        super().__init__(message)
        self.row = row
        self.field = field

    def as_row_error(self) -> RowError:
        return RowError(self.row, self.field, str(self))


def _nothing_to_write(conn: sqlite3.Connection) -> None:
    return None


@dataclass
class Plan:
    """The outcome of validating a file against the database, before anything is written.

    `write` applies the changes; it is only called inside a write transaction and only when
    `errors` is empty.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    write: Callable[[sqlite3.Connection], None] = _nothing_to_write


@dataclass
class ImportReport:
    """Counts, errors and warnings of one import (CLI.md, "Import report")."""

    kind: str
    dry_run: bool = False
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_plan(
        cls, kind: str, plan: Plan, *, dry_run: bool, warnings: list[str]
    ) -> ImportReport:
        """The report of a validated plan; warnings found while reading the file come first."""
        return cls(
            kind=kind,
            dry_run=dry_run,
            added=plan.added,
            updated=plan.updated,
            unchanged=plan.unchanged,
            removed=plan.removed,
            errors=list(plan.errors),
            warnings=[*warnings, *plan.warnings],
        )

    def to_json(self) -> dict[str, Any]:
        """The machine-readable report: the contract's keys plus `removed` and `warnings`."""
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "errors": [error.to_json() for error in self.errors],
            "warnings": list(self.warnings),
        }

    def summary(self) -> str:
        """One short line for people, e.g. `3 added, 1 updated, 18 unchanged`."""
        if self.errors:
            return f"{len(self.errors)} error(s); nothing imported"
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.removed:
            parts.append(f"{self.removed} removed")
        text = ", ".join(parts)
        return f"{text} (dry run: nothing written)" if self.dry_run else text
