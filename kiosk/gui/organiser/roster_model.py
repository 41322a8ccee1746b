"""The roster for organisers: every registration in a table model, searched as you type.

At 100,000 people a QSortFilterProxyModel calling Python for each row would take far longer than
a keystroke, so the model keeps its own index: the roster is loaded once (off the UI thread) as
columns of plain lists, sorted by name, with one folded "haystack" string per person (name in both
scripts, registration id, organisation; case and accents ignored, Hangul decomposed so a syllable
being composed in the IME already matches). A search is a list comprehension over the people
still in play: typing narrows the previous result rather than starting again, and deleting a
letter finds the shorter query's result in a small cache. The view is reset with the new list of
rows (uniform row heights, so nothing measures 100,000 rows).
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kiosk.core.names import display_name
from kiosk.gui.organiser.labels import category_label, status_label
from kiosk.gui.table_model import ColumnsTableModel
from kiosk.services.roster_admin import roster_rows
from kiosk.store.database import Connection

_Index = QModelIndex | QPersistentModelIndex
RegistrationRole = Qt.ItemDataRole.UserRole + 1
CACHE_SIZE = 64
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole})
_ROLES = _TEXT_ROLES | {RegistrationRole, Qt.ItemDataRole.ForegroundRole}
CANCELLED_FOREGROUND = QColor("#5a5a5a")


# Latin letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "ð": "d"})


def fold(text: str) -> str:
    """The searchable form of a text: case-folded, accents dropped (Ødegård finds odegard,
    García garcia), Hangul decomposed into jamo."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_LETTERS)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class RosterData:
    """The roster as parallel columns, in name order (index = position in that order)."""

    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    arrived: bytearray = field(default_factory=bytearray)
    versions: list[int] = field(default_factory=list)
    haystacks: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, registration_id: str) -> int | None:
        try:
            return self.ids.index(registration_id)
        except ValueError:
            return None


def load_roster(conn: Connection) -> RosterData:
    """Read every registration and build the search index (run it off the UI thread)."""
    rows = []
    for rid, family, given, local, org, category, status, version, came in roster_rows(conn):
        name = display_name(family, given) or (local or "")
        key = fold(name)
        rows.append((key, rid, name, local or "", org or "", category, status, version, came))
    rows.sort()
    data = RosterData()
    for key, rid, name, local, org, category, status, version, came in rows:
        data.ids.append(rid)
        data.names.append(name)
        data.local.append(local)
        data.organizations.append(org)
        data.categories.append(category)
        data.statuses.append(status)
        data.arrived.append(1 if came else 0)
        data.versions.append(int(version))
        data.haystacks.append(f"{key}\x00{fold(local)}\x00{rid.lower()}\x00{fold(org)}")
    return data


@dataclass(frozen=True)
class RosterFilter:
    """What the organiser asked for: search text and facets (None: any)."""

    query: str = ""
    category: str | None = None
    status: str | None = None
    arrived: bool | None = None


class RosterIndex:
    """Searches RosterData; results are positions in name order (or the chosen sort order)."""

    def __init__(self, data: RosterData) -> None:
        self.data = data
        self._cache: OrderedDict[tuple[Any, ...], list[int]] = OrderedDict()
        self._facet_cache: dict[tuple[Any, ...], list[int]] = {}
        self._order: list[int] | None = None  # None: name order
        self._order_key: tuple[int, bool] = (0, False)

    def set_order(self, order: list[int] | None, key: tuple[int, bool]) -> None:
        if key != self._order_key:
            self._order = order
            self._order_key = key
            self._cache.clear()
            self._facet_cache.clear()

    def search(self, wanted: RosterFilter) -> list[int]:
        words = tuple(fold(word) for word in wanted.query.split())
        facets = (wanted.category, wanted.status, wanted.arrived)
        key = (words, facets)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        text = " ".join(words)
        base: list[int] | None = None
        best = -1
        for (cached_words, cached_facets), result in self._cache.items():
            cached_text = " ".join(cached_words)
            if cached_facets == facets and len(cached_text) > best and text.startswith(cached_text):
                base, best = result, len(cached_text)
        result = self._facets(wanted) if base is None else base
        hay = self.data.haystacks
        for word in words:
            result = [i for i in result if word in hay[i]]
        self._cache[key] = result
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return result

    def _facets(self, wanted: RosterFilter) -> list[int]:
        """The people in the chosen order who match the facets (cached: facets change rarely)."""
        key = (wanted.category, wanted.status, wanted.arrived)
        found = self._facet_cache.get(key)
        if found is not None:
            return found
        data = self.data
        order = self._order if self._order is not None else range(len(data))
        result = list(order)
        if wanted.category is not None:
            categories, category = data.categories, wanted.category
            result = [i for i in result if categories[i] == category]
        if wanted.status is not None:
            statuses, status = data.statuses, wanted.status
            result = [i for i in result if statuses[i] == status]
        if wanted.arrived is not None:
            arrived, flag = data.arrived, int(wanted.arrived)
            result = [i for i in result if arrived[i] == flag]
        self._facet_cache[key] = result
        return result


