"""The clinic's columns are the clinic's, not a desk's: on a shared PostgreSQL store, columns
and views an administrator saves at desk A show at desk B at once (the store's notice of the
topic "columns"), without a restart and without a sync; B's chosen view stays B's."""

from __future__ import annotations

import time

from frontdesk.app import columns as clinic_columns
from frontdesk.app.context import AppContext
from frontdesk.domain.columns import ClinicColumn, ColumnKind, ColumnSetup, ColumnView
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, NORTH
from support.staff import sign_in_admin


def test_columns_saved_at_one_desk_show_at_another_at_once(  # type: ignore[no-untyped-def]
    qtbot, desks: tuple[AppContext, AppContext]
) -> None:
    a, b = desks
    sign_in_admin(a)
    sign_in_admin(b)
    window = MainWindow(b, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.pane.prefetch = False  # no neighbouring days read on a pool thread meanwhile
    window.pane.set_mode(Mode.DAY)
    told: list[str] = []
    window.on_topic("columns", lambda: told.append("columns"))
    window.sync.start()
    try:
        qtbot.waitUntil(lambda: bool(told), timeout=5000)  # listening
        assert [c.title for c in window.day_view.columns] == ["Main Branch", "North Branch"]
        cid = a.connections()[0].id
        setup = ColumnSetup(
            (
                ClinicColumn("chair", "Hygiene chair", ColumnKind.CHAIR, "#12b5cb"),
                ClinicColumn("berger", "Dr. Berger", ColumnKind.PROVIDER, "#1a73e8"),
            ),
            {(cid, MAIN): "berger", (cid, NORTH): "chair"},
            (ColumnView("hyg", "Hygiene chairs", ("chair",)),),
        )
        saved_at = time.monotonic()
        clinic_columns.save(a, setup)
        qtbot.waitUntil(
            lambda: [c.title for c in window.day_view.columns] == ["Hygiene chair", "Dr. Berger"],
            timeout=5000,
        )
        print(f"desk B showed desk A's columns after {time.monotonic() - saved_at:.2f} s")
        menu = [act.text() for act in window.column_views.menu.actions()]
        assert menu == ["Everything", "Hygiene chairs"]
        window.column_views.menu.actions()[1].trigger()  # B picks a view: A's stays its own
        assert [c.title for c in window.day_view.columns] == ["Hygiene chair"]
        # A renames the chair and hides Dr. Berger: B's view shows the new name at once
        now = clinic_columns.setup(a)
        renamed = ColumnSetup(
            (
                ClinicColumn("chair", "Chair 1", ColumnKind.CHAIR, "#12b5cb"),
                ClinicColumn("berger", "Dr. Berger", ColumnKind.PROVIDER, hidden=True),
            ),
            now.mapping,
            now.views,
            now.revision,
        )
        clinic_columns.save(a, renamed)
        qtbot.waitUntil(
            lambda: [c.title for c in window.day_view.columns] == ["Chair 1"], timeout=5000
        )
        assert window.pane.view_id == "hyg"
        window.column_views.menu.actions()[0].trigger()  # Everything: Dr. Berger is hidden
        assert [c.title for c in window.day_view.columns] == ["Chair 1"]
    finally:
        window.shutdown()
