"""Measuring a live widget tree against the criteria: the Qt side of kiosk.a11y.

A `Measurer` holds one top-level window shown at some size and the panel it fills. Every figure
is read off the running widgets (their geometry, fonts, accessible names) or off what the window
really painted (`QWidget.grab`), converted to millimetres through the panel model, and handed to
the pure functions of kiosk.a11y.criteria.

Principal text (the text a person must read to know what to do or what happened) is what a screen
marks with the dynamic property `a11yRole` set to "instruction", "verdict" or "title". A screen
without any such mark is measured by a fallback: the door's verdict headline (object name
`verdictHeadline`) and every label styled as a page title (`role="title"`, the kiosk's page titles
and questions). `Result.subject` says which rule picked each text, so a report shows where marks
are missing.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractAnimation, QEventLoop, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from kiosk.a11y import criteria as c
from kiosk.a11y.panel import Panel, RectMM, WindowOnPanel
from kiosk.a11y.pixels import (
    Pixels,
    change_contrast,
    contrast,
    dominant,
    gray_difference,
    luminance,
    ring,
    text_colours,
)

PRINCIPAL_ROLES = frozenset({"instruction", "verdict", "title"})
FALLBACK_OBJECT_NAMES = frozenset({"verdictHeadline"})
FALLBACK_STYLE_ROLES = frozenset({"title"})
TARGET_TYPES = (QAbstractButton, QLineEdit, QComboBox, QAbstractSlider, QAbstractSpinBox)
HANGUL_SAMPLE = "한"
FOCUS_MARGIN_PX = 3  # the band outside a control that counts as its background
FOCUS_AREA_FACTOR = 0.75  # share of a 2 px perimeter band (rounded corners lose some)
BUTTON_INSET_PX = 10  # past a button's border, focus ring and rounded corners
FIELD_INSET_PX = 6
MAX_ROWS = 6  # list rows measured per list
RING_CHANGE_MIN = 1.2  # the edge of a control changes with focus (a ring is drawn)


def image_pixels(image: QImage) -> Pixels:
    """A QImage as an (h, w, 3) uint8 array of sRGB colours."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    height, width = rgb.height(), rgb.width()
    if height == 0 or width == 0:
        return np.zeros((0, 0, 3), dtype=np.uint8)
    buffer = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=rgb.sizeInBytes())
    rows = buffer.reshape(height, rgb.bytesPerLine())[:, : width * 3]
    pixels: Pixels = rows.reshape(height, width, 3).copy()
    return pixels


def settle(rounds: int = 2) -> None:
    """Deliver posted events (LanguageChange, style changes, queued signals)."""
    for _ in range(rounds):
        QApplication.processEvents()


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Process events until `condition()` holds or the time is up."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    return True


def name_of(widget: QWidget) -> str:
    """How a widget is named in results: its object name, else its class and text."""
    if widget.objectName():
        return widget.objectName()
    text = _text_of(widget)
    kind = type(widget).__name__
    return f"{kind} {text[:24]!r}" if text else kind


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return str(widget.text())
    if isinstance(widget, QLineEdit):
        return str(widget.text() or widget.placeholderText())
    if isinstance(widget, QComboBox):
        return str(widget.currentText())
    return ""


@dataclass(frozen=True)
class Target:
    """Something to touch: a control, or a row of a list that can be chosen."""

    name: str
    rect: QRect  # in window coordinates, the part that is visible
    widget: QWidget


@dataclass(frozen=True)
class Snapshot:
    """A verdict or outcome as shown: its words (icon, headline) and its pixels."""

    words: tuple[str, ...]
    pixels: Pixels


