"""The HuskyVoice connector: pulls the catalog and bookings, sends creates and changes, and
classifies every answer into one sync outcome (see ``providers.base``).

Creates carry ``external_reference_id`` = the local booking id, so a resend after a lost answer
returns the first booking (200, ``idempotent: true``) instead of a second one. Reads use only
documented endpoints and parameters (docs/providers.md, HuskyVoice): the configuration and
services (shapes unpublished: read leniently), the availability of each cached local day, and
the appointment search by UTC ``date`` (no ``updated_since``: it is not documented).
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ValidationError

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Window
from frontdesk.domain.neighbours import Match
from frontdesk.domain.timeutil import iso_utc, utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.answers import parse
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    Outcome,
    PartialCatalog,
    PatientInBooking,
    Refused,
    RetryLater,
    retry_after_seconds,
)
from frontdesk.providers.connector_base import HttpConnector, desk_fields, wire_days
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.providers.huskyvoice import mapping
from frontdesk.providers.huskyvoice.places import Places, utc_days
from frontdesk.providers.huskyvoice.wire import (
    HvAppointment,
    HvAvailability,
    HvConfig,
    HvCreated,
    HvErrorBody,
    HvList,
    HvOne,
    HvService,
    HvSlot,
)
from frontdesk.rules import huskyvoice as rules

log = logging.getLogger("frontdesk.providers")

PAGE = 200  # the search's documented maximum ``limit``
MAX_PAGES = 500  # [ours] a listing of every appointment stops here (100,000 records)
MAX_DAY_PAGES = 50  # [ours] one UTC day's listing stops here
WRITE_SCOPE = "appointments:write"


def _data_or_self(value: Any) -> Any:
    """``value["data"]`` when the body wraps its object in ``data``, else the body itself."""
    if isinstance(value, dict) and isinstance(value.get("data"), dict | list):
        return value["data"]
    return value


M = TypeVar("M", bound=BaseModel)


def _each(model: type[M], items: Iterable[Any]) -> list[M]:
    """The items that parse as ``model``; the others are logged (by position) and skipped."""
    found: list[M] = []
    for n, item in enumerate(items):
        try:
            found.append(model.model_validate(item))
        except ValidationError as exc:
            where = ".".join(str(p) for p in exc.errors()[0]["loc"]) or "item"
            log.warning("HuskyVoice %s #%d unreadable (%s); skipped", model.__name__, n, where)
    return found


class HuskyVoiceConnector(HttpConnector, PatientInBooking):
    provider = "huskyvoice"
    rate_per_minute: float = 60
    idempotent_creates = True
    send_reference = True  # external_reference_id on creates; off only for a negative control
    page_limit = PAGE

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        timeout: float = 15.0,
        timezone: str | None = None,
    ) -> None:
        super().__init__(connection_id, base_url, {"Authorization": f"Bearer {api_key}"}, timeout)
        self._zone_fallback = timezone
        self._durations: dict[str, int] = {}
        self._places: Places | None = None  # the zone and windows of the last catalog pull
        self._service_ids: dict[str, str] = {}  # by folded name or id, of the last catalog pull
        self._days: list[date] = []

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _describe_error(answer: Answer) -> str:
        return _describe_error(answer)

    def _config(self) -> tuple[HvConfig, str]:
        body = _data_or_self(self._get("appointment-config").json())
        try:
            config = HvConfig.model_validate(body)
        except ValidationError as exc:
            raise BadAnswer(f"appointment-config answer is unreadable: {exc.errors()[0]}") from exc
        for name in (config.timezone, self._zone_fallback):
            if name and _is_zone(name):
                return config, name
        raise ApiError(
            "HuskyVoice's configuration gives no time zone this desk can read; set the "
            "connection's time zone option",
            retry=False,
        )

    def _services(self) -> list[HvService]:
        body = _data_or_self(self._get("services").json())
        if not isinstance(body, list):
            raise BadAnswer("services answer holds no list of services")
        return _each(HvService, body)

    def pull_catalog(self, days: list[date]) -> Catalog:
        return self._catalog(days, None).catalog

    def pull_catalog_apart(self, days: list[date], cached: Catalog) -> PartialCatalog:
        """The catalog, a day whose availability cannot be read left out (it keeps its cached
        windows, and the time they were read: ``rules.SLOTS_READ_BY_DAY``)."""
        return self._catalog(days, cached)

    def pull_days(self, days: list[date], cached: Catalog) -> PartialCatalog:
        """The availability of ``days`` read again after a catalog read by this connector
        (its services name the windows' services); ``cached`` with those days' windows and
        read times."""
        if self._places is None:
            raise ApiError("the catalog was not read yet", retry=True)
        read_at = utc_now()
        windows, failed = self._windows(days, apart=True)
        read = [d for d in days if d not in failed]
        self._places.windows = [w for w in self._places.windows if w.day not in read] + windows
        extra = dict(cached.policy.extra)
        by_day = dict(extra.get(rules.SLOTS_READ_BY_DAY) or {})
        by_day.update({d.isoformat(): iso_utc(read_at) for d in read})
        extra[rules.SLOTS_READ_BY_DAY] = by_day
        extra[rules.SLOTS_DAYS] = sorted({*(extra.get(rules.SLOTS_DAYS) or ()), *map(str, read)})
        policy = replace(cached.policy, extra=extra)
        return PartialCatalog(replace(cached, policy=policy, windows=windows), failed)

    def _catalog(self, days: list[date], cached: Catalog | None) -> PartialCatalog:
        """The configuration, services and each day's availability; with ``cached``, a day
        that cannot be read is left out (``failed``) instead of failing the read."""
        config, zone_name = self._config()
        services = [mapping.service_from_wire(s) for s in self._services()]
        service_ids = {s.name.casefold(): s.id for s in services}
        service_ids.update({s.id.casefold(): s.id for s in services})
        self._service_ids = service_ids
        read_at = utc_now()  # before the first availability read: a later send counts
        windows, failed = self._windows(days, apart=cached is not None)
        self._durations = {s.id: s.duration_minutes for s in services}
        self._places = Places(zone_name, windows)
        self._days = list(days)
        catalog = mapping.catalog_from_wire(config, zone_name, services, windows, read_at, days)
        if cached is not None and failed:
            catalog = _kept_days(catalog, cached, failed)
        return PartialCatalog(catalog, failed)

    def _windows(self, days: list[date], apart: bool) -> tuple[list[Window], dict[date, Exception]]:
        """The windows of ``days``; ``apart``: a day that cannot be read is named with why
        instead of raising (after no connection or a server's "wait", the rest are not asked:
        they wait for the next refresh); a refused key always raises."""
        windows: list[Window] = []
        failed: dict[date, Exception] = {}
        for n, day in enumerate(days):
            try:
                answer = self._get("appointment-slots/availability", {"date": day.isoformat()})
                windows.extend(windows_of(day, answer, self._service_ids))
            except (ApiError, BadAnswer) as exc:
                if not apart or (isinstance(exc, ApiError) and exc.credentials):
                    raise
                failed[day] = exc
                if isinstance(exc, ApiError) and (
                    exc.not_before_s is not None or isinstance(exc.__cause__, TransportError)
                ):
                    failed.update(dict.fromkeys(days[n + 1 :], exc))
                    break
        return windows, failed

    def _list_page(self, params: dict[str, str | int], page: int) -> list[HvAppointment]:
        answer = self._get("appointments", {**params, "page": page, "limit": self.page_limit})
        return _each(HvAppointment, parse(HvList, answer).data)

    def _pages(
        self,
        params: dict[str, str | int],
        first: int,
        cap: int,
        before: Iterable[HvAppointment] = (),
    ) -> list[HvAppointment]:
        """Pages ``first``.. of a listing (``before``: its earlier pages), until a page is
        shorter than ``limit`` [ours: the pagination object is not published], brings nothing
        new, or ``cap`` is reached."""
        found: list[HvAppointment] = []
        seen = {r.appointment_id for r in before}
        for page in range(first, first + cap):
            rows = self._list_page(params, page)
            fresh = [r for r in rows if r.appointment_id not in seen]
            found.extend(fresh)
            seen.update(r.appointment_id for r in rows)
            if len(rows) < self.page_limit or not fresh:
                return found
        log.warning("HuskyVoice listing %s stopped after %d pages", params or "(all)", cap)
        return found

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        """The org's appointments: one unfiltered page first; when that is the whole list (a
        short page) it is all. Otherwise each UTC day the cached local days touch, by ``date``
        (``since`` is not used: the search has no ``updated_since``). Without cached days (no
        catalog pulled by this connector) every page is listed."""
        places = self._places
        if places is None:
            _, zone_name = self._config()
            places = self._places = Places(zone_name)
        records = self._list_page({}, 1)
        if len(records) >= self.page_limit:
            if not self._days:
                records += self._pages({}, 2, MAX_PAGES - 1, records)
            else:
                records = []
                for day in utc_days(self._days, places.zone_name):
                    records += self._pages({"date": day.isoformat()}, 1, MAX_DAY_PAGES)
        result: dict[str, Booking] = {}
        for record in records:
            booking = mapping.booking_from_wire(record, self.connection_id, places, self._durations)
            if booking is not None and booking.remote_id is not None:
                result[booking.remote_id] = booking
        return list(result.values())

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        body = mapping.create_body(booking, with_reference=self.send_reference)
        return self._send("POST", "appointments", body, booking, placed=True)

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        refused = rules.predict_change(booking)
        if refused is not None:  # branch and service are not updatable: never sent
            return Refused(refused)
        body = mapping.reschedule_body(booking)
        return self._send("PATCH", f"appointments/{booking.remote_id}", body, booking, placed=True)

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = {"status": "cancelled"}
        path = f"appointments/{booking.remote_id}"
        return self._send("PATCH", path, body, booking, placed=False)

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.visit_status in mapping.DESK_ONLY:  # not a HuskyVoice status: nothing to send
            state = SyncState.CONFIRMED if booking.remote_id else booking.sync_state
            return Accepted(
                booking.with_changes(sync_state=state, problem_code=None, problem_message=None)
            )
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = {"status": mapping.TO_WIRE_STATUS[booking.visit_status]}
        path = f"appointments/{booking.remote_id}"
        return self._send("PATCH", path, body, booking, placed=False)

    def _send(
        self, method: str, path: str, body: dict[str, Any], booking: Booking, placed: bool
    ) -> Outcome:
        try:
            answer = self._http.request(method, path, body=body)
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach HuskyVoice ({exc.kind})")
        return self._classify_safely(answer, booking, f"{method} {path}", placed)

    def _classify_safely(
        self, answer: Answer, booking: Booking, what: str, placed: bool = True
    ) -> Outcome:
        try:
            return self._classify(answer, booking, placed)
        except BadAnswer as exc:
            log.warning("bad answer from HuskyVoice on %s: %s", what, exc)
            return Ambiguous(f"unreadable answer: {exc}")

    def _classify(self, answer: Answer, booking: Booking, placed: bool = True) -> Outcome:
        status = answer.status
        if 200 <= status < 300:
            return self._accepted(answer, booking, placed)
        wait = retry_after_seconds(answer.header("retry-after"), utc_now())
        if status == 429:
            return RetryLater("rate limited by HuskyVoice", wait)
        if status >= 500:
            return RetryLater(f"HuskyVoice server error (HTTP {status})", wait)
        error = _error_body(answer)
        message = error.message_or(status)
        if status == 403 and WRITE_SCOPE not in message:
            message = f"{message} (changes need the {WRITE_SCOPE} scope)"
        verdict = Verdict(
            status=status,
            code=error.code_or(status),
            message=message,
            existing_id=error.existing_id(),
        )
        return Refused(verdict, credentials=status in (401, 403))

    def _accepted(self, answer: Answer, booking: Booking, placed: bool) -> Outcome:
        body = answer.json()
        record: HvAppointment | None
        if isinstance(body, dict) and "appointment_id" in body:  # a create's answer
            created = parse(HvCreated, answer)
            record = _record_or_none(created.data)
            appointment_id, replayed = created.appointment_id, created.idempotent
        else:
            record = parse(HvOne, answer).data
            appointment_id, replayed = record.appointment_id, False
        places = self._places or Places(self._zone_fallback or "UTC")
        remote = mapping.accepted(booking, record, appointment_id, places, utc_now(), placed)
        return Accepted(remote, replayed=replayed)

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "appointment_date", rules.parse_wire_instant)

    def find_existing(self, booking: Booking) -> Booking | None:
        return None  # external_reference_id makes a resend return the first booking

    def context_days(self, day: date) -> tuple[date, date]:
        return rules.context_days(day)

    def neighbour_keys(self, booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
        return rules.neighbour_keys(booking, catalog)

    def neighbour_reads(self, booking: Booking, catalog: Catalog) -> tuple[Match, ...] | None:
        return rules.neighbour_reads(booking, catalog)

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        change = rules.predict_change(booking)
        if change is not None:
            return change
        body = mapping.create_body(booking)
        verdict = rules.predict_create(body, catalog, others, now, ignore_booking_id=booking.id)
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)

    def judged_day(self, catalog: Catalog, day: date) -> bool:
        """Whether the cache holds what the availability listed for local ``day``: closed
        windows are not listed, so a day read with none is closed, not unknown."""
        return rules.availability_read_for(catalog, day)

    def places_left(
        self, window: Window, catalog: Catalog, others: list[Booking], booking_id: str
    ) -> int | None:
        """Places ``window`` has left for a booking through the API (the openings list)."""
        return rules.places_left(window, catalog, others, booking_id)


def windows_of(day: date, answer: Answer, service_ids: Mapping[str, str]) -> list[Window]:
    """The windows of local ``day`` in an availability answer (``service_ids``: a service's
    id by its folded name or id, for a slot restricted to one)."""
    body = parse(HvAvailability, answer)
    if body.date and body.date != day.isoformat():
        log.warning("HuskyVoice availability for %s answered date %s", day, body.date)
    found = (mapping.window_from_wire(day, slot, service_ids) for slot in _each(HvSlot, body.slots))
    return [w for w in found if w is not None]


def _kept_days(catalog: Catalog, cached: Catalog, failed: Mapping[date, Exception]) -> Catalog:
    """``catalog`` whose days in ``failed`` were not read: each keeps the time its cached
    windows were read, and counts as read (a day without windows: closed) only if it was; the
    columns (branches, named by the windows) keep those only the cached days may name."""
    before, now = cached.policy.extra, catalog.policy.extra
    was_read = set(before.get(rules.SLOTS_DAYS) or ())
    old_by_day = before.get(rules.SLOTS_READ_BY_DAY) or {}
    missed = {d.isoformat() for d in failed}
    by_day = {d: old_by_day.get(d, before.get(rules.SLOTS_READ_AT)) for d in missed}
    listed = [d for d in now.get(rules.SLOTS_DAYS) or () if d not in missed or d in was_read]
    extra = {
        **now,
        rules.SLOTS_DAYS: listed,
        rules.SLOTS_READ_BY_DAY: {d: at for d, at in by_day.items() if at is not None},
    }
    named = {r.id for r in catalog.resources}
    resources = [*catalog.resources, *(r for r in cached.resources if r.id not in named)]
    return replace(catalog, policy=replace(catalog.policy, extra=extra), resources=resources)


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _record_or_none(data: object) -> HvAppointment | None:
    """A create answer's ``data`` as a record, None when it is not a whole one."""
    if not isinstance(data, dict) or not data:
        return None
    try:
        return HvAppointment.model_validate(data)
    except ValidationError:
        return None


def _error_body(answer: Answer) -> HvErrorBody:
    """The error answer, whatever its shape (an unreadable one reads as empty)."""
    try:
        body = answer.json()
    except BadAnswer:
        return HvErrorBody()
    if not isinstance(body, dict):
        return HvErrorBody()
    try:
        return HvErrorBody.model_validate(body)
    except ValidationError:
        return HvErrorBody()


def _describe_error(answer: Answer) -> str:
    error = _error_body(answer)
    return f"HTTP {answer.status} {error.code_or(answer.status)}: {error.message_or(answer.status)}"
