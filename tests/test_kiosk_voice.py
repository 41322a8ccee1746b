"""Voice guidance at the self check-in kiosk, with Qt's mock speech engine (speechd needs an audio
device): the voice button turns it on; every page says its visible instruction in the screen's
language; moving the focus says the control; Stop, Pause and Repeat work; the next action
interrupts; nothing personal reaches the engine through the loudspeaker; and after each person
voice mode, volume and rate are back to default with language, text size and contrast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QApplication
from test_selfcheckin import (
    STATES,
    Kiosk,
    drive,
    make_kiosk,
    personal_strings,
    settle,
    wait_step,
)

from kiosk.gui.selfcheckin.flow import Step
from kiosk.gui.selfcheckin.voice import speakable
from kiosk.gui.speech import DEFAULT_RATE, DEFAULT_VOLUME

TIMEOUT_MS = 5_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")


class Heard:
    """Every text the kiosk handed to the speech engine, and every word the engine spoke."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.texts: list[str] = []
        self.words: list[str] = []
        self.voice = kiosk.screen.voice
        self.voice.spoken.connect(self.texts.append)
        self._engines: set[int] = set()
        self.listen()

    def listen(self) -> None:
        """Hear the engine's words too (once it has started)."""
        if self.voice.started and id(self.voice.guide.tts) not in self._engines:
            tts = self.voice.guide.tts
            assert tts is not None
            tts.sayingWord.connect(lambda word, *_: self.words.append(word))
            self._engines.add(id(tts))

    @property
    def last(self) -> str:
        assert self.texts, "nothing was spoken"
        return self.texts[-1]