class RosterModel(ColumnsTableModel):
    """The visible people: one row each, in the chosen order."""

    COLUMNS = (
        "name",
        "name_local",
        "registration_id",
        "organization",
        "category",
        "status",
        "checked_in",
        "code_version",
    )

    def __init__(self, data: RosterData | None = None) -> None:
        super().__init__()
        self.data_ = data or RosterData()
        self.index_ = RosterIndex(self.data_)
        self.visible: list[int] = []
        self.wanted = RosterFilter()
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._ranks: dict[int, list[int]] = {}
        self.apply(self.wanted)

    # --- content -----------------------------------------------------------------------------

    def set_roster(self, data: RosterData) -> None:
        """Swap in a freshly loaded roster, keeping the filter and order."""
        self.data_ = data
        self.index_ = RosterIndex(data)
        self._ranks = {}
        column, order = self._sort
        self._sort = (-1, order)
        self.sort(column, order)

    def apply(self, wanted: RosterFilter) -> int:
        """Show the people matching `wanted`; returns how many."""
        self.wanted = wanted
        found = self.index_.search(wanted)
        self.beginResetModel()
        self.visible = found
        self.endResetModel()
        return len(found)

    def registration_at(self, row: int) -> str | None:
        if 0 <= row < len(self.visible):
            return self.data_.ids[self.visible[row]]
        return None

    def row_of(self, registration_id: str) -> int | None:
        position = self.data_.position(registration_id)
        if position is None:
            return None
        try:
            return self.visible.index(position)
        except ValueError:
            return None

    def update_person(
        self,
        registration_id: str,
        *,
        name: str | None = None,
        local: str | None = None,
        status: str | None = None,
        version: int | None = None,
    ) -> None:
        """Change one person's row in place after an edit at the desk (no reload)."""
        data = self.data_
        position = data.position(registration_id)
        if position is None:
            return
        if name is not None:
            data.names[position] = name
        if local is not None:
            data.local[position] = local
        if status is not None:
            data.statuses[position] = status
        if version is not None:
            data.versions[position] = version
        data.haystacks[position] = (
            f"{fold(data.names[position])}\x00{fold(data.local[position])}\x00"
            f"{registration_id.lower()}\x00{fold(data.organizations[position])}"
        )
        self.index_ = RosterIndex(data)
        row = self.row_of(registration_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # --- Qt model ----------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self.visible)

    def header_labels(self) -> dict[str, str]:
        return {
            "name": QCoreApplication.translate("RosterModel", "Name"),
            "name_local": QCoreApplication.translate("RosterModel", "Local name"),
            "registration_id": QCoreApplication.translate("RosterModel", "Registration"),
            "organization": QCoreApplication.translate("RosterModel", "Organisation"),
            "category": QCoreApplication.translate("RosterModel", "Category"),
            "status": QCoreApplication.translate("RosterModel", "Status"),
            "checked_in": QCoreApplication.translate("RosterModel", "Checked in"),
            "code_version": QCoreApplication.translate("RosterModel", "Code"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell at each repaint: leave early.
        if role not in _ROLES or not index.isValid():
            return None
        position = self.visible[index.row()]
        data = self.data_
        column = self.COLUMNS[index.column()]
        if role in _TEXT_ROLES:
            if column == "name":
                return data.names[position]
            if column == "name_local":
                return data.local[position]
            if column == "registration_id":
                return data.ids[position]
            if column == "organization":
                return data.organizations[position]
            if column == "category":
                return category_label(data.categories[position])
            if column == "status":
                status = data.statuses[position]
                return ("✖ " if status == "cancelled" else "") + status_label(status)
            if column == "checked_in":
                return (
                    QCoreApplication.translate("RosterModel", "✔ Checked in")
                    if data.arrived[position]
                    else QCoreApplication.translate("RosterModel", "Not yet")
                )
            version = data.versions[position]
            return (
                QCoreApplication.translate("RosterModel", "v{version}").format(version=version)
                if version
                else QCoreApplication.translate("RosterModel", "none")
            )
        if role == RegistrationRole:
            return data.ids[position]
        if role == Qt.ItemDataRole.ForegroundRole and data.statuses[position] == "cancelled":
            return QBrush(CANCELLED_FOREGROUND)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column (name order is the roster's own; others by a rank list)."""
        if (column, order) == self._sort:
            return
        self._sort = (column, order)
        descending = order == Qt.SortOrder.DescendingOrder
        if column <= 0 and not descending:
            self.index_.set_order(None, (0, False))
        else:
            ranks = self._rank(max(column, 0))
            positions = sorted(range(len(self.data_)), key=ranks.__getitem__, reverse=descending)
            self.index_.set_order(positions, (column, descending))
        self.apply(self.wanted)

    def _rank(self, column: int) -> list[int]:
        found = self._ranks.get(column)
        if found is not None:
            return found
        data = self.data_
        name = self.COLUMNS[column]
        keys: list[Any]
        if name == "name":
            keys = list(range(len(data)))
        elif name == "name_local":
            keys = [(fold(x), i) for i, x in enumerate(data.local)]
        elif name == "registration_id":
            keys = data.ids
        elif name == "organization":
            keys = [(fold(x), i) for i, x in enumerate(data.organizations)]
        elif name == "category":
            keys = [(x, i) for i, x in enumerate(data.categories)]
        elif name == "status":
            keys = [(x, i) for i, x in enumerate(data.statuses)]
        elif name == "checked_in":
            keys = [(x, i) for i, x in enumerate(data.arrived)]
        else:
            keys = [(x, i) for i, x in enumerate(data.versions)]
        ranks = [0] * len(data)
        for rank, position in enumerate(sorted(range(len(data)), key=keys.__getitem__)):
            ranks[position] = rank
        self._ranks[column] = ranks
        return ranks
