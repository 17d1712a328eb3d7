"""``frontdesk sandbox`` when it cannot run: a taken port, a host that is not this computer's,
a ``--clinic`` file that is missing, no UTF-8, no JSON, or holds a wrong field. Each is one
line on stderr naming the option (and the clinic file's field), exit 2, never a traceback."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontdesk.cli.main import main
from frontdesk.sandbox.huskyvoice.clinic_file import ClinicFileError, clinic_from_dict

WINDOW = {
    "branch_id": "branch_uuid_here",
    "weekday": 2,
    "session": "Morning",
    "batch": "MA",
    "start_time": "09:00",
    "end_time": "12:00",
    "max_slots": 4,
}


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def taken_port() -> Iterator[int]:
    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    try:
        yield int(holder.getsockname()[1])
    finally:
        holder.close()


def test_a_taken_port_is_named_with_what_to_do(
    taken_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sandbox", "--port", str(taken_port), "--provider", "vastal"]) == 2
    line = one_line(capsys)
    assert line.startswith("frontdesk sandbox: --port: ")
    assert f"127.0.0.1:{taken_port}" in line and "in use" in line and "or 0" in line


def test_ports_past_65535_and_a_foreign_host_are_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # five APIs from 65534: the third would need 65536
    assert main(["sandbox", "--port", "65534"]) == 2
    line = one_line(capsys)
    assert line.startswith("frontdesk sandbox: --port: ") and "65536" in line
    assert main(["sandbox", "--host", "nohost.invalid", "--provider", "vantax"]) == 2
    assert one_line(capsys).startswith("frontdesk sandbox: --host: ")


@pytest.mark.parametrize("argv", [["--port", "70000"], ["--port", "x"], ["--rate-limit", "-1"]])
def test_impossible_numbers_are_argument_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["sandbox", *argv])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {argv[0]}" in err and "Traceback" not in err


def test_an_unknown_provider_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "--provider", "nope"]) == 2
    assert one_line(capsys).startswith("frontdesk sandbox: --provider: unknown provider 'nope'")


CLINIC_FILES: list[tuple[str, bytes, str]] = [
    ("bad JSON", b'{"timezone": [', "is not valid JSON: Expecting value at line 1"),
    ("not UTF-8", b'{"timezone": "Europe/Z\xfcrich"}', "is not UTF-8 text"),
    ("a list", b"[1, 2]", "holds a list; a clinic file holds one JSON object"),
    ("too deep", b"[" * 100_000, "nested too deeply"),
    ("unknown zone", b'{"timezone": "Mars/Olympus"}', "timezone: unknown time zone 'Mars/Olympus'"),
    ("zone type", b'{"timezone": 5}', "timezone: must be non-empty text, not a number"),
    ("branches text", b'{"branches": "x"}', "branches: must be a list [...], not text"),
    ("branch type", b'{"branches": ["x"]}', "branches[0]: must be an object {...}, not text"),
    ("branch id", b'{"branches": [{"name": "A"}]}', "branches[0].id: missing"),
    ("no branch", b'{"branches": []}', "branches: a clinic needs at least one branch"),
    ("flag", b'{"duplicate_prevention": "no"}', "duplicate_prevention: must be true or false"),
    (
        "huge hours",
        b'{"cancellation_notice_hours": 1' + b"0" * 400 + b"}",
        "cancellation_notice_hours: must be between 0 and 8784, not a number of 401 digits",
    ),
    ("service minutes", b'{"services": [{"id": "s", "name": "S", "duration_minutes": 0}]}',
     "services[0].duration_minutes: must be between 1 and 1440, not 0"),
    ("api keys", b'{"api_keys": [{"key": "k", "scopes": "slots:read"}]}',
     "api_keys[0].scopes: must be a list [...], not text"),
    ("closure date", b'{"closures": [{"window_id": "w", "date": "9999-99-99"}]}',
     "closures[0].date: '9999-99-99' is not a date; use YYYY-MM-DD"),
]  # fmt: skip


def window_file(**changes: Any) -> bytes:
    return json.dumps({"windows": [{**WINDOW, **changes}]}).encode()


CLINIC_FILES += [
    ("weekday", window_file(weekday=9), "windows[0].weekday: must be between 1 and 7, not 9"),
    ("session", window_file(session="Night"), "windows[0].session: 'Night' is not a session"),
    ("clock", window_file(start_time="9am"), "windows[0].start_time: '9am' is not a time"),
    ("clock range", window_file(end_time="24:30"), "windows[0].end_time: '24:30' is not a time"),
    ("slots type", window_file(max_slots="4"), "windows[0].max_slots: must be a whole number"),
    ("status", window_file(status="maybe"), "windows[0].status: 'MAYBE': use OPEN or CLOSED"),
    ("branch", window_file(branch_id="elsewhere"), "names branch 'elsewhere', which is not in"),
]


@pytest.mark.parametrize(
    ("label", "content", "said"), CLINIC_FILES, ids=[c[0] for c in CLINIC_FILES]
)
def test_a_clinic_file_problem_names_the_file_and_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, content: bytes, said: str
) -> None:
    clinic = tmp_path / "clinic.json"
    clinic.write_bytes(content)
    assert main(["sandbox", "--clinic", str(clinic)]) == 2
    line = one_line(capsys)
    assert line.startswith(f"frontdesk sandbox: --clinic {clinic}: "), line
    assert said in line, line
    assert "provider" not in line  # bad JSON was once reported as the --provider's problem


def test_a_missing_clinic_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.json"
    assert main(["sandbox", "--clinic", str(missing)]) == 2
    line = one_line(capsys)
    assert line.startswith(f"frontdesk sandbox: --clinic {missing}: cannot be read (")
    assert main(["sandbox", "--clinic", str(tmp_path)]) == 2  # a directory
    assert "cannot be read" in one_line(capsys)


def test_a_good_clinic_dict_still_reads_and_a_bad_one_raises_the_field() -> None:
    clinic = clinic_from_dict({"windows": [WINDOW], "cancellation_notice_hours": 0})
    assert [w.window_id for w in clinic.windows] == ["w_branch_uuid_here_morning_2"]
    with pytest.raises(ClinicFileError, match=r"^windows\[0\]\.batch: missing"):
        clinic_from_dict({"windows": [{k: v for k, v in WINDOW.items() if k != "batch"}]})


def test_the_command_as_a_process_prints_no_traceback(taken_port: int, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", "sandbox", "--port", str(taken_port)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Errno" not in done.stderr
    assert done.stderr.startswith("frontdesk sandbox: --port: ")
    assert done.stdout == ""  # no API line printed for a sandbox that is not serving
