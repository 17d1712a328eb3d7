"""HuskyVoice's create rules, offline: every code in docs/providers.md's check order."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Window
from frontdesk.domain.timeutil import iso_utc, local_to_utc
from frontdesk.domain.verdict import Severity
from frontdesk.rules.huskyvoice import (
    DUPLICATES_KNOWN,
    HELD,
    SLOTS_READ_AT,
    SLOTS_READ_BY_DAY,
    normalize_phone,
    places_left,
    predict_change,
    predict_create,
)
from support.clinic import CHECKUP, MAIN, NORTH, make_catalog, next_weekday

NOW = datetime.now(UTC)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), "Europe/London").instant


def body(day: date, hh: int = 9, mm: int = 30, **extra: Any) -> dict[str, Any]:
    b: dict[str, Any] = {
        "appointment_type": "General Checkup",
        "appointment_date": iso_utc(at(day, hh, mm)),
        "patient_name": "Aadhi",
        "parent_phone": "+919840XXXXXX",
        "session": "Morning",
        "branch_id": MAIN,
    }
    b.update(extra)
    return {k: v for k, v in b.items() if v is not None}


def existing(day: date, hh: int, n: int, *, phone: str = "+442079460001", **kw: Any) -> Booking:
    start = at(day, hh, 0)
    return Booking(
        id=f"b{n}",
        connection_id="c",
        service_id=kw.pop("service_id", CHECKUP),
        resource_id=kw.pop("resource_id", MAIN),
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="P",
        patient_phone=phone,
        remote_id=f"appt_{n}",
        **kw,
    )


@pytest.fixture
def tuesday() -> date:
    return next_weekday(1)


@pytest.fixture
def catalog(tuesday: date) -> Catalog:
    days = [tuesday + timedelta(days=i) for i in range(-2, 7)]
    return make_catalog(days)


def code(
    b: object, catalog: Catalog, bookings: list[Booking] | None = None
) -> tuple[int, str | None]:
    v = predict_create(b, catalog, bookings or [], NOW)
    return v.status, v.code


def test_seed_example_is_accepted(tuesday: date, catalog: Catalog) -> None:
    assert code(body(tuesday), catalog) == (201, None)


def test_body_must_be_object(catalog: Catalog) -> None:
    v = predict_create(["x"], catalog, [], NOW)
    assert (v.status, v.code, v.message) == (
        400,
        "VALIDATION_ERROR",
        "Request body must be a JSON object",
    )


@pytest.mark.parametrize(
    "field", ["appointment_type", "appointment_date", "patient_name", "parent_phone"]
)
@pytest.mark.parametrize("bad", [None, "", "   ", 12])
def test_required_fields(tuesday: date, catalog: Catalog, field: str, bad: object) -> None:
    b = body(tuesday)
    b[field] = bad
    v = predict_create(b, catalog, [], NOW)
    assert (v.status, v.code, v.field, v.message) == (
        400,
        "VALIDATION_ERROR",
        field,
        f"{field} is required",
    )


def test_required_fields_reported_in_order(catalog: Catalog) -> None:
    v = predict_create({"parent_phone": "1"}, catalog, [], NOW)
    assert v.field == "appointment_type"


def test_optional_fields_must_be_strings(tuesday: date, catalog: Catalog) -> None:
    v = predict_create(body(tuesday, batch=5), catalog, [], NOW)
    assert (v.code, v.message) == ("VALIDATION_ERROR", "batch must be a string")


def test_unparseable_date(tuesday: date, catalog: Catalog) -> None:
    v = predict_create(body(tuesday, appointment_date="15/06/2027"), catalog, [], NOW)
    assert (v.status, v.field) == (400, "appointment_date")


def test_bad_session(tuesday: date, catalog: Catalog) -> None:
    v = predict_create(body(tuesday, session="Night"), catalog, [], NOW)
    assert (v.code, v.field) == ("VALIDATION_ERROR", "session")
    assert code(body(tuesday, session="morning"), catalog) == (201, None)


def test_branch_required_with_two_branches(tuesday: date, catalog: Catalog) -> None:
    b = body(tuesday)
    del b["branch_id"]
    v = predict_create(b, catalog, [], NOW)
    assert v.message == "branch_id is required when the organization has more than one branch"
    v = predict_create(body(tuesday, branch_id="nowhere"), catalog, [], NOW)
    assert v.message == "branch_id does not match any branch"


def test_single_branch_is_resolved(tuesday: date) -> None:
    single = make_catalog([tuesday], branches=(MAIN,))
    b = body(tuesday)
    del b["branch_id"]
    assert code(b, single) == (201, None)


def test_idempotent_replay_answers_200(tuesday: date, catalog: Catalog) -> None:
    first = existing(tuesday, 9, 1, external_ref="ref-1")
    v = predict_create(body(tuesday, external_reference_id="ref-1"), catalog, [first], NOW)
    assert (v.status, v.existing_id) == (200, "appt_1")
    cancelled = first.with_changes(visit_status=VisitStatus.CANCELLED)
    v = predict_create(body(tuesday, external_reference_id="ref-1"), catalog, [cancelled], NOW)
    assert v.status == 201


def test_past_appointment(catalog: Catalog) -> None:
    past = date.today() - timedelta(days=3)
    assert code(body(past), catalog) == (400, "PAST_APPOINTMENT")


def test_type_by_uuid_and_case_insensitive_name(tuesday: date, catalog: Catalog) -> None:
    assert code(body(tuesday, appointment_type=CHECKUP), catalog) == (201, None)
    assert code(body(tuesday, appointment_type="  general CHECKUP "), catalog) == (201, None)
    assert code(body(tuesday, appointment_type="Old Service"), catalog) == (
        422,
        "INVALID_APPOINTMENT_TYPE",
    )
    assert code(body(tuesday, appointment_type="Massage"), catalog) == (
        422,
        "INVALID_APPOINTMENT_TYPE",
    )


def test_outside_availability(tuesday: date, catalog: Catalog) -> None:
    assert code(body(tuesday, 13, 0, session=None), catalog) == (422, "OUTSIDE_AVAILABILITY")
    # inside the Afternoon window but the request says Morning
    assert code(body(tuesday, 15, 0), catalog) == (422, "OUTSIDE_AVAILABILITY")
    assert code(body(tuesday, 15, 0, session="Afternoon"), catalog) == (201, None)
    # a date-only value is UTC midnight
    assert code(body(tuesday, appointment_date=tuesday.isoformat()), catalog) == (
        422,
        "OUTSIDE_AVAILABILITY",
    )
    # the end of a window is not inside it
    assert code(body(tuesday, 12, 0), catalog) == (422, "OUTSIDE_AVAILABILITY")


def test_sunday_window_is_closed(tuesday: date, catalog: Catalog) -> None:
    sunday = tuesday + timedelta(days=5)
    assert code(body(sunday), catalog) == (409, "SLOT_INACTIVE")


def test_slot_full_counts_every_service(tuesday: date, catalog: Catalog) -> None:
    """The cached capacity is the window's available_slots; every non-cancelled booking in it
    counts, whatever its service [ours: refuses whenever either reading would]."""
    full = [existing(tuesday, 9, n, phone=f"+4420794600{n:02d}") for n in range(6)]
    assert code(body(tuesday), catalog, full) == (409, "SLOT_FULL")
    assert code(body(tuesday, appointment_type="Vaccination"), catalog, full) == (
        409,
        "SLOT_FULL",
    )
    mixed = [*full[:5], full[5].with_changes(service_id="svc-vacc")]
    assert code(body(tuesday), catalog, mixed) == (409, "SLOT_FULL")
    assert code(body(tuesday, branch_id=NORTH), catalog, full) == (201, None)
    freed = [*full[:5], full[5].with_changes(visit_status=VisitStatus.CANCELLED)]
    assert code(body(tuesday), catalog, freed) == (201, None)


def held(b: Booking, at: datetime | None, branch: str | None = None) -> Booking:
    """``b`` as the connector leaves a booking HuskyVoice holds (pulled: ``at`` None)."""
    window_start = at_london(b.start.date(), 9)
    return b.with_changes(
        sync_state=SyncState.CONFIRMED,
        extra={
            HELD: {
                "branch_id": branch or b.resource_id,
                "service_id": b.service_id,
                "from": iso_utc(window_start),
                "to": iso_utc(window_start + timedelta(hours=3)),
                "at": iso_utc(at) if at is not None else None,
                "status": "confirmed",
            }
        },
    )


def at_london(day: date, hh: int) -> datetime:
    return local_to_utc(day, time(hh), "Europe/London").instant


def read_at(catalog: Catalog, when: datetime) -> Catalog:
    policy = replace(catalog.policy, extra={SLOTS_READ_AT: iso_utc(when)})
    return replace(catalog, policy=policy)


def test_a_day_kept_from_an_earlier_read_counts_from_that_read(
    tuesday: date, catalog: Catalog
) -> None:
    """A day a refresh could not read keeps its windows and the time they were read
    (``SLOTS_READ_BY_DAY``): a booking accepted between that read and the refresh's is not in
    its ``available_slots``, though it is in the days read at the refresh."""
    older, newer = NOW - timedelta(hours=2), NOW - timedelta(minutes=10)
    between = newer - timedelta(minutes=30)
    pulled = [held(existing(tuesday, 9, n, phone=f"+44770090{n:04d}"), between) for n in range(6)]
    refreshed = read_at(catalog, newer)
    assert code(body(tuesday), refreshed, pulled) == (201, None)  # counted in the figure
    extra = {**refreshed.policy.extra, SLOTS_READ_BY_DAY: {tuesday.isoformat(): iso_utc(older)}}
    kept = replace(refreshed, policy=replace(refreshed.policy, extra=extra))
    assert code(body(tuesday), kept, pulled) == (409, "SLOT_FULL")  # the day's figure is older
    other = {
        **extra,
        SLOTS_READ_BY_DAY: {(tuesday + timedelta(days=1)).isoformat(): iso_utc(older)},
    }
    elsewhere = replace(refreshed, policy=replace(refreshed.policy, extra=other))
    assert code(body(tuesday), elsewhere, pulled) == (201, None)  # another day's is


def test_only_what_available_slots_cannot_include_counts(tuesday: date, catalog: Catalog) -> None:
    """available_slots is live when read: bookings a pull saw, or that the booking system
    accepted before that read, are in it already; pencilled ones, and ones accepted since,
    are not."""
    read = NOW - timedelta(minutes=10)
    cached = read_at(catalog, read)
    pulled = [held(existing(tuesday, 9, n, phone=f"+44770090{n:04d}"), None) for n in range(6)]
    assert code(body(tuesday), cached, pulled) == (201, None)
    before = [held(b, read - timedelta(minutes=1)) for b in pulled]
    assert code(body(tuesday), cached, before) == (201, None)
    since = [held(b, read + timedelta(minutes=1)) for b in pulled]
    assert code(body(tuesday), cached, since) == (409, "SLOT_FULL")
    pencilled = [b.with_changes(extra={}, sync_state=SyncState.PENCILLED) for b in pulled]
    assert code(body(tuesday), cached, pencilled) == (409, "SLOT_FULL")
    # moved at the desk to another window (pencilled): not where the remote holds it
    moved = [b.with_changes(start=at_london(tuesday, 14)) for b in pulled]
    assert code(body(tuesday, 15, 0, session="Afternoon"), cached, moved) == (409, "SLOT_FULL")
    assert code(body(tuesday), cached, moved) == (201, None)
    # five places left as read: five more fit, the sixth does not
    smaller = replace(
        cached,
        windows=[
            replace(w, capacity=5) if w.window_id == f"{MAIN}_morning" else w
            for w in cached.windows
        ],
    )
    window = next(
        w for w in smaller.windows if w.window_id == f"{MAIN}_morning" and w.day == tuesday
    )
    assert places_left(window, smaller, pencilled[:4]) == 1
    assert code(body(tuesday), smaller, pencilled[:4]) == (201, None)
    assert code(body(tuesday), smaller, pencilled[:5]) == (409, "SLOT_FULL")
    assert places_left(window, smaller, pencilled) == 0


def test_a_window_restricted_to_one_service(tuesday: date, catalog: Catalog) -> None:
    """A window "can optionally be restricted to a specific service type": the others fall
    outside it (OUTSIDE_AVAILABILITY)."""
    restricted = replace(
        catalog,
        windows=[
            replace(w, service_id="svc-vacc") if w.resource_id == MAIN else w
            for w in catalog.windows
        ],
    )
    assert code(body(tuesday), restricted) == (422, "OUTSIDE_AVAILABILITY")
    assert code(body(tuesday, appointment_type="Vaccination"), restricted) == (201, None)
    assert code(body(tuesday, branch_id=NORTH), restricted) == (201, None)
    # a restricted window beside an open one: the one that takes the service is used
    both = replace(
        catalog,
        windows=[
            *catalog.windows,
            Window("vacc", MAIN, tuesday, time(9), time(12), "Morning", "VA", True, 6, "svc-vacc"),
        ],
    )
    assert code(body(tuesday, appointment_type="Vaccination"), both) == (201, None)


def test_a_booking_held_remotely_keeps_its_branch_and_service(tuesday: date) -> None:
    booking = held(existing(tuesday, 9, 1), None)
    assert predict_change(booking) is None
    verdict = predict_change(booking.with_changes(resource_id=NORTH))
    assert verdict is not None
    assert (verdict.status, verdict.code, verdict.field) == (400, "VALIDATION_ERROR", "resource_id")
    assert verdict.message and "Cancel it and book it again" in verdict.message
    verdict = predict_change(booking.with_changes(service_id="svc-vacc"))
    assert verdict is not None and verdict.field == "service_id"
    # not held remotely yet (its create has not left): the create carries any change
    assert predict_change(booking.with_changes(resource_id=NORTH, remote_id=None)) is None


def test_duplicate_booking(tuesday: date, catalog: Catalog) -> None:
    other = existing(tuesday, 14, 1, phone="+91 9840-XXXXXX")
    v = predict_create(body(tuesday), catalog, [other], NOW)
    assert (v.status, v.code, v.existing_id) == (409, "DUPLICATE_BOOKING", "appt_1")
    cancelled = other.with_changes(visit_status=VisitStatus.CANCELLED)
    assert code(body(tuesday), catalog, [cancelled]) == (201, None)
    off = make_catalog([tuesday], duplicate_prevention=False)
    assert code(body(tuesday), off, [other]) == (201, None)
    next_day = existing(tuesday + timedelta(days=1), 9, 2, phone="+919840XXXXXX")
    assert code(body(tuesday), catalog, [next_day]) == (201, None)


def test_an_unknown_duplicate_setting_makes_a_duplicate_a_risk(
    tuesday: date, catalog: Catalog
) -> None:
    """The create page: DUPLICATE_BOOKING "Only applies when duplicate prevention is enabled
    in your org settings"; where the configuration does not say, it is only a risk."""
    other = existing(tuesday, 14, 1, phone="+919840XXXXXX")
    unknown = replace(
        catalog,
        policy=replace(catalog.policy, duplicate_prevention=False, extra={DUPLICATES_KNOWN: False}),
    )
    v = predict_create(body(tuesday), unknown, [other], NOW)
    assert (v.status, v.code, v.severity) == (409, "DUPLICATE_BOOKING", Severity.RISK)
    assert v.message and "does not say" in v.message
    v = predict_create(body(tuesday), catalog, [other], NOW)
    assert v.severity is Severity.ERROR


def test_dst_summer_vs_winter(catalog: Catalog) -> None:
    july = next_weekday(1, after_days=2)
    while july.month != 7:
        july += timedelta(days=7)
    january = july + timedelta(days=7 * 27)
    cat = make_catalog([july, january])
    summer = body(july, appointment_date=f"{july.isoformat()}T08:30:00.000Z")
    winter = body(january, appointment_date=f"{january.isoformat()}T08:30:00.000Z")
    assert code(summer, cat) == (201, None)
    assert code(winter, cat) == (422, "OUTSIDE_AVAILABILITY")


def test_phone_normalisation() -> None:
    assert normalize_phone(" +44 (20) 7946-0123 ") == "+442079460123"
    assert normalize_phone("020 7946 0123") == "02079460123"
    assert normalize_phone("+٤4 ２0") == "+40"  # other scripts' digits are not digits here
