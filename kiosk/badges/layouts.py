"""Badge layouts, read from resources/badges/layouts.json (data, not literals in code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError

BADGE_RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "badges"
DEFAULT_LAYOUT = "cr80"


@dataclass(frozen=True)
class TextBox:
    """A region for one text field: position and size in mm, font sizes in points."""

    x: float
    y: float
    w: float
    h: float
    max_size: float
    min_size: float
    lines: int = 1
    bold: bool = False
    inset: float = 0.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class BadgeDesign:
    """Where everything goes on one badge."""

    width_mm: float
    height_mm: float
    band: TextBox
    event: TextBox
    name: TextBox
    name_local: TextBox
    organization: TextBox
    country: TextBox
    qr: Rect  # square: w == h, quiet zone included
    receiver: Rect


@dataclass(frozen=True)
class Sheet:
    """Several badges on one page, with cut marks."""

    page_mm: tuple[float, float]
    columns: int
    rows: int
    gap_mm: float
    cut_mark_mm: float

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True)
class Layout:
    """A named layout: one badge per page, or a sheet of badges."""

    name: str
    title: str
    design: BadgeDesign
    sheet: Sheet | None = None

    @property
    def page_size_mm(self) -> tuple[float, float]:
        if self.sheet is not None:
            return self.sheet.page_mm
        return (self.design.width_mm, self.design.height_mm)

    @property
    def per_page(self) -> int:
        return self.sheet.per_page if self.sheet else 1


@cache
def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((BADGE_RESOURCES / "layouts.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def layout_names() -> list[str]:
    return sorted(_raw())


def _design(spec: dict[str, Any]) -> BadgeDesign:
    width, height = spec["badge_mm"]
    qr = spec["qr"]
    return BadgeDesign(
        width_mm=width,
        height_mm=height,
        band=TextBox(**spec["band"]),
        event=TextBox(**spec["event"]),
        name=TextBox(**spec["name"]),
        name_local=TextBox(**spec["name_local"]),
        organization=TextBox(**spec["organization"]),
        country=TextBox(**spec["country"]),
        qr=Rect(qr["x"], qr["y"], qr["size"], qr["size"]),
        receiver=Rect(**spec["receiver"]),
    )


@cache
def load_layout(name: str) -> Layout:
    """The layout of this name, or a clear error listing the ones there are."""
    raw = _raw()
    if name not in raw:
        raise KioskError(f"unknown badge layout {name!r}: one of {', '.join(layout_names())}")
    spec = raw[name]
    if "sheet" in spec:
        sheet_spec = dict(spec["sheet"])
        badge = load_layout(sheet_spec.pop("badge"))
        page = tuple(sheet_spec.pop("page_mm"))
        sheet = Sheet(page_mm=(page[0], page[1]), **sheet_spec)
        return Layout(name, spec["title"], badge.design, sheet)
    return Layout(name, spec["title"], _design(spec))


@dataclass(frozen=True)
class CategoryStyle:
    colour: str
    en: str
    ko: str

    @property
    def label(self) -> str:
        return f"{self.en} · {self.ko}"


@cache
def category_styles() -> dict[str, CategoryStyle]:
    data = json.loads((BADGE_RESOURCES / "categories.json").read_text("utf-8"))
    return {k: CategoryStyle(**v) for k, v in data.items() if not k.startswith("_")}