@pytest.fixture
def kiosk(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    yield from make_kiosk(qtbot, qapp, event_db, db_path, demo_dir)


def voice_on(kiosk: Kiosk) -> Heard:
    """The person presses the voice button (on every page, the welcome page too)."""
    heard = Heard(kiosk)
    kiosk.screen.nav.voice_button.click()
    settle()
    heard.listen()
    assert kiosk.screen.voice.enabled
    return heard


def until_quiet(qtbot, kiosk: Kiosk) -> None:
    guide = kiosk.screen.voice.guide
    qtbot.waitUntil(lambda: not guide.speaking, timeout=TIMEOUT_MS)


def test_nothing_is_spoken_and_no_engine_starts_until_the_voice_button(kiosk):
    heard = Heard(kiosk)
    kiosk.scan("X-0101")
    kiosk.flow.cancel()
    settle()
    assert heard.texts == []
    assert not kiosk.screen.voice.started  # speech-dispatcher is not even asked
    assert not kiosk.screen.voice_bar.isVisible()


def test_the_voice_button_turns_it_on_and_the_welcome_page_is_spoken(kiosk):
    heard = voice_on(kiosk)
    screen = kiosk.screen
    assert screen.voice.available
    assert screen.voice_bar.isVisible()
    spoken = heard.last
    assert screen.welcome_page.title.text() in spoken
    assert screen.welcome_page.scan_text.text() in spoken
    assert "키패드" in spoken  # how the keypad works, in Korean (the kiosk's default)
    assert screen.welcome_page.no_code_button.accessibleName() in spoken


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("state", STATES)
def test_every_page_speaks_its_visible_instruction_in_the_screens_language(
    qtbot, kiosk, state, language
):
    screen = kiosk.screen
    kiosk.flow.choose_language(language)
    heard = voice_on(kiosk)
    drive(kiosk, state, qtbot)
    settle()
    if state == "idle_warning":
        expected = [screen.idle_bar.question.text()]
    elif state == "staff_called":
        expected = [screen.staff_banner.text()]
    else:
        page = screen.stack.currentWidget()
        expected = [page.title.text()]
    spoken = heard.last
    for text in expected:
        assert text and speakable(text) in spoken, (text, spoken)
    if language == "ko":
        assert HANGUL.search(spoken)
        assert screen.voice.guide.language == "ko"  # the mock engine has no Korean voice
    else:
        assert not HANGUL.search(spoken.replace("한국어", ""))
        assert screen.voice.guide.language == "en"
        assert screen.voice.guide.locale().language().name == "English"


def test_moving_the_focus_says_the_control(kiosk):
    screen = kiosk.screen
    heard = voice_on(kiosk)
    kiosk.flow.choose_language("en")
    settle()
    screen.welcome_page.language_buttons["en"].setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(screen.welcome_page.language_buttons["en"], Qt.Key.Key_Tab)
    settle()
    assert heard.last.startswith("Large text")
    assert "half as large" in heard.last  # the description follows the name


def test_stop_pause_repeat_and_the_next_action_interrupts(qtbot, kiosk):
    screen = kiosk.screen
    kiosk.flow.choose_language("en")
    heard = voice_on(kiosk)
    guide = screen.voice.guide
    qtbot.waitUntil(lambda: guide.speaking, timeout=TIMEOUT_MS)
    screen.voice_bar.buttons["stop"].click()
    assert not guide.speaking
    stopped = len(heard.words)
    qtbot.wait(300)
    assert len(heard.words) == stopped  # silence after Stop

    screen.voice_bar.buttons["repeat"].click()
    qtbot.waitUntil(lambda: len(heard.words) > stopped, timeout=TIMEOUT_MS)
    assert heard.texts[-1] == heard.texts[-2]  # the same words again

    screen.voice_bar.buttons["pause"].click()
    qtbot.waitUntil(lambda: guide.paused, timeout=TIMEOUT_MS)
    assert screen.voice_bar.buttons["pause"].accessibleName() == "Resume"
    paused_at = len(heard.words)
    qtbot.wait(300)
    assert len(heard.words) == paused_at
    screen.voice_bar.buttons["pause"].click()  # Resume
    qtbot.waitUntil(lambda: len(heard.words) > paused_at, timeout=TIMEOUT_MS)

    # The next action: "I have no code" interrupts the welcome page mid-sentence.
    welcome_words = heard.texts[-1].split()
    screen.welcome_page.no_code_button.click()
    settle()
    assert kiosk.flow.step is Step.FIND
    assert screen.find_page.title.text() in heard.last
    until_quiet(qtbot, kiosk)
    assert heard.words[-1] != welcome_words[-1].strip(".")
    assert heard.words[-1] == heard.last.split()[-1].strip(".,")


def test_volume_and_rate_keys_change_the_voice(kiosk):
    screen = kiosk.screen
    voice_on(kiosk)
    guide = screen.voice.guide
    screen.voice_bar.buttons["louder"].click()
    screen.voice_bar.buttons["slower"].click()
    assert guide.volume() == pytest.approx(DEFAULT_VOLUME + 0.1)
    assert guide.rate() == pytest.approx(DEFAULT_RATE - 0.25)
    screen.voice_bar.buttons["softer"].click()
    screen.voice_bar.buttons["softer"].click()
    screen.voice_bar.buttons["faster"].click()
    screen.voice_bar.buttons["faster"].click()
    assert guide.volume() == pytest.approx(DEFAULT_VOLUME - 0.1)
    assert guide.rate() == pytest.approx(DEFAULT_RATE + 0.25)


@pytest.mark.parametrize("by_look_up", [False, True])
def test_no_personal_value_ever_reaches_the_engine_through_the_loudspeaker(
    qtbot, kiosk, by_look_up
):
    screen = kiosk.screen
    person = kiosk.people["X-0102"]
    secret = personal_strings(person, kiosk.codes["X-0102"]) + [person["family_name"]]
    heard = voice_on(kiosk)
    if by_look_up:
        screen.welcome_page.no_code_button.click()
        screen.find_page.family_field.setText(person["family_name"])
        screen.find_page.other_field.setText(person["registration_id"])
        screen.find_page.find_button.click()
    else:
        screen.handle_scan(kiosk.codes["X-0102"])
    settle()
    assert kiosk.flow.step is Step.CONFIRM
    screen.confirm_page.name_label.setFocus(Qt.FocusReason.TabFocusReason)
    screen.confirm_page.yes_button.setFocus(Qt.FocusReason.TabFocusReason)
    screen.voice_bar.buttons["repeat"].click()
    screen.confirm_page.yes_button.click()
    wait_step(qtbot, kiosk, Step.TODAY)
    until_quiet(qtbot, kiosk)
    assert any(screen.confirm_page.title.text() in text for text in heard.texts)
    said = " ".join(heard.texts + heard.words).casefold()
    assert [value for value in secret if value.casefold() in said] == []
    assert heard.words  # the engine did speak


@pytest.fixture
def headphone_kiosk(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    """A kiosk whose voice goes to a headphone socket (`kiosk setting voice_headphones yes`)."""
    from kiosk.services.settings import change_setting

    assert change_setting(event_db.conn, "voice_headphones", "yes") is True
    yield from make_kiosk(qtbot, qapp, event_db, db_path, demo_dir)


def test_with_headphones_the_confirm_page_says_the_name(headphone_kiosk):
    kiosk = headphone_kiosk
    assert kiosk.screen.voice.private_audio
    heard = voice_on(kiosk)
    kiosk.scan("X-0102")
    assert kiosk.name_of("X-0102") in heard.last


def test_a_loudspeaker_kiosk_never_says_the_name(kiosk):
    assert not kiosk.screen.voice.private_audio
    heard = voice_on(kiosk)
    kiosk.scan("X-0102")
    assert kiosk.screen.confirm_page.title.text() in heard.last
    assert kiosk.name_of("X-0102").casefold() not in heard.last.casefold()


@pytest.mark.parametrize("ending", ["done", "cancel", "idle"])
def test_after_each_person_voice_volume_rate_language_and_display_are_back_to_default(
    qtbot, kiosk, ending
):
    screen = kiosk.screen
    flow = kiosk.flow
    voice_on(kiosk)
    screen.voice_bar.buttons["louder"].click()
    screen.voice_bar.buttons["faster"].click()
    screen.welcome_page.large_text_button.click()
    screen.welcome_page.high_contrast_button.click()
    flow.choose_language("en")
    kiosk.scan("X-0101")
    assert flow.in_use and not flow.at_defaults
    if ending == "done":
        screen.confirm_page.yes_button.click()
        wait_step(qtbot, kiosk, Step.TODAY)
        screen.today_page.done_button.click()
    elif ending == "cancel":
        screen.nav.cancel_button.click()
    else:
        screen.idle.expired.emit()
    settle()
    voice = screen.voice
    assert flow.step is Step.WELCOME
    assert not voice.enabled and not voice.guide.enabled
    assert voice.guide.volume() == pytest.approx(DEFAULT_VOLUME)
    assert voice.guide.rate() == pytest.approx(DEFAULT_RATE)
    assert voice.guide.tts is not None
    assert voice.guide.tts.state() != QTextToSpeech.State.Speaking
    assert not screen.voice_bar.isVisible()
    assert not screen.nav.voice_button.isChecked()
    assert kiosk.context.languages.language == "ko"
    assert not kiosk.context.prefs.large_text and not kiosk.context.prefs.high_contrast
    assert flow.at_defaults


def test_home_keeps_the_voice_for_the_same_person(kiosk):
    screen = kiosk.screen
    voice_on(kiosk)
    screen.welcome_page.no_code_button.click()
    screen.nav.home_button.click()
    settle()
    assert screen.voice.enabled and screen.voice_bar.isVisible()


def test_the_idle_warning_is_spoken(kiosk, qtbot):
    screen = kiosk.screen
    kiosk.flow.choose_language("en")
    heard = voice_on(kiosk)
    drive(kiosk, "idle_warning", qtbot)
    assert "Are you still there?" in heard.last
    assert re.search(r"in \d+ seconds", heard.last)
    assert screen.idle.warning_ms >= 20_000


# -- always there: Call staff, and the sync status ----------------------------------------------


def test_call_staff_chimes_shows_a_notice_and_tells_the_shell(qtbot, kiosk):
    screen = kiosk.screen
    heard = voice_on(kiosk)
    with qtbot.waitSignal(screen.staff_call, timeout=TIMEOUT_MS):
        screen.nav.staff_button.click()
    assert screen.staff_banner.isVisible()
    assert screen.sounds.last_played == "chime"
    assert screen.sounds.available("chime")  # the WAV is there (a device may still be missing)
    assert speakable(screen.staff_banner.text()) in heard.last


def test_the_kiosk_shows_its_last_sync_and_the_check_ins_waiting(qtbot, kiosk):
    from kiosk.store.database import transaction
    from kiosk.store.settings import put_setting
    from kiosk.sync.state import LAST_SYNC_SETTING, pending_events

    screen = kiosk.screen
    conn = kiosk.context.conn
    with transaction(conn):  # a device holds no signing key (the organiser's database does)
        conn.execute("DELETE FROM signing_key")
    kiosk.flow.choose_language("en")
    screen.refresh_sync()
    assert screen.sync_line.text() == "Last sync: never"
    kiosk.scan("X-0101")
    screen.confirm_page.yes_button.click()
    wait_step(qtbot, kiosk, Step.TODAY)
    waiting = pending_events(conn)
    assert waiting >= 1
    with transaction(conn):
        put_setting(conn, LAST_SYNC_SETTING, kiosk.context.clock() - 5 * 60_000)
    screen.refresh_sync()  # what the shell calls after each sync round
    assert screen.sync_line.text() == f"Last sync: 09:55 · {waiting} waiting to be sent"
    assert screen.sync_line.isVisible()
    kiosk.flow.choose_language("ko")
    settle()
    assert screen.sync_line.text() == f"마지막 동기화: 09:55 · 보낼 기록 {waiting}건 대기 중"


def keypad(key: Qt.Key) -> None:
    """A key of the numeric keypad, to the control that has the focus."""
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, key, Qt.KeyboardModifier.KeypadModifier)


def test_the_keypad_turns_the_voice_on_and_repeats(qtbot, kiosk):
    screen = kiosk.screen
    heard = Heard(kiosk)
    kiosk.flow.choose_language("en")
    settle()
    screen.welcome_page.language_buttons["en"].setFocus(Qt.FocusReason.OtherFocusReason)
    keypad(Qt.Key.Key_0)
    settle()
    assert screen.voice.enabled and screen.nav.voice_button.isChecked()
    heard.listen()
    assert "Welcome" in heard.last
    said = len(heard.texts)
    QTest.keyClick(
        screen.welcome_page.language_buttons["en"], Qt.Key.Key_Asterisk, Qt.KeypadModifier
    )
    assert len(heard.texts) == said + 1 and heard.texts[-1] == heard.texts[-2]
    keypad(Qt.Key.Key_Plus)
    assert screen.voice.volume() == pytest.approx(DEFAULT_VOLUME + 0.1)
    keypad(Qt.Key.Key_0)
    settle()
    assert not screen.voice.enabled
