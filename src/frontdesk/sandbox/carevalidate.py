"""The CareValidate sandbox over HTTP: a Starlette app serving `/api/v1/calendar`.

Owns what is HTTP about the API: the `cv-api-key` gate (401), the per-key sliding-window rate
limit (429 with `Retry-After`) and the `X-RateLimit-*` headers, the envelope for unknown paths
(404) and methods (405), the cut answers of the fault hook on book and cancel, and the
loopback-only test endpoints under `/__sandbox__`. Order: key, rate limit, route, checks.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontdesk.sandbox.carevalidate_state import CareValidateState
from frontdesk.sandbox.responses import json_body, respond, respond_write

API_PREFIX = "/api/v1"
BASE_PATH = ""  # the documented base URL has no version path
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def _fail(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    body = {"status": status, "success": False, "message": message}
    return JSONResponse(body, status_code=status, headers=headers)


def _key(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"cv-api-key":
            text = bytes(value).decode("latin-1").strip()
            return text or None
    return None


class KeyGate:
    """ASGI middleware for `/api/v1`: known key, rate limit, rate-limit headers."""

    def __init__(self, app: ASGIApp, state: CareValidateState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not (path == API_PREFIX or path.startswith(API_PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        key = _key(scope)
        if key is None or key not in self.state.clinic.api_keys:
            await _fail(401, "Unauthorized")(scope, receive, send)
            return
        limiter = self.state.limiter
        verdict = limiter.hit(key)
        rate_headers: dict[str, str] = {}
        if limiter.enabled:
            rate_headers = {
                "X-RateLimit-Limit": str(verdict.limit),
                "X-RateLimit-Remaining": str(verdict.remaining),
            }
        if not verdict.allowed:
            headers = {**rate_headers, "Retry-After": str(verdict.retry_after)}
            await _fail(429, "Rate limit exceeded", headers)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start" and rate_headers:
                headers = MutableHeaders(scope=message)
                for name, value in rate_headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


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

    async def providers(request: Request) -> Response:
        return respond(state.providers(request.query_params))

    async def available_times(request: Request) -> Response:
        return respond(state.available_times(request.query_params))

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
        Route(f"{cal}/providers", providers, methods=["GET"]),
        Route(f"{cal}/available-times", available_times, methods=["GET"]),
        Route("/__sandbox__/faults", set_faults, methods=["POST"]),
        Route("/__sandbox__/appointments", dump, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_allowed, Exception: server_error},
    )
    app.add_middleware(KeyGate, state=state)
    return app
