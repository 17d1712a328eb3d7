"""What a receptionist gets with the clinic's columns on (the demo's: HuskyVoice and meetergo,
Dr. Berger on both in one column), beyond the day view: the day sheet's pages, the week
export's column picker and content, the openings finder's provider filter, the ASAP list's
"With" (a freed meetergo slot of Dr. Berger offered to an entry made from his HuskyVoice
booking), and the clinic's names in the details panel, the booking form and the pinboard.
Screenshots of the export dialog, the openings finder, the day sheet's page and the pinboard
when FRONTDESK_SHOT_DIR is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QTextDocument

from frontdesk.app import asap, exports, pinboard
from frontdesk.app.demo import Demo
from frontdesk.app.desk import ResourceKey, resource_key
from frontdesk.app.openings import Limits, OpeningQuery, find_openings
from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_day_bounds, local_to_utc, to_local, utc_now
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.sandbox.meetergo.clinic import ANNA, MeetingType
from frontdesk.ui.day_sheet import sheet_html
from frontdesk.ui.main_window import MainWindow
from support.clinic import next_weekday
from support.desks import module_desk
from support.staff import long_idle

ZONE = "Europe/London"
SHOTS = os.environ.get("FRONTDESK_SHOT_DIR")
MG_CHECKUP = "d1e2f3a4-0000-4000-8000-000000000001"  # a meetergo "General Checkup" (Dr. Berger)


def shot(image_or_widget: object, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image = getattr(image_or_widget, "grab", lambda: image_or_widget)()
        image.save(str(Path(SHOTS) / name))  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    demo = Demo(
        tmp_path_factory.mktemp("columns") / "profile",
        clinic_zone=ZONE,
        providers=("huskyvoice", "meetergo"),
        clinic_columns=True,
        defer=True,
    )
    try:
        demo.begin()
        # the same service on both booking systems (the openings finder and the ASAP list
        # match a service by its name across booking systems)
        state = demo.server.provider("meetergo").build.state
        state.account.types.append(
            MeetingType(MG_CHECKUP, "general-checkup", "General Checkup", 30, "local", (ANNA,))
        )
        long_idle(demo.context)
        demo.pull()
        yield demo
    finally:
        demo.close()


@pytest.fixture(scope="module")
def desk(qapp, clinic: Demo) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield from module_desk(clinic)


def keys(clinic: Demo) -> tuple[ResourceKey, ResourceKey]:
    """Dr. Berger's resources: HuskyVoice's main branch and his meetergo host."""
    return (clinic.connection_id("huskyvoice"), MAIN_BRANCH_ID), (
        clinic.connection_id("meetergo"),
        ANNA,
    )


def bookings_of(desk: MainWindow, first: date, days: int, where: set[ResourceKey]) -> list[Booking]:
    start, _ = local_day_bounds(first, ZONE)
    end, _ = local_day_bounds(first + timedelta(days=days), ZONE)
    found = desk.context.repo.bookings_between(start, end)
    return [b for b in found if b.active and resource_key(b) in where]


def day_with_both(desk: MainWindow, clinic: Demo) -> date:
    """A day on which Dr. Berger has bookings on both booking systems."""
    both = set(keys(clinic))
    for ahead in range(14):
        day = date.today() + timedelta(days=ahead)
        if {resource_key(b) for b in bookings_of(desk, day, 1, both)} == both:
            return day
    raise AssertionError("the demo seeded no day with Dr. Berger on both booking systems")


def test_the_day_sheet_has_a_page_per_clinic_column_named_as_the_day_view(
    desk: MainWindow, clinic: Demo, tmp_path: Path
) -> None:
    day = day_with_both(desk, clinic)
    desk.pane.show_day(day)
    heads = [c.name for c in desk.pane.shown_resources()]
    assert "Dr. Berger" in heads and "Main Branch" not in heads
    sheet = desk.day_sheet()
    pages = [s.resource for s in sheet.sections]
    assert pages and set(pages) <= set(heads)  # the day view's names, none of the APIs'
    assert pages == [h for h in heads if h in pages]  # in the day view's order
    berger = next(s for s in sheet.sections if s.resource == "Dr. Berger")
    theirs = bookings_of(desk, day, 1, set(keys(clinic)))
    assert len(berger.rows) == len(theirs)  # one page for his bookings on both systems
    assert {r.patient for r in berger.rows} == {b.patient_name for b in theirs}
    assert berger.connection == "Demo clinic (HuskyVoice sandbox), Demo: meetergo sandbox"
    assert all(r.where == "Dr. Berger" for r in berger.rows)
    page = sheet_html(sheet)
    assert page.count("page-break-before: always") == len(sheet.sections)
    assert "<h2>Dr. Berger — " in page and "Main Branch" not in page

    path = desk.save_day_sheet(tmp_path / "sheet.pdf")
    assert path is not None and path.read_bytes().startswith(b"%PDF-")
    document = QTextDocument()
    document.setHtml(page)
    document.setPageSize(QSizeF(595, 842))  # an A4 page in points, as printed
    image = QImage(595, 842 * 2, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    shot(image, "day-sheet-columns.png")

    # a view's columns only: "Hygiene chairs" has no Dr. Berger page
    desk.pane.columns_of_view("demo-view-hygiene")
    desk.pane.set_filter(frozenset())
    try:
        chairs = desk.day_sheet()
        assert {s.resource for s in chairs.sections} <= {"Hygiene chair 1", "Hygiene chair 2"}
    finally:
        desk.pane.columns_of_view("")
        desk.pane.set_filter(frozenset())


def test_the_week_export_picks_the_clinics_columns_and_spans_their_resources(
    desk: MainWindow, clinic: Demo
) -> None:
    day = day_with_both(desk, clinic)
    desk.pane.show_day(day)
    desk.pane.select_booking(None)
    dialog = desk.dialogs.export("week")
    try:
        items = [dialog.column.itemText(i) for i in range(dialog.column.count())]
        assert items[:6] == [
            "Dr. Berger — Providers",
            "Dr. Keller — Providers",
            "Dr. Ruiz — Providers",
            "Dr. Chen — Providers",
            "Hygiene chair 1 — Chairs",
            "Hygiene chair 2 — Chairs",
        ]
        assert not any(i.startswith(("Main Branch", "Dr. Anna Berger")) for i in items)
        assert dialog.column.currentText() == "Dr. Berger — Providers"  # the first shown
        export = dialog.update_summary()
        assert export is not None
        monday = day - timedelta(days=day.weekday())
        theirs = bookings_of(desk, monday, 7, set(keys(clinic)))
        assert sorted(r.booking_id for r in export.rows) == sorted(b.id for b in theirs)
        assert {r.where for r in export.rows} == {"Dr. Berger"}
        assert {r.connection for r in export.rows} == {
            "Demo clinic (HuskyVoice sandbox)",
            "Demo: meetergo sandbox",
        }
        assert "Dr. Berger: week of" in dialog.summary.text()
        dialog.resize(720, dialog.sizeHint().height())
        shot(dialog, "export-columns.png")
    finally:
        dialog.done(0)
    # a selected booking's resource (meetergo's host) picks the column that shows it
    meetergo = next(b for b in theirs if b.connection_id == clinic.connection_id("meetergo"))
    desk.pane.select_booking(meetergo.id)
    again = desk.dialogs.export("week")
    try:
        assert again.column.currentData() == ("@clinic", "demo-berger")
    finally:
        again.done(0)
        desk.pane.select_booking(None)
    # the command line names the clinic's column too (docs/headless-tools.md)
    context = clinic.context
    assert exports.find_column(context, "dr. berger").key == ("@clinic", "demo-berger")
    assert exports.find_column(context, "Dr. Berger", "Demo: meetergo sandbox").name == (
        "Dr. Berger"
    )
    # a booking system's name of a resource (a script from before the columns): its column
    assert exports.find_column(context, "Main Branch").name == "Dr. Berger"
    with pytest.raises(exports.ExportError, match="--column: no provider"):
        exports.find_column(context, "Dr. Nobody")


def test_the_openings_finder_filters_by_the_clinics_column_on_both_systems(
    desk: MainWindow, clinic: Demo
) -> None:
    finder = desk.find_opening()
    try:
        assert finder.select_service("General Checkup")
        providers = [finder.provider.itemText(i) for i in range(finder.provider.count())]
        # the clinic's columns in its order (of the connections offering the service)
        assert providers[:2] == ["Any provider", "Dr. Berger"] and "Hygiene chair 2" in providers
        assert not {"Main Branch", "North Branch", "Dr. Anna Berger"} & set(providers)
        finder.provider.setCurrentIndex(providers.index("Dr. Berger"))
        assert set(finder.provider.currentData()) == set(keys(clinic))
        found = finder.search()
        assert found, finder.note.text()
        assert {(o.connection_id, o.resource_id) for o in found} == set(keys(clinic))
        lines = [finder.results.item(i).text() for i in range(finder.results.count())]
        assert all("Dr. Berger" in line for line in lines)
        assert not any("Main Branch" in line or "Anna" in line for line in lines)
        finder.resize(620, 560)
        shot(finder, "openings-columns.png")
    finally:
        finder.done(0)


def _mg_opening(clinic: Demo, before: date) -> datetime:
    context = clinic.context
    query = OpeningQuery(clinic.connection_id("meetergo"), MG_CHECKUP, (ANNA,))
    after = utc_now() + timedelta(days=1)
    found = find_openings(context.booking, [query], after, Limits(count=40, days=14))
    early = [o for o in found if to_local(o.start, ZONE).date() < before and not o.overlaps]
    assert early, "no meetergo opening of Dr. Berger before the held booking"
    return early[0].start


def test_a_freed_meetergo_slot_of_dr_berger_is_offered_to_his_huskyvoice_entry(  # type: ignore[no-untyped-def]
    qtbot, desk: MainWindow, clinic: Demo
) -> None:
    context = clinic.context
    husky, meetergo = clinic.connection_id("huskyvoice"), clinic.connection_id("meetergo")
    later = next_weekday(2, after_days=9)
    held = context.booking.book(
        BookingRequest(
            connection_id=husky,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(later, time(15), ZONE).instant,
            patient_name="Wants Berger",
            patient_phone="+442079460611",
            patient_email="wants.berger@example.org",
        )
    )
    entry = asap.add(context, asap.form_of_booking(context, held))
    assert entry.resource_id == MAIN_BRANCH_ID

    # the entry's form and the list name the clinic's column
    from frontdesk.ui.asap_entry import AsapEntryDialog

    form = AsapEntryDialog(context, desk, entry)
    try:
        withs = [form.resource.itemText(i) for i in range(form.resource.count())]
        assert withs == ["Anyone", "Dr. Berger", "Hygiene chair 2"]
        assert form.resource.currentText() == "Dr. Berger"
        assert form.form().resource_id == MAIN_BRANCH_ID  # kept as it was
    finally:
        form.done(0)
    from frontdesk.app.asap_words import names

    assert names(context).resource(husky, MAIN_BRANCH_ID) == "Dr. Berger"
    assert names(context).resource(meetergo, ANNA) == "Dr. Berger"

    # a meetergo booking of Dr. Berger, earlier than the held one, is cancelled
    leaving = context.booking.book(
        BookingRequest(
            connection_id=meetergo,
            service_id=MG_CHECKUP,
            resource_id=ANNA,
            start=_mg_opening(clinic, later),
            patient_name="Leaving Meetergo",
            patient_phone="+442079460612",
            patient_email="leaving@example.org",
        )
    )
    watch = desk.asap_watch  # type: ignore[attr-defined]
    desk.actions_.set_status(leaving.id, VisitStatus.CANCELLED)  # the cancel key
    qtbot.waitUntil(lambda: any(o.entry.id == entry.id for o in watch.offers), timeout=10_000)
    offer = next(o for o in watch.offers if o.entry.id == entry.id)
    assert (offer.slot.connection_id, offer.slot.resource_id) == (meetergo, ANNA)
    assert offer.replaces == held.id and not offer.move  # cannot move across systems
    assert "Dr. Berger" in str(watch.panel.list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole))
    item = watch.panel.list.topLevelItem(0).child(0)
    watch.panel.list.setCurrentItem(item)
    assert "another booking system" in watch.panel.detail.text()
    qtbot.mouseClick(watch.panel.book_button, Qt.MouseButton.LeftButton)
    assert desk.ops.wait()
    qtbot.waitUntil(lambda: "booked" in watch.panel.message.text(), timeout=5000)
    now_held = context.repo.booking(held.id)
    assert now_held is not None and not now_held.active  # the later one is cancelled
    booked = [
        b
        for b in context.repo.bookings_between(leaving.start, leaving.end)
        if b.patient_name == "Wants Berger" and b.active
    ]
    assert [(b.connection_id, b.resource_id, b.start) for b in booked] == [
        (meetergo, ANNA, leaving.start)
    ]
    assert entry.id not in {e.id for e in asap.entries(context)}


def test_the_details_and_the_booking_form_name_the_clinics_column(
    desk: MainWindow, clinic: Demo
) -> None:
    day = day_with_both(desk, clinic)
    husky_key, _ = keys(clinic)
    main = next(b for b in bookings_of(desk, day, 1, {husky_key}))
    desk.pane.show_day(day)
    desk.show_booking(main)
    where = desk.details.fields["where"].text()
    assert where.startswith("Dr. Berger<br>")  # the clinic's name first
    assert "Main Branch · Demo clinic (HuskyVoice sandbox)" in where  # the system's in small
    shot(desk.details, "details-columns.png")

    form = desk.dialogs.new_booking(main.start, husky_key)
    try:
        assert form.resource_combo.accessibleName() == "With"
        texts = [form.resource_combo.itemText(i) for i in range(form.resource_combo.count())]
        assert texts == [
            "Choose a column…",
            "Dr. Berger (Main Branch)",
            "Hygiene chair 2 (North Branch)",
        ]
        assert form.select_resource("Dr. Berger") and form.select_resource("Main Branch")
        assert form.resource_combo.currentData() == MAIN_BRANCH_ID
        free = [form.openings.list.item(i).text() for i in range(form.openings.list.count())]
        assert free and not any("Main Branch" in t or "Anna" in t for t in free)
        form.resize(560, form.sizeHint().height())
        shot(form, "booking-form-columns.png")
    finally:
        form.done(0)

    from frontdesk.ui.change_dialogs import RescheduleDialog

    move = RescheduleDialog(clinic.context, main, desk)
    try:
        texts = [move.where.itemText(i) for i in range(move.where.count())]
        assert texts == ["Dr. Berger (Main Branch)", "Hygiene chair 2 (North Branch)"]
        assert move.where.currentText() == "Dr. Berger (Main Branch)"
    finally:
        move.done(0)


def test_the_pinboard_names_the_clinics_column(desk: MainWindow, clinic: Demo) -> None:
    day = day_with_both(desk, clinic)
    husky_key, meetergo_key = keys(clinic)
    husky, meetergo = (
        next(b for b in bookings_of(desk, day, 1, {k}) if b.visit_status is VisitStatus.BOOKED)
        for k in (husky_key, meetergo_key)
    )
    board = desk.pinboard
    try:
        for booking in (husky, meetergo):
            pinboard.pin(clinic.context, booking.id)
        board.reread()
        rows = {
            board.list.item(i).data(Qt.ItemDataRole.UserRole): board.list.item(i).text()
            for i in range(board.list.count())
        }
        assert set(rows) == {husky.id, meetergo.id}
        for row in rows.values():  # Dr. Berger on either booking system, as the day view says
            assert " · Dr. Berger · " in row
            assert "Main Branch" not in row
        desk.pinboard_dock.show()
        shot(desk.pinboard_dock, "pinboard-columns.png")
    finally:
        for booking in (husky, meetergo):
            pinboard.put_back(clinic.context, booking.id)
        board.reread()
    assert board.pinned_ids() == []


def test_the_sync_panels_nearest_openings_name_the_clinics_column(
    qtbot, desk: MainWindow, clinic: Demo
) -> None:  # type: ignore[no-untyped-def]
    """A booking the booking system refused (its evening filled by the phone agent first):
    "Needs attention" offers the nearest openings in the clinic's column's name."""
    context = clinic.context
    cid = clinic.connection_id("huskyvoice")
    day = next_weekday(3, after_days=15)  # a Thursday well past anything seeded
    booking = context.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(day, time(18, 0), ZONE).instant,
            patient_name="Refused Columnar",
            patient_phone="+442079460654",
        )
    )
    state = clinic.server.provider("huskyvoice").build.state
    start = local_to_utc(day, time(18, 30), ZONE).instant
    for n in range(4):  # the phone agent fills the evening before the desk syncs
        answer = state.create(
            {
                "appointment_type": "General Checkup",
                "appointment_date": start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "patient_name": "Agent booking",
                "parent_phone": f"+44207946065{n}",
                "branch_id": MAIN_BRANCH_ID,
            }
        )
        assert answer.status == 201
    try:
        assert context.engine.drain().refused == 1
        desk.refresh()
        desk.show_sync_panel()
        panel = desk.sync_panel
        panel.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: panel.openings.count() > 0, timeout=10_000)
        texts = [panel.openings.item(i).text() for i in range(panel.openings.count())]
        assert {t.rsplit(" · ", 1)[1] for t in texts} <= {"Dr. Berger", "Hygiene chair 2"}
        assert any(t.endswith(" · Dr. Berger") for t in texts), texts
        assert not any("Branch" in t for t in texts)  # the booking system's names
    finally:
        context.booking.cancel(booking.id, "test done")
        desk.sync_dock.hide()
