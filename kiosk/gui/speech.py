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

import os
import re
import socket
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

PRODUCTION_ENGINE = "speechd"
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


def speechd_socket() -> Path:
    """Where speech-dispatcher listens (its own default, unless SPEECHD_ADDRESS names a socket)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime) / "speech-dispatcher" / "speechd.sock"
    return Path.home() / ".cache" / "speech-dispatcher" / "speechd.sock"


def speechd_answers(timeout_s: float = 2.0, path: Path | None = None) -> bool:
    """Whether speech-dispatcher can be used without hanging the kiosk.

    Qt's speechd engine connects on the UI thread and waits for the daemon without a time
    limit; a daemon stuck on an audio device that never drains (seen on machines without sound)
    accepts the connection and never answers, which would freeze the screen. This asks it one
    harmless question with a time limit. No daemon at all is fine: the engine starts one."""
    where = path or speechd_socket()
    if not where.exists():
        return True
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(timeout_s)
            try:
                probe.connect(str(where))
            except (ConnectionRefusedError, FileNotFoundError):
                return True  # a stale socket of a daemon that is gone: the engine starts one
            probe.sendall(b"SET SELF CLIENT_NAME kiosk:kiosk:probe\r\n")
            reply = probe.recv(256)
            probe.sendall(b"QUIT\r\n")
            return reply[:1] == b"2"
    except OSError:
        return False


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
        if engine in QTextToSpeech.availableEngines():
            tts = QTextToSpeech(engine, self)
            if tts.state() != QTextToSpeech.State.Error:
                self.tts = tts
            else:
                tts.deleteLater()
        self._apply_defaults()
        self.set_language(language)

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
        tts = self.tts
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
        if self.tts is not None:
            self.tts.setVolume(min(max(volume, 0.0), 1.0))

    def set_rate(self, rate: float) -> None:
        """Speed from -1 (slowest) to 1 (fastest)."""
        if self.tts is not None:
            self.tts.setRate(min(max(rate, -1.0), 1.0))

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
        if not safe:
            return None
        self._speak(safe)
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
        self._speak(self.last_text)
        return self.last_text

    def _speak(self, text: str) -> None:
        tts = self.tts
        assert tts is not None
        if tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Paused):
            tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        self.last_text = text
        self.spoken.emit(text)
        tts.say(text)

    def pause(self) -> None:
        if self.tts is not None and self.speaking:
            self.tts.pause(QTextToSpeech.BoundaryHint.Immediate)

    def resume(self) -> None:
        if self.tts is not None and self.paused:
            self.tts.resume()

    def stop(self) -> None:
        if self.tts is not None and (self.speaking or self.paused):
            self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    def reset(self) -> None:
        """After each person: silence, voice mode off, default volume and rate, nothing to
        repeat, no personal values kept."""
        self.stop()
        self.set_enabled(False)
        self._apply_defaults()
        self.last_text = ""
        self._protected.clear()

    def _apply_defaults(self) -> None:
        if self.tts is not None:
            self.tts.setVolume(DEFAULT_VOLUME)
            self.tts.setRate(DEFAULT_RATE)
