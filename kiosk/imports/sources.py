"""Which source a roster file comes from, and how to read it: the preset, sheet and mapping.

The preset is the one named (`--preset`), else the one whose detection labels the file's header
has (for a workbook, the first sheet that some preset recognises; for JSON, the preset whose rows
path the document has), else `generic` (this project's own columns, FORMATS.md). The organiser's
own column mapping (`--map`, the wizard's choices) goes over the preset's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.imports.presets import FIELDS, GENERIC, Preset, detect_preset, get_preset
from kiosk.imports.report import FileProblem, ImportFailure, Problem
from kiosk.imports.tables import ColumnMapping, Table, column_key, read_headers, read_table


@dataclass(frozen=True)
class ImportOptions:
    """What the organiser chose for one import beyond the file (CLI flags, wizard choices)."""

    preset: str | None = None
    """A preset's name; None: recognise the file by its header."""
    defaults: Mapping[str, str] = field(default_factory=dict)
    """Field -> value for cells left empty (and columns the file lacks)."""
    sheet: str | None = None
    cancel_missing: bool = False


@dataclass
class Source:
    """A file's source as recognised: its preset, the sheet read and the column mapping."""

    preset: Preset
    detected: bool
    sheet: str | None = None
    headers: list[str] = field(default_factory=list)
    mapping: ColumnMapping | None = None

    def known(self, kind: str) -> tuple[str, ...]:
        from kiosk.imports import COLUMNS

        return FIELDS if self.preset.tickets else COLUMNS[kind]

    def read(self, path: Path, kind: str) -> Table:
        """The file's rows with our field names, as the preset and mapping say."""
        return read_table(
            path,
            kind,
            self.known(kind),
            self.mapping,
            sheet=self.sheet,
            json_rows=self.preset.json_rows,
            json_lookups=self.preset.json_lookups,
        )

    def describe(self) -> dict[str, Any]:
        """What the report says of the source."""
        found: dict[str, Any] = {"preset": self.preset.name, "preset_detected": self.detected}
        if self.sheet:
            found["sheet"] = self.sheet
        return found


def _fmt(path: Path) -> str:
    return path.suffix.lower().lstrip(".")


def _bad_option(option: str, value: str, fields: tuple[str, ...]) -> ImportFailure:
    names = ", ".join(fields)
    return ImportFailure(
        f"{option} {value!r}: no such field; use one of {names}",
        Problem.BAD_OPTION,
        {"option": option, "value": value, "fields": names},
    )


def choose_source(
    path: Path, kind: str, options: ImportOptions, mapping: ColumnMapping | None = None
) -> Source:
    """The preset, sheet and mapping to read `path` with (see the module doc).

    FileProblem when the file cannot be read; ImportFailure for an unknown preset or a default
    for a field that does not exist."""
    generic = get_preset(GENERIC)
    if kind != "roster":
        return Source(generic, False, options.sheet, [], mapping)
    forced = get_preset(options.preset) if options.preset else None
    preset, sheet, headers = _recognise(path, kind, forced, options.sheet)
    preset = preset or generic
    source = Source(preset, forced is None and preset is not generic, sheet, headers)
    known = source.known(kind)
    for name in options.defaults:
        if name not in known:
            raise _bad_option("--default", name, known)
    if preset.name == GENERIC and not preset.columns:
        source.mapping = mapping
        return source
    merged = preset.mapping(headers)
    for label, target in (mapping or {}).items():
        if target:
            for other, chosen in list(merged.items()):
                if chosen == target:
                    merged[other] = None
        existing = next((h for h in merged if column_key(h) == column_key(label)), label)
        merged[existing] = target
    source.mapping = merged
    return source


def _recognise(
    path: Path, kind: str, forced: Preset | None, sheet: str | None
) -> tuple[Preset | None, str | None, list[str]]:
    fmt = _fmt(path)
    if fmt == "json":
        candidates = [forced] if forced else []
        if forced is None:
            from kiosk.imports.presets import all_presets

            candidates = [p for p in all_presets() if "json" in p.formats and p.json_rows]
        for preset in candidates:
            try:
                [(_, headers)] = read_headers(
                    path, kind, json_rows=preset.json_rows, json_lookups=preset.json_lookups
                )
            except FileProblem as problem:
                if problem.code == Problem.JSON_EXPECTED_LIST and forced is None:
                    continue
                raise
            if forced is not None or preset.matches(headers):
                return preset, None, headers
        return None, None, read_headers(path, kind)[0][1]
    sheets = read_headers(path, kind, sheet=sheet)
    if forced is not None:
        for title, headers in sheets:
            if forced.matches(headers):
                return forced, title, headers
        named = forced.sheet and next(
            ((t, h) for t, h in sheets if t and column_key(t) == column_key(forced.sheet)), None
        )
        title, headers = named or sheets[0]
        return forced, title if (sheet or named) else None, headers
    for title, headers in sheets:
        found = detect_preset(headers, fmt)
        if found is not None:
            return found, title, headers
    return None, sheet, sheets[0][1] if sheets else []


def with_defaults(table: Table, defaults: Mapping[str, str]) -> Table:
    """The table with `defaults` filling empty cells; a column the file lacks is added."""
    if not defaults:
        return table
    width = table.width
    columns = dict(table.columns)
    added: list[str] = []
    for name in defaults:
        if name not in columns:
            columns[name] = width + len(added)
            added.append(name)
    fills = [(columns[name], text) for name, text in defaults.items()]
    extra = [""] * len(added)
    rows = table.rows

    def filled() -> Any:
        for row, cells in rows:
            if added:
                cells = cells[:width] + extra + [""]
            for index, text in fills:
                if not cells[index]:
                    cells[index] = text
            yield row, cells

    return Table(
        table.name, columns, filled(), table.unknown, table.errors, width=width + len(added)
    )
