"""meetergo test data built from docs/providers.md (not from the sandbox): the default
account's ids, the doc's example request, a catalog for the rules, and the create rule cases
replayed both offline and against the sandbox (``RISKS``: the cases whose check the pages do
not document, a risk offline and a refusal **[ours]** in the sandbox)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.providers.http import Answer
from frontdesk.providers.meetergo import MeetergoConnector

ZONE = "Europe/Berlin"
API_KEY = "ak_live:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:sandboxsecret"
EXPIRED_KEY = "ak_live:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:expiredsecret"
PERSONAL_TOKEN = "rgo-7c1e9a2b4d6f8a0c2e4b6d8f0a2c4e6b"  # Anna's
ANNA = "a1f0c3d2-5b6e-4f70-8a9b-0c1d2e3f4a51"
BEN = "b2e1d4c3-6c7f-4081-9bac-1d2e3f4a5b62"
CONSULT = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c01"
THERAPY = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c02"
CHECK_IN = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c03"
SECOND = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c04"
TRIAGE = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c05"
GROUP = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c06"
QUEUE = "d4c3b2a1-0f9e-4d8c-b7a6-5e4d3c2b1a07"
DROP = object()  # a field to leave out
OPTIONS: dict[str, object] = {"api_user_id": ANNA, "timezone": ZONE}  # a desk's connection


def next_tuesday(days_ahead: int = 7) -> date:
    day = date.today() + timedelta(days=days_ahead)
    while day.isoweekday() != 2:
        day += timedelta(days=1)
    return day


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), ZoneInfo(ZONE)).astimezone(UTC)


def iso(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def example_request(start: datetime) -> dict[str, Any]:
    """The doc's concrete example request (seed placeholders filled)."""
    return {
        "attendee": {
            "email": "jane.doe@example.com",
            "receiveReminders": True,
            "notes": {},
            "firstname": "Jane",
            "lastname": "Doe",
            "fullname": "Jane Doe",
            "bringalongEmails": ["john.doe@example.com"],
            "phone": "+4915112345678",
            "language": "en",
            "timezone": "Europe/Berlin",
            "dataPolicyAccepted": True,
        },
        "meetingTypeId": CONSULT,
        "start": iso(start),
        "hostIds": [ANNA],
        "appointmentId": "ext-4711",
        "location": "Praxis Berger, Raum 2",
        "channel": "local",
        "duration": 30,
        "routingFormId": "rf-1",
        "ignoreAvailability": True,
        "attendeePendingId": 123,
        "paymentId": "pay-1",
        "resourceChannelIds": ["rc-1"],
        "oneTimeLinkId": "otl-1",
        "skipNotifications": True,
        "icsTitle": "Consultation with Dr. Berger",
        "icsDescription": "Please bring your insurance card.",
    }


def body(
    when: datetime, type_id: str = CONSULT, who: dict[str, Any] | None = None, **top: Any
) -> dict[str, Any]:
    """A small valid body (a one-to-one Consultation unless told); DROP removes a field."""
    person: dict[str, Any] = {
        "email": "max@example.com",
        "receiveReminders": True,
        "notes": {},
        "fullname": "Max Muster",
    }
    person.update(who or {})
    hosts = {CONSULT: [ANNA], SECOND: [ANNA], THERAPY: [BEN], CHECK_IN: [BEN], GROUP: [BEN]}
    payload: dict[str, Any] = {"attendee": person, "meetingTypeId": type_id, "start": iso(when)}
    if type_id in hosts:
        payload["hostIds"] = hosts[type_id]
    if type_id == TRIAGE:
        payload["queueId"] = QUEUE
    payload.update(top)
    if isinstance(payload["attendee"], dict):
        payload["attendee"] = {k: v for k, v in payload["attendee"].items() if v is not DROP}
    return {k: v for k, v in payload.items() if v is not DROP}


