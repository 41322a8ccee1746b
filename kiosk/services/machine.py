"""This machine's own settings, read where the operating system keeps them."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def machine_zone_name() -> str:
    """The IANA name of this machine's time zone, or UTC when it cannot be told."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text().strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name:
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            return name
    return "UTC"


def keep_files_private() -> None:
    """From now on, what this process writes (database, bundles, exports) is this user's only.

    Called first by the app and the CLI; the rule itself lives in `kiosk.store.files`.
    """
    from kiosk.store.files import private_umask

    private_umask()
