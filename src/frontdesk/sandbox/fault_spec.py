"""Random faults for every emulated API: ``frontdesk sandbox --faults SPEC``.

Owns the spec format and the ASGI middleware that applies it in front of a provider's app.
The spec is comma-separated ``kind=rate`` pairs (rates are probabilities per API request,
0..1, drawn in this order so they add up to at most 1) plus options:

* ``5xx``     answer 503 without doing anything
* ``429``     answer 429 with ``Retry-After`` (seconds, or an HTTP date every other time)
              without doing anything; ``retry_after=S`` sets the seconds (default 2)
* ``reset``   cut the connection mid-answer before doing anything (nothing committed)
* ``slow``    wait ``slow_s=S`` seconds (default 1.5) and then answer normally
* ``late``    do the request (a write is committed), then wait ``slow_s`` before answering:
              a client with a shorter timeout sees a timeout after the commit
* ``drop``    do the request (a write is committed), then cut the answer short
* ``garbage`` do the request, then answer its status with an HTML body instead of JSON
* ``seed=N``  seed of the random draws, so a run can be replayed

Example: ``5xx=0.05,429=0.05,reset=0.03,slow=0.02,drop=0.05,garbage=0.02,seed=7``. Only the
API paths are affected; ``/__sandbox__/*`` never is.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontdesk.sandbox.faults import AnswerDropped

KINDS = ("5xx", "429", "reset", "slow", "late", "drop", "garbage")


class FaultSpecError(ValueError):
    """The spec text is wrong; the message names the part and says what is expected."""


@dataclass(frozen=True)
class FaultSpec:
    rates: dict[str, float] = field(default_factory=dict)
    seed: int | None = None
    slow_s: float = 1.5
    retry_after_s: int = 2

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        rates: dict[str, float] = {}
        seed: int | None = None
        slow_s, retry_after_s = 1.5, 2
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, sep, value = part.partition("=")
            if not sep:
                raise FaultSpecError(f"faults: {part!r} is not key=value")
            try:
                if key == "seed":
                    seed = int(value)
                elif key == "slow_s":
                    slow_s = float(value)
                elif key == "retry_after":
                    retry_after_s = int(value)
                elif key in KINDS:
                    rate = float(value)
                    if not 0 <= rate <= 1:
                        raise FaultSpecError(f"faults: {key} rate must be between 0 and 1")
                    rates[key] = rate
                else:
                    raise FaultSpecError(
                        f"faults: unknown fault {key!r}; use {', '.join(KINDS)}, seed, slow_s, "
                        "retry_after"
                    )
            except ValueError as exc:
                if isinstance(exc, FaultSpecError):
                    raise
                raise FaultSpecError(f"faults: {part!r} needs a number") from exc
        if sum(rates.values()) > 1:
            raise FaultSpecError("faults: the rates add up to more than 1")
        return cls(rates, seed, slow_s, retry_after_s)


@dataclass
class FaultCounts:
    """How many faults of each kind were injected (read by tests and benchmarks)."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))


class FaultInjector:
    """ASGI middleware that rolls one die per API request and applies the fault it lands on."""

    def __init__(self, app: ASGIApp, spec: FaultSpec, seed_offset: int = 0) -> None:
        self.app = app
        self.spec = spec
        self.stats = FaultCounts()
        seed = None if spec.seed is None else spec.seed + seed_offset
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._dates = 0
        self._script: list[str | None] = []

    def script(self, kinds: list[str | None]) -> None:
        """The faults of the next API requests, in order (``None`` = none); random after."""
        unknown = [k for k in kinds if k is not None and k not in KINDS]
        if unknown:
            raise FaultSpecError(f"faults: unknown fault {unknown[0]!r}")
        with self._lock:
            self._script = list(kinds)

    def _roll(self) -> str | None:
        with self._lock:
            if self._script:
                kind = self._script.pop(0)
                if kind is not None:
                    self.stats.counts[kind] += 1
                return kind
            draw = self._rng.random()
            for kind in KINDS:
                rate = self.spec.rates.get(kind, 0.0)
                if draw < rate:
                    self.stats.counts[kind] += 1
                    return kind
                draw -= rate
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or path.startswith("/__sandbox__"):
            await self.app(scope, receive, send)
            return
        kind = self._roll()
        if kind == "5xx":
            await _json(send, 503, {"error": "Service temporarily unavailable (injected)"})
        elif kind == "429":
            await _json(
                send,
                429,
                {"error": "Too Many Requests (injected)"},
                [(b"retry-after", self._retry_after().encode())],
            )
        elif kind == "reset":
            await _cut(send, 200, b'{"injected": "reset"}')
        elif kind == "slow":
            await asyncio.sleep(self.spec.slow_s)
            await self.app(scope, receive, send)
        elif kind in ("drop", "garbage", "late"):
            status, body = await _capture(self.app, scope, receive)
            if kind == "late":
                await asyncio.sleep(self.spec.slow_s)
                await _json_bytes(send, status, body)
            elif kind == "drop":
                await _cut(send, status, body or b"{}")
            else:
                html = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
                await send(
                    {
                        "type": "http.response.start",
                        "status": status,
                        "headers": [
                            (b"content-type", b"text/html"),
                            (b"content-length", str(len(html)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": html})
        else:
            await self.app(scope, receive, send)

    def _retry_after(self) -> str:
        with self._lock:
            self._dates += 1
            as_date = self._dates % 2 == 0
        if as_date:  # an HTTP date, rounded up to the next whole second
            return email.utils.formatdate(time.time() + self.spec.retry_after_s + 1, usegmt=True)
        return str(self.spec.retry_after_s)


async def _json(
    send: Send, status: int, body: dict[str, Any], extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": headers + (extra or [])}
    )
    await send({"type": "http.response.body", "body": data})


async def _json_bytes(send: Send, status: int, data: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


async def _cut(send: Send, status: int, body: bytes) -> None:
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body) + 1).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
    raise AnswerDropped("answer cut on purpose by the sandbox's fault spec")


async def _capture(app: ASGIApp, scope: Scope, receive: Receive) -> tuple[int, bytes]:
    """Run the app to the end (its work is done) and keep its status and body."""
    status = 500
    chunks: list[bytes] = []

    async def keep(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])
        elif message["type"] == "http.response.body":
            chunks.append(bytes(message.get("body", b"")))

    await app(scope, receive, keep)
    return status, b"".join(chunks)
