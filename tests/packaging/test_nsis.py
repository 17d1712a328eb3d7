"""The Windows installer script: it compiles (makensis runs on Linux too, so CI here checks
it), and it says what the installer promises: per user, one stable id, data kept."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

import frontdesk

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "frontdesk.nsi"


def test_the_installer_script_compiles(build_script: ModuleType, tmp_path: Path) -> None:
    if build_script.find_makensis() is None:
        pytest.skip("makensis is not installed (apt-get install nsis; .ci/run installs it)")
    out = tmp_path / "FrontDesk-setup.exe"
    build_script.nsis_check(out, None, build_script.pyproject_version())
    data = out.read_bytes()
    assert data[:2] == b"MZ"  # a Windows executable
    assert b"Nullsoft" in data or b"NSIS" in data


def test_a_broken_script_fails_the_build(build_script: ModuleType, tmp_path: Path) -> None:
    if build_script.find_makensis() is None:
        pytest.skip("makensis is not installed")
    with pytest.raises(build_script.BuildError, match="makensis failed"):
        build_script.compile_nsis(tmp_path / "missing", tmp_path / "x.exe", "0.1.0", tmp_path)


def test_the_script_installs_per_user_under_a_stable_id() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in text
    assert f'!define APP_ID "{frontdesk.APP_ID}"' in text
    assert "HKCU" in text and "CurrentVersion\\Uninstall\\${APP_ID}" in text
    # the data section of the uninstaller is unticked (/o): data is kept unless asked
    assert "Section /o \"un.Also remove the clinic's data" in text
    assert '!define DATA_DIR "$LOCALAPPDATA\\${APP_NAME}"' in text
    # neither installer nor uninstaller replaces files of a running desk
    assert "Call EnsureClosed" in text and "Call un.EnsureClosed" in text


def test_windows_versions_have_four_numbers(build_script: ModuleType) -> None:
    assert build_script.windows_file_version("0.1.0") == "0.1.0.0"
    assert build_script.windows_file_version("1.2") == "1.2.0.0"
    assert build_script.windows_file_version("2.0.1rc2") == "2.0.1.2"
