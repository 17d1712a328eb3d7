"""A plain cached booking for storage tests: ``b-N`` of connection ``conn-1``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.domain.booking import Booking

T0 = datetime(2027, 6, 15, 8, 30, tzinfo=UTC)


def booking(n: int, start: datetime = T0, **kw: object) -> Booking:
    """``b-N`` at ``start`` for half an hour; ``kw`` sets or overrides any other field."""
    fields: dict[str, object] = {
        "id": f"b-{n}",
        "connection_id": "conn-1",
        "service_id": "svc",
        "resource_id": "res",
        "start": start,
        "end": start + timedelta(minutes=30),
        "patient_name": "P",
        "patient_phone": "+442079460000",
    }
    return Booking(**{**fields, **kw})  # type: ignore[arg-type]
