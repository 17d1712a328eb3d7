"""The Vastal sandbox over HTTP: a Starlette app serving `/v1` from a `VastalState`.

Owns what is HTTP about the API (docs/providers.md, "Vastal"): the bearer-key gate (401), the
key's scopes (403: `read` for GET, `write` for POST/PUT/PATCH, `admin` for all), the hourly
sliding-window rate limit (429) and the `X-RateLimit-Limit/Remaining/Reset` headers on every
`/v1` answer (the Authentication page's), the cut answers of the fault hook on writes, and the
loopback-only test endpoints under `/__sandbox__`. Order for a `/v1` request: key (401), rate
limit (429), route (404/405), scope (403), then the operation's own checks.

Errors raised here, before an operation runs, use the REST reference's envelope
`{"success": false, "error": {"code", "message", "details"}}` (codes ours; no `Retry-After`,
which no page documents); an operation's own refusals use the calendar pages' `{"error":
"<text>"}` (see `rules`).
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from frontdesk.sandbox.gate import ApiGate, bearer_key, limit_headers
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter, Verdict
from frontdesk.sandbox.responses import json_body, respond, respond_write
from frontdesk.sandbox.vastal.state import VastalState

API_PREFIX = "/v1"
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _envelope(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    details: dict[str, Any] | None = None,
) -> Response:
    """The REST reference's error envelope."""
    body = {"success": False, "error": {"code": code, "message": message,
                                         "details": details or {}}}  # fmt: skip
    return JSONResponse(body, status_code=status, headers=headers)


_SCOPE_OF = {"GET": "read", "HEAD": "read"}  # every other method writes


def _gate(state: VastalState) -> dict[str, Any]:
    """The gate's parts (``gate.ApiGate``): a bearer key the org knows, an hourly limit whose
    headers say when the window resets."""

    def authenticate(scope: Scope) -> tuple[str | None, Response | None]:
        key = bearer_key(scope)
        if key is not None and key in state.clinic.keys:
            return key, None
        limiter = state.limiter
        headers = None
        if limiter.enabled:
            headers = {
                "X-RateLimit-Limit": str(limiter.limit),
                "X-RateLimit-Remaining": str(limiter.limit),
                "X-RateLimit-Reset": str(limiter.reset_epoch("")),
            }
        return None, _envelope(401, "UNAUTHORIZED", "Invalid or missing API key", headers)

    def rate_headers(limiter: SlidingWindowLimiter, verdict: Verdict, key: str) -> dict[str, str]:
        return {
            **limit_headers(limiter, verdict, key),
            "X-RateLimit-Reset": str(state.limiter.reset_epoch(key)),
        }

    def too_many(verdict: Verdict, headers: dict[str, str]) -> Response:
        documented = {k: v for k, v in headers.items() if k.lower() != "retry-after"}
        message = f"Rate limit exceeded: {verdict.limit} requests per hour"
        return _envelope(429, "RATE_LIMITED", message, documented)

    return {
        "prefix": API_PREFIX,
        "limiter": lambda: state.limiter,
        "authenticate": authenticate,
        "too_many": too_many,
        "rate_headers": rate_headers,
    }


def vastal_app(state: VastalState) -> Starlette:
    """The Starlette app of one Vastal org; `state` is shared with whoever built it."""

    def forbidden(request: Request) -> Response | None:
        """403 when the key lacks the scope the method needs."""
        key = str(request.scope.get("state", {}).get("api_key", ""))
        scope = _SCOPE_OF.get(request.method, "write")
        if state.clinic.may(key, scope):
            return None
        details = {"required_scope": scope}
        return _envelope(403, "FORBIDDEN", "Insufficient permissions", None, details)

    async def appointments(request: Request) -> Any:
        refused = forbidden(request)
        if refused is not None:
            return refused
        if request.method == "POST":
            return respond_write(state.faults, state.create(await json_body(request)))
        if request.method == "PATCH":
            return respond_write(state.faults, state.patch(await json_body(request)))
        return respond(state.list_appointments(request.query_params))

    async def appointment_types(request: Request) -> Any:
        refused = forbidden(request)
        if refused is not None:
            return refused
        if request.method == "POST":
            return respond_write(state.faults, state.create_type(await json_body(request)))
        if request.method == "PUT":
            return respond_write(state.faults, state.update_type(await json_body(request)))
        return respond(state.list_types())

    async def availability(request: Request) -> Any:
        refused = forbidden(request)
        if refused is not None:
            return refused
        if request.method == "POST":
            return respond_write(state.faults, state.add_row(await json_body(request)))
        if request.method == "PUT":
            return respond_write(state.faults, state.replace_rows(await json_body(request)))
        return respond(state.availability())

    async def set_faults(request: Request) -> Response:
        refused = _not_loopback(request)
        if refused is not None:
            return refused
        body = await json_body(request)
        count = body.get("drop_next_answers") if isinstance(body, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            return _error(400, "drop_next_answers must be a whole number, 0 or more")
        state.faults.drop_next_answers(count)
        return JSONResponse({"drop_next_answers": count})

    async def dump_appointments(request: Request) -> Response:
        refused = _not_loopback(request)
        return refused or JSONResponse({"appointments": state.appointments()})

    async def not_found(request: Request, exc: Exception) -> Response:
        return _envelope(404, "NOT_FOUND", "Not Found")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        headers = exc.headers if isinstance(exc, HTTPException) else None
        return _envelope(405, "METHOD_NOT_ALLOWED", "Method not allowed", dict(headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        return _envelope(500, "INTERNAL_ERROR", "Internal Server Error")

    v1 = API_PREFIX
    routes = [
        Route(f"{v1}/calendar/appointments", appointments, methods=["GET", "POST", "PATCH"]),
        Route(
            f"{v1}/calendar/appointment-types", appointment_types, methods=["GET", "POST", "PUT"]
        ),
        Route(f"{v1}/calendar/availability", availability, methods=["GET", "POST", "PUT"]),
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
    return _error(403, "The sandbox test endpoints answer on loopback only")
