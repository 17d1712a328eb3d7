"""``frontdesk import`` refuses exactly the rows it refused before it read each day once: a file
whose rows overfill windows, clash with cached bookings, clash with earlier rows of the same
file, and fall on the clocks' change, on both stores.

The expected lines were taken from the importer as it was (every row re-reading ±40 days of
the cache and every accepted row before it), on this very file and cache. Each day is read
whole and narrowed to its rows' matches (``app.import_days``): the same lines both ways.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from frontdesk.app import import_days
from frontdesk.app.context import AppContext
from frontdesk.app.importer import import_csv
from frontdesk.app.paths import Paths
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import local_to_utc, utc_now, zone
from frontdesk.domain.verdict import Severity

ZONE = "America/New_York"
MAIN, NORTH = "branch-main", "branch-north"
CHECK, VACC = "svc-check", "svc-vacc"


@dataclass(frozen=True)
class Days:
    """The days of the scenario: two ordinary weekdays, a Sunday read with its one window
    closed, and the next spring-forward (a gap) and fall-back (a fold) days."""

    one: date
    two: date
    sunday: date
    gap: date
    fold: date


def _changes(after: date) -> tuple[date, date]:
    """The next day whose clocks spring forward and the next day they fall back."""
    tz = zone(ZONE)
    found: dict[bool, date] = {}
    day = after
    while len(found) < 2:
        before = datetime.combine(day, time(0), tzinfo=tz).utcoffset()
        later = datetime.combine(day, time(23, 59), tzinfo=tz).utcoffset()
        if before is not None and later is not None and before != later:
            found.setdefault(later > before, day)
        day += timedelta(days=1)
    return found[True], found[False]


def scenario_days(today: date) -> Days:
    one = today + timedelta(days=3)
    while one.weekday() > 3:  # Monday to Thursday: the next day is a weekday too
        one += timedelta(days=1)
    sunday = one + timedelta(days=6 - one.weekday())
    gap, fold = _changes(today + timedelta(days=2))
    return Days(one, one + timedelta(days=1), sunday, gap, fold)


def _window(
    name: str,
    resource: str,
    day: date,
    hours: tuple[int, int],
    capacity: int,
    session: str | None = None,
    service: str | None = None,
    is_open: bool = True,
) -> Window:
    first, last = hours
    end = time(23, 59) if last == 24 else time(last)
    window_id = f"w-{name}-{day}"
    return Window(window_id, resource, day, time(first), end, session, None, is_open, capacity,
                  service)  # fmt: skip


def catalog(days: Days) -> Catalog:
    one, two = days.one, days.two
    windows = [
        _window("main-am", MAIN, one, (9, 12), 3, "Morning"),
        _window("main-pm", MAIN, one, (13, 17), 10, "Afternoon"),
        _window("main-late", MAIN, one, (20, 24), 1, "Evening"),
        _window("north-am", NORTH, one, (9, 12), 2, "Morning"),
        _window("north-pm", NORTH, one, (13, 17), 5, "Afternoon", service=VACC),
        _window("main-am", MAIN, two, (9, 12), 2, "Morning"),
        _window("north-am", NORTH, two, (9, 12), 4, "Morning"),
        _window("main-am", MAIN, days.sunday, (9, 12), 5, "Morning", is_open=False),
        _window("main-night", MAIN, days.gap, (0, 5), 1, "Morning"),
        _window("main-night", MAIN, days.fold, (0, 4), 2, "Morning"),
    ]
    read = [one, two, days.sunday, days.gap, days.fold]
    policy = Policy(
        ZONE,
        duplicate_prevention=True,
        extra={
            "slots_read_at": (utc_now() - timedelta(minutes=5)).isoformat(),
            "slots_days": [d.isoformat() for d in read],
        },
    )
    services = [
        Service(CHECK, "General Checkup", 30),
        Service(VACC, "Vaccination", 15),
        Service("svc-old", "Old Service", 30, active=False),
    ]
    resources = [Resource(MAIN, "Main Branch"), Resource(NORTH, "North Branch")]
    return Catalog(policy, services, resources, windows)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_to_utc(day, time(hour, minute), ZONE).instant


def cached(connection_id: str, days: Days) -> list[Booking]:
    """What the cache holds already: pulled bookings (counted in the windows' places when
    the availability was read), pencils of this desk (not counted there yet), a cancelled
    one (counting nowhere)."""

    def booking(
        n: int,
        resource: str,
        start: datetime,
        phone: str,
        held: bool = False,
        visit: VisitStatus = VisitStatus.BOOKED,
    ) -> Booking:
        extra: dict[str, object] = {}
        if held:  # as a pull saw it: "at" is None
            extra["huskyvoice"] = {
                "branch_id": resource,
                "service_id": CHECK,
                "from": start.isoformat(),
                "to": (start + timedelta(hours=1)).isoformat(),
                "at": None,
                "status": "scheduled",
            }
        return Booking(
            id=f"cached-{n}",
            connection_id=connection_id,
            service_id=CHECK,
            resource_id=resource,
            start=start,
            end=start + timedelta(minutes=30),
            patient_name=f"Cached {n}",
            patient_phone=phone,
            remote_id=f"r-{n}" if held else None,
            visit_status=visit,
            sync_state=SyncState.CONFIRMED if held else SyncState.PENCILLED,
            extra=extra,
        )

    one, two = days.one, days.two
    return [
        booking(1, MAIN, at(one, 9), "+12125550190"),  # a pencil: one of main-am's 3 places
        booking(2, MAIN, at(two, 9), "+12125550191", held=True),  # already in the places
        booking(3, MAIN, at(two, 10), "+12125550192"),  # one of main-am's 2 places on day two
        booking(4, NORTH, at(one, 10), "+12125550193", visit=VisitStatus.CANCELLED),
        booking(5, NORTH, at(two, 9), "+12125550194", held=True),
    ]


def rows(days: Days) -> list[str]:
    one, two, gap, fold = days.one, days.two, days.gap, days.fold
    iso = "%Y-%m-%dT%H:%M:00Z"
    late = at(one, 23, 30).strftime(iso)  # the next UTC day, the same local day
    gap_after = datetime.combine(gap, time(7, 30), tzinfo=UTC).strftime(iso)  # 03:30 EDT
    fold_second = datetime.combine(fold, time(6, 30), tzinfo=UTC).strftime(iso)  # 01:30 EST
    return [
        "patient_name,patient_phone,service,resource,start,session",
        f"Ann A,+12125550101,General Checkup,Main Branch,{one} 09:30,",  # 2: main-am 2 of 3
        f"Ben B,+12125550102,General Checkup,Main Branch,{one} 10:00,",  # 3: 3 of 3
        f"Cat C,+12125550103,Vaccination,Main Branch,{one} 10:30,",  # 4: full
        f"Dan D,+12125550190,General Checkup,Main Branch,{one} 14:00,",  # 5: cached 1's phone
        f"Dan D,+12125550190,Vaccination,Main Branch,{one} 14:00,",  # 6: another service
        f"Eve E,+12125550101,General Checkup,North Branch,{one} 09:00,",  # 7: Ann's, same day
        f"Eve E,+12125550101,General Checkup,North Branch,{two} 09:00,",  # 8: the next day
        f"Fay F,+12125550104,General Checkup,North Branch,{one} 09:15,",  # 9: north-am 1 of 2
        f"Gus G,+12125550105,General Checkup,North Branch,{one} 09:45,",  # 10: 2 of 2
        f"Hal H,+12125550106,General Checkup,North Branch,{one} 11:45,",  # 11: full
        f"Ivy I,+12125550107,General Checkup,North Branch,{one} 14:00,",  # 12: vaccinations only
        f"Jon J,+12125550108,Vaccination,North Branch,{one} 14:00,",  # 13
        f"Kim K,+12125550109,General Checkup,Main Branch,{two} 11:00,",  # 14: the last place
        f"Lee L,+12125550110,Vaccination,North Branch,{two} 11:00,",  # 15: north-am 1 of 4
        f"Max M,+12125550111,General Checkup,Main Branch,{one} 23:00,Evening",  # 16: main-late
        f"Ned N,+12125550112,General Checkup,Main Branch,{late},",  # 17: full, same local day
        f"Oli O,+12125550113,General Checkup,Main Branch,{gap} 02:30,",  # 18: the gap
        f"Pam P,+12125550114,General Checkup,Main Branch,{gap} 01:30,",  # 19: night 1 of 1
        f"Quin Q,+12125550115,General Checkup,Main Branch,{gap_after},",  # 20: full
        f"Ray R,+12125550116,General Checkup,Main Branch,{fold} 01:30,",  # 21: the first 01:30
        f"Sue S,+12125550117,General Checkup,Main Branch,{fold_second},",  # 22: the second
        f"Tom T,+12125550118,General Checkup,Main Branch,{fold} 03:00,",  # 23: full
        f"Uma U,+12125550119,General Checkup,Main Branch,{days.sunday} 10:00,",  # 24: closed
        f"Vic V,+12125550120,General Checkup,Main Branch,{one} 12:30,",  # 25: lunch
        f"Wes W,+12125550121,General Checkup,Main Branch,{one - timedelta(days=30)} 10:00,",
        f"Xan X,+12125550122,Old Service,Main Branch,{one} 14:30,",  # 27: inactive
        f"Yul Y,+12125550123,General Checkup,,{one} 14:30,",  # 28: no branch
        f"Zoe Z,12345,General Checkup,Main Branch,{one} 14:30,",  # 29: not a phone
        f"Ann A,+12125550101,General Checkup,Main Branch,{one} 09:30,",  # 30: row 2 again
        f"Abe A,+12125550124,General Checkup,Main Branch,{one} 15:00,Evening",  # 31
        f"Bea B,+12125550125,General Checkup,Main Branch,{two} 09:30,Morning",  # 32: full (row 14)
        f"Cal C,+12125550126,General Checkup,North Branch,{two} 09:30,",  # 33: north-am 2 of 4
        f"Cal C,+12125550126,General Checkup,North Branch,{two} 10:30,",  # 34: a duplicate
    ]


EXPECTED = [
    "row 4: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
    "row 5: patient_phone: A non-cancelled appointment already exists for this phone number, "
    "type and date (DUPLICATE_BOOKING, HTTP 409)",
    "row 7: patient_phone: A non-cancelled appointment already exists for this phone number, "
    "type and date (DUPLICATE_BOOKING, HTTP 409)",
    "row 11: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
    "row 12: start: appointment_date does not fall within any configured calendar window "
    "(OUTSIDE_AVAILABILITY, HTTP 422)",
    "row 17: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
    "row 18: start: this local time does not exist on that day (the clocks change)",
    "row 20: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
    "row 23: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
    "row 24: start: The calendar window is closed (SLOT_INACTIVE, HTTP 409)",
    "row 25: start: appointment_date does not fall within any configured calendar window "
    "(OUTSIDE_AVAILABILITY, HTTP 422)",
    "row 26: start: appointment_date must be in the future (PAST_APPOINTMENT, HTTP 400)",
    "row 27: service: 'Old Service' is not a service of this connection",
    "row 28: resource: Choose where the patient is seen. (VALIDATION_ERROR, HTTP 400)",
    "row 29: patient_phone: This is not a valid phone number in the United States. Check the "
    "digits, or type a number from abroad with its country code (+…). (PHONE_INVALID, HTTP "
    "400)",
    "row 31: start: appointment_date does not fall within any configured calendar window "
    "(OUTSIDE_AVAILABILITY, HTTP 422)",
    "row 32: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
    "row 34: patient_phone: A non-cancelled appointment already exists for this phone number, "
    "type and date (DUPLICATE_BOOKING, HTTP 409)",
]


def setup(profile: Path, store_url: str | None) -> tuple[AppContext, str, Days]:
    context = AppContext(Paths.resolve(profile), use_keyring=False, database_url=store_url)
    context.update_settings(ClinicSettings(timezone=ZONE, phone_region="US"))
    record = context.connect("huskyvoice", "Clinic", "http://127.0.0.1:9/v1", "sk_test_import")
    days = scenario_days(datetime.now(zone(ZONE)).date())
    context.repo.catalogs.save_catalog(
        record.id, catalog(days), [days.one, days.two, days.sunday, days.gap, days.fold]
    )
    context.repo.import_bookings(cached(record.id, days))
    return context, record.id, days


@pytest.fixture(params=["whole days", "narrowed"])
def day_reads(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each day read whole, or narrowed to the matches of the rows on it, however many."""
    monkeypatch.setattr(import_days, "NARROW_UP_TO", 0 if request.param == "whole days" else 10**6)
    return str(request.param)


