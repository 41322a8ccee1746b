"""`kiosk doctor`: is this machine ready for its role (door, kiosk, organiser) before doors open?

Each check looks at the machine as it is (the screen, fonts, printer and paper, speech, sound,
cameras, disk, the event's file modes, the hub and the clock) and says ok, warn or fail with
what to do. Plain Python, no Qt: the CLI (`kiosk doctor`) and the app (which sends its report
with its sync rounds, shown on the organiser's Sync tab) call the same `run_doctor`.
"""

from kiosk.doctor.findings import Finding, Report
from kiosk.doctor.run import DoctorOptions, run_doctor

__all__ = ["DoctorOptions", "Finding", "Report", "run_doctor"]
