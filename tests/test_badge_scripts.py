"""Names in Devanagari, Thai and Arabic print as their readers write them: in the Noto fonts,
embedded; shaped by HarfBuzz (conjuncts, reph, joined Arabic letters); Arabic right to left;
long names still fit their boxes."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
import uharfbuzz
from badge_checks import (
    chars_outside_text_boxes,
    embedded_fonts,
    likeness,
    line_chars,
    misplaced_chars,
    page_texts,
    printed_line,
    reference_line,
)
from PIL import features

from kiosk.badges import fonts
from kiosk.badges.fonts import CHAIN, FontMissing, find_font_file, font_chain
from kiosk.badges.layouts import layout_names, load_layout
from kiosk.imports import run_import
from kiosk.services.badges import render_badge_file

SINGLE_LAYOUTS = [name for name in layout_names() if load_layout(name).sheet is None]
NOTO = Path("/usr/share/fonts/truetype/noto")
DEVANAGARI_NAME = "अनुष्का शर्मा"
THAI_NAME = "สมชาย ใจดี"
ARABIC_NAME = "محمد عبد الله"
LONG_ARABIC = "محمد عبد الله بن عبد الرحمن بن عبد العزيز " * 3

PEOPLE = [
    # registration_id, family_name, given_name, name_local, organization, country
    ("S-1", "Sharma", "Anushka", DEVANAGARI_NAME, "देवनागरी क्षत्रिय संस्थान", "भारत"),
    ("S-2", "Jaidee", "Somchai", THAI_NAME, "มหาวิทยาลัยเชียงใหม่", "ประเทศไทย"),
    ("S-3", "Abdullah", "Mohammed", ARABIC_NAME, "جامعة القاهرة", "مصر"),
    ("S-4", "Kshatriya", "Kim", "क्ष", "", ""),
    ("S-5", "स्वामीनाथन् कृष्णमूर्ति " * 3, "สมชาย ใจดี " * 6, LONG_ARABIC, "ศ" * 90, ""),
    ("S-6", "ศรีสมบูรณ์วัฒนาพงศ์ไพบูลย์" * 4, "", "", "", ""),
]
SCRIPT_FONTS = {
    "NotoSansDevanagari": fonts.DEVANAGARI,
    "NotoSansThai": fonts.THAI,
    "NotoSansArabic": fonts.ARABIC,
}


@pytest.fixture
def scripts_event(event_db, tmp_path):
    roster = tmp_path / "scripts.csv"
    with open(roster, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["registration_id", "family_name", "given_name", "name_local", "organization",
             "country", "category"]
        )  # fmt: skip
        for row in PEOPLE:
            writer.writerow([*row, "participant"])
    report = run_import(event_db.conn, "roster", roster)
    assert not report.errors, report.errors
    return event_db.conn


@pytest.fixture
def scripts_pdf(scripts_event, tmp_path) -> Path:
    out = tmp_path / "scripts.pdf"
    render_badge_file(scripts_event, [row[0] for row in PEOPLE], out, layout="cr80")
    return out


def script_of(char: str) -> str | None:
    """The complex-script font a printed character belongs to (presentation forms folded)."""
    code = ord(unicodedata.normalize("NFKC", char)[0]) if char.strip() else 0
    for font, ranges in SCRIPT_FONTS.items():
        if any(low <= code <= high for low, high in ranges):
            return font
    return None


def harfbuzz(text: str, font_file: str) -> tuple[int, list[int], int]:
    """HarfBuzz's own shaping of text: glyph count, advances, units per em."""
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(NOTO / font_file)))
    font = uharfbuzz.Font(face)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {"kern": True, "liga": True})
    advances = [position.x_advance for position in buffer.glyph_positions]
    return len(advances), advances, face.upem


@pytest.mark.parametrize("layout", SINGLE_LAYOUTS)
def test_complex_scripts_print_in_embedded_noto_fonts(scripts_event, tmp_path, layout):
    out = tmp_path / f"{layout}.pdf"
    render_badge_file(scripts_event, [row[0] for row in PEOPLE[:4]], out, layout=layout)
    assert misplaced_chars(out, load_layout(layout)) == []
    assert chars_outside_text_boxes(out, load_layout(layout)) == []
    embedded = embedded_fonts(out)
    for font in ("NotoSansDevanagari", "NotoSansThai", "NotoSansArabic"):
        assert embedded[f"{font}-Regular"] == ("yes", "yes"), embedded  # embedded, as a subset
    import pdfplumber

    with pdfplumber.open(out) as document:
        seen = set()
        for page in document.pages:
            for char in page.chars:
                font = char["fontname"].split("+", 1)[-1]
                script = script_of(char["text"])
                if script is not None or "\ue000" <= char["text"] <= "\uf8ff":
                    assert font.startswith(script or "NotoSans"), (char["text"], font)
                    seen.add(font.split("-")[0])
                if font.startswith(("DejaVu", "Nanum")):
                    assert script is None, (char["text"], font)
    assert seen == set(SCRIPT_FONTS)
    texts = [" ".join(text.split()) for text in page_texts(out)]
    assert "SHARMA Anushka" in texts[0] and THAI_NAME in texts[1] and "JAIDEE Somchai" in texts[1]


