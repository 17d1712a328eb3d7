"""HuskyVoice test helpers: many check-ups queued into the sandbox's default clinic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from datetime import time as clock_time

from frontdesk.app.context import AppContext
from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc

CHECKUP = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
BRANCHES = ("branch_uuid_here", "branch_north")
HOURS = (9, 10, 11, 14, 15, 16)


def queue_checkups(
    ctx: AppContext, connection_id: str, count: int, prefix: str, name: str
) -> list[str]:
    """Queue ``count`` check-up creates from the day after tomorrow (one patient each, ids
    ``prefix-N``, Sundays skipped); returns the patients' phones."""
    phones: list[str] = []
    day = datetime.now(UTC).date() + timedelta(days=2)
    while len(phones) < count:
        day += timedelta(days=1)
        if day.weekday() == 6:
            continue
        for branch in BRANCHES:
            for hour in HOURS:
                if len(phones) >= count:
                    return phones
                start = local_to_utc(day, clock_time(hour, 0), "Europe/London").instant
                phone = f"+4420794{len(phones):05d}"
                booking = Booking(
                    id=f"{prefix}-{len(phones)}",
                    connection_id=connection_id,
                    service_id=CHECKUP,
                    resource_id=branch,
                    start=start,
                    end=start + timedelta(minutes=30),
                    patient_name=name,
                    patient_phone=phone,
                )
                ctx.repo.book(booking, OperationKind.CREATE, {}, f"key-{phone}", prefix)
                phones.append(phone)
    return phones
