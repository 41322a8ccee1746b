"""The Sync tab's work, run on the task pool with connections of its own (see
`kiosk.gui.organiser.tasks`): bundles written and read, devices and conflicts read, the hub
started."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.gui.organiser.tasks import TaskContext
from kiosk.store.database import connect


def export_roster_job(
    db_path: Path, target: Path, passphrase: str | None, task: TaskContext
) -> Any:
    from kiosk.sync.bundle import write_bundle_file
    from kiosk.sync.roster import export_roster

    task.progress(0, 0)
    conn = connect(db_path)
    try:
        roster = export_roster(conn, passphrase=passphrase)
    finally:
        conn.close()
    task.progress(1, 2)
    path = write_bundle_file(target, roster.data)
    task.progress(2, 2)
    return roster.to_json(path)


def import_bundles_job(
    db_path: Path, files: list[Path], passphrase: str | None, task: TaskContext
) -> dict[str, Any]:
    """Import events bundles together, or one roster bundle; what changed as JSON."""
    from kiosk.errors import KioskError
    from kiosk.sync.bundle import open_bundle, read_bundle_file

    total = len(files) + 1
    bundles = []
    for number, path in enumerate(files, start=1):
        bundles.append(open_bundle(read_bundle_file(path)))
        task.progress(number, total * 2)
    kinds = {bundle.kind for bundle in bundles}
    conn = connect(db_path)
    try:
        if kinds == {"roster"} and len(bundles) == 1:
            from kiosk.sync.roster import apply_roster

            result = apply_roster(conn, bundles[0], passphrase=passphrase).to_json()
        elif kinds == {"events"}:
            from kiosk.sync.events import import_events

            def merged(done: int, count: int) -> None:
                task.progress(len(files) + done, len(files) + count)

            result = import_events(conn, bundles, passphrase=passphrase, progress=merged).to_json()
        else:
            raise KioskError("import events bundles together, or one roster bundle on its own")
    finally:
        conn.close()
    task.progress(1, 1)
    return dict(result)


def read_state_job(db_path: Path, _task: TaskContext) -> tuple[list[Any], dict[str, Any]]:
    """The devices the organiser knows and the conflicts report."""
    from kiosk.sync.conflicts import conflict_report
    from kiosk.sync.state import device_list

    conn = connect(db_path, read_only=True)
    try:
        return device_list(conn), conflict_report(conn)
    finally:
        conn.close()


def start_hub_job(
    db_path: Path,
    host: str,
    port: int,
    _task: TaskContext,
    *,
    cert: Path | None = None,
    key: Path | None = None,
) -> Any:
    """A hub serving on host:port in a background thread (a RunningHub); HTTPS with a TLS
    certificate and key file."""
    from kiosk.sync.hub import start_hub

    return start_hub(db_path, host, port, cert=cert, key=key, log=lambda _line: None)
