"""Status marks make sense in time, on the clinic's clock: arrived only on the day, completed
and no-show only once the appointment has started; anything else explains itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.app.booking_checks import status_timing
from frontdesk.domain.booking import Booking, VisitStatus

# 23:30 in Kolkata on Tuesday, 18:00 UTC: the clinic's day, not the computer's, decides
START = datetime(2027, 6, 15, 18, 0, tzinfo=UTC)
ZONE = "Asia/Kolkata"
BOOKING = Booking(
    id="b", connection_id="c", service_id="s", resource_id="r", start=START,
    end=START + timedelta(minutes=20), patient_name="A", patient_phone="+442079460001",
)  # fmt: skip


@pytest.mark.parametrize(
    ("status", "now", "code"),
    [
        (VisitStatus.ARRIVED, START - timedelta(hours=3), None),  # 20:30 the same evening
        (VisitStatus.ARRIVED, START - timedelta(days=1), "NOT_TODAY"),
        (VisitStatus.ARRIVED, START + timedelta(hours=1), "NOT_TODAY"),  # 00:30, the next day
        (VisitStatus.COMPLETED, START - timedelta(minutes=1), "NOT_STARTED"),
        (VisitStatus.COMPLETED, START, None),
        (VisitStatus.NO_SHOW, START - timedelta(hours=2), "NOT_STARTED"),
        (VisitStatus.NO_SHOW, START + timedelta(minutes=10), None),
        (VisitStatus.BOOKED, START - timedelta(days=9), None),  # an undo is always possible
    ],
)
def test_marks_follow_the_clinics_clock(
    status: VisitStatus, now: datetime, code: str | None
) -> None:
    verdicts = status_timing(BOOKING, status, now, ZONE)
    assert [v.code for v in verdicts] == ([code] if code else [])
    for verdict in verdicts:
        assert verdict.field == "start" and verdict.message
        assert "23:30" in verdict.message or "Tuesday 15 June" in verdict.message