# (case id, hour, minute, type, attendee overrides, top-level overrides, status, message)
SPOT = "start is not an available spot"
CASES: list[tuple[str, int, int, str, dict[str, Any], dict[str, Any], int, str | None]] = [
    ("ok", 10, 0, CONSULT, {}, {}, 201, None),
    ("no attendee", 10, 0, CONSULT, {}, {"attendee": DROP}, 400, "attendee must be an object"),
    ("bad email", 10, 0, CONSULT, {"email": "nope"}, {}, 400, "attendee.email must be an email"),
    (
        "reminders",
        10,
        0,
        CONSULT,
        {"receiveReminders": "yes"},
        {},
        400,
        "attendee.receiveReminders must be a boolean",
    ),
    ("notes", 10, 0, CONSULT, {"notes": DROP}, {}, 400, "attendee.notes must be an object"),
    (
        "fullname type",
        10,
        0,
        CONSULT,
        {"fullname": 5},
        {},
        400,
        "attendee.fullname must be a string",
    ),
    ("phone type", 10, 0, CONSULT, {"phone": 49}, {}, 400, "attendee.phone must be a string"),
    (
        "no name",
        10,
        0,
        CONSULT,
        {"fullname": " ", "firstname": "Max"},
        {},
        400,
        "attendee.fullname or attendee.firstname and attendee.lastname are required",
    ),
    (
        "first+last",
        10,
        0,
        CONSULT,
        {"fullname": DROP, "firstname": "Max", "lastname": "M"},
        {},
        201,
        None,
    ),
    (
        "language",
        10,
        0,
        CONSULT,
        {"language": "eng"},
        {},
        400,
        "attendee.language must be a two-letter language code",
    ),
    (
        "zone",
        10,
        0,
        CONSULT,
        {"timezone": "Mars/Base"},
        {},
        400,
        "attendee.timezone must be a valid IANA time zone",
    ),
    (
        "guest emails",
        10,
        0,
        CONSULT,
        {"bringalongEmails": ["x"]},
        {},
        400,
        "attendee.bringalongEmails must be an array of emails",
    ),
    (
        "six guests",
        10,
        0,
        CONSULT,
        {"bringalongEmails": [f"g{n}@example.com" for n in range(6)]},
        {},
        400,
        "attendee.bringalongEmails must contain at most 5 emails",
    ),
    (
        "five guests",
        10,
        0,
        CONSULT,
        {"bringalongEmails": [f"g{n}@example.com" for n in range(5)]},
        {},
        201,
        None,
    ),
    (
        "policy",
        10,
        0,
        CONSULT,
        {"dataPolicyAccepted": "yes"},
        {},
        400,
        "attendee.dataPolicyAccepted must be a boolean",
    ),
    ("no type", 10, 0, CONSULT, {}, {"meetingTypeId": DROP}, 400, "meetingTypeId is required"),
    ("no start", 10, 0, CONSULT, {}, {"start": DROP}, 400, "start is required"),
    (
        "start form",
        10,
        0,
        CONSULT,
        {},
        {"start": "2027-06-15 10:00"},
        400,
        "start must be an ISO 8601 date-time with a time zone offset",
    ),
    (
        "hostIds type",
        10,
        0,
        CONSULT,
        {},
        {"hostIds": ANNA},
        400,
        "hostIds must be an array of strings",
    ),
    ("queueId type", 10, 0, CONSULT, {}, {"queueId": 5}, 400, "queueId must be a string"),
    (
        "channel enum",
        10,
        0,
        CONSULT,
        {},
        {"channel": "pigeon"},
        400,
        "channel must be a valid meeting channel",
    ),
    (
        "duration zero",
        10,
        0,
        CONSULT,
        {},
        {"duration": 0},
        400,
        "duration must be the meeting type's duration or one of its allowedDurations",
    ),
    (
        "duration float",
        10,
        0,
        CONSULT,
        {},
        {"duration": 30.5},
        400,
        "duration must be the meeting type's duration or one of its allowedDurations",
    ),
    ("duration whole float", 10, 0, CONSULT, {}, {"duration": 30.0}, 201, None),
    ("duration text", 10, 0, CONSULT, {}, {"duration": "30"}, 400, "duration must be a number"),
    (
        "payment provider",
        10,
        0,
        CONSULT,
        {},
        {"paymentProvider": "bitcoin"},
        400,
        "paymentProvider must be one of paypal, stripe, none",
    ),
    ("payment provider ok", 10, 0, CONSULT, {}, {"paymentProvider": "none"}, 201, None),
    ("coupon", 10, 0, CONSULT, {}, {"couponCode": 5}, 400, "couponCode must be a string"),
    ("newest channel", 10, 0, CONSULT, {}, {"channel": "teamsForExchange"}, 201, None),
    (
        "phone-only flag type",
        10,
        0,
        CONSULT,
        {},
        {"phoneOnlyBooking": "yes"},
        400,
        "phoneOnlyBooking must be a boolean",
    ),
    (
        "skip flag",
        10,
        0,
        CONSULT,
        {},
        {"skipNotifications": "no"},
        400,
        "skipNotifications must be a boolean",
    ),
    (
        "pending id",
        10,
        0,
        CONSULT,
        {},
        {"attendeePendingId": "1"},
        400,
        "attendeePendingId must be a number",
    ),
    (
        "resource channels",
        10,
        0,
        CONSULT,
        {},
        {"resourceChannelIds": [1]},
        400,
        "resourceChannelIds must be an array of strings",
    ),
    (
        "ics title",
        10,
        0,
        CONSULT,
        {},
        {"icsTitle": "x" * 201},
        400,
        "icsTitle must be shorter than or equal to 200 characters",
    ),
    ("ics title 200", 10, 0, CONSULT, {}, {"icsTitle": "x" * 200}, 201, None),
    (
        "ics description",
        10,
        0,
        CONSULT,
        {},
        {"icsDescription": "x" * 2001},
        400,
        "icsDescription must be shorter than or equal to 2000 characters",
    ),
    (
        "unknown type",
        10,
        0,
        CONSULT,
        {},
        {"meetingTypeId": "nope"},
        404,
        "meetingTypeId does not match any meeting type",
    ),
    (
        "queue missing",
        10,
        0,
        TRIAGE,
        {},
        {"queueId": DROP},
        400,
        "queueId is required for round-robin meeting types",
    ),
    (
        "queue wrong",
        10,
        0,
        TRIAGE,
        {},
        {"queueId": "other"},
        400,
        "queueId does not match the meeting type's queue",
    ),
    (
        "queue on one-to-one",
        10,
        0,
        CONSULT,
        {},
        {"queueId": QUEUE},
        400,
        "queueId must be undefined for one-to-one and group meeting types",
    ),
    (
        "queue on group",
        10,
        0,
        GROUP,
        {},
        {"queueId": QUEUE},
        400,
        "queueId must be undefined for one-to-one and group meeting types",
    ),
    ("hosts missing", 10, 0, CONSULT, {}, {"hostIds": DROP}, 400, "hostIds or queueId is required"),
    ("hosts empty", 10, 0, CONSULT, {}, {"hostIds": []}, 400, "hostIds or queueId is required"),
    (
        "group hosts missing",
        10,
        0,
        GROUP,
        {},
        {"hostIds": DROP},
        400,
        "hostIds or queueId is required",
    ),
    (
        "hosts other",
        10,
        0,
        CONSULT,
        {},
        {"hostIds": [BEN]},
        400,
        "hostIds must contain only the meeting type's host",
    ),
    (
        "group other host",
        10,
        0,
        GROUP,
        {},
        {"hostIds": [ANNA]},
        400,
        "hostIds must contain only the meeting type's host",
    ),
    (
        "no email",
        10,
        0,
        CONSULT,
        {"email": DROP, "phone": "+49301234"},
        {},
        400,
        "attendee.email is required",
    ),
    (
        "phone only",
        10,
        0,
        THERAPY,
        {"email": DROP, "phone": "+49301234"},
        {"phoneOnlyBooking": True},
        201,
        None,
    ),
    (
        "phone only without the flag",
        10,
        0,
        THERAPY,
        {"email": DROP, "phone": "+49301234"},
        {},
        400,
        "attendee.email is required",
    ),
    (
        "phone only blank",
        10,
        0,
        THERAPY,
        {"email": DROP, "phone": " "},
        {"phoneOnlyBooking": True},
        400,
        "attendee.phone is required when phoneOnlyBooking is true",
    ),
    (
        "phone only not allowed",
        10,
        0,
        CONSULT,
        {"email": DROP, "phone": "+49301234"},
        {"phoneOnlyBooking": True},
        400,
        "phoneOnlyBooking requires a meeting type with allowPhoneOnlyBooking enabled",
    ),
    (
        "guests not allowed",
        10,
        0,
        THERAPY,
        {"bringalongEmails": ["g@example.com"]},
        {},
        400,
        "attendee.bringalongEmails are not allowed for this meeting type",
    ),
    (
        "duration other",
        10,
        0,
        CONSULT,
        {},
        {"duration": 45},
        400,
        "duration must be the meeting type's duration or one of its allowedDurations",
    ),
    ("duration allowed", 10, 0, THERAPY, {}, {"duration": 60}, 201, None),
    ("duration default", 10, 0, CONSULT, {}, {"duration": 30}, 201, None),
    (
        "channel not allowed",
        10,
        0,
        THERAPY,
        {},
        {"channel": "google"},
        400,
        "channel is not allowed for this meeting type",
    ),
    ("channel allowed", 10, 0, THERAPY, {}, {"channel": "zoom"}, 201, None),
    ("lunch", 12, 0, CONSULT, {}, {}, 400, SPOT),
    ("off grid", 10, 5, CONSULT, {}, {}, 400, SPOT),
    ("last spot", 16, 30, CONSULT, {}, {}, 201, None),
    ("past the end", 16, 45, CONSULT, {}, {}, 400, SPOT),
    ("duration 60 late", 17, 15, THERAPY, {}, {"duration": 60}, 400, SPOT),
    ("round robin", 10, 0, TRIAGE, {}, {}, 201, None),
    ("group", 10, 0, GROUP, {}, {}, 201, None),
    ("double opt-in", 10, 0, CHECK_IN, {}, {}, 201, "Provisional booking (doubleOptIn)"),
    (
        "host confirmation",
        10,
        0,
        SECOND,
        {},
        {},
        201,
        "Provisional booking (requireHostConfirmation)",
    ),
]


