"""The live state of one VantaX sandbox, and every operation on it.

Owns the account (`VantaxClinic`), the stored appointments and contacts, the remembered
idempotency keys, the clock, the rate limiter and the fault switches, all behind one
`threading.Lock`. Each operation returns an `Answer`; HTTP concerns (auth, content type, cut
answers) stay in `vantax`. The create runs docs/providers.md's steps 2-6 in order.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter
from frontdesk.sandbox.vantax.clinic import DEFAULT_KEY, Contact, VantaxClinic, default_clinic
from frontdesk.sandbox.vantax.rules import (
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
    parse_bound,
    parse_stamp,
    stamp_text,
)

KEY_TTL = timedelta(hours=24)
MSG_KEY_FORMAT = "Idempotency-Key must be 1 to 255 printable characters"
MSG_KEY_REUSED = "Idempotency-Key was already used with a different request body"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _canonical(body: object) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


class VantaxState:
    """One VantaX account. `clock` may be swapped by tests (aware UTC)."""

    def __init__(
        self,
        clinic: VantaxClinic | None = None,
        rate_limit: int = 120,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._initial = clinic
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
        with self.lock:
            return [self._public(a) for a in self._sorted()]

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

    def _sorted(self) -> list[dict[str, Any]]:
        return sorted(self._appointments.values(), key=lambda a: (a["_instant"], a["id"]))

    def _new_id(self, prefix: str, taken: Callable[[str], bool]) -> str:
        while True:
            candidate = prefix + secrets.token_hex(3)
            if not taken(candidate):
                return candidate

    @staticmethod
    def _public(record: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if not k.startswith("_")}

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
        """Steps 2-3 then `run` (under the lock): body, key replay or reuse, the operation."""
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
        def run() -> Answer:
            assert isinstance(body, dict)
            return self._create(body)

        return self._idempotent(api_key, "POST", "/appointments", idempotency_key, body, run)

    def _owned(self, sub_id: str, contact_id: str | None, calendar_id: str | None) -> None:
        """Steps 5-6: existence in the sub-account, then an active calendar."""
        if self.clinic.sub_account(sub_id) is None:
            raise not_found(f"Sub-account {sub_id} not found")
        if contact_id is not None and not any(
            c.id == contact_id and c.sub_account_id == sub_id for c in self._contacts
        ):
            raise not_found(f"Contact {contact_id} not found")
        if calendar_id is None:
            return
        calendar = self.clinic.calendar(calendar_id)
        if calendar is None or calendar.sub_account_id != sub_id:
            raise not_found(f"Calendar {calendar_id} not found")
        if not calendar.is_active:
            raise ApiError(
                409,
                "conflict",
                f"Calendar {calendar_id} is inactive and does not accept appointments",
            )

    def _create(self, body: dict[str, Any]) -> Answer:
        check_create(body)
        sub_id: str = body["sub_account_id"]
        calendar_id: str | None = body.get("calendar_id")
        self._owned(sub_id, body["contact_id"], calendar_id)
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
            "agent_id": calendar.agent_id if calendar else None,
            "sub_account_id": sub_id,
            "title": body["title"],
            "description": body.get("description"),
            "appointment_date": stamp_text(instant),
            "duration": duration,
            "status": body.get("status") or "confirmed",
            "location": body.get("location"),
            "assigned_user_id": body.get("assigned_user_id"),
            "created_at": now,
            "updated_at": now,
            "_instant": instant,
            "_updated": self.now(),
        }
        self._appointments[record["id"]] = record
        return Answer(
            201,
            {
                "success": True,
                "message": "Appointment created successfully",
                "data": self._public(record),
            },
        )

    def patch(
        self,
        appointment_id: str,
        body: object,
        idempotency_key: str | None = None,
        api_key: str = DEFAULT_KEY,
    ) -> Answer:
        def run() -> Answer:
            assert isinstance(body, dict)
            return self._patch(appointment_id, body)

        path = f"/appointments/{appointment_id}"
        return self._idempotent(api_key, "PATCH", path, idempotency_key, body, run)

    def _patch(self, appointment_id: str, body: dict[str, Any]) -> Answer:
        current = self._appointments.get(appointment_id)
        if current is None:
            raise not_found(f"Appointment {appointment_id} not found")
        check_patch(body)
        if "calendar_id" in body and body["calendar_id"] != current["calendar_id"]:
            self._owned(current["sub_account_id"], None, body["calendar_id"])
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
            calendar = self.clinic.calendar(body["calendar_id"]) if body["calendar_id"] else None
            updated["agent_id"] = calendar.agent_id if calendar else None
        if updated != current:
            updated["updated_at"] = stamp_text(self.now())
            updated["_updated"] = self.now()
            self._appointments[appointment_id] = updated
        return Answer(
            200,
            {
                "success": True,
                "message": "Appointment updated successfully",
                "data": self._public(updated),
            },
        )

    def delete(
        self, appointment_id: str, idempotency_key: str | None = None, api_key: str = DEFAULT_KEY
    ) -> Answer:
        def run() -> Answer:
            if self._appointments.pop(appointment_id, None) is None:
                raise not_found(f"Appointment {appointment_id} not found")
            return Answer(
                200,
                {
                    "success": True,
                    "message": "Appointment deleted successfully",
                    "data": {"id": appointment_id, "deleted": True},
                },
            )

        path = f"/appointments/{appointment_id}"
        return self._idempotent(api_key, "DELETE", path, idempotency_key, {}, run)

    def get(self, appointment_id: str) -> Answer:
        with self.lock:
            found = self._appointments.get(appointment_id)
            if found is None:
                return not_found(f"Appointment {appointment_id} not found").answer()
            return Answer(200, {"success": True, "data": self._public(found)})

    def list_appointments(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            try:
                errors: list[tuple[str, str]] = []
                bounds: dict[str, datetime] = {}
                for name in ("start_date", "end_date", "updated_since"):
                    if name in params:
                        parsed = parse_bound(params[name])
                        if parsed is None:
                            errors.append(
                                (name, f"{name} must be an ISO-8601 UTC timestamp or date")
                            )
                        else:
                            bounds[name] = parsed
                if "status" in params and params["status"] not in STATUSES:
                    errors.append(("status", MSG_STATUS))
                rows = self._sorted()
                for name in ("sub_account_id", "calendar_id", "status"):
                    if name in params:
                        rows = [a for a in rows if a[name] == params[name]]
                if "start_date" in bounds:
                    rows = [a for a in rows if a["_instant"] >= bounds["start_date"]]
                if "end_date" in bounds:
                    rows = [a for a in rows if a["_instant"] < bounds["end_date"]]
                if "updated_since" in bounds:
                    rows = [a for a in rows if a["_updated"] >= bounds["updated_since"]]
                return page([self._public(a) for a in rows], params, errors)
            except ApiError as error:
                return error.answer()

    # -- contacts -------------------------------------------------------------------------

    def create_contact(
        self, body: object, idempotency_key: str | None = None, api_key: str = DEFAULT_KEY
    ) -> Answer:
        def run() -> Answer:
            assert isinstance(body, dict)
            check_contact(body)
            if self.clinic.sub_account(body["sub_account_id"]) is None:
                raise not_found(f"Sub-account {body['sub_account_id']} not found")
            taken = {c.id for c in self._contacts}
            contact = Contact(
                id=self._new_id("ct_", lambda c: c in taken),
                first_name=body["first_name"],
                last_name=body["last_name"],
                email=body["email"],
                phone=body["phone"],
                sub_account_id=body["sub_account_id"],
                created_at=stamp_text(self.now()),
            )
            self._contacts.append(contact)
            return Answer(
                201,
                {
                    "success": True,
                    "message": "Contact created successfully",
                    "data": contact.json(),
                },
            )

        return self._idempotent(api_key, "POST", "/contacts", idempotency_key, body, run)

    def list_contacts(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            rows = list(self._contacts)
            if "sub_account_id" in params:
                rows = [c for c in rows if c.sub_account_id == params["sub_account_id"]]
            if params.get("search"):
                needle = params["search"].casefold()
                rows = [
                    c
                    for c in rows
                    if needle in f"{c.first_name} {c.last_name}".casefold()
                    or needle in c.email.casefold()
                    or needle in c.phone.casefold()
                ]
            try:
                return page([c.json() for c in rows], params, [])
            except ApiError as error:
                return error.answer()

    def get_contact(self, contact_id: str) -> Answer:
        with self.lock:
            found = next((c for c in self._contacts if c.id == contact_id), None)
            if found is None:
                return not_found(f"Contact {contact_id} not found").answer()
            return Answer(200, {"success": True, "data": found.json()})

    # -- calendars and sub-accounts -------------------------------------------------------

    def list_calendars(self, params: Mapping[str, str]) -> Answer:
        rows = list(self.clinic.calendars)
        errors: list[tuple[str, str]] = []
        if "sub_account_id" in params:
            rows = [c for c in rows if c.sub_account_id == params["sub_account_id"]]
        if "is_active" in params:
            flag = params["is_active"]
            if flag not in ("true", "false"):
                errors.append(("is_active", "is_active must be true or false"))
            else:
                rows = [c for c in rows if c.is_active == (flag == "true")]
        try:
            return page([c.json() for c in rows], params, errors)
        except ApiError as error:
            return error.answer()

    def get_calendar(self, calendar_id: str) -> Answer:
        found = self.clinic.calendar(calendar_id)
        if found is None:
            return not_found(f"Calendar {calendar_id} not found").answer()
        return Answer(200, {"success": True, "data": found.json()})

    def list_sub_accounts(self, params: Mapping[str, str]) -> Answer:
        try:
            return page([s.json() for s in self.clinic.sub_accounts], params, [])
        except ApiError as error:
            return error.answer()


def page(
    items: Sequence[dict[str, Any]], params: Mapping[str, str], errors: list[tuple[str, str]]
) -> Answer:
    """One cursor page of `items` (already filtered and sorted); 422 on bad parameters."""
    limit = 20
    if "limit" in params:
        text = params["limit"]
        if text.isascii() and text.isdigit() and 1 <= int(text) <= 100:
            limit = int(text)
        else:
            errors.append(("limit", "limit must be an integer between 1 and 100"))
    start = 0
    if "starting_after" in params:
        ids = [item["id"] for item in items]
        if params["starting_after"] in ids:
            start = ids.index(params["starting_after"]) + 1
        else:
            errors.append(("starting_after", "starting_after does not match any item"))
    if errors:
        raise invalid(errors)
    chunk = list(items[start : start + limit])
    pagination = {"total": len(items), "limit": limit, "has_more": start + limit < len(items)}
    return Answer(200, {"success": True, "data": chunk, "pagination": pagination})
