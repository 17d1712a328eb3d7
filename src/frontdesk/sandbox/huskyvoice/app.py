"""The HuskyVoice sandbox over HTTP: a Starlette app serving `/v1` from a `HuskyVoiceState`.

Owns what is HTTP about the API: the bearer-key gate (401 [ours]), the per-key sliding-window
rate limit (429 with `Retry-After` and the rate-limit page's body, no other headers), scopes
(403: the API keys page's `appointments:read`, `appointments:write`, `slots:read`), the
envelope for unknown paths (404) and methods (405) [ours], the cut answers of the fault hook,
and the loopback-only test endpoints under `/__sandbox__`. The order for a `/v1` request is:
key (401), rate limit (429), route (404/405), scope (403), then the operation's own checks.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from frontdesk.sandbox.gate import ApiGate, bearer_key
from frontdesk.sandbox.huskyvoice.state import HuskyVoiceState
from frontdesk.sandbox.ratelimit import Verdict
from frontdesk.sandbox.responses import json_body, respond, respond_write

API_PREFIX = "/v1"
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    body = {"success": False, "error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _gate(state: HuskyVoiceState) -> dict[str, Any]:
    """The gate's parts (``gate.ApiGate``): a bearer key the org knows, 60 a minute."""

    def authenticate(scope: Scope) -> tuple[str | None, Response | None]:
        key = bearer_key(scope)
        if key is not None and state.clinic.scopes_of(key) is not None:
            return key, None
        return None, _error(401, "UNAUTHORIZED", "Missing or invalid API key")

    def too_many(verdict: Verdict, headers: dict[str, str]) -> Response:
        # exactly the rate-limit page's body (no "success"), and only its Retry-After header
        message = f"Rate limit exceeded: {verdict.limit} requests per minute"
        body = {"error": {"code": "RATE_LIMIT_EXCEEDED", "message": message}}
        return JSONResponse(body, status_code=429, headers=headers)

    return {
        "prefix": API_PREFIX,
        "limiter": lambda: state.limiter,
        "authenticate": authenticate,
        "too_many": too_many,
        "rate_headers": lambda limiter, verdict, key: {},  # none are documented
    }


def _missing_scope(request: Request, state: HuskyVoiceState, *needed: str) -> Response | None:
    """403 unless the key holds one of ``needed`` (the first is the one named)."""
    scopes = state.clinic.scopes_of(request.state.api_key) or frozenset()
    if any(scope in scopes for scope in needed):
        return None
    message = f"API key does not have the required scope: {needed[0]}"
    return _error(403, "INSUFFICIENT_SCOPE", message)


def huskyvoice_app(state: HuskyVoiceState) -> Starlette:
    """The Starlette app of one HuskyVoice org; `state` is shared with whoever built it."""

    async def create(request: Request) -> Any:
        refused = _missing_scope(request, state, "appointments:write")
        if refused is not None:
            return refused
        return respond_write(state.faults, state.create(await json_body(request)))

    async def appointments(request: Request) -> Any:
        if request.method == "POST":
            return await create(request)
        refused = _missing_scope(request, state, "appointments:read")
        return refused or respond(state.list_appointments(request.query_params))

    async def appointment(request: Request) -> Any:
        if request.method == "PATCH":
            return await patch_appointment(request)
        refused = _missing_scope(request, state, "appointments:read")
        return refused or respond(state.get(request.path_params["appointment_id"]))

    async def patch_appointment(request: Request) -> Any:
        refused = _missing_scope(request, state, "appointments:write")
        if refused is not None:
            return refused
        answer = state.patch(request.path_params["appointment_id"], await json_body(request))
        return respond_write(state.faults, answer)

    # "appointments:read: Fetch appointments, configuration, services, and availability"
    # (API keys page); the availability page asks for slots:read: either will do.
    async def services(request: Request) -> Response:
        return _missing_scope(request, state, "appointments:read") or respond(state.services())

    async def config(request: Request) -> Response:
        return _missing_scope(request, state, "appointments:read") or respond(state.config())

    async def availability(request: Request) -> Response:
        refused = _missing_scope(request, state, "slots:read", "appointments:read")
        return refused or respond(state.availability(request.query_params))

    async def set_faults(request: Request) -> Response:
        refused = _not_loopback(request)
        if refused is not None:
            return refused
        body = await json_body(request)
        count = body.get("drop_next_answers") if isinstance(body, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            message = "drop_next_answers must be a whole number, 0 or more"
            return _error(400, "VALIDATION_ERROR", message)
        state.faults.drop_next_answers(count)
        return JSONResponse({"success": True, "data": {"drop_next_answers": count}})

    async def dump_appointments(request: Request) -> Response:
        refused = _not_loopback(request)
        return refused or JSONResponse({"success": True, "data": state.appointments()})

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(404, "NOT_FOUND", "Not found")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        headers = exc.headers if isinstance(exc, HTTPException) else None
        return _error(405, "METHOD_NOT_ALLOWED", "Method not allowed", dict(headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(500, "INTERNAL_ERROR", "Internal server error")

    v1 = API_PREFIX
    routes = [
        Route(f"{v1}/appointments", appointments, methods=["GET", "POST"]),
        Route(f"{v1}/appointments/{{appointment_id}}", appointment, methods=["GET", "PATCH"]),
        Route(f"{v1}/services", services, methods=["GET"]),
        Route(f"{v1}/appointment-config", config, methods=["GET"]),
        Route(f"{v1}/appointment-slots/availability", availability, methods=["GET"]),
        Route("/__sandbox__/faults", set_faults, methods=["POST"]),
        Route("/__sandbox__/appointments", dump_appointments, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_allowed, Exception: server_error},
    )
    app.add_middleware(ApiGate, **_gate(state))
    return app


def _not_loopback(request: Request) -> Response | None:
    host = request.client.host if request.client else ""
    if host in _LOOPBACK:
        return None
    return _error(403, "FORBIDDEN", "The sandbox test endpoints answer on loopback only")
