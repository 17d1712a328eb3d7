"""The front desk's day screens in the clinic's language: under a pseudo translation no visible
word of the ASAP list and its entry form, the offers panel, a blockout, the confirmation list,
the waiting room, the pinboard, the details panel, the move and cancel dialogs, the booking
dialog with its series, or the printed day sheet escapes translation; in German and Hindi they
read in those languages (screenshots saved in the temporary folder, to look at), counts in the
language's plural forms and dates in its words."""

from __future__ import annotations

import re
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.app import asap, pinboard
from frontdesk.app.context import AppContext
from frontdesk.app.day_sheet import day_sheet
from frontdesk.app.demo import Demo
from frontdesk.domain import translation
from frontdesk.domain.dates import ENGLISH
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.domain.translation import plural
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.ui import i18n
from frontdesk.ui.asap_actions import open_asap_list
from frontdesk.ui.blockout_actions import open_blockout
from frontdesk.ui.day_sheet import sheet_html
from frontdesk.ui.main_window import MainWindow
from support.checkups import book_checkup
from support.clinic import next_weekday
from support.pseudo import Pseudo
from support.words import MARK, escaped

ZONE = "Europe/London"
SHOTS = Path(tempfile.gettempdir())
DAY_WORDS = "|".join(ENGLISH.weekdays_long + ENGLISH.weekdays_short + ENGLISH.months_short)
# a date or a time the locale writes (English under the pseudo translation: not a word to
# translate), alone or with numbers
WHEN = rf"(({DAY_WORDS}|{'|'.join(ENGLISH.months_long)})[ ,.]*|\d+[:.–\- ]*)+"


def _data(context: AppContext) -> re.Pattern[str]:
    """What a screen shows as it is: the names of patients, services, providers and
    connections, phone numbers, emails, dates and times."""
    names: set[str] = set()
    for record in context.connections():
        names.add(record.name)
        catalog = context.booking.catalog_for(record.id)
        names.update(s.name for s in catalog.services)
        names.update(r.name for r in catalog.resources)
    for b in context.repo.bookings_between(
        datetime(2000, 1, 1).astimezone(), datetime(2100, 1, 1).astimezone()
    ):
        names.add(b.patient_name)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    piece = rf"({alternatives}|{WHEN}|.*@.*|[+\d ()–:-]+)"
    return re.compile(rf"{piece}(([ ·,—-]|<[^>]+>)+{piece})*(<[^>]+>)*\s*")


def _desk(qtbot, demo: Demo) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.synced, timeout=20_000):
        main.sync.start()
    return main


def _screens(qtbot, window: MainWindow) -> dict[str, QWidget]:  # type: ignore[no-untyped-def]
    """Every day screen open, with something in it."""
    context = window.context
    day = next_weekday(2, after_days=3)
    booking = book_checkup(window.context, day, time(10, 0), "Wanda Waiting", "+44 20 7946 0958")
    pinned = book_checkup(window.context, day, time(14, 0), "Pia Pinned", "+44 20 7946 0957")
    asap.add(
        context,
        asap.AsapForm(
            patient_name="Earl Early",
            patient_phone="+44 20 7946 0959",
            connection_id=context.connections()[0].id,
            service_id=GENERAL_CHECKUP_ID,
            until=asap.today(context) + timedelta(days=30),
            note="mornings best",
        ),
    )
    pinboard.pin(context, pinned.id)
    window.pinboard.reread()  # type: ignore[attr-defined]
    window.pinboard_dock.show()  # type: ignore[attr-defined]
    window.waiting_dock.show()  # type: ignore[attr-defined]
    window.waiting_room.refresh()  # type: ignore[attr-defined]
    window.pane.select_booking(booking.id, ensure_visible=True)
    window.details.show_booking(booking.id)
    screens: dict[str, QWidget] = {
        "details": window.details,
        "pinboard": window.pinboard,  # type: ignore[attr-defined]
        "waiting room": window.waiting_room,  # type: ignore[attr-defined]
    }
    listing = open_asap_list(window)
    listing.reread()
    screens["asap list"] = listing
    screens["asap entry"] = listing.edit(asap.entries(context)[-1])  # type: ignore[assignment]
    window.confirmations_action.trigger()  # type: ignore[attr-defined]
    confirmations = window.confirmation_list  # type: ignore[attr-defined]
    confirmations.show_day(day)
    screens["confirmation list"] = confirmations
    blockout = open_blockout(window, start=local_to_utc(day, time(12, 0), ZONE).instant)
    blockout.show()
    screens["blockout"] = blockout
    move = window.actions_.open_move(booking.id)
    assert move is not None
    screens["move"] = move
    cancel = window.actions_.open_cancel(booking.id)
    assert cancel is not None
    screens["cancel"] = cancel
    cid = context.connections()[0].id
    start = local_to_utc(day, time(16, 0), ZONE).instant
    new = window.new_booking(start, (cid, MAIN_BRANCH_ID))
    new.select_service(GENERAL_CHECKUP_ID)
    new.name_edit.setText("Course Patient")
    new.phone_edit.setText("+44 20 7946 0960")
    screens["booking"] = new
    new.repeat_button.click()
    repeat = new.series_dialog
    repeat.times.setValue(4)
    repeat.plan_now()
    screens["series"] = repeat
    # a freed slot the ASAP list's patient could take: the offers panel
    leaving = book_checkup(window.context, day, time(11, 0), "Leaving Patient", "+44 20 7946 0961")
    context.booking.cancel(leaving.id)
    watch = window.asap_watch  # type: ignore[attr-defined]
    watch.refresh()
    qtbot.waitUntil(lambda: bool(watch.offers), timeout=10_000)
    screens["offers"] = watch.panel
    return screens


