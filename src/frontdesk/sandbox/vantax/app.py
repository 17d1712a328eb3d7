"""The VantaX sandbox over HTTP: a Starlette app serving `/v1` from a `VantaxState`.

Owns what is HTTP about the API (docs/providers.md, VantaX): the key in `Authorization: Bearer`
or `x-api-key` but not both (400/401), the per-key rate limit (429 with `Retry-After`) and the
`X-RateLimit-*` headers, routes (404/405), scopes (403), the JSON content type of writes, the
`Idempotency-Key` header, the cut answers of the fault hook on writes, and the loopback-only
`/__sandbox__` endpoints.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from frontdesk.sandbox.faults import DroppedAnswer
from frontdesk.sandbox.gate import ApiGate
from frontdesk.sandbox.ratelimit import Verdict
from frontdesk.sandbox.vantax.rules import MSG_BODY, Answer
from frontdesk.sandbox.vantax.state import VantaxState

API_PREFIX = "/v1"
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}
_NOT_JSON = object()


def _error(status: int, kind: str, message: str, headers: dict[str, str] | None = None) -> Response:
    body = {"success": False, "error": kind, "message": message}
    return JSONResponse(body, status_code=status, headers=headers)


def _auth(scope: Scope, state: VantaxState) -> tuple[str | None, Response | None]:
    """The caller's key, or the 400/401 answer (docs: Auth, in its order)."""
    authorization: str | None = None
    api_key: str | None = None
    for name, value in scope["headers"]:
        if name == b"authorization":
            authorization = bytes(value).decode("latin-1")
        elif name == b"x-api-key":
            api_key = bytes(value).decode("latin-1")
    if authorization is not None and api_key is not None:
        message = "Send the API key in Authorization or x-api-key, not both"
        return None, _error(400, "malformed", message)
    if authorization is None and api_key is None:
        return None, _error(401, "unauthorized", "Missing API key")
    if authorization is not None:
        scheme, _, rest = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not rest.strip():
            message = "Authorization header must be Bearer <API key>"
            return None, _error(401, "unauthorized", message)
        key = rest.strip()
    else:
        assert api_key is not None
        key = api_key.strip()
    if key not in state.clinic.keys:
        return None, _error(401, "invalid_api_key", "Invalid API key")
    return key, None


def _too_many(verdict: Verdict, headers: dict[str, str]) -> Response:
    message = f"Rate limit exceeded: {verdict.limit} requests per minute"
    return _error(429, "rate_limited", message, headers)


def _respond(answer: Answer) -> Response:
    return JSONResponse(answer.body, status_code=answer.status, headers=dict(answer.headers))


def _respond_write(state: VantaxState, answer: Answer) -> Response | DroppedAnswer:
    if state.faults.take_drop():
        return DroppedAnswer(answer.status, bytes(JSONResponse(answer.body).body))
    return _respond(answer)


def _not_loopback(request: Request) -> Response | None:
    host = request.client.host if request.client else ""
    if host in _LOOPBACK:
        return None
    return _error(403, "forbidden_scope", "The sandbox test endpoints answer on loopback only")


Handler = Callable[[Request], Awaitable[Any]]


