"""``frontdesk staff`` and ``frontdesk audit`` as clinic IT runs them: PINs read from standard
input (never arguments), the first administrator made once, every later change needing an
administrator's PIN, each refusal a plain message and exit 2; the trail written as CSV to
standard output or a private file, filtered, with formula cells neutralised."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest

from frontdesk.cli.main import main


class Run:
    def __init__(self, profile: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.profile, self.capsys, self.monkeypatch = str(profile), capsys, monkeypatch

    def __call__(self, *args: str, stdin: str = "") -> tuple[int, str, str]:
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--profile-dir", self.profile, *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> Run:  # type: ignore[no-untyped-def]
    return Run(tmp_path / "profile", capsys, monkeypatch)


def test_staff_are_managed_with_an_administrators_pin(run: Run) -> None:
    code, _, err = run("staff", "add", "Ben", "--role", "staff", stdin="2580\n")
    assert code == 2 and "the first staff member is an administrator" in err
    code, out, _ = run("staff", "add", "Anna Berg", stdin="2580\n")
    assert code == 0 and out.strip() == "Anna Berg added as the first administrator."
    code, _, err = run("staff", "add", "Ben", stdin="1357\n")
    assert code == 2 and "--admin: name the administrator" in err
    code, _, err = run("staff", "add", "Ben", "--admin", "Anna Berg", stdin="9999\n1357\n")
    assert code == 2 and err.strip().endswith(
        "That name and PIN do not match. Check both and try again."
    )
    code, out, _ = run("staff", "add", "Ben", "--admin", "anna berg", stdin="2580\n1357\n")
    assert code == 0 and out.strip() == "Ben added (staff)."
    code, _, err = run("staff", "add", "Cleo", "--admin", "Ben", stdin="1357\n3691\n")
    assert code == 2 and "Only an administrator can add staff." in err
    code, _, err = run("staff", "add", "Cleo", "--admin", "Anna Berg", stdin="2580\n")
    assert code == 2 and "PIN: none given" in err
    code, _, err = run("staff", "add", "Cleo", "--admin", "Anna Berg", stdin="2580\n1234\n")
    assert code == 2 and "too easy to guess" in err
    with pytest.raises(SystemExit) as no_pin_argument:  # a PIN is never an argument
        run("staff", "add", "Cleo", "3691")
    assert no_pin_argument.value.code == 2

    code, out, _ = run("staff", "reset-pin", "Ben", "--admin", "Anna Berg", stdin="2580\n4826\n")
    assert code == 0 and out.strip() == "Ben's PIN was reset."
    code, out, _ = run("staff", "disable", "Ben", "--admin", "Anna Berg", stdin="2580\n")
    assert code == 0 and out.strip() == "Ben is disabled."
    code, _, err = run("staff", "disable", "Anna Berg", "--admin", "Anna Berg", stdin="2580\n")
    assert code == 2 and "cannot disable yourself" in err
    code, out, _ = run("staff", "list")
    assert code == 0 and '"name": "Ben"' in out and '"disabled": true' in out
    assert "2580" not in out and "scrypt" not in out


def test_the_trail_is_written_as_csv_filtered_and_neutralised(run: Run, tmp_path: Path) -> None:
    run("staff", "add", "Anna", stdin="2580\n")
    run("staff", "add", "=Eve", "--admin", "Anna", stdin="2580\n1357\n")
    code, _, err = run("staff", "add", "Zed", "--admin", "=Eve", stdin="1357\n")
    assert code == 2 and "Only an administrator" in err  # Eve signed in, then was refused
    code, out, _ = run("audit")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == [
        "When (UTC)",
        "When (clinic)",
        "Staff",
        "Desk",
        "Event",
        "Booking",
        "Patient (now)",
        "What changed",
        "Detail",
    ]
    events = [(r[2], r[4]) for r in rows[1:]]
    assert events == [
        ("'=Eve", "signed in"),  # a spreadsheet shows the name, it never runs it
        ("Anna", "staff added"),
        ("Anna", "signed in"),
        ("Anna", "signed in"),
        ("Anna", "staff added"),
    ]
    assert rows[2][7] == "name: (none) → =Eve; role: (none) → staff"
    assert rows[1][8] == "command line"

    only = tmp_path / "added.csv"
    code, out, _ = run("audit", "--event", "staff added", "--staff", "Anna", "-o", str(only))
    assert code == 0 and out.strip() == f"2 lines written to {only}"
    target = tmp_path / "trail.csv"
    code, out, _ = run("audit", "--from", "2000-01-01", "--to", "2100-12-31", "-o", str(target))
    assert code == 0 and out.strip() == f"7 lines written to {target}"  # the exports before too
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"\xef\xbb\xbfWhen (UTC)")
    code, out, _ = run("audit", "--event", "audit exported")
    exported = list(csv.reader(io.StringIO(out, newline="")))[1:]
    assert [r[8] for r in exported[1:]] == [
        "2 lines to added.csv (staff Anna; event staff added)",
        "5 lines to standard output",
    ]
    assert exported[0][8].startswith("7 lines to trail.csv (from 2000-01-01")
    assert all(r[2].startswith("command line (") for r in exported)

    code, _, err = run("audit", "--from", "28/03/2027")
    assert code == 2 and "--from: '28/03/2027' is not a date; use YYYY-MM-DD" in err
    code, _, err = run("audit", "--from", "2027-03-28", "--to", "2027-03-01")
    assert code == 2 and "--to: the last day is before the first" in err
    code, out, _ = run("audit", "--from", "2100-01-01")
    assert code == 0 and out.count("\n") == 1  # the header only
    code, _, err = run("audit", "-o", str(tmp_path / "no-such-dir" / "x.csv"))
    assert code == 2 and "-o: cannot write in" in err