class Measurer:
    """Measures widgets of one window shown full screen on `panel`."""

    def __init__(self, window: QWidget, panel: Panel) -> None:
        self.window = window
        self.panel = panel

    @property
    def on_panel(self) -> WindowOnPanel:
        return WindowOnPanel(self.panel, self.window.width(), self.window.height())

    # -- geometry ----------------------------------------------------------------------------------

    def window_rect(self, widget: QWidget) -> QRect | None:
        """The visible part of a widget in window coordinates (clipped by its ancestors)."""
        window = self.window
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        parent = widget.parentWidget()
        while parent is not None and parent is not window:
            rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        rect = rect.intersected(window.rect())
        return None if rect.isEmpty() else rect

    def rect_mm(self, rect: QRect) -> RectMM:
        return self.on_panel.rect_mm(rect.x(), rect.y(), rect.width(), rect.height())

    def _shown(self, root: QWidget) -> Iterator[QWidget]:
        """Widgets shown under `root` and not hidden under another widget drawn over them."""
        for widget in [root, *root.findChildren(QWidget)]:
            if widget.isVisible() and widget.window() is self.window and not self.obscured(widget):
                yield widget

    def obscured(self, widget: QWidget) -> bool:
        """More than half of the widget lies under widgets stacked above it (an overlay such as
        a warning bar floating over a page): it cannot be read or pressed as it is."""
        rect = self.window_rect(widget)
        if rect is None:
            return True
        window = self.window
        covers: list[QRect] = []
        child, parent = widget, widget.parentWidget()
        while parent is not None and child is not window:
            siblings = [w for w in parent.children() if isinstance(w, QWidget)]
            for above in siblings[siblings.index(child) + 1 :]:
                if above.isVisible() and not above.isWindow():
                    overlap = QRect(above.mapTo(window, QPoint(0, 0)), above.size()).intersected(
                        rect
                    )
                    if not overlap.isEmpty():
                        covers.append(overlap)
            child, parent = parent, parent.parentWidget()
        if not covers:
            return False
        mask = np.zeros((rect.height(), rect.width()), dtype=bool)
        for cover in covers:
            top, left = cover.y() - rect.y(), cover.x() - rect.x()
            mask[top : top + cover.height(), left : left + cover.width()] = True
        return bool(mask.mean() > 0.5)

    @staticmethod
    def _inside_control(widget: QWidget, root: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, TARGET_TYPES):
                return True
            parent = parent.parentWidget()
        return False

    def targets(self, root: QWidget) -> list[Target]:
        """Everything a finger can press: controls, and the rows of lists that can be chosen."""
        found: list[Target] = []
        for widget in self._shown(root):
            if isinstance(widget, TARGET_TYPES) and not self._inside_control(widget, root):
                rect = self.window_rect(widget)
                if rect is not None:
                    found.append(Target(name_of(widget), rect, widget))
            elif (
                isinstance(widget, QAbstractItemView)
                and widget.selectionMode() != QAbstractItemView.SelectionMode.NoSelection
            ):
                found.extend(self._rows(widget))
        return found

    def _rows(self, view: QAbstractItemView) -> list[Target]:
        model = view.model()
        viewport = self.window_rect(view.viewport())
        if model is None or viewport is None:
            return []
        column = view.modelColumn() if isinstance(view, QListView) else 0
        rows = []
        for row in range(model.rowCount()):
            visual = view.visualRect(model.index(row, column))
            if visual.isEmpty():
                continue
            corner = view.viewport().mapTo(self.window, visual.topLeft())
            rect = QRect(corner, visual.size()).intersected(viewport)
            if not rect.isEmpty():
                rows.append(Target(f"{name_of(view)}[{row}]", rect, view))
        return rows

    # -- text size ---------------------------------------------------------------------------------

    def principal_labels(self, root: QWidget) -> list[tuple[QLabel, str]]:
        """The principal texts shown, with the rule that picked each ("a11yRole"/"fallback")."""
        labels = [w for w in self._shown(root) if isinstance(w, QLabel) and w.text().strip()]
        marked = [(label, "a11yRole") for label in labels if _role(label) in PRINCIPAL_ROLES]
        if marked:
            return marked
        return [
            (label, "fallback")
            for label in labels
            if label.objectName() in FALLBACK_OBJECT_NAMES
            or label.property("role") in FALLBACK_STYLE_ROLES
        ]

    def text_size(self, root: QWidget, where: c.Where) -> list[c.Result]:
        """Hangul glyph height and Latin capital height of every principal text shown."""
        results = []
        for label, rule in self.principal_labels(root):
            font = label.font()
            metrics = QFontMetricsF(font)
            text = label.text()
            for script in sorted(c.scripts_in(text)):
                if script == "hangul":
                    px = metrics.tightBoundingRect(HANGUL_SAMPLE).height()
                    criterion = "hangul_height"
                else:
                    px = metrics.capHeight()
                    criterion = "latin_cap_height"
                mm = self.on_panel.height_mm(px)
                required = c.required_text_mm(script, self.panel.viewing_distance_mm)
                results.append(
                    where.result(
                        criterion,
                        f"{name_of(label)} ({rule})",
                        mm,
                        required,
                        "mm",
                        "min",
                        detail=f"{text[:40]!r}: {font.pointSizeF():.0f} pt, {px:.0f} px",
                    )
                )
        return results

    # -- touch targets, gaps, reach ----------------------------------------------------------------

    def touch_targets(self, root: QWidget, where: c.Where) -> list[c.Result]:
        """Size of every target and the gap to its nearest neighbour."""
        targets = self.targets(root)
        rects = [self.rect_mm(t.rect) for t in targets]
        results = []
        for target, rect in zip(targets, rects, strict=True):
            results.append(
                where.result(
                    "touch_target",
                    target.name,
                    min(rect.width, rect.height),
                    c.TARGET_MIN_MM,
                    "mm",
                    "min",
                    detail=f"{rect.width:.1f} x {rect.height:.1f} mm "
                    f"({target.rect.width()} x {target.rect.height()} px)",
                )
            )
        for i, (target, rect) in enumerate(zip(targets, rects, strict=True)):
            others = [(c.gap_mm(rect, other), j) for j, other in enumerate(rects) if j != i]
            if not others:
                continue
            gap, nearest = min(others)
            results.append(
                where.result(
                    "target_gap",
                    target.name,
                    gap,
                    c.TARGET_GAP_MIN_MM,
                    "mm",
                    "min",
                    detail=f"nearest: {targets[nearest].name}",
                )
            )
        return results

    def reach(self, root: QWidget, where: c.Where) -> list[c.Result]:
        """Height above the floor of every control, and of the highest text shown."""
        on_panel = self.on_panel
        results = []
        for target in self.targets(root):
            rect = target.rect
            high = on_panel.above_floor_mm(rect.y())
            low = on_panel.above_floor_mm(rect.y() + rect.height())
            detail = f"{low:.0f}-{high:.0f} mm above the floor"
            if low < c.REACH_LOW_MM:
                results.append(
                    where.result(
                        "reach", target.name, low, c.REACH_LOW_MM, "mm", "min", detail=detail
                    )
                )
            else:
                results.append(
                    where.result(
                        "reach", target.name, high, c.REACH_HIGH_MM, "mm", "max", detail=detail
                    )
                )
        tops = [
            (rect.y(), name_of(w))
            for w in self._shown(root)
            if isinstance(w, QLabel) and w.text().strip()
            for rect in [self.window_rect(w)]
            if rect is not None
        ]
        if tops:
            top, name = min(tops)
            height = on_panel.above_floor_mm(top)
            results.append(
                where.result(
                    "reach",
                    f"highest text: {name}",
                    height,
                    c.REACH_HIGH_MM,
                    "mm",
                    "max",
                    detail="visual information above 1,220 mm is out of a seated person's view",
                )
            )
        return results

    # -- contrast ----------------------------------------------------------------------------------

    def _text_crops(self, root: QWidget) -> Iterator[tuple[str, QRect, QWidget]]:
        for widget in self._shown(root):
            rect = self.window_rect(widget)
            if rect is None:
                continue
            if isinstance(widget, QLabel):
                if widget.text().strip() and widget.pixmap().isNull():
                    inner = widget.contentsRect()
                    area = QRect(widget.mapTo(self.window, inner.topLeft()), inner.size())
                    yield name_of(widget), area.intersected(rect), widget
            elif isinstance(widget, QAbstractButton) and widget.text().strip():
                yield name_of(widget), _inset(rect, BUTTON_INSET_PX), widget
            elif isinstance(widget, QLineEdit | QComboBox) and _text_of(widget).strip():
                yield name_of(widget), _inset(rect, FIELD_INSET_PX), widget
            elif isinstance(widget, QAbstractItemView):
                for row in self._rows(widget)[:MAX_ROWS]:
                    yield row.name, row.rect, widget

    def contrast(self, root: QWidget, where: c.Where, *, high_contrast: bool) -> list[c.Result]:
        """Contrast of every text shown, read off the rendered window."""
        picture = image_pixels(self.window.grab().toImage())
        required = c.required_contrast(high_contrast)
        results = []
        for name, rect, widget in self._text_crops(root):
            if rect.isEmpty():
                continue
            crop = picture[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1]
            if crop.size == 0:
                continue
            ratio, text, background = text_colours(crop)
            detail = f"{_hex(text)} on {_hex(background)}"
            exempt = not widget.isEnabled()
            if exempt:
                detail += " (disabled control: exempt)"
            results.append(
                where.result(
                    "contrast",
                    name,
                    ratio,
                    required,
                    ":1",
                    "min",
                    passed=True if exempt else None,
                    detail=detail,
                )
            )
        return results

    # -- focus -------------------------------------------------------------------------------------

    def activate(self) -> bool:
        """Make the window the active one, so that focus (and the focus style) shows."""
        window = self.window
        window.show()
        window.raise_()
        window.activateWindow()
        return wait_until(window.isActiveWindow, 2.0)

    def focusable(self, root: QWidget) -> list[QWidget]:
        """Controls a keyboard or keypad reaches with Tab."""
        return [
            widget
            for widget in self._shown(root)
            if widget is not root
            and widget.isEnabled()
            and (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
            and not self._inside_control(widget, root)
            and self.window_rect(widget) is not None
        ]

    def focus_indicator(
        self, root: QWidget, where: c.Where, cache: dict[tuple[Any, ...], c.Result] | None = None
    ) -> list[c.Result]:
        """For every focusable control: the change focus makes and the ring against the page.

        The control is painted focused and unfocused; the figure is the lower of (a) the contrast
        at least a 2 px perimeter's worth of pixels reach between the two pictures and (b) the
        contrast of the focused control's outer 2 px band against the background just outside.
        `cache` skips controls already measured with the same look (same name, text, mode).
        """
        active = self.activate()
        previous = QApplication.focusWidget()
        results = []
        for widget in self.focusable(root):
            key = (where.mode, where.language, name_of(widget), _text_of(widget), widget.size())
            if cache is not None and key in cache:
                cached = cache[key]
                results.append(
                    where.result(
                        "focus_indicator",
                        cached.subject,
                        cached.measured,
                        cached.required,
                        cached.unit,
                        cached.comparison,
                        cached.passed,
                        cached.detail,
                    )
                )
                continue
            result = self._focus_one(widget, where, active)
            if cache is not None:
                cache[key] = result
            results.append(result)
        if previous is not None and previous.isVisible():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)
        settle(1)
        return results

    def _focus_one(self, widget: QWidget, where: c.Where, active: bool) -> c.Result:
        rect = self.window_rect(widget)
        assert rect is not None
        outer = rect.adjusted(
            -FOCUS_MARGIN_PX, -FOCUS_MARGIN_PX, FOCUS_MARGIN_PX, FOCUS_MARGIN_PX
        ).intersected(self.window.rect())
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        settle(1)
        if not widget.hasFocus():
            return where.result(
                "focus_indicator",
                name_of(widget),
                1.0,
                c.FOCUS_CONTRAST_MIN,
                ":1",
                "min",
                detail="could not take the focus" + ("" if active else " (window not active)"),
            )
        focused = image_pixels(self.window.grab(outer).toImage())
        widget.clearFocus()
        settle(1)
        unfocused = image_pixels(self.window.grab(outer).toImage())
        dx, dy = rect.x() - outer.x(), rect.y() - outer.y()
        inside_f = focused[dy : dy + rect.height(), dx : dx + rect.width()]
        inside_u = unfocused[dy : dy + rect.height(), dx : dx + rect.width()]
        area = int(FOCUS_AREA_FACTOR * 2 * 2 * (rect.width() + rect.height()))
        change = change_contrast(inside_f, inside_u, area)
        band_f, band_u = ring(inside_f, 0, 2), ring(inside_u, 0, 2)
        band_change = (
            float(np.median(contrast(luminance(band_f), luminance(band_u)))) if band_f.size else 1.0
        )
        border = dominant(band_f) if band_f.size else dominant(inside_f)
        margin = min(dx, dy, outer.right() - rect.right(), outer.bottom() - rect.bottom())
        if margin >= 2:
            background = dominant(ring(focused, 0, margin))
        else:  # at the window's edge: the control's own unfocused edge is what surrounds it
            background = dominant(ring(inside_u, 0, 2))
        against = c.contrast_ratio(border, background)
        # A ring (the edge changes) counts by its contrast with the page around the control; a
        # change of the whole control (a fill) by the contrast of the change itself.
        ring_figure = against if band_change >= RING_CHANGE_MIN else 1.0
        return where.result(
            "focus_indicator",
            name_of(widget),
            max(ring_figure, change),
            c.FOCUS_CONTRAST_MIN,
            ":1",
            "min",
            detail=f"ring {_hex(border)} on {_hex(background)} {against:.1f}:1"
            + ("" if band_change >= RING_CHANGE_MIN else " (edge unchanged by focus)")
            + f"; change {change:.1f}:1 over a 2 px perimeter",
        )

    # -- flashing ----------------------------------------------------------------------------------

    def flashing(self, root: QWidget, where: c.Where, *, sample_s: float = 0.0) -> list[c.Result]:
        """Repeating timers and looping animations on the screen (each counted as a flash source
        at its rate), the text cursor's blink and, with `sample_s`, changes seen in grabs."""
        sources: list[tuple[str, float]] = []
        for timer in root.findChildren(QTimer):
            if not timer.isSingleShot() and timer.interval() > 0:
                label = timer.objectName() or f"timer every {timer.interval()} ms"
                sources.append((label, c.flash_hz(timer.interval())))
        for animation in root.findChildren(QAbstractAnimation):
            if animation.loopCount() != 1 and animation.duration() > 0:
                label = animation.objectName() or type(animation).__name__
                sources.append((label, 1000.0 / animation.duration()))
        flash_time = QApplication.cursorFlashTime()
        if flash_time > 0 and any(isinstance(w, QLineEdit) for w in self._shown(root)):
            sources.append(("text cursor", 1000.0 / flash_time))
        results = [
            where.result(
                "flashing",
                label,
                hz,
                c.FLASH_LOW_HZ,
                "Hz",
                "max",
                passed=not c.flashes_in_band(hz),
                detail="a repeating change (counted as a flash at this rate)",
            )
            for label, hz in sources
        ]
        if sample_s > 0:
            results.append(self._sampled_flashes(where, sample_s))
        return results

    def _sampled_flashes(self, where: c.Where, seconds: float) -> c.Result:
        """Grab the window about 20 times a second and count the grabs that changed over an
        area that matters (WCAG's 0.006 sr); half the changes a second are flashes a second."""
        step = 4  # every 4th pixel each way is enough to see an area change

        def frame() -> Pixels:
            pixels = image_pixels(self.window.grab().toImage())
            small: Pixels = pixels[::step, ::step]
            return small

        on_panel = self.on_panel
        area_px = c.flash_area_mm2(self.panel.viewing_distance_mm) / (
            on_panel.width_mm(1) * on_panel.height_mm(1)
        )
        share = area_px / max(self.window.width() * self.window.height(), 1)
        previous = frame()
        changes = frames = 0
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            wait_until(lambda: False, 0.04)
            current = frame()
            frames += 1
            if gray_difference(previous, current, threshold=25.0) >= share:
                changes += 1
            previous = current
        elapsed = max(time.monotonic() - start, 1e-3)
        hz = changes / elapsed / 2
        return where.result(
            "flashing",
            "window (sampled)",
            hz,
            c.FLASH_LOW_HZ,
            "Hz",
            "max",
            passed=not c.flashes_in_band(hz),
            detail=f"{changes} changes over {share:.1%} of the window or more in {frames} "
            f"frames over {elapsed:.1f} s",
        )

    # -- names -------------------------------------------------------------------------------------

    def label_in_name(self, root: QWidget, where: c.Where) -> list[c.Result]:
        """Every control's accessible name contains the words it shows (or its label's)."""
        buddies: dict[int, str] = {}
        for widget in self._shown(root):
            if isinstance(widget, QLabel) and widget.buddy() is not None:
                buddies[id(widget.buddy())] = widget.text()
        results = []
        named = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
        for widget in self._shown(root):
            if not isinstance(widget, TARGET_TYPES) or self._inside_control(widget, root):
                continue
            if not isinstance(widget, named) and id(widget) not in buddies:
                continue  # a scroll bar: nothing shown to name it by
            if isinstance(widget, QAbstractButton):
                visible = widget.text()
            elif id(widget) in buddies:
                visible = buddies[id(widget)]
            elif isinstance(widget, QLineEdit):
                visible = widget.placeholderText()
            else:
                visible = ""
            name = widget.accessibleName()
            passed = bool(name.strip()) and c.label_in_name(visible, name)
            results.append(
                where.result(
                    "label_in_name",
                    name_of(widget),
                    1.0 if passed else 0.0,
                    1.0,
                    "",
                    "min",
                    passed=passed,
                    detail=f"shows {visible!r}, named {name!r}",
                )
            )
        return results

    # -- 200 % text --------------------------------------------------------------------------------

    def clipping(self, root: QWidget, where: c.Where, expected: tuple[int, int]) -> list[c.Result]:
        """Labels and buttons whose text does not fit (run with the text enlarged)."""
        results = []
        width, height = expected
        grown = max(self.window.width() - width, self.window.height() - height, 0)
        results.append(
            where.result(
                "text_200",
                "window",
                float(grown),
                0.0,
                "px",
                "max",
                detail=f"window {self.window.width()} x {self.window.height()} px on a "
                f"{width} x {height} px panel",
            )
        )
        for widget in self._shown(root):
            if isinstance(widget, QLabel) and widget.text().strip():
                need_w, need_h = _label_needs(widget)
            elif isinstance(widget, QAbstractButton) and widget.text().strip():
                need_w, need_h, room = _button_needs(widget)
            else:
                continue
            if isinstance(widget, QPushButton):
                over = max(need_w - room.width(), need_h - room.height(), 0)
            else:
                over = max(need_w - widget.width(), need_h - widget.height(), 0)
            visible = self.window_rect(widget)
            cut = 0
            if not self._scrolls(widget):
                seen_w = visible.width() if visible is not None else 0
                seen_h = visible.height() if visible is not None else 0
                cut = max(widget.width() - seen_w, widget.height() - seen_h, 0)
            results.append(
                where.result(
                    "text_200",
                    name_of(widget),
                    float(max(over, cut)),
                    0.0,
                    "px",
                    "max",
                    detail=f"needs {need_w} x {need_h} px, has {widget.width()} x "
                    f"{widget.height()} px"
                    + (" (inside border and padding)" if isinstance(widget, QPushButton) else "")
                    + (f", {cut} px off screen" if cut else ""),
                )
            )
        return results

    def _scrolls(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window:
            if isinstance(parent, QAbstractScrollArea):
                return True
            parent = parent.parentWidget()
        return False

    # -- layout at a screen size ------------------------------------------------------------------

    def layout(self, where: c.Where, expected: tuple[int, int]) -> list[c.Result]:
        """The whole window as laid out at `expected` (w, h) px: it kept that size, every control
        lies wholly inside it (or inside a scroll area, which scrolls to it), no control overlaps
        another and no text is elided or clipped."""
        window = self.window
        width, height = expected
        grown_w, grown_h = window.width() - width, window.height() - height
        results = [
            where.result(
                "fits_window",
                "window",
                float(max(grown_w, grown_h, 0)),
                0.0,
                "px",
                "max",
                detail=f"laid out at {window.width()} x {window.height()} px for a "
                f"{width} x {height} px screen (the layout's minimum is "
                f"{window.minimumSizeHint().width()} x {window.minimumSizeHint().height()} px)",
            )
        ]
        screen_rect = QRect(0, 0, width, height)
        controls = layout_controls(window)
        rects: list[QRect] = []
        for widget in controls:
            results.append(self._fits(widget, screen_rect, where))
            results += self._text_fits(widget, where)
            rects.append(self.window_rect(widget) or QRect())
        results += _overlaps(controls, rects, where)
        results += self._sideways(window, where)
        return results

    def _sideways(self, window: QWidget, where: c.Where) -> list[c.Result]:
        """A page in a scroll area scrolls down, never sideways: a page wider than the window
        hides controls to its left or right, where nobody looks for them."""
        results = []
        for area in window.findChildren(QScrollArea):
            page = area.widget()
            if not area.isVisible() or page is None or not area.widgetResizable():
                continue
            over = page.width() - area.viewport().width()
            results.append(
                where.result(
                    "fits_window",
                    f"{name_of(area)} (page width)",
                    float(max(over, 0)),
                    float(c.CLIP_TOLERANCE_PX),
                    "px",
                    "max",
                    detail=f"{name_of(page)} is {page.width()} px wide in a "
                    f"{area.viewport().width()} px wide view (its minimum is "
                    f"{page.minimumSizeHint().width()} px)",
                )
            )
        return results

    def _fits(self, widget: QWidget, screen_rect: QRect, where: c.Where) -> c.Result:
        """Outside the screen, or cut by a parent too small for it (not by a scroll area's
        viewport: scrolling brings it into view)."""
        window = self.window
        full = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        shown = full
        parent = widget.parentWidget()
        scrolls = False
        while parent is not None and parent is not window:
            holder = parent.parentWidget()
            if isinstance(holder, QAbstractScrollArea) and parent is holder.viewport():
                scrolls = True
                break
            shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        if not scrolls:
            shown = shown.intersected(screen_rect)
        cut_w = full.width() - max(shown.width(), 0) if not shown.isEmpty() else full.width()
        cut_h = full.height() - max(shown.height(), 0) if not shown.isEmpty() else full.height()
        cut = max(cut_w, cut_h, 0)
        return where.result(
            "fits_window",
            name_of(widget),
            float(cut),
            float(c.CLIP_TOLERANCE_PX),
            "px",
            "max",
            detail=f"at {full.x()},{full.y()} {full.width()} x {full.height()} px, "
            f"{cut_w} x {cut_h} px of it cut off" + (" (in a scroll area)" if scrolls else ""),
        )

    def _text_fits(self, widget: QWidget, where: c.Where) -> list[c.Result]:
        """Text that needs more room than its control gives it (Qt clips labels and elides
        buttons, combo boxes and tabs). An elided text passes when its tooltip and accessible
        name have it whole."""
        if isinstance(widget, QTabBar):
            return _tab_texts(widget, where)
        if isinstance(widget, QLabel):
            if not widget.text().strip() or not widget.pixmap().isNull():
                return []
            text = widget.text()
            room = widget.rect()
            if widget.wordWrap():  # the longest word on one line, every line in the height
                need = QSize(widget.minimumSizeHint().width(), widget.heightForWidth(room.width()))
            else:
                need = widget.sizeHint()
        elif isinstance(widget, QAbstractButton):
            if not widget.text().strip():
                return []
            text = widget.text()
            need_w, need_h, size = _button_needs(widget)
            room = QRect(QPoint(0, 0), size)
            need = QSize(need_w, need_h)
            if not isinstance(widget, QPushButton):
                room = widget.rect()
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
            if not text.strip() or widget.isEditable():
                return []
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            room = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                widget,
            )
            metrics = QFontMetrics(widget.font())
            widest = max(
                (widget.itemText(i) for i in range(widget.count())), key=metrics.horizontalAdvance
            )
            icon = widget.iconSize().width() + 4 if not widget.itemIcon(0).isNull() else 0
            if metrics.horizontalAdvance(widest) > room.width() - icon:
                text = widest  # any item may be chosen: the widest is what must fit
            need = QSize(metrics.horizontalAdvance(text) + icon, metrics.height())
        else:
            return []
        over = max(need.width() - room.width(), need.height() - room.height(), 0)
        if isinstance(widget, QPushButton | QComboBox) and over:
            # A style sheet's padding may be counted twice in the contents rectangle: the
            # control's own size hint (its text or widest item, icon and padding) is the other
            # judge.
            hint = widget.sizeHint()
            over = min(over, max(hint.width() - widget.width(), 0))
        whole = _says_whole(widget, text)
        return [
            where.result(
                "text_not_clipped",
                name_of(widget),
                float(over),
                float(c.CLIP_TOLERANCE_PX),
                "px",
                "max",
                passed=over <= c.CLIP_TOLERANCE_PX or whole,
                detail=f"{text[:40]!r} needs {need.width()} x {need.height()} px, has "
                f"{room.width()} x {room.height()} px"
                + (" (elided; tooltip and name have it whole)" if over and whole else ""),
            )
        ]

    # -- colour never alone ------------------------------------------------------------------------

    def snapshot(self, widgets: Iterable[QWidget], words: Iterable[str]) -> Snapshot:
        """A verdict or outcome as shown (the part of the window the widgets carrying it
        cover: icon and headline, say), for `colour_only`."""
        area = QRect()
        for widget in widgets:
            rect = self.window_rect(widget)
            if rect is not None:
                area = area.united(rect)
        pixels = image_pixels(self.window.grab(area).toImage()) if not area.isEmpty() else None
        if pixels is None:
            pixels = np.zeros((0, 0, 3), dtype=np.uint8)
        return Snapshot(tuple(words), pixels)


