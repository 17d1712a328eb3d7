"""The booking loop the audit trail's kill -9 drill kills (run as a script).

``python audit_drill.py PROFILE FIRST GAP`` (the staff member's name and PIN on standard input,
one line each) signs in and books check-ups through ``BookingService.book`` one after another,
from slot ``FIRST`` on, printing ``booked ID`` once each booking is committed. ``GAP`` > 0 is the
negative control: each booking is written without its audit line, which follows in a
transaction of its own ``GAP`` seconds later, as a trail written beside (not with) the change
would be."""

from __future__ import annotations

import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.audit import AuditEvent
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc

CHECKUP = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
BRANCHES = ("branch_uuid_here", "branch_north")
HOURS = (9, 10, 11, 14, 15, 16)


def slot(index: int) -> tuple[datetime, str]:
    """The ``index``-th check-up slot from the day after tomorrow (Sundays skipped)."""
    per_day = len(BRANCHES) * len(HOURS)
    day = datetime.now(UTC).date() + timedelta(days=2)
    days = index // per_day
    while days:
        day += timedelta(days=1)
        if day.weekday() != 6:
            days -= 1
    if day.weekday() == 6:
        day += timedelta(days=1)
    hour, branch = divmod(index % per_day, len(BRANCHES))
    start = local_to_utc(day, clock_time(HOURS[hour], 0), "Europe/London").instant
    return start, BRANCHES[branch]


def main(profile: Path, first: int, gap: float) -> None:
    name, pin = sys.stdin.readline().strip(), sys.stdin.readline().strip()
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    ctx.staff.require_sign_in()
    ctx.staff.sign_in(name, pin)
    connection = ctx.connections()[0].id
    index = first
    while True:
        start, branch = slot(index)
        request = BookingRequest(
            connection_id=connection,
            service_id=CHECKUP,
            resource_id=branch,
            start=start,
            patient_name="Drill Patient",
            patient_phone=f"+4420794{index:05d}",
        )
        if gap <= 0:
            booking = ctx.booking.book(request)
            print(f"booked {booking.id}", flush=True)
        else:  # the negative control: the line in a transaction of its own, later
            booking = ctx.booking.draft(request)
            entry = ctx.booking.audit_entry(AuditEvent.BOOKED, None, booking)
            ctx.repo.book(booking, OperationKind.CREATE, {}, str(uuid.uuid4()), "drill")
            print(f"booked {booking.id}", flush=True)
            time.sleep(gap)
            ctx.repo.audit.record(entry)
        index += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]))
