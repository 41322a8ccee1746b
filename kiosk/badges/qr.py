"""QR symbols for badges: the module matrix, drawn as vector rectangles.

Choosing the mask pattern costs eight encodings; every mask is valid and decodes the same, so a
fixed one makes a badge's QR about five times cheaper. Nothing is cached (codes are personal).
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE_MODULES = 4
_FIXED_MASK = 0


# Smallest QR version for a text length: codes of one event share a few lengths, so the search
# runs once per length. Only lengths are kept, nothing of the codes themselves.
_VERSION_FOR_LENGTH: dict[int, int] = {}


def qr_matrix(data: str) -> list[list[bool]]:
    """The dark/light modules of the symbol, without the quiet zone (error correction M)."""
    version = _VERSION_FOR_LENGTH.get(len(data))
    code = qrcode.QRCode(
        version=version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=_FIXED_MASK
    )
    code.add_data(data)
    code.make(fit=version is None)
    if version is None and data.isalnum() and data.isupper():
        _VERSION_FOR_LENGTH[len(data)] = code.version
    return [[bool(module) for module in row] for row in code.get_matrix()]


def symbol_size(outer: float, modules: int) -> float:
    """The printed size of the symbol itself when `outer` includes the quiet zone."""
    return outer * modules / (modules + 2 * QUIET_ZONE_MODULES)


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, outer: float) -> None:
    """Draw the symbol in the square (x, y) of side `outer` (points, bottom-left origin),
    keeping a white quiet zone of four modules around it."""
    count = len(matrix)
    module = outer / (count + 2 * QUIET_ZONE_MODULES)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, outer, outer, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    left = x + QUIET_ZONE_MODULES * module
    top = y + outer - QUIET_ZONE_MODULES * module
    for row_index, row in enumerate(matrix):
        row_y = top - (row_index + 1) * module
        start = -1
        for col, dark in enumerate([*row, False]):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                path.rect(left + start * module, row_y, (col - start) * module, module)
                start = -1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
