"""The CareValidate connector: reads provider availability and the appointment list, books,
cancels, reschedules (book the new time, then cancel the old), and classifies every answer
into one sync outcome (see ``providers.base``).

CareValidate's book answer is `{status, success, message}` with no appointment id: a 200 is
``Accepted`` (never resent) and the id, which a cancel needs, is then looked up in the list by
the patient's email and the start, right away and else at the next pull (`pull`). That the
list's `id` is the cancel's `appointmentId` is our reading (the pages do not say). There is
no idempotency key: after a lost answer ``find_existing`` looks the booking up the same way,
and raises ``CannotTell`` where the answer cannot tell.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.neighbours import Match
from frontdesk.domain.timeutil import iso_utc, utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.answers import parse
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    CannotTell,
    DeskView,
    Outcome,
    PatientInBooking,
    Refused,
    RetryLater,
    retry_after_seconds,
)
from frontdesk.providers.carevalidate import mapping, pull, reads
from frontdesk.providers.carevalidate.options import read_options
from frontdesk.providers.carevalidate.reads import LookupRefused, Undecidable, fail_text
from frontdesk.providers.carevalidate.wire import CvEnvelope, CvItem, CvLinks
from frontdesk.providers.connector_base import HttpConnector, desk_fields, wire_days
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.rules import carevalidate as rules

log = logging.getLogger("frontdesk.providers")

BOOK = "api/v1/calendar/appointments"
CANCEL = "api/v1/calendar/appointments/cancel"
RESCHEDULE_REASON = "Rescheduled by the front desk"
ID_READING = (
    "FrontDesk sent, as appointmentId, the id CareValidate's list gives this appointment (our "
    "reading: CareValidate's pages do not say the two are the same)"
)
NO_EMAIL = "CareValidate needs the invitee's email to cancel; add it to the booking"
NO_EMAIL_MOVE = "CareValidate needs the invitee's email to book the new time; add it"


def _field_of(text: str) -> str | None:
    """The desk field a 400 text is about, when its first word names a documented field."""
    word = text.split(" ", 1)[0].split(".", 1)[0]
    if word in mapping.WIRE_TO_FIELD:
        return mapping.WIRE_TO_FIELD[word]
    return word if word in ("timezone", "location", "tracking") else None


class CareValidateConnector(HttpConnector, PatientInBooking):
    provider = "carevalidate"
    rate_per_minute: float = 500
    idempotent_creates = False
    judges_any_day = True  # the rules' start checks never need cached hours (there are none)

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        options: Mapping[str, object] | None = None,
        timeout: float = 15.0,
    ) -> None:
        super().__init__(connection_id, base_url, {"cv-api-key": api_key}, timeout)
        self.options = read_options(dict(options or {}))
        self._links_path: str | None = None
        self._lengths = mapping.Lengths({}, self.options.default_minutes)
        self._desk: DeskView | None = None

    def set_desk_view(self, view: DeskView) -> None:
        """The desk's cached bookings of this connection (``providers.base.SeesDeskBookings``):
        a pull ties its untied ones and flags the ones no longer listed."""
        self._desk = view

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _describe_error(answer: Answer) -> str:
        return f"HTTP {answer.status} {fail_text(answer)}".strip()

    def _usable_options(self) -> None:
        if self.options.problem:
            raise ApiError(f"connection option {self.options.problem}", retry=False)
        if not self.options.provider_states:
            raise ApiError(
                "connection option provider_states: set the US states whose providers to list "
                "(comma-separated codes, e.g. CA,NY); CareValidate requires it",
                retry=False,
            )

    def pull_catalog(self, days: list[date]) -> Catalog:
        """Provider availability only: the days are not needed (no open-slot read exists)."""
        self._usable_options()
        params: dict[str, str | int] = {"provider_states": self.options.provider_states or ""}
        if self.options.provider_email:
            params["provider_email"] = self.options.provider_email
        answer, self._links_path = reads.read_links(self._http, params, self._links_path)
        catalog = mapping.catalog_from_links(parse(CvLinks, answer).data, self.options)
        self._lengths = mapping.Lengths.of(catalog, self.options.default_minutes)
        return catalog

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        """The listed appointments from yesterday (UTC) to a year ahead (the list holds only
        future ones; it has no "changed since" filter, so every pull reads the window)."""
        now = utc_now()
        first = (now - timedelta(days=1)).date()
        last = (now + timedelta(days=reads.AHEAD_DAYS)).date()
        items = reads.list_dates(self._http, first, last)
        if self._desk is None:  # `frontdesk validate`: no desk to tie to
            return [mapping.booking_from_item(i, self.connection_id, self._lengths) for i in items]
        low = datetime.combine(first - timedelta(days=7), datetime.min.time(), now.tzinfo)
        high = datetime.combine(last + timedelta(days=1), datetime.min.time(), now.tzinfo)
        desk = [b for b in self._desk(low, high) if b.connection_id == self.connection_id]
        cache: dict[tuple[str, date], list[CvItem]] = {}

        def find(booking: Booking) -> CvItem | None:
            email = booking.patient_email or ""
            start = mapping.held_start(booking)
            key = (email.casefold(), start.date())
            if key not in cache:
                cache[key] = reads.list_for(self._http, email, start)
            return reads.pick(cache[key], start, booking.resource_id)

        return pull.in_desk_terms(
            items, desk, find, self.connection_id, self._lengths, now, high - timedelta(days=1)
        )

    def _look_up(self, booking: Booking, start: datetime) -> CvItem | None:
        """The listed appointment of the booking's patient starting at ``start``."""
        items = reads.list_for(self._http, booking.patient_email or "", start)
        return reads.pick(items, start, booking.resource_id)

    def find_existing(self, booking: Booking) -> Booking | None:
        """After a create whose answer was lost: the appointment listed for the patient's
        email at the booking's start, if any (CannotTell where the list cannot say)."""
        if booking.visit_status is VisitStatus.CANCELLED:
            return None  # a cancel's refusal is not a create to find
        if not booking.patient_email:
            raise CannotTell("the booking has no patient email to look it up by")
        if booking.start <= utc_now():
            raise CannotTell("CareValidate lists only future appointments")
        try:
            found = self._look_up(booking, booking.start)
        except LookupRefused as exc:
            raise CannotTell(f"CareValidate refused the lookup ({exc})") from exc
        except Undecidable as exc:
            raise CannotTell(str(exc)) from exc
        return None if found is None else self._tied(self._held(booking), found)

    def _tied(self, booking: Booking, item: CvItem) -> Booking:
        return mapping.listed_desk_booking(booking, item, self.options.default_minutes)

    @staticmethod
    def _held(booking: Booking) -> Booking:
        """``booking`` confirmed at its start, with that start kept as the one CareValidate
        holds (``mapping.HELD_START``): how it is found again while it has no id."""
        return booking.with_changes(
            sync_state=SyncState.CONFIRMED,
            problem_code=None,
            problem_message=None,
            extra={**booking.extra, mapping.HELD_START: iso_utc(booking.start)},
        )

    def _with_id(self, booking: Booking) -> Booking:
        """Just accepted: look its id up now; if the list cannot say yet, the next pull will."""
        try:
            found = self._look_up(booking, booking.start)
        except (ApiError, BadAnswer, Undecidable) as exc:
            log.info("CareValidate id of %s not known yet: %s", booking.id, type(exc).__name__)
            return booking
        return booking if found is None else self._tied(booking, found)

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        if self.options.problem:
            return RetryLater(f"connection option {self.options.problem}", untouched=True)
        body = mapping.create_body(booking, self.options.timezone, self.options.location)
        outcome = self._send(BOOK, body)
        if outcome is not None:
            return outcome
        return Accepted(self._with_id(self._held(booking)))

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        """Book the new time first, then cancel the old appointment (CareValidate has no
        reschedule call; Calendly's reschedule is a cancel and a new booking)."""
        if self.options.problem:
            return RetryLater(f"connection option {self.options.problem}", untouched=True)
        if not booking.patient_email:  # the book body requires it, and so does every lookup
            return Refused(Verdict(400, None, NO_EMAIL_MOVE, "patient_email"))
        old = self._old_of(booking)
        if not isinstance(old, Booking):
            return old
        try:
            found = self._look_up(booking, booking.start)
        except (ApiError, BadAnswer, Undecidable) as exc:
            return RetryLater(f"cannot check for an earlier attempt at the new time: {exc}")
        if found is not None and found.id == old.remote_id:
            return Accepted(self._tied(self._held(booking), found), replayed=True)
        if found is not None:
            moved = self._tied(self._held(booking), found)
        else:
            body = mapping.create_body(booking, self.options.timezone, self.options.location)
            outcome = self._send(BOOK, body)
            if outcome is not None:
                return outcome  # refused: the patient keeps the old appointment
            moved = self._with_id(self._held(booking))
            if moved.remote_id is None:
                return RetryLater("new time booked; its CareValidate id is looked up first")
        return self._cancel_old(old, moved)

    def _old_of(self, booking: Booking) -> Booking | Outcome:
        """The old appointment (its id, its start) of a booking being moved."""
        old = booking.with_changes(start=mapping.held_start(booking))
        if old.remote_id is not None:
            return old
        return self._find_id(old)

    def _cancel_old(self, old: Booking, moved: Booking) -> Outcome:
        done = self._cancel(old, RESCHEDULE_REASON)
        if isinstance(done, Accepted):
            return Accepted(moved)
        if isinstance(done, Refused) and not done.credentials:
            note = f"Booked the new time; the old one was not cancelled: {done.verdict.message}"
            return Accepted(moved.with_changes(problem_message=note))
        if isinstance(done, Refused):
            return done
        return RetryLater(f"new time booked; cancelling the old one: {done.reason}")

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        return self._cancel(booking, None)

    def _find_id(self, booking: Booking) -> Booking | Outcome:
        """``booking`` with its CareValidate id looked up (it had none yet), or why not."""
        if not booking.patient_email:
            return Refused(Verdict(400, None, NO_EMAIL, "patient_email"))
        start = mapping.held_start(booking)
        try:
            found = self._look_up(booking, start)
        except Undecidable as exc:
            text = f"Cannot tell which CareValidate appointment this is ({exc}); see CareValidate"
            return Refused(Verdict(409, None, text))
        except (ApiError, BadAnswer) as exc:
            return RetryLater(f"cannot look up the CareValidate id yet: {exc}", untouched=True)
        if found is None:
            return RetryLater(
                "CareValidate does not list this appointment (yet); its id, needed to cancel "
                "it, is looked up again later",
                untouched=True,
            )
        return booking.with_changes(remote_id=found.id)

    def _cancel(self, booking: Booking, reason: str | None) -> Outcome:
        if not booking.patient_email:
            return Refused(Verdict(400, None, NO_EMAIL, "patient_email"))
        if booking.remote_id is None:
            found = self._find_id(booking)
            if not isinstance(found, Booking):
                return found
            booking = found
        body: dict[str, Any] = {"email": booking.patient_email, "appointmentId": booking.remote_id}
        if reason is not None:
            body["reason"] = reason
        outcome = self._send(CANCEL, body)
        cancelled = booking.with_changes(
            visit_status=VisitStatus.CANCELLED,
            sync_state=SyncState.CONFIRMED,
            problem_code=None,
            problem_message=None,
        )
        if outcome is None:
            return Accepted(cancelled)
        if isinstance(outcome, Refused) and not outcome.credentials:
            return self._refused_cancel(booking, cancelled, outcome)
        return outcome

    def _refused_cancel(self, booking: Booking, cancelled: Booking, refused: Refused) -> Outcome:
        """A refused cancel of an appointment no longer listed is done (a resend after a lost
        answer: nothing documents an "already cancelled" answer); else the refusal, saying
        which id was sent."""
        start = mapping.held_start(booking)
        if start > utc_now():
            try:
                items = reads.list_for(self._http, booking.patient_email or "", start)
            except (ApiError, BadAnswer):
                items = None
            if items is not None and all(i.id != booking.remote_id for i in items):
                return Accepted(cancelled, replayed=True)
        v = refused.verdict
        text = f"CareValidate refused the cancel: {v.message}. {ID_READING}."
        return Refused(Verdict(v.status, v.code, text, v.field))

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.visit_status is VisitStatus.CANCELLED:
            return self.cancel(booking, idempotency_key)
        # Arrived, completed, no-show (and booked): CareValidate has no call; desk-only.
        return Accepted(booking.with_changes(sync_state=SyncState.CONFIRMED))

    def _send(self, path: str, body: dict[str, Any]) -> Outcome | None:
        """POST ``body``; None when CareValidate says it is done, else the outcome."""
        try:
            answer = self._http.request("POST", path, body=body)
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach CareValidate ({exc.kind})", untouched=True)
        return classify(answer)

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "startTime", rules.parse_start)

    def context_days(self, day: date) -> tuple[date, date]:
        return rules.context_days(day)

    def neighbour_keys(self, booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
        return rules.neighbour_keys(booking, catalog)

    def neighbour_reads(self, booking: Booking, catalog: Catalog) -> tuple[Match, ...] | None:
        return None  # a cached booking's keys come from its service's providers

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        body = mapping.create_body(booking, self.options.timezone, self.options.location)
        verdict = rules.predict_create(body, catalog, others, now, ignore_booking_id=booking.id)
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)


def classify(answer: Answer) -> Outcome | None:
    """A book or cancel answer: None when done (a 2xx whose envelope does not say
    `success: false`), else the outcome. A body that cannot be read is judged by its status."""
    status = answer.status
    if 200 <= status < 300:
        try:
            body = parse(CvEnvelope, answer)
        except BadAnswer as exc:
            log.warning("unreadable CareValidate answer: %s", exc)
            return Ambiguous(f"unreadable answer: {exc}")
        if body.success is False:
            return Ambiguous(f"HTTP {status} but success is false: {body.message or ''}".strip())
        return None
    wait = retry_after_seconds(answer.header("retry-after"), utc_now())
    if status == 429:
        return RetryLater("rate limited by CareValidate", wait, untouched=True)
    if status >= 500:
        return RetryLater(f"CareValidate server error (HTTP {status})", wait)
    text = fail_text(answer) or f"HTTP {status} (CareValidate's answer could not be read)"
    field = _field_of(text) if status == 400 else None
    return Refused(Verdict(status, None, text, field), credentials=status in (401, 403))
