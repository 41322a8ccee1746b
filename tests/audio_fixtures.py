"""Real sound for tests: a PulseAudio server of their own with a null sink (a sound card that
plays into a buffer), a recorder of what reaches it (`parec` on the sink's monitor), and
speech-dispatcher started in a runtime folder of their own.

Nothing here touches the machine's own sound or speech: the server listens on a socket in the
test's temporary folder, and children are pointed at it with PULSE_SERVER; speech-dispatcher's
socket is in the test's XDG_RUNTIME_DIR. CI runs as root on a machine without a session, so the
tests start every daemon themselves and stop it afterwards (by the pid they started).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SINK = "kiosk_test"
RATE = 16_000  # what the recorder asks for: plenty for beeps and speech
WINDOW_S = 0.01
SILENCE = 300  # peak amplitude (of 32767) below which a 10 ms window counts as silent


def missing_tools(*tools: str) -> str | None:
    """Why a sound test cannot run here (tools scripts/setup installs), or None."""
    absent = [tool for tool in tools if shutil.which(tool) is None]
    if absent:
        return f"{', '.join(absent)} not installed (scripts/setup installs them)"
    return None


def _wait_for(check, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} did not come up within {timeout_s:g} s")


@dataclass
class PulseServer:
    """A PulseAudio daemon with one null sink, listening on a socket in `folder`."""

    folder: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def socket(self) -> Path:
        return self.folder / "native"

    @property
    def env(self) -> dict[str, str]:
        """What a child needs to play into this server."""
        return {"PULSE_SERVER": f"unix:{self.socket}"}

    def start(self) -> PulseServer:
        home = self.folder / "home"
        runtime = self.folder / "runtime"
        for path in (home, runtime):
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "LC_ALL": "C",
        }
        log = (self.folder / "pulseaudio.log").open("wb")
        self.process = subprocess.Popen(
            [
                "pulseaudio",
                "-n",  # no default.pa: only the modules below
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "--log-target=stderr",
                "-L",
                f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
                "-L",
                f"module-null-sink sink_name={SINK}",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        _wait_for(self.answers, 15, "PulseAudio")
        return self

    def answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            log = (self.folder / "pulseaudio.log").read_text(errors="replace")
            raise AssertionError(f"pulseaudio exited {self.process.returncode}: {log[-500:]}")
        done = subprocess.run(
            ["pactl", "info"],
            env={**os.environ, **self.env},
            capture_output=True,
            timeout=10,
            check=False,
        )
        return done.returncode == 0

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    @contextlib.contextmanager
    def recording(self, path: Path) -> Iterator[Recording]:
        """Record everything played into the sink while the block runs."""
        recording = Recording(path, self)
        recording.start()
        try:
            yield recording
        finally:
            recording.stop()


@dataclass
class Recording:
    """Raw 16-bit mono samples at RATE from the null sink's monitor, written to `path`."""

    path: Path
    server: PulseServer
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        handle = self.path.open("wb")
        self.process = subprocess.Popen(
            [
                "parec",
                "-d",
                f"{SINK}.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=20",
            ],
            env={**os.environ, **self.server.env},
            stdout=handle,
            stderr=subprocess.DEVNULL,
        )
        handle.close()
        # The recorder is connected once the server lists it as a source output.
        _wait_for(self._connected, 10, "parec")

    def _connected(self) -> bool:
        done = subprocess.run(
            ["pactl", "list", "short", "source-outputs"],
            env={**os.environ, **self.server.env},
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return bool(done.stdout.strip())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            time.sleep(0.3)  # the last buffer
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def samples(self) -> np.ndarray:
        data = self.path.read_bytes()
        return np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2")


def audible(samples: np.ndarray, rate: int, silence: int = SILENCE) -> tuple[float, float]:
    """(first, last) second with sound above `silence`; (0, 0) when there is none."""
    window = max(1, int(rate * WINDOW_S))
    count = len(samples) // window
    if count == 0:
        return 0.0, 0.0
    peaks = np.abs(samples[: count * window].astype(np.int32)).reshape(count, window).max(axis=1)
    loud = np.flatnonzero(peaks > silence)
    if len(loud) == 0:
        return 0.0, 0.0
    return loud[0] * WINDOW_S, (loud[-1] + 1) * WINDOW_S


def audible_seconds(samples: np.ndarray, rate: int, silence: int = SILENCE) -> float:
    """From the first sound to the last, in seconds (0 for silence)."""
    first, last = audible(samples, rate, silence)
    return last - first


def wav_samples(path: Path) -> tuple[np.ndarray, int]:
    """A 16-bit WAV file's samples (its first channel) and its rate."""
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2, f"{path} is not 16-bit"
        frames = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        channels = wav.getnchannels()
        return frames[::channels], wav.getframerate()


def stop_speechd(runtime: Path) -> None:
    """Stop the speech-dispatcher a test's child started in `runtime` (by its pid file)."""
    for pid_file in (runtime / "speech-dispatcher" / "pid").glob("*.pid"):
        with contextlib.suppress(ValueError, ProcessLookupError, OSError):
            pid = int(pid_file.read_text().strip())
            os.kill(pid, signal.SIGKILL)
