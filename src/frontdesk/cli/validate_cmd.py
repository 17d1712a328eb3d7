"""``frontdesk validate``: predict offline what an API would answer to one request body.

Pulls the catalog and the existing bookings (read-only calls), then runs the provider's offline
rules over the exact body. It never sends the booking.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from frontdesk.app.connections import connect
from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import Connector
from frontdesk.providers.registry import PROVIDERS
from frontdesk.storage.repo import ConnectionRecord


def predict(connector: Connector, body: object, now: datetime | None = None) -> Verdict:
    """Pull what the rules need for ``body`` and predict the create's answer."""
    catalog = connector.pull_catalog(connector.days_for_body(body))
    bookings = connector.pull_bookings(None)
    return connector.predict_body(body, catalog, bookings, now or utc_now())


def run(
    provider: str,
    base_url: str,
    api_key: str,
    request_file: Path,
    options: dict[str, object] | None = None,
) -> tuple[int, str]:
    """Exit code and the line to print."""
    if provider not in PROVIDERS:
        known = ", ".join(sorted(PROVIDERS))
        return 2, json.dumps({"error": f"provider: unknown provider {provider!r}; use {known}"})
    try:
        text = request_file.read_text(encoding="utf-8")
    except OSError as exc:
        return 2, json.dumps({"error": f"REQUEST.json: cannot read {request_file}: {exc.strerror}"})
    try:
        body = json.loads(text)
    except ValueError:
        body = text  # not JSON: the server would refuse it as not an object
    record = ConnectionRecord("validate", "validate", provider, base_url, dict(options or {}), None)
    connector = connect(record, api_key)
    try:
        verdict = predict(connector, body)
    finally:
        connector.close()
    return (0 if verdict.accepted else 1), json.dumps(verdict.as_json())
