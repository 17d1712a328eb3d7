"""What the desk and its sync worker process say over the pipe: a change record and the health
arrive as they left (instants, states and the desk-local topics included), a stray line is no
message, and the worker is started with the desk's own executable, frozen or not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.app import sync_wire
from frontdesk.app.changes import ChangeRecord
from frontdesk.domain.booking import Booking, SyncState, VisitStatus

START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_a_change_record_crosses_the_pipe_whole() -> None:
    booking = Booking(
        id="b1",
        connection_id="c1",
        service_id="s1",
        resource_id="r1",
        start=START,
        end=START + timedelta(minutes=30),
        patient_name="Wire Patient",
        patient_phone="+442079460000",
        remote_id="R-1",
        visit_status=VisitStatus.ARRIVED,
        sync_state=SyncState.NEEDS_ATTENTION,
        problem_message="slot taken",
        version=3,
        extra={"channel": "phone", "nested": {"a": [1, 2]}},
    )
    record = ChangeRecord(
        ["b1", "gone"], {"b1": booking}, {"c1": 4}, 2, {"c1": 1}, frozenset({"blockouts"})
    )
    message = sync_wire.read(sync_wire.line({"record": sync_wire.record_out(record)}))
    assert message is not None
    assert sync_wire.record_in(message["record"]) == record
    assert sync_wire.record_in(sync_wire.record_out(ChangeRecord.everything())) == (
        ChangeRecord.everything()
    )


def test_health_keeps_its_instants() -> None:
    stale = {"day:2027-06-15": START, "bookings": START}  # parts a refresh could not read
    health = {
        "c1": {
            "online": False,
            "last_fresh_at": START,
            "open_until": None,
            "failures": 5,
            "stale": stale,
        }
    }
    message = sync_wire.read(sync_wire.line({"health": health}))
    assert message is not None
    assert sync_wire.health_in(message["health"]) == health


def test_a_line_that_is_no_message_is_ignored() -> None:
    assert sync_wire.read(b"Traceback (most recent call last):\n") is None
    assert sync_wire.read(b'["a list"]\n') is None
    assert sync_wire.read(b"\xff\xfe\n") is None


def test_the_worker_runs_on_the_desks_own_executable() -> None:
    assert sync_wire.worker_command("/venv/bin/python", frozen=False) == [
        "/venv/bin/python",
        "-m",
        "frontdesk",
        "sync-worker",
    ]
    # the PyInstaller bundle: its executable dispatches the hidden subcommand itself
    frozen = sync_wire.worker_command("/Applications/FrontDesk.app/Contents/MacOS/FrontDesk", True)
    assert frozen == ["/Applications/FrontDesk.app/Contents/MacOS/FrontDesk", "sync-worker"]


def test_the_entry_point_dispatches_the_worker_by_the_same_name() -> None:
    from frontdesk import main

    assert main.SYNC_WORKER == sync_wire.COMMAND
