"""The confirmation list and the waiting room over a real store: "tomorrow" is the clinic's
next calendar day (a daylight-saving day is 25 or 23 hours, all of it listed), each call's
outcome kept with an audit line, and the waiting room's longest wait first."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from frontdesk.app.arrivals import Arrivals
from frontdesk.app.booking import BookingService
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.confirmations import Confirmations
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain.audit import Actor, AuditEvent, AuditFilter
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.confirmations import PatientConfirmation, tomorrow
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.storage.repo import Repository
from support.bookings import booking

LONDON = ClinicSettings(timezone="Europe/London")
ANNA = Actor("Anna", "desk-1")


def _confirmations(repo: Repository) -> Confirmations:
    return Confirmations(repo, lambda: LONDON, lambda: ANNA)


@pytest.mark.parametrize(
    ("now", "day", "inside", "outside"),
    [
        # 23:30 BST on Saturday 24 October 2026: tomorrow is the 25th, 25 hours long
        (
            datetime(2026, 10, 24, 22, 30, tzinfo=UTC),
            date(2026, 10, 25),
            [
                datetime(2026, 10, 24, 23, 10, tzinfo=UTC),
                datetime(2026, 10, 25, 23, 30, tzinfo=UTC),
            ],
            [datetime(2026, 10, 24, 22, 50, tzinfo=UTC), datetime(2026, 10, 26, 0, 10, tzinfo=UTC)],
        ),
        # 23:30 GMT on Saturday 27 March 2027: tomorrow is the 28th, 23 hours long
        (
            datetime(2027, 3, 27, 23, 30, tzinfo=UTC),
            date(2027, 3, 28),
            [datetime(2027, 3, 28, 0, 10, tzinfo=UTC), datetime(2027, 3, 28, 22, 50, tzinfo=UTC)],
            [datetime(2027, 3, 27, 23, 50, tzinfo=UTC), datetime(2027, 3, 28, 23, 10, tzinfo=UTC)],
        ),
    ],
)
def test_tomorrow_is_the_clinics_next_day_whole_on_a_daylight_saving_day(
    repo: Repository,
    now: datetime,
    day: date,
    inside: list[datetime],
    outside: list[datetime],
) -> None:
    assert tomorrow(now, "Europe/London") == day
    # "now + 24 hours" would be wrong an hour either side of the change
    assert tomorrow(now - timedelta(minutes=45), "Europe/London") == day
    repo.import_bookings(
        [booking(i, at) for i, at in enumerate(inside)]
        + [booking(10 + i, at) for i, at in enumerate(outside)]
    )
    service = _confirmations(repo)
    assert service.tomorrow(now) == day
    listed = service.call_list(service.tomorrow(now))
    assert [r.booking_id for r in listed.rows] == [f"b-{i}" for i in range(len(inside))]
    first, last = listed.rows[0], listed.rows[-1]
    assert first.start.date() == day and last.start.date() == day  # on the clinic's clock
    assert listed.counts() == "2 to call, 0 confirmed"


def test_each_call_is_kept_with_its_audit_line_and_counts(repo: Repository) -> None:
    at = datetime(2027, 6, 15, 8, 30, tzinfo=UTC)
    repo.import_bookings(
        [
            booking(1, at),
            booking(2, at + timedelta(hours=1)),
            booking(3, at + timedelta(hours=2), visit_status=VisitStatus.CANCELLED),
        ]
    )
    service = _confirmations(repo)
    day = date(2027, 6, 15)
    listed = service.call_list(day)
    assert [r.booking_id for r in listed.rows] == ["b-1", "b-2"]  # the cancelled is not called
    assert listed.rows[0].time == "09:30"  # BST
    service.mark("b-1", PatientConfirmation.NO_ANSWER, at - timedelta(days=1))
    status = service.mark("b-1", PatientConfirmation.CONFIRMED, at - timedelta(hours=20))
    assert status.confirmed and status.calls == 2
    assert "Anna" in status.words("Europe/London")
    service.mark("b-2", PatientConfirmation.LEFT_MESSAGE)
    listed = service.call_list(day)
    assert listed.counts() == "1 to call, 1 confirmed"
    assert [r.booking_id for r in listed.to_call] == ["b-2"]
    with pytest.raises(BookingRefused):
        service.mark("b-3", PatientConfirmation.CONFIRMED)
    with pytest.raises(BookingRefused):
        service.mark("b-404", PatientConfirmation.CONFIRMED)
    lines = repo.audit.audit_page(AuditFilter(event=AuditEvent.CONFIRMATION.value))
    assert len(lines) == 3
    assert lines[-1].changes == {"confirmation": ["unconfirmed", "no_answer"]}
    assert lines[-1].staff == "Anna" and lines[-1].desk == "desk-1"


def test_the_waiting_room_is_todays_arrived_not_yet_in_longest_wait_first(
    repo: Repository,
) -> None:
    now = datetime(2027, 6, 15, 10, 0, tzinfo=UTC)  # 11:00 in London
    repo.import_bookings(
        [
            booking(1, now, visit_status=VisitStatus.ARRIVED),
            booking(2, now + timedelta(minutes=30), visit_status=VisitStatus.ARRIVED),
            booking(3, now - timedelta(minutes=30), visit_status=VisitStatus.ARRIVED),
            booking(4, now + timedelta(hours=1), visit_status=VisitStatus.ARRIVED),  # no time
            booking(5, now, visit_status=VisitStatus.BOOKED),
            booking(6, now + timedelta(days=1), visit_status=VisitStatus.ARRIVED),  # tomorrow
        ]
    )
    arrivals = Arrivals(
        repo,
        lambda: BookingService(repo, {}, "desk-1"),
        lambda: LONDON,
        lambda: ANNA,
    )
    arrivals.arrived("b-1", now - timedelta(minutes=7))
    arrivals.arrived("b-2", now - timedelta(minutes=25, seconds=30))
    arrivals.arrived("b-3", now - timedelta(minutes=40))
    arrivals.seat("b-3", now - timedelta(minutes=5))  # in the chair: out of the list
    rows = arrivals.waiting_room(now)
    assert [(r.booking_id, r.minutes) for r in rows] == [("b-2", 25), ("b-1", 7), ("b-4", None)]
    assert rows[0].waited == "waiting 25 min" and rows[2].waited == "time not recorded"
    assert f"{rows[0].arrived:%H:%M}" == "10:34" and f"{rows[0].appointment:%H:%M}" == "11:30"
    later = arrivals.waiting_room(now + timedelta(minutes=50))
    assert [(r.booking_id, r.minutes) for r in later][:2] == [("b-2", 75), ("b-1", 57)]
    assert later[0].waited == "waiting 1 h 15"
    marks = arrivals.marks(["b-1", "b-3", "b-5"], now)
    assert marks["b-1"].waited == 7 and "b-3" not in marks and "b-5" not in marks
    with pytest.raises(BookingRefused):
        arrivals.seat("b-5", now)  # not arrived
    arrivals.back_to_waiting("b-3")
    assert next(r.booking_id for r in arrivals.waiting_room(now)) == "b-3"
    lines = repo.audit.audit_page(AuditFilter(event=AuditEvent.ARRIVAL.value))
    assert {line.detail for line in lines} == {"arrived", "in the chair", "back to waiting"}


def test_the_demo_has_a_few_calls_made_and_a_patient_waiting(tmp_path: Path) -> None:
    from frontdesk.app.demo import Demo
    from frontdesk.app.desk_day import demo_sample

    demo = Demo(tmp_path / "profile", clinic_zone="Europe/London")
    try:
        demo.pull()
        context = demo.context
        # the morning of a day with appointments, before the next day with appointments
        first = context.confirmations.tomorrow()
        days = [first + timedelta(days=n) for n in range(7)]
        busy = [d for d in days if context.confirmations.call_list(d).rows]
        day, after = busy[0], busy[1]
        morning = local_to_utc(day, time(7, 30), "Europe/London").instant
        assert demo_sample(context, morning)
        listed = context.confirmations.call_list(after)
        marked = [r for r in listed.rows if r.status.attempts]
        assert len(listed.rows) > len(marked) >= 2  # some called, some still to call
        assert any(r.status.confirmed for r in marked)
        waiting = context.arrivals.waiting_room(morning + timedelta(hours=1))
        assert [r.minutes for r in waiting] == [72]  # arrived 12 minutes before 07:30
        assert demo_sample(context, morning)  # once only
        assert len(
            context.repo.audit.audit_page(AuditFilter(event=AuditEvent.CONFIRMATION.value))
        ) == len(marked)
    finally:
        demo.close()


def test_each_row_has_a_number_to_call_and_the_clinics_column_name(repo: Repository) -> None:
    """A booking without a phone (CareValidate keeps none) takes the one the patient index
    holds for the name, in italics with a note; none anywhere, or several, is said in words.
    The provider is the clinic column's name where one shows the resource, else its own."""
    from frontdesk.domain.columns import ClinicColumn, ColumnSetup
    from support.clinic import MAIN, NORTH, make_catalog

    day = date(2027, 6, 15)
    repo.catalogs.save_catalog("conn-1", make_catalog([day]), [day])
    at = local_to_utc(day, time(10), "Europe/London").instant
    earlier = at - timedelta(days=30)
    repo.import_bookings(
        [
            booking(1, earlier, patient_name="Theo Fraser", patient_phone="+447700900111"),
            booking(2, earlier, patient_name="Sam Twice", patient_phone="+447700900222"),
            booking(3, earlier, patient_name="Sam Twice", patient_phone="+447700900333"),
            booking(4, at, patient_name="  theo  FRASER", patient_phone="", resource_id=MAIN),
            booking(5, at, patient_name="Nobody Known", patient_phone="", resource_id=NORTH),
            booking(6, at, patient_name="Sam Twice", patient_phone="", resource_id=NORTH),
            booking(7, at, patient_name="Own Number", patient_phone="+447700900444"),
        ]
    )
    berger = ClinicColumn("col-berger", "Dr. Berger")
    repo.columns.save(ColumnSetup((berger,), {("conn-1", MAIN): berger.id}), None)
    rows = {r.booking_id: r for r in _confirmations(repo).call_list(day).rows}
    assert (rows["b-4"].phone, rows["b-4"].provider) == ("+447700900111", "Dr. Berger")
    assert "patient records" in rows["b-4"].phone_note
    assert (rows["b-5"].phone, rows["b-5"].provider) == ("no phone on file", "Branch North")
    assert "Neither" in rows["b-5"].phone_note
    assert rows["b-6"].phone == "several numbers on file" and "Find patient" in (
        rows["b-6"].phone_note
    )
    assert (rows["b-7"].phone, rows["b-7"].phone_note, rows["b-7"].provider) == (
        "+447700900444",
        "",
        "res",  # a resource the catalog does not name: its id, as before
    )
