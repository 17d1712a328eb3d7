"""Exports of a day, a provider's week and a patient's appointments: the iCalendar file read back
by icalendar's own reader gives the clinic's wall times (a clinic zone other than UTC, across
the day its clocks go forward), one stable UID per booking, patient names only where the export
is for a day list or the patient; a CSV whose hostile cells a spreadsheet would not run; files
readable by their owner only; and ``frontdesk export``."""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from frontdesk.app import export_files, exports
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.app.settings import ClinicSettings
from frontdesk.app.staff import command_line_user
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.booking import APPROXIMATE_TIME, Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Resource
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.main import main
from frontdesk.storage.repo import ConnectionRecord
from support.bookings import booking
from support.clinic import CHECKUP, MAIN, NORTH, make_catalog

ZONE = "Europe/Berlin"  # clocks go forward at 02:00 on Sunday 28 March 2027
SATURDAY, SUNDAY, MONDAY = date(2027, 3, 27), date(2027, 3, 28), date(2027, 3, 29)
HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+SUM(1,2)",
    "-2+3",
    "@cmd",
    "\tTabbed",
    "\rReturned",
]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_to_utc(day, time(hour, minute), ZONE).instant


PROFILE = "profile"


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(Paths.resolve(tmp_path / PROFILE), use_keyring=False, connect=False)
    try:
        ctx.update_settings(ClinicSettings(timezone=ZONE, phone_region="GB"))
        ctx.repo.catalogs.add_connection(
            ConnectionRecord("conn-1", "Clinic", "huskyvoice", "x", {}, None)
        )
        branches = [Resource(MAIN, "Main Branch"), Resource(NORTH, "North Branch")]
        catalog = replace(make_catalog([SATURDAY, SUNDAY]), resources=branches)
        ctx.repo.catalogs.save_catalog("conn-1", catalog, [SATURDAY, SUNDAY])
        ctx.repo.import_bookings(BOOKINGS)
        yield ctx
    finally:
        ctx.close()


def _b(n: int, start: datetime, name: str, **kw: object) -> Booking:
    fields: dict[str, object] = {
        "service_id": CHECKUP,
        "resource_id": MAIN,
        "patient_name": name,
        "patient_phone": f"+4420794601{n:02d}",
        "sync_state": SyncState.CONFIRMED,
        "remote_id": f"r-{n}",
    }
    return booking(n, start, **{**fields, **kw})


ANNA = "+442079460102"
SESSION = {"at": "", "from": "", "to": "", "label": "Afternoon session"}
BOOKINGS = [
    _b(1, at(SATURDAY, 9, 30), "Anna Alder", patient_phone=ANNA),  # CET, UTC+1
    _b(2, at(SUNDAY, 9, 30), "Anna Alder", patient_phone=ANNA, patient_email="anna@example.org"),
    _b(3, at(SUNDAY, 10), "Ben Birch", sync_state=SyncState.PENCILLED, remote_id=None),
    _b(4, at(SUNDAY, 11), "Cara Cole", visit_status=VisitStatus.CANCELLED),
    _b(5, at(SUNDAY, 12), "Dan Dale", resource_id=NORTH),
    _b(
        6,
        at(SUNDAY, 14),
        "Eve Elm",
        extra={
            APPROXIMATE_TIME: {
                **SESSION,
                "at": at(SUNDAY, 14).isoformat(),
                "from": at(SUNDAY, 14).isoformat(),
                "to": at(SUNDAY, 17).isoformat(),
            }
        },
    ),
    *(
        _b(10 + i, at(MONDAY, 9 + i), name, resource_id=NORTH, patient_phone="")
        for i, name in enumerate(HOSTILE)
    ),
]


def events(data: bytes) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(data)
    return [
        {
            "uid": str(e["uid"]),
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "summary": str(e["summary"]),
            "description": str(e["description"]),
            "status": str(e["status"]),
            "location": str(e.get("location", "")),
        }
        for e in calendar.walk("VEVENT")
    ]


