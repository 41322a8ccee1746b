"""A child process for the sound tests: runs one real part of the app and says what it did as
one JSON line on stdout. The test records the sound server meanwhile (tests/test_sound.py).

    python tests/sound_driver.py door admit|deny FOLDER   # the door screen scans one badge
    python tests/sound_driver.py speak ko|en TEXT         # the voice guide (speechd) says TEXT
    python tests/sound_driver.py kiosk DB SECONDS         # the whole app (main.py's main) in
                                                          # kiosk mode, voice on, for SECONDS

Run with QT_QPA_PLATFORM=offscreen and the sound server in PULSE_SERVER.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SCANS = {"admit": "X-0101", "deny": "X-0102"}  # NS1 at 10:31: admitted, not invited


def report(value: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def wait(app: QApplication, until, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return False


def door(kind: str, folder: Path) -> int:
    from kiosk.core.clock import parse_at
    from kiosk.demo.demo_event import build_demo_event
    from kiosk.gui.app import build_shell
    from kiosk.services.issuing import issue_codes

    app = QApplication(sys.argv[:1])
    db = build_demo_event(folder / "demo.sqlite")
    window = build_shell(app, db, "door", "en")
    window.show()
    screen: Any = window.current_screen()
    codes = dict(issue_codes(window.context.conn, None))
    moment = parse_at("2019-09-30T10:31", window.context.event.tz)
    screen.controller.clock = lambda: moment
    screen.controller.set_session("NS1")
    wait(app, lambda: False, 1.0)  # the sound device opens
    screen.handle_scan(codes[SCANS[kind]])
    started = wait(app, screen.sounds.playing, 5.0)
    finished = wait(app, lambda: not screen.sounds.playing(), 10.0)
    wait(app, lambda: False, 0.3)
    report(
        {
            "verdict": screen.verdict.reason.value if screen.verdict.reason else "admitted",
            "admitted": screen.verdict.admitted,
            "played": screen.sounds.last_played,
            "started": started,
            "finished": finished,
        }
    )
    return 0


def speak(language: str, text: str) -> int:
    from PySide6.QtTextToSpeech import QTextToSpeech

    from kiosk.gui.speech import VoiceGuide

    app = QApplication(sys.argv[:1])
    guide = VoiceGuide("speechd", language=language)
    guide.set_enabled(True)
    states: list[str] = []
    assert guide.tts is not None
    guide.tts.stateChanged.connect(lambda state: states.append(state.name))
    said = guide.say(text)
    began = wait(app, lambda: "Speaking" in states, 15.0)
    ended = wait(
        app, lambda: guide.tts is not None and guide.tts.state() == QTextToSpeech.State.Ready, 30.0
    )
    wait(app, lambda: False, 0.3)
    voice = guide.tts.voice().name() if guide.tts is not None else None
    report({"said": said, "voice": voice, "began": began, "ended": ended, "states": states})
    return 0


def kiosk(db: Path, seconds: float) -> int:
    """The real app in kiosk mode; voice on and a page spoken; the UI's longest stall measured;
    then the app is closed the way a person would (quit), and main() returns."""
    from kiosk.gui.app import main
    from kiosk.gui.shell.window import ShellWindow

    app = QApplication(sys.argv[:1])
    ticks: list[float] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start(50)
    events: dict[str, Any] = {}

    def voice_on() -> None:
        ticks.clear()  # stalls count from here: the engine started during the warm-up
        window = next(w for w in app.topLevelWidgets() if isinstance(w, ShellWindow))
        voice = window.current_screen().voice  # type: ignore[attr-defined]
        voice.set_enabled(True)
        events["spoken"] = voice.speak_notice("Welcome. Please scan the code on your badge.")
        events["available"] = voice.available
        bar = window.current_screen().voice_bar  # type: ignore[attr-defined]
        events["voice_bar_says_unavailable"] = not bar.unavailable.isHidden()

    def close() -> None:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, ShellWindow))
        window.current_screen().voice.speak_notice("Goodbye")  # type: ignore[attr-defined]
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        events["longest_stall_s"] = round(max(gaps, default=0.0), 3)
        events["quit_at"] = time.monotonic()  # the same clock in every process (Linux)
        report(events)
        app.quit()

    QTimer.singleShot(6000, voice_on)  # after the app's warm-up of the engine (at 3 s)
    QTimer.singleShot(round(seconds * 1000), close)
    return main(["--mode", "kiosk", "--db", str(db), "--language", "en"])


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "door":
        raise SystemExit(door(rest[0], Path(rest[1])))
    if command == "speak":
        raise SystemExit(speak(rest[0], rest[1]))
    if command == "kiosk":
        raise SystemExit(kiosk(Path(rest[0]), float(rest[1])))
    raise SystemExit(f"unknown command {command}")
