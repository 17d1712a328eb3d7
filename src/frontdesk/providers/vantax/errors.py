"""VantaX's failed answers as sync outcomes (docs/providers.md, VantaX: "Errors").

The documented error body is only ``{"success": false, "message"}`` (``/errors``), with "a
field-level errors array" on a 422 whose items are not shown. So the desk's code comes from
the HTTP status, named as on ``/error-codes``; the body gives the message and, where a 422
item has a string ``field``, the field. A 4xx whose body cannot be read is still a refusal
(the status and the text in the message), never an "ambiguous" answer: only a 2xx body must
parse. 429 and 5xx are "try later"; 401, 402 and 403 are the connection's problem (the key,
the clinic's plan), so the desk pauses the connection instead of refusing one booking.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import Outcome, Refused, RetryLater, retry_after_seconds
from frontdesk.providers.http import Answer, BadAnswer

# /error-codes: one code per status. 400 has none there (ours: "malformed", after /errors'
# "The request was malformed"); 401 is "unauthorized" or "invalid_api_key" and 402
# "subscription_required" or "limit_reached", which the status alone cannot tell apart.
CODES: dict[int, str] = {
    400: "malformed",
    401: "unauthorized",
    402: "subscription_required",
    403: "forbidden_scope",
    404: "not_found",
    409: "conflict",
    422: "validation_failed",
    429: "rate_limited",
}
# The connection's problem, not one booking's: the desk pauses the connection.
CONNECTION_STATUSES = frozenset({401, 402, 403})

PLAN_WORDS = (
    "VantaX refuses this for the clinic's plan (no active subscription for it, or a plan "
    "limit reached this billing period); the clinic's VantaX account must be fixed"
)
SCOPE_WORDS = (
    "VantaX says this API key cannot reach this endpoint (an agency key? FrontDesk needs the "
    "clinic sub-account's own key)"
)


@dataclass(frozen=True, slots=True)
class ErrorBody:
    """What FrontDesk reads from an error body: its message and, maybe, a failing field."""

    message: str
    field: str | None = None


def code_for(status: int) -> str | None:
    """The desk's code for an HTTP status (``/error-codes``); None for an unlisted 4xx."""
    if status >= 500:
        return "internal_error"
    return CODES.get(status)


def read_error(answer: Answer) -> ErrorBody:
    """The message (and a 422's first readable ``field``) of any error body, never raising."""
    try:
        body = answer.json()
    except BadAnswer:
        snippet = " ".join(answer.text[:80].split())
        return ErrorBody(f"HTTP {answer.status}, unreadable body: {snippet!r}")
    if not isinstance(body, dict):
        return ErrorBody(f"HTTP {answer.status}, unreadable body")
    message = body.get("message")
    text = message if isinstance(message, str) and message.strip() else f"HTTP {answer.status}"
    field: str | None = None
    errors = body.get("errors")
    if isinstance(errors, list):
        field = next(
            (
                item["field"]
                for item in errors
                if isinstance(item, dict) and isinstance(item.get("field"), str)
            ),
            None,
        )
    return ErrorBody(text, field)


def describe(answer: Answer) -> str:
    """One line for a refused read: ``HTTP 404 not_found: Calendar cal_x not found``."""
    error = read_error(answer)
    code = code_for(answer.status)
    return f"HTTP {answer.status} {code or 'error'}: {error.message}"


def refusal(answer: Answer) -> Outcome:
    """A non-2xx answer to a write (or to a read inside one) as a sync outcome."""
    status = answer.status
    wait = retry_after_seconds(answer.header("retry-after"), utc_now())
    if status == 429:
        return RetryLater("rate limited by VantaX", wait)
    if status >= 500:
        return RetryLater(f"VantaX server error (HTTP {status})", wait)
    error = read_error(answer)
    message = error.message
    if status == 402:
        message = f"{PLAN_WORDS}: {message}"
    elif status == 403:
        message = f"{SCOPE_WORDS}: {message}"
    verdict = Verdict(status=status, code=code_for(status), message=message, field=error.field)
    return Refused(verdict, credentials=status in CONNECTION_STATUSES)
