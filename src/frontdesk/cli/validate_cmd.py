"""``frontdesk validate``: predict offline what an API would answer to one request body.

Pulls the catalog and the existing bookings (read-only calls), then runs the provider's offline
rules over the exact body. It never sends the booking.

Owns reading REQUEST.json (`read_request`) and the exit codes: ``EXIT_ACCEPTED`` (0) the API
would accept the body, ``EXIT_REFUSED`` (1) it would refuse it (the line printed is its
predicted answer), ``EXIT_CANNOT`` (2) no prediction could be made: a file that cannot be read,
is not UTF-8, not JSON, not one JSON object, nested deeper than ``MAX_DEPTH``, or holds a text
that is no Unicode or a date at the calendar's ends (year 1 or 9999), an unknown provider or a
wrong option. Those print ``{"error": "..."}`` naming the file or the field and what to do; an
address, key or API that cannot be used is said by ``cli.main`` (stderr), also exit 2.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from frontdesk.app.connections import check_base_url, check_options, connect
from frontdesk.cli.api_keys import read_api_key
from frontdesk.cli.connections_cmd import options_of
from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import ApiError, Connector
from frontdesk.providers.http import BadAnswer
from frontdesk.providers.registry import PROVIDERS
from frontdesk.storage.repo import ConnectionRecord

EXIT_ACCEPTED, EXIT_REFUSED, EXIT_CANNOT = 0, 1, 2
MAX_BYTES = 1_000_000  # the APIs' bodies are a few KB
MAX_DEPTH = 64  # objects and lists within each other: the sandbox's limit too
# a date the rules cannot shift by a day or a zone without leaving the calendar (years 1-9999)
_EDGE_DATE = re.compile(r"\s*[+-]?(\d{4,})-\d\d-\d\d(?:[T ]|\s*$)")


class RequestFileError(ValueError):
    """REQUEST.json cannot be judged; the message names the file or its field."""


def predict(connector: Connector, body: object, now: datetime | None = None) -> Verdict:
    """Pull what the rules need for ``body`` and predict the create's answer."""
    catalog = connector.pull_catalog(connector.days_for_body(body))
    bookings = connector.pull_bookings(None)
    return connector.predict_body(body, catalog, bookings, now or utc_now())


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    return "a list" if isinstance(value, list) else "an object"


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def read_request(path: Path) -> dict[str, Any]:
    """The body in ``path``; `RequestFileError` saying what is wrong with it otherwise."""
    try:
        with path.open("rb") as file:  # at most a byte past the limit (a device never ends)
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise RequestFileError(f"cannot read {path} ({why}); check the path") from None
    if len(raw) > MAX_BYTES:
        raise RequestFileError(f"{path} is over {MAX_BYTES:,} bytes; a request body is a few KB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RequestFileError(
            f"{path} is not UTF-8 text (byte {exc.start + 1} is 0x{raw[exc.start]:02x}); "
            "save it as UTF-8 and run again"
        ) from None
    try:
        body = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise RequestFileError(
            f"{path} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            "fix it and run again"
        ) from None
    except ValueError as exc:  # NaN, Infinity; a number of more than 4,300 digits
        why = "a number of more than 4,300 digits" if "digits" in str(exc) else str(exc)
        raise RequestFileError(f"{path} is not valid JSON ({why}); fix it and run again") from None
    except RecursionError:
        raise RequestFileError(
            f"{path} is nested too deeply to read; a request body is one JSON object of the "
            "API's fields"
        ) from None
    if not isinstance(body, dict):
        raise RequestFileError(
            f"{path} holds {_kind(body)}, not a JSON object; a request body is one object of "
            'the API\'s fields, {"field": value, ...}'
        )
    _check_values(body)
    return body


