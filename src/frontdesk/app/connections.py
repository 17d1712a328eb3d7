"""Connections to remote APIs: adding one to the profile, and building its connector."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from frontdesk.app.credentials import Credentials
from frontdesk.providers.base import Connector
from frontdesk.providers.carevalidate import CareValidateConnector
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.providers.meetergo import MeetergoConnector
from frontdesk.providers.vantax import VantaxConnector
from frontdesk.providers.vastal import VastalConnector
from frontdesk.storage.repo import ConnectionRecord, Repository

Factory = Callable[[ConnectionRecord, str], Connector]

FACTORIES: dict[str, Factory] = {
    "huskyvoice": lambda rec, key: HuskyVoiceConnector(rec.id, rec.base_url, key),
    "vantax": lambda rec, key: VantaxConnector(
        rec.id, rec.base_url, key, str(rec.options.get("sub_account_id") or "") or None
    ),
    "vastal": lambda rec, key: VastalConnector(rec.id, rec.base_url, key, rec.options.get("plan")),
    "meetergo": lambda rec, key: MeetergoConnector(
        rec.id, rec.base_url, key, str(rec.options.get("api_user_id") or "") or None
    ),
    "carevalidate": lambda rec, key: CareValidateConnector(rec.id, rec.base_url, key, rec.options),
}
PROVIDER_NAMES = {
    "huskyvoice": "HuskyVoice",
    "vantax": "VantaX",
    "vastal": "Vastal",
    "meetergo": "meetergo",
    "carevalidate": "CareValidate",
}


class ConnectionError_(Exception):
    """A connection cannot be added or built; the message says what to fix."""


def add_connection(
    repo: Repository,
    creds: Credentials,
    provider: str,
    name: str,
    base_url: str,
    api_key: str,
    options: dict[str, object] | None = None,
) -> ConnectionRecord:
    if provider not in FACTORIES:
        known = ", ".join(sorted(FACTORIES))
        raise ConnectionError_(f"provider: unknown provider {provider!r}; use one of {known}")
    if not name.strip():
        raise ConnectionError_("name: give the connection a name")
    if not base_url.startswith(("http://", "https://")):
        raise ConnectionError_("base-url: must start with http:// or https://")
    if repo.connection_by_name(name) is not None:
        raise ConnectionError_(f"name: a connection named {name!r} already exists")
    record = ConnectionRecord(
        id=str(uuid.uuid4()),
        name=name.strip(),
        provider=provider,
        base_url=base_url,
        options=dict(options or {}),
        last_fresh_at=None,
    )
    repo.add_connection(record)
    creds.set(record.id, api_key)
    return record


def build_connector(record: ConnectionRecord, creds: Credentials) -> Connector:
    key = creds.get(record.id)
    if key is None:
        raise ConnectionError_(
            f"api-key: no API key stored for connection {record.name!r}; add it again"
        )
    connector = FACTORIES[record.provider](record, key)
    rate = record.options.get("rate_per_minute")
    if rate is not None:  # a plan above the documented default, or a scaled-up sandbox
        connector.rate_per_minute = int(str(rate))
    if str(record.options.get("unsafe_disable_idempotency", "")).lower() in ("1", "true"):
        # For the crash test's negative control only: resends are no longer deduplicated.
        connector.idempotent_creates = False
        if hasattr(connector, "send_reference"):
            connector.send_reference = False
    return connector