def test_devanagari_is_shaped_into_conjuncts(scripts_pdf, tmp_path):
    for page, text in ((1, DEVANAGARI_NAME), (4, "क्ष")):
        line = line_chars(scripts_pdf, page, "NotoSansDevanagari-Regular")[0]  # the local name
        glyphs, advances, upem = harfbuzz(text, "NotoSansDevanagari-Regular.ttf")
        assert glyphs < len(text)  # conjuncts: fewer glyphs than characters
        assert len(line) == glyphs
        size = line[0]["size"]
        printed = [b["x0"] - a["x0"] for a, b in zip(line, line[1:], strict=False)]
        expected = [advance * size / upem for advance in advances[:-1]]
        assert printed == pytest.approx(expected, abs=0.02)
    assert len(line) == 1  # "क्ष": three characters, one glyph
    # The printed name looks like HarfBuzz's rendering, not like its letters set in a row.
    if not features.check("raqm"):
        pytest.skip("Pillow without Raqm: no independent reference rendering")
    line = line_chars(scripts_pdf, 1, "NotoSansDevanagari-Regular")[0]
    printed_ink = printed_line(scripts_pdf, 1, line, tmp_path, 300)
    font_file = NOTO / "NotoSansDevanagari-Regular.ttf"
    size = line[0]["size"]
    shaped = likeness(printed_ink, reference_line(DEVANAGARI_NAME, font_file, size, 300, True))
    unshaped = likeness(printed_ink, reference_line(DEVANAGARI_NAME, font_file, size, 300, False))
    assert shaped > 0.6 and shaped > unshaped + 0.3, (shaped, unshaped)


def test_arabic_reads_right_to_left_with_joined_letters(scripts_pdf, tmp_path):
    [line] = line_chars(scripts_pdf, 3, "NotoSansArabic-Regular")[:1]
    right_to_left = [char["text"] for char in reversed(line)]
    # Read from the right edge, the glyphs spell the name in logical order...
    assert unicodedata.normalize("NFKC", "".join(right_to_left)) == ARABIC_NAME
    # ...in their joined forms: محمد is initial meem, medial hah, medial meem, final dal.
    forms = [unicodedata.decomposition(char).split(" ")[0] for char in right_to_left[:4]]
    assert forms == ["<initial>", "<medial>", "<medial>", "<final>"]
    if not features.check("raqm"):
        pytest.skip("Pillow without Raqm: no independent reference rendering")
    printed_ink = printed_line(scripts_pdf, 3, line, tmp_path, 300)
    font_file = NOTO / "NotoSansArabic-Regular.ttf"
    size = line[0]["size"]
    right = likeness(printed_ink, reference_line(ARABIC_NAME, font_file, size, 300, True))
    letters = likeness(printed_ink, reference_line(ARABIC_NAME, font_file, size, 300, False))
    assert right > 0.6 and right > letters + 0.3, (right, letters)


@pytest.mark.parametrize("layout", SINGLE_LAYOUTS)
def test_long_names_in_complex_scripts_fit(scripts_event, tmp_path, layout):
    out = tmp_path / f"long-{layout}.pdf"
    render_badge_file(scripts_event, ["S-5", "S-6"], out, layout=layout)
    assert misplaced_chars(out, load_layout(layout)) == []
    assert chars_outside_text_boxes(out, load_layout(layout)) == []
    texts = page_texts(out)
    assert "…" in texts[0] and "…" in texts[1]  # shortened, not cut
    # A shortened Arabic line ends on the left: the ellipsis is left of every Arabic glyph.
    import pdfplumber

    with pdfplumber.open(out) as document:
        page = document.pages[0]
        arabic = [c for c in page.chars if c["fontname"].endswith("NotoSansArabic-Regular")]
        baseline = arabic[0]["matrix"][5]
        ellipses = [c for c in page.chars if c["text"] == "…" and c["matrix"][5] == baseline]
    assert ellipses and ellipses[0]["x1"] <= min(c["x0"] for c in arabic) + 0.01


def test_fitting_measures_shaped_widths():
    chain = font_chain()
    text = "क्षत्रिय"
    glyphs, advances, upem = harfbuzz(text, "NotoSansDevanagari-Regular.ttf")
    assert chain.width(text, 20) == pytest.approx(sum(advances) * 20 / upem, abs=0.01)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert abs(chain.width(text, 20) - stringWidth(text, "NotoSansDevanagari", 20)) > 1


def test_a_missing_noto_font_names_its_debian_package(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "PROJECT_FONTS", tmp_path / "none")
    monkeypatch.setattr(fonts, "SYSTEM_FONT_DIRS", (tmp_path,))
    for font in CHAIN:
        if font.scripts:
            with pytest.raises(FontMissing, match="fonts-noto-core"):
                find_font_file(font.regular, font.package)
