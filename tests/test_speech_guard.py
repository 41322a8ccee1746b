"""The voice guide never hangs the screen on a stuck speech-dispatcher: before each call into
Qt's speechd engine the daemon is asked a question with a short time limit, and an engine whose
daemon does not answer is abandoned (voice guidance off, the engine never called again).

The engine here is Qt's mock engine standing in for speechd (the guide is told it is speechd);
the daemon is a real Unix socket that takes connections and never answers, where
SPEECHD_ADDRESS says the daemon is.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.gui import speech
from kiosk.gui.speech import PRODUCTION_ENGINE, VoiceGuide


@pytest.fixture
def silent_daemon(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    path = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    yield path
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def test_a_daemon_that_stops_answering_turns_voice_off_without_freezing(qapp, silent_daemon):
    guide = VoiceGuide("mock", language="en")
    guide.set_enabled(True)
    guide.engine_name = PRODUCTION_ENGINE  # from now on it is guarded like speechd
    lost: list[bool] = []
    guide.engine_lost.connect(lambda: lost.append(True))
    started = time.monotonic()
    assert guide.say("Welcome") is None
    assert time.monotonic() - started < 2.0  # the probe's time limit, not for ever
    assert lost == [True] and not guide.available and guide.tts is None
    # Nothing touches the engine again: every control is silent and immediate.
    started = time.monotonic()
    guide.stop()
    guide.set_volume(0.3)
    guide.set_rate(0.5)
    assert guide.repeat() is None and not guide.set_language("ko")
    guide.reset()
    assert time.monotonic() - started < 0.5
    assert speech.speechd_in_use()  # the app will end without freeing it
