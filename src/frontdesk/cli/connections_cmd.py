"""``frontdesk connect`` and ``frontdesk connections list / edit / remove``: the profile's
connections, with their keys taken safely (:mod:`frontdesk.cli.api_keys`) and never shown.

``connect`` keeps the key first and writes the connection after (nothing is half-added);
``edit`` changes a name, address, options or key; ``remove`` deletes a connection with its
cached bookings, its operations and its key, refusing while changes wait to be sent unless
told to discard them, and asking first (``--yes`` where nobody can be asked).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from frontdesk.app.connection_setup import checked_update, update_connection
from frontdesk.app.connections import (
    ConnectionError_,
    new_connection,
    removal,
    remove_connection,
)
from frontdesk.cli.api_keys import add_key_arguments, given, read_api_key, with_consent
from frontdesk.providers.registry import title
from frontdesk.storage.repo import ConnectionRecord

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

OPTION_HELP = "a provider option (e.g. api_user_id=... for meetergo)"


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    co = sub.add_parser("connect", help="add a connection to the profile")
    co.add_argument("provider")
    co.add_argument("--name", required=True)
    co.add_argument("--base-url", required=True, help="https://… (http:// only to 127.0.0.1)")
    co.add_argument("--option", action="append", default=[], metavar="KEY=VALUE", help=OPTION_HELP)
    add_key_arguments(co)

    cs = sub.add_parser("connections", help="list, change or remove the profile's connections")
    verbs = cs.add_subparsers(dest="verb", required=True)
    ls = verbs.add_parser("list", help="name, API, address and whether a key is kept")
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    ed = verbs.add_parser("edit", help="change a connection's name, address, options or key")
    ed.add_argument("connection", metavar="NAME")
    ed.add_argument("--name", dest="new_name", metavar="NEW_NAME", help="rename it")
    ed.add_argument("--base-url", help="a new address")
    ed.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set an option (KEY= removes it)",
    )
    add_key_arguments(ed)
    rm = verbs.add_parser("remove", help="delete a connection, its cached bookings and its key")
    rm.add_argument("connection", metavar="NAME")
    rm.add_argument(
        "--discard-unsent",
        action="store_true",
        help="remove it even though changes wait to be sent (they are lost)",
    )
    rm.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def options_of(pairs: list[str]) -> dict[str, object]:
    options: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConnectionError_(f"option: {pair!r} is not KEY=VALUE")
        options[key.strip()] = value.strip()
    return options


def run_connect(context: AppContext, args: argparse.Namespace) -> int:
    options = options_of(args.option)
    new_connection(context.repo, args.provider, args.name, args.base_url, options)  # else ask
    key = read_api_key(args, args.base_url, "connect")
    assert key is not None  # needed: read_api_key raised otherwise
    record = with_consent(
        args,
        "connect",
        lambda allow: context.connect(
            args.provider, args.name, args.base_url, key, options, allow_file=allow
        ),
    )
    print(json.dumps({"connection": record.name, "id": record.id}))
    return 0


def run_connections(context: AppContext, args: argparse.Namespace) -> int:
    if args.verb == "list":
        return _list(context, args.json)
    record = _named(context, args.connection)
    if args.verb == "edit":
        return _edit(context, record, args)
    return _remove(context, record, args)


def _named(context: AppContext, name: str) -> ConnectionRecord:
    record = context.repo.catalogs.connection_by_name(name.strip())
    if record is None:
        known = ", ".join(repr(c.name) for c in context.connections()) or "none yet"
        raise ConnectionError_(f"connection: no connection named {name!r} ({known})")
    return record


def _list(context: AppContext, as_json: bool) -> int:
    rows = []
    for record in context.connections():
        present = context.credentials.has(record.id)
        rows.append(
            {
                "name": record.name,
                "api": title(record.provider),
                "base_url": record.base_url,
                "key": {True: "yes", False: "no", None: "cannot tell (keyring locked)"}[present],
            }
        )
    if as_json:
        for row in rows:
            print(json.dumps(row))
        return 0
    if not rows:
        print("No connections yet: add one with 'frontdesk connect'.")
        return 0
    heads = {"name": "NAME", "api": "API", "base_url": "ADDRESS", "key": "KEY KEPT"}
    widths = {k: max(len(heads[k]), *(len(r[k]) for r in rows)) for k in heads}
    for row in [heads, *rows]:
        print("  ".join(row[k].ljust(widths[k]) for k in heads).rstrip())
    return 0


def _edit(context: AppContext, record: ConnectionRecord, args: argparse.Namespace) -> int:
    if args.new_name is None and args.base_url is None and not args.option and not given(args):
        raise ConnectionError_(
            "connections edit: say what to change: --name, --base-url, --option KEY=VALUE, or "
            "the key (--api-key-stdin, --api-key-file PATH, --api-key-prompt)"
        )
    name = args.new_name if args.new_name is not None else record.name
    base_url = args.base_url if args.base_url is not None else record.base_url
    options = dict(record.options)
    for key_name, value in options_of(args.option).items():
        if value == "":
            options.pop(key_name, None)
        else:
            options[key_name] = value
    checked_update(context.repo, record, name, base_url, options)  # before a key is asked for
    key = read_api_key(args, base_url, "connections edit", needed=False) if given(args) else None
    changed = with_consent(
        args,
        "connections edit",
        lambda allow: update_connection(
            context.repo,
            context.credentials,
            record,
            name,
            base_url,
            key,
            options,
            allow_file=allow,
        ),
    )
    print(json.dumps({"connection": changed.name, "id": changed.id, "key_changed": bool(key)}))
    return 0


def _remove(context: AppContext, record: ConnectionRecord, args: argparse.Namespace) -> int:
    lost = removal(context.repo, record)
    if lost.unsent and not args.discard_unsent:
        remove_connection(context.repo, context.credentials, record)  # refuses, saying why
    print(lost.words(record.name), file=sys.stderr)
    if not args.yes:
        if not sys.stdin.isatty():
            raise ConnectionError_("connections remove: add --yes to remove it without being asked")
        try:
            answer = input(f"Remove {record.name!r}? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was removed.", file=sys.stderr)
            return 1
    remove_connection(context.repo, context.credentials, record, discard_unsent=True)
    print(json.dumps({"removed": record.name, "id": record.id}))
    return 0