# cases whose check the pages do not document: a risk offline, a refusal [ours] in the sandbox
RISKS = frozenset(
    {
        "language",
        "zone",
        "queue wrong",
        "hosts other",
        "group other host",
        "guests not allowed",
        "channel not allowed",
    }
)


def case_body(day: date, case: tuple[Any, ...]) -> dict[str, Any]:
    _, hh, mm, type_id, attendee, top, _, _ = case
    return body(at(day, hh, mm), type_id, attendee, **top)


# -- a catalog like the default account's, for the rules -------------------------------
HOURS = {
    ANNA: {d: [(time(8), time(12)), (time(13), time(17))] for d in range(1, 6)},
    BEN: {**{d: [(time(9), time(18))] for d in range(1, 5)}, 6: [(time(9), time(13))]},
}


def _extra(kind: str, user: str | None, **options: Any) -> dict[str, Any]:
    """``Service.extra`` as the connector derives it from the documented fields."""
    extra: dict[str, Any] = {
        "type": kind,
        "userId": user,
        "queueId": QUEUE if kind == "round-robin" else None,
        "members": [ANNA, BEN] if kind == "round-robin" else [user],
        "membersKnown": True,
        "spots": 1,
        "channel": "local",
        "bufferBefore": 0,
        "bufferAfter": 0,
        "allowedDurations": [],
        "allowedChannels": [],
        "allowHostSelection": False,
        "allowPhoneOnlyBooking": False,
        "allowAddingGuests": False,
        "doubleOptIn": "disabled",
        "requireHostConfirmation": "disabled",
        "provisional": "no",
    }
    extra.update(options)
    return extra