def colour_only(snapshots: dict[str, Snapshot], where: c.Where) -> list[c.Result]:
    """Every pair of verdicts differs in words (each of icon and headline) and in grayscale."""
    results = []
    names = sorted(snapshots)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = snapshots[first], snapshots[second]
            share = gray_difference(a.pixels, b.pixels)
            same = [x for x, y in zip(a.words, b.words, strict=False) if x == y]
            passed = share >= c.GRAY_DIFFERENCE_MIN and not same and len(a.words) > 0
            detail = f"{' '.join(a.words)!r} vs {' '.join(b.words)!r}"
            if same:
                detail += f"; the same: {same!r}"
            results.append(
                where.result(
                    "colour_only",
                    f"{first} vs {second}",
                    share * 100,
                    c.GRAY_DIFFERENCE_MIN * 100,
                    "%",
                    "min",
                    passed=passed,
                    detail=detail,
                )
            )
    return results


@contextmanager
def text_zoom(factor: float) -> Iterator[None]:
    """While active, the display preferences' "large text" means `factor` (200 % by default):
    the screens scale every font through `DisplayPreferences.scale`, so this is the app's own
    scaling taken further, not a font set from outside."""
    theme = gui("theme")
    previous = theme.LARGE_TEXT_SCALE
    theme.LARGE_TEXT_SCALE = factor
    try:
        yield
    finally:
        theme.LARGE_TEXT_SCALE = previous


