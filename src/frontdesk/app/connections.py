"""Connections to remote APIs: adding one to the profile, and building its connector (from the
API's declaration in ``providers.registry``)."""

from __future__ import annotations

import uuid

from frontdesk.app.credentials import Credentials
from frontdesk.domain.sensitive import remember
from frontdesk.providers.base import ApiError, Connector
from frontdesk.providers.registry import PROVIDERS
from frontdesk.storage.repo import ConnectionRecord, Repository


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
    if provider not in PROVIDERS:
        known = ", ".join(sorted(PROVIDERS))
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
    check_options(record)
    repo.add_connection(record)
    creds.set(record.id, api_key)
    return record


def connect(record: ConnectionRecord, api_key: str) -> Connector:
    """The connector of ``record``'s API with ``api_key``, nothing checked or stored."""
    remember(api_key)  # never logged: masked wherever a log shows it
    return _connector(record, api_key)


def _connector(record: ConnectionRecord, api_key: str) -> Connector:
    spec = PROVIDERS[record.provider]
    return spec.connect(record.id, record.base_url, api_key, record.options)


def check_options(record: ConnectionRecord) -> None:
    """Build ``record``'s connector once (no network) so an option its API needs and lacks is
    refused now, in the connector's words (``timezone: ...``), not when the desk starts."""
    try:
        _connector(record, "check").close()  # a stand-in key: not one to mask
    except (ApiError, ValueError) as exc:  # a connector refusing its options (VantaX's)
        raise ConnectionError_(str(exc)) from exc


def build_connector(record: ConnectionRecord, creds: Credentials) -> Connector:
    key = creds.get(record.id)
    if key is None:
        raise ConnectionError_(
            f"api-key: no API key stored for connection {record.name!r}; add it again"
        )
    connector = connect(record, key)
    rate = record.options.get("rate_per_minute")
    if rate is not None:  # a plan above the documented default, or a scaled-up sandbox
        connector.rate_per_minute = int(str(rate))
    if str(record.options.get("unsafe_disable_idempotency", "")).lower() in ("1", "true"):
        # For the crash test's negative control only: resends are no longer deduplicated.
        connector.idempotent_creates = False
        if hasattr(connector, "send_reference"):
            connector.send_reference = False
    return connector
