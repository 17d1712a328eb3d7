"""CareValidate: ``frontdesk validate``'s offline prediction against the sandbox's answer.

The rules (rules/carevalidate.py) and the sandbox (sandbox/carevalidate/) were written apart
from docs/providers.md; hypothesis looks for a body on which they disagree. A documented check
(checks 1-8) must be predicted exactly: the same status and text. What only CareValidate
(Calendly) judges when the booking is sent (the event type, the future, the open slot) the
rules cannot refuse: where they warn (a risk) the sandbox must refuse with the matching text,
and where they accept plainly the sandbox may only answer 200 or "not an available slot".
Bodies are mostly well formed, so the slot checks are reached, and accepted ones fill slots as
it goes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from frontdesk.cli.validate_cmd import predict
from frontdesk.domain.verdict import Severity
from frontdesk.providers.carevalidate import CareValidateConnector
from frontdesk.rules.carevalidate import SLOT_TAKEN, START_PASSED, UNLISTED_TYPE
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.carevalidate import EMULATOR
from frontdesk.sandbox.carevalidate.clinic import (
    FOLLOW_UP_ID,
    LEGACY_ID,
    TELEHEALTH_ID,
    WEIGHT_INTAKE_ID,
)
from frontdesk.sandbox.carevalidate.rules import MSG_PAST, MSG_SLOT, MSG_TYPE
from frontdesk.sandbox.carevalidate.state import CareValidateState

LA = ZoneInfo("America/Los_Angeles")
# what each risk says CareValidate will answer when the booking is sent
RISK_MEANS = {UNLISTED_TYPE: MSG_TYPE, START_PASSED: MSG_PAST, SLOT_TAKEN: MSG_SLOT}


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("carevalidate",)) as sandbox:
        state = sandbox.provider("carevalidate").build.state
        assert isinstance(state, CareValidateState)
        state.reset()
        yield sandbox


def _iso(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@st.composite
def bodies(draw: st.DrawFn) -> object:
    if draw(st.integers(0, 40)) == 0:
        return draw(st.sampled_from([[], "text", 5, None]))
    day = date.today() + timedelta(days=draw(st.sampled_from([-2, 1, 2, 3, 4, 5, 6, 7, 8])))
    hour = draw(st.sampled_from([16, 17, 18, 19, 20, 21, 16, 17, 18, 19, 20, 21, 9, 10, 12, 22]))
    minute = draw(st.sampled_from([0, 0, 0, 30, 30, 30, 15, 45, 10]))
    instant = datetime.combine(day, time(hour, minute), tzinfo=LA).astimezone(UTC)
    good: dict[str, list[object]] = {
        "eventTypeId": [
            TELEHEALTH_ID,
            TELEHEALTH_ID,
            TELEHEALTH_ID,
            FOLLOW_UP_ID,
            WEIGHT_INTAKE_ID,
        ],
        "startTime": [
            _iso(instant),
            _iso(instant).replace(".000Z", "Z"),
            instant.astimezone(LA).isoformat(),
            instant.astimezone(ZoneInfo("Asia/Kolkata")).isoformat(),
        ],
        "email": [f"p{n}@example.com" for n in range(5)] + ["Mixed.Case@Example.org"],
        "timezone": ["Asia/Kolkata", "America/Los_Angeles", "UTC", "Europe/Berlin"],
        "location": ["google_conference", "zoom_conference", "webex_conference"],
        "firstName": ["John", None],
        "lastName": ["Doe", None],
        "tracking": [None, {"utmSource": "web", "salesforceUuid": None}, {}],
    }
    bad: dict[str, list[object]] = {
        "eventTypeId": [LEGACY_ID, "nope", "", None, 7],
        "startTime": [
            day.isoformat(),
            _iso(instant).replace(".000Z", ""),
            _iso(instant).replace("T", " "),
            _iso(instant).replace(".000Z", "+0000"),
            f"{day.isoformat()}T25:00:00Z",
            "",
            None,
            _iso(instant + timedelta(seconds=1)),
        ],
        "email": ["nobody", "a@b", "a b@example.com", "", None, 3],
        "timezone": ["utc", "IST", "+05:30", "", None],
        "location": ["phone", "Zoom_Conference", "", None, 1],
        "firstName": [4],
        "lastName": [[]],
        "tracking": ["x", {"utmTerm": 5}],
    }
    body: dict[str, object] = {}
    for name in good:
        roll = draw(st.integers(0, 40))
        if roll == 0:
            continue  # absent
        pool = bad[name] if roll <= 2 else good[name]
        body[name] = draw(st.sampled_from(pool))
    return body


@settings(
    max_examples=90,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=bodies())
def test_prediction_equals_sandbox_answer(server: SandboxServer, body: object) -> None:
    event(compare(server, body))


def compare(server: SandboxServer, body: object) -> str:
    """Predict offline, then send: the two must agree; returns what the sandbox said."""
    provider = server.provider("carevalidate")
    connector = CareValidateConnector(
        "diff", provider.base_url, provider.build.api_key, dict(EMULATOR.demo_options)
    )
    try:
        predicted = predict(connector, body)
    finally:
        connector.close()
    with httpx.Client(
        base_url=provider.base_url, timeout=5.0, headers={"cv-api-key": provider.build.api_key}
    ) as http:
        answer = http.post(
            "/api/v1/calendar/appointments",
            content=json.dumps(body),
            headers={"Content-Type": "application/json"},
        )
    payload: dict[str, Any] = answer.json()
    message = payload.get("error") or payload.get("message")
    said = (answer.status_code, message)
    assert predicted.code is None
    if not predicted.accepted:  # a documented check: exactly the sandbox's answer
        assert (predicted.status, predicted.message) == said, body
        return f"{answer.status_code} {message}"
    if predicted.severity is Severity.RISK:  # judged at send: the sandbox must refuse it
        assert said == (400, RISK_MEANS[predicted.message or ""]), (body, predicted)
        return f"risk: {answer.status_code} {message}"
    assert said in ((200, predicted.message), (400, MSG_SLOT)), (body, said)
    return f"accepted: {answer.status_code} {message}"


def _seed(**changes: Any) -> dict[str, Any]:
    start = datetime.combine(date.today() + timedelta(days=11), time(4, 30), tzinfo=UTC)
    body: dict[str, Any] = {
        "eventTypeId": TELEHEALTH_ID,
        "startTime": _iso(start),
        "email": "fixed@example.com",
        "firstName": "John",
        "lastName": "Doe",
        "timezone": "Asia/Kolkata",
        "location": "google_conference",
        "tracking": {"utmCampaign": None, "salesforceUuid": None},
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


EVERY_REFUSAL: list[object] = [
    ["not", "an", "object"],
    _seed(eventTypeId=...),
    _seed(eventTypeId=3),
    _seed(startTime=None),
    _seed(email=""),
    _seed(timezone=...),
    _seed(location=...),
    _seed(firstName=1),
    _seed(lastName=False),
    _seed(tracking=[]),
    _seed(tracking={"utmMedium": 2}),
    _seed(startTime="2027-01-01T04:30:00"),
    _seed(email="x@y"),
    _seed(timezone="Asia/Calcutta "),
    _seed(location="teams"),
    _seed(eventTypeId=LEGACY_ID),
    _seed(startTime="2020-01-01T04:30:00Z"),
    _seed(
        startTime=_iso(datetime.combine(date.today() + timedelta(days=11), time(5, 10), tzinfo=UTC))
    ),
    _seed(),
    _seed(),  # the same slot again: taken now
]


def test_every_refusal_is_predicted(server: SandboxServer) -> None:
    seen = [compare(server, body) for body in EVERY_REFUSAL]
    documented = seen[:-5]
    assert len(set(documented)) == len(documented)  # each documented text once
    assert all(not text.startswith(("risk", "accepted")) for text in documented)
    assert seen[-5:] == [
        "risk: 400 eventTypeId does not match any event type",  # the inactive type
        "risk: 400 startTime must be in the future",
        "accepted: 400 startTime is not an available slot for this event type",  # off grid
        "accepted: 200 Meeting scheduled successfully",
        "risk: 400 startTime is not an available slot for this event type",  # taken now
    ]
