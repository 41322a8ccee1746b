"""Synthesise the door screen's sounds into resources/sounds/ (pure Python, `wave` module).

Each verdict has its own pitch pattern, so staff can tell them apart without looking:

- admit: a quick rising triad (C5 E5 G5), bright and short;
- welcome back: two equal high pips (G5 G5);
- deny: two low, longer, falling notes (A3 F3), calm rather than harsh;
- exit: one soft falling step (E5 C5).

And the kiosk's staff call (also on the organisers' screen): a slow two-tone chime (B5 G5),
longer than any verdict, so that staff hear that someone is waiting.

The output is deterministic (no randomness), so running the script again gives the same bytes.
Run: `python scripts/make_sounds.py [OUTDIR]`.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
VOLUME = 0.45
OUT_DIR = Path(__file__).resolve().parents[1] / "resources" / "sounds"

# (frequency in Hz, duration in s); a frequency of 0 is a pause.
PATTERNS: dict[str, list[tuple[float, float]]] = {
    "admit": [(523.25, 0.09), (659.25, 0.09), (783.99, 0.16)],
    "welcome_back": [(783.99, 0.08), (0.0, 0.06), (783.99, 0.08)],
    "deny": [(220.00, 0.26), (0.0, 0.04), (174.61, 0.34)],
    "exit": [(659.25, 0.10), (523.25, 0.18)],
    "chime": [(987.77, 0.30), (0.0, 0.05), (783.99, 0.50)],
}


def _note(frequency: float, seconds: float) -> list[float]:
    """A sine note with a soft attack and release (no clicks), or silence."""
    count = int(RATE * seconds)
    if frequency <= 0:
        return [0.0] * count
    ramp = max(1, int(RATE * 0.012))
    samples = []
    for i in range(count):
        envelope = min(1.0, i / ramp, (count - 1 - i) / ramp)
        t = i / RATE
        # A little second harmonic makes small laptop speakers carry the low notes.
        value = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        samples.append(envelope * value / 1.25)
    return samples


def synthesise(pattern: list[tuple[float, float]]) -> bytes:
    """16-bit little-endian mono PCM for a pattern of notes."""
    samples: list[float] = []
    for frequency, seconds in pattern:
        samples.extend(_note(frequency, seconds))
    samples.extend([0.0] * int(RATE * 0.02))
    return b"".join(struct.pack("<h", round(VOLUME * 32767 * s)) for s in samples)


def write_sounds(out_dir: Path = OUT_DIR) -> list[Path]:
    """Write every pattern as `<name>.wav` into `out_dir`; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, pattern in PATTERNS.items():
        path = out_dir / f"{name}.wav"
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(synthesise(pattern))
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR
    for written_path in write_sounds(target):
        print(f"wrote {written_path}")
