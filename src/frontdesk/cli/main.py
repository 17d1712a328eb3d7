"""Argument parsing and dispatch of the headless subcommands."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from frontdesk.app import logs, store
from frontdesk.app.cache_key import CacheKeyUnavailable
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.cli import (
    audit_cmd,
    connections_cmd,
    export_cmd,
    import_cmd,
    sandbox_cmd,
    settings_cmd,
    staff_cmd,
    validate_cmd,
)
from frontdesk.cli.api_keys import add_key_arguments
from frontdesk.cli.errors import SAID_IN_ONE_LINE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontdesk", description="FrontDesk headless tools")
    parser.add_argument("--profile-dir", type=Path, help="keep data, settings and logs here")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="log everything, every library's records from DEBUG up, for support (names, "
        f"phones, emails and keys are masked); also {logs.VERBOSE_ENV}=1",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="the clinic's shared store, postgresql://USER@HOST:5432/DATABASE (default: the "
        f"profile's setting, {store.ENV}, else this desk's own cache)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    sandbox_cmd.add_parser(sub)

    st = sub.add_parser(
        "settings", help="show or set the clinic's settings (zone, phone region, paper)"
    )
    st.add_argument(
        "--timezone", help="the clinic's IANA zone, e.g. Europe/Berlin ('' = this computer's)"
    )
    st.add_argument(
        "--phone-region", help="country code phone numbers are read in, e.g. DE ('' = the zone's)"
    )
    st.add_argument("--paper", choices=["auto", "A4", "Letter"], help="the day sheet's paper")
    st.add_argument(
        "--idle-lock-minutes",
        type=int,
        metavar="N",
        help="the desk locks itself after N idle minutes (1 to 240; default 5)",
    )
    st.add_argument(
        "--admin",
        metavar="NAME",
        help="the administrator changing the clinic's settings (their PIN is asked at the "
        "terminal or read from standard input; never an argument); showing them needs none",
    )
    st.add_argument(
        "--database-url",
        dest="store_url",
        metavar="URL",
        help="keep this desk on the clinic's shared store, postgresql://USER@HOST:5432/DATABASE "
        "(no password: it goes in the PostgreSQL password file); '' = this desk's own cache",
    )

    va = sub.add_parser("validate", help="predict offline what the API would answer")
    va.add_argument("--provider", required=True)
    va.add_argument("--base-url", required=True)
    add_key_arguments(va, consent=False)
    va.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a provider option (e.g. api_user_id=... for meetergo)",
    )
    va.add_argument("request", type=Path, metavar="REQUEST.json")

    connections_cmd.add_parsers(sub)

    import_cmd.add_parser(sub)
    export_cmd.add_parser(sub)
    staff_cmd.add_parser(sub)
    audit_cmd.add_parser(sub)

    sy = sub.add_parser("sync", help="drain the outbox and pull remote bookings")
    sy.add_argument("--once", action="store_true", help="one pass, then exit")
    sy.add_argument("--interval", type=float, default=30.0, help="seconds between passes")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    logs.want_verbose(True if args.verbose else None)
    try:
        return _dispatch(args)
    except SAID_IN_ONE_LINE as exc:
        print(f"frontdesk {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a folder or file the command cannot use (a profile that is a file)
        log.info("frontdesk %s: %s", args.command, exc, exc_info=True)
        where = exc.filename if exc.filename is not None else "a file"
        print(f"frontdesk {args.command}: {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the last line of defence: one line, never a traceback
        log.exception("frontdesk %s stopped on an unexpected error", args.command)
        print(
            f"frontdesk {args.command}: stopped on an unexpected error "
            f"({type(exc).__name__}); what it finished is kept. The details are in the "
            "desk's log file (Help > About shows where); run it again with --verbose for more.",
            file=sys.stderr,
        )
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "sandbox":
        return sandbox_cmd.run(args)
    if args.command == "validate":
        return validate_cmd.run_args(args)
    database_url, keep = args.database_url, False
    if args.command == "settings" and args.store_url is not None:
        if args.store_url:  # kept once it opens (migrated as needed)
            database_url, keep = store.fit_to_keep(args.store_url), True
        else:  # back to this desk's own cache
            store.save_url(Paths.resolve(args.profile_dir).config_dir, None)
    # an export reads the cache only: no connector, no keyring
    connect = args.command not in ("export", "staff", "audit")
    context = _open(args, connect, database_url)
    if keep:
        store.save_url(context.paths.config_dir, database_url)
    said = _say_key_store(context, None)  # at every start, until fixed (before a long sync)
    try:
        if args.command == "connect":
            return connections_cmd.run_connect(context, args)
        if args.command == "connections":
            return connections_cmd.run_connections(context, args)
        if args.command == "import":
            return import_cmd.run(context, args.connection, args.file)
        if args.command == "settings":
            return settings_cmd.run(context, args)
        if args.command == "export":
            return export_cmd.run(context, args)
        if args.command == "staff":
            return staff_cmd.run(context, args)
        if args.command == "audit":
            return audit_cmd.run(context, args)
        from frontdesk.cli.sync_cmd import run_sync

        return run_sync(context, once=args.once, interval=args.interval)
    finally:
        _say_key_store(context, said)  # or once the command first needed the keys
        context.close()


def _open(args: argparse.Namespace, connect: bool, database_url: str | None) -> AppContext:
    """The profile's context. A new cache's key that the keyring refuses (locked, failing)
    goes to the protected file only as agreed: ``--allow-key-file``, or asked in a terminal."""
    allowed = bool(getattr(args, "allow_key_file", False))
    try:
        return AppContext.open(
            args.profile_dir, connect=connect, database_url=database_url, allow_key_file=allowed
        )
    except CacheKeyUnavailable as exc:
        asking = sys.stdin is not None and sys.stdin.isatty()
        asking = asking and not getattr(args, "api_key_stdin", False)
        if allowed or not exc.file_would_do or not asking:
            can_agree = exc.file_would_do and not allowed and hasattr(args, "allow_key_file")
            hint = " Add --allow-key-file to agree." if can_agree else ""
            raise CacheKeyUnavailable(f"{exc}{hint}") from exc
        print(f"frontdesk {args.command}: {exc}", file=sys.stderr)
        try:
            answer = input("Keep the cache's key in the protected file instead? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            raise CacheKeyUnavailable("cache key: not kept; nothing was changed") from exc
        return AppContext.open(
            args.profile_dir, connect=connect, database_url=database_url, allow_key_file=True
        )


def _say_key_store(context: AppContext, said: str | None) -> str | None:
    """Print where API keys are kept when not in the keyring (once a run); what was said."""
    warning = context.key_store_warning
    if warning and warning != said:
        print(f"warning: {warning}", file=sys.stderr)
    return warning or said


logging.getLogger("frontdesk").addHandler(logging.NullHandler())
log = logging.getLogger("frontdesk.cli")
