"""Operations that wait for others: a new patient's create waits for the patient's record
(CREATE_PATIENT), shared by every booking of that patient queued before it is made; nothing is
due before what it depends on is done; a refused record refuses its dependents unsent; the
queries stay on the outbox's state index however long its history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, text

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.outbox import PATIENT_REF, Operation, OperationKind, OperationState
from frontdesk.storage.repo import ConnectionRecord, Repository
from frontdesk.storage.rows import operation_of_row
from frontdesk.storage.tables import OutboxRow
from support.bookings import T0
from support.bookings import booking as a_booking

K = OperationKind
LATER = datetime.now(UTC) + timedelta(days=1)  # due_operations' "now": everything is due


def booking(
    n: int, name: str = "Amelia Hart", phone: str = "+1 212 555 0100", **kw: Any
) -> Booking:
    values: dict[str, Any] = {"patient_email": "amelia@example.com", **kw}
    return a_booking(n, T0 + timedelta(hours=n), patient_name=name, patient_phone=phone, **values)


def book(repo: Repository, b: Booking) -> Operation:
    return repo.book(b, K.CREATE, {}, f"key-{b.id}", "desk", patient_records=True)


def ops(repo: Repository, booking_id: str | None = None) -> list[Operation]:
    with repo.db.read() as s:
        query = s.query(OutboxRow).order_by(OutboxRow.id)
        if booking_id is not None:
            query = query.filter(OutboxRow.booking_id == booking_id)
        return [operation_of_row(r) for r in query]


def due(repo: Repository, now: datetime = LATER) -> list[tuple[str, OperationKind]]:
    return [(o.booking_id, o.kind) for o in repo.outbox.due_operations("conn-1", now)]


def test_a_new_patients_create_waits_for_one_shared_record(repo: Repository) -> None:
    first = book(repo, booking(1))
    patient, create = ops(repo, "b-1")
    assert (patient.kind, create.kind) == (K.CREATE_PATIENT, K.CREATE)
    assert first == create and create.depends_on == patient.id
    assert patient.idempotency_key not in ("key-b-1", "") and "Amelia" not in str(patient.payload)
    # the same patient, typed a little differently: waits for the same record
    second = book(repo, booking(2, name="amelia  HART", phone="+12125550100"))
    assert second.depends_on == patient.id and len(ops(repo)) == 3
    # another patient, or the same one on another connection: a record of their own
    other = book(repo, booking(3, name="Ben Hart"))
    repo.catalogs.add_connection(
        ConnectionRecord("conn-2", "Other", "vantax", "http://x/v1", {}, None)
    )
    elsewhere = book(repo, booking(4, connection_id="conn-2"))
    assert other.depends_on not in (None, patient.id)
    assert elsewhere.depends_on not in (None, patient.id, other.depends_on)
    # a connection whose API takes the patient inside the booking: just the create
    plain = repo.book(booking(5), K.CREATE, {}, "key-plain", "desk")
    assert plain.depends_on is None and len(ops(repo, "b-5")) == 1


def test_nothing_is_due_before_what_it_waits_for_is_done(repo: Repository) -> None:
    book(repo, booking(1))
    book(repo, booking(2))
    assert due(repo) == [("b-1", K.CREATE_PATIENT)]
    assert repo.outbox.next_due_at("conn-1") == ops(repo, "b-1")[0].next_attempt_at
    patient = ops(repo, "b-1")[0]
    later = datetime.now(UTC) + timedelta(minutes=5)
    repo.sending.retry_later(patient, later, "HTTP 503")
    assert due(repo, datetime.now(UTC)) == []
    # the waiting creates are not due before the record they wait for
    assert repo.outbox.next_due_at("conn-1") == later
    changed = repo.sending.patient_made(patient, "ct_1", None)
    assert changed == ["b-1", "b-2"]
    assert due(repo) == [("b-1", K.CREATE), ("b-2", K.CREATE)]
    for booking_id in ("b-1", "b-2"):
        stored = repo.booking(booking_id)
        assert stored is not None and stored.extra[PATIENT_REF] == "ct_1"
        assert "contact created" in [h[1] for h in repo.history(booking_id)]
    made = ops(repo, "b-1")[0]
    assert made.state is OperationState.DONE and made.payload[PATIENT_REF] == "ct_1"


def test_a_known_record_is_used_and_nothing_waits(repo: Repository) -> None:
    book(repo, booking(1))
    repo.sending.patient_made(ops(repo, "b-1")[0], "ct_1", None)
    later = book(repo, booking(2))
    assert later.depends_on is None and len(ops(repo, "b-2")) == 1
    stored = repo.booking("b-2")
    assert stored is not None and stored.extra[PATIENT_REF] == "ct_1"
    # a pulled booking carries its patient's record too
    pulled = booking(9, name="Jordan Lee", phone="+12125550142", remote_id="apt_9")
    repo.remote.merge_remote("conn-1", [pulled.with_changes(extra={PATIENT_REF: "ct_jl"})])
    desk = book(repo, booking(3, name="Jordan Lee", phone="+1 212 555 0142"))
    assert desk.depends_on is None
    stored = repo.booking("b-3")
    assert stored is not None and stored.extra[PATIENT_REF] == "ct_jl"


def test_a_refused_record_refuses_every_booking_waiting_unsent(repo: Repository) -> None:
    book(repo, booking(1))
    book(repo, booking(2))
    patient = ops(repo, "b-1")[0]
    with repo.db.write() as s:  # something queued behind the second create
        s.add(
            OutboxRow(
                booking_id="b-2",
                connection_id="conn-1",
                kind="set_status",
                payload={},
                idempotency_key="k-status",
                state="queued",
                attempts=0,
                next_attempt_at=T0,
                created_at=T0,
            )
        )
    reason = "the patient's VantaX contact was refused: Sub-account sub_x not found"
    changed = repo.sending.patient_refused(patient, "not_found", reason, "HTTP 404 not_found: ...")
    assert changed == ["b-1", "b-2"]
    assert (
        due(repo) == [] and repo.outbox.pending_count() == 0 and repo.outbox.next_due_at() is None
    )
    states = {(o.booking_id, o.kind): (o.state, o.attempts) for o in ops(repo)}
    assert states == {
        ("b-1", K.CREATE_PATIENT): (OperationState.FAILED, 0),
        ("b-1", K.CREATE): (OperationState.FAILED, 0),
        ("b-2", K.CREATE): (OperationState.FAILED, 0),
        ("b-2", K.SET_STATUS): (OperationState.WITHDRAWN, 0),
    }
    for booking_id in ("b-1", "b-2"):
        stored = repo.booking(booking_id)
        assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
        assert (stored.problem_code, stored.problem_message) == ("not_found", reason)
    assert [b.id for b in repo.needs_attention()] == ["b-1", "b-2"]
    # "send again" on a create that waited for the refused record sends the record again too
    create = ops(repo, "b-2")[0]
    repo.sending.requeue(create.id, "desk")
    assert due(repo) == [("b-1", K.CREATE_PATIENT)]


def test_a_rebook_after_a_refused_record_queues_a_new_one(repo: Repository) -> None:
    book(repo, booking(1))
    patient = ops(repo, "b-1")[0]
    repo.sending.patient_refused(patient, "not_found", "refused", "HTTP 404")
    stored = repo.booking("b-1")
    assert stored is not None
    moved = stored.with_changes(start=T0 + timedelta(days=1), sync_state=SyncState.PENCILLED)
    repo.changes.change_booking(moved, K.CREATE, "key-rebook", "desk", "moved", None, None, True)
    rebooked = [o for o in ops(repo, "b-1") if o.state is OperationState.QUEUED]
    assert [o.kind for o in rebooked] == [K.CREATE_PATIENT, K.CREATE]
    assert rebooked[1].depends_on == rebooked[0].id != patient.id


def cancel(repo: Repository, booking_id: str) -> None:
    stored = repo.booking(booking_id)
    assert stored is not None
    gone = stored.with_changes(visit_status=VisitStatus.CANCELLED)
    repo.changes.change_booking(gone, K.CANCEL, f"cancel-{booking_id}", "desk", "cancelled", None)


def test_cancelling_the_only_booking_waiting_withdraws_the_unsent_record(
    repo: Repository,
) -> None:
    book(repo, booking(1))
    cancel(repo, "b-1")
    assert {o.state for o in ops(repo)} == {OperationState.WITHDRAWN}
    assert repo.outbox.pending_count() == 0


def test_cancelling_one_booking_of_two_hands_the_record_to_the_other(repo: Repository) -> None:
    book(repo, booking(1))
    book(repo, booking(2))
    patient = ops(repo, "b-1")[0]
    cancel(repo, "b-1")
    kept = next(o for o in ops(repo) if o.id == patient.id)
    assert kept.state is OperationState.QUEUED and kept.booking_id == "b-2"
    assert due(repo) == [("b-2", K.CREATE_PATIENT)]
    # and the last booking waiting for it takes it along
    cancel(repo, "b-2")
    assert repo.outbox.pending_count() == 0


def test_a_record_that_may_have_been_made_is_left_to_finish(repo: Repository) -> None:
    book(repo, booking(1))
    patient = ops(repo, "b-1")[0]
    repo.sending.claim(patient.id, "desk-a", datetime.now(UTC))
    cancel(repo, "b-1")
    left = {o.kind: o.state for o in ops(repo, "b-1")}
    assert left == {K.CREATE_PATIENT: OperationState.QUEUED, K.CREATE: OperationState.WITHDRAWN}
    repo.sending.patient_made(patient, "ct_1", None)
    # the next booking of the patient uses it: the record is never made twice
    assert book(repo, booking(2)).depends_on is None


def test_an_import_shares_one_record_per_new_patient(repo: Repository) -> None:
    rows = [booking(1), booking(2), booking(3, name="Ben Hart")]
    assert repo.book_many(rows, "desk", "imported", patient_records=True) == 3
    kinds = [(o.booking_id, o.kind, o.depends_on) for o in ops(repo)]
    patients = [o.id for o in ops(repo) if o.kind is K.CREATE_PATIENT]
    assert len(patients) == 2
    assert kinds == [
        ("b-1", K.CREATE_PATIENT, None),
        ("b-1", K.CREATE, patients[0]),
        ("b-2", K.CREATE, patients[0]),
        ("b-3", K.CREATE_PATIENT, None),
        ("b-3", K.CREATE, patients[1]),
    ]


@contextmanager
def statements(repo: Repository) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def keep(_c: object, _cur: object, sql: str, params: Any, _ctx: object, _m: bool) -> None:
        seen.append((sql, params))

    event.listen(repo.db.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(repo.db.engine, "before_cursor_execute", keep)


def scans(repo: Repository, run: Callable[[], object]) -> list[str]:
    """The full table scans of outbox or bookings in the statements ``run`` executes."""
    with statements(repo) as seen:
        run()
    found: list[str] = []
    with repo.db.engine.connect() as conn:
        for sql, params in seen:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
            found.extend(
                f"{row[-1]}: {sql}"
                for row in plan
                if row[-1].startswith(("SCAN outbox", "SCAN bookings"))
            )
    return found


def test_dependency_queries_use_indexes_over_a_long_history(repo: Repository) -> None:
    """Only queued operations are read (the state index), the operation waited for by its
    primary key, a patient's earlier bookings by phone; never the outbox's whole history.
    (The cache never runs ANALYZE, so SQLite plans as it does here.)"""
    if repo.db.shared:
        pytest.skip("SQLite's query plans; PostgreSQL plans by its own statistics")
    with repo.db.write() as s:  # a busy outbox's history: done operations of many bookings
        s.execute(
            text(
                "INSERT INTO bookings (id, connection_id, service_id, resource_id, start, end, "
                "patient_name, patient_phone, visit_status, sync_state, version, extra, "
                "created_at, updated_at) VALUES ('old', 'conn-1', 's', 'r', "
                "'2026-01-01 00:00:00.000000', '2026-01-01 00:30:00.000000', 'Old', '+1', "
                "'booked', 'confirmed', 1, '{}', '2026-01-01 00:00:00.000000', "
                "'2026-01-01 00:00:00.000000')"
            )
        )
        s.execute(
            text(
                "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 20000) "
                "INSERT INTO outbox (booking_id, connection_id, kind, payload, idempotency_key, "
                "state, attempts, next_attempt_at, created_at) "
                "SELECT 'old', 'conn-1', 'create', '{}', 'old-' || v, 'done', 1, "
                "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000' FROM n"
            )
        )
    assert scans(repo, lambda: book(repo, booking(1))) == []
    assert scans(repo, lambda: book(repo, booking(2))) == []
    assert scans(repo, lambda: repo.outbox.due_operations("conn-1", LATER)) == []
    assert scans(repo, lambda: repo.outbox.next_due_at("conn-1")) == []
    patient = ops(repo, "b-1")[0]
    assert scans(repo, lambda: cancel(repo, "b-1")) == []
    assert scans(repo, lambda: repo.sending.patient_made(patient, "ct_1", None)) == []
    assert scans(repo, lambda: book(repo, booking(3, name="Ben Hart"))) == []
    refused = ops(repo, "b-3")[0]
    assert scans(repo, lambda: repo.sending.patient_refused(refused, "x", "x", "x")) == []