def test_the_refusals_are_the_same_row_for_row(
    tmp_path: Path, store_url: str, day_reads: str
) -> None:
    context, connection_id, days = setup(tmp_path / "desk", store_url)
    try:
        csv_file = tmp_path / "rows.csv"
        csv_file.write_text("\n".join(rows(days)) + "\n", encoding="utf-8")
        report = import_csv(context.booking, connection_id, csv_file, "desk")
        assert [p.line() for p in report.problems] == EXPECTED
        assert gc.isenabled()  # paused for the import only
        # row 30 is row 2 again: the same booking, accepted and written once
        assert (report.accepted, report.written, report.already) == (15, 14, 0)
        again = import_csv(context.booking, connection_id, csv_file, "desk")
        assert (again.accepted, again.written, again.already) == (0, 0, 15)
    finally:
        context.close()


def test_rows_on_a_day_without_cached_hours_are_judged_as_the_desk_judges_them(
    tmp_path: Path, store_url: str, day_reads: str
) -> None:
    """A day the cache holds no hours for (beyond the availability last read): the desk books
    it with a risk, and the booking system checks the hours at sync. So does an import, for
    each of its rows there, whatever rows came before. (Before, once a row was accepted within
    40 days, the rows after it were judged without that allowance: refused as outside any
    window.)"""
    context, connection_id, days = setup(tmp_path / "desk", store_url)
    try:
        later = days.one + timedelta(days=20)
        while later.weekday() > 4 or later in (days.sunday, days.gap, days.fold):
            later += timedelta(days=1)
        csv_file = tmp_path / "rows.csv"
        csv_file.write_text(
            "patient_name,patient_phone,service,resource,start\n"
            f"Ann A,+12125550101,General Checkup,Main Branch,{days.one} 14:00\n"
            f"Ben B,+12125550102,General Checkup,Main Branch,{later} 09:30\n"
            f"Cat C,+12125550103,Vaccination,Main Branch,{later} 09:30\n"
            f"Dan D,+12125550104,General Checkup,North Branch,{later} 23:30\n",
            encoding="utf-8",
        )
        report = import_csv(context.booking, connection_id, csv_file, "desk")
        assert (report.problems, report.written) == ([], 4)
        request = BookingRequest(
            connection_id=connection_id,
            service_id=CHECK,
            resource_id=MAIN,
            start=at(later, 11),
            patient_name="Eve E",
            patient_phone="+12125550105",
        )
        desk = context.booking.validate(request)
        assert "NO_CACHED_WINDOWS" in [v.code for v in desk]
        assert all(v.severity is Severity.RISK for v in desk)
    finally:
        context.close()


