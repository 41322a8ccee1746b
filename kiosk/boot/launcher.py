"""The kiosk session: start the app full screen and start it again whenever it ends.

    python -m kiosk.boot.launcher --mode kiosk --db PATH [--hub URL] [--language ko]

The systemd unit of scripts/install-kiosk-service runs this under `cage` (a Wayland compositor
that shows one application full screen). When the app ends (a crash, a kill, an organiser
quitting it), the launcher starts it again after RESTART_DELAY_S, so a guest sees the kiosk back
within a few seconds and cage, the session and the sound stay up. An app that keeps ending
within QUICK_EXIT_S of its start is started again more slowly (up to MAX_DELAY_S), so a broken
machine does not spin. systemd restarts cage and this launcher in turn if they end.

SIGTERM, SIGINT or SIGHUP (systemd stopping the unit) end the app (SIGTERM, then SIGKILL after
STOP_TIMEOUT_S) and then the launcher. Every start and end is one line on stderr (the journal).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

PROJECT = Path(__file__).resolve().parents[2]
RESTART_DELAY_S = 0.5
QUICK_EXIT_S = 10.0
MAX_DELAY_S = 4.0
STOP_TIMEOUT_S = 10.0
MODES = ("door", "kiosk", "organiser")


def say(message: str) -> None:
    sys.stderr.write(f"kiosk-session: {message}\n")
    sys.stderr.flush()


def app_command(args: argparse.Namespace) -> list[str]:
    """main.py full screen in the chosen mode, with this Python."""
    command = [sys.executable, str(PROJECT / "main.py"), "--fullscreen", "--mode", args.mode]
    if args.db is not None:
        command += ["--db", str(args.db)]
    if args.hub:
        command += ["--hub", args.hub]
    if args.language:
        command += ["--language", args.language]
    return command


def restart_delay(quick_exits: int) -> float:
    """How long to wait before the next start, after `quick_exits` quick ends in a row."""
    if quick_exits <= 1:
        return RESTART_DELAY_S
    return float(min(RESTART_DELAY_S * 2 ** (quick_exits - 1), MAX_DELAY_S))


def how_it_ended(code: int) -> str:
    if code < 0:
        try:
            return f"was ended by {signal.Signals(-code).name}"
        except ValueError:
            return f"was ended by signal {-code}"
    return f"exited with {code}"


class Supervisor:
    """Runs the app, and runs it again; stops on a signal."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)
        self.child: subprocess.Popen[bytes] | None = None
        self.stopping = False

    def stop(self, signum: int, _frame: FrameType | None = None) -> None:
        self.stopping = True
        child = self.child
        if child is not None and child.poll() is None:
            say(f"stopping the app (pid {child.pid}) on {signal.Signals(signum).name}")
            child.terminate()

    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self.stop)
        quick_exits = 0
        while not self.stopping:
            started = time.monotonic()
            try:
                self.child = subprocess.Popen(self.command)
            except OSError as exc:
                say(f"cannot start the app: {exc}")
                return 1
            say(f"app started (pid {self.child.pid}): {' '.join(self.command[1:])}")
            code = self._wait()
            ran = time.monotonic() - started
            if self.stopping:
                say(f"app {how_it_ended(code)}; the session ends")
                return 0
            quick_exits = quick_exits + 1 if ran < QUICK_EXIT_S else 1
            delay = restart_delay(quick_exits)
            say(f"app {how_it_ended(code)} after {ran:.1f} s; starting it again in {delay:g} s")
            self._sleep(delay)
        return 0

    def _wait(self) -> int:
        child = self.child
        assert child is not None
        while True:
            try:
                return child.wait(timeout=STOP_TIMEOUT_S if self.stopping else None)
            except subprocess.TimeoutExpired:
                say(f"the app (pid {child.pid}) did not stop: killing it")
                child.kill()
            except InterruptedError:
                continue

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.05, max(deadline - time.monotonic(), 0)))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.boot.launcher",
        description="Run the app full screen, and run it again whenever it ends.",
    )
    parser.add_argument("--mode", choices=MODES, default="kiosk")
    parser.add_argument("--db", type=Path, help="event database (default: the demo event)")
    parser.add_argument("--hub", metavar="URL", help="the organisers' hub to sync with")
    parser.add_argument("--language", choices=["ko", "en"], help="the screens' first language")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "wayland")  # cage is a Wayland compositor
    return Supervisor(app_command(args)).run()


if __name__ == "__main__":
    raise SystemExit(main())
