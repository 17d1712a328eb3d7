"""Booking at the desk: validate against the cache, then write booking + outbox together.

``validate`` runs the connection's own offline rules over the cached catalog and bookings and
adds *risks* the rules cannot see (a stale cache). ``book`` refuses what validation refuses, so
nothing the server will certainly refuse ever enters the queue. The same holds for changes:
``reschedule`` re-runs the rules with the booking left out of the counts, ``cancel`` applies
the organisation's cancellation policy, ``set_status`` records arrived / completed / no-show;
each writes the booking and what it owes the remote in one transaction
(``Repository.change_booking``). On an API that keeps patients as records of their own
(VantaX's contacts) a new patient's create waits for a ``CREATE_PATIENT`` queued with it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import email_validator
import phonenumbers

from frontdesk.domain.booking import Booking, BookingRequest, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Service
from frontdesk.domain.outbox import ChangePlan, OperationKind
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.providers.base import Connector
from frontdesk.providers.registry import form_for
from frontdesk.storage.repo import Repository, StaleBooking

STALE_AFTER = timedelta(hours=1)
# Refusals about opening hours, which need the day's windows in the cache to be judged.
WINDOW_CODES = {"OUTSIDE_AVAILABILITY", "SLOT_INACTIVE"}


class BookingRefused(Exception):
    def __init__(self, verdicts: list[Verdict]) -> None:
        super().__init__("; ".join(v.message or "" for v in verdicts))
        self.verdicts = verdicts


@dataclass(frozen=True, slots=True)
class Change:
    """A booking as a desk change left it, and how the change reaches the remote system."""

    booking: Booking
    plan: ChangePlan


def _refusal(code: str, message: str, field: str | None = None, status: int = 409) -> Verdict:
    return Verdict(status, code, message, field)


def _unsettled() -> Verdict:
    """A booking whose create's outcome is unknown moves or cancels only once it is settled:
    until then nobody knows whether the booking system holds it."""
    return _refusal(
        "OUTCOME_UNKNOWN",
        "Nobody knows yet whether the booking system received this booking. Settle it in the "
        "sync panel first (it arrived, send it again, or cancel it).",
    )


def cancellation_verdicts(booking: Booking, policy: Policy, now: datetime) -> list[Verdict]:
    """What the organisation's cancellation policy says about cancelling ``booking`` now.

    HuskyVoice's codes and messages (docs/providers.md, PATCH); the policy fields are
    provider-neutral, so another API that maps its rules onto them gets the same check.
    """
    if not policy.allow_cancellation:
        return [
            _refusal(
                "CANCELLATION_NOT_ALLOWED", "Cancellation is not allowed for this organization"
            )
        ]
    hours = policy.cancellation_notice_hours
    if booking.start - now < timedelta(hours=hours):
        return [
            _refusal(
                "CANCELLATION_TOO_LATE",
                f"Appointments must be cancelled at least {hours} hours before they start",
            )
        ]
    return []


_MISSING = {
    "patient_name": "Type the patient's name.",
    "patient_phone": "Type the patient's phone number.",
    "patient_email": "Type the patient's email address.",
}


def _form_problems(
    request: BookingRequest, catalog: Catalog, required: frozenset[str]
) -> list[Verdict]:
    """Fields the desk needs before any rule can judge; ``required`` are the patient details
    the connection's API requires (``providers.registry``)."""
    problems: list[Verdict] = []

    def need(field: str, message: str) -> None:
        problems.append(Verdict(400, "VALIDATION_ERROR", message, field))

    if not request.service_id:
        need("service_id", "Choose a service.")
    if not request.resource_id and len(catalog.resources) > 1:
        need("resource_id", "Choose where the patient is seen.")
    if request.start is None:
        need("start", "Choose a date and time.")
    for field, message in _MISSING.items():
        if field in required and not getattr(request, field):
            need(field, message)
    if request.patient_email:
        try:
            email_validator.validate_email(request.patient_email, check_deliverability=False)
        except email_validator.EmailNotValidError:
            need("patient_email", "This is not an email address (name@example.org).")
    return problems


def _phone_risk(phone: str) -> Verdict | None:
    try:
        parsed = phonenumbers.parse(phone, None)
        valid = phonenumbers.is_possible_number(parsed)
    except phonenumbers.NumberParseException:
        valid = False
    if valid:
        return None
    return Verdict(
        201,
        "PHONE_FORMAT",
        "This does not look like an international number (+44 …); "
        "the booking system accepts it, but reminders may not reach the patient.",
        "patient_phone",
        Severity.RISK,
    )


