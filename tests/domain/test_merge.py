"""The three-way merge of a pulled booking into the cached one (domain.merge)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.merge import CLASH_CODE, merge, snapshot, theirs_applied
from frontdesk.domain.outbox import OperationKind

T0 = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
MOVE, STATUS = [OperationKind.RESCHEDULE], [OperationKind.SET_STATUS]


def base_booking(**kw: object) -> Booking:
    b = Booking(
        id="b-1",
        connection_id="c",
        service_id="svc",
        resource_id="dr-a",
        start=T0,
        end=T0 + timedelta(minutes=30),
        patient_name="P",
        patient_phone="+442079460000",
        patient_email="p@example.org",
        remote_id="r-1",
        sync_state=SyncState.CONFIRMED,
    )
    return b.with_changes(**kw)


def moved(b: Booking, hours: float) -> Booking:
    return b.with_changes(
        start=T0 + timedelta(hours=hours), end=T0 + timedelta(hours=hours, minutes=30)
    )


def test_each_side_changing_a_different_part_is_no_clash() -> None:
    base = base_booking()
    ours = moved(base, 2).with_changes(sync_state=SyncState.PENCILLED)  # desk moved it
    theirs = base.with_changes(patient_phone="+442079460999")  # remote fixed the phone
    result = merge(ours, snapshot(base), theirs, MOVE)
    assert result.clashes == ()
    assert result.taken == ("phone",)
    got = result.booking
    assert got.start == T0 + timedelta(hours=2)  # ours kept
    assert got.patient_phone == "+442079460999"  # theirs taken
    assert got.sync_state is SyncState.PENCILLED  # the move is still owed


def test_both_sides_moving_it_differently_is_a_clash() -> None:
    base = base_booking()
    ours = moved(base, 2).with_changes(sync_state=SyncState.PENCILLED)
    theirs = moved(base, 3)
    result = merge(ours, snapshot(base), theirs, MOVE)
    assert result.clashes == ("time",)
    got = result.booking
    assert got.start == ours.start  # nothing of ours is lost
    assert (got.sync_state, got.problem_code) == (SyncState.NEEDS_ATTENTION, CLASH_CODE)
    assert got.problem_message is not None and "time" in got.problem_message


def test_the_same_change_on_both_sides_is_no_clash() -> None:
    base = base_booking()
    ours = moved(base, 2)
    result = merge(ours, snapshot(base), moved(base, 2), MOVE)
    assert result.clashes == () and result.taken == ()


def test_a_remote_cancel_of_a_booking_the_desk_moved_is_a_clash() -> None:
    base = base_booking()
    ours = moved(base, 2)
    theirs = base.with_changes(visit_status=VisitStatus.CANCELLED)
    result = merge(ours, snapshot(base), theirs, MOVE)
    assert result.clashes == ("status",)
    assert result.booking.visit_status is VisitStatus.BOOKED


def test_a_remote_move_of_a_booking_the_desk_marked_arrived_is_taken() -> None:
    base = base_booking()
    ours = base.with_changes(visit_status=VisitStatus.ARRIVED)
    theirs = moved(base, 1)
    result = merge(ours, snapshot(base), theirs, STATUS)
    assert result.clashes == ()
    assert result.booking.visit_status is VisitStatus.ARRIVED
    assert result.booking.start == theirs.start


def test_nothing_pending_takes_the_remote_but_keeps_what_it_cannot_say() -> None:
    base = base_booking()
    ours = base.with_changes(visit_status=VisitStatus.ARRIVED, notes="desk note")
    theirs = moved(base, 1).with_changes(patient_email=None)  # this API returns no email
    got = merge(ours, snapshot(base), theirs, []).booking
    assert got.start == theirs.start
    assert got.visit_status is VisitStatus.ARRIVED  # "booked" does not undo "arrived"
    assert got.patient_email == "p@example.org"  # not said is not erased
    assert got.notes == "desk note"


def test_without_a_base_the_parts_queued_operations_carry_stay_ours() -> None:
    base = base_booking()
    ours = moved(base, 2)
    theirs = moved(base, 3).with_changes(patient_name="P. Smith")
    result = merge(ours, None, theirs, MOVE)
    assert result.clashes == ()
    assert result.booking.start == ours.start
    assert result.booking.patient_name == "P. Smith"


def test_a_held_clash_stays_until_both_sides_agree() -> None:
    base = base_booking()
    ours = moved(base, 2).with_changes(
        sync_state=SyncState.NEEDS_ATTENTION, problem_code=CLASH_CODE, problem_message="x"
    )
    theirs = moved(base, 3)
    still = merge(ours, snapshot(theirs), theirs, MOVE, held=("time",))
    assert still.clashes == ("time",)
    agreed = merge(ours, snapshot(theirs), moved(base, 2), MOVE, held=("time",))
    assert agreed.clashes == ()
    assert (agreed.booking.problem_code, agreed.booking.sync_state) == (None, SyncState.PENCILLED)


def test_taking_theirs_writes_the_remote_view_of_the_named_parts() -> None:
    base = base_booking()
    ours = moved(base, 2).with_changes(patient_phone="+442079460111")
    theirs = moved(base, 3)
    got = theirs_applied(ours, snapshot(theirs), {"time"})
    assert got.start == theirs.start and got.end == theirs.end
    assert got.patient_phone == "+442079460111"  # a part not named stays ours


def test_a_remote_that_can_only_say_booked_never_clashes_with_desk_statuses() -> None:
    base = base_booking(visit_status=VisitStatus.ARRIVED)  # acknowledged as arrived
    ours = base.with_changes(visit_status=VisitStatus.COMPLETED)  # completion queued
    theirs = base_booking()  # the API has no "arrived": it says booked
    result = merge(ours, snapshot(base), theirs, STATUS)
    assert result.clashes == ()
    assert result.booking.visit_status is VisitStatus.COMPLETED


def test_the_session_the_remote_assigns_follows_an_unchanged_time() -> None:
    base = base_booking()
    ours = base.with_changes(visit_status=VisitStatus.ARRIVED)
    theirs = base.with_changes(session="Morning", batch="MA")
    result = merge(ours, snapshot(base), theirs, STATUS)
    assert result.clashes == ()
    assert (result.booking.session, result.booking.batch) == ("Morning", "MA")
