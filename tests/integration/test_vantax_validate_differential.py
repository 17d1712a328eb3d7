"""``frontdesk validate --provider vantax`` against the real VantaX sandbox: the offline
prediction (rules/vantax.py) must equal what the sandbox (sandbox/vantax/) answers to the
same body: the status, the message, a 422's first field, and the code the connector derives
from the status (VantaX's error body has none). The two were written apart from the vendor's
pages; hypothesis looks for a disagreement."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from frontdesk.cli.validate_cmd import predict
from frontdesk.main import main
from frontdesk.providers.vantax import VantaxConnector
from frontdesk.providers.vantax.errors import code_for
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.server import ProviderServer

SEED: dict[str, Any] = {
    "contact_id": "ct_4f8a21",
    "calendar_id": "cal_22f9",
    "title": "Dental cleaning consultation",
    "appointment_date": "2027-06-09T15:00:00Z",
    "duration": 30,
    "location": "Downtown Clinic, Suite 200",
    "sub_account_id": "sub_8a1f4c2e",
}


@pytest.fixture(scope="module")
def vx() -> Iterator[ProviderServer]:
    with SandboxServer(rate_limit=0, providers=("vantax",)) as server:
        yield server.provider("vantax")


SUB, ZONE = "sub_8a1f4c2e", "America/New_York"
OPTIONS = (f"sub_account_id={SUB}", f"timezone={ZONE}")


def run_validate(vx: ProviderServer, tmp_path: Path, body: object) -> list[str]:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(body))
    argv = ["validate", "--provider", "vantax", "--base-url", vx.base_url]
    argv += ["--api-key", vx.build.api_key, str(request)]
    for option in OPTIONS:
        argv += ["--option", option]
    return argv


def test_validate_cli_accepts_the_seed_example(
    vx: ProviderServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(run_validate(vx, tmp_path, SEED)) == 0
    assert json.loads(capsys.readouterr().out) == {
        "status": 201,
        "code": None,
        "message": "Appointment created successfully",
    }
    state = vx.build.state
    assert state.appointments() == []  # validate never sends the booking


def test_validate_cli_refuses_with_vantax_code_and_message(
    vx: ProviderServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(run_validate(vx, tmp_path, {**SEED, "calendar_id": "cal_0c4e"})) == 1
    assert json.loads(capsys.readouterr().out) == {
        "status": 409,
        "code": "conflict",
        "message": "Calendar cal_0c4e is inactive and does not accept appointments",
    }
    assert main(run_validate(vx, tmp_path, {**SEED, "duration": "500", "title": None})) == 1
    assert json.loads(capsys.readouterr().out) == {
        "status": 422,
        "code": "validation_failed",
        "message": "Validation failed: title is required; duration must be an integer",
    }
    assert main(run_validate(vx, tmp_path, {**SEED, "sub_account_id": "sub_5c03b7d1"})) == 1
    assert json.loads(capsys.readouterr().out) == {
        "status": 404,
        "code": "not_found",
        "message": "Sub-account sub_5c03b7d1 not found",
    }


GOOD: dict[str, list[object]] = {
    "contact_id": ["ct_4f8a21"],
    "title": ["Dental cleaning consultation", "Check", "x" * 256],
    "appointment_date": [
        "2027-06-09T15:00:00Z",
        "2027-06-09T15:00Z",
        "2027-06-09T15:00:00.5Z",
        "2027-03-14T07:30:00+00:00",
        "2020-01-01T00:00:00Z",
    ],
    "sub_account_id": ["sub_8a1f4c2e"],
    "calendar_id": ["cal_22f9", "cal_5b7d", None],
    "description": ["Notes", None, "d" * 5001],
    "duration": [30, 5, 480, 45, None, 4, 481],
    "status": ["confirmed", "scheduled", "completed", "cancelled", "no_show", None],
    "location": ["Downtown Clinic, Suite 200", None, "l" * 256],
    "assigned_user_id": ["usr_61b8af", None],
}
BAD: dict[str, list[object]] = {
    "contact_id": ["", " ", None, 7],
    "title": ["", None, 3],
    "appointment_date": [
        "2027-06-09T15:00:00",
        "2027-06-09T15:00:00+02:00",
        "2027-06-09 15:00:00Z",
        "2027-06-09",
        "2027-02-30T10:00:00Z",
        "",
        None,
        20270609,
    ],
    "sub_account_id": ["", None, 1],
    "calendar_id": ["", 5, True],
    "description": [5],
    "duration": [30.0, "30", True],
    "status": ["pending", "CONFIRMED", 1],
    "location": [1],
    "assigned_user_id": [5],
}
REQUIRED = ("contact_id", "title", "appointment_date", "sub_account_id")
UNKNOWN: list[tuple[str, str]] = [
    ("sub_account_id", "sub_nope"),
    ("sub_account_id", "sub_5c03b7d1"),  # the agency's other one: not the key's
    ("contact_id", "ct_nope"),
    ("contact_id", "ct_9b3e77"),
    ("calendar_id", "cal_nope"),
    ("calendar_id", "cal_7a10"),
]


@st.composite
def bodies(draw: st.DrawFn) -> object:
    """A scenario first (so every answer code occurs), then a body for it: well formed, some
    fields wrong or absent, an unknown or foreign id, the inactive calendar, or not an object."""
    scenario = draw(
        st.sampled_from(["ok", "ok", "invalid", "invalid", "unknown", "inactive", "malformed"])
    )
    if scenario == "malformed":
        return draw(st.sampled_from([[], "text", 5, None, [SEED]]))
    body: dict[str, object] = {}
    for name, good in GOOD.items():
        if name in REQUIRED or draw(st.booleans()):
            body[name] = draw(st.sampled_from(good))
    if draw(st.booleans()):
        body["agent_id"] = "agt_ignored"
    if scenario == "inactive":
        body["calendar_id"] = "cal_0c4e"
    if scenario == "unknown":
        name, value = draw(st.sampled_from(UNKNOWN))
        body[name] = value
        if draw(st.booleans()):
            body["calendar_id"] = draw(st.sampled_from(["cal_0c4e", "cal_22f9"]))
    if scenario == "invalid":
        count = draw(st.integers(1, 3))
        for name in draw(st.permutations(sorted(BAD)))[:count]:
            if draw(st.integers(0, 3)) == 0:
                body.pop(name, None)  # absent
            else:
                body[name] = draw(st.sampled_from(BAD[name]))
    return body


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=bodies())
def test_prediction_equals_sandbox_answer(vx: ProviderServer, body: object) -> None:
    connector = VantaxConnector("diff", vx.base_url, vx.build.api_key, SUB, ZONE)
    try:
        predicted = predict(connector, body)
    finally:
        connector.close()
    with httpx.Client(
        base_url=vx.base_url + "/",
        timeout=5.0,
        headers={"Authorization": f"Bearer {vx.build.api_key}"},
    ) as http:
        answer = http.post(
            "appointments", content=json.dumps(body), headers={"Content-Type": "application/json"}
        )
    payload = answer.json()
    if answer.status_code >= 300:  # the documented envelope, nothing more
        assert set(payload) <= {"success", "message", "errors"}, payload
    code = None if answer.status_code < 300 else code_for(answer.status_code)
    message = payload["message"]
    event(f"{answer.status_code} {code}")
    assert (predicted.status, predicted.code, predicted.message) == (
        answer.status_code,
        code,
        message,
    ), body
    if answer.status_code == 422:
        assert predicted.field == payload["errors"][0]["field"]
