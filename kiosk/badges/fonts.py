"""The fonts badges and screens use: a chain of TrueType fonts so every name finds its glyphs.

DejaVu Sans carries extended Latin, Greek and Cyrillic (García, Nguyễn, Ø, ß); NanumGothic
carries Hangul, kana and Hanja. Both are TrueType, embedded (subset) in every PDF: never a CID
font that depends on the viewer. They come from Debian's fonts-dejavu-core and fonts-nanum
(installed by scripts/setup), or from resources/fonts/ when a deployment ships its own copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.errors import KioskError

PROJECT_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/nanum"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
)


@dataclass(frozen=True)
class FontFile:
    """One TrueType file in the chain, with where it comes from when it is missing."""

    name: str
    regular: str
    bold: str
    package: str


CHAIN: tuple[FontFile, ...] = (
    FontFile("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
    FontFile("NanumGothic", "NanumGothic.ttf", "NanumGothicBold.ttf", "fonts-nanum"),
)


class FontMissing(KioskError):
    """A font the badges need is not installed."""


def find_font_file(filename: str, package: str) -> Path:
    """The path of a font file, from the project's resources or the system's font folders."""
    for folder in (PROJECT_FONTS, *SYSTEM_FONT_DIRS):
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    raise FontMissing(
        f"font {filename} not found: install the Debian package {package} "
        f"(scripts/setup does) or put the file in {PROJECT_FONTS}"
    )


def font_paths() -> list[Path]:
    """Every font file of the chain (regular and bold), for registering them in Qt too."""
    paths = []
    for font in CHAIN:
        paths.append(find_font_file(font.regular, font.package))
        paths.append(find_font_file(font.bold, font.package))
    return paths


@dataclass(frozen=True)
class FontChain:
    """Registered reportlab font names in fallback order, with their glyph coverage."""

    names: tuple[str, ...]
    coverage: tuple[frozenset[int], ...]
    ascent: float  # the largest ascent of the chain, as a fraction of the font size
    descent: float  # the deepest descent (negative), as a fraction of the font size

    def font_for(self, char: str) -> str:
        """The first font of the chain that has a glyph for `char` (the first one if none do)."""
        code = ord(char)
        for name, covered in zip(self.names, self.coverage, strict=True):
            if code in covered:
                return name
        return self.names[0]

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Split text into (font, run) pieces; spaces stay with the run they are in."""
        runs: list[tuple[str, str]] = []
        current_font = ""
        current = ""
        for char in text:
            font = current_font if (char.isspace() and current_font) else self.font_for(char)
            if font != current_font and current:
                runs.append((current_font, current))
                current = ""
            current_font = font
            current += char
        if current:
            runs.append((current_font, current))
        return runs

    def width(self, text: str, size: float) -> float:
        """The width of text in points at this size."""
        return float(sum(pdfmetrics.stringWidth(run, font, size) for font, run in self.runs(text)))

    def covers(self, text: str) -> bool:
        """True when some font of the chain has a glyph for every character."""
        return all(
            char.isspace() or any(ord(char) in covered for covered in self.coverage)
            for char in text
        )


@cache
def font_chain(bold: bool = False) -> FontChain:
    """Register the chain's fonts with reportlab once and describe them."""
    names = []
    coverage = []
    ascent = 0.0
    descent = 0.0
    for font in CHAIN:
        filename = font.bold if bold else font.regular
        name = font.name + ("-Bold" if bold else "")
        path = find_font_file(filename, font.package)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        face = pdfmetrics.getFont(name).face
        names.append(name)
        coverage.append(frozenset(face.charToGlyph))
        ascent = max(ascent, face.ascent / 1000)
        descent = min(descent, face.descent / 1000)
    return FontChain(tuple(names), tuple(coverage), ascent, descent)
