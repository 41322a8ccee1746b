"""The sound output: a sound server answers and plays into a real device.

Asked with `pactl` (PulseAudio's client; PipeWire answers it too), with a time limit. A server
without any device plays into its stand-in sink `auto_null`: nothing comes out.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping

from kiosk.doctor.findings import Finding, Maker, fail, ok, warn

NULL_SINKS = ("auto_null",)


def _pactl(env: Mapping[str, str], timeout_s: float, *args: str) -> str | None:
    """pactl's output, or None when the server does not answer; FileNotFoundError without it."""
    try:
        done = subprocess.run(
            ["pactl", *args],
            env={**env, "LC_ALL": "C"},
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    return done.stdout if done.returncode == 0 else None


def check_sound(
    env: Mapping[str, str] | None = None, *, required: bool = True, timeout_s: float = 5.0
) -> list[Finding]:
    """One finding: where the sound goes, or why none comes out."""
    env = os.environ if env is None else env
    problem: Maker = fail if required else warn
    try:
        info = _pactl(env, timeout_s, "info")
        sinks = _pactl(env, timeout_s, "list", "short", "sinks") if info is not None else None
    except FileNotFoundError:
        return [warn("audio.no_tools")]
    if info is None or sinks is None:
        return [problem("audio.no_server")]
    names = [line.split("\t")[1] for line in sinks.splitlines() if line.count("\t") >= 1]
    default = next(
        (
            line.split(":", 1)[1].strip()
            for line in info.splitlines()
            if line.startswith("Default Sink:")
        ),
        names[0] if names else "",
    )
    if not names or default in NULL_SINKS or default not in names:
        return [problem("audio.no_device", sink=default or "none")]
    return [ok("audio.ok", sink=default)]
