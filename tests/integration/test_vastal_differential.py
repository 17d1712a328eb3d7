"""Vastal: the offline prediction (``frontdesk.cli.validate_cmd.predict``: connector pulls,
rules/vastal.py judges) must agree with the sandbox's answer to the same body. The two were
written apart from docs/providers.md; hypothesis looks for a request on which they disagree.
Each example starts on an empty org, books a few appointments first (so caps and overlaps
happen), and freezes the sandbox's clock at the instant the prediction uses.

What "agree" means follows the pages: a documented refusal (the required fields; a body that
is no object) is an error in both, with the same status and words. Every other check is a
risk at the desk (the pages do not say a manual create is refused for it) and a refusal in the
sandbox (ours): there the rules' code and field must be the ones the sandbox's text stands for
(``SANDBOX_TEXTS``), so the two still find the same check first. A type tied to a named
schedule is the one place they may differ: the rules cannot see its hours, so when the
sandbox refuses it as outside them, any risk the rules give agrees."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from frontdesk.cli.validate_cmd import predict
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.providers.vastal import VastalConnector
from frontdesk.rules import vastal as rules
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.vastal.state import VastalState
from support.vastal import LEGACY, NY, ONBOARDING, REVIEW, STRATEGY, TAX, ZONE


def _first_of_next_month() -> datetime:
    today = datetime.now(NY).date()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return datetime(year, month, 1, 12, 0, tzinfo=UTC)


NOW = _first_of_next_month()  # 07:00 or 08:00 in New York on the 1st
TODAY = NOW.astimezone(NY).date()
OFFSETS = [0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 30, 45, 59, 60, 61, 62, 91]
HOURS = [9, 9, 10, 10, 11, 12, 13, 14, 15, 16, 16, 17, 17, 18, 6, 7, 8, 12, 19]
MINUTES = [0, 0, 15, 30, 45]


def _month_pack_days() -> list[date]:
    """Three weekdays of NOW's month, 2+ days ahead, each in a different ISO week."""
    days: list[date] = []
    weeks: set[int] = set()
    day = TODAY + timedelta(days=2)
    while len(days) < 3 and day.month == TODAY.month:
        if day.weekday() < 5 and day.isocalendar()[1] not in weeks:
            days.append(day)
            weeks.add(day.isocalendar()[1])
        day += timedelta(days=1)
    return days


PACK = _month_pack_days()
WEEK_MONDAY = next(
    TODAY + timedelta(days=n) for n in range(2, 9) if (TODAY + timedelta(days=n)).weekday() == 0
)
WEEK_PACK = [WEEK_MONDAY, WEEK_MONDAY + timedelta(days=1)]


def chance(rnd: random.Random, one_in: int) -> bool:
    """True about once in ``one_in`` calls. (Hypothesis favours the ends of a range and 0.0,
    so ``integers(0, n) == 0`` would happen far more often than 1 in n.)"""
    return rnd.random() < 1 / one_in


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("vastal",)) as sandbox:
        state = sandbox.provider("vastal").build.state
        assert isinstance(state, VastalState)
        state.clock = lambda: NOW
        yield sandbox


@pytest.fixture(scope="module")
def clients(server: SandboxServer) -> Iterator[tuple[VastalConnector, httpx.Client]]:
    """One connector and one raw client for every example (building them costs more than
    the requests)."""
    api = server.provider("vastal")
    connector = VastalConnector("diff", api.base_url, api.build.api_key, ZONE)
    with httpx.Client(
        base_url=api.base_url + "/",
        timeout=5.0,
        headers={"Authorization": f"Bearer {api.build.api_key}"},
    ) as http:
        yield connector, http
    connector.close()


def instant(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo("America/New_York"))


