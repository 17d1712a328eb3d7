"""The desk's last words in the clinic's language: an exported line's title in the audit viewer
(said again from the day, week or patient it names; old lines too), a clinic column's kind in
a setup change, an ASAP line's service by its name (the catalog's; its id only where no
catalog has it), a pin's time (kept as an instant, said on the language's clock when shown;
lines written before keep reading), the start's refusals made below the screens (the store's
URL, a newer cache, the cache's key, the credentials file, an unreachable store: the
receptionist reads them in the desk's language, the log keeps English) and the date boxes,
written in the locale's order. Under a pseudo translation each is marked; in German and Hindi
they read in those languages (screenshots of the pinboard dock, the clinic columns dialog and
the booking dialog's date box in the temporary folder, to look at)."""

from __future__ import annotations

import os
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from frontdesk.app import asap, audit, pinboard
from frontdesk.app.asap_words import Names
from frontdesk.app.audit_words import line_words
from frontdesk.app.cache_key import CacheKeyUnavailable, cache_key
from frontdesk.app.context import AppContext
from frontdesk.app.credentials import Credentials, CredentialsFileError, KeyringUnavailable
from frontdesk.app.demo import Demo
from frontdesk.app.exports import columns, day_export, week_export
from frontdesk.app.store import NewerCache, StoreUnreachable, StoreUrlError, check_url, fit_to_keep
from frontdesk.domain import dates
from frontdesk.domain.audit import AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.columns import ClinicColumn, ColumnKind, ColumnSetup, changes_of
from frontdesk.domain.timeutil import iso_utc, local_to_utc, to_local
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.storage.cipher import CacheKeyRefused
from frontdesk.storage.db import Database
from frontdesk.ui import i18n
from frontdesk.ui.asap_actions import open_asap_list
from frontdesk.ui.audit_dialog import AuditDialog
from frontdesk.ui.blockout_actions import open_blockout
from frontdesk.ui.booking_dialog import BookingDialog
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.start_errors import start_error_words
from support.checkups import book_checkup
from support.clinic import next_weekday
from support.words import MARK

SHOTS = Path(tempfile.gettempdir())
ZONE = "Europe/London"  # the ui tests' clinic clock (tests/ui/conftest.py)
DETAIL_COLUMN = 6


def _viewer_cells(qtbot, context: AppContext) -> list[str]:  # type: ignore[no-untyped-def]
    viewer = AuditDialog(context)
    qtbot.addWidget(viewer)
    return [viewer.table.item(r, DETAIL_COLUMN).text() for r in range(viewer.table.rowCount())]


