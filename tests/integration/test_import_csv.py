"""``frontdesk import``: rows checked offline (against the cache and earlier rows), refused
rows reported by row, field and reason, good rows queued in one go, never twice."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.main import main
from frontdesk.sandbox import SandboxServer
from support.clinic import next_weekday


def setup_profile(profile: Path, server: SandboxServer) -> None:
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        record = ctx.connect("huskyvoice", "Clinic", server.base_url, server.api_key)
        ctx.engine.pull(record.id)
    finally:
        ctx.close()


def write_csv(path: Path, tuesday: date) -> None:
    sunday = tuesday + timedelta(days=5)
    rows = [
        "Patient Name,start,Service,resource,patient_phone",
        *(
            f"Patient {n},{tuesday} 09:{10 * n:02d},General Checkup,Main Branch,+4420794601{n:02d}"
            for n in range(5)
        ),
        f"Patient 5,{tuesday}T09:55:00Z,general checkup,branch_uuid_here,+442079460105",
        f"Patient 6,{tuesday} 11:00,General Checkup,Main Branch,+442079460106",
        f"Patient 7,{tuesday} 10:00,Massage,Main Branch,+442079460107",
        "Patient 8,15/06/2027,General Checkup,Main Branch,+442079460108",
        f"Patient 9,{sunday} 09:30,General Checkup,Main Branch,+442079460109",
        f",{tuesday} 10:30,General Checkup,Main Branch,+442079460110",
        f"Patient 11,{tuesday} 14:30,Vaccination,North Branch,+442079460111",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_import_reports_refused_rows_and_queues_the_rest_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tuesday = next_weekday(1)
    csv_file = tmp_path / "bookings.csv"
    write_csv(csv_file, tuesday)
    with SandboxServer(rate_limit=0) as server:
        profile = tmp_path / "desk"
        setup_profile(profile, server)
        argv = ["--profile-dir", str(profile), "import", str(csv_file), "--connection", "Clinic"]
        assert main(argv) == 1
        out = capsys.readouterr().out.splitlines()
        assert "row 9: service: 'Massage' is not a service of this connection" in out
        assert any(line.startswith("row 10: start: use") for line in out)
        # Sunday's Morning window is closed; HuskyVoice's availability lists open windows only
        assert (
            "row 11: start: appointment_date does not fall within any configured calendar "
            "window (OUTSIDE_AVAILABILITY, HTTP 422)"
        ) in out
        assert "row 12: patient_name: is empty; fill it in" in out
        # the Morning window holds 6 checkups: the 7th row of the file is refused
        assert "row 8: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)" in out
        assert out[-1] == "7 queued, 5 refused (read as UTF-8, comma-separated)"

        assert main(argv) == 1  # the same file again queues nothing twice
        assert capsys.readouterr().out.splitlines()[-1] == (
            "0 queued, 5 refused, 7 already imported (read as UTF-8, comma-separated)"
        )
        assert main(["--profile-dir", str(profile), "sync", "--once"]) == 0
        assert "confirmed 7" in capsys.readouterr().out
        assert len(server.state.appointments()) == 7


def test_import_file_problems_name_what_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("when,who\n2027-01-01,x\n", encoding="utf-8")
    with SandboxServer(rate_limit=0) as server:
        profile = tmp_path / "desk"
        setup_profile(profile, server)
        assert (
            main(["--profile-dir", str(profile), "import", str(bad), "--connection", "Clinic"]) == 2
        )
        assert "unknown column 'when'" in capsys.readouterr().err
        assert (
            main(["--profile-dir", str(profile), "import", str(bad), "--connection", "Nope"]) == 2
        )
        assert "no connection named 'Nope'" in capsys.readouterr().err
        unreadable = tmp_path / "utf16.csv"  # a UTF-16 byte-order mark, then an odd byte
        unreadable.write_bytes(b"\xff\xfes\x00e\x00r")
        argv = ["--profile-dir", str(profile), "import", str(unreadable)]
        assert main([*argv, "--connection", "Clinic"]) == 2
        err = capsys.readouterr().err
        assert "starts as UTF-16 text but is not" in err and "Traceback" not in err
        binary = tmp_path / "photo.csv"  # a file that is no text at all
        binary.write_bytes(bytes(range(256)) * 4)
        assert (
            main(["--profile-dir", str(profile), "import", str(binary), "--connection", "Clinic"])
            == 2
        )
        assert "Traceback" not in capsys.readouterr().err
