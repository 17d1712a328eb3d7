"""Reading the APIs' answers, the same way for every connector: a body parsed into its pydantic
model (a wrong shape becomes a :class:`BadAnswer` naming the field), and a catalog or list
read whose failure becomes an :class:`ApiError` that says whether to try again later."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from frontdesk.domain.timeutil import utc_now
from frontdesk.providers.base import ApiError, retry_after_seconds
from frontdesk.providers.http import Answer, BadAnswer, HttpClient, TransportError

M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], answer: Answer) -> M:
    """The answer body as ``model``; :class:`BadAnswer` naming what was wrong."""
    try:
        return model.model_validate(answer.json())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise BadAnswer(f"HTTP {answer.status} answer has a bad {where}: {first['msg']}") from exc


def retry_after(answer: Answer) -> float | None:
    """Seconds the server asked us to wait (``Retry-After``), if it said."""
    return retry_after_seconds(answer.header("retry-after"), utc_now())


def checked_get(
    http: HttpClient,
    path: str,
    params: dict[str, str | int] | None,
    describe: Callable[[Answer], str],
    wait: Callable[[Answer], float | None] = retry_after,
) -> Answer:
    """A GET whose answer is 2xx or 3xx; else :class:`ApiError` (retry on network, 429, 5xx)."""
    try:
        answer = http.request("GET", path, params=params)
    except TransportError as exc:
        raise ApiError(f"network: {exc}", retry=True) from exc
    if answer.status == 429 or answer.status >= 500:
        raise ApiError(f"HTTP {answer.status} on GET {path}", retry=True, not_before_s=wait(answer))
    if answer.status >= 400:
        refused_key = answer.status in (401, 403)
        raise ApiError(f"{describe(answer)} on GET {path}", retry=False, credentials=refused_key)
    return answer
