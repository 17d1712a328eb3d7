"""What the sync panel shows and does: the changes waiting to be sent, the bookings a remote
system refused (each with its reason, the patient's phone and the nearest openings to rebook
into), the changes sent whose outcome is unknown (no answer came back and the remote cannot be
asked), and the refused changes put aside ("dead letters"); and the desk's answers to them:
rebook, cancel, note, send again, dismiss, and settle (it arrived, send it again, cancel); and
for a booking changed here and remotely at once (a clash), both versions side by side and the
choice between them.

Reads the cache only, so the GUI thread may call it after each sync cycle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from frontdesk.app.desk import clinic_zone
from frontdesk.domain import dates
from frontdesk.domain.audit import Actor
from frontdesk.domain.booking import Booking, approximate_time
from frontdesk.domain.merge import PART_WORDS, PARTS
from frontdesk.domain.outbox import (
    HELD_BACK,
    Operation,
    OperationKind,
    OperationState,
    Settlement,
)
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.storage.plain import NotUnknown as NotUnknown  # for the screens
from frontdesk.sync.parts import BOOKINGS, CATALOG, part_day

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.app.openings import Opening

# English (``frontdesk sync`` says them so); the sync panel shows translate("SyncPanel", word)
KIND_WORDS = {
    "create": QT_TRANSLATE_NOOP("SyncPanel", "new booking"),
    "reschedule": QT_TRANSLATE_NOOP("SyncPanel", "move"),
    "cancel": QT_TRANSLATE_NOOP("SyncPanel", "cancellation"),
    "set_status": QT_TRANSLATE_NOOP("SyncPanel", "status"),
    "create_patient": QT_TRANSLATE_NOOP("SyncPanel", "patient's record"),
}


def kind_words(kind: str) -> str:
    """What kind of change it is, in the desk's language ("move")."""
    return translate("SyncPanel", KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def change_words(op: Operation, when: str, service: str, provider: str) -> str:
    """The change in plain words, in the desk's language; a patient's record names the booking
    it was queued for ("VantaX contact for Tue 16 Jun 10:00 Dental cleaning"), since it is not
    the booking."""
    if op.kind is OperationKind.CREATE_PATIENT:
        from frontdesk.providers.registry import PROVIDERS

        spec = PROVIDERS.get(provider)
        record = (spec.patient_record if spec else None) or translate(
            "SyncPanel", "Patient's record"
        )
        said = translate("SyncPanel", "{record} for {when} {service}")
        return said.format(record=record, when=when, service=service).strip()
    return kind_words(op.kind.value)


@dataclass(frozen=True, slots=True)
class SyncOverview:
    queued: list[tuple[Operation, Booking]]
    attention: list[Booking]
    failed: list[tuple[Operation, Booking]]
    connection_names: dict[str, str]
    providers: dict[str, str] = field(default_factory=dict)  # connection id -> provider
    unknown: list[tuple[Operation, Booking]] = field(default_factory=list)


def overview(context: AppContext, limit: int = 500) -> SyncOverview:
    names = {r.id: r.name for r in context.connections()}
    queued = context.repo.outbox.operations([OperationState.QUEUED], limit)
    attention = context.repo.needs_attention(limit)
    inbox = {b.id for b in attention}
    failed = [  # refusals the inbox does not already show
        (op, b)
        for op, b in context.repo.outbox.operations([OperationState.FAILED], limit)
        if b.id not in inbox
    ]
    providers = {r.id: r.provider for r in context.connections()}
    unknown = context.repo.outbox.operations([OperationState.UNKNOWN], limit)
    return SyncOverview(queued, attention, failed, names, providers, unknown)


def attention_count(context: AppContext) -> int:
    """How many bookings need a person: refused ones, and changes whose outcome is unknown
    (index ranges: cheap enough after every change)."""
    return len(context.repo.needs_attention(limit=1000)) + context.repo.outbox.unknown_count()


def _since(at: datetime, zone: str, today: datetime) -> str:
    local = to_local(at, zone)
    if local.date() == to_local(today, zone).date():
        return dates.clock(local)
    return dates.moment(local)


def stale_lines(stale: Mapping[str, datetime], zone: str) -> list[str]:
    """The parts of a connection's cache its last refresh could not read (its health's
    ``stale``: ``sync.refresh``), in plain words, in the desk's language: what is stale and
    since when; what the cache holds of them is kept and read again at the next sync."""
    now = utc_now()
    lines: list[str] = []
    if CATALOG in stale:
        lines.append(
            translate(
                "SyncStatus",
                "Services and opening hours could not be refreshed since {when}; "
                "the desk uses those it has.",
            ).format(when=_since(stale[CATALOG], zone, now))
        )
    days = sorted((d, at) for part, at in stale.items() if (d := part_day(part)) is not None)
    if days:
        shown = ", ".join(dates.short_day(d) for d, _ in days[:7])
        if len(days) > 7:
            shown += " " + plural("SyncStatus", "and %n more", len(days) - 7)
        first = min(at for _, at in days)
        lines.append(
            translate(
                "SyncStatus",
                "Openings of {days} could not be refreshed since {when}; "
                "the desk shows them as last refreshed.",
            ).format(days=shown, when=_since(first, zone, now))
        )
    if BOOKINGS in stale:
        lines.append(
            translate(
                "SyncStatus",
                "Bookings made elsewhere (online, by phone, other desks) could not be "
                "refreshed since {when}.",
            ).format(when=_since(stale[BOOKINGS], zone, now))
        )
    if lines:
        lines.append(translate("SyncStatus", "They are read again at the next sync."))
    return lines


def stale_label(stale: Mapping[str, datetime]) -> str:
    """A few words for a connection's stale parts on the status bar ("" for none)."""
    days = sum(1 for part in stale if part_day(part) is not None)
    said: list[str] = []
    if CATALOG in stale:
        said.append(translate("SyncStatus", "services and hours not refreshed"))
    if days:
        said.append(plural("SyncStatus", "openings of %n day(s) not refreshed", days))
    if BOOKINGS in stale:
        said.append(translate("SyncStatus", "bookings not refreshed"))
    return ", ".join(said)


def _stale_counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("SyncStatus", "and %n more", None, 1)
    translate("SyncStatus", "openings of %n day(s) not refreshed", None, 1)


def unknown_count(context: AppContext) -> int:
    return context.repo.outbox.unknown_count()


def unknown_lines(context: AppContext) -> list[str]:
    """One line per change whose outcome is unknown, for ``frontdesk sync`` (no patient name:
    the booking id, what it was, when, and where)."""
    names = {r.id: r.name for r in context.connections()}
    lines = []
    for op, b in context.repo.outbox.operations([OperationState.UNKNOWN]):
        when = to_local(b.start, clinic_zone(context))
        what = KIND_WORDS.get(op.kind.value, op.kind.value)
        why = (
            "sending it stopped the sync again and again, so it is no longer sent by itself"
            if HELD_BACK in (op.last_error or "")
            else "sent, but no answer came back and the booking system cannot be asked whether "
            "it arrived"
        )
        lines.append(
            f"outcome unknown: booking {b.id} ({what}, {when:%a %d %b %H:%M}, "
            f"{names.get(op.connection_id, op.connection_id)}): {why}; nothing is sent again "
            "until someone settles it at the desk (sync panel, Outcome unknown)"
        )
    return lines


def settle(
    context: AppContext, op_id: int, settlement: Settlement, remote_id: str | None = None
) -> Booking:
    """A person's decision on a change whose outcome is unknown (it goes into the booking's
    history with the desk's name). Raises ``NotUnknown`` if it was settled meanwhile."""
    return context.repo.sending.settle_unknown(op_id, settlement, _who(context), remote_id)


def nearest_openings(context: AppContext, booking: Booking, count: int = 4) -> list[Opening]:
    """Openings for the same service and patient, from a little before the refused time (or
    now) on, in any resource of the booking's connection."""
    from frontdesk.app.openings import Limits, OpeningQuery, find_openings

    query = OpeningQuery(
        booking.connection_id,
        booking.service_id,
        patient_phone=booking.patient_phone,
        booking_id=booking.id,
    )
    after = max(booking.start - timedelta(hours=3), utc_now())
    return find_openings(context.booking, [query], after, Limits(count=count))


def add_note(context: AppContext, booking_id: str, note: str) -> None:
    if note.strip():
        context.repo.add_note(booking_id, note.strip(), _who(context))


def send_again(context: AppContext, op_id: int) -> None:
    context.repo.sending.requeue(op_id, _who(context))


def dismiss(context: AppContext, op_id: int) -> None:
    context.repo.sending.dismiss(op_id, _who(context))


def clash(context: AppContext, booking: Booking) -> list[tuple[str, str, str]]:
    """For a booking in a clash: each clashing part in words, with the desk's value and the
    booking system's, as the clinic reads them; empty when it is in none."""
    found = context.repo.remote.clash(booking.id)
    if found is None:
        return []
    theirs, parts = found
    zone = clinic_zone(context)
    names = {r.id: r.name for r in context.booking.catalog_for(booking.connection_id).resources}
    services = {s.id: s.name for s in context.booking.catalog_for(booking.connection_id).services}

    def shown(b: Booking, part: str) -> str:
        if part == "time":
            span = approximate_time(b)  # the booking system gives a session, not a minute
            if span is not None and span.label:
                return f"{dates.short_day(to_local(b.start, zone).date())}, {span.label}"
            return dates.moment(to_local(b.start, zone))
        if part == "column":
            return names.get(b.resource_id, b.resource_id)
        if part == "service":
            return services.get(b.service_id, b.service_id)
        value = {
            "name": b.patient_name,
            "phone": b.patient_phone,
            "email": b.patient_email or "",
            "status": b.visit_status.value.replace("_", "-"),
        }[part]
        return value

    return [(PART_WORDS[p], shown(booking, p), shown(theirs, p)) for p in PARTS if p in parts]


def keep_ours(context: AppContext, booking_id: str) -> None:
    """Settle a clash the desk's way: its queued changes are sent."""
    context.repo.remote.keep_ours(booking_id, _who(context))


def take_theirs(context: AppContext, booking_id: str) -> None:
    """Settle a clash the booking system's way: the desk's clashing changes are dropped."""
    context.repo.remote.take_theirs(booking_id, _who(context))


def _who(context: AppContext) -> Actor:
    """Who decides (the member signed in at the desk): named in the booking's history and in
    the decision's audit line, written in the same transaction as the decision."""
    return context.staff.actor()
