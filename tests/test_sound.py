"""The sound is proven to come out: a real PulseAudio server with a null sink, its monitor
recorded while the app's own parts play into it.

- The door's admitted and denied verdicts each play their sound, whole: as long as its WAV.
- The voice guide speaks a Korean and an English sentence through speech-dispatcher and
  espeak-ng, as long as espeak-ng's own rendering of the same sentence with that voice.
- With no sound device at all, the kiosk app with voice on does not freeze, and closing it
  ends the process in bounded time (speech-dispatcher then never finishes speaking, and Qt's
  speechd engine would wait for it for ever when freed).

Each part runs in a child process (tests/sound_driver.py), pointed at the test's own server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from audio_fixtures import (
    PulseServer,
    audible_seconds,
    missing_tools,
    stop_speechd,
    wav_samples,
)

from kiosk.gui.door.sounds import SOUNDS_DIR

PROJECT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).resolve().parent / "sound_driver.py"
SENTENCES = {
    "ko": "안녕하세요. 배지의 코드를 스캐너에 대 주세요.",
    "en": "Welcome. Please hold the code on your badge under the scanner.",
}
ESPEAK_VOICES = {"ko": "ko", "en": "en-us"}

pytestmark = pytest.mark.skipif(
    missing_tools("pulseaudio", "parec", "pactl") is not None,
    reason=missing_tools("pulseaudio", "parec", "pactl") or "",
)


@pytest.fixture(scope="module")
def pulse(tmp_path_factory) -> Iterator[PulseServer]:
    server = PulseServer(tmp_path_factory.mktemp("pulse")).start()
    yield server
    server.stop()


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Path]:
    """A fresh XDG_RUNTIME_DIR: the speech-dispatcher a child starts lives and dies there."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    yield folder
    stop_speechd(folder)


def child_env(pulse_env: dict[str, str], runtime: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_SPEECH_ENGINE"}
    env.update(pulse_env)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QT_LOGGING_RULES"] = "*.warning=false"
    if runtime is not None:
        env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def drive(env: dict[str, str], *args: str, timeout: float = 120) -> dict:
    done = subprocess.run(
        [sys.executable, str(DRIVER), *args],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("kind", "sound"), [("admit", "admit"), ("deny", "deny")])
def test_a_verdict_at_the_door_plays_its_whole_sound(pulse, tmp_path, kind, sound):
    expected_samples, rate = wav_samples(SOUNDS_DIR / f"{sound}.wav")
    expected = audible_seconds(expected_samples, rate)
    with pulse.recording(tmp_path / "door.raw") as recording:
        result = drive(child_env(pulse.env), "door", kind, str(tmp_path))
    assert result["played"] == sound and result["admitted"] is (kind == "admit")
    assert result["started"] and result["finished"]
    heard = audible_seconds(recording.samples(), 16_000)
    assert heard > 0, "nothing reached the sound device"
    assert abs(heard - expected) < 0.12, f"heard {heard:.2f} s of a {expected:.2f} s sound"


def espeak_seconds(language: str, text: str, tmp_path: Path) -> float:
    """How long espeak-ng itself takes to say `text` with the language's voice."""
    path = tmp_path / f"espeak-{language}.wav"
    subprocess.run(
        ["espeak-ng", "-v", ESPEAK_VOICES[language], "-w", str(path), text],
        check=True,
        timeout=60,
    )
    samples, rate = wav_samples(path)
    return audible_seconds(samples, rate)


@pytest.mark.skipif(
    missing_tools("speech-dispatcher", "espeak-ng") is not None,
    reason=missing_tools("speech-dispatcher", "espeak-ng") or "",
)
@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_voice_guide_speaks_a_whole_sentence_in_each_language(
    pulse, tmp_path, runtime, language
):
    text = SENTENCES[language]
    expected = espeak_seconds(language, text, tmp_path)
    with pulse.recording(tmp_path / "speech.raw") as recording:
        result = drive(child_env(pulse.env, runtime), "speak", language, text)
    assert result["said"] == text
    assert result["voice"] == {"ko": "Korean", "en": "English (America)"}[language]
    assert result["began"] and result["ended"], result["states"]
    heard = audible_seconds(recording.samples(), 16_000)
    assert heard > 0.5, "nothing spoken reached the sound device"
    # speech-dispatcher's normal rate is espeak-ng's within a few per cent
    assert abs(heard - expected) / expected < 0.25, f"heard {heard:.2f} s, espeak {expected:.2f} s"


@pytest.mark.skipif(
    missing_tools("speech-dispatcher") is not None,
    reason=missing_tools("speech-dispatcher") or "",
)
def test_without_a_sound_device_the_kiosk_neither_freezes_nor_hangs_on_exit(tmp_path, runtime):
    from kiosk.demo.demo_event import build_demo_event

    db = build_demo_event(tmp_path / "demo.sqlite")
    env = child_env({"PULSE_SERVER": f"unix:{tmp_path / 'no-such-server'}"}, runtime)
    env["ALSA_CONFIG_PATH"] = str(tmp_path / "no-alsa.conf")  # no ALSA device either
    (tmp_path / "no-alsa.conf").write_text("# no sound cards\n")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), "kiosk", str(db), "12"],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"the app did not end within 60 s: {err[-1500:]}")
    ended = time.monotonic()
    assert process.returncode == 0, err[-2000:]
    result = json.loads(out.strip().splitlines()[-1])
    # Voice guidance is offered and says it is unavailable (speech-dispatcher was not started
    # into nothing), and the screen kept answering.
    assert result["available"] is False and result["spoken"] is None
    assert result["voice_bar_says_unavailable"]
    assert result["longest_stall_s"] < 1.5, result
    closing = ended - result["quit_at"]
    assert closing < 5.0, f"closing the app took {closing:.1f} s"
    assert ended - started < 60
