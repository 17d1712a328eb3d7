"""meetergo: ``frontdesk validate``'s offline prediction equals the sandbox's answer for
generated requests against the default account (rules/ and sandbox/ were written apart)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from frontdesk.cli.validate_cmd import predict
from frontdesk.main import main
from frontdesk.providers.meetergo import MeetergoConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.meetergo.state import MeetergoState
from support.meetergo import (
    ANNA,
    API_KEY,
    BEN,
    CHECK_IN,
    CONSULT,
    GROUP,
    QUEUE,
    SECOND,
    THERAPY,
    TRIAGE,
    ZONE,
    at,
    example_request,
    iso,
    next_tuesday,
)

DAY = next_tuesday()


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as sandbox:
        state = sandbox.provider("meetergo").build.state
        assert isinstance(state, MeetergoState)
        state.reset()
        yield sandbox


def _argv(server: SandboxServer, request: Path, user: str = ANNA) -> list[str]:
    return [
        "validate",
        "--provider",
        "meetergo",
        "--base-url",
        server.provider("meetergo").base_url,
        "--api-key",
        API_KEY,
        "--option",
        f"api_user_id={user}",
        "--option",
        f"timezone={ZONE}",
        str(request),
    ]


def test_validate_cli_exit_codes(
    server: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = server.provider("meetergo").build.state
    assert isinstance(state, MeetergoState)
    state.reset()
    request = tmp_path / "request.json"
    day = DAY + timedelta(days=14)
    request.write_text(json.dumps(example_request(at(day, 10))))
    assert main(_argv(server, request)) == 0
    assert json.loads(capsys.readouterr().out) == {"status": 201, "code": None, "message": None}
    assert state.appointments() == []  # validate never sends
    request.write_text(json.dumps(example_request(at(day, 12))))  # Anna's lunch
    assert main(_argv(server, request)) == 1
    assert json.loads(capsys.readouterr().out) == {
        "status": 400,
        "code": "Bad Request",
        "message": "start is not an available spot",
    }


TYPES = [CONSULT, CONSULT, CONSULT, THERAPY, THERAPY, TRIAGE, GROUP, CHECK_IN, SECOND, "nope"]
HOSTS = {CONSULT: ANNA, SECOND: ANNA, THERAPY: BEN, CHECK_IN: BEN, GROUP: BEN}
ABSENT = object()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(body: dict[str, Any]) -> None:
        target = body
        *parents, leaf = path.split(".")
        for name in parents:
            if not isinstance(target.get(name), dict):
                return
            target = target[name]
        if value is ABSENT:
            target.pop(leaf, None)
        else:
            target[leaf] = value

    return apply


MUTATIONS: list[tuple[str, Any]] = [
    ("attendee", ABSENT),
    ("attendee", "x"),
    ("attendee.email", "nope"),
    ("attendee.email", ABSENT),
    ("attendee.receiveReminders", "yes"),
    ("attendee.notes", ABSENT),
    ("attendee.fullname", 5),
    ("attendee.fullname", " "),
    ("attendee.firstname", 7),
    ("attendee.phone", 49),
    ("attendee.phone", "+4930123456"),
    ("attendee.language", "eng"),
    ("attendee.language", "de"),
    ("attendee.timezone", "Mars/Base"),
    ("attendee.timezone", "America/New_York"),
    ("attendee.bringalongEmails", ["x"]),
    ("attendee.bringalongEmails", [f"g{n}@e.de" for n in range(6)]),
    ("attendee.bringalongEmails", ["g@example.com"]),
    ("attendee.dataPolicyAccepted", "yes"),
    ("meetingTypeId", ABSENT),
    ("meetingTypeId", "nope"),
    ("start", ABSENT),
    ("start", "2027-06-15 10:00"),
    ("hostIds", "x"),
    ("hostIds", [BEN]),
    ("hostIds", [ANNA]),
    ("hostIds", ABSENT),
    ("queueId", QUEUE),
    ("queueId", "other"),
    ("queueId", ABSENT),
    ("queueId", 5),
    ("channel", "pigeon"),
    ("channel", "google"),
    ("channel", "zoom"),
    ("duration", 0),
    ("duration", 30.5),
    ("duration", 30.0),
    ("duration", "30"),
    ("phoneOnlyBooking", True),
    ("paymentProvider", "stripe"),
    ("paymentProvider", "cash"),
    ("channel", "teamsForExchange"),
    ("couponCode", 5),
    ("duration", 123),
    ("duration", 60),
    ("duration", 30),
    ("icsTitle", "x" * 201),
    ("icsDescription", "x" * 2001),
    ("skipNotifications", "no"),
    ("attendeePendingId", "1"),
    ("resourceChannelIds", [1]),
]


@st.composite
def bodies(draw: st.DrawFn) -> object:
    """A good body for a drawn type, day and time (so spots fill up and later ones are
    taken), then none, one or two mutations from MUTATIONS."""
    if draw(st.integers(0, 60)) == 0:
        return draw(st.sampled_from([[], "text", 5, None]))
    type_id = draw(st.sampled_from(TYPES))
    day = DAY + timedelta(days=draw(st.sampled_from([0, 0, 1, 2, 4, 5])))
    hour = draw(st.sampled_from([8, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17, 7]))
    when = at(day, hour, draw(st.sampled_from([0, 0, 15, 30, 45, 5])))
    payload: dict[str, Any] = {
        "attendee": {
            "email": draw(st.sampled_from([f"p{n}@example.com" for n in range(4)])),
            "receiveReminders": True,
            "notes": {},
            "fullname": "Max Muster",
        },
        "meetingTypeId": type_id,
        "start": draw(st.sampled_from([iso(when), when.astimezone().isoformat()])),
    }
    if type_id in HOSTS and (type_id != GROUP or draw(st.booleans())):
        payload["hostIds"] = [HOSTS[type_id]]
    if type_id == TRIAGE:
        payload["queueId"] = QUEUE
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 1, 2]))):
        path, value = draw(st.sampled_from(MUTATIONS))
        _set(path, value)(payload)
    return payload


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=bodies())
def test_prediction_equals_sandbox_answer(server: SandboxServer, body: object) -> None:
    url = server.provider("meetergo").base_url
    connector = MeetergoConnector("diff", url, API_KEY, ANNA, ZONE)
    try:
        predicted = predict(connector, body)
    finally:
        connector.close()
    headers = {
        "Authorization": f"Bearer {API_KEY}",
        "x-meetergo-api-user-id": ANNA,
        "Content-Type": "application/json",
    }
    answer = httpx.post(url + "/booking", content=json.dumps(body), headers=headers, timeout=5)
    payload = answer.json()
    code = payload.get("error") if answer.status_code >= 400 else None
    message = payload.get("message") if answer.status_code >= 400 else None
    if answer.status_code < 300 and "bookingType" in payload:
        message = f"Provisional booking ({payload['bookingType']})"
    event(f"{answer.status_code} {message}")
    assert (predicted.status, predicted.code, predicted.message) == (
        answer.status_code,
        code,
        message,
    ), body