class BookingService:
    """Desk use-cases over one cache and its connections."""

    def __init__(self, repo: Repository, connectors: dict[str, Connector], desk: str) -> None:
        self.repo = repo
        self.connectors = connectors
        self.desk = desk

    def catalog_for(self, connection_id: str, start: datetime | None = None) -> Catalog:
        day = (start or utc_now()).date()
        return self.repo.catalog(connection_id, day - timedelta(days=1), day + timedelta(days=60))

    def service(self, connection_id: str, service_id: str) -> Service | None:
        return self.catalog_for(connection_id).service(service_id)

    def draft(self, request: BookingRequest, booking_id: str | None = None) -> Booking:
        catalog = self.catalog_for(request.connection_id, request.start)
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
            patient_phone=request.patient_phone,
            patient_email=request.patient_email,
            notes=request.notes,
            external_ref=new_id,
            sync_state=SyncState.PENCILLED,
            extra=dict(request.extra),
        )

    def validate(self, request: BookingRequest, now: datetime | None = None) -> list[Verdict]:
        """Errors (the server will refuse) and risks, empty when all is well."""
        if request.connection_id not in self.connectors:
            return [Verdict(400, "NO_CONNECTION", "Choose a connection.", "connection_id")]
        catalog = self.catalog_for(request.connection_id, request.start)
        provider = self.connectors[request.connection_id].provider
        problems = _form_problems(request, catalog, form_for(provider).patient_required)
        if problems:
            return problems
        verdicts = self._judge(self.draft(request), catalog, now or utc_now())
        if any(v.severity is Severity.ERROR for v in verdicts):
            return verdicts
        risk = _phone_risk(request.patient_phone)
        return ([risk] if risk else []) + verdicts

    def _judge(self, booking: Booking, catalog: Catalog, now: datetime) -> list[Verdict]:
        """The connection's offline rules on ``booking`` placed among the cached bookings, plus
        the risks they cannot see: a day beyond the cached windows, a stale cache."""
        connector = self.connectors[booking.connection_id]
        # Most rules look at one org-local day (a day either side of the instant covers it);
        # a connector whose rules count weeks or months (Vastal's caps) asks for more.
        span = timedelta(days=getattr(connector, "lookaround_days", 1))
        others = self.repo.bookings_between(
            booking.start - span,
            booking.start + span + timedelta(seconds=1),
            booking.connection_id,
        )
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
        risks: list[Verdict] = []
        if not known_day:  # beyond the cached horizon: the rules cannot judge the hours
            risks.append(
                Verdict(
                    201,
                    "NO_CACHED_WINDOWS",
                    "The desk has no cached opening hours for "
                    "this day; the booking system will check them at sync.",
                    "start",
                    Severity.RISK,
                )
            )
        fresh = self._last_fresh(booking.connection_id)
        if fresh is None or now - fresh > STALE_AFTER:
            risks.append(
                Verdict(
                    201,
                    "STALE_CACHE",
                    "This connection's calendar has not been "
                    "refreshed for over an hour; another channel may have taken "
                    "the slot.",
                    None,
                    Severity.RISK,
                )
            )
        return risks

    def _last_fresh(self, connection_id: str) -> datetime | None:
        rec = next((c for c in self.repo.connections() if c.id == connection_id), None)
        return None if rec is None else rec.last_fresh_at

    def book(self, request: BookingRequest, now: datetime | None = None) -> Booking:
        """Save a pencilled booking and its create operation; refuses what would be refused."""
        errors = [v for v in self.validate(request, now) if v.severity is Severity.ERROR]
        if errors:
            raise BookingRefused(errors)
        booking = self.draft(request)
        self.repo.book(
            booking,
            OperationKind.CREATE,
            {},
            str(uuid.uuid4()),
            self.desk,
            patient_records=self._patient_records(booking.connection_id),
        )
        return booking

    def _patient_records(self, connection_id: str) -> bool:
        """Whether the connection's API keeps patients apart (a create may wait for one)."""
        connector = self.connectors.get(connection_id)
        return connector is not None and connector.creates_patients

    # -- changes to a booking -------------------------------------------------------------
    def _existing(self, booking_id: str) -> Booking:
        booking = self.repo.booking(booking_id)
        if booking is None:
            raise BookingRefused(
                [_refusal("NOT_FOUND", "This booking is no longer here.", None, 404)]
            )
        return booking

    def _remote_may_hold(self, booking: Booking) -> bool:
        """Whether the remote holds the booking or may (a create sent, answer not seen). The
        patient's record being sent says nothing about the booking."""
        if booking.remote_id is not None:
            return True
        return any(
            op.sent_at is not None and op.kind is not OperationKind.CREATE_PATIENT
            for op in self.repo.queued_operations(booking.id)
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
        booking = self._existing(booking_id)
        if booking.visit_status is not VisitStatus.BOOKED:
            word = booking.visit_status.value.replace("_", "-")
            return [_refusal("NOT_MOVABLE", f"A {word} booking cannot be moved.", "start", 400)]
        if booking.sync_state is SyncState.OUTCOME_UNKNOWN:
            return [_unsettled()]
        if booking.connection_id not in self.connectors:
            return [Verdict(400, "NO_CONNECTION", "This booking system is not connected.")]
        draft = self.moved(booking, start, resource_id)
        return self._judge(draft, self.catalog_for(booking.connection_id, start), now or utc_now())

    def reschedule(
        self,
        booking_id: str,
        start: datetime,
        resource_id: str | None = None,
        now: datetime | None = None,
    ) -> Change:
        """Move a booking (a new time and/or column), refusing what the rules refuse.

        A booking whose create was refused is booked again (a new create); one whose create has
        not left yet has that create rewritten (it reads the row when it is sent).
        """
        booking = self._existing(booking_id)
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
        kind = OperationKind.RESCHEDULE if self._remote_may_hold(booking) else OperationKind.CREATE
        when = to_local(start, self.catalog_for(booking.connection_id).policy.timezone)
        return self._commit(booking, draft, kind, "moved", f"to {when:%a %d %b %H:%M}")

    def check_cancel(self, booking_id: str, now: datetime | None = None) -> list[Verdict]:
        booking = self._existing(booking_id)
        if not booking.active:
            return [_refusal("ALREADY_CANCELLED", "This booking is already cancelled.", None, 400)]
        if booking.sync_state is SyncState.OUTCOME_UNKNOWN:
            return [_unsettled()]
        if not self._remote_may_hold(booking):
            return []  # never left this desk: nothing remote to ask
        connector = self.connectors.get(booking.connection_id)
        policy = self.repo.policy(booking.connection_id)
        predict = getattr(connector, "predict_cancel", None)
        if callable(predict):  # a connector with its own cancellation rules
            verdict = predict(booking, policy, now or utc_now())
            return [] if verdict is None or verdict.accepted else [verdict]
        return cancellation_verdicts(booking, policy, now or utc_now())

    def cancel(self, booking_id: str, reason: str = "", now: datetime | None = None) -> Change:
        """Cancel a booking, within the organisation's cancellation policy."""
        booking = self._existing(booking_id)
        errors = self.check_cancel(booking_id, now)
        if errors:
            raise BookingRefused(errors)
        draft = booking.with_changes(
            visit_status=VisitStatus.CANCELLED, problem_code=None, problem_message=None
        )
        if self._remote_may_hold(booking):
            draft = draft.with_changes(sync_state=SyncState.PENCILLED)
        return self._commit(booking, draft, OperationKind.CANCEL, "cancelled", reason.strip())

    def check_status(
        self, booking_id: str, status: VisitStatus, now: datetime | None = None
    ) -> list[Verdict]:
        booking = self._existing(booking_id)
        if status is VisitStatus.CANCELLED:
            return self.check_cancel(booking_id, now)
        if not booking.active:
            return [
                _refusal(
                    "CANCELLED", "This booking is cancelled; book the patient again.", None, 400
                )
            ]
        if (
            booking.remote_id is None
            and booking.sync_state is not SyncState.OUTCOME_UNKNOWN  # its change waits behind
            and not self.repo.queued_operations(booking.id)
        ):
            return [
                _refusal(
                    "NOT_IN_REMOTE",
                    "The booking system refused this booking; rebook it first.",
                    None,
                    400,
                )
            ]
        zone_name = self.repo.policy(booking.connection_id).timezone
        today = to_local(now or utc_now(), zone_name).date()
        if status is not VisitStatus.BOOKED and to_local(booking.start, zone_name).date() != today:
            return [
                Verdict(
                    201,
                    "NOT_TODAY",
                    "This appointment is not today.",
                    "start",
                    Severity.RISK,
                )
            ]
        return []

    def set_status(
        self, booking_id: str, status: VisitStatus, now: datetime | None = None
    ) -> Change:
        """Mark a booking arrived, completed, no-show (or back to booked)."""
        if status is VisitStatus.CANCELLED:
            return self.cancel(booking_id, now=now)
        booking = self._existing(booking_id)
        if booking.visit_status is status:
            return Change(booking, ChangePlan.FOLD)
        errors = [
            v for v in self.check_status(booking_id, status, now) if v.severity is Severity.ERROR
        ]
        if errors:
            raise BookingRefused(errors)
        draft = booking.with_changes(visit_status=status)
        if draft.sync_state is SyncState.CONFIRMED:
            draft = draft.with_changes(sync_state=SyncState.PENCILLED)
        return self._commit(booking, draft, OperationKind.SET_STATUS, status.value, None)

    def _commit(
        self,
        before: Booking,
        after: Booking,
        kind: OperationKind,
        event: str,
        detail: str | None,
    ) -> Change:
        try:
            plan, _ = self.repo.change_booking(
                after,
                kind,
                str(uuid.uuid4()),
                self.desk,
                event,
                detail or None,
                expected_version=before.version,
                patient_records=self._patient_records(after.connection_id),
            )
        except StaleBooking as exc:
            raise BookingRefused(
                [
                    _refusal(
                        "CHANGED_ELSEWHERE",
                        "This booking was just changed by the booking system or another desk. "
                        "Look at it again, then retry.",
                        None,
                    )
                ]
            ) from exc
        stored = self.repo.booking(after.id)
        return Change(stored or after, plan)
