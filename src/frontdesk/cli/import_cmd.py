"""``frontdesk import FILE.csv --connection NAME``: the CSV import (``app.importer``), its
connection's catalog fetched first when it never was (right after ``connect``), its refused
rows and its summary printed.

Exit codes: 0 every row queued (or already), 1 some rows refused (the rest queued), 2 the
import could not run (no such connection, a file no row of which can be read, a catalog that
could not be fetched); nothing is queued then.
"""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontdesk.cli.errors import SAID_IN_ONE_LINE

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.import")

ALL_QUEUED, ROWS_REFUSED, NOT_RUN = 0, 1, 2


def add_parser(sub: Any) -> None:
    from frontdesk.app.importer import COLUMNS

    columns = "; ".join(f"{name}: {text}" for name, text in COLUMNS.items())
    im = sub.add_parser(
        "import",
        help="check bookings from a CSV file offline and queue the good ones",
        description="Each row is checked offline by the connection's own rules (against the "
        "cache and the rows before it); refused rows are reported as 'row N: field: reason' "
        "and nothing of them is written; the good rows are queued together in one "
        "transaction. The first row names the columns, in any order; the encoding (UTF-8, "
        "UTF-16 with its BOM, Windows-1252) and the delimiter (comma, semicolon, tab) are "
        f"found. Columns: {columns}. Exit 0: every row queued; 1: some rows refused; 2: the "
        "import could not run (nothing queued).",
    )
    im.add_argument("file", type=Path, metavar="FILE.csv")
    im.add_argument("--connection", required=True, help="the connection's name")


def _fail(said: str) -> int:
    print(f"frontdesk import: {said}", file=sys.stderr)
    return NOT_RUN


def _say_anything() -> None:
    """A refusal quotes a file's service or resource name, any character: where the output
    cannot hold it (a pipe in Windows' code page, an ASCII terminal) it is written escaped
    (\\u0151), not a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def run(context: AppContext, name: str, path: Path) -> int:
    from frontdesk.app.importer import ImportFileError, import_csv

    _say_anything()

    record = context.repo.catalogs.connection_by_name(name)
    if record is None:
        known = ", ".join(c.name for c in context.connections()) or "none yet"
        return _fail(f"connection: no connection named {name!r} ({known})")
    try:
        # a catalog never fetched (just connected) is fetched as `frontdesk sync` does
        actor = context.staff.actor().label
        report = import_csv(context.booking, record.id, path, actor, context.engine.pull)
    except ImportFileError as exc:
        return _fail(str(exc))
    except SAID_IN_ONE_LINE:
        raise  # the store, the keyring...: said by cli.main as for every command
    except Exception:  # a fault of ours: said in one line, the details in the log
        log.exception("import: the import stopped")
        return _fail(
            "FILE.csv: the import stopped on an unexpected error and nothing was queued; "
            f"the details are in {context.paths.log_dir / 'frontdesk.log'}"
        )
    for problem in report.problems:
        print(problem.line())
    already = report.already + report.accepted - report.written
    print(
        f"{report.written} queued, {len(report.problems)} refused"
        + (f", {already} already imported" if already else "")
        + f" (read as {report.read_as})"
    )
    return ROWS_REFUSED if report.problems else ALL_QUEUED
