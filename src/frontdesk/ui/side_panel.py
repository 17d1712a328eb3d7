"""The side panel: a mini month calendar to jump to a day, and the resource filter (which
providers / rooms / calendars of which connections the calendar shows)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.desk import ResourceInfo, ResourceKey
from frontdesk.domain.translation import translate
from frontdesk.ui.i18n import keep_years
from frontdesk.ui.theme import readable

KEY_ROLE = Qt.ItemDataRole.UserRole
WEEKEND_RED = "#c5221f"


class SidePanelWidget(QWidget):
    dayPicked = Signal(object)  # date
    filterChanged = Signal()
    perResourceChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("SidePanel", "Calendar side panel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.calendar = QCalendarWidget(self)
        self.calendar.setAccessibleName(translate("SidePanel", "Go to date"))
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        keep_years(self.calendar)
        self.calendar.clicked.connect(lambda qd: self.dayPicked.emit(qd.toPython()))
        self.calendar.activated.connect(lambda qd: self.dayPicked.emit(qd.toPython()))
        layout.addWidget(self.calendar)
        self._ink_weekends()
        title = QLabel(translate("SidePanel", "Show"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.resource_tree = QTreeWidget(self)
        self.resource_tree.setHeaderHidden(True)
        self.resource_tree.setAccessibleName(translate("SidePanel", "Resource filter"))
        self.resource_tree.setAccessibleDescription(
            translate("SidePanel", "Tick the providers, rooms or calendars the calendar shows.")
        )
        self.resource_tree.itemChanged.connect(self._item_changed)
        layout.addWidget(self.resource_tree, 1)
        per_resource = translate("SidePanel", "Week: a column per resource")
        self.per_resource = QCheckBox(per_resource, self)
        self.per_resource.setAccessibleName(per_resource)
        self.per_resource.toggled.connect(self.perResourceChanged.emit)
        layout.addWidget(self.per_resource)
        self._resources: list[ResourceInfo] = []
        self._updating = False

    def _ink_weekends(self) -> None:
        """Weekends in red, as calendars have them, but a red that reads on this palette (Qt's
        pure red reads at about 4:1 on white and on the dark base)."""
        weekend = QTextCharFormat()
        weekend.setForeground(readable(QColor(WEEKEND_RED), self.palette()))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(day, weekend)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._ink_weekends()
        super().changeEvent(event)

    def set_day(self, day: date) -> None:
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.blockSignals(False)

    def set_resources(self, resources: Sequence[ResourceInfo]) -> None:
        """List the resources; ticks survive for keys seen before, new ones start ticked."""
        if list(resources) == self._resources:
            return
        hidden = self.hidden_keys()
        self._resources = list(resources)
        self._updating = True
        try:
            self.resource_tree.clear()
            groups: dict[str, QTreeWidgetItem] = {}
            for info in resources:
                group = groups.get(info.connection_name)
                if group is None:
                    group = QTreeWidgetItem(self.resource_tree, [info.connection_name])
                    group.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsUserCheckable
                        | Qt.ItemFlag.ItemIsAutoTristate
                    )
                    groups[info.connection_name] = group
                item = QTreeWidgetItem(group, [info.name])
                item.setData(0, KEY_ROLE, info.key)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    0,
                    Qt.CheckState.Unchecked if info.key in hidden else Qt.CheckState.Checked,
                )
                if info.color:
                    pixmap = QPixmap(10, 10)
                    pixmap.fill(QColor(info.color))
                    item.setIcon(0, QIcon(pixmap))
            self.resource_tree.expandAll()
        finally:
            self._updating = False

    def hidden_keys(self) -> set[ResourceKey]:
        hidden: set[ResourceKey] = set()
        iterator = QTreeWidgetItemIterator(self.resource_tree)
        while iterator.value():
            item = iterator.value()
            key = item.data(0, KEY_ROLE)
            if key is not None and item.checkState(0) != Qt.CheckState.Checked:
                hidden.add((str(key[0]), str(key[1])))
            iterator += 1
        return hidden

    def set_hidden(self, key: ResourceKey, hidden: bool) -> None:
        iterator = QTreeWidgetItemIterator(self.resource_tree)
        while iterator.value():
            item = iterator.value()
            if item.data(0, KEY_ROLE) is not None and tuple(item.data(0, KEY_ROLE)) == key:
                item.setCheckState(0, Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked)
            iterator += 1

    def shown(self) -> list[ResourceInfo]:
        hidden = self.hidden_keys()
        return [r for r in self._resources if r.key not in hidden]

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if not self._updating:
            self.filterChanged.emit()