def _check_values(body: dict[str, Any]) -> None:
    """The field whose value no prediction can be made for, named (walked without recursion:
    the file may be as deep as the parser allows)."""
    stack: list[tuple[str, object, int]] = [("", body, 0)]
    while stack:
        where, value, depth = stack.pop()
        if isinstance(value, str):
            _check_text(where, value)
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth >= MAX_DEPTH:
            field = re.split(r"[.\[]", where, maxsplit=1)[0]
            raise RequestFileError(
                f"{field}: nested more than {MAX_DEPTH} levels deep; the APIs' fields are "
                "texts, numbers and small objects"
            )
        if isinstance(value, list):
            stack.extend((f"{where}[{n}]", child, depth + 1) for n, child in enumerate(value))
            continue
        for key, child in value.items():
            path = f"{where}.{key}" if where else str(key)
            _check_text(f"{path} (the name)", str(key))
            stack.append((path, child, depth + 1))


def _check_text(where: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RequestFileError(
            f"{where}: holds \\u{ord(text[exc.start]):04x}, half of a UTF-16 surrogate pair and "
            "no character; fix the text"
        ) from None
    match = _EDGE_DATE.match(text)
    if match is not None and not 1 < int(match.group(1)) < 9999:
        raise RequestFileError(
            f"{where}: {text.strip()!r} is at the calendar's end (year 1, 9999 or beyond), "
            "where the rules cannot work out the days around it; use the appointment's real date"
        )


def run_args(args: argparse.Namespace) -> int:
    """The command: everything but the key checked first (nobody is asked for a key in
    vain), then the prediction printed; the exit code."""
    body = _body(args.provider, args.request)
    if isinstance(body, str):
        print(body)
        return EXIT_CANNOT
    base_url = check_base_url(args.base_url)
    options = options_of(args.option)
    check_options(ConnectionRecord("validate", "validate", args.provider, base_url, options, None))
    key = read_api_key(args, base_url, "validate")
    assert key is not None  # needed: read_api_key raised otherwise
    code, line = judge(args.provider, base_url, key, body, options)
    print(line)
    return code


def run(
    provider: str,
    base_url: str,
    api_key: str,
    request_file: Path,
    options: dict[str, object] | None = None,
) -> tuple[int, str]:
    """Exit code and the line to print for the body in ``request_file``."""
    body = _body(provider, request_file)
    if isinstance(body, str):
        return EXIT_CANNOT, body
    return judge(provider, base_url, api_key, body, options)


def _body(provider: str, path: Path) -> dict[str, Any] | str:
    """The body to judge, or the error line saying why there is none."""
    if provider not in PROVIDERS:
        known = ", ".join(sorted(PROVIDERS))
        return _error(f"provider: unknown provider {provider!r}; use {known}")
    try:
        return read_request(path)
    except RequestFileError as exc:
        return _error(f"REQUEST.json: {exc}")


def judge(
    provider: str,
    base_url: str,
    api_key: str,
    body: dict[str, Any],
    options: dict[str, object] | None = None,
) -> tuple[int, str]:
    """Exit code and the line to print for ``body``: the predicted answer, or why there is
    none. The API's own failures (`ApiError`, `BadAnswer`) are raised to `cli.main`."""
    record = ConnectionRecord("validate", "validate", provider, base_url, dict(options or {}), None)
    check_options(record)
    connector = connect(record, api_key)
    try:
        verdict = predict(connector, body)
    except (ApiError, BadAnswer):
        raise  # the API could not be asked: cli.main says so
    except Exception as exc:  # a rule that cannot judge this body: said, never a traceback
        return EXIT_CANNOT, _error(
            f"REQUEST.json: the {provider} rules could not judge this body "
            f"({type(exc).__name__}), so the API's answer cannot be told offline; please "
            "report it with the file"
        )
    finally:
        connector.close()
    code = EXIT_ACCEPTED if verdict.accepted else EXIT_REFUSED
    return code, json.dumps(verdict.as_json())


def _error(message: str) -> str:
    return json.dumps({"error": message})
