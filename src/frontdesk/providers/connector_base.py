"""What every connector does the same way: one paced HTTP client per connection (closed with
it), checked reads, the days a wire body's offline check needs, and offline verdicts renamed
into the desk's field names. Each API's connector adds its own paths, bodies and answers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from frontdesk.domain.timeutil import days_around
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.answers import checked_get, retry_after
from frontdesk.providers.http import Answer, HttpClient


class HttpConnector:
    """The HTTP side shared by the connectors; ``_describe_error`` words a refused read."""

    connection_id: str
    rate_window_s: float = 60.0  # the window the API counts its limit over (a minute unless said)

    def __init__(
        self, connection_id: str, base_url: str, headers: dict[str, str], timeout: float
    ) -> None:
        self.connection_id = connection_id
        self._http = HttpClient(base_url, headers, timeout)

    def close(self) -> None:
        self._http.close()

    def set_pacer(
        self, pace: Callable[[], None], answered: Callable[[], None] | None = None
    ) -> None:
        self._http.before_request = pace
        if answered is not None:
            self._http.after_request = answered

    @staticmethod
    def _describe_error(answer: Answer) -> str:
        return f"HTTP {answer.status}"

    @staticmethod
    def _wait(answer: Answer) -> float | None:
        """Seconds the server asked us to wait before the next request."""
        return retry_after(answer)

    def _get(self, path: str, params: dict[str, str | int] | None = None) -> Answer:
        return checked_get(self._http, path, params, self._describe_error, self._wait)


def wire_days(body: object, key: str, parse: Callable[[Any], datetime | None]) -> list[date]:
    """The days around the instant at ``body[key]`` (what a check of that body reads from the
    catalog); none when the body has no readable instant there."""
    value = body.get(key) if isinstance(body, dict) else None
    when = parse(value) if isinstance(value, str) else None
    return days_around(when) if when is not None else []


def desk_fields(verdict: Verdict, wire_to_field: Mapping[str, str]) -> Verdict:
    """``verdict`` about the desk's field (``patient_phone``) rather than the wire's."""
    if verdict.field is None:
        return verdict
    return Verdict(
        status=verdict.status,
        code=verdict.code,
        message=verdict.message,
        field=wire_to_field.get(verdict.field, verdict.field),
        severity=verdict.severity,
        existing_id=verdict.existing_id,
    )