def test_a_day_read_back_by_icalendar_is_on_the_clinics_clock(
    context: AppContext, tmp_path: Path
) -> None:
    export = exports.day_export(context, SUNDAY)
    path = export_files.write(export, "ics", tmp_path / "sunday.ics")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # patient data
    found = events(path.read_bytes())
    berlin = ZoneInfo(ZONE)
    shown = [(e["start"].astimezone(berlin), e["end"].astimezone(berlin)) for e in found]  # type: ignore[attr-defined]
    wall = [(s.replace(tzinfo=None), e.replace(tzinfo=None)) for s, e in shown]
    assert wall == [
        (datetime(2027, 3, 28, 9, 30), datetime(2027, 3, 28, 10, 0)),
        (datetime(2027, 3, 28, 10, 0), datetime(2027, 3, 28, 10, 30)),
        (datetime(2027, 3, 28, 12, 0), datetime(2027, 3, 28, 12, 30)),
        (datetime(2027, 3, 28, 14, 0), datetime(2027, 3, 28, 17, 0)),  # the whole session
    ]  # the cancelled 11:00 is left out
    assert found[0]["start"] == datetime(2027, 3, 28, 7, 30, tzinfo=UTC)  # CEST: UTC+2
    assert [e["uid"] for e in found] == [
        f"{n}@{export_files.UID_DOMAIN}" for n in ("b-2", "b-3", "b-5", "b-6")
    ]
    first, pencilled, north, session = found
    assert first["summary"] == "Anna Alder: General Checkup"
    assert "Phone: +442079460102" in str(first["description"])
    assert "Email: anna@example.org" in str(first["description"])
    assert first["status"] == "CONFIRMED" and pencilled["status"] == "TENTATIVE"
    assert "Sync: not yet synced" in str(pencilled["description"])
    assert north["location"] == "North Branch"
    assert session["summary"] == "Eve Elm: General Checkup (Afternoon session)"


def test_the_same_booking_keeps_its_uid_and_a_week_names_no_patient(
    context: AppContext, tmp_path: Path
) -> None:
    column = exports.find_column(context, "main branch")
    week = exports.week_export(context, SUNDAY, column.key)
    data = export_files.render(week, "ics")
    found = events(data)
    # Saturday in winter time, Sunday in summer time: both at 09:30 on the clinic's clock
    berlin = ZoneInfo(ZONE)
    assert [e["start"].astimezone(berlin).strftime("%a %H:%M") for e in found] == [  # type: ignore[attr-defined]
        "Sat 09:30",
        "Sun 09:30",
        "Sun 10:00",
        "Sun 14:00",
    ]
    assert [e["start"].strftime("%H:%M") for e in found][:2] == ["08:30", "07:30"]  # type: ignore[attr-defined]
    for name in ("Anna", "Ben", "Eve", "Alder", "+44"):
        assert name.encode() not in data
    assert found[0]["summary"] == "General Checkup"
    assert week.title == "Main Branch: week of Mon 22 Mar to Sun 28 Mar 2027"
    again = events(export_files.render(exports.day_export(context, SUNDAY), "ics"))
    assert found[1]["uid"] == again[0]["uid"] == f"b-2@{export_files.UID_DOMAIN}"
    csv_text = export_files.to_csv(week)
    assert "patient" not in csv_text and "Alder" not in csv_text


def test_a_patients_export_is_theirs(context: AppContext) -> None:
    patient = exports.find_patient(context, "anna alder")
    export = exports.patient_export(context, patient)
    found = events(export_files.render(export, "ics"))
    assert [e["uid"] for e in found] == [
        f"b-1@{export_files.UID_DOMAIN}",
        f"b-2@{export_files.UID_DOMAIN}",
    ]
    assert found[0]["summary"] == "General Checkup, Main Branch"
    description = str(found[0]["description"])
    assert "Patient: Anna Alder" in description
    assert "Booking:" not in description and "Sync" not in description
    assert export.file_stem == "appointments-anna-alder"


