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
