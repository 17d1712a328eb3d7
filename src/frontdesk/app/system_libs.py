"""Whether this computer has the system libraries the desk's window needs, checked before Qt.

On Linux, Qt's X11 platform plugin (xcb) links against a dozen system libraries that a fresh
install may lack; without one, Qt aborts the process (exit 134) with a message that names
neither the missing file nor the package. ``missing_libraries`` tries to load each library the
plugin needs (the list was read off PySide6's ``libqxcb.so`` and ``libQt6XcbQpa.so``), and
``advice`` says in plain words which packages to install. Windows and macOS ship what Qt needs.
Headless commands (``frontdesk sync``, ``import``, ...) never open a window and never check.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

# the library file the xcb platform plugin loads -> the Debian / Ubuntu package providing it
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
)


def uses_xcb(platform: str, environ: Mapping[str, str]) -> bool:
    """Whether Qt will open its windows through X11 here (as Qt 6 picks its plugin)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    return not environ.get("WAYLAND_DISPLAY")  # a Wayland session gets the wayland plugin


def _loads(name: str, bundled: Iterable[Path]) -> bool:
    if any((folder / name).exists() for folder in bundled):
        return True
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def bundled_folders() -> list[Path]:
    """Folders a frozen build or the PySide6 wheel ships libraries in."""
    folders = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen))
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        folders.append(Path(spec.origin).parent / "Qt" / "lib")
    return folders


def missing_libraries(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    loads: Callable[[str], bool] | None = None,
) -> list[tuple[str, str]]:
    """The (library file, Debian package) pairs the desk's window needs and cannot load."""
    if not uses_xcb(platform, environ):
        return []
    if loads is None:
        folders = bundled_folders()

        def loads(name: str) -> bool:
            return _loads(name, folders)

    return [(name, package) for name, package in XCB_LIBRARIES if not loads(name)]


def advice(missing: list[tuple[str, str]]) -> str:
    """What to tell the person starting the desk, in plain words."""
    files = ", ".join(name for name, _ in missing)
    packages = " ".join(package for _, package in missing)
    return (
        "FrontDesk cannot open its window: this computer lacks system libraries that its "
        f"screen toolkit (Qt) needs to draw on an X11 desktop:\n  {files}\n\n"
        f"On Debian or Ubuntu, install them with:\n  sudo apt-get install {packages}\n"
        "On other Linux systems, install the packages that provide those files.\n"
        "The headless commands (frontdesk sync, import, validate, sandbox) work without them."
    )
