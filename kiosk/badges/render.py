"""Drawing badges with reportlab: one badge per page, or sheets of badges with cut marks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.badges.content import BadgeContent
from kiosk.badges.fitting import FittedText, fit_text
from kiosk.badges.fonts import FontChain, font_chain
from kiosk.badges.layouts import BadgeDesign, Layout, Rect, TextBox, category_styles
from kiosk.badges.qr import draw_qr, qr_matrix

Progress = Callable[[int, int], None]
LINE_SPACING = 1.1


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def text_colour_on(hex_colour: str) -> str:
    """Black or white, whichever contrasts more with the background colour."""
    lum = _luminance(hex_colour)
    on_white = (1.05) / (lum + 0.05)
    on_black = (lum + 0.05) / 0.05
    return "#FFFFFF" if on_white >= on_black else "#000000"


NO_CODE_WORDS = "NO CODE ISSUED 코드 미발급"
"""What a badge preview shows in place of the QR code of someone with no code yet."""


class BadgeDrawer:
    """Draws badges of one design; positions come from the layout data."""

    def __init__(self, design: BadgeDesign) -> None:
        self.design = design
        self.regular = font_chain(bold=False)
        self.bold = font_chain(bold=True)
        self.styles = category_styles()

    def draw(self, canvas: Canvas, badge: BadgeContent, left: float, bottom: float) -> None:
        """Draw one badge with its bottom-left corner at (left, bottom) in points."""
        design = self.design
        top = bottom + design.height_mm * mm

        def box(area: Rect | TextBox) -> tuple[float, float, float, float]:
            """(x, y of the bottom edge, width, height) in points."""
            return (
                left + area.x * mm,
                top - (area.y + area.h) * mm,
                area.w * mm,
                area.h * mm,
            )

        style = self.styles.get(badge.category)
        band_x, band_y, band_w, band_h = box(design.band)
        if style is not None:
            canvas.setFillColor(HexColor(style.colour))
            canvas.rect(band_x, band_y, band_w, band_h, stroke=0, fill=1)
            label = style.label
            colour = text_colour_on(style.colour)
        else:
            label = badge.category.upper()
            colour = "#000000"
        inset = design.band.inset * mm
        self._text(canvas, label, design.band, box, colour, inset=inset, bold=True)
        self._text(canvas, badge.event_name, design.event, box, "#333333")
        self._text(canvas, badge.name, design.name, box, "#000000")
        if badge.name_local and badge.name_local != badge.name:
            self._text(canvas, badge.name_local, design.name_local, box, "#000000")
        if badge.organization:
            self._text(canvas, badge.organization, design.organization, box, "#222222")
        if badge.country:
            self._text(canvas, badge.country, design.country, box, "#222222")
        qr_x, qr_y, qr_size, _ = box(design.qr)
        if badge.code:
            draw_qr(canvas, qr_matrix(badge.code), qr_x, qr_y, qr_size)
        else:
            self._no_code(canvas, design.qr, box)
        if badge.receiver_language:
            self._receiver_marker(canvas, badge.receiver_language, box(design.receiver))

    def _text(
        self,
        canvas: Canvas,
        text: str,
        area: TextBox,
        box: Callable[[TextBox], tuple[float, float, float, float]],
        colour: str,
        *,
        inset: float = 0.0,
        bold: bool | None = None,
    ) -> FittedText | None:
        chain = self.bold if (area.bold if bold is None else bold) else self.regular
        x, y, width, height = box(area)
        x += inset
        width -= 2 * inset
        # A little air between wrapped lines; the glyph boxes themselves never overlap.
        ascent, descent = chain.extent(text)
        line_height = (ascent - descent) * LINE_SPACING
        fitted = fit_text(
            text,
            width=width,
            height=height,
            max_size=area.max_size,
            min_size=area.min_size,
            max_lines=area.lines,
            line_height=line_height,
            measure=chain.width,
        )
        if fitted is None:
            return None
        block = len(fitted.lines) * fitted.size * line_height
        # Centre the block vertically in its box.
        baseline = y + height - (height - block) / 2 - fitted.size * ascent
        canvas.setFillColor(HexColor(colour))
        for line in fitted.lines:
            self._draw_line(canvas, chain, line, x, baseline, fitted.size)
            baseline -= fitted.size * line_height
        return fitted

    def _no_code(
        self,
        canvas: Canvas,
        area: Rect,
        box: Callable[[Rect | TextBox], tuple[float, float, float, float]],
    ) -> None:
        """Where the QR code goes, for someone with no code issued yet: a dashed frame and the
        words, and nothing a scanner could read (a preview must never admit anyone)."""
        x, y, size, _ = box(area)
        canvas.saveState()
        canvas.setStrokeColor(HexColor("#666666"))
        canvas.setDash(4, 3)
        canvas.setLineWidth(1.2)
        canvas.rect(x, y, size, size, stroke=1, fill=0)
        canvas.restoreState()
        words = TextBox(area.x + 2, area.y + 2, area.w - 4, area.h - 4, 14.0, 6.0, lines=4)
        self._text(canvas, NO_CODE_WORDS, words, box, "#444444", bold=True)

    @staticmethod
    def _draw_line(
        canvas: Canvas, chain: FontChain, line: str, x: float, baseline: float, size: float
    ) -> None:
        # Runs in visual order; complex-script runs arrive shaped (a ShapedStr that reportlab
        # draws glyph by glyph with HarfBuzz's positions).
        for piece in chain.pieces(line, size):
            canvas.setFont(piece.font, size)
            canvas.drawString(x, baseline, piece.text)
            x += piece.width

    def _receiver_marker(
        self, canvas: Canvas, language: str, area: tuple[float, float, float, float]
    ) -> None:
        """A small headphone pictogram with the language: this person needs a receiver."""
        x, y, width, height = area
        radius = height * 0.32
        centre_x = x + radius + 1
        centre_y = y + height * 0.45
        canvas.saveState()
        canvas.setStrokeColor(HexColor("#000000"))
        canvas.setFillColor(HexColor("#000000"))
        canvas.setLineWidth(max(0.6, height * 0.08))
        canvas.arc(
            centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius, 0, 180
        )
        cup_w, cup_h = radius * 0.45, radius * 0.9
        canvas.rect(centre_x - radius - cup_w / 2, centre_y - cup_h, cup_w, cup_h, stroke=0, fill=1)
        canvas.rect(centre_x + radius - cup_w / 2, centre_y - cup_h, cup_w, cup_h, stroke=0, fill=1)
        size = min(height * 0.7, 9.0)
        self._draw_line(
            canvas,
            self.bold,
            language.upper(),
            centre_x + radius + cup_w / 2 + 2.5,
            y + height * 0.2,
            size,
        )
        canvas.restoreState()


@dataclass(frozen=True)
class RenderResult:
    pages: int
    badges: int
    path: Path


def _cut_marks(
    canvas: Canvas, left: float, bottom: float, width: float, height: float, length: float
) -> None:
    """Short lines outside each corner, in line with the badge's edges."""
    gap = 1.0 * mm
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(HexColor("#000000"))
    for cx in (left, left + width):
        for cy in (bottom, bottom + height):
            out_x = -1 if cx == left else 1
            out_y = -1 if cy == bottom else 1
            canvas.line(cx + out_x * gap, cy, cx + out_x * (gap + length), cy)
            canvas.line(cx, cy + out_y * gap, cx, cy + out_y * (gap + length))