def test_a_narrowed_day_still_holds_the_clashes_of_other_branches(
    tmp_path: Path, store_url: str, day_reads: str
) -> None:
    """What only the patient's or the window's own bookings show: a clash with a cached booking
    of another branch, its phone written otherwise (the duplicate rule compares digits), and a
    window the cache alone fills; then a row taking a window's last place from the next."""
    context, connection_id, days = setup(tmp_path / "desk", store_url)
    try:
        one, two = days.one, days.two
        pencils = [
            Booking(
                id=f"north-{n}",
                connection_id=connection_id,
                service_id=CHECK,
                resource_id=NORTH,
                start=at(day, hour, minute),
                end=at(day, hour, minute) + timedelta(minutes=30),
                patient_name=f"North {n}",
                patient_phone=phone,
                sync_state=SyncState.PENCILLED,
            )
            for n, (day, hour, minute, phone) in enumerate(
                [(one, 11, 0, "+1 (212) 555-0177"), (two, 9, 30, "+12125550180"),
                 (two, 10, 0, "+12125550181"), (two, 10, 30, "+12125550182"),
                 (two, 11, 0, "+12125550183")]
            )
        ]  # fmt: skip
        # one of day one's North bookings; north-am of day two: its 4 places taken
        context.repo.import_bookings(pencils)
        csv_file = tmp_path / "rows.csv"
        csv_file.write_text(
            "patient_name,patient_phone,service,resource,start\n"
            f"Ola O,+12125550177,General Checkup,Main Branch,{one} 10:15\n"  # 2: north-0's
            f"Pia P,+12125550178,Vaccination,North Branch,{two} 11:30\n"  # 3: full
            f"Ola O,+12125550177,Vaccination,Main Branch,{two} 09:50\n"  # 4: main-am 2 of 2
            f"Rex R,+12125550179,General Checkup,Main Branch,{two} 10:15\n",  # 5: full
            encoding="utf-8",
        )
        report = import_csv(context.booking, connection_id, csv_file, "desk")
        assert [p.line() for p in report.problems] == [
            "row 2: patient_phone: A non-cancelled appointment already exists for this phone "
            "number, type and date (DUPLICATE_BOOKING, HTTP 409)",
            "row 3: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
            "row 5: start: No remaining capacity in this window (SLOT_FULL, HTTP 409)",
        ]
        assert report.written == 1
    finally:
        context.close()
