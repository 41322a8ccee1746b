"""Is there a display to show a window on? Answered from the environment, before Qt starts.

Qt started without a reachable display aborts with a list of its platform plugins; the app
asks `display_problem()` first and says in one line what to do instead. Tools that only draw
pictures (`python -m kiosk.screenshots`) call `draw_offscreen_without_display()` and go on
offscreen. Plain Python: no Qt, only the environment and the display servers' sockets.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from pathlib import Path

X11_SOCKETS = Path("/tmp/.X11-unix")
SCREEN_PLATFORMS = {"xcb", "wayland", "wayland-egl"}  # the ones that need a display server
ADVICE = "run it on a desktop, or with QT_QPA_PLATFORM=offscreen or under xvfb-run"


def _unix_socket_answers(path: str) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            probe.connect(path)
        return True
    except OSError:
        return False


def x_display_reachable(display: str, sockets: Path = X11_SOCKETS) -> bool:
    """An X server answers at `display` (":0", "unix:1.0"); a remote one ("host:0") is taken
    as reachable (Qt finds out)."""
    if not display:
        return False
    host, _, rest = display.rpartition(":")
    if host not in ("", "unix"):
        return True
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    path = sockets / f"X{number}"
    return _unix_socket_answers(str(path)) or _unix_socket_answers(f"\0{path}")


def wayland_socket(env: Mapping[str, str]) -> Path | None:
    """Where the Wayland compositor named by WAYLAND_DISPLAY listens, or None when unnamed."""
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return None
    if name.startswith("/"):
        return Path(name)
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return Path(runtime) / name if runtime else None


def wayland_reachable(env: Mapping[str, str]) -> bool:
    path = wayland_socket(env)
    return path is not None and _unix_socket_answers(str(path))


def _platforms(env: Mapping[str, str]) -> list[str]:
    value = env.get("QT_QPA_PLATFORM", "").strip()
    return [part.split(":", 1)[0].strip() for part in value.split(";") if part.strip()]


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why Qt would find no display to show a window on (one line, with what to do), or None.

    A platform that needs no display server (offscreen, eglfs, linuxfb, vnc...) is trusted."""
    env = os.environ if env is None else env
    platforms = _platforms(env)
    if platforms and not any(p in SCREEN_PLATFORMS for p in platforms):
        return None
    want_x = not platforms or "xcb" in platforms
    want_wayland = not platforms or any(p.startswith("wayland") for p in platforms)
    if want_x and x_display_reachable(env.get("DISPLAY", "")):
        return None
    if want_wayland and wayland_reachable(env):
        return None
    named = [name for name in ("DISPLAY", "WAYLAND_DISPLAY") if env.get(name)]
    if named:
        where = " and ".join(f"{name}={env[name]}" for name in named)
        why = f"no display answers at {where}"
    else:
        why = "no display (DISPLAY and WAYLAND_DISPLAY are not set)"
    return f"{why}: {ADVICE}"


def draw_offscreen_without_display(env: dict[str, str] | os._Environ[str] | None = None) -> bool:
    """For tools that only draw pictures: use Qt's offscreen platform when no display answers.
    True when it switched to offscreen."""
    env = os.environ if env is None else env
    if display_problem(env) is None:
        return False
    env["QT_QPA_PLATFORM"] = "offscreen"
    return True
