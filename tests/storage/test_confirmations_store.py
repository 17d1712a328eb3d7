"""The patient's confirmations and arrivals in the store, on SQLite and PostgreSQL: attempts
kept in order (the latest is the state), arrivals recorded, seated, forgotten, each with its
audit line in the same transaction."""

from __future__ import annotations

from datetime import timedelta

from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.confirmations import ConfirmationAttempt, PatientConfirmation
from frontdesk.storage.repo import Repository
from support.bookings import T0

ANNA = Actor("Anna", "desk-1")


def _entry(booking_id: str, detail: str) -> AuditEntry:
    return AuditEntry(AuditEvent.CONFIRMATION, ANNA, booking_id, detail=detail)


def test_the_latest_attempt_is_the_state_and_each_has_its_audit_line(repo: Repository) -> None:
    store = repo.confirmations
    calls = [
        ("b-1", PatientConfirmation.NO_ANSWER, 0),
        ("b-1", PatientConfirmation.LEFT_MESSAGE, 5),
        ("b-2", PatientConfirmation.CONFIRMED, 6),
        ("b-1", PatientConfirmation.CONFIRMED, 90),
    ]
    for booking_id, state, minutes in calls:
        at = T0 + timedelta(minutes=minutes)
        store.add(
            ConfirmationAttempt(booking_id, state, at, "Anna", "desk-1"), _entry(booking_id, state)
        )
    found = store.statuses(["b-1", "b-2", "b-3"])
    assert found["b-1"].state is PatientConfirmation.CONFIRMED
    assert [a.state for a in found["b-1"].attempts] == [
        PatientConfirmation.NO_ANSWER,
        PatientConfirmation.LEFT_MESSAGE,
        PatientConfirmation.CONFIRMED,
    ]
    assert found["b-1"].calls == 3 and found["b-1"].last is not None
    assert found["b-1"].last.at == T0 + timedelta(minutes=90)  # UTC, aware
    assert found["b-2"].confirmed and found["b-2"].calls == 1
    assert found["b-3"].state is PatientConfirmation.UNCONFIRMED and not found["b-3"].attempts
    lines = repo.audit.audit_page(AuditFilter(event=AuditEvent.CONFIRMATION.value))
    assert len(lines) == 4 and {line.staff for line in lines} == {"Anna"}


def test_an_arrival_is_kept_seated_and_forgotten(repo: Repository) -> None:
    store = repo.arrivals
    arrival = AuditEntry(AuditEvent.ARRIVAL, ANNA, "b-1", detail="arrived")
    store.arrived("b-1", T0, "Anna", arrival)
    store.arrived("b-2", T0 + timedelta(minutes=3), "Ben", arrival)
    got = store.of(["b-1", "b-2", "b-9"])
    assert set(got) == {"b-1", "b-2"} and got["b-1"].waiting
    assert got["b-1"].minutes_waited(T0 + timedelta(minutes=17, seconds=59)) == 17
    assert store.seated("b-1", T0 + timedelta(minutes=20), "Anna", arrival)
    seated = store.of(["b-1"])["b-1"]
    assert not seated.waiting and seated.minutes_waited(T0 + timedelta(hours=3)) == 20
    assert not store.seated("b-9", T0, "Anna", arrival)  # nobody arrived for b-9
    assert [a.booking_id for a in store.between(T0, T0 + timedelta(minutes=5))] == ["b-1", "b-2"]
    assert store.forget("b-2", arrival) and not store.forget("b-2", arrival)
    assert set(store.of(["b-1", "b-2"])) == {"b-1"}
    # arriving again (an undo, then arrived anew) starts a new wait
    store.arrived("b-1", T0 + timedelta(minutes=30), "Anna", arrival)
    again = store.of(["b-1"])["b-1"]
    assert again.waiting and again.arrived_at == T0 + timedelta(minutes=30)
    lines = repo.audit.audit_page(AuditFilter(event=AuditEvent.ARRIVAL.value))
    assert len(lines) == 5  # two arrivals, a seat, a forget, an arrival again: no line for
    # what did not happen (b-9 seated, b-2 forgotten twice)
