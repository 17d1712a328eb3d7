"""Find an opening (Booking > Find an opening…): free times for a service across booking
systems, narrowed by provider, weekday and part of day on the clinic's clock, each once; a
pick opens the booking dialog on it."""

from __future__ import annotations

from frontdesk.app.desk import clinic_zone
from frontdesk.app.openings import PARTS_OF_DAY
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.main_window import MainWindow


def test_free_times_follow_the_filters_and_book_in_one_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.find_opening()
    qtbot.waitExposed(dialog)
    assert dialog.select_service("General Checkup")
    zone = clinic_zone(window.context)
    everything = dialog.search()
    assert everything, dialog.note.text()
    places = [(o.connection_id, o.resource_id, o.start) for o in everything]
    assert len(places) == len(set(places))  # no duplicates
    assert [o.start for o in everything] == sorted(o.start for o in everything)

    for box in dialog.weekdays:  # Tuesdays only, afternoons only
        box.setChecked(box.text() == "Tue")
    for part, box in dialog.parts.items():
        box.setChecked(part == "afternoon")
    tuesdays = dialog.search()
    assert tuesdays, dialog.note.text()
    low, high = PARTS_OF_DAY["afternoon"]
    for opening in tuesdays:
        local = to_local(opening.start, zone)
        assert local.weekday() == 1 and low <= local.hour < high

    dialog.provider.setCurrentIndex(dialog.provider.findText("North Branch"))
    north = dialog.search()
    assert north and {(o.connection_id, o.resource_id) for o in north} == set(
        dialog.provider.currentData()
    )

    picked = north[0]
    dialog.results.setCurrentRow(0)
    dialog.book_button.click()
    booking_dialog = window.dialogs.open[-1]
    assert booking_dialog.resource_combo.currentData() == picked.resource_id
    assert booking_dialog.service_combo.currentData() == picked.service_id
    day, wall = booking_dialog.local_day_and_time()
    local = to_local(picked.start, zone)
    assert (day, wall) == (local.date(), local.time().replace(tzinfo=None))
    booking_dialog.done(0)


def test_no_day_ticked_says_so(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.find_opening()
    for box in dialog.weekdays:
        box.setChecked(False)
    assert dialog.search() == []
    assert "at least one day" in dialog.note.text()
    dialog.done(0)
