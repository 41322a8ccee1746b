"""Fitting screens to small windows (a 1366x768 laptop, a portrait kiosk, large text).

`PageScroller`: a page inside one no longer sets the window's minimum size: the window keeps
the screen's size and the page scrolls, while what sits outside the scroll area (the kiosk's
bar, the import wizard's buttons) stays on screen. The widget that takes the focus (by Tab or
the keypad) is scrolled into view.

`FlowRowLayout`: a row of buttons that goes on in a second row when the window is too narrow
for one (the kiosk's bar on a portrait screen in large text), every row filling the width.

`FoldingSplitter`: a list beside its details while the width has room for both; the details
under the list when it has not (the roster and the programme at 200 % text on a portrait screen).

`StackingRow`: parts side by side while the width has room for them, one under another when it
has not (a header at 200 % text on a laptop or a portrait screen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

FOCUS_MARGIN_PX = 24  # room kept around a focused widget brought into view
KEEP_WHOLE = "keepWholeInView"  # a dynamic property: the group scrolls into view as a whole


class PageScroller(QScrollArea):
    """Holds one page; scrolls when the page needs more room than the window has."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{page.objectName() or 'page'}Scroller")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(page)
        page.installEventFilter(self)
        self.verticalScrollBar().installEventFilter(self)
        # The page's own background shows through: the area draws nothing of its own.
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QScrollArea { background: transparent; border: none; }")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def minimumSizeHint(self) -> QSize:
        """As wide as the page at its narrowest (it scrolls down, never sideways), and short."""
        hint = super().minimumSizeHint()
        page = self.widget()
        if page is None:
            return hint
        scroll_bar = self.verticalScrollBar()
        bar = scroll_bar.sizeHint().width() if scroll_bar.isVisible() else 0
        width = page.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(width, hint.width()), hint.height())

    def keep_in_view(self, group: QWidget) -> None:
        """Bring `group` (the on-screen keyboard) into view whole whenever it is shown or one of
        its parts takes the focus."""
        group.setProperty(KEEP_WHOLE, True)
        group.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the page's narrowest width may have changed (text size)
        if watched is self.verticalScrollBar() and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self.updateGeometry()  # the narrowest width counts the scroll bar while it shows
        if (
            isinstance(watched, QWidget)
            and watched.property(KEEP_WHOLE)
            and event.type() in (QEvent.Type.Show, QEvent.Type.Resize)
            and watched.isVisible()
        ):
            QTimer.singleShot(0, watched, lambda: self._show_whole(watched))
        return super().eventFilter(watched, event)

    def _show_whole(self, group: QWidget) -> None:
        page = self.widget()
        if page is not None and group.isVisible() and page.isAncestorOf(group):
            self.ensureWidgetVisible(group, 0, 0)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.widget()
        if new is None or page is None or not page.isAncestorOf(new):
            return
        # A group marked "keepWholeInView" (the on-screen keyboard) comes into view whole when
        # one of its parts takes the focus: its bottom row is never left below the screen.
        group = new.parentWidget()
        while group is not None and group is not page:
            if group.property(KEEP_WHOLE):
                self.ensureWidgetVisible(group, 0, 0)
                break
            group = group.parentWidget()
        self.ensureWidgetVisible(new, FOCUS_MARGIN_PX, FOCUS_MARGIN_PX)


class FlowRowLayout(QLayout):
    """Items side by side at their preferred widths, as many rows as the width needs; the
    room left in a row is shared out among its items (so one row looks like a box layout)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    # -- QLayout's item list ---------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def setSpacing(self, spacing: int) -> None:
        self._gap = spacing
        self.invalidate()

    def spacing(self) -> int:
        return self._gap

    # -- sizes -----------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        widest = max((item.minimumSize().width() for item in self._shown()), default=0)
        tallest = max((item.minimumSize().height() for item in self._shown()), default=0)
        return QSize(
            widest + margins.left() + margins.right(), tallest + margins.top() + margins.bottom()
        )

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if rows and used + self._gap + need <= width:
                rows[-1].append(item)
                used += self._gap + need
            else:
                rows.append([item])
                used = need
        return rows

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (when `move`); the height that takes."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = inner.y()
        for row in self._rows(inner.width()):
            hints = [item.sizeHint().width() for item in row]
            spare = max(inner.width() - sum(hints) - self._gap * (len(row) - 1), 0)
            height = max(item.sizeHint().height() for item in row)
            x = inner.x()
            for index, (item, hint) in enumerate(zip(row, hints, strict=True)):
                share = spare // len(row) + (1 if index < spare % len(row) else 0)
                width = min(hint + share, inner.right() + 1 - x)
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(max(width, 0), height)))
                x += width + self._gap
            y += height + self._gap
        return y - self._gap - inner.y() + margins.top() + margins.bottom() if y > inner.y() else 0


class ScrollingTabs(QTabWidget):
    """A tab widget whose pages scroll (each held by a `PageScroller`) unless added with
    `scrolls=False` (a page that fits any screen by itself, with buttons that must stay in
    view). `widget()`, `currentWidget()`, `setCurrentWidget()` and `indexOf()` speak of the
    pages themselves, never of the scroll areas holding them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        """Only the tab showing counts: a hidden tab that needs more width (the programme's
        splitter at 200 % text) never makes the window wider than the screen."""
        hint = super().minimumSizeHint()
        holder = super().currentWidget()
        stack = holder.parentWidget() if holder is not None else None
        if holder is None or stack is None:
            return hint
        shown = holder.minimumSizeHint().expandedTo(holder.minimumSize()).width()
        spare = stack.minimumSizeHint().width() - shown
        return QSize(hint.width() - max(spare, 0), hint.height())

    def addTab(self, page: QWidget, label: str, scrolls: bool = True) -> int:  # type: ignore[override]
        holder: QWidget = PageScroller(page) if scrolls else page
        return super().addTab(holder, label)

    @staticmethod
    def _page(holder: QWidget | None) -> QWidget | None:
        if isinstance(holder, PageScroller):
            return holder.widget()
        return holder

    def widget(self, index: int) -> QWidget:
        page = self._page(super().widget(index))
        assert page is not None or index < 0 or index >= self.count()
        return page  # type: ignore[return-value]

    def currentWidget(self) -> QWidget:
        return self.widget(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:
        for index in range(self.count()):
            if self.widget(index) is page:
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)


