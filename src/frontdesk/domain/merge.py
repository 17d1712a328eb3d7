"""Merging a pulled booking into the cached one, field by field (a three-way merge).

The cache keeps, per booking, the remote system's last known view of it (its *base*: what the
last pull showed or the last acknowledged change left). A pull then tells, for each part of a
booking, who changed it since: the remote (its value moved away from the base), the desk (ours
did), both, or neither. One side's change is taken; the same change on both sides is no
conflict; different changes to the same part are a **clash**, which a person settles: keep the
desk's version (its queued changes go out) or take the remote's.

The parts are: the time (its start and end; the session and batch the remote put it in go
with it), the column, the service, each patient detail, and the visit status. Three
refinements: a remote that does not return a detail (an email left out) has not erased it; a
remote that can only say "booked" has not undone the desk's "arrived" (or completed, no-show);
and a remote cancellation of a booking the desk has moved or changed is a clash, not a silent
cancel.

Without a base (a row cached before bases were kept) the parts the queued operations carry
stay ours and the rest is taken from the remote, and nothing is called a clash.

A remote that knows a booking's time only as a span (a date and a session: HuskyVoice) puts
that span in the pulled booking (``APPROXIMATE_TIME``); a start of the desk's own inside the
span is then no change, on either side of the comparison.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from frontdesk.domain.booking import (
    APPROXIMATE_TIME,
    Booking,
    SyncState,
    TimeSpan,
    VisitStatus,
    approximate_time,
    time_span,
)
from frontdesk.domain.outbox import OperationKind

CLASH_CODE = "CLASH"

# Each part of a booking that a merge takes whole from one side, and the fields it spans.
PARTS: dict[str, tuple[str, ...]] = {
    "time": ("start", "end", "session", "batch"),
    "column": ("resource_id",),
    "service": ("service_id",),
    "name": ("patient_name",),
    "phone": ("patient_phone",),
    "email": ("patient_email",),
    "status": ("visit_status",),
}
PART_WORDS = {
    "time": "time",
    "column": "provider or room",
    "service": "service",
    "name": "patient name",
    "phone": "phone",
    "email": "email",
    "status": "status",
}
# What each queued operation sends: those parts are the desk's until it is acknowledged.
CARRIED: dict[OperationKind, frozenset[str]] = {
    OperationKind.CREATE: frozenset(PARTS),
    OperationKind.RESCHEDULE: frozenset({"time", "column"}),
    OperationKind.CANCEL: frozenset({"status"}),
    OperationKind.SET_STATUS: frozenset({"status"}),
    OperationKind.CREATE_PATIENT: frozenset({"name", "phone", "email"}),
}
# Visit statuses only the desk knows; a remote saying "booked" does not undo them.
DESK_ONLY_STATUSES = frozenset({VisitStatus.ARRIVED, VisitStatus.COMPLETED, VisitStatus.NO_SHOW})

Snapshot = dict[str, Any]


def snapshot(booking: Booking) -> Snapshot:
    """The mergeable parts of ``booking`` as JSON-able values (what is stored as a base)."""
    return {part: [_plain(getattr(booking, n)) for n in names] for part, names in PARTS.items()}


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, VisitStatus):
        return value.value
    return value


def _values(snap: Mapping[str, Any], part: str) -> list[object]:
    return list(snap.get(part) or [])


def _compared(snap: Mapping[str, Any], part: str) -> list[object]:
    """What tells whether a part changed: the time is its start and end (the session and
    batch follow from it, as the remote assigns them)."""
    values = _values(snap, part)
    return values[:2] if part == "time" else values


@dataclass(frozen=True, slots=True)
class Merged:
    """The booking after a merge, the parts taken from the remote, and the clashes."""

    booking: Booking
    taken: tuple[str, ...]
    clashes: tuple[str, ...]


def merge(
    local: Booking,
    base: Mapping[str, Any] | None,
    remote: Booking,
    pending: Collection[OperationKind],
    held: Collection[str] = (),
) -> Merged:
    """``remote`` merged into ``local`` given the remote's earlier view ``base``.

    ``pending`` are the kinds of the booking's queued operations; ``held`` the parts already in
    a clash not yet settled (they stay ours, and stay a clash while the two sides differ).
    With nothing pending and no clash the remote's version wins every part it says.
    """
    ours, theirs = snapshot(local), snapshot(remote)
    if remote.patient_email is None:  # not said is not erased
        theirs["email"] = ours["email"]
    if remote.visit_status is VisitStatus.BOOKED and local.visit_status in DESK_ONLY_STATUSES:
        theirs["status"] = ours["status"]  # the API cannot say "arrived": not said either
    span = time_span(remote)
    kept_ours = False  # the desk's own start lies in the remote's span: it stands, known
    if span is not None:
        kept_ours, base = _within_span(ours, theirs, base, span, approximate_time(local) is None)
    carried = frozenset().union(*(carried_by(kind) for kind in pending))
    taken: list[str] = []
    clashes: list[str] = []
    for part in PARTS:
        mine, yours = _compared(ours, part), _compared(theirs, part)
        if mine == yours:
            continue
        if part in held:
            clashes.append(part)
            continue
        if not pending:
            taken.append(part)
            continue
        if base is None:
            if part not in carried:
                taken.append(part)
            continue
        was = _compared(base, part)
        if yours == was:
            continue  # only the desk changed it
        if mine == was:
            taken.append(part)  # only the remote changed it
        else:
            clashes.append(part)
    if "status" in taken and remote.visit_status is VisitStatus.CANCELLED and pending:
        # cancelled there while the desk changed it here: a person decides
        changed_here = base is None or any(
            _compared(ours, p) != _compared(base, p) for p in PARTS if p != "status"
        )
        if changed_here and local.visit_status is not VisitStatus.CANCELLED:
            taken.remove("status")
            clashes.append("status")
    merged = local
    for part in taken:
        merged = merged.with_changes(**{name: getattr(remote, name) for name in PARTS[part]})
    if "time" not in clashes and _values(ours, "time")[:2] == _values(theirs, "time")[:2]:
        # the same time: the session and batch the remote put it in are the remote's to say
        merged = merged.with_changes(
            session=remote.session or local.session, batch=remote.batch or local.batch
        )
    if remote.patient_email is None:
        merged = merged.with_changes(patient_email=local.patient_email)
    extra = {**local.extra, **remote.extra}
    if kept_ours and "time" not in clashes:
        extra.pop(APPROXIMATE_TIME, None)  # the desk's start stands: the time is known
    merged = merged.with_changes(remote_id=remote.remote_id or local.remote_id, extra=extra)
    if clashes:
        merged = merged.with_changes(
            sync_state=SyncState.NEEDS_ATTENTION,
            problem_code=CLASH_CODE,
            problem_message=clash_message(clashes),
        )
    elif not pending:
        merged = merged.with_changes(
            sync_state=remote.sync_state,
            problem_code=remote.problem_code,
            problem_message=remote.problem_message,
        )
    elif local.problem_code == CLASH_CODE:  # the two sides agree again
        merged = merged.with_changes(
            sync_state=SyncState.PENCILLED, problem_code=None, problem_message=None
        )
    return Merged(merged, tuple(taken), tuple(clashes))


def _within_span(
    ours: Snapshot,
    theirs: Snapshot,
    base: Mapping[str, Any] | None,
    span: TimeSpan,
    known: bool,
) -> tuple[bool, Mapping[str, Any] | None]:
    """Where the remote gives only a span: a known start of ours inside it is the remote's
    time too (``theirs`` takes it, keeping the remote's session and batch), and a base whose
    start lies inside it is what the remote still says (the base takes the remote's time).
    Returns whether ours was kept so, and the base to compare with."""
    kept = known and span.holds(_instant(_values(ours, "time")[0]))
    if kept:
        theirs["time"] = _values(ours, "time")[:2] + _values(theirs, "time")[2:]
    if base is None:
        return kept, None
    was = _values(base, "time")
    if was and span.holds(_instant(was[0])):
        return kept, {**base, "time": theirs["time"]}
    return kept, base


def _instant(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


def clash_message(parts: Collection[str]) -> str:
    words = [PART_WORDS[p] for p in PARTS if p in parts]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return (
        f"Changed here and in the booking system at the same time: {listed}. "
        "Keep the desk's version (it is sent) or take the booking system's."
    )


def carried_by(kind: OperationKind) -> frozenset[str]:
    """The parts of a booking an operation of ``kind`` sends."""
    return CARRIED.get(kind, frozenset())


def theirs_applied(local: Booking, base: Mapping[str, Any], parts: Collection[str]) -> Booking:
    """``local`` with ``parts`` set to the remote's stored view (taking the remote's side); a
    desk-only visit status stays where the remote can only say "booked"."""
    changes: dict[str, object] = {}
    for part in parts:
        names = PARTS[part]
        values = _values(base, part)
        booked = values == [VisitStatus.BOOKED.value]
        if part == "status" and booked and local.visit_status in DESK_ONLY_STATUSES:
            continue
        if len(values) != len(names):
            continue
        for name, value in zip(names, values, strict=True):
            changes[name] = _typed(name, value, getattr(local, name))
    return local.with_changes(**changes)


def _typed(name: str, value: object, current: object) -> object:
    if name in ("start", "end") and isinstance(value, str):
        return datetime.fromisoformat(value)
    if name == "visit_status" and isinstance(value, str):
        return VisitStatus(value)
    if name == "patient_email" and value is None:
        return current
    return value
