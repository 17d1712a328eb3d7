"""What every emulated API does with a request body and an answer: read the body as JSON (or
``None`` when it is not), turn an operation's answer into a JSON response, and let an armed
fault cut a write's answer short (``Faults.drop_next_answers``).

A body is JSON only as I-JSON (RFC 7493) has it: Unicode text (UTF-8, or the UTF-16/32 that
``json.loads`` recognises), no ``NaN`` or ``Infinity``, no lone surrogate (``"\\ud800"``: no
character, and an answer echoing it could not be written) and, ours, nested at most
``MAX_DEPTH`` levels (a deeper one would exhaust the parser's stack). Anything else is "not
JSON", which each API refuses with its own answer to a body that is no JSON object: a 4xx,
never a 500.
"""

from __future__ import annotations

import json
from typing import Any, Final, Protocol

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from frontdesk.sandbox.faults import DroppedAnswer, Faults


class Answered(Protocol):
    """An operation's answer: each API's state module has its own, of this shape."""

    @property
    def status(self) -> int: ...

    @property
    def body(self) -> Any: ...


MAX_DEPTH = 64  # arrays and objects within each other; the APIs' bodies need 3


class _NotJson:
    def __repr__(self) -> str:
        return "NOT_JSON"


NOT_JSON: Final = _NotJson()


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes) -> object:
    """``raw`` as JSON, or ``NOT_JSON`` when it is not (above: what counts as JSON)."""
    try:
        parsed: object = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return NOT_JSON
    return parsed if _plain(parsed) else NOT_JSON


def _plain(value: object) -> bool:
    """No deeper than MAX_DEPTH and no lone surrogate in a string (walked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if not _encodable(item):
                return False
        elif isinstance(item, (dict, list)):
            if depth >= MAX_DEPTH:
                return False
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)
    return True


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


async def json_body(request: Request) -> object:
    """The request body as JSON, or ``None`` when it is empty or not JSON."""
    parsed = parse_json(await request.body())
    return None if parsed is NOT_JSON else parsed


def respond(answer: Answered) -> Response:
    return JSONResponse(answer.body, status_code=answer.status)


def respond_write(faults: Faults, answer: Answered) -> Response | DroppedAnswer:
    """The answer of a write, unless a drop is armed: then the write stands, the answer is cut."""
    if faults.take_drop():
        return DroppedAnswer(answer.status, bytes(JSONResponse(answer.body).body))
    return respond(answer)
