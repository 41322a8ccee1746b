"""Run the real app in a real X11 window and type into it as a person or a scanner would.

`python tests/real_window.py DB MODE ACTIONS_JSON` runs inside `xvfb-run` (see `run_in_x`): it
starts openbox (a window manager, so focus and activation work as on a desktop), starts main.py
on DB in MODE, waits for its "ready" line, then runs each action: ["type", text, delay_ms]
types with xdotool at that speed ("\\n" presses Return, "\\t" Tab), ["key", name] presses one
key, ["sleep", seconds] waits, ["shot", path] saves a picture of the screen (ImageMagick's
import, if present), ["active"] prints the active window's name.
Then it ends the app with SIGTERM (every check-in is committed before it is shown).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TOOLS = ("xvfb-run", "xdotool", "openbox")


def missing_tools() -> list[str]:
    """The X11 tools this needs that the machine lacks."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def run_in_x(
    db: Path, mode: str, actions: list[list[object]], *, size: str = "1366x768", timeout: int = 90
) -> subprocess.CompletedProcess[str]:
    """Run the actions against the app in a fresh X server of `size`; the driver's output."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    return subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            f"-screen 0 {size}x24",
            sys.executable,
            str(Path(__file__).resolve()),
            str(db),
            mode,
            json.dumps(actions),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=PROJECT,
    )


def _drive(db: str, mode: str, actions: list[list[object]]) -> int:
    openbox = subprocess.Popen(
        ["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ
    )
    app = subprocess.Popen(
        [sys.executable, str(PROJECT / "main.py"), "--db", db, "--mode", mode, "--language", "en"],
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
    )
    try:
        assert app.stderr is not None
        deadline = time.monotonic() + 60
        for line in app.stderr:
            sys.stderr.write(line)
            if "main.py: ready" in line or time.monotonic() > deadline:
                break
        # Keep reading what the app says, so it never blocks on a full pipe.
        threading.Thread(
            target=shutil.copyfileobj, args=(app.stderr, sys.stderr), daemon=True
        ).start()
        window = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", " — "],
            capture_output=True,
            text=True,
            timeout=20,
        ).stdout.split()
        if window:
            subprocess.run(["xdotool", "windowactivate", "--sync", window[0]], timeout=10)
        time.sleep(0.5)
        for action in actions:
            kind = action[0]
            if kind == "type":
                text, delay = str(action[1]), int(str(action[2]))
                subprocess.run(["xdotool", "type", "--delay", str(delay), text], timeout=30)
            elif kind == "key":
                subprocess.run(["xdotool", "key", str(action[1])], timeout=10)
            elif kind == "sleep":
                time.sleep(float(str(action[1])))
            elif kind == "shot" and shutil.which("import"):
                subprocess.run(["import", "-window", "root", str(action[1])], timeout=20)
            elif kind == "active":
                active = subprocess.run(
                    ["xdotool", "getactivewindow", "getwindowname"], capture_output=True, text=True
                )
                print(f"driver: active window {active.stdout.strip()!r}", flush=True)
        time.sleep(0.5)
        print("driver: done", flush=True)
        return 0
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
        openbox.terminate()
        openbox.wait(10)


if __name__ == "__main__":
    raise SystemExit(_drive(sys.argv[1], sys.argv[2], json.loads(sys.argv[3])))
