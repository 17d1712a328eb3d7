"""The live state of one VantaX sandbox, and every operation on it.

Owns the agency (`VantaxClinic`), the stored appointments and contacts, the remembered
idempotency keys, the clock, the rate limiter and the fault switches, all behind one
`threading.Lock`. Each operation acts for one API key, hence on that key's sub-account only
("acts on the owning sub-account", ``/authentication``), and returns an `Answer`; HTTP
concerns (auth, scope, content type, cut answers) stay in `app`.

Records are served in the vendor's shapes: an appointment as in the create example (no
``sub_account_id``, no ``assigned_user_id``; ``updated_at`` only in a PATCH's answer, as in
the update example), ``agent_id`` from the Agent whose ``calendar_id`` is the calendar.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter
from frontdesk.sandbox.vantax.clinic import DEFAULT_KEY, Contact, VantaxClinic, default_clinic
from frontdesk.sandbox.vantax.listing import check_scope, page, scope_errors
from frontdesk.sandbox.vantax.rules import (
    CONTACT_STATUSES,
    MSG_BODY,
    MSG_STATUS,
    PATCH_FIELDS,
    STATUSES,
    Answer,
    ApiError,
    check_contact,
    check_create,
    check_patch,
    invalid,
    malformed,
    not_found,
    parse_stamp,
    stamp_text,
)

# Idempotency is ours beyond the glossary's "send an Idempotency-Key header on write requests".
KEY_TTL = timedelta(hours=24)
MSG_KEY_FORMAT = "Idempotency-Key must be 1 to 255 printable characters"
MSG_KEY_REUSED = "Idempotency-Key was already used with a different request body"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _canonical(body: object) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_")}


class VantaxState:
    """One VantaX agency. `clock` may be swapped by tests (aware UTC)."""

    def __init__(
        self,
        clinic: VantaxClinic | None = None,
        rate_limit: int = 120,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.clinic = clinic if clinic is not None else default_clinic()
        self.lock = threading.Lock()
        self.clock = clock
        self.limiter = SlidingWindowLimiter(rate_limit)
        self.faults = Faults()
        self._appointments: dict[str, dict[str, Any]] = {}
        self._contacts: list[Contact] = list(self.clinic.contacts)
        self._keys: dict[tuple[str, str, str, str], tuple[datetime, str, Answer]] = {}

    # -- helpers for tests -----------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock().astimezone(UTC).replace(microsecond=0)

    def appointments(self) -> list[dict[str, Any]]:
        """Every sub-account's appointments, by time (for tests and `/__sandbox__`)."""
        with self.lock:
            rows = sorted(self._appointments.values(), key=lambda a: (a["_instant"], a["id"]))
            return [_public(a) for a in rows]

    def contacts(self) -> list[dict[str, Any]]:
        with self.lock:
            return [c.json() for c in self._contacts]

    def reset(self) -> None:
        """Forget every appointment, added contact, key, fault and rate-limit count."""
        with self.lock:
            self._appointments.clear()
            self._contacts = list(self.clinic.contacts)
            self._keys.clear()
        self.faults.clear()
        self.limiter.reset()

    def sub_of(self, api_key: str) -> str:
        """The sub-account a sub-account key acts on."""
        key = self.clinic.keys.get(api_key)
        assert key is not None and key.sub_account_id is not None, "not a sub-account key"
        return key.sub_account_id

    def _scoped(self, params: Mapping[str, str], api_key: str) -> str:
        """A list's ``sub_account_id``: the key's own, and still one of the agency's (404)."""
        own = self.sub_of(api_key)
        check_scope(params, own)
        if self.clinic.sub_account(own) is None:
            raise not_found(f"Sub-account {own} not found")
        return own

    def _new_id(self, prefix: str, taken: Callable[[str], bool]) -> str:
        while True:
            candidate = prefix + secrets.token_hex(3)
            if not taken(candidate):
                return candidate

    # -- idempotency ----------------------------------------------------------------------

    def _idempotent(
        self,
        api_key: str,
        method: str,
        path: str,
        key: str | None,
        body: object,
        run: Callable[[], Answer],
    ) -> Answer:
        """Body, key replay or reuse, then `run` (under the lock)."""
        with self.lock:
            try:
                if not isinstance(body, dict):
                    raise malformed(MSG_BODY)
                if key is None:
                    return run()
                if not 1 <= len(key) <= 255 or not all(" " <= ch <= "~" for ch in key):
                    raise malformed(MSG_KEY_FORMAT)
                now = self.now()
                slot = (api_key, method, path, key)
                known = self._keys.get(slot)
                if known is not None and known[0] > now:
                    if known[1] != _canonical(body):
                        raise invalid([("Idempotency-Key", MSG_KEY_REUSED)])
                    first = known[2]
                    return Answer(first.status, first.body, (("Idempotent-Replayed", "true"),))
                answer = run()
                if 200 <= answer.status < 300:
                    self._keys[slot] = (now + KEY_TTL, _canonical(body), answer)
                return answer
            except ApiError as error:
                return error.answer()

    # -- appointments ---------------------------------------------------------------------

    def create(
        self, body: object, idempotency_key: str | None = None, api_key: str = DEFAULT_KEY
    ) -> Answer:
        own = self.sub_of(api_key)

        def run() -> Answer:
            assert isinstance(body, dict)
            return self._create(own, body)

        return self._idempotent(api_key, "POST", "/appointments", idempotency_key, body, run)

    def _owned(
        self, own: str, sub_id: str, contact_id: str | None, calendar_id: str | None
    ) -> None:
        """Existence in the key's sub-account (404), then an active calendar (409, ours)."""
        if sub_id != own or self.clinic.sub_account(sub_id) is None:
            raise not_found(f"Sub-account {sub_id} not found")
        if contact_id is not None and not any(
            c.id == contact_id and c.sub_account_id == own for c in self._contacts
        ):
            raise not_found(f"Contact {contact_id} not found")
        if calendar_id is None:
            return
        calendar = self.clinic.calendar(calendar_id)
        if calendar is None or calendar.sub_account_id != own:
            raise not_found(f"Calendar {calendar_id} not found")
        if not calendar.is_active:
            message = f"Calendar {calendar_id} is inactive and does not accept appointments"
            raise ApiError(409, message)

    def _create(self, own: str, body: dict[str, Any]) -> Answer:
        check_create(body)
        calendar_id: str | None = body.get("calendar_id")
        self._owned(own, body["sub_account_id"], body["contact_id"], calendar_id)
        calendar = self.clinic.calendar(calendar_id) if calendar_id else None
        instant = parse_stamp(body["appointment_date"])
        assert instant is not None
        duration = body.get("duration")
        if duration is None:
            duration = calendar.slot_duration_minutes if calendar else 30
        now = stamp_text(self.now())
        record: dict[str, Any] = {
            "id": self._new_id("appt_", lambda c: c in self._appointments),
            "contact_id": body["contact_id"],
            "calendar_id": calendar_id,
            "agent_id": self.clinic.agent_of(calendar_id),
            "title": body["title"],
            "description": body.get("description"),
            "appointment_date": stamp_text(instant),
            "duration": duration,
            "status": body.get("status") or "confirmed",
            "location": body.get("location"),
            "created_at": now,
            "_updated_at": now,
            "_assigned_user_id": body.get("assigned_user_id"),
            "_sub": own,
            "_instant": instant,
        }
        self._appointments[record["id"]] = record
        message = "Appointment created successfully"
        return Answer(201, {"success": True, "message": message, "data": _public(record)})

    def _mine(self, own: str, appointment_id: str) -> dict[str, Any]:
        found = self._appointments.get(appointment_id)
        if found is None or found["_sub"] != own:
            raise not_found(f"Appointment {appointment_id} not found")
        return found

    def patch(
        self,
        appointment_id: str,
        body: object,
        idempotency_key: str | None = None,
        api_key: str = DEFAULT_KEY,
    ) -> Answer:
        own = self.sub_of(api_key)

        def run() -> Answer:
            assert isinstance(body, dict)
            return self._patch(own, appointment_id, body)

        path = f"/appointments/{appointment_id}"
        return self._idempotent(api_key, "PATCH", path, idempotency_key, body, run)

    def _patch(self, own: str, appointment_id: str, body: dict[str, Any]) -> Answer:
        current = self._mine(own, appointment_id)
        check_patch(body)
        if "calendar_id" in body and body["calendar_id"] != current["calendar_id"]:
            self._owned(own, own, None, body["calendar_id"])
        updated = dict(current)
        for name in PATCH_FIELDS:
            if name not in body:
                continue
            if name == "appointment_date":
                instant = parse_stamp(body[name])
                assert instant is not None
                updated["_instant"] = instant
                updated[name] = stamp_text(instant)
            elif name in ("duration", "status") and body[name] is None:
                continue  # null keeps the current value
            else:
                updated[name] = body[name]
        if "calendar_id" in body:
            updated["agent_id"] = self.clinic.agent_of(body["calendar_id"])
        if updated != current:
            updated["_updated_at"] = stamp_text(self.now())
            self._appointments[appointment_id] = updated
        data = {**_public(updated), "updated_at": updated["_updated_at"]}
        message = "Appointment updated successfully"
        return Answer(200, {"success": True, "message": message, "data": data})

    def delete(
        self, appointment_id: str, idempotency_key: str | None = None, api_key: str = DEFAULT_KEY
    ) -> Answer:
        own = self.sub_of(api_key)

        def run() -> Answer:
            self._mine(own, appointment_id)
            del self._appointments[appointment_id]
            return Answer(200, {"success": True, "message": "Appointment deleted successfully"})

        path = f"/appointments/{appointment_id}"
        return self._idempotent(api_key, "DELETE", path, idempotency_key, {}, run)

    def get(self, appointment_id: str, api_key: str = DEFAULT_KEY) -> Answer:
        with self.lock:
            try:
                found = self._mine(self.sub_of(api_key), appointment_id)
            except ApiError as error:
                return error.answer()
            return Answer(200, {"success": True, "data": _public(found)})

    def list_appointments(self, params: Mapping[str, str], api_key: str = DEFAULT_KEY) -> Answer:
        """Newest first by ``appointment_date``; ``start_date`` and ``end_date`` inclusive;
        filters ``calendar_id``, ``agent_id``, ``status`` (``/appointments/list-appointments``).
        """
        with self.lock:
            try:
                errors = scope_errors(params)
                bounds: dict[str, datetime] = {}
                for name in ("start_date", "end_date"):
                    if name in params:
                        parsed = parse_stamp(params[name])
                        if parsed is None:
                            errors.append((name, f"{name} must be an ISO-8601 UTC timestamp"))
                        else:
                            bounds[name] = parsed
                if "status" in params and params["status"] not in STATUSES:
                    errors.append(("status", MSG_STATUS))
                if errors:
                    raise invalid(errors)
                own = self._scoped(params, api_key)
                rows = [a for a in self._appointments.values() if a["_sub"] == own]
                for name in ("calendar_id", "agent_id", "status"):
                    if name in params:
                        rows = [a for a in rows if a[name] == params[name]]
                if "start_date" in bounds:
                    rows = [a for a in rows if a["_instant"] >= bounds["start_date"]]
                if "end_date" in bounds:
                    rows = [a for a in rows if a["_instant"] <= bounds["end_date"]]
                rows.sort(key=lambda a: (a["_instant"], a["id"]), reverse=True)
                return page([_public(a) for a in rows], params, [])
            except ApiError as error:
                return error.answer()

    # -- contacts -------------------------------------------------------------------------

    def create_contact(
        self, body: object, idempotency_key: str | None = None, api_key: str = DEFAULT_KEY
    ) -> Answer:
        own = self.sub_of(api_key)

        def run() -> Answer:
            assert isinstance(body, dict)
            check_contact(body)
            if body["sub_account_id"] != own or self.clinic.sub_account(own) is None:
                raise not_found(f"Sub-account {body['sub_account_id']} not found")
            taken = {c.id for c in self._contacts}
            contact = Contact(
                id=self._new_id("ct_", lambda c: c in taken),
                first_name=body["first_name"],
                last_name=body["last_name"],
                email=body["email"],
                phone=body["phone"],
                sub_account_id=own,
                created_at=stamp_text(self.now()),
                status=body.get("status") or "active",
                address=body.get("address"),
                lead_source=body.get("lead_source"),
            )
            self._contacts.append(contact)
            message = "Contact created successfully"
            return Answer(201, {"success": True, "message": message, "data": contact.json()})

        return self._idempotent(api_key, "POST", "/contacts", idempotency_key, body, run)

    def list_contacts(self, params: Mapping[str, str], api_key: str = DEFAULT_KEY) -> Answer:
        """Newest first; ``search`` a substring of name, email or phone; ``status`` filter."""
        with self.lock:
            try:
                errors = scope_errors(params)
                if "status" in params and params["status"] not in CONTACT_STATUSES:
                    errors.append(("status", "status must be one of active, deactivated"))
                if errors:
                    raise invalid(errors)
                own = self._scoped(params, api_key)
                rows = [c for c in reversed(self._contacts) if c.sub_account_id == own]
                rows.sort(key=lambda c: c.created_at, reverse=True)
                if "status" in params:
                    rows = [c for c in rows if c.status == params["status"]]
                if params.get("search"):
                    needle = params["search"].casefold()
                    rows = [
                        c
                        for c in rows
                        if needle in f"{c.first_name} {c.last_name}".casefold()
                        or needle in c.email.casefold()
                        or needle in c.phone.casefold()
                    ]
                return page([c.json() for c in rows], params, [])
            except ApiError as error:
                return error.answer()

    # -- calendars and sub-accounts -------------------------------------------------------

    def list_calendars(self, params: Mapping[str, str], api_key: str = DEFAULT_KEY) -> Answer:
        """Alphabetically by name; ``is_active`` filter."""
        try:
            errors = scope_errors(params)
            flag = params.get("is_active")
            if flag is not None and flag not in ("true", "false"):
                errors.append(("is_active", "is_active must be true or false"))
            if errors:
                raise invalid(errors)
            own = self._scoped(params, api_key)
            rows = [c for c in self.clinic.calendars if c.sub_account_id == own]
            if flag is not None:
                rows = [c for c in rows if c.is_active == (flag == "true")]
            rows.sort(key=lambda c: (c.name.casefold(), c.id))
            return page([c.json() for c in rows], params, [])
        except ApiError as error:
            return error.answer()

    def get_calendar(self, calendar_id: str, api_key: str = DEFAULT_KEY) -> Answer:
        found = self.clinic.calendar(calendar_id)
        if found is None or found.sub_account_id != self.sub_of(api_key):
            return not_found(f"Calendar {calendar_id} not found").answer()
        return Answer(200, {"success": True, "data": found.json()})

    def list_sub_accounts(self, params: Mapping[str, str]) -> Answer:
        """``/v1/agency/sub-accounts`` (an agency key's; mentioned by the vendor, not shown:
        the record and the paging are ours)."""
        try:
            return page([s.json() for s in self.clinic.sub_accounts], params, [])
        except ApiError as error:
            return error.answer()
