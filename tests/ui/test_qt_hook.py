"""PySide6's import hook given a quicker reading (``ui.qt_hook``): the same answer for every
kind of module, and every module imported after it still recorded as PySide6 records it."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from types import ModuleType

import pytest

from frontdesk.ui import qt_hook


def _upstream_answer(module: ModuleType) -> bool:
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_quick_reading_answers_as_pysides_own() -> None:
    qt_hook.quicken()
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "_frontdesk_quick", False)
    import frontdesk.domain.booking
    import frontdesk.ui.main_window

    for module in (frontdesk.ui.main_window, frontdesk.domain.booking, sys, inspect, pytest):
        assert quick(module) is _upstream_answer(module), module.__name__
    assert quick(frontdesk.ui.main_window) is True
    assert quick(frontdesk.domain.booking) is False


def test_quickening_twice_wraps_once() -> None:
    qt_hook.quicken()
    first = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    qt_hook.quicken()
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is first


def test_a_module_without_its_source_is_asked_pysides_way(tmp_path: Path) -> None:
    asked: list[str] = []

    def upstream(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    quick = qt_hook._quick(upstream)
    gone = ModuleType("gone_module")
    gone.__file__ = str(tmp_path / "gone_module.py")  # no such file
    built = ModuleType("built_module")  # no file at all
    assert quick(gone) is False
    assert quick(built) is False
    assert asked == ["gone_module", "built_module"]


def test_modules_imported_afterwards_are_recorded_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qt_hook.quicken()
    (tmp_path / "uses_qt_here.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "plain_here.py").write_text("ANSWER = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    exec("import uses_qt_here, plain_here")  # through __import__, which PySide6 watches
    table = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert table["uses_qt_here"] == 0  # may switch PySide6's features
    assert table["plain_here"] == -1  # ignored by them
