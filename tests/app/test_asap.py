"""The ASAP list's use-cases over a real demo clinic (its sandbox in-process, no Qt): a wrong
field named, a booking's patient put on the list, offers judged by the offline rules (a
patient holding a booking is offered only earlier times, as a move), and taking an offer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from frontdesk.app import asap
from frontdesk.app.demo import Demo
from frontdesk.domain.asap import FreedCause, FreedSlot
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID, VACCINATION_ID
from support.clinic import next_weekday

ZONE = "Europe/London"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    running = Demo(tmp_path / "profile", clinic_zone=ZONE)
    running.pull()
    try:
        yield running
    finally:
        running.close()


def _form(demo: Demo, **kw: object) -> asap.AsapForm:
    fields: dict[str, object] = {
        "patient_name": "Asha Patel",
        "patient_phone": "020 7946 0701",
        "connection_id": demo.context.connections()[0].id,
        "service_id": GENERAL_CHECKUP_ID,
        "until": asap.today(demo.context) + timedelta(days=30),
    }
    return asap.AsapForm(**{**fields, **kw})  # type: ignore[arg-type]


def _slot(demo: Demo, day: date, wall: time, service_id: str = GENERAL_CHECKUP_ID) -> FreedSlot:
    start = local_to_utc(day, wall, ZONE).instant
    return FreedSlot(
        id=99,
        connection_id=demo.context.connections()[0].id,
        service_id=service_id,
        resource_id=MAIN_BRANCH_ID,
        start=start,
        end=start + timedelta(minutes=30),
        booking_id="gone",
        cause=FreedCause.CANCELLED,
        freed_at=datetime.now(UTC),
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"patient_name": "  "}, "patient_name"),
        ({"patient_phone": ""}, "patient_phone"),
        ({"patient_phone": "12"}, "patient_phone"),
        ({"service_id": ""}, "service_id"),
        ({"until": date(2020, 1, 1)}, "until"),
    ],
)
def test_a_wrong_field_is_named(demo: Demo, change: dict[str, object], field: str) -> None:
    with pytest.raises(asap.AsapProblem) as problem:
        asap.add(demo.context, _form(demo, **change))
    assert problem.value.field == field and problem.value.message
    assert asap.entries(demo.context)[-1].patient_name != "Asha Patel"


def test_an_entry_is_kept_in_the_clinics_form_and_its_booking_remembered(demo: Demo) -> None:
    context = demo.context
    entry = asap.add(context, _form(demo, patient_name=" Asha   Patel "))
    assert entry.patient_name == "Asha Patel" and entry.patient_phone == "+442079460701"
    assert entry.added_by == "Demo Admin"
    day = next_weekday(3, after_days=9)
    held = context.booking.book(
        BookingRequest(
            connection_id=entry.connection_id,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(day, time(15), ZONE).instant,
            patient_name="Ben Holder",
            patient_phone="+442079460702",
        )
    )
    form = asap.form_of_booking(context, held)
    assert form.booking_id == held.id and form.until == day - timedelta(days=1)
    assert (form.patient_name, form.service_id) == ("Ben Holder", GENERAL_CHECKUP_ID)


def test_offers_are_judged_by_the_rules_and_a_holder_is_only_moved_earlier_offline(
    demo: Demo,
) -> None:
    context = demo.context
    day = next_weekday(1, after_days=8)
    held = context.booking.book(
        BookingRequest(
            connection_id=context.connections()[0].id,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(day + timedelta(days=2), time(10), ZONE).instant,
            patient_name="Cara Holder",
            patient_phone="+442079460703",
        )
    )
    holder = asap.add(context, asap.form_of_booking(context, held))
    plain = asap.add(context, _form(demo))
    earlier, later = _slot(demo, day, time(10)), _slot(demo, day + timedelta(days=3), time(10))
    found = {(o.entry.id, o.move) for o in asap.offers(context, [earlier])}
    assert {(holder.id, True), (plain.id, False)} <= found
    assert holder.id not in {o.entry.id for o in asap.offers(context, [later])}
    closed = _slot(demo, day, time(13))  # the clinic's lunch: no session then
    assert not {plain.id, holder.id} & {o.entry.id for o in asap.offers(context, [closed])}
    other = _slot(demo, day, time(10), VACCINATION_ID)
    assert not {plain.id, holder.id} & {o.entry.id for o in asap.offers(context, [other])}

    demo.server.stop()  # no booking system reachable: the desk offers and books all the same
    move = next(o for o in asap.offers(context, [earlier]) if o.entry.id == holder.id)
    moved = asap.take(context, move)
    assert moved.id == held.id and moved.start == earlier.start
    assert holder.id not in {e.id for e in asap.entries(context)}
    book = next(o for o in asap.offers(context, [earlier]) if o.entry.id == plain.id)
    booked = asap.take(context, book)
    assert booked.id != held.id and booked.patient_name == "Asha Patel"
    assert booked.sync_state is SyncState.PENCILLED  # sent when the booking system is back
    assert context.repo.outbox.pending_count() >= 2
    assert plain.id not in {e.id for e in asap.entries(context)}
