"""meetergo's create checks, offline, against a catalog built from the doc (not the sandbox)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.verdict import Severity
from frontdesk.rules import meetergo as rules
from support.meetergo import (
    ANNA,
    BEN,
    CASES,
    CHECK_IN,
    CONSULT,
    DROP,
    GROUP,
    RISKS,
    THERAPY,
    TRIAGE,
    at,
    body,
    case_body,
    example_request,
    make_catalog,
    next_tuesday,
)

DAY = next_tuesday()
CATALOG = make_catalog([DAY])
NOW = datetime.now(UTC)


def booked(type_id: str, host: str, start: datetime, minutes: int, **changes: Any) -> Booking:
    b = Booking(
        id=f"b-{type_id[-2:]}-{start.isoformat()}-{changes.pop('n', 0)}",
        connection_id="c",
        service_id=type_id,
        resource_id=host,
        start=start,
        end=start + timedelta(minutes=minutes),
        patient_name="Other",
        patient_phone="",
        remote_id="r",
        sync_state=SyncState.CONFIRMED,
    )
    return b.with_changes(**changes)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_create_rule(case: tuple[Any, ...]) -> None:
    verdict = rules.predict_create(case_body(DAY, case), CATALOG, [], NOW)
    assert (verdict.status, verdict.message) == (case[6], case[7])
    if verdict.status >= 400:
        assert verdict.code == ("Not Found" if verdict.status == 404 else "Bad Request")
    # a check the pages do not document is a risk: the booking system may judge otherwise
    expected = Severity.RISK if case[0] in RISKS else Severity.ERROR
    assert verdict.severity is expected


def _with_extra(type_id: str, **changes: Any) -> Catalog:
    services = [
        Service(s.id, s.name, s.duration_minutes, extra={**s.extra, **changes})
        if s.id == type_id
        else s
        for s in CATALOG.services
    ]
    return Catalog(CATALOG.policy, services, CATALOG.resources, CATALOG.windows)


def test_an_undocumented_opt_in_value_may_be_provisional() -> None:
    catalog = _with_extra(CONSULT, doubleOptIn="useCompanySettings", provisional="maybe")
    verdict = rules.predict_create(body(at(DAY, 10)), catalog, [], NOW)
    assert (verdict.status, verdict.code, verdict.severity) == (
        201,
        "MAYBE_PROVISIONAL",
        Severity.RISK,
    )
    assert "useCompanySettings" in (verdict.message or "")
    on = rules.predict_create(body(at(DAY, 10), CHECK_IN), CATALOG, [], NOW)
    assert (on.status, on.message, on.severity) == (
        201,
        "Provisional booking (doubleOptIn)",
        Severity.ERROR,
    )


def test_round_robin_spots_without_members_are_only_a_risk() -> None:
    """Without the members, meetergo may list one host's spots: a start missing from them
    may still be free."""
    catalog = _with_extra(TRIAGE, members=[], membersKnown=False)
    empty = Catalog(catalog.policy, catalog.services, catalog.resources, [])
    verdict = rules.predict_create(body(at(DAY, 10), TRIAGE), empty, [], NOW)
    assert (verdict.status, verdict.message, verdict.severity) == (
        400,
        "start is not an available spot",
        Severity.RISK,
    )
    known = Catalog(CATALOG.policy, CATALOG.services, CATALOG.resources, [])
    assert rules.predict_create(body(at(DAY, 10), TRIAGE), known, [], NOW).severity is (
        Severity.ERROR
    )


def test_round_robin_with_a_chosen_host_leaves_the_queue_out() -> None:
    catalog = _with_extra(TRIAGE, allowHostSelection=True)
    chosen = body(at(DAY, 10), TRIAGE, hostIds=[BEN], queueId=DROP)
    assert rules.predict_create(chosen, catalog, [], NOW).status == 201
    both = body(at(DAY, 10), TRIAGE, hostIds=[BEN])
    verdict = rules.predict_create(both, catalog, [], NOW)
    assert verdict.message == "queueId must be undefined when a specific host is chosen"
    stranger = body(at(DAY, 10), TRIAGE, hostIds=["someone"], queueId=DROP)
    assert rules.predict_create(stranger, catalog, [], NOW).severity is Severity.RISK


def test_the_doc_example_is_accepted() -> None:
    assert rules.predict_create(example_request(at(DAY, 10)), CATALOG, [], NOW).status == 201


def test_a_body_that_is_not_an_object() -> None:
    verdict = rules.predict_create("text", CATALOG, [], NOW)
    assert (verdict.status, verdict.message, verdict.field) == (
        400,
        "Request body must be a JSON object",
        None,
    )


def test_a_start_in_the_past_is_no_spot() -> None:
    later = at(DAY, 10) + timedelta(minutes=1)
    verdict = rules.predict_create(body(at(DAY, 10)), CATALOG, [], later)
    assert verdict.message == "start is not an available spot"


def test_a_known_booking_takes_the_spot_with_buffers() -> None:
    other = booked(CONSULT, ANNA, at(DAY, 10), 30)
    # 10-minute buffer after: 10:30 falls in the other's buffer, 9:30's own buffer reaches 10:10
    for hh, mm, ok in (
        (10, 0, False),
        (10, 30, False),
        (10, 45, True),
        (9, 30, False),
        (9, 15, True),
    ):
        verdict = rules.predict_create(body(at(DAY, hh, mm)), CATALOG, [other], NOW)
        assert verdict.accepted is ok, (hh, mm)
    # another host's bookings do not matter
    ben = booked(THERAPY, BEN, at(DAY, 10), 45)
    assert rules.predict_create(body(at(DAY, 10)), CATALOG, [ben], NOW).accepted


def test_buffers_of_both_types_count() -> None:
    therapy = booked(THERAPY, BEN, at(DAY, 11), 45)  # 5 min buffers either side
    # a 45-min therapy at 10:15 ends 11:00, its own 5-min buffer after reaches 11:05 → blocked
    assert not rules.predict_create(
        body(at(DAY, 10, 15), THERAPY), CATALOG, [therapy], NOW
    ).accepted
    assert rules.predict_create(
        body(at(DAY, 10, 0), THERAPY, duration=30), CATALOG, [therapy], NOW
    ).accepted
    # a group session (no buffers) 10:00-11:00 touches the therapy's buffer 10:55 → blocked
    assert not rules.predict_create(body(at(DAY, 10), GROUP), CATALOG, [therapy], NOW).accepted


def test_group_seats() -> None:
    seats = [booked(GROUP, BEN, at(DAY, 10), 60, n=n) for n in range(2)]
    assert rules.predict_create(body(at(DAY, 10), GROUP), CATALOG, seats, NOW).accepted
    seats.append(booked(GROUP, BEN, at(DAY, 10), 60, n=3))
    assert not rules.predict_create(body(at(DAY, 10), GROUP), CATALOG, seats, NOW).accepted


def test_cancelled_provisional_and_ignored_bookings_hold_nothing() -> None:
    start = at(DAY, 10)
    others = [
        booked(CONSULT, ANNA, start, 30, visit_status=VisitStatus.CANCELLED),
        booked(CONSULT, ANNA, start, 30, n=1, sync_state=SyncState.AWAITING_CONFIRMATION),
        booked(CONSULT, ANNA, start, 30, n=3, sync_state=SyncState.NEEDS_ATTENTION),
    ]
    assert rules.predict_create(body(start), CATALOG, others, NOW).accepted
    mine = booked(CONSULT, ANNA, start, 30, n=2)
    assert rules.predict_create(
        body(start), CATALOG, [mine], NOW, ignore_booking_id=mine.id
    ).accepted


def test_parse_start_forms() -> None:
    assert rules.parse_start("2027-06-15T08:00:00.000Z") is not None
    assert rules.parse_start("2027-06-15T10:00+02:00") is not None
    for bad in ("2027-06-15T08:00:00", "2027-06-15", "2027-06-15T25:00Z", 5, None):
        assert rules.parse_start(bad) is None
