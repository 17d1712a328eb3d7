"""The ASAP list at a real desk (the demo clinic, its sandbox in-process): a cancelled
appointment's slot is offered to the patients on the list it suits, nearest first, in a panel
that takes no focus; "Book" books the first of them through the normal path and the entry
leaves the list. A patient who holds a later booking is moved, not booked twice. The list's
window filters, greys and removes expired entries, edits one; a locked desk shows none of it."""

from __future__ import annotations

import os
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from frontdesk.app import asap
from frontdesk.app.changes import ChangeRecord
from frontdesk.app.demo import Demo
from frontdesk.domain.asap import AsapEntry, PartOfDay
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.timeutil import utc_now
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.asap_actions import open_asap_list, put_on_asap_list
from frontdesk.ui.main_window import MainWindow
from support.checkups import book_checkup
from support.clinic import next_weekday

ZONE = "Europe/London"
SHOTS = os.environ.get("FRONTDESK_SHOTS")


def _put(window: MainWindow, name: str, phone: str, **kw: object) -> AsapEntry:
    context = window.context
    form = asap.AsapForm(
        patient_name=name,
        patient_phone=phone,
        connection_id=context.connections()[0].id,
        service_id=str(kw.pop("service_id", GENERAL_CHECKUP_ID)),
        until=kw.pop("until", asap.today(context) + timedelta(days=30)),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )
    return asap.add(context, form)


def _offered(window: MainWindow) -> list[str]:
    return [o.entry.patient_name for o in window.asap_watch.offers]  # type: ignore[attr-defined]


def test_a_cancelled_slot_is_offered_nearest_first_and_booked_in_one_step(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    context = window.context
    day = next_weekday(1, after_days=8)  # a Tuesday past the seeded week
    leaving = book_checkup(window.context, day, time(10, 0), "Leaving Patient", "+442079460501")
    later = _put(window, "Later Until", "+442079460502")
    sooner = _put(window, "Sooner Until", "+442079460503",
                  until=asap.today(context) + timedelta(days=20))  # fmt: skip
    _put(window, "Evenings Only", "+442079460504", parts=frozenset({PartOfDay.EVENING}))
    _put(window, "Fridays Only", "+442079460505", weekdays=frozenset({4}))
    _put(window, "Gone By Then", "+442079460506", until=asap.today(context))
    watch = window.asap_watch  # type: ignore[attr-defined]
    assert not watch.dock.isVisible()
    window.pane.setFocus()
    focused = window.focusWidget()

    window.actions_.set_status(leaving.id, VisitStatus.CANCELLED)  # the cancel key
    qtbot.waitUntil(lambda: watch.dock.isVisible() and bool(_offered(window)), timeout=10_000)
    assert _offered(window) == ["Sooner Until", "Later Until"]
    assert window.focusWidget() is focused  # the panel took no focus
    assert "2 patients" in window.statusBar().currentMessage()
    assert "General Checkup" in watch.panel.detail.text()
    panel = watch.panel
    assert "10:00" in panel.list.topLevelItem(0).text(0)
    assert "cancelled" in panel.list.topLevelItem(0).text(0)
    assert panel.current().entry.id == sooner.id  # the nearest is chosen
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / "asap-offer.png"))

    qtbot.mouseClick(panel.book_button, Qt.MouseButton.LeftButton)
    assert window.ops.wait()
    qtbot.waitUntil(lambda: "booked" in panel.message.text(), timeout=5000)
    booked = [
        b
        for b in context.repo.bookings_between(leaving.start, leaving.end)
        if b.patient_name == "Sooner Until" and b.active
    ]
    assert len(booked) == 1 and booked[0].start == leaving.start
    assert sooner.id not in {e.id for e in asap.entries(context)}
    assert later.id in {e.id for e in asap.entries(context)}
    lines = context.repo.audit.audit_page(asap_filter())
    assert any(line.event == "ASAP removed" for line in lines)


def asap_filter():  # type: ignore[no-untyped-def]
    from frontdesk.domain.audit import AuditFilter

    return AuditFilter(event="ASAP removed")