class ElidedLabel(QLabel):
    """A one-line label that never asks for more width than it is given: a text too long for
    it (a file's path) is shown shortened in the middle, whole in its tooltip and accessible
    name. `text()` is always the whole text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(
            QFontMetrics(self.font()).horizontalAdvance("M…M") * 2, super().sizeHint().height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = QFontMetrics(self.font()).elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)


class RoomyColumnLayout(QVBoxLayout):
    """A column whose side margins are roomy on a wide window and tight on a narrow one (a
    portrait kiosk in large text): the narrow window never pays for the wide one's margins."""

    def __init__(
        self, parent: QWidget | None = None, *, roomy: int = 40, tight: int = 14, wide: int = 1280
    ) -> None:
        if parent is None:
            super().__init__()
        else:
            super().__init__(parent)
        self._roomy, self._tight, self._wide = roomy, tight, wide

    def setGeometry(self, rect: QRect) -> None:
        side = self._roomy if rect.width() >= self._wide else self._tight
        margins = self.contentsMargins()
        if margins.left() != side:
            self.setContentsMargins(side, margins.top(), side, margins.bottom())
        super().setGeometry(rect)

    def minimumSize(self) -> QSize:
        size = super().minimumSize()
        extra = 2 * (self.contentsMargins().left() - self._tight)
        return QSize(max(size.width() - extra, 0), size.height())


class StackingRow(QWidget):
    """Widgets side by side (a box layout) while the width has room for them all at their
    preferred widths; one under another when it has not. Its narrowest width is that of its
    widest part, so it never makes the window wider than the screen."""

    def __init__(
        self,
        widgets: list[tuple[QWidget, int]],
        *,
        spacing: int = 12,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        for widget, stretch in widgets:
            self.box.addWidget(widget, stretch)

    def _parts(self) -> list[QWidget]:
        parts = []
        for index in range(self.box.count()):
            item = self.box.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and not widget.isHidden():
                parts.append(widget)
        return parts

    def _side_by_side_width(self) -> int:
        parts = self._parts()
        hints = sum(max(w.sizeHint().width(), w.minimumSizeHint().width()) for w in parts)
        return hints + self.box.spacing() * max(len(parts) - 1, 0)

    def minimumSizeHint(self) -> QSize:
        widest = max((w.minimumSizeHint().width() for w in self._parts()), default=0)
        return QSize(widest, self.box.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._choose(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._choose(self.width())  # a part's width changed (text size, language)
        return super().event(event)

    def _choose(self, width: int) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if width >= self._side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()


class FoldingSplitter(QSplitter):
    """A splitter side by side while the width holds every part at its narrowest; one part
    under another when it does not. Its narrowest width is that of its widest part, so it
    never makes the window wider than the screen (it sits in a page that scrolls down)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)

    def _parts(self) -> list[QWidget]:
        parts = (self.widget(i) for i in range(self.count()))
        return [w for w in parts if w is not None and not w.isHidden()]

    def _side_by_side_width(self) -> int:
        parts = self._parts()
        widths = sum(w.minimumSizeHint().expandedTo(w.minimumSize()).width() for w in parts)
        return widths + self.handleWidth() * max(len(parts) - 1, 0)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        widest = max(
            (w.minimumSizeHint().expandedTo(w.minimumSize()).width() for w in self._parts()),
            default=0,
        )
        return QSize(widest, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._choose(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._choose(self.width())  # a part's narrowest width changed (text size, language)
        return super().event(event)

    def _choose(self, width: int) -> None:
        wanted = (
            Qt.Orientation.Horizontal
            if width >= self._side_by_side_width()
            else Qt.Orientation.Vertical
        )
        if self.orientation() != wanted:
            self.setOrientation(wanted)
            self.updateGeometry()


def side_by_side(*parts: tuple[QWidget, int]) -> QWidget:
    """Widgets in one row (with their stretch), as one widget."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in parts:
        row.addWidget(widget, stretch)
    return holder
