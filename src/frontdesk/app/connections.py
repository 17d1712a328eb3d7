"""Connections to remote APIs: adding one to the profile (atomically: its key is kept first,
and a connection whose row cannot be written leaves no key behind), removing one with its key,
checking an address and options before anything is kept, and building its connector (from the
API's declaration in ``providers.registry``). Changing one is ``app.connection_setup``.

An address is ``https://``; plain ``http://`` only to this computer (loopback: the sandbox),
since the API key would cross the network in the clear. Options are checked against the API's
declared option fields (``providers.spec.option_problems``), each refusal naming the option.
"""

from __future__ import annotations

import ipaddress
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from frontdesk.app.credentials import Credentials
from frontdesk.domain.outbox import OperationState
from frontdesk.domain.sensitive import remember
from frontdesk.providers.base import ApiError, Connector
from frontdesk.providers.registry import PROVIDERS
from frontdesk.providers.spec import FLAG_WORDS, option_problems
from frontdesk.storage.repo import ConnectionRecord, Repository


class ConnectionError_(Exception):
    """A connection cannot be added or built; the message says what to fix."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer (``localhost``, 127.0.0.0/8, ``::1``)."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """``base_url`` trimmed; raises :class:`ConnectionError_` naming ``base_url`` when it is not
    an https:// address (or http:// to this computer)."""
    url = base_url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise ConnectionError_("base_url: the address must start with https://")
    try:
        host = urlsplit(url).hostname or ""
    except ValueError as exc:
        raise ConnectionError_(f"base_url: {url!r} is not an address ({exc})") from exc
    if not host:
        raise ConnectionError_("base_url: name the server, e.g. https://api.example.com/v1")
    if url.lower().startswith("http://") and not is_loopback(host):
        raise ConnectionError_(
            f"base_url: plain http:// would send the API key and patients' details to {host} "
            "unencrypted; use https:// (http:// is only for a sandbox on this computer: "
            "127.0.0.1 or localhost)"
        )
    return url


def new_connection(
    repo: Repository,
    provider: str,
    name: str,
    base_url: str,
    options: dict[str, object] | None = None,
) -> ConnectionRecord:
    """The connection to add, checked (its API, name, address and options), not yet kept:
    what can be refused is refused before anyone is asked for a key."""
    if provider not in PROVIDERS:
        known = ", ".join(sorted(PROVIDERS))
        raise ConnectionError_(f"provider: unknown provider {provider!r}; use one of {known}")
    if not name.strip():
        raise ConnectionError_("name: give the connection a name")
    if repo.catalogs.connection_by_name(name.strip()) is not None:
        raise ConnectionError_(
            f"name: a connection named {name.strip()!r} already exists; change it with "
            f"'frontdesk connections edit', or remove it with 'frontdesk connections remove'"
        )
    record = ConnectionRecord(
        id=str(uuid.uuid4()),
        name=name.strip(),
        provider=provider,
        base_url=check_base_url(base_url),
        options=dict(options or {}),
        last_fresh_at=None,
    )
    check_options(record)
    return record


def add_connection(
    repo: Repository,
    creds: Credentials,
    provider: str,
    name: str,
    base_url: str,
    api_key: str,
    options: dict[str, object] | None = None,
    allow_file: bool = False,
) -> ConnectionRecord:
    """Check everything, keep the key, then write the row; on any failure nothing is kept.
    ``allow_file``: the person agreed to keep the key in the protected file should the
    keyring refuse (else :class:`~frontdesk.app.credentials.KeyringUnavailable`)."""
    if not api_key.strip():
        raise ConnectionError_("api-key: the API key is empty")
    record = new_connection(repo, provider, name, base_url, options)
    creds.set(record.id, api_key.strip(), allow_file=allow_file)  # first: a row never lacks it
    try:
        repo.catalogs.add_connection(record)
    except BaseException:
        creds.delete(record.id)
        raise
    return record


