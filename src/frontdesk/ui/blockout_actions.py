"""The window's blockout actions: Booking ▸ Block this time… (Ctrl+B) for the range picked on
the grid (or the slot clicked), the grid's right-click menu ("Block this time…", "Change or
remove blockout…" on a hatched band), and the grid redrawn when the "blockouts" topic changes
(at this desk or another desk of a shared store).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from frontdesk.app.blockouts import TOPIC
from frontdesk.app.columns import desk_columns
from frontdesk.app.desk import ResourceKey
from frontdesk.domain.blockouts import Blockout
from frontdesk.domain.columns import EVERYTHING
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.domain.translation import translate
from frontdesk.ui.blockout_dialog import BlockoutDialog

if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow
    from frontdesk.ui.time_grid import TimeGridView

DEFAULT_LENGTH = timedelta(hours=1)


def install_blockout_actions(window: MainWindow) -> None:
    from frontdesk.ui.window_menus import make_action

    window.block_action = make_action(  # type: ignore[attr-defined]
        window,
        translate("BlockoutActions", "&Block this time…"),
        translate(
            "BlockoutActions",
            "Keep the picked time free at this desk (lunch, a meeting, a closed chair)",
        ),
        lambda _checked=False: block_picked(window),
        [QKeySequence("Ctrl+B")],
    )
    window.booking_menu.addSeparator()
    window.booking_menu.addAction(window.block_action)  # type: ignore[attr-defined]
    for grid in (window.pane.day_view, window.pane.week_view):
        grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        grid.customContextMenuRequested.connect(lambda pos, g=grid: _grid_menu(window, g, pos))
    window.on_topic(TOPIC, lambda: window.pane.refresh())


def open_blockout(
    window: MainWindow,
    *,
    blockout: Blockout | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    resource: ResourceKey | None = None,
) -> BlockoutDialog:
    """Open the blockout dialog (window-modal, non-blocking); returns it."""
    if blockout is None and start is None:
        day = window.shown_day()
        start = local_to_utc(day, time(12), window.zone).instant
    if blockout is None and start is not None and end is None:
        end = start + DEFAULT_LENGTH
    pane = window.pane
    every = desk_columns(pane.column_setup(), pane.api_resources, EVERYTHING)
    dialog = BlockoutDialog(
        window.context,
        list(pane.all_resources),
        window,
        blockout=blockout,
        start=start,
        end=end,
        resource=resource,
        known=[*every, *pane.api_resources],
    )
    window.dialogs._keep(dialog)
    return dialog


def block_picked(window: MainWindow) -> BlockoutDialog:
    """Ctrl+B: a blockout over the range picked on the grid (else 12:00 of the shown day)."""
    grid = window.pane.grid()
    pick = grid.picked() if grid is not None and grid.isVisible() else None
    if pick is None:
        return open_blockout(window)
    dialog = open_blockout(window, start=pick.start, end=pick.end, resource=pick.resource)
    if grid is not None:
        dialog.saved.connect(lambda: grid.set_pick(None))  # the band shows it now
    return dialog


def _grid_menu(window: MainWindow, grid: TimeGridView, pos: QPoint) -> None:
    menu = QMenu(grid)
    menu.setAccessibleName(translate("BlockoutActions", "Calendar menu"))
    found = grid.blockout_at(pos)
    if found is not None:
        menu.addAction(
            translate("BlockoutActions", "Change or remove blockout…"),
            lambda: open_blockout(window, blockout=found),
        )
    slot, column = grid.slot_at(pos), grid.column_at(pos)
    if slot is not None and column is not None:
        pick = grid.picked()
        if pick is not None and pick.column == column and pick.start <= slot < pick.end:
            start, end, resource = pick.start, pick.end, pick.resource
        else:
            start, end, resource = slot, slot + DEFAULT_LENGTH, grid.columns[column].resource
        menu.addAction(
            translate("BlockoutActions", "Block this time…"),
            lambda: open_blockout(window, start=start, end=end, resource=resource),
        )
    if not menu.isEmpty():
        menu.popup(grid.viewport().mapToGlobal(pos))
