"""Booking at the desk: validate against the cache, then write booking + outbox together.

``validate`` runs the connection's own offline rules over the cached catalog and bookings and
adds *risks* the rules cannot see (a stale cache). ``book`` refuses what validation refuses, so
nothing the server will certainly refuse ever enters the queue. The same holds for changes:
``reschedule`` re-runs the rules with the booking left out of the counts, ``cancel`` applies
the organisation's cancellation policy, ``set_status`` records arrived / completed / no-show;
each writes the booking and what it owes the remote in one transaction
(``repo.changes.change_booking``), with any further write the caller gives (``also``: a placed
pin's removal, an arrival's instant, a booking cancelled in a new one's place: ``cancelling``).
On an API that keeps patients as records of their own (VantaX's contacts) a new patient's
create waits for a ``CREATE_PATIENT`` queued with it.
Each names who made it (``actor``: the staff member signed in at the desk) in the booking's
history and in an audit line written in the same transaction (``domain.audit``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from frontdesk.app import phones
from frontdesk.app.booking_checks import (
    BookingRefused,
    cancellation_verdicts,
    changed_elsewhere,
    context_bounds,
    desk_only_words,
    form_problems_of,
    phone_refusal,
    refusal,
    status_timing,
    unsettled,
)
from frontdesk.app.desk_rules import desk_verdicts
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain.audit import (
    BOOKED_FIELDS,
    CHANGED_FIELDS,
    Actor,
    AuditEntry,
    AuditEvent,
    changes_between,
)
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.outbox import ChangePlan, OperationKind
from frontdesk.domain.timeutil import iso_utc, to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.storage.plain import BookingsBetween, Guard, StaleBooking, Step

if TYPE_CHECKING:
    from frontdesk.domain.booking_request import BookingRequest
    from frontdesk.providers.base import Connector
    from frontdesk.providers.spec import ProviderSpec
    from frontdesk.storage.repo import Repository

STALE_AFTER = timedelta(hours=1)
# Refusals about opening hours, which need the day's windows in the cache to be judged.
WINDOW_CODES = {"OUTSIDE_AVAILABILITY", "SLOT_INACTIVE"}


# the audit trail's event of a change's history event (the others are visit status marks)
AUDIT_EVENTS = {
    "moved": AuditEvent.MOVED,
    "cancelled": AuditEvent.CANCELLED,
    "edited": AuditEvent.EDITED,
}


def _command_line() -> str:
    from frontdesk.app.staff import command_line_user

    return command_line_user()


@dataclass(frozen=True, slots=True)
class Change:
    """A booking as a desk change left it, and how the change reaches the remote system."""

    booking: Booking
    plan: ChangePlan


class BookingService:
    """Desk use-cases over one cache and its connections."""

    def __init__(
        self,
        repo: Repository,
        connectors: dict[str, Connector],
        desk: str,
        clinic: Callable[[], ClinicSettings] = ClinicSettings,
        actor: Callable[[], Actor] | None = None,
    ) -> None:
        # the clinic's settings (``app.settings``): the one clock the desk shows and takes
        # times in ("today" is the clinic's; each booking system's own zone stays with its
        # rules, in its catalog's policy) and the region phone numbers are read in
        self.clinic = clinic
        self.repo = repo
        self.connectors = connectors
        self.desk = desk
        # who acts (``app.staff``: the member signed in; raises at a desk nobody is signed in
        # to); without one, the command line's user at this computer
        self.actor = actor or (lambda: Actor(_command_line(), desk))

    def import_entry(self, file_name: str) -> AuditEntry:
        """The audit line each booking of an import gets (its id and fields added to it)."""
        return AuditEntry(AuditEvent.IMPORTED, self.actor(), detail=f"from {file_name}")

    def audit_entry(
        self, event: AuditEvent, before: Booking | None, after: Booking, detail: str | None = None
    ) -> AuditEntry:
        """The audit line of a change of ``before`` into ``after`` by whoever acts now."""
        fields = BOOKED_FIELDS if before is None else CHANGED_FIELDS
        changes = changes_between(before, after, fields)
        return AuditEntry(event, self.actor(), after.id, changes, detail or None)

    def catalog_for(self, connection_id: str, start: datetime | None = None) -> Catalog:
        day = (start or utc_now()).date()
        return self.repo.catalogs.catalog(
            connection_id, day - timedelta(days=1), day + timedelta(days=60)
        )

    def service(self, connection_id: str, service_id: str) -> Service | None:
        return self.catalog_for(connection_id).service(service_id)

    def draft(
        self, request: BookingRequest, booking_id: str | None = None, catalog: Catalog | None = None
    ) -> Booking:
        catalog = catalog or self.catalog_for(request.connection_id, request.start)
        service = catalog.service(request.service_id)
        minutes = service.duration_minutes if service else 30
        resource = request.resource_id or (catalog.resources[0].id if catalog.resources else "")
        start = request.start or utc_now()
        new_id = booking_id or str(uuid.uuid4())
        return Booking(
            id=new_id,
            connection_id=request.connection_id,
            service_id=request.service_id,
            resource_id=resource,
            start=start,
            end=start + timedelta(minutes=minutes),
            session=request.session,
            patient_name=request.patient_name,
            patient_phone=(
                phones.normalized(request.patient_phone, self.clinic().region)
                or request.patient_phone
            ),
            patient_email=request.patient_email,
            notes=request.notes,
            external_ref=new_id,
            sync_state=SyncState.PENCILLED,
            extra=dict(request.extra),
        )

    def validate(
        self, request: BookingRequest, now: datetime | None = None, booking_id: str | None = None
    ) -> list[Verdict]:
        """Errors (the server will refuse) and risks, empty when all is well. ``booking_id``:
        the booking this request changes, which does not count against itself."""
        if request.connection_id not in self.connectors:
            return [
                Verdict(
                    400,
                    "NO_CONNECTION",
                    translate("Verdicts", "Choose a connection."),
                    "connection_id",
                )
            ]
        catalog = self.catalog_for(request.connection_id, request.start)
        problems = self._problems(request, catalog)
        if problems:
            return problems
        return self._judge(self.draft(request, booking_id), catalog, now or utc_now())

    def form_problems(self, request: BookingRequest, catalog: Catalog) -> list[Verdict]:
        """What :meth:`validate` finds first in ``request`` (an imported row): the form's gaps
        and a phone the clinic's region cannot read. ``catalog``: its day's."""
        return self._problems(request, catalog)

    def judge_new(
        self, draft: Booking, catalog: Catalog, now: datetime, between: BookingsBetween
    ) -> list[Verdict]:
        """What :meth:`validate` finds next in ``draft``, the new booking :meth:`draft` made of
        a request with no :meth:`form_problems` (an imported row), with the rules' bookings
        read through ``between``. ``catalog`` must hold the windows of the booking's local
        day. Only the risks that need a read of their own (a stale cache) are left out: the
        caller reports errors only."""
        return self._judge(draft, catalog, now, between, cache_age=False, desk_rules=False)

    def _problems(self, request: BookingRequest, catalog: Catalog) -> list[Verdict]:
        """What the form lacks or has wrong, before any rule can judge."""
        from frontdesk.providers.registry import form_for

        provider = self.connectors[request.connection_id].provider
        problems = form_problems_of(request, catalog, form_for(provider).patient_required)
        refusal = phone_refusal(request.patient_phone, self.clinic().region)
        if refusal is not None and not any(p.field == "patient_phone" for p in problems):
            problems.append(refusal)
        return problems

    def _judge(
        self,
        booking: Booking,
        catalog: Catalog,
        now: datetime,
        between: BookingsBetween | None = None,
        *,
        cache_age: bool = True,
        desk_rules: bool = True,
    ) -> list[Verdict]:
        """The desk's own rules (``app.desk_rules``: the clinic's blockouts; not for an
        import's rows, which were booked elsewhere already), then the booking system's
        (:meth:`_judge_remote`)."""
        desk = desk_verdicts(self.repo, booking, self.clinic().zone) if desk_rules else []
        return desk + self._judge_remote(booking, catalog, now, between, cache_age=cache_age)

    def _judge_remote(
        self,
        booking: Booking,
        catalog: Catalog,
        now: datetime,
        between: BookingsBetween | None = None,
        *,
        cache_age: bool = True,
    ) -> list[Verdict]:
        """The connection's offline rules on ``booking`` placed among the cached bookings, plus
        the risks they cannot see: a day beyond the cached windows, a stale cache (unless not
        ``cache_age``). ``between`` reads the bookings (default: the cache as it is now; inside
        a write, as it stands): those starting on the org-local days the rules declare they
        read (``Connector.context_days``)."""
        connector = self.connectors[booking.connection_id]
        first, last = context_bounds(connector, booking.start, catalog.policy.timezone)
        others = (between or self.repo.bookings_between)(first, last, booking.connection_id)
        verdict = connector.predict_create(booking, catalog, others, now)
        local_day = to_local(booking.start, catalog.policy.timezone).date()
        known_day = any(w.day == local_day for w in catalog.windows)
        judged = getattr(connector, "judged_day", None)  # a day cached with no open window
        if not known_day and callable(judged):
            known_day = bool(judged(catalog, local_day))
        about_hours = verdict.code in WINDOW_CODES or (
            verdict.field == "start"
            and booking.start > now
            and not getattr(connector, "judges_any_day", False)
        )
        if not verdict.accepted and (known_day or not about_hours):
            return [verdict]
        # a rule set's own warning: a check the API does not document, judged from the cache
        risks: list[Verdict] = [verdict] if verdict.severity is Severity.RISK else []
        if not known_day:  # beyond the cached horizon: the rules cannot judge the hours
            risks.append(
                Verdict(
                    201,
                    "NO_CACHED_WINDOWS",
                    translate(
                        "Verdicts",
                        "The desk has no cached opening hours for "
                        "this day; the booking system will check them at sync.",
                    ),
                    "start",
                    Severity.RISK,
                )
            )
        fresh = self._last_fresh(booking.connection_id) if cache_age else now
        if fresh is None or now - fresh > STALE_AFTER:
            risks.append(
                Verdict(
                    201,
                    "STALE_CACHE",
                    translate(
                        "Verdicts",
                        "This connection's calendar has not been "
                        "refreshed for over an hour; another channel may have taken "
                        "the slot.",
                    ),
                    None,
                    Severity.RISK,
                )
            )
        return risks

    def _last_fresh(self, connection_id: str) -> datetime | None:
        rec = next((c for c in self.repo.catalogs.connections() if c.id == connection_id), None)
        return None if rec is None else rec.last_fresh_at

    def book(
        self, request: BookingRequest, now: datetime | None = None, also: Step | None = None
    ) -> Booking:
        """Save a pencilled booking and its create operation; refuses what would be refused.

        Judged twice: first as the form was (quick, and what the receptionist saw), then again
        inside the write lock among the bookings as they stand at that moment, so a booking
        another desk or process pencilled meanwhile (the last place of a window, the same
        patient) counts: of two desks booking the last place at once, one is refused.
        ``also``: a further write of the booking's transaction (:meth:`cancelling`: the later
        booking the patient held elsewhere); if it fails, nothing is booked."""
        when = now or utc_now()
        who = self.actor()  # nobody signed in: nothing is judged or written
        errors = [v for v in self.validate(request, when) if v.severity is Severity.ERROR]
        if errors:
            raise BookingRefused(errors)
        booking = self.draft(request)
        audit = self.audit_entry(AuditEvent.BOOKED, None, booking)
        try:
            self.repo.book(
                booking,
                OperationKind.CREATE,
                {},
                str(uuid.uuid4()),
                who.label,
                patient_records=self._patient_records(booking.connection_id),
                guard=self._still_fits(booking, when),
                audit=audit,
                also=also,
            )
        except StaleBooking as exc:  # what ``also`` changes was changed meanwhile
            raise changed_elsewhere() from exc
        return booking

    def _still_fits(self, booking: Booking, now: datetime) -> Guard:
        """A guard for the write of ``booking``: the rules again, inside the write lock, among
        the bookings as they stand then; refuses (``BookingRefused``) what no longer fits."""
        catalog = self.catalog_for(booking.connection_id, booking.start)

        def guard(between: BookingsBetween) -> None:
            judged = self._judge(booking, catalog, now, between)
            late = [v for v in judged if v.severity is Severity.ERROR]
            if late:
                raise BookingRefused(late)

        return guard

    def _patient_records(self, connection_id: str) -> bool:
        """Whether the connection's API keeps patients apart (a create may wait for one)."""
        connector = self.connectors.get(connection_id)
        return connector is not None and connector.creates_patients

    # -- changes to a booking -------------------------------------------------------------
    def existing(self, booking_id: str) -> Booking:
        booking = self.repo.booking(booking_id)
        if booking is None:
            raise BookingRefused(
                [
                    refusal(
                        "NOT_FOUND",
                        translate("Verdicts", "This booking is no longer here."),
                        None,
                        404,
                    )
                ]
            )
        return booking

    def remote_may_hold(self, booking: Booking) -> bool:
        """Whether the remote holds the booking or may (a create sent, answer not seen). The
        patient's record being sent says nothing about the booking."""
        if booking.held_remotely:
            return True
        return any(
            op.sent_at is not None and op.kind is not OperationKind.CREATE_PATIENT
            for op in self.repo.outbox.queued_operations(booking.id)
        )

    def moved(self, booking: Booking, start: datetime, resource_id: str | None = None) -> Booking:
        """``booking`` at a new start (and column); the window decides session and batch."""
        catalog = self.catalog_for(booking.connection_id, start)
        service = catalog.service(booking.service_id)
        minutes = (
            service.duration_minutes
            if service
            else int((booking.end - booking.start).total_seconds() // 60)
        )
        return booking.with_changes(
            start=start,
            end=start + timedelta(minutes=minutes),
            resource_id=resource_id or booking.resource_id,
            session=None,
            batch=None,
        )

    def check_reschedule(
        self,
        booking_id: str,
        start: datetime,
        resource_id: str | None = None,
        now: datetime | None = None,
    ) -> list[Verdict]:
        """Errors and risks of moving a booking, judged offline; nothing is written."""
        booking = self.existing(booking_id)
        if booking.visit_status is not VisitStatus.BOOKED:
            word = booking.visit_status.value.replace("_", "-")
            return [refusal("NOT_MOVABLE", f"A {word} booking cannot be moved.", "start", 400)]
        if booking.sync_state is SyncState.OUTCOME_UNKNOWN:
            return [unsettled()]
        if booking.connection_id not in self.connectors:
            return [
                Verdict(
                    400,
                    "NO_CONNECTION",
                    translate("Verdicts", "This booking system is not connected."),
                )
            ]
        draft = self.moved(booking, start, resource_id)
        return self._judge(draft, self.catalog_for(booking.connection_id, start), now or utc_now())

    def reschedule(
        self,
        booking_id: str,
        start: datetime,
        resource_id: str | None = None,
        now: datetime | None = None,
        also: Step | None = None,
    ) -> Change:
        """Move a booking (a new time and/or column), refusing what the rules refuse.

        A booking whose create was refused is booked again (a new create); one whose create has
        not left yet has that create rewritten (it reads the row when it is sent). ``also``: a
        further write of the move's transaction.
        """
        self.actor()  # nobody signed in (a locked desk): nothing is judged or written
        booking = self.existing(booking_id)
        errors = [
            v
            for v in self.check_reschedule(booking_id, start, resource_id, now)
            if v.severity is Severity.ERROR
        ]
        if errors:
            raise BookingRefused(errors)
        draft = self.moved(booking, start, resource_id).with_changes(
            sync_state=SyncState.PENCILLED, problem_code=None, problem_message=None
        )
        kind = OperationKind.RESCHEDULE if self.remote_may_hold(booking) else OperationKind.CREATE
        guard = self._still_fits(draft, now or utc_now())
        # the history keeps the instant; each screen shows it on the clinic's clock
        return self.commit(booking, draft, kind, "moved", f"to {iso_utc(start)}", guard, also)

    def check_cancel(self, booking_id: str, now: datetime | None = None) -> list[Verdict]:
        booking = self.existing(booking_id)
        if not booking.active:
            return [
                refusal(
                    "ALREADY_CANCELLED",
                    translate("Verdicts", "This booking is already cancelled."),
                    None,
                    400,
                )
            ]
        if booking.sync_state is SyncState.OUTCOME_UNKNOWN:
            return [unsettled()]
        if not self.remote_may_hold(booking):
            return []  # never left this desk: nothing remote to ask
        connector = self.connectors.get(booking.connection_id)
        policy = self.repo.catalogs.policy(booking.connection_id)
        predict = getattr(connector, "predict_cancel", None)
        if callable(predict):  # a connector with its own cancellation rules
            verdict = predict(booking, policy, now or utc_now())
            return [] if verdict is None or verdict.accepted else [verdict]
        return cancellation_verdicts(booking, policy, now or utc_now())

    def cancel(
        self,
        booking_id: str,
        reason: str = "",
        now: datetime | None = None,
        also: Step | None = None,
    ) -> Change:
        """Cancel a booking, within the organisation's cancellation policy."""
        self.actor()  # nobody signed in (a locked desk): nothing is judged or written
        booking, draft = self._cancelled(booking_id, now)
        return self.commit(
            booking, draft, OperationKind.CANCEL, "cancelled", reason.strip(), also=also
        )

    def cancelling(self, booking_id: str, reason: str = "", now: datetime | None = None) -> Step:
        """:meth:`cancel` as a further write of another change's transaction (``also``: a
        booking made in its place), judged now (``BookingRefused`` before anything is
        written); ``StaleBooking`` from the write when another desk changed it meanwhile."""
        self.actor()  # nobody signed in (a locked desk): nothing is judged or written
        booking, draft = self._cancelled(booking_id, now)
        detail = reason.strip() or None
        audit = self.audit_entry(AuditEvent.CANCELLED, booking, draft, detail)
        key = str(uuid.uuid4())
        records = self._patient_records(draft.connection_id)
        return lambda s: self.repo.changes.change_in(
            s,
            draft,
            OperationKind.CANCEL,
            key,
            audit.actor.label,
            "cancelled",
            detail,
            expected_version=booking.version,
            patient_records=records,
            audit=audit,
        )

    def _cancelled(self, booking_id: str, now: datetime | None) -> tuple[Booking, Booking]:
        """The booking and what it is cancelled; ``BookingRefused`` when it may not be."""
        booking = self.existing(booking_id)
        errors = self.check_cancel(booking_id, now)
        if errors:
            raise BookingRefused(errors)
        draft = booking.with_changes(
            visit_status=VisitStatus.CANCELLED, problem_code=None, problem_message=None
        )
        if self.remote_may_hold(booking):
            draft = draft.with_changes(sync_state=SyncState.PENCILLED)
        return booking, draft

    def check_status(
        self, booking_id: str, status: VisitStatus, now: datetime | None = None
    ) -> list[Verdict]:
        booking = self.existing(booking_id)
        if status is VisitStatus.CANCELLED:
            return self.check_cancel(booking_id, now)
        if not booking.active:
            return [
                refusal(
                    "CANCELLED",
                    translate("Verdicts", "This booking is cancelled; book the patient again."),
                    None,
                    400,
                )
            ]
        if (
            not booking.held_remotely
            and booking.sync_state is not SyncState.OUTCOME_UNKNOWN  # its change waits behind
            and not self.repo.outbox.queued_operations(booking.id)
        ):
            return [
                refusal(
                    "NOT_IN_REMOTE",
                    translate(
                        "Verdicts", "The booking system refused this booking; rebook it first."
                    ),
                    None,
                    400,
                )
            ]
        return status_timing(booking, status, now or utc_now(), self.clinic().zone)

    def set_status(
        self,
        booking_id: str,
        status: VisitStatus,
        now: datetime | None = None,
        also: Step | None = None,
    ) -> Change:
        """Mark a booking arrived, completed, no-show (or back to booked); ``also``: a further
        write of the change's transaction (nothing is written when the status is already so)."""
        self.actor()  # nobody signed in (a locked desk): nothing is judged or written
        if status is VisitStatus.CANCELLED:
            return self.cancel(booking_id, now=now, also=also)
        booking = self.existing(booking_id)
        if booking.visit_status is status:
            return Change(booking, ChangePlan.FOLD)
        errors = [
            v for v in self.check_status(booking_id, status, now) if v.severity is Severity.ERROR
        ]
        if errors:
            raise BookingRefused(errors)
        draft = booking.with_changes(visit_status=status)
        spec = self.spec(booking.connection_id)
        if spec is not None and spec.as_remote(status) is spec.as_remote(booking.visit_status):
            # the booking system cannot tell the two apart: the mark is the desk's own
            words = desk_only_words(spec.title, status)
            try:
                self.repo.changes.change_at_desk(
                    draft,
                    self.actor().label,
                    status.value,
                    words,
                    expected_version=booking.version,
                    audit=self.audit_entry(AuditEvent.STATUS, booking, draft, words),
                    also=also,
                )
            except StaleBooking as exc:
                raise changed_elsewhere() from exc
            return Change(self.repo.booking(booking.id) or draft, ChangePlan.LOCAL)
        if draft.sync_state is SyncState.CONFIRMED:
            draft = draft.with_changes(sync_state=SyncState.PENCILLED)
        return self.commit(booking, draft, OperationKind.SET_STATUS, status.value, None, also=also)

    def desk_only_note(self, booking: Booking) -> str | None:
        """Where the booking's visit status is a mark its booking system does not keep, the
        words that say so (the desk shows them beside the status); else None."""
        spec = self.spec(booking.connection_id)
        status = booking.visit_status
        if spec is None or status is VisitStatus.BOOKED or spec.holds(status):
            return None
        return desk_only_words(spec.title, status)

    def spec(self, connection_id: str) -> ProviderSpec | None:
        """The declaration of the connection's API (None for a connection of an unknown API)."""
        from frontdesk.providers.registry import PROVIDERS

        connector = self.connectors.get(connection_id)
        if connector is not None:
            return PROVIDERS.get(connector.provider)
        record = next((c for c in self.repo.catalogs.connections() if c.id == connection_id), None)
        return PROVIDERS.get(record.provider) if record is not None else None

    def commit(
        self,
        before: Booking,
        after: Booking,
        kind: OperationKind,
        event: str,
        detail: str | None,
        guard: Guard | None = None,
        also: Step | None = None,
    ) -> Change:
        """Write a desk change (``event`` in the booking's history) with what it owes the
        remote and its audit line (and ``also``), in one transaction."""
        audit = self.audit_entry(AUDIT_EVENTS.get(event, AuditEvent.STATUS), before, after, detail)
        try:
            plan, _ = self.repo.changes.change_booking(
                after,
                kind,
                str(uuid.uuid4()),
                audit.actor.label,
                event,
                detail or None,
                expected_version=before.version,
                patient_records=self._patient_records(after.connection_id),
                guard=guard,
                audit=audit,
                also=also,
            )
        except StaleBooking as exc:
            raise changed_elsewhere() from exc
        stored = self.repo.booking(after.id)
        return Change(stored or after, plan)
