"""The desk in the clinic's language: German and Hindi from Qt Linguist files compiled on first
use, the locale that formats, right-to-left that does not break the window, and a pseudo
translation that shows which visible words escape translation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolBar

from frontdesk.app.demo import Demo
from frontdesk.app.languages import chosen, language_of
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain import translation
from frontdesk.ui import i18n
from frontdesk.ui.main_window import MainWindow
from support.pseudo import Pseudo

ROOT = Path(__file__).resolve().parents[2]
MARK = "⟦"


def _window(qtbot, demo: Demo) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _menu_and_bar_words(window: MainWindow) -> dict[str, str]:
    """Every word of the menu bar, its menus and the navigation toolbar (text and tip)."""
    words: dict[str, str] = {}
    for top in window.menuBar().actions():
        words[f"menu {top.text()}"] = top.text()
        menu = top.menu()
        for act in menu.actions() if menu is not None else []:
            if not act.isSeparator() and act.text():
                words[f"item {act.text()}"] = act.text()
                if act.statusTip():
                    words[f"tip {act.text()}"] = act.statusTip()
    bar = window.findChild(QToolBar, "navigation")
    assert bar is not None
    for act in bar.actions():
        if isinstance(act, QAction) and act.text() and act.text() not in "◀▶":
            words[f"bar {act.text()}"] = act.text()
    return words


def test_the_menus_and_the_toolbar_escape_no_word(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None
) -> None:
    pseudo = Pseudo(qapp)
    qapp.installTranslator(pseudo)
    translation.install(lambda c, t, d=None, n=-1: f"{MARK}{t}⟧")
    try:
        window = _window(qtbot, demo)
        words = _menu_and_bar_words(window)
        # the panels' toggles, About and the staff's items are added by other modules
        checked = {k: v for k, v in words.items() if not k.startswith(("item ", "tip "))}
        escaped = {k: v for k, v in checked.items() if MARK not in v}
        assert len(checked) > 10 and not escaped, f"not translated: {sorted(escaped)}"
        items = {k: v for k, v in words.items() if k.startswith("item ") and MARK in v}
        assert len(items) > 15  # the File, View and Booking menus' own items
        window.shutdown()
    finally:
        qapp.removeTranslator(pseudo)


@pytest.mark.parametrize(
    ("code", "file_menu", "today", "week"),
    [("de", "&Datei", "Heute", "Woche"), ("hi", "&फ़ाइल", "आज", "सप्ताह")],
)
def test_the_desk_speaks_the_profiles_language(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None, code, file_menu, today, week
) -> None:
    result = i18n.install_language(qapp, code)
    assert result.code == code and result.translated
    assert QLocale().name().startswith(code)  # dates and numbers in the language's format
    window = _window(qtbot, demo)
    assert window.menuBar().actions()[0].text() == file_menu
    assert window.today_action.text() == today
    assert window.view_actions[next(iter(window.view_actions))].text() in ("Tag", "दिन")
    assert any(a.text() == week for a in window.view_actions.values())
    window.grab().save(str(Path(qtbot_dir()) / f"desk-{code}.png"))
    window.shutdown()


def qtbot_dir() -> str:
    import tempfile

    return tempfile.gettempdir()


def test_right_to_left_keeps_the_window_within_a_small_screen(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None
) -> None:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window = _window(qtbot, demo)
    qtbot.waitExposed(window)
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() <= 1366
    assert not window.grab().isNull()
    window.shutdown()


def test_the_language_is_chosen_from_the_setting_then_the_computer() -> None:
    assert chosen("de", "en_GB") == "de"
    assert chosen(None, "de_AT.UTF-8") == "de"
    assert chosen(None, "hi_IN") == "hi"
    assert chosen(None, "fr_FR") == "en"  # not spoken: English
    assert chosen(None, "C") == "en"
    assert language_of("de-CH") == "de"


def test_an_unknown_language_is_refused_in_words() -> None:
    assert ClinicSettings(language="DE").language == "de"
    assert ClinicSettings(language="").language is None
    with pytest.raises(ValueError, match=r"does not speak 'fr'.*de \(Deutsch\)"):
        ClinicSettings(language="fr")


def test_the_packaging_step_compiles_every_translation(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "translations.py"), "release", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    for code in ("de", "hi"):
        qm = tmp_path / f"frontdesk_{code}.qm"
        assert qm.stat().st_size > 100
        assert f"{code}: " in done.stdout
        loaded = QTranslator()
        assert loaded.load(str(qm))


def test_the_clinic_settings_escape_no_word_and_offer_the_languages(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None
) -> None:
    import re

    from frontdesk.ui.settings_dialog import SettingsDialog
    from support.words import escaped

    pseudo = Pseudo(qapp)
    qapp.installTranslator(pseudo)
    translation.install(lambda c, t, d=None, n=-1: f"{MARK}{t}⟧")
    try:
        dialog = SettingsDialog(demo.context)
        qtbot.addWidget(dialog)
        dialog.show()
        # data: zones, countries (as tzdata names them), the languages in their own words
        data = re.compile(r"[A-Z][A-Za-z_+-]+/[A-Za-z_/+-]+|.* \([A-Z]{2}\)|A4|English|Deutsch|.*ी")
        assert escaped(dialog, data) == []
        languages = [dialog.language.itemData(i) for i in range(dialog.language.count())]
        assert languages == ["", "en", "de", "hi"]
    finally:
        qapp.removeTranslator(pseudo)


def test_the_language_chosen_in_the_settings_is_kept(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None
) -> None:
    from frontdesk.ui.settings_dialog import SettingsDialog

    i18n.install_language(qapp, "de")
    dialog = SettingsDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Praxiseinstellungen"
    dialog.language.setCurrentIndex(dialog.language.findData("hi"))
    assert "ab dem nächsten Start" in dialog.note.text()
    dialog.grab().save(str(Path(qtbot_dir()) / "settings-de.png"))
    dialog.save()
    assert demo.context.settings.language == "hi"


@pytest.mark.parametrize(
    ("name", "short", "long_", "week", "clock"),
    [
        ("de_DE", "Sa., 5. Dez.", "Samstag, 5. Dezember 2026", "30. Nov. – 6. Dez. 2026", "14:30"),
        ("en_US", "Sat, Dec 5", "Saturday, December 5, 2026", "Nov 30 – Dec 6, 2026", "2:30"),
        ("hi_IN", "शनि, 5 दिस॰", "शनिवार, 5 दिसंबर 2026", "30 नव॰ – 6 दिस॰ 2026", "2:30"),
    ],
)
def test_dates_and_times_follow_the_locale(name, short, long_, week, clock) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, datetime

    from frontdesk.domain import dates
    from frontdesk.ui.calendar_pane import week_label

    dates.install(i18n.locale_formats(QLocale(name)))
    try:
        assert dates.short_day(date(2026, 12, 5)) == short
        assert dates.long_day(date(2026, 12, 5)) == long_
        assert week_label(date(2026, 11, 30)) == week
        assert dates.clock(datetime(2026, 12, 5, 14, 30)).startswith(clock)
    finally:
        dates.install(None)