def gui(module: str) -> Any:
    """A module of the application's screens (kiosk.gui.*), imported when needed.

    Imported by name so that type checking of this package stays within it: the screens are
    other people's code, checked by their own rules."""
    return importlib.import_module(f"kiosk.gui.{module}")


def _role(widget: QWidget) -> str:
    value = widget.property("a11yRole")
    return str(value) if value else ""


def _label_needs(label: QLabel) -> tuple[int, int]:
    if label.wordWrap():
        width = max(label.width(), label.minimumSizeHint().width())
        return width, label.heightForWidth(label.width())
    hint = label.sizeHint()
    return hint.width(), hint.height()


def _button_needs(button: QAbstractButton) -> tuple[int, int, QSize]:
    """(width, height) a button's text needs and the room it has for it: a push button's text
    goes inside its border and padding (the style's contents rectangle); other buttons are
    judged by their size hint."""
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        text = QFontMetrics(button.font()).size(Qt.TextFlag.TextShowMnemonic, button.text())
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        return text.width() + icon, text.height(), room.size()
    hint = button.sizeHint()
    return hint.width(), hint.height(), button.size()


LAYOUT_CONTROL_TYPES = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QLabel,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
    QProgressBar,
)


def layout_controls(window: QWidget) -> list[QWidget]:
    """Every control a person sees in the window (not the parts inside another control, such as
    a table's scroll bars or a spin box's field; a label with no text or picture is space)."""
    found: list[QWidget] = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, LAYOUT_CONTROL_TYPES) or not widget.isVisible():
            continue
        if widget.window() is not window or widget.width() <= 0 or widget.height() <= 0:
            continue
        if isinstance(widget, QLabel) and not widget.text().strip() and widget.pixmap().isNull():
            continue
        parent = widget.parentWidget()
        inside = False
        while parent is not None and parent is not window:
            if isinstance(parent, LAYOUT_CONTROL_TYPES):
                inside = True
                break
            parent = parent.parentWidget()
        if not inside:
            found.append(widget)
    return found


