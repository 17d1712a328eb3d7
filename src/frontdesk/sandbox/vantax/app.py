"""The VantaX sandbox over HTTP: a Starlette app serving `/v1` from a `VantaxState`.

Owns what is HTTP about the API (docs/providers.md, VantaX): the key in `Authorization: Bearer`
or `x-api-key`, "never both at once" (400, ours), 401 for a missing or unknown key, the
per-key rate limit (429 with `Retry-After`, the number ours) and the `X-RateLimit-*` headers,
routes (404; 405 ours), the two key scopes (403: an agency key on a resource endpoint, a
sub-account key on an agency endpoint), the JSON content type of writes, the
`Idempotency-Key` header, the cut answers of the fault hook on writes, and the loopback-only
`/__sandbox__` endpoints. Every error body is the documented `{"success": false, "message"}`.
"""

from __future__ import annotations

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
from frontdesk.sandbox.responses import parse_json
from frontdesk.sandbox.vantax.clinic import AGENCY, SUB_ACCOUNT_SCOPE
from frontdesk.sandbox.vantax.rules import MSG_BODY, Answer, error_body
from frontdesk.sandbox.vantax.state import VantaxState

API_PREFIX = "/v1"
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}
MSG_AGENCY_KEY = "This endpoint needs a sub-account API key, not an agency key"
MSG_SUB_ACCOUNT_KEY = "This endpoint needs an agency API key, not a sub-account key"


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(error_body(message), status_code=status, headers=headers)


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
        return None, _error(400, "Send the API key in Authorization or x-api-key, not both")
    if authorization is None and api_key is None:
        return None, _error(401, "Missing API key")
    if authorization is not None:
        scheme, _, rest = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not rest.strip():
            return None, _error(401, "Authorization header must be Bearer <API key>")
        key = rest.strip()
    else:
        assert api_key is not None
        key = api_key.strip()
    if key not in state.clinic.keys:
        return None, _error(401, "Invalid API key")
    return key, None


def _too_many(verdict: Verdict, headers: dict[str, str]) -> Response:
    return _error(429, f"Rate limit exceeded: {verdict.limit} requests per minute", headers)


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
    return _error(403, "The sandbox test endpoints answer on loopback only")


Handler = Callable[[Request], Awaitable[Any]]


def vantax_app(state: VantaxState) -> Starlette:
    """The Starlette app of one VantaX agency; `state` is shared with whoever built it."""

    def scoped(needed: str, handler: Handler) -> Handler:
        """403 when the key's scope cannot reach the endpoint (``/authentication``)."""

        async def run(request: Request) -> Any:
            key = state.clinic.keys[request.state.api_key]
            if key.scope != needed:
                return _error(403, MSG_AGENCY_KEY if key.scope == AGENCY else MSG_SUB_ACCOUNT_KEY)
            return await handler(request)

        return run

    def resource(handler: Handler) -> Handler:
        return scoped(SUB_ACCOUNT_SCOPE, handler)

    async def write_body(request: Request) -> object:
        """The body of a write, or a Response for a wrong content type."""
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() != "application/json":
            return _error(400, "Content-Type must be application/json")
        return parse_json(await request.body())

    def key_of(request: Request) -> str | None:
        return request.headers.get("idempotency-key")

    async def appointments(request: Request) -> Any:
        key = request.state.api_key
        if request.method == "GET":
            return _respond(state.list_appointments(request.query_params, key))
        body = await write_body(request)
        if isinstance(body, Response):
            return body
        return _respond_write(state, state.create(body, key_of(request), key))

    async def appointment(request: Request) -> Any:
        key = request.state.api_key
        appointment_id = request.path_params["appointment_id"]
        if request.method == "GET":
            return _respond(state.get(appointment_id, key))
        if request.method == "DELETE":
            return _respond_write(state, state.delete(appointment_id, key_of(request), key))
        body = await write_body(request)
        if isinstance(body, Response):
            return body
        return _respond_write(state, state.patch(appointment_id, body, key_of(request), key))

    async def contacts(request: Request) -> Any:
        key = request.state.api_key
        if request.method == "GET":
            return _respond(state.list_contacts(request.query_params, key))
        body = await write_body(request)
        if isinstance(body, Response):
            return body
        return _respond_write(state, state.create_contact(body, key_of(request), key))

    async def calendars(request: Request) -> Any:
        return _respond(state.list_calendars(request.query_params, request.state.api_key))

    async def calendar(request: Request) -> Any:
        calendar_id = request.path_params["calendar_id"]
        return _respond(state.get_calendar(calendar_id, request.state.api_key))

    async def sub_accounts(request: Request) -> Any:
        return _respond(state.list_sub_accounts(request.query_params))

    async def set_faults(request: Request) -> Response:
        refused = _not_loopback(request)
        if refused is not None:
            return refused
        body = parse_json(await request.body())
        count = body.get("drop_next_answers") if isinstance(body, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            return _error(400, "drop_next_answers must be a whole number, 0 or more")
        state.faults.drop_next_answers(count)
        return JSONResponse({"success": True, "data": {"drop_next_answers": count}})

    async def dump_appointments(request: Request) -> Response:
        refused = _not_loopback(request)
        return refused or JSONResponse({"success": True, "data": state.appointments()})

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(404, "Not found")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        headers = exc.headers if isinstance(exc, HTTPException) else None
        return _error(405, "Method not allowed", dict(headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(500, "Internal server error")

    v1 = API_PREFIX
    routes = [
        Route(f"{v1}/appointments", resource(appointments), methods=["GET", "POST"]),
        Route(
            f"{v1}/appointments/{{appointment_id}}",
            resource(appointment),
            methods=["GET", "PATCH", "DELETE"],
        ),
        Route(f"{v1}/contacts", resource(contacts), methods=["GET", "POST"]),
        Route(f"{v1}/calendars", resource(calendars), methods=["GET"]),
        Route(f"{v1}/calendars/{{calendar_id}}", resource(calendar), methods=["GET"]),
        Route(f"{v1}/agency/sub-accounts", scoped(AGENCY, sub_accounts), methods=["GET"]),
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


__all__ = ["API_PREFIX", "MSG_BODY", "vantax_app"]
