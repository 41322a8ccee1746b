"""Reading rendered badges back: text, character boxes and QR symbols, as a reviewer would."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pdfplumber
import zxingcpp
from PIL import Image

from kiosk.badges.layouts import Layout

MM = 72 / 25.4


def page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [page.extract_text() or "" for page in document.pages]


def misplaced_chars(pdf: Path, layout: Layout) -> list[str]:
    """Every character whose box leaves the badge or touches the QR square (single badges)."""
    design = layout.design
    qr = design.qr
    qr_box = (qr.x * MM, qr.y * MM, (qr.x + qr.w) * MM, (qr.y + qr.h) * MM)
    problems = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            assert abs(page.width - design.width_mm * MM) < 0.5
            assert abs(page.height - design.height_mm * MM) < 0.5
            for char in page.chars:
                x0, top, x1, bottom = char["x0"], char["top"], char["x1"], char["bottom"]
                inside = x0 >= 0 and top >= 0 and x1 <= page.width and bottom <= page.height
                overlaps_qr = (
                    x0 < qr_box[2] and x1 > qr_box[0] and top < qr_box[3] and bottom > qr_box[1]
                )
                if not inside or overlaps_qr:
                    problems.append(f"page {number}: {char['text']!r} at {x0:.1f},{top:.1f}")
    return problems


def decode_qr_codes(pdf: Path, page: int, workdir: Path, dpi: int = 300) -> list[str]:
    """Rasterise one page with pdftoppm and decode its QR codes with zxing-cpp."""
    prefix = workdir / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(prefix)],
        check=True,
    )  # fmt: skip
    image = np.asarray(Image.open(f"{prefix}.png").convert("L"))
    return [
        result.text
        for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    ]


def embedded_fonts(pdf: Path) -> dict[str, tuple[str, str]]:
    """pdffonts' view of a PDF: base font name (subset tag removed) -> (embedded, subset)."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = {}
    for row in listing.stdout.splitlines()[2:]:
        fields = row.split()
        name = fields[0].split("+", 1)[-1]
        fonts[name] = (fields[-5], fields[-4])
    return fonts


def line_chars(pdf: Path, page: int, font: str) -> list[list[dict]]:
    """The glyphs drawn in one font on a page, grouped by baseline (top to bottom), each line
    sorted left to right."""
    lines: dict[float, list[dict]] = {}
    with pdfplumber.open(pdf) as document:
        sheet = document.pages[page - 1]
        for char in sheet.chars:
            if char["fontname"].split("+", 1)[-1] == font:
                baseline = round(sheet.height - char["matrix"][5], 1)
                lines.setdefault(baseline, []).append(char)
    return [sorted(chars, key=lambda c: c["x0"]) for _, chars in sorted(lines.items())]


def chars_outside_text_boxes(pdf: Path, layout: Layout) -> list[str]:
    """Glyphs that stick out sideways from the text box their line is in (single badges)."""
    design = layout.design
    boxes = [design.event, design.name, design.name_local, design.organization, design.country]
    problems = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            for char in page.chars:
                baseline = page.height - char["matrix"][5]
                for box in boxes:
                    if box.y * MM <= baseline <= (box.y + box.h) * MM:
                        left, right = box.x * MM, (box.x + box.w) * MM
                        if char["x0"] < left - 0.01 or char["x1"] > right + 0.01:
                            problems.append(f"page {number}: {char['text']!r} at {char['x0']:.1f}")
                        break
    return problems


def _ink(mask: np.ndarray) -> np.ndarray:
    rows, columns = np.nonzero(mask)
    return mask[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1]


def printed_line(pdf: Path, page: int, chars: list[dict], workdir: Path, dpi: int) -> np.ndarray:
    """The inked pixels of one printed line of glyphs (pdftoppm), cropped to the ink."""
    prefix = workdir / f"line{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(prefix)],
        check=True,
    )  # fmt: skip
    image = np.asarray(Image.open(f"{prefix}.png").convert("L"))
    scale = dpi / 72
    size = chars[0]["size"]
    with pdfplumber.open(pdf) as document:
        height = document.pages[page - 1].height
    baseline = height - chars[0]["matrix"][5]
    left = min(c["x0"] for c in chars) - size * 0.3
    right = max(c["x1"] for c in chars) + size * 0.3
    crop = image[
        int((baseline - size * 1.1) * scale) : int((baseline + size * 0.6) * scale),
        int(left * scale) : int(right * scale),
    ]
    return _ink(crop < 128)


def reference_line(text: str, font_path: Path, size: float, dpi: int, shaped: bool) -> np.ndarray:
    """The same text set by Pillow: with Raqm (HarfBuzz and FriBidi: shaped, bidi ordered), or
    with its basic layout (one glyph per character, left to right in logical order)."""
    from PIL import ImageDraw, ImageFont

    engine = ImageFont.Layout.RAQM if shaped else ImageFont.Layout.BASIC
    font = ImageFont.truetype(str(font_path), round(size * dpi / 72), layout_engine=engine)
    image = Image.new("L", (4000, 800), 255)
    ImageDraw.Draw(image).text((100, 200), text, font=font, fill=0)
    return _ink(np.asarray(image) < 128)


def likeness(a: np.ndarray, b: np.ndarray) -> float:
    """Overlap (intersection over union) of two ink masks scaled to the same box."""
    height, width = max(a.shape[0], b.shape[0]), max(a.shape[1], b.shape[1])

    def scaled(mask: np.ndarray) -> np.ndarray:
        return (
            np.asarray(Image.fromarray(mask.astype(np.uint8) * 255).resize((width, height))) > 127
        )

    first, second = scaled(a), scaled(b)
    return float((first & second).sum() / (first | second).sum())
