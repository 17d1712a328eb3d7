"""The app's face to the operating system: its name, version and icon as the desk shows them.

Owns rendering the shipped SVG icon (``resources/icons/frontdesk.svg``) into a multi-size
``QIcon`` with ``QSvgRenderer`` itself, so the icon does not depend on an SVG image plugin being
present in a frozen build; `apply_branding`, which gives a ``QApplication`` its name and
desktop-file id, and `apply_icon`, its window icon. A start gives the icon after its first
paint (QtSvg and seven renderings are not what the first paint waits for): a window manager
shows it as soon as it is set.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPixmap

from frontdesk import APP_ID, APP_NAME, version
from frontdesk.app.paths import resource_path

ICON_RESOURCE = "icons/frontdesk.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_icon(size: int) -> QImage:
    """The app icon as a square ARGB image of ``size`` pixels; raises if the SVG is missing."""
    from PySide6.QtSvg import QSvgRenderer  # loaded when the icon is first drawn

    path = resource_path(ICON_RESOURCE)
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise ValueError(f"the app icon {path} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def app_icon() -> QIcon:
    """The app icon at every size a window manager, task bar or dialog asks for."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(QPixmap.fromImage(render_icon(size)))
    return icon


def apply_branding(app: QGuiApplication) -> None:
    """Name and desktop-file id (Wayland/X11 match the window to its launcher); the icon
    (:func:`apply_icon`) and the version (:func:`apply_version`) are given after the first
    paint."""
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)


def apply_icon(app: QGuiApplication) -> None:
    """The app's window icon (every window without one of its own shows it, at once);
    raises if the shipped SVG is missing or broken."""
    app.setWindowIcon(app_icon())


def apply_version(app: QGuiApplication) -> None:
    """The version from the package metadata (read once, when first needed)."""
    app.setApplicationVersion(version())
