"""The meetergo connector: pulls the catalog, the appointments and the provisional bookings
(through ``reads``), sends creates and changes, and classifies every answer into one sync
outcome (see ``providers.base``).

meetergo has no idempotency key: after a create whose answer was lost, ``find_existing``
lists the host's appointments and, for a meeting type that may answer provisionally (double
opt-in, host confirmation), the host's provisional bookings, and matches the meeting type,
the start and the desk's ``frontdeskRef`` note or the patient's email (or phone). Only where
neither list can be read for that host (a personal access token acting for someone else, a
list refused) does it raise :class:`CannotTell`. A provisional booking that expires or that
the host declines comes back from a pull as a refusal in plain words.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Hashable
from datetime import date, datetime
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.neighbours import Match
from frontdesk.domain.timeutil import iso_utc, parse_iso_instant, utc_now
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.providers.answers import parse
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    CannotTell,
    Outcome,
    PatientInBooking,
    Refused,
    RetryLater,
    retry_after_seconds,
)
from frontdesk.providers.connector_base import desk_fields, wire_days
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.providers.meetergo import mapping, outcomes
from frontdesk.providers.meetergo.mapping import DECLINED, EXPIRED, HostUnknown, TypeFacts
from frontdesk.providers.meetergo.reads import (
    MeetergoReads,
    ReadRefused,
    describe,
    error_of,
    valid_zone,
)
from frontdesk.providers.meetergo.wire import (
    MgCreated,
    MgProvisional,
)
from frontdesk.rules import meetergo as rules

log = logging.getLogger("frontdesk.providers")

STATUSES = ("pending", "confirmed", EXPIRED, DECLINED)
CANCEL_REASON = "Cancelled at the front desk"
RISK_WORDS = " (meetergo does not document this check; it may judge the booking differently)"


class MeetergoConnector(MeetergoReads, PatientInBooking):
    provider = "meetergo"
    # "Standard rate 100 requests Per minute", "Burst allowance Up to 200 requests": the 200
    # may go at once, then none until they are 120 s old (100 a minute on average)
    rate_per_minute: float = 100
    rate_window_s = 120.0
    idempotent_creates = False

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        api_user_id: str | None,
        timezone: str | None = None,
        timeout: float = 15.0,
    ) -> None:
        super().__init__(connection_id, base_url, api_key, api_user_id, timezone, timeout)

    @staticmethod
    def _describe_error(answer: Answer) -> str:
        return describe(answer)

    # -- reads ---------------------------------------------------------------------------
    def pull_catalog(self, days: list[date]) -> Catalog:
        if not valid_zone(self.zone):
            raise ApiError(
                f"the connection's time zone {self.zone!r} is not an IANA time zone name "
                "(such as Europe/Berlin)",
                retry=False,
            )
        self.load_users()
        facts = self.load_types()
        windows = [w for f in facts for w in self.windows(f, days)]
        return mapping.catalog_from(facts, self.names, windows, self.zone)

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        """Every appointment of every user (no documented filter: all pages), and, where a
        meeting type may answer provisionally, what became of the desk's provisional
        bookings."""
        if not self.facts:
            self.load_types()
        groups = {f.id for f in self.facts.values() if f.kind == "group"}
        records = self.appointments()
        refs: dict[mapping.Key, str] = {}
        ended: list[Booking] = []
        if any(f.extra()["provisional"] != "no" for f in self.facts.values()):
            refs, ended = self._provisional_outcomes()
        cid = self.connection_id
        pulled = [b for r in records for b in mapping.bookings_from_record(r, cid, groups, refs)]
        return pulled + ended

    def _provisional_outcomes(self) -> tuple[dict[mapping.Key, str], list[Booking]]:
        """The desk's provisional bookings by status: the confirmed ones link their
        appointment to the desk booking (type, start, patient); a desk booking whose newest
        provisional booking expired or was declined comes back refused."""
        seen: dict[str, MgProvisional] = {}
        status_of: dict[str, set[str]] = defaultdict(set)
        try:
            for status in STATUSES:
                for item in self.provisional(status=status):
                    seen[item.id] = item
                    status_of[item.id].add(status)
        except ReadRefused as exc:
            log.warning("meetergo refused the provisional bookings (HTTP %s)", exc.status)
            return {}, []
        if any(len(s) > 1 for s in status_of.values()):
            log.warning("meetergo ignored the provisional status filter; statuses not read")
            return {}, []
        refs: dict[mapping.Key, str] = {}
        newest: dict[str, MgProvisional] = {}
        for pid, item in seen.items():
            ref, key = mapping.provisional_ref(item), mapping.provisional_key(item)
            if ref is None:
                continue  # not made by the desk
            if key is not None and "confirmed" in status_of[pid]:
                refs[key] = ref
            if ref not in newest or _created(item) > _created(newest[ref]):
                newest[ref] = item
        ended = []
        for item in newest.values():
            (status,) = status_of[item.id]
            if status in (EXPIRED, DECLINED):
                facts = self.facts.get(item.dto.meetingTypeId or item.meetingTypeId or "")
                minutes = facts.type.minutes if facts else None
                found = mapping.booking_from_provisional(item, self.connection_id, minutes, status)
                if found is not None:
                    ended.append(found)
        return refs, ended

    def _hosts(self, facts: TypeFacts) -> list[str | None] | None:
        """The users whose lists would hold a booking of this type; None when this key
        cannot read them (a personal token whose owner is not among its hosts)."""
        hosts = list(facts.members) if facts.members_known or facts.user_id else []
        if self.personal_token:
            if self.owner is None and not self.names:
                self.load_users()
            return [None] if not hosts or self.owner is None or self.owner in hosts else None
        return list(hosts) or self.acting_users()

    def find_existing(self, booking: Booking) -> Booking | None:
        facts = self.type_facts(booking.service_id)
        provisional = facts.extra()["provisional"] != "no"
        users = self._hosts(facts)
        if users is None:
            raise CannotTell(
                f"{_why(facts)}the personal access token acts only as its owner, who does not "
                "host this meeting type, so meetergo shows it none of the host's bookings"
            )
        ref = booking.external_ref or booking.id
        me = mapping.identity(booking.patient_email, booking.patient_phone)
        groups = {facts.id} if facts.kind == "group" else set()
        for record in self.appointments(users):
            if record.meetingTypeId != booking.service_id or record.cancelled:
                continue
            if parse_iso_instant(record.start) != booking.start:
                continue
            for remote in mapping.bookings_from_record(record, self.connection_id, groups):
                mine = mapping.identity(remote.patient_email, remote.patient_phone)
                if remote.external_ref == ref or (me and mine == me):
                    return outcomes.confirmed(booking, remote)
        if not provisional:
            return None
        try:
            items = self.provisional(users)
        except ReadRefused as exc:
            raise CannotTell(
                f"{_why(facts)}meetergo refused the list of provisional bookings ({exc})"
            ) from exc
        for item in items:
            key = mapping.provisional_key(item)
            if key is None or key[0] != booking.service_id or key[1] != booking.start:
                continue
            if mapping.provisional_ref(item) == ref or (me and key[2] == me):
                return outcomes.provisional(booking, item.id, item.type)
        return None

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        try:
            facts = self.type_facts(booking.service_id)
        except ReadRefused as exc:
            if exc.status == 404:
                message = "meetingTypeId does not match any meeting type"
                return Refused(Verdict(404, "Not Found", message, "service_id"))
            return outcomes.refused(exc.status, exc.error)
        except ApiError as exc:
            return RetryLater(f"cannot read the meeting type: {exc}", exc.not_before_s, True)
        except BadAnswer as exc:
            return RetryLater(f"unreadable meeting type: {exc}", untouched=True)
        service = _service(facts)
        try:
            body = mapping.create_body(booking, service)
        except HostUnknown as exc:
            return Refused(Verdict(400, "HOST_UNKNOWN", str(exc), "resource_id"))
        return self._send("POST", "booking", body, booking, "create", None)

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater(_waiting(booking))
        if "/" in booking.remote_id:
            message = (
                "meetergo moves a group session for everyone in it: cancel this patient's "
                "place and book the new time instead."
            )
            return Refused(Verdict(400, "GROUP_MOVE", message, "start"))
        body = {"start": iso_utc(booking.start)}
        path = f"appointment/{booking.remote_id}/reschedule"
        return self._send("POST", path, body, booking, "reschedule", self._acting(booking))

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            if booking.extra.get("provisional_status") in (EXPIRED, DECLINED):
                return Accepted(
                    outcomes.cancelled(booking)
                )  # it ended in meetergo: nothing to cancel
            return RetryLater(_waiting(booking))
        body: dict[str, Any] = {"reason": CANCEL_REASON}
        appointment = mapping.appointment_of(booking.remote_id)
        user = self._acting(booking)
        if appointment != booking.remote_id:  # a group seat: remove this attendee only
            attendee = booking.extra.get("attendee_id")
            if not isinstance(attendee, str) or not attendee:
                try:
                    attendee = self._attendee_id(booking, user)
                except ApiError as exc:
                    return RetryLater(f"cannot find the patient's place: {exc}", exc.not_before_s)
                except BadAnswer as exc:
                    return RetryLater(f"cannot find the patient's place: {exc}")
                if attendee is None:  # no longer in the session: nothing left to cancel
                    return Accepted(outcomes.cancelled(booking))
            body["attendeeId"] = attendee
        path = f"appointment/{appointment}/cancel"
        return self._send("POST", path, body, booking, "cancel", user)

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.visit_status is VisitStatus.CANCELLED:
            return self.cancel(booking, idempotency_key)
        # meetergo keeps no arrival / completion / no-show state: it stays at the desk.
        return Accepted(booking.with_changes(problem_code=None, problem_message=None))

    def _acting(self, booking: Booking) -> str | None:
        """Who a change acts as ("as the host or admin"): the booking's host when known,
        else the connection's API user."""
        if self.personal_token:
            return None
        if not self.names:
            try:
                self.load_users()
            except (ApiError, BadAnswer) as exc:
                log.info("meetergo users not read before a change: %s", exc)
        facts = self.facts.get(booking.service_id)
        if booking.resource_id in self.names:
            return booking.resource_id
        if facts is not None and facts.user_id:
            return facts.user_id
        return self.api_user

    def _attendee_id(self, booking: Booking, user: str | None) -> str | None:
        """The patient's attendee id in a group appointment (None: not in it any more)."""
        wanted = booking.remote_id or ""
        appointment = mapping.appointment_of(wanted)
        for record in self.appointments([user]):
            if record.id != appointment:
                continue
            for person in record.attendees:
                if mapping.seat_id(record.id, person) == wanted and person.id:
                    return person.id
            return None
        raise BadAnswer("the group appointment is not in the host's list")

    def _send(
        self,
        method: str,
        path: str,
        body: dict[str, Any],
        booking: Booking,
        kind: str,
        user: str | None,
    ) -> Outcome:
        """A write; ``user``: the user header's value (None on ``POST /v4/booking``, whose
        page lists no user header)."""
        headers = self.headers_for(user) if kind != "create" else {}
        try:
            answer = self._http.request(method, path, body=body, headers=headers)
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach meetergo ({exc.kind})", untouched=True)
        try:
            return self.classify(answer, booking, kind)
        except BadAnswer as exc:
            log.warning("bad answer from meetergo on %s %s: %s", method, path, exc)
            return Ambiguous(f"unreadable answer: {exc}")

    def classify(self, answer: Answer, booking: Booking, kind: str = "create") -> Outcome:
        """One answer of a create, reschedule or cancel as a sync outcome."""
        status = answer.status
        if 200 <= status < 300:
            if kind == "cancel":
                return Accepted(outcomes.cancelled(booking))
            if kind == "reschedule":
                return Accepted(outcomes.moved(answer, booking, self.connection_id))
            return self._created(parse(MgCreated, answer), booking)
        if status == 429:
            wait = retry_after_seconds(answer.header("retry-after"), utc_now())
            return RetryLater("rate limited by meetergo", wait, untouched=True)
        if status >= 500:
            # 503: the service did not take the request; 500, 502, 504 may follow a commit
            wait = retry_after_seconds(answer.header("retry-after"), utc_now())
            reason = f"meetergo server error (HTTP {status})"
            return RetryLater(reason, wait, untouched=status == 503)
        return outcomes.refused(status, error_of(answer))

    def _created(self, created: MgCreated, booking: Booking) -> Outcome:
        if created.appointmentId:
            remote_id = created.appointmentId
            facts = self.facts.get(booking.service_id)
            if facts is not None and facts.kind == "group":
                who = mapping.identity(booking.patient_email, booking.patient_phone)
                remote_id = f"{remote_id}/{who}"
            done = booking.with_changes(
                remote_id=remote_id,
                sync_state=SyncState.CONFIRMED,
                problem_code=None,
                problem_message=None,
            )
            return Accepted(done)
        if created.provisionalBookingId:
            return Accepted(
                outcomes.provisional(booking, created.provisionalBookingId, created.bookingType)
            )
        raise BadAnswer("a 2xx create answer with neither appointmentId nor provisionalBookingId")

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "start", rules.parse_start)

    def context_days(self, day: date) -> tuple[date, date]:
        return rules.context_days(day)

    def neighbour_keys(self, booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
        return rules.neighbour_keys(booking, catalog)

    def neighbour_reads(self, booking: Booking, catalog: Catalog) -> tuple[Match, ...] | None:
        return None  # a cached booking's keys come from its service's host

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        service: Service | None = catalog.service(booking.service_id)
        if service is None:
            message = "meetingTypeId does not match any meeting type"
            return Verdict(404, "Not Found", message, "service_id")
        try:
            body = mapping.create_body(booking, service)
        except HostUnknown as exc:
            return Verdict(400, "HOST_UNKNOWN", str(exc), "resource_id")
        verdict = rules.predict_create(body, catalog, others, now, ignore_booking_id=booking.id)
        verdict = desk_fields(verdict, mapping.WIRE_TO_FIELD)
        if verdict.severity is Severity.RISK and not verdict.accepted:
            return Verdict(
                verdict.status,
                verdict.code,
                f"{verdict.message}{RISK_WORDS}",
                verdict.field,
                Severity.RISK,
            )
        return verdict


def _service(facts: TypeFacts) -> Service:
    return Service(facts.id, facts.type.title, facts.type.minutes or 30, extra=facts.extra())


def _created(item: MgProvisional) -> datetime:
    when = parse_iso_instant(item.createdAt) if item.createdAt else None
    return when or datetime.min.replace(tzinfo=utc_now().tzinfo)


def _why(facts: TypeFacts) -> str:
    setting = facts.extra()
    if setting["provisional"] == "no":
        return ""
    if mapping.setting(setting["doubleOptIn"]) != "no":
        return "its meeting type may ask the patient to confirm by email (double opt-in), and "
    return "its meeting type may need the host's confirmation, and "


def _waiting(booking: Booking) -> str:
    if booking.sync_state is SyncState.AWAITING_CONFIRMATION:
        return "waiting for the attendee or host to confirm the provisional booking"
    return "waiting for the booking's create to be acknowledged"
