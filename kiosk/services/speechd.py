"""Speaking to speech-dispatcher's socket directly (its SSIP protocol), always with a time limit.

Qt's speechd engine waits for the daemon on the UI thread without a time limit, and a daemon
stuck on an audio device that never drains accepts connections and never answers. So the kiosk
asks first (`speechd_answers`), and `kiosk doctor` asks which voices it has (`synthesis_voices`):
both here, in plain Python (no Qt), each question bounded by a timeout.

SSIP: a request is one line ending in CRLF; the answer is lines `NNN-text` and a last line
`NNN text`, where NNN starting with 2 means success.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MAX_ANSWER_BYTES = 4 * 1024 * 1024  # the voice list of espeak-ng is about 0.5 MB
SPAWN_WAIT_S = 5.0


class SpeechdSilent(Exception):
    """speech-dispatcher accepted the connection but did not answer in time (or refused)."""


def speechd_socket(env: Mapping[str, str] | None = None) -> Path:
    """Where speech-dispatcher listens (its own default, unless SPEECHD_ADDRESS names a socket)."""
    env = os.environ if env is None else env
    address = env.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime) / "speech-dispatcher" / "speechd.sock"
    return Path(env.get("HOME", str(Path.home()))) / ".cache" / "speech-dispatcher" / "speechd.sock"


def speechd_answers(timeout_s: float = 2.0, path: Path | None = None) -> bool:
    """Whether speech-dispatcher can be used without hanging the kiosk.

    This asks it one harmless question with a time limit. No daemon at all is fine (True): the
    engine starts one."""
    where = path or speechd_socket()
    if not where.exists():
        return True
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(timeout_s)
            try:
                probe.connect(str(where))
            except (ConnectionRefusedError, FileNotFoundError):
                return True  # a stale socket of a daemon that is gone: the engine starts one
            probe.sendall(b"SET SELF CLIENT_NAME kiosk:kiosk:probe\r\n")
            reply = probe.recv(256)
            probe.sendall(b"QUIT\r\n")
            return reply[:1] == b"2"
    except OSError:
        return False


@dataclass(frozen=True)
class Voice:
    """One synthesis voice: its name, language code (`ko`, `en-us`) and variant."""

    name: str
    language: str
    variant: str


class _Session:
    """One SSIP connection with a deadline for every answer."""

    def __init__(self, path: Path, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout_s)
        self.sock.connect(str(path))
        self.buffer = b""

    def ask(self, request: str) -> list[str]:
        """The answer's lines (without their codes); SpeechdSilent when it does not come."""
        self.sock.sendall(request.encode() + b"\r\n")
        deadline = time.monotonic() + self.timeout_s
        lines: list[str] = []
        while True:
            while b"\r\n" not in self.buffer:
                if time.monotonic() > deadline or len(self.buffer) > MAX_ANSWER_BYTES:
                    raise SpeechdSilent(f"no answer to {request.split()[0]} in time")
                try:
                    chunk = self.sock.recv(65536)
                except TimeoutError as exc:
                    raise SpeechdSilent(f"no answer to {request.split()[0]} in time") from exc
                if not chunk:
                    raise SpeechdSilent("speech-dispatcher closed the connection")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\r\n", 1)
            line = raw.decode("utf-8", "replace")
            if len(line) >= 4 and line[3] == "-":
                lines.append(line[4:])
                continue
            if not line.startswith("2"):
                raise SpeechdSilent(f"speech-dispatcher refused {request.split()[0]}: {line}")
            return lines

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.sendall(b"QUIT\r\n")
        self.sock.close()


def start_speechd(path: Path, env: Mapping[str, str] | None = None) -> bool:
    """Start speech-dispatcher the way its client library does (`--spawn`) and wait for its
    socket; False when it is not installed or does not come up."""
    program = shutil.which("speech-dispatcher", path=(env or os.environ).get("PATH"))
    if program is None:
        return False
    try:
        subprocess.run(
            [program, "--spawn", "--communication-method", "unix_socket"]
            + ["--socket-path", str(path)],
            env=dict(env) if env is not None else None,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=SPAWN_WAIT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    deadline = time.monotonic() + SPAWN_WAIT_S
    while time.monotonic() < deadline:
        if path.exists():
            return True
        time.sleep(0.05)
    return False


def synthesis_voices(path: Path, timeout_s: float = 3.0) -> tuple[list[str], list[Voice]]:
    """(output modules, voices) speech-dispatcher offers; SpeechdSilent when it does not answer
    in time, OSError when nobody listens at `path`."""
    session = _Session(path, timeout_s)
    try:
        session.ask("SET SELF CLIENT_NAME kiosk:kiosk:doctor")
        modules = session.ask("LIST OUTPUT_MODULES")
        voices = []
        for line in session.ask("LIST SYNTHESIS_VOICES"):
            parts = line.split("\t")
            if len(parts) >= 2:
                voices.append(Voice(parts[0], parts[1], parts[2] if len(parts) > 2 else "none"))
        return modules, voices
    finally:
        session.close()
