"""``frontdesk import`` fed generated hostile files: any encoding, delimiter and line ending, NULs,
huge fields, quotes and line breaks in values, dates no calendar holds, stray values, bytes
spliced in anywhere. Whatever the file, no exception escapes, the exit code is a documented
one (0 all queued, 1 some rows refused, 2 could not run), and the store holds exactly the rows
the summary says were queued: every row is queued, refused or already there, none half-written.

The clinic's clock is 14 hours ahead of UTC and the connection's 11 behind, so the years'
edges overflow in one zone or the other.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.app.context import AppContext
from frontdesk.app.import_rows import COLUMNS, REQUIRED
from frontdesk.app.paths import Paths
from frontdesk.app.settings import ClinicSettings
from frontdesk.main import main
from support.clinic import make_catalog

FAR = (datetime(1, 1, 2, tzinfo=UTC), datetime(9999, 12, 30, tzinfo=UTC))
SUMMARY = re.compile(r"(\d+) queued, (\d+) refused(?:, (\d+) already imported)? \(read as [^()]+\)")
DAY = date.today() + timedelta(days=3)  # within the cached windows
ODD_STARTS = [
    "0001-01-01 00:00",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31 23:59",
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:30:00Z",
    "1899-12-31 10:00",
    "1900-01-01T12:00:00Z",  # the first year a start may be in
    "2999-12-31 23:59",  # the last (the connection's day before, in its zone)
    "2999-12-31T23:59:00-11:00",  # in the year 3000 in UTC
    "3000-01-01 10:00",
    "2027-02-30 10:00",
    "2027-13-01 10:00",
    "24:00",
    "",
]


@dataclass
class Desk:
    profile: Path

    def stored(self) -> tuple[int, int]:
        """How many bookings the cache holds, and how many operations wait to be sent."""
        ctx = AppContext(Paths.resolve(self.profile), use_keyring=False)
        try:
            return len(ctx.repo.bookings_between(*FAR)), ctx.repo.outbox.pending_count()
        finally:
            ctx.close()


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """A profile with one connection whose catalog is cached (no booking system needed)."""
    profile = tmp_path_factory.mktemp("hostile") / "desk"
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        ctx.update_settings(ClinicSettings(timezone="Pacific/Kiritimati", phone_region="GB"))
        record = ctx.connect("huskyvoice", "Clinic", "http://127.0.0.1:9/v1", "sk_test_hostile")
        days = [DAY + timedelta(days=n) for n in range(-2, 4)]
        catalog = make_catalog(days)
        catalog = replace(catalog, policy=replace(catalog.policy, timezone="Pacific/Pago_Pago"))
        ctx.repo.catalogs.save_catalog(record.id, catalog, days)
    finally:
        ctx.close()
    yield Desk(profile)


def _huge(char: str) -> str:
    return char * 140_000


values = st.one_of(
    st.sampled_from(
        [
            "General Checkup",
            "general checkup",
            "Vaccination",
            "Massage",
            "Branch Uuid Here",
            "branch_north",
            "Morning",
            "+442079460101",
            "+44 20 7946 0102",
            "Ann Example",
            "José Müller",
            "a@example.org",
            f"{DAY} 09:30",
            f"{DAY}T09:30:00Z",
            f"{DAY}T21:00:00-11:00",
            *ODD_STARTS,
        ]
    ),
    st.text(max_size=12),  # anything: NULs, quotes, line breaks, surrogate-free unicode
    st.text(alphabet='"\r\n\0;,\t \x85\u2028', max_size=6),
    st.integers(min_value=1990, max_value=2001).map(lambda n: "n" * n),  # notes' edge
    st.sampled_from(["x", "\0", "é"]).map(_huge),  # beyond 128 KB
)


GOOD = {  # what a usable row holds, column by column
    "service": st.sampled_from(["General Checkup", "general checkup", "Vaccination"]),
    # the connection's wall time: within its cached windows, or on days it has none for
    "start": st.builds(
        lambda d, h, m: f"{DAY + timedelta(days=d)}T{h:02d}:{m:02d}:00-11:00",
        st.integers(min_value=0, max_value=12),
        st.sampled_from([9, 10, 11, 14, 15, 16]),
        st.integers(min_value=0, max_value=59),
    ),
    "patient_name": st.sampled_from(["Ann Example", "José Müller", "O'Brien, Pat"]),
    "patient_phone": st.integers(min_value=0, max_value=99).map(lambda n: f"+4420794601{n:02d}"),
    "patient_email": st.sampled_from(["", "a@example.org"]),
    "resource": st.sampled_from(["Branch Uuid Here", "branch_north"]),
    "session": st.sampled_from(["", "Morning", "Afternoon"]),
    "notes": st.sampled_from(["", "hello", "line one\nline two", 'say "hi"; then, leave']),
}


@st.composite
def hostile_rows(draw: st.DrawFn, header: list[str]) -> list[str]:
    """A row for ``header``: usable values, none, one or two of them hostile; now and then
    values too many or too few."""
    row = [draw(GOOD.get(name.lower(), values)) for name in header]
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):  # none, one or two hostile
        if row:
            row[draw(st.integers(min_value=0, max_value=len(row) - 1))] = draw(values)
    cut = draw(st.integers(min_value=0, max_value=9))
    if cut == 0:
        return row + draw(st.lists(values, min_size=1, max_size=2))
    return row[:-1] if cut == 1 else row


@st.composite
def hostile_files(draw: st.DrawFn) -> tuple[bytes, int | None]:
    """A file's bytes, and how many of its rows hold a value (None: that cannot be told
    beforehand, as bytes were spliced in or characters replaced)."""
    if draw(st.integers(min_value=0, max_value=9)) == 0:  # any header: mostly no use
        header = draw(st.lists(st.sampled_from([*COLUMNS, "who", ""]), min_size=1, max_size=9))
    else:
        usable = [*REQUIRED, "resource", "patient_phone"]  # as HuskyVoice asks
        optional = [name for name in COLUMNS if name not in usable]
        header = [*usable, *draw(st.lists(st.sampled_from(optional), unique=True))]
        header = [n.upper() if draw(st.booleans()) else n for n in draw(st.permutations(header))]
    rows = draw(st.lists(hostile_rows(header), max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    ending = draw(st.sampled_from(["\r\n", "\n"]))
    out = io.StringIO(newline="")
    # a line break of the other kind in a value is quoted too: every field, where the file
    # ends its lines with "\n" alone
    quoting = csv.QUOTE_MINIMAL if ending == "\r\n" else csv.QUOTE_ALL
    writer = csv.writer(out, delimiter=delimiter, lineterminator=ending, quoting=quoting)
    writer.writerow(header)
    for row in rows:
        if draw(st.integers(min_value=0, max_value=4)) == 0:
            out.write(ending)  # a blank line
        writer.writerow(row)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    data = out.getvalue().encode(encoding, errors="replace")
    counted: int | None = sum(1 for row in rows if any(v.strip() for v in row))
    if encoding in ("cp1252", "latin-1"):
        counted = None  # a character no code page has became '?': a blank row may not be
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        splice = draw(st.binary(min_size=1, max_size=6))
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data, counted = data[:at] + splice + data[at:], None
    return data, counted


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_files())
def test_any_file_is_judged_row_by_row_and_nothing_is_half_written(
    desk: Desk, tmp_path_factory: pytest.TempPathFactory, generated: tuple[bytes, int | None]
) -> None:
    data, rows = generated
    path = tmp_path_factory.mktemp("file") / "bookings.csv"
    path.write_bytes(data)
    before = desk.stored()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(
            ["--profile-dir", str(desk.profile), "import", str(path), "--connection", "Clinic"]
        )
    said, errors = out.getvalue().splitlines(), err.getvalue()
    assert "Traceback" not in errors
    assert code in (0, 1, 2)
    if code == 2:  # could not run: one line saying why, nothing written
        assert said == []
        assert errors.splitlines()[-1].startswith("frontdesk import: FILE.csv: ")
        assert "unexpected error" not in errors
        assert desk.stored() == before
        return
    found = SUMMARY.fullmatch(said[-1])
    assert found is not None, said[-1]
    queued, refused, already = (int(n) if n else 0 for n in found.groups())
    problems = said[:-1]
    numbers = [re.match(r"row (\d+): \w+: ", line) for line in problems]
    assert len(problems) == refused and all(numbers)
    assert len({n.group(1) for n in numbers if n}) == refused  # one reason a row
    assert all(len(line) < 400 for line in said)  # no value echoed whole
    assert code == (1 if refused else 0)
    stored, pending = desk.stored()
    assert (stored, pending) == (before[0] + queued, before[1] + queued)
    if rows is not None:  # every row with a value is queued, refused or already there
        assert queued + refused + already == rows
