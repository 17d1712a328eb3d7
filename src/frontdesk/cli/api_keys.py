"""How the headless tools take an API key without showing it to every user of the computer.

A key on the command line (``--api-key KEY``) is visible to anyone who lists the processes
(``ps``), so it is kept only for the sandbox's test keys (an address on this computer) and
warned about otherwise. The key comes instead from standard input (``--api-key-stdin``), a file
(``--api-key-file PATH``), or a prompt that does not echo (``--api-key-prompt``; the default
where the key is needed and standard input is a terminal).

Where the system keyring refuses a key (locked, failing), the tools ask before keeping it in
the protected file: ``--allow-key-file`` agrees beforehand; in a terminal they ask; otherwise
they stop and say so, having saved nothing.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from frontdesk.app.connections import ConnectionError_, is_loopback
from frontdesk.app.credentials import KeyringUnavailable

T = TypeVar("T")


def add_key_arguments(parser: argparse.ArgumentParser, consent: bool = True) -> None:
    """The ways to give a key (one at most), and ``--allow-key-file`` where keys are kept."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--api-key-stdin",
        action="store_true",
        help="read the API key from standard input (e.g. piped from a password manager)",
    )
    where.add_argument(
        "--api-key-file",
        type=Path,
        metavar="PATH",
        help="read the API key from this file (keep it readable only by you)",
    )
    where.add_argument(
        "--api-key-prompt",
        action="store_true",
        help="type the API key at a prompt that does not show it",
    )
    where.add_argument(
        "--api-key",
        metavar="KEY",
        help="the key itself: only for the sandbox's test keys (any other user of this "
        "computer can see a command line)",
    )
    if consent:
        parser.add_argument(
            "--allow-key-file",
            action="store_true",
            help="should the system keyring refuse the key (locked, failing), keep it in the "
            "profile's credentials file, readable only by you",
        )


def given(args: argparse.Namespace) -> bool:
    """Whether a key was given (or asked to be typed) on the command line."""
    return bool(
        args.api_key_stdin or args.api_key_file or args.api_key_prompt or args.api_key is not None
    )


def read_api_key(
    args: argparse.Namespace, base_url: str, command: str, needed: bool = True
) -> str | None:
    """The key from the source given; without one, a prompt when standard input is a
    terminal and ``needed``, else None (not needed) or :class:`ConnectionError_`."""
    if args.api_key is not None:
        if not _local(base_url):
            print(
                f"frontdesk {command}: warning: --api-key shows the key to every user of this "
                "computer (ps); give it with --api-key-stdin, --api-key-file PATH or "
                "--api-key-prompt (--api-key is for the sandbox's test keys)",
                file=sys.stderr,
            )
        return _checked(args.api_key, "--api-key")
    if args.api_key_stdin:
        return _checked(sys.stdin.read(), "standard input")
    if args.api_key_file is not None:
        return _checked(_read_file(args.api_key_file, command), str(args.api_key_file))
    if args.api_key_prompt or (needed and sys.stdin.isatty()):
        try:
            return _checked(getpass.getpass("API key (not shown): "), "the prompt")
        except EOFError:
            raise ConnectionError_("api-key: no key was typed") from None
    if not needed:
        return None
    raise ConnectionError_(
        "api-key: give the API key with --api-key-stdin (piped in), --api-key-file PATH, or "
        "run this in a terminal to type it"
    )


def _local(base_url: str) -> bool:
    try:
        host = urlsplit(base_url.strip()).hostname or ""
    except ValueError:
        return False
    return is_loopback(host)


def _checked(text: str, source: str) -> str:
    key = text.strip()
    if not key:
        raise ConnectionError_(f"api-key: {source} held no key")
    if "\n" in key:
        raise ConnectionError_(f"api-key: {source} held more than one line; give the key alone")
    return key


def _read_file(path: Path, command: str) -> str:
    try:
        text = path.read_text(encoding="utf-8")
        mode = path.stat().st_mode
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        raise ConnectionError_(f"api-key-file: cannot read {path}: {why}") from exc
    if os.name == "posix" and stat.S_IMODE(mode) & 0o077:
        print(
            f"frontdesk {command}: warning: {path} is readable by other users of this "
            f"computer; chmod 600 it (or delete it, the key is kept in the keyring now)",
            file=sys.stderr,
        )
    return text


def with_consent(args: argparse.Namespace, command: str, keep: Callable[[bool], T]) -> T:
    """``keep(allow_file)``: first as ``--allow-key-file`` says; should the keyring refuse,
    ask in a terminal whether to keep the key in the protected file instead."""
    allowed = bool(getattr(args, "allow_key_file", False))
    try:
        return keep(allowed)
    except KeyringUnavailable as exc:
        if allowed or not sys.stdin.isatty() or args.api_key_stdin:
            hint = "" if allowed else " Add --allow-key-file to agree."
            raise KeyringUnavailable(f"{exc}{hint}") from exc
        print(f"frontdesk {command}: {exc}", file=sys.stderr)
        try:
            answer = input("Keep the key in the protected file instead? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            raise KeyringUnavailable("api-key: not kept; nothing was saved") from exc
        return keep(True)
