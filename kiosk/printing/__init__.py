"""Printing through the operating system's print system (CUPS), shared by the CLI, GUI and tests.

`cups` talks to CUPS through its command-line clients (`lpstat`, `lp`, `cancel`, `ipptool`), so
nothing here needs Qt; `queue` runs print jobs on a worker thread and reports through plain
callbacks that the GUI wraps in Qt signals.
"""

from kiosk.printing.cups import (
    CupsUnavailable,
    JobFailed,
    PrinterInfo,
    PrinterMissing,
    PrinterNotReady,
    PrintError,
)

__all__ = [
    "CupsUnavailable",
    "JobFailed",
    "PrintError",
    "PrinterInfo",
    "PrinterMissing",
    "PrinterNotReady",
]
