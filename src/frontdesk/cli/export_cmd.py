"""``frontdesk export``: a day, a provider's week or a patient's appointments, as an iCalendar
or a CSV file (``app.exports``, ``app.export_files``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontdesk.app.words import counted
from frontdesk.cli.days import DayRefused, day_option

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


def add_parser(sub: Any) -> None:
    ex = sub.add_parser(
        "export",
        help="write a day, a provider's week or a patient's appointments as iCalendar or CSV",
        description="Times are the clinic's (its zone: 'frontdesk settings'); in the iCalendar "
        "file they are UTC, which every calendar program shows on its own clock. A day and a "
        "patient's export name the patients; a provider's week does not. Cancelled "
        "appointments are left out. The file is readable by you only (it holds patient data); "
        "each export is recorded in the audit trail.",
    )
    what = ex.add_mutually_exclusive_group(required=True)
    what.add_argument("--day", metavar="YYYY-MM-DD", help="every appointment of this day")
    what.add_argument(
        "--week",
        metavar="YYYY-MM-DD",
        help="the week (Monday to Sunday) holding this day, of one --column",
    )
    what.add_argument(
        "--patient", metavar="NAME-OR-PHONE", help="one patient's appointments (name or phone)"
    )
    ex.add_argument(
        "--column",
        metavar="NAME",
        help="the clinic's column, or a booking system's provider, room or calendar (--week)",
    )
    ex.add_argument(
        "--connection", metavar="NAME", help="the connection of --column, when several have it"
    )
    ex.add_argument(
        "--format",
        choices=["ics", "csv"],
        help="iCalendar or CSV (default: from the file's extension, else ics)",
    )
    ex.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="the file to write"
    )


class _Refused(Exception):
    pass


def run(context: AppContext, args: argparse.Namespace) -> int:
    from frontdesk.app import audit, export_files, exports

    try:
        if args.week is None and (args.column or args.connection):
            raise _Refused("--column: only a --week export is of one column")
        if args.day is not None:
            export = exports.day_export(context, day_option("--day", args.day))
        elif args.week is not None:
            if not args.column:
                raise _Refused("--column: name the provider, room or calendar of the week")
            column = exports.find_column(context, args.column, args.connection)
            export = exports.week_export(context, day_option("--week", args.week), column.key)
        else:
            patient = exports.find_patient(context, args.patient)
            export = exports.patient_export(context, patient)
        fmt = export_files.format_of(args.output, args.format)
        written = export_files.write(export, fmt, args.output)
        try:
            audit.exported(context, export, fmt, written)
        except Exception:  # no export of patient data the audit trail does not show
            written.unlink(missing_ok=True)
            raise
    except (_Refused, DayRefused, exports.ExportError) as exc:
        print(f"frontdesk export: {exc}", file=sys.stderr)
        return 2
    shown = counted(len(export.rows), "appointment")
    print(f"{shown} written to {written} ({export_files.FORMATS[fmt]})")
    return 0