def vantax_app(state: VantaxState) -> Starlette:
    """The Starlette app of one VantaX account; `state` is shared with whoever built it."""

    def scoped(needed: str, handler: Handler) -> Handler:
        async def run(request: Request) -> Any:
            if needed not in state.clinic.keys.get(request.state.api_key, frozenset()):
                message = f"API key does not have the required scope: {needed}"
                return _error(403, "forbidden_scope", message)
            return await handler(request)

        return run

    async def write_body(request: Request) -> object:
        """The body of a write, or a Response for a wrong content type (step 1)."""
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() != "application/json":
            return _error(400, "malformed", "Content-Type must be application/json")
        raw = await request.body()
        try:
            parsed: object = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return _NOT_JSON
        return parsed

    def key_of(request: Request) -> str | None:
        return request.headers.get("idempotency-key")

    async def create(request: Request) -> Any:
        body = await write_body(request)
        if isinstance(body, Response):
            return body
        answer = state.create(body, key_of(request), request.state.api_key)
        return _respond_write(state, answer)

    async def patch(request: Request) -> Any:
        body = await write_body(request)
        if isinstance(body, Response):
            return body
        answer = state.patch(
            request.path_params["appointment_id"], body, key_of(request), request.state.api_key
        )
        return _respond_write(state, answer)

    async def delete(request: Request) -> Any:
        answer = state.delete(
            request.path_params["appointment_id"], key_of(request), request.state.api_key
        )
        return _respond_write(state, answer)

    async def create_contact(request: Request) -> Any:
        body = await write_body(request)
        if isinstance(body, Response):
            return body
        answer = state.create_contact(body, key_of(request), request.state.api_key)
        return _respond_write(state, answer)

    write_appointments = scoped("appointments:write", create)
    read_appointments = scoped(
        "appointments:read", lambda r: _async(state.list_appointments(r.query_params))
    )

    async def appointments(request: Request) -> Any:
        if request.method == "POST":
            return await write_appointments(request)
        return await read_appointments(request)

    patch_one = scoped("appointments:write", patch)
    delete_one = scoped("appointments:write", delete)
    get_one = scoped(
        "appointments:read", lambda r: _async(state.get(r.path_params["appointment_id"]))
    )

    async def appointment(request: Request) -> Any:
        if request.method == "PATCH":
            return await patch_one(request)
        if request.method == "DELETE":
            return await delete_one(request)
        return await get_one(request)

    write_contacts = scoped("contacts:write", create_contact)
    read_contacts = scoped("contacts:read", lambda r: _async(state.list_contacts(r.query_params)))

    async def contacts(request: Request) -> Any:
        if request.method == "POST":
            return await write_contacts(request)
        return await read_contacts(request)

    async def set_faults(request: Request) -> Response:
        refused = _not_loopback(request)
        if refused is not None:
            return refused
        try:
            body = json.loads(await request.body())
        except ValueError:
            body = None
        count = body.get("drop_next_answers") if isinstance(body, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            return _error(400, "malformed", "drop_next_answers must be a whole number, 0 or more")
        state.faults.drop_next_answers(count)
        return JSONResponse({"success": True, "data": {"drop_next_answers": count}})

    async def dump_appointments(request: Request) -> Response:
        refused = _not_loopback(request)
        return refused or JSONResponse({"success": True, "data": state.appointments()})

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(404, "not_found", "Not found")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        headers = exc.headers if isinstance(exc, HTTPException) else None
        return _error(405, "method_not_allowed", "Method not allowed", dict(headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(500, "internal_error", "Internal server error")

    v1 = API_PREFIX
    routes = [
        Route(f"{v1}/appointments", appointments, methods=["GET", "POST"]),
        Route(
            f"{v1}/appointments/{{appointment_id}}",
            appointment,
            methods=["GET", "PATCH", "DELETE"],
        ),
        Route(f"{v1}/contacts", contacts, methods=["GET", "POST"]),
        Route(
            f"{v1}/contacts/{{contact_id}}",
            scoped(
                "contacts:read", lambda r: _async(state.get_contact(r.path_params["contact_id"]))
            ),
            methods=["GET"],
        ),
        Route(
            f"{v1}/calendars",
            scoped("calendars:read", lambda r: _async(state.list_calendars(r.query_params))),
            methods=["GET"],
        ),
        Route(
            f"{v1}/calendars/{{calendar_id}}",
            scoped(
                "calendars:read",
                lambda r: _async(state.get_calendar(r.path_params["calendar_id"])),
            ),
            methods=["GET"],
        ),
        Route(
            f"{v1}/sub-accounts",
            scoped("calendars:read", lambda r: _async(state.list_sub_accounts(r.query_params))),
            methods=["GET"],
        ),
        Route("/__sandbox__/faults", set_faults, methods=["POST"]),
        Route("/__sandbox__/appointments", dump_appointments, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_allowed, Exception: server_error},
    )
    app.add_middleware(
        ApiGate,
        prefix=API_PREFIX,
        limiter=lambda: state.limiter,
        authenticate=lambda scope: _auth(scope, state),
        too_many=_too_many,
    )
    return app


async def _async(answer: Answer) -> Response:
    return _respond(answer)


__all__ = ["API_PREFIX", "MSG_BODY", "vantax_app"]