def render_pdf(
    badges: Iterable[BadgeContent],
    total: int,
    layout: Layout,
    out: Path,
    *,
    title: str = "Badges",
    progress: Progress | None = None,
) -> RenderResult:
    """Render badges to a PDF at `out` in the given layout; fonts are embedded (subset)."""
    page_w, page_h = (side * mm for side in layout.page_size_mm)
    canvas = Canvas(str(out), pagesize=(page_w, page_h), pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("kiosk")
    drawer = BadgeDrawer(layout.design)
    design = layout.design
    sheet = layout.sheet
    count = 0
    pages = 0
    slot = 0
    for badge in badges:
        if sheet is None:
            drawer.draw(canvas, badge, 0, 0)
            canvas.showPage()
            pages += 1
        else:
            badge_w, badge_h = design.width_mm * mm, design.height_mm * mm
            gap = sheet.gap_mm * mm
            grid_w = sheet.columns * badge_w + (sheet.columns - 1) * gap
            grid_h = sheet.rows * badge_h + (sheet.rows - 1) * gap
            column, row = slot % sheet.columns, slot // sheet.columns
            left = (page_w - grid_w) / 2 + column * (badge_w + gap)
            bottom = page_h - (page_h - grid_h) / 2 - (row + 1) * badge_h - row * gap
            drawer.draw(canvas, badge, left, bottom)
            _cut_marks(canvas, left, bottom, badge_w, badge_h, sheet.cut_mark_mm * mm)
            slot += 1
            if slot == sheet.per_page:
                canvas.showPage()
                pages += 1
                slot = 0
        count += 1
        if progress is not None:
            progress(count, total)
    if sheet is not None and slot:
        canvas.showPage()
        pages += 1
    canvas.save()
    return RenderResult(pages, count, out)