def test_a_patient_is_found_by_name_or_phone_and_never_guessed(context: AppContext) -> None:
    assert exports.find_patient(context, "020 7946 0103").name == "Ben Birch"  # national form
    assert exports.find_patient(context, "+442079460105").name == "Dan Dale"
    with pytest.raises(exports.ExportError, match="--patient: no patient matches 'Zed'"):
        exports.find_patient(context, "Zed")
    with pytest.raises(exports.ExportError, match=r"--patient: \d patients match '\+44'"):
        exports.find_patient(context, "+44")
    with pytest.raises(exports.ExportError, match="--column: no provider, room or calendar"):
        exports.find_column(context, "Room 9")


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(context: AppContext) -> None:
    text = export_files.to_csv(exports.day_export(context, MONDAY))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    names = [r["patient_name"] for r in rows]
    assert names == [f"'{name}" for name in HOSTILE]
    for row in rows:  # nothing else starts a formula either
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    sunday = list(
        csv.DictReader(
            io.StringIO(export_files.to_csv(exports.day_export(context, SUNDAY)), newline="")
        )
    )
    assert sunday[0]["patient_phone"] == "'+442079460102"
    assert (sunday[0]["date"], sunday[0]["start"], sunday[0]["end"]) == (
        "2027-03-28",
        "09:30",
        "10:00",
    )
    assert sunday[0]["time_zone"] == ZONE and sunday[-1]["session"] == "Afternoon session"
    # in the iCalendar file the names are text, escaped by icalendar: no line ends early
    found = events(export_files.render(exports.day_export(context, MONDAY), "ics"))
    assert [e["summary"] for e in found][:5] == [f"{n}: General Checkup" for n in HOSTILE[:5]]
    assert len(found) == len(HOSTILE)
    assert export_files.neutralised("O'Brien") == "O'Brien"
    assert export_files.neutralised("") == ""


def test_frontdesk_export_writes_the_file_or_names_the_option_to_fix(
    context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = str(tmp_path / PROFILE)
    context.close()
    out = tmp_path / "day.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    assert main(["--profile-dir", profile, "export", "--day", "2027-03-28", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"4 appointments written to {out} (CSV)"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b'\xef\xbb\xbf"date"')
    ics = tmp_path / "week.txt"
    argv = ["--profile-dir", profile, "export", "--week", "2027-03-24", "--column", "North Branch"]
    assert main([*argv, "--format", "ics", "-o", str(ics)]) == 0  # not from the extension
    assert [e["uid"] for e in events(ics.read_bytes())] == [f"b-5@{export_files.UID_DOMAIN}"]
    capsys.readouterr()
    patient = tmp_path / "anna.ics"
    assert main(["--profile-dir", profile, "export", "--patient", "Anna", "-o", str(patient)]) == 0
    assert "2 appointments written" in capsys.readouterr().out
    for wrong, words in [
        (["--day", "28/03/2027"], "--day: '28/03/2027' is not a date; use YYYY-MM-DD"),
        (["--week", "2027-03-28"], "--column: name the provider, room or calendar"),
        (["--week", "2027-03-28", "--column", "X"], "--column: no provider, room or calendar"),
        (["--patient", "Nobody"], "--patient: no patient matches 'Nobody'"),
        (["--day", "2027-03-28", "--column", "X"], "--column: only a --week export"),
    ]:
        target = tmp_path / "never.ics"
        assert main(["--profile-dir", profile, "export", *wrong, "-o", str(target)]) == 2
        assert f"frontdesk export: {words}" in capsys.readouterr().err
        assert not target.exists()
    missing = tmp_path / "no-such-dir" / "x.ics"
    assert (
        main(["--profile-dir", profile, "export", "--day", "2027-03-28", "-o", str(missing)]) == 2
    )
    assert "-o: cannot write in" in capsys.readouterr().err
    reopened = AppContext.open(Path(profile), connect=False)
    try:  # each file written is in the audit trail, by the command line's user
        lines = reopened.repo.audit.audit_page(AuditFilter(event="exported"))
    finally:
        reopened.close()
    assert [(line.detail or "").rsplit(", ", 2)[1:] for line in reversed(lines)] == [
        ["CSV", "day.csv"],
        ["ICS", "week.txt"],
        ["ICS", "anna.ics"],
    ]
    assert lines[0].booking_id is not None and lines[1].booking_id is None
    assert {line.staff for line in lines} == {command_line_user()}


def test_an_unknown_booking_system_zone_does_not_shift_exported_times(context: AppContext) -> None:
    """The export is on the clinic's clock, whatever zone the booking system's catalog keeps
    (the test catalog's is Europe/London)."""
    export = exports.day_export(context, SATURDAY)
    assert [r.local_start.strftime("%H:%M") for r in export.rows] == ["09:30"]
    assert export.rows[0].start == datetime(2027, 3, 27, 8, 30, tzinfo=UTC)
    assert export.rows[0].end - export.rows[0].start == timedelta(minutes=30)
