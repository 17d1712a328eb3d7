"""Dark and light follow the operating system's scheme; the calendar repaints in the palette's
colours either way, and every secondary text reads at WCAG AA (4.5:1) in both."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from frontdesk.app.demo import Demo
from frontdesk.ui.booking_dialog import BookingDialog
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.palette import is_dark, luminance
from frontdesk.ui.sync_panel import ATTENTION_TAB, UNKNOWN_TAB
from frontdesk.ui.theme import (
    AA,
    BACKGROUNDS,
    Tones,
    apply_scheme,
    contrast,
    dark_palette,
    follow_color_scheme,
)


def test_a_dark_scheme_darkens_a_light_palette_and_back(
    qapp: QApplication, desk: MainWindow
) -> None:
    light_style = qapp.style().name()
    assert not is_dark(qapp.palette())  # the offscreen platform starts light
    try:
        apply_scheme(qapp, Qt.ColorScheme.Dark)
        assert is_dark(qapp.palette())
        QApplication.processEvents()
        grid = desk.pane.week_view
        assert grid.colors.dark
        image = grid.viewport().grab().toImage()
        assert luminance(image.pixelColor(image.width() - 4, image.height() - 4)) < 0.2
        apply_scheme(qapp, Qt.ColorScheme.Light)
        QApplication.processEvents()
        assert not is_dark(qapp.palette()) and not grid.colors.dark
    finally:
        apply_scheme(qapp, Qt.ColorScheme.Light)
        qapp.setStyle(light_style)


def test_a_palette_the_platform_changes_by_itself_gets_a_readable_placeholder(
    qapp: QApplication,
) -> None:
    """The palette watch (a widget never shown, told of every application palette change)
    refits the placeholder tone; it filters no other object's events."""
    follow_color_scheme(qapp)
    kept = QPalette(qapp.palette())
    try:
        changed = QPalette(kept)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            changed.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#eeeeee"))
        qapp.setPalette(changed)  # as a theme change of the platform's would
        QApplication.processEvents()
        palette = qapp.palette()
        hint = Tones.of(palette).hint
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            assert palette.color(group, QPalette.ColorRole.PlaceholderText) == hint
        watches = [
            w for w in QApplication.allWidgets() if w.objectName() == "frontdesk-palette-watch"
        ]
        assert len(watches) == 1 and not watches[0].isVisible()
    finally:
        qapp.setPalette(kept)


# -- contrast of the desk's secondary text ----------------------------------------------------

SCHEMES = [Qt.ColorScheme.Light, Qt.ColorScheme.Dark]


@pytest.fixture
def scheme_of(qapp: QApplication) -> Iterator[Callable[[Qt.ColorScheme], QPalette]]:
    style = qapp.style().name()

    def switch(scheme: Qt.ColorScheme) -> QPalette:
        apply_scheme(qapp, scheme)
        QApplication.processEvents()
        assert is_dark(qapp.palette()) == (scheme == Qt.ColorScheme.Dark)
        return qapp.palette()

    try:
        yield switch
    finally:
        apply_scheme(qapp, Qt.ColorScheme.Light)
        qapp.setStyle(style)
        qapp.setPalette(qapp.style().standardPalette())


def test_the_contrast_ratio_is_wcags() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast(QColor("#ffffff"), QColor("#767676")) == pytest.approx(4.54, abs=0.01)
    assert contrast(QColor("#5f6368"), QColor("#5f6368")) == pytest.approx(1.0)


@pytest.mark.parametrize("scheme", SCHEMES, ids=["light", "dark"])
def test_every_text_tone_reads_at_aa_on_every_background(
    scheme: Qt.ColorScheme, scheme_of: Callable[[Qt.ColorScheme], QPalette]
) -> None:
    palette = scheme_of(scheme)
    tones = Tones.of(palette)
    failures = [
        f"{name} {color.name()} on {role.name} {palette.color(role).name()}: "
        f"{contrast(color, palette.color(role)):.2f}"
        for name, color in tones.roles().items()
        for role in BACKGROUNDS
        if contrast(color, palette.color(role)) < AA
    ]
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        placeholder = palette.color(group, QPalette.ColorRole.PlaceholderText)
        base = palette.color(group, QPalette.ColorRole.Base)
        assert placeholder.alpha() == 255
        if contrast(placeholder, base) < AA:
            failures.append(f"placeholder {placeholder.name()} on {base.name()}")
    assert not failures


