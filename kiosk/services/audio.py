"""Is there somewhere for sound to go? Asked of the sound server (PulseAudio, or PipeWire's
PulseAudio service) with `pactl` and a time limit, else of the kernel's sound cards.

The kiosk asks before it starts speech-dispatcher: without a sound device the daemon "speaks"
for ever into nothing and then never answers the engine again, which would freeze the screen.
`kiosk doctor` reports the same answer. Plain Python, no Qt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

NULL_SINKS = ("auto_null",)  # PulseAudio's stand-in when it has no device: plays into nothing
ALSA_CARDS = Path("/proc/asound/cards")


@dataclass(frozen=True)
class AudioOutput:
    """Where sound goes: `server` (pulse, alsa, none), the sink or card, and whether a person
    could hear it (`audible`)."""

    server: str
    sink: str
    audible: bool


def _pactl(env: Mapping[str, str], timeout_s: float, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["pactl", *args],
            env={**env, "LC_ALL": "C"},
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    except (subprocess.TimeoutExpired, OSError):
        return None
    return done.stdout if done.returncode == 0 else None


def pulse_output(env: Mapping[str, str], timeout_s: float) -> AudioOutput | None:
    """The sound server's default sink, or None when no server answers."""
    info = _pactl(env, timeout_s, "info")
    sinks = _pactl(env, timeout_s, "list", "short", "sinks") if info is not None else None
    if info is None or sinks is None:
        return None
    names = [line.split("\t")[1] for line in sinks.splitlines() if line.count("\t") >= 1]
    default = names[0] if names else ""
    for line in info.splitlines():
        if line.startswith("Default Sink:"):
            default = line.split(":", 1)[1].strip()
    audible = bool(default) and default in names and default not in NULL_SINKS
    return AudioOutput("pulse", default or "none", audible)


def alsa_cards(path: Path = ALSA_CARDS) -> list[str]:
    """The kernel's sound cards (their names), [] when there are none."""
    try:
        text = path.read_text()
    except OSError:
        return []
    cards = []
    for line in text.splitlines():
        head, _, name = line.partition("]:")
        if head.strip()[:1].isdigit():
            cards.append(name.strip() or head.strip())
    return cards


def audio_output(env: Mapping[str, str] | None = None, timeout_s: float = 2.0) -> AudioOutput:
    """Where sound would go now. With `pactl` installed the sound server decides; without it,
    any sound card the kernel has counts."""
    env = os.environ if env is None else env
    if shutil.which("pactl", path=env.get("PATH")) is not None:
        found = pulse_output(env, timeout_s)
        if found is not None:
            return found
    cards = alsa_cards()
    if cards:
        return AudioOutput("alsa", cards[0], True)
    return AudioOutput("none", "none", False)
