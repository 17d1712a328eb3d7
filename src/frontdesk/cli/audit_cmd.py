"""``frontdesk audit``: the audit trail as CSV (to a file, or standard output), filtered by the
clinic's days, a staff member, an event, and a booking or patient (``app.audit``). Each export
is itself recorded in the trail."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontdesk.app import audit
from frontdesk.cli.days import DayRefused, day_option

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


def add_parser(sub: Any) -> None:
    au = sub.add_parser(
        "audit",
        help="write the audit trail (who did what, when, at which desk) as CSV",
        description="Every booking, move, cancel, status mark, change, import, export, printed "
        "day sheet and opened patient's details, with who, when (UTC and the clinic's time), "
        "which desk and what changed; newest first. Days are the clinic's (its zone: "
        "'frontdesk settings'). Cells that a spreadsheet would run as a formula start with '. "
        "The file is readable by you only (it holds patient data).",
    )
    au.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="from this day on")
    au.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="up to this day, included")
    au.add_argument("--staff", metavar="NAME", help="one staff member's lines")
    au.add_argument("--event", choices=[e.value for e in audit.AuditEvent], help="one kind of line")
    au.add_argument(
        "--booking",
        metavar="ID-OR-PATIENT",
        help="one booking (its id), or a patient (part of the name, phone or email)",
    )
    au.add_argument(
        "-o", "--output", type=Path, metavar="FILE.csv", help="default: standard output"
    )


class _Refused(Exception):
    pass


def _day(option: str, text: str | None) -> date | None:
    return None if text is None else day_option(option, text)


def run(context: AppContext, args: argparse.Namespace) -> int:
    try:
        first, last = _day("--from", args.first), _day("--to", args.last)
        if first is not None and last is not None and last < first:
            raise _Refused("--to: the last day is before the first (--from)")
        where = audit.days_filter(
            context.clinic_zone, first, last, args.staff, args.event, args.booking
        )
        text, written = audit.export_csv(context, where, args.output)
    except (_Refused, DayRefused, audit.AuditFileError) as exc:
        print(f"frontdesk audit: {exc}", file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.write(text)
    else:
        print(f"{written} lines written to {args.output}")
    return 0
