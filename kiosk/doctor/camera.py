"""Cameras the kernel sees (Video4Linux), for the scanner panel's codes on phone screens."""

from __future__ import annotations

from pathlib import Path

from kiosk.doctor.findings import Finding, ok, warn

VIDEO_ROOT = Path("/sys/class/video4linux")


def cameras(root: Path = VIDEO_ROOT) -> list[str]:
    """The name of each camera (its first capture node; a camera's metadata nodes skipped)."""
    names = []
    for node in sorted(root.glob("video*")):
        try:
            index = (node / "index").read_text().strip() if (node / "index").exists() else "0"
            name = (node / "name").read_text().strip()
        except OSError:
            continue
        if index == "0" and name:
            names.append(name)
    return names


def check_camera(root: Path = VIDEO_ROOT) -> list[Finding]:
    found = cameras(root)
    if not found:
        return [warn("camera.none")]
    return [ok("camera.ok", names=", ".join(found))]