@dataclass(frozen=True, slots=True)
class Removal:
    """What removing a connection loses: its changes not yet sent (queued, or sent with no
    answer: outcome unknown) and the bookings cached for it (the booking system keeps its
    own)."""

    queued: int
    unknown: int
    bookings: int

    @property
    def unsent(self) -> int:
        return self.queued + self.unknown

    def words(self, name: str) -> str:
        """What is lost, in a sentence: "Removing 'Annex' deletes 2 changes not yet sent
        (never to be sent), its 14 cached bookings on this desk and its API key. ..."."""
        parts = [
            f"{n} {what}{'s' if n != 1 else ''}{tail}"
            for n, what, tail in (
                (self.queued, "change", " not yet sent"),
                (self.unknown, "change", " whose outcome is unknown"),
            )
            if n
        ]
        if parts:
            parts[-1] += " (never to be sent)"
        if self.bookings:
            plural = "s" if self.bookings != 1 else ""
            parts.append(f"its {self.bookings} cached booking{plural} on this desk")
        parts.append("its API key")
        listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
        return f"Removing {name!r} deletes {listed}. The booking system keeps its own bookings."


def removal(repo: Repository, record: ConnectionRecord) -> Removal:
    """What removing ``record`` would lose."""
    counts = repo.removal.connection_counts(record.id)
    return Removal(
        counts.get(OperationState.QUEUED.value, 0),
        counts.get(OperationState.UNKNOWN.value, 0),
        counts.get("bookings", 0),
    )


def remove_connection(
    repo: Repository, creds: Credentials, record: ConnectionRecord, discard_unsent: bool = False
) -> Removal:
    """Delete ``record``, its cached bookings, its operations and its key. Refused (nothing
    removed) while changes wait to be sent, unless ``discard_unsent``."""
    lost = removal(repo, record)
    if lost.unsent and not discard_unsent:
        raise ConnectionError_(
            f"connection: {record.name!r} still has {lost.unsent} change"
            f"{'s' if lost.unsent != 1 else ''} not sent to the booking system; sync first "
            "(frontdesk sync --once), or remove it anyway and lose them (--discard-unsent)"
        )
    creds.delete(record.id)  # first: a key the keyring will not let go keeps the connection
    repo.removal.remove_connection(record.id)
    return lost


def connect(record: ConnectionRecord, api_key: str) -> Connector:
    """The connector of ``record``'s API with ``api_key``, nothing checked or stored."""
    remember(api_key)  # never logged: masked wherever a log shows it
    return _connector(record, api_key)


def _connector(record: ConnectionRecord, api_key: str) -> Connector:
    spec = PROVIDERS[record.provider]
    return spec.connect(record.id, record.base_url, api_key, record.options)


def check_options(record: ConnectionRecord, unknown: bool = True) -> None:
    """Check ``record``'s options against its API's declared fields (each refusal names the
    option), then build its connector once (no network) so an option its API needs and lacks
    is refused now, in the connector's words (``timezone: ...``), not when the desk starts."""
    spec = PROVIDERS.get(record.provider)
    if spec is None:
        raise ConnectionError_(f"provider: unknown provider {record.provider!r}")
    problems = option_problems(spec, record.options, unknown=unknown)
    if problems:
        raise ConnectionError_("; ".join(problems))
    try:
        _connector(record, "check").close()  # a stand-in key: not one to mask
    except (ApiError, ValueError) as exc:  # a connector refusing its options (VantaX's)
        raise ConnectionError_(str(exc)) from exc


def build_connector(record: ConnectionRecord, creds: Credentials) -> Connector:
    """``record``'s connector with its key; :class:`ConnectionError_` (or the credentials'
    own errors) saying why it cannot be built."""
    check_base_url(record.base_url)
    spec = PROVIDERS.get(record.provider)
    if spec is None:
        raise ConnectionError_(f"provider: unknown provider {record.provider!r}")
    problems = option_problems(spec, record.options, unknown=False)
    if problems:
        raise ConnectionError_("; ".join(problems))
    key = creds.get(record.id)
    if key is None:
        raise ConnectionError_(
            f"api-key: no API key stored for connection {record.name!r}; give it with "
            f"'frontdesk connections edit {record.name!r} --api-key-stdin' or in Connections"
        )
    try:
        connector = connect(record, key)
    except (ApiError, ValueError) as exc:  # a connector refusing its options
        raise ConnectionError_(str(exc)) from exc
    rate = record.options.get("rate_per_minute")
    if rate is not None and str(rate).strip():  # a plan above the documented default
        connector.rate_per_minute = int(str(rate).strip())
    if FLAG_WORDS.get(str(record.options.get("unsafe_disable_idempotency", "")).lower()):
        # For the crash test's negative control only: resends are no longer deduplicated.
        connector.idempotent_creates = False
        if hasattr(connector, "send_reference"):
            connector.send_reference = False
    return connector
