"""The kiosk's physical panel: size, resolution, mounting height and viewing distance. No Qt.

Every accessibility figure in millimetres comes from here, never from the platform's DPI (the
offscreen platform reports a made-up one). Pixels are assumed square, the panel upright (landscape
or portrait as its resolution says) and the window filling the whole panel: a window laid out at
another size is scaled to the panel's resolution, each axis on its own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MM_PER_INCH = 25.4

DEFAULT_DIAGONAL_IN = 21.5
DEFAULT_RESOLUTION = (1920, 1080)
DEFAULT_LOWER_EDGE_MM = 700.0
DEFAULT_VIEWING_DISTANCE_MM = 500.0


@dataclass(frozen=True)
class RectMM:
    """A rectangle on the panel in millimetres, x to the right and y down from the top-left."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Panel:
    """A display panel as mounted on the kiosk (defaults: 21.5-inch 1920x1080, lower edge 700 mm
    above the floor, read from 500 mm away)."""

    diagonal_in: float = DEFAULT_DIAGONAL_IN
    width_px: int = DEFAULT_RESOLUTION[0]
    height_px: int = DEFAULT_RESOLUTION[1]
    lower_edge_mm: float = DEFAULT_LOWER_EDGE_MM
    viewing_distance_mm: float = DEFAULT_VIEWING_DISTANCE_MM

    def __post_init__(self) -> None:
        if not self.diagonal_in > 0:
            raise ValueError("the diagonal must be positive")
        if self.width_px <= 0 or self.height_px <= 0:
            raise ValueError("the resolution must be positive")
        if self.lower_edge_mm < 0:
            raise ValueError("the lower edge cannot be below the floor")
        if not self.viewing_distance_mm > 0:
            raise ValueError("the viewing distance must be positive")

    @classmethod
    def from_resolution(
        cls,
        resolution: str,
        *,
        diagonal_in: float = DEFAULT_DIAGONAL_IN,
        lower_edge_mm: float = DEFAULT_LOWER_EDGE_MM,
        viewing_distance_mm: float = DEFAULT_VIEWING_DISTANCE_MM,
    ) -> Panel:
        """A panel from a resolution written as "1920x1080"."""
        width, height = parse_resolution(resolution)
        return cls(diagonal_in, width, height, lower_edge_mm, viewing_distance_mm)

    @property
    def diagonal_mm(self) -> float:
        return self.diagonal_in * MM_PER_INCH

    @property
    def mm_per_px(self) -> float:
        """The pixel pitch: the diagonal shared out over the diagonal's pixels (square pixels)."""
        return self.diagonal_mm / math.hypot(self.width_px, self.height_px)

    @property
    def width_mm(self) -> float:
        return self.width_px * self.mm_per_px

    @property
    def height_mm(self) -> float:
        return self.height_px * self.mm_per_px

    @property
    def top_edge_mm(self) -> float:
        """Height of the panel's top edge above the floor."""
        return self.lower_edge_mm + self.height_mm

    def px_to_mm(self, px: float) -> float:
        return px * self.mm_per_px

    def mm_to_px(self, mm: float) -> float:
        return mm / self.mm_per_px

    def above_floor_mm(self, y_px: float) -> float:
        """Height above the floor of a panel row, counted in pixels down from the top edge."""
        return self.lower_edge_mm + (self.height_px - y_px) * self.mm_per_px

    def visual_angle_arcmin(self, size_mm: float) -> float:
        """The angle a size on the panel takes up at the viewing distance, in minutes of arc."""
        return math.degrees(2 * math.atan(size_mm / (2 * self.viewing_distance_mm))) * 60

    def describe(self) -> dict[str, float | int | str]:
        """The panel and the figures derived from it, for reports."""
        return {
            "diagonal_in": self.diagonal_in,
            "resolution": f"{self.width_px}x{self.height_px}",
            "lower_edge_mm": self.lower_edge_mm,
            "viewing_distance_mm": self.viewing_distance_mm,
            "mm_per_px": round(self.mm_per_px, 4),
            "width_mm": round(self.width_mm, 1),
            "height_mm": round(self.height_mm, 1),
            "top_edge_mm": round(self.top_edge_mm, 1),
        }


@dataclass(frozen=True)
class WindowOnPanel:
    """A window of `width` x `height` px shown full screen on `panel`: window px to panel mm."""

    panel: Panel
    width: int
    height: int

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError("the window has no size")

    @property
    def scale_x(self) -> float:
        return self.panel.width_px / self.width

    @property
    def scale_y(self) -> float:
        return self.panel.height_px / self.height

    def width_mm(self, px: float) -> float:
        """A horizontal distance in window px, in mm on the panel."""
        return self.panel.px_to_mm(px * self.scale_x)

    def height_mm(self, px: float) -> float:
        """A vertical distance in window px (a glyph's height, say), in mm on the panel."""
        return self.panel.px_to_mm(px * self.scale_y)

    def rect_mm(self, x: float, y: float, width: float, height: float) -> RectMM:
        """A rectangle in window px, in mm on the panel."""
        return RectMM(
            self.width_mm(x), self.height_mm(y), self.width_mm(width), self.height_mm(height)
        )

    def above_floor_mm(self, y: float) -> float:
        """Height above the floor of a window row (px down from the window's top)."""
        return self.panel.above_floor_mm(y * self.scale_y)


_RESOLUTION = re.compile(r"^\s*(\d{2,6})\s*[xX×]\s*(\d{2,6})\s*$")


def parse_resolution(text: str) -> tuple[int, int]:
    """ "1920x1080" -> (1920, 1080); ValueError for anything else."""
    match = _RESOLUTION.match(text)
    if match is None:
        raise ValueError(f"a resolution looks like 1920x1080, not {text!r}")
    return int(match.group(1)), int(match.group(2))
