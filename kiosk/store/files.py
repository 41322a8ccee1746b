"""Private files: what this program writes is readable by this user only.

The event database holds the organiser's signing key and personal data; bundles and exports
hold names. They are made 0600 (owner read and write) and the folders this program makes, and
its own data folder, 0700. Files and folders made before this rule are fixed when the database
is opened. A folder the user chose (`--db /some/where/event.sqlite`, `-o ~/Desktop/x.pdf`) is
not changed: only the files written into it are private.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def app_data_root() -> Path:
    """This program's own data folder (the default database and the demo event live there)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("kiosk", appauthor=False))


def private_umask() -> None:
    """From now on, everything this process creates is private (the CLI's and the app's start):
    files 0600 and folders 0700, whichever library writes them."""
    os.umask(0o077)


def make_folders(folder: Path) -> None:
    """Create `folder` and any missing parents, each one 0700."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=PRIVATE_FOLDER)
        keep_private(path, PRIVATE_FOLDER)


def keep_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Set `path`'s permissions to `mode` if they differ (quietly nothing for a file that is not
    this user's or is gone)."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)


def create_private_file(path: Path) -> None:
    """Create an empty file that is 0600 from its first moment (refuses an existing one)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def private_database(path: Path) -> None:
    """The database and its journal files 0600; its folder 0700 when it is this program's own
    data folder (or one inside it)."""
    for suffix in DATABASE_SUFFIXES:
        keep_private(Path(f"{path}{suffix}"))
    folder = path.resolve().parent
    root = app_data_root().resolve()
    if folder == root or root in folder.parents:
        for each in (folder, *folder.parents):
            keep_private(each, PRIVATE_FOLDER)
            if each == root:
                break