def _overlaps(controls: list[QWidget], rects: list[QRect], where: c.Where) -> list[c.Result]:
    """One result per control: the largest strip it shares with another control shown."""
    count = len(rects)
    if count == 0:
        return []
    box = np.array(
        [[r.x(), r.y(), r.x() + r.width(), r.y() + r.height()] for r in rects], dtype=np.int64
    )
    wide = np.minimum(box[:, None, 2], box[None, :, 2]) - np.maximum(
        box[:, None, 0], box[None, :, 0]
    )
    high = np.minimum(box[:, None, 3], box[None, :, 3]) - np.maximum(
        box[:, None, 1], box[None, :, 1]
    )
    shared = np.minimum(np.clip(wide, 0, None), np.clip(high, 0, None))
    np.fill_diagonal(shared, 0)
    results = []
    for i, widget in enumerate(controls):
        j = int(np.argmax(shared[i]))
        strip = int(shared[i, j])
        other = controls[j]
        if strip and (widget.isAncestorOf(other) or other.isAncestorOf(widget)):
            strip = 0
        results.append(
            where.result(
                "no_overlap",
                name_of(widget),
                float(strip),
                float(c.OVERLAP_TOLERANCE_PX),
                "px",
                "max",
                detail=f"overlaps {name_of(other)} by {int(wide[i, j])} x {int(high[i, j])} px"
                if strip
                else "",
            )
        )
    return results


