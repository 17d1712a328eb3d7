"""The VantaX connector: pulls the catalog and bookings of the connection's sub-account,
creates the patient's contact (its own operation, ``create_patient``) and the appointment that
names it, sends changes, and classifies every answer into one sync outcome (``errors.py``).

The API key is bound to one sub-account (``/authentication``: it "acts on the owning
sub-account"); the connection names it (``sub_account_id``, required) and every list and body
carries it, as the resource pages require. VantaX documents no time zone, so the connection
also names the clinic's (``timezone``, required). Reads are bounded date windows
(``start_date``/``end_date``, both inclusive) paged by ``starting_after``; there is no
``updated_since``.

Every write carries ``Idempotency-Key`` (the glossary asks for it), but its replay is not
documented: after a lost create answer the engine asks ``find_existing``, which looks the
appointment up by time, calendar and contact before anything is sent again. The contact step
searches before it creates, so a patient VantaX already knows keeps their contact. A create
queued before contacts were operations of their own (no contact id on the booking) still makes
the contact first, with the key + ``:contact``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from datetime import date, datetime, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.neighbours import Match
from frontdesk.domain.timeutil import local_day_bounds, to_local, utc_now, zone
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.answers import parse
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    Outcome,
    Refused,
    RetryLater,
    retry_after_seconds,
)
from frontdesk.providers.connector_base import HttpConnector, desk_fields
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.providers.vantax import mapping
from frontdesk.providers.vantax.errors import describe, refusal
from frontdesk.providers.vantax.wire import (
    VxAppointment,
    VxAppointmentList,
    VxAppointmentOne,
    VxCalendar,
    VxCalendarList,
    VxCalendarOne,
    VxContact,
    VxContactList,
    VxContactOne,
)
from frontdesk.rules import vantax as rules

log = logging.getLogger("frontdesk.providers")

PAGE = 100  # /pagination: at most 100 (more is clamped)
# Without a catalog pull first (``frontdesk validate``): the desk's usual span around today.
DAYS_BACK, DAYS_AHEAD = 1, 20


class OptionError(ApiError):
    """A connection option VantaX needs is missing or wrong; the message names the option."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retry=False)


class _Refused(ApiError):
    """A read refused with a 4xx: keeps the answer so a write can report it as VantaX said it."""

    def __init__(self, message: str, answer: Answer) -> None:
        super().__init__(message, retry=False, credentials=answer.status in (401, 402, 403))
        self.answer = answer


