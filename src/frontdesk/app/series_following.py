"""Changing an occurrence of a series together with the later ones ("this and the
following"): a move shifts each by the same amount on the clinic's clock (days and wall time,
so a shift across a daylight-saving change keeps the local times), a cancel cancels each. Each
is judged by the rules first, the moving occurrences at their new times; any refusal refuses
the whole change (:class:`~frontdesk.app.series.SeriesRefused` lists each), and the changes are
written in one transaction (``SeriesStore.change``) with their audit lines.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.app.booking import Change
from frontdesk.app.booking_checks import BookingRefused, refusal
from frontdesk.app.series import SeriesRefused, following, guarded, patient_records, series_of
from frontdesk.domain.audit import AuditEvent
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import iso_utc, local_to_utc, to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.storage.series import BookingChange

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


def shifted(start: datetime, old: datetime, new: datetime, zone: str) -> datetime:
    """``start`` moved by the shift from ``old`` to ``new`` on the clinic's clock (days and wall
    time, so a move across a daylight-saving change keeps the local times)."""
    wall = to_local(start, zone).replace(tzinfo=None)
    delta = to_local(new, zone).replace(tzinfo=None) - to_local(old, zone).replace(tzinfo=None)
    moved = wall + delta
    return local_to_utc(moved.date(), moved.time(), zone).instant


def check_following(
    context: AppContext,
    booking_id: str,
    start: datetime,
    resource_id: str | None = None,
    now: datetime | None = None,
) -> list[tuple[Booking, datetime, list[Verdict]]]:
    """Each of "this and the following" with its new start and the errors of its move, each
    judged among the cached bookings with the series' moving occurrences at their new times
    (a weekly series moved by a week does not collide with itself)."""
    service = context.booking
    zone = context.clinic_zone
    when = now or utc_now()
    bookings = following(context, booking_id)
    if not bookings:
        raise BookingRefused(
            [refusal("NOT_IN_SERIES", translate("Series", "This appointment is in no series."))]
        )
    first = bookings[0]
    targets = [shifted(b.start, first.start, start, zone) for b in bookings]
    drafts = [service.moved(b, t, resource_id) for b, t in zip(bookings, targets, strict=True)]
    moving = {b.id for b in bookings}

    def between(lo: datetime, hi: datetime, cid: str | None) -> list[Booking]:
        kept = [b for b in context.repo.bookings_between(lo, hi, cid) if b.id not in moving]
        return kept + [
            d for d in drafts if lo <= d.start < hi and (cid is None or d.connection_id == cid)
        ]

    judged = []
    for b, target, draft in zip(bookings, targets, drafts, strict=True):
        errors = [
            v
            for v in service.check_reschedule(b.id, target, resource_id, when)
            if v.code in ("NOT_MOVABLE", "OUTCOME_UNKNOWN", "NO_CONNECTION")
        ]
        if not errors:
            catalog = service.catalog_for(b.connection_id, target)
            verdicts = service._judge(draft, catalog, when, between)
            errors = [v for v in verdicts if v.severity is Severity.ERROR]
        judged.append((b, target, errors))
    return judged


def move_following(
    context: AppContext,
    booking_id: str,
    start: datetime,
    resource_id: str | None = None,
    now: datetime | None = None,
) -> Change:
    """Move this occurrence to ``start`` and each later one by the same shift, all together or
    not at all (:class:`SeriesRefused` lists each refused occurrence)."""
    service = context.booking
    when = now or utc_now()
    judged = check_following(context, booking_id, start, resource_id, when)
    refusals = [(target, errors) for _, target, errors in judged if errors]
    if refusals:
        raise SeriesRefused(refusals)
    changes: list[BookingChange] = []
    for b, target, _ in judged:
        draft = service.moved(b, target, resource_id).with_changes(
            sync_state=SyncState.PENCILLED, problem_code=None, problem_message=None
        )
        kind = OperationKind.RESCHEDULE if service.remote_may_hold(b) else OperationKind.CREATE
        detail = f"to {iso_utc(target)}, with the following of its series"
        audit = service.audit_entry(AuditEvent.MOVED, b, draft, detail)
        guard = guarded(context, draft, when)
        key = str(uuid.uuid4())
        changes.append(BookingChange(b.version, draft, kind, key, "moved", detail, guard, audit))
    if judged and judged[0][1] > judged[0][0].start:  # later: the last moves out of the way first
        changes.reverse()
    return _write(context, changes, booking_id)


def cancel_following(
    context: AppContext, booking_id: str, reason: str = "", now: datetime | None = None
) -> Change:
    """Cancel this occurrence and the later ones of its series, all or none."""
    service = context.booking
    bookings = following(context, booking_id)
    if not bookings:
        raise BookingRefused(
            [refusal("NOT_IN_SERIES", translate("Series", "This appointment is in no series."))]
        )
    refusals = [(b.start, service.check_cancel(b.id, now)) for b in bookings]
    refused = [(start, errors) for start, errors in refusals if errors]
    if refused:
        raise SeriesRefused(refused)
    detail = (reason.strip() + "; " if reason.strip() else "") + "with the following of its series"
    changes: list[BookingChange] = []
    for b in bookings:
        draft = b.with_changes(
            visit_status=VisitStatus.CANCELLED, problem_code=None, problem_message=None
        )
        if service.remote_may_hold(b):
            draft = draft.with_changes(sync_state=SyncState.PENCILLED)
        audit = service.audit_entry(AuditEvent.CANCELLED, b, draft, detail)
        key = str(uuid.uuid4())
        changes.append(
            BookingChange(
                b.version, draft, OperationKind.CANCEL, key, "cancelled", detail, None, audit
            )
        )
    return _write(context, changes, booking_id)


def _write(context: AppContext, changes: list[BookingChange], booking_id: str) -> Change:
    from frontdesk.app.booking_checks import changed_elsewhere
    from frontdesk.storage.repo import StaleBooking

    records = patient_records(context, changes[0].after.connection_id)
    try:
        plans = context.repo.series.change(
            changes, changes[0].audit.actor.label, patient_records=records
        )
    except StaleBooking as exc:
        raise changed_elsewhere() from exc
    mine = next(i for i, c in enumerate(changes) if c.after.id == booking_id)
    first = changes[mine].after
    return Change(context.reads.booking(first.id) or first, plans[mine])


def changed_ids(context: AppContext, booking_id: str) -> list[str]:
    """The ids a change of "this and the following" touched (for the window's record)."""
    info = series_of(context, booking_id)
    if info is None:
        return [booking_id]
    return list(info.booking_ids[info.booking_ids.index(booking_id) :])
