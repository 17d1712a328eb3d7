"""Vastal end to end against a real loopback sandbox: book at the desk while it is down, sync
exactly once, reschedule and cancel through the connector (the update page's partial answers),
a lost answer found by lookup, a refusal at sync, a key without the write scope, the desk's
warnings (risks, not refusals), and ``frontdesk validate --provider vastal`` exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.verdict import Severity
from frontdesk.main import main
from frontdesk.providers.base import Accepted, Refused
from frontdesk.providers.vastal import VastalConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.vastal.clinic import READ_ONLY_KEY
from frontdesk.sandbox.vastal.state import VastalState
from support.net import MovableClock, free_port
from support.vastal import ONBOARDING, STRATEGY, TAX, ZONE, at, seed_day

OPTIONS: dict[str, object] = {"plan": "Professional", "timezone": ZONE}

MakeContext = Callable[[SandboxServer], AppContext]


@pytest.fixture
def vastal() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("vastal",)) as server:
        yield server


@pytest.fixture
def make_context(tmp_path: Path) -> Iterator[MakeContext]:
    contexts: list[AppContext] = []

    def make(server: SandboxServer) -> AppContext:
        ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        api = server.provider("vastal")
        ctx.connect("vastal", "Tax office", api.base_url, api.build.api_key, dict(OPTIONS))
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()


def state_of(server: SandboxServer) -> VastalState:
    state = server.provider("vastal").build.state
    assert isinstance(state, VastalState)
    return state


def request(
    ctx: AppContext, type_id: str, start: datetime, name: str = "Jane Doe"
) -> BookingRequest:
    return BookingRequest(
        connection_id=ctx.connections()[0].id,
        service_id=type_id,
        start=start,
        patient_name=name,
        patient_phone="+12025550123",
        patient_email="jane@example.com",
    )


def copies(server: SandboxServer, name: str = "Jane Doe") -> list[dict[str, Any]]:
    return [a for a in state_of(server).appointments() if a["client_name"] == name]


def pull(ctx: AppContext) -> None:
    for cid in ctx.connectors:
        ctx.engine.pull(cid)


def seed_start(weeks: int = 1) -> datetime:
    return datetime.combine(seed_day(weeks), time(14, 0), tzinfo=UTC)


def test_book_offline_sync_once_then_reschedule_and_cancel(make_context: MakeContext) -> None:
    port = free_port()
    server = SandboxServer(port=port, rate_limit=0, providers=("vastal",)).start()
    ctx = make_context(server)
    clock = MovableClock()
    ctx.engine.clock = clock
    pull(ctx)  # the desk cached the catalog while the internet worked
    server.stop()

    booking = ctx.booking.book(request(ctx, TAX, seed_start()))
    assert booking.sync_state is SyncState.PENCILLED and booking.resource_id == "org_xyz789"
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed, report.retrying) == (1, 0, 1)

    server = SandboxServer(port=port, rate_limit=0, providers=("vastal",)).start()
    try:
        clock.advance(600)
        assert ctx.engine.drain().confirmed == 1
        clock.advance(600)
        assert ctx.engine.drain().sent == 0
        remote = copies(server)
        assert len(remote) == 1
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED
        assert stored.remote_id == remote[0]["id"]

        connector = ctx.connectors[booking.connection_id]
        moved = stored.with_changes(start=stored.start + timedelta(hours=2))
        outcome = connector.reschedule(moved, "k1")
        assert isinstance(outcome, Accepted)
        assert copies(server)[0]["start_time"] == (
            (seed_start() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        )
        outcome = connector.cancel(outcome.booking, "k2")
        assert isinstance(outcome, Accepted)
        assert outcome.booking.visit_status.value == "cancelled"
        assert [a["status"] for a in copies(server)] == ["cancelled"]
        pull(ctx)  # the pull agrees and adds no second copy
        assert len(ctx.repo.bookings_between(seed_start() - timedelta(days=1),
                                             seed_start() + timedelta(days=1))) == 1  # fmt: skip
    finally:
        server.stop()


def test_requires_confirmation_awaits_confirmation(
    vastal: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(vastal)
    pull(ctx)
    booking = ctx.booking.book(request(ctx, ONBOARDING, seed_start() + timedelta(hours=2)))
    assert ctx.engine.drain().confirmed == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION
    assert copies(vastal)[0]["status"] == "pending"


def test_lost_answer_is_found_by_lookup_not_sent_twice(
    vastal: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(vastal)
    clock = MovableClock()
    ctx.engine.clock = clock
    pull(ctx)
    booking = ctx.booking.book(request(ctx, TAX, seed_start()))
    connector = ctx.connectors[booking.connection_id]
    assert connector.find_existing(booking) is None  # nothing there yet: a resend is safe
    state_of(vastal).faults.drop_next_answers(1)
    report = ctx.engine.drain()
    assert (report.confirmed, report.retrying) == (0, 1)
    assert len(copies(vastal)) == 1  # the server did book it
    clock.advance(600)
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed) == (0, 1)  # found, not sent again
    assert len(copies(vastal)) == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    assert stored.remote_id == copies(vastal)[0]["id"]
    assert [event for _, event, _, _ in ctx.repo.history(booking.id)] == ["created", "synced"]


def test_refusal_at_sync_keeps_the_servers_words(
    vastal: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(vastal)
    pull(ctx)
    booking = ctx.booking.book(request(ctx, TAX, seed_start()))
    # meanwhile someone books the same hour on the Vastal dashboard
    other = {
        "appointment_type_id": TAX,
        "start_time": (seed_start() + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "client_name": "Walk In",
    }
    assert state_of(vastal).create(other).status == 200
    assert ctx.engine.drain().refused == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
    assert stored.problem_code is None
    assert stored.problem_message == "The requested time overlaps another appointment"
    assert copies(vastal) == []


def test_the_desk_warns_and_vastal_decides(
    vastal: SandboxServer, make_context: MakeContext
) -> None:
    """Outside the weekly rows and an overlap are risks at the desk (no page says a manual
    create is refused for them): the booking is queued; the sandbox (ours) refuses at sync,
    in its own words. The documented required-fields refusal still stops it at the desk."""
    ctx = make_context(vastal)
    pull(ctx)
    sunday = seed_day() + timedelta(days=3)
    outside = request(ctx, TAX, at(sunday, "11:00"))
    [warning] = ctx.booking.validate(outside)
    assert (warning.code, warning.severity) == ("OUTSIDE_HOURS", Severity.RISK)
    assert "Vastal may refuse" in (warning.message or "")
    booking = ctx.booking.book(outside)
    ctx.booking.book(request(ctx, TAX, seed_start()))
    [clash] = ctx.booking.validate(request(ctx, TAX, seed_start() + timedelta(minutes=30), "B"))
    assert (clash.code, clash.field, clash.severity) == ("OVERLAP", "start", Severity.RISK)
    nameless = request(ctx, TAX, seed_start() + timedelta(hours=3), "")
    with pytest.raises(BookingRefused):
        ctx.booking.book(nameless)
    assert ctx.repo.outbox.pending_count() == 2
    assert ctx.engine.drain().refused == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
    assert stored.problem_message == (
        "The requested time is outside the available hours for this appointment type"
    )


def test_a_named_schedule_type_is_booked_with_a_caveat(
    vastal: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(vastal)
    pull(ctx)
    evening = at(seed_day(), "18:00")  # a Thursday: inside "Evening Hours"
    [caveat] = ctx.booking.validate(request(ctx, STRATEGY, evening))
    assert (caveat.code, caveat.status, caveat.severity) == ("NAMED_SCHEDULE", 200, Severity.RISK)
    ctx.booking.book(request(ctx, STRATEGY, evening))
    assert ctx.engine.drain().confirmed == 1


def test_a_read_only_key_pauses_for_credentials(vastal: SandboxServer) -> None:
    connector = VastalConnector("ro", vastal.provider("vastal").base_url, READ_ONLY_KEY, ZONE)
    try:
        connector.pull_catalog([seed_day()])
        assert connector.pull_bookings(None) == []
        draft = Booking(id="ro-1", connection_id="ro", service_id=TAX, resource_id="org_xyz789",
                        start=seed_start(), end=seed_start() + timedelta(hours=1),
                        patient_name="Jane Doe", patient_phone="+12025550123")  # fmt: skip
        outcome = connector.create(draft, "k")
        assert isinstance(outcome, Refused) and outcome.credentials
        assert (outcome.verdict.status, outcome.verdict.code) == (403, "FORBIDDEN")
    finally:
        connector.close()


def seed_example(day: date) -> dict[str, Any]:
    return {
        "appointment_type_id": "type_def456",
        "start_time": f"{day.isoformat()}T14:00:00Z",
        "client_name": "Jane Doe",
        "client_email": "jane@example.com",
        "client_phone": "+1234567890",
    }


def test_validate_cli_exit_codes(
    vastal: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    api = vastal.provider("vastal")
    file = tmp_path / "request.json"
    argv = ["validate", "--provider", "vastal", "--base-url", api.base_url,
            "--api-key", api.build.api_key, "--option", "plan=Starter",
            "--option", f"timezone={ZONE}", str(file)]  # fmt: skip
    file.write_text(json.dumps(seed_example(seed_day())))
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == {
        "status": 200,
        "code": None,
        "message": "Appointment would be created",
    }
    assert state_of(vastal).appointments() == []  # validate never sends it
    file.write_text(
        json.dumps({k: v for k, v in seed_example(seed_day()).items() if k != "client_name"})
    )
    assert main(argv) == 1
    assert json.loads(capsys.readouterr().out) == {
        "status": 400,
        "code": None,
        "message": "appointment_type_id, start_time, and client_name are required",
    }
    at_zone = argv.index(f"timezone={ZONE}")
    no_zone = argv[: at_zone - 1] + argv[at_zone + 1 :]
    assert main(no_zone) == 2
    assert "timezone: " in capsys.readouterr().err
