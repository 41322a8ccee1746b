"""Korean and English for every screen: Qt Linguist `.ts` sources compiled to `.qm`.

`python -m kiosk.gui.translations --compile` turns resources/translations/*.ts into .qm files
(run by scripts/setup).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("ko", "en")


class LanguageSwitcher(QObject):
    """Installs the translators for the chosen language; English is the source language.

    Each screen area has its own file (`kiosk_ko.ts`, `door_ko.ts`, `selfcheckin_ko.ts`, ...):
    every `*_<language>.qm` is loaded (the `*_en` files hold only English plural forms). Qt
    then sends LanguageChange to every widget, which retranslates itself, so the switch is live.
    """

    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.language = "en"

    def use(self, language: str) -> bool:
        """Switch the application's language; False if no translation file was found."""
        app = QCoreApplication.instance()
        # The language is the application's, not this object's: whoever installed the last
        # language's translators, they go (a second chooser must not leave its language behind).
        for translator in _LANGUAGE:
            if app is not None:
                app.removeTranslator(translator)
        _LANGUAGE.clear()
        self.language = "en"
        found = language == "en"
        if app is not None:
            install_english_plurals(app)
        if language != "en":
            for path in sorted(TRANSLATIONS_DIR.glob(f"*_{language}.qm")):
                translator = QTranslator()
                if translator.load(str(path)):
                    if app is not None:
                        app.installTranslator(translator)
                    _LANGUAGE.append(translator)
                    found = True
            if found:
                self.language = language
        self.changed.emit(self.language)
        return found


_ENGLISH: list[QTranslator] = []
# The translators of the language in use (not English), whichever Languages installed them.
_LANGUAGE: list[QTranslator] = []


def install_english_plurals(app: QCoreApplication) -> None:
    """English is the source language, but its plural forms ("1 person", "2 people") come from
    the small `*_en` files, as Qt's %n plurals do in every language. They are installed once,
    before any other language, and stay: a later language's translators are asked first, and
    English text falls back to them."""
    if _ENGLISH:
        return
    for path in sorted(TRANSLATIONS_DIR.glob("*_en.qm")):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _ENGLISH.append(translator)


def _lrelease() -> str:
    import PySide6

    candidate = Path(PySide6.__file__).parent / "lrelease"
    return str(candidate) if candidate.exists() else "pyside6-lrelease"


def compile_translations() -> list[Path]:
    """Compile every .ts under resources/translations to .qm beside it."""
    built = []
    for source in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        target = source.with_suffix(".qm")
        # A running app maps the .qm files it loaded: write beside, then swap in one step.
        fresh = target.with_suffix(".qm.new")
        subprocess.run([_lrelease(), "-silent", str(source), "-qm", str(fresh)], check=True)
        fresh.replace(target)
        built.append(target)
    return built


if __name__ == "__main__":
    if "--compile" in sys.argv:
        for path in compile_translations():
            print(f"compiled {path.name}")