@pytest.mark.parametrize("scheme", SCHEMES, ids=["light", "dark"])
def test_the_old_greys_fall_short_in_both_schemes(
    scheme: Qt.ColorScheme, scheme_of: Callable[[Qt.ColorScheme], QPalette]
) -> None:
    """The colours the desk used before (``gray``, ``#80868b``, and ``#5f6368`` in the dark)
    fail the check above, so the check can fail."""
    palette = scheme_of(scheme)
    old = ["gray", "#80868b"] + (["#5f6368", "#c5221f"] if is_dark(palette) else [])
    for name in old:
        worst = min(contrast(QColor(name), palette.color(role)) for role in BACKGROUNDS)
        assert worst < AA, name


def _ink_contrast(label: QLabel) -> float:
    """The contrast of the label's most contrasting pixel with its background, as drawn."""
    image = label.grab().toImage()
    ground = image.pixelColor(0, 0)
    return max(
        contrast(image.pixelColor(x, y), ground)
        for x in range(image.width())
        for y in range(image.height())
    )


@pytest.mark.parametrize("scheme", SCHEMES, ids=["light", "dark"])
def test_the_booking_dialogs_hints_are_drawn_readable(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, scheme: Qt.ColorScheme, scheme_of: Callable[[Qt.ColorScheme], QPalette]
) -> None:
    tones = Tones.of(scheme_of(scheme))
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    name_hint = dialog._rows["patient_name"].message
    assert name_hint.isVisible() and tones.hint.name() in name_hint.text()
    for label in (dialog.when_hint, name_hint):
        assert label.text()
        assert _ink_contrast(label) >= AA, label.accessibleName()
    dialog.done(0)


@pytest.mark.parametrize("scheme", SCHEMES, ids=["light", "dark"])
def test_the_details_and_status_small_print_follow_the_scheme(
    desk: MainWindow, scheme: Qt.ColorScheme, scheme_of: Callable[[Qt.ColorScheme], QPalette]
) -> None:
    tones = Tones.of(scheme_of(scheme))
    desk.details.show_booking(None)
    assert tones.hint.name() in desk.details.history.text()
    labels = list(desk.status.connection_labels.values())
    assert labels and all(tones.hint.name() in label.text() for label in labels)


@pytest.mark.parametrize("scheme", SCHEMES, ids=["light", "dark"])
def test_the_sync_panels_hints_follow_the_scheme(  # type: ignore[no-untyped-def]
    qtbot, desk: MainWindow, scheme: Qt.ColorScheme, scheme_of: Callable[[Qt.ColorScheme], QPalette]
) -> None:
    tones = Tones.of(scheme_of(scheme))
    desk.show_sync_panel()
    panel = desk.sync_panel
    for tab, label in ((ATTENTION_TAB, panel.reason), (UNKNOWN_TAB, panel.unknown_reason)):
        panel.tabs.setCurrentIndex(tab)
        qtbot.waitExposed(label)
        assert tones.hint.name() in label.text() and "gray" not in label.text()
        assert _ink_contrast(label) >= AA, label.accessibleName()
    desk.sync_dock.hide()


@pytest.mark.parametrize("scheme", SCHEMES, ids=["light", "dark"])
def test_the_mini_calendars_weekends_read_at_aa(
    desk: MainWindow, scheme: Qt.ColorScheme, scheme_of: Callable[[Qt.ColorScheme], QPalette]
) -> None:
    palette = scheme_of(scheme)
    calendar = desk.side.calendar
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        ink = calendar.weekdayTextFormat(day).foreground().color()
        assert contrast(ink, palette.color(QPalette.ColorRole.Base)) >= AA


def test_the_dark_palettes_own_pairs_read_at_aa() -> None:
    palette = dark_palette()
    role = QPalette.ColorRole
    pairs = [
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.ToolTipText, role.ToolTipBase),
        (role.HighlightedText, role.Highlight),
        (role.Link, role.Base),
        (role.PlaceholderText, role.Base),
    ]
    for ink, ground in pairs:
        ratio = contrast(palette.color(ink), palette.color(ground))
        assert ratio >= AA, f"{ink.name} on {ground.name}: {ratio:.2f}"
