"""How the meetergo connector words what it learnt from an answer: a booking now confirmed,
provisional, moved or cancelled, and a refusal (docs/providers.md, "meetergo", "Errors").

Owns the classification of a 4xx: the documented error body's words (or the status when the
body cannot be read), and which refusals pause the connection (a refused key, the documented
"Missing required header 'x-meetergo-api-user-id'" — in plain words, the API user id is
missing — and a 403 about that header) rather than refuse one booking.
"""

from __future__ import annotations

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import Refused
from frontdesk.providers.http import Answer, BadAnswer
from frontdesk.providers.meetergo import mapping
from frontdesk.providers.meetergo.reads import USER_HEADER, missing_user
from frontdesk.providers.meetergo.wire import MgAppointment, MgError, MgRescheduled


def provisional(booking: Booking, pid: str, kind: str | None) -> Booking:
    extra = {**booking.extra, "provisional_booking_id": pid, "booking_type": kind}
    return booking.with_changes(
        sync_state=SyncState.AWAITING_CONFIRMATION,
        extra=extra,
        problem_code=None,
        problem_message=None,
    )


def moved(answer: Answer, booking: Booking, connection_id: str) -> Booking:
    """A 2xx reschedule: the appointment as answered (``{"appointment": {...}}``), else
    the time that was asked for."""
    moved = booking.with_changes(
        sync_state=SyncState.CONFIRMED, problem_code=None, problem_message=None
    )
    try:
        data = answer.json()
        record = (
            MgRescheduled.model_validate(data).appointment
            if isinstance(data, dict) and "appointment" in data
            else MgAppointment.model_validate(data)
        )
        (remote,) = mapping.bookings_from_record(record, connection_id)[:1]
    except (BadAnswer, ValueError):
        return moved
    return moved.with_changes(start=remote.start, end=remote.end)


def refused(status: int, body: MgError | None) -> Refused:
    """A 4xx: the documented body's words, or the status when it cannot be read. A
    missing user id, a refused key and a 403 about the user header pause the
    connection; any other 403 ("Insufficient permissions") refuses this booking only."""
    if body is None:
        message = f"meetergo refused this (HTTP {status}) with an answer FrontDesk cannot read"
        return Refused(Verdict(status, f"HTTP {status}", message), credentials=status == 401)
    if missing_user(body):
        message = (
            "the API user id is missing: set the connection's API user id "
            f"({USER_HEADER}) to a meetergo user of the company"
        )
        return Refused(Verdict(status, body.error, message), credentials=True)
    field = body.errors[0].field if body.errors else None
    verdict = Verdict(
        status=status,
        code=body.error,
        message=body.text,
        field=mapping.WIRE_TO_FIELD.get(field, field) if field else None,
    )
    credentials = status == 401 or (status == 403 and USER_HEADER in body.text)
    return Refused(verdict, credentials=credentials)


def confirmed(booking: Booking, remote: Booking) -> Booking:
    return booking.with_changes(
        remote_id=remote.remote_id,
        resource_id=remote.resource_id or booking.resource_id,
        start=remote.start,
        end=remote.end,
        visit_status=remote.visit_status,
        sync_state=SyncState.CONFIRMED,
        problem_code=None,
        problem_message=None,
        extra={**booking.extra, **remote.extra},
    )


def cancelled(booking: Booking) -> Booking:
    return booking.with_changes(
        visit_status=VisitStatus.CANCELLED,
        sync_state=SyncState.CONFIRMED,
        problem_code=None,
        problem_message=None,
    )
