"""meetergo end to end: book offline at the desk, sync exactly once, reschedule and cancel
through the connector, a lost answer found again by find_existing, a provisional booking
confirmed, expired or declined, a group seat and a phone-only patient."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.verdict import Severity
from frontdesk.providers.base import Accepted, ApiError
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.meetergo.state import MeetergoState
from support.meetergo import (
    ANNA,
    API_KEY,
    BEN,
    CHECK_IN,
    CONSULT,
    GROUP,
    OPTIONS,
    PERSONAL_TOKEN,
    SECOND,
    THERAPY,
    TRIAGE,
    at,
    next_tuesday,
)
from support.net import MovableClock, free_port

DAY = next_tuesday()


@pytest.fixture
def contexts(tmp_path: Path) -> Iterator[Callable[[str], AppContext]]:
    made: list[AppContext] = []

    def make(base_url: str) -> AppContext:
        ctx = AppContext(Paths.resolve(tmp_path / f"profile{len(made)}"), use_keyring=False)
        ctx.connect("meetergo", "Praxis", base_url, API_KEY, OPTIONS)
        ctx.engine.clock = MovableClock()
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


def state_of(server: SandboxServer) -> MeetergoState:
    state = server.provider("meetergo").build.state
    assert isinstance(state, MeetergoState)
    return state


def copies(server: SandboxServer, booking_id: str) -> list[dict[str, Any]]:
    return [
        a
        for a in state_of(server).appointments()
        if a["attendee"]["notes"].get("frontdeskRef") == booking_id
    ]


def request(ctx: AppContext, type_id: str, host: str, hh: int, mm: int = 0) -> BookingRequest:
    return BookingRequest(
        connection_id=ctx.connections()[0].id,
        service_id=type_id,
        resource_id=host,
        start=at(DAY, hh, mm),
        patient_name="Erika Mustermann",
        patient_phone="+4930123456",
        patient_email="erika@example.com",
    )


def pull(ctx: AppContext) -> None:
    for cid in ctx.connectors:
        ctx.engine.pull(cid)


def test_book_offline_sync_once_then_reschedule_and_cancel(
    contexts: Callable[[str], AppContext],
) -> None:
    port = free_port()
    server = SandboxServer(port=port, rate_limit=0, providers=("meetergo",)).start()
    ctx = contexts(server.provider("meetergo").base_url)
    pull(ctx)  # the desk has the spots from when the internet worked
    server.stop()
    booking = ctx.booking.book(request(ctx, CONSULT, ANNA, 10))
    assert booking.sync_state is SyncState.PENCILLED
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed, report.retrying) == (1, 0, 1)

    server = SandboxServer(port=port, rate_limit=0, providers=("meetergo",)).start()
    try:
        clock = ctx.engine.clock
        assert isinstance(clock, MovableClock)
        clock.advance(600)
        assert ctx.engine.drain().confirmed == 1
        clock.advance(600)
        assert ctx.engine.drain().sent == 0
        (copy,) = copies(server, booking.id)
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED
        assert stored.remote_id == copy["id"]
        assert copy["attendee"]["email"] == "erika@example.com" and copy["hostIds"] == [ANNA]

        # the desk now refuses the same spot offline, as the server would
        with pytest.raises(Exception, match="start is not an available spot"):
            ctx.booking.book(request(ctx, CONSULT, ANNA, 10))

        connector = ctx.connectors[stored.connection_id]
        moved = stored.with_changes(start=at(DAY, 14), end=at(DAY, 14, 30))
        outcome = connector.reschedule(moved, "k1")
        assert isinstance(outcome, Accepted) and outcome.booking.start == at(DAY, 14)
        assert copies(server, booking.id)[0]["start"].startswith(
            at(DAY, 14).strftime("%Y-%m-%dT%H:%M")
        )
        cancelled = connector.cancel(
            outcome.booking.with_changes(visit_status=VisitStatus.CANCELLED), "k2"
        )
        assert isinstance(cancelled, Accepted)
        assert cancelled.booking.visit_status is VisitStatus.CANCELLED
        assert copies(server, booking.id)[0]["isCancelled"] is True
        pull(ctx)
        again = ctx.repo.booking(booking.id)
        assert again is not None and again.remote_id == copy["id"]
    finally:
        server.stop()


def test_lost_answer_is_found_by_find_existing(contexts: Callable[[str], AppContext]) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = contexts(server.provider("meetergo").base_url)
        pull(ctx)
        booking = ctx.booking.book(request(ctx, CONSULT, ANNA, 11))
        state_of(server).faults.drop_next_answers(1)
        report = ctx.engine.drain()
        assert (report.confirmed, report.retrying) == (0, 1)
        assert len(copies(server, booking.id)) == 1  # the server did book it
        clock = ctx.engine.clock
        assert isinstance(clock, MovableClock)
        clock.advance(600)
        report = ctx.engine.drain()
        assert report.confirmed == 1 and report.sent == 0  # found, not resent
        (copy,) = copies(server, booking.id)
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.remote_id == copy["id"]
        assert stored.sync_state is SyncState.CONFIRMED


def test_provisional_booking_awaits_confirmation(contexts: Callable[[str], AppContext]) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = contexts(server.provider("meetergo").base_url)
        pull(ctx)
        booking = ctx.booking.book(request(ctx, CHECK_IN, BEN, 10))
        assert ctx.engine.drain().confirmed == 1
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION
        assert stored.remote_id is None
        (pid,) = state_of(server).provisional_ids()
        assert stored.extra["provisional_booking_id"] == pid
        assert state_of(server).confirm_provisional(pid).status == 200
        pull(ctx)
        confirmed = ctx.repo.booking(booking.id)
        assert confirmed is not None and confirmed.sync_state is SyncState.CONFIRMED
        assert confirmed.remote_id == copies(server, booking.id)[0]["id"]


def test_a_refusal_at_sync_needs_attention(contexts: Callable[[str], AppContext]) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = contexts(server.provider("meetergo").base_url)
        pull(ctx)
        booking = ctx.booking.book(request(ctx, CONSULT, ANNA, 15))
        # meanwhile someone books Anna at 15:00 online
        other = {
            "attendee": {
                "email": "x@example.com",
                "receiveReminders": True,
                "notes": {},
                "fullname": "X Y",
            },
            "meetingTypeId": CONSULT,
            "start": at(DAY, 15).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "hostIds": [ANNA],
        }
        assert state_of(server).create(other).status == 201
        assert ctx.engine.drain().refused == 1
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
        assert stored.problem_code == "Bad Request"
        assert stored.problem_message == "start is not an available spot"


@pytest.mark.parametrize(
    ("type_id", "host", "how", "words"),
    [
        (CHECK_IN, BEN, "expired", "The patient did not confirm in time"),
        (SECOND, ANNA, "expired", "The host did not confirm in time"),
        (CHECK_IN, BEN, "declined_by_host", "The host declined this booking request"),
    ],
)
def test_a_provisional_booking_that_ends_is_refused_in_plain_words(
    contexts: Callable[[str], AppContext], type_id: str, host: str, how: str, words: str
) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = contexts(server.provider("meetergo").base_url)
        pull(ctx)
        booking = ctx.booking.book(request(ctx, type_id, host, 10))
        assert ctx.engine.drain().confirmed == 1
        (pid,) = state_of(server).provisional_ids()
        assert state_of(server).end_provisional(pid, how).status == 200
        pull(ctx)
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
        assert stored.visit_status is VisitStatus.CANCELLED  # it will not happen
        assert (stored.problem_message or "").startswith(words)
        assert stored.remote_id is None
        pull(ctx)  # the same answer again changes nothing, adds nothing
        assert len(ctx.repo.bookings_between(at(DAY, 0), at(DAY, 23))) == 1


def test_a_group_seat_is_booked_and_cancelled_alone(contexts: Callable[[str], AppContext]) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = contexts(server.provider("meetergo").base_url)
        pull(ctx)
        seats = []
        for name in ("Erika Mustermann", "Max Muster"):
            first = name.split()[0].lower()
            seats.append(
                ctx.booking.book(
                    request(ctx, GROUP, BEN, 11).model_copy(
                        update={"patient_name": name, "patient_email": f"{first}@example.com"}
                    )
                )
            )
        assert ctx.engine.drain().confirmed == 2
        pull(ctx)
        stored = [ctx.repo.booking(b.id) for b in seats]
        assert all(b is not None and b.sync_state is SyncState.CONFIRMED for b in stored)
        ids = {b.remote_id.partition("/")[0] for b in stored if b and b.remote_id}
        assert len(ids) == 1  # one appointment, two attendees
        assert len(ctx.repo.bookings_between(at(DAY, 0), at(DAY, 23))) == 2  # no twins
        ctx.booking.cancel(seats[0].id)
        assert ctx.engine.drain().confirmed == 1
        left = [a["attendee"]["email"] for a in state_of(server).appointments()]
        assert left == ["max@example.com"]


def test_a_patient_without_email_books_a_phone_only_type(
    contexts: Callable[[str], AppContext],
) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = contexts(server.provider("meetergo").base_url)
        pull(ctx)
        no_email = request(ctx, THERAPY, BEN, 10).model_copy(update={"patient_email": None})
        booking = ctx.booking.book(no_email)
        assert ctx.engine.drain().confirmed == 1
        (copy,) = copies(server, booking.id)
        assert copy["attendee"]["email"] is None and copy["attendee"]["phone"] == "+4930123456"
        # where the type does not allow it, the desk refuses at once, as meetergo would
        with pytest.raises(Exception, match=r"attendee\.email is required"):
            ctx.booking.book(
                request(ctx, CONSULT, ANNA, 10).model_copy(update={"patient_email": None})
            )


def test_an_undocumented_opt_in_setting_is_a_risk_at_the_desk(
    contexts: Callable[[str], AppContext],
) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        account = state_of(server).account
        account.types = [
            replace(t, double_opt_in="useCompanySettings") if t.id == CONSULT else t
            for t in account.types
        ]
        ctx = contexts(server.provider("meetergo").base_url)
        pull(ctx)
        verdicts = ctx.booking.validate(request(ctx, CONSULT, ANNA, 10))
        (risk,) = [v for v in verdicts if v.code == "MAYBE_PROVISIONAL"]
        assert risk.severity is Severity.RISK and "useCompanySettings" in (risk.message or "")
        booking = ctx.booking.book(request(ctx, CONSULT, ANNA, 10))  # a risk does not stop it
        assert ctx.engine.drain().confirmed == 1  # this company's setting is off
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED


def test_a_missing_api_user_id_pauses_the_connection_in_plain_words(tmp_path: Path) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        try:
            url = server.provider("meetergo").base_url
            ctx.connect("meetergo", "Praxis", url, API_KEY, {"timezone": "Europe/Berlin"})
            cid = ctx.connections()[0].id
            with pytest.raises(ApiError, match="the API user id is missing"):
                ctx.engine.pull(cid)
            stored = Booking(
                id="b1",
                connection_id=cid,
                service_id=CONSULT,
                resource_id=ANNA,
                start=at(DAY, 10),
                end=at(DAY, 10, 30),
                patient_name="Erika Mustermann",
                patient_phone="+4930123456",
                patient_email="erika@example.com",
            )
            ctx.repo.book(stored, OperationKind.CREATE, {}, "k-b1", "desk")
            ctx.engine.drain()
            health = ctx.engine.health[cid]
            assert health.paused and "the API user id is missing" in (health.last_error or "")
            assert state_of(server).appointments() == []
        finally:
            ctx.close()


def test_a_personal_access_token_books_without_the_user_header(tmp_path: Path) -> None:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        ctx = AppContext(Paths.resolve(tmp_path / "token"), use_keyring=False)
        try:
            url = server.provider("meetergo").base_url
            ctx.connect("meetergo", "Praxis", url, PERSONAL_TOKEN, {"timezone": "Europe/Berlin"})
            ctx.engine.clock = MovableClock()
            pull(ctx)
            cid = ctx.connections()[0].id
            services = {s.id for s in ctx.repo.catalogs.catalog(cid, DAY, DAY).services}
            assert services == {CONSULT, SECOND, TRIAGE}  # the token's owner's (Anna's)
            booking = ctx.booking.book(request(ctx, SECOND, ANNA, 13))
            state_of(server).faults.drop_next_answers(1)
            assert ctx.engine.drain().retrying == 1
            clock = ctx.engine.clock
            assert isinstance(clock, MovableClock)
            clock.advance(600)
            report = ctx.engine.drain()
            assert (report.sent, report.confirmed, report.unknown) == (0, 1, 0)  # found
            stored = ctx.repo.booking(booking.id)
            assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION
        finally:
            ctx.close()
