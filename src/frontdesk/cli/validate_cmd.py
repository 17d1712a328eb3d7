"""``frontdesk validate``: predict offline what an API would answer to one request body.

Pulls the catalog and the existing bookings (read-only calls), then runs the provider's offline
rules over the exact body. It never sends the booking.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from frontdesk.app.connections import FACTORIES
from frontdesk.domain.timeutil import parse_iso_instant, utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.rules import huskyvoice as hv_rules
from frontdesk.storage.repo import ConnectionRecord
from frontdesk.sync.engine import days_around


@dataclass(frozen=True, slots=True)
class Prediction:
    verdict: Verdict

    def printable(self) -> dict[str, Any]:
        return self.verdict.as_json()


def predict_huskyvoice(
    connector: HuskyVoiceConnector, body: object, now: datetime | None = None
) -> Verdict:
    """Pull what the rules need for ``body`` and predict the create's answer."""
    when = None
    if isinstance(body, dict) and isinstance(body.get("appointment_date"), str):
        when = parse_iso_instant(body["appointment_date"])
    days = days_around(when) if when is not None else []
    catalog = connector.pull_catalog(days)
    bookings = connector.pull_bookings(None)
    return hv_rules.predict_create(body, catalog, bookings, now or utc_now())


def run(provider: str, base_url: str, api_key: str, request_file: Path) -> tuple[int, str]:
    """Exit code and the line to print."""
    if provider not in FACTORIES:
        return 2, json.dumps({"error": f"provider: unknown provider {provider!r}"})
    try:
        text = request_file.read_text(encoding="utf-8")
    except OSError as exc:
        return 2, json.dumps({"error": f"REQUEST.json: cannot read {request_file}: {exc.strerror}"})
    try:
        body = json.loads(text)
    except ValueError:
        body = text  # not JSON: the server would refuse it as not an object
    record = ConnectionRecord("validate", "validate", provider, base_url, {}, None)
    connector = FACTORIES[provider](record, api_key)
    try:
        assert isinstance(connector, HuskyVoiceConnector)
        verdict = predict_huskyvoice(connector, body)
    finally:
        connector.close()
    return (0 if verdict.accepted else 1), json.dumps(verdict.as_json())
