"""The desk's date boxes and its calendar offer only the years the desk keeps (1900 to 2999):
a day such as 31 December 9999, which would step past the end of Python's dates once taken to
the clinic's zone, cannot be picked (the headless tools refuse it in words)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from frontdesk.domain.timeutil import FIRST_YEAR, LAST_YEAR
from frontdesk.ui.main_window import MainWindow


def test_every_date_box_of_the_export_and_the_calendar_keeps_to_the_years(
    window: MainWindow,
) -> None:
    calendar = window.side.calendar
    assert (calendar.minimumDate(), calendar.maximumDate()) == (
        QDate(FIRST_YEAR, 1, 1),
        QDate(LAST_YEAR, 12, 31),
    )
    dialog = window.dialogs.export("day")
    try:
        boxes = dialog.findChildren(QDateEdit)
        assert boxes
        for box in boxes:
            assert box.maximumDate() == QDate(LAST_YEAR, 12, 31)
            box.setDate(QDate(9999, 12, 31))  # typed or picked: held at the last year kept
            assert box.date().year() == LAST_YEAR
    finally:
        dialog.done(0)
