"""Keys, scopes, the rate limit and unknown routes of the HuskyVoice sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import READONLY_API_KEY, ApiKey, default_clinic

UNAUTHORIZED = {
    "success": False,
    "error": {"code": "UNAUTHORIZED", "message": "Missing or invalid API key"},
}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "sk_test_frontdesk_demo"},
        {"Authorization": "Basic sk_test_frontdesk_demo"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer sk_live_nobody"},
    ],
)
def test_a_missing_or_unknown_key_is_401(sandbox: SandboxServer, headers: dict[str, str]) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers=headers) as anonymous:
        for path in ("/appointments", "/services", "/no-such-path"):
            response = anonymous.get(path)
            assert response.status_code == 401
            assert response.json() == UNAUTHORIZED


def test_the_scheme_is_case_insensitive(sandbox: SandboxServer) -> None:
    headers = {"Authorization": f"bearer {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers) as http:
        assert http.get("/services").status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "scope"),
    [
        ("POST", "/appointments", "appointments:write"),
        ("PATCH", "/appointments/appt_0000000000", "appointments:write"),
    ],
)
def test_the_readonly_key_cannot_write(
    sandbox: SandboxServer, body: Callable[..., dict[str, Any]], method: str, path: str, scope: str
) -> None:
    headers = {"Authorization": f"Bearer {READONLY_API_KEY}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers) as readonly:
        response = readonly.request(method, path, json=body())
        assert response.status_code == 403
        assert response.json() == {
            "success": False,
            "error": {
                "code": "INSUFFICIENT_SCOPE",
                "message": f"API key does not have the required scope: {scope}",
            },
        }
        assert sandbox.state.appointments() == []
        for read in ("/appointments", "/services", "/appointment-config"):
            assert readonly.get(read).status_code == 200


def test_scopes_per_endpoint() -> None:
    """The API keys page's scopes: appointments:read fetches "appointments, configuration,
    services, and availability"; the availability page asks for slots:read (either will do).
    There is no config scope."""
    clinic = default_clinic()
    clinic.api_keys.append(ApiKey("sk_test_slots", frozenset({"slots:read"})))
    clinic.api_keys.append(ApiKey("sk_test_reader", frozenset({"appointments:read"})))
    clinic.api_keys.append(ApiKey("sk_test_writer", frozenset({"appointments:write"})))
    availability = "/appointment-slots/availability?date=2030-01-01"
    with SandboxServer(rate_limit=0, clinic=clinic) as server:

        def client(key: str) -> httpx.Client:
            return httpx.Client(
                base_url=server.base_url, headers={"Authorization": f"Bearer {key}"}
            )

        with client("sk_test_slots") as http:
            assert http.get(availability).status_code == 200
            for path in (
                "/services",
                "/appointment-config",
                "/appointments",
                "/appointments/appt_0000000000",
            ):
                response = http.get(path)
                assert response.status_code == 403
                assert response.json()["error"] == {
                    "code": "INSUFFICIENT_SCOPE",
                    "message": "API key does not have the required scope: appointments:read",
                }
        with client("sk_test_reader") as http:
            for path in (availability, "/services", "/appointment-config", "/appointments"):
                assert http.get(path).status_code == 200, path
        with client("sk_test_writer") as http:
            refused = http.get(availability)
            assert refused.status_code == 403
            assert refused.json()["error"]["message"].endswith("slots:read")
    assert "config:read" not in {s for k in default_clinic().api_keys for s in k.scopes}


def test_unknown_paths_and_methods(client: httpx.Client) -> None:
    missing = client.get("/bookings")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "NOT_FOUND"
    wrong = client.delete("/appointments")
    assert wrong.status_code == 405
    assert wrong.json()["error"]["code"] == "METHOD_NOT_ALLOWED"
    record = client.get("/appointments/appt_0123456789")
    assert record.status_code == 404
    assert record.json() == {
        "success": False,
        "error": {"code": "NOT_FOUND", "message": "Appointment not found"},
    }


@pytest.fixture(scope="module")
def limited() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=5) as server:
        yield server


def test_the_rate_limit_answers_429_with_retry_after(limited: SandboxServer) -> None:
    """The rate-limit page: 429, `Retry-After` (integer seconds) and the body
    {"error": {"code": "RATE_LIMIT_EXCEEDED", "message": ...}}; no other headers."""
    headers = {"Authorization": f"Bearer {limited.api_key}"}
    with httpx.Client(base_url=limited.base_url, headers=headers) as http:
        for _ in range(5):
            response = http.get("/services")
            assert response.status_code == 200
            assert not any(h.lower().startswith("x-ratelimit") for h in response.headers)
        over = http.get("/appointments")
        assert over.status_code == 429
        assert over.json() == {
            "error": {
                "code": "RATE_LIMIT_EXCEEDED",
                "message": "Rate limit exceeded: 5 requests per minute",
            },
        }
        assert 1 <= int(over.headers["Retry-After"]) <= 60
        assert not any(h.lower().startswith("x-ratelimit") for h in over.headers)
        # Other keys have their own window; bad keys are not counted.
        other = {"Authorization": f"Bearer {READONLY_API_KEY}"}
        assert http.get("/services", headers=other).status_code == 200
        assert http.get("/services", headers={"Authorization": "Bearer x"}).status_code == 401
        # The test endpoints are not rate limited.
        dump = httpx.get(limited.root_url + "/__sandbox__/appointments")
        assert dump.status_code == 200


def test_limit_zero_turns_the_limit_off(client: httpx.Client) -> None:
    for _ in range(70):
        response = client.get("/services")
        assert response.status_code == 200
    assert "X-RateLimit-Limit" not in response.headers
