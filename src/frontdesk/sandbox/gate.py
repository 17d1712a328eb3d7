"""The gate in front of every emulated API: the key check, the per-key rate limit and the
rate-limit headers, as one ASGI middleware that each API configures with its own parts.

Owns the order the vendors document (key, then rate limit, then whatever the app does), that
only requests under the API's path prefix pass through it, that a refused key is not counted,
and that an answer past the limit check carries the rate-limit headers. Each API passes in what
differs: how it reads and checks the key (and the exact 400/401/403 answer when it refuses),
its headers for a verdict, and its 429 answer.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontdesk.sandbox.ratelimit import SlidingWindowLimiter, Verdict

# The caller's key, or the answer that refuses it (exactly one of the two is set).
Authenticate = Callable[[Scope], tuple[str | None, Response | None]]
RateHeaders = Callable[[SlidingWindowLimiter, Verdict, str], dict[str, str]]
# The 429 answer, given the verdict and the headers it must carry (rate headers, Retry-After).
TooMany = Callable[[Verdict, dict[str, str]], Response]


def header(scope: Scope, wanted: bytes) -> str | None:
    """The first value of header ``wanted`` (lower-case bytes), decoded as Latin-1."""
    for name, value in scope["headers"]:
        if name == wanted:
            return bytes(value).decode("latin-1")
    return None


def bearer_key(scope: Scope) -> str | None:
    """The key of the first ``Authorization: Bearer <key>`` header; None when it is missing,
    another scheme, or empty."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, key = bytes(value).decode("latin-1").strip().partition(" ")
            if scheme.lower() == "bearer" and key.strip():
                return key.strip()
            return None
    return None


def limit_headers(limiter: SlidingWindowLimiter, verdict: Verdict, key: str) -> dict[str, str]:
    """``X-RateLimit-Limit`` and ``X-RateLimit-Remaining`` after this hit."""
    return {
        "X-RateLimit-Limit": str(verdict.limit),
        "X-RateLimit-Remaining": str(verdict.remaining),
    }


class ApiGate:
    """ASGI middleware for the requests under ``prefix``: ``authenticate``, then the limit of
    ``limiter()`` (read per request: tests swap it), then the app with the rate headers added
    to its answer. The key goes to ``scope["state"]["api_key"]`` for the app's own checks."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        prefix: str,
        limiter: Callable[[], SlidingWindowLimiter],
        authenticate: Authenticate,
        too_many: TooMany,
        rate_headers: RateHeaders = limit_headers,
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.limiter = limiter
        self.authenticate = authenticate
        self.too_many = too_many
        self.rate_headers = rate_headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        prefix = self.prefix
        if scope["type"] != "http" or not (path == prefix or path.startswith(prefix + "/")):
            await self.app(scope, receive, send)
            return
        key, refused = self.authenticate(scope)
        if refused is not None or key is None:
            assert refused is not None
            await refused(scope, receive, send)
            return
        limiter = self.limiter()
        verdict = limiter.hit(key)
        rate_headers = self.rate_headers(limiter, verdict, key) if limiter.enabled else {}
        if not verdict.allowed:
            headers = {**rate_headers, "Retry-After": str(verdict.retry_after)}
            await self.too_many(verdict, headers)(scope, receive, send)
            return
        scope.setdefault("state", {})["api_key"] = key

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start" and rate_headers:
                headers = MutableHeaders(scope=message)
                for name, value in rate_headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
