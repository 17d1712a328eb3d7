"""The VantaX connector: pulls the catalog and bookings, creates the patient's contact (its own
operation, ``create_patient``) and the appointment that names it, sends changes, and classifies
every answer into one sync outcome.

Every write carries ``Idempotency-Key`` (the operation's key), so a resend after a lost answer
returns the first answer instead of a second contact or appointment; the contact step also
searches before it creates, so a patient VantaX already knows keeps their contact. A create
queued before contacts were operations of their own (no contact id on the booking) still makes
the contact first, with the key + ``:contact``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import iso_utc, utc_now
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
from frontdesk.providers.vantax.wire import (
    VxAppointmentList,
    VxAppointmentOne,
    VxCalendar,
    VxCalendarList,
    VxCalendarOne,
    VxContact,
    VxContactList,
    VxContactOne,
    VxErrorBody,
    VxSubAccount,
    VxSubAccountList,
)
from frontdesk.rules import vantax as rules

log = logging.getLogger("frontdesk.providers")

PAGE = 100


class _Refused(ApiError):
    """A read refused with a 4xx: keeps the answer so a write can report it as VantaX said it."""

    def __init__(self, message: str, answer: Answer) -> None:
        super().__init__(message, retry=False)
        self.answer = answer


class _Stop(Exception):
    """A step of a create ended in an outcome other than success."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(type(outcome).__name__)
        self.outcome = outcome