# -- 1. an exported line's title -------------------------------------------------------------
def test_an_exported_lines_title_is_said_in_the_desks_language(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    context = demo.context
    day = date.today() + timedelta(days=3)
    column = columns(context)[0]
    for export in (day_export(context, day), week_export(context, day, column.key)):
        assert MARK not in export.title  # the trail keeps the English title
        audit.exported(context, export, "ics", Path("appointments.ics"))
    said = [c for c in _viewer_cells(qtbot, context) if "appointments.ics" in c]
    monday = day - timedelta(days=day.weekday())
    assert any(
        c.startswith(f"{MARK}{MARK}Appointments on {dates.long_day(day)}⟧: ") for c in said
    ), said
    week = f"{MARK}{MARK}{column.name}: week of {dates.short_day(monday)} to "
    assert any(c.startswith(week) for c in said), said
    # a title the desk did not write that way stays as stored
    odd = "Appointments on Funday 1 Jan 2027: 2 appointments, CSV, a.csv"
    assert line_words({}, odd, ZONE).startswith(f"{MARK}Appointments on Funday 1 Jan 2027: ")


@pytest.mark.parametrize(
    ("code", "day_title", "patient_title"),
    [("de", "Termine am {day}", "Termine von Ann Lee"), ("hi", "{day} के अपॉइंटमेंट", "Ann Lee के")],
)
def test_old_export_lines_read_in_german_and_hindi(  # type: ignore[no-untyped-def]
    qapp: QApplication, spoken: None, code, day_title, patient_title
) -> None:
    assert i18n.install_language(qapp, code).translated
    line = "Appointments on Sunday 28 March 2027: 3 appointments, ICS, a.ics"
    said = line_words({}, line, ZONE)
    assert said.startswith(day_title.format(day=dates.long_day(date(2027, 3, 28)))), said
    assert "Appointments" not in said and "Sunday" not in said
    # a week over the new year: its Monday is in the year before
    week = line_words(
        {}, "Dr Rao: week of Mon 28 Dec to Sun 3 Jan 2027: 4 appointments, ICS, w", ZONE
    )
    assert week.startswith("Dr Rao: ") and dates.short_day(date(2026, 12, 28)) in week, week
    assert "week of" not in week
    patient = line_words({}, "Appointments of Ann Lee: 2 appointments, CSV, p.csv", ZONE)
    assert patient_title in patient and "Appointments" not in patient, patient


# -- 2. a clinic column's kind ---------------------------------------------------------------
def _column_change() -> dict[str, list[str | None]]:
    before = ColumnSetup((ClinicColumn("c1", "Dr Rao", ColumnKind.PROVIDER),))
    after = ColumnSetup((ClinicColumn("c1", "Dr Rao", ColumnKind.CHAIR, "#3366cc", hidden=True),))
    return changes_of(before, after, {})


def test_a_clinic_columns_kind_is_said_in_the_desks_words(pseudo: None) -> None:
    said = line_words(_column_change(), None, ZONE)
    assert said == (
        f"{MARK}column {{name}}⟧: Dr Rao ({MARK}provider⟧) → "
        f"Dr Rao ({MARK}chair⟧, #3366cc, {MARK}hidden⟧)"
    ).replace("{name}", "Dr Rao"), said
    assert line_words({"column Dr Rao": [None, "Dr Rao (wall)"]}, None, ZONE).endswith(
        "Dr Rao (wall)"
    )  # a kind the desk does not write: as stored


@pytest.mark.parametrize(
    ("code", "words"),
    [("de", ("Behandler", "Stuhl", "ausgeblendet")), ("hi", ("डॉक्टर", "कुर्सी", "छिपा हुआ"))],
)
def test_a_clinic_columns_kind_in_german_and_hindi(  # type: ignore[no-untyped-def]
    qapp: QApplication, spoken: None, code, words
) -> None:
    assert i18n.install_language(qapp, code).translated
    said = line_words(_column_change(), None, ZONE)
    assert all(w in said for w in words), said
    assert "provider" not in said and "chair" not in said and "hidden" not in said


# -- 3. an ASAP line's service ----------------------------------------------------------------
def test_an_asap_lines_service_is_named_as_the_catalog_knows_it(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo
) -> None:
    context = demo.context
    cid = context.connections()[0].id
    name = context.booking.service(cid, GENERAL_CHECKUP_ID).name  # type: ignore[union-attr]
    asap.add(
        context,
        asap.AsapForm(
            patient_name="Earl Early",
            patient_phone="+44 20 7946 0959",
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            until=asap.today(context) + timedelta(days=30),
        ),
    )
    said = next(c for c in _viewer_cells(qtbot, context) if "ASAP entry" in c)
    assert f"service: (none) → {name};" in said and GENERAL_CHECKUP_ID not in said, said
    # the ASAP list names an entry's retired service too (no longer offered for new ones)
    assert Names(retired={(cid, "svc-old"): "Old check-up"}).service(cid, "svc-old") == (
        "Old check-up"
    )
    # a service no catalog has any more: its id, as the trail keeps it
    gone = line_words({"service_id": [None, "svc-retired"]}, None, ZONE, {})
    assert gone == "service: (none) → svc-retired"


def test_why_an_asap_entry_left_the_list_is_said_in_the_desks_words(pseudo: None) -> None:
    for why in ("removed from the list", "booked in a freed slot", "expired"):
        said = line_words({}, f"ASAP entry 1a2b3c4d: {why}", ZONE)
        assert said == f"{MARK}ASAP entry 1a2b3c4d: {MARK}{why}⟧⟧", said


# -- 4. a pin's time ---------------------------------------------------------------------------
def _pinned_lines(context: AppContext) -> list[str]:
    lines = audit.page(context, AuditFilter(), 0, 50)
    wanted = {AuditEvent.PINNED.value, AuditEvent.UNPINNED.value}
    return [line.detail or "" for line in lines if line.event in wanted]


@pytest.mark.parametrize(
    ("code", "kept", "left"),
    [
        ("de", "bis zum Einplanen auf {when} belassen", "auf {when} belassen"),
        ("hi", "रखे जाने तक {when} पर छोड़ा", "{when} पर छोड़ा"),
    ],
)
def test_a_pins_time_is_kept_as_an_instant_and_said_in_the_language_of_the_day(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None, code, kept, left
) -> None:
    context = demo.context
    day = next_weekday(2, after_days=3)
    staying = book_checkup(context, day, time(14, 0), "Pia Pinned", "+44 20 7946 0961")
    leaving = book_checkup(context, day, time(15, 0), "Len Left", "+44 20 7946 0962")
    pinboard.pin(context, staying.id)
    pinboard.pin(context, leaving.id)
    pinboard.put_back(context, leaving.id)
    stored = _pinned_lines(context)
    assert f"kept at {iso_utc(staying.start)} until placed" in stored, stored
    assert f"left at {iso_utc(leaving.start)}" in stored, stored
    assert i18n.install_language(qapp, code).translated
    zone = context.clinic_zone
    when = dates.moment(to_local(staying.start, zone), year=True)
    assert line_words({}, f"kept at {iso_utc(staying.start)} until placed", zone) == (
        kept.format(when=when)
    )
    assert left.format(when=dates.moment(to_local(leaving.start, zone), year=True)) in (
        _viewer_cells(qtbot, context)
    )
    # a line written before, its time in the words of the desk's language then: as stored
    assert line_words({}, "kept at Tue 10 Mar 14:30 until placed", zone) == kept.format(
        when="Tue 10 Mar 14:30"
    )
    # the audit viewer with a pin, a column's change, an export and an ASAP entry (to look at)
    actor = context.staff.actor()
    audit.record(context, AuditEntry(AuditEvent.COLUMNS, actor, None, _column_change()))
    audit.exported(context, day_export(context, day), "ics", Path("appointments.ics"))
    asap.add(
        context,
        asap.AsapForm(
            patient_name="Earl Early",
            patient_phone="+44 20 7946 0959",
            connection_id=context.connections()[0].id,
            service_id=GENERAL_CHECKUP_ID,
            until=asap.today(context) + timedelta(days=30),
        ),
    )
    viewer = AuditDialog(context)
    qtbot.addWidget(viewer)
    viewer.resize(1180, 420)
    viewer.show()
    said = " ".join(
        viewer.table.item(r, DETAIL_COLUMN).text() for r in range(viewer.table.rowCount())
    )
    assert "Appointments" not in said and "provider" not in said and "kept at" not in said
    assert GENERAL_CHECKUP_ID not in said
    viewer.grab().save(str(SHOTS / f"audit-last-{code}.png"))
    # the pinboard dock, in the language (the pin's time on the language's clock)
    window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.pinboard.reread()  # type: ignore[attr-defined]
    window.pinboard_dock.show()  # type: ignore[attr-defined]
    dock = window.pinboard_dock  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.pinboard.list.count() > 0)  # type: ignore[attr-defined]
    shown = window.pinboard.list.item(0).text()  # type: ignore[attr-defined]
    assert dates.clock(to_local(staying.start, zone)) in shown, shown
    dock.grab().save(str(SHOTS / f"pinboard-dock-{code}.png"))
    dialog = window.column_views.open_dialog()
    dialog.show()
    for name, kind in (("Dr Rao", ColumnKind.PROVIDER), ("Chair 2", ColumnKind.CHAIR)):
        dialog.add_column(name, kind)  # the kinds as the dialog offers them, in the language
    dialog.grab().save(str(SHOTS / f"columns-dialog-{code}.png"))
    dialog.close()
    window.shutdown()