_SIDE_TABS = (
    QTabBar.Shape.RoundedWest,
    QTabBar.Shape.RoundedEast,
    QTabBar.Shape.TriangularWest,
    QTabBar.Shape.TriangularEast,
)


def _tab_texts(bar: QTabBar, where: c.Where) -> list[c.Result]:
    """Every tab shown whole inside its bar (no scroll arrows hiding some) and not elided."""
    results = []
    metrics = QFontMetrics(bar.font())
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect = bar.tabRect(index)
        text = bar.tabText(index)
        need = metrics.size(Qt.TextFlag.TextShowMnemonic, text).width()
        if bar.shape() in _SIDE_TABS:  # tabs down a side: their text runs along their height
            hint = bar.tabSizeHint(index).height()
            length, start, end = rect.height(), rect.y(), rect.bottom() - bar.height() + 1
        else:
            hint = bar.tabSizeHint(index).width()
            length, start, end = rect.width(), rect.x(), rect.right() - bar.width() + 1
        hidden = max(end, -start, 0)
        over = max(hint - length, hidden, 0)
        results.append(
            where.result(
                "text_not_clipped",
                f"{name_of(bar)} tab {index + 1}",
                float(over),
                float(c.CLIP_TOLERANCE_PX),
                "px",
                "max",
                detail=f"{text[:40]!r} needs {need} px of text in a {hint} px tab, has "
                f"{length} px" + (f", {hidden} px past the bar's end" if hidden else ""),
            )
        )
    return results


def _says_whole(widget: QWidget, text: str) -> bool:
    """Its tooltip and accessible name have the whole text (an elided text's full words)."""
    whole = c.words(text)
    return (
        bool(whole)
        and whole in c.words(widget.toolTip())
        and whole in c.words(widget.accessibleName())
    )


def _inset(rect: QRect, inset: int) -> QRect:
    dx = min(inset, max(rect.width() // 4, 0))
    dy = min(inset, max(rect.height() // 4, 0))
    return rect.adjusted(dx, dy, -dx, -dy)


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)
