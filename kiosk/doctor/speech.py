"""Voice guidance: speech-dispatcher answers in time and has a Korean and an English voice.

Asked over its socket with a time limit (kiosk.services.speechd), never through Qt, whose
engine would wait for a stuck daemon for ever. When no daemon runs, one is started the way the
app's speech engine starts it (`speech-dispatcher --spawn`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping

from kiosk.doctor.findings import Finding, fail, ok
from kiosk.services.speechd import SpeechdSilent, Voice, speechd_socket, start_speechd
from kiosk.services.speechd import synthesis_voices as list_voices

WANTED = {"ko": "speech.no_korean_voice", "en": "speech.no_english_voice"}
PREFERRED = {"ko": "Korean", "en": "English (America)"}


def _of_language(voices: list[Voice], language: str) -> list[Voice]:
    return [v for v in voices if v.language.lower().split("-")[0] == language]


def _shown(voices: list[Voice], language: str) -> str:
    names = [v.name for v in voices]
    return PREFERRED[language] if PREFERRED[language] in names else names[0]


def check_speech(env: Mapping[str, str] | None = None, timeout_s: float = 3.0) -> list[Finding]:
    """One finding: ok with the voices, or why the kiosk would stay silent."""
    env = os.environ if env is None else env
    path = speechd_socket(env)
    for attempt in range(2):
        try:
            _modules, voices = list_voices(path, timeout_s)
            break
        except SpeechdSilent as exc:
            return [fail("speech.silent", reason=str(exc))]
        except OSError:
            if attempt > 0:
                return [fail("speech.silent", reason="it did not start")]
            if shutil.which("speech-dispatcher", path=env.get("PATH")) is None:
                return [fail("speech.not_installed")]
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not start_speechd(path, env):
                return [fail("speech.silent", reason="it did not start")]
    findings = [
        fail(code) for language, code in WANTED.items() if not _of_language(voices, language)
    ]
    if findings:
        return findings
    shown = ", ".join(_shown(_of_language(voices, lang), lang) for lang in WANTED)
    return [ok("speech.ok", voices=shown)]
