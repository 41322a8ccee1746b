"""The systemd unit that boots a machine into the app: `cage` on a virtual console, logged in
as the kiosk's own user, running the supervised launcher (`kiosk.boot.launcher`).

    python -m kiosk.boot.unit --user kiosk --mode kiosk --db PATH [--hub URL] [--tty 1]

prints it; scripts/install-kiosk-service writes it to /etc/systemd/system/kiosk-app.service.

Why this shape (the way cage's own documentation starts it at boot): `PAMName=login` with
`TTYPath` gives the user a real login session on that console (seat access for the screen and
input devices, a runtime folder, the user's sound server), in place of the console's getty.
`Restart=always` brings cage back if it ends; the launcher inside it brings the app back, so a
killed app is on screen again within seconds without a new login.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.boot.launcher import MODES, PROJECT

UNIT_NAME = "kiosk-app.service"
CAGE = "/usr/bin/cage"


def render_unit(
    *,
    user: str,
    mode: str,
    db: Path,
    python: str = sys.executable,
    project: Path = PROJECT,
    hub: str | None = None,
    language: str | None = None,
    tty: int = 1,
    cage: str = CAGE,
) -> str:
    """The unit file's text."""
    if mode not in MODES:
        raise ValueError(f"mode {mode!r}: one of {', '.join(MODES)}")
    launcher = [python, "-m", "kiosk.boot.launcher", "--mode", mode, "--db", str(db)]
    if hub:
        launcher += ["--hub", hub]
    if language:
        launcher += ["--language", language]
    command = " ".join(shlex.quote(part) for part in [cage, "-d", "--", *launcher])
    return f"""\
[Unit]
Description=Check-in kiosk app ({mode}) full screen under cage on tty{tty}
Documentation=file://{project}/README.md
After=systemd-user-sessions.service plymouth-quit-wait.service getty@tty{tty}.service
After=network-online.target sound.target
Wants=network-online.target
Conflicts=getty@tty{tty}.service

[Service]
Type=simple
User={user}
PAMName=login
TTYPath=/dev/tty{tty}
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
UtmpIdentifier=tty{tty}
UtmpMode=user
WorkingDirectory={project}
Environment=XDG_SESSION_TYPE=wayland
Environment=QT_QPA_PLATFORM=wayland
ExecStart={command}
Restart=always
RestartSec=1

[Install]
WantedBy=graphical.target
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.boot.unit")
    parser.add_argument("--user", required=True)
    parser.add_argument("--mode", choices=MODES, default="kiosk")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--hub")
    parser.add_argument("--language", choices=["ko", "en"])
    parser.add_argument("--tty", type=int, default=1)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args(argv)
    sys.stdout.write(
        render_unit(
            user=args.user,
            mode=args.mode,
            db=args.db,
            python=args.python,
            hub=args.hub,
            language=args.language,
            tty=args.tty,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
