"""``frontdesk settings``: shows the clinic's settings to anyone; changes them, as the desk
does, only for an administrator (``--admin NAME`` and that administrator's PIN, from the
terminal or standard input, never an argument)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from frontdesk.app import store
from frontdesk.app.settings import SettingsRefused
from frontdesk.app.staff import NotAllowed, SignInRefused
from frontdesk.cli import staff_cmd

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


def run(context: AppContext, args: argparse.Namespace) -> int:
    """Set what was given, then print the clinic's settings as the desk uses them."""
    changes = {
        key: value
        for key, value in (
            ("timezone", args.timezone),
            ("phone_region", args.phone_region),
            ("paper", args.paper),
            ("idle_lock_minutes", args.idle_lock_minutes),
        )
        if value is not None
    }
    if changes:
        try:
            updated = context.settings.changed(**changes)
        except SettingsRefused as exc:
            print(f"frontdesk settings: {exc.field}: {exc.why}", file=sys.stderr)
            return 2
        refusal = _admit_settings(context, args.admin)
        if refusal is not None:
            print(f"frontdesk settings: {refusal}; nothing was changed", file=sys.stderr)
            return 2
        context.update_settings(updated)
    shown = context.settings
    print(
        json.dumps(
            {
                "timezone": shown.zone,
                "timezone_set": shown.timezone is not None,
                "phone_region": shown.region,
                "paper": shown.paper_size,
                "idle_lock_minutes": shown.idle_lock_minutes,
                "database": store.shown(str(context.db.engine.url))
                if context.db.shared
                else "this desk's own cache",
            }
        )
    )
    return 0


def _admit_settings(context: AppContext, admin: str | None) -> str | None:
    """Why the clinic's settings may not be changed here, or None: as at the desk, only an
    administrator changes them (``--admin NAME`` and their PIN, from the terminal or standard
    input, signed in under "command line" in the audit trail). A store with no staff yet has
    no administrator to ask (``frontdesk staff add`` makes the first without a PIN either)."""
    session = context.staff
    if session.first_start:
        return None
    if not admin:
        return (
            "--admin: name the administrator changing the clinic's settings (their PIN is "
            "asked); showing them needs no PIN"
        )
    try:
        session.sign_in(admin, staff_cmd.read_pin(f"{admin}'s PIN: "), detail="command line")
        session.require_admin("change the clinic's settings")
    except (staff_cmd.Refused, SignInRefused, NotAllowed) as exc:
        return str(exc).rstrip(".")
    return None
