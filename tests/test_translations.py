"""Korean everywhere a person reads: every string the screens use has a finished translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

PROJECT = Path(__file__).resolve().parent.parent
TRANSLATIONS = PROJECT / "resources" / "translations"


def messages(ts_file: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ('' when unfinished)."""
    out = {}
    for context in ET.parse(ts_file).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished"
            text = ""
            if done and translation is not None:
                forms = [form.text or "" for form in translation.iter("numerusform")]
                text = " ".join(forms) if forms else (translation.text or "")
            out[(name, message.findtext("source") or "")] = text
    return out


def korean_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*_ko.ts"))


def test_every_korean_translation_is_finished():
    unfinished = [
        f"{path.name}: {context}: {source!r}"
        for path in korean_files()
        for (context, source), text in messages(path).items()
        if not text.strip()
    ]
    assert unfinished == []


def test_every_string_in_the_screens_is_in_a_translation_file(tmp_path):
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    command = [str(lupdate)] if lupdate.exists() else [shutil.which("pyside6-lupdate") or ""]
    sources = sorted(str(p) for p in (PROJECT / "kiosk" / "gui").rglob("*.py"))
    fresh = tmp_path / "all_ko.ts"
    subprocess.run([*command, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    known: set[tuple[str, str]] = set()
    for path in korean_files():
        known.update(messages(path))
    missing = sorted(set(messages(fresh)) - known)
    assert missing == [], f"run pyside6-lupdate and translate: {missing[:10]}"


def test_the_translations_compile():
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.gui.translations", "--compile"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for path in korean_files():
        assert path.with_suffix(".qm").stat().st_size > 0


def test_a_switch_to_english_leaves_no_language_behind(qapp):
    """The language is the application's: when one screen's chooser switches to English, the
    Korean another chooser installed goes too (a kiosk after an organiser window, in one app)."""
    from PySide6.QtCore import QCoreApplication

    from kiosk.gui.translations import LanguageSwitcher

    first, second = LanguageSwitcher(), LanguageSwitcher()
    assert first.use("ko")
    title = QCoreApplication.translate("ConfirmPage", "Is this you?")
    assert title != "Is this you?"
    assert second.use("en")
    assert QCoreApplication.translate("ConfirmPage", "Is this you?") == "Is this you?"
