"""Files for organisers: attendance exports and their shared safety helpers.

Every export is written to a temporary file beside its destination and moved into place only once
complete (`write_atomically`), so a full disk or a crash never leaves a half file that looks like
a finished export; every cell goes through `cells.neutralise` against formula injection.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.store.files import keep_private


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, make it durable, then move it onto `path` in one step.

    The temporary file is in the destination's folder (a rename across file systems would not be
    atomic). The file is readable by this user only (0600): exports hold names. On any failure
    it is removed and an earlier file at `path` is left as it was; an operating-system failure
    (no such folder, no permission, disk full) becomes a KioskError.
    """
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=f".part{path.suffix}", dir=path.parent
        )
    except OSError as exc:
        raise KioskError(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.close(fd)
    temporary = Path(name)
    try:
        write(temporary)
        keep_private(temporary)  # a writer may have made the file anew
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise KioskError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
