"""Booting into the kiosk: the unit scripts/install-kiosk-service writes, and what it runs.

The unit runs `cage` with the supervised launcher (kiosk/boot/launcher.py) as its one client.
There is no running systemd here, so the test starts the very command line of the unit's
ExecStart itself: cage on its headless backend (a screen in memory), the launcher, the app on
Wayland. It kills the app the way a crash would and sees it on screen again within 5 s, under
the same cage; then stops the session the way systemd does (SIGTERM).

cage refuses to run as root, so as root the test runs it as `nobody`, allowed to read (only
read) the project and its Python wherever they are (CAP_DAC_READ_SEARCH).
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.boot.launcher import MAX_DELAY_S, RESTART_DELAY_S, how_it_ended, restart_delay
from kiosk.boot.unit import render_unit

PROJECT = Path(__file__).resolve().parent.parent
INSTALL = PROJECT / "scripts" / "install-kiosk-service"
READY = re.compile(
    r"main\.py: ready \((?P<mode>\w+) mode on (?P<platform>[\w-]+), (?P<size>\d+x\d+)\)"
)
STARTED = re.compile(r"kiosk-session: app started \(pid (?P<pid>\d+)\)")
BACK_WITHIN_S = 5.0


def unit_argv(unit: str) -> list[str]:
    line = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    return shlex.split(line.split("=", 1)[1])


# --- the unit and the install script ----------------------------------------------------------


def test_install_writes_a_unit_running_cage_with_the_launcher(tmp_path):
    done = subprocess.run(
        [str(INSTALL), "--mode", "door", "--hub", "http://10.0.0.5:8765", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    unit = (tmp_path / "etc/systemd/system/kiosk-app.service").read_text()
    assert "User=kiosk" in unit and "PAMName=login" in unit and "TTYPath=/dev/tty1" in unit
    assert "Restart=always" in unit and "Conflicts=getty@tty1.service" in unit
    argv = unit_argv(unit)
    assert argv[:3] == ["/usr/bin/cage", "-d", "--"]
    assert argv[3] == str(PROJECT / ".venv" / "bin" / "python")
    assert argv[4:] == [
        "-m",
        "kiosk.boot.launcher",
        "--mode",
        "door",
        "--db",
        "/home/kiosk/.local/share/kiosk/event.sqlite",
        "--hub",
        "http://10.0.0.5:8765",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mode", "stage"], "--mode must be"),
        (["--tty", "x"], "--tty must be"),
        (["-x"], "unknown"),
    ],
)
def test_install_refuses_bad_options_in_one_line(tmp_path, args, message):
    done = subprocess.run(
        [str(INSTALL), *args, "--root", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2 and message in done.stderr
    assert not (tmp_path / "etc").exists()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
@pytest.mark.skipif(shutil.which("cage") is None, reason="cage not installed (scripts/setup)")
@pytest.mark.parametrize("mode", ["door", "kiosk", "organiser"])
def test_systemd_accepts_the_unit(tmp_path, mode):
    path = tmp_path / "kiosk-app.service"
    path.write_text(render_unit(user="kiosk", mode=mode, db=tmp_path / "event.sqlite", tty=2))
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr  # not even a warning


def test_quick_ends_are_restarted_more_slowly_up_to_a_limit():
    assert restart_delay(1) == RESTART_DELAY_S
    delays = [restart_delay(n) for n in range(1, 10)]
    assert delays == sorted(delays) and delays[-1] == MAX_DELAY_S
    assert MAX_DELAY_S < BACK_WITHIN_S
    assert how_it_ended(-9) == "was ended by SIGKILL" and how_it_ended(2) == "exited with 2"


# --- the session under cage --------------------------------------------------------------------


@dataclass
class Session:
    """cage running the unit's command; its stderr lines with the moment each came."""

    process: subprocess.Popen[str]
    lines: queue.Queue[tuple[float, str]] = field(default_factory=queue.Queue)
    seen: list[tuple[float, str]] = field(default_factory=list)

    def read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, pattern: re.Pattern[str], timeout: float) -> tuple[float, re.Match[str]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                moment, line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.seen.append((moment, line))
            match = pattern.search(line)
            if match:
                return moment, match
        log = "\n".join(line for _, line in self.seen[-40:])
        raise AssertionError(f"no line like {pattern.pattern!r} within {timeout} s:\n{log}")


def session_env(home: Path, runtime: Path) -> dict[str, str]:
    drop = (
        "DISPLAY",
        "WAYLAND_DISPLAY",
        "QT_QPA_PLATFORM",
        "KIOSK_SPEECH_ENGINE",
        "SPEECHD_ADDRESS",
    )
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        {
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "WLR_BACKENDS": "headless",  # a screen in memory
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "WLR_RENDERER": "pixman",  # drawn by the CPU: no GPU here
            "PULSE_SERVER": f"unix:{runtime}/no-sound-server",  # no sound: voice stays off
            "QT_QPA_PLATFORM": "wayland",  # as the unit sets it
        }
    )
    return env


def as_session_user(root_owned: list[Path]) -> list[str]:
    """The command prefix that runs cage as an ordinary user (cage refuses root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run cage as another user than root")
    for path in root_owned:
        for item in [path, *path.rglob("*")]:
            os.chown(item, 65534, 65534)
    return [
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--inh-caps=+dac_read_search",
        "--ambient-caps=+dac_read_search",
    ]


@pytest.fixture
def cage_session(tmp_path) -> Iterator[Session]:
    for tool in ("cage", "Xwayland"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not installed (scripts/setup installs cage and xwayland)")
    from kiosk.demo.demo_event import build_demo_event

    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir(mode=0o700)
    runtime.mkdir(mode=0o700)
    db = build_demo_event(home / "event.sqlite")
    prefix = as_session_user([home, runtime])
    unit = render_unit(user="kiosk", mode="kiosk", db=db, python=sys.executable, language="en")
    argv = unit_argv(unit)
    process = subprocess.Popen(
        [*prefix, *argv],
        cwd=PROJECT,
        env=session_env(home, runtime),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    session = Session(process)
    threading.Thread(target=session.read, daemon=True).start()
    yield session
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


def test_a_killed_app_is_back_on_screen_within_5_seconds_under_the_same_cage(cage_session):
    session = cage_session
    _, first = session.wait_for(STARTED, 60)
    _, ready = session.wait_for(READY, 90)
    assert ready["mode"] == "kiosk" and ready["platform"] == "wayland"
    app = int(first["pid"])
    launcher = int(Path(f"/proc/{app}/stat").read_text().rsplit(")", 1)[1].split()[1])

    killed_at = time.monotonic()
    os.kill(app, signal.SIGKILL)
    _, again = session.wait_for(STARTED, BACK_WITHIN_S)
    back_at, ready = session.wait_for(READY, 60)
    assert int(again["pid"]) != app
    assert ready["platform"] == "wayland"
    assert any("app was ended by SIGKILL" in line for _, line in session.seen)
    assert session.process.poll() is None, "cage itself stayed up"
    assert back_at - killed_at < BACK_WITHIN_S, f"back after {back_at - killed_at:.1f} s"

    # systemd stopping the unit: SIGTERM; the app is stopped, the launcher and cage end.
    os.kill(launcher, signal.SIGTERM)
    session.wait_for(re.compile(r"kiosk-session: app was ended by SIGTERM; the session ends"), 15)
    assert session.process.wait(15) is not None
    if os.environ.get("KIOSK_SHOW_SESSION"):
        print("\n".join(f"{moment - killed_at:+7.2f} {line}" for moment, line in session.seen))
