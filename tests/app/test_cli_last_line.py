"""The headless tools' last line of defence: a day outside the years the desk keeps (export,
audit), a profile "folder" that is a file, an ``-o`` that is a device, a link or a folder,
and an error of ours all end in one line and exit 2 ("could not run"), never a traceback,
and nothing is replaced that is not a plain file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.main import main


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    AppContext(Paths.resolve(tmp_path / "p"), use_keyring=False, connect=False).close()
    return tmp_path / "p"


def said(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "--day", "9999-12-31"], "--day: 9999-12-31 is outside the years"),
        (["export", "--day", "0001-01-01"], "--day: 0001-01-01 is outside the years"),
        (["audit", "--from", "9999-12-31", "--to", "9999-12-31"], "--from: 9999-12-31 is out"),
        (["audit", "--to", "0001-01-01"], "--to: 0001-01-01 is outside the years"),
    ],
)
def test_a_day_outside_the_years_the_desk_keeps_is_said_in_one_line(
    profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    out = ["-o", str(tmp_path / "x.csv")] if argv[0] == "export" else []
    assert main(["--profile-dir", str(profile), *argv, *out]) == 2
    assert words in said(capsys)
    assert not (tmp_path / "x.csv").exists()


def test_a_profile_folder_that_is_a_file_is_said_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "afile").write_text("not a folder")
    argv = ["--profile-dir", str(tmp_path / "afile"), "audit"]
    assert main(argv) == 2
    assert "Not a directory" in said(capsys) or "not a directory" in said(capsys).lower()


@pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs as POSIX makes them")
def test_an_output_that_is_not_a_plain_file_is_never_replaced(
    profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("the clinic's own file")
    link = tmp_path / "link.csv"
    link.symlink_to(kept)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    for target in (link, fifo, tmp_path):
        argv = ["--profile-dir", str(profile), "audit", "-o", str(target)]
        assert main(argv) == 2
        assert "is not a plain file" in said(capsys)
    assert link.is_symlink() and kept.read_text() == "the clinic's own file"
    assert fifo.exists() and not fifo.is_file()


def test_an_error_of_ours_is_one_line_and_exit_2(
    profile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from frontdesk.cli import audit_cmd

    def broken(*_args: object) -> int:
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(audit_cmd, "run", broken)
    assert main(["--profile-dir", str(profile), "audit"]) == 2
    line = said(capsys)
    assert "stopped on an unexpected error (RuntimeError)" in line
