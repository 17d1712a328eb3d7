"""The meetergo sandbox over HTTP: a Starlette app serving `/v4` from a `MeetergoState`.

Owns what is HTTP about the API: the key gate (401), the user header on exactly the endpoints
whose pages require it (400 in the documented body when it is missing, 403 when it names a
user the key may not act as), personal access tokens (``rgo-…``: always their owner, no
header needed), the per-key sliding-window rate limit (429; `Retry-After` and `X-RateLimit-*`
are **[ours]**), NestJS-style 404s, the cut answers of the fault hook on writes, and the
loopback-only test endpoints under `/__sandbox__`. Order for a `/v4` request: key, rate
limit, route, user header, then the operation's own checks.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from frontdesk.sandbox.gate import ApiGate, bearer_key, header
from frontdesk.sandbox.meetergo.clinic import ANNA
from frontdesk.sandbox.meetergo.rules import error_body
from frontdesk.sandbox.meetergo.state import MeetergoState
from frontdesk.sandbox.ratelimit import Verdict
from frontdesk.sandbox.responses import json_body, parse_json, respond, respond_write

API_PREFIX = "/v4"
USER_HEADER = "x-meetergo-api-user-id"
MISSING_USER = f"Missing required header '{USER_HEADER}' for API key authentication"
_KEY_FORM = re.compile(
    r"ak_live:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\S+",
    re.ASCII | re.IGNORECASE,
)
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}
COMPANY_OWNER = ANNA  # who an API key acts as on the endpoints that need no user header


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def _gate(state: MeetergoState) -> dict[str, Any]:
    """The gate's parts (``gate.ApiGate``): a live platform key of the account, or one of its
    personal access tokens."""

    def authenticate(scope: Scope) -> tuple[str | None, Response | None]:
        key = bearer_key(scope)
        if key is None:
            return None, _error(401, "Missing authorization header")
        account = state.account
        if key in account.tokens:
            return key, None
        if not _KEY_FORM.fullmatch(key) or key not in account.keys:
            return None, _error(401, "Invalid API key")
        if account.keys[key]:
            return None, _error(401, "API key has expired")
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


Handler = Callable[[Request, str], Awaitable[Any]]


def meetergo_app(state: MeetergoState) -> Starlette:
    """The Starlette app of one meetergo account; `state` is shared with whoever built it."""

    def acting(request: Request, required: bool) -> tuple[str | None, Response | None]:
        """The user a request acts as: a token's owner, else the header's user (required
        where the page says so; the company owner where it is not)."""
        key = request.scope.get("state", {}).get("api_key", "")
        named = (header(request.scope, USER_HEADER.encode()) or "").strip()
        owner = state.account.tokens.get(key)
        if owner is not None:
            if named and named != owner:
                return None, _error(
                    403,
                    f"{USER_HEADER} names another user: a personal access token always acts "
                    "as its owner",
                )
            return owner, None
        if not named:
            if required:
                return None, _error(400, MISSING_USER)
            return COMPANY_OWNER, None
        if state.account.user(named) is None:
            return None, _error(403, f"{USER_HEADER} does not belong to this API key's company")
        return named, None

    def as_user(handler: Handler, section: str, required: bool = True) -> Any:
        async def endpoint(request: Request) -> Any:
            user, refused = acting(request, required)
            if refused is not None or user is None:
                return refused
            if section in state.forbidden:
                return _error(403, "Insufficient permissions")
            return await handler(request, user)

        return endpoint

    async def booking(request: Request, user: str) -> Any:
        return respond_write(state.faults, state.create(await json_body(request)))

    async def users(request: Request, user: str) -> Response:
        return respond(state.users(user))

    async def me(request: Request, user: str) -> Response:
        return respond(state.me(user))

    async def meeting_types(request: Request, user: str) -> Response:
        return respond(state.meeting_types(user))

    async def meeting_type(request: Request, user: str) -> Response:
        return respond(state.meeting_type(request.path_params["type_id"]))

    async def availability(request: Request, user: str) -> Response:
        hosts = request.query_params.getlist("hostIds")
        return respond(state.availability(request.query_params, hosts))

    async def paginated(request: Request, user: str) -> Response:
        return respond(state.list_page(request.query_params, user))

    async def provisional(request: Request, user: str) -> Response:
        return respond(state.provisional_page(request.query_params, user))

    async def appointment(request: Request, user: str) -> Response:
        return respond(state.get(request.path_params["appointment_id"], user))

    async def cancel(request: Request, user: str) -> Any:
        raw = await request.body()
        body = parse_json(raw) if raw.strip() else None  # no body: cancel with no reason
        answer = state.cancel(request.path_params["appointment_id"], body, user)
        return respond_write(state.faults, answer)

    async def reschedule(request: Request, user: str) -> Any:
        body = await json_body(request)
        answer = state.reschedule(request.path_params["appointment_id"], body, user)
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

    async def end(request: Request) -> Response:
        refused = _not_loopback(request)
        status = {"expire": "expired", "decline": "declined_by_host"}.get(
            request.path_params["how"], ""
        )
        return refused or respond(state.end_provisional(request.path_params["pid"], status))

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(404, f"Cannot {request.method} {request.url.path}")

    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(500, "Internal server error")

    v4 = API_PREFIX
    routes = [
        Route(f"{v4}/booking", as_user(booking, "booking", False), methods=["POST"]),
        Route(f"{v4}/user", as_user(users, "user"), methods=["GET"]),
        Route(f"{v4}/user/me", as_user(me, "user", False), methods=["GET"]),
        Route(f"{v4}/meeting-type", as_user(meeting_types, "meeting-type"), methods=["GET"]),
        Route(
            f"{v4}/meeting-type/{{type_id}}",
            as_user(meeting_type, "meeting-type"),
            methods=["GET"],
        ),
        Route(
            f"{v4}/booking-availability",
            as_user(availability, "booking-availability", False),
            methods=["GET"],
        ),
        Route(f"{v4}/appointment/paginated", as_user(paginated, "appointment"), methods=["GET"]),
        Route(
            f"{v4}/provisional-booking/paginated",
            as_user(provisional, "provisional-booking"),
            methods=["GET"],
        ),
        Route(
            f"{v4}/appointment/{{appointment_id}}",
            as_user(appointment, "appointment"),
            methods=["GET"],
        ),
        Route(
            f"{v4}/appointment/{{appointment_id}}/cancel",
            as_user(cancel, "appointment"),
            methods=["POST"],
        ),
        Route(
            f"{v4}/appointment/{{appointment_id}}/reschedule",
            as_user(reschedule, "appointment"),
            methods=["POST"],
        ),
        Route("/__sandbox__/faults", set_faults, methods=["POST"]),
        Route("/__sandbox__/appointments", dump_appointments, methods=["GET"]),
        Route("/__sandbox__/provisional/{pid}/confirm", confirm, methods=["POST"]),
        Route("/__sandbox__/provisional/{pid}/{how:str}", end, methods=["POST"]),
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
