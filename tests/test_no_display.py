"""A machine without a display: the app says in one line what to do and exits 2 (not Qt's abort
with a list of plugins); the screenshot tool draws offscreen by itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.services.display import display_problem, draw_offscreen_without_display

PROJECT = Path(__file__).resolve().parent.parent
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def bare_env(**extra: str) -> dict[str, str]:
    """This machine's environment as a console login without a desktop would have it."""
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    env.update(extra)
    return env


@pytest.fixture
def compositor_socket(tmp_path: Path) -> Iterator[Path]:
    """A listening Unix socket where a Wayland compositor would be."""
    path = tmp_path / "wayland-7"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    yield path
    server.close()


def test_no_display_variables_is_a_problem_with_advice():
    problem = display_problem({})
    assert problem is not None
    assert "DISPLAY and WAYLAND_DISPLAY are not set" in problem
    assert "QT_QPA_PLATFORM=offscreen" in problem and "xvfb-run" in problem


def test_a_display_named_but_not_answering_is_a_problem():
    assert "no display answers at DISPLAY=:87" in (display_problem({"DISPLAY": ":87"}) or "")
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": "/nonexistent"}
    assert "WAYLAND_DISPLAY=wayland-9" in (display_problem(env) or "")


def test_a_listening_wayland_compositor_is_a_display(compositor_socket: Path):
    runtime = str(compositor_socket.parent)
    env = {"WAYLAND_DISPLAY": compositor_socket.name, "XDG_RUNTIME_DIR": runtime}
    assert display_problem(env) is None
    assert display_problem({**env, "QT_QPA_PLATFORM": "wayland"}) is None
    # ...but not for an app told to use X.
    assert display_problem({**env, "QT_QPA_PLATFORM": "xcb"}) is not None


@pytest.mark.parametrize("platform", ["offscreen", "eglfs", "minimal", "vnc:size=800x600"])
def test_platforms_without_a_display_server_are_trusted(platform: str):
    assert display_problem({"QT_QPA_PLATFORM": platform}) is None


def test_drawing_tools_switch_to_offscreen_only_without_a_display(compositor_socket: Path):
    env: dict[str, str] = {}
    assert draw_offscreen_without_display(env) and env["QT_QPA_PLATFORM"] == "offscreen"
    env = {"WAYLAND_DISPLAY": str(compositor_socket)}
    assert not draw_offscreen_without_display(env) and "QT_QPA_PLATFORM" not in env


def test_the_app_without_a_display_says_what_to_do_in_one_line_and_exits_2(tmp_path):
    done = subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--db", str(tmp_path / "x.sqlite")],
        env=bare_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("main.py: no display")
    assert "xvfb-run" in lines[0] and "plugin" not in done.stderr
    assert not (tmp_path / "x.sqlite").exists()  # nothing was made


def test_screenshots_without_a_display_are_drawn_offscreen(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.screenshots", str(tmp_path), "--only", "door"],
        env=bare_env(),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pictures = sorted(tmp_path.glob("door-*.png"))
    assert len(pictures) > 10
    assert all(p.stat().st_size > 5_000 for p in pictures)
