"""Voice guidance with Qt's mock speech engine (speechd needs an audio device): speaking in the
screen's language, interrupting, stopping, pausing, repeating, volume and rate back to default
after each person, and no personal value ever reaching the engine through the loudspeaker.

The mock engine "speaks" a word every 100 ms and reports each word it speaks (`sayingWord`):
what the tests hear is what the engine was given, not what the service says it gave.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.gui.speech import DEFAULT_RATE, DEFAULT_VOLUME, VoiceGuide, redact

TIMEOUT_MS = 5_000


class Ear:
    """Every word the engine speaks."""

    def __init__(self, guide: VoiceGuide) -> None:
        assert guide.tts is not None
        self.words: list[str] = []
        self.texts: list[str] = []
        guide.tts.sayingWord.connect(self._word)
        guide.spoken.connect(self.texts.append)

    def _word(self, word: str, _id: int, _start: int, _length: int) -> None:
        self.words.append(word)

    @property
    def heard(self) -> str:
        return " ".join(self.words)


@pytest.fixture
def guide(qapp) -> Iterator[VoiceGuide]:
    voice = VoiceGuide("mock", language="en")
    assert voice.available
    voice.set_enabled(True)
    yield voice
    voice.reset()
    voice.deleteLater()


def until_quiet(qtbot, guide: VoiceGuide) -> None:
    qtbot.waitUntil(lambda: not guide.speaking, timeout=TIMEOUT_MS)


def test_an_engine_that_cannot_start_leaves_the_kiosk_silent(qapp):
    voice = VoiceGuide("no-such-engine")
    assert not voice.available and voice.tts is None
    voice.set_enabled(True)
    assert voice.say("Welcome") is None
    assert voice.repeat() is None
    voice.pause()
    voice.stop()
    voice.set_volume(0.1)
    voice.reset()
    assert voice.volume() == DEFAULT_VOLUME and not voice.enabled


def test_nothing_is_spoken_until_voice_mode_is_on(qapp, qtbot):
    voice = VoiceGuide("mock", language="en")
    ear = Ear(voice)
    assert not voice.enabled
    assert voice.say("Welcome") is None
    qtbot.wait(250)
    assert ear.words == []
    voice.set_enabled(True)
    assert voice.say("Welcome") == "Welcome"
    until_quiet(qtbot, voice)
    assert ear.words == ["Welcome"]
    voice.set_enabled(False)
    assert voice.say("Welcome") is None


def test_speaks_the_screens_language(guide: VoiceGuide):
    assert guide.set_language("en")
    assert guide.locale().language() == QLocale.Language.English
    assert guide.tts is not None and guide.tts.voice().locale().language() == (
        QLocale.Language.English
    )
    # The mock engine has no Korean voice (speech-dispatcher's espeak-ng has): the guide says so
    # and still speaks, in the language it was asked for.
    assert not guide.set_language("ko")
    assert guide.language == "ko" and not guide.voice_found


def test_a_new_utterance_interrupts_the_one_being_spoken(qtbot, guide: VoiceGuide):
    ear = Ear(guide)
    guide.say("Please hold the code under the scanner now")
    qtbot.waitUntil(lambda: len(ear.words) >= 1, timeout=TIMEOUT_MS)
    guide.say("Find your registration")
    until_quiet(qtbot, guide)
    assert ear.words[-3:] == ["Find", "your", "registration"]
    assert "now" not in ear.words and "scanner" not in ear.words
    assert ear.texts == ["Please hold the code under the scanner now", "Find your registration"]


def test_stop_pause_and_resume(qtbot, guide: VoiceGuide):
    ear = Ear(guide)
    guide.say("one two three four five six seven eight")
    qtbot.waitUntil(lambda: len(ear.words) >= 1, timeout=TIMEOUT_MS)
    guide.pause()  # the engine stops at the next word
    qtbot.waitUntil(lambda: guide.paused, timeout=TIMEOUT_MS)
    heard = len(ear.words)
    qtbot.wait(350)
    assert len(ear.words) == heard  # nothing while paused
    guide.resume()
    qtbot.waitUntil(lambda: len(ear.words) > heard, timeout=TIMEOUT_MS)
    guide.stop()
    assert not guide.speaking and not guide.paused
    stopped = len(ear.words)
    qtbot.wait(350)
    assert len(ear.words) == stopped < 8


def test_repeat_says_the_last_text_again(qtbot, guide: VoiceGuide):
    ear = Ear(guide)
    assert guide.repeat() is None  # nothing said yet
    guide.say("Is this you?")
    until_quiet(qtbot, guide)
    assert guide.repeat() == "Is this you?"
    until_quiet(qtbot, guide)
    assert ear.heard == "Is this you Is this you"  # the engine speaks words, not punctuation


def test_volume_rate_and_voice_mode_go_back_to_default_after_each_person(qtbot, guide):
    guide.set_volume(0.2)
    guide.set_rate(0.6)
    guide.set_volume(4)  # clamped
    assert guide.volume() == pytest.approx(1.0)
    assert guide.rate() == pytest.approx(0.6)
    guide.protect(["KIM Minji"])
    guide.say("one two three four five six")
    guide.reset()
    assert not guide.enabled and not guide.speaking
    assert guide.volume() == pytest.approx(DEFAULT_VOLUME)
    assert guide.rate() == pytest.approx(DEFAULT_RATE)
    assert guide.last_text == ""
    assert guide.filtered("KIM Minji") == "KIM Minji"  # the visit's values are forgotten too
    assert guide.tts is not None and guide.tts.state() != QTextToSpeech.State.Speaking


PEOPLE = [
    {
        "name": "GARCÍA Lucía",
        "local": "",
        "email": "lucia.garcia@example.org",
        "registration": "X-0102",
        "code": "KIOSK1.eyJyIjoiWC0wMTAyIiwidiI6MX0.c2lnbmF0dXJlLWJ5dGVz",
    },
    {
        "name": "KIM Minji",
        "local": "김민지",
        "email": "minji.kim@example.org",
        "registration": "X-0101",
        "code": "KIOSK1.eyJyIjoiWC0wMTAxIiwidiI6MX0.YW5vdGhlci1zaWduYXR1cmU",
    },
]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _texts(person: dict[str, str]) -> list[str]:
    """What screens might want to say with a person on them."""
    name, email = person["name"], person["email"]
    plain = _fold(name).title()
    return [
        f"Is this you? {name}",
        f"Welcome, {name.upper()}! Your badge is printing.",
        f"Is this you? {plain}",  # typed without accents
        f"{person['local']}님, 환영합니다" if person["local"] else f"Hello {name.split()[-1]}",
        f"We found {email} for registration {person['registration']}.",
        f"Your code {person['code']} was read.",
        f"{name} · {person['registration']} · Participant",
    ]


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p["registration"])
def test_no_personal_value_ever_reaches_the_engine_through_the_loudspeaker(
    qtbot, guide: VoiceGuide, person: dict[str, str]
):
    ear = Ear(guide)
    values = [v for v in person.values() if v]
    guide.protect([person["name"], person["local"]])  # the visit's person, as a screen would
    for text in _texts(person):
        handed = guide.say(text, personal_values=[person["email"], person["registration"]])
        until_quiet(qtbot, guide)
        assert handed is None or handed == ear.texts[-1]
    guide.repeat()
    until_quiet(qtbot, guide)
    heard = _fold(ear.heard)
    everything_handed = _fold(" ".join(ear.texts))
    for value in values:
        for part in [value, *value.split()]:
            if len(part) >= 2:
                assert _fold(part) not in heard, part
                assert _fold(part) not in everything_handed, part
    assert "welcome" in heard and "badge" in heard  # the rest is still said


def test_with_headphones_the_text_is_spoken_as_it_is(qtbot, guide: VoiceGuide):
    ear = Ear(guide)
    guide.set_private_audio(True)
    guide.say("Is this you? KIM Minji", personal_values=["KIM Minji"])
    until_quiet(qtbot, guide)
    assert ear.heard == "Is this you KIM Minji"
    guide.set_private_audio(False)
    guide.say("Is this you? KIM Minji", personal_values=["KIM Minji"])
    until_quiet(qtbot, guide)
    assert ear.words[-3:] == ["Is", "this", "you"]


def test_a_text_that_is_only_personal_is_not_spoken(qtbot, guide: VoiceGuide):
    ear = Ear(guide)
    assert guide.say("KIM Minji", personal_values=["KIM Minji"]) is None
    qtbot.wait(200)
    assert ear.words == []


@pytest.mark.parametrize(
    "text, values, expected",
    [
        ("Is this you? GARCÍA Lucía", ["Garcia Lucia"], "Is this you?"),
        ("Hello García, welcome", ["GARCÍA Lucía"], "Hello, welcome"),
        ("김민지님, 환영합니다", ["김민지"], "님, 환영합니다"),
        ("Mail: someone.else@example.org sent", [], "Mail: sent"),
        ("Registration X-0101 found", ["X-0101"], "Registration found"),
        ("Welcome back", ["An"], "Welcome back"),
        ("Choose a language", [], "Choose a language"),
    ],
)
def test_redaction(text: str, values: list[str], expected: str):
    assert redact(text, values) == expected


# -- a speech-dispatcher that never answers must not freeze the kiosk ----------------------------


def _daemon(path, reply: bytes | None):
    """A stand-in speech-dispatcher on a Unix socket: answers `reply`, or never (None)."""
    import socket
    import threading

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def serve() -> None:
        connection, _ = server.accept()
        connection.recv(256)
        if reply is not None:
            connection.sendall(reply)
        threading.Event().wait(3)  # a stuck daemon keeps the line open
        connection.close()

    threading.Thread(target=serve, daemon=True).start()
    return server


def test_a_speech_dispatcher_that_answers_is_used(tmp_path):
    from kiosk.services.speechd import speechd_answers

    path = tmp_path / "speechd.sock"
    server = _daemon(path, b"208 OK CLIENT NAME SET\r\n")
    assert speechd_answers(2.0, path)
    server.close()


def test_a_stuck_speech_dispatcher_is_noticed_within_the_time_limit(tmp_path):
    import time

    from kiosk.services.speechd import speechd_answers

    path = tmp_path / "speechd.sock"
    server = _daemon(path, None)
    started = time.monotonic()
    assert not speechd_answers(0.3, path)
    assert time.monotonic() - started < 2.5
    server.close()


def test_no_daemon_or_a_stale_socket_lets_the_engine_start_one(tmp_path):
    import socket

    from kiosk.services.speechd import speechd_answers

    assert speechd_answers(0.3, tmp_path / "missing.sock")
    stale = tmp_path / "stale.sock"
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(stale))
    dead.close()  # the file stays, nobody listens
    assert speechd_answers(0.3, stale)


def test_the_kiosk_voice_stays_silent_when_speech_dispatcher_is_stuck(qapp, tmp_path, monkeypatch):
    from kiosk.gui.selfcheckin import voice as kiosk_voice

    path = tmp_path / "speechd.sock"
    server = _daemon(path, None)
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    monkeypatch.setattr(kiosk_voice, "PROBE_AT_ONCE_TIMEOUT_S", 0.3)
    voice = kiosk_voice.KioskVoice("ko", engine="speechd")
    voice.set_enabled(True)  # the person pressed Voice: the screen must not freeze
    assert not voice.available
    assert voice.speak_page("환영합니다") is None
    server.close()


def test_the_kiosk_says_so_on_screen_when_voice_guidance_cannot_work(qtbot, qapp, monkeypatch):
    from kiosk.gui.selfcheckin.chrome_view import VoiceBar

    bar = VoiceBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.show_state(False, available=False)
    assert bar.unavailable.isVisible() and "not working" in bar.unavailable.text()
    assert not any(button.isVisible() for button in bar.buttons.values())
    bar.show_state(False, available=True)
    assert not bar.unavailable.isVisible()


def test_the_plain_voice_of_the_country_is_chosen():
    from kiosk.gui.speech import preferred_voice

    espeak = ["English (Caribbean)", "English (Caribbean)+Adam", "English (America)"]
    assert preferred_voice(espeak, "en") == "English (America)"
    assert preferred_voice(["Korean+Adam", "Korean"], "ko") == "Korean"
    assert preferred_voice(["Anne+x", "Bob"], "en") == "Bob"  # no preferred one: a plain voice
    assert preferred_voice(["Anne+x"], "en") == "Anne+x"


def test_the_voice_warm_up_asks_the_daemon_off_the_ui_thread(qtbot, tmp_path, monkeypatch):
    from pools import GatedPool

    from kiosk.gui.selfcheckin import voice as kiosk_voice

    path = tmp_path / "speechd.sock"
    server = _daemon(path, None)  # a stuck daemon
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    monkeypatch.setattr(kiosk_voice, "PROBE_TIMEOUT_S", 0.3)
    pool = GatedPool("speechd-probe")
    voice = kiosk_voice.KioskVoice("ko", engine="speechd", pool=pool)
    voice.warm_up()
    assert not voice.started and pool.submitted == 1  # warm_up returned before asking
    voice.warm_up()
    assert pool.submitted == 1  # one question at a time
    pool.gate.set()
    qtbot.waitUntil(lambda: voice.started, timeout=10_000)
    assert pool.threads == ["speechd-probe"]
    assert not voice.available  # the daemon never answered: silent, not frozen
    pool.close()
    server.close()