# -- 5. the start's refusals from below the screens ---------------------------------------------
class _LockedKeyring:
    fallback_file = Path("credentials.json")

    def get(self, name: str) -> str | None:
        raise KeyringUnavailable("the system keyring could not be read", "it is locked")


def _refusals(tmp_path: Path) -> list[Exception]:
    found: list[Exception] = []
    for url in ("mysql://db/frontdesk", "postgresql://u@db.example:5432/fd?sslmode=disable"):
        with pytest.raises(StoreUrlError) as refused:
            check_url(url)
        found.append(refused.value)
    with pytest.raises(StoreUrlError) as refused:
        fit_to_keep("postgresql://u:secret@localhost:5432/fd")
    found.append(refused.value)
    found.append(NewerCache(tmp_path / "cache.db", {"0099"}))
    found.append(CacheKeyRefused(tmp_path / "cache.db"))
    encrypted = tmp_path / "encrypted.db"
    encrypted.write_bytes(os.urandom(4096))  # not SQLite's header: an encrypted cache
    with pytest.raises(CacheKeyUnavailable) as unavailable:
        cache_key(encrypted, _LockedKeyring())  # type: ignore[arg-type]
    found.append(unavailable.value)
    broken = tmp_path / "credentials.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CredentialsFileError) as unreadable:
        Credentials(broken, use_keyring=False).get("any")
    found.append(unreadable.value)
    with pytest.raises(StoreUnreachable) as unreachable:  # nothing listens on port 1
        Database.open("postgresql+psycopg://frontdesk@127.0.0.1:1/frontdesk")
    found.append(unreachable.value)
    return found


