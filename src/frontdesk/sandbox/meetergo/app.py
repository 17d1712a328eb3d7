"""The meetergo sandbox over HTTP: a Starlette app serving `/v4` from a `MeetergoState`.

Owns what is HTTP about the API: the key gate (401), the user-id header (400 / 403), the
per-key sliding-window rate limit (429 with `Retry-After`, `X-RateLimit-*` on every answer past
auth), NestJS-style 404s, the cut answers of the fault hook on writes, and the loopback-only
test endpoints under `/__sandbox__`. Order for a `/v4` request: key, user id, rate limit,
route, then the operation's own checks.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from frontdesk.sandbox.gate import ApiGate, header
from frontdesk.sandbox.meetergo.rules import error_body
from frontdesk.sandbox.meetergo.state import MeetergoState
from frontdesk.sandbox.ratelimit import Verdict
from frontdesk.sandbox.responses import json_body, respond, respond_write

API_PREFIX = "/v4"
USER_HEADER = "x-meetergo-api-user-id"
_KEY_FORM = re.compile(
    r"ak_live:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\S+", re.ASCII
)
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def _error(
    status: int, message: str, field: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    return JSONResponse(error_body(status, message, field), status_code=status, headers=headers)


def _gate(state: MeetergoState) -> dict[str, Any]:
    """The gate's parts (``gate.ApiGate``): a live key of the account that has not expired,
    and a user of its company in the user-id header."""

    def authenticate(scope: Scope) -> tuple[str | None, Response | None]:
        auth = (header(scope, b"authorization") or "").strip()
        scheme, _, key = auth.partition(" ")
        key = key.strip()
        if scheme.lower() != "bearer" or not key:
            return None, _error(401, "Missing API key")
        keys = state.account.keys
        if not _KEY_FORM.fullmatch(key) or key not in keys:
            return None, _error(401, "Invalid API key")
        if keys[key]:
            return None, _error(401, "API key has expired")
        user = (header(scope, USER_HEADER.encode()) or "").strip()
        if not user:
            return None, _error(400, f"{USER_HEADER} header is required", USER_HEADER)
        if state.account.user(user) is None:
            message = f"{USER_HEADER} does not belong to this API key's company"
            return None, _error(403, message)
        return key, None

    def too_many(verdict: Verdict, headers: dict[str, str]) -> Response:
        body = {"statusCode": 429, "message": "Too Many Requests", "error": "Too Many Requests"}
        return JSONResponse(body, 429, headers)

    return {
        "prefix": API_PREFIX,
        "limiter": lambda: state.limiter,
        "authenticate": authenticate,
        "too_many": too_many,
    }


def meetergo_app(state: MeetergoState) -> Starlette:
    """The Starlette app of one meetergo account; `state` is shared with whoever built it."""

    async def booking(request: Request) -> Any:
        return respond_write(state.faults, state.create(await json_body(request)))

    async def meeting_types(request: Request) -> Response:
        return respond(state.meeting_types())

    async def meeting_type(request: Request) -> Response:
        return respond(state.meeting_type(request.path_params["type_id"]))

    async def availability(request: Request) -> Response:
        return respond(state.availability(request.query_params))

    async def paginated(request: Request) -> Response:
        return respond(state.list_page(request.query_params))

    async def appointment(request: Request) -> Response:
        return respond(state.get(request.path_params["appointment_id"]))

    async def cancel(request: Request) -> Any:
        body = await json_body(request)
        return respond_write(
            state.faults, state.cancel(request.path_params["appointment_id"], body)
        )

    async def reschedule(request: Request) -> Any:
        body = await json_body(request)
        answer = state.reschedule(request.path_params["appointment_id"], body)
        return respond_write(state.faults, answer)

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
        return _not_loopback(request) or JSONResponse(state.appointments())

    async def confirm(request: Request) -> Response:
        refused = _not_loopback(request)
        return refused or respond(state.confirm_provisional(request.path_params["pid"]))

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(404, f"Cannot {request.method} {request.url.path}")

    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(500, "Internal server error")

    v4 = API_PREFIX
    routes = [
        Route(f"{v4}/booking", booking, methods=["POST"]),
        Route(f"{v4}/meeting-type", meeting_types, methods=["GET"]),
        Route(f"{v4}/meeting-type/{{type_id}}", meeting_type, methods=["GET"]),
        Route(f"{v4}/booking-availability", availability, methods=["GET"]),
        Route(f"{v4}/appointment/paginated", paginated, methods=["GET"]),
        Route(f"{v4}/appointment/{{appointment_id}}", appointment, methods=["GET"]),
        Route(f"{v4}/appointment/{{appointment_id}}/cancel", cancel, methods=["POST"]),
        Route(f"{v4}/appointment/{{appointment_id}}/reschedule", reschedule, methods=["POST"]),
        Route("/__sandbox__/faults", set_faults, methods=["POST"]),
        Route("/__sandbox__/appointments", dump_appointments, methods=["GET"]),
        Route("/__sandbox__/provisional/{pid}/confirm", confirm, methods=["POST"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_found, Exception: server_error},
    )
    app.add_middleware(ApiGate, **_gate(state))
    return app


def _not_loopback(request: Request) -> Response | None:
    host = request.client.host if request.client else ""
    if host in _LOOPBACK:
        return None
    return _error(403, "The sandbox test endpoints answer on loopback only")
