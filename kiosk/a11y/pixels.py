"""Colour arithmetic on rendered pixels (numpy arrays of shape (h, w, 3), uint8 sRGB). No Qt.

The Qt side grabs what the window really painted; these functions read colours off it: the
background and text colour of a piece of text, how much a focus indicator changes a control, and
how different two pictures are in grayscale.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Pixels = npt.NDArray[np.uint8]
Floats = npt.NDArray[np.float64]
Colour = tuple[int, int, int]


def luminance(pixels: Pixels | npt.NDArray[Any]) -> Floats:
    """WCAG relative luminance of every pixel (shape (h, w) or (n,))."""
    c = np.asarray(pixels, dtype=np.float64) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    result: Floats = linear @ np.array([0.2126, 0.7152, 0.0722])
    return result


def contrast(first: Floats, second: Floats | float) -> Floats:
    """Contrast ratio between luminances, element-wise."""
    high = np.maximum(first, second)
    low = np.minimum(first, second)
    ratio: Floats = (high + 0.05) / (low + 0.05)
    return ratio


def _keys(pixels: Pixels) -> npt.NDArray[np.int64]:
    flat = pixels.reshape(-1, 3).astype(np.int64)
    keys: npt.NDArray[np.int64] = (flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]
    return keys


def _colour(key: int) -> Colour:
    return (key >> 16) & 0xFF, (key >> 8) & 0xFF, key & 0xFF


def dominant(pixels: Pixels) -> Colour:
    """The most common colour."""
    keys, counts = np.unique(_keys(pixels), return_counts=True)
    return _colour(int(keys[int(np.argmax(counts))]))


def text_colours(pixels: Pixels, *, min_count: int = 2) -> tuple[float, Colour, Colour]:
    """(contrast, text colour, background colour) of a piece of rendered text.

    The background is the most common colour; the text colour is the one furthest from it in
    contrast among colours covering at least `min_count` pixels (anti-aliased edges lie between
    the two, so they never raise the figure). A crop with one colour only reads 1:1.
    """
    keys, counts = np.unique(_keys(pixels), return_counts=True)
    background = int(keys[int(np.argmax(counts))])
    colours = np.stack([(keys >> 16) & 0xFF, (keys >> 8) & 0xFF, keys & 0xFF], axis=1)
    lum = luminance(colours)
    ratios = contrast(lum, float(lum[int(np.argmax(counts))]))
    ratios = np.where(counts >= min_count, ratios, 1.0)
    best = int(np.argmax(ratios))
    return float(ratios[best]), _colour(int(keys[best])), _colour(background)


def change_contrast(focused: Pixels, unfocused: Pixels, area_px: int) -> float:
    """How strongly focus changes a control: the contrast that at least `area_px` pixels reach
    between their focused and unfocused colours (WCAG 2.4.13's change of contrast over an area
    of a 2 px perimeter). 1.0 when fewer pixels change at all."""
    ratios = contrast(luminance(focused), luminance(unfocused)).ravel()
    if area_px <= 0:
        return float(ratios.max()) if ratios.size else 1.0
    if ratios.size < area_px:
        return 1.0
    ranked = np.sort(ratios)[::-1]
    return float(ranked[area_px - 1])


def ring(pixels: Pixels, inset: int, thickness: int) -> Pixels:
    """The pixels of a rectangular band `inset` px in from the edge, `thickness` px wide."""
    height, width = pixels.shape[:2]
    top, bottom = inset, height - inset
    left, right = inset, width - inset
    if bottom - top <= 2 * thickness or right - left <= 2 * thickness:
        return pixels.reshape(-1, 3)[:0].reshape(0, 1, 3)
    parts = [
        pixels[top : top + thickness, left:right].reshape(-1, 3),
        pixels[bottom - thickness : bottom, left:right].reshape(-1, 3),
        pixels[top + thickness : bottom - thickness, left : left + thickness].reshape(-1, 3),
        pixels[top + thickness : bottom - thickness, right - thickness : right].reshape(-1, 3),
    ]
    band: Pixels = np.concatenate(parts).reshape(-1, 1, 3)
    return band


def gray(pixels: Pixels) -> Floats:
    """Grayscale (luma, 0-255) of every pixel: what a person without colour vision sees."""
    weights = np.array([0.299, 0.587, 0.114])
    result: Floats = np.asarray(pixels, dtype=np.float64) @ weights
    return result


def gray_difference(first: Pixels, second: Pixels, *, threshold: float = 32.0) -> float:
    """The share of pixels (0-1) whose grayscale differs by more than `threshold` levels; the
    pictures are compared over their common top-left area."""
    height = min(first.shape[0], second.shape[0])
    width = min(first.shape[1], second.shape[1])
    if height == 0 or width == 0:
        return 0.0
    a = gray(first[:height, :width])
    b = gray(second[:height, :width])
    return float(np.mean(np.abs(a - b) > threshold))
