"""The door's sounds: one WAV per verdict kind, played with QSoundEffect.

A machine without an audio device (or without the files) stays silent and nothing else changes:
every sound has a visual cue on the verdict panel, so the sound is only ever a second signal.
The WAV files are made by scripts/make_sounds.py.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

SOUNDS_DIR = Path(__file__).resolve().parents[3] / "resources" / "sounds"
SOUND_NAMES = ("admit", "welcome_back", "deny", "exit", "chime")  # chime: a staff call


class DoorSounds(QObject):
    """Plays a named sound; failures are logged and never raised."""

    def __init__(self, directory: Path = SOUNDS_DIR, volume: float = 0.8) -> None:
        super().__init__()
        self.last_played: str | None = None  # the last sound asked for (also when silent)
        self.muted = False
        self._effects: dict[str, QSoundEffect] = {}
        try:
            from PySide6 import QtMultimedia
        except ImportError:  # QtMultimedia or its system libraries missing: stay silent
            log.warning("QtMultimedia is not available: the door is silent")
            return
        for name in SOUND_NAMES:
            path = directory / f"{name}.wav"
            if not path.is_file():
                log.warning("sound %s is missing", path)
                continue
            effect = QtMultimedia.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(volume)
            self._effects[name] = effect

    def available(self, name: str) -> bool:
        """True when the sound's file was found (whether a device can play it is another matter)."""
        return name in self._effects

    def playing(self) -> bool:
        """Whether any sound is being played now."""
        return any(effect.isPlaying() for effect in self._effects.values())

    def play(self, name: str) -> None:
        """Play a sound from the start; silently nothing when it cannot be played."""
        self.last_played = name
        effect = self._effects.get(name)
        if effect is None or self.muted:
            return
        try:
            effect.stop()
            effect.play()
        except RuntimeError:
            log.warning("sound %s could not be played", name, exc_info=True)
