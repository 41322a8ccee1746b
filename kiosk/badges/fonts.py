"""The fonts badges and screens use: a chain of TrueType fonts so every name finds its glyphs.

DejaVu Sans carries extended Latin, Greek and Cyrillic (García, Nguyễn, Ø, ß); NanumGothic
carries Hangul, kana and Hanja. Noto Sans Devanagari, Thai and Arabic carry the complex scripts:
their characters always go to them (DejaVu has Arabic letters too, but badly shaped), and their
runs are shaped with HarfBuzz (uharfbuzz): conjuncts, vowel signs, joined Arabic letters drawn
right to left. Latin and Hangul runs stay unshaped, which keeps batches fast.
All are TrueType, embedded (subset) in every PDF: never a CID font that depends on the viewer.
They come from Debian's fonts-dejavu-core, fonts-nanum and fonts-noto-core (installed by
scripts/setup), or from resources/fonts/ when a deployment ships its own copies.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeFragWord

from kiosk.errors import KioskError

PROJECT_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/nanum"),
    Path("/usr/share/fonts/truetype/noto"),
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
    # Code point ranges (inclusive) this font always takes, before the fallback order; their
    # runs are shaped with HarfBuzz. Empty for the plain fonts.
    scripts: tuple[tuple[int, int], ...] = ()


DEVANAGARI = ((0x0900, 0x097F), (0x1CD0, 0x1CFF), (0xA8E0, 0xA8FF))
THAI = ((0x0E00, 0x0E7F),)
ARABIC = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)

CHAIN: tuple[FontFile, ...] = (
    FontFile("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
    FontFile("NanumGothic", "NanumGothic.ttf", "NanumGothicBold.ttf", "fonts-nanum"),
    FontFile(
        "NotoSansDevanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
        "fonts-noto-core",
        DEVANAGARI,
    ),
    FontFile(
        "NotoSansThai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", "fonts-noto-core", THAI
    ),
    FontFile(
        "NotoSansArabic",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        "fonts-noto-core",
        ARABIC,
    ),
)
# Zero-width joiners and non-joiners belong to the run they are in (they steer shaping).
JOINERS = frozenset("\u200c\u200d")
SHAPING_FEATURES = {"kern": True, "liga": True}


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


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def _is_ltr(char: str) -> bool:
    return unicodedata.bidirectional(char) == "L"


@lru_cache(maxsize=4096)
def shaped(font: str, run: str) -> ShapedStr | str:
    """A run shaped by HarfBuzz: glyphs in visual order (right to left scripts reversed).

    The shape data is in thousandths of the font size, so one shaping serves every size.
    A plain str comes back when shaping changes nothing. Standard ligatures only: reportlab's
    default adds discretionary ones, which turn a name like محمد into a vowelled calligram.
    """
    word = [0.0, (ABag(fontName=font, fontSize=10), run)]
    text: ShapedStr | str = shapeFragWord(word, features=SHAPING_FEATURES)[1][1]
    return text


@lru_cache(maxsize=4096)
def ink_extent(font: str, run: str) -> tuple[float, float]:
    """(top, bottom) of the ink of a shaped run, as fractions of the font size."""
    text = shaped(font, run)
    ttf = pdfmetrics.getFont(font)
    hb_font = ttf.hbFont(10)
    scale = 1000 / ttf.hbFace.upem
    data = text.__shapeData__ if isinstance(text, ShapedStr) else [None] * len(text)
    top = bottom = 0.0
    for char, shape in zip(text, data, strict=True):
        extents = hb_font.get_glyph_extents(ttf.face.charToGlyph.get(ord(char), 0))
        if extents is None:
            continue
        rise = shape.y_offset if shape is not None else 0
        top = max(top, (extents.y_bearing * scale + rise) / 1000)
        bottom = min(bottom, ((extents.y_bearing + extents.height) * scale + rise) / 1000)
    return top, bottom


@dataclass(frozen=True)
class Piece:
    """One run of a line as it is drawn: its font, its text (shaped or not), its width."""

    font: str
    text: str
    width: float


@dataclass(frozen=True)
class FontChain:
    """Registered reportlab font names in fallback order, with their glyph coverage."""

    names: tuple[str, ...]
    coverage: tuple[frozenset[int], ...]
    ascent: float  # the largest ascent of the chain, as a fraction of the font size
    descent: float  # the deepest descent (negative), as a fraction of the font size
    # Code point -> font for the complex scripts, whose runs are shaped.
    script_fonts: dict[int, str] | None = field(default=None, hash=False, compare=False)
    shaped_fonts: frozenset[str] = frozenset()
    # The descent of each complex-script font: PDF readers hang its glyph boxes from it.
    extents: dict[str, float] | None = field(default=None, hash=False, compare=False)

    def extent(self, text: str) -> tuple[float, float]:
        """(ascent, descent) for a text: the chain's, or more when a complex script is in it.

        The complex-script fonts declare very tall and deep lines (Noto Sans Arabic: 1.37 and
        -0.74 of the size, for stacked vowel marks), which would print every Arabic name at
        half size. Their lines get the ink of the shaped glyphs actually drawn instead, and at
        least the font's own descent (where readers put the glyph boxes).
        """
        ascent, descent = self.ascent, self.descent
        if self.extents and self.script_fonts and any(ord(c) in self.script_fonts for c in text):
            for font, run in self.runs(text):
                if font in self.extents:
                    top, bottom = ink_extent(font, run)
                    ascent = max(ascent, top, 1 + self.extents[font])
                    descent = min(descent, bottom, self.extents[font])
        return ascent, descent

    def font_for(self, char: str) -> str:
        """The first font of the chain that has a glyph for `char` (the first one if none do)."""
        code = ord(char)
        if self.script_fonts and code in self.script_fonts:
            return self.script_fonts[code]
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
            sticks = char.isspace() or char in JOINERS
            font = current_font if (sticks and current_font) else self.font_for(char)
            if font != current_font and current:
                runs.append((current_font, current))
                current = ""
            current_font = font
            current += char
        if current:
            runs.append((current_font, current))
        return runs

    def _run_width(self, font: str, run: str, size: float) -> float:
        if font in self.shaped_fonts:
            text = shaped(font, run)
            if isinstance(text, ShapedStr):
                return float(sum(d.x_advance for d in text.__shapeData__)) * size / 1000
        return float(pdfmetrics.stringWidth(run, font, size))

    def width(self, text: str, size: float) -> float:
        """The width of text in points at this size (shaped runs measured as drawn)."""
        return sum(self._run_width(font, run, size) for font, run in self.runs(text))

    def pieces(self, text: str, size: float) -> list[Piece]:
        """The runs of one line in visual order, left to right, ready to draw.

        Shaped runs come from HarfBuzz already in visual order. A line whose first strong
        character is right-to-left (Arabic) also has its runs in reverse order, with runs of
        left-to-right text kept together in their own order.
        """
        pieces = []
        for font, run in self.runs(text):
            drawn: str = shaped(font, run) if font in self.shaped_fonts else run
            pieces.append(Piece(font, drawn, self._run_width(font, run, size)))
        first_strong = next((c for c in text if _is_rtl(c) or _is_ltr(c)), "")
        if not first_strong or not _is_rtl(first_strong) or len(pieces) < 2:
            return pieces
        groups: list[list[Piece]] = []
        previous_rtl: bool | None = None
        for piece, (_, run) in zip(pieces, self.runs(text), strict=True):
            rtl = any(_is_rtl(c) for c in run)
            if rtl or previous_rtl is not False:
                groups.append([piece])
            else:
                groups[-1].append(piece)
            previous_rtl = rtl
        return [piece for group in reversed(groups) for piece in group]

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
    script_fonts: dict[int, str] = {}
    shaped_fonts = set()
    extents: dict[str, float] = {}
    ascent = 0.0
    descent = 0.0
    for font in CHAIN:
        filename = font.bold if bold else font.regular
        name = font.name + ("-Bold" if bold else "")
        path = find_font_file(filename, font.package)
        shaping = bool(font.scripts)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), shapable=shaping))
        registered = pdfmetrics.getFont(name)
        face = registered.face
        covered = frozenset(face.charToGlyph)
        names.append(name)
        coverage.append(covered)
        if shaping:
            if not registered.shapable:
                raise FontMissing(
                    f"shaping {font.name} needs HarfBuzz: install the Python package uharfbuzz "
                    "(scripts/setup does)"
                )
            shaped_fonts.add(name)
            for low, high in font.scripts:
                script_fonts.update(
                    (code, name) for code in range(low, high + 1) if code in covered
                )
        if shaping:
            # Only lines in these scripts get their own line height (FontChain.extent).
            extents[name] = face.descent / 1000
        else:
            ascent = max(ascent, face.ascent / 1000)
            descent = min(descent, face.descent / 1000)
    return FontChain(
        tuple(names),
        tuple(coverage),
        ascent,
        descent,
        script_fonts,
        frozenset(shaped_fonts),
        extents,
    )