def test_a_patient_holding_a_later_booking_is_moved_not_booked_twice(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    context = window.context
    day = next_weekday(2, after_days=8)
    leaving = book_checkup(window.context, day, time(9, 30), "Leaving Early", "+442079460511")
    holding = book_checkup(
        window.context, day + timedelta(days=7), time(15, 0), "Wants Earlier", "+442079460512"
    )
    window.refresh()
    window.show_booking(holding)
    window.pane.select_booking(holding.id)
    dialog = put_on_asap_list(window)  # Booking ▸ Put on the ASAP list…
    assert dialog is not None
    assert dialog.patient_name.text() == "Wants Earlier"  # type: ignore[attr-defined]
    assert "earlier time than a booking" in dialog.linked.text()  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    assert window.ops.wait()
    entry = next(e for e in asap.entries(context) if e.patient_name == "Wants Earlier")
    assert entry.booking_id == holding.id

    window.actions_.set_status(leaving.id, VisitStatus.CANCELLED)
    watch = window.asap_watch  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Wants Earlier" in _offered(window), timeout=10_000)
    offer = next(o for o in watch.offers if o.entry.id == entry.id)
    assert offer.move
    item = next(
        watch.panel.list.topLevelItem(0).child(i)
        for i in range(watch.panel.list.topLevelItem(0).childCount())
        if watch.panel.list.topLevelItem(0).child(i).text(0) == "Wants Earlier"
    )
    watch.panel.list.setCurrentItem(item)
    assert watch.panel.book_button.text() == "&Move here"
    watch.panel.book()
    assert window.ops.wait()
    moved = context.repo.booking(holding.id)
    assert moved is not None and moved.start == leaving.start and moved.active
    theirs = context.repo.bookings_between(leaving.start, holding.end + timedelta(days=1))
    assert [b.id for b in theirs if b.patient_name == "Wants Earlier"] == [holding.id]
    assert entry.id not in {e.id for e in asap.entries(context)}


def test_the_list_window_filters_greys_expired_and_removes_them_at_once(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = window.context
    _put(window, "Filter Match", "+442079460521", note="short notice")
    _put(window, "Other Person", "+442079460522")
    stale = _put(window, "Stale Entry", "+442079460523", until=asap.today(context))
    # its last day passes: written as another desk would have, a day ago
    from frontdesk.storage.tables_asap import AsapRow

    with context.db.write() as s:
        s.get_one(AsapRow, stale.id).until = asap.today(context) - timedelta(days=1)
    dialog = open_asap_list(window)
    qtbot.waitExposed(dialog)
    names = [dialog.table.topLevelItem(i).text(0) for i in range(dialog.table.topLevelItemCount())]
    assert names[0] == "Stale Entry" and {"Filter Match", "Other Person"} <= set(names)
    grey = dialog.table.topLevelItem(0).foreground(0).color()
    assert grey != dialog.table.topLevelItem(1).foreground(0).color()
    assert dialog.expired_button.isEnabled() and "(1)" in dialog.expired_button.text()
    dialog.filter.setText("short")
    assert dialog.table.topLevelItemCount() == 1
    assert dialog.table.topLevelItem(0).text(0) == "Filter Match"
    dialog.filter.setText("460522")
    assert dialog.table.topLevelItem(0).text(0) == "Other Person"
    dialog.filter.clear()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "asap-list.png"))

    # edit: Enter on an entry opens it; change the days
    other = next(
        dialog.table.topLevelItem(i)
        for i in range(dialog.table.topLevelItemCount())
        if dialog.table.topLevelItem(i).text(0) == "Other Person"
    )
    edit = dialog.edit(other.data(0, Qt.ItemDataRole.UserRole))
    assert edit is not None
    edit.days[0].setChecked(True)
    edit.parts[PartOfDay.MORNING].setChecked(True)
    edit.patient_phone.setText("12")
    edit.save()
    assert window.ops.wait()
    assert "Phone" in edit.problem.text()  # a wrong field is named; nothing is lost
    who = edit.patient_name.text()
    assert who == "Other Person"
    edit.patient_phone.setText("020 7946 0522")  # as typed: kept in international form
    if SHOTS:
        edit.grab().save(str(Path(SHOTS) / "asap-entry.png"))
    edit.save()
    assert window.ops.wait()
    changed = next(e for e in asap.entries(context) if e.patient_name == who)
    assert changed.weekdays == {0} and changed.parts == {PartOfDay.MORNING}
    assert changed.patient_phone == "+442079460522" and changed.version == 2

    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes.value)
    dialog.remove_expired()
    assert window.ops.wait()
    qtbot.waitUntil(lambda: not dialog.expired_button.isEnabled(), timeout=5000)
    assert stale.id not in {e.id for e in asap.entries(context)}
    assert dialog.table.topLevelItemCount() == len(asap.entries(context))
    dialog.close()


def test_a_locked_desk_shows_no_offer_until_someone_signs_in(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    from frontdesk.app.demo import DEMO_ADMIN, DEMO_ADMIN_PIN

    day = next_weekday(3, after_days=8)
    leaving = book_checkup(window.context, day, time(11, 0), "Locked Leaving", "+442079460531")
    _put(window, "Locked Waiting", "+442079460532")
    window.context.booking.cancel(leaving.id)  # at the desk's other window, say
    window.guard.lock("by hand")
    watch = window.asap_watch  # type: ignore[attr-defined]
    watch.refresh()
    assert [o.entry.patient_name for o in watch.offers] == ["Locked Waiting"]  # known...
    assert not watch.dock.isVisible()  # ...but not shown
    assert watch.panel.list.topLevelItemCount() == 0
    screen = window.guard.screen
    screen.name.setCurrentText(DEMO_ADMIN)
    qtbot.keyClicks(screen.pin, DEMO_ADMIN_PIN)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: watch.dock.isVisible(), timeout=5000)
    assert watch.panel.list.topLevelItem(0).child(0).text(0) == "Locked Waiting"


def test_a_remote_cancel_pulled_by_sync_is_offered(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, demo: Demo
) -> None:
    """An appointment cancelled in the booking system (the patient cancelled online) frees its
    slot at the desk's next pull; the desk offers it like one cancelled at the desk."""
    context = window.context
    cid = context.connections()[0].id
    far = datetime(2100, 1, 1, tzinfo=UTC)
    held = [
        b
        for b in context.repo.bookings_between(utc_now() + timedelta(days=2), far, cid)
        if b.active and b.remote_id and b.visit_status is VisitStatus.BOOKED
    ]
    assert held, "the demo seeds bookings ahead"
    server = demo.server.state
    target = next(
        b for b in held if server.patch(b.remote_id or "", {"status": "cancelled"}).status == 200
    )
    entry = _put(window, "Online Cancel Fill", "+442079460541", service_id=target.service_id)
    watch = window.asap_watch  # type: ignore[attr-defined]
    assert context.engine.pull(cid) > 0  # the worker's pull, as its cycle makes it
    window.sync.worker.changed.emit(ChangeRecord.everything())  # and what it then tells
    qtbot.waitUntil(lambda: "Online Cancel Fill" in _offered(window), timeout=10_000)
    offer = next(o for o in watch.offers if o.entry.id == entry.id)
    assert offer.slot.booking_id == target.id and offer.slot.start == target.start
