"""``frontdesk import`` takes the files spreadsheets and people really make (another encoding,
another delimiter, quoted line breaks, NULs, huge or over-long fields, years a date cannot
hold) without a traceback and loses nothing: a bad row refuses that row only, named by the
line a spreadsheet shows it on, never echoing a patient's values. Right after ``connect`` the
connection's catalog is fetched first; offline, the import says so and exits 2. A file over
the 20 MB limit, a device that never ends and a pipe no one writes to are refused at once."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.import_file import MAX_FILE_BYTES
from frontdesk.app.import_preview import ImportFileError, preview_import
from frontdesk.app.paths import Paths
from frontdesk.main import main
from frontdesk.sandbox import SandboxServer
from support.clinic import make_catalog, next_weekday

FAR = (datetime(1800, 1, 1, tzinfo=UTC), datetime(3100, 1, 1, tzinfo=UTC))
HEADER = "service;start;patient_name;patient_phone;resource;notes"


def connect_only(profile: Path, base_url: str, api_key: str) -> None:
    """A connection as `frontdesk connect` leaves it: no catalog fetched yet."""
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        ctx.connect("huskyvoice", "Clinic", base_url, api_key)
    finally:
        ctx.close()


def stored(profile: Path) -> tuple[dict[str, str | None], int]:
    """The cached bookings (patient name: notes) and the operations waiting to be sent."""
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        bookings = ctx.repo.bookings_between(*FAR)
        return {b.patient_name: b.notes for b in bookings}, ctx.repo.outbox.pending_count()
    finally:
        ctx.close()


def hostile_file(path: Path) -> None:
    """Windows-1252, semicolons, CRLF, as Excel writes "CSV" on a German Windows."""
    tuesday = next_weekday(1)
    good = f"General Checkup;{tuesday} 09:00;Ann Multi;+442079460101;Main Branch"
    lines = [
        HEADER,  # 1
        f'{good};"first line\r\nsecond line"',  # 2-3: a quoted line break
        "",  # 4
        f"General Checkup;{tuesday} 09:10;Ben\0Nul;+442079460102;Main Branch;n",  # 5
        f"General Checkup;{tuesday} 09:20;Cat Long;+442079460103;Main Branch;"
        + "SECRETNOTE"
        + "y" * 2500,  # 6: over the notes' 2,000 characters
        "General Checkup;0001-01-01 10:00;Dan Early;+442079460104;Main Branch;n",  # 7
        "General Checkup;9999-12-31T23:30:00Z;Eve Late;+442079460105;Main Branch;n",  # 8
        f"General Checkup;{tuesday} 09:40;Fay Huge;+442079460106;Main Branch;"
        + "z" * 200_000,  # 9: over 128 KB
        f"General Checkup;{tuesday} 09:50;José Müller;+442079460107;Main Branch;café",  # 10
        f"General Checkup;{tuesday} 10:00;Gus Extra;+442079460108;Main Branch;n;stray",  # 11
    ]
    path.write_bytes("\r\n".join(lines).encode("cp1252") + b"\r\n")


def run_import(profile: Path, path: Path) -> int:
    return main(["--profile-dir", str(profile), "import", str(path), "--connection", "Clinic"])


def test_right_after_connect_a_hostile_file_refuses_its_bad_rows_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "bookings.csv"
    hostile_file(csv_file)
    profile = tmp_path / "desk"
    with SandboxServer(rate_limit=0) as server:
        connect_only(profile, server.base_url, server.api_key)
        assert run_import(profile, csv_file) == 1  # some rows refused
        out, err = capsys.readouterr()
        assert out.splitlines() == [
            "row 5: patient_name: holds a NUL character; remove it",
            "row 6: notes: is longer than 2,000 characters (2,510); shorten it",
            "row 7: start: the year must be between 1900 and 2999",
            "row 8: start: the year must be between 1900 and 2999",
            "row 9: notes: is longer than 131,072 characters; shorten it",
            "row 11: row: column 7 has a value but no name in the first row (check the "
            "delimiter and the quotes)",
            "2 queued, 6 refused (read as Windows-1252, semicolon-separated)",
        ]
        assert "Traceback" not in err
        bookings, pending = stored(profile)
        assert bookings == {"Ann Multi": "first line\nsecond line", "José Müller": "café"}
        assert pending == 2

        assert run_import(profile, csv_file) == 1  # again: nothing twice
        assert capsys.readouterr().out.splitlines()[-1] == (
            "0 queued, 6 refused, 2 already imported (read as Windows-1252, semicolon-separated)"
        )
        assert stored(profile) == (bookings, 2)
    log = (profile / "logs" / "frontdesk.log").read_text(encoding="utf-8")
    for said in (out, err, log):  # the notes are never echoed
        assert "SECRETNOTE" not in said and "yyyyyyyy" not in said


def test_offline_right_after_connect_the_import_says_so_and_queues_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "bookings.csv"
    hostile_file(csv_file)
    profile = tmp_path / "desk"
    connect_only(profile, "http://127.0.0.1:9/v1", "sk_test_frontdesk_demo")  # nothing there
    assert run_import(profile, csv_file) == 2  # could not run
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == (
        "frontdesk import: connection: the catalog could not be fetched, run `frontdesk sync` "
        "when online (network: connect: ConnectError)"
    )
    assert stored(profile) == ({}, 0)
    # the desk's preview does not fetch: it says the catalog is not there yet
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        with pytest.raises(ImportFileError, match="has not been fetched from the booking system"):
            preview_import(ctx.booking, ctx.connections()[0].id, csv_file)
    finally:
        ctx.close()


def test_a_file_that_cannot_run_exits_2_and_other_encodings_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tuesday = next_weekday(1)
    profile = tmp_path / "desk"
    twice = tmp_path / "twice.csv"
    twice.write_text(
        f"service,start,Patient Name,patient_name\nGeneral Checkup,{tuesday} 09:00,Ann,Ann Again\n",
        encoding="utf-8",
    )
    utf16 = tmp_path / "utf16.csv"  # "Unicode text" from Excel: UTF-16 with its BOM, tabs
    utf16.write_bytes(
        codecs.BOM_UTF16_LE
        + (
            "service\tstart\tpatient_name\tpatient_phone\tresource\r\n"
            f"General Checkup\t{tuesday} 09:00\tZoë Ünal\t+442079460109\tMain Branch\r\n"
        ).encode("utf-16-le")
    )
    with SandboxServer(rate_limit=0) as server:
        connect_only(profile, server.base_url, server.api_key)
        assert run_import(profile, twice) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "the column 'patient_name' is named twice in the first row (columns 3 and 4)" in err
        assert run_import(profile, tmp_path / "missing.csv") == 2
        assert "cannot read" in capsys.readouterr().err
        assert stored(profile) == ({}, 0)

        assert run_import(profile, utf16) == 0  # every row queued
        assert capsys.readouterr().out.splitlines() == [
            "1 queued, 0 refused (read as UTF-16, tab-separated)"
        ]
        assert stored(profile) == ({"Zoë Ünal": None}, 1)


def test_the_real_command_says_any_character_even_where_its_output_cannot_hold_it(
    tmp_path: Path,
) -> None:
    """A real process whose output is ASCII (a pipe on Windows is its code page): the service
    name a refusal quotes is written escaped, not a UnicodeEncodeError's traceback."""
    tuesday = next_weekday(1)
    profile = tmp_path / "desk"
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:  # the catalog cached as a sync leaves it: no booking system needed
        record = ctx.connect("huskyvoice", "Clinic", "http://127.0.0.1:9/v1", "sk_test_ascii")
        days = [tuesday + timedelta(days=n) for n in range(-1, 2)]
        ctx.repo.catalogs.save_catalog(record.id, make_catalog(days), days)
    finally:
        ctx.close()
    csv_file = tmp_path / "bookings.csv"
    csv_file.write_text(
        "service,start,patient_name,patient_phone,resource\n"
        f"Massage \u0151 \u0915,{tuesday} 09:00,Ann,+442079460101,Branch Uuid Here\n"
        f"General Checkup,{tuesday} 09:10,B\0en,+442079460102,Branch Uuid Here\n"
        f"General Checkup,{tuesday} 09:20,Zoë Ünal,+442079460103,Branch Uuid Here\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile)]
    done = subprocess.run(
        [*command, "import", str(csv_file), "--connection", "Clinic"],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert b"Traceback" not in done.stderr, done.stderr
    assert done.stdout.decode("ascii").splitlines() == [
        "row 2: service: 'Massage \\u0151 \\u0915' is not a service of this connection",
        "row 3: patient_name: holds a NUL character; remove it",
        "1 queued, 2 refused (read as UTF-8, comma-separated)",
    ]
    assert done.returncode == 1
    assert stored(profile) == ({"Zoë Ünal": None}, 1)


def test_a_file_over_the_limit_is_refused_whole_without_reading_it_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "desk"
    huge, at_limit = tmp_path / "huge.csv", tmp_path / "at_limit.csv"
    for path, size in ((huge, MAX_FILE_BYTES + 1), (at_limit, MAX_FILE_BYTES)):
        with path.open("wb") as file:  # sparse, made at once
            file.truncate(size)
    with SandboxServer(rate_limit=0) as server:
        connect_only(profile, server.base_url, server.api_key)
        assert run_import(profile, huge) == 2  # could not run
        out, err = capsys.readouterr()
        assert out == "" and "Traceback" not in err
        assert err.splitlines()[-1] == (  # after the keyring's warning, where it has one
            f"frontdesk import: FILE.csv: {huge} is larger than 20 MB, the most an import "
            "reads; a clinic's bookings file is far smaller: check that it is the right file, "
            "or split it"
        )
        assert run_import(profile, at_limit) == 2  # read: its zeros are no CSV text
        assert "larger than" not in capsys.readouterr().err
        assert stored(profile) == ({}, 0)


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/zero, no named pipes")
def test_a_device_that_never_ends_and_a_pipe_no_one_writes_to_are_refused_at_once(
    tmp_path: Path,
) -> None:
    """A real process each (a read without a limit would fill the memory or wait forever):
    it ends, with one line and exit 2, long before the timeout."""
    profile = tmp_path / "desk"
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:  # the catalog cached as a sync leaves it: no booking system needed
        record = ctx.connect("huskyvoice", "Clinic", "http://127.0.0.1:9/v1", "sk_test_dev")
        days = [next_weekday(1)]
        ctx.repo.catalogs.save_catalog(record.id, make_catalog(days), days)
    finally:
        ctx.close()
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "import"]
    for path, said in (
        (Path("/dev/zero"), "FILE.csv: /dev/zero is larger than 20 MB, the most an import reads"),
        (fifo, "FILE.csv: the file is empty; the first row must name the columns"),
    ):
        done = subprocess.run(
            [*command, str(path), "--connection", "Clinic"], capture_output=True, timeout=60
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.decode().splitlines()[-1].startswith(f"frontdesk import: {said}")
        assert done.stdout == b""
    assert stored(profile) == ({}, 0)
