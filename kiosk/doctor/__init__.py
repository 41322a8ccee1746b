"""`kiosk doctor`: is this machine ready for its role (door, kiosk, organiser) before doors open?

Each check looks at the machine as it is (the screen, fonts, printer and paper, speech, sound,
cameras, disk, the event's file modes, the hub and the clock) and says ok, warn or fail with
what to do. Plain Python, no Qt: the CLI (`kiosk doctor`) and the app (which sends its report
with its sync rounds, shown on the organiser's Sync tab) call the same `run_doctor`.

The checks are imported on first use (`kiosk.doctor.run_doctor`), not with the package: the hub
reads reports (`kiosk.doctor.findings`) and should not load the printing and font code for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.doctor.findings import Finding, Report
    from kiosk.doctor.run import DoctorOptions, run_doctor

__all__ = ["DoctorOptions", "Finding", "Report", "run_doctor"]


def __getattr__(name: str) -> Any:
    if name in ("Finding", "Report"):
        from kiosk.doctor import findings

        return getattr(findings, name)
    if name in ("DoctorOptions", "run_doctor"):
        from kiosk.doctor import run

        return getattr(run, name)
    raise AttributeError(f"module 'kiosk.doctor' has no attribute {name!r}")