class _Stop(Exception):
    """A step of a create ended in an outcome other than success."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(type(outcome).__name__)
        self.outcome = outcome


def checked_options(sub_account_id: str | None, timezone: str | None) -> tuple[str, str]:
    """The two options every VantaX connection needs, or :class:`OptionError` naming one."""
    if not sub_account_id or not sub_account_id.strip():
        raise OptionError(
            translate(
                "Connections",
                "sub_account_id: required: the sub-account the API key belongs to (sub_…)",
            )
        )
    if not timezone or not timezone.strip():
        raise OptionError(
            translate(
                "Connections",
                "timezone: required: the clinic's IANA time zone, e.g. America/New_York "
                "(VantaX publishes none)",
            )
        )
    try:
        zone(timezone.strip())
    except ValueError as exc:
        said = translate(
            "Connections", "timezone: {value} is not an IANA time zone (e.g. America/New_York)"
        )
        raise OptionError(said.format(value=repr(timezone.strip()))) from exc
    return sub_account_id.strip(), timezone.strip()


class VantaxConnector(HttpConnector):
    provider = "vantax"
    rate_per_minute: float = 120  # ours: VantaX documents 429 but no number
    idempotent_creates = False  # the key is sent, but a replay is not documented: look up
    creates_patients = True

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        sub_account_id: str | None,
        timezone: str | None,
        timeout: float = 15.0,
    ) -> None:
        self._sub, self._zone = checked_options(sub_account_id, timezone)
        super().__init__(connection_id, base_url, {"Authorization": f"Bearer {api_key}"}, timeout)
        self._calendar_names: dict[str, str] = {}
        self._contacts: dict[str, VxContact] = {}
        self._days: list[date] = []

    # -- reads ---------------------------------------------------------------------------
    def _get(self, path: str, params: dict[str, str | int] | None = None) -> Answer:
        try:
            answer = self._http.request("GET", path, params=params)
        except TransportError as exc:
            raise ApiError(f"network: {exc}", retry=True) from exc
        if answer.status == 429 or answer.status >= 500:
            wait = retry_after_seconds(answer.header("retry-after"), utc_now())
            raise ApiError(f"HTTP {answer.status} on GET {path}", retry=True, not_before_s=wait)
        if answer.status >= 400:
            raise _Refused(f"{describe(answer)} on GET {path}", answer)
        return answer

    def _list(
        self,
        path: str,
        model: type[VxAppointmentList] | type[VxCalendarList] | type[VxContactList],
        params: dict[str, str | int],
    ) -> list[Any]:
        """Every item of a cursor-paginated list of the sub-account (``/pagination``)."""
        query: dict[str, str | int] = {"sub_account_id": self._sub, **params, "limit": PAGE}
        items: list[Any] = []
        while True:
            body = parse(model, self._get(path, query))
            items.extend(body.data)
            more = body.pagination.has_more if body.pagination else len(body.data) >= PAGE
            if not more or not body.data:
                return items
            query["starting_after"] = body.data[-1].id

    def _all_contacts(self) -> dict[str, VxContact]:
        contacts: list[VxContact] = self._list("contacts", VxContactList, {})
        self._contacts = {c.id: c for c in contacts}
        return self._contacts

    def pull_catalog(self, days: list[date]) -> Catalog:
        self._days = sorted(days)
        try:
            calendars: list[VxCalendar] = self._list("calendars", VxCalendarList, {})
        except _Refused as exc:
            if exc.answer.status not in (403, 404):
                raise
            raise ApiError(
                f"VantaX answered {describe(exc.answer).removeprefix('HTTP ')} for sub-account "
                f"{self._sub}: an API key reaches only its own sub-account; check the "
                "connection's sub_account_id and key",
                retry=False,
            ) from exc
        self._calendar_names = {c.id: c.name for c in calendars}
        contacts = self._all_contacts()
        return mapping.catalog_from_wire(self._zone, self._sub, calendars, list(contacts), days)

    def _window(self) -> tuple[datetime, datetime]:
        """The span the desk caches (the last catalog pull's days, in the clinic's zone), as
        the first and the last second of it, both inclusive like ``start_date``/``end_date``."""
        days = self._days
        if not days:
            today = to_local(utc_now(), self._zone).date()
            days = [today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)]
        start = local_day_bounds(days[0], self._zone)[0]
        end = local_day_bounds(days[-1], self._zone)[1] - timedelta(seconds=1)
        return start, end

    def _appointments(self, params: dict[str, str | int]) -> list[Booking]:
        records: list[VxAppointment] = self._list("appointments", VxAppointmentList, params)
        if any(r.contact_id not in self._contacts for r in records):
            self._all_contacts()  # a contact made since the catalog pull
        return [mapping.booking_from_wire(r, self.connection_id, self._contacts) for r in records]

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        """The window's appointments (``since`` is not used: VantaX has no ``updated_since``,
        so every pull reads the whole window again)."""
        start, end = self._window()
        window = {"start_date": mapping.wire_stamp(start), "end_date": mapping.wire_stamp(end)}
        return self._appointments(dict(window))

    def find_existing(self, booking: Booking) -> Booking | None:
        """After a lost create answer: an appointment at the booking's start on its calendar
        for its contact (``start_date`` = ``end_date`` = the start: both are inclusive), not
        cancelled. Raises ``ApiError`` when the list cannot be read."""
        stamp = mapping.wire_stamp(booking.start)
        params: dict[str, str | int] = {"start_date": stamp, "end_date": stamp}
        if booking.resource_id:
            params["calendar_id"] = booking.resource_id
        contact_id = booking.extra.get("contact_id")
        for remote in self._appointments(params):
            if remote.visit_status is VisitStatus.CANCELLED or remote.start != booking.start:
                continue
            if contact_id:
                if remote.extra.get("contact_id") == contact_id:
                    return remote
                continue
            contact = self._contacts.get(str(remote.extra.get("contact_id")))
            if contact is not None and mapping.same_patient(contact, booking):
                return remote
        return None

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        """The appointment, naming the contact its ``create_patient`` made (``contact_id``)."""
        try:
            contact_id = booking.extra.get("contact_id")
            if not contact_id:  # queued before contacts had operations of their own
                contact_id, _ = self._ensure_contact(booking, f"{idempotency_key}:contact")
            title = self._guard(lambda: self._title(booking))
        except _Stop as stop:
            return stop.outcome
        body = mapping.create_body(booking, str(contact_id), self._sub, title)
        prepared = booking.with_changes(extra={**booking.extra, "contact_id": contact_id})
        return self._send("POST", "appointments", body, prepared, idempotency_key)

    def create_patient(self, booking: Booking, idempotency_key: str) -> Outcome:
        """The patient's contact: found by phone and email, else created with the operation's
        key. A refusal names the contact, since the desk shows it on every booking waiting."""
        try:
            contact_id, replayed = self._ensure_contact(booking, idempotency_key)
        except _Stop as stop:
            outcome = stop.outcome
            if isinstance(outcome, Refused) and not outcome.credentials:
                v = desk_fields(outcome.verdict, mapping.WIRE_TO_FIELD)
                message = f"the patient's VantaX contact was refused: {v.message}"
                return Refused(Verdict(v.status, v.code, message, v.field))
            return outcome
        made = booking.with_changes(extra={**booking.extra, "contact_id": contact_id})
        return Accepted(made, replayed=replayed, patient_ref=contact_id)

    def _guard(self, read: Callable[[], Any]) -> Any:
        """A read inside a write: its failure becomes the write's outcome."""
        try:
            return read()
        except _Refused as exc:
            raise _Stop(refusal(exc.answer)) from exc
        except ApiError as exc:
            if exc.retry:
                raise _Stop(RetryLater(str(exc), exc.not_before_s)) from exc
            raise _Stop(Refused(Verdict(400, None, str(exc)))) from exc
        except BadAnswer as exc:
            raise _Stop(RetryLater(f"unreadable answer: {exc}")) from exc

    def _title(self, booking: Booking) -> str:
        calendar_id = mapping.calendar_of_service(booking.service_id)
        if calendar_id not in self._calendar_names:
            found = parse(VxCalendarOne, self._get(f"calendars/{calendar_id}")).data
            self._calendar_names[found.id] = found.name
        return self._calendar_names[calendar_id]

    def _ensure_contact(self, booking: Booking, key: str) -> tuple[str, bool]:
        """The patient's contact id, and whether VantaX held it already: an active contact
        with the same phone and email, found by the documented ``search`` (a substring of
        name, email or phone) on the phone, else a new one, created with ``key`` in
        ``Idempotency-Key``."""
        search: dict[str, str | int] = {
            "search": mapping.wire_phone(booking.patient_phone),
            "status": "active",
        }
        found: list[VxContact] = self._guard(lambda: self._list("contacts", VxContactList, search))
        for contact in found:
            if contact.status != "deactivated" and mapping.same_patient(contact, booking):
                self._contacts[contact.id] = contact
                return str(contact.id), True
        body = mapping.contact_body(booking, self._sub)
        try:
            answer = self._http.request(
                "POST", "contacts", body=body, headers={"Idempotency-Key": key}
            )
        except TransportError as exc:
            if exc.maybe_sent:
                raise _Stop(
                    Ambiguous(f"no answer after creating the contact ({exc.kind})")
                ) from exc
            raise _Stop(RetryLater(f"cannot reach VantaX ({exc.kind})")) from exc
        if not 200 <= answer.status < 300:
            raise _Stop(refusal(answer))
        try:
            made = parse(VxContactOne, answer).data
        except BadAnswer as exc:
            log.warning("bad answer from VantaX on POST contacts: %s", exc)
            raise _Stop(Ambiguous(f"unreadable answer: {exc}")) from exc
        return made.id, _replayed(answer)

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = mapping.reschedule_body(booking)
        return self._send(
            "PATCH", f"appointments/{booking.remote_id}", body, booking, idempotency_key
        )

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = {"status": "cancelled"}
        return self._send(
            "PATCH", f"appointments/{booking.remote_id}", body, booking, idempotency_key
        )

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.visit_status is VisitStatus.ARRIVED:
            return Accepted(booking)  # VantaX has no "arrived": kept at the desk only
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = {"status": mapping.TO_WIRE_STATUS[booking.visit_status]}
        return self._send(
            "PATCH", f"appointments/{booking.remote_id}", body, booking, idempotency_key
        )

    def _send(
        self, method: str, path: str, body: dict[str, Any], booking: Booking, key: str
    ) -> Outcome:
        try:
            answer = self._http.request(method, path, body=body, headers={"Idempotency-Key": key})
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach VantaX ({exc.kind})")
        try:
            return self.classify(answer, booking)
        except BadAnswer as exc:
            log.warning("bad answer from VantaX on %s %s: %s", method, path, exc)
            return Ambiguous(f"unreadable answer: {exc}")

    def classify(self, answer: Answer, booking: Booking) -> Outcome:
        """One answer to an appointment write as a sync outcome; only a 2xx must parse."""
        if 200 <= answer.status < 300:
            record = parse(VxAppointmentOne, answer).data
            return Accepted(mapping.accepted_booking(booking, record), replayed=_replayed(answer))
        return refusal(answer)

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return []  # VantaX calendars have no hours: no day's windows are needed

    def context_days(self, day: date) -> tuple[date, date]:
        return rules.context_days(day)

    def neighbour_keys(self, booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
        return rules.neighbour_keys(booking, catalog)

    def neighbour_reads(self, booking: Booking, catalog: Catalog) -> tuple[Match, ...] | None:
        return rules.neighbour_reads(booking, catalog)

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        contact_id = booking.extra.get("contact_id")
        if not contact_id:
            verdict = rules.predict_contact(mapping.contact_body(booking, self._sub), catalog)
            if not verdict.accepted:
                return desk_fields(verdict, mapping.WIRE_TO_FIELD)
        service = catalog.service(booking.service_id)
        title = service.name if service else ""
        contact = str(contact_id or mapping.PENDING_CONTACT)
        body = mapping.create_body(booking, contact, self._sub, title)
        verdict = rules.predict_create(body, catalog, others, now, contact_pending=not contact_id)
        if verdict.accepted:  # no hours to judge: the cached bookings give at most a risk
            return rules.overlap_risk(booking, others) or verdict
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)


def _replayed(answer: Answer) -> bool:
    """``Idempotent-Replayed: true`` (the sandbox's, ours: VantaX documents no replay marker);
    it only words the desk's history, nothing depends on it."""
    return (answer.header("idempotent-replayed") or "").lower() == "true"