SERVICES = [
    Service(
        CONSULT,
        "Consultation",
        30,
        extra=_extra("one-to-one", ANNA, bufferAfter=10, allowAddingGuests=True),
    ),
    Service(
        THERAPY,
        "Therapy Session",
        45,
        extra=_extra(
            "one-to-one",
            BEN,
            bufferBefore=5,
            bufferAfter=5,
            allowedDurations=[30, 60],
            allowedChannels=["local", "zoom", "phone"],
            allowPhoneOnlyBooking=True,
        ),
    ),
    Service(
        CHECK_IN,
        "Online Check-in",
        20,
        extra=_extra("one-to-one", BEN, channel="zoom", doubleOptIn="enabled", provisional="yes"),
    ),
    Service(
        SECOND,
        "Second Opinion",
        60,
        extra=_extra("one-to-one", ANNA, requireHostConfirmation="enabled", provisional="yes"),
    ),
    Service(TRIAGE, "Video Triage", 20, extra=_extra("round-robin", None, channel="google")),
    Service(
        GROUP,
        "Back Care Group",
        60,
        extra=_extra("group", BEN, allowAddingGuests=True, spots=3),
    ),
]


def make_catalog(days: list[date]) -> Catalog:
    """Every grid start of every type and duration on ``days`` as a spot (no bookings yet)."""
    windows: list[Window] = []
    for service in SERVICES:
        hosts = service.extra["members"]
        column = QUEUE if service.extra["type"] == "round-robin" else hosts[0]
        for minutes in [service.duration_minutes, *service.extra["allowedDurations"]]:
            for day in days:
                starts: set[datetime] = set()
                for host in hosts:
                    for begin, end in HOURS[host].get(day.isoweekday(), []):
                        wall = datetime.combine(day, begin)
                        while wall + timedelta(minutes=minutes) <= datetime.combine(day, end):
                            starts.add(wall)
                            wall += timedelta(minutes=15)
                for wall in sorted(starts):
                    finish = wall + timedelta(minutes=minutes)
                    windows.append(
                        Window(
                            f"{service.id}:{minutes}:{wall}",
                            column,
                            day,
                            wall.time(),
                            finish.time(),
                            service_id=service.id,
                            exact=True,
                        )
                    )
    return Catalog(
        policy=Policy(ZONE),
        services=list(SERVICES),
        resources=[
            Resource(ANNA, "Dr. Anna Berger", "host"),
            Resource(BEN, "Dr. Ben Keller", "host"),
            Resource(QUEUE, "Video Triage (round robin)", "queue"),
        ],
        windows=windows,
    )


# -- canned answers for the connector (no network) ------------------------------------
def answer(status: int, body: object, **headers: str) -> Answer:
    text = body if isinstance(body, str) else json.dumps(body)
    return Answer(status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, text)


@dataclass
class Sent:
    """What the connector sent (method, path, params, body, headers), answered in turn."""

    answers: list[Answer]
    calls: list[tuple[str, str, Any, Any, dict[str, str]]] = field(default_factory=list)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        self.calls.append((method, path, params, body, dict(headers or {})))
        return self.answers.pop(0)


def fake(connector: MeetergoConnector, *answers: Answer) -> Sent:
    sent = Sent(list(answers))
    connector._http.request = sent.request  # type: ignore[method-assign]
    return sent
