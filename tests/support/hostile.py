"""The five sandbox APIs as a hostile client sees them: where to create, reschedule and cancel,
with which headers, a body each accepts, and the sandbox's own list of what is booked (to tell
that a refused request wrote nothing). Used by the hostile-input tests of the sandbox."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.carevalidate.clinic import DEFAULT_API_KEY as CV_KEY
from frontdesk.sandbox.carevalidate.clinic import TELEHEALTH_ID
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.sandbox.vantax.clinic import DEFAULT_KEY as VX_KEY
from support.meetergo import ANNA, CONSULT
from support.meetergo import API_KEY as MG_KEY

PROVIDERS = ("huskyvoice", "vantax", "vastal", "meetergo", "carevalidate")
DATE_FIELD = {  # the create body's start
    "huskyvoice": "appointment_date",
    "vantax": "appointment_date",
    "vastal": "start_time",
    "meetergo": "start",
    "carevalidate": "startTime",
}
Body = dict[str, Any]


def _weekday(iso: int, ahead: int = 14) -> date:
    day = date.today() + timedelta(days=ahead)
    while day.isoweekday() != iso:
        day += timedelta(days=1)
    return day


def _wall(day: date, hh: int, mm: int, zone: str) -> str:
    instant = datetime.combine(day, time(hh, mm), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Op:
    """A write on an existing booking: method, path (``{id}`` filled in) and a good body."""

    method: str
    path: str
    body: Callable[[str], Body]
    bodiless: bool = False  # no body at all is a request of its own (meetergo's cancel)


@dataclass(frozen=True)
class Api:
    name: str
    headers: dict[str, str]
    create: str  # the create endpoint's path under the API's base URL
    good: Callable[[], Body]  # a create body the sandbox accepts on an empty state
    ident: Callable[[dict[str, Any]], str]  # the created booking's id, from its dump record
    ops: dict[str, Op]  # "reschedule", "cancel"
    shaped: Callable[[int, Any], bool]  # whether a refusal is in the API's documented shape


def _husky() -> Body:
    return {
        "appointment_type": GENERAL_CHECKUP_ID,
        "appointment_date": _wall(_weekday(2), 9, 30, "Europe/London"),
        "patient_name": "Amelia Hart",
        "parent_phone": "+442079460123",
        "branch_id": MAIN_BRANCH_ID,
    }


def _vantax() -> Body:
    return {
        "contact_id": "ct_4f8a21",
        "calendar_id": "cal_22f9",
        "title": "Dental cleaning consultation",
        "appointment_date": (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%dT15:00:00Z"),
        "duration": 30,
        "location": "Downtown Clinic, Suite 200",
        "sub_account_id": "sub_8a1f4c2e",
    }


def _vastal() -> Body:
    return {
        "appointment_type_id": "type_def456",
        "start_time": _wall(_weekday(3), 14, 0, "America/New_York"),
        "client_name": "Jane Doe",
        "client_email": "jane@example.com",
        "client_phone": "+1234567890",
    }


def _meetergo() -> Body:
    return {
        "attendee": {
            "email": "max@example.com",
            "receiveReminders": True,
            "notes": {},
            "fullname": "Max Muster",
        },
        "meetingTypeId": CONSULT,
        "start": _wall(_weekday(2, 7), 10, 0, "Europe/Berlin"),
        "hostIds": [ANNA],
    }


def _carevalidate() -> Body:
    return {
        "eventTypeId": TELEHEALTH_ID,
        "startTime": f"{_weekday(3).isoformat()}T18:30:00Z",
        "email": "invitee@example.com",
        "firstName": "John",
        "lastName": "Doe",
        "timezone": "Asia/Kolkata",
        "location": "google_conference",
    }


APIS: dict[str, Api] = {
    "huskyvoice": Api(
        "huskyvoice",
        {},
        "/appointments",
        _husky,
        lambda record: str(record["appointment_id"]),
        {
            "reschedule": Op(
                "PATCH",
                "/appointments/{id}",
                lambda _: {"appointment_date": _wall(_weekday(2), 10, 30, "Europe/London")},
            ),
            "cancel": Op("PATCH", "/appointments/{id}", lambda _: {"status": "cancelled"}),
        },
        lambda status, body: body["success"] is False and set(body["error"]) == {"code", "message"},
    ),
    "vantax": Api(
        "vantax",
        {"Authorization": f"Bearer {VX_KEY}"},
        "/appointments",
        _vantax,
        lambda record: str(record["id"]),
        {
            "reschedule": Op(
                "PATCH",
                "/appointments/{id}",
                lambda _: {
                    "appointment_date": (datetime.now(UTC) + timedelta(days=31)).strftime(
                        "%Y-%m-%dT15:00:00Z"
                    ),
                    "duration": 45,
                },
            ),
            "cancel": Op("PATCH", "/appointments/{id}", lambda _: {"status": "cancelled"}),
        },
        lambda status, body: body["success"] is False and isinstance(body["message"], str),
    ),
    "vastal": Api(
        "vastal",
        {},
        "/calendar/appointments",
        _vastal,
        lambda record: str(record["id"]),
        {
            "reschedule": Op(
                "PATCH",
                "/calendar/appointments",
                lambda ident: {
                    "id": ident,
                    "start_time": _wall(_weekday(3), 15, 0, "America/New_York"),
                },
            ),
            "cancel": Op(
                "PATCH",
                "/calendar/appointments",
                lambda ident: {"id": ident, "status": "cancelled"},
            ),
        },
        lambda status, body: set(body) == {"error"} and isinstance(body["error"], str),
    ),
    "meetergo": Api(
        "meetergo",
        {"Authorization": f"Bearer {MG_KEY}", "x-meetergo-api-user-id": ANNA},
        "/booking",
        _meetergo,
        lambda record: str(record["id"]),
        {
            "reschedule": Op(
                "POST",
                "/appointment/{id}/reschedule",
                lambda _: {"start": _wall(_weekday(2, 7), 11, 0, "Europe/Berlin")},
            ),
            "cancel": Op(
                "POST", "/appointment/{id}/cancel", lambda _: {"reason": "ill"}, bodiless=True
            ),
        },
        lambda status, body: body["statusCode"] == status and isinstance(body["message"], str),
    ),
    "carevalidate": Api(
        "carevalidate",
        {"cv-api-key": CV_KEY},
        "/api/v1/calendar/appointments",
        _carevalidate,
        lambda record: str(record["appointmentId"]),
        {
            "cancel": Op(
                "POST",
                "/api/v1/calendar/appointments/cancel",
                lambda ident: {"appointmentId": ident, "email": "invitee@example.com"},
            ),
        },
        lambda status, body: body["status"] == status and body["success"] is False,
    ),
}


class Wire:
    """One API of a running sandbox: raw requests and its booked records as the sandbox's
    loopback list shows them."""

    def __init__(self, sandbox: SandboxServer, name: str, http: httpx.Client) -> None:
        self.api = APIS[name]
        self.server = sandbox.provider(name)
        self.http = http
        headers = dict(self.api.headers)
        if not headers:
            headers["Authorization"] = f"Bearer {self.server.build.api_key}"
        self.headers = {**headers, "Content-Type": "application/json"}

    def reset(self) -> None:
        state = self.server.build.state
        state.reset()  # type: ignore[attr-defined]

    def send(self, method: str, path: str, content: bytes) -> httpx.Response:
        url = self.server.base_url + path
        return self.http.request(method, url, content=content, headers=self.headers)

    def post_json(self, method: str, path: str, body: object) -> httpx.Response:
        return self.send(method, path, json.dumps(body).encode())

    def refused_as_documented(self, answer: httpx.Response) -> bool:
        """A 4xx whose JSON body is in the API's documented error shape."""
        if not 400 <= answer.status_code < 500:
            return False
        try:
            return bool(self.api.shaped(answer.status_code, answer.json()))
        except (ValueError, KeyError, TypeError):
            return False

    def records(self) -> list[dict[str, Any]]:
        answer = self.http.get(self.server.root_url + "/__sandbox__/appointments")
        assert answer.status_code == 200, answer.text
        payload = answer.json()
        if isinstance(payload, dict):
            payload = payload.get("data", payload.get("appointments"))
        assert isinstance(payload, list)
        return payload

    def book(self) -> str:
        """Create the good body's booking; its id."""
        before = {self.api.ident(r) for r in self.records()}
        answer = self.post_json("POST", self.api.create, self.api.good())
        assert answer.status_code < 300, answer.text
        made = [r for r in self.records() if self.api.ident(r) not in before]
        assert len(made) == 1
        return self.api.ident(made[0])


def with_value(body: dict[str, Any], field: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A deep copy of ``body`` with the field at ``field`` (keys and list indexes) set to
    ``value``."""
    changed: dict[str, Any] = json.loads(json.dumps(body))
    holder: Any = changed
    for key in field[:-1]:
        holder = holder[key]
    holder[field[-1]] = value
    return changed