class VantaxConnector(HttpConnector):
    provider = "vantax"
    rate_per_minute = 120
    idempotent_creates = True
    creates_patients = True

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        sub_account_id: str | None = None,
        timeout: float = 15.0,
    ) -> None:
        super().__init__(connection_id, base_url, {"Authorization": f"Bearer {api_key}"}, timeout)
        self._option_sub = sub_account_id or None
        self._sub: str | None = self._option_sub
        self._calendar_names: dict[str, str] = {}

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
            raise _Refused(f"{_describe_error(answer)} on GET {path}", answer)
        return answer

    def _list(
        self,
        path: str,
        model: type[VxSubAccountList] | type[VxCalendarList] | type[VxContactList],
        params: dict[str, str | int] | None = None,
    ) -> list[Any]:
        """Every item of a cursor-paginated list."""
        query: dict[str, str | int] = {**(params or {}), "limit": PAGE}
        items: list[Any] = []
        while True:
            body = parse(model, self._get(path, query))
            items.extend(body.data)
            if not body.pagination.has_more or not body.data:
                return items
            query["starting_after"] = body.data[-1].id

    def _sub_accounts(self) -> list[VxSubAccount]:
        subs: list[VxSubAccount] = self._list("sub-accounts", VxSubAccountList)
        return subs

    def _sub_account(self) -> str:
        """The option's sub-account, else the first the key may use."""
        if self._sub is None:
            subs = self._sub_accounts()
            if not subs:
                raise ApiError("the API key has no sub-account", retry=False)
            self._sub = subs[0].id
        return self._sub

    def _scope(self) -> dict[str, str | int]:
        return {"sub_account_id": self._option_sub} if self._option_sub else {}

    def _contacts(self, params: dict[str, str | int]) -> list[VxContact]:
        contacts: list[VxContact] = self._list("contacts", VxContactList, params)
        return contacts

    def pull_catalog(self, days: list[date]) -> Catalog:
        subs = self._sub_accounts()
        if self._sub is None and subs:
            self._sub = subs[0].id
        zone = next((s.timezone for s in subs if s.id == self._sub), "UTC")
        calendars: list[VxCalendar] = self._list("calendars", VxCalendarList, self._scope())
        self._calendar_names = {c.id: c.name for c in calendars}
        contacts = {c.id: c.sub_account_id for c in self._contacts(self._scope())}
        return mapping.catalog_from_wire(
            zone, self._sub, [s.id for s in subs], calendars, contacts, days
        )

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        params: dict[str, str | int] = {"limit": PAGE, **self._scope()}
        if since is not None:
            params["updated_since"] = iso_utc(since).replace(".000Z", "Z")
        contacts = {c.id: c for c in self._contacts(self._scope())}
        result: list[Booking] = []
        while True:
            body = parse(VxAppointmentList, self._get("appointments", params))
            result.extend(
                mapping.booking_from_wire(r, self.connection_id, contacts) for r in body.data
            )
            if not body.pagination.has_more or not body.data:
                return result
            params["starting_after"] = body.data[-1].id

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        """The appointment, naming the contact its ``create_patient`` made (``contact_id``)."""
        try:
            sub = self._guard(self._sub_account)
            contact_id = booking.extra.get("contact_id")
            if not contact_id:  # queued before contacts had operations of their own
                contact_id, _ = self._ensure_contact(booking, sub, f"{idempotency_key}:contact")
            title = self._guard(lambda: self._title(booking))
        except _Stop as stop:
            return stop.outcome
        body = mapping.create_body(booking, str(contact_id), sub, title)
        prepared = booking.with_changes(extra={**booking.extra, "contact_id": contact_id})
        return self._send("POST", "appointments", body, prepared, idempotency_key)

    def create_patient(self, booking: Booking, idempotency_key: str) -> Outcome:
        """The patient's contact: found by phone and email, else created with the operation's
        key. A refusal names the contact, since the desk shows it on every booking waiting."""
        try:
            sub = self._guard(self._sub_account)
            contact_id, replayed = self._ensure_contact(booking, sub, idempotency_key)
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
            try:
                raise _Stop(self._refusal(exc.answer)) from exc
            except BadAnswer as bad:
                raise _Stop(RetryLater(f"unreadable answer: {bad}")) from exc
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

    def _ensure_contact(self, booking: Booking, sub: str, key: str) -> tuple[str, bool]:
        """The patient's contact id, and whether VantaX held it already: found by phone and
        email, else created with ``key`` in ``Idempotency-Key`` (a replay counts as held)."""
        phone = mapping.wire_phone(booking.patient_phone)
        search: dict[str, str | int] = {"search": phone, "sub_account_id": sub}
        found: list[VxContact] = self._guard(lambda: self._contacts(search))
        for contact in found:
            if contact.sub_account_id == sub and mapping.same_patient(contact, booking):
                return str(contact.id), True
        body = mapping.contact_body(booking, sub)
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
        try:
            if 200 <= answer.status < 300:
                replayed = (answer.header("idempotent-replayed") or "").lower() == "true"
                return parse(VxContactOne, answer).data.id, replayed
            raise _Stop(self._refusal(answer))
        except BadAnswer as exc:
            log.warning("bad answer from VantaX on POST contacts: %s", exc)
            raise _Stop(Ambiguous(f"unreadable answer: {exc}")) from exc

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
        """One answer to an appointment write as a sync outcome."""
        if 200 <= answer.status < 300:
            record = parse(VxAppointmentOne, answer).data
            replayed = (answer.header("idempotent-replayed") or "").lower() == "true"
            return Accepted(mapping.accepted_booking(booking, record), replayed=replayed)
        return self._refusal(answer)

    def _refusal(self, answer: Answer) -> Outcome:
        status = answer.status
        wait = retry_after_seconds(answer.header("retry-after"), utc_now())
        if status == 429:
            return RetryLater("rate limited by VantaX", wait)
        if status >= 500:
            return RetryLater(f"VantaX server error (HTTP {status})", wait)
        error = parse(VxErrorBody, answer)
        field = error.errors[0].field if error.errors else None
        verdict = Verdict(status=status, code=error.error, message=error.message, field=field)
        return Refused(verdict, credentials=status in (401, 403))

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return []  # VantaX calendars have no hours: no day's windows are needed

    def find_existing(self, booking: Booking) -> Booking | None:
        return None  # Idempotency-Key makes a resend return the first answer

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        sub = str(catalog.policy.extra.get("sub_account_id") or self._sub or "")
        contact_id = booking.extra.get("contact_id")
        if not contact_id:
            verdict = rules.predict_contact(mapping.contact_body(booking, sub), catalog)
            if not verdict.accepted:
                return desk_fields(verdict, mapping.WIRE_TO_FIELD)
        service = catalog.service(booking.service_id)
        title = service.name if service else ""
        body = mapping.create_body(booking, str(contact_id or mapping.PENDING_CONTACT), sub, title)
        verdict = rules.predict_create(body, catalog, others, now, contact_pending=not contact_id)
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)


def _describe_error(answer: Answer) -> str:
    try:
        body = parse(VxErrorBody, answer)
    except BadAnswer:
        return f"HTTP {answer.status}"
    return f"HTTP {answer.status} {body.error}: {body.message}"
