"""Table models of the import wizard: the column mapping and the preview of rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kiosk.gui.organiser.import_messages import error_text
from kiosk.imports import RowError

_Index = QModelIndex | QPersistentModelIndex
ERROR_BACKGROUND = QColor("#fde2e1")
ERROR_FOREGROUND = QColor("#5c0011")
IGNORED = ""


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its label, an example value, and what it is imported as."""

    mapping_edited = Signal(str, object)  # file label, column name or None

    LABEL, EXAMPLE, TARGET = range(3)

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.samples: dict[str, str] = {}
        self.mapping: dict[str, str | None] = {}
        self.choices: tuple[str, ...] = ()

    def set_source(
        self,
        headers: list[str],
        samples: dict[str, str],
        mapping: dict[str, str | None],
        choices: tuple[str, ...],
    ) -> None:
        self.beginResetModel()
        self.headers = [label for label in headers if label.strip()]
        self.samples = dict(samples)
        self.mapping = {label: mapping.get(label) for label in self.headers}
        self.choices = choices
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("ImportModels", "Column in the file"),
            QCoreApplication.translate("ImportModels", "Example"),
            QCoreApplication.translate("ImportModels", "Imported as"),
        )[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TARGET:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label = self.headers[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.LABEL:
                return label
            if column == self.EXAMPLE:
                return self.samples.get(label, "")
            return self.mapping.get(label) or QCoreApplication.translate(
                "ImportModels", "(not imported)"
            )
        if role == Qt.ItemDataRole.EditRole and column == self.TARGET:
            return self.mapping.get(label) or IGNORED
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.TARGET:
            return False
        label = self.headers[index.row()]
        target = str(value) if value else None
        if self.mapping.get(label) == target:
            return False
        self.mapping[label] = target
        self.dataChanged.emit(index, index)
        self.mapping_edited.emit(label, target)
        return True


class MappingDelegate(QStyledItemDelegate):
    """A combo box of the kind's column names (and "not imported") for the mapping column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        model = index.model()
        assert isinstance(model, MappingModel)
        combo = QComboBox(parent)
        combo.addItem(QCoreApplication.translate("ImportModels", "(not imported)"), IGNORED)
        for column in model.choices:
            combo.addItem(column, column)
        label = model.headers[index.row()]
        combo.setAccessibleName(
            QCoreApplication.translate("ImportModels", "Import the column {label} as").format(
                label=label
            )
        )
        combo.setObjectName(f"mapping-{label}")
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole) or IGNORED
        position = editor.findData(value)
        editor.blockSignals(True)
        editor.setCurrentIndex(max(0, position))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PreviewModel(QAbstractTableModel):
    """The rows of the file as the import sees them; a row with a problem is tinted and says why.

    Colour is never the only signal: the Problem column starts with a cross and names the field.
    """

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[str] = []
        self._all: list[tuple[int, list[str]]] = []
        self.rows: list[tuple[int, list[str]]] = []
        self.errors: dict[int, list[RowError]] = {}
        self.only_problems = False

    def set_preview(
        self, columns: list[str], rows: list[tuple[int, list[str]]], errors: list[RowError]
    ) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self._all = list(rows)
        self.errors = {}
        for error in errors:
            self.errors.setdefault(error.row, []).append(error)
        self._apply()
        self.endResetModel()

    def clear(self) -> None:
        self.set_preview([], [], [])

    def set_only_problems(self, only: bool) -> None:
        self.beginResetModel()
        self.only_problems = only
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        if self.only_problems:
            self.rows = [item for item in self._all if item[0] in self.errors]
        else:
            self.rows = list(self._all)

    def bad_rows(self) -> list[int]:
        """Spreadsheet rows shown with a problem (for tests and the summary)."""
        return [row for row, _ in self.rows if row in self.errors]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("ImportModels", "Row")
        if section == 1:
            return QCoreApplication.translate("ImportModels", "Problem")
        return self.columns[section - 2]

    def problem_text(self, row: int) -> str:
        errors = self.errors.get(row, [])
        return "; ".join(f"{error.field}: {error_text(error)}" for error in errors)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, cells = self.rows[index.row()]
        bad = row in self.errors
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return str(row)
            if column == 1:
                return "✖ " + self.problem_text(row) if bad else "✔"
            return cells[column - 2]
        if role == Qt.ItemDataRole.ToolTipRole and bad:
            return self.problem_text(row)
        if role == Qt.ItemDataRole.BackgroundRole and bad:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and bad:
            return QBrush(ERROR_FOREGROUND)
        return None