def test_the_starts_refusals_are_said_in_the_desks_language_and_logged_in_english(
    tmp_path: Path, pseudo: None
) -> None:
    for exc in _refusals(tmp_path):
        said = start_error_words(exc)
        assert said.count(MARK) >= 2, (type(exc).__name__, said)  # the box and its reason
        assert MARK not in str(exc), str(exc)  # the log's (and the headless tools') English
    locked = next(e for e in _refusals(tmp_path) if isinstance(e, CacheKeyUnavailable))
    assert f"{MARK}it is locked⟧" in start_error_words(locked)
    assert "sslmode=disable" in start_error_words(_refusals(tmp_path)[1])


@pytest.mark.parametrize(("code", "word"), [("de", "Datenbank-URL"), ("hi", "डेटाबेस URL")])
def test_the_starts_refusals_in_german_and_hindi(  # type: ignore[no-untyped-def]
    qapp: QApplication, tmp_path: Path, spoken: None, code, word
) -> None:
    assert i18n.install_language(qapp, code).translated
    refusals = _refusals(tmp_path)
    assert word in start_error_words(refusals[0])
    for exc in refusals:
        said = start_error_words(exc)
        assert str(exc) not in said and "Nothing was changed" not in said, said
        assert "FrontDesk could not start" not in said and "Check " not in said, said


# -- 6. the date boxes ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "shown", "without"),
    [("de", "ddd, d. MMM yyyy", "d. MMM yyyy"), ("hi", "ddd, d MMM yyyy", "d MMM yyyy")],
)
def test_the_date_boxes_follow_the_locales_order(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None, code, shown, without
) -> None:
    context = demo.context
    assert i18n.date_format() == "ddd d MMM yyyy"  # English: as before
    assert i18n.install_language(qapp, code).translated
    booking = BookingDialog(context)
    qtbot.addWidget(booking)
    booking.show()
    booking.date_edit.setDate(QDate(2027, 6, 1))
    assert booking.date_edit.displayFormat() == shown
    assert booking.date_edit.date() == QDate(2027, 6, 1)  # the value is the day
    first = date(2027, 6, 1)
    written = dates.installed().long_day.format(
        wd=dates.weekday(first), d=1, m=dates.month(first), y=2027
    )
    assert booking.date_edit.text() == written  # the toolbar's day, with short names
    booking.date_edit.grab().save(str(SHOTS / f"booking-date-{code}.png"))
    booking.grab().save(str(SHOTS / f"booking-dialog-{code}.png"))
    # the move, blockout, series and ASAP dialogs' boxes
    window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    day = next_weekday(2, after_days=3)
    moving = book_checkup(context, day, time(10, 0), "Mo Moving", "+44 20 7946 0963")
    move = window.actions_.open_move(moving.id)
    assert move is not None and move.date_edit.displayFormat() == shown
    blockout = open_blockout(window, start=local_to_utc(day, time(12, 0), ZONE).instant)
    assert blockout.day.displayFormat() == shown and blockout.until.displayFormat() == without
    new = window.new_booking(
        local_to_utc(day, time(16, 0), ZONE).instant, (context.connections()[0].id, MAIN_BRANCH_ID)
    )
    new.select_service(GENERAL_CHECKUP_ID)
    new.name_edit.setText("Course Patient")
    new.phone_edit.setText("+44 20 7946 0964")
    new.repeat_button.click()
    assert new.series_dialog.until.displayFormat() == shown
    listing = open_asap_list(window)
    entry = listing.add()
    assert entry is not None and entry.until.displayFormat() == shown
    for dialog in (move, blockout, new.series_dialog, entry, listing, new):
        dialog.close()
    window.shutdown()


def test_the_keyrings_refusal_is_said_in_the_desks_words(pseudo: None) -> None:
    from frontdesk.app.credentials import KeyringUnavailable

    locked = KeyringUnavailable("api-key: …", "it is locked")
    failed = KeyringUnavailable("api-key: …", "it failed: RuntimeError (no D-Bus)")
    assert locked.said_reason == f"{MARK}it is locked⟧" and locked.reason == "it is locked"
    assert failed.said_reason == f"{MARK}it failed: RuntimeError (no D-Bus)⟧"
