"""Setting connections up from the desk: trying one before it is saved (one real read call
through a freshly built connector), and changing an existing one. Adding goes through
``app.connections.add_connection``; keys always go to the keyring (``app.credentials``).

``check_connection`` does network I/O: the desk calls it from a worker thread.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import date

from frontdesk.app.connections import ConnectionError_, check_base_url, check_options, connect
from frontdesk.app.credentials import Credentials
from frontdesk.domain.translation import plural, translate
from frontdesk.providers.base import ApiError
from frontdesk.providers.http import BadAnswer, TransportError
from frontdesk.providers.registry import PROVIDERS, title
from frontdesk.providers.spec import option_problems
from frontdesk.storage.repo import ConnectionRecord, Repository


@dataclass(frozen=True, slots=True)
class CheckResult:
    ok: bool
    message: str  # plain words: what was found, or why it failed
    # False when the booking system could not be asked (no network, busy, failing): the
    # settings may be right, so the desk may save them and try again later
    reached: bool = True


def check_connection(
    provider: str,
    base_url: str,
    api_key: str,
    options: dict[str, object] | None = None,
    today: date | None = None,
) -> CheckResult:
    """Build a connector and read its catalog for one day; never writes anything anywhere."""
    if provider not in PROVIDERS:
        said = translate("Connections", "FrontDesk cannot talk to {provider} yet.")
        return CheckResult(False, said.format(provider=repr(provider)))
    try:
        base_url = check_base_url(base_url)
    except ConnectionError_ as exc:
        said = translate("Connections", "Check the address: {why}")
        return CheckResult(False, said.format(why=_why(exc)))
    if not api_key.strip():
        return CheckResult(False, translate("Connections", "Type the API key."))
    problems = option_problems(PROVIDERS[provider], dict(options or {}), unknown=False)
    if problems:
        return CheckResult(False, _settings("; ".join(problems)))
    record = ConnectionRecord(
        f"check-{uuid.uuid4()}", "check", provider, base_url, dict(options or {}), None
    )
    try:
        connector = connect(record, api_key.strip())
    except (ApiError, ValueError) as exc:  # an option the API needs is missing or wrong
        return CheckResult(False, _settings(str(exc)))
    try:
        catalog = connector.pull_catalog([today or date.today()])
    except ApiError as exc:
        return CheckResult(False, _plain(str(exc), provider), reached=not exc.retry)
    except BadAnswer as exc:
        said = translate("Connections", "This address answered, but not like {system}: {why}")
        return CheckResult(False, said.format(system=title(provider), why=exc))
    except TransportError as exc:
        said = translate("Connections", "Cannot reach this address ({why}).")
        return CheckResult(False, said.format(why=exc.kind), reached=False)
    finally:
        connector.close()
    services = sum(1 for s in catalog.services if s.active)
    places = len(catalog.resources)
    said = translate("Connections", "Connected: {services}, {places}, time zone {zone}.")
    return CheckResult(
        True,
        said.format(
            services=plural("Connections", "%n bookable service(s)", services),
            places=plural("Connections", "%n place(s)", places),
            zone=catalog.policy.timezone,
        ),
    )


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("Connections", "%n bookable service(s)", None, 1)
    translate("Connections", "%n place(s)", None, 1)


def _settings(problems: str) -> str:
    """A refused option (``timezone: 'X' is not …``: the option's key and the API's words)."""
    return translate("Connections", "Check the settings: {problems}").format(problems=problems)


def _why(exc: Exception) -> str:
    """A refusal's reason without the field it names (``base_url: ...``)."""
    field, sep, why = str(exc).partition(": ")
    return why if sep and " " not in field else str(exc)


def _plain(error: str, provider: str) -> str:
    status = re.search(r"HTTP (\d{3})", error)
    code = int(status.group(1)) if status else 0
    if error.startswith("network:"):
        return translate(
            "Connections",
            "Cannot reach this address. Check it, and this computer's internet connection.",
        )
    if code == 401:
        said = translate("Connections", "The booking system refused this API key. ({error})")
    elif code == 403:
        said = translate(
            "Connections",
            "This API key may not read the calendar; ask for the read scopes. ({error})",
        )
    elif code == 404:
        said = translate(
            "Connections", "Nothing answers at this address; check the address. ({error})"
        )
    elif code == 429 or code >= 500:
        said = translate(
            "Connections",
            "The booking system is busy or failing; try again in a minute. ({error})",
        )
    else:
        return error
    return said.format(error=error)


def checked_update(
    repo: Repository,
    record: ConnectionRecord,
    name: str,
    base_url: str,
    options: dict[str, object] | None = None,
) -> ConnectionRecord:
    """``record`` with a new name, address and options, checked (nothing kept): what can be
    refused is refused before anyone is asked for a key."""
    if not name.strip():
        raise ConnectionError_("name: give the connection a name")
    clash = repo.catalogs.connection_by_name(name.strip())
    if clash is not None and clash.id != record.id:
        raise ConnectionError_(f"name: a connection named {name.strip()!r} already exists")
    changed = replace(
        record,
        name=name.strip(),
        base_url=check_base_url(base_url),
        options=dict(options if options is not None else record.options),
    )
    check_options(changed)
    return changed


def update_connection(
    repo: Repository,
    creds: Credentials,
    record: ConnectionRecord,
    name: str,
    base_url: str,
    api_key: str | None,
    options: dict[str, object] | None = None,
    allow_file: bool = False,
) -> ConnectionRecord:
    """Change a connection's name, address, options, and (when given) its key: everything is
    checked first, then the key is kept (a keyring that refuses changes nothing, unless
    ``allow_file``), then the row."""
    if api_key is not None and not api_key.strip():
        raise ConnectionError_("api-key: the API key is empty")
    changed = checked_update(repo, record, name, base_url, options)
    if api_key:
        creds.set(record.id, api_key.strip(), allow_file=allow_file)
    repo.catalogs.update_connection(changed)
    return changed
