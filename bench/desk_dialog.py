"""Benchmark: opening the booking dialog with its first openings (the next free times across
30 resources), on 300,000 cached bookings with 5,000 in the shown week.

Prints median and max over repeats of: building and showing the dialog (catalog, first
openings, the first validation), the openings search alone, and a patient search as typed.

Run: ``uv run python bench/desk_dialog.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import open_profile, report, timed
from PySide6.QtWidgets import QApplication

from frontdesk.app.openings import Limits, OpeningQuery, find_openings
from frontdesk.app.patients import find_patients
from frontdesk.domain.timeutil import utc_now
from frontdesk.ui.booking_dialog import BookingDialog

REPEATS = 15


def main() -> None:
    app = QApplication.instance() or QApplication([])
    context = open_profile()
    shown: list[int] = []

    def open_dialog() -> None:
        dialog = BookingDialog(context)
        dialog.show()
        app.processEvents()
        shown.append(len(dialog.openings.openings))
        dialog.done(0)
        dialog.deleteLater()

    open_dialog()  # the first one pays for imports and fonts
    report("open the booking dialog with its first openings", timed(open_dialog, REPEATS), 150)
    print(f"  (it showed {shown[-1]} openings each time)")
    cid = context.connections()[0].id
    query = [OpeningQuery(cid, "svc-check")]
    report(
        "  the openings search alone (6 across 30 resources)",
        timed(lambda: find_openings(context.booking, query, utc_now(), Limits(count=6)), REPEATS),
    )
    typed = iter(["Ch", "Chen", "Amelia", "Amelia Ha", "020 7946 0", "+4420794601"] * REPEATS)
    report(
        "patient search as typed (300,000 bookings, 40,000 patients)",
        timed(lambda: find_patients(context.repo, next(typed)), REPEATS * 2),
    )
    context.close()


if __name__ == "__main__":
    main()
