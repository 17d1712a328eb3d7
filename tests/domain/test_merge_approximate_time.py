"""A remote that knows a booking's time only as a span (a date and a session: HuskyVoice):
the desk's own start inside that span is no change (domain.merge, domain.booking)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.domain.booking import (
    APPROXIMATE_TIME,
    Booking,
    SyncState,
    approximate_time,
    time_span,
)
from frontdesk.domain.merge import merge, snapshot
from frontdesk.domain.outbox import OperationKind

MORNING = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)  # a window 09:00-12:00
AFTERNOON = datetime(2027, 3, 10, 14, 0, tzinfo=UTC)  # a window 14:00-17:00
MOVE = [OperationKind.RESCHEDULE]


def span(opens: datetime, label: str) -> dict[str, str]:
    return {
        "at": opens.isoformat(),
        "from": opens.isoformat(),
        "to": (opens + timedelta(hours=3)).isoformat(),
        "label": label,
    }


def desk(start: datetime, **kw: object) -> Booking:
    b = Booking(
        id="b-1",
        connection_id="c",
        service_id="svc",
        resource_id="branch",
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="P",
        patient_phone="+442079460000",
        remote_id="r-1",
        session="Morning",
        sync_state=SyncState.CONFIRMED,
    )
    return b.with_changes(**kw)


def pulled(opens: datetime, label: str, session: str) -> Booking:
    """The remote's record: placed at its window's start, the span in ``extra``."""
    return desk(opens, session=session, batch="MA", extra={APPROXIMATE_TIME: span(opens, label)})


def test_the_span_and_whether_the_time_is_only_approximate() -> None:
    remote = pulled(MORNING, "Morning session", "Morning")
    found = time_span(remote)
    assert found is not None
    assert (found.start, found.end, found.at, found.label) == (
        MORNING,
        MORNING + timedelta(hours=3),
        MORNING,
        "Morning session",
    )
    assert approximate_time(remote) == found
    assert approximate_time(remote.with_changes(start=MORNING + timedelta(minutes=30))) is None
    assert time_span(desk(MORNING)) is None
    assert time_span(desk(MORNING, extra={APPROXIMATE_TIME: {"from": "soon"}})) is None


def test_a_desk_start_inside_the_span_stands_and_is_known() -> None:
    ours = desk(MORNING + timedelta(minutes=30))
    result = merge(ours, snapshot(ours), pulled(MORNING, "Morning session", "Morning"), [])
    got = result.booking
    assert result.taken == () and result.clashes == ()
    assert got.start == ours.start and got.batch == "MA"  # the remote's batch is taken
    assert APPROXIMATE_TIME not in got.extra and approximate_time(got) is None


def test_a_desk_start_at_the_windows_start_is_known_too() -> None:
    ours = desk(MORNING)
    got = merge(ours, snapshot(ours), pulled(MORNING, "Morning session", "Morning"), []).booking
    assert approximate_time(got) is None


def test_a_move_to_another_session_there_is_taken() -> None:
    ours = desk(MORNING + timedelta(minutes=30))
    theirs = pulled(AFTERNOON, "Afternoon session", "Afternoon")
    result = merge(ours, snapshot(ours), theirs, [])
    assert result.taken == ("time",)
    got = result.booking
    assert (got.start, got.session) == (AFTERNOON, "Afternoon")
    found = approximate_time(got)
    assert found is not None and found.label == "Afternoon session"


def test_a_pulled_booking_stays_approximate_from_pull_to_pull() -> None:
    first = pulled(MORNING, "Morning session", "Morning")
    result = merge(first, snapshot(first), pulled(MORNING, "Morning session", "Morning"), [])
    assert result.taken == () and approximate_time(result.booking) is not None


def test_a_desk_move_is_not_undone_by_a_pull_that_only_knows_the_old_session() -> None:
    """Synced at 09:30 (the base: the desk's own start), moved to 15:30 at the desk (queued);
    the pull still says "Morning": only the desk changed the time."""
    base = desk(MORNING + timedelta(minutes=30))
    ours = desk(AFTERNOON + timedelta(minutes=90), sync_state=SyncState.PENCILLED)
    result = merge(ours, snapshot(base), pulled(MORNING, "Morning session", "Morning"), MOVE)
    assert result.clashes == () and result.taken == ()
    assert result.booking.start == ours.start
    # and when the base is itself an earlier pull's placeholder
    placeholder = pulled(MORNING, "Morning session", "Morning")
    result = merge(ours, snapshot(placeholder), placeholder, MOVE)
    assert result.clashes == () and result.booking.start == ours.start


def test_both_sides_moving_it_to_different_sessions_is_a_clash() -> None:
    base = desk(MORNING + timedelta(minutes=30))
    ours = desk(MORNING + timedelta(hours=2), sync_state=SyncState.PENCILLED)  # 11:00
    theirs = pulled(AFTERNOON, "Afternoon session", "Afternoon")
    result = merge(ours, snapshot(base), theirs, MOVE)
    assert result.clashes == ("time",)
    assert result.booking.start == ours.start
    assert APPROXIMATE_TIME in result.booking.extra  # what the remote said stays readable
