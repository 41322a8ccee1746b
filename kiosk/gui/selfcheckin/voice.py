"""Voice guidance at the self check-in kiosk: what each page says, and the person's controls.

`KioskVoice` sits between the screen and `kiosk.gui.speech.VoiceGuide`. Voice mode is off until
the person turns it on (the welcome page's voice button, or the keypad's voice key); from then on
the screen hands it each page's words (`speak_page`), the control the focus moved to
(`speak_focus`) and every notice (`speak_notice`): a new one interrupts the one being spoken.

The speech engine starts lazily: creating speech-dispatcher's client takes one to three seconds,
so the app asks for `warm_up()` while nobody is at the kiosk, and nothing starts at all on a
kiosk where voice is never used. Qt's engine waits for the daemon on the UI thread without a
time limit, so first, on a background pool (`kiosk.background`), the sound server is asked for a
sound device and the daemon a question (`speech_can_start`): no sound device, or a daemon that
does not answer, leaves voice guidance unavailable rather than the screen frozen.
The engine is "speechd" unless the environment variable KIOSK_SPEECH_ENGINE names another (the
tests use Qt's "mock" engine).

Privacy: everything personal the kiosk shows about the visitor (name, affiliation, registration,
code) is handed to `protect()` and cut out before it reaches the loudspeaker; only with
headphones (`set_private_audio(True)`) is it spoken.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.background import Pool, shared_pool
from kiosk.gui.speech import (
    DEFAULT_RATE,
    DEFAULT_VOLUME,
    PRODUCTION_ENGINE,
    VoiceGuide,
)
from kiosk.services.audio import audio_output
from kiosk.services.speechd import speechd_answers

log = logging.getLogger(__name__)

ENGINE_VARIABLE = "KIOSK_SPEECH_ENGINE"
PROBE_TIMEOUT_S = 2.0  # on the worker thread, while nobody is at the kiosk
PROBE_AT_ONCE_TIMEOUT_S = 1.0  # when the person presses Voice before the warm-up finished
UNAVAILABLE_ENGINE = "none"  # no such engine: the guide stays silent
VOLUME_STEP = 0.1
RATE_STEP = 0.25


def speakable(text: str) -> str:
    """`text` without the pictograms shown beside words (☎, ✔, ⌂...): a voice would spell them
    out or stumble on them; the words beside them say the same."""
    kept = "".join(" " if unicodedata.category(char) == "So" else char for char in text)
    return re.sub(r"\s+", " ", kept).strip()


def engine_name() -> str:
    """The speech engine to use: KIOSK_SPEECH_ENGINE, else speech-dispatcher."""
    return os.environ.get(ENGINE_VARIABLE, "").strip() or PRODUCTION_ENGINE


def speech_can_start(timeout_s: float) -> bool:
    """Whether speech-dispatcher can be started without freezing the screen: it answers (or
    is not running yet), and there is a sound device for it to speak into (without one it
    "speaks" for ever and then stops answering the engine)."""
    if not audio_output(timeout_s=timeout_s).audible:
        log.warning("no sound device: voice guidance is off")
        return False
    if not speechd_answers(timeout_s):
        log.warning("speech-dispatcher does not answer: voice guidance is off")
        return False
    return True


class KioskVoice(QObject):
    """The kiosk's voice mode: on/off, repeat, pause, stop, volume and rate; reset per person."""

    changed = Signal()  # on/off or paused changed: the screen shows or hides the voice bar
    spoken = Signal(str)  # each text exactly as the engine received it
    _probed = Signal(bool)  # from the worker thread: the daemon answered (or not)

    def __init__(
        self,
        language: str,
        *,
        engine: str | None = None,
        pool: Pool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine or engine_name()
        self._pool = pool or shared_pool()
        self.language = language
        self.enabled = False
        self.private_audio = False
        self._guide: VoiceGuide | None = None
        self._protected: list[str] = []
        self._last_page = ""
        self._holding = False  # the person pressed Pause (the engine stops at the next word)
        self._daemon_ok: bool | None = None  # speech-dispatcher answered; None: not asked yet
        self._probing = False
        self._probed.connect(self._probe_done)

    # -- the engine ------------------------------------------------------------------------------

    @property
    def guide(self) -> VoiceGuide:
        """The voice guide, created on first use."""
        if self._guide is None:
            engine = self.engine
            if engine == PRODUCTION_ENGINE:
                if self._daemon_ok is None:
                    self._daemon_ok = speech_can_start(PROBE_AT_ONCE_TIMEOUT_S)
                if not self._daemon_ok:
                    engine = UNAVAILABLE_ENGINE
            guide = VoiceGuide(
                engine,
                language=self.language,
                private_audio=self.private_audio,
                parent=self,
            )
            guide.spoken.connect(self.spoken)
            guide.engine_lost.connect(self.changed)  # the voice bar says voice is unavailable
            guide.protect(self._protected)
            self._guide = guide
        return self._guide

    @property
    def started(self) -> bool:
        return self._guide is not None

    def warm_up(self) -> None:
        """Start the engine now (it takes a moment), so that the voice button answers at once.

        Speech-dispatcher is first asked on a worker thread whether it answers; the engine is
        created (on this thread, as Qt requires) only when it does."""
        if self._guide is not None or self._probing:
            return
        if self.engine != PRODUCTION_ENGINE:
            _ = self.guide
            return
        self._probing = True
        self._pool.submit(self._probe)

    def _probe(self) -> None:
        self._probed.emit(speech_can_start(PROBE_TIMEOUT_S))

    @Slot(bool)
    def _probe_done(self, answers: bool) -> None:
        self._probing = False
        self._daemon_ok = answers
        if self._guide is None:
            _ = self.guide

    @property
    def available(self) -> bool:
        """The engine answers (False: voice mode is offered but stays silent)."""
        return self.guide.available

    @property
    def paused(self) -> bool:
        """The person paused the voice (and has not resumed it)."""
        return self._holding

    # -- voice mode ------------------------------------------------------------------------------

    def set_enabled(self, on: bool) -> None:
        """Voice mode on (the next page is spoken) or off (silence at once)."""
        if on == self.enabled:
            return
        self.enabled = on
        self.guide.set_enabled(on)
        self._last_page = ""
        self.changed.emit()

    def toggle(self) -> None:
        self.set_enabled(not self.enabled)

    def set_language(self, language: str) -> None:
        """Speak this language from now on (the screen's language changed)."""
        self.language = language
        if self._guide is not None:
            self._guide.set_language(language)
        self._last_page = ""

    def set_private_audio(self, private: bool) -> None:
        """Headphones plugged in (personal data may be spoken) or the loudspeaker."""
        self.private_audio = private
        if self._guide is not None:
            self._guide.set_private_audio(private)

    def protect(self, personal_values: Iterable[str | None]) -> None:
        """Never speak these through the loudspeaker, for the rest of the visit."""
        values = [str(v) for v in personal_values if v is not None and str(v).strip()]
        self._protected.extend(values)
        if self._guide is not None:
            self._guide.protect(values)

    # -- speaking --------------------------------------------------------------------------------

    def speak_page(self, text: str) -> str | None:
        """Say a page's words when they differ from the page said last (a re-render of the same
        page says nothing again); returns what reached the engine."""
        text = speakable(text)
        if not self.enabled or text == self._last_page:
            return None
        self._last_page = text
        return self._say(text)

    def speak_notice(self, text: str) -> str | None:
        """Say a notice (an error, the idle warning, staff called) now, interrupting."""
        if not self.enabled:
            return None
        return self._say(speakable(text))

    def _say(self, text: str) -> str | None:
        if self._holding:
            self._holding = False
            self.changed.emit()
        return self.guide.say(text)

    def speak_focus(self, text: str) -> str | None:
        """Say the control the person moved to."""
        return self.speak_notice(text)

    def repeat(self) -> None:
        if self.enabled:
            if self._holding:
                self._holding = False
                self.changed.emit()
            self.guide.repeat()

    def pause_or_resume(self) -> None:
        if not self.enabled:
            return
        guide = self.guide
        if self._holding:
            guide.resume()
        else:
            guide.pause()
        self._holding = not self._holding
        self.changed.emit()

    def stop(self) -> None:
        if self._guide is not None:
            self._guide.stop()
            self._holding = False
            self.changed.emit()

    def louder(self) -> None:
        self._volume(+VOLUME_STEP)

    def softer(self) -> None:
        self._volume(-VOLUME_STEP)

    def faster(self) -> None:
        self._rate(+RATE_STEP)

    def slower(self) -> None:
        self._rate(-RATE_STEP)

    def volume(self) -> float:
        return self._guide.volume() if self._guide is not None else DEFAULT_VOLUME

    def rate(self) -> float:
        return self._guide.rate() if self._guide is not None else DEFAULT_RATE

    def _volume(self, step: float) -> None:
        if self.enabled:
            guide = self.guide
            guide.set_volume(round(guide.volume() + step, 2))
            guide.repeat()  # hear the new loudness at once

    def _rate(self, step: float) -> None:
        if self.enabled:
            guide = self.guide
            guide.set_rate(round(guide.rate() + step, 2))
            guide.repeat()

    # -- the end of a visit ----------------------------------------------------------------------

    def reset(self) -> None:
        """After each person: silence, voice mode off, default volume and rate, nothing kept."""
        was_on = self.enabled
        self.enabled = False
        self._protected.clear()
        self._last_page = ""
        self._holding = False
        if self._guide is not None:
            self._guide.reset()
        if was_on:
            self.changed.emit()

    def keypad_actions(self) -> dict[str, Callable[[], None]]:
        """The keypad's voice keys (see kiosk.gui.selfcheckin.keypad)."""
        return {
            "voice": self.toggle,
            "repeat": self.repeat,
            "pause": self.pause_or_resume,
            "louder": self.louder,
            "softer": self.softer,
            "faster": self.faster,
            "slower": self.slower,
        }
