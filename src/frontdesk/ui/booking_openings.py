"""The booking dialog's openings picker: the next free times the connection's rules allow for
a service, across its resources and any other connection offering a service of that name, as
a short list; picking one fills the dialog's place and time."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from frontdesk.app.columns import everything, labels
from frontdesk.app.desk import ResourceKey, resources
from frontdesk.app.openings import Limits, Opening, find_openings, opening_queries
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import plural, translate
from frontdesk.ui.theme import mark_hint

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")

DATA_ROLE = Qt.ItemDataRole.UserRole
OPENINGS = 6


class OpeningsPicker(QWidget):
    """A short list of openings; picking one fills the place and time."""

    picked = Signal(object)  # Opening

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("BookingDialog", "Next free times"))
        self.list.setAccessibleDescription(
            translate("BookingDialog", "Pick one to fill in the place and time.")
        )
        rows = 5
        self.list.setFixedHeight(self.list.fontMetrics().height() * rows + 10)
        self.list.itemClicked.connect(self._picked)
        self.list.itemActivated.connect(self._picked)
        layout.addWidget(self.list)
        self.note = QLabel(self)
        mark_hint(self.note)
        self.note.hide()
        layout.addWidget(self.note)
        self.openings: list[Opening] = []

    def show_openings(
        self,
        openings: Sequence[Opening],
        zone: str,
        names: dict[ResourceKey, str],
        connection_names: dict[str, str] | None = None,
    ) -> None:
        self.openings = list(openings)
        self.list.clear()
        for opening in openings:
            start = to_local(opening.start, zone)
            where = names.get((opening.connection_id, opening.resource_id), opening.resource_id)
            if connection_names:
                where += f" ({connection_names.get(opening.connection_id, '')})"
            left = (
                ""
                if opening.remaining is None
                else " · " + plural("BookingDialog", "%n left", opening.remaining)
            )
            when = f"{dates.short_day(start.date())}  {dates.clock(start)}"
            item = QListWidgetItem(f"{when}   {where}{left}", self.list)
            item.setData(DATA_ROLE, opening)
        self.note.setVisible(not openings)
        self.list.setVisible(bool(openings))
        if not openings:
            self.note.setText(
                translate(
                    "BookingDialog", "No free time in the cached calendar; type a time below."
                )
            )

    def refresh(
        self,
        context: AppContext,
        connection_id: str,
        service_id: str,
        connections: dict[str, str],
        zone: str,
    ) -> list[Opening]:
        """Find and show the next free times for ``service_id`` of ``connection_id``, and of any
        of ``connections`` (id: name) that offers a service of the same name."""
        queries, names = opening_queries(
            context.booking, connection_id, service_id, list(connections)
        )
        api = resources(context)  # each place by its clinic column's name, as the day view
        shown_as, _ = labels(api, everything(context, api, with_hidden=True))
        names = {key: shown_as.get(key, name) for key, name in names.items()}
        several = len({q.connection_id for q in queries}) > 1
        try:
            found = find_openings(context.booking, queries, utc_now(), Limits(count=OPENINGS))
        except Exception:
            log.exception("finding openings failed")
            found = []
        self.show_openings(found, zone, names, connections if several else {})
        return found

    def show_message(self, text: str) -> None:
        self.openings = []
        self.list.clear()
        self.list.hide()
        self.note.setText(text)
        self.note.show()

    def _picked(self, item: QListWidgetItem) -> None:
        opening = item.data(DATA_ROLE)
        if isinstance(opening, Opening):
            self.picked.emit(opening)


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("BookingDialog", "%n left", None, 1)
