"""The one door to the network: a small synchronous HTTP client over httpx.

It turns httpx's exception zoo into one :class:`TransportError` that says whether the request
may have reached the server (``maybe_sent``): a refused connection certainly did not, a read
timeout or a connection reset after the request was written may have. Everything above this
module reasons about that, never about httpx.

httpx itself is imported, and the connection pool made, at the first request (on the sync
worker, after the window is painted), so building the connectors costs a desk's start nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("frontdesk.providers")


class TransportError(Exception):
    """No usable answer arrived. ``maybe_sent``: the server may have acted on the request."""

    def __init__(self, kind: str, maybe_sent: bool, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.maybe_sent = maybe_sent


class BadAnswer(Exception):
    """An answer arrived but is not what the API documents (HTML, truncated JSON, bad types)."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    text: str = ""

    def json(self) -> Any:
        """The body as JSON; :class:`BadAnswer` when it is not JSON."""
        try:
            return json.loads(self.text)
        except ValueError as exc:
            snippet = self.text[:60].replace("\n", " ")
            raise BadAnswer(f"HTTP {self.status} body is not JSON: {snippet!r}") from exc

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class HttpClient:
    """A keep-alive client for one API base URL with fixed headers."""

    def __init__(
        self, base_url: str, headers: dict[str, str], timeout: float = 15.0, connect: float = 5.0
    ) -> None:
        # Called before every request; the sync engine installs its rate pacer here.
        self.before_request: Callable[[], None] = lambda: None
        # Called after every request, answered or not: the pacer counts a request's slot of
        # the rate window from here, since the server counts it from its arrival.
        self.after_request: Callable[[], None] = lambda: None
        self._base_url = base_url.rstrip("/") + "/"
        self._headers = dict(headers)
        self._timeouts = (timeout, connect)
        self._open: httpx.Client | None = None

    @property
    def _client(self) -> httpx.Client:
        if self._open is None:
            import httpx

            timeout, connect = self._timeouts
            self._open = httpx.Client(
                base_url=self._base_url,
                headers=self._headers,
                timeout=httpx.Timeout(timeout, connect=connect),
            )
        return self._open

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str | int] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        self.before_request()
        import httpx

        try:
            response = self._client.request(
                method,
                path.lstrip("/"),
                params=params,
                json=body if body is not None else None,
                headers=headers,
            )
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise TransportError("connect", False, type(exc).__name__) from exc
        except httpx.TimeoutException as exc:
            raise TransportError("timeout", True, type(exc).__name__) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise TransportError("reset", True, type(exc).__name__) from exc
        except httpx.HTTPError as exc:
            raise TransportError("network", True, type(exc).__name__) from exc
        finally:
            self.after_request()
        headers = {k.lower(): v for k, v in response.headers.items()}
        return Answer(response.status_code, headers, response.text)

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = None
