"""The CareValidate sandbox over HTTP: a Starlette app serving the documented endpoints.

Book, list and cancel under `/api/v1/calendar/appointments`; provider availability at both
documented paths (staging `/api/v1/calendar/provider-availability`, production
`/api/v1/provider-availability`). Owns what is HTTP about the API: the `cv-api-key` gate (401),
the per-key sliding-window rate limit (429, with our `Retry-After`) and our `X-RateLimit-*`
headers, the envelope for unknown paths (404) and methods (405) [ours], the cut answers of the
fault hook on book and cancel, and the loopback-only test endpoints under `/__sandbox__`.
Order: key, rate limit, route, checks. There is no available-times endpoint: CareValidate
documents none.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from frontdesk.sandbox.carevalidate.state import CareValidateState
from frontdesk.sandbox.gate import ApiGate, header
from frontdesk.sandbox.responses import json_body, respond, respond_write

API_PREFIX = "/api/v1"
BASE_PATH = ""  # the documented base URL has no version path
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def _fail(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    body = {"status": status, "success": False, "message": message}
    return JSONResponse(body, status_code=status, headers=headers)


def _gate(state: CareValidateState) -> dict[str, Any]:
    """The gate's parts (``gate.ApiGate``): a ``cv-api-key`` the clinic knows."""

    def authenticate(scope: Scope) -> tuple[str | None, Response | None]:
        key = (header(scope, b"cv-api-key") or "").strip()
        if key and key in state.clinic.api_keys:
            return key, None
        return None, _fail(401, "Unauthorized")

    return {
        "prefix": API_PREFIX,
        "limiter": lambda: state.limiter,
        "authenticate": authenticate,
        "too_many": lambda _verdict, headers: _fail(429, "Rate limit exceeded", headers),
    }


def _not_loopback(request: Request) -> Response | None:
    host = request.client.host if request.client else ""
    if host in _LOOPBACK:
        return None
    return _fail(403, "The sandbox test endpoints answer on loopback only")


def carevalidate_app(state: CareValidateState) -> Starlette:
    """The Starlette app of one CareValidate organisation."""

    async def appointments(request: Request) -> Any:
        if request.method == "POST":
            return respond_write(state.faults, state.create(await json_body(request)))
        return respond(state.list_appointments(request.query_params))

    async def cancel(request: Request) -> Any:
        return respond_write(state.faults, state.cancel(await json_body(request)))

    async def availability(request: Request) -> Response:
        return respond(state.provider_availability(request.query_params))

    async def set_faults(request: Request) -> Response:
        refused = _not_loopback(request)
        if refused is not None:
            return refused
        body = await json_body(request)
        count = body.get("drop_next_answers") if isinstance(body, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            return _fail(400, "drop_next_answers must be a whole number, 0 or more")
        state.faults.drop_next_answers(count)
        return JSONResponse({"status": 200, "success": True, "data": {"drop_next_answers": count}})

    async def dump(request: Request) -> Response:
        refused = _not_loopback(request)
        return refused or JSONResponse(
            {"status": 200, "success": True, "data": state.appointments()}
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        return _fail(404, "Not found")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        headers = exc.headers if isinstance(exc, HTTPException) else None
        return _fail(405, "Method not allowed", dict(headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        return _fail(500, "Internal server error")

    cal = f"{API_PREFIX}/calendar"
    routes = [
        Route(f"{cal}/appointments", appointments, methods=["GET", "POST"]),
        Route(f"{cal}/appointments/cancel", cancel, methods=["POST"]),
        Route(f"{cal}/provider-availability", availability, methods=["GET"]),
        Route(f"{API_PREFIX}/provider-availability", availability, methods=["GET"]),
        Route("/__sandbox__/faults", set_faults, methods=["POST"]),
        Route("/__sandbox__/appointments", dump, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_allowed, Exception: server_error},
    )
    app.add_middleware(ApiGate, **_gate(state))
    return app
