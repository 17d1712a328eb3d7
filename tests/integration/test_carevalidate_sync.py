"""CareValidate end to end against a loopback sandbox: book at the desk while the API is down,
sync exactly once, reschedule (book the new slot, then cancel the old) and cancel through the
connector, and survive lost answers without a second remote booking."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdesk.app.booking import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, BookingRequest, SyncState, VisitStatus
from frontdesk.main import main
from frontdesk.providers.base import Accepted, Ambiguous, Refused
from frontdesk.providers.carevalidate import CareValidateConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.carevalidate.clinic import TELEHEALTH_ID
from frontdesk.sandbox.carevalidate.state import CareValidateState
from support.net import MovableClock, free_port

LA = ZoneInfo("America/Los_Angeles")


def la(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=LA).astimezone(UTC)


def soon(ahead: int = 5) -> date:
    return date.today() + timedelta(days=ahead)


def cv_state(server: SandboxServer) -> CareValidateState:
    state = server.provider("carevalidate").build.state
    assert isinstance(state, CareValidateState)
    return state


def copies(server: SandboxServer, booking_id: str, status: str = "active") -> list[dict[str, Any]]:
    return [
        a
        for a in cv_state(server).appointments()
        if (a["tracking"] or {}).get("salesforceUuid") == booking_id and a["status"] == status
    ]


@pytest.fixture
def cv() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("carevalidate",)) as server:
        yield server


@pytest.fixture
def make_ctx(tmp_path: Path) -> Iterator[Callable[[SandboxServer], AppContext]]:
    made: list[AppContext] = []

    def make(server: SandboxServer) -> AppContext:
        ctx = AppContext(Paths.resolve(tmp_path / f"profile{len(made)}"), use_keyring=False)
        provider = server.provider("carevalidate")
        ctx.connect("carevalidate", "Telehealth", provider.base_url, provider.build.api_key)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


def request(
    ctx: AppContext, start: datetime, email: str | None = "invitee@example.com"
) -> BookingRequest:
    return BookingRequest(
        connection_id=ctx.connections()[0].id,
        service_id=TELEHEALTH_ID,
        resource_id="prov_ana_ruiz",
        start=start,
        patient_name="John Doe",
        patient_phone="+15555550100",
        patient_email=email,
    )


def pull(ctx: AppContext) -> None:
    for cid in ctx.connectors:
        ctx.engine.pull(cid)


def connector(ctx: AppContext) -> CareValidateConnector:
    found = next(iter(ctx.connectors.values()))
    assert isinstance(found, CareValidateConnector)
    return found


def moved(booking: Booking, start: datetime) -> Booking:
    return booking.with_changes(start=start, end=start + (booking.end - booking.start))


def test_offline_booking_syncs_once_then_reschedules_and_cancels(
    make_ctx: Callable[[SandboxServer], AppContext],
) -> None:
    port = free_port()
    server = SandboxServer(port=port, rate_limit=0, providers=("carevalidate",)).start()
    ctx = make_ctx(server)
    clock = MovableClock()
    ctx.engine.clock = clock
    pull(ctx)
    server.stop()

    booking = ctx.booking.book(request(ctx, la(soon(), 20, 30)))
    assert booking.sync_state is SyncState.PENCILLED
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed, report.retrying) == (1, 0, 1)

    server = SandboxServer(port=port, rate_limit=0, providers=("carevalidate",)).start()
    try:
        clock.advance(600)
        assert ctx.engine.drain().confirmed == 1
        clock.advance(600)
        assert ctx.engine.drain().sent == 0
        held = copies(server, booking.id)
        assert len(held) == 1
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED
        assert stored.remote_id == held[0]["appointmentId"]
        assert stored.resource_id == "prov_ana_ruiz"

        pull(ctx)  # the pulled copy is the same booking (tracking.salesforceUuid), not a new one
        assert len(ctx.repo.bookings_between(la(soon(), 0), la(soon(), 23, 59))) == 1

        # reschedule: book the new slot first, then cancel the old one
        outcome = connector(ctx).reschedule(moved(stored, la(soon(), 21, 0)), "k-r")
        assert isinstance(outcome, Accepted)
        active = copies(server, booking.id)
        assert [a["startTime"] for a in active] == [
            la(soon(), 21, 0).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        ]
        assert outcome.booking.remote_id == active[0]["appointmentId"] != stored.remote_id
        old = copies(server, booking.id, "canceled")
        assert [a["appointmentId"] for a in old] == [stored.remote_id]
        assert old[0]["cancelReason"] == "Rescheduled by the front desk"

        gone = connector(ctx).cancel(
            outcome.booking.with_changes(visit_status=VisitStatus.CANCELLED), "k-c"
        )
        assert isinstance(gone, Accepted) and gone.booking.visit_status is VisitStatus.CANCELLED
        assert copies(server, booking.id) == []
        again = connector(ctx).cancel(outcome.booking, "k-c")  # a resend after a lost answer
        assert isinstance(again, Accepted) and again.replayed
    finally:
        server.stop()


def test_lost_create_answer_is_found_not_resent(
    cv: SandboxServer, make_ctx: Callable[[SandboxServer], AppContext]
) -> None:
    ctx = make_ctx(cv)
    clock = MovableClock()
    ctx.engine.clock = clock
    pull(ctx)
    booking = ctx.booking.book(request(ctx, la(soon(6), 17, 0)))
    cv_state(cv).faults.drop_next_answers(1)
    report = ctx.engine.drain()
    assert (report.confirmed, report.retrying) == (0, 1)
    assert len(copies(cv, booking.id)) == 1  # the server did book it
    clock.advance(600)
    report = ctx.engine.drain()
    assert (report.confirmed, report.sent) == (1, 0)  # found by find_existing, not resent
    assert len(copies(cv, booking.id)) == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    assert stored.remote_id == copies(cv, booking.id)[0]["appointmentId"]


def test_reschedule_with_a_lost_answer_books_once(
    cv: SandboxServer, make_ctx: Callable[[SandboxServer], AppContext]
) -> None:
    ctx = make_ctx(cv)
    pull(ctx)
    booking = ctx.booking.book(request(ctx, la(soon(7), 18, 0)))
    assert ctx.engine.drain().confirmed == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None
    cv_state(cv).faults.drop_next_answers(1)  # the new booking's answer is lost
    target = moved(stored, la(soon(7), 19, 0))
    assert isinstance(connector(ctx).reschedule(target, "k"), Ambiguous)
    outcome = connector(ctx).reschedule(target, "k")  # looks the new one up, cancels the old
    assert isinstance(outcome, Accepted)
    active = copies(cv, booking.id)
    assert len(active) == 1 and active[0]["appointmentId"] == outcome.booking.remote_id
    assert [a["appointmentId"] for a in copies(cv, booking.id, "canceled")] == [stored.remote_id]


def test_refused_reschedule_keeps_the_patients_place(
    cv: SandboxServer, make_ctx: Callable[[SandboxServer], AppContext]
) -> None:
    ctx = make_ctx(cv)
    pull(ctx)
    booking = ctx.booking.book(request(ctx, la(soon(8), 16, 0)))
    assert ctx.engine.drain().confirmed == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None
    other = {  # another channel takes 16:30
        "eventTypeId": TELEHEALTH_ID,
        "startTime": la(soon(8), 16, 30).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "email": "someone@example.com",
        "timezone": "America/New_York",
        "location": "zoom_conference",
    }
    assert cv_state(cv).create(other).status == 200
    outcome = connector(ctx).reschedule(moved(stored, la(soon(8), 16, 30)), "k")
    assert isinstance(outcome, Refused)
    assert outcome.verdict.message == "startTime is not an available slot for this event type"
    held = copies(cv, booking.id)
    assert [a["appointmentId"] for a in held] == [stored.remote_id]  # the old one stays


def test_desk_needs_the_patients_email(
    cv: SandboxServer, make_ctx: Callable[[SandboxServer], AppContext]
) -> None:
    ctx = make_ctx(cv)
    pull(ctx)
    with pytest.raises(BookingRefused) as refused:
        ctx.booking.book(request(ctx, la(soon(), 20, 30), email=None))
    verdict = refused.value.verdicts[0]
    # the desk's form asks for what CareValidate requires before the rules run
    assert (verdict.status, verdict.field) == (400, "patient_email")
    assert verdict.message in ("email is required", "Type the patient's email address.")
    with pytest.raises(BookingRefused) as off_grid:
        ctx.booking.book(request(ctx, la(soon(), 20, 40)))
    assert off_grid.value.verdicts[0].field == "start"


def test_validate_cli_exit_codes(
    cv: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    provider = cv.provider("carevalidate")
    body = {
        "eventTypeId": TELEHEALTH_ID,
        "startTime": f"{soon(3).isoformat()}T04:30:00Z",
        "email": "invitee@example.com",
        "firstName": "John",
        "lastName": "Doe",
        "timezone": "Asia/Kolkata",
        "location": "google_conference",
    }
    path = tmp_path / "request.json"
    path.write_text(json.dumps(body))
    argv = ["validate", "--provider", "carevalidate", "--base-url", provider.base_url]
    argv += ["--api-key", provider.build.api_key, str(path)]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == {
        "status": 200,
        "code": None,
        "message": "Meeting scheduled successfully",
    }
    assert cv_state(cv).appointments() == []  # validate never books
    path.write_text(json.dumps({**body, "location": "phone"}))
    assert main(argv) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["status"] == 400 and printed["code"] is None
    assert printed["message"].startswith("location must be one of google_conference")
    bad_key = [*argv[:-2], "wrong", str(path)]
    assert main(bad_key) == 2  # validate cannot read the catalog with a wrong key
    assert "HTTP 401 Unauthorized" in capsys.readouterr().err
