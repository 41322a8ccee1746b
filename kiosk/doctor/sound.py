"""The sound output: a sound server answers and plays into a real device (kiosk.services.audio:
the same answer the kiosk acts on before it starts speech)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping

from kiosk.doctor.findings import Finding, Maker, fail, ok, warn
from kiosk.services.audio import alsa_cards, pulse_output


def check_sound(
    env: Mapping[str, str] | None = None, *, required: bool = True, timeout_s: float = 5.0
) -> list[Finding]:
    """One finding: where the sound goes, or why none comes out."""
    env = os.environ if env is None else env
    problem: Maker = fail if required else warn
    if shutil.which("pactl", path=env.get("PATH")) is None:
        cards = alsa_cards()
        if cards:
            return [ok("audio.ok", sink=cards[0])]
        return [warn("audio.no_tools")]
    found = pulse_output(env, timeout_s)
    if found is None:
        return [problem("audio.no_server")]
    if not found.audible:
        return [problem("audio.no_device", sink=found.sink)]
    return [ok("audio.ok", sink=found.sink)]
