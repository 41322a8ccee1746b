"""Voice guidance: the kiosk's words spoken in the screen's language, never a person's data aloud.

`VoiceGuide` wraps Qt's QTextToSpeech. In production the engine is "speechd" (speech-dispatcher
with espeak-ng, installed by scripts/setup, fully offline); tests use Qt's "mock" engine. When the
engine cannot be created (no speech-dispatcher, no audio) the guide degrades silently:
`available` is False and nothing is spoken, the screens go on as before.

Voice mode is off until the person turns it on (`set_enabled(True)`, the kiosk's voice button or
keypad key); `reset()` after each person turns it off again and puts volume and rate back.

Privacy: through a loudspeaker (the default, `private_audio=False`) nothing personal is spoken.
Each `say()` takes the personal values of what it says (`personal_values=`: name, e-mail, code,
registration number...), and `protect()` adds values for the rest of the visit; every one of
them is cut out of the text before it reaches the engine, in any letter case, with or without
accents, as a whole or word by word; e-mail addresses and long code-like strings are cut out
even when nobody named them. Only with headphones plugged in (`private_audio=True`) is the text
spoken as it is.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

from kiosk.services.speechd import speechd_answers

log = logging.getLogger(__name__)

PRODUCTION_ENGINE = "speechd"
PROBE_BEFORE_CALL_S = 0.5  # how long the screen may wait to learn that the daemon is stuck
# Longest a text may take to speak: this plus the per-character time, doubled at the slowest
# rate. A speechd engine still "speaking" after that is stuck (its sound goes nowhere).
SPEAK_LIMIT_BASE_S = 10.0
SPEAK_LIMIT_PER_CHAR_S = 0.3
_ABANDONED: list[QTextToSpeech] = []  # engines stuck in the daemon: never touched (or freed) again
_SPEECHD_GUIDES: list[str] = []  # one entry per speechd engine made in this process
DEFAULT_VOLUME = 0.8
DEFAULT_RATE = 0.0  # -1 (slowest) to 1 (fastest); 0 is the voice's normal speed
LOCALES = {
    "ko": QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}
MIN_PART = 2  # a part of a personal value shorter than this is not cut out on its own

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A signed badge code or any long run of letters and digits with at least one digit.
_CODE_LIKE = re.compile(r"\b(?=[\w.~:/+=-]*\d)[A-Za-z0-9][\w.~:/+=-]{15,}", re.ASCII)
_SPACES = re.compile(r"\s+")


# espeak-ng through speech-dispatcher offers every voice of a language under every locale of it
# ("English (Caribbean)" for en_US) and each again with a "+variant": the plain voice of the
# country is the clearest.
PREFERRED_VOICES = {
    "en": ("English (America)", "English (Great Britain)"),
    "ko": ("Korean",),
}


def preferred_voice(names: list[str], language: str) -> str:
    """The voice to speak `language` with, among `names` (all of that language): the preferred
    plain voice, else a plain one (no "+variant"), else the first."""
    for wanted in PREFERRED_VOICES.get(language, ()):
        if wanted in names:
            return wanted
    plain = [name for name in names if "+" not in name]
    return (plain or names)[0]


def _fold_char(char: str) -> str:
    """One character, case and accents folded, still one character (so positions match).

    Only combining accents are dropped: a Hangul syllable stays whole (its decomposition into
    jamo is not an accent)."""
    parts = unicodedata.normalize("NFD", char)
    if len(parts) > 1 and all(unicodedata.combining(mark) for mark in parts[1:]):
        char = parts[0]
    folded = char.casefold()
    return folded[0] if folded else char


def _fold(text: str) -> str:
    return "".join(_fold_char(char) for char in text)


def redact(text: str, personal_values: Iterable[str] = ()) -> str:
    """`text` without any of the personal values (nor e-mail addresses or code-like strings).

    Matching ignores letter case and accents ("Garcia" finds "GARCÍA") and whitespace runs; each
    value is cut out whole and also word by word (a family name alone), and pieces of an e-mail
    address (its local part) too.
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    parts: set[str] = set()
    for value in personal_values:
        value = _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()
        if not value:
            continue
        parts.add(value)
        parts.update(word for word in value.split(" ") if len(word) >= MIN_PART)
        if "@" in value:
            local = value.split("@", 1)[0]
            parts.update(p for p in re.split(r"[._+-]", local) if len(p) >= MIN_PART)
            parts.add(local)
    folded = _fold(text)
    cut = [False] * len(text)
    for part in sorted(parts, key=len, reverse=True):
        needle = _fold(part)
        start = folded.find(needle)
        while start >= 0:
            for i in range(start, start + len(needle)):
                cut[i] = True
            start = folded.find(needle, start + 1)
    kept = "".join(" " if gone else char for char, gone in zip(text, cut, strict=True))
    kept = _EMAIL.sub(" ", kept)
    kept = _CODE_LIKE.sub(" ", kept)
    kept = _SPACES.sub(" ", kept).strip()
    kept = re.sub(r"\s+([,.:;!?·])", r"\1", kept)  # no space before punctuation left behind
    kept = re.sub(r"([,;:·])(?:\s*[,;:·])+", r"\1", kept)  # "a, , b" -> "a, b"
    kept = re.sub(r"([.!?])[,;:·]+", r"\1", kept)  # "you?," -> "you?"
    return kept.strip(" ,;:·")


