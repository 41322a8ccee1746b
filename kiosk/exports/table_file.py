"""Writing one table of rows to CSV (UTF-8 with BOM, for Korean Excel) or XLSX, safely.

Every cell is neutralised against formula injection, and the file appears only once complete.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook

from kiosk.errors import KioskError
from kiosk.exports import write_atomically
from kiosk.exports.cells import neutralise_row, xlsx_row


def write_table(
    path: Path,
    header: Sequence[str],
    rows: Iterable[list[object] | tuple[object, ...]],
    *,
    sheet: str,
) -> int:
    """Write `rows` under `header` to a `.csv` or `.xlsx` file; returns the number of rows.

    Any other suffix is refused before anything is written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise KioskError(f"cannot export to {path.name!r}: the file must end in .csv or .xlsx")
    count = 0

    def write_csv(target: Path) -> None:
        nonlocal count
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow(neutralise_row(row))
                count += 1

    def write_xlsx(target: Path) -> None:
        nonlocal count
        book = Workbook(write_only=True)
        worksheet = book.create_sheet(sheet)
        worksheet.append(list(header))
        for row in rows:
            worksheet.append(xlsx_row(row))
            count += 1
        book.save(target)

    write_atomically(path, write_csv if suffix == ".csv" else write_xlsx)
    return count