def z(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[tuple[dict[str, Any], bool]], object]:
    """(appointments booked first, each with whether it is then cancelled; the body)."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    pack = rnd.choice(["none", "none", "none", "month", "week", "soon"])
    day = TODAY + timedelta(days=draw(st.sampled_from(OFFSETS)))
    if pack == "soon":  # around now and the minimum notice
        day = TODAY + timedelta(days=rnd.choice([0, 0, 1]))
    if pack == "month":
        day = draw(st.sampled_from([d + timedelta(days=1) for d in PACK] + PACK))
    if pack == "week":
        day = WEEK_MONDAY + timedelta(days=draw(st.integers(1, 5)))
    priors: list[tuple[dict[str, Any], bool]] = []
    if pack in ("month", "week"):
        for d in PACK if pack == "month" else WEEK_PACK:
            for hour in (10, 14):
                first = {"appointment_type_id": REVIEW, "client_name": "Pack"}
                priors.append(({**first, "start_time": z(instant(d, hour, 0))}, False))
    else:
        for _ in range(draw(st.integers(0, 5))):
            shift = draw(st.sampled_from([0, 0, 0, -1, 1, -2, 2, 7]))
            when = instant(
                day + timedelta(days=shift),
                draw(st.sampled_from(HOURS)),
                draw(st.sampled_from(MINUTES)),
            )
            prior = {
                "appointment_type_id": draw(
                    st.sampled_from([TAX, REVIEW, REVIEW, ONBOARDING, STRATEGY])
                ),
                "start_time": z(when),
                "client_name": "Earlier",
            }
            priors.append((prior, chance(rnd, 6)))
    if chance(rnd, 40):
        return priors, draw(st.sampled_from([[], "text", 5, None]))
    hours = [6, 7, 8, 9, 10, 11] if pack == "soon" else HOURS
    local = instant(day, draw(st.sampled_from(hours)), draw(st.sampled_from(MINUTES)))
    good: dict[str, list[object]] = {
        "appointment_type_id": (
            [REVIEW]
            if pack in ("month", "week")
            else [TAX, REVIEW, ONBOARDING, TAX, REVIEW, STRATEGY]
        ),
        "start_time": [
            z(local),
            z(local),
            local.isoformat(),
            z(local).replace("Z", ".250Z"),
            z(local)[:16] + "Z",
        ],
        "client_name": ["Jane Doe", "Mary Major"],
        "client_email": ["jane@example.com", None],
        "client_phone": ["+1234567890", None],
        "client_language": ["en", "es", None],
        "client_notes": ["first visit", None],
        "internal_notes": [None, "vip"],
    }
    bad: dict[str, list[object]] = {
        "appointment_type_id": ["type_nope", LEGACY, "type_nope", LEGACY, "", None, 7],
        "start_time": [
            day.isoformat(),
            local.replace(tzinfo=None).isoformat(),
            z(local).replace("T", " "),
            z(local).replace("Z", "+0000"),
            f"{day.isoformat()}T25:00:00Z",
            "",
            None,
        ],
        "client_name": ["", "  ", None, 5],
        "client_email": [5, ["a"]],
        "client_phone": [12345],
        "client_language": [True],
        "client_notes": [{}],
        "internal_notes": [1.5],
    }
    body: dict[str, object] = {}
    for name in good:
        if chance(rnd, 40):
            continue  # absent
        often = name in ("appointment_type_id", "start_time")
        pool = bad[name] if chance(rnd, 10 if often else 30) else good[name]
        body[name] = draw(st.sampled_from(pool))
    return priors, body


OUTSIDE = "The requested time is outside the available hours for this appointment type"
# The sandbox's own texts for the checks the pages do not document, and the risk (code,
# field) each stands for in the rules.
SANDBOX_TEXTS: dict[str, tuple[str, str]] = {
    "start_time must be an ISO 8601 date-time with a time zone": ("START_FORMAT", "start_time"),
    "Appointment type not found": ("TYPE_NOT_LISTED", "appointment_type_id"),
    "Appointment type is not active": ("TYPE_INACTIVE", "appointment_type_id"),
    "start_time must be in the future": ("PAST", "start_time"),
    OUTSIDE: ("OUTSIDE_HOURS", "start_time"),
    "The daily limit for this appointment type has been reached": ("DAILY_LIMIT", "start_time"),
    "The weekly limit for this appointment type has been reached": ("WEEKLY_LIMIT", "start_time"),
    "The monthly limit for this appointment type has been reached": (
        "MONTHLY_LIMIT",
        "start_time",
    ),
    "The requested time overlaps another appointment": ("OVERLAP", "start_time"),
}
SANDBOX_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Appointments of this type must be booked at least \d+ hours in advance"),
     "MIN_NOTICE"),
    (re.compile(r"Appointments of this type cannot be booked more than \d+ days in advance"),
     "MAX_DAYS_AHEAD"),
]  # fmt: skip


def risk_for(text: str) -> tuple[str, str]:
    """The rules' (code, field) for one of the sandbox's own refusal texts."""
    if text in SANDBOX_TEXTS:
        return SANDBOX_TEXTS[text]
    for pattern, code in SANDBOX_PATTERNS:
        if pattern.fullmatch(text):
            return code, "start_time"
    typed = re.fullmatch(r"(\w+) must be a string", text)
    assert typed is not None, f"a sandbox text the differential does not know: {text!r}"
    return "FIELD_TYPE", typed.group(1)


def agree(
    predicted: Verdict,
    status: int,
    payload: dict[str, Any],
    body: object,
    event: Callable[[str], None] = event,
) -> None:
    """The prediction against the sandbox's answer (see the module's docstring); ``event``
    records what happened (hypothesis' statistics)."""
    if status == 200:
        event(f"200 {payload['appointment']['status']}")
        assert predicted.status == 200, (body, predicted)
        if predicted.code is None:
            pending = predicted.message == rules.PENDING_MESSAGE
            assert pending == (payload["appointment"]["status"] == "pending"), body
        else:
            event("200 with the named-schedule risk")
            assert predicted.code == "NAMED_SCHEDULE", (body, predicted)
        return
    text = payload["error"]
    event(f"{status} {text}")
    if predicted.severity is Severity.ERROR:
        assert (predicted.status, predicted.code, predicted.message) == (status, None, text), (
            body,
            predicted,
        )
        return
    named = isinstance(body, dict) and body.get("appointment_type_id") == STRATEGY
    if named and text == OUTSIDE:  # hours the rules cannot see
        event(f"named schedule outside: rules gave {predicted.code}")
        return
    assert (predicted.status, predicted.code, predicted.field) == (status, *risk_for(text)), (
        body,
        predicted,
        text,
    )


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(scenario=scenarios())
def test_prediction_equals_sandbox_answer(
    server: SandboxServer,
    clients: tuple[VastalConnector, httpx.Client],
    scenario: tuple[list[tuple[dict[str, Any], bool]], object],
) -> None:
    priors, body = scenario
    api = server.provider("vastal")
    state = api.build.state
    assert isinstance(state, VastalState)
    state.reset()
    for prior, cancel in priors:
        made = state.create(prior)
        if made.status == 200 and cancel:
            state.patch({"id": made.body["appointment"]["id"], "status": "cancelled"})
    connector, http = clients
    predicted = predict(connector, body, NOW)
    answer = http.post(
        "calendar/appointments",
        content=json.dumps(body),
        headers={"Content-Type": "application/json"},
    )
    agree(predicted, answer.status_code, answer.json(), body)


@pytest.mark.parametrize(
    ("days", "hour", "minute"),
    [(d, h, m) for d in (2, 3, 4, 5, 6, 40) for h, m in ((17, 0), (19, 30), (10, 0))],
)
def test_a_named_schedule_type_agrees(
    server: SandboxServer,
    clients: tuple[VastalConnector, httpx.Client],
    days: int,
    hour: int,
    minute: int,
) -> None:
    """Strategy Call (named schedule "Evening Hours", hours only the sandbox knows), inside
    and outside its evenings: a clean prediction carries the NAMED_SCHEDULE risk."""
    state = server.provider("vastal").build.state
    assert isinstance(state, VastalState)
    state.reset()
    connector, http = clients
    body = {
        "appointment_type_id": STRATEGY,
        "start_time": z(instant(TODAY + timedelta(days=days), hour, minute)),
        "client_name": "Jane Doe",
    }
    predicted = predict(connector, body, NOW)
    answer = http.post("calendar/appointments", json=body)
    agree(predicted, answer.status_code, answer.json(), body, lambda _: None)
    if predicted.accepted:
        assert predicted.code == "NAMED_SCHEDULE"
    day = TODAY + timedelta(days=days)
    evening = day.isoweekday() <= 4 and hour >= 17 and (hour, minute) <= (19, 30)
    assert (answer.status_code == 200) == (evening and days <= 30), answer.json()
