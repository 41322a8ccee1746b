"""`python -m kiosk.screenshots OUTDIR --size WxH`: the kiosk's welcome page in each language
and display mode is a different picture (the language and mode chosen are what is shown, not
reset by the flow before the picture is taken), at the size asked for."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from kiosk import screenshots
from kiosk.a11y.measure import image_pixels
from kiosk.a11y.sizes import parse_sizes

MIN_DIFFERENT = 0.01  # share of pixels two pictures of different variants differ in, at least


def test_each_welcome_picture_shows_its_language_and_mode(qapp, tmp_path: Path) -> None:
    saved = screenshots.shoot(
        tmp_path, ["kiosk"], parse_sizes(["1366x768"]), kiosk_states={"welcome"}
    )
    pictures = sorted(tmp_path.glob("kiosk-welcome-*.png"))
    names = [p.stem.removeprefix("kiosk-welcome-") for p in pictures]
    assert saved == 6
    assert names == [
        "en-contrast",
        "en-large",
        "en-standard",
        "ko-contrast",
        "ko-large",
        "ko-standard",
    ]
    pixels = {}
    for name, path in zip(names, pictures, strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
        pixels[name] = image_pixels(image)
    for first, second in itertools.combinations(names, 2):
        differ = float(np.any(pixels[first] != pixels[second], axis=2).mean())
        assert differ >= MIN_DIFFERENT, f"{first} and {second} look the same ({differ:.2%})"
