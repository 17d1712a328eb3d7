"""``frontdesk staff add / list / disable / enable / reset-pin``: the staff who sign in to the
desk (``app.staff``).

A PIN is never an argument (every user of the computer could read it in the process list): it
is asked with ``getpass`` at a terminal (twice, for a new one), else read from standard input,
one line per PIN (the administrator's first, then the new one). On a store with no staff yet,
``staff add`` makes the first administrator; after that every change needs ``--admin NAME``
and that administrator's PIN, and is recorded in the audit trail under their name.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

from frontdesk.app.staff import NotAllowed, Role, SignInRefused, StaffMember, StaffRefused

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

COMMANDS = ("add", "list", "disable", "enable", "reset-pin")


def add_parser(sub: Any) -> None:
    st = sub.add_parser(
        "staff",
        help="add, list, disable or enable staff, or reset a PIN",
        description="Staff sign in to the desk with their name and a PIN of 4 to 12 digits. "
        "PINs are asked at the terminal, or read from standard input one per line (never "
        "given as arguments). The first staff member added is an administrator; after that "
        "a change needs --admin NAME and that administrator's PIN.",
    )
    st.add_argument("action", choices=COMMANDS)
    st.add_argument("name", nargs="?", help="the staff member (not for 'list')")
    st.add_argument(
        "--role", choices=[r.value for r in Role], default=None, help="for 'add' (default staff)"
    )
    st.add_argument("--admin", metavar="NAME", help="the administrator making the change")


class Refused(Exception):
    """What the person typed cannot be used; the message names the field."""


def read_pin(prompt: str, *, twice: bool = False) -> str:
    """A PIN from the terminal (hidden; asked twice when ``twice``), else standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        pin = getpass.getpass(prompt)
        if twice and getpass.getpass("Again: ") != pin:
            raise Refused("PIN: the two PINs differ; nothing was changed")
        return pin
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise Refused(f"PIN: none given; {prompt.strip().rstrip(':')} is read from standard input")
    return line.rstrip("\r\n")


def run(context: AppContext, args: argparse.Namespace) -> int:
    try:
        return _run(context, args)
    except (Refused, StaffRefused, SignInRefused, NotAllowed) as exc:
        print(f"frontdesk staff {args.action}: {exc}", file=sys.stderr)
        return 2


def _run(context: AppContext, args: argparse.Namespace) -> int:
    session = context.staff
    if args.action == "list":
        print(json.dumps([_shown(m) for m in session.staff()], indent=2))
        return 0
    name = (args.name or "").strip()
    if not name:
        raise Refused(f"NAME: say which staff member to {args.action.replace('-', ' ')}")
    if args.action == "add" and session.first_start:
        if args.role == Role.STAFF.value:
            raise Refused("--role: the first staff member is an administrator")
        member = session.create_first_admin(name, read_pin(f"New PIN for {name}: ", twice=True))
        print(f"{member.name} added as the first administrator.")
        return 0
    if not args.admin:
        raise Refused("--admin: name the administrator making this change (their PIN is asked)")
    session.sign_in(args.admin, read_pin(f"{args.admin}'s PIN: "), detail="command line")
    session.require_admin(f"{args.action.replace('-', ' ')} staff")
    if args.action == "add":
        role = Role(args.role or Role.STAFF.value)
        member = session.add_staff(name, role, read_pin(f"New PIN for {name}: ", twice=True))
        print(f"{member.name} added ({member.role.value}).")
    elif args.action == "reset-pin":
        session.reset_pin(name, read_pin(f"New PIN for {name}: ", twice=True))
        print(f"{name}'s PIN was reset.")
    else:
        member = session.set_disabled(name, args.action == "disable")
        print(f"{member.name} is {'disabled' if member.disabled else 'enabled'}.")
    return 0


def _shown(member: StaffMember) -> dict[str, object]:
    return {
        "name": member.name,
        "role": member.role.value,
        "disabled": member.disabled,
        "last_sign_in": member.last_sign_in.isoformat() if member.last_sign_in else None,
    }
