"""What every emulated API does with a request body and an answer: read the body as JSON (or
``None`` when it is not), turn an operation's answer into a JSON response, and let an armed
fault cut a write's answer short (``Faults.drop_next_answers``)."""

from __future__ import annotations

import json
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from frontdesk.sandbox.faults import DroppedAnswer, Faults


class Answered(Protocol):
    """An operation's answer: each API's state module has its own, of this shape."""

    @property
    def status(self) -> int: ...

    @property
    def body(self) -> Any: ...


async def json_body(request: Request) -> object:
    """The request body as JSON, or ``None`` when it is empty or not JSON."""
    raw = await request.body()
    try:
        parsed: object = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return parsed


def respond(answer: Answered) -> Response:
    return JSONResponse(answer.body, status_code=answer.status)


def respond_write(faults: Faults, answer: Answered) -> Response | DroppedAnswer:
    """The answer of a write, unless a drop is armed: then the write stands, the answer is cut."""
    if faults.take_drop():
        return DroppedAnswer(answer.status, bytes(JSONResponse(answer.body).body))
    return respond(answer)
