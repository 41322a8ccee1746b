"""Korean and English for every screen: Qt Linguist `.ts` sources compiled to `.qm`.

`python -m kiosk.gui.translations --compile` turns resources/translations/*.ts into .qm files
(run by scripts/setup).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("ko", "en")


class LanguageSwitcher:
    """Installs the translator for the chosen language; English is the source language."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = "en"

    def use(self, language: str) -> bool:
        """Switch the application's language; False if its translation file is missing."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.language = language
        if language == "en":
            return True
        translator = QTranslator()
        if not translator.load(str(TRANSLATIONS_DIR / f"kiosk_{language}.qm")):
            self.language = "en"
            return False
        if app is not None:
            app.installTranslator(translator)
        self._translator = translator
        return True


def _lrelease() -> str:
    import PySide6

    candidate = Path(PySide6.__file__).parent / "lrelease"
    return str(candidate) if candidate.exists() else "pyside6-lrelease"


def compile_translations() -> list[Path]:
    """Compile every .ts under resources/translations to .qm beside it."""
    built = []
    for source in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run(
            [_lrelease(), "-silent", str(source), "-qm", str(target)],
            check=True,
        )
        built.append(target)
    return built


if __name__ == "__main__":
    if "--compile" in sys.argv:
        for path in compile_translations():
            print(f"compiled {path.name}")
