"""Accessibility measured, not claimed: Korea's kiosk criteria as automated checks.

- `panel`: the physical panel (size, resolution, mounting height, viewing distance) that turns
  pixels into millimetres and heights above the floor; no Qt.
- `criteria`: the thresholds and the arithmetic (contrast, gaps, reach, flashing, label in name);
  no Qt. `pixels`: colour arithmetic on rendered pixels (numpy); `translations`: unfinished
  strings in the Qt Linguist files.
- `sizes`: the screen-size matrix (1280x800, 1366x768, 1920x1080, portrait 1080x1920); no Qt.
- `measure`: the Qt side, measuring a live widget tree; `walk`: drives the door and self check-in
  screens through their states, languages and display modes (and lays out every door, kiosk and
  organiser page at each size of the matrix); `report`: `kiosk a11y-report`.
"""
