"""The desk checks the X11 libraries Qt needs before Qt does, and names what to install."""

from __future__ import annotations

import subprocess
import sys

import pytest

from frontdesk.app.system_libs import XCB_LIBRARIES, advice, missing_libraries, uses_xcb

X11 = {"DISPLAY": ":0"}


def test_only_an_x11_desk_on_linux_is_checked() -> None:
    assert uses_xcb("linux", X11)
    assert uses_xcb("linux", {"QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb("linux", {"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb("linux", {"WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb("linux", {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb("win32", X11)
    assert not uses_xcb("darwin", X11)
    assert missing_libraries("win32", X11, loads=lambda name: False) == []


def test_the_missing_files_and_their_packages_are_named() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    missing = missing_libraries("linux", X11, loads=lambda name: name not in absent)
    assert missing == [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ]
    words = advice(missing)
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in words
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in words


def test_every_library_names_one_package() -> None:
    names = [name for name, _ in XCB_LIBRARIES]
    assert len(names) == len(set(names))
    assert all(package for _, package in XCB_LIBRARIES)


@pytest.mark.skipif(sys.platform != "linux", reason="the X11 check is Linux's")
def test_the_desk_stops_with_the_advice_instead_of_an_abort(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A library the xcb plugin needs, made unloadable: the desk exits 3 with the advice."""
    code = (
        "import frontdesk.app.system_libs as s, sys;"
        "s.XCB_LIBRARIES = s.XCB_LIBRARIES + (('libfrontdesk-missing.so.9', 'frontdesk-missing'),);"
        "from frontdesk.ui.launch import launch;"
        "sys.exit(launch(['--profile-dir', sys.argv[1]]))"
    )
    env = {"PATH": "/usr/bin:/bin", "DISPLAY": ":0", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "p")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3
    assert "sudo apt-get install" in done.stderr and "frontdesk-missing" in done.stderr
    assert "Traceback" not in done.stderr
