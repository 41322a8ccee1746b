"""The screen: its size in pixels against the sizes the screens are laid out for.

Where the size comes from, first found wins: the running app's screens (the GUI passes them),
the panels the kernel sees (`/sys/class/drm/*/modes`, their native mode; works from a console
or over SSH, before any desktop starts), or, on a desktop, Qt asked in a child process (this
package imports no Qt).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from kiosk.doctor.findings import SUPPORTED_SIZES, Finding, fail, ok, warn
from kiosk.services.display import display_problem

DRM_ROOT = Path("/sys/class/drm")
DRAWING_PLATFORMS = ("offscreen", "minimal", "minimalegl")  # no screen behind them
MINIMUM = (1280, 768)  # landscape; a portrait screen needs 1080 wide, 1920 tall
QT_PROBE = (
    "import json\n"
    "from PySide6.QtGui import QGuiApplication\n"
    "app = QGuiApplication([])\n"
    "print(json.dumps([[s.size().width() * s.devicePixelRatio(),"
    " s.size().height() * s.devicePixelRatio()] for s in app.screens()]))\n"
)


def size_text(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def supported_text() -> str:
    return ", ".join(size_text(s) for s in SUPPORTED_SIZES)


def drm_screens(root: Path = DRM_ROOT) -> list[tuple[int, int]]:
    """The native size of each connected panel the kernel knows (its first listed mode)."""
    sizes = []
    for connector in sorted(root.glob("card*-*")):
        try:
            if (connector / "status").read_text().strip() != "connected":
                continue
            first = (connector / "modes").read_text().split()
        except OSError:
            continue
        if first and "x" in first[0]:
            width, _, height = first[0].partition("x")
            if width.isdigit() and height.rstrip("i").isdigit():
                sizes.append((int(width), int(height.rstrip("i"))))
    return sizes


def qt_screens(env: Mapping[str, str], timeout_s: float = 15.0) -> list[tuple[int, int]]:
    """The screens of the desktop, asked of Qt in a child process; [] without a display (or
    when Qt is told to draw offscreen, whose made-up screen is no display)."""
    platform = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip()
    if platform in DRAWING_PLATFORMS or display_problem(env) is not None:
        return []
    try:
        done = subprocess.run(
            [sys.executable, "-c", QT_PROBE],
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
        return [(round(w), round(h)) for w, h in json.loads(done.stdout)]
    except (OSError, subprocess.TimeoutExpired, ValueError, TypeError):
        return []


def judge_screen(role: str, size: tuple[int, int]) -> Finding:
    """One screen's size for a role: supported, another big enough size, or too small."""
    sizes = supported_text()
    shown = size_text(size)
    if size in SUPPORTED_SIZES:
        return ok("display.supported", size=shown)
    width, height = size
    portrait = height > width
    big_enough = (
        width >= 1080 and height >= 1920
        if portrait
        else width >= MINIMUM[0] and height >= MINIMUM[1]
    )
    if big_enough:
        return warn("display.unlisted", size=shown, sizes=sizes)
    return fail("display.too_small", size=shown, role=role, sizes=sizes)


def check_display(role: str, screens: Sequence[tuple[int, int]]) -> list[Finding]:
    """A finding per screen; no screen at all fails where people look at one (door, kiosk)."""
    if not screens:
        make = warn if role == "organiser" else fail
        return [make("display.none", sizes=supported_text())]
    return [judge_screen(role, size) for size in screens]