class VoiceGuide(QObject):
    """Speaks instructions, choices, verdicts and errors in the screen's language.

    A new `say()` interrupts whatever is being spoken. `spoken` carries each text exactly as it
    was handed to the engine (after the privacy filter).
    """

    spoken = Signal(str)
    enabled_changed = Signal(bool)
    engine_lost = Signal()  # speech-dispatcher stopped answering; the guide is silent from now

    def __init__(
        self,
        engine: str = PRODUCTION_ENGINE,
        *,
        language: str = "ko",
        private_audio: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine_name = engine
        self.enabled = False
        self.private_audio = private_audio
        self.language = language
        self.voice_found = False  # a voice for the screen's language exists in the engine
        self.last_text = ""  # what was last handed to the engine, for Repeat
        self._protected: set[str] = set()
        self.tts: QTextToSpeech | None = None
        self._stuck_timer = QTimer(self)
        self._stuck_timer.setSingleShot(True)
        self._stuck_timer.timeout.connect(self._speaking_too_long)
        if engine in QTextToSpeech.availableEngines():
            if engine == PRODUCTION_ENGINE:
                _SPEECHD_GUIDES.append(engine)
            tts = QTextToSpeech(engine, self)
            if tts.state() != QTextToSpeech.State.Error:
                self.tts = tts
                tts.stateChanged.connect(self._state_changed)
            else:
                tts.deleteLater()
        self._apply_defaults()
        self.set_language(language)

    # -- the engine, guarded ----------------------------------------------------------------------

    def _live(self) -> QTextToSpeech | None:
        """The engine, when it can be spoken to without hanging the screen; else None.

        Every call into Qt's speechd engine waits for speech-dispatcher without a time limit,
        and a daemon whose audio device never drains stops answering. So before each call the
        daemon is asked a harmless question with a short time limit; when it does not answer,
        the engine is abandoned: never called, nor freed (its destructor would wait too), and
        voice guidance is off until the app starts again."""
        tts = self.tts
        if tts is None:
            return None
        if self.engine_name == PRODUCTION_ENGINE and not speechd_answers(PROBE_BEFORE_CALL_S):
            self._abandon()
            return None
        return tts

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if state != QTextToSpeech.State.Speaking:
            self._stuck_timer.stop()

    def _watch(self, text: str) -> None:
        """Speech-dispatcher without a working sound device keeps "speaking" for ever (and
        then waits for ever on the next call): give each text a generous time limit."""
        if self.engine_name != PRODUCTION_ENGINE:
            return
        slowness = 1.0 - min(self.rate(), 0.0)  # 1 at normal speed, 2 at the slowest
        limit = (SPEAK_LIMIT_BASE_S + SPEAK_LIMIT_PER_CHAR_S * len(text)) * slowness
        self._stuck_timer.start(round(limit * 1000))

    def _speaking_too_long(self) -> None:
        if self.speaking:
            self._abandon("it has been speaking one text for too long (no sound device?)")

    def _abandon(self, why: str = "it does not answer") -> None:
        self._stuck_timer.stop()
        tts, self.tts = self.tts, None
        if tts is None:
            return
        log.warning("speech-dispatcher is stuck (%s): voice guidance is off", why)
        tts.stateChanged.disconnect(self._state_changed)
        tts.setParent(None)  # not deleted with this guide
        _ABANDONED.append(tts)
        self.engine_lost.emit()

    # -- state -----------------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """The engine was created and answers; False means the guide stays silent."""
        return self.tts is not None and self.tts.state() != QTextToSpeech.State.Error

    @property
    def speaking(self) -> bool:
        return self.tts is not None and self.tts.state() == QTextToSpeech.State.Speaking

    @property
    def paused(self) -> bool:
        return self.tts is not None and self.tts.state() == QTextToSpeech.State.Paused

    def volume(self) -> float:
        return float(self.tts.volume()) if self.tts is not None else DEFAULT_VOLUME

    def rate(self) -> float:
        return float(self.tts.rate()) if self.tts is not None else DEFAULT_RATE

    def locale(self) -> QLocale:
        return self.tts.locale() if self.tts is not None else LOCALES.get(self.language, QLocale())

    # -- settings --------------------------------------------------------------------------------

    def set_enabled(self, on: bool) -> None:
        """Voice mode on or off (off stops speech at once)."""
        if not on:
            self.stop()
        if on != self.enabled:
            self.enabled = on
            self.enabled_changed.emit(on)

    def set_language(self, language: str) -> bool:
        """Speak `language` ("ko"/"en") from now on; True if the engine has a voice for it."""
        self.language = language
        wanted = LOCALES.get(language, QLocale(language))
        self.voice_found = False
        tts = self._live()
        if tts is None:
            return False
        matches = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
        if matches:
            exact = [loc for loc in matches if loc.territory() == wanted.territory()]
            tts.setLocale((exact or matches)[0])
            voice = self._voice_for(tts.availableVoices(), wanted)
            if voice is not None:
                tts.setVoice(voice)
            self.voice_found = tts.locale().language() == wanted.language()
        return self.voice_found

    @staticmethod
    def _voice_for(voices: list[QVoice], wanted: QLocale) -> QVoice | None:
        """The voice of the wanted language and country, else of the language."""
        same_language = [v for v in voices if v.locale().language() == wanted.language()]
        exact = [v for v in same_language if v.locale().territory() == wanted.territory()]
        chosen = exact or same_language
        if not chosen:
            return None
        best = preferred_voice([voice.name() for voice in chosen], wanted.name()[:2])
        return next(voice for voice in chosen if voice.name() == best)

    def set_volume(self, volume: float) -> None:
        """Loudness from 0 to 1."""
        tts = self._live()
        if tts is not None:
            tts.setVolume(min(max(volume, 0.0), 1.0))

    def set_rate(self, rate: float) -> None:
        """Speed from -1 (slowest) to 1 (fastest)."""
        tts = self._live()
        if tts is not None:
            tts.setRate(min(max(rate, -1.0), 1.0))

    def set_private_audio(self, private: bool) -> None:
        """Headphones (True) or the loudspeaker (False, where nothing personal is spoken)."""
        self.private_audio = private

    def protect(self, personal_values: Iterable[str]) -> None:
        """Never speak these values aloud for the rest of the visit (until `reset()`)."""
        self._protected.update(str(v) for v in personal_values if str(v).strip())

    # -- speaking --------------------------------------------------------------------------------

    def say(self, text: str, *, personal_values: Iterable[str] = ()) -> str | None:
        """Speak `text` now, interrupting anything being spoken; returns what was handed to the
        engine, or None when voice mode is off, the engine is missing or nothing was left."""
        if not self.enabled or not self.available:
            return None
        safe = self.filtered(text, personal_values=personal_values)
        if not safe or not self._speak(safe):
            return None
        return safe

    def filtered(self, text: str, *, personal_values: Iterable[str] = ()) -> str:
        """What `say()` would hand to the engine: loudspeaker mode cuts out personal data."""
        if self.private_audio:
            return _SPACES.sub(" ", text).strip()
        return redact(text, [*self._protected, *(str(v) for v in personal_values)])

    def repeat(self) -> str | None:
        """Say the last text again (already filtered)."""
        if not self.enabled or not self.available or not self.last_text:
            return None
        return self.last_text if self._speak(self.last_text) else None

    def _speak(self, text: str) -> bool:
        """Hand `text` to the engine; False when the engine is gone."""
        tts = self._live()
        if tts is None:
            return False
        if tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Paused):
            tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        self.last_text = text
        self.spoken.emit(text)
        tts.say(text)
        self._watch(text)
        return True

    def pause(self) -> None:
        if self.speaking and (tts := self._live()) is not None:
            tts.pause(QTextToSpeech.BoundaryHint.Immediate)

    def resume(self) -> None:
        if self.paused and (tts := self._live()) is not None:
            tts.resume()
            self._watch(self.last_text)

    def stop(self) -> None:
        if (self.speaking or self.paused) and (tts := self._live()) is not None:
            tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    def reset(self) -> None:
        """After each person: silence, voice mode off, default volume and rate, nothing to
        repeat, no personal values kept."""
        self.stop()
        self.set_enabled(False)
        self._apply_defaults()
        self.last_text = ""
        self._protected.clear()

    def _apply_defaults(self) -> None:
        tts = self._live()
        if tts is not None:
            tts.setVolume(DEFAULT_VOLUME)
            tts.setRate(DEFAULT_RATE)


def speechd_in_use() -> bool:
    """Whether this process made a speechd engine. Its destructor waits for speech-dispatcher
    without a time limit, and a daemon whose sound device failed never answers it (a new
    connection may still be answered, so asking first proves nothing): the app ends without
    freeing it."""
    return bool(_SPEECHD_GUIDES) or bool(_ABANDONED)