def test_the_day_screens_escape_no_word(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None
) -> None:
    marker = Pseudo(qapp)
    qapp.installTranslator(marker)
    translation.install(lambda c, t, d=None, n=-1: f"{MARK}{t}⟧")
    try:
        window = _desk(qtbot, demo)
        screens = _screens(qtbot, window)
        data = _data(window.context)
        found = {name: escaped(screen, data) for name, screen in screens.items()}
        left = {name: words for name, words in found.items() if words}
        assert not left, "\n".join(f"{n}: {w}" for n, ws in left.items() for w in ws)
        offers = window.asap_watch.panel  # type: ignore[attr-defined]
        slot = offers.list.topLevelItem(0)
        assert slot is not None and f"{MARK}cancelled⟧" in slot.text(0)  # why it is free
        assert MARK in offers.title.text() and MARK in offers.detail.text()
        # the printed day sheet: its headings, columns, statuses and counts
        day = next_weekday(2, after_days=3)
        page = sheet_html(day_sheet(window.context, day))
        for english in ("The whole day", "printed", "Patient", "%n appointment", "✎ = saved"):
            assert f"{MARK}{english}" in page, english
        assert "⟦booked⟧" in page
        for dialog in list(window.open_dialogs) + list(window.actions_.dialogs):
            dialog.done(0)
        window.shutdown()
    finally:
        qapp.removeTranslator(marker)


@pytest.mark.parametrize(
    ("code", "waiting", "pinboard_title", "confirmed"),
    [
        ("de", "Wartezimmer", "Pinnwand", "Bestätigt (C)"),
        ("hi", "प्रतीक्षा कक्ष", "पिनबोर्ड", "पुष्टि हुई (C)"),
    ],
)
def test_the_day_screens_speak_german_and_hindi(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None, code, waiting, pinboard_title, confirmed
) -> None:
    result = i18n.install_language(qapp, code)
    assert result.translated
    window = _desk(qtbot, demo)
    screens = _screens(qtbot, window)
    assert window.waiting_dock.windowTitle() == waiting  # type: ignore[attr-defined]
    assert window.pinboard_dock.windowTitle() == pinboard_title  # type: ignore[attr-defined]
    texts = [
        b.text()
        for b in screens["confirmation list"].findChildren(type(screens["series"].book_button))
    ]
    assert confirmed in texts
    # Qt's own buttons: Qt translates German itself, the desk's translation carries Hindi
    from PySide6.QtWidgets import QDialogButtonBox

    box = screens["move"].findChild(QDialogButtonBox)
    assert box is not None
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") in (
        "Abbrechen",
        "रद्द करें",
        "रद्द करें (C)",
    )
    # counts in the language's plural forms
    one, two = (
        plural("WaitingRoom", "%n patient(s) waiting", 1),
        plural("WaitingRoom", "%n patient(s) waiting", 2),
    )
    assert one.startswith("1") and two.startswith("2") and "(s)" not in one + two
    window.grab().save(str(SHOTS / f"day-desk-{code}.png"))
    for name, screen in screens.items():
        if name in ("details", "pinboard", "waiting room"):
            continue
        screen.grab().save(str(SHOTS / f"day-{name.replace(' ', '-')}-{code}.png"))
    day = next_weekday(2, after_days=3)
    page = sheet_html(day_sheet(window.context, day))
    assert ("Der ganze Tag" if code == "de" else "पूरा दिन") in page
    from frontdesk.ui.day_sheet import save_html_pdf

    save_html_pdf(page, "A4", SHOTS / f"day-sheet-{code}.pdf", "day sheet")
    for dialog in list(window.open_dialogs) + list(window.actions_.dialogs):
        dialog.done(0)
    window.shutdown()
