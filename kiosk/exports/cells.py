"""Cell values that are safe to open in a spreadsheet.

A cell whose text begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
spreadsheets skip before looking) is run as a formula by Excel and LibreOffice: a registration
named `=HYPERLINK(...)` or `=cmd|...` could reach the organiser's machine. Every export writes
its cells through `neutralise`, which prefixes such text with `'` so it shows as typed.
"""

from __future__ import annotations

from typing import TypeVar

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


def neutralise(value: T) -> T | str:
    """The value itself, or for text a spreadsheet would run as a formula, `'` + the text.

    Only strings can carry a formula; numbers, dates and None are returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_row(values: list[object] | tuple[object, ...]) -> list[object]:
    """`neutralise` applied to every cell of one row."""
    return [neutralise(value) for value in values]


def xlsx_row(values: list[object] | tuple[object, ...]) -> list[object]:
    """One row made safe for an XLSX sheet: control characters XLSX cannot hold are dropped
    (a stray one must not fail a whole export), then formulas are neutralised.

    Dropping comes first, so that `"\x01=cmd"` cannot turn into a live `=cmd`.
    """
    return [
        neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)) if isinstance(value, str) else value
        for value in values
    ]
