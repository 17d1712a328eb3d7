"""build.py's smoke test judges a frozen app by what it does: it passes a healthy one and fails
one that reports the wrong version, says something unexpected on stderr, logs an error or
creates no database. Checked against a stand-in executable."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a #! script")

STAND_IN = """#!{python}
import os, sys
from pathlib import Path
mode = os.environ.get("STAND_IN_MODE", "healthy")
args = sys.argv[1:]
if args == ["--version"]:
    print("FrontDesk 0.0.0+source" if mode == "no-metadata" else "FrontDesk 9.9.9")
    raise SystemExit(0)
profile = Path(args[args.index("--profile-dir") + 1])
if mode != "no-database":
    (profile / "data").mkdir(parents=True)
    (profile / "data" / "frontdesk.sqlite3").write_bytes(b"")
(profile / "logs").mkdir(parents=True)
level = "ERROR" if mode == "logged-error" else "INFO"
line = f"2026-01-01 00:00:00,000 {{level}} frontdesk.app: x\\n"
(profile / "logs" / "frontdesk.log").write_text(line)
print("This plugin does not support propagateSizeHints()", file=sys.stderr)
if mode == "stray-stderr":
    print("Traceback (most recent call last):", file=sys.stderr)
if mode != "no-console":
    print("FrontDesk smoke test: main window built")
    print("FrontDesk smoke test: About says Version 9.9.9")
"""


@pytest.fixture
def stand_in(tmp_path: Path) -> Path:
    path = tmp_path / "FrontDesk"
    path.write_text(STAND_IN.format(python=sys.executable), encoding="utf-8")
    path.chmod(0o755)
    return path


def test_a_healthy_app_passes(build_script: ModuleType, stand_in: Path) -> None:
    build_script.smoke(stand_in, "9.9.9")


@pytest.mark.parametrize(
    ("mode", "complaint"),
    [
        ("no-metadata", "--version` said 'FrontDesk 0.0.0+source'"),
        ("stray-stderr", "unexpected stderr"),
        ("logged-error", "errors in the log"),
        ("no-database", "no database was created"),
    ],
)
def test_a_broken_app_fails(
    build_script: ModuleType,
    stand_in: Path,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    complaint: str,
) -> None:
    monkeypatch.setenv("STAND_IN_MODE", mode)
    with pytest.raises(build_script.BuildError, match=r"smoke|--version") as failure:
        build_script.smoke(stand_in, "9.9.9")
    assert complaint in str(failure.value)


def test_the_about_dialog_must_show_the_built_version(
    build_script: ModuleType, stand_in: Path
) -> None:
    with pytest.raises(build_script.BuildError, match=r"About says Version 1\.0\.0"):
        build_script.smoke(stand_in, "1.0.0", windowed=True)  # windowed: no --version run


def test_a_windowed_app_may_have_no_console(
    build_script: ModuleType, stand_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAND_IN_MODE", "no-console")
    build_script.smoke(stand_in, "9.9.9", windowed=True)
    with pytest.raises(build_script.BuildError, match="main window built"):
        build_script.smoke(stand_in, "9.9.9")  # the console twin must say it
